// A corpus host with no disk, no threads and a clock the test moves: the workspace is a map of
// uris to bytes, timers run when the test says so, and the cache lives in memory. Modelled on
// vscode-markdown-languageservice's in-memory workspace.

import { analyseFile } from '../../server/src/core/analysis/analyseFile';
import type { Catalog } from '../../server/src/core/catalog/catalog';
import { Knowledge } from '../../server/src/core/analysis/knowledge';
import type { CachedNote } from '../../server/src/core/index/noteCache';
import { toSnapshot } from '../../server/src/core/index/snapshot';
import type {
  IndexingPhase,
  CachedFile,
  CorpusHost,
  CorpusListing,
  Disposable,
  FileStat,
  IndexCacheStore,
  ParallelAnalysers,
  ProgressReporter,
  RemoteAnalysis,
} from '../../server/src/core/sync/host';
import { fileName, Interner } from '../../server/src/core/text/strings';
import { namesOfFile } from '../../server/src/core/analysis/analyseNames';

export const WORKSPACE = 'file:///workspace';
export const CORPUS_FOLDER = `${WORKSPACE}/corpus/`;
export const CATALOG_URI = `${CORPUS_FOLDER}catalog.json`;
export const BUNDLED_FOLDER = 'file:///extension/corpus/';

type Content = { bytes: Uint8Array; mtime: number } | { error: string };

interface Timer {
  at: number;
  callback: () => void;
  disposed: boolean;
}

export class InMemoryCorpusHost implements CorpusHost {
  readonly logs: string[] = [];
  /** Every progress report, as [done, total]. */
  readonly progress: [number, number, IndexingPhase?][] = [];
  /** What the persistent cache holds, when `cache` is on. */
  readonly cacheFiles = new Map<string, { key: string; files: CachedFile[] }>();
  /** The notes' part of each cache, as JSON. */
  readonly cacheNotes = new Map<string, { key: string; json: string }>();
  cache = false;
  /** Analyse in a pretend pool (same code as the workers), to test that path without threads. */
  parallel = false;
  /** The parallel analysers stop (as a worker out of memory would) after this many files. */
  analysersStopAfter = Infinity;
  cancelProgress = false;
  /** The files the pretend analysers analysed, in order. */
  readonly analysedElsewhere: string[] = [];
  /** The parallel analysers also read every file's names first (as the worker threads do). */
  namesFirst = true;
  /** While set, the parallel analysers' full analyses wait for it (the names pass does not). */
  analysesWait: Promise<void> | undefined;
  /** Files whose names the parallel analysers read, in order. */
  readonly namedElsewhere: string[] = [];
  /** Runs each time the sync yields to requests: what a request would see then. */
  onYield: (() => void) | undefined;
  private readonly files = new Map<string, Content>();
  private readonly timers: Timer[] = [];
  private now = 0;
  private clock = 1;

  constructor(workspace: Record<string, string | Uint8Array> = {}, bundled: Record<string, string> = {}) {
    for (const [name, content] of Object.entries(workspace)) this.write(`${CORPUS_FOLDER}${name}`, content);
    for (const [name, content] of Object.entries(bundled)) this.write(`${BUNDLED_FOLDER}${name}`, content);
  }

  write(uri: string, content: string | Uint8Array): void {
    this.files.set(uri, { bytes: typeof content === 'string' ? new TextEncoder().encode(content) : content, mtime: this.clock++ });
  }

  delete(uri: string): void {
    this.files.delete(uri);
  }

  /** Makes a file unreadable: reading it throws this message. */
  breakFile(uri: string, message: string): void {
    this.files.set(uri, { error: message });
  }

  /** Moves the clock and runs the timers that fall due, in order. */
  advance(milliseconds: number): void {
    this.now += milliseconds;
    for (;;) {
      const due = this.timers.filter((t) => !t.disposed && t.at <= this.now).sort((a, b) => a.at - b.at)[0];
      if (!due) return;
      due.disposed = true;
      due.callback();
    }
  }

  pendingTimers(): number {
    return this.timers.filter((t) => !t.disposed).length;
  }

  async listCorpus(): Promise<CorpusListing> {
    const own = [...this.files.keys()].filter((uri) => this.isCorpusDocument(uri)).sort();
    if (own.length) return { uris: own, embedded: false };
    return { uris: [...this.files.keys()].filter((uri) => uri.startsWith(BUNDLED_FOLDER)).sort(), embedded: true };
  }

  async listNotes(): Promise<string[]> {
    return [...this.files.keys()].filter((uri) => this.isNote(uri)).sort();
  }

