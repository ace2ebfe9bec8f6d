// The persistent index cache, in the editor's storage folder, per corpus: one JSON line per
// document (its recurring strings written once, in a table the lines build: cacheStrings.ts), its
// lists and columns of numbers in a binary file beside (columnFile.ts), and one JSON line per
// note for the notes' mentions. A document is reused when its size and modification time (or,
// failing those, its content hash) match, and the whole cache only when the analysis and the
// catalog are the same. Written to temporary files and renamed, so a crash leaves the old cache or
// none, never half of one; anything unreadable means "index again", never an error.

import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { CachedNote } from '../core/index/noteCache';
import { columnsOf, withColumns, withoutColumns } from '../core/index/snapshot';
import { BYTE_ORDER, ColumnStream, ColumnWriter } from './columnFile';
import { StringNumbering, StringTable, type NumberedSnapshot } from './cacheStrings';
import type { CacheReading, CachedFile, IndexCacheStore } from '../core/sync/host';
import { openRegularFile } from './files';

/**
 * Version 2: the columns of numbers in a file of their own (`columnFile.ts`); 3: each string written
 * once (`cacheStrings.ts`); 4: an entry's lists in the column file too, as one column before its others.
 */
const FORMAT = 'corpus-lens-index/4';
const NOTES_FORMAT = 'corpus-lens-notes';
/** What the log says is done instead, of each file the cache is made of, when it cannot be used or written. */
const INSTEAD: Record<string, { now: string; next: string }> = {
  [FORMAT]: { now: 'indexing afresh', next: 'The next start will index afresh.' },
  [NOTES_FORMAT]: { now: 'matching the notes afresh', next: 'The next start will match the notes afresh.' },
};
/** The cache is read in large chunks: each chunk is a trip through the thread pool. */
const READ_CHUNK = 4 << 20;
const WRITE_BYTES = 1 << 20;
/** No entry is this long: a 50 MB document's snapshot is a fraction of it. */
const MAX_LINE_BYTES = 256 << 20;
const NEWLINE = 0x0a;
const MAX_CACHE_BYTES = 4 * 2 ** 30;
/** How long the save may hold the thread before it yields to requests. */
const SAVE_SLICE_MS = 4;

interface Header {
  format: string;
  key: string;
  root: string;
  /** How many entries follow: files, or notes. */
  files: number;
  /** The documents' column file: the id it opens with, and the byte order of its numbers. */
  columns?: { id: string; order: string };
}

/**
 * The lines of a cache file, read in large chunks. A line longer than any entry can be (a file
 * without line breaks, say) is an error, not a string grown until memory runs out.
 */
async function* cacheLines(file: FileHandle): AsyncGenerator<string> {
  const stream = file.createReadStream({ highWaterMark: READ_CHUNK });
  // The bytes of the line not yet ended: joined once, when it ends.
  let pending: Buffer[] = [];
  let pendingLength = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let start = 0;
      // A line is decoded alone: one of ASCII is then a one-byte string, whatever its neighbours
      // hold (a chunk decoded whole became two-byte for one curly quote, and parsed slower).
      // UTF-8 never uses the newline's byte inside a character.
      for (let end = chunk.indexOf(NEWLINE); end >= 0; end = chunk.indexOf(NEWLINE, start)) {
        yield pending.length ? Buffer.concat([...pending, chunk.subarray(start, end)]).toString('utf8') : chunk.toString('utf8', start, end);
        pending = [];
        pendingLength = 0;
        start = end + 1;
      }
      if (start < chunk.length) {
        pending.push(chunk.subarray(start));
        pendingLength += chunk.length - start;
        if (pendingLength > MAX_LINE_BYTES) throw new Error(`a line is longer than ${MAX_LINE_BYTES / 2 ** 20} MB`);
      }
    }
    if (pending.length) yield Buffer.concat(pending).toString('utf8');
  } finally {
    stream.destroy();
  }
}

