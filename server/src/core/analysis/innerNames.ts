// Names inside longer names: "Collective Rapid Reaction Force" inside "Collective Rapid Reaction
// Force (CRRF) Command". A mention of the longer name counts for the shorter one too. Only the
// names of the CSTO's bodies, operations and exercises, inside the name of one of them, count:
// the "Secretariat" of the UN Secretariat is not the CSTO's.

import { CORE_KINDS } from '../catalog/vocabulary';
import type { Entity } from '../model';
import { splitWords, type Words } from '../text/words';
import type { MentionMatcher } from './matcher';
import { compact } from './nameForms';

/** A name written inside a longer one. */
export interface InnerName {
  entity: Entity;
  start: number;
  end: number;
}

/** Per matcher (one per catalog), whether each entity has a name that holds another's. */
const holders = new WeakMap<MentionMatcher, Map<string, boolean>>();

/**
 * The names of other entities written inside words first..last, spelt as the catalog spells them
 * and needing no context (a short form or an ordinary word never counts).
 */
export function namesInside(matcher: MentionMatcher, text: string, words: Words, first: number, last: number, outer: Entity): InnerName[] {
  return mayHoldNames(matcher, outer) ? findInside(matcher, text, words, first, last, outer) : [];
}

function findInside(matcher: MentionMatcher, text: string, words: Words, first: number, last: number, outer: Entity): InnerName[] {
  const found: InnerName[] = [];
  for (let i = first; i <= last; i++) {
    if (i > first && words.joinNext[i - 1]) continue;
    matcher.walk(text, words, i, (node, end) => {
      if (end > last || (i === first && end === last) || words.joinNext[end]) return;
      // "Collective Forces of Rapid Deployment": the inner name heads a longer phrase, not itself.
      if (end < last && words.key(end + 1) === 'of') return;
      const start = words.starts[i];
      const surface = text.slice(start, words.ends[end]);
      for (const pattern of node.patterns) {
        const { entity } = pattern;
        if (entity.id === outer.id || !CORE_KINDS.has(entity.kind) || pattern.shortForm || pattern.common) continue;
        if (pattern.caseSensitive && compact(surface) !== compact(pattern.written)) continue;
        if (!found.some((f) => f.entity === entity)) found.push({ entity, start, end: words.ends[end] });
      }
    });
  }
  return found;
}

/** Whether any name of the entity holds the name of another (worked out once per entity and catalog). */
function mayHoldNames(matcher: MentionMatcher, entity: Entity): boolean {
  let known = holders.get(matcher);
  if (!known) holders.set(matcher, (known = new Map()));
  let holds = known.get(entity.id);
  if (holds === undefined) {
    holds =
      CORE_KINDS.has(entity.kind) &&
      [entity.name, ...entity.aliases].some((name) => {
        const words = splitWords(name);
        return words.length > 1 && findInside(matcher, name, words, 0, words.length - 1, entity).length > 0;
      });
    known.set(entity.id, holds);
  }
  return holds;
}
