// Russian words as the matcher keys them: a word in any grammatical case and number gets the
// same key as its other forms, so "Совета коллективной безопасности" is the "Совет
// коллективной безопасности" of the catalog. The stemmer is the Snowball algorithm for Russian
// as @nlpjs/lang-ru ships it (see the commit that added it for why that one).

import StemmerRu from '@nlpjs/lang-ru/src/stemmer-ru';

const stemmer = new StemmerRu();

/** True when the code unit is a Cyrillic letter (U+0400–U+04FF). */
export function isCyrillicCode(code: number): boolean {
  return code >= 0x400 && code <= 0x4ff;
}

/** True for a capital Russian letter, "Ё" included. */
export function isCyrillicCapital(code: number): boolean {
  return (code >= 0x410 && code <= 0x42f) || code === 0x401;
}

/** True when the text has a Cyrillic letter. */
export function hasCyrillic(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isCyrillicCode(text.charCodeAt(i))) return true;
  return false;
}

/** The languages a text is told apart in: Russian (Cyrillic) or English (everything else). */
export type Language = 'en' | 'ru';

/** The language most of a text's letters are written in: 'ru' when Cyrillic letters outnumber Latin ones. */
export function languageOf(text: string, from = 0, to = text.length): Language {
  let cyrillic = 0;
  let latin = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (isCyrillicCode(c)) cyrillic++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin++;
  }
  return cyrillic > latin ? 'ru' : 'en';
}

/** A lower-case Russian word with "ё" written "е", as most Russian text writes it. */
export function withoutYo(lower: string): string {
  return lower.includes('ё') ? lower.replace(/ё/g, 'е') : lower;
}

/** How many word forms the key cache holds before it starts afresh: the forms of a large corpus's vocabulary. */
const CACHE_SIZE = 200_000;
const cache = new Map<string, string>();

/**
 * The key of a lower-case Russian word: "ё" written as "е", then the Snowball stem, stemmed again
 * until it stays the same. Stemming once leaves some forms of a word apart ("канал" -> "кана" but
 * "канале" -> "канал"); a second pass brings them together.
 */
export function russianKey(lower: string): string {
  let key = cache.get(lower);
  if (key !== undefined) return key;
  key = withoutYo(lower);
  // The stemmer works on Cyrillic words; a word that mixes scripts ("КСОР-2" is split already)
  // or an abbreviation of two letters keeps its letters.
  if (key.length > 3) {
    for (let pass = 0; pass < 3; pass++) {
      const stem: string = stemmer.stemWord(key);
      if (stem === key || stem.length < 2) break;
      key = stem;
    }
  }
  if (cache.size >= CACHE_SIZE) cache.clear();
  cache.set(lower, key);
  return key;
}
