// Keeps the index in step with the workspace: the first full index (with progress, the cache and
// parallel analysers), file events, edits of open corpus documents and the workspace catalog.
// Everything outside goes through the injected host; what changed is told through events.

import { ANALYSIS_VERSION } from '../analysis/analyseDocument';
import type { CatalogProblem } from '../catalog/catalog';
import { readFailure } from '../analysis/analyseFile';
import { CacheKeeper } from './cacheKeeper';
import { CatalogReader } from './catalogReader';
import { Emitter } from '../events';
import { indexFilesElsewhere, indexFilesHere, indexNotes, warmUp, type IndexFilesOptions } from './fullIndex';
import type { CorpusHost, CorpusLayout, Disposable, IndexingPhase } from './host';
import type { Ingestion } from './ingestion';
import type { FileProblem } from './problems';
import type { CatalogCheck, FileChange, SyncOptions, SyncStatus } from './syncTypes';

export type { CatalogCheck, FileChange, SyncOptions, SyncStatus } from './syncTypes';

const EDIT_DEBOUNCE_MS = 200;
/** How long one slice of matching a large note may hold the thread. */
const NOTE_SLICE_MS = 8;
/** A file this large that changes is analysed by a worker thread, not between requests here. */
const OFF_THREAD_BYTES = 2 << 20;

export class CorpusSync implements Disposable {
  private readonly indexChanged = new Emitter<SyncStatus>();
  private readonly problemsChanged = new Emitter<ReadonlyMap<string, FileProblem>>();
  private readonly catalogChecked = new Emitter<CatalogCheck>();
  private readonly editApplied = new Emitter<string>();
  /** The index or the knowledge changed: the status says how things stand now. */
  readonly onDidChangeIndex = this.indexChanged.event;
  /** The problems met reading corpus files, all of them, whenever they may have changed. */
  readonly onDidChangeProblems = this.problemsChanged.event;
  /** The workspace catalog was read: its problems (none when it is fine or absent). */
  readonly onDidCheckCatalog = this.catalogChecked.event;
  /** An open document's edits were taken in (after the debounce, or at once for a request): its uri. */
  readonly onDidApplyEdit = this.editApplied.event;

  private readonly cache: CacheKeeper;
  private readonly catalogReader: CatalogReader;
  private embedded = false;
  private layout: CorpusLayout | undefined;
  private indexing = false;
  private generation = 0;
  private fromCache = 0;
  private lastIndexMilliseconds: number | undefined;
  private lastUpdateMilliseconds: number | undefined;
  private readonly pendingEdits = new Map<string, { timer: Disposable; text: () => string }>();
  private eventQueue: Promise<void> = Promise.resolve();

  constructor(
    private readonly host: CorpusHost,
    private readonly ingestion: Ingestion,
    private readonly options: SyncOptions,
  ) {
    this.cache = new CacheKeeper(host, ingestion, (knowledge) => `${ANALYSIS_VERSION}/${options.version}/${knowledge.version}/${ingestion.maxFileBytes}`);
    ingestion.onNotesUnfinished = () => this.scheduleNoteWork();
    this.catalogReader = new CatalogReader(host);
  }

  private noteWork: Disposable | undefined;

  /** Large notes are matched a slice at a time between requests; when they are whole, everyone is told. */
  private scheduleNoteWork(): void {
    if (this.noteWork) return;
    this.noteWork = this.host.setTimer(0, () => {
      this.noteWork = undefined;
      if (!this.ingestion.notes.work(Date.now() + NOTE_SLICE_MS)) this.scheduleNoteWork();
      else this.notifyChanged();
    });
  }

  status(): SyncStatus {
    const status: SyncStatus = {
      ...this.ingestion.index.stats(),
      // Before the first index has begun (the server is still asking for its settings), the index
      // is not an empty one that is complete: a client told so would call itself ready.
      indexing: this.indexing || this.generation === 0,
      ...(this.indexing && this.phase ? { phase: this.phase } : {}),
      embedded: this.embedded,
      problems: this.ingestion.problems.size,
      notes: this.ingestion.notes.size,
      fromCache: this.fromCache,
    };
    if (this.layout) status.layout = this.layout;
    if (this.lastIndexMilliseconds !== undefined) status.lastIndexMilliseconds = this.lastIndexMilliseconds;
    if (this.lastUpdateMilliseconds !== undefined) status.lastUpdateMilliseconds = this.lastUpdateMilliseconds;
    return status;
  }

