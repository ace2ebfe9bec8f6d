// The whole corpus by month: for each month (or year, for passages dated by their year only),
// how many dated passages mention any entity, and per entity its mentions, passages and the
// editions named. Made from the same rows as the entities' timelines (reprints left out), one
// document at a time, and kept current as documents come and go: what each document added is kept
// in a few integers so that its removal takes back exactly that. The chronology of the whole
// corpus reads it instead of every entity's timeline (which held a row per dated passage and
// entity, and was gathered again at every request).

import type { IndexedDocument } from '../analysis/analyseDocument';
import { groupByEntity, timelineRows, type ReprintTest } from './aggregates';

export interface MonthEntry {
  mentions: number;
  passages: number;
  /** Edition year -> passages naming it. */
  editions?: Map<number, number>;
}

export interface MonthBucket {
  /** Dated passages that mention any entity, each once. */
  passages: number;
  entities: Map<string, MonthEntry>;
}

/** What one document added: [month, entity, mentions, passages] per entry, [month, passages] per month, and [entry, edition] pairs. */
interface Contribution {
  entries: Int32Array;
  months: Int32Array;
  editions?: Int32Array;
}

const NO_ENTRIES = new Int32Array(0);

export class MonthTable {
  private readonly monthIds = new Map<string, number>();
  private readonly monthNames: string[] = [];
  private readonly entityIds = new Map<string, number>();
  private readonly entityNames: string[] = [];
  private readonly buckets = new Map<number, MonthBucket>();
  /** Entity -> edition year -> passages naming it, over every month. */
  private readonly named = new Map<string, Map<number, number>>();
  private readonly contributions = new Map<IndexedDocument, Contribution>();

  constructor(private readonly isReprint: ReprintTest) {}

  add(doc: IndexedDocument): void {
    this.remove(doc);
    const entries: number[] = [];
    const editions: number[] = [];
    const passageMonth = new Map<number, number>();
    for (const [entityId, rows] of groupByEntity(doc.mentions)) {
      const entity = this.intern(this.entityIds, this.entityNames, entityId);
      const at = new Map<number, number>();
      for (const row of timelineRows(entityId, doc, rows, this.isReprint)) {
        const month = this.intern(this.monthIds, this.monthNames, row.date.slice(0, 7));
        passageMonth.set(row.passage, month);
        let entry = at.get(month);
        if (entry === undefined) {
          at.set(month, (entry = entries.length));
          entries.push(month, entity, 0, 0);
        }
        entries[entry + 2] += row.mentions;
        entries[entry + 3]++;
        for (const edition of row.editions) editions.push(entry, edition);
      }
    }
    const perMonth = new Map<number, number>();
    for (const month of passageMonth.values()) perMonth.set(month, (perMonth.get(month) ?? 0) + 1);
    const contribution: Contribution = {
      entries: entries.length ? Int32Array.from(entries) : NO_ENTRIES,
      months: Int32Array.from([...perMonth].flat()),
      ...(editions.length ? { editions: Int32Array.from(editions) } : {}),
    };
    this.contributions.set(doc, contribution);
    this.apply(contribution, 1);
  }

  remove(doc: IndexedDocument): void {
    const contribution = this.contributions.get(doc);
    if (!contribution) return;
    this.contributions.delete(doc);
    this.apply(contribution, -1);
  }

  /** The months (or years) in no order, with what they hold. */
  *months(): Iterable<[string, MonthBucket]> {
    for (const [month, bucket] of this.buckets) yield [this.monthNames[month], bucket];
  }

  /** The editions of an entity that some dated passage names. */
  namedEditions(entityId: string): ReadonlySet<number> {
    return new Set(this.named.get(entityId)?.keys() ?? []);
  }

  private apply(contribution: Contribution, sign: 1 | -1): void {
    const { entries, months, editions } = contribution;
    for (let i = 0; i < months.length; i += 2) this.bucket(months[i]).passages += sign * months[i + 1];
    for (let i = 0; i < entries.length; i += 4) {
      const bucket = this.bucket(entries[i]);
      const entityId = this.entityNames[entries[i + 1]];
      let entry = bucket.entities.get(entityId);
      if (!entry) bucket.entities.set(entityId, (entry = { mentions: 0, passages: 0 }));
      entry.mentions += sign * entries[i + 2];
      entry.passages += sign * entries[i + 3];
    }
    for (let i = 0; editions && i < editions.length; i += 2) {
      const at = editions[i];
      const entityId = this.entityNames[entries[at + 1]];
      const entry = this.buckets.get(entries[at])!.entities.get(entityId)!;
      count((entry.editions ??= new Map()), editions[i + 1], sign);
      let named = this.named.get(entityId);
      if (!named) this.named.set(entityId, (named = new Map()));
      count(named, editions[i + 1], sign);
    }
    // What a removal emptied goes: an entity with no passage left in a month, a month with none.
    if (sign < 0) {
      for (let i = 0; i < entries.length; i += 4) {
        const bucket = this.buckets.get(entries[i]);
        const entityId = this.entityNames[entries[i + 1]];
        if (bucket && bucket.entities.get(entityId)?.passages === 0) bucket.entities.delete(entityId);
        if (bucket && bucket.passages === 0 && !bucket.entities.size) this.buckets.delete(entries[i]);
      }
    }
  }

  private bucket(month: number): MonthBucket {
    let bucket = this.buckets.get(month);
    if (!bucket) this.buckets.set(month, (bucket = { passages: 0, entities: new Map() }));
    return bucket;
  }

  private intern(ids: Map<string, number>, names: string[], name: string): number {
    let id = ids.get(name);
    if (id === undefined) {
      ids.set(name, (id = names.length));
      names.push(name);
    }
    return id;
  }
}

function count(counts: Map<number, number>, key: number, delta: number): void {
  const next = (counts.get(key) ?? 0) + delta;
  if (next > 0) counts.set(key, next);
  else counts.delete(key);
}
