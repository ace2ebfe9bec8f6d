// The write side of the index: every way a document gets in (read and analysed here, analysed in
// a worker, restored from the cache, typed in the editor) or out, and the problems met on the way.
// One path records what happened to a file: apply().

import { analyseFile, readFailure, type FileAnalysis } from '../analysis/analyseFile';
import { mergeCatalogs, parseCatalog, type Catalog, type CatalogProblem } from '../catalog/catalog';
import { Knowledge } from '../analysis/knowledge';
import { CorpusIndex } from '../index/corpusIndex';
import type { NoteCacheLookup } from '../index/noteCache';
import { NoteIndex } from '../index/noteIndex';
import { fromSnapshot, type DocumentSnapshot } from '../index/snapshot';
import { decodeCorpusFile } from '../text/decode';
import type { CorpusHost, RemoteAnalysis } from './host';
import { fileName } from '../text/strings';
import { failedProblem, noticeProblem, skippedProblem, unreadableProblem, type FileProblem } from './problems';

export interface IngestionOptions {
  maxFileBytes: number;
  /** Keep every document's text in memory (tests, small corpora); else read again on demand. */
  retainText?: boolean;
}

type IngestionHost = Pick<CorpusHost, 'readFile' | 'readFileNow' | 'hash' | 'log'>;

export class Ingestion {
  private corpus: CorpusIndex;
  private noteIndex: NoteIndex;
  private fileProblems = new Map<string, FileProblem>();
  private readonly builtIn: Catalog;
  private workspaceCatalog: Catalog | undefined;
  /** Knowledge of a changed catalog, waiting for the corpus to be read again with it. */
  private pendingKnowledge: Knowledge | undefined;
  /** Notes whose indexed text is the editor's (unsaved edits), not the file's. */
  private editorNotes = new Set<string>();
  /** Told when a large note waits to be matched in parts (NoteIndex.work). */
  onNotesUnfinished: () => void = () => undefined;

  constructor(
    private readonly host: IngestionHost,
    builtInCatalog: Catalog,
    private options: IngestionOptions,
    knowledge?: Knowledge,
  ) {
    this.builtIn = builtInCatalog;
    this.corpus = new CorpusIndex(knowledge ?? new Knowledge(builtInCatalog), {
      ...(options.retainText !== undefined ? { retainText: options.retainText } : {}),
      loadText: (uri) => this.loadText(uri),
    });
    this.noteIndex = new NoteIndex(
      this.corpus,
      () => this.onNotesUnfinished(),
      (uri) => this.rereadNote(uri),
    );
  }

  /** The corpus index in use. A full index may be built beside it and replace it whole (see `rebuild`). */
  get index(): CorpusIndex {
    return this.corpus;
  }

  /** The workspace's notes: searched for mentions, never used as sources. */
  get notes(): NoteIndex {
    return this.noteIndex;
  }

  /** Problems met reading corpus files, by uri, for diagnostics. */
  get problems(): ReadonlyMap<string, FileProblem> {
    return this.fileProblems;
  }

  /** The knowledge the index in use was made with. */
  get knowledge(): Knowledge {
    return this.corpus.knowledge;
  }

  /** The knowledge the next full index will use: a changed catalog's, else the one in use. */
  get nextKnowledge(): Knowledge {
    return this.pendingKnowledge ?? this.corpus.knowledge;
  }

  /**
   * Where a full index is to be written. With nothing indexed yet, that is this ingestion itself
   * (so the first index is answered from as it grows). Otherwise it is a new, empty one beside
   * it, with the next knowledge: the index in use answers until `adopt` puts the new one in its
   * place, so that a Refresh or a catalog change never shows a part of the corpus.
   */
  rebuild(): Ingestion {
    // The first index (no corpus document yet) is written in place, so that requests answer from
    // it as it grows; the notes the editor already holds stay, with their unsaved text.
    if (!this.corpus.size) {
      if (this.pendingKnowledge) this.corpus.setKnowledge(this.pendingKnowledge, false);
      this.pendingKnowledge = undefined;
      const held = [...this.editorNotes].map((uri) => [uri, this.noteIndex.textOf(uri)] as const);
      this.clear();
      // Its cards' counts are kept while reprints change, until the sync has read it (settleCounts).
      this.corpus.deferCounts = true;
      for (const [uri, text] of held) if (text !== undefined) this.setEditorNote(uri, text);
      return this;
    }
    const built = new Ingestion(this.host, this.builtIn, this.options, this.nextKnowledge);
    built.workspaceCatalog = this.workspaceCatalog;
    built.onNotesUnfinished = () => this.onNotesUnfinished();
    return built;
  }

