// A document's definition candidates (per entity or edition, the mention whose sentence defines
// it best) as rows of numbers: the mention's row, the sentence's start and end, and the score.
// An object per candidate, each with its own mention and sentence objects, was about 90 bytes a
// candidate and 130,000 candidates on the 10,000-document bench. `get` makes the candidate asked for.

import { dateOfPassage, type Passage } from '../model';
import type { ColumnSlabs } from '../text/columnSlabs';
import type { IsoDate } from '../text/dates';
import type { Span } from '../text/sentences';
import type { Interner } from '../text/strings';
import type { IndexedMention, MentionColumns } from './mentionColumns';

export interface Candidate {
  mention: IndexedMention;
  score: number;
  sentence: Span;
  date?: IsoDate;
}

/** What a candidate is made from: its document's mentions, passages and date. */
export interface CandidateHolder {
  mentions: MentionColumns;
  passages: readonly Passage[];
  date?: IsoDate | undefined;
}

/** One candidate as numbers: the row of its mention, its sentence, its score. */
export interface CandidateRow {
  mention: number;
  start: number;
  end: number;
  score: number;
}

/** Numbers a candidate keeps: its key's number, its mention's row, its sentence's start and end, its score's two halves. */
const WIDTH = 6;
/** Reads a score's two halves as the number they were written from (every bit kept). */
const scoreBits = new Float64Array(1);
const scoreHalves = new Int32Array(scoreBits.buffer);

export class DefinitionCandidates implements Iterable<[string, Candidate]> {
  /**
   * The candidates, WIDTH numbers each, in one column: carved from the index's slabs for a document
   * the index keeps. A string array of keys, a row column and a score column each with its own
   * buffer were about 350 bytes of bookkeeping a document, 3.5 MB on the 11,000-document bench.
   */
  private readonly table: Int32Array;

  /** `rows` by key (definitionKey); the keys are numbered by `strings`, the index's string table. */
  constructor(
    private readonly holder: CandidateHolder,
    rows: Iterable<[string, CandidateRow]>,
    private readonly strings: Interner,
    slabs?: ColumnSlabs,
  ) {
    const list = [...rows];
    this.table = slabs?.int32(list.length * WIDTH) ?? new Int32Array(list.length * WIDTH);
    list.forEach(([key, row], k) => {
      const at = k * WIDTH;
      scoreBits[0] = row.score;
      this.table[at] = strings.id(key);
      this.table[at + 1] = row.mention;
      this.table[at + 2] = row.start;
      this.table[at + 3] = row.end;
      this.table[at + 4] = scoreHalves[0];
      this.table[at + 5] = scoreHalves[1];
    });
  }

  /** The candidates of a freshly analysed document, given as objects whose mentions are among its own. */
  static of(holder: CandidateHolder, candidates: ReadonlyMap<string, Candidate>, strings: Interner): DefinitionCandidates {
    const rows: [string, CandidateRow][] = [];
    for (const [key, c] of candidates) {
      const mention = holder.mentions.indexOf(c.mention);
      if (mention < 0) throw new Error('a definition candidate is not among the mentions');
      rows.push([key, { mention, start: c.sentence.start, end: c.sentence.end, score: c.score }]);
    }
    return new DefinitionCandidates(holder, rows, strings);
  }

  get size(): number {
    return this.table.length / WIDTH;
  }

  get(key: string): Candidate | undefined {
    const k = this.indexOf(key);
    return k >= 0 ? this.candidate(k) : undefined;
  }

  /** Where the candidate kept under `key` is (for `scoreAt`, `keyAt`, `at`), -1 for none: by the key's number, no candidate made. */
  indexOf(key: string): number {
    const id = this.strings.known(key);
    if (id === undefined) return -1;
    const { table } = this;
    for (let at = 0; at < table.length; at += WIDTH) if (table[at] === id) return at / WIDTH;
    return -1;
  }

  keyAt(k: number): string {
    return this.key(k);
  }

  /** The score of the k-th candidate, read without making it: a search for the best makes only those that may win. */
  scoreAt(k: number): number {
    return this.score(k);
  }

  at(k: number): Candidate {
    return this.candidate(k);
  }

  /** The candidate as numbers, for the snapshot. */
  row(k: number): [string, CandidateRow] {
    const at = k * WIDTH;
    return [this.key(k), { mention: this.table[at + 1], start: this.table[at + 2], end: this.table[at + 3], score: this.score(k) }];
  }

  *[Symbol.iterator](): Iterator<[string, Candidate]> {
    for (let k = 0; k < this.size; k++) yield [this.key(k), this.candidate(k)];
  }

  *values(): IterableIterator<Candidate> {
    for (let k = 0; k < this.size; k++) yield this.candidate(k);
  }

  private key(k: number): string {
    return this.strings.at(this.table[k * WIDTH]);
  }

  private score(k: number): number {
    scoreHalves[0] = this.table[k * WIDTH + 4];
    scoreHalves[1] = this.table[k * WIDTH + 5];
    return scoreBits[0];
  }

  private candidate(k: number): Candidate {
    const at = k * WIDTH;
    const mention = this.holder.mentions.at(this.table[at + 1]);
    const candidate: Candidate = { mention, score: this.score(k), sentence: { start: this.table[at + 2], end: this.table[at + 3] } };
    const date = dateOfPassage(this.holder, mention.passage);
    if (date) candidate.date = date;
    return candidate;
  }
}
