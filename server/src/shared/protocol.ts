// Custom requests between the Corpus Lens client and server: one typed constant per message,
// shared by both sides. Ranges are LSP ranges; everything else is plain data. These types are the
// wire format: they are declared here, not borrowed from the core, so that a change inside the
// server never changes what a client receives.

import { NotificationType, RequestType, RequestType0, type Position, type Range, type TextDocumentPositionParams } from 'vscode-languageserver-protocol';

/**
 * The one way either end puts text from documents, notes or catalogs into Markdown (the client's
 * tree and status tooltips, the server's cards): shown as written, never read as Markdown.
 */
export { escapeMarkdown } from '../core/text/markdown';

/** The kinds of entity, as the wire spells them. */
export type EntityKindName = 'body' | 'operation' | 'exercise' | 'organization' | 'state' | 'person' | 'document';
/** The order in which views list the kinds. */
export const ENTITY_KIND_ORDER: readonly EntityKindName[] = ['body', 'operation', 'exercise', 'organization', 'state', 'person', 'document'];
/** The kinds as the views and the chronology's table name a group of them ("Bodies"). */
export const KIND_TITLES: Record<EntityKindName, string> = {
  body: 'Bodies',
  operation: 'Operations',
  exercise: 'Exercises',
  organization: 'Organizations',
  state: 'States',
  person: 'People',
  document: 'Documents',
};

export interface PassageSummary {
  index: number;
  kind: 'news' | 'article' | 'section' | 'byline';
  title: string;
  /** ISO date ("2021-06-09") or year. */
  date?: string;
  dateLabel: string;
  range: Range;
  /** Index of the article a section or byline belongs to. */
  parent?: number;
  mentionCount: number;
  /** Titles of other documents that print the same passage. */
  reprintedIn: string[];
}

export interface DocumentSummary {
  uri: string;
  title: string;
  date?: string;
  dateLabel: string;
  dates: string[];
  passageCount: number;
  /** Only when asked for (DocumentsParams.passages); else fetched per document with PassagesRequest. */
  passages?: PassageSummary[];
  mentionCount: number;
  /** True for the corpus bundled with the extension. */
  embedded: boolean;
  /** How the file was read, when that matters ("not valid UTF-8 ..."). */
  notice?: string;
  /**
   * True while only its catalog names are indexed (the first index's names pass): its title is
   * its file name and its date, passages and definitions are still to be read.
   */
  unread?: boolean;
}

export interface EntitySummary {
  id: string;
  name: string;
  kind: EntityKindName;
  aliases: string[];
  parent?: string;
  description?: string;
  mentionCount: number;
  documentCount: number;
  discovered: boolean;
  /** Years of the editions known or mentioned, for exercises and operations. */
  editions: number[];
  /** Where the corpus defines (or first reports) it; absent when the corpus never mentions it. */
  definition?: SourceLocation;
}

/** A place in a corpus document. */
export interface SourceLocation {
  uri: string;
  range: Range;
}

export interface MentionSummary {
  uri: string;
  range: Range;
  /** The text from the mention on, to the end of its sentence or a line's worth. */
  snippet: string;
  /** Where the mention stands in the snippet: [start, end). */
  highlight: [number, number];
  /** The whole sentence (cut around the mention when long). */
  sentence: string;
  documentTitle: string;
  /** The date of the document ("2 Dec 2020"), '' when it has none, "note" for a note. */
  documentDateLabel: string;
  /** The document's date as ISO ("2020-12-02"); absent for a note or an undated document. */
  documentDate?: string;
  /** The date of the mention's passage (a reprinted news item keeps its own date). */
  date?: string;
  dateLabel: string;
  edition?: number;
  /** True for a mention in one of the analyst's notes. */
  note?: boolean;
  /** True for a mention in a reprint of a passage printed elsewhere: listed, but counted once. */
  reprint?: boolean;
  /** The longer name the entity is mentioned inside ("Collective Rapid Reaction Force Command"). */
  via?: string;
}

export interface DocumentMention {
  range: Range;
  entityId: string;
  name: string;
  kind: EntityKindName;
  discovered: boolean;
  edition?: number;
}

export interface MentionsParams {
  entityId: string;
  /** At most this many items (default 200); `total` still counts them all. */
  limit?: number;
}

export interface MentionsResult {
  /** Every place there is to list: reprints and notes included. */
  total: number;
  /** The corpus's mentions counted once (reprints left out), as the card counts them. */
  counted: number;
  /** Mentions in reprints. */
  reprinted: number;
  items: MentionSummary[];
}