  /**
   * Puts an index built by `rebuild` in place of this one, in one step. What the editor holds
   * (open documents' and notes' unsaved text, indexed here meanwhile) is carried over first.
   */
  adopt(built: Ingestion): void {
    if (built === this) return;
    for (const doc of this.corpus.documents()) {
      if (doc.text !== undefined && built.index.has(doc.uri)) built.indexOpenText(doc.uri, doc.text);
    }
    for (const uri of this.editorNotes) {
      const text = this.noteIndex.textOf(uri);
      if (text !== undefined && !built.index.has(uri)) built.setEditorNote(uri, text);
    }
    this.corpus = built.corpus;
    this.noteIndex = built.noteIndex;
    this.fileProblems = built.fileProblems;
    this.editorNotes = built.editorNotes;
    if (this.pendingKnowledge === built.knowledge) this.pendingKnowledge = undefined;
  }

  get maxFileBytes(): number {
    return this.options.maxFileBytes;
  }

  setOptions(options: IngestionOptions): void {
    this.options = options;
  }

  /**
   * Reads a workspace catalog (or drops it, with `undefined`). On errors the knowledge in use
   * stays as it was; the problems say why, with offsets into the text. A changed catalog means
   * finding the names again: with `reanalyse` (the default) the documents at hand are analysed
   * at once, else the index in use is kept and the next full index (`rebuild`) uses the catalog.
   */
  setWorkspaceCatalog(text: string | undefined, options: { reanalyse?: boolean } = {}): CatalogProblem[] {
    const reanalyse = options.reanalyse ?? true;
    if (text === undefined) {
      if (this.workspaceCatalog) {
        this.workspaceCatalog = undefined;
        this.useKnowledge(new Knowledge(this.builtIn), reanalyse);
      }
      return [];
    }
    const result = parseCatalog(text, this.builtInIds());
    if (result.catalog && JSON.stringify(result.catalog) === JSON.stringify(this.workspaceCatalog)) return result.problems;
    if (result.catalog) {
      this.workspaceCatalog = result.catalog;
      this.useKnowledge(new Knowledge(mergeCatalogs(this.builtIn, this.workspaceCatalog)), reanalyse);
    } else {
      this.host.log(`The workspace catalog has ${result.problems.filter((p) => p.severity === 'error').length} error(s); the last good catalog stays in use.`);
    }
    return result.problems;
  }

  /** The problems of a workspace catalog's text, without taking it into use (an unsaved catalog in the editor). */
  checkWorkspaceCatalog(text: string): CatalogProblem[] {
    return parseCatalog(text, this.builtInIds()).problems;
  }

  private builtInIds(): Set<string> {
    return new Set(this.builtIn.entities.map((e) => e.id));
  }

  private useKnowledge(knowledge: Knowledge, reanalyse: boolean): void {
    if (reanalyse) {
      this.pendingKnowledge = undefined;
      this.corpus.setKnowledge(knowledge, true);
    } else this.pendingKnowledge = knowledge;
  }

  /** Analyses a file's bytes the one way every path does. */
  analyse(uri: string, bytes: Uint8Array, embedded: boolean, cachedHash?: string): FileAnalysis {
    return analyseFile(bytes, uri, {
      knowledge: this.knowledge,
      maxFileBytes: this.options.maxFileBytes,
      embedded,
      fallbackTitle: fileName(uri),
      hash: (b) => this.host.hash(b),
      cachedHash,
      interner: this.index.interner,
    });
  }

  /** Reads and indexes one file; problems are recorded, never thrown. Returns whether it was indexed. */
  async indexFile(uri: string, options: { embedded?: boolean; cached?: DocumentSnapshot | undefined } = {}): Promise<boolean> {
    let bytes: Uint8Array;
    try {
      bytes = await this.host.readFile(uri);
    } catch (error) {
      return this.apply(uri, readFailure(error));
    }
    return this.apply(uri, this.analyse(uri, bytes, !!options.embedded, options.cached?.contentHash), options.cached);
  }

  /** Puts what became of a file into the index and its problems. `cached` is what 'unchanged' refers to. */
  apply(uri: string, analysis: FileAnalysis | RemoteAnalysis, cached?: DocumentSnapshot): boolean {
    switch (analysis.kind) {
      case 'analysed': {
        const doc = 'snapshot' in analysis ? this.revive(analysis.snapshot) : this.index.add(analysis.document);
        if (!doc) return false;
        if (doc.notice) {
          this.fileProblems.set(uri, noticeProblem(doc.notice));
          this.host.log(`${fileName(uri)} ${doc.notice}`);
        } else this.fileProblems.delete(uri);
        return true;
      }
      case 'unchanged':
        return !!cached && this.restore(cached);
      case 'skipped':
        return this.drop(uri, skippedProblem(analysis.reason), `${fileName(uri)} ${analysis.reason}`);
      case 'gone':
        this.index.remove(uri);
        this.fileProblems.delete(uri);
        this.host.log(`${uri} was deleted before it could be read; skipped.`);
        return false;
      case 'unreadable':
        return this.drop(uri, unreadableProblem(analysis.message), `Could not read ${uri}: ${analysis.message}`);
      case 'failed':
        // A bug of ours must not cost the rest of the corpus: report it and go on.
        return this.drop(uri, failedProblem(analysis.message), `Failed to index ${uri}: ${analysis.stack ?? analysis.message}`);
    }
  }

