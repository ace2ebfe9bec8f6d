// The corpus over time: dated events (a passage and the entities it mentions) for some entities,
// kinds or the whole corpus, within a date range; an edition the catalog knows but no dated
// passage mentions appears at its catalog year, marked as such. Reprints count once.

import type { IndexedDocument } from '../analysis/analyseDocument';
import { compareDates } from '../index/aggregates';
import type { CorpusIndex } from '../index/corpusIndex';
import { topPassage } from '../index/reprints';
import { dateOfPassage, type Entity, type EntityKind } from '../model';
import type { IsoDate } from '../text/dates';

export interface ChronologyFilter {
  entityIds?: string[] | undefined;
  kinds?: EntityKind[] | undefined;
  /** Inclusive bounds, as ISO dates or their prefixes ("2021", "2021-06"). */
  from?: string | undefined;
  to?: string | undefined;
  /** Events gathered by month or year (a whole corpus has too many passages to draw one by one). */
  by?: 'month' | 'year' | undefined;
}

export interface ChronologyEntity {
  entity: Entity;
  mentions: number;
  editions: number[];
}

export interface ChronologyEvent {
  date: IsoDate;
  /** Absent for an edition known only from the catalog. */
  document?: IndexedDocument;
  passage?: number;
  entities: ChronologyEntity[];
  /** True for an edition the catalog lists that no dated passage mentions: placed at its year. */
  catalogOnly: boolean;
  /** How many passages the event stands for (more than one when gathered by month or year). */
  passages: number;
}

export function chronology(index: CorpusIndex, filter: ChronologyFilter = {}): ChronologyEvent[] {
  const entities = selectEntities(index, filter);
  const events = new Map<string, ChronologyEvent>();
  const seenEditions = new Set<string>();
  for (const entity of entities) {
    for (const { doc, mentions } of index.documentsMentioning(entity.id)) {
      for (const mention of mentions) {
        const passage = topPassage(doc, mention.passage);
        // A reprinted passage is an event once, where it counts.
        if (index.isReprintedPassage(doc, passage)) continue;
        const date = dateOfPassage(doc, passage);
        if (!date || !within(date, filter)) continue;
        const key = `${doc.uri}#${passage}`;
        let event = events.get(key);
        if (!event) events.set(key, (event = { date, document: doc, passage, entities: [], catalogOnly: false, passages: 1 }));
        let entry = event.entities.find((e) => e.entity === entity);
        if (!entry) event.entities.push((entry = { entity, mentions: 0, editions: [] }));
        entry.mentions++;
        const edition = mention.entityId === entity.id ? mention.edition : undefined;
        if (edition !== undefined && !entry.editions.includes(edition)) {
          entry.editions.push(edition);
          seenEditions.add(`${entity.id}@${edition}`);
        }
      }
    }
    for (const edition of entity.editions ?? []) {
      const date = String(edition.year);
      if (seenEditions.has(`${entity.id}@${edition.year}`) || !within(date, filter)) continue;
      events.set(`${entity.id}@${edition.year}`, { date, entities: [{ entity, mentions: 0, editions: [edition.year] }], catalogOnly: true, passages: 0 });
    }
  }
  const sorted = [...events.values()].sort((a, b) => compareDates(a.date, b.date) || (a.document?.uri ?? '').localeCompare(b.document?.uri ?? '') || (a.passage ?? -1) - (b.passage ?? -1));
  return filter.by ? gather(sorted, filter.by === 'month' ? 7 : 4) : sorted;
}

/** Events gathered by the first `precision` characters of their dates: counts summed, editions joined. */
function gather(events: readonly ChronologyEvent[], precision: number): ChronologyEvent[] {
  const buckets = new Map<string, ChronologyEvent>();
  for (const event of events) {
    const date = event.date.slice(0, precision);
    let bucket = buckets.get(date);
    if (!bucket) buckets.set(date, (bucket = { date, entities: [], catalogOnly: true, passages: 0 }));
    bucket.catalogOnly &&= event.catalogOnly;
    bucket.passages += event.passages;
    for (const { entity, mentions, editions } of event.entities) {
      let entry = bucket.entities.find((e) => e.entity === entity);
      if (!entry) bucket.entities.push((entry = { entity, mentions: 0, editions: [] }));
      entry.mentions += mentions;
      for (const edition of editions) if (!entry.editions.includes(edition)) entry.editions.push(edition);
    }
  }
  return [...buckets.values()];
}

function selectEntities(index: CorpusIndex, filter: ChronologyFilter): Entity[] {
  if (filter.entityIds?.length) return filter.entityIds.map((id) => index.entity(id)).filter((e): e is Entity => !!e);
  const kinds = filter.kinds?.length ? new Set(filter.kinds) : undefined;
  return index.entities().filter((e) => !kinds || kinds.has(e.kind));
}

/** Whether a date (or a year) falls within the filter's bounds, compared at the precision both have. */
function within(date: string, filter: ChronologyFilter): boolean {
  if (filter.from && date.slice(0, filter.from.length) < filter.from.slice(0, date.length)) return false;
  if (filter.to && date.slice(0, filter.to.length) > filter.to.slice(0, date.length)) return false;
  return true;
}
