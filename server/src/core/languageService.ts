// The language service facade: owns the knowledge, the corpus index and the note cache, and answers
// every feature in plain data with character offsets. The host (file reading, yielding to the
// event loop, logging) is injected, so the whole service runs in tests without an editor.

import { findAllMentions, mentionAtOffset, type IndexedDocument, type IndexedMention } from './analysis/analyseDocument';
import { mergeCatalogs, parseCatalog, type Catalog, type CatalogProblem } from './catalog/catalog';
import { namesOf } from './catalog/entities';
import { Knowledge } from './catalog/knowledge';
import { CorpusIndex } from './index/corpusIndex';
import { fromSnapshot, type DocumentSnapshot } from './index/snapshot';
import type { DiscoveredInfo, Entity, Mention } from './model';
import { NameCompleter, type NameCompletion } from './query/nameCompleter';
import { renderEntityCard, type CardOptions } from './render/card';
import { decodeCorpusFile } from './text/decode';

export interface CorpusHost {
  readFile(uri: string): Promise<Uint8Array>;
  /** A hash of a file's bytes, to recognise an unchanged file in the index cache. */
  hash?(bytes: Uint8Array): string;
  /** Lets waiting requests run; called between documents while indexing. */
  yieldToRequests(): Promise<void>;
  log(message: string): void;
}

export interface FileProblem {
  severity: 'error' | 'warning' | 'information';
  message: string;
}

/** An open document as the editor has it. */
export interface TextSource {
  uri: string;
  version: number;
  getText(): string;
}

export interface EntityHit {
  entity: Entity;
  mention: Mention;
}

export interface IndexingProgress {
  report(done: number, total: number): void;
  isCancelled(): boolean;
}

/** What analysing one file elsewhere (in a worker thread) produced. */
export type AnalysisResult =
  | { kind: 'analysed'; snapshot: DocumentSnapshot }
  | { kind: 'unchanged' } // its content hash matched the cached analysis offered
  | { kind: 'skipped'; reason: string } // binary, too large
  | { kind: 'gone' }
  | { kind: 'unreadable'; message: string };

export interface IndexingSummary {
  indexed: number;
  skipped: number;
  cancelled: boolean;
  milliseconds: number;
}

export interface ServiceOptions {
  maxFileBytes: number;
  /** Keep every document's text in memory (tests, small corpora); else read again on demand. */
  retainText?: boolean;
  loadText?: (uri: string) => string | undefined;
  /** Time the indexer may hold the event loop before it yields to requests. */
  sliceMilliseconds?: number;
}

const NOTE_CACHE_SIZE = 64;
/** One file in this many is analysed on the main thread when workers do the rest. */
const MAIN_THREAD_SHARE = 16;

export class CorpusLensService {
  readonly index: CorpusIndex;
  private completer: NameCompleter;
  private completerVersion = -1;
  private builtIn: Catalog;
  private workspaceCatalog: Catalog | undefined;
  private readonly noteCache = new Map<string, { version: number; length: number; mentions: (Mention & { discovered?: DiscoveredInfo })[] }>();
  /** Problems found reading corpus files, by uri, for diagnostics. */
  readonly fileProblems = new Map<string, FileProblem>();

  constructor(
    private readonly host: CorpusHost,
    builtInCatalog: Catalog,
    private options: ServiceOptions,
  ) {
    this.builtIn = builtInCatalog;
    const knowledge = new Knowledge(builtInCatalog);
    this.index = new CorpusIndex(knowledge, {
      ...(options.retainText !== undefined ? { retainText: options.retainText } : {}),
      ...(options.loadText ? { loadText: options.loadText } : {}),
    });
    this.completer = new NameCompleter([]);
  }

  get knowledge(): Knowledge {
    return this.index.knowledge;
  }

  setOptions(options: ServiceOptions): void {
    this.options = options;
  }

  // ---- knowledge -------------------------------------------------------------------------

