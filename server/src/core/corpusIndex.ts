// The corpus index: documents with their passages and mentions, and the reverse maps entity ->
// mentions and passage fingerprint -> reprints. Updated one document at a time.

import type { IsoDate } from './dates';
import { DEFINING_SCORE, definitionScore, quoteSentence, sentenceAround, type Span } from './definitions';
import { discoverMentions, type DiscoveredInfo } from './discovery';
import type { Knowledge } from './knowledge';
import type { Entity, EntityKind, Mention, Passage, SegmentedDocument } from './model';
import { segmentPassages } from './segment';
import { Interner, LineTable, splitWords } from './text';

export interface DocumentSource {
  uri: string;
  text: string;
  /** Keep the text in memory whatever the index's policy (a document open in the editor). */
  keepText?: boolean;
  /** Shown as the title when the text gives none (usually the file name). */
  fallbackTitle: string;
  /** True for the corpus bundled with the extension. */
  embedded?: boolean;
  /** Something the reader should know about how the file was read ("not valid UTF-8"). */
  notice?: string;
  /** A hash of the file's bytes, for recognising it again in the index cache. */
  contentHash?: string;
}

/** Bump when segmentation, matching or discovery change what they produce: cached indexes are then rebuilt. */
export const ANALYSIS_VERSION = 2;

export interface IndexedMention extends Mention {
  uri: string;
  /** Index of the innermost passage holding the mention, -1 if none. */
  passage: number;
  /** Set when the mention names an entity found in the text, not in the catalog. */
  discovered?: DiscoveredInfo;
}

/** An entity found in the corpus: counts of the names and years it was written with. */
interface DiscoveredEntry {
  kind: EntityKind;
  parent?: string;
  mentions: number;
  names: Map<string, number>;
  years: Map<number, number>;
  entity?: Entity;
}

export interface Candidate {
  mention: IndexedMention;
  score: number;
  sentence: Span;
  date?: IsoDate;
}

export interface IndexedDocument extends SegmentedDocument {
  uri: string;
  /** Present when the index keeps texts, or for documents open in an editor; else read on demand. */
  text?: string;
  fallbackTitle: string;
  embedded: boolean;
  notice?: string;
  contentHash?: string;
  mentions: IndexedMention[];
  lines: LineTable;
  /** Per entity, where this document has one: the mention whose sentence defines it best. */
  best: Map<string, Candidate>;
}

export interface Definition {
  entity: Entity;
  mention: IndexedMention;
  /** The sentence, ready to quote. */
  quote: string;
  /** True for a defining sentence, false for the earliest mention. */
  defining: boolean;
  date?: IsoDate;
  document: IndexedDocument;
}

export interface IndexStats {
  documents: number;
  passages: number;
  mentions: number;
  /** Entities mentioned at least once. */
  entitiesMentioned: number;
  catalogEntities: number;
  /** Entities found in the text that the catalog lacks. */
  discoveredEntities: number;
  catalogVersion: string;
}

export interface IndexOptions {
  /** Keep every document's text in memory (default). Without it, texts are read again on demand. */
  retainText?: boolean;
  /** Reads a document's text again when it was not kept. */
  loadText?: (uri: string) => string | undefined;
}

/**
 * What is known of one entity across the corpus: its documents (oldest first) with their
 * mentions, and counts of its editions and spellings. Made when first asked for, then kept
 * current as documents come and go.
 */
interface EntityAggregate {
  documents: { doc: IndexedDocument; mentions: IndexedMention[] }[];
  editions: Map<number, number>;
  surfaces: Map<string, number>;
}

/** A document's earliest dated mention among the given ones (the first of them when none is dated earlier). */
function earliestIn(doc: IndexedDocument, mentions: readonly IndexedMention[]): Candidate | undefined {
  let found: Candidate | undefined;
  for (const mention of mentions) {
    const date = (mention.passage >= 0 ? doc.passages[mention.passage].date : undefined) ?? doc.date;
    if (found && !(date && (!found.date || date < found.date))) continue;
    found = { mention, score: 0, sentence: { start: mention.start, end: mention.end } };
    if (date) found.date = date;
  }
  return found;
}

