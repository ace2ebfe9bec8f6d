// The corpus index: documents with their passages and mentions, and the reverse maps entity ->
// mentions and passage fingerprint -> reprints. Updated one document at a time.

import { analyseDocument, sourceOf, type Candidate, type DocumentSource, type IndexedDocument, type IndexedMention } from '../analysis/analyseDocument';
import type { Knowledge } from '../analysis/knowledge';
import { topPassage, type Entity, type Passage } from '../model';
import type { IsoDate } from '../text/dates';
import type { Language } from '../text/russian';
import { Interner } from '../text/strings';
import { MonthTable } from './monthTable';
import { prepareAggregates } from './aggregatesAtOnce';
import { addToAggregate, countByEntity, countedTotal, newAggregate, documentsByEarliest, earliestAcross, earlier, earliestIn, groupByEntity, removeFromAggregate, spanOf, timelineOf, type DatedDocument, type EntityAggregate, type TimelineRow } from './aggregates';
import { Reprints } from './reprints';
import { EntityLists } from './entityLists';
import { TextCache } from './textCache';
import { Definitions, type Definition } from './definitions';
import { DiscoveredEntities } from './discovered';
import { LearnedNames } from './learnedNames';
import type { MentionMatcher } from '../analysis/matcher';
import type { IndexOptions, IndexStats } from './indexStats';

export type { IndexOptions, IndexStats } from './indexStats';

/** Stamps of the changes of every index, so that two indexes never share one. */
let lastStamp = 0;