  /**
   * Reads a workspace catalog (or drops it, with `undefined`). On errors the knowledge in use
   * stays as it was; the problems say why, with offsets into the text. A changed catalog means
   * finding the names again: with `reanalyse` (the default) the documents at hand are analysed
   * at once, else the index is emptied for the caller to read the corpus again.
   */
  setWorkspaceCatalog(text: string | undefined, options: { reanalyse?: boolean } = {}): CatalogProblem[] {
    const reanalyse = options.reanalyse ?? true;
    if (text === undefined) {
      if (this.workspaceCatalog) {
        this.workspaceCatalog = undefined;
        this.applyKnowledge(reanalyse);
      }
      return [];
    }
    const known = new Set(this.builtIn.entities.map((e) => e.id));
    const result = parseCatalog(text, known);
    if (result.catalog && JSON.stringify(result.catalog) === JSON.stringify(this.workspaceCatalog)) return result.problems;
    if (result.catalog) {
      this.workspaceCatalog = result.catalog;
      this.applyKnowledge(reanalyse);
    } else {
      this.host.log(`The workspace catalog has ${result.problems.filter((p) => p.severity === 'error').length} error(s); the last good catalog stays in use.`);
    }
    return result.problems;
  }

  private applyKnowledge(reanalyse: boolean): void {
    const knowledge = new Knowledge(mergeCatalogs(this.builtIn, this.workspaceCatalog));
    this.index.setKnowledge(knowledge, reanalyse);
    this.completerVersion = -1;
    this.noteCache.clear();
  }

  // ---- corpus files ----------------------------------------------------------------------

  /**
   * Reads and indexes one file; problems are recorded, never thrown. Returns whether it was indexed.
   * `reuse` offers a cached analysis for the file's content hash, used instead of analysing again.
   */
  async indexFile(uri: string, options: { embedded?: boolean; reuse?: (hash: string) => DocumentSnapshot | undefined } = {}): Promise<boolean> {
    let bytes: Uint8Array;
    try {
      bytes = await this.host.readFile(uri);
    } catch (error) {
      this.cannotRead(uri, error);
      return false;
    }
    return this.indexText(uri, bytes, options);
  }

  /** A file that could not be read: gone since it was listed (skipped quietly), or unreadable (a problem). */
  cannotRead(uri: string, error: unknown): void {
    this.index.remove(uri);
    if ((error as { code?: unknown } | undefined)?.code === 'ENOENT') {
      this.fileProblems.delete(uri);
      this.host.log(`${uri} was deleted before it could be read; skipped.`);
    } else {
      const message = (error as Error)?.message ?? String(error);
      this.fileProblems.set(uri, { severity: 'error', message: `Corpus Lens could not read this file: ${message}` });
      this.host.log(`Could not read ${uri}: ${message}`);
    }
  }

  /** Indexes a file's bytes that the caller has read (problems recorded, never thrown). */
  indexBytes(uri: string, bytes: Uint8Array, options: { embedded?: boolean } = {}): boolean {
    return this.indexText(uri, bytes, options);
  }

  private indexText(uri: string, bytes: Uint8Array, options: { embedded?: boolean; reuse?: (hash: string) => DocumentSnapshot | undefined }): boolean {
    const contentHash = this.host.hash?.(bytes);
    const cached = contentHash !== undefined ? options.reuse?.(contentHash) : undefined;
    if (cached && this.restore(cached)) return true;
    const decoded = decodeCorpusFile(bytes, this.options.maxFileBytes);
    const name = fileName(uri);
    if (!decoded.ok) {
      this.index.remove(uri);
      this.fileProblems.set(uri, { severity: 'warning', message: `Corpus Lens: this file ${decoded.reason}` });
      this.host.log(`${name} ${decoded.reason}`);
      return false;
    }
    if (decoded.notice) {
      this.fileProblems.set(uri, { severity: 'information', message: `Corpus Lens: this file ${decoded.notice}` });
      this.host.log(`${name} ${decoded.notice}`);
    } else this.fileProblems.delete(uri);
    try {
      this.index.upsert({
        uri,
        text: decoded.text,
        fallbackTitle: name,
        embedded: !!options.embedded,
        ...(decoded.notice ? { notice: decoded.notice } : {}),
        ...(contentHash !== undefined ? { contentHash } : {}),
      });
      return true;
    } catch (error) {
      // A bug of ours must not cost the rest of the corpus: report it and go on.
      this.index.remove(uri);
      this.fileProblems.set(uri, { severity: 'error', message: `Corpus Lens failed to index this file: ${(error as Error)?.message ?? error}` });
      this.host.log(`Failed to index ${uri}: ${(error as Error)?.stack ?? error}`);
      return false;
    }
  }

