// How a note is matched: the catalog's and discovery's names, then those the corpus taught; a
// large note a part at a time (see NoteIndex.work); and a note's mentions made to outlive its text.

import { findAllMentions } from '../analysis/analyseDocument';
import { SpanIndex } from '../analysis/spans';
import type { FoundMention } from '../model';
import { detach } from '../text/strings';
import { splitWords } from '../text/words';
import type { CorpusIndex } from './corpusIndex';

/** Notes longer than this are matched in parts, between requests. */
export const LARGE_NOTE_CHARS = 1 << 20;
/** A part of a large note: about this long, ended at a blank line (else a line break) after it. */
const PART_CHARS = 1 << 16;

/**
 * A note's mentions: the catalog's and discovery's, then the names the corpus taught where nothing
 * else was found, or where they hold the names found whole, as the corpus reads them: "Channel –
 * Steppe Barrier", a stage the corpus named, is that stage, not the operation Channel and two words.
 */
export function noteMentions(text: string, index: CorpusIndex): FoundMention[] {
  const words = splitWords(text);
  const mentions = findAllMentions(text, index.knowledge, 'note', words);
  const learned = index.learnedMatcher().findMentions(text, words, 'note');
  if (!learned.length) return mentions;
  // Each learned name asks only for the mentions it overlaps: a large note has many of both.
  const found = new SpanIndex(mentions);
  const added: FoundMention[] = [];
  const replaced = new Set<FoundMention>();
  for (const l of learned) {
    const inside = found.overlapping(l.start, l.end);
    if (inside.every((m) => m.start >= l.start && m.end <= l.end && m.end - m.start < l.end - l.start)) {
      added.push(l);
      for (const m of inside) replaced.add(m);
    }
  }
  if (!added.length) return mentions;
  return [...(replaced.size ? mentions.filter((m) => !replaced.has(m)) : mentions), ...added].sort((a, b) => a.start - b.start);
}


/** Where the part of a large note that starts at `from` ends: at a blank line past PART_CHARS, else a line break, else a space. */
export function partEnd(text: string, from: number): number {
  const least = from + PART_CHARS;
  if (least >= text.length) return text.length;
  // Looked for within one more part's length: a search to the end of a note without blank lines made this quadratic.
  const window = text.slice(least, least + PART_CHARS);
  for (const mark of ['\n\n', '\n', ' ']) {
    const at = window.indexOf(mark);
    if (at >= 0) return least + at + mark.length;
  }
  return Math.min(text.length, least + PART_CHARS);
}

/** Where the paragraph before `from` starts (at most a few thousand characters back). */
export function contextStart(text: string, from: number): number {
  if (from === 0) return 0;
  const floor = Math.max(0, from - 4096);
  const blank = text.lastIndexOf('\n\n', from - 3);
  if (blank >= floor) return blank + 2;
  const line = text.lastIndexOf('\n', from - 2);
  return line >= floor ? line + 1 : floor;
}

/** A mention whose strings share no memory with the text they were found in (names through the index's interner). */
export function ownStrings(mention: FoundMention, interner: { get(value: string): string }): FoundMention {
  const own: FoundMention = { ...mention, entityId: interner.get(mention.entityId), surface: interner.get(mention.surface) };
  if (mention.discovered) {
    own.discovered = { ...mention.discovered, name: interner.get(mention.discovered.name) };
    if (mention.discovered.about !== undefined) own.discovered.about = detach(mention.discovered.about);
    if (mention.discovered.parent !== undefined) own.discovered.parent = interner.get(mention.discovered.parent);
  }
  return own;
}
