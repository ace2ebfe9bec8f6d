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

export function resolveOverlaps<T extends FoundMention & { priority: number }>(candidates: T[]): T[] {
  const sorted = [...candidates].sort((a, b) => a.priority - b.priority || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const chosen = new Intervals([]);
  const kept: T[] = [];
  for (const candidate of sorted) {
    if (chosen.overlaps(candidate.start, candidate.end)) continue;
    chosen.add(candidate);
    kept.push(candidate);
  }
  return kept.sort((a, b) => a.start - b.start);
}

export function stripPriority(candidate: Ranked): FoundMention {
  const { priority: _priority, ...mention } = candidate;
  return mention;
}

/** A sorted set of [start, end) spans with an overlap test. */
export class Intervals {
  private readonly spans: { start: number; end: number }[];

  constructor(spans: readonly { start: number; end: number }[]) {
    this.spans = spans.map((s) => ({ start: s.start, end: s.end })).sort((a, b) => a.start - b.start);
  }

  add(span: { start: number; end: number }): void {
    let i = this.spans.length;
    while (i > 0 && this.spans[i - 1].start > span.start) i--;
    this.spans.splice(i, 0, { start: span.start, end: span.end });
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