// A document's mentions as columns of numbers, their strings numbers of the index's one string
// table. An object per mention (about 90 bytes, and a million of them on a large corpus) was the
// largest part of the index's heap. A row is three integers (12 bytes): the spelling (the entity
// and surface as one number of the index's Spellings), the start, and one word packing the length,
// the passage, the edition, the repeat flag and the
// discovered info, with as many bits for each as the document needs; a document whose values do
// not fit in one word (thousands of passages and long names, say) keeps seven integers a row.
// A mention is made as an object only when asked for (`at`, iteration), and dropped after use.

import type { DiscoveredInfo, FoundMention, Mention } from '../model';
import type { ColumnSlabs } from '../text/columnSlabs';
import type { Interner } from '../text/strings';
import { bitsFor, EDITION, END, ENTITY, FLAGS, PACKED, PACKED_STRIDE, packingOf, PASSAGE, sharedInfosOf, SPELLING, spellingsOf, START, SURFACE, WIDE_STRIDE, type Packing, type Spellings } from './mentionLayout';

/** A mention of a corpus document, as an object. */
export interface IndexedMention extends Mention {
  uri: string;
  /** Index of the innermost passage holding the mention, -1 if none. */
  passage: number;
  /** Set when the mention names an entity found in the text, not in the catalog. */
  discovered?: DiscoveredInfo;
}

/** What few mentions have: names inside them, other entities the name may stand for. */
interface Rare {
  inside?: string[];
  alternatives?: string[];
}

export class MentionColumns implements Iterable<IndexedMention> {
  private readonly stride: number;
  /** The discovered infos of the index, which the document's infos number. */
  private readonly infos: readonly DiscoveredInfo[];
  /** The index's spellings, which packed rows number. */
  private readonly spellings: Spellings;

  /**
   * Made by a MentionWriter. `rows` holds the rows, then the document's editions (packed rows
   * number them), then its discovered infos as numbers of the index's shared infos: in the rows'
   * column, not in two arrays a document (about 300 bytes each of 11,000 documents).
   * `packing` is given for packed rows, not for wide ones.
   */
  constructor(
    readonly uri: string,
    /** The index's string table, which numbers the entities and surfaces. */
    readonly strings: Interner,
    private readonly rows: Int32Array,
    /** Where the editions start in `rows`, and the infos after them. */
    private readonly editionsAt: number,
    private readonly infosAt: number,
    private readonly rare: ReadonlyMap<number, Rare> | undefined,
    private readonly packing?: Packing,
  ) {
    this.stride = packing ? PACKED_STRIDE : WIDE_STRIDE;
    this.infos = sharedInfosOf(strings).list;
    this.spellings = spellingsOf(strings);
  }

  /** The columns of mentions given as objects (in text order), their strings numbered by `strings`. */
  static of(uri: string, mentions: readonly IndexedMention[], strings: Interner): MentionColumns {
    const writer = new MentionWriter(uri, mentions.length, strings);
    for (const mention of mentions) writer.push(mention);
    return writer.done();
  }

  get length(): number {
    return this.editionsAt / this.stride;
  }

  entityId(i: number): string {
    return this.strings.at(this.entityNumber(i));
  }

  start(i: number): number {
    return this.rows[i * this.stride + START];
  }

  end(i: number): number {
    const packing = this.packing;
    if (!packing) return this.rows[i * WIDE_STRIDE + END];
    const row = i * PACKED_STRIDE;
    return this.rows[row + START] + (this.rows[row + PACKED] & packing.lengthMask);
  }

  surface(i: number): string {
    return this.strings.at(this.surfaceNumber(i));
  }

  /** The surface's number in the string table. */
  surfaceNumber(i: number): number {
    if (!this.packing) return this.rows[i * WIDE_STRIDE + SURFACE];
    return this.spellings.pairs[2 * this.rows[i * PACKED_STRIDE + SPELLING] + 1];
  }

  /** The entity id's number in the string table. */
  entityNumber(i: number): number {
    if (!this.packing) return this.rows[i * WIDE_STRIDE + ENTITY];
    return this.spellings.pairs[2 * this.rows[i * PACKED_STRIDE + SPELLING]];
  }

