// The verdict on each quotation of a note: found verbatim, close to a source sentence (a
// misquotation, with the source's exact words), or nowhere near the corpus.

import type { IndexedDocument } from '../analysis/analyseDocument';
import { findQuotations, type Quotation } from './quotations';
import type { QuoteIndex } from './quoteIndex';

export type QuoteVerdict =
  | { type: 'verbatim'; quotation: Quotation; doc: IndexedDocument; start: number; end: number }
  | { type: 'misquoted'; quotation: Quotation; doc: IndexedDocument; start: number; end: number; edits: number }
  | { type: 'notFound'; quotation: Quotation };

/** How many words may be added, dropped or changed before a quotation is no longer "close". */
export function allowedEdits(words: number): number {
  return Math.max(2, Math.floor(words * 0.25));
}

export function checkQuotations(text: string, index: QuoteIndex): QuoteVerdict[] {
  return findQuotations(text).map((quotation) => checkQuotation(quotation, index));
}

export function checkQuotation(quotation: Quotation, index: QuoteIndex): QuoteVerdict {
  const match = index.match(quotation.tokens);
  if (!match || match.edits > allowedEdits(match.words)) return { type: 'notFound', quotation };
  const place = { quotation, doc: match.doc, start: match.start, end: match.end };
  return match.edits === 0 ? { type: 'verbatim', ...place } : { type: 'misquoted', ...place, edits: match.edits };
}
