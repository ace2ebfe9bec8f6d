// The identity of a sentence: a hash of its words, telling copies of one sentence (a reprint, a
// boilerplate line) from different sentences. Read off the text for plain sentences, so that the
// sentence index makes words only for a sentence it has not seen.

import type { QuoteWord } from './quoteWords';

/** A 53-bit hash of a sentence's words, telling copies of one sentence from different sentences. */
export function sentenceIdentity(words: readonly QuoteWord[]): number {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (const word of words) {
    for (let i = 0; i < word.key.length; i++) {
      const c = word.key.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
    }
    a = Math.imul(a ^ 32, 0x01000193);
    b = Math.imul(b ^ 32, 0x5bd1e995);
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
}

/** Characters above ASCII that are no part of a word: spaces, dashes, quotation marks, bullets. */
const NOT_WORD_ABOVE_ASCII = new Set([0xa0, 0xab, 0xb7, 0xbb, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2018, 0x201a, 0x201c, 0x201d, 0x201e, 0x2022, 0x2026, 0x2032, 0x2033, 0x202f, 0x2212]);

/**
 * sentenceIdentity(wordsOf(text, from, to)) and the number of words, read off the text without
 * making the words, for a sentence of ASCII words (typographic punctuation allowed); undefined for
 * one with another character, which wordsOf then reads. Words as wordsOf's WORD finds them: a run
 * of letters and digits, then any number of an apostrophe and letters; keys in lower case, "’" as "'".
 */
export function identityFromText(text: string, from: number, to: number): { identity: number; words: number } | undefined {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  let words = 0;
  const mix = (c: number) => {
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  };
  for (let i = from; i < to; ) {
    const c = text.charCodeAt(i);
    if (c >= 128) {
      if (c !== 0x2019 && !NOT_WORD_ABOVE_ASCII.has(c)) return undefined;
      i++;
      continue;
    }
    if (!isAsciiLetter(c) && !isAsciiDigit(c)) {
      i++;
      continue;
    }
    // A run of letters and digits …
    for (; i < to; i++) {
      const d = text.charCodeAt(i);
      if (d >= 128 && d !== 0x2019 && !NOT_WORD_ABOVE_ASCII.has(d)) return undefined;
      if (!isAsciiLetter(d) && !isAsciiDigit(d)) break;
      mix(d >= 65 && d <= 90 ? d + 32 : d);
    }
    // … then an apostrophe and letters, again and again.
    while (i + 1 < to) {
      const apostrophe = text.charCodeAt(i);
      if (apostrophe !== 39 && apostrophe !== 0x2019) break;
      const next = text.charCodeAt(i + 1);
      if (next >= 128 && next !== 0x2019 && !NOT_WORD_ABOVE_ASCII.has(next)) return undefined;
      if (!isAsciiLetter(next)) break;
      mix(39);
      for (i++; i < to; i++) {
        const d = text.charCodeAt(i);
        if (d >= 128 && d !== 0x2019 && !NOT_WORD_ABOVE_ASCII.has(d)) return undefined;
        if (!isAsciiLetter(d)) break;
        mix(d >= 65 && d <= 90 ? d + 32 : d);
      }
    }
    mix(32);
    words++;
  }
  return { identity: (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff), words };
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