export class IndexCache implements IndexCacheStore {
  readonly path: string;
  /** The notes' mentions, beside the documents: written whenever a note changes, without the corpus. */
  private readonly notesPath: string;
  /** The documents' columns of numbers. */
  private readonly columnsPath: string;

  constructor(
    private readonly directory: string,
    private readonly root: string,
    private readonly log: (message: string) => void,
  ) {
    const name = createHash('sha1').update(root).digest('hex').slice(0, 16);
    this.path = join(directory, `index-${name}.jsonl`);
    this.columnsPath = join(directory, `index-${name}.columns`);
    this.notesPath = join(directory, `notes-${name}.jsonl`);
  }

  /**
   * The cache for this key, read an entry at a time as the caller goes (with the columns of each
   * entry from the column file), or undefined when there is no usable cache. A fault found on the
   * way is logged and thrown from the iteration.
   */
  async load(key: string): Promise<CacheReading | undefined> {
    const opened = await this.open(this.path, FORMAT, key, 'The index cache was made with another catalog or version of Corpus Lens; indexing afresh.');
    if (!opened) return undefined;
    const { header, lines, close } = opened;
    let columns: ColumnStream;
    try {
      const { id, order } = header.columns ?? {};
      if (typeof id !== 'string' || !/^[0-9a-f]{32}$/.test(id) || order !== BYTE_ORDER) throw new Error('its header does not describe its columns');
      columns = await ColumnStream.open(this.columnsPath, id, MAX_CACHE_BYTES).catch((error: { code?: string }) => {
        // Not "no cache": the JSON file is there, so the pair is broken, and the log says so.
        throw error.code === 'ENOENT' ? new Error('its column file is missing') : error;
      });
    } catch (error) {
      await close();
      this.log(`The index cache ${this.path} cannot be read (${(error as Error).message}); ${INSTEAD[FORMAT].now}.`);
      return undefined;
    }
    const path = this.path;
    const log = this.log;
    const strings = new StringTable();
    return {
      files: header.files,
      entries: async function* () {
        let count = 0;
        try {
          for await (const line of lines) {
            if (!line) continue;
            const entry = JSON.parse(line) as Omit<CachedFile, 'snapshot'> & { snapshot: NumberedSnapshot; strings: unknown };
            const { uri, size, mtime, change, hash, snapshot: numbered, strings: fresh } = entry;
            if (typeof uri !== 'string' || typeof size !== 'number' || typeof mtime !== 'number' || !numbered || typeof numbered !== 'object') throw new Error('malformed entry');
            // The numbers of the entry's lists and columns are read before they are taken; the lists come first.
            const lengths = [numbered.lists, ...(Array.isArray(numbered.columns) ? numbered.columns : [])];
            if (!lengths.every((n) => Number.isSafeInteger(n) && n >= 0)) throw new Error('the column lengths are malformed');
            await columns.ready(lengths.reduce((sum, n) => sum + n, 0));
            const rest = strings.read(uri, numbered, fresh, columns.take(numbered.lists));
            const file: CachedFile = { uri, size, mtime, hash, snapshot: withColumns(rest, (length) => columns.take(length)) };
            if (change !== undefined) file.change = change;
            count++;
            yield file;
          }
        } catch (error) {
          log(`The index cache ${path} cannot be read (${(error as Error).message}); ${INSTEAD[FORMAT].now}.`);
          throw error;
        } finally {
          await Promise.all([close(), columns.close()]);
        }
        if (count !== header.files || !columns.done) {
          log(`The index cache ${path} is incomplete; ${INSTEAD[FORMAT].now}.`);
          throw new Error('the index cache is incomplete');
        }
      },
    };
  }

  /** The notes kept for this key, by uri (their mentions are checked against each note's text when used). */
  async loadNotes(key: string): Promise<Map<string, CachedNote> | undefined> {
    // Another key is the usual case after the corpus taught a new name: no log line for it.
    return this.read(this.notesPath, NOTES_FORMAT, key, (note: CachedNote) => {
      if (typeof note.uri !== 'string' || typeof note.hash !== 'string' || !Array.isArray(note.mentions)) throw new Error('malformed entry');
      return note.uri;
    });
  }