export class CorpusIndex {
  private readonly docs = new Map<string, IndexedDocument>();
  /** Changes whenever a document comes, goes or is replaced, or its counts settle; unique across indexes. The sentence index and kept chronologies are read again only then. */
  documentsStamp = ++lastStamp;
  private readonly aggregates = new Map<string, EntityAggregate>();
  /** Per entity, its earliest dated mention once found (null: none); kept current as documents come and go. */
  private readonly earliestCache = new Map<string, { doc: IndexedDocument; candidate: Candidate } | null>();
  private readonly mentionCounts = new Map<string, number>();
  private readonly texts = new TextCache((uri) => this.options.loadText?.(uri));
  /** Keeps one copy of the titles and names of every document analysed for this index. */
  readonly interner = new Interner();
  private readonly byEntity = new EntityLists();
  private readonly reprints = new Reprints((uri) => this.docs.get(uri));
  /** True when a mention (by its innermost passage) stands in a passage that counts elsewhere or earlier in its document. Bound. */
  readonly inReprint = (doc: IndexedDocument, passage: number): boolean => this.reprints.isReprintedPassage(doc, topPassage(doc, passage));
  private readonly definitions = new Definitions(this);
  private readonly discovered = new DiscoveredEntities();
  private readonly learned = new LearnedNames(() => this.deferCounts);
  private mentionTotal = 0;
  private passageTotal = 0;
  private unreadTotal = 0;

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
    return this.texts.textOf(doc);
  }

  /** As `tryTextOf` for a reader that goes through the corpus once (the sentence index): not remembered, so that it dies young. */
  passingTextOf(doc: IndexedDocument): string | undefined {
    return this.texts.textOf(doc, false);
  }

  get knowledge(): Knowledge {
    return this.knowledgeInUse;
  }

  /** Replaces the knowledge: with `reanalyse`, every document whose text is at hand is analysed again, else the caller refills. */
  setKnowledge(knowledge: Knowledge, reanalyse = true): void {
    const sources: DocumentSource[] = [];
    for (const doc of reanalyse ? this.docs.values() : []) {
      const text = this.tryTextOf(doc);
      if (text !== undefined) sources.push(sourceOf(doc, text));
    }
    this.knowledgeInUse = knowledge;
    this.clear();
    for (const source of sources) this.upsert(source);
  }

  clear(): void {
    this.documentsStamp = ++lastStamp;
    this.docs.clear();
    this.earliestCache.clear();
    this.discovered.clear();
    this.learned.clear();
    this.byEntity.clear();
    this.reprints.clear();
    this.definitions.clear();
    this.aggregates.clear();
    this.unsettled.clear();
    this.monthTable = undefined;
    this.mentionCounts.clear();
    this.texts.clear();
    this.mentionTotal = 0;
    this.passageTotal = 0;
    this.unreadTotal = 0;
  }

  /** Indexes (or re-indexes) one document; only that document's entries are touched. */
  upsert(source: DocumentSource): IndexedDocument {
    return this.add(analyseDocument(source, this.knowledgeInUse, this.interner), !!source.keepText);
  }

  /** Adds a freshly analysed document; its text stays only when the index keeps texts or `keepText` asks. */
  add(doc: IndexedDocument, keepText = false): IndexedDocument {
    if (this.options.retainText === false && !keepText) delete doc.text;
    return this.insert(doc);
  }

  /** Adds an analysed document (fresh, or restored from a cache), replacing one with its uri. */
  insert(doc: IndexedDocument): IndexedDocument {
    const old = this.docs.get(doc.uri);
    // A full analysis takes its names-only document's places in the entities' lists.
    const oldEntities = old && this.removeDocument(old, !!old.provisional);
    this.documentsStamp = ++lastStamp;
    this.docs.set(doc.uri, doc);
    // First which passages are reprints: what the entities' aggregates count depends on it.
    this.forgetCounts(this.reprints.add(doc));
    this.discovered.countAll(doc.mentions, 1);
    let groups: Map<string, number[]> | undefined; // made only if an aggregate or earliest report needs rows
    const rowsOf = (entityId: string) => (groups ??= groupByEntity(doc.mentions)).get(entityId)!;
    for (const [entityId, count] of countByEntity(doc.mentions)) {
      if (oldEntities?.delete(entityId)) this.byEntity.takeOver(entityId, old!, doc);
      else this.byEntity.add(entityId, doc); // never there already: insert removed the document first
      this.definitions.added(entityId, doc);
      this.mentionCounts.set(entityId, (this.mentionCounts.get(entityId) ?? 0) + count);
      // An entity's aggregate, once made, is kept current rather than made again.
      const aggregate = this.aggregates.get(entityId);
      if (aggregate) addToAggregate(aggregate, doc, rowsOf(entityId), this.inReprint);
      const earliest = this.earliestCache.get(entityId);
      if (earliest !== undefined) {
        const candidate = earliestIn(doc, rowsOf(entityId));
        // A names-only document found earliest is undated, so no document is dated: the full
        // analysis of its file is earliest now, without going through every document again.
        if (candidate && (!earliest || earliest.doc === old || earlier(candidate, doc, earliest.candidate, earliest.doc))) this.earliestCache.set(entityId, { doc, candidate });
        else if (earliest?.doc === old) this.earliestCache.delete(entityId);
      }
    }
    for (const entityId of oldEntities ?? []) {
      this.byEntity.remove(entityId, old!);
      if (this.earliestCache.get(entityId)?.doc === old) this.earliestCache.delete(entityId);
    }
    this.monthTable?.add(doc);
    this.learned.count(doc.mentions, 1);
    this.mentionTotal += countedTotal(doc);
    this.passageTotal += doc.passages.length;
    if (doc.provisional) this.unreadTotal++;
    return doc;
  }

  remove(uri: string): boolean {
    const doc = this.docs.get(uri);
    return !!doc && !!this.removeDocument(doc, false);
  }

  /** Takes a document out; with `keepPlaces`, it stays in the entities' lists, and those entities are returned. */
  private removeDocument(doc: IndexedDocument, keepPlaces: boolean): Set<string> {
    const kept = new Set<string>();
    this.documentsStamp = ++lastStamp;
    this.docs.delete(doc.uri);
    this.texts.delete(doc.uri);
    this.discovered.countAll(doc.mentions, -1);
    for (const [entityId, rows] of groupByEntity(doc.mentions)) {
      const count = (this.mentionCounts.get(entityId) ?? rows.length) - rows.length;
      if (count > 0) this.mentionCounts.set(entityId, count);
      else this.mentionCounts.delete(entityId);
      if (keepPlaces) kept.add(entityId);
      else this.byEntity.remove(entityId, doc);
      this.definitions.removed(entityId, doc);
      const aggregate = this.aggregates.get(entityId);
      if (aggregate) removeFromAggregate(aggregate, doc, rows, this.inReprint);
      if (!keepPlaces && this.earliestCache.get(entityId)?.doc === doc) this.earliestCache.delete(entityId);
    }
    this.monthTable?.remove(doc);
    // Last, so that the aggregates above were told what counted while the document was in.
    this.forgetCounts(this.reprints.remove(doc));
    this.learned.count(doc.mentions, -1);
    this.mentionTotal -= countedTotal(doc);
    this.passageTotal -= doc.passages.length;
    if (doc.provisional) this.unreadTotal--;
    return kept;
  }

  /** The whole corpus by month (see `months`); undefined until asked for, and after reprints changed. */
  private monthTable: MonthTable | undefined;

  /** While the first index is read, a change of reprints keeps the aggregate (a card hovered meanwhile is not made again from every document; its counts may hold a reprint or two) until `settleCounts`. */
  deferCounts = false;
  private readonly unsettled = new Set<string>();
  settleCounts(): void {
    this.deferCounts = false;
    if (this.unsettled.size) this.documentsStamp = ++lastStamp;
    for (const entityId of this.unsettled) this.aggregates.delete(entityId);
    this.unsettled.clear();
  }

  /** Drops what was worked out for entities whose reprinted mentions changed; it is made again when asked for. */
  private forgetCounts(entityIds: Iterable<string>): void {
    for (const entityId of entityIds) {
      // Passages became reprints or stopped being: the month table is made again when next asked.
      this.monthTable = undefined;
      if (this.deferCounts) this.unsettled.add(entityId);
      else this.aggregates.delete(entityId);
      this.definitions.forget(entityId);
      this.earliestCache.delete(entityId);
    }
  }

  get(uri: string): IndexedDocument | undefined {
    return this.docs.get(uri);
  }

  /** A catalog entity, or one discovered in the corpus. */
  entity(id: string): Entity | undefined {
    return this.knowledgeInUse.get(id) ?? this.discovered.get(id);
  }

  /** Every entity: the catalog's, then the discovered ones. */
  entities(): Entity[] {
    return [...this.knowledgeInUse.entities.values(), ...this.discovered.all()];
  }

  /** The entities whose parent is the given one, discovered stages included. */
  childrenOf(id: string): Entity[] {
    return [...this.knowledgeInUse.childrenOf(id), ...this.discovered.childrenOf(id)];
  }

  /** Changes whenever a discovered entity appears, disappears or is written a new way. */
  get discoveryVersion(): number {
    return this.discovered.version;
  }

  /** Finds in a note the names the corpus was found to use that the catalog lacks. */
  learnedMatcher(): MentionMatcher {
    return this.learned.matcher((id) => this.entity(id), this.knowledgeInUse.lexicon.organizationWords);
  }

  /** How the corpus writes names the catalog does not list as written, for completion. */
  spellings(): { entity: Entity; name: string; edition?: number }[] {
    return this.learned.spellings((id) => this.entity(id), this.knowledgeInUse.lexicon.organizationWords);
  }

  /** Changes whenever the corpus writes a name a new way, or stops writing one. */
  get spellingsVersion(): number {
    return this.learned.spellingsVersion;
  }

  /** The names the corpus taught: a version that changes whenever it teaches or forgets one, and their signature (the same names, the same signature). */
  learnedNames(): { version: number; signature: string } {
    return this.learned.state((id) => this.entity(id), this.knowledgeInUse.lexicon.organizationWords);
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
      aggregate = newAggregate(entityId, this.documentsOf(entityId), this.inReprint);
      this.aggregates.set(entityId, aggregate);
    }
    return aggregate;
  }

  /** Makes the aggregates of every entity mentioned that has none yet, a turn at a time (see `prepareAggregates`). */
  prepareAggregates(): Generator<void, boolean> {
    return prepareAggregates(this.aggregates, this.byEntity.documentCounts(), () => this.documentsStamp, this, this.inReprint);
  }

  /** The documents that mention an entity, with their mentions, oldest document first. */
  documentsMentioning(entityId: string): EntityAggregate['documents'] {
    return this.aggregate(entityId).documents;
  }

  /** The documents that mention an entity, by the date of the earliest passage that does (as the card lists them). */
  documentsByEarliestMention(entityId: string): readonly DatedDocument[] {
    return documentsByEarliest(this.aggregate(entityId));
  }

  /** The first and last dates of the passages `timelineOf` lists, and how many there are, without making it. */
  dateSpan(entityId: string): { first: IsoDate; last: IsoDate; passages: number } | undefined {
    return spanOf(this.aggregate(entityId), this.inReprint) ?? undefined;
  }

  /** The whole corpus's dated passages by month, per entity: made on first use, then kept current. */
  months(): MonthTable {
    if (!this.monthTable) {
      const table = new MonthTable(this.inReprint);
      for (const doc of this.docs.values()) table.add(doc);
      this.monthTable = table;
    }
    return this.monthTable;
  }

  /** The dated passages that mention an entity and count (reprints left out), oldest first. */
  timelineOf(entityId: string): readonly TimelineRow[] {
    return timelineOf(this.aggregate(entityId), this.inReprint);
  }

  /** The mentions of an entity, document by document (oldest first), in text order; at most `limit`. */
  mentionsOf(entityId: string, limit = Infinity): IndexedMention[] {
    const found: IndexedMention[] = [];
    for (const { doc, rows } of this.documentsMentioning(entityId)) {
      if (found.length >= limit) break;
      for (let k = 0; k < rows.length && found.length < limit; k++) found.push(doc.mentions.at(rows[k]));
    }
    return found;
  }

  /** How often each edition of an entity is named (reprints left out). */
  editionCounts(entityId: string): ReadonlyMap<number, number> {
    return this.aggregate(entityId).editions;
  }

  /** How often each way of writing an entity's name occurs. */
  surfaceCounts(entityId: string): ReadonlyMap<string, number> {
    return this.aggregate(entityId).surfaces;
  }

  /** How often the corpus mentions an entity, each passage counted once however often it is reprinted. */
  mentionCount(entityId: string): number {
    return (this.mentionCounts.get(entityId) ?? 0) - this.reprints.countOf(entityId);
  }

  /** Mentions of an entity in reprints, on top of `mentionCount`. */
  reprintedCount(entityId: string): number {
    return this.reprints.countOf(entityId);
  }

  documentCount(entityId: string): number {
    return this.byEntity.get(entityId)?.length ?? 0;
  }

  /** The mention that covers an offset of an indexed document. */
  mentionAt(uri: string, offset: number): IndexedMention | undefined {
    const doc = this.docs.get(uri);
    const at = doc ? doc.mentions.indexAt(offset) : -1;
    return at >= 0 ? doc!.mentions.at(at) : undefined;
  }

  /** Other documents in which the same passage is printed. */
  reprintsOf(uri: string, passage: Passage): { uri: string; passage: number }[] {
    return this.reprints.copiesOf(uri, passage.fingerprint);
  }

  /** The defining sentence of an entity, or of one edition of it; else its earliest dated mention (index/definitions.ts). */
  definitionOf(entityId: string, edition?: number | undefined, language?: Language): Definition | undefined {
    return this.definitions.of(entityId, edition, language);
  }

  /** The earliest dated mention of an entity (undated last; then by document and offset). */
  earliestMention(entityId: string): { doc: IndexedDocument; candidate: Candidate } | undefined {
    let found = this.earliestCache.get(entityId);
    if (found === undefined) this.earliestCache.set(entityId, (found = earliestAcross(this.documentsMentioning(entityId)) ?? null));
    return found ?? undefined;
  }

  /** The documents that mention an entity. */
  documentsOf(entityId: string): IndexedDocument[] {
    return this.byEntity.get(entityId)?.slice() ?? [];
  }

  stats(): IndexStats {
    return {
      documents: this.docs.size,
      passages: this.passageTotal,
      mentions: this.mentionTotal - this.reprints.mentions,
      reprintedMentions: this.reprints.mentions,
      entitiesMentioned: this.byEntity.size,
      catalogEntities: this.knowledgeInUse.entities.size,
      discoveredEntities: this.discovered.size,
      catalogVersion: this.knowledgeInUse.version,
      unread: this.unreadTotal,
    };
  }
}
