// The language service: the read-only facade every feature handler sees. It answers in plain data
// with character offsets, from the index the sync keeps current; it never changes the index. Notes
// (documents that are not in the corpus) are matched on demand and cached by version.

import { mentionAtOffset, type IndexedDocument, type IndexedMention } from './analysis/analyseDocument';
import { namesOf } from './catalog/entities';
import type { Knowledge } from './catalog/knowledge';
import type { CorpusIndex } from './index/corpusIndex';
import { noteMentions, type NoteIndex } from './index/noteIndex';
import type { Entity, FoundMention, Passage } from './model';
import { cardFacts, type CardOptions } from './query/cardFacts';
import { chronology, type Chronology, type ChronologyFilter } from './query/chronology';
import { NameCompleter, type NameCompletion } from './query/nameCompleter';
import { entityFacts, mentionFacts, noteMentionFacts, passageFacts, type EntityFacts, type MentionFacts, type NoteMentionFacts, type PassageFacts } from './query/summaries';
import type { LineTable } from './text/lines';
import { noteFindings, type NoteFinding } from './query/noteFindings';
import { passagesByTitle, searchPassages, type PassageSearch } from './query/passageSearch';
import { QuotationCheck, type QuoteVerdict } from './quotes/quoteCheck';
import { findQuotations, type Quotation } from './quotes/quotations';
import { QuoteIndex } from './quotes/quoteIndex';
import { wordsOf } from './quotes/quoteWords';
import { renderEntityCard, type CardRendering } from './render/card';
import type { Disposable } from './sync/host';

/** An open document as the editor has it. */
export interface TextSource {
  uri: string;
  version: number;
  getText(): string;
}

export interface EntityHit {
  entity: Entity;
  mention: FoundMention;
}

export interface SourceMention {
  document: IndexedDocument;
  mention: IndexedMention;
  /** The defining (or first-reporting) sentence the mention stands in. */
  sentence: { start: number; end: number };
}

/** A place in a corpus document or a note, with the line table that turns its offsets into positions. */
export interface MentionPlace {
  uri: string;
  start: number;
  end: number;
  lines: LineTable;
  /** True for a note, false for a corpus document. */
  note: boolean;
}

export interface LanguageService extends Disposable {
  /** A corpus document of the index. */
  document(uri: string): IndexedDocument | undefined;
  documents(): readonly IndexedDocument[];
  /** A corpus document's text (read again when the index does not keep it); '' if unreadable. */
  textOf(doc: IndexedDocument): string;
  /** A catalog entity or one discovered in the corpus. */
  entity(id: string): Entity | undefined;
  entities(): Entity[];
  /** The mentions of a document: from the index for a corpus document, else matched now. */
  mentionsIn(source: TextSource): readonly FoundMention[];
  /** The entity a mention names; a name discovered only in a note is an entity of that note. */
  entityOf(mention: FoundMention): Entity | undefined;
  entityAt(source: TextSource, offset: number): EntityHit | undefined;
  hover(source: TextSource, offset: number, options?: { maxDocuments?: number; quoteCommands?: boolean }): { markdown: string; start: number; end: number } | undefined;
  /** The entity card, as on hover. */
  card(entityId: string, rendering?: CardRendering): string | undefined;
  /** Where an entity is defined (or first reported) in the corpus. */
  definitionOf(entityId: string): SourceMention | undefined;
  /** Every mention of the entity at an offset, the corpus's then the notes', up to `limit`; `total` counts them all. */
  references(source: TextSource, offset: number, limit?: number): { entity?: Entity; places: MentionPlace[]; total: number };
  complete(linePrefix: string, limit?: number): { items: NameCompletion[]; incomplete: boolean };
  /** How often the corpus mentions an entity, each passage counted once however often it is reprinted. */
  mentionCount(entityId: string): number;
  /** Mentions of an entity in reprints, on top of `mentionCount`. */
  reprintedCount(entityId: string): number;
  /** Entities whose name or alias contains the query's characters in order (empty query: all). */
  findEntities(query: string, limit?: number): Entity[];
  /** Passages whose title holds every word of the query, the document's newest first; at most `limit`. */
  findPassages(query: string, limit?: number): { document: IndexedDocument; passage: Passage }[];
  entityFacts(entity: Entity): EntityFacts;
  /** Dated events for some entities, kinds or the whole corpus, oldest first. */
  chronology(filter: ChronologyFilter): Chronology;
  /** Passages by title, by the entities they name, then by text, within a time budget for the text. */
  searchPassages(query: string, limit: number, budgetMilliseconds: number): PassageSearch;
  passageFacts(doc: IndexedDocument): PassageFacts[];
  mentionFacts(entityId: string, limit: number): MentionFacts[];
  /** The mentions of an entity in the notes, at most `limit`. */
  noteMentionFacts(entityId: string, limit: number): NoteMentionFacts[];
  /** How often the notes mention an entity, in how many notes. */
  noteCounts(entityId: string): { mentions: number; notes: number };
  /** What a note names that neither the catalog nor the corpus knows. */
  findings(source: TextSource): NoteFinding[];
  /** Corpus sentences holding the words typed (in order, a typo forgiven), closest first. */
  completeQuote(typed: string, limit?: number): { document: IndexedDocument; start: number; end: number }[];
  /**
   * The quotations of a note, each checked against the corpus; undefined while the sentence index
   * is still being built or the checks are not done (each call does a slice of that work, of at
   * most `sliceMilliseconds` when given: call again).
   */
  quoteVerdicts(source: TextSource, sliceMilliseconds?: number): readonly QuoteVerdict[] | undefined;
  /** The quotations of a note, found but not checked (no corpus work). */
  quotations(source: TextSource): readonly Quotation[];
  /** A note was closed: its cached mentions are dropped. */
  forgetNote(uri: string): void;
}