  /** Reads the whole corpus again; a run in progress is cancelled by the next one. File events wait
   * for it: one applied meanwhile could be undone (a file created just after the listing, cleared). */
  indexAll(): Promise<SyncStatus> {
    const run = this.indexAllNow();
    this.running = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  private running: Promise<void> = Promise.resolve();
  /** The pass a first index on workers is in, while it runs. */
  private phase: IndexingPhase | undefined;

  private async indexAllNow(): Promise<SyncStatus> {
    const generation = ++this.generation;
    this.indexing = true;
    this.notifyChanged();
    const progress = await this.host.createProgress();
    try {
      const started = Date.now();
      // The listing first: where the corpus is found decides which catalog is the workspace's.
      const { uris, embedded, layout } = await this.host.listCorpus();
      await this.loadCatalog();
      if (generation !== this.generation) return this.status();
      // The index in use keeps answering while the new one is built beside it (unless there is
      // none yet: then the first index is written in place and answers as it grows).
      const target = this.ingestion.rebuild();
      const inPlace = target === this.ingestion;
      if (inPlace) [this.embedded, this.layout] = [embedded, layout];
      const cached = await this.cache.open(embedded, target.knowledge);
      progress.begin(uris.length);
      const isCancelled = () => generation !== this.generation || progress.cancelled();
      // Unchanged files come back from the cache; the others are read and analysed.
      const { toRead, changed, complete } = await this.cache.restoreUnchanged(target, uris, cached, (done) => progress.report(done, uris.length), isCancelled);
      const restored = uris.length - toRead.length;
      const options: IndexFilesOptions = {
        embedded,
        progress: {
          report: (done, _total, phase) => {
            progress.report(restored + done, uris.length, phase);
            if (phase !== this.phase) {
              this.phase = phase;
              this.notifyChanged();
            }
          },
          isCancelled,
        },
        cached: (uri) => changed.get(uri)?.snapshot,
        yieldToRequests: () => this.host.yieldToRequests(),
        sliceMilliseconds: this.options.sliceMilliseconds,
        // The first index answers as it grows: the catalog's names of every file first.
        namesFirst: inPlace,
      };
      // A large corpus is analysed in parallel (worker threads); this thread adds the results.
      const analysers = toRead.length ? this.host.startAnalysers?.(target.knowledge.catalog, toRead.length) : undefined;
      let summary;
      try {
        summary = analysers ? await indexFilesElsewhere(target, analysers, toRead, options) : await indexFilesHere(target, toRead, options);
      } finally {
        await analysers?.stop();
      }
      // Cancelled while the cache was being restored, the summary has nothing to say of it.
      const cancelled = summary.cancelled || isCancelled();
      // Notes come after the corpus: they are matched against the names the corpus taught.
      // Their mentions come from the cache when it kept them for these bytes and the names in use now.
      const notes = cancelled ? undefined : await indexNotes(target, this.host, isCancelled, await this.cache.notes(target));
      if (generation === this.generation) {
        // A new index replaces the one in use only when complete; a cancelled one is dropped.
        if (!cancelled && !inPlace) {
          this.ingestion.adopt(target);
          [this.embedded, this.layout] = [embedded, layout];
        }
        this.fromCache = restored;
        this.lastIndexMilliseconds = Date.now() - started;
        const stats = target.index.stats();
        this.host.log(
          `Indexed ${stats.documents} of ${uris.length} ${embedded ? 'bundled ' : ''}documents in ${this.lastIndexMilliseconds} ms ` +
            `(${restored} unchanged from the cache, ${toRead.length} read${analysers ? ` by ${analysers.size} worker threads` : ''}): ${stats.passages} passages, ${stats.mentions} mentions of ` +
            `${stats.entitiesMentioned} entities; ${target.notes.size} notes${notes?.restored ? ` (${notes.restored} matched as the cache kept them)` : ''}` +
            (cancelled ? (inPlace ? ' (cancelled)' : ' (cancelled: the index made before stays in use)') : '') + '.',
        );
        if (!cancelled && (toRead.length || !complete)) this.cache.schedule(0);
        else if (notes && notes.restored < notes.read) this.cache.schedule(0, true);
        if (!cancelled && analysers) void warmUp(this.ingestion, this.host, toRead, embedded, () => generation !== this.generation);
      }
    } catch (error) {
      this.host.log(`Indexing failed: ${(error as Error)?.stack ?? error}. The documents indexed so far stay available.`);
    } finally {
      this.ingestion.index.settleCounts();
      this.phase = undefined;
      progress.done();
      if (generation === this.generation) {
        this.indexing = false;
        this.problemsChanged.fire(this.ingestion.problems);
        this.notifyChanged();
      }
    }
    return this.status();
  }

  /** Loads (or drops) the workspace catalog; true when the knowledge changed and the corpus must be read again. */
  async loadCatalog(): Promise<boolean> {
    const uri = this.host.catalogUri();
    const text = uri ? await this.catalogReader.read(uri) : undefined;
    const before = this.ingestion.nextKnowledge;
    // A large corpus is read again in the background, with progress, rather than all at once here.
    const problems = this.ingestion.setWorkspaceCatalog(text, { reanalyse: false });
    if (uri) this.catalogChecked.fire({ uri, text: text ?? '', problems });
    return this.ingestion.nextKnowledge !== before;
  }

  /** The problems of the workspace catalog's text as the editor has it; the knowledge is not changed. */
  checkCatalogText(text: string): CatalogProblem[] {
    return this.ingestion.checkWorkspaceCatalog(text);
  }

  /** File events arrive in batches; they are applied one batch at a time, in order. */
  onFilesChanged(changes: readonly FileChange[]): Promise<void> {
    this.eventQueue = this.eventQueue
      .then(() => this.running)
      .then(() => this.applyFileChanges(changes))
      .catch((error) => {
        this.host.log(`Applying file changes failed: ${(error as Error)?.stack ?? error}`);
      });
    return this.eventQueue;
  }

  private async applyFileChanges(changes: readonly FileChange[]): Promise<void> {
    const started = Date.now();
    let changed = false;
    let notesChanged = false;
    let reindex = false;
    const catalogUri = this.host.catalogUri();
    for (const { uri, type } of changes) {
      if (uri === catalogUri) {
        if (await this.loadCatalog()) reindex = true;
        continue;
      }
      if (type !== 'deleted' && this.host.throughLink?.(uri)) {
        // Links may lead out of the workspace or round in a loop: never followed, as in the listing.
        this.host.log(`${uri} is reached through a symbolic link; Corpus Lens does not follow links.`);
        if (this.ingestion.index.has(uri)) changed = this.ingestion.removeFile(uri) || changed;
        if (this.ingestion.removeNote(uri)) notesChanged = true;
        continue;
      }
      if (this.host.isNote(uri)) {
        if (this.pendingEdits.has(uri)) continue;
        notesChanged = (type === 'deleted' ? this.ingestion.removeNote(uri) : this.readNote(uri)) || notesChanged;
        continue;
      }
      if (!this.host.isCorpusDocument(uri)) continue;
      if (this.embedded) {
        // The workspace now has a corpus of its own: serve it instead of the bundled one.
        if (type !== 'deleted') reindex = true;
        continue;
      }
      if (this.pendingEdits.has(uri)) continue; // the editor's text wins over the file on disk
      if (type === 'deleted') {
        this.cache.forget(uri);
        changed = this.ingestion.removeFile(uri) || changed;
      } else {
        if (!(await this.readLargeElsewhere(uri))) this.readNow(uri, false);
        changed = true;
      }
    }
    if (!this.embedded && this.ingestion.index.size === 0 && changes.some((c) => c.type === 'deleted')) reindex = true;
    if (reindex) {
      await this.indexAll();
      return;
    }
    if (changed || notesChanged) {
      this.lastUpdateMilliseconds = Date.now() - started;
      // A note's change rewrites the notes' part of the cache only.
      this.cache.schedule(undefined, !changed);
      this.problemsChanged.fire(this.ingestion.problems);
      this.notifyChanged();
    }
  }

  /**
   * Stats (for the cache key, before reading, so a later change is never hidden) and indexes one
   * file, read at once.
   */
  private readNow(uri: string, embedded: boolean): void {
    let read;
    try {
      read = this.host.readFileNow(uri);
    } catch (error) {
      this.cache.forget(uri);
      this.ingestion.apply(uri, readFailure(error));
      return;
    }
    this.cache.noteStat(uri, read.stat);
    this.ingestion.apply(uri, this.ingestion.analyse(uri, read.bytes, embedded));
  }

  /**
   * A large file is analysed by a worker thread, so that requests are answered meanwhile (a 45 MB
   * file held this thread for seconds). False when the file is small or no worker can be had.
   */
  private async readLargeElsewhere(uri: string): Promise<boolean> {
    const stat = this.host.statNow(uri);
    if (!stat || stat.size < OFF_THREAD_BYTES) return false;
    const analysers = this.host.startAnalysers?.(this.ingestion.knowledge.catalog, 1, true);
    if (!analysers) return false;
    try {
      const remote = await analysers.analyse(uri, { embedded: false, maxFileBytes: this.ingestion.maxFileBytes });
      if (!remote) return false;
      // Typed in the editor meanwhile: the editor's text wins, as for any file event.
      if (this.pendingEdits.has(uri)) return true;
      if (remote.kind === 'gone') this.cache.forget(uri);
      else this.cache.noteStat(uri, stat);
      this.ingestion.apply(uri, remote);
      return true;
    } finally {
      await analysers.stop();
    }
  }

  /** A note read from disk; true when the notes changed (false for the same text, or a note that could not be read and was not indexed). */
  private readNote(uri: string): boolean {
    try {
      return this.ingestion.indexNote(uri, this.host.readFileNow(uri).bytes);
    } catch (error) {
      this.host.log(`Could not read the note ${uri}: ${(error as Error)?.message ?? error}`);
      return this.ingestion.removeNote(uri);
    }
  }

  /** An open corpus document or note changed in the editor: re-index it shortly, from the editor's text. */
  /**
   * An open document's text changed in the editor: a corpus document or a note is indexed again a
   * little after the last change (the one debounce of edits); any other open document (an untitled
   * note) is only announced then. `onDidApplyEdit` says when.
   */
  onOpenDocumentChanged(uri: string, text: () => string): void {
    this.pendingEdits.get(uri)?.timer.dispose();
    const timer = this.host.setTimer(EDIT_DEBOUNCE_MS, () => this.flushPendingEdits(uri));
    this.pendingEdits.set(uri, { timer, text });
  }

  /** Applies an edit still waiting, so that an answer matches what the editor shows. */
  flushPendingEdits(uri: string): void {
    const pending = this.pendingEdits.get(uri);
    if (!pending) return;
    pending.timer.dispose();
    this.pendingEdits.delete(uri);
    try {
      if (this.ingestion.index.has(uri)) {
        if (this.ingestion.indexOpenText(uri, pending.text())) this.notifyChanged();
      } else if (this.host.isNote(uri)) this.ingestion.setEditorNote(uri, pending.text());
    } catch (error) {
      this.host.log(`Re-indexing ${uri} failed: ${(error as Error)?.stack ?? error}`);
    }
    this.editApplied.fire(uri);
  }

  /** A corpus document was closed: unsaved edits are gone, so read it from disk again. */
  onOpenDocumentClosed(uri: string): void {
    this.pendingEdits.get(uri)?.timer.dispose();
    this.pendingEdits.delete(uri);
    if (this.host.isNote(uri)) {
      this.readNote(uri);
      return;
    }
    const doc = this.ingestion.index.get(uri);
    if (!doc) return;
    this.readNow(uri, doc.embedded);
    this.cache.schedule();
    this.problemsChanged.fire(this.ingestion.problems);
    this.notifyChanged();
  }

  /** Writes a pending cache save now (on shutdown). */
  flushCache(): Promise<void> {
    return this.cache.flush();
  }

  dispose(): void {
    this.generation++;
    for (const pending of this.pendingEdits.values()) pending.timer.dispose();
    this.pendingEdits.clear();
    this.cache.dispose();
    this.indexChanged.dispose();
    this.problemsChanged.dispose();
    this.catalogChecked.dispose();
    this.editApplied.dispose();
    this.noteWork?.dispose();
  }

  private notifyChanged(): void {
    this.indexChanged.fire(this.status());
  }
}
