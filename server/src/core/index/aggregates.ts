// What the index keeps per entity across documents: its documents in date order with their
// mentions, and counts of its editions and spellings; and the orders that decide which mention is
// earliest and which sentence defines best.

import type { Candidate, IndexedDocument } from '../analysis/analyseDocument';
import type { MentionColumns } from '../analysis/mentionColumns';
import { EntityDocuments } from './entityDocuments';
import { dateOfPassage, topPassage } from '../model';
import type { IsoDate } from '../text/dates';

/**
 * What is known of one entity across the corpus: its documents (oldest first) with their
 * mentions, and counts of its editions and spellings. Made when first asked for, then kept
 * current as documents come and go.
 */
export interface EntityAggregate {
  entityId: string;
  /** Every mention, reprints and names inside longer names included: references list them all. */
  documents: EntityDocuments;
  /** Counts of its own mentions (not inside another name), reprints left out. */
  editions: Map<number, number>;
  surfaces: Map<string, number>;
  /** The documents by the date of their earliest dated mention, made when first asked for. */
  byEarliest?: DatedDocument[] | undefined;
  /** Its dated passages, oldest first, made when first asked for. */
  timeline?: TimelineRow[] | undefined;
  /** Documents come and gone since the timeline was last read: applied then, not on every edit. */
  timelineAdded?: Map<IndexedDocument, Int32Array> | undefined;
  timelineRemoved?: Set<IndexedDocument> | undefined;
  /** The dates of its first and last dated passages and how many there are (the card's span): made when first asked for, dropped on any change. */
  span?: { first: IsoDate; last: IsoDate; passages: number } | null | undefined;
}

/** A dated top-level passage that mentions an entity and counts (it is no reprint), with the entity's mentions in it. */
export interface TimelineRow {
  doc: IndexedDocument;
  /** The top-level passage, or -1 for text outside every passage (dated by the document). */
  passage: number;
  date: IsoDate;
  mentions: number;
  /** The editions its own mentions name, in the order first named. */
  editions: readonly number[];
  /** The first of the mentions: its row in the document's mention columns. */
  firstRow: number;
}

const NO_EDITIONS: readonly number[] = Object.freeze([]);

/** An entity's dated passages, reprints left out: oldest first, then by document and passage. */
export function timelineOf(aggregate: EntityAggregate, isReprint: ReprintTest): readonly TimelineRow[] {
  if (!aggregate.timeline) {
    const timeline: TimelineRow[] = [];
    for (const { doc, rows } of aggregate.documents) timeline.push(...timelineRows(aggregate.entityId, doc, rows, isReprint));
    aggregate.timeline = timeline.sort(compareRows);
  } else if (aggregate.timelineAdded || aggregate.timelineRemoved) {
    // A timeline already made takes the changes: it can be long, and a few documents change little.
    const removed = aggregate.timelineRemoved;
    const timeline = removed ? aggregate.timeline.filter((row) => !removed.has(row.doc)) : aggregate.timeline;
    for (const [doc, rows] of aggregate.timelineAdded ?? []) {
      for (const row of timelineRows(aggregate.entityId, doc, rows, isReprint)) timeline.splice(insertionPoint(timeline, row, compareRows), 0, row);
    }
    aggregate.timeline = timeline;
  }
  aggregate.timelineAdded = aggregate.timelineRemoved = undefined;
  return aggregate.timeline;
}

/**
 * The first and last dates of an entity's timeline and its number of rows, without making the
 * timeline (a card asks for them on every hover; a timeline of a much-named entity is large).
 * Null when no passage that counts is dated.
 */
export function spanOf(aggregate: EntityAggregate, isReprint: ReprintTest): { first: IsoDate; last: IsoDate; passages: number } | null {
  if (aggregate.span !== undefined) return aggregate.span;
  if (aggregate.timeline && !aggregate.timelineAdded && !aggregate.timelineRemoved) {
    const rows = aggregate.timeline;
    return (aggregate.span = rows.length ? { first: rows[0].date, last: rows[rows.length - 1].date, passages: rows.length } : null);
  }
  let first: IsoDate | undefined;
  let last: IsoDate | undefined;
  let passages = 0;
  // The timeline's own rows, one document at a time: only their dates are kept.
  for (const { doc, rows } of aggregate.documents) {
    for (const { date } of timelineRows(aggregate.entityId, doc, rows, isReprint)) {
      passages++;
      if (first === undefined || date < first) first = date;
      if (last === undefined || date > last) last = date;
    }
  }
  return (aggregate.span = first && last ? { first, last, passages } : null);
}