const NOTE_CACHE_SIZE = 64;
/** A blockquote line being completed is looked up by its last words only. */
const MAX_TYPED_WORDS = 40;
/** How long one request may spend building the sentence index before it answers without it. */
const QUOTE_SLICE = 40;
/** How long one pass may spend checking a note's quotations (a few hundred fit in one). */
const CHECK_SLICE = 150;

/** Where the service finds the index and notes in use: they may be replaced whole by a new full index. */
export interface IndexSource {
  readonly index: CorpusIndex;
  readonly notes: NoteIndex;
}

export function createLanguageService(source: IndexSource): LanguageService {
  return new CorpusLanguageService(source);
}

class CorpusLanguageService implements LanguageService {
  private completer: NameCompleter | undefined;
  private completerVersion = -1;
  private readonly noteCache = new Map<string, { version: number; length: number; mentions: FoundMention[] }>();
  /** The knowledge and learned names the cached note mentions were found with. */
  private noteKnowledge: Knowledge | undefined;
  private noteLearned = -1;
  private quotes: QuoteIndex | undefined;
  /** Per note: its quotations and those checked so far, for one version of the note and of the sentence index. */
  private readonly verdictCache = new Map<string, { version: number; length: number; quotations: Quotation[]; corpus: number; verdicts: QuoteVerdict[]; pending: QuotationCheck | undefined }>();

  /** The index the caches below were made from. */
  private cachedFrom: CorpusIndex | undefined;

  constructor(private readonly source: IndexSource) {}

  private get index(): CorpusIndex {
    const index = this.source.index;
    if (index !== this.cachedFrom) {
      // A new full index replaced the one in use: nothing worked out from the old one holds.
      this.cachedFrom = index;
      this.noteCache.clear();
      this.completer = undefined;
    }
    return index;
  }

  private get notes(): NoteIndex {
    return this.source.notes;
  }

  document(uri: string): IndexedDocument | undefined {
    return this.index.get(uri);
  }

  documents(): readonly IndexedDocument[] {
    return this.index.documents();
  }

  textOf(doc: IndexedDocument): string {
    return this.index.textOf(doc);
  }

  entity(id: string): Entity | undefined {
    return this.index.entity(id);
  }

  entities(): Entity[] {
    return this.index.entities();
  }

  mentionsIn(source: TextSource): readonly FoundMention[] {
    const indexed = this.index.get(source.uri);
    if (indexed) return indexed.mentions;
    const knowledge = this.index.knowledge;
    if (this.noteKnowledge !== knowledge || this.noteLearned !== this.index.learnedVersion) {
      this.noteCache.clear();
      this.noteKnowledge = knowledge;
      this.noteLearned = this.index.learnedVersion;
    }
    const cached = this.noteCache.get(source.uri);
    const text = source.getText();
    if (cached && cached.version === source.version && cached.length === text.length) return cached.mentions;
    // The note index analysed this very text (an open note is indexed as it is edited): once is enough.
    if (this.source.notes.holds(source.uri, text)) return this.source.notes.get(source.uri)!.mentions;
    const mentions = noteMentions(text, this.index);
    this.noteCache.delete(source.uri);
    this.noteCache.set(source.uri, { version: source.version, length: text.length, mentions });
    if (this.noteCache.size > NOTE_CACHE_SIZE) this.noteCache.delete(this.noteCache.keys().next().value!);
    return mentions;
  }