  /** Writes the cache; yields between documents, every few milliseconds, so that requests are answered meanwhile. */
  async save(key: string, files: Iterable<CachedFile>, count: number, yieldToRequests: () => Promise<void>): Promise<boolean> {
    // The columns go to their own file as the entries are written; the JSON header names that file's id.
    const temporary = `${this.columnsPath}.${process.pid}.tmp`;
    const id = randomBytes(16).toString('hex');
    let handle: FileHandle | undefined;
    try {
      await mkdir(this.directory, { recursive: true });
      await removeLeftovers(this.directory, this.columnsPath);
      await rm(temporary, { force: true, recursive: true });
      handle = await open(temporary, 'wx');
      const writer = await ColumnWriter.open(handle, id, WRITE_BYTES);
      const numbering = new StringNumbering();
      const entries = async function* (): AsyncGenerator<unknown> {
        for (const file of files) {
          const { snapshot, lists, strings } = numbering.number(withoutColumns(file.snapshot));
          await writer.add(lists);
          for (const column of columnsOf(file.snapshot)) await writer.add(column);
          yield { ...file, snapshot, strings };
        }
        await writer.flush();
      };
      const written = await this.write(this.path, FORMAT, key, entries(), count, yieldToRequests, { id, order: BYTE_ORDER }, async () => {
        await handle!.close();
        handle = undefined;
        await rename(temporary, this.columnsPath);
      });
      return written;
    } catch (error) {
      this.log(`Could not write the index cache ${this.columnsPath}: ${(error as Error).message}. ${INSTEAD[FORMAT].next}`);
      return false;
    } finally {
      await handle?.close();
      await rm(temporary, { force: true }).catch(() => undefined);
    }
  }

  saveNotes(key: string, notes: readonly CachedNote[], yieldToRequests: () => Promise<void>): Promise<boolean> {
    return this.write(this.notesPath, NOTES_FORMAT, key, notes, notes.length, yieldToRequests);
  }

  /**
   * A cache file opened and its header checked: its lines after the header, to be read once (and
   * closed by reading them to the end, or by `close`); undefined when the file is missing, of
   * another format or corpus, or made for another key.
   */
  private async open(path: string, format: string, key: string, otherKey: string | undefined): Promise<{ header: Header; lines: AsyncGenerator<string>; close: () => Promise<void> } | undefined> {
    let handle: FileHandle | undefined;
    try {
      // A cache this large was not written by us for a corpus that fits in memory: holding it would not fit either.
      // Only a regular file is read, and not through a link: a FIFO put in its place would keep the
      // read waiting for ever, a link would lead out of the storage folder.
      const opened = await openRegularFile(path, { noLink: true });
      handle = opened.handle;
      if (opened.info.size > MAX_CACHE_BYTES) throw new Error(`it is ${Math.round(opened.info.size / 2 ** 20)} MB, over the ${MAX_CACHE_BYTES / 2 ** 30} GB a cache may take`);
      const lines = cacheLines(handle);
      const file = handle;
      const close = async () => {
        await lines.return(undefined);
        await file.close();
      };
      let first = await lines.next();
      while (!first.done && !first.value) first = await lines.next();
      try {
        if (first.done) throw new Error('it is empty');
        const header = JSON.parse(first.value) as Header;
        if (header.format !== format && header.format?.split('/')[0] === format.split('/')[0] && header.root === this.root) {
          // Written by another version of Corpus Lens, in a format of its own.
          if (otherKey) this.log(otherKey);
          await close();
          return undefined;
        }
        if (header.format !== format || header.root !== this.root) throw new Error('not a cache of this corpus');
        if (header.key !== key) {
          if (otherKey) this.log(otherKey);
          await close();
          return undefined;
        }
        if (!Number.isSafeInteger(header.files) || header.files < 0) throw new Error('its header does not count its entries');
        return { header, lines, close };
      } catch (error) {
        await close();
        throw error;
      }
    } catch (error) {
      await handle?.close().catch(() => undefined);
      if ((error as { code?: string }).code === 'ENOENT') return undefined;
      this.log(`The index cache ${path} cannot be read (${(error as Error).message}); ${INSTEAD[format].now}.`);
      return undefined;
    }
  }

