// Keeps the index in step with the workspace: the first full index (with progress), file events,
// edits of open corpus documents, the workspace catalog, and the diagnostics that report problems.

import { readFileSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { DiagnosticSeverity, FileChangeType, type Connection, type Diagnostic, type FileEvent } from 'vscode-languageserver';
import { ANALYSIS_VERSION } from './core/analysis/analyseDocument';
import type { CatalogProblem } from './core/catalog/catalog';
import { toSnapshot } from './core/index/snapshot';
import type { CorpusLensService, FileProblem } from './core/languageService';
import { LineTable } from './core/text/lines';
import { IndexCache, type CachedFile } from './node/indexCache';
import { IndexWorkers } from './node/indexWorkers';
import { IndexChangedNotification, type IndexStatus } from './protocol';
import { CorpusSelector, toPath, toUri, type Settings } from './node/settings';

const EDIT_DEBOUNCE_MS = 200;
/** Changes are written to the index cache this long after the last one. */
const CACHE_SAVE_DELAY_MS = 5000;
const STAT_BATCH = 64;
/** Fewer files than this are indexed on the main thread: starting workers would cost more. */
const WORKER_THRESHOLD = 64;
const EMBEDDED_GLOBS = { corpus: ['**/*.txt', '**/*.md'], exclude: [] };

export class CorpusWorkspace {
  private selector: CorpusSelector | undefined;
  private embedded = false;
  private indexing = false;
  private generation = 0;
  private lastIndexMilliseconds: number | undefined;
  private readonly publishedProblems = new Set<string>();
  private readonly pendingEdits = new Map<string, { timer: NodeJS.Timeout; text: () => string }>();
  private eventQueue: Promise<void> = Promise.resolve();
  private cache: IndexCache | undefined;
  /** Size and modification time of each corpus file, taken before it was read: the cache's key. */
  private readonly fileStats = new Map<string, { size: number; mtime: number }>();
  private restoredFromCache = 0;
  private lastUpdateMilliseconds: number | undefined;
  private cacheTimer: NodeJS.Timeout | undefined;
  private cacheSaving: Promise<void> = Promise.resolve();

  constructor(
    private readonly connection: Connection,
    private readonly service: CorpusLensService,
    private readonly root: string | undefined,
    private readonly embeddedCorpus: string,
    private settings: Settings,
    private readonly createProgress: () => Promise<ProgressReporter>,
    private readonly cacheDirectory: string | undefined,
    private readonly serverVersion: string,
    private readonly indexWorkers?: number,
  ) {}

  get catalogPath(): string | undefined {
    if (!this.root) return undefined;
    return isAbsolute(this.settings.catalog) ? this.settings.catalog : join(this.root, this.settings.catalog);
  }

  status(): IndexStatus {
    const stats = this.service.index.stats();
    const status: IndexStatus = {
      ...stats,
      indexing: this.indexing,
      embedded: this.embedded,
      problems: this.service.fileProblems.size,
      fromCache: this.restoredFromCache,
    };
    if (this.lastIndexMilliseconds !== undefined) status.lastIndexMilliseconds = this.lastIndexMilliseconds;
    if (this.lastUpdateMilliseconds !== undefined) status.lastUpdateMilliseconds = this.lastUpdateMilliseconds;
    return status;
  }

  updateSettings(settings: Settings): { reindex: boolean; catalog: boolean } {
    const before = this.settings;
    this.settings = settings;
    this.service.setOptions({ maxFileBytes: settings.maxFileSizeMB * 1024 * 1024 });
    return {
      reindex:
        JSON.stringify([before.corpus, before.exclude, before.maxFileSizeMB]) !==
        JSON.stringify([settings.corpus, settings.exclude, settings.maxFileSizeMB]),
      catalog: before.catalog !== settings.catalog,
    };
  }

  /** Reads the whole corpus again. A run in progress is cancelled by the next one. */
  async indexAll(): Promise<IndexStatus> {
    const generation = ++this.generation;
    this.indexing = true;
    this.notifyChanged();
    const progress = await this.createProgress();
    try {
      const started = Date.now();
      await this.loadCatalog();
      const { files, embedded } = await this.findCorpus();
      if (generation !== this.generation) return this.status();
      this.embedded = embedded;
      await this.cacheSaving;
      this.cache = this.cacheDirectory ? new IndexCache(this.cacheDirectory, embedded ? this.embeddedCorpus : this.root!, (m) => this.log(m)) : undefined;
      const cached = await this.cache?.load(this.cacheKey());
      this.service.index.clear();
      this.service.fileProblems.clear();
      this.fileStats.clear();
      progress.begin(files.length);
      const isCancelled = () => generation !== this.generation || progress.cancelled();
      // Unchanged files come back from the cache; the others are read and analysed.
      const toRead = await this.restoreUnchanged(files, cached, (done) => progress.report(done, files.length), isCancelled);
      const restored = files.length - toRead.length;
      // A large corpus is analysed in worker threads, one per core; this thread adds the results.
      const wanted = this.indexWorkers !== undefined ? this.indexWorkers > 0 && toRead.length > 0 : toRead.length >= WORKER_THRESHOLD;
      const workers = wanted ? IndexWorkers.start(this.service.knowledge.catalog, this.indexWorkers) : undefined;
      const maxFileBytes = this.settings.maxFileSizeMB * 1024 * 1024;
      let summary;
      try {
        summary = await this.service.indexFiles(toRead, {
          embedded,
          progress: { report: (done) => progress.report(restored + done, files.length), isCancelled },
          reuse: (uri, hash) => {
            const entry = cached?.get(uri);
            return entry && entry.hash === hash ? entry.snapshot : undefined;
          },
          ...(workers
            ? {
                analyse: {
                  run: (uri: string) => workers.analyse(uri, embedded, maxFileBytes, cached?.get(uri)?.hash),
                  concurrency: workers.size * 4,
                  cached: (uri: string) => cached?.get(uri)?.snapshot,
                },
              }
            : {}),
        });
      } finally {
        await workers?.stop();
      }
      if (generation === this.generation) {
        this.restoredFromCache = restored;
        this.lastIndexMilliseconds = Date.now() - started;
        const stats = this.service.index.stats();
        this.log(
          `Indexed ${stats.documents} of ${files.length} ${embedded ? 'bundled ' : ''}documents in ${this.lastIndexMilliseconds} ms ` +
            `(${restored} unchanged from the cache, ${toRead.length} read${workers ? ` by ${workers.size} worker threads` : ''}): ${stats.passages} passages, ${stats.mentions} mentions of ` +
            `${stats.entitiesMentioned} entities` + (summary.cancelled ? ' (cancelled)' : '') + '.',
        );
        if (this.cache && !summary.cancelled && (toRead.length || cached?.size !== files.length)) this.scheduleCacheSave(0);
      }
    } catch (error) {
      this.log(`Indexing failed: ${(error as Error)?.stack ?? error}. The documents indexed so far stay available.`);
    } finally {
      progress.done();
      if (generation === this.generation) {
        this.indexing = false;
        this.publishFileProblems();
        this.notifyChanged();
      }
    }
    return this.status();
  }

  /** Restores the files whose size and time match their cache entry; returns the uris to read. */
  private async restoreUnchanged(files: string[], cached: Map<string, CachedFile> | undefined, report: (done: number) => void, isCancelled: () => boolean): Promise<string[]> {
    const toRead: string[] = [];
    for (let i = 0; i < files.length && !isCancelled(); i += STAT_BATCH) {
      const batch = files.slice(i, i + STAT_BATCH);
      const stats = await Promise.all(batch.map((path) => stat(path).catch(() => undefined)));
      batch.forEach((path, k) => {
        const uri = toUri(path);
        const info = stats[k];
        if (!info) return; // gone since it was listed
        this.fileStats.set(uri, { size: info.size, mtime: info.mtimeMs });
        const entry = cached?.get(uri);
        if (entry && entry.size === info.size && entry.mtime === info.mtimeMs && this.service.restore(entry.snapshot)) return;
        toRead.push(uri);
      });
      report(Math.min(files.length, i + STAT_BATCH) - toRead.length);
      await new Promise((done) => setImmediate(done));
    }
    return toRead;
  }

  private cacheKey(): string {
    return `${ANALYSIS_VERSION}/${this.serverVersion}/${this.service.knowledge.version}/${this.settings.maxFileSizeMB}`;
  }

  private scheduleCacheSave(delay = CACHE_SAVE_DELAY_MS): void {
    if (!this.cache) return;
    if (this.cacheTimer) clearTimeout(this.cacheTimer);
    this.cacheTimer = setTimeout(() => {
      this.cacheTimer = undefined;
      this.cacheSaving = this.cacheSaving.then(() => this.saveCache());
    }, delay);
  }

  /** Writes what is pending now (on shutdown). */
  async flushCache(): Promise<void> {
    if (this.cacheTimer) {
      clearTimeout(this.cacheTimer);
      this.cacheTimer = undefined;
      this.cacheSaving = this.cacheSaving.then(() => this.saveCache());
    }
    await this.cacheSaving;
  }

  private async saveCache(): Promise<void> {
    const cache = this.cache;
    if (!cache) return;
    const index = this.service.index;
    // Documents with editor text are not what is on disk: they are read again next time.
    const eligible = index.documents().filter((d) => d.text === undefined && d.contentHash && this.fileStats.has(d.uri));
    const started = Date.now();
    const entries = function* (stats: Map<string, { size: number; mtime: number }>): Generator<CachedFile> {
      for (const doc of eligible) {
        const info = stats.get(doc.uri)!;
        yield { uri: doc.uri, size: info.size, mtime: info.mtime, hash: doc.contentHash!, snapshot: toSnapshot(doc) };
      }
    };
    await cache.save(this.cacheKey(), entries(this.fileStats), eligible.length, () => new Promise((done) => setImmediate(done)));
    this.log(`Saved the index of ${eligible.length} documents to ${cache.path} in ${Date.now() - started} ms.`);
  }

  private async findCorpus(): Promise<{ files: string[]; embedded: boolean }> {
    if (this.root) {
      this.selector = new CorpusSelector(this.root, this.settings);
      const files = await this.selector.list((m) => this.log(m));
      if (files.length) return { files, embedded: false };
      this.log(`No corpus documents match ${this.settings.corpus.join(', ')} in ${this.root}; serving the bundled corpus.`);
    } else {
      this.selector = undefined;
      this.log('No workspace folder is open; serving the bundled corpus.');
    }
    const files = await new CorpusSelector(this.embeddedCorpus, EMBEDDED_GLOBS).list((m) => this.log(m));
    return { files, embedded: true };
  }

  /** Loads (or drops) the workspace catalog; problems become diagnostics of the catalog file. */
  async loadCatalog(): Promise<boolean> {
    const path = this.catalogPath;
    let text: string | undefined;
    if (path) {
      try {
        text = await readFile(path, 'utf8');
      } catch {
        text = undefined;
      }
    }
    const before = this.service.knowledge;
    // A large corpus is read again in the background, with progress, rather than all at once here.
    const problems = this.service.setWorkspaceCatalog(text, { reanalyse: false });
    if (path) this.publishCatalogProblems(toUri(path), text ?? '', problems);
    return this.service.knowledge !== before;
  }

  /** File events arrive in batches; they are applied one batch at a time, in order. */
  onFilesChanged(changes: readonly FileEvent[]): Promise<void> {
    this.eventQueue = this.eventQueue.then(() => this.applyFileChanges(changes)).catch((error) => {
      this.log(`Applying file changes failed: ${(error as Error)?.stack ?? error}`);
    });
    return this.eventQueue;
  }

  private async applyFileChanges(changes: readonly FileEvent[]): Promise<void> {
    const started = Date.now();
    let changed = false;
    let reindex = false;
    const catalogUri = this.catalogPath ? toUri(this.catalogPath) : undefined;
    for (const change of changes) {
      const path = toPath(change.uri);
      if (!path) continue;
      const uri = toUri(path);
      if (uri === catalogUri) {
        if (await this.loadCatalog()) reindex = true;
        continue;
      }
      if (!this.selector?.matches(path)) continue;
      if (this.embedded) {
        // The workspace now has a corpus of its own: serve it instead of the bundled one.
        if (change.type !== FileChangeType.Deleted) reindex = true;
        continue;
      }
      if (this.pendingEdits.has(uri)) continue; // the editor's text wins over the file on disk
      if (change.type === FileChangeType.Deleted) {
        this.fileStats.delete(uri);
        changed = this.service.removeFile(uri) || changed;
      } else {
        this.readFile(path, uri);
        changed = true;
      }
    }
    if (!this.embedded && this.service.index.size === 0 && changes.some((c) => c.type === FileChangeType.Deleted)) reindex = true;
    if (reindex) {
      await this.indexAll();
      return;
    }
    if (changed) {
      this.lastUpdateMilliseconds = Date.now() - started;
      this.scheduleCacheSave();
      this.publishFileProblems();
      this.notifyChanged();
    }
  }

  /**
   * Stats (for the cache key, before reading, so a later change is never hidden) and indexes one
   * file. One file is read synchronously: a small read beats two trips through the event loop.
   */
  private readFile(path: string, uri: string, embedded = false): void {
    let bytes: Uint8Array;
    try {
      const info = statSync(path);
      this.fileStats.set(uri, { size: info.size, mtime: info.mtimeMs });
      bytes = readFileSync(path);
    } catch (error) {
      this.fileStats.delete(uri);
      this.service.cannotRead(uri, error);
      return;
    }
    this.service.indexBytes(uri, bytes, { embedded });
  }

  /** An open corpus document changed in the editor: re-index it shortly, from the editor's text. */
  onOpenDocumentChanged(uri: string, text: () => string): void {
    if (!this.service.index.has(uri)) return;
    const pending = this.pendingEdits.get(uri);
    if (pending) clearTimeout(pending.timer);
    const timer = setTimeout(() => this.flushPendingEdits(uri), EDIT_DEBOUNCE_MS);
    this.pendingEdits.set(uri, { timer, text });
  }

  flushPendingEdits(uri: string): void {
    const pending = this.pendingEdits.get(uri);
    if (!pending) return;
    clearTimeout(pending.timer);
    this.pendingEdits.delete(uri);
    try {
      if (this.service.indexOpenText(uri, pending.text())) this.notifyChanged();
    } catch (error) {
      this.log(`Re-indexing ${uri} failed: ${(error as Error)?.stack ?? error}`);
    }
  }

  /** A corpus document was closed: unsaved edits are gone, so read it from disk again. */
  async onOpenDocumentClosed(uri: string): Promise<void> {
    const pending = this.pendingEdits.get(uri);
    if (pending) clearTimeout(pending.timer);
    this.pendingEdits.delete(uri);
    const path = toPath(uri);
    if (!path || !this.service.index.has(uri)) return;
    this.readFile(path, uri, this.service.index.get(uri)?.embedded ?? false);
    this.scheduleCacheSave();
    this.publishFileProblems();
    this.notifyChanged();
  }

  private notifyChanged(): void {
    void this.connection.sendNotification(IndexChangedNotification, this.status());
  }

  private publishFileProblems(): void {
    const problems = this.service.fileProblems;
    for (const uri of this.publishedProblems) {
      if (!problems.has(uri)) {
        void this.connection.sendDiagnostics({ uri, diagnostics: [] });
        this.publishedProblems.delete(uri);
      }
    }
    for (const [uri, problem] of problems) {
      void this.connection.sendDiagnostics({ uri, diagnostics: [fileDiagnostic(problem)] });
      this.publishedProblems.add(uri);
    }
  }

  private publishCatalogProblems(uri: string, text: string, problems: CatalogProblem[]): void {
    const lines = LineTable.of(text);
    const diagnostics: Diagnostic[] = problems.map((p) => ({
      range: { start: lines.positionAt(p.start), end: lines.positionAt(p.end) },
      severity: p.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
      source: 'Corpus Lens',
      message: p.severity === 'error' ? `${p.message} The last good catalog stays in use until this is fixed.` : p.message,
    }));
    void this.connection.sendDiagnostics({ uri, diagnostics });
  }

  private log(message: string): void {
    this.connection.console.info(message);
  }
}

export interface ProgressReporter {
  begin(total: number): void;
  report(done: number, total: number): void;
  cancelled(): boolean;
  done(): void;
}

function fileDiagnostic(problem: FileProblem): Diagnostic {
  const severity = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, information: DiagnosticSeverity.Information }[problem.severity];
  return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity, source: 'Corpus Lens', message: problem.message };
}
