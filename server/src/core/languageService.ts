// The language service: the read-only facade every feature handler sees, a frozen table of the
// providers' methods. It keeps no state and works nothing out itself: entities (query/
// entityProvider.ts), notes (index/noteIndex.ts), quotations (quotes/quoteProvider.ts) and the
// plain queries over the index answer, in plain data with character offsets. It never changes
// the index; the sync (core/sync) does.

import type { IndexedDocument } from './analysis/analyseDocument';
import type { CatalogEdit } from './catalog/catalogEdits';
import { entityEntries } from './catalog/catalogEdits';
import { aliasTargets, catalogEditFor, isCatalogFix, type CatalogFix } from './catalog/catalogFixes';
import type { CorpusIndex } from './index/corpusIndex';
import type { NoteIndex } from './index/noteIndex';
import type { Disposable } from './events';
import type { Entity, FoundMention, Passage, TextSource } from './model';
import { chronologyWithSentences, type Chronology, type ChronologyEvent, type ChronologyFilter } from './query/chronology';
import { EntityProvider, type EntityHit, type MentionPlace, type SourceMention } from './query/entityProvider';
import { highlightsOf, type Highlight } from './query/highlights';
import type { NameCompletion } from './query/nameCompleter';
import { noteFindings, type NoteFinding } from './query/noteFindings';
import { documentOutline, readablePassages, type OutlineEntry } from './query/outline';
import { searchPassages, type PassageSearch } from './query/passageSearch';
import { documentMentionCount, entityFacts, mentionFacts, noteMentionFacts, passageFacts, type EntityFacts, type MentionFacts, type NoteMentionFacts, type PassageFacts } from './query/summaries';
import { QuoteProvider, type QuoteCompletion, type QuoteFinding, type QuoteOfSource } from './quotes/quoteProvider';
import type { QuotePlace } from './quotes/quotePlace';
import type { CardRendering } from './render/card';
import { renderChronologyTable } from './render/chronologyTable';
import type { CitationFormat } from './render/quoteText';

export type { TextSource } from './model';
export type { EntityHit, MentionPlace, SourceMention } from './query/entityProvider';

export interface LanguageService extends Disposable {
  // The corpus.
  document(uri: string): IndexedDocument | undefined;
  documents(): readonly IndexedDocument[];
  /** A corpus document's text (read again when the index does not keep it); '' if unreadable. */
  textOf(doc: IndexedDocument): string;
  outline(doc: IndexedDocument): OutlineEntry[];
  /** A document's passages a reader opens (boilerplate left out). */
  readablePassages(doc: IndexedDocument): Passage[];
  /** Mentions in a document, each counted once. */
  documentMentionCount(doc: IndexedDocument): number;
  passageFacts(doc: IndexedDocument): PassageFacts[];
  /** Passages by title, by the entities they name, then by text, within a time budget for the text. */
  searchPassages(query: string, limit: number, budgetMilliseconds: number): PassageSearch;
  /** Passages whose title holds every word of the query, the newest first. */
  findPassages(query: string, limit?: number): { document: IndexedDocument; passage: Passage }[];
  /** Dated events for some entities, kinds or the whole corpus, oldest first; with the sentences of the first `sentences` passage events. */
  chronology(filter: ChronologyFilter, sentences?: number): Chronology & { sentences: ReadonlyMap<ChronologyEvent, string> };
  /** The chronology as a Markdown table for the note `noteUri`, or no table above `maxRows` passages. */
  chronologyTable(filter: ChronologyFilter, coverage: string, noteUri: string, maxRows: number): { markdown: string; rows: number; passages: number };