/** The rows one document adds to an entity's timeline. */
export function timelineRows(entityId: string, doc: IndexedDocument, at: ArrayLike<number>, isReprint: ReprintTest): TimelineRow[] {
  const rows: TimelineRow[] = [];
  const byPassage = new Map<number, TimelineRow | null>();
  const { mentions } = doc;
  for (let k = 0; k < at.length; k++) {
    const i = at[k];
    const passage = topPassage(doc, mentions.passage(i));
    let row = byPassage.get(passage);
    if (row === undefined) {
      // A reprint is an event where it counts; a passage is reprinted whole, so its first mention tells.
      const date = isReprint(doc, mentions.passage(i)) ? undefined : dateOfPassage(doc, passage);
      byPassage.set(passage, (row = date ? { doc, passage, date, mentions: 0, editions: NO_EDITIONS, firstRow: i } : null));
      if (row) rows.push(row);
    }
    if (!row) continue;
    row.mentions++;
    const edition = mentions.entityId(i) === entityId ? mentions.edition(i) : undefined;
    // Most rows name no edition: they share one empty list, and a row gets its own at its first.
    if (edition !== undefined && !row.editions.includes(edition)) row.editions = [...row.editions, edition];
  }
  return rows;
}

function compareRows(a: TimelineRow, b: TimelineRow): number {
  return (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) || (a.doc.uri < b.doc.uri ? -1 : a.doc.uri > b.doc.uri ? 1 : 0) || a.passage - b.passage;
}

/** A document that mentions an entity, and the earliest of those mentions (its row) by the date of its passage. */
export interface DatedDocument {
  doc: IndexedDocument;
  earliest: number;
  date?: IsoDate | undefined;
}

/** The documents of an aggregate by the date of their earliest dated mention (undated last), then by uri. */
export function documentsByEarliest(aggregate: EntityAggregate): DatedDocument[] {
  if (!aggregate.byEarliest) {
    const dated: DatedDocument[] = [];
    for (const { doc, rows } of aggregate.documents) dated.push(datedDocument(doc, rows));
    aggregate.byEarliest = dated.sort(compareByEarliest);
  }
  return aggregate.byEarliest;
}

function datedDocument(doc: IndexedDocument, rows: ArrayLike<number>): DatedDocument {
  const earliest = earliestRow(doc, rows);
  return { doc, earliest, date: dateOfPassage(doc, doc.mentions.passage(earliest)) };
}

function compareByEarliest(a: DatedDocument, b: DatedDocument): number {
  return compareDates(a.date, b.date) || (a.doc.uri < b.doc.uri ? -1 : a.doc.uri > b.doc.uri ? 1 : 0);
}

/** A date span with the timeline rows of one more document. */
function widenedSpan(span: { first: IsoDate; last: IsoDate; passages: number } | null, rows: readonly TimelineRow[]): { first: IsoDate; last: IsoDate; passages: number } | null {
  if (!rows.length) return span;
  let { first, last, passages } = span ?? { first: rows[0].date, last: rows[0].date, passages: 0 };
  for (const { date } of rows) {
    passages++;
    if (date < first) first = date;
    if (date > last) last = date;
  }
  return { first, last, passages };
}

/** Tells whether a mention of a document, by its innermost passage, stands in a reprint of a passage printed elsewhere first. */
export type ReprintTest = (doc: IndexedDocument, passage: number) => boolean;

/** The row of a document's earliest dated mention among the given rows (the first of them when none is dated earlier); -1 for none. */
export function earliestRow(doc: IndexedDocument, rows: ArrayLike<number>): number {
  let found = -1;
  let foundDate: IsoDate | undefined;
  // Rows in one passage have one date: only the first of a run of them can be earlier.
  let lastPassage = -2;
  for (let k = 0; k < rows.length; k++) {
    const passage = doc.mentions.passage(rows[k]);
    if (passage === lastPassage) continue;
    lastPassage = passage;
    const date = dateOfPassage(doc, passage);
    if (found >= 0 && !(date && (!foundDate || date < foundDate))) continue;
    found = rows[k];
    foundDate = date;
  }
  return found;
}