  /**
   * The entries of a cache file by the key `check` gives each (it throws for a malformed one), or
   * undefined when the file is missing, unreadable, incomplete or made for another key.
   */
  private async read<T>(path: string, format: string, key: string, check: (entry: T) => string): Promise<Map<string, T> | undefined> {
    const opened = await this.open(path, format, key, undefined);
    if (!opened) return undefined;
    const entries = new Map<string, T>();
    try {
      for await (const line of opened.lines) {
        if (!line) continue;
        const entry = JSON.parse(line) as T;
        entries.set(check(entry), entry);
      }
    } catch (error) {
      this.log(`The index cache ${path} cannot be read (${(error as Error).message}); ${INSTEAD[format].now}.`);
      return undefined;
    } finally {
      await opened.close();
    }
    if (entries.size !== opened.header.files) {
      this.log(`The index cache ${path} is incomplete; ${INSTEAD[format].now}.`);
      return undefined;
    }
    return entries;
  }

  /** Writes a cache file whole, or leaves the one before; yields between entries, every few milliseconds. */
  private async write(
    path: string,
    format: string,
    key: string,
    entries: Iterable<unknown> | AsyncIterable<unknown>,
    count: number,
    yieldToRequests: () => Promise<void>,
    columns?: Header['columns'],
    beforeRename?: () => Promise<void>,
  ): Promise<boolean> {
    const temporary = `${path}.${process.pid}.tmp`;
    try {
      await mkdir(this.directory, { recursive: true });
      await removeLeftovers(this.directory, path);
      // Whatever was left at the temporary path (a file of a crashed server, a FIFO) goes first; the
      // new file is created, never opened through a link or a pipe.
      await rm(temporary, { force: true, recursive: true });
      const handle = await open(temporary, 'wx');
      try {
        const header: Header = { format, key, root: this.root, files: count, ...(columns ? { columns } : {}) };
        let chunk = `${JSON.stringify(header)}\n`;
        let written = 0;
        let slice = Date.now();
        for await (const entry of entries) {
          chunk += `${JSON.stringify(entry)}\n`;
          written++;
          if (chunk.length > WRITE_BYTES) {
            await handle.write(chunk);
            chunk = '';
          }
          // By time, not by bytes: a megabyte of snapshots takes tens of milliseconds to make.
          if (Date.now() - slice >= SAVE_SLICE_MS) {
            await yieldToRequests();
            slice = Date.now();
          }
        }
        await handle.write(chunk);
        if (written !== count) throw new Error(`expected ${count} entries, wrote ${written}`);
      } finally {
        await handle.close();
      }
      // Each server writes its own temporary file and renames it into place: two servers on one
      // cache directory never interleave their writes, the last one to finish wins. The column file
      // first: a JSON file never names columns that are not in place (a pair from two saves is refused).
      await beforeRename?.();
      await rename(temporary, path);
      return true;
    } catch (error) {
      this.log(`Could not write the index cache ${path}: ${(error as Error).message}. ${INSTEAD[format].next}`);
      await rm(temporary, { force: true }).catch(() => undefined);
      return false;
    }
  }
}

/**
 * Removes the temporary files of saves that never ended beside `path` (`<path>.<pid>.tmp` of a
 * server no longer running: stopped by a window reload mid-save, say). Each is as large as the
 * cache, and no save of another process would remove it; a running server's stays.
 */
async function removeLeftovers(directory: string, path: string): Promise<void> {
  const prefix = `${basename(path)}.`;
  for (const name of await readdir(directory).catch(() => [] as string[])) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const pid = Number(name.slice(prefix.length, -'.tmp'.length));
    if (Number.isSafeInteger(pid) && pid > 0 && pid !== process.pid && !running(pid)) await rm(join(directory, name), { force: true, recursive: true }).catch(() => undefined);
  }
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
