// What a count must know beyond the mentions themselves: which mentions only say a name again
// (the abbreviation in brackets after the full name, a heading printed twice), and which longer
// names hold a shorter catalog name (the CRRF in "Collective Rapid Reaction Force Command").

import type { FoundMention } from '../model';
import type { Words } from '../text/words';
import { namesInside } from './innerNames';
import type { MentionMatcher } from './matcher';

/** Marks, in place, the repeats and the names inside names of mentions in text order. */
export function markRepeatsAndInnerNames(text: string, words: Words, mentions: readonly FoundMention[], matcher: MentionMatcher): void {
  markInnerNames(text, words, mentions, matcher);
  markBracketRepeats(text, mentions);
  markRepeatedLines(text, mentions);
}

function markInnerNames(text: string, words: Words, mentions: readonly FoundMention[], matcher: MentionMatcher): void {
  for (const mention of mentions) {
    if (mention.discovered) continue;
    const entity = matcher.entities.get(mention.entityId);
    if (!entity) continue;
    const first = wordAt(words, mention.start);
    const last = wordAt(words, mention.end - 1);
    if (first < 0 || last <= first) continue;
    const inner = namesInside(matcher, text, words, first, last, entity);
    if (inner.length) mention.inside = inner.map((i) => i.entity.id);
  }
}

/** The index of the word that holds an offset, -1 if none does. */
function wordAt(words: Words, offset: number): number {
  let low = 0;
  let high = words.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (offset < words.starts[mid]) high = mid - 1;
    else if (offset >= words.ends[mid]) low = mid + 1;
    else return mid;
  }
  return -1;
}

/** "Collective Security Council (CSC)", "CSC (Collective Security Council)": one mention. */
function markBracketRepeats(text: string, mentions: readonly FoundMention[]): void {
  for (let i = 1; i < mentions.length; i++) {
    const before = mentions[i - 1];
    const mention = mentions[i];
    if (mention.entityId !== before.entityId) continue;
    if (/^[ \t\u00a0]*\([ \t\u00a0]*$/.test(text.slice(before.end, mention.start)) && /^[ \t\u00a0]*\)/.test(text.slice(mention.end, mention.end + 4))) {
      mention.repeat = true;
    }
  }
}

/** What may follow a heading printed again: its date ("... World Order 02.12.2020"). */
const TRAILING_DATE = /^[\s\d.,:/-]*$/;
/** Shorter lines repeat by chance ("Moscow", "Statement"). */
const MIN_REPEATED_LINE = 16;

/** A line that prints the line before it again (a page title over its heading): its mentions are repeats. */
function markRepeatedLines(text: string, mentions: readonly FoundMention[]): void {
  const byStart = new Map<number, FoundMention>();
  for (const mention of mentions) byStart.set(mention.start, mention);
  let checkedLine = -1;
  let shift = 0;
  let reach = -1;
  // Mentions come in text order: the line each is on is found by walking forward from line break
  // to line break, never by searching back (on one long line that search made this quadratic).
  let lineStart = 0;
  let nextBreak = text.indexOf('\n');
  let previousStart = 0;
  for (const mention of mentions) {
    if (mention.start < previousStart) {
      lineStart = text.lastIndexOf('\n', mention.start - 1) + 1;
      nextBreak = text.indexOf('\n', lineStart);
    }
    previousStart = mention.start;
    while (nextBreak >= 0 && nextBreak < mention.start) {
      lineStart = nextBreak + 1;
      nextBreak = text.indexOf('\n', lineStart);
    }
    if (lineStart !== checkedLine) {
      checkedLine = lineStart;
      const repeat = repeatOfLineBefore(text, lineStart);
      shift = repeat ? repeat.shift : 0;
      reach = repeat ? repeat.end : -1;
    }
    if (!shift || mention.end > reach) continue;
    const earlier = byStart.get(mention.start - shift);
    if (earlier && earlier.entityId === mention.entityId && earlier.end === mention.end - shift) mention.repeat = true;
  }
}

/** When the line at `lineStart` begins with the text of the last non-blank line before it: how far back that is, and where the repeat ends. */
function repeatOfLineBefore(text: string, lineStart: number): { shift: number; end: number } | undefined {
  let end = lineStart - 1;
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  if (end <= 0) return undefined;
  const previousStart = text.lastIndexOf('\n', end - 1) + 1;
  const previous = trimmed(text, previousStart, end);
  if (previous.end - previous.start < MIN_REPEATED_LINE) return undefined;
  const lineEnd = text.indexOf('\n', lineStart);
  const line = trimmed(text, lineStart, lineEnd < 0 ? text.length : lineEnd);
  const length = previous.end - previous.start;
  if (line.end - line.start < length || text.slice(line.start, line.start + length) !== text.slice(previous.start, previous.end)) return undefined;
  if (!TRAILING_DATE.test(text.slice(line.start + length, line.end))) return undefined;
  return { shift: line.start - previous.start, end: line.start + length };
}

function trimmed(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}
