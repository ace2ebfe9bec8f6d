// Which sentence defines an entity. Each mention's sentence is scored for the way definitions are
// written ("The highest body is the X, which consists of ...", "operation X, aimed at ...").

import { kindWordPattern, SERIES_KINDS } from '../catalog/vocabulary';
import type { Entity } from '../model';

const DEFINING_AFTER = [
  { pattern: /^["\u201d\u00bb']?\s*,?\s*(which|that|who)\s+(is|are|was|were|consists|comprises|includes|focuses|focused|aims|targets|brings|unites)\b/i, score: 3 },
  { pattern: /^["\u201d\u00bb']?\s*,?\s*(which|that)\b/i, score: 2 },
  { pattern: /^["\u201d\u00bb']?\s*(\([^)]{1,12}\)\s*)?(is|are|was|were)\s+(a|an|the|one of)\b/i, score: 3 },
];
const DEFINING_BEFORE = [
  { pattern: /\b(is|are|was|were)\s+(the|a|an)\s*["\u201c\u00ab']?$/i, score: 3 },
  { pattern: /\b(titled|called|named|known as|code-?named|dubbed)\s*["\u201c\u00ab']?$/i, score: 2 },
];
const DEFINING_ANYWHERE = [
  { pattern: /\b(consists? of|consisting of|comprises?|composed of|made up of)\b/i, score: 2 },
  { pattern: /\b(aimed at|targeted at|focused on|with the purpose|intended to|designed to|to discontinue|to shut down|to counter|responsible for)\b/i, score: 2 },
  { pattern: /\b(highest|main|permanent|statutory|working|subsidiary|executive)\s+(body|organ|bodies)\b/i, score: 2 },
];
/** Any of the DEFINING_ANYWHERE phrases: most sentences hold none, and one search says so. */
const ANY_DEFINING_PHRASE = new RegExp(DEFINING_ANYWHERE.map(({ pattern }) => `(?:${pattern.source})`).join('|'), 'i');
const KIND_WORDS = kindWordPattern('i');

/** How much a sentence reads like a definition of the entity it mentions at [start, end). */
export function definitionScore(sentence: string, mentionStart: number, mentionEnd: number, entity: Entity, surface: string): number {
  const before = sentence.slice(0, mentionStart);
  const after = sentence.slice(mentionEnd);
  let score = 0;
  for (const { pattern, score: s } of DEFINING_AFTER) {
    if (pattern.test(after)) {
      score += s;
      break;
    }
  }
  for (const { pattern, score: s } of DEFINING_BEFORE) if (pattern.test(before)) score += s;
  if (ANY_DEFINING_PHRASE.test(sentence)) for (const { pattern, score: s } of DEFINING_ANYWHERE) if (pattern.test(sentence)) score += s;
  if (SERIES_KINDS.has(entity.kind) && KIND_WORDS.test(sentence)) score += 1;
  // A name written out in full introduces; an abbreviation refers back.
  if (surface.length > 6 && !/^[\p{Lu}\p{N}\s-]+$/u.test(surface)) score += 1;
  if (sentence.length > 320) score -= 2;
  else if (sentence.length > 220) score -= 1;
  return score;
}

/** The score a sentence needs to be shown as "defined in" rather than "first reported in". */
export const DEFINING_SCORE = 4;
