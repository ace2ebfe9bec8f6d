// The quotations of a note: Markdown blockquotes (with the citation line that may close them) and
// passages in double, typographic or guillemet quotes of eight words or more.

import { countWords, quoteTokens, wordCount, type QuoteToken } from './quoteWords';

export interface Citation {
  /** The whole citation line's content ("— [Title, 30 May 2022](corpus/x.txt#L42)"). */
  start: number;
  end: number;
  /** The link's target, when the line holds a Markdown link, and where it is in the note. */
  target?: { text: string; start: number; end: number };
}

export interface Quotation {
  kind: 'blockquote' | 'inline';
  /** The quoted text: for a blockquote, from its first word to the end of its last quoted line. */
  start: number;
  end: number;
  /** Its words and gaps, made when first asked for (finding the quotations of a note does not need them). */
  readonly tokens: QuoteToken[];
  /** How many words it has, counted no further than `limit`. */
  wordsUpTo(limit: number): number;
  citation?: Citation;
}

function quotation(text: string, kind: Quotation['kind'], start: number, end: number, citation?: Citation): Quotation {
  let tokens: QuoteToken[] | undefined;
  return {
    kind,
    start,
    end,
    get tokens() {
      return (tokens ??= quoteTokens(text, start, end));
    },
    wordsUpTo: (limit) => (tokens ? Math.min(limit, wordCount(tokens)) : countWords(text, start, end, limit)),
    ...(citation ? { citation } : {}),
  };
}

/** Inline quotations shorter than this are names and phrases, not quotations. */
export const MIN_INLINE_WORDS = 8;
/** A blockquote of fewer words is a remark, not a quotation ("> Note:"). */
const MIN_BLOCK_WORDS = 4;
const BLOCK_LINE = /^[ \t]{0,3}>[ \t]?/;
/** An attribution line: a dash, then whatever names the source. */
const CITATION = /^[ \t]*(?:\u2014|\u2013|--?)[ \t]*\S/;
const LINK = /\[[^\]\n]*\]\(([^)\s]+)\)/;
/** Each opening quote mark and the mark that closes it: English, and Russian «…» with its inner „…“. */
const PAIRS: Record<string, string> = { '"': '"', '\u201c': '\u201d', '\u00ab': '\u00bb', '\u201e': '\u201c' };
const OPENING = /["\u201c\u00ab\u201e]/;

export function findQuotations(text: string): Quotation[] {
  const quotations: Quotation[] = [];
  const blocks: { start: number; end: number }[] = [];
  const lines = text.split('\n');
  let offset = 0;
  let block: { start: number; end: number; lines: { start: number; end: number }[] } | undefined;
  const close = () => {
    if (block) finishBlock(text, block.lines, quotations, blocks);
    block = undefined;
  };
  for (const line of lines) {
    const lineEnd = offset + line.replace(/\r$/, '').length;
    const marker = BLOCK_LINE.exec(line);
    if (marker) {
      block ??= { start: offset, end: lineEnd, lines: [] };
      block.lines.push({ start: offset + marker[0].length, end: lineEnd });
    } else close();
    offset += line.length + 1;
  }
  close();
  findInline(text, blocks, quotations);
  return quotations.sort((a, b) => a.start - b.start);
}

function finishBlock(text: string, lines: { start: number; end: number }[], quotations: Quotation[], blocks: { start: number; end: number }[]): void {
  blocks.push({ start: lines[0].start, end: lines[lines.length - 1].end });
  // Quoted lines, then the citation that closes the quotation (if any).
  let last = lines.length - 1;
  while (last >= 0 && !text.slice(lines[last].start, lines[last].end).trim()) last--;
  if (last < 0) return;
  let citation: Citation | undefined;
  const lastLine = lines[last];
  if (CITATION.test(text.slice(lastLine.start, lastLine.end))) {
    citation = { start: lastLine.start, end: lastLine.end };
    const link = LINK.exec(text.slice(lastLine.start, lastLine.end));
    if (link) {
      const start = lastLine.start + link.index + link[0].length - link[1].length - 1;
      citation.target = { text: link[1], start, end: start + link[1].length };
    }
    last--;
  }
  let first = 0;
  while (first <= last && !text.slice(lines[first].start, lines[first].end).trim()) first++;
  if (first > last) return;
  const start = lines[first].start;
  const end = lines[last].end;
  if (countWords(text, start, end, MIN_BLOCK_WORDS) < MIN_BLOCK_WORDS) return;
  quotations.push(quotation(text, 'blockquote', start, end, citation));
}

function findInline(text: string, blocks: { start: number; end: number }[], quotations: Quotation[]): void {
  // Blocks come in text order and `at` only grows: one pointer, not a search per quote mark.
  let block = 0;
  const inBlock = (at: number) => {
    while (block < blocks.length && blocks[block].end < at) block++;
    return block < blocks.length && at >= blocks[block].start;
  };
  const opening = new RegExp(OPENING.source, 'g');
  for (let found = opening.exec(text); found; found = opening.exec(text)) {
    const at = found.index;
    const closing = PAIRS[text[at]];
    if (inBlock(at)) continue;
    // A straight quote opens only where a word starts after it.
    if (text[at] === '"' && !/[\p{L}\p{N}\u2026.[]/u.test(text[at + 1] ?? '')) continue;
    const end = findClosing(text, at + 1, closing, text[at] === '\u00ab' ? '\u00ab' : undefined);
    if (end < 0) continue;
    if (countWords(text, at + 1, end, MIN_INLINE_WORDS) >= MIN_INLINE_WORDS) quotations.push(quotation(text, 'inline', at + 1, end));
    opening.lastIndex = end + 1;
  }
}

/**
 * Where a quotation opened before `from` closes: not past a blank line, nor 3,000 characters.
 * With `nested` (the Russian «), a mark that opens inside is closed first: «Учение «Поиск-2024»
 * прошло …» is one quotation, the code name's quotes in it.
 */
function findClosing(text: string, from: number, closing: string, nested?: string): number {
  const limit = Math.min(text.length, from + 3000);
  let depth = 0;
  for (let i = from; i < limit; i++) {
    if (text[i] === nested) depth++;
    else if (text[i] === closing && depth > 0) depth--;
    else if (text[i] === closing) return i;
    if (text[i] === '\n' && /^\n[ \t]*\n/.test(text.slice(i, i + 40))) return -1;
  }
  return -1;
}
