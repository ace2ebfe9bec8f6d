// The corpus over time: dated events (a passage and the entities it mentions) for some entities,
// kinds or the whole corpus, within a date range; an edition the catalog knows but no dated
// passage mentions appears at its catalog year, marked as such. Reprints count once. Above a
// number of events they are gathered by month (then year): a timeline cannot show more marks.
//
// Each entity's dated passages are kept with its aggregate in the index (made once, dropped when a
// document that mentions it changes), so an answer only filters and gathers them.

import type { IndexedDocument, IndexedMention } from '../analysis/analyseDocument';
import { compareDates, type TimelineRow } from '../index/aggregates';
import type { CorpusIndex } from '../index/corpusIndex';
import type { MonthBucket } from '../index/monthTable';
import type { Knowledge } from '../analysis/knowledge';
import type { Entity, EntityKind } from '../model';
import type { IsoDate } from '../text/dates';
import { quoteSentence, sentenceAround } from '../text/sentences';

export type ChronologyScale = 'passage' | 'month' | 'year';

export interface ChronologyFilter {
  entityIds?: string[] | undefined;
  kinds?: EntityKind[] | undefined;
  /** Inclusive bounds, as ISO dates or their prefixes ("2021", "2021-06"). */
  from?: string | undefined;
  to?: string | undefined;
  /** One event per passage, month or year; by default per passage unless there are more than `maxEvents`. */
  by?: ChronologyScale | undefined;
  maxEvents?: number | undefined;
}

export interface ChronologyEntity {
  entity: Entity;
  mentions: number;
  /** Passages of the event that mention it. */
  passages: number;
  editions: readonly number[];
}

export interface ChronologyEvent {
  date: IsoDate;
  /** For an event of one passage: where it is; -1 for text outside every passage. */
  document?: IndexedDocument;
  passage?: number;
  /** The first mention in the passage of the entities asked about. */
  first?: IndexedMention;
  entities: ChronologyEntity[];
  /** True for an edition the catalog lists that no dated passage mentions: placed at its year. */
  catalogOnly: boolean;
  /** How many passages the event stands for (more than one when gathered by month or year). */
  passages: number;
}

export interface Chronology {
  by: ChronologyScale;
  /** Passages within the filter, each counted once. */
  passages: number;
  events: ChronologyEvent[];
}

export const DEFAULT_MAX_EVENTS = 2000;

interface Lane {
  entity: Entity;
  rows: readonly TimelineRow[];
}

export function chronology(index: CorpusIndex, filter: ChronologyFilter = {}): Chronology {
  const max = Math.max(1, filter.maxEvents ?? DEFAULT_MAX_EVENTS);
  // The Chronology view asks again at each redraw: the last answer is kept until the question, the
  // documents or the catalog change (the whole corpus by month is 10,000 entity rows; 1,300
  // passages of one entity in one year took 9 ms and 1 MB to gather).
  const key = JSON.stringify([filter.entityIds ?? [], filter.kinds ?? [], filter.from ?? '', filter.to ?? '', filter.by ?? '', max]);
  const kept = lastAnswer.get(index);
  if (kept && kept.key === key && kept.stamp === index.documentsStamp && kept.knowledge === index.knowledge) return kept.answer;
  const answer = wholeCorpus(index, filter, max) ?? chronologyOfEntities(index, filter, max);
  lastAnswer.set(index, { key, stamp: index.documentsStamp, knowledge: index.knowledge, answer });
  return answer;
}

/** The last chronology answered from each index, with what it was read from. */
const lastAnswer = new WeakMap<CorpusIndex, { key: string; stamp: number; knowledge: Knowledge; answer: Chronology }>();

function chronologyOfEntities(index: CorpusIndex, filter: ChronologyFilter, max: number): Chronology {
  const entities = selectEntities(index, filter);
  const lanes: Lane[] = entities.map((entity) => ({ entity, rows: index.timelineOf(entity.id).filter((row) => within(row.date, filter)) }));
  const catalogOnly = entities.flatMap((entity) => catalogEditions(entity, filter, () => new Set(index.timelineOf(entity.id).flatMap((row) => row.editions))));
  const passages = countPassages(lanes);
  let by = filter.by ?? (passages + catalogOnly.length <= max ? 'passage' : 'month');
  if (by === 'passage') return { by, passages, events: sortEvents([...byPassage(lanes), ...catalogOnly]) };
  let events = gather(lanes, catalogOnly, by === 'month' ? 7 : 4);
  if (!filter.by && events.length > max) {
    by = 'year';
    events = gather(lanes, catalogOnly, 4);
  }
  return { by, passages, events };
}