  isNote(uri: string): boolean {
    return uri.startsWith(`${WORKSPACE}/`) && /\.(md|txt)$/.test(uri) && !this.isCorpusDocument(uri);
  }

  isCorpusDocument(uri: string): boolean {
    return uri.startsWith(CORPUS_FOLDER) && /\.(txt|md)$/.test(uri);
  }

  catalogUri(): string {
    return CATALOG_URI;
  }

  async readFile(uri: string): Promise<Uint8Array> {
    return this.readFileNow(uri).bytes;
  }

  readFileNow(uri: string): { bytes: Uint8Array; stat: FileStat } {
    const content = this.files.get(uri);
    if (!content) throw Object.assign(new Error(`ENOENT: no such file ${uri}`), { code: 'ENOENT' });
    if ('error' in content) throw new Error(content.error);
    return { bytes: content.bytes, stat: { size: content.bytes.length, mtime: content.mtime } };
  }

  statNow(uri: string): FileStat | undefined {
    const content = this.files.get(uri);
    return content && 'bytes' in content ? { size: content.bytes.length, mtime: content.mtime } : undefined;
  }

  hash(bytes: Uint8Array): string {
    let h = 0x811c9dc5;
    for (const b of bytes) h = Math.imul(h ^ b, 0x01000193);
    return `${bytes.length}:${(h >>> 0).toString(16)}`;
  }

  yieldToRequests(): Promise<void> {
    this.onYield?.();
    return new Promise((done) => setImmediate(done));
  }

  setTimer(milliseconds: number, callback: () => void): Disposable {
    const timer: Timer = { at: this.now + milliseconds, callback, disposed: false };
    this.timers.push(timer);
    return { dispose: () => (timer.disposed = true) };
  }

  async createProgress(): Promise<ProgressReporter> {
    return {
      begin: (total) => this.progress.push([0, total]),
      report: (done, total, phase) => this.progress.push(phase ? [done, total, phase] : [done, total]),
      cancelled: () => this.cancelProgress,
      done: () => undefined,
    };
  }

  log(message: string): void {
    this.logs.push(message);
  }

  openCache(embedded: boolean): IndexCacheStore | undefined {
    if (!this.cache) return undefined;
    const root = embedded ? BUNDLED_FOLDER : CORPUS_FOLDER;
    return {
      path: `memory:${root}`,
      load: async (key) => {
        const saved = this.cacheFiles.get(root);
        if (!saved || saved.key !== key) return undefined;
        return {
          files: saved.files.length,
          entries: async function* () {
            yield* saved.files;
          },
        };
      },
      save: async (key, files) => {
        this.cacheFiles.set(root, { key, files: [...files] });
        return true;
      },
      // Through JSON, as on disk: what comes back is plain data, not the objects that were saved.
      loadNotes: async (key) => {
        const saved = this.cacheNotes.get(root);
        return saved && saved.key === key ? new Map((JSON.parse(saved.json) as CachedNote[]).map((n) => [n.uri, n])) : undefined;
      },
      saveNotes: async (key, notes) => {
        this.cacheNotes.set(root, { key, json: JSON.stringify(notes) });
        return true;
      },
    };
  }

  startAnalysers(catalog: Catalog): ParallelAnalysers | undefined {
    if (!this.parallel) return undefined;
    const knowledge = new Knowledge(catalog);
    let taken = 0;
    return {
      size: 2,
      analyse: async (uri, options): Promise<RemoteAnalysis | undefined> => {
        if (taken++ >= this.analysersStopAfter) return undefined;
        await this.analysesWait;
        this.analysedElsewhere.push(uri);
        let bytes: Uint8Array;
        try {
          bytes = this.readFileNow(uri).bytes;
        } catch {
          return { kind: 'gone' };
        }
        const result = analyseFile(bytes, uri, { knowledge, fallbackTitle: fileName(uri), hash: (b) => this.hash(b), ...options });
        return result.kind === 'analysed' ? { kind: 'analysed', snapshot: toSnapshot(result.document) } : result;
      },
      names: async (uris, options) => {
        if (!this.namesFirst) return undefined;
        return uris.map((uri) => {
          this.namedElsewhere.push(uri);
          try {
            const doc = namesOfFile(this.readFileNow(uri).bytes, uri, { knowledge, fallbackTitle: fileName(uri), interner: new Interner(false), ...options });
            return doc && toSnapshot(doc);
          } catch {
            return undefined;
          }
        });
      },
      stop: async () => undefined,
    };
  }
}
