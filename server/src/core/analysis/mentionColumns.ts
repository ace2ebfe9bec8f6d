// A document's mentions as columns of numbers: seven integers a mention in one typed array, its
// strings numbers of the index's one string table. An object per mention (about 90 bytes, and a
// million of them on a large corpus) was the largest part of the index's heap; a row here is 28.
// A mention is made as an object only when asked for (`at`, iteration), and dropped after use.

import type { DiscoveredInfo, Mention } from '../model';
import type { Interner } from '../text/strings';

/** A mention of a corpus document, as an object. */
export interface IndexedMention extends Mention {
  uri: string;
  /** Index of the innermost passage holding the mention, -1 if none. */
  passage: number;
  /** Set when the mention names an entity found in the text, not in the catalog. */
  discovered?: DiscoveredInfo;
}

const STRIDE = 7;
const ENTITY = 0;
const START = 1;
const END = 2;
const SURFACE = 3;
const PASSAGE = 4;
const EDITION = 5;
/** Bit 0: a repeat; the rest: 1 + the index of its discovered info, 0 for none. */
const FLAGS = 6;

/** What few mentions have: names inside them, other entities the name may stand for. */
interface Rare {
  inside?: string[];
  alternatives?: string[];
}

export class MentionColumns implements Iterable<IndexedMention> {
  /** Made by a MentionWriter. */
  constructor(
    readonly uri: string,
    private readonly strings: Interner,
    private readonly rows: Int32Array,
    private readonly infos: readonly DiscoveredInfo[],
    private readonly rare: ReadonlyMap<number, Rare> | undefined,
  ) {}

  /** The columns of mentions given as objects (in text order), their strings numbered by `strings`. */
  static of(uri: string, mentions: readonly IndexedMention[], strings: Interner): MentionColumns {
    const writer = new MentionWriter(uri, mentions.length, strings);
    for (const mention of mentions) writer.push(mention);
    return writer.done();
  }

  get length(): number {
    return this.rows.length / STRIDE;
  }

  entityId(i: number): string {
    return this.strings.at(this.rows[i * STRIDE + ENTITY]);
  }

  start(i: number): number {
    return this.rows[i * STRIDE + START];
  }

  end(i: number): number {
    return this.rows[i * STRIDE + END];
  }

  surface(i: number): string {
    return this.strings.at(this.rows[i * STRIDE + SURFACE]);
  }

  /** The innermost passage holding the mention, -1 if none. */
  passage(i: number): number {
    return this.rows[i * STRIDE + PASSAGE];
  }

  edition(i: number): number | undefined {
    return this.rows[i * STRIDE + EDITION] || undefined;
  }

  isRepeat(i: number): boolean {
    return (this.rows[i * STRIDE + FLAGS] & 1) === 1;
  }

  discovered(i: number): DiscoveredInfo | undefined {
    const info = this.rows[i * STRIDE + FLAGS] >> 1;
    return info ? this.infos[info - 1] : undefined;
  }

  inside(i: number): readonly string[] | undefined {
    return this.rare?.get(i)?.inside;
  }

  /** True when the mention counts for the entity: its own, or named inside it, and not a repeat. */
  countsFor(i: number, entityId: string): boolean {
    if (this.isRepeat(i)) return false;
    return this.entityId(i) === entityId || !!this.inside(i)?.includes(entityId);
  }

  /** The mention as an object, made now: the same fields the analysis gave it. */
  at(i: number): IndexedMention {
    const row = i * STRIDE;
    const mention: IndexedMention = {
      entityId: this.strings.at(this.rows[row + ENTITY]),
      start: this.rows[row + START],
      end: this.rows[row + END],
      surface: this.strings.at(this.rows[row + SURFACE]),
      uri: this.uri,
      passage: this.rows[row + PASSAGE],
    };
    if (this.rows[row + EDITION]) mention.edition = this.rows[row + EDITION];
    const flags = this.rows[row + FLAGS];
    if (flags & 1) mention.repeat = true;
    if (flags >> 1) mention.discovered = this.infos[(flags >> 1) - 1];
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

  /** Bytes held by the columns (the strings are the index's, shared). */
  get bytes(): number {
    return this.rows.byteLength;
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

/** Fills the columns one mention at a time, in text order. */
export class MentionWriter {
  private readonly rows: Int32Array;
  private readonly infos: DiscoveredInfo[] = [];
  /** The infos by what they say, so that equal ones are kept once. */
  private readonly infoNumbers = new Map<string, number>();
  private rare: Map<number, Rare> | undefined;
  private count = 0;

  constructor(
    private readonly uri: string,
    length: number,
    private readonly strings: Interner,
  ) {
    this.rows = new Int32Array(length * STRIDE);
  }

  /** Adds a mention; its strings are numbered (and kept) by the string table. */
  push(mention: MentionRow): void {
    const row = this.count * STRIDE;
    if (row >= this.rows.length) throw new Error('more mentions than the columns were made for');
    this.rows[row + ENTITY] = this.strings.id(mention.entityId);
    this.rows[row + START] = mention.start;
    this.rows[row + END] = mention.end;
    this.rows[row + SURFACE] = this.strings.id(mention.surface);
    this.rows[row + PASSAGE] = mention.passage;
    this.rows[row + EDITION] = mention.edition ?? 0;
    let flags = mention.repeat ? 1 : 0;
    if (mention.discovered) {
      const key = discoveredKey(mention.discovered);
      let info = this.infoNumbers.get(key);
      if (info === undefined) {
        this.infos.push(mention.discovered);
        this.infoNumbers.set(key, (info = this.infos.length));
      }
      flags |= info << 1;
    }
    this.rows[row + FLAGS] = flags;
    if (mention.inside || mention.alternatives) {
      const rare: Rare = {};
      if (mention.inside) rare.inside = mention.inside.map((id) => this.strings.get(id));
      if (mention.alternatives) rare.alternatives = mention.alternatives.map((id) => this.strings.get(id));
      (this.rare ??= new Map()).set(this.count, rare);
    }
    this.count++;
  }

  done(): MentionColumns {
    if (this.count * STRIDE !== this.rows.length) throw new Error('fewer mentions than the columns were made for');
    return new MentionColumns(this.uri, this.strings, this.rows, this.infos, this.rare);
  }
}
