// The Latin spellings of a Russian name: the tables of the standard schemes, and the informal
// spellings of the press, in one place. A note that writes "Vzaimodeystviye", "Vzaimodejstvie" or
// "Vzaimodeistvie" names the same exercise as «Взаимодействие»; none of them is typed into a catalog.

import { hasCyrillic, isCyrillicCode } from './russian';

/** The schemes whose whole-name spellings are generated, in the order a card lists them. */
export const SCHEMES = ['BGN/PCGN', 'ISO 9', 'scholarly', 'passport'] as const;
export type Scheme = (typeof SCHEMES)[number];

/**
 * Per lower-case letter: its spelling under BGN/PCGN, ISO 9 (= GOST 7.79 system A), the scholarly
 * system, and the passport system (ICAO, Russia's since 2013), then the other spellings the press
 * uses. "е" and "ё" after a vowel and at the start of a word are handled apart (see VOWEL_START).
 */
const LETTERS: Record<string, readonly [bgn: string, iso9: string, scholarly: string, passport: string, informal: readonly string[]]> = {
  а: ['a', 'a', 'a', 'a', []],
  б: ['b', 'b', 'b', 'b', []],
  в: ['v', 'v', 'v', 'v', []],
  г: ['g', 'g', 'g', 'g', []],
  д: ['d', 'd', 'd', 'd', []],
  е: ['e', 'e', 'e', 'e', []],
  ё: ['ë', 'ë', 'ë', 'e', ['yo', 'e']],
  ж: ['zh', 'ž', 'ž', 'zh', []],
  з: ['z', 'z', 'z', 'z', []],
  и: ['i', 'i', 'i', 'i', []],
  й: ['y', 'j', 'j', 'i', ['i', 'j', 'y']],
  к: ['k', 'k', 'k', 'k', []],
  л: ['l', 'l', 'l', 'l', []],
  м: ['m', 'm', 'm', 'm', []],
  н: ['n', 'n', 'n', 'n', []],
  о: ['o', 'o', 'o', 'o', []],
  п: ['p', 'p', 'p', 'p', []],
  р: ['r', 'r', 'r', 'r', []],
  с: ['s', 's', 's', 's', []],
  т: ['t', 't', 't', 't', []],
  у: ['u', 'u', 'u', 'u', []],
  ф: ['f', 'f', 'f', 'f', []],
  х: ['kh', 'h', 'x', 'kh', ['h']],
  ц: ['ts', 'c', 'c', 'ts', ['tz']],
  ч: ['ch', 'č', 'č', 'ch', []],
  ш: ['sh', 'š', 'š', 'sh', []],
  щ: ['shch', 'ŝ', 'šč', 'shch', ['sch']],
  ъ: ['"', 'ʺ', 'ʺ', 'ie', ['']],
  ы: ['y', 'y', 'y', 'y', []],
  ь: ["'", 'ʹ', 'ʹ', '', ['']],
  э: ['e', 'è', 'è', 'e', []],
  ю: ['yu', 'û', 'ju', 'iu', ['ju', 'iu']],
  я: ['ya', 'â', 'ja', 'ia', ['ja', 'ia']],
};

const VOWELS = new Set('аеёиоуыэюяйъь');

/** "е" at the start of a word or after a vowel, a soft or a hard sign: BGN/PCGN writes "ye", the press "e", "ye" or "ie". */
const VOWEL_START_E: readonly [bgn: string, iso9: string, scholarly: string, passport: string, informal: readonly string[]] = ['ye', 'e', 'e', 'e', ['ye', 'ie']];

/** Most spellings generated for one word, and for one name: enough for the combinations the press writes. */
const MAX_PER_WORD = 24;
const MAX_PER_NAME = 64;

/** Each table entry's spellings as spellingsAt gives them, made once per entry. */
const ENTRY_SPELLINGS = new Map<object, { schemes: readonly string[]; all: readonly string[] }>();

/** The spellings of one letter at `i` of a lower-case word: the four schemes', then the informal ones. */
function spellingsAt(word: string, i: number): { schemes: readonly string[]; all: readonly string[] } {
  const letter = word[i];
  const entry = (letter === 'е' && (i === 0 || VOWELS.has(word[i - 1]))) ? VOWEL_START_E : LETTERS[letter];
  if (!entry) return { schemes: [letter, letter, letter, letter], all: [letter] };
  let spellings = ENTRY_SPELLINGS.get(entry);
  if (!spellings) {
    const [bgn, iso9, scholarly, passport, informal] = entry;
    spellings = { schemes: [bgn, iso9, scholarly, passport], all: [...new Set([bgn, passport, ...informal, iso9, scholarly])] };
    ENTRY_SPELLINGS.set(entry, spellings);
  }
  return spellings;
}

