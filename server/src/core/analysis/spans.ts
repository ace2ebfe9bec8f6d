// Spans of text that compete for the same characters: an overlap test over sorted spans, and the
// choice among overlapping candidates by priority, then length.

import type { FoundMention, Mention } from '../model';

/** A mention that competes with others: lower priority wins when they overlap. */
export interface Ranked extends FoundMention {
  priority: number;
}

/** The mention (of mentions sorted by end) that ends last at or before an offset. */
export function lastEndingBefore<M extends Mention>(byEnd: readonly M[], offset: number): M | undefined {
  let low = 0;
  let high = byEnd.length - 1;
  let found: M | undefined;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (byEnd[mid].end <= offset) {
      found = byEnd[mid];
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/**
 * The candidates that win their characters: by priority, then the longer, then the earlier. Each
 * winner marks its characters in a table over the text, so that a candidate is tested against the
 * winners in the time of its own length (a sorted list of winners took quadratic time to keep for
 * a text with a million candidates).
 */
export function resolveOverlaps<T extends FoundMention & { priority: number }>(candidates: T[]): T[] {
  const sorted = [...candidates].sort((a, b) => a.priority - b.priority || b.end - b.start - (a.end - a.start) || a.start - b.start);
  let limit = 0;
  for (const candidate of candidates) limit = Math.max(limit, candidate.end);
  const claimed = new Uint8Array(limit);
  const kept: T[] = [];
  for (const candidate of sorted) {
    if (anyClaimed(claimed, candidate.start, candidate.end)) continue;
    claimed.fill(1, candidate.start, candidate.end);
    kept.push(candidate);
  }
  return kept.sort((a, b) => a.start - b.start);
}

function anyClaimed(claimed: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (claimed[i]) return true;
  return false;
}

export function stripPriority(candidate: Ranked): FoundMention {
  const { priority: _priority, ...mention } = candidate;
  return mention;
}

/** A sorted set of [start, end) spans with an overlap test. */
export class Intervals {
  private readonly spans: { start: number; end: number }[];

  constructor(spans: readonly { start: number; end: number }[]) {
    this.spans = spans.map((s) => ({ start: s.start, end: s.end }));
    // Mentions mostly come in text order: sorted only when they do not.
    for (let i = 1; i < this.spans.length; i++) {
      if (this.spans[i].start < this.spans[i - 1].start) {
        this.spans.sort((a, b) => a.start - b.start);
        break;
      }
    }
  }

  add(span: { start: number; end: number }): void {
    // Spans usually come in text order, to the end of the list; else by binary search.
    let low = 0;
    let high = this.spans.length;
    if (high && this.spans[high - 1].start > span.start) {
      while (low < high) {
        const mid = (low + high) >> 1;
        if (this.spans[mid].start > span.start) high = mid;
        else low = mid + 1;
      }
    } else low = high;
    this.spans.splice(low, 0, { start: span.start, end: span.end });
  }

  overlaps(start: number, end: number): boolean {
    let low = 0;
    let high = this.spans.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const span = this.spans[mid];
      if (span.end <= start) low = mid + 1;
      else if (span.start >= end) high = mid - 1;
      else return true;
    }
    return false;
  }
}

/**
 * Mentions sorted by start, for the ones starting in a range or overlapping a span: each query
 * takes the time of what it finds, where filtering the whole list made a text with many
 * mentions and many brackets (or candidates) quadratic.
 */
export class SpanIndex<M extends { start: number; end: number }> {
  private readonly sorted: M[];
  private readonly longest: number;

  constructor(spans: readonly M[]) {
    this.sorted = [...spans].sort((a, b) => a.start - b.start);
    this.longest = this.sorted.reduce((n, m) => Math.max(n, m.end - m.start), 0);
  }

  /** The spans that start at or after `from` and before `to`, by start. */
  startingIn(from: number, to: number): M[] {
    const found: M[] = [];
    for (let i = this.firstStartingAt(from); i < this.sorted.length && this.sorted[i].start < to; i++) found.push(this.sorted[i]);
    return found;
  }

  /** The spans that share a character with [start, end). */
  overlapping(start: number, end: number): M[] {
    return this.startingIn(start - this.longest, end).filter((m) => m.start < end && m.end > start);
  }

  private firstStartingAt(offset: number): number {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.sorted[mid].start < offset) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
