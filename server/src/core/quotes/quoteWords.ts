// Quotations as words: case, punctuation, typographic quotes and line breaks do not matter when a
// quotation is compared with its source; "…" or "..." stands for words left out and [square
// brackets] for words the quoting writer put in.

export interface QuoteWord {
  /** Lower case, apostrophes folded, the Russian "ё" as "е", accents kept. */
  key: string;
  start: number;
  end: number;
}

/** A word of a quotation, or a place where it leaves words out ("…", "[the CSTO]"). */
export type QuoteToken = QuoteWord | { gap: true; start: number; end: number };

const WORD = /[\p{L}\p{N}]+(?:['\u2019][\p{L}]+)*/gu;
/** WORD's twin for countWords, which moves its lastIndex (nothing else uses it). */
const COUNTED = new RegExp(WORD.source, 'gu');
const TOKEN = /(\u2026|\.\.\.|\[[^\]\n]{0,200}\])|[\p{L}\p{N}]+(?:['\u2019][\p{L}]+)*/gu;

export function wordKey(word: string): string {
  const key = word.toLowerCase().replace(/\u2019/g, "'");
  // Russian writes "ё" or "е" as the writer pleases ("Объединённый", "Объединенный"): one word.
  return key.includes('\u0451') ? key.replace(/\u0451/g, '\u0435') : key;
}

/** The words of a source text between two offsets. */
export function wordsOf(text: string, from = 0, to = text.length): QuoteWord[] {
  const words: QuoteWord[] = [];
  WORD.lastIndex = 0;
  const slice = text.slice(from, to);
  for (const match of slice.matchAll(WORD)) words.push({ key: wordKey(match[0]), start: from + match.index, end: from + match.index + match[0].length });
  return words;
}

/** The words of a quotation, with its gaps (an ellipsis, an insertion in brackets) as gap tokens. */
export function quoteTokens(text: string, from = 0, to = text.length): QuoteToken[] {
  const tokens: QuoteToken[] = [];
  const slice = text.slice(from, to);
  for (const match of slice.matchAll(TOKEN)) {
    const start = from + match.index;
    const end = start + match[0].length;
    if (match[1]) {
      if (!isGap(tokens.at(-1))) tokens.push({ gap: true, start, end });
    } else tokens.push({ key: wordKey(match[0]), start, end });
  }
  return tokens;
}

export function isGap(token: QuoteToken | undefined): token is { gap: true; start: number; end: number } {
  return !!token && 'gap' in token;
}

/** How many words the text has between two offsets, counted no further than `limit`. */
export function countWords(text: string, from: number, to: number, limit: number): number {
  const word = COUNTED;
  word.lastIndex = from;
  let count = 0;
  for (let match = word.exec(text); match && match.index < to && count < limit; match = word.exec(text)) {
    // A word that runs past `to` is cut there: it still counts, as quoteTokens would count it.
    count++;
  }
  return count;
}

/** How many words a quotation has (gaps left out). */
export function wordCount(tokens: readonly QuoteToken[]): number {
  let count = 0;
  for (const token of tokens) if (!isGap(token)) count++;
  return count;
}