/** The spellings made for each word: the catalog's names share most of their words. */
const WORD_SPELLINGS = new Map<string, readonly string[]>();

/** Writes a Latin spelling in the case of the Russian word: "Взаимодействие" -> "Vzaimodeystviye", "ОДКБ" -> "ODKB". */
function inCaseOf(russian: string, latin: string): string {
  if (!latin) return latin;
  const first = russian[0];
  const capital = first !== first.toLowerCase();
  const allCapitals = russian.length > 1 && russian === russian.toUpperCase();
  if (allCapitals) return latin.toUpperCase();
  return capital ? latin[0].toUpperCase() + latin.slice(1) : latin;
}

/** The Latin spelling of a word under one scheme. */
function wordInScheme(word: string, scheme: number): string {
  const lower = word.toLowerCase();
  let out = '';
  for (let i = 0; i < lower.length; i++) out += isCyrillicCode(lower.charCodeAt(i)) ? spellingsAt(lower, i).schemes[scheme] : lower[i];
  return inCaseOf(word, out);
}

/** Every spelling of a word: each letter in each of its spellings, the first MAX_PER_WORD of them. */
function wordSpellings(word: string): readonly string[] {
  let made = WORD_SPELLINGS.get(word);
  if (!made) WORD_SPELLINGS.set(word, (made = spellWord(word)));
  return made;
}

function spellWord(word: string): string[] {
  const lower = word.toLowerCase();
  let spellings = [''];
  for (let i = 0; i < lower.length; i++) {
    const options = isCyrillicCode(lower.charCodeAt(i)) ? spellingsAt(lower, i).all : [lower[i]];
    const next: string[] = [];
    for (const prefix of spellings) for (const option of options) if (next.length < MAX_PER_WORD * 4) next.push(prefix + option);
    spellings = next;
  }
  // The scheme spellings first, so that a cut keeps them; then the others in the order made.
  const schemes = SCHEMES.map((_, s) => wordInScheme(word, s).toLowerCase());
  return [...new Set([...schemes, ...spellings])].slice(0, MAX_PER_WORD).map((s) => inCaseOf(word, s));
}

/** The spelling of a whole name under each scheme, in SCHEMES order (repeats kept, one per scheme). */
export function schemeSpellings(name: string): string[] {
  return SCHEMES.map((_, s) => name.replace(/[\u0400-\u04ff]+/g, (word) => wordInScheme(word, s)));
}

/**
 * The Latin spellings of a Russian name: the four schemes' first, then the press's mixtures, each
 * word spelled independently (a note may write "Nerushimoye Bratstvo"), at most MAX_PER_NAME. An
 * abbreviation ("КСОР") gets none: three capitals transliterated are too often another name
 * ("ОШ" would be the city of Osh); a catalog types those it wants ("KSOR").
 */
export function latinSpellings(name: string): string[] {
  if (!hasCyrillic(name) || isCyrillicAbbreviation(name)) return [];
  const parts = name.split(/([\u0400-\u04ff]+)/);
  let names = [''];
  for (const part of parts) {
    const options = /^[\u0400-\u04ff]+$/.test(part) ? wordSpellings(part) : [part];
    const next: string[] = [];
    for (const prefix of names) for (const option of options) if (next.length < MAX_PER_NAME * 4) next.push(prefix + option);
    names = next;
  }
  return [...new Set([...schemeSpellings(name), ...names])].filter((n) => n !== name).slice(0, MAX_PER_NAME);
}

/**
 * The Latin letters of a Russian abbreviation under each scheme ("СКБ" gives "SKB"): for reading it
 * where a text puts it after the name it stands for, never to find it alone.
 */
export function abbreviationSpellings(abbreviation: string): string[] {
  return isCyrillicAbbreviation(abbreviation) ? [...new Set(schemeSpellings(abbreviation))] : [];
}

function isCyrillicAbbreviation(name: string): boolean {
  const letters = name.replace(/[^\u0400-\u04ff]/g, '');
  return letters.length > 0 && letters.length <= 6 && letters === letters.toUpperCase() && !/\s/.test(name.trim());
}
