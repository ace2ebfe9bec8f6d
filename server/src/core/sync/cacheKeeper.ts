// Keeps the persistent index cache in step with the index: loads it before a full index, restores
// the files whose size and time still match, and writes changes a little after they happen. The
// notes' mentions are kept beside it, under the names they were matched with: a start matches
// again only the notes that changed, or all of them when the catalog or the corpus's names did.

import { noteCacheLookup, type NoteCacheLookup } from '../index/noteCache';
import { ownColumns, toSnapshot } from '../index/snapshot';
import type { Knowledge } from '../analysis/knowledge';
import type { CacheReading, CachedFile, CorpusHost, Disposable, FileStat, IndexCacheStore } from './host';
import type { Ingestion } from './ingestion';

/** Changes are written to the cache this long after the last one. */
const SAVE_DELAY_MS = 5000;
const STAT_BATCH = 64;

/** What a start took from the cache. */
export interface Restored {
  /** The files listed that were not restored: to be read. */
  toRead: string[];
  /** Entries of files whose size or time changed, by uri: a file read with the same content hash takes its entry. */
  changed: Map<string, CachedFile>;
  /** True when the cache held the files listed and nothing else, every one restored: nothing to write. */
  complete: boolean;
}

export class CacheKeeper implements Disposable {
  private store: IndexCacheStore | undefined;
  /** Size and modification time of each corpus file, taken before it was read: the cache's key. */
  private readonly stats = new Map<string, FileStat>();
  private timer: Disposable | undefined;
  private saving: Promise<void> = Promise.resolve();
  /** What the next save writes: the corpus's documents, the notes, or both. */
  private pending = { corpus: false, notes: false };

  constructor(
    private readonly host: CorpusHost,
    private readonly ingestion: Ingestion,
    /** The cache's key for an index made with this knowledge: a cache with another key is not used. */
    private readonly key: (knowledge: Knowledge) => string,
  ) {}

  /** Opens the cache of the workspace's (or the bundled) corpus for an index made with `knowledge`, if it is usable. */
  async open(embedded: boolean, knowledge: Knowledge): Promise<CacheReading | undefined> {
    // A save still waiting would write the index in use while the stats below are taken anew.
    this.timer?.dispose();
    this.timer = undefined;
    await this.saving;
    this.stats.clear();
    this.store = this.host.openCache?.(embedded);
    return this.store?.load(this.key(knowledge));
  }

  /**
   * Restores into `target` the files whose size and time match their cache entry, reading the
   * cache an entry at a time. Returns the uris to read; the entries of files changed since (their
   * content hash may still vouch for them once read); and whether the cache held exactly the
   * files listed, all restored (else it is written again). A cache found damaged part way is
   * given up whole: what it restored is read afresh.
   */
  async restoreUnchanged(target: Ingestion, uris: readonly string[], cache: CacheReading | undefined, report: (done: number) => void, isCancelled: () => boolean): Promise<Restored> {
    // The files listed and still there are those with a stat (`open` cleared the stats).
    const stats = this.stats;
    for (let i = 0; i < uris.length && !isCancelled(); i += STAT_BATCH) {
      const batch = uris.slice(i, i + STAT_BATCH);
      for (const uri of batch) {
        const stat = this.host.statNow(uri);
        if (stat) stats.set(uri, stat); // else gone since it was listed
      }
      await this.host.yieldToRequests();
    }
    const restored = new Set<string>();
    const changed = new Map<string, CachedFile>();
    let entries = 0;
    if (cache && !isCancelled()) {
      try {
        for await (const entry of cache.entries()) {
          entries++;
          const { uri } = entry;
          const stat = stats.get(uri);
          if (!stat || restored.has(uri)) continue;
          // An entry is this file's only if its snapshot says so: a crafted one could name another file.
          if (entry.snapshot?.uri !== uri) continue;
          if (entry.size === stat.size && entry.mtime === stat.mtime && entry.change === stat.change) {
            // Restored, or damaged: then its content hash must not vouch for it when the file is read.
            if (target.restore(entry.snapshot)) restored.add(uri);
          } else changed.set(uri, { ...entry, snapshot: ownColumns(entry.snapshot) });
          if (entries % STAT_BATCH === 0) {
            report(restored.size);
            await this.host.yieldToRequests();
            if (isCancelled()) break;
          }
        }
      } catch {
        // The store said what is wrong with the cache.
        for (const uri of restored) target.removeFile(uri);
        restored.clear();
        changed.clear();
        entries = -1;
      }
    }
    report(restored.size);
    return {
      toRead: uris.filter((uri) => stats.has(uri) && !restored.has(uri)),
      changed,
      complete: !!cache && entries === cache.files && entries === stats.size && restored.size === stats.size,
    };
  }

