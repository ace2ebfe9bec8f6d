// What the index keeps per entity across documents: its documents in date order with their
// mentions, and counts of its editions and spellings; and the orders that decide which mention is
// earliest and which sentence defines best.

import type { Candidate, IndexedDocument, IndexedMention } from '../analysis/analyseDocument';
import type { MentionColumns } from '../analysis/mentionColumns';
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
  documents: { doc: IndexedDocument; mentions: IndexedMention[] }[];
  /** Counts of its own mentions (not inside another name), reprints left out. */
  editions: Map<number, number>;
  surfaces: Map<string, number>;
  /** The documents by the date of their earliest dated mention, made when first asked for. */
  byEarliest?: DatedDocument[] | undefined;
  /** Its dated passages, oldest first, made when first asked for. */
  timeline?: TimelineRow[] | undefined;
  /** Documents come and gone since the timeline was last read: applied then, not on every edit. */
  timelineAdded?: Map<IndexedDocument, IndexedMention[]> | undefined;
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
  /** The first of the mentions. */
  first: IndexedMention;
}

const NO_EDITIONS: readonly number[] = Object.freeze([]);

/** An entity's dated passages, reprints left out: oldest first, then by document and passage. */
export function timelineOf(aggregate: EntityAggregate, isReprint: ReprintTest): readonly TimelineRow[] {
  if (!aggregate.timeline) {
    aggregate.timeline = aggregate.documents.flatMap(({ doc, mentions }) => timelineRows(aggregate.entityId, doc, mentions, isReprint));
    aggregate.timeline.sort(compareRows);
  } else if (aggregate.timelineAdded || aggregate.timelineRemoved) {
    // A timeline already made takes the changes: it can be long, and a few documents change little.
    const removed = aggregate.timelineRemoved;
    const timeline = removed ? aggregate.timeline.filter((row) => !removed.has(row.doc)) : aggregate.timeline;
    for (const [doc, mentions] of aggregate.timelineAdded ?? []) {
      for (const row of timelineRows(aggregate.entityId, doc, mentions, isReprint)) timeline.splice(insertionPoint(timeline, row, compareRows), 0, row);
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
  for (const { doc, mentions } of aggregate.documents) {
    for (const { date } of timelineRows(aggregate.entityId, doc, mentions, isReprint)) {
      passages++;
      if (first === undefined || date < first) first = date;
      if (last === undefined || date > last) last = date;
    }
  }
  return (aggregate.span = first && last ? { first, last, passages } : null);
}

/** The rows one document adds to an entity's timeline. */
export function timelineRows(entityId: string, doc: IndexedDocument, mentions: readonly IndexedMention[], isReprint: ReprintTest): TimelineRow[] {
  const rows: TimelineRow[] = [];
  const byPassage = new Map<number, TimelineRow | null>();
  for (const mention of mentions) {
    const passage = topPassage(doc, mention.passage);
    let row = byPassage.get(passage);
    if (row === undefined) {
      // A reprint is an event where it counts; a passage is reprinted whole, so its first mention tells.
      const date = isReprint(doc, mention) ? undefined : dateOfPassage(doc, passage);
      byPassage.set(passage, (row = date ? { doc, passage, date, mentions: 0, editions: NO_EDITIONS, first: mention } : null));
      if (row) rows.push(row);
    }
    if (!row) continue;
    row.mentions++;
    const edition = mention.entityId === entityId ? mention.edition : undefined;
    // Most rows name no edition: they share one empty list, and a row gets its own at its first.
    if (edition !== undefined && !row.editions.includes(edition)) row.editions = [...row.editions, edition];
  }
  return rows;
}

function compareRows(a: TimelineRow, b: TimelineRow): number {
  return (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) || (a.doc.uri < b.doc.uri ? -1 : a.doc.uri > b.doc.uri ? 1 : 0) || a.passage - b.passage;
}

/** A document with the mentions of one entity, and the earliest of them by the date of its passage. */
export interface DatedDocument {
  doc: IndexedDocument;
  mentions: IndexedMention[];
  earliest: IndexedMention;
  date?: IsoDate | undefined;
}

/** The documents of an aggregate by the date of their earliest dated mention (undated last), then by uri. */
export function documentsByEarliest(aggregate: EntityAggregate): DatedDocument[] {
  if (!aggregate.byEarliest) {
    aggregate.byEarliest = aggregate.documents.map(({ doc, mentions }) => {
      const first = earliestIn(doc, mentions)!;
      return { doc, mentions, earliest: first.mention, date: first.date };
    });
    aggregate.byEarliest.sort((a, b) => compareDates(a.date, b.date) || (a.doc.uri < b.doc.uri ? -1 : a.doc.uri > b.doc.uri ? 1 : 0));
  }
  return aggregate.byEarliest;
}

/** Tells whether a mention of a document stands in a reprint of a passage printed elsewhere first. */
export type ReprintTest = (doc: IndexedDocument, mention: IndexedMention) => boolean;

/** A document's earliest dated mention among the given ones (the first of them when none is dated earlier). */
export function earliestIn(doc: IndexedDocument, mentions: readonly IndexedMention[]): Candidate | undefined {
  let found: Candidate | undefined;
  for (const mention of mentions) {
    const date = dateOfPassage(doc, mention.passage);
    if (found && !(date && (!found.date || date < found.date))) continue;
    found = { mention, score: 0, sentence: { start: mention.start, end: mention.end } };
    if (date) found.date = date;
  }
  return found;
}

export function addToAggregate(aggregate: EntityAggregate, doc: IndexedDocument, mentions: IndexedMention[], isReprint: ReprintTest, inOrder = false): void {
  const entry = { doc, mentions };
  aggregate.byEarliest = aggregate.span = undefined;
  if (aggregate.timeline) (aggregate.timelineAdded ??= new Map()).set(doc, mentions);
  if (inOrder) aggregate.documents.push(entry);
  else aggregate.documents.splice(insertionPoint(aggregate.documents, entry, (a, b) => compareDocs(a.doc, b.doc)), 0, entry);
  for (const m of mentions) {
    if (m.entityId !== aggregate.entityId || isReprint(doc, m)) continue;
    if (m.edition !== undefined) aggregate.editions.set(m.edition, (aggregate.editions.get(m.edition) ?? 0) + 1);
    aggregate.surfaces.set(m.surface, (aggregate.surfaces.get(m.surface) ?? 0) + 1);
  }
}

export function removeFromAggregate(aggregate: EntityAggregate, doc: IndexedDocument, mentions: IndexedMention[], isReprint: ReprintTest): void {
  aggregate.byEarliest = aggregate.span = undefined;
  // A document added and removed before the timeline was read never reaches it.
  if (aggregate.timeline && !aggregate.timelineAdded?.delete(doc)) (aggregate.timelineRemoved ??= new Set()).add(doc);
  const at = aggregate.documents.findIndex((d) => d.doc === doc);
  if (at >= 0) aggregate.documents.splice(at, 1);
  for (const m of mentions) {
    if (m.entityId !== aggregate.entityId || isReprint(doc, m)) continue;
    if (m.edition !== undefined) decrement(aggregate.editions, m.edition);
    decrement(aggregate.surfaces, m.surface);
  }
}

export function decrement<K>(counts: Map<K, number>, key: K): void {
  const next = (counts.get(key) ?? 1) - 1;
  if (next > 0) counts.set(key, next);
  else counts.delete(key);
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

/** The mentions (by index) each entity is counted for: repeats left out, names inside longer names counted for both. */
export function groupByEntity(mentions: MentionColumns): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  const add = (entityId: string, i: number) => {
    const group = groups.get(entityId);
    if (group) group.push(i);
    else groups.set(entityId, [i]);
  };
  for (let i = 0; i < mentions.length; i++) {
    if (mentions.isRepeat(i)) continue;
    add(mentions.entityId(i), i);
    for (const entityId of mentions.inside(i) ?? []) add(entityId, i);
  }
  return groups;
}

/** The mentions at some indexes, as objects. */
export function mentionsAt(mentions: MentionColumns, indexes: readonly number[]): IndexedMention[] {
  return indexes.map((i) => mentions.at(i));
}

/** The mentions of a document that count for an entity, as objects. */
export function mentionsFor(mentions: MentionColumns, entityId: string): IndexedMention[] {
  const found: IndexedMention[] = [];
  for (let i = 0; i < mentions.length; i++) if (mentions.countsFor(i, entityId)) found.push(mentions.at(i));
  return found;
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