  /** The innermost passage holding the mention, -1 if none. */
  passage(i: number): number {
    const packing = this.packing;
    if (!packing) return this.rows[i * WIDE_STRIDE + PASSAGE];
    return ((this.rows[i * PACKED_STRIDE + PACKED] >>> packing.passageShift) & packing.passageMask) - 1;
  }

  edition(i: number): number | undefined {
    const packing = this.packing;
    if (!packing) return this.rows[i * WIDE_STRIDE + EDITION] || undefined;
    const number = (this.rows[i * PACKED_STRIDE + PACKED] >>> packing.editionShift) & packing.editionMask;
    return number ? this.rows[this.editionsAt + number - 1] : undefined;
  }

  private flags(i: number): number {
    const packing = this.packing;
    if (!packing) return this.rows[i * WIDE_STRIDE + FLAGS];
    return this.rows[i * PACKED_STRIDE + PACKED] >>> packing.flagsShift;
  }

  isRepeat(i: number): boolean {
    return (this.flags(i) & 1) === 1;
  }

  discovered(i: number): DiscoveredInfo | undefined {
    const info = this.flags(i) >>> 1;
    return info ? this.info(info) : undefined;
  }

  /** The discovered info the document numbers `info` (from 1). */
  private info(info: number): DiscoveredInfo {
    return this.infos[this.rows[this.infosAt + info - 1]];
  }

  inside(i: number): readonly string[] | undefined {
    return this.rare?.get(i)?.inside;
  }

  /** Calls `f` with each entity mention i counts for: none for a repeat, else its own, then those named inside it (as countedEntities). */
  forEachCounted(i: number, f: (entityId: string) => void): void {
    if (this.isRepeat(i)) return;
    f(this.entityId(i));
    const inside = this.inside(i);
    if (inside) for (const entityId of inside) f(entityId);
  }

  /** True when the mention counts for the entity: its own, or named inside it, and not a repeat. */
  countsFor(i: number, entityId: string): boolean {
    if (this.isRepeat(i)) return false;
    return this.entityId(i) === entityId || !!this.inside(i)?.includes(entityId);
  }

  /** The mention as an object, made now: the same fields the analysis gave it. */
  at(i: number): IndexedMention {
    const mention: IndexedMention = { entityId: this.entityId(i), start: this.start(i), end: this.end(i), surface: this.surface(i), uri: this.uri, passage: this.passage(i) };
    return this.withRareFields(mention, i);
  }

  /** The mention as a note's mention is made: no document uri, no passage. */
  found(i: number): FoundMention {
    return this.withRareFields({ entityId: this.entityId(i), start: this.start(i), end: this.end(i), surface: this.surface(i) }, i);
  }

  /** The mention given, with the fields few mentions have that mention i has. */
  private withRareFields<T extends FoundMention>(mention: T, i: number): T {
    const edition = this.edition(i);
    if (edition) mention.edition = edition;
    const flags = this.flags(i);
    if (flags & 1) mention.repeat = true;
    if (flags >>> 1) mention.discovered = this.info(flags >>> 1);
    const rare = this.rare?.get(i);
    if (rare?.inside) mention.inside = rare.inside;
    if (rare?.alternatives) mention.alternatives = rare.alternatives;
    return mention;
  }

  *[Symbol.iterator](): Iterator<IndexedMention> {
    for (let i = 0; i < this.length; i++) yield this.at(i);
  }

  toArray(): IndexedMention[] {
    const mentions: IndexedMention[] = [];
    for (let i = 0; i < this.length; i++) mentions.push(this.at(i));
    return mentions;
  }

