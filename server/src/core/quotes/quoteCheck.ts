// The verdict on each quotation of a note: found verbatim, close to a source sentence (a
// misquotation, with the source's exact words), nowhere near the corpus, or too long to check.

import type { IndexedDocument } from '../analysis/analyseDocument';
import { findQuotations, type Quotation } from './quotations';
import type { MatchTask, QuoteIndex } from './quoteIndex';

export type QuoteVerdict =
  | { type: 'verbatim'; quotation: Quotation; doc: IndexedDocument; start: number; end: number }
  | { type: 'misquoted'; quotation: Quotation; doc: IndexedDocument; start: number; end: number; edits: number }
  | { type: 'notFound'; quotation: Quotation }
  /** Longer than MAX_QUOTATION_WORDS: not checked. */
  | { type: 'tooLong'; quotation: Quotation };

/**
 * Quotations longer than this are not checked: no source sentence run is that long, and aligning
 * one costs the square of its length (a 100,000-word "quotation" held the server for seconds).
 */
export const MAX_QUOTATION_WORDS = 1000;

/** How many words may be added, dropped or changed before a quotation is no longer "close". */
export function allowedEdits(words: number): number {
  return Math.max(2, Math.floor(words * 0.25));
}

export function checkQuotations(text: string, index: QuoteIndex): QuoteVerdict[] {
  return findQuotations(text).map((quotation) => checkQuotation(quotation, index));
}

export function checkQuotation(quotation: Quotation, index: QuoteIndex): QuoteVerdict {
  return new QuotationCheck(quotation, index).run(Infinity)!;
}

/** One quotation's check, done in slices: `run` answers the verdict once the work is done. */
export class QuotationCheck {
  private readonly task: MatchTask | undefined;

  constructor(
    readonly quotation: Quotation,
    index: QuoteIndex,
    now: () => number = Date.now,
  ) {
    // Counted no further than the limit: a quotation of millions of words is never tokenized.
    if (quotation.wordsUpTo(MAX_QUOTATION_WORDS + 1) <= MAX_QUOTATION_WORDS) this.task = index.startMatch(quotation.tokens, now);
  }

  /** The verdict, or undefined when the deadline came first (call again). */
  run(deadline: number): QuoteVerdict | undefined {
    const { quotation } = this;
    if (!this.task) return { type: 'tooLong', quotation };
    const match = this.task.run(deadline);
    if (match === undefined) return undefined;
    if (!match || match.edits > allowedEdits(match.words)) return { type: 'notFound', quotation };
    const place = { quotation, doc: match.doc, start: match.start, end: match.end };
    return match.edits === 0 ? { type: 'verbatim', ...place } : { type: 'misquoted', ...place, edits: match.edits };
  }
}