/** A document's earliest dated mention among the given rows, as a candidate. */
export function earliestIn(doc: IndexedDocument, rows: ArrayLike<number>): Candidate | undefined {
  const row = earliestRow(doc, rows);
  return row < 0 ? undefined : mentionCandidate(doc, row);
}

/**
 * The earliest dated mention among documents' rows (undated last; then by document and offset), as
 * `earliestIn` and `earlier` choose it; a document whose earliest mention cannot be earlier than
 * the one found makes no candidate (an entity named in 10,000 documents made 10,000).
 */
export function earliestAcross(documents: Iterable<{ doc: IndexedDocument; rows: ArrayLike<number> }>): { doc: IndexedDocument; candidate: Candidate } | undefined {
  let found: { doc: IndexedDocument; candidate: Candidate } | undefined;
  for (const { doc, rows } of documents) {
    const row = earliestRow(doc, rows);
    if (row < 0) continue;
    if (found) {
      const byDate = compareDates(dateOfPassage(doc, doc.mentions.passage(row)), found.candidate.date);
      if (byDate > 0 || (byDate === 0 && doc.uri > found.doc.uri)) continue;
    }
    const candidate = mentionCandidate(doc, row);
    if (!found || earlier(candidate, doc, found.candidate, found.doc)) found = { doc, candidate };
  }
  return found;
}

/** A mention as a candidate scored 0 whose sentence is the mention itself, dated by its passage. */
function mentionCandidate(doc: IndexedDocument, row: number): Candidate {
  const mention = doc.mentions.at(row);
  const found: Candidate = { mention, score: 0, sentence: { start: mention.start, end: mention.end } };
  const date = dateOfPassage(doc, mention.passage);
  if (date) found.date = date;
  return found;
}

/** An entity's aggregate before any document is added. */
export function emptyAggregate(entityId: string): EntityAggregate {
  return { entityId, documents: new EntityDocuments(), editions: new Map(), surfaces: new Map() };
}

/** An entity's aggregate made from the documents that mention it. */
export function newAggregate(entityId: string, documents: IndexedDocument[], isReprint: ReprintTest): EntityAggregate {
  const aggregate = emptyAggregate(entityId);
  for (const doc of documents.sort(compareDocs)) addToAggregate(aggregate, doc, rowsFor(doc.mentions, entityId), isReprint, true);
  aggregate.documents.trim();
  return aggregate;
}

/** Adds a document's rows of the entity's mentions; they are copied into the aggregate's columns. */
export function addToAggregate(aggregate: EntityAggregate, doc: IndexedDocument, rows: ArrayLike<number>, isReprint: ReprintTest, inOrder = false): void {
  // What a card reads of the aggregate is brought up to date with this document rather than made
  // again from every document: a card hovered while the first index grows stays quick. (The
  // documents whose reprints changed had their aggregates dropped before.)
  if (aggregate.byEarliest) {
    const dated = datedDocument(doc, rows);
    aggregate.byEarliest.splice(insertionPoint(aggregate.byEarliest, dated, compareByEarliest), 0, dated);
  }
  if (aggregate.span !== undefined) aggregate.span = widenedSpan(aggregate.span, timelineRows(aggregate.entityId, doc, rows, isReprint));
  if (aggregate.timeline) (aggregate.timelineAdded ??= new Map()).set(doc, Int32Array.from(rows));
  const { documents } = aggregate;
  documents.insert(doc, rows, inOrder ? documents.length : insertionPoint(documents.documents, doc, compareDocs));
  countOwn(aggregate, doc, rows, isReprint, 1);
}

export function removeFromAggregate(aggregate: EntityAggregate, doc: IndexedDocument, rows: ArrayLike<number>, isReprint: ReprintTest): void {
  // What a card reads loses the document rather than being made again from every document: while
  // a first index replaces each names-only document with its full analysis, a card hovered every
  // moment made both again (30 ms a hover on the bench). A document with no dated passage that
  // counts (a names-only one has none) leaves the span as it was.
  if (aggregate.byEarliest) {
    const at = aggregate.byEarliest.findIndex((dated) => dated.doc === doc);
    if (at >= 0) aggregate.byEarliest.splice(at, 1);
  }
  if (aggregate.span !== undefined && timelineRows(aggregate.entityId, doc, rows, isReprint).length) aggregate.span = undefined;
  // A document added and removed before the timeline was read never reaches it.
  if (aggregate.timeline && !aggregate.timelineAdded?.delete(doc)) (aggregate.timelineRemoved ??= new Set()).add(doc);
  aggregate.documents.remove(doc);
  countOwn(aggregate, doc, rows, isReprint, -1);
}

