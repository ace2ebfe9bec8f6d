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

/** How far back the entity named in full may be: the sentence before, or the one before that. */
const REACH = 400;

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

export interface Antecedent {
  /** Index of the mention in the document's mentions. */
  index: number;
  entityId: string;
  start: number;
  end: number;
  entity: Pick<Entity, 'kind' | 'name'>;
}

/**
 * The mention a sentence opening with "The <head noun>" speaks of: the last one before `at`, within
 * reach, whose entity has that head noun, when no other entity with it, and no unnamed use of the
 * head noun ("the Security Council of Kyrgyzstan"), stands between. `antecedents` are the
 * document's mentions in text order, repeats left out.
 */
export function antecedentOf(text: string, sentenceStart: number, antecedents: readonly Antecedent[]): { head: string; antecedent: Antecedent; length: number } | undefined {
  const opening = OPENING.exec(text.slice(sentenceStart, sentenceStart + 24));
  if (!opening) return undefined;
  const word = opening[1].toLowerCase();
  const head = HEAD_NOUNS.get(word) === 'forces' ? 'force' : HEAD_NOUNS.get(word);
  if (!head) return undefined;
  let found: Antecedent | undefined;
  for (let i = antecedents.length - 1; i >= 0; i--) {
    const m = antecedents[i];
    if (m.start >= sentenceStart) continue;
    if (m.end < sentenceStart - REACH) break;
    if (headNounOf(m.entity) !== head) continue;
    if (found && found.entityId !== m.entityId) return undefined;
    found ??= m;
  }
  if (!found) return undefined;
  // The head noun used between, outside the names found ("… chaired by the Security Council of
  // Kyrgyzstan. The council …"): the text may speak of that one.
  // The name's own kind word after it ("the Search-2026 exercise began …") is no other use.
  const stem = word.replace(/s$/, '');
  const own = new RegExp(`^[ \\u00a0]+(?:[a-z-]+[ \\u00a0]+){0,3}?${stem}s?\\b`, 'i').exec(text.slice(found.end, found.end + 60));
  const from = found.end + (own ? own[0].length : 0);
  const between = new RegExp(`\\b${stem}s?\\b`, 'gi');
  for (const use of text.slice(from, sentenceStart).matchAll(between)) {
    const at = from + use.index!;
    if (!antecedents.some((m) => m.start <= at && at < m.end)) return undefined;
  }
  return { head, antecedent: found, length: opening[0].length };
}