  // Entities.
  /** A catalog entity or one discovered in the corpus. */
  entity(id: string): Entity | undefined;
  entities(): Entity[];
  /** The mentions of a document: the index's for a corpus document, else the note's (matched once per version). */
  mentionsIn(source: TextSource): readonly FoundMention[];
  /** The entity a mention names; a name discovered only in a note is an entity of that note. */
  entityOf(mention: FoundMention): Entity | undefined;
  entityAt(source: TextSource, offset: number): EntityHit | undefined;
  hover(source: TextSource, offset: number, options?: { maxDocuments?: number; quoteCommands?: boolean }): { markdown: string; start: number; end: number } | undefined;
  /** The entity card, as on hover. */
  card(entityId: string, rendering?: CardRendering, edition?: number): string | undefined;
  /** Where an entity is defined (or first reported) in the corpus. */
  definitionOf(entityId: string, edition?: number | undefined): SourceMention | undefined;
  /** Every mention of the entity at an offset, the corpus's then the notes', up to `limit`; `total` counts them all. */
  references(source: TextSource, offset: number, limit?: number): { entity?: Entity; places: MentionPlace[]; total: number };
  complete(linePrefix: string, limit?: number): { items: NameCompletion[]; incomplete: boolean };
  /** Entities whose name or alias contains the query's characters in order (empty query: all). */
  findEntities(query: string, limit?: number): Entity[];
  /** How often the corpus mentions an entity, each passage counted once however often it is reprinted. */
  mentionCount(entityId: string): number;
  /** Mentions of an entity in reprints, on top of `mentionCount`. */
  reprintedCount(entityId: string): number;
  entityFacts(entity: Entity): EntityFacts;
  /**
   * Makes what `entityFacts` reads for every entity in one pass over the corpus, a turn at a time
   * (drive it to the end, answering requests between turns): true when made, false when the
   * corpus changed meanwhile (each entity's facts are then made when asked for, as without it).
   */
  prepareEntityFacts(): Generator<void, boolean>;
  mentionFacts(entityId: string, limit: number): MentionFacts[];
  /** Every recognised name of a document, with its kind, for colouring. */
  highlights(source: TextSource): Highlight[];

  // Notes.
  /** The mentions of an entity in the notes, at most `limit`. */
  noteMentionFacts(entityId: string, limit: number): NoteMentionFacts[];
  /** How often the notes mention an entity, in how many notes. */
  noteCounts(entityId: string): { mentions: number; notes: number };
  /** What a note names that neither the catalog nor the corpus knows. */
  findings(source: TextSource): NoteFinding[];
  /** A note was closed: what was worked out for the editor is dropped. */
  forgetNote(uri: string): void;

  // Quotations.
  /** What is wrong with a note's quotations, with fixes; undefined while the checks are not done (a slice of them is done per call). */
  quoteFindings(note: TextSource, sliceMilliseconds?: number): QuoteFinding[] | undefined;
  /** Builds the sentence index ahead of the first quotation, a slice of at most `sliceMilliseconds` per call; true when it is done. */
  prepareQuotes(sliceMilliseconds: number): boolean;
  citationLinks(note: TextSource): { start: number; end: number; uri: string; line?: number | undefined; title: string }[];
  /** The hover of a citation or of a quotation found verbatim. */
  quoteHover(note: TextSource, offset: number, sliceMilliseconds: number): { markdown: string; start: number; end: number } | undefined;
  /** Corpus sentences for a blockquote line; undefined when the line is not one. */
  quoteCompletions(note: TextSource, lineStart: number, offset: number, format: CitationFormat): { from: number; typed: string; items: QuoteCompletion[] } | undefined;
  /** The quotation of a corpus passage (or of an entity's defining sentence) for a note. */
  quoteOf(what: QuotePlace | { entityId: string; edition?: number | undefined }, note: { uri?: string | undefined; text: string }, format: CitationFormat): QuoteOfSource | undefined;
  /** The paragraphs of a passage an analyst may quote (no heading, byline or boilerplate). */
  quoteParagraphs(uri: string, offset: number): { start: number; end: number; text: string }[];

  // The workspace catalog.
  /** Where each entity's entry is in a catalog's text. */
  catalogEntries(text: string): Map<string, { start: number; end: number }>;
  /** The edit a catalog fix makes on the catalog's text as it is now (undefined text: no file yet). */
  catalogEdit(fix: CatalogFix, text: string | undefined): CatalogEdit | undefined;
  /** Known entities of a kind a new name may be an alias of. */
  aliasTargets(name: string, kind: string): Entity[];
  isCatalogFix(value: unknown): value is CatalogFix;
}