/**
 * The whole corpus (every entity, no kind asked for, bounds no finer than a month), by month or
 * year, read from the index's month table; undefined where the request needs the passages
 * themselves (few enough to list, or finer bounds).
 */
function wholeCorpus(index: CorpusIndex, filter: ChronologyFilter, max: number): Chronology | undefined {
  if (filter.entityIds?.length || filter.kinds?.length || filter.by === 'passage') return undefined;
  if ((filter.from && filter.from.length > 7) || (filter.to && filter.to.length > 7)) return undefined;
  const table = index.months();
  const entities = index.entities();
  const catalogOnly = entities.flatMap((entity) => catalogEditions(entity, filter, () => table.namedEditions(entity.id)));
  const months = [...table.months()].filter(([month]) => within(month, filter));
  const passages = months.reduce((n, [, bucket]) => n + bucket.passages, 0);
  if (!filter.by && passages + catalogOnly.length <= max) return undefined;
  const order = new Map(entities.map((entity, at) => [entity.id, at]));
  let by: ChronologyScale = filter.by ?? 'month';
  const entityOf = (id: string) => index.entity(id)!;
  let events = gatherPeriods(months, catalogOnly, entityOf, order, by === 'month' ? 7 : 4);
  if (!filter.by && events.length > max) {
    by = 'year';
    events = gatherPeriods(months, catalogOnly, entityOf, order, 4);
  }
  return { by, passages, events };
}

/**
 * Events gathered by the first `precision` characters of the buckets' dates (a month table's, or
 * `gather`'s): passages and mentions summed, editions joined in year order, entities in the order
 * of their lanes and, after them, those of editions no passage names.
 */
function gatherPeriods(
  buckets: readonly [string, MonthBucket][],
  catalogOnly: readonly ChronologyEvent[],
  entityOf: (id: string) => Entity,
  order: ReadonlyMap<string, number>,
  precision: number,
): ChronologyEvent[] {
  type Entry = ChronologyEntity & { editions: number[] };
  const periods = new Map<string, { event: ChronologyEvent; entries: Map<string, Entry>; late: Entry[] }>();
  const periodOf = (date: string) => {
    const key = date.slice(0, precision);
    let period = periods.get(key);
    if (!period) periods.set(key, (period = { event: { date: key, entities: [], catalogOnly: true, passages: 0 }, entries: new Map(), late: [] }));
    return period;
  };
  for (const [date, bucket] of buckets) {
    const period = periodOf(date);
    period.event.catalogOnly = false;
    period.event.passages += bucket.passages;
    for (const [id, found] of bucket.entities) {
      if (!order.has(id)) continue;
      let entry = period.entries.get(id);
      if (!entry) period.entries.set(id, (entry = { entity: entityOf(id), mentions: 0, passages: 0, editions: [] }));
      entry.mentions += found.mentions;
      entry.passages += found.passages;
      for (const edition of found.editions?.keys() ?? []) if (!entry.editions.includes(edition)) entry.editions.push(edition);
    }
  }
  // An edition no passage names joins its year's entry, or comes after the entities of passages.
  for (const event of catalogOnly) {
    const { entity, editions } = event.entities[0];
    const period = periodOf(event.date);
    let entry = period.entries.get(entity.id);
    if (!entry) {
      period.entries.set(entity.id, (entry = { entity, mentions: 0, passages: 0, editions: [] }));
      period.late.push(entry);
    }
    for (const edition of editions) if (!entry.editions.includes(edition)) entry.editions.push(edition);
  }
  const events: ChronologyEvent[] = [];
  for (const { event, entries, late } of periods.values()) {
    for (const entry of entries.values()) entry.editions.sort((a, b) => a - b);
    const lateSet = new Set(late);
    const found = [...entries.values()].filter((entry) => !lateSet.has(entry)).sort((a, b) => order.get(a.entity.id)! - order.get(b.entity.id)!);
    event.entities = [...found, ...late];
    events.push(event);
  }
  return events.sort((a, b) => compareDates(a.date, b.date));
}