  /** Puts a cached analysis back into the index. False (and nothing changed) if it does not hold together. */
  restore(snapshot: DocumentSnapshot): boolean {
    let doc;
    try {
      doc = fromSnapshot(snapshot);
    } catch (error) {
      this.host.log(`A cached entry for ${snapshot.uri} is damaged (${(error as Error).message}); the file is read again.`);
      return false;
    }
    this.index.insert(doc);
    if (doc.notice) this.fileProblems.set(doc.uri, { severity: 'information', message: `Corpus Lens: this file ${doc.notice}` });
    else this.fileProblems.delete(doc.uri);
    return true;
  }

  /** Indexes many files in slices, yielding to requests between them. */
  async indexFiles(
    uris: readonly string[],
    options: {
      embedded?: boolean;
      progress?: IndexingProgress;
      reuse?: (uri: string, hash: string) => DocumentSnapshot | undefined;
      /** Analyses a file elsewhere (worker threads); this thread then only adds the results. */
      analyse?: { run: (uri: string) => Promise<AnalysisResult>; concurrency: number; cached: (uri: string) => DocumentSnapshot | undefined };
    } = {},
  ): Promise<IndexingSummary> {
    if (options.analyse) return this.indexFilesElsewhere(uris, options.analyse, options.progress, !!options.embedded);
    const started = Date.now();
    const slice = this.options.sliceMilliseconds ?? 12;
    let indexed = 0;
    let sliceStart = Date.now();
    for (let i = 0; i < uris.length; i++) {
      if (options.progress?.isCancelled()) return { indexed, skipped: i - indexed, cancelled: true, milliseconds: Date.now() - started };
      const uri = uris[i];
      const fileOptions: { embedded?: boolean; reuse?: (hash: string) => DocumentSnapshot | undefined } = { embedded: !!options.embedded };
      if (options.reuse) fileOptions.reuse = (hash) => options.reuse!(uri, hash);
      if (await this.indexFile(uri, fileOptions)) indexed++;
      if (Date.now() - sliceStart >= slice) {
        options.progress?.report(i + 1, uris.length);
        await this.host.yieldToRequests();
        sliceStart = Date.now();
      }
    }
    options.progress?.report(uris.length, uris.length);
    return { indexed, skipped: uris.length - indexed, cancelled: false, milliseconds: Date.now() - started };
  }