export interface IndexStatus {
  documents: number;
  passages: number;
  /** Mentions counted once: a name said again at once and reprinted passages left out. */
  mentions: number;
  reprintedMentions: number;
  /** Entities mentioned at least once. */
  entitiesMentioned: number;
  catalogEntities: number;
  /** Entities found in the text that the catalog lacks. */
  discoveredEntities: number;
  catalogVersion: string;
  indexing: boolean;
  /**
   * While a first index on worker threads runs: 'names' while every file's catalog names are read
   * (hover, references and counts grow; no definitions or dates yet), then 'understanding'.
   */
  phase?: 'names' | 'understanding';
  /** True when the workspace has no corpus of its own and the bundled one is served. */
  embedded: boolean;
  /**
   * Where the corpus was found: by the corpus settings, in the workspace root (a corpus itself), in
   * folders holding copies of the bundled documents, or nowhere (the bundled corpus is served).
   * `folders` are relative to the workspace root ('.' for the root).
   */
  layout?: { kind: 'settings' | 'root' | 'copies' | 'bundled'; folders: string[] };
  /** Files that could not be indexed or were read with a warning. */
  problems: number;
  /** Notes of the workspace that are indexed (searched for mentions, never quoted). */
  notes: number;
  /** Documents of the last full index that came back unchanged from the index cache. */
  fromCache: number;
  /** How long the last full index took, listing and cache included. */
  lastIndexMilliseconds?: number;
  /** How long the last update after file changes took. */
  lastUpdateMilliseconds?: number;
}

export interface DocumentsParams {
  /** Include every document's passages (heavy for a large corpus). */
  passages?: boolean;
}

export const DocumentsRequest = new RequestType<DocumentsParams, DocumentSummary[], void>('corpusLens/documents');
/** The passages of one corpus document, for expanding it in the tree. */
export const PassagesRequest = new RequestType<{ uri: string }, PassageSummary[], void>('corpusLens/passages');
export const EntitiesRequest = new RequestType0<EntitySummary[], void>('corpusLens/entities');
export const MentionsRequest = new RequestType<MentionsParams, MentionsResult, void>('corpusLens/mentions');
export const EntityAtRequest = new RequestType<TextDocumentPositionParams, EntitySummary | null, void>('corpusLens/entityAt');
export const StatusRequest = new RequestType0<IndexStatus, void>('corpusLens/status');
/** Every entity mention in one document (corpus document or open note), in text order. */
export const DocumentMentionsRequest = new RequestType<{ textDocument: { uri: string } }, DocumentMention[], void>('corpusLens/documentMentions');
/** Forgets the index and reads the whole corpus again. */
export interface SearchPassagesParams {
  query: string;
  limit?: number;
}

export interface PassageHitSummary {
  uri: string;
  range: Range;
  title: string;
  kind: PassageSummary['kind'];
  documentTitle: string;
  date?: string;
  dateLabel: string;
  /** Why it matched: its title, an entity it names, or its text. */
  reason: 'title' | 'entity' | 'text' | 'words';
  entityName?: string;
  snippet?: string;
}

export interface SearchPassagesResult {
  items: PassageHitSummary[];
  /** False when the text search stopped at its time budget before reading every document. */
  complete: boolean;
  documentsSearched: number;
  documents: number;
}

/** Passages by title, by the entities they name, then by their text (for "Open Source Passage…"). */
export const SearchPassagesRequest = new RequestType<SearchPassagesParams, SearchPassagesResult, void>('corpusLens/searchPassages');
export interface CardResult {
  /** The entity card, as on hover. */
  markdown: string;
  /** Where the entity is written in a catalog file. */
  catalog?: SourceLocation;
}

/** The card of an entity, with its catalog entry (for an entity the corpus never mentions). */
export const CardRequest = new RequestType<CardParams, CardResult | null, void>('corpusLens/card');

export interface CardParams {
  entityId: string;
  /** An edition's card. */
  edition?: number;
  /** The whole card, as the side panel shows it: every name and document, no list cut. */
  full?: boolean;
}
/**
 * A place to quote (the sentence or the passage's first paragraph at a position), the words
 * selected in a corpus document (a word the range cuts is taken whole), or the sentence an
 * entity's card quotes (an edition's card: `edition`).
 */
export type QuoteParams = ({ uri: string; position: Position; scope: 'sentence' | 'passage' } | { uri: string; range: Range } | { entityId: string; edition?: number }) & {
  /** The note the quotation goes into: the citation's link is relative to it. */
  noteUri?: string;
};