  /**
   * A file's catalog names, ahead of its full analysis (the first pass of a first index): indexed
   * as a provisional document unless the file is indexed already (an editor's text, an event).
   */
  applyNames(snapshot: DocumentSnapshot): void {
    if (this.index.has(snapshot.uri)) return;
    try {
      const doc = fromSnapshot(snapshot, this.index.interner);
      doc.provisional = true;
      this.index.insert(doc);
    } catch (error) {
      // A bug of ours: the full analysis of the file still comes.
      this.host.log(`The names of ${snapshot.uri} could not be indexed ahead (${(error as Error).message}).`);
    }
  }

  private drop(uri: string, problem: FileProblem, logLine: string): false {
    this.index.remove(uri);
    this.fileProblems.set(uri, problem);
    this.host.log(logLine);
    return false;
  }

  /** Puts a cached analysis back into the index. False (and nothing changed) if it does not hold together. */
  restore(snapshot: DocumentSnapshot): boolean {
    const doc = this.revive(snapshot, true);
    if (!doc) return false;
    if (doc.notice) this.fileProblems.set(doc.uri, noticeProblem(doc.notice));
    else this.fileProblems.delete(doc.uri);
    return true;
  }

  /** `cached`: the snapshot is the cache's, its strings shared among its documents (see fromSnapshot). */
  private revive(snapshot: DocumentSnapshot, cached = false) {
    try {
      return this.index.insert(fromSnapshot(snapshot, this.index.interner, cached));
    } catch (error) {
      this.host.log(`A cached entry for ${snapshot.uri} is damaged (${(error as Error).message}); the file is read again.`);
      return undefined;
    }
  }

  /** Indexes the text an editor holds for a corpus document (unsaved edits included); false if unchanged. */
  indexOpenText(uri: string, text: string): boolean {
    const doc = this.index.get(uri);
    if (doc && doc.text === text) return false;
    this.index.upsert({ uri, text, keepText: true, fallbackTitle: fileName(uri), embedded: doc?.embedded ?? false });
    return true;
  }

  removeFile(uri: string): boolean {
    this.fileProblems.delete(uri);
    return this.index.remove(uri);
  }

  clear(): void {
    this.index.clear();
    this.notes.clear();
    this.editorNotes.clear();
    this.fileProblems.clear();
  }

  /**
   * Indexes a note's bytes; a note that is no text (binary, too large) is left out, with a log line.
   * `cached` may hold its mentions as matched before (the persistent cache). True when the notes changed.
   */
  indexNote(uri: string, bytes: Uint8Array, cached?: NoteCacheLookup): boolean {
    const decoded = decodeCorpusFile(bytes, this.options.maxFileBytes);
    if (!decoded.ok) {
      this.removeNote(uri);
      this.host.log(`The note ${fileName(uri)} ${decoded.reason}`);
      return false;
    }
    // A file event for a note whose text did not change (a save without edits, a touch) changes nothing.
    this.editorNotes.delete(uri);
    const hash = this.host.hash(bytes);
    if (this.notes.holds(uri, decoded.text, hash)) return false;
    // Matched again only when the cache (at a start) holds no mentions for these very bytes.
    const mentions = cached?.(uri, hash, decoded.text);
    if (mentions) this.notes.restore(uri, decoded.text, hash, mentions);
    else this.notes.set(uri, decoded.text, hash);
    return true;
  }

  /** True when the note's text in the index is the one an editor holds, not the file's. */
  holdsEditorNote(uri: string): boolean {
    return this.editorNotes.has(uri);
  }

  /** Indexes the text an editor holds for a note (unsaved edits included). */
  setEditorNote(uri: string, text: string): void {
    this.notes.set(uri, text);
    this.editorNotes.add(uri);
  }

  /** Drops a note from the index; true if it was in. */
  removeNote(uri: string): boolean {
    this.editorNotes.delete(uri);
    return this.notes.remove(uri);
  }

  /** A note's text read again, with the hash of its bytes (undefined if unreadable now). */
  private rereadNote(uri: string): { text: string; hash: string } | undefined {
    const read = this.readDecoded(uri);
    return read && { text: read.text, hash: this.host.hash(read.bytes) };
  }

  /** A corpus file's text, read again when the index did not keep it (undefined if unreadable now). */
  private loadText(uri: string): string | undefined {
    return this.readDecoded(uri)?.text;
  }

  /** A file read and decoded at once, with its bytes; undefined if it cannot be read or is no text. */
  private readDecoded(uri: string): { text: string; bytes: Uint8Array } | undefined {
    try {
      const { bytes } = this.host.readFileNow(uri);
      const decoded = decodeCorpusFile(bytes, this.options.maxFileBytes);
      return decoded.ok ? { text: decoded.text, bytes } : undefined;
    } catch {
      return undefined;
    }
  }
}