  forgetNote(uri: string): void {
    this.noteCache.delete(uri);
    this.verdictCache.delete(uri);
  }

  private quoteIndex(): QuoteIndex {
    this.quotes ??= new QuoteIndex({ documents: () => this.index.documents(), textOf: (doc) => this.index.tryTextOf(doc) });
    // Only the documents that changed since the last look are read again.
    this.quotes.sync();
    return this.quotes;
  }

  completeQuote(typed: string, limit = 20): { document: IndexedDocument; start: number; end: number }[] {
    const quotes = this.quoteIndex();
    if (!quotes.work(QUOTE_SLICE, Date.now)) return [];
    // The last words typed are enough to find a sentence; a line of hundreds says no more.
    const words = wordsOf(typed).slice(-MAX_TYPED_WORDS);
    // A last word not yet followed by a space is still being typed.
    const partial = words.length && /[\p{L}\p{N}]$/u.test(typed) ? words.pop()!.key : '';
    return quotes
      .complete(words, partial, limit)
      .map(({ doc, start, end }) => ({ document: doc, start, end }));
  }

  private verdictEntry(source: TextSource) {
    const text = source.getText();
    let entry = this.verdictCache.get(source.uri);
    if (!entry || entry.version !== source.version || entry.length !== text.length) {
      entry = { version: source.version, length: text.length, quotations: findQuotations(text), corpus: -1, verdicts: [], pending: undefined };
      this.verdictCache.delete(source.uri);
      this.verdictCache.set(source.uri, entry);
      if (this.verdictCache.size > NOTE_CACHE_SIZE) this.verdictCache.delete(this.verdictCache.keys().next().value!);
    }
    return entry;
  }

  quotations(source: TextSource): readonly Quotation[] {
    return this.verdictEntry(source).quotations;
  }

  quoteVerdicts(source: TextSource, sliceMilliseconds?: number): readonly QuoteVerdict[] | undefined {
    const entry = this.verdictEntry(source);
    // A note without quotations never makes the sentence index be built.
    if (!entry.quotations.length) return entry.verdicts;
    const quotes = this.quoteIndex();
    if (entry.corpus !== quotes.version) {
      entry.corpus = quotes.version;
      entry.verdicts = [];
      entry.pending = undefined;
    }
    const { quotations, verdicts } = entry;
    if (verdicts.length === quotations.length) return verdicts;
    if (!quotes.work(sliceMilliseconds ?? QUOTE_SLICE, Date.now)) return undefined;
    // A note with thousands of quotations is checked a slice at a time, like the index is built, and
    // a long quotation is itself aligned in slices: the slice ends inside it and goes on next time.
    const deadline = Date.now() + (sliceMilliseconds ?? CHECK_SLICE);
    while (verdicts.length < quotations.length && Date.now() < deadline) {
      entry.pending ??= new QuotationCheck(quotations[verdicts.length], quotes);
      const verdict = entry.pending.run(deadline);
      if (!verdict) break;
      verdicts.push(verdict);
      entry.pending = undefined;
    }
    return verdicts.length === quotations.length ? verdicts : undefined;
  }

  findings(source: TextSource): NoteFinding[] {
    return noteFindings(this.mentionsIn(source), { entity: (id) => this.index.entity(id), editionCounts: (id) => this.index.editionCounts(id) });
  }

  entityOf(mention: FoundMention): Entity | undefined {
    const entity = this.index.entity(mention.entityId);
    if (entity || !mention.discovered) return entity;
    const { kind, name, parent } = mention.discovered;
    return { id: mention.entityId, kind, name, aliases: [], discovered: true, ...(parent ? { parent } : {}) };
  }

  entityAt(source: TextSource, offset: number): EntityHit | undefined {
    const mention = mentionAtOffset(this.mentionsIn(source), offset);
    const entity = mention && this.entityOf(mention);
    return entity && mention ? { entity, mention } : undefined;
  }

