// A document's definition candidates (per entity or edition, the mention whose sentence defines
// it best) as rows of numbers: the mention's row, the sentence's start and end, and the score.
// An object per candidate, each with its own mention and sentence objects, was about 90 bytes a
// candidate and 130,000 candidates on the 10,000-document bench. `get` makes the candidate asked for.

import { dateOfPassage, type Passage } from '../model';
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

export class DefinitionCandidates implements Iterable<[string, Candidate]> {
  private readonly keys: string[] = [];
  private readonly rows: Int32Array;
  private readonly scores: Float64Array;

  /** `rows` by key (definitionKey); the keys are kept through `strings`. */
  constructor(
    private readonly holder: CandidateHolder,
    rows: Iterable<[string, CandidateRow]>,
    strings: Interner,
  ) {
    const list = [...rows];
    this.rows = new Int32Array(list.length * 3);
    this.scores = new Float64Array(list.length);
    list.forEach(([key, row], k) => {
      this.keys.push(strings.get(key));
      this.rows.set([row.mention, row.start, row.end], k * 3);
      this.scores[k] = row.score;
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
    return this.keys.length;
  }

  get(key: string): Candidate | undefined {
    const k = this.keys.indexOf(key);
    return k < 0 ? undefined : this.candidate(k);
  }

  /** The candidate as numbers, for the snapshot. */
  row(k: number): [string, CandidateRow] {
    return [this.keys[k], { mention: this.rows[k * 3], start: this.rows[k * 3 + 1], end: this.rows[k * 3 + 2], score: this.scores[k] }];
  }

  *[Symbol.iterator](): Iterator<[string, Candidate]> {
    for (let k = 0; k < this.keys.length; k++) yield [this.keys[k], this.candidate(k)];
  }

  *values(): IterableIterator<Candidate> {
    for (let k = 0; k < this.keys.length; k++) yield this.candidate(k);
  }

  private candidate(k: number): Candidate {
    const mention = this.holder.mentions.at(this.rows[k * 3]);
    const candidate: Candidate = { mention, score: this.scores[k], sentence: { start: this.rows[k * 3 + 1], end: this.rows[k * 3 + 2] } };
    const date = dateOfPassage(this.holder, mention.passage);
    if (date) candidate.date = date;
    return candidate;
  }
}
