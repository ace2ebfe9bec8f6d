// Sentences: the one way the core finds the sentence around an offset, and the ways it shows one
// (a quote folded and cut around a mention, a snippet that starts with the mention).

import { isWordCode } from './words';

export interface Span {
  start: number;
  end: number;
}

/**
 * Abbreviations after which a full stop does not end a sentence: English titles and Latin ones,
 * Russian ones ("2024 г.", "2023–2024 гг.", "т. е.", "тыс."), and an initial ("А. Сидоров").
 */
const NON_TERMINAL = /(?<![\p{L}\p{N}])(?:Mr|Mrs|Ms|Dr|St|No|Gen|Col|Lt|Maj|Capt|Sgt|Prof|etc|vs|e\.g|i\.e|Art|para|г|гг|т\.\s?е|т\.\s?д|т\.\s?п|им|ул|тыс|млн|млрд|ген|см|стр|\p{Lu})\.$/u;
const MAX_REACH = 700;
/** The most letters or digits NON_TERMINAL's words have before their full stop ("Capt", "млрд", "т. е"). */
const LONGEST_ABBREVIATION = 4;

/**
 * The sentence around an offset, bounded by `limit` (the passage). Sentences end at ". ! ? ;"
 * followed by white space, and at line breaks (each line of a source page is a paragraph).
 */
export function sentenceAround(text: string, offset: number, limit: Span): Span {
  const { start, end } = scanSentence(text, offset, limit);
  return { start, end };
}

/** The sentence around an offset, with where its scan backwards stopped (before white space is skipped). */
function scanSentence(text: string, offset: number, limit: Span): { from: number; start: number; end: number } {
  const floor = Math.max(limit.start, offset - MAX_REACH);
  const ceiling = Math.min(limit.end, offset + MAX_REACH);
  let start = offset;
  while (start > floor) {
    const c = text.charCodeAt(start - 1);
    if (c === 10 || c === 13) break;
    if (isWhiteSpace(c) && isTerminal(text, start - 2)) break;
    start--;
  }
  let end = offset;
  while (end < ceiling) {
    const c = text.charCodeAt(end);
    if (c === 10 || c === 13) break;
    if (isTerminal(text, end) && (end + 1 >= text.length || isWhiteSpace(text.charCodeAt(end + 1)))) {
      end++;
      break;
    }
    end++;
  }
  const from = start;
  while (start < end && isWhiteSpace(text.charCodeAt(start))) start++;
  return { from, start, end };
}

/**
 * `sentenceAround` for the offsets of one text, mostly in order (its mentions): a sentence found
 * is given again for a later offset inside it, without a scan. The answer is always the one
 * `sentenceAround` gives; a sentence is kept only when its scan found both of its ends (not cut
 * by the reach) from an offset that is no white space (the space after a full stop belongs to
 * the sentences on both sides of it).
 */
export class SentenceFinder {
  private limitStart = -1;
  private limitEnd = -1;
  /** The kept sentence: where its scan stopped backwards, its start, its end. */
  private from = 0;
  private start = 0;
  private end = -1;

  constructor(private readonly text: string) {}

  around(offset: number, limit: Span): Span {
    if (limit.start === this.limitStart && limit.end === this.limitEnd && offset >= this.from && offset < this.end && offset - MAX_REACH <= this.from && offset + MAX_REACH >= this.end) {
      return { start: this.start, end: this.end };
    }
    const found = scanSentence(this.text, offset, limit);
    const whole = (found.from > offset - MAX_REACH || found.from === limit.start) && (found.end < offset + MAX_REACH || found.end === limit.end);
    if (whole && !isWhiteSpace(this.text.charCodeAt(offset))) {
      this.limitStart = limit.start;
      this.limitEnd = limit.end;
      this.from = found.from;
      this.start = found.start;
      this.end = found.end;
    } else {
      this.end = -1;
    }
    return { start: found.start, end: found.end };
  }
}

/** What `\s` matches in a JavaScript regular expression, by char code. */
export function isWhiteSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function isTerminal(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c === 33 || c === 63 || c === 59) return true;
  if (c !== 46) return false;
  // After a run of letters or digits longer than any abbreviation ("forces."), the stop ends the
  // sentence without the pattern being tried; so it does after none, unless the character before
  // it is half of a letter outside the first plane (a surrogate), which the pattern reads whole.
  let run = 0;
  while (run <= LONGEST_ABBREVIATION && at - run > 0 && isWordCode(text.charCodeAt(at - run - 1))) run++;
  if (run > LONGEST_ABBREVIATION) return true;
  const previous = at > 0 ? text.charCodeAt(at - 1) : 0;
  if (run === 0 && (previous < 0xd800 || previous > 0xdfff)) return true;
  const before = text.slice(Math.max(0, at - 6), at + 1);
  if (!NON_TERMINAL.test(before)) return true;
  // "основана в 1992 г. Совет …": the year's "г." ends a sentence when a capital follows it.
  return YEAR_WORD.test(before) && /^\s+\p{Lu}/u.test(text.slice(at + 1, at + 4));
}

/** The Russian "year(s)" cut short after a number: "2024 г.", "2023–2024 гг.". */
const YEAR_WORD = /\d\s*гг?\.$/u;

/** A sentence for display: white space folded, cut around the mention when it is long. */
export function quoteSentence(text: string, sentence: Span, mention: Span, max = 280): string {
  const squeezeSlice = (from: number, to: number) => text.slice(from, to).replace(/\s+/g, ' ');
  if (sentence.end - sentence.start <= max) return squeezeSlice(sentence.start, sentence.end).trim();
  const room = Math.max(0, max - (mention.end - mention.start));
  let from = Math.max(sentence.start, mention.start - Math.floor(room / 2));
  const to = Math.min(sentence.end, from + max);
  from = Math.max(sentence.start, to - max);
  const head = from > sentence.start ? '\u2026' : '';
  const tail = to < sentence.end ? '\u2026' : '';
  // Cut at word boundaries.
  let body = squeezeSlice(from, to);
  if (head) body = body.replace(/^\S*\s/, '');
  if (tail) body = body.replace(/\s\S*$/, '');
  return `${head}${body.trim()}${tail}`;
}

/**
 * A one-line snippet of the sentence around a mention that starts a little before it, with the
 * mention's place in the snippet (for highlighting in a list).
 */
export function mentionSnippet(text: string, sentence: Span, mention: Span, before = 30, max = 140): { text: string; highlight: [number, number] } {
  let from = Math.max(sentence.start, mention.start - before);
  if (from > sentence.start) {
    const space = text.indexOf(' ', from);
    if (space >= 0 && space < mention.start) from = space + 1;
  }
  const to = Math.min(sentence.end, Math.max(mention.end, from + max));
  const head = from > sentence.start ? '\u2026' : '';
  const tail = to < sentence.end ? '\u2026' : '';
  const flat = (a: number, b: number) => text.slice(a, b).replace(/[\r\n\t]/g, ' ');
  const start = head.length + flat(from, mention.start).length;
  return { text: `${head}${flat(from, to)}${tail}`, highlight: [start, start + flat(mention.start, mention.end).length] };
}