  /** The index of the mention covering an offset (its end included), -1 for none. */
  indexAt(offset: number): number {
    let low = 0;
    let high = this.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (offset < this.start(mid)) high = mid - 1;
      else if (offset > this.end(mid)) low = mid + 1;
      else return mid;
    }
    return -1;
  }

  /** The index of a mention with these start, end and entity; -1 for none. */
  indexOf(mention: { start: number; end: number; entityId: string }): number {
    let low = 0;
    let high = this.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.start(mid) < mention.start) low = mid + 1;
      else high = mid;
    }
    for (let i = low; i < this.length && this.start(i) === mention.start; i++) if (this.end(i) === mention.end && this.entityId(i) === mention.entityId) return i;
    return -1;
  }

  /** Bytes held by the rows (the editions and infos after them, and the strings, which are the index's, left out). */
  get bytes(): number {
    return this.editionsAt * Int32Array.BYTES_PER_ELEMENT;
  }
}

/** What a discovered info says, as one string: two infos that say the same are kept once. */
export function discoveredKey({ kind, name, parent, about }: DiscoveredInfo): string {
  return `${kind}\u0000${name}\u0000${parent ?? ''}\u0000${about ?? ''}`;
}

/** What the writer reads of a mention (an IndexedMention will do). */
export interface MentionRow {
  entityId: string;
  start: number;
  end: number;
  surface: string;
  passage: number;
  edition?: number | undefined;
  repeat?: boolean | undefined;
  discovered?: DiscoveredInfo | undefined;
  inside?: readonly string[] | undefined;
  alternatives?: readonly string[] | undefined;
}

/**
 * The wide rows of the writer that has them: a writer with slabs writes its rows here and copies
 * them out when done, instead of allocating rows it drops. Taken by one writer at a time (a
 * writer that never finishes loses it, and the next makes another).
 */
let scratch: Int32Array | undefined;

/**
 * Fills the columns one mention at a time, in text order. The rows are written wide, then packed
 * when the document is done, if its numbers fit in one word.
 */
export class MentionWriter {
  private readonly rows: Int32Array;
  /** The document's infos, as numbers of the index's shared infos. */
  private readonly infos: number[] = [];
  /** The document's number of each info, by what the info says. */
  private readonly infoNumbers = new Map<string, number>();
  private rare: Map<number, Rare> | undefined;
  private count = 0;
  /** The scratch rows this writer took, to give back when done. */
  private borrowed: Int32Array | undefined;

  /** With `slabs`, the columns are carved from them (see ColumnSlabs): for documents the index keeps. */
  constructor(
    private readonly uri: string,
    length: number,
    private readonly strings: Interner,
    private readonly slabs?: ColumnSlabs,
  ) {
    const needed = length * WIDE_STRIDE;
    if (slabs) {
      let rows = scratch;
      scratch = undefined;
      if (!rows || rows.length < needed) rows = new Int32Array(Math.max(needed, 2 * (rows?.length ?? 0), 1024));
      this.borrowed = rows;
      this.rows = rows.subarray(0, needed);
    } else this.rows = new Int32Array(needed);
  }

  /** Adds a mention; its strings are numbered (and kept) by the string table. */
  push(mention: MentionRow): void {
    const info = mention.discovered ? this.info(mention.discovered) : 0;
    this.pushNumbers(
      this.strings.id(mention.entityId),
      mention.start,
      mention.end,
      this.strings.id(mention.surface),
      mention.passage,
      mention.edition ?? 0,
      !!mention.repeat,
      info,
    );
    if (mention.inside || mention.alternatives) this.setRare(mention.inside, mention.alternatives);
  }

  /**
   * Adds a mention given as numbers: its entity and surface numbered by the string table, `info`
   * by `info()` (0 for none). A cached document's million mentions come this way, with no object each.
   */
  pushNumbers(entity: number, start: number, end: number, surface: number, passage: number, edition: number, repeat: boolean, info: number): void {
    const row = this.count * WIDE_STRIDE;
    if (row >= this.rows.length) throw new Error('more mentions than the columns were made for');
    const rows = this.rows;
    rows[row + ENTITY] = entity;
    rows[row + START] = start;
    rows[row + END] = end;
    rows[row + SURFACE] = surface;
    rows[row + PASSAGE] = passage;
    rows[row + EDITION] = edition;
    rows[row + FLAGS] = (repeat ? 1 : 0) | (info << 1);
    this.count++;
  }

