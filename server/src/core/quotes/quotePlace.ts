// What "Insert Quote in Note" takes from a corpus document: the sentence at a place, a paragraph of
// a passage in whole sentences (never its heading or date line, a byline or site boilerplate), or
// the words an analyst selected.

import { innermostPassage, type IndexedDocument } from '../analysis/analyseDocument';
import { sentenceAround } from '../text/sentences';

/** A paragraph of a passage worth quoting: whole sentences up to this long. */
const MAX_PASSAGE_QUOTE = 600;
/** A paragraph of fewer words is a heading, a date or a caption, not something to quote. */
const MIN_PARAGRAPH_WORDS = 5;

export type QuoteScope = 'sentence' | 'passage';
/** Where to quote from in a corpus document: the sentence or passage at an offset, or a selection. */
export type QuotePlace = { uri: string; offset: number; scope: QuoteScope } | { uri: string; start: number; end: number };

/** The span of `text` (the document's) to quote at `offset`: the sentence there, or its passage's first paragraph. */
export function placeToQuote(doc: IndexedDocument, text: string, offset: number, scope: QuoteScope): { start: number; end: number } {
  // A passage with no paragraph to quote (a heading only) gives the sentence at the offset.
  const first = scope === 'passage' ? paragraphsOf(doc, text, offset)[0] : undefined;
  if (first) return wholeSentences(text, first);
  return sentenceAround(text, offset, innermostPassage(doc.passages, offset) ?? { start: 0, end: text.length });
}

/**
 * The paragraphs of the passage at `offset` an analyst may quote, in order: lines of text of five
 * words or more, leaving out the passage's heading line and any line of a byline or boilerplate
 * passage inside it (times, authors, "Share", navigation).
 */
export function paragraphsOf(doc: IndexedDocument, text: string, offset: number): { start: number; end: number }[] {
  const passage = innermostPassage(doc.passages, offset);
  if (!passage || passage.kind === 'byline' || passage.kind === 'boilerplate') return [];
  // A section's article holds it: the article's paragraphs are the section's too, and the reverse.
  const skipped = doc.passages.filter((p) => (p.kind === 'byline' || p.kind === 'boilerplate') && p.start < passage.end && p.end > passage.start);
  const paragraphs: { start: number; end: number }[] = [];
  let at = passage.start;
  let heading = true;
  while (at < passage.end) {
    const newline = text.indexOf('\n', at);
    const lineEnd = newline < 0 || newline > passage.end ? passage.end : newline;
    let start = at;
    let end = lineEnd;
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (end > start) {
      const inSkipped = skipped.some((p) => start < p.end && end > p.start);
      if (!heading && !inSkipped && countWords(text, start, end) >= MIN_PARAGRAPH_WORDS) paragraphs.push({ start, end });
      heading = false;
    }
    at = lineEnd + 1;
  }
  return paragraphs;
}

/** A paragraph cut to whole sentences of at most MAX_PASSAGE_QUOTE characters (at least its first). */
function wholeSentences(text: string, paragraph: { start: number; end: number }): { start: number; end: number } {
  let end = paragraph.start;
  while (end < paragraph.end) {
    const sentence = sentenceAround(text, end, paragraph);
    if (sentence.end <= end || (sentence.end - paragraph.start > MAX_PASSAGE_QUOTE && end > paragraph.start)) break;
    end = sentence.end;
    while (end < paragraph.end && /\s/.test(text[end])) end++;
  }
  // No whole sentence fits: the paragraph's start, cut.
  if (end === paragraph.start) end = Math.min(paragraph.end, paragraph.start + MAX_PASSAGE_QUOTE);
  while (end > paragraph.start && /\s/.test(text[end - 1])) end--;
  return { start: paragraph.start, end };
}

/**
 * The words an analyst selected, as they are quoted: white space at the ends left out, and a word
 * the selection cuts taken whole (a quotation never starts or ends inside a word). Undefined for a
 * selection with no word in it.
 */
export function selectedWords(text: string, start: number, end: number): { start: number; end: number } | undefined {
  let from = Math.max(0, Math.min(start, end));
  let to = Math.min(text.length, Math.max(start, end));
  while (from < to && /\s/.test(text[from])) from++;
  while (to > from && /\s/.test(text[to - 1])) to--;
  if (!/[\p{L}\p{N}]/u.test(text.slice(from, to))) return undefined;
  while (from > 0 && /[\p{L}\p{N}'\u2019-]/u.test(text[from - 1]) && /[\p{L}\p{N}]/u.test(text[from])) from--;
  while (to < text.length && /[\p{L}\p{N}'\u2019-]/u.test(text[to]) && /[\p{L}\p{N}]/u.test(text[to - 1])) to++;
  return { start: from, end: to };
}

function countWords(text: string, start: number, end: number): number {
  return text.slice(start, end).match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}
