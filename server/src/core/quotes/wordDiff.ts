// Where a misquotation differs from its source, word by word: the quotation's words aligned with
// the source's (a gap, "…" or "[…]", absorbs any run of source words; the source may go on before
// and after), and each run of words changed, added or left out given as the note's range and the
// source's words there. The check (align.ts) says *that* a quotation differs; this says *where*.

import { isGap, type QuoteToken, type QuoteWord } from './quoteWords';

export interface WordDifference {
  /** The note's words that differ ([start, end) of the note); for words left out, the word they were left out before (or after, at the end). */
  start: number;
  end: number;
  /** What the note has there ('' when it left the source's words out). */
  quoted: string;
  /** What the source has there ('' when the note added words). */
  source: string;
}

/** Larger tables are not worked out: the message then names the whole quotation. */
const MAX_CELLS = 2_000_000;

type Step = 'match' | 'change' | 'added' | 'dropped' | 'gap' | 'skip';
/** Each cell's step, as the table keeps it (a byte). */
const STEPS: readonly Step[] = ['skip', 'match', 'change', 'added', 'dropped', 'gap'];
const CODE = Object.fromEntries(STEPS.map((s, i) => [s, i])) as Record<Step, number>;

/**
 * The runs of differences between a quotation (its tokens, offsets in `noteText`) and the source
 * words it was matched with (offsets in `sourceText`), in the note's order; undefined when the
 * quotation is too long to work this out.
 */
export function wordDifferences(tokens: readonly QuoteToken[], noteText: string, words: readonly QuoteWord[], sourceText: string): WordDifference[] | undefined {
  const n = tokens.length;
  const m = words.length;
  if (!n || (n + 1) * (m + 1) > MAX_CELLS) return undefined;
  const width = m + 1;
  const cost = new Float64Array((n + 1) * width);
  const step = new Uint8Array((n + 1) * width);
  // The quotation may start anywhere in the source: the first row costs nothing (a 'skip', code 0).
  step.fill(CODE.skip, 1, width);
  for (let i = 1; i <= n; i++) {
    const token = tokens[i - 1];
    const row = i * width;
    const above = (i - 1) * width;
    for (let j = 0; j <= m; j++) {
      let best: number;
      let how: Step;
      if (isGap(token)) {
        // A gap stands for any run of source words, none included.
        best = cost[above + j];
        how = 'gap';
        if (j > 0 && cost[row + j - 1] < best) {
          best = cost[row + j - 1];
          how = 'skip';
        }
      } else {
        best = cost[above + j] + 1;
        how = 'added';
        if (j > 0) {
          const same = words[j - 1].key === token.key;
          const diagonal = cost[above + j - 1] + (same ? 0 : 1);
          if (diagonal < best || (diagonal === best && same)) {
            best = diagonal;
            how = same ? 'match' : 'change';
          }
          if (cost[row + j - 1] + 1 < best) {
            best = cost[row + j - 1] + 1;
            how = 'dropped';
          }
        }
      }
      cost[row + j] = best;
      step[row + j] = CODE[how];
    }
  }
  // The source may go on after the quotation: the cheapest end in the last row.
  let j = 0;
  for (let k = 1; k <= m; k++) if (cost[n * width + k] < cost[n * width + j]) j = k;
  const path: { step: Step; token?: QuoteToken | undefined; word?: QuoteWord | undefined }[] = [];
  let i = n;
  while (i > 0) {
    const how = STEPS[step[i * width + j]];
    const token = how === 'dropped' || how === 'skip' ? undefined : tokens[i - 1];
    const word = how === 'match' || how === 'change' || how === 'dropped' ? words[j - 1] : undefined;
    // A 'skip' is a source word a gap absorbed.
    if (how !== 'skip') path.push({ step: how, token, word });
    if (token) i--;
    if (word || how === 'skip') j--;
  }
  path.reverse();
  return runsOf(path, noteText, sourceText);
}

function runsOf(path: { step: Step; token?: QuoteToken | undefined; word?: QuoteWord | undefined }[], noteText: string, sourceText: string): WordDifference[] {
  const differences: WordDifference[] = [];
  for (let k = 0; k < path.length; ) {
    if (path[k].step === 'match' || path[k].step === 'gap') {
      k++;
      continue;
    }
    const run = [];
    while (k < path.length && path[k].step !== 'match' && path[k].step !== 'gap') run.push(path[k++]);
    const noted = run.filter((p) => p.token).map((p) => p.token!);
    const sourced = run.filter((p) => p.word).map((p) => p.word!);
    let start: number;
    let end: number;
    if (noted.length) [start, end] = [noted[0].start, noted[noted.length - 1].end];
    else {
      // Words left out: shown on the word after them, or the one before at the end.
      const after = path.slice(k).find((p) => p.token && !isGap(p.token))?.token;
      const before = [...path.slice(0, k - run.length)].reverse().find((p) => p.token && !isGap(p.token))?.token;
      const anchor = after ?? before!;
      [start, end] = [anchor.start, anchor.end];
    }
    differences.push({
      start,
      end,
      quoted: noted.length ? noteText.slice(start, end).replace(/\s+/g, ' ') : '',
      source: sourced.length ? sourceText.slice(sourced[0].start, sourced[sourced.length - 1].end).replace(/\s+/g, ' ') : '',
    });
  }
  return differences;
}