  /** Gives the mention pushed last the entities named inside it, or that its name may stand for. */
  setRare(inside: readonly string[] | undefined, alternatives?: readonly string[]): void {
    const rare: Rare = {};
    if (inside) rare.inside = inside.map((id) => this.strings.get(id));
    if (alternatives) rare.alternatives = alternatives.map((id) => this.strings.get(id));
    (this.rare ??= new Map()).set(this.count - 1, rare);
  }

  /** The number of a discovered info in these columns, given at its first use (`key`: its discoveredKey, if known). */
  info(discovered: DiscoveredInfo, key = discoveredKey(discovered)): number {
    let info = this.infoNumbers.get(key);
    if (info === undefined) {
      const shared = sharedInfosOf(this.strings);
      let kept = shared.numbers.get(key);
      if (kept === undefined) shared.numbers.set(key, (kept = shared.list.push(discovered) - 1));
      this.infos.push(kept);
      this.infoNumbers.set(key, (info = this.infos.length));
    }
    return info;
  }

  done(): MentionColumns {
    if (this.count * WIDE_STRIDE !== this.rows.length) throw new Error('fewer mentions than the columns were made for');
    try {
      return this.columns();
    } finally {
      if (this.borrowed) scratch = this.borrowed;
      this.borrowed = undefined;
    }
  }

  private columns(): MentionColumns {
    const slabs = this.slabs;
    const wide = this.rows;
    // The largest of each small number decides the bits it gets.
    let longest = 0;
    let lastPassage = -1;
    const editions: number[] = [];
    const editionNumbers = new Map<number, number>();
    // A negative length or a passage below -1 (none) has no bits to be packed in.
    let unpackable = false;
    for (let row = 0; row < wide.length; row += WIDE_STRIDE) {
      const length = wide[row + END] - wide[row + START];
      if (length < 0 || wide[row + PASSAGE] < -1) unpackable = true;
      longest = Math.max(longest, length);
      lastPassage = Math.max(lastPassage, wide[row + PASSAGE]);
      const edition = wide[row + EDITION];
      if (edition && !editionNumbers.has(edition)) editionNumbers.set(edition, editions.push(edition));
    }
    const lengthBits = bitsFor(longest);
    const passageBits = bitsFor(lastPassage + 1);
    const editionBits = bitsFor(editions.length);
    const flagsBits = bitsFor(this.infos.length) + 1;
    const infos = this.infos;
    if (unpackable || lengthBits + passageBits + editionBits + flagsBits > 32) {
      // Wide rows number no editions: only the infos follow them.
      const column = slabs ? slabs.int32(wide.length + infos.length) : new Int32Array(wide.length + infos.length);
      column.set(wide);
      column.set(infos, wide.length);
      return new MentionColumns(this.uri, this.strings, column, wide.length, wide.length, this.rare);
    }
    const packing = packingOf(lengthBits, passageBits, editionBits);
    const rowsEnd = this.count * PACKED_STRIDE;
    const packed = slabs ? slabs.int32(rowsEnd + editions.length + infos.length) : new Int32Array(rowsEnd + editions.length + infos.length);
    const spellings = spellingsOf(this.strings);
    packed.set(editions, rowsEnd);
    packed.set(infos, rowsEnd + editions.length);
    for (let i = 0; i < this.count; i++) {
      const from = i * WIDE_STRIDE;
      const to = i * PACKED_STRIDE;
      packed[to + SPELLING] = spellings.number(wide[from + ENTITY], wide[from + SURFACE]);
      packed[to + START] = wide[from + START];
      const edition = editionNumbers.get(wide[from + EDITION]) ?? 0;
      packed[to + PACKED] =
        (wide[from + END] - wide[from + START]) |
        ((wide[from + PASSAGE] + 1) << packing.passageShift) |
        (edition << packing.editionShift) |
        (wide[from + FLAGS] << packing.flagsShift);
    }
    return new MentionColumns(this.uri, this.strings, packed, rowsEnd, rowsEnd + editions.length, this.rare, packing);
  }
}