export interface QuoteResult {
  /** The words quoted, exactly as the source has them (white space folded). */
  text: string;
  /** What follows "> " on the note's line: the quotation and its citation, in the format of corpusLens.quotes.citation. */
  newText: string;
  /** A footnote to add at the end of the note, when citations are footnotes. */
  additional: { range: Range; newText: string }[];
  source: SourceLocation;
}

/** A quotation ready to go into a note: the sentence at a place, a passage's first paragraph, or an entity's defining sentence. */
export const QuoteRequest = new RequestType<QuoteParams, QuoteResult | null, void>('corpusLens/quote');

export interface QuoteParagraph {
  range: Range;
  /** The paragraph's words, white space folded. */
  text: string;
}

/** The paragraphs of the passage at a position that may be quoted: no heading, date line, byline or site boilerplate. */
export const QuoteParagraphsRequest = new RequestType<{ uri: string; position: Position }, QuoteParagraph[], void>('corpusLens/quoteParagraphs');
export type ChronologyScale = 'passage' | 'month' | 'year';

export interface ChronologyParams {
  entityIds?: string[];
  kinds?: EntityKindName[];
  /** Inclusive bounds: ISO dates or their prefixes ("2021", "2021-06"). */
  from?: string;
  to?: string;
  /** One event per passage, month or year. By default per passage, gathered by month (then year) above `maxEvents`. */
  by?: ChronologyScale;
  /** Default 2000. */
  maxEvents?: number;
  /** Adds each passage event's sentence (read from the document: for a table, not for every redraw). */
  sentences?: boolean;
}

export interface ChronologyEventSummary {
  /** ISO date; for a gathered event its month or year; for an edition known only from the catalog, its year. */
  date: string;
  dateLabel: string;
  /** True for a catalog edition no dated passage mentions, placed at its year. */
  catalogOnly: boolean;
  /** Passages the event stands for (more than one when gathered by month or year). */
  passages: number;
  /** For an event of one passage: the document, the passage and the first mention of the entities asked about. */
  uri?: string;
  documentTitle?: string;
  passage?: { index: number; title: string; range: Range };
  at?: Range;
  /** The sentence of that mention, when asked for. */
  sentence?: string;
  entities: { id: string; name: string; kind: EntityKindName; mentions: number; passages: number; editions: number[] }[];
}

export interface ChronologyResult {
  by: ChronologyScale;
  /** Passages within the filter, reprints and repeats counted once. */
  passages: number;
  /** Oldest first. */
  events: ChronologyEventSummary[];
}

/** Dated events of the corpus (passages and the entities they mention), oldest first; reprints once. */
export const ChronologyRequest = new RequestType<ChronologyParams, ChronologyResult, void>('corpusLens/chronology');

export interface ChronologyTableParams extends ChronologyParams {
  /** The note the table goes into: its source links are relative to it. */
  noteUri: string;
}

export interface ChronologyTable {
  /** A Markdown table (date, event sentence, source link) with a line that says what it covers; '' when too many passages. */
  markdown: string;
  rows: number;
  /** Passages within the filter: more than `maxRows` makes no table. */
  passages: number;
  maxRows: number;
}

/** The chronology of a filter as a Markdown table for a note, one row per passage, oldest first. */
export const ChronologyTableRequest = new RequestType<ChronologyTableParams, ChronologyTable, void>('corpusLens/chronologyTable');
export const ReindexRequest = new RequestType0<IndexStatus, void>('corpusLens/reindex');

/** The server's memory (bytes), after a full garbage collection when asked and the server runs with --expose-gc. */
export interface MemoryUsage {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  /** True when a full collection ran first: heapUsed is then the live heap. */
  collected: boolean;
}
/** For measurement (the bench): not used by the extension. */
export const MemoryRequest = new RequestType<{ collect?: boolean }, MemoryUsage, void>('corpusLens/memory');
/** Sent by the server whenever the index or the knowledge changed. */
export const IndexChangedNotification = new NotificationType<IndexStatus>('corpusLens/indexChanged');

/** Options the client passes in `initializationOptions`; every field is optional. */
export interface InitializationOptions {
  /** Folder of the bundled corpus, served when the workspace has none. */
  embeddedCorpus?: string;
  /** Folder for the persistent index cache (the extension's storage); no cache without it. */
  cacheDirectory?: string;
  /** Worker threads for a large first index: 0 for none; by default one per core (at most four). */
  indexWorkers?: number;
  /** The client runs corpusLens.insertQuote and corpusLens.copyQuote from links in a card. */
  quoteCommandLinks?: boolean;
}
