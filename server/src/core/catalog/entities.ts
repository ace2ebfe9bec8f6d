// What can be said of an entity from the catalog alone: every name it goes by, and its parents.

import type { Entity } from '../model';
import { latinSpellings } from '../text/transliteration';

/** Every name an entity goes by as the catalog types them: canonical name, aliases, edition names, Russian names; without repeats. */
export function namesOf(entity: Entity): string[] {
  const names = [entity.name, ...entity.aliases];
  for (const edition of entity.editions ?? []) names.push(...(edition.aliases ?? []));
  names.push(...russianNamesOf(entity));
  return withoutRepeats(names);
}

/** The entity's names in Russian: its Russian name first. */
export function russianNamesOf(entity: Entity): string[] {
  return entity.ru ? [entity.ru.name, ...entity.ru.aliases] : [];
}

/**
 * The Latin spellings of the entity's Russian names that no catalog types: "Vzaimodeystviye",
 * "Vzaimodejstvie", "Vzaimodeistvie" … for «Взаимодействие». Made once per entity.
 */
export function generatedSpellingsOf(entity: Entity): readonly string[] {
  let spellings = generated.get(entity);
  if (!spellings) {
    const typed = new Set(namesOf(entity).map((n) => n.toLowerCase()));
    spellings = withoutRepeats(russianNamesOf(entity).flatMap(latinSpellings)).filter((n) => !typed.has(n.toLowerCase()));
    generated.set(entity, spellings);
  }
  return spellings;
}

const generated = new WeakMap<Entity, readonly string[]>();

/** Every name the entity is found and completed by: the typed ones, then the generated spellings. */
export function spellingsOf(entity: Entity): string[] {
  return [...namesOf(entity), ...generatedSpellingsOf(entity)];
}

function withoutRepeats(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const key = n.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** True when this name of the entity is also an ordinary word ("Cobalt"), not a code name only ("Kobalt"). */
export function isCommonName(entity: Entity, name: string): boolean {
  const common = entity.commonWord;
  if (!common) return false;
  if (common === true) return true;
  const lower = name.toLowerCase();
  return common.some((c) => c.toLowerCase() === lower);
}

/** A catalog deeper than this is taken to loop back on itself. */
const MAX_DEPTH = 16;

/** The parent of an entity, its parent, and so on up (a catalog that loops stops after a few steps). */
export function* ancestorsOf(entity: Entity, lookup: (id: string) => Entity | undefined): Generator<Entity> {
  let parent = entity.parent ? lookup(entity.parent) : undefined;
  for (let depth = 0; parent && depth < MAX_DEPTH; depth++) {
    yield parent;
    parent = parent.parent ? lookup(parent.parent) : undefined;
  }
}