function addToAggregate(aggregate: EntityAggregate, doc: IndexedDocument, mentions: IndexedMention[], inOrder = false): void {
  const entry = { doc, mentions };
  if (inOrder) aggregate.documents.push(entry);
  else aggregate.documents.splice(insertionPoint(aggregate.documents, doc), 0, entry);
  for (const m of mentions) {
    if (m.edition !== undefined) aggregate.editions.set(m.edition, (aggregate.editions.get(m.edition) ?? 0) + 1);
    aggregate.surfaces.set(m.surface, (aggregate.surfaces.get(m.surface) ?? 0) + 1);
  }
}

function removeFromAggregate(aggregate: EntityAggregate, doc: IndexedDocument, mentions: IndexedMention[]): void {
  const at = aggregate.documents.findIndex((d) => d.doc === doc);
  if (at >= 0) aggregate.documents.splice(at, 1);
  for (const m of mentions) {
    if (m.edition !== undefined) decrement(aggregate.editions, m.edition);
    decrement(aggregate.surfaces, m.surface);
  }
}

function decrement<K>(counts: Map<K, number>, key: K): void {
  const next = (counts.get(key) ?? 1) - 1;
  if (next > 0) counts.set(key, next);
  else counts.delete(key);
}

/** Where a document goes in a list sorted by compareDocs. */
function insertionPoint(list: readonly { doc: IndexedDocument }[], doc: IndexedDocument): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (compareDocs(list[mid].doc, doc) <= 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

function groupByEntity(mentions: readonly IndexedMention[]): Map<string, IndexedMention[]> {
  const groups = new Map<string, IndexedMention[]>();
  for (const mention of mentions) {
    const group = groups.get(mention.entityId);
    if (group) group.push(mention);
    else groups.set(mention.entityId, [mention]);
  }
  return groups;
}

const TEXT_CACHE_SIZE = 32;

export class CorpusIndex {
  private readonly docs = new Map<string, IndexedDocument>();
  private readonly aggregates = new Map<string, EntityAggregate>();
  /** Per entity, its earliest dated mention once found (null: none); kept current as documents come and go. */
  private readonly earliestCache = new Map<string, { doc: IndexedDocument; candidate: Candidate } | null>();
  private readonly mentionCounts = new Map<string, number>();
  private readonly texts = new Map<string, string>();
  private readonly interner = new Interner();
  /** For each entity, the documents that mention it (their mentions are found through the document). */
  private readonly byEntity = new Map<string, Set<string>>();
  private readonly byFingerprint = new Map<string, { uri: string; passage: number }[]>();
  private readonly definitions = new Map<string, Definition | null>();
  private readonly discovered = new Map<string, DiscoveredEntry>();
  /** Changes whenever the set or the names of discovered entities change. */
  private discoveredVersion = 0;
  private mentionTotal = 0;
  private passageTotal = 0;

  constructor(
    private knowledgeInUse: Knowledge,
    private readonly options: IndexOptions = {},
  ) {}

  /** A document's text: kept in memory, or read again (a few recent ones are remembered); '' if unreadable. */
  textOf(doc: IndexedDocument): string {
    return this.tryTextOf(doc) ?? '';
  }

  /** A document's text, or undefined when it is not kept and cannot be read as it was indexed. */
  tryTextOf(doc: IndexedDocument): string | undefined {
    if (doc.text !== undefined) return doc.text;
    if (this.texts.has(doc.uri)) return this.texts.get(doc.uri);
    let text = this.options.loadText?.(doc.uri);
    // Changed on disk since it was indexed: its offsets no longer fit; the file event will re-index it.
    if (text !== undefined && text.length !== doc.lines.textLength) text = undefined;
    if (text !== undefined) {
      this.texts.set(doc.uri, text);
      if (this.texts.size > TEXT_CACHE_SIZE) this.texts.delete(this.texts.keys().next().value!);
    }
    return text;
  }

  get knowledge(): Knowledge {
    return this.knowledgeInUse;
  }

  /**
   * Replaces the knowledge (the names to find changed). With `reanalyse`, every document whose text
   * is at hand is analysed again at once; otherwise the index is emptied for the caller to refill.
   */
  setKnowledge(knowledge: Knowledge, reanalyse = true): void {
    const sources: DocumentSource[] = [];
    for (const doc of reanalyse ? this.docs.values() : []) {
      const text = this.tryTextOf(doc);
      if (text === undefined) continue;
      const source: DocumentSource = { uri: doc.uri, text, fallbackTitle: doc.fallbackTitle, embedded: doc.embedded };
      if (doc.text !== undefined) source.keepText = true;
      if (doc.notice) source.notice = doc.notice;
      if (doc.contentHash) source.contentHash = doc.contentHash;
      sources.push(source);
    }
    this.knowledgeInUse = knowledge;
    this.clear();
    for (const source of sources) this.upsert(source);
  }

  clear(): void {
    this.docs.clear();
    this.earliestCache.clear();
    this.discovered.clear();
    this.discoveredVersion++;
    this.byEntity.clear();
    this.byFingerprint.clear();
    this.definitions.clear();
    this.aggregates.clear();
    this.mentionCounts.clear();
    this.texts.clear();
    this.mentionTotal = 0;
    this.passageTotal = 0;
  }

  /** Indexes (or re-indexes) one document; only that document's entries are touched. */
  upsert(source: DocumentSource): IndexedDocument {
    const doc = analyseDocument(source, this.knowledgeInUse, this.interner);
    if (this.options.retainText === false && !source.keepText) delete doc.text;
    return this.insert(doc);
  }

  /** Adds an analysed document (fresh, or restored from a cache), replacing one with its uri. */
  insert(doc: IndexedDocument): IndexedDocument {
    this.remove(doc.uri);
    this.docs.set(doc.uri, doc);
    for (const [entityId, mentions] of groupByEntity(doc.mentions)) {
      let docs = this.byEntity.get(entityId);
      if (!docs) this.byEntity.set(entityId, (docs = new Set()));
      docs.add(doc.uri);
      this.definitions.delete(entityId);
      this.mentionCounts.set(entityId, (this.mentionCounts.get(entityId) ?? 0) + mentions.length);
      for (const mention of mentions) if (mention.discovered) this.countDiscovered(mention, 1);
      // An entity's aggregate, once made, is kept current rather than made again.
      const aggregate = this.aggregates.get(entityId);
      if (aggregate) addToAggregate(aggregate, doc, mentions);
      const earliest = this.earliestCache.get(entityId);
      if (earliest !== undefined) {
        const candidate = earliestIn(doc, mentions);
        if (candidate && (!earliest || earlier(candidate, doc, earliest.candidate, earliest.doc))) this.earliestCache.set(entityId, { doc, candidate });
      }
    }
    for (const passage of doc.passages) {
      if (passage.kind === 'boilerplate') continue;
      const list = this.byFingerprint.get(passage.fingerprint) ?? [];
      list.push({ uri: doc.uri, passage: passage.index });
      this.byFingerprint.set(passage.fingerprint, list);
    }
    this.mentionTotal += doc.mentions.length;
    this.passageTotal += doc.passages.length;
    return doc;
  }

  remove(uri: string): boolean {
    const doc = this.docs.get(uri);
    if (!doc) return false;
    this.docs.delete(uri);
    this.texts.delete(uri);
    for (const [entityId, mentions] of groupByEntity(doc.mentions)) {
      for (const mention of mentions) if (mention.discovered) this.countDiscovered(mention, -1);
      const count = (this.mentionCounts.get(entityId) ?? mentions.length) - mentions.length;
      if (count > 0) this.mentionCounts.set(entityId, count);
      else this.mentionCounts.delete(entityId);
      const docs = this.byEntity.get(entityId);
      docs?.delete(uri);
      if (docs && !docs.size) this.byEntity.delete(entityId);
      this.definitions.delete(entityId);
      const aggregate = this.aggregates.get(entityId);
      if (aggregate) removeFromAggregate(aggregate, doc, mentions);
      if (this.earliestCache.get(entityId)?.doc === doc) this.earliestCache.delete(entityId);
    }
    for (const passage of doc.passages) {
      const list = this.byFingerprint.get(passage.fingerprint);
      if (!list) continue;
      const rest = list.filter((p) => p.uri !== uri);
      if (rest.length) this.byFingerprint.set(passage.fingerprint, rest);
      else this.byFingerprint.delete(passage.fingerprint);
    }
    this.mentionTotal -= doc.mentions.length;
    this.passageTotal -= doc.passages.length;
    return true;
  }

  get(uri: string): IndexedDocument | undefined {
    return this.docs.get(uri);
  }

  private countDiscovered(mention: IndexedMention, delta: 1 | -1): void {
    const info = mention.discovered!;
    let entry = this.discovered.get(mention.entityId);
    if (!entry) {
      if (delta < 0) return;
      entry = { kind: info.kind, mentions: 0, names: new Map(), years: new Map() };
      if (info.parent) entry.parent = info.parent;
      this.discovered.set(mention.entityId, entry);
    }
    entry.mentions += delta;
    bump(entry.names, info.name, delta);
    if (mention.edition !== undefined) bump(entry.years, mention.edition, delta);
    entry.entity = undefined;
    if (entry.mentions <= 0) this.discovered.delete(mention.entityId);
    this.discoveredVersion++;
  }

  /** A catalog entity, or one discovered in the corpus. */
  entity(id: string): Entity | undefined {
    const known = this.knowledgeInUse.get(id);
    if (known) return known;
    const entry = this.discovered.get(id);
    if (!entry) return undefined;
    entry.entity ??= discoveredEntity(id, entry);
    return entry.entity;
  }

  /** Every entity: the catalog's, then the discovered ones. */
  entities(): Entity[] {
    return [...this.knowledgeInUse.entities.values(), ...[...this.discovered.keys()].map((id) => this.entity(id)!)];
  }

  /** The entities whose parent is the given one, discovered stages included. */
  childrenOf(id: string): Entity[] {
    const children = [...this.knowledgeInUse.childrenOf(id)];
    for (const [childId, entry] of this.discovered) if (entry.parent === id) children.push(this.entity(childId)!);
    return children;
  }

  /** Changes whenever a discovered entity appears, disappears or is written a new way. */
  get discoveryVersion(): number {
    return this.discoveredVersion;
  }

  has(uri: string): boolean {
    return this.docs.has(uri);
  }

  documents(): IndexedDocument[] {
    return [...this.docs.values()];
  }

  get size(): number {
    return this.docs.size;
  }

  private aggregate(entityId: string): EntityAggregate {
    let aggregate = this.aggregates.get(entityId);
    if (!aggregate) {
      aggregate = { documents: [], editions: new Map(), surfaces: new Map() };
      const uris = this.byEntity.get(entityId);
      const documents = [...(uris ?? [])].map((uri) => this.docs.get(uri)!).sort(compareDocs);
      for (const doc of documents) addToAggregate(aggregate, doc, doc.mentions.filter((m) => m.entityId === entityId), true);
      this.aggregates.set(entityId, aggregate);
    }
    return aggregate;
  }

  /** The documents that mention an entity, with their mentions, oldest document first. */
  documentsMentioning(entityId: string): readonly { doc: IndexedDocument; mentions: IndexedMention[] }[] {
    return this.aggregate(entityId).documents;
  }

  /** The mentions of an entity, document by document (oldest first), in text order; at most `limit`. */
  mentionsOf(entityId: string, limit = Infinity): IndexedMention[] {
    const found: IndexedMention[] = [];
    for (const { mentions } of this.documentsMentioning(entityId)) {
      for (const mention of mentions) {
        if (found.length >= limit) return found;
        found.push(mention);
      }
    }
    return found;
  }

  /** How often each edition of an entity is named. */
  editionCounts(entityId: string): ReadonlyMap<number, number> {
    return this.aggregate(entityId).editions;
  }

  /** How often each way of writing an entity's name occurs. */
  surfaceCounts(entityId: string): ReadonlyMap<string, number> {
    return this.aggregate(entityId).surfaces;
  }

  mentionCount(entityId: string): number {
    return this.mentionCounts.get(entityId) ?? 0;
  }

  documentCount(entityId: string): number {
    return this.byEntity.get(entityId)?.size ?? 0;
  }


  /** The mention that covers an offset of an indexed document. */
  mentionAt(uri: string, offset: number): IndexedMention | undefined {
    const doc = this.docs.get(uri);
    return doc ? mentionAtOffset(doc.mentions, offset) : undefined;
  }

  /** Other documents in which the same passage is printed. */
  reprintsOf(uri: string, passage: Passage): { uri: string; passage: number }[] {
    return (this.byFingerprint.get(passage.fingerprint) ?? []).filter((p) => p.uri !== uri);
  }

  /** The defining sentence of an entity, or else its earliest dated mention. */
  definitionOf(entityId: string): Definition | undefined {
    const cached = this.definitions.get(entityId);
    if (cached !== undefined) return cached ?? undefined;
    const definition = this.computeDefinition(entityId);
    this.definitions.set(entityId, definition ?? null);
    return definition;
  }

  private computeDefinition(entityId: string): Definition | undefined {
    const entity = this.entity(entityId);
    const uris = this.byEntity.get(entityId);
    if (!entity || !uris) return undefined;
    let best: { doc: IndexedDocument; candidate: Candidate } | undefined;
    for (const uri of uris) {
      const doc = this.docs.get(uri)!;
      const scored = doc.best.get(entityId);
      if (scored && (!best || betterDefinition(scored, doc, best.candidate, best.doc))) best = { doc, candidate: scored };
    }
    const chosen = best ?? this.earliestMention(entityId);
    if (!chosen) return undefined;
    const { doc, candidate } = chosen;
    const definition: Definition = {
      entity,
      mention: candidate.mention,
      quote: quoteSentence(this.textOf(doc), candidate.sentence, candidate.mention),
      defining: !!best,
      document: doc,
    };
    if (candidate.date) definition.date = candidate.date;
    return definition;
  }

  /** The earliest dated mention of an entity (undated last; then by document and offset), with its sentence. */
  private earliestMention(entityId: string): { doc: IndexedDocument; candidate: Candidate } | undefined {
    let found = this.earliestCache.get(entityId);
    if (found === undefined) {
      found = null;
      for (const { doc, mentions } of this.documentsMentioning(entityId)) {
        const candidate = earliestIn(doc, mentions);
        if (candidate && (!found || earlier(candidate, doc, found.candidate, found.doc))) found = { doc, candidate };
      }
      this.earliestCache.set(entityId, found);
    }
    if (!found) return undefined;
    const { doc, candidate } = found;
    const text = this.textOf(doc);
    const passage = candidate.mention.passage >= 0 ? doc.passages[candidate.mention.passage] : { start: 0, end: text.length };
    const sentence = text ? sentenceAround(text, candidate.mention.start, passage) : candidate.sentence;
    return { doc, candidate: { ...candidate, sentence } };
  }

  stats(): IndexStats {
    return {
      documents: this.docs.size,
      passages: this.passageTotal,
      mentions: this.mentionTotal,
      entitiesMentioned: this.byEntity.size,
      catalogEntities: this.knowledgeInUse.entities.size,
      discoveredEntities: this.discovered.size,
      catalogVersion: this.knowledgeInUse.version,
    };
  }
}

/** Segments and matches one document. Pure: the index only stores the result. */
export function analyseDocument(source: DocumentSource, knowledge: Knowledge, interner = new Interner()): IndexedDocument {
  const { text } = source;
  const segmented = segmentPassages(text, source.fallbackTitle);
  // Strings kept in the index are copies: a slice would keep the whole text alive.
  segmented.title = interner.get(segmented.title);
  for (const passage of segmented.passages) passage.title = interner.get(passage.title);
  const mentions: IndexedMention[] = [];
  for (const mention of findAllMentions(text, knowledge)) {
    const passage = innermostPassage(segmented.passages, mention.start);
    // Navigation boilerplate is not content: "Search" in a page menu names nothing.
    if (passage && passage.kind === 'boilerplate') continue;
    // The mention is fresh from the matcher: completed in place rather than copied.
    const indexed = mention as IndexedMention;
    indexed.uri = source.uri;
    indexed.passage = passage ? passage.index : -1;
    indexed.surface = interner.get(mention.surface);
    if (mention.discovered) {
      indexed.entityId = interner.get(mention.entityId);
      indexed.discovered = { ...mention.discovered, name: interner.get(mention.discovered.name) };
    }
    mentions.push(indexed);
  }
  const doc: IndexedDocument = {
    ...segmented,
    uri: source.uri,
    text,
    fallbackTitle: source.fallbackTitle,
    embedded: !!source.embedded,
    mentions,
    lines: LineTable.of(text),
    best: new Map(),
  };
  if (source.notice) doc.notice = source.notice;
  if (source.contentHash) doc.contentHash = source.contentHash;
  collectCandidates(doc, text, knowledge);
  return doc;
}

/** The catalog's mentions and the discovered ones, in text order, for any text (corpus or note). */
export function findAllMentions(text: string, knowledge: Knowledge): (Mention & { discovered?: DiscoveredInfo })[] {
  const words = splitWords(text);
  const known = knowledge.matcher.findMentions(text, words);
  const discovery = discoverMentions(text, known, knowledge, knowledge.lexicon, words);
  for (const [mention, entityId] of discovery.reassigned) mention.entityId = entityId;
  const kept = discovery.superseded.size ? known.filter((m) => !discovery.superseded.has(m)) : known;
  return [...kept, ...discovery.mentions].sort((a, b) => a.start - b.start);
}

/**
 * How many mentions of one entity in one document are scored as possible definitions: a page
 * defines a name where it first uses it, and a page naming the CSTO a hundred times need not
 * have a hundred sentences scored.
 */
const SCORED_PER_DOCUMENT = 4;

/** Keeps, per entity, the mention of this document whose sentence defines it, if any does. */
function collectCandidates(doc: IndexedDocument, text: string, knowledge: Knowledge): void {
  const scored = new Map<string, number>();
  const passageSpan = (mention: IndexedMention) => (mention.passage >= 0 ? doc.passages[mention.passage] : { start: 0, end: text.length });
  for (const mention of doc.mentions) {
    const entity = knowledge.get(mention.entityId) ?? (mention.discovered && { id: mention.entityId, kind: mention.discovered.kind, name: mention.discovered.name, aliases: [] });
    if (!entity) continue;
    const date = (mention.passage >= 0 ? doc.passages[mention.passage].date : undefined) ?? doc.date;
    const count = scored.get(entity.id) ?? 0;
    if (count >= SCORED_PER_DOCUMENT) continue;
    scored.set(entity.id, count + 1);
    const sentence = sentenceAround(text, mention.start, passageSpan(mention));
    const candidate: Candidate = { mention, score: 0, sentence };
    if (date) candidate.date = date;
    const sentenceText = text.slice(sentence.start, sentence.end);
    candidate.score = definitionScore(sentenceText, mention.start - sentence.start, mention.end - sentence.start, entity, mention.surface);
    if (candidate.score < DEFINING_SCORE) continue;
    const best = doc.best.get(entity.id);
    if (!best || candidate.score > best.score) doc.best.set(entity.id, candidate);
  }
}

/** The innermost passage holding an offset: passages are ordered by start, sections inside articles. */
export function innermostPassage(passages: readonly Passage[], offset: number): Passage | undefined {
  let low = 0;
  let high = passages.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (passages[mid].start <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  for (let i = found; i >= 0; ) {
    const passage = passages[i];
    if (offset <= passage.end) return passage;
    if (passage.parent !== undefined) i = passage.parent;
    else return undefined;
  }
  return undefined;
}

export function mentionAtOffset<M extends Mention>(mentions: readonly M[], offset: number): M | undefined {
  let low = 0;
  let high = mentions.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const mention = mentions[mid];
    if (offset < mention.start) high = mid - 1;
    else if (offset > mention.end) low = mid + 1;
    else return mention;
  }
  return undefined;
}

function bump<K>(counts: Map<K, number>, key: K, delta: number): void {
  const next = (counts.get(key) ?? 0) + delta;
  if (next > 0) counts.set(key, next);
  else counts.delete(key);
}

function discoveredEntity(id: string, entry: DiscoveredEntry): Entity {
  const names = [...entry.names].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
  const entity: Entity = { id, kind: entry.kind, name: names[0] ?? id, aliases: names.slice(1), discovered: true };
  if (entry.parent) entity.parent = entry.parent;
  if (entry.years.size) entity.editions = [...entry.years.keys()].sort((a, b) => a - b).map((year) => ({ year }));
  return entity;
}

function compareDocs(a: IndexedDocument, b: IndexedDocument): number {
  return compareDates(a.date, b.date) || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0);
}

/** Undated sorts last. */
function compareDates(a: IsoDate | undefined, b: IsoDate | undefined): number {
  if (a === b) return 0;
  if (!a) return 1;
  if (!b) return -1;
  return a < b ? -1 : 1;
}

function earlier(a: Candidate, docA: IndexedDocument, b: Candidate, docB: IndexedDocument): boolean {
  const byDate = compareDates(a.date, b.date);
  if (byDate) return byDate < 0;
  if (docA.uri !== docB.uri) return docA.uri < docB.uri;
  return a.mention.start < b.mention.start;
}

function betterDefinition(a: Candidate, docA: IndexedDocument, b: Candidate, docB: IndexedDocument): boolean {
  if (a.score !== b.score) return a.score > b.score;
  return earlier(a, docA, b, docB);
}
