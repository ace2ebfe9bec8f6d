// The strings of the index cache's entries, each written once. An entry refers to a string by its
// number in the table the entries before it made, and brings the strings it is the first to use;
// so the table is built as the cache is read, an entry at a time. A title, date, entity id or
// spelling recurs in thousands of documents: written in each one, they were most of the 40 MB of
// JSON a warm start decoded and parsed, and each copy was hashed again to be kept once.

import type { SnapshotWithoutColumns } from '../core/index/snapshot';

type Passage = SnapshotWithoutColumns['passages'][number];
type Discovered = SnapshotWithoutColumns['discovered'][number];

/** A snapshot whose recurring strings are numbers in the table. */
export type NumberedSnapshot = Omit<SnapshotWithoutColumns, 'title' | 'fallbackTitle' | 'date' | 'dates' | 'passages' | 'ids' | 'surfaces' | 'discovered'> & {
  title: number;
  fallbackTitle: number;
  date?: number;
  dates: number[];
  /** [kind, title, start, end, parent or -1, date, fingerprint] */
  passages: [number, number, number, number, number, number, number][];
  ids: number[];
  surfaces: number[];
  discovered: number[][];
};

export class StringNumbering {
  private readonly numbers = new Map<string, number>();

  /** The snapshot with its strings numbered, and the strings it is the first to use (in the order of their numbers). */
  number(s: SnapshotWithoutColumns): { snapshot: NumberedSnapshot; strings: string[] } {
    const strings: string[] = [];
    const n = (value: string) => {
      let number = this.numbers.get(value);
      if (number === undefined) {
        number = this.numbers.size;
        this.numbers.set(value, number);
        strings.push(value);
      }
      return number;
    };
    const { title, fallbackTitle, date, dates, passages, ids, surfaces, discovered, ...rest } = s;
    const snapshot: NumberedSnapshot = {
      ...rest,
      title: n(title),
      fallbackTitle: n(fallbackTitle),
      dates: dates.map(n),
      passages: passages.map(([kind, passageTitle, start, end, parent, passageDate, fingerprint]) => [kind, n(passageTitle), start, end, parent, n(passageDate), n(fingerprint)]),
      ids: ids.map(n),
      surfaces: surfaces.map(n),
      discovered: discovered.map((info) => info.map((part) => n(part ?? ''))),
    };
    if (date !== undefined) snapshot.date = n(date);
    return { snapshot, strings };
  }
}

export class StringTable {
  private readonly strings: string[] = [];

  /** Takes in the strings an entry brings, then gives its snapshot with strings again; throws on a number the table does not hold. */
  read(snapshot: NumberedSnapshot, fresh: unknown): SnapshotWithoutColumns {
    if (!Array.isArray(fresh) || !fresh.every((value) => typeof value === 'string')) throw new Error('the strings of an entry are malformed');
    for (const value of fresh as string[]) this.strings.push(value);
    const s = (number: unknown) => {
      if (typeof number !== 'number' || !(number >= 0 && number < this.strings.length) || !Number.isInteger(number)) throw new Error('an entry refers past the strings of the cache');
      return this.strings[number];
    };
    const list = (value: unknown) => {
      if (!Array.isArray(value)) throw new Error('malformed entry');
      return value;
    };
    const { title, fallbackTitle, date, dates, passages, ids, surfaces, discovered, ...rest } = snapshot;
    const whole: SnapshotWithoutColumns = {
      ...rest,
      title: s(title),
      fallbackTitle: s(fallbackTitle),
      dates: list(dates).map(s),
      passages: list(passages).map((passage: unknown): Passage => {
        const [kind, passageTitle, start, end, parent, passageDate, fingerprint] = list(passage) as number[];
        return [kind, s(passageTitle), start, end, parent, s(passageDate), s(fingerprint)];
      }),
      ids: list(ids).map(s),
      surfaces: list(surfaces).map(s),
      discovered: list(discovered).map((info: unknown) => list(info).map(s) as Discovered),
    };
    if (date !== undefined) whole.date = s(date);
    return whole;
  }
}