  noteStat(uri: string, stat: FileStat): void {
    this.stats.set(uri, stat);
  }

  forget(uri: string): void {
    this.stats.delete(uri);
  }

  /** The notes' mentions the cache holds for the names `target` matches with, once its corpus is indexed; undefined when it holds none usable. */
  async notes(target: Ingestion): Promise<NoteCacheLookup | undefined> {
    const found = this.store?.loadNotes ? await this.store.loadNotes(this.notesKey(target)) : undefined;
    return found && noteCacheLookup(found);
  }

  /** Writes the corpus's documents, or with `notesOnly` the notes alone, after `delay`. */
  schedule(delay = SAVE_DELAY_MS, notesOnly = false): void {
    if (!this.store) return;
    this.pending.notes = true;
    if (!notesOnly) this.pending.corpus = true;
    this.timer?.dispose();
    this.timer = this.host.setTimer(delay, () => {
      this.timer = undefined;
      this.saving = this.saving.then(() => this.save());
    });
  }

  /** Writes what is pending now (on shutdown). */
  async flush(): Promise<void> {
    if (this.timer) {
      this.timer.dispose();
      this.timer = undefined;
      this.saving = this.saving.then(() => this.save());
    }
    await this.saving;
  }

  dispose(): void {
    this.timer?.dispose();
    this.timer = undefined;
  }

  /** The catalog's key with the signature of the names the corpus taught, which notes are matched with. */
  private notesKey(ingestion: Ingestion): string {
    return `${this.key(ingestion.index.knowledge)}/${this.host.hash(new TextEncoder().encode(ingestion.notes.cacheKey()))}`;
  }

  private async save(): Promise<void> {
    const store = this.store;
    if (!store) return;
    const { corpus, notes } = this.pending;
    this.pending = { corpus: false, notes: false };
    if (notes && store.saveNotes) {
      const cacheable = this.ingestion.notes.cacheable();
      if (await store.saveNotes(this.notesKey(this.ingestion), cacheable, () => this.host.yieldToRequests())) this.host.log(`Saved the mentions of ${cacheable.length} notes to the index cache.`);
    }
    if (!corpus) return;
    const stats = this.stats;
    // Documents with editor text are not what is on disk: they are read again next time.
    const index = this.ingestion.index;
    const eligible = index.documents().filter((d) => d.text === undefined && d.contentHash && stats.has(d.uri));
    const started = Date.now();
    const entries = function* (): Generator<CachedFile> {
      for (const doc of eligible) {
        const stat = stats.get(doc.uri)!;
        yield { uri: doc.uri, size: stat.size, mtime: stat.mtime, ...(stat.change !== undefined ? { change: stat.change } : {}), hash: doc.contentHash!, snapshot: toSnapshot(doc) };
      }
    };
    if (await store.save(this.key(index.knowledge), entries(), eligible.length, () => this.host.yieldToRequests())) {
      this.host.log(`Saved the index of ${eligible.length} documents to ${store.path} in ${Date.now() - started} ms.`);
    }
  }
}
