"""A second peer for the bench (issue 27): a full-text index of the same files built by SQLite's
FTS5 (positional, the default detail=full), the work a search tool does to make every word
answerable. Prints one JSON line: files, bytes, and the wall time, CPU time and peak resident
memory of the build. Usage: python3 fts5.py CORPUS_DIR DB_PATH"""

import json
import os
import resource
import sqlite3
import sys
import time


def main() -> None:
    corpus, db_path = sys.argv[1], sys.argv[2]
    if os.path.exists(db_path):
        os.remove(db_path)
    cpu = lambda: sum(resource.getrusage(resource.RUSAGE_SELF)[:2])
    started, started_cpu = time.perf_counter(), cpu()
    db = sqlite3.connect(db_path)
    db.execute("CREATE VIRTUAL TABLE docs USING fts5(path UNINDEXED, body)")
    files = size = 0
    with db:
        for folder, _, names in os.walk(corpus):
            for name in sorted(names):
                with open(os.path.join(folder, name), "rb") as f:
                    raw = f.read()
                files += 1
                size += len(raw)
                db.execute("INSERT INTO docs VALUES (?, ?)", (name, raw.decode("utf-8", "replace")))
    db.close()
    wall, used = time.perf_counter() - started, cpu() - started_cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps({"sqlite": sqlite3.sqlite_version, "files": files, "bytes": size, "wall": wall, "cpu": used, "peak": peak, "db": os.path.getsize(db_path)}))
    os.remove(db_path)


main()