/** Where the service finds the index and notes in use: they may be replaced whole by a new full index. */
export interface IndexSource {
  readonly index: CorpusIndex;
  readonly notes: NoteIndex;
}

export function createLanguageService(source: IndexSource): LanguageService {
  const index = () => source.index;
  const notes = () => source.notes;
  const entities = new EntityProvider(index, notes);
  const quotes = new QuoteProvider(index);
  const service: LanguageService = {
    document: (uri) => index().get(uri),
    documents: () => index().documents(),
    textOf: (doc) => index().textOf(doc),
    outline: (doc) => documentOutline(doc, index().textOf(doc)),
    readablePassages,
    documentMentionCount,
    passageFacts: (doc) => passageFacts(index(), doc),
    searchPassages: (query, limit, budget) => searchPassages(index(), query, { limit, budget, now: Date.now }),
    findPassages: (query, limit) => entities.findPassages(query, limit),
    chronology: (filter, sentences = 0) => chronologyWithSentences(index(), filter, sentences),
    chronologyTable: (filter, coverage, noteUri, maxRows) => {
      const found = chronologyWithSentences(index(), { ...filter, by: undefined, maxEvents: maxRows }, maxRows);
      return { ...(found.by === 'passage' ? renderChronologyTable(found, found.sentences, coverage, noteUri) : { markdown: '', rows: 0 }), passages: found.passages };
    },

    entity: (id) => index().entity(id),
    entities: () => index().entities(),
    mentionsIn: (s) => entities.mentionsIn(s),
    entityOf: (m) => entities.entityOf(m),
    entityAt: (s, offset) => entities.entityAt(s, offset),
    hover: (s, offset, options) => entities.hover(s, offset, options),
    card: (id, rendering, edition) => entities.card(id, rendering, edition),
    definitionOf: (id) => entities.definitionOf(id),
    references: (s, offset, limit) => entities.references(s, offset, limit),
    complete: (prefix, limit) => entities.complete(prefix, limit),
    findEntities: (query, limit) => entities.findEntities(query, limit),
    mentionCount: (id) => index().mentionCount(id),
    reprintedCount: (id) => index().reprintedCount(id),
    entityFacts: (entity) => entityFacts(index(), entity, entities.definitionOf(entity.id)),
    prepareEntityFacts: () => index().prepareAggregates(),
    mentionFacts: (id, limit) => mentionFacts(index(), id, limit),
    highlights: (s) => highlightsOf(entities.mentionsIn(s), (m) => entities.entityOf(m)),

    noteMentionFacts: (id, limit) => noteMentionFacts(notes(), id, limit),
    noteCounts: (id) => notes().countsOf(id),
    findings: (s) => noteFindings(entities.mentionsIn(s), { entity: (id) => index().entity(id), editionCounts: (id) => index().editionCounts(id) }),
    forgetNote: (uri) => {
      notes().forgetOpen(uri);
      quotes.forget(uri);
    },

    quoteFindings: (note, slice) => quotes.findings(note, slice),
    prepareQuotes: (slice) => quotes.prepare(slice),
    citationLinks: (note) => quotes.citationLinks(note),
    quoteHover: (note, offset, slice) => quotes.hover(note, offset, slice),
    quoteCompletions: (note, lineStart, offset, format) => quotes.completions(note, lineStart, offset, format),
    quoteOf: (what, note, format) => {
      if (!('entityId' in what)) return quotes.quoteOf(what, note, format);
      const definition = entities.definitionOf(what.entityId, what.edition);
      return definition && quotes.quoteOf({ document: definition.document, ...definition.sentence }, note, format);
    },

    quoteParagraphs: (uri, offset) => quotes.paragraphs(uri, offset),

    catalogEntries: entityEntries,
    catalogEdit: (fix, text) => catalogEditFor(fix, text, { all: () => index().entities(), get: (id) => index().entity(id) }),
    aliasTargets: (name, kind) => aliasTargets(index().entities(), name, kind),
    isCatalogFix,

    dispose: () => entities.dispose(),
  };
  return Object.freeze(service);
}
