// What "Insert Quote in Note" takes from a corpus document: the sentence at a place, or the first
// paragraph of a passage in whole sentences (never its heading or date line).

import { innermostPassage, type IndexedDocument } from '../analysis/analyseDocument';
import { sentenceAround } from '../text/sentences';

/** A paragraph of a passage worth quoting: its first after the heading line, whole sentences up to this long. */
const MAX_PASSAGE_QUOTE = 600;

export type QuoteScope = 'sentence' | 'passage';

/** The span of `text` (the document's) to quote at `offset`: the sentence there, or its passage's first paragraph. */
export function placeToQuote(doc: IndexedDocument, text: string, offset: number, scope: QuoteScope): { start: number; end: number } {
  const passage = innermostPassage(doc.passages, offset);
  const limit = passage ?? { start: 0, end: text.length };
  if (scope === 'sentence') return sentenceAround(text, offset, limit);
  // A passage: its first paragraph after the heading (or date) line, in whole sentences.
  let at = text.indexOf('\n', limit.start);
  while (at >= 0 && at < limit.end && /\s/.test(text[at])) at++;
  if (at < 0 || at >= limit.end) at = limit.start;
  const newline = text.indexOf('\n', at);
  const paragraphEnd = newline < 0 ? limit.end : Math.min(limit.end, newline);
  let end = at;
  while (end < paragraphEnd) {
    const sentence = sentenceAround(text, end, { start: at, end: paragraphEnd });
    if (sentence.end <= end || (sentence.end - at > MAX_PASSAGE_QUOTE && end > at)) break;
    end = sentence.end;
    while (end < paragraphEnd && /\s/.test(text[end])) end++;
  }
  // No whole sentence fits: the paragraph's start, cut.
  if (end === at) end = Math.min(paragraphEnd, at + MAX_PASSAGE_QUOTE);
  return { start: at, end };
}