/** Counts the editions and spellings of the entity's own mentions (not inside another name), reprints left out. */
function countOwn(aggregate: EntityAggregate, doc: IndexedDocument, rows: ArrayLike<number>, isReprint: ReprintTest, delta: 1 | -1): void {
  const { mentions } = doc;
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k];
    if (mentions.entityId(i) !== aggregate.entityId || isReprint(doc, mentions.passage(i))) continue;
    const edition = mentions.edition(i);
    if (edition !== undefined) bump(aggregate.editions, edition, delta);
    bump(aggregate.surfaces, mentions.surface(i), delta);
  }
}

/** Where an item goes in a list sorted by `compare`: after every item that does not sort after it. */
export function insertionPoint<T>(list: readonly T[], item: T, compare: (a: T, b: T) => number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (compare(list[mid], item) <= 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The mentions (by row) each entity is counted for, in text order: repeats left out, names inside longer names counted for both. */
export function groupByEntity(mentions: MentionColumns): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  const add = (entityId: string, i: number) => {
    const group = groups.get(entityId);
    if (group) group.push(i);
    else groups.set(entityId, [i]);
  };
  for (let i = 0; i < mentions.length; i++) mentions.forEachCounted(i, (entityId) => add(entityId, i));
  return groups;
}

/**
 * How many mentions count for each entity, as `groupByEntity` groups them (the same entities, in
 * the same order), without a list of rows each: filing a document needs the counts, the rows only
 * for entities whose aggregates are already made. Counted by the entity's number in the string
 * table, so that a warm start's 400,000 (document, entity) pairs make no array and no string key.
 */
export function countByEntity(mentions: MentionColumns): Map<string, number> {
  const byNumber = new Map<number, number>();
  for (let i = 0; i < mentions.length; i++) {
    if (mentions.isRepeat(i)) continue;
    const entity = mentions.entityNumber(i);
    byNumber.set(entity, (byNumber.get(entity) ?? 0) + 1);
    const inside = mentions.inside(i);
    if (!inside) continue;
    for (const entityId of inside) {
      const number = mentions.strings.id(entityId);
      byNumber.set(number, (byNumber.get(number) ?? 0) + 1);
    }
  }
  const counts = new Map<string, number>();
  for (const [entity, count] of byNumber) counts.set(mentions.strings.at(entity), count);
  return counts;
}

/** The rows of a document's mentions that count for an entity. */
export function rowsFor(mentions: MentionColumns, entityId: string): Int32Array {
  let count = 0;
  for (let i = 0; i < mentions.length; i++) if (mentions.countsFor(i, entityId)) count++;
  const rows = new Int32Array(count);
  for (let i = 0, k = 0; i < mentions.length; i++) if (mentions.countsFor(i, entityId)) rows[k++] = i;
  return rows;
}

export function bump<K>(counts: Map<K, number>, key: K, delta: number): void {
  const next = (counts.get(key) ?? 0) + delta;
  if (next > 0) counts.set(key, next);
  else counts.delete(key);
}

export function compareDocs(a: IndexedDocument, b: IndexedDocument): number {
  return compareDates(a.date, b.date) || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0);
}

/** Undated sorts last. */
export function compareDates(a: IsoDate | undefined, b: IsoDate | undefined): number {
  if (a === b) return 0;
  if (!a) return 1;
  if (!b) return -1;
  return a < b ? -1 : 1;
}

export function earlier(a: Candidate, docA: IndexedDocument, b: Candidate, docB: IndexedDocument): boolean {
  const byDate = compareDates(a.date, b.date);
  if (byDate) return byDate < 0;
  if (docA.uri !== docB.uri) return docA.uri < docB.uri;
  return a.mention.start < b.mention.start;
}

export function betterDefinition(a: Candidate, docA: IndexedDocument, b: Candidate, docB: IndexedDocument): boolean {
  if (a.score !== b.score) return a.score > b.score;
  return earlier(a, docA, b, docB);
}

/** The mentions of a document as counted: repeats left out, names inside names counted for each entity. */
export function countedTotal(doc: IndexedDocument): number {
  let total = 0;
  const { mentions } = doc;
  for (let i = 0; i < mentions.length; i++) if (!mentions.isRepeat(i)) total += 1 + (mentions.inside(i)?.length ?? 0);
  return total;
}
