// A sentence that says what a body, an operation or an exercise is under its head noun alone,
// right after the text named it in full: "The Committee of Secretaries of Security Councils met in
// Cholpon-Ata. The committee coordinates the work of the national security councils …". The
// sentence is a candidate definition of the entity named last with that head noun; it makes no
// mention (the head noun alone is no name), and where two entities of that head noun, or the head
// noun of a body the text does not name, stand between, it is nobody's.

import type { Entity } from '../model';
import { BODY_HEADS, SERIES_KINDS } from '../catalog/vocabulary';
import { nameKeys } from '../text/words';

/** The nouns an anaphora opens with, as written after "The", in the singular and the plural. */
const HEAD_NOUNS = new Map<string, string>([
  ...[...BODY_HEADS].map((h) => [h, h] as const),
  ['centre', 'center'], ['group', 'group'], ['operation', 'operation'], ['operations', 'operation'], ['exercise', 'exercise'], ['exercises', 'exercise'],
  ['drills', 'exercise'], ['training', 'exercise'], ['organisation', 'organization'], ['organization', 'organization'], ['alliance', 'organization'], ['bloc', 'organization'],
]);

/** "The committee …", "The Council …" opening a sentence: the head noun, and where the sentence's words begin. */
const OPENING = /^The[ \u00a0]+([A-Za-z]+)\b/;
/** "The working group …": a word of the entity's name in lower case before the head noun. */
const OPENING_MODIFIED = /^The[ \u00a0]+([a-z]+)[ \u00a0]+([a-z]+)\b/;

/**
 * The head noun a sentence at `at` opens with ("The committee", "The Council"), or after a word in
 * lower case that must then be one of the entity's name ("The working group"); with the length
 * of the opening.
 */
function anaphoraOpening(text: string, at: number): { word: string; modifier?: string; length: number } | undefined {
  const single = OPENING.exec(text.slice(at, at + 24));
  if (single && HEAD_NOUNS.has(single[1].toLowerCase())) return { word: single[1].toLowerCase(), length: single[0].length };
  const modified = OPENING_MODIFIED.exec(text.slice(at, at + 48));
  return modified && HEAD_NOUNS.has(modified[2]) ? { word: modified[2], modifier: modified[1], length: modified[0].length } : undefined;
}

/** True when a sentence at `at` may open with an anaphora: "The committee", "The working group". */
export function mayOpenAnaphora(text: string, at: number): boolean {
  return anaphoraOpening(text, at) !== undefined;
}

/**
 * How far back the entity named in full may be: a few sentences, a wire report's paragraph between
 * ("… the Indestructible Brotherhood 2029 exercise … [a paragraph] The exercise will be aimed at …").
 * The head noun used in between, or another entity of that head, still leaves it undecided.
 */
const REACH = 700;

/** The head noun of an entity's name as an anaphora says it: "committee" for the Committee of Secretaries of …, "exercise" for Search. */
export function headNounOf(entity: Pick<Entity, 'kind' | 'name'>): string | undefined {
  if (SERIES_KINDS.has(entity.kind)) return entity.kind;
  if (entity.kind === 'organization') return 'organization';
  if (entity.kind !== 'body') return undefined;
  for (const key of nameKeys(entity.name)) {
    const head = HEAD_NOUNS.get(key);
    if (head) return head === 'forces' ? 'force' : head;
  }
  return undefined;
}

/**
 * True when a word in lower case is one of a name's words, or the same word with another ending:
 * "The coordinating council" of the Coordination Council on …, not "The main group".
 */
function isWordOfName(word: string, name: string): boolean {
  return nameKeys(name).some((key) => key === word || (key.length >= 7 && word.length >= 7 && key.slice(0, 7) === word.slice(0, 7)));
}

/** A mention an anaphora may speak of, as the document's mentions give it. */
export interface AntecedentMention {
  start: number;
  end: number;
  entityId: string;
  repeat?: boolean | undefined;
}

/**
 * The mention a sentence opening with "The <head noun>" speaks of: the last one before `at`, within
 * reach, whose entity has that head noun, when no other entity with it, and no unnamed use of the
 * head noun ("the Security Council of Kyrgyzstan"), stands between. `mentions` are the document's
 * mentions in text order (repeats are passed over), `entityOf` their entities.
 */
export function antecedentOf<M extends AntecedentMention>(text: string, sentenceStart: number, mentions: readonly M[], entityOf: (m: M) => Pick<Entity, 'kind' | 'name'> | undefined): { head: string; index: number; length: number } | undefined {
  const opening = anaphoraOpening(text, sentenceStart);
  if (!opening) return undefined;
  const { word, modifier } = opening;
  const head = HEAD_NOUNS.get(word) === 'forces' ? 'force' : HEAD_NOUNS.get(word);
  if (!head) return undefined;
  let found = -1;
  // The last mention starting before the sentence (they are in text order), then back within reach.
  let low = 0;
  let high = mentions.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (mentions[mid].start < sentenceStart) low = mid + 1;
    else high = mid;
  }
  for (let i = low - 1; i >= 0; i--) {
    const m = mentions[i];
    if (m.end < sentenceStart - REACH) break;
    if (m.repeat) continue;
    const entity = entityOf(m);
    if (!entity || headNounOf(entity) !== head || (modifier && !isWordOfName(modifier, entity.name))) continue;
    if (found >= 0 && mentions[found].entityId !== m.entityId) return undefined;
    if (found < 0) found = i;
  }
  if (found < 0) return undefined;
  const antecedent = mentions[found];
  // The head noun used between, outside the names found ("… chaired by the Security Council of
  // Kyrgyzstan. The council …"): the text may speak of that one.
  // The name's own kind word after it ("the Search-2026 exercise began …") is no other use.
  const stem = word.replace(/s$/, '');
  const own = new RegExp(`^[ \\u00a0]+(?:[a-z-]+[ \\u00a0]+){0,3}?${stem}s?\\b`, 'i').exec(text.slice(antecedent.end, antecedent.end + 60));
  const from = antecedent.end + (own ? own[0].length : 0);
  const between = new RegExp(`\\b${stem}s?\\b`, 'gi');
  for (const use of text.slice(from, sentenceStart).matchAll(between)) {
    const at = from + use.index!;
    if (!mentions.some((m) => m.start <= at && at < m.end)) return undefined;
  }
  return { head, index: found, length: opening.length };
}
