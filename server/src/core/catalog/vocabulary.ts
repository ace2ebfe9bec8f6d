// The words the knowledge rules share, defined once: the words that say a name is an exercise or
// an operation, and the nouns that head the names of bodies. The matcher, discovery and the
// definition scoring all read them from here.

import type { EntityKind } from '../model';
import { wordKey } from '../text/words';

/** "operation Mercenary", "the Channel operations". */
export const OPERATION_WORDS: readonly string[] = ['operation', 'operations'];

/** "the Cobalt exercise", "Rubezh drills", "Search training". */
export const EXERCISE_WORDS: readonly string[] = [
  'exercise', 'exercises', 'drill', 'drills', 'training', 'trainings', 'manoeuvre', 'manoeuvres', 'maneuver', 'maneuvers',
];

/** Next to a catalog name these mark it as meant too, though they name no kind on their own ("Op", "games", "stage"). */
const CONTEXT_ONLY: Partial<Record<EntityKind, readonly string[]>> = {
  operation: ['op'],
  exercise: ['games', 'stage'],
};

/**
 * The Russian words of each kind, as word keys: a key is the word's stem, so one form stands for
 * every case ("операции", "учений", "манёврах").
 */
const RUSSIAN_KIND_WORDS: Record<'operation' | 'exercise', readonly string[]> = {
  operation: ['операция', 'спецоперация'].map(wordKey),
  exercise: ['учение', 'тренировка', 'манёвры', 'КШУ'].map(wordKey),
};

/** Every word that names a kind: the operation words, then the exercise words. */
export const KIND_WORDS: readonly string[] = [...OPERATION_WORDS, ...EXERCISE_WORDS];

const KIND_OF_WORD = new Map<string, 'operation' | 'exercise'>([
  ...OPERATION_WORDS.map((w) => [w, 'operation'] as const),
  ...EXERCISE_WORDS.map((w) => [w, 'exercise'] as const),
]);

/** The Russian kind words by their keys. */
const KIND_OF_RUSSIAN_KEY = new Map<string, 'operation' | 'exercise'>([
  ...RUSSIAN_KIND_WORDS.operation.map((k) => [k, 'operation'] as const),
  ...RUSSIAN_KIND_WORDS.exercise.map((k) => [k, 'exercise'] as const),
]);

/** The keys of the Russian kind words: "операции", "учений" have the keys of "операция", "учение". */
export const RUSSIAN_KIND_KEYS: readonly string[] = [...KIND_OF_RUSSIAN_KEY.keys()];

/**
 * The kind a word names: 'operation' for "operations" and "операции", 'exercise' for "drills" and
 * "учений"; undefined for others.
 */
export function kindOfWord(lowerCaseWord: string): 'operation' | 'exercise' | undefined {
  return KIND_OF_WORD.get(lowerCaseWord) ?? (/[а-яё]/.test(lowerCaseWord) ? KIND_OF_RUSSIAN_KEY.get(wordKey(lowerCaseWord)) : undefined);
}

/** The words that, right beside a name, show it is meant as an entity of this kind. */
export function contextWordsOf(kind: EntityKind): ReadonlySet<string> | undefined {
  if (kind === 'operation') return new Set([...OPERATION_WORDS, ...(CONTEXT_ONLY.operation ?? []), ...RUSSIAN_KIND_WORDS.operation]);
  if (kind === 'exercise') return new Set([...EXERCISE_WORDS, ...(CONTEXT_ONLY.exercise ?? []), ...RUSSIAN_KIND_WORDS.exercise]);
  return undefined;
}

/** A pattern of the kind words as whole words, for scanning running text. */
export function kindWordPattern(flags: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(${KIND_WORDS.join('|')})(?![\\p{L}\\p{N}])`, `${flags}u`);
}

/** The kinds the product is about: the CSTO's own bodies, operations and exercises (not states, people, other organisations). */
export const CORE_KINDS: ReadonlySet<EntityKind> = new Set(['body', 'operation', 'exercise']);

/** Kinds that come as a series of yearly editions. */
export const SERIES_KINDS: ReadonlySet<EntityKind> = new Set(['exercise', 'operation']);

/** The words of days and months, in lower case: "Tuesday's" and "May" open no name. */
export const DAY_WORDS: readonly string[] = [
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tomorrow',
];

/** Nouns that head body names: "Military Committee", "Joint Staff", "Collective Forces". */
export const BODY_HEADS: ReadonlySet<string> = new Set(['council', 'committee', 'secretariat', 'staff', 'assembly', 'forces', 'force', 'center', 'headquarters', 'commission', 'department']);

/** After a state's name and a hyphen, these leave it the state's: "a Russia-led bloc", "Iran-backed". */
export const STATE_PARTICIPLES: ReadonlySet<string> = new Set(['led', 'backed', 'brokered', 'dominated', 'sponsored']);

/** "Group" heads a body name only after one of these: "Working Group", "Expert Group". */
export const GROUP_HEADS: ReadonlySet<string> = new Set(['group']);
export const GROUP_QUALIFIERS: ReadonlySet<string> = new Set(['working', 'expert', 'contact', 'task']);

/** Head nouns in the singular and the plural: a name written with either is the same body ("Forces"/"Force"). */
export const HEAD_NUMBER: ReadonlyMap<string, string> = new Map(
  [
    ['council', 'councils'],
    ['committee', 'committees'],
    ['commission', 'commissions'],
    ['assembly', 'assemblies'],
    ['force', 'forces'],
    ['group', 'groups'],
    ['centre', 'centres'],
    ['center', 'centers'],
    ['secretariat', 'secretariats'],
    ['department', 'departments'],
  ].flatMap(([one, many]) => [
    [one, many],
    [many, one],
  ]),
);

/** Of the body heads, those that stand for the body on their own once it is named: "the Council". */
export const SHORT_FORM_HEADS: ReadonlySet<string> = new Set(['council', 'committee', 'commission', 'assembly', 'center', 'centre']);