/** The editions of an entity that no dated passage names, each at its catalog year. */
function catalogEditions(entity: Entity, filter: ChronologyFilter, namedEditions: () => ReadonlySet<number>): ChronologyEvent[] {
  if (!entity.editions?.length) return [];
  const named = namedEditions();
  return entity.editions
    .filter((edition) => !named.has(edition.year) && within(String(edition.year), filter))
    .map((edition) => ({ date: String(edition.year), entities: [{ entity, mentions: 0, passages: 0, editions: [edition.year] }], catalogOnly: true, passages: 0 }));
}

/** Passages mentioning several of the entities are one event: a number per (document, passage). */
const serials = new WeakMap<IndexedDocument, number>();
let nextSerial = 0;
function passageKey(doc: IndexedDocument, passage: number): number {
  let serial = serials.get(doc);
  if (serial === undefined) serials.set(doc, (serial = nextSerial++));
  return serial * 2 ** 21 + passage + 1;
}

function countPassages(lanes: readonly Lane[]): number {
  if (lanes.length === 1) return lanes[0].rows.length;
  const keys = new Set<number>();
  for (const { rows } of lanes) for (const row of rows) keys.add(passageKey(row.doc, row.passage));
  return keys.size;
}

function byPassage(lanes: readonly Lane[]): ChronologyEvent[] {
  const events = new Map<number, ChronologyEvent>();
  for (const { entity, rows } of lanes) {
    for (const row of rows) {
      const key = passageKey(row.doc, row.passage);
      let event = events.get(key);
      if (!event) events.set(key, (event = { date: row.date, document: row.doc, passage: row.passage, first: row.doc.mentions.at(row.firstRow), entities: [], catalogOnly: false, passages: 1 }));
      else if (row.doc.mentions.start(row.firstRow) < event.first!.start) event.first = row.doc.mentions.at(row.firstRow);
      event.entities.push({ entity, mentions: row.mentions, passages: 1, editions: row.editions });
    }
  }
  return [...events.values()];
}

/** Events gathered by the first `precision` characters of their dates: each passage counted once in its period. */
function gather(lanes: readonly Lane[], catalogOnly: readonly ChronologyEvent[], precision: number): ChronologyEvent[] {
  const buckets = new Map<string, MonthBucket>();
  const seen = new Set<number>();
  for (const { entity, rows } of lanes) {
    for (const row of rows) {
      const period = row.date.slice(0, precision);
      let bucket = buckets.get(period);
      if (!bucket) buckets.set(period, (bucket = { passages: 0, entities: new Map() }));
      const size = seen.size;
      if (seen.add(passageKey(row.doc, row.passage)).size > size) bucket.passages++;
      let entry = bucket.entities.get(entity.id);
      if (!entry) bucket.entities.set(entity.id, (entry = { mentions: 0, passages: 0 }));
      entry.mentions += row.mentions;
      entry.passages++;
      for (const edition of row.editions) (entry.editions ??= new Map()).set(edition, (entry.editions.get(edition) ?? 0) + 1);
    }
  }
  const byId = new Map(lanes.map(({ entity }) => [entity.id, entity]));
  const order = new Map(lanes.map(({ entity }, at) => [entity.id, at]));
  return gatherPeriods([...buckets], catalogOnly, (id) => byId.get(id)!, order, precision);
}

function sortEvents(events: ChronologyEvent[]): ChronologyEvent[] {
  return events.sort((a, b) => compareDates(a.date, b.date) || (a.document?.uri ?? '').localeCompare(b.document?.uri ?? '') || (a.passage ?? -1) - (b.passage ?? -1));
}

/** The entities asked for by id and those of the kinds asked for; every entity when neither is given. */
function selectEntities(index: CorpusIndex, filter: ChronologyFilter): Entity[] {
  const ids = filter.entityIds?.length ? new Set(filter.entityIds) : undefined;
  const kinds = filter.kinds?.length ? new Set(filter.kinds) : undefined;
  const named = [...(ids ?? [])].map((id) => index.entity(id)).filter((e): e is Entity => !!e);
  if (ids && !kinds) return named;
  return [...named, ...index.entities().filter((e) => (!kinds || kinds.has(e.kind)) && !ids?.has(e.id))];
}