  private async indexFilesElsewhere(
    uris: readonly string[],
    analyse: { run: (uri: string) => Promise<AnalysisResult>; concurrency: number; cached: (uri: string) => DocumentSnapshot | undefined },
    progress: IndexingProgress | undefined,
    embedded: boolean,
  ): Promise<IndexingSummary> {
    const started = Date.now();
    let next = 0;
    let done = 0;
    let indexed = 0;
    let cancelled = false;
    const worker = async () => {
      while (next < uris.length) {
        if (progress?.isCancelled()) {
          cancelled = true;
          return;
        }
        const uri = uris[next++];
        // Every so often this thread analyses a file itself: its own analysis code stays warm
        // for the edits that follow (a first edit in cold code took four times as long).
        const here = next % MAIN_THREAD_SHARE === 0;
        const reuse = (hash: string) => (analyse.cached(uri)?.contentHash === hash ? analyse.cached(uri) : undefined);
        if (here ? await this.indexFile(uri, { embedded, reuse }) : this.applyAnalysis(uri, await analyse.run(uri), analyse.cached)) indexed++;
        progress?.report(++done, uris.length);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, analyse.concurrency) }, worker));
    return { indexed, skipped: done - indexed, cancelled, milliseconds: Date.now() - started };
  }

  /** Puts the result of analysing a file elsewhere into the index, or records why it is not there. */
  private applyAnalysis(uri: string, result: AnalysisResult, cached: (uri: string) => DocumentSnapshot | undefined): boolean {
    const name = fileName(uri);
    switch (result.kind) {
      case 'analysed':
        return this.restore(result.snapshot);
      case 'unchanged': {
        const snapshot = cached(uri);
        return !!snapshot && this.restore(snapshot);
      }
      case 'skipped':
        this.index.remove(uri);
        this.fileProblems.set(uri, { severity: 'warning', message: `Corpus Lens: this file ${result.reason}` });
        this.host.log(`${name} ${result.reason}`);
        return false;
      case 'gone':
        this.cannotRead(uri, { code: 'ENOENT' });
        return false;
      case 'unreadable':
        this.cannotRead(uri, new Error(result.message));
        return false;
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

  // ---- queries ---------------------------------------------------------------------------

  /** The mentions of an open document: from the index for a corpus document, else matched now. */
  mentionsIn(source: TextSource): readonly (Mention & { discovered?: DiscoveredInfo })[] {
    const indexed = this.index.get(source.uri);
    if (indexed) return indexed.mentions;
    const cached = this.noteCache.get(source.uri);
    const text = source.getText();
    if (cached && cached.version === source.version && cached.length === text.length) return cached.mentions;
    const mentions = findAllMentions(text, this.knowledge);
    this.noteCache.delete(source.uri);
    this.noteCache.set(source.uri, { version: source.version, length: text.length, mentions });
    if (this.noteCache.size > NOTE_CACHE_SIZE) this.noteCache.delete(this.noteCache.keys().next().value!);
    return mentions;
  }

  forgetNote(uri: string): void {
    this.noteCache.delete(uri);
  }

  entityAt(source: TextSource, offset: number): EntityHit | undefined {
    const mention = mentionAtOffset(this.mentionsIn(source), offset);
    const entity = mention && this.entityOf(mention);
    return entity && mention ? { entity, mention } : undefined;
  }

  hover(source: TextSource, offset: number, options: CardOptions = {}): { markdown: string; start: number; end: number } | undefined {
    const hit = this.entityAt(source, offset);
    if (!hit) return undefined;
    const cardOptions: CardOptions = { ...options };
    if (hit.mention.edition !== undefined) cardOptions.edition = hit.mention.edition;
    const alternatives = (hit.mention.alternatives ?? []).map((id) => this.entity(id)).filter((e): e is Entity => !!e);
    if (alternatives.length) cardOptions.alternatives = alternatives;
    return { markdown: renderEntityCard(hit.entity, this.index, cardOptions), start: hit.mention.start, end: hit.mention.end };
  }

  /** A catalog entity or one discovered in the corpus. */
  entity(id: string): Entity | undefined {
    return this.index.entity(id);
  }

  /** The entity a mention names; a name discovered only in a note is an entity of that note. */
  entityOf(mention: Mention & { discovered?: DiscoveredInfo }): Entity | undefined {
    const entity = this.index.entity(mention.entityId);
    if (entity || !mention.discovered) return entity;
    const { kind, name, parent } = mention.discovered;
    return { id: mention.entityId, kind, name, aliases: [], discovered: true, ...(parent ? { parent } : {}) };
  }

  card(entityId: string): string | undefined {
    const entity = this.entity(entityId);
    return entity && renderEntityCard(entity, this.index);
  }

  /** Where an entity is defined (or first reported) in the corpus. */
  definitionOf(entityId: string): { document: IndexedDocument; mention: IndexedMention } | undefined {
    const definition = this.index.definitionOf(entityId);
    return definition && { document: definition.document, mention: definition.mention };
  }

  definition(source: TextSource, offset: number): { document: IndexedDocument; mention: IndexedMention } | undefined {
    const hit = this.entityAt(source, offset);
    return hit && this.definitionOf(hit.entity.id);
  }

  /** Every mention of the entity at an offset, up to `limit`; `total` counts them all. */
  references(source: TextSource, offset: number, limit = Infinity): { entity?: Entity; mentions: IndexedMention[]; total: number } {
    const hit = this.entityAt(source, offset);
    if (!hit) return { mentions: [], total: 0 };
    return { entity: hit.entity, mentions: this.index.mentionsOf(hit.entity.id, limit), total: this.index.mentionCount(hit.entity.id) };
  }

  complete(linePrefix: string, limit?: number): { items: NameCompletion[]; incomplete: boolean } {
    // Discovered entities come and go with the documents; the name list follows them.
    const version = this.index.discoveryVersion;
    if (version !== this.completerVersion || this.completer.knowledge !== this.knowledge) {
      this.completer = new NameCompleter(this.index.entities(), this.knowledge);
      this.completerVersion = version;
    }
    return this.completer.complete(linePrefix, (e) => this.index.mentionCount(e.id), limit);
  }

  /** Entities whose name or alias contains the query's characters in order (empty query: all). */
  findEntities(query: string, limit = 200): Entity[] {
    const q = query.toLowerCase().replace(/\s+/g, '');
    const matches = (name: string) => {
      const n = name.toLowerCase();
      let at = 0;
      for (const c of q) {
        at = n.indexOf(c, at) + 1;
        if (!at) return false;
      }
      return true;
    };
    const found = this.index.entities().filter((e) => !q || namesOf(e).some(matches));
    found.sort((a, b) => this.index.mentionCount(b.id) - this.index.mentionCount(a.id) || a.name.localeCompare(b.name));
    return found.slice(0, limit);
  }
}

export function fileName(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
}
