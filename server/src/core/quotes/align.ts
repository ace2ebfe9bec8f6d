// A quotation aligned word by word with a run of source words: words added, dropped or changed
// cost one each, a gap ("…", "[the CSTO]") absorbs any run of source words, and the source may
// go on before and after. The table is filled a row at a time, so a long quotation can be
// aligned in slices between requests.

import { isGap, type QuoteToken, type QuoteWord } from './quoteWords';

/**
 * The cheapest alignment of a quotation inside a run of source words: words added, dropped or
 * changed cost one each; a gap absorbs any run of source words; the source may go on before and after.
 */
export function alignWords(tokens: readonly QuoteToken[], source: readonly QuoteWord[]): { from: number; to: number; edits: number } | undefined {
  const aligner = new WordAligner(tokens, source);
  aligner.advance(Infinity, Date.now);
  return aligner.result();
}

/** Cells of the alignment table worked between two looks at the clock. */
const CELLS_PER_CLOCK = 16384;

/**
 * alignWords as a table filled one row (quotation word) at a time, so that a long quotation can be
 * aligned in slices: `advance` stops at the deadline and goes on from there at the next call.
 */
export class WordAligner {
  private row = 0;
  // cost[j], origin[j]: the cheapest alignment of tokens[0..row) ending before source word j, and where it began.
  private cost: Float64Array;
  private origin: Int32Array;
  private next: Float64Array;
  private nextOrigin: Int32Array;

  constructor(
    private readonly tokens: readonly QuoteToken[],
    private readonly source: readonly QuoteWord[],
  ) {
    const n = source.length;
    this.cost = new Float64Array(n + 1);
    this.origin = new Int32Array(n + 1);
    for (let j = 0; j <= n; j++) this.origin[j] = j;
    this.next = new Float64Array(n + 1);
    this.nextOrigin = new Int32Array(n + 1);
  }

  /** Fills rows until the table is done (true) or the deadline has passed (false). */
  advance(deadline: number, now: () => number): boolean {
    const { tokens, source } = this;
    const n = source.length;
    if (!n) return true;
    let cells = 0;
    for (; this.row < tokens.length; this.row++) {
      if (cells >= CELLS_PER_CLOCK) {
        if (now() >= deadline) return false;
        cells = 0;
      }
      cells += n;
      const i = this.row;
      const { cost, origin, next, nextOrigin } = this;
      const token = tokens[i];
      const gap = isGap(token);
      for (let j = 0; j <= n; j++) {
        // A gap absorbs any run of source words; a word the quotation has and the source lacks costs one.
        next[j] = gap ? cost[j] : cost[j] + 1;
        nextOrigin[j] = origin[j];
        if (j === 0) continue;
        if (gap) {
          if (next[j - 1] < next[j]) {
            next[j] = next[j - 1];
            nextOrigin[j] = nextOrigin[j - 1];
          }
          continue;
        }
        const step = cost[j - 1] + (source[j - 1].key === token.key ? 0 : 1);
        if (step < next[j]) {
          next[j] = step;
          nextOrigin[j] = origin[j - 1];
        }
        // A source word the quotation dropped.
        if (i > 0 && next[j - 1] + 1 < next[j]) {
          next[j] = next[j - 1] + 1;
          nextOrigin[j] = nextOrigin[j - 1];
        }
      }
      [this.cost, this.next] = [next, cost];
      [this.origin, this.nextOrigin] = [nextOrigin, origin];
    }
    return true;
  }

  /** The alignment, once `advance` said the table is done. */
  result(): { from: number; to: number; edits: number } | undefined {
    const n = this.source.length;
    if (!this.tokens.length || !n) return undefined;
    const { cost, origin } = this;
    let best = -1;
    for (let j = 1; j <= n; j++) if (best < 0 || cost[j] < cost[best]) best = j;
    if (best < 0) return undefined;
    return { from: Math.min(origin[best], best - 1), to: best - 1, edits: cost[best] };
  }
}