/** Whether a date (or a year) falls within the filter's bounds, compared at the precision both have. */
function within(date: string, filter: ChronologyFilter): boolean {
  if (filter.from && date.slice(0, filter.from.length) < filter.from.slice(0, date.length)) return false;
  if (filter.to && date.slice(0, filter.to.length) > filter.to.slice(0, date.length)) return false;
  return true;
}

/** The sentence of an event's first mention, cut to a readable length (read from its document). */
export function eventSentence(index: CorpusIndex, doc: IndexedDocument, mention: IndexedMention, entityIds?: ReadonlySet<string>): string | undefined {
  const text = index.textOf(doc);
  if (!text) return undefined;
  const passage = mention.passage >= 0 ? doc.passages[mention.passage] : undefined;
  const within = passage ?? { start: 0, end: text.length };
  // A heading, a page title or a dateline is not an event: the first mention in the passage's prose, when it has one.
  const headingEnd = passage ? proseStart(text, passage.start, passage.end) : -1;
  const chosen = mention.start < headingEnd && entityIds ? (firstInProse(doc, headingEnd, within.end, entityIds) ?? mention) : mention;
  const sentence = sentenceAround(text, chosen.start, within);
  return quoteSentence(text, sentence, chosen);
}

/** The first mention of one of the entities from `from` to `to`. */
function firstInProse(doc: IndexedDocument, from: number, to: number, entityIds: ReadonlySet<string>): IndexedMention | undefined {
  const { mentions } = doc;
  for (let i = 0; i < mentions.length; i++) {
    const start = mentions.start(i);
    if (start >= from && start < to && entityIds.has(mentions.entityId(i))) return mentions.at(i);
  }
  return undefined;
}

/** Where the prose of a passage starts: after its leading lines that hold no sentence (headings, titles, datelines). */
function proseStart(text: string, start: number, end: number): number {
  let at = start;
  while (at < end) {
    const newline = text.indexOf('\n', at);
    const lineEnd = newline < 0 || newline > end ? end : newline;
    if (SENTENCE_END.test(text.slice(at, lineEnd))) return at;
    at = lineEnd + 1;
  }
  return start;
}

/** A full stop after a word (not inside "02.12.2020"), ending a sentence. */
const SENTENCE_END = /[\p{L}\p{N}")\u201d\u00bb][.!?](?:\s|$)/u;

/** Sentences are read from the documents: a chronology gives at most this many. */
export const MAX_SENTENCES = 2000;

/** The chronology with the sentence of each of its first `sentences` passage events (for a list or a table, not for every redraw). */
export function chronologyWithSentences(index: CorpusIndex, filter: ChronologyFilter, sentences: number): Chronology & { sentences: Map<ChronologyEvent, string> } {
  const found = chronology(index, filter);
  // A kept answer (the same question again) keeps its sentences too: they are read from the texts.
  const kept = withSentences.get(found);
  if (kept && kept.sentences === sentences) return kept.answer;
  const answer = { ...found, sentences: readSentences(index, found, sentences) };
  withSentences.set(found, { sentences, answer });
  return answer;
}

/** The last answer with sentences made of each chronology, and how many sentences it was asked for. */
const withSentences = new WeakMap<Chronology, { sentences: number; answer: Chronology & { sentences: Map<ChronologyEvent, string> } }>();

function readSentences(index: CorpusIndex, found: Chronology, sentences: number): Map<ChronologyEvent, string> {
  const texts = new Map<ChronologyEvent, string>();
  let left = found.by === 'passage' ? Math.min(sentences, MAX_SENTENCES) : 0;
  for (const event of found.events) {
    if (left <= 0) break;
    if (!event.document || !event.first) continue;
    left--;
    const sentence = eventSentence(index, event.document, event.first, new Set(event.entities.map((e) => e.entity.id)));
    if (sentence) texts.set(event, sentence);
  }
  return texts;
}
