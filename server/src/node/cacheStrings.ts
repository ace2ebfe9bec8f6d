// The strings of the index cache's entries, each written once, and the lists of an entry as one
// column of numbers. An entry refers to a string by its number in the table the entries before it
// made, and brings the strings it is the first to use; so the table is built as the cache is read,
// an entry at a time. A title, date, entity id or spelling recurs in thousands of documents:
// written in each one, they were most of the 40 MB of JSON a warm start decoded and parsed. The
// lists (dates, passages, the mentions' id and spelling tables, discovered entities, repeats, names
// inside names) were then most of what was left: 12 of the 15 MB of JSON of the 11,000-document
// bench, parsed into a hundred thousand small arrays and mapped again. They now go to the column
// file as one column per entry (`ListColumn`), read as they are.

import type { SnapshotWithoutColumns } from '../core/index/snapshot';

type Passage = SnapshotWithoutColumns['passages'][number];
type Discovered = SnapshotWithoutColumns['discovered'][number];

/** What stays in an entry's JSON: its strings as numbers in the table, its lists in the list column (of `lists` numbers). */
export type NumberedSnapshot = Omit<SnapshotWithoutColumns, 'uri' | 'title' | 'fallbackTitle' | 'date' | 'dates' | 'passages' | 'ids' | 'surfaces' | 'discovered' | 'repeats' | 'inside'> & {
  title: number;
  fallbackTitle: number;
  date?: number;
  /** How many numbers the entry's list column holds. */
  lists: number;
};

/**
 * The layout of an entry's list column, each list its length and then its items: the dates (string
 * numbers); the passages, seven numbers each (kind, title, start, end, parent or -1, date,
 * fingerprint; strings as numbers); the ids and the surfaces (string numbers); the discovered
 * entities, four numbers each (kind, name, parent, what it is or -1 for none); the repeats (mention
 * indexes); the names inside names, each a mention index, a count and that many id indexes.
 */
const PASSAGE_NUMBERS = 7;
const DISCOVERED_NUMBERS = 4;

export class StringNumbering {
  private readonly numbers = new Map<string, number>();

  /** The snapshot's JSON part and its list column, and the strings it is the first to use (in the order of their numbers). */
  number(s: SnapshotWithoutColumns): { snapshot: NumberedSnapshot; lists: Int32Array; strings: string[] } {
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
    const { uri: _uri, title, fallbackTitle, date, dates, passages, ids, surfaces, discovered, repeats, inside, ...rest } = s;
    const list: number[] = [];
    // Pushed one at a time: a large document has more ids than a call takes arguments.
    const all = (values: readonly number[]) => {
      list.push(values.length);
      for (const value of values) list.push(value);
    };
    all(dates.map(n));
    list.push(passages.length);
    for (const [kind, passageTitle, start, end, parent, passageDate, fingerprint] of passages) list.push(kind, n(passageTitle), start, end, parent, n(passageDate), n(fingerprint));
    all(ids.map(n));
    all(surfaces.map(n));
    list.push(discovered.length);
    for (const [kind, name, parent, about] of discovered) list.push(n(kind), n(name), n(parent), about === undefined ? -1 : n(about));
    all(repeats);
    list.push(inside.length);
    for (const [mention, names] of inside) {
      list.push(mention);
      all(names);
    }
    const lists = Int32Array.from(list);
    // A number that does not survive the column (past 32 bits, fractional) would come back another.
    lists.forEach((value, i) => {
      if (value !== list[i]) throw new Error(`a list of ${s.uri} holds ${list[i]}, which a column of 32-bit integers cannot`);
    });
    const snapshot: NumberedSnapshot = { ...rest, title: n(title), fallbackTitle: n(fallbackTitle), lists: lists.length };
    if (date !== undefined) snapshot.date = n(date);
    return { snapshot, lists, strings };
  }
}

export class StringTable {
  private readonly strings: string[] = [];

  /**
   * Takes in the strings an entry brings, then gives its snapshot whole again, from its JSON part
   * and its list column; throws on a number the table does not hold and on lists that do not fill
   * the column exactly.
   */
  read(uri: string, snapshot: NumberedSnapshot, fresh: unknown, lists: Int32Array): SnapshotWithoutColumns {
    if (!Array.isArray(fresh) || !fresh.every((value) => typeof value === 'string')) throw new Error('the strings of an entry are malformed');
    for (const value of fresh as string[]) this.strings.push(value);
    const table = this.strings;
    const s = (number: unknown) => {
      if (typeof number !== 'number' || !(number >= 0 && number < table.length) || !Number.isInteger(number)) throw new Error('an entry refers past the strings of the cache');
      return table[number];
    };
    let at = 0;
    /** The length of the next list, whose items are `width` numbers each. */
    const length = (width: number) => {
      const count = at < lists.length ? lists[at++] : -1;
      if (!(count >= 0) || count * width > lists.length - at) throw new Error('the lists of an entry are malformed');
      return count;
    };
    const strings = () => {
      const values = new Array<string>(length(1));
      for (let i = 0; i < values.length; i++) values[i] = s(lists[at++]);
      return values;
    };
    const numbers = () => {
      const values = new Array<number>(length(1));
      for (let i = 0; i < values.length; i++) values[i] = lists[at++];
      return values;
    };
    const dates = strings();
    const passages = new Array<Passage>(length(PASSAGE_NUMBERS));
    for (let i = 0; i < passages.length; i++, at += PASSAGE_NUMBERS) {
      passages[i] = [lists[at], s(lists[at + 1]), lists[at + 2], lists[at + 3], lists[at + 4], s(lists[at + 5]), s(lists[at + 6])];
    }
    const ids = strings();
    const surfaces = strings();
    const discovered = new Array<Discovered>(length(DISCOVERED_NUMBERS));
    for (let i = 0; i < discovered.length; i++, at += DISCOVERED_NUMBERS) {
      const info: Discovered = [s(lists[at]) as Discovered[0], s(lists[at + 1]), s(lists[at + 2])];
      if (lists[at + 3] !== -1) info.push(s(lists[at + 3]));
      discovered[i] = info;
    }
    const repeats = numbers();
    const inside = new Array<[number, number[]]>(length(2));
    for (let i = 0; i < inside.length; i++) {
      const mention = lists[at++];
      inside[i] = [mention, numbers()];
    }
    if (at !== lists.length) throw new Error('the lists of an entry are malformed');
    // Field by field, not spread: copying the rest of a parsed object took a warm start 0.1 s.
    // (An optional field added to the snapshot must be added here too; the round-trip test says so.)
    const { embedded, length: textLength, best, columns, notice, contentHash, date } = snapshot;
    const whole: SnapshotWithoutColumns = { uri, title: s(snapshot.title), fallbackTitle: s(snapshot.fallbackTitle), dates, embedded, length: textLength, passages, ids, surfaces, discovered, repeats, inside, best, columns };
    if (date !== undefined) whole.date = s(date);
    if (notice !== undefined) whole.notice = notice;
    if (contentHash !== undefined) whole.contentHash = contentHash;
    return whole;
  }
}
