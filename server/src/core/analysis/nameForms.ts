// The shapes a written name takes: abbreviations, the other grammatical number of a head noun,
// the gaps allowed between a name's words, and where a sentence starts.

import { BODY_HEADS, DAY_WORDS, HEAD_NUMBER, SHORT_FORM_HEADS } from '../catalog/vocabulary';
import { isCyrillicCapital, russianKey, withoutYo } from '../text/russian';
import { startsCapital, type Words } from '../text/words';
import { generatedSpellingsOf, isCommonName, russianNamesOf } from '../catalog/entities';
import type { Entity } from '../model';

/** Between the words of one name: spaces, at most one line break, or a hyphen or dash. */
const NAME_GAP = /^[ \t\u00a0]*(?:\r?\n|\r)?[ \t\u00a0]*(?:[-\u2010-\u2014][ \t\u00a0]*)?$/;
const MAX_NAME_GAP = 8;

export function isAbbreviation(name: string): boolean {
  return /^[\p{Lu}\p{N}]{2,8}$/u.test(name.replace(/[-\s]/g, '')) && /\p{Lu}{2}/u.test(name);
}

/** Before a sentence's first word: the start, an end mark or colon, a line break with a list marker or heading, an opening quote. */
const SENTENCE_START = /(?:(?:^|\n)[ \t]*(?:[-*+\u2022>]|#{1,6}|\d{1,3}[.)])?|[.!?:;])[ \t\u00a0]*["\u201c\u00ab\u2018(]?[ \t\u00a0]*$/;

/** True when a word at this offset starts a sentence, a heading or a list item. */
export function startsSentence(text: string, at: number): boolean {
  const from = Math.max(0, at - 12);
  // Cut out of the middle of a line, the slice must not look like the start of the text.
  return SENTENCE_START.test((from > 0 ? 'x' : '') + text.slice(from, at));
}

export function compact(text: string): string {
  return text.replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * An abbreviation written as the catalog writes it, letter for letter; a Russian one may take a
 * case ending in lower case ("КСОРа", "КСОРом").
 */
export function sameAbbreviation(surface: string, written: string): boolean {
  const typed = compact(written);
  const seen = compact(surface);
  if (seen === typed) return true;
  return seen.startsWith(typed) && seen.length - typed.length <= 3 && /^[\u0430-\u044f\u0451]+$/.test(seen.slice(typed.length)) && /[\u0400-\u042f]$/.test(typed);
}

/**
 * What a form of a one-word Russian name starts with: its stem and the letter after it ("Грузия":
 * "грузи", so "Грузии", "Грузию", "Грузией" but not "Грузом"; "Канал": "кана"), never more
 * than all its letters but the last. The stem comes from the stemmer; the one letter more keeps
 * apart the words a stem joins.
 */
export function russianFormPrefix(name: string): string {
  const lower = withoutYo(name.toLowerCase());
  const stem = russianKey(lower);
  const length = Math.min(lower.startsWith(stem) ? stem.length + 1 : stem.length, lower.length - 1);
  return lower.slice(0, Math.max(length, 1));
}

/** True when a name starts with a capital Russian letter ("Ё" included). */
export function startsRussianName(name: string): boolean {
  return isCyrillicCapital(name.charCodeAt(0));
}

/** A form of a one-word Russian name: capitalised, as Russian writes names, and starting as its other forms do. */
export function isRussianForm(surface: string, prefix: string): boolean {
  return startsCapital(surface, 0) && withoutYo(surface.toLowerCase()).startsWith(prefix);
}

/** Head nouns put in the other number, at most: a name has one or two ("Council of the Forces"). */
const MAX_NUMBER_VARIANTS = 2;

/**
 * The name with one of its head nouns in the other number: "Collective Forces" -> "Collective Force".
 * Only the first few: a name of a thousand "Council"s would otherwise give a thousand variants of a thousand words.
 */
export function numberVariants(name: string): string[] {
  if (isAbbreviation(name)) return [];
  const parts = name.split(/(\s+)/);
  const variants: string[] = [];
  parts.forEach((word, i) => {
    const other = HEAD_NUMBER.get(word.toLowerCase());
    if (!other || variants.length >= MAX_NUMBER_VARIANTS) return;
    const written = /^\p{Lu}/u.test(word) ? other[0].toUpperCase() + other.slice(1) : other;
    variants.push([...parts.slice(0, i), written, ...parts.slice(i + 1)].join(''));
  });
  return variants;
}

/** The head noun a body ("Council") or an organisation ("Organization") is referred back to by. */
export function headNoun(entity: Pick<Entity, 'kind' | 'name'>): string | undefined {
  const words = entity.name.split(/\s+/);
  if (entity.kind === 'body') return words.find((w) => SHORT_FORM_HEADS.has(w.toLowerCase()));
  const last = words[words.length - 1];
  return entity.kind === 'organization' && ORGANIZATION_HEADS.has(last.toLowerCase()) ? last : undefined;
}

const ORGANIZATION_HEADS: ReadonlySet<string> = new Set(['organization', 'organisation']);

/** Words that open a sentence capitalised without being part of a name: "The Working Group is …". */
export const DETERMINERS: ReadonlySet<string> = new Set(['the', 'this', 'that', 'its', 'their', 'our']);

/**
 * A body's name without its first words, three words or more, when every word of the name is
 * capitalised: "Rapid Reaction Forces" of "Collective Rapid Reaction Forces".
 */
export function shorterTails(name: string): string[] {
  const words = name.split(/\s+/);
  if (words.length < 4 || !words.every((w) => /^\p{Lu}/u.test(w))) return [];
  const tails: string[] = [];
  for (let k = 1; words.length - k >= 3; k++) tails.push(words.slice(k).join(' '));
  return tails;
}

export function gapAllowed(text: string, from: number, to: number): boolean {
  // A plural's possessive apostrophe is inside the name: "the CSTO Foreign Ministers' Council".
  if (isPluralPossessive(text, from)) from++;
  return to - from <= MAX_NAME_GAP && NAME_GAP.test(text.slice(from, to));
}

/** An apostrophe right after a word ending in "s", and no letter after it: "Ministers' ". */
function isPluralPossessive(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  const before = text.charCodeAt(at - 1);
  return (c === 39 || c === 0x2019) && (before === 115 || before === 83) && !/[\p{L}\p{N}]/u.test(text[at + 1] ?? '');
}

/**
 * True when word i is an abbreviation in brackets that a name runs through:
 * "Collective Rapid Reaction Force (CRRF) Command".
 */
export function bracketedAbbreviation(text: string, words: Words, i: number): boolean {
  if (i + 1 >= words.length) return false;
  const start = words.starts[i];
  const end = words.ends[i];
  return (
    text[end] === ')' &&
    /^[ \t\u00a0]*\($/.test(text.slice(words.ends[i - 1], start)) &&
    /^\p{Lu}[\p{Lu}\p{N}]{1,9}$/u.test(text.slice(start, end)) &&
    /^\)[ \t\u00a0]+$/.test(text.slice(end, words.starts[i + 1]))
  );
}

const SPACES = /^[ \t\u00a0]+$/;

/** True when text[from, to) is spaces only (ordinary, tab or no-break), at least one: two words side by side. */
export function spacesOnly(text: string, from: number, to: number): boolean {
  return SPACES.test(text.slice(from, to));
}

/**
 * A state's or another organisation's own body of the name, not the CSTO's: "the Joint Staff of
 * the Russian Armed Forces", "the Permanent Council of the OSCE", "the CIS Council of …",
 * "the Joint Staff of the Armed Forces of Kazakhstan", "the Russian Joint Staff". The state is a
 * word of the "of" complement that follows (capitalised words, "the", "of"; never past "and", the
 * CSTO or punctuation), or the word just before the name.
 */
export function nationalBody(text: string, words: Words, first: number, last: number, stateWords: ReadonlySet<string>, qualifier: (key: string) => 'own' | 'other' | undefined): boolean {
  if (first > 0 && spacesOnly(text, words.ends[first - 1], words.starts[first])) {
    const before = words.key(first - 1);
    if (stateWords.has(before) || qualifier(before) === 'other') return true;
    if (otherOwnersPossessive(text, words, first - 1, qualifier)) return true;
  }
  if (last + 2 >= words.length || words.key(last + 1) !== 'of') return false;
  for (let w = last + 2; w < words.length && w <= last + 6; w++) {
    if (!spacesOnly(text, words.ends[w - 1], words.starts[w])) return false;
    const key = words.key(w);
    // Another organisation's: "the Permanent Council of the OSCE".
    const whose = qualifier(key);
    if (stateWords.has(key) || whose === 'other') return true;
    if (key === 'and' || whose === 'own') return false;
    if (key !== 'the' && key !== 'of' && !startsCapital(text, words.starts[w])) return false;
  }
  return false;
}

/**
 * "The Union State's Parliamentary Assembly": word `w` closes, with a possessive, the name of
 * another owner than the CSTO, two capitalised words or more ("Union State's") or an abbreviation
 * ("EAEU's"); not a day's or a month's ("Tuesday's Council of Foreign Ministers").
 */
function otherOwnersPossessive(text: string, words: Words, w: number, qualifier: (key: string) => 'own' | 'other' | undefined): boolean {
  const written = text.slice(words.starts[w], words.ends[w]);
  const possessive = /^(\p{Lu}[\p{L}\p{N}-]*)['\u2019]s$/u.exec(written);
  // "the Collective Security Treaty Organization's Secretariat", "the Organization's Joint Staff": the CSTO's.
  // Nor a body's ("the Collective Security Council's Working Group"): in a text about the CSTO, its own.
  if (!possessive || qualifier(possessive[1].toLowerCase()) === 'own' || /^Organi[sz]ation$/.test(possessive[1]) || BODY_HEADS.has(possessive[1].toLowerCase())) return false;
  if (/^\p{Lu}[\p{Lu}\p{N}-]+$/u.test(possessive[1])) return true;
  return w > 0 && startsCapital(text, words.starts[w - 1]) && spacesOnly(text, words.ends[w - 1], words.starts[w]) && !CALENDAR_WORDS.has(possessive[1].toLowerCase()) && qualifier(words.key(w - 1)) !== 'own';
}
const CALENDAR_WORDS = new Set([...DAY_WORDS, 'year', 'week', 'month']);

/**
 * Where a head noun goes on into a name of its own: "the Council of Commanders of Border Troops",
 * not "the Council" named before; "the Council of the CSTO" is still the Council. The index of
 * the capitalised word after "of (the)", "for" or "on", -1 when the name does not go on. `ofOnly`:
 * only an "of" complement, which the name's initials in brackets may stand before.
 */
export function longerNameAt(text: string, words: Words, last: number, own: ReadonlySet<string> | undefined, ofOnly = false): number {
  let next = last + 1;
  let gapFrom = words.ends[last];
  // "the Council of Ministers of Defence (CMD) of the CIS": its initials between the name and its complement.
  if (ofOnly && bracketedAbbreviation(text, words, next)) gapFrom = words.ends[next++] + 1;
  if (next + 1 >= words.length || !(ofOnly ? ['of'] : ['of', 'for', 'on']).includes(words.key(next)) || !spacesOnly(text, gapFrom, words.starts[next])) return -1;
  next++;
  if (words.key(next) === 'the' && next + 1 < words.length) next++;
  if (!startsCapital(text, words.starts[next]) || own?.has(words.key(next)) || !spacesOnly(text, words.ends[next - 1], words.starts[next])) return -1;
  // "… of the Central Asian CSTO region": a region of collective security, not another name.
  let word = next;
  for (; word < words.length && word - next < 4 && startsCapital(text, words.starts[word]); word++) if (own?.has(words.key(word))) return -1;
  return word < words.length && words.key(word) === 'region' ? -1 : next;
}

/** One way the matcher finds an entity by. */
export interface WrittenName {
  written: string;
  /** Needs a recent full mention of the entity to resolve ("the Council"). */
  shortForm: boolean;
  /** Also an ordinary word: needs context to count. */
  common: boolean;
  edition?: number;
}

/**
 * Every way an entity is written: its names and aliases (and with spaces for hyphens: "Kanal
 * Patrol" for "Kanal-Patrol"), its editions' aliases, its short forms, the head noun a body or an
 * organisation is referred back to by ("the Council", "the Organization"), the last words of a
 * body's name ("the Rapid Reaction Forces"). Apart: a body's names with the other number of their
 * head ("… Force" for "… Forces"), which never take a name another entity has.
 */
export function writtenNames(entity: Entity): { names: WrittenName[]; numberVariants: WrittenName[] } {
  const names: WrittenName[] = [];
  const variants: WrittenName[] = [];
  // Russian names too: they are found in any case, their words being keyed by stem.
  for (const name of [entity.name, ...entity.aliases, ...russianNamesOf(entity)]) {
    const common = isCommonName(entity, name);
    names.push({ written: name, shortForm: false, common });
    if (/\p{L}[-\u2010\u2011]\p{L}/u.test(name)) names.push({ written: name.replace(/(\p{L})[-\u2010\u2011](?=\p{L})/gu, '$1 '), shortForm: false, common });
    if (entity.kind === 'body') for (const variant of numberVariants(name)) variants.push({ written: variant, shortForm: false, common });
  }
  for (const edition of entity.editions ?? []) for (const alias of edition.aliases ?? []) names.push({ written: alias, shortForm: false, common: false, edition: edition.year });
  // The Latin spellings of the Russian names are no English word: "Poisk" needs no context, though
  // «Поиск» is an ordinary word in Russian too.
  for (const spelling of generatedSpellingsOf(entity)) names.push({ written: spelling, shortForm: false, common: false });
  for (const short of entity.shortForms ?? []) names.push({ written: short, shortForm: true, common: false });
  const head = headNoun(entity);
  // "the Centre" of the "Crisis Response Center": one key, as wordKey folds the spellings.
  if (head) names.push({ written: head, shortForm: true, common: false });
  if (entity.kind === 'body') for (const name of [entity.name, ...entity.aliases]) for (const tail of shorterTails(name)) names.push({ written: tail, shortForm: true, common: false });
  // "the Allied Staff of the CSTO", then "The Allied Staff …": a name the catalog gives only with
  // the organisation's refers back to it without, once said in full.
  if (entity.kind === 'body') for (const short of withoutOrganisation(entity)) names.push({ written: short, shortForm: true, common: false });
  return { names, numberVariants: variants };
}

/** The catalog's names "CSTO X" and "X of the CSTO" as X, two words or more, where X is none of its names. */
function withoutOrganisation(entity: Entity): string[] {
  const names = new Set([entity.name, ...entity.aliases].map((n) => n.toLowerCase()));
  const found = new Set<string>();
  for (const name of [entity.name, ...entity.aliases]) {
    const rest = /^CSTO\s+(.+)$/.exec(name)?.[1] ?? /^(.+?)\s+of\s+the\s+CSTO$/.exec(name)?.[1];
    if (rest && /\s/.test(rest) && !names.has(rest.toLowerCase())) found.add(rest);
  }
  return [...found];
}

/**
 * Words that may stand between a code name and its kind word: adjectives ("the Channel annual
 * operation", "the Barrier specialized drills") and the kinds of exercise the press names ("the
 * Search reconnaissance exercise", "the Echelon logistics drills", "the Interaction command and
 * staff exercise").
 */
const KIND_MODIFIERS: ReadonlySet<string> = new Set([
  'annual', 'joint', 'special', 'international', 'regional', 'preventive', 'comprehensive', 'combined', 'complex',
  'specialized', 'specialised', 'command', 'staff', 'reconnaissance', 'logistics', 'logistical', 'tactical', 'operational', 'strategic',
]);

/**
 * Whether a kind word follows word `last`: at once ("the Channel operation"), or after a few
 * lower-case modifiers, hyphenated words or adjectives of such operations ("the Channel anti-drug
 * operation", "the Interaction joint exercise"), never "and" but in "command and staff".
 */
export function kindWordAfter(text: string, words: Words, last: number, keywords: ReadonlySet<string>): boolean {
  let next = last + 1;
  for (let modifiers = 0; next < words.length && !keywords.has(words.key(next)) && modifiers < 4; modifiers++, next++) {
    const hyphenated = words.joinNext[next] === 1 || words.joinNext[next - 1] === 1;
    const modifier = KIND_MODIFIERS.has(words.key(next)) || (words.key(next) === 'and' && words.key(next - 1) === 'command' && next - 1 !== last);
    if (!(hyphenated || modifier) || !/\p{Ll}/u.test(text[words.starts[next]])) return false;
    if (!(words.joinNext[next - 1] === 1 && next - 1 !== last) && !spacesOnly(text, words.ends[next - 1], words.starts[next])) return false;
  }
  return next < words.length && keywords.has(words.key(next)) && spacesOnly(text, words.ends[next - 1], words.starts[next]);
}

/**
 * Whether word `last` ends the first of a list of names of one kind before their kind word: "the
 * Search and Echelon special trainings", "the Cobalt, Search and Echelon exercises". `nameEnd`
 * gives the last word of a catalog name of that kind starting at a word, -1 where none does.
 */
export function listedBeforeKindWord(text: string, words: Words, last: number, keywords: ReadonlySet<string>, nameEnd: (first: number) => number): boolean {
  for (let listed = 0; listed < 4; listed++) {
    let next = last + 1;
    if (next >= words.length) return false;
    const gap = text.slice(words.ends[last], words.starts[next]);
    const comma = /^,[ \u00a0]+$/.test(gap);
    if (!comma && !spacesOnly(text, words.ends[last], words.starts[next])) return false;
    if (words.key(next) === 'and' || words.key(next) === 'or') next++;
    else if (!comma) return false;
    const afterComma = comma && next === last + 1;
    if (next >= words.length || !startsCapital(text, words.starts[next]) || (!afterComma && !spacesOnly(text, words.ends[next - 1], words.starts[next]))) return false;
    last = nameEnd(next);
    if (last < 0) return false;
    if (kindWordAfter(text, words, last, keywords)) return true;
  }
  return false;
}