  hover(source: TextSource, offset: number, options: { maxDocuments?: number; quoteCommands?: boolean } = {}): { markdown: string; start: number; end: number } | undefined {
    const hit = this.entityAt(source, offset);
    if (!hit) return undefined;
    const cardOptions: CardOptions = { maxDocuments: options.maxDocuments, inNotes: this.notes.countsOf(hit.entity.id) };
    if (hit.mention.edition !== undefined) cardOptions.edition = hit.mention.edition;
    const alternatives = (hit.mention.alternatives ?? []).map((id) => this.entity(id)).filter((e): e is Entity => !!e);
    if (alternatives.length) cardOptions.alternatives = alternatives;
    return { markdown: renderEntityCard(cardFacts(hit.entity, this.index, cardOptions), { quoteCommands: options.quoteCommands }), start: hit.mention.start, end: hit.mention.end };
  }

  card(entityId: string, rendering: CardRendering = {}): string | undefined {
    const entity = this.entity(entityId);
    return entity && renderEntityCard(cardFacts(entity, this.index, { inNotes: this.notes.countsOf(entity.id) }), rendering);
  }

  definitionOf(entityId: string): SourceMention | undefined {
    const definition = this.index.definitionOf(entityId);
    return definition && { document: definition.document, mention: definition.mention, sentence: definition.sentence };
  }

  references(source: TextSource, offset: number, limit = Infinity): { entity?: Entity; places: MentionPlace[]; total: number } {
    const hit = this.entityAt(source, offset);
    if (!hit) return { places: [], total: 0 };
    const id = hit.entity.id;
    const places: MentionPlace[] = this.index.mentionsOf(id, limit).map((m) => ({ uri: m.uri, start: m.start, end: m.end, lines: this.index.get(m.uri)!.lines, note: false }));
    const inNotes = this.notes.mentionsOf(id);
    for (const { note, mentions } of inNotes) {
      for (const m of mentions) {
        if (places.length >= limit) break;
        places.push({ uri: note.uri, start: m.start, end: m.end, lines: note.lines, note: true });
      }
    }
    // Every place is listed, reprints too: the total counts them all.
    const total = this.index.mentionCount(id) + this.index.reprintedCount(id) + inNotes.reduce((n, { mentions }) => n + mentions.length, 0);
    return { entity: hit.entity, places, total };
  }

  complete(linePrefix: string, limit?: number): { items: NameCompletion[]; incomplete: boolean } {
    // Discovered entities come and go with the documents; the name list follows them.
    const version = this.index.discoveryVersion;
    if (!this.completer || version !== this.completerVersion || this.completer.knowledge !== this.index.knowledge) {
      this.completer = new NameCompleter(this.index.entities(), this.index.knowledge);
      this.completerVersion = version;
    }
    return this.completer.complete(linePrefix, (e) => this.index.mentionCount(e.id), limit);
  }

  mentionCount(entityId: string): number {
    return this.index.mentionCount(entityId);
  }

  reprintedCount(entityId: string): number {
    return this.index.reprintedCount(entityId);
  }

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

  findPassages(query: string, limit = 100): { document: IndexedDocument; passage: Passage }[] {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    if (!words.length) return [];
    const found = passagesByTitle(this.index.documents(), words);
    found.sort((a, b) => (b.passage.date ?? b.document.date ?? '').localeCompare(a.passage.date ?? a.document.date ?? '') || a.passage.title.localeCompare(b.passage.title));
    return found.slice(0, limit);
  }

  searchPassages(query: string, limit: number, budgetMilliseconds: number): PassageSearch {
    return searchPassages(this.index, query, { limit, budget: budgetMilliseconds, now: Date.now });
  }

  chronology(filter: ChronologyFilter): Chronology {
    return chronology(this.index, filter);
  }

  entityFacts(entity: Entity): EntityFacts {
    return entityFacts(this.index, entity, this.definitionOf(entity.id));
  }

  passageFacts(doc: IndexedDocument): PassageFacts[] {
    return passageFacts(this.index, doc);
  }

  mentionFacts(entityId: string, limit: number): MentionFacts[] {
    return mentionFacts(this.index, entityId, limit);
  }

  noteMentionFacts(entityId: string, limit: number): NoteMentionFacts[] {
    return noteMentionFacts(this.notes, entityId, limit);
  }

  noteCounts(entityId: string): { mentions: number; notes: number } {
    return this.notes.countsOf(entityId);
  }

  dispose(): void {
    this.noteCache.clear();
    this.completer = undefined;
  }
}
