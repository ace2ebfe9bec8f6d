// Word tokens and the key a name is matched by: case, diacritics, possessives and spelling folded.

import { grown } from './columnSlabs';
import { hasCyrillic, russianKey } from './russian';

/** British spellings folded to one form, so "Defence" and "Defense" are the same key. */
const SPELLING_FOLDS = new Map<string, string>([
  ['defence', 'defense'],
  ['centre', 'center'],
  ['centres', 'centers'],
  ['organisation', 'organization'],
  ['organisations', 'organizations'],
  ['programme', 'program'],
  ['programmes', 'programs'],
  ['counselling', 'counseling'],
  ['authorised', 'authorized'],
  ['specialised', 'specialized'],
]);

/** The key of one word: lower case, no diacritics, possessive dropped, spelling folded. */
export function wordKey(word: string): string {
  let key = word.toLowerCase();
  if (isAsciiWithApostrophes(key)) {
    // "CSTO's", "today’s": nothing to unfold, only the possessive and the apostrophes to drop.
    const last = key.length - 2;
    if (last >= 0 && key.charCodeAt(last + 1) === 115 && (key.charCodeAt(last) === 39 || key.charCodeAt(last) === 0x2019)) key = key.slice(0, last);
    key = key.replace(/['\u2019]/g, '');
  } else if (!isPlainAscii(key)) {
    // A Russian word is keyed by its stem, so that every case of a name is one key; its "й" is a
    // letter of its own, not an "и" with a mark.
    if (hasCyrillic(key)) return russianKey(key.replace(/['\u2019]/g, ''));
    key = key.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
    key = key.replace(/['\u2019]s$/, '').replace(/['\u2019]/g, '');
  }
  return SPELLING_FOLDS.get(key) ?? key;
}

/** ASCII with at least one apostrophe (straight or curly) and nothing else outside ASCII. */
function isAsciiWithApostrophes(word: string): boolean {
  let apostrophe = false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c === 39 || c === 0x2019) apostrophe = true;
    else if (c > 127) return false;
  }
  return apostrophe;
}

/** Letters and digits only, all ASCII: the common case, which needs no further folding. */
function isPlainAscii(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c > 127 || c === 39) return false;
  }
  return true;
}

/** Per UTF-16 code unit: 1 when it is a letter or digit, 2 when not, 0 not yet known. */
const WORD_CLASS = new Uint8Array(65536);
for (let c = 0; c < 128; c++) WORD_CLASS[c] = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 2;

/** A letter or digit (`[\p{L}\p{N}]`), by a table filled as new characters are met. */
export function isWordCode(code: number): boolean {
  let kind = WORD_CLASS[code];
  if (kind === 0) {
    kind = /[\p{L}\p{N}]/u.test(String.fromCharCode(code)) ? 1 : 2;
    WORD_CLASS[code] = kind;
  }
  return kind === 1;
}

/** True when the character at `at` is an upper-case letter (`^\p{Lu}`); ASCII by char code. */
export function startsCapital(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c < 128) return c >= 65 && c <= 90;
  return /^\p{Lu}/u.test(text[at]);
}

/** Per UTF-16 code unit: its lower case when it is an ASCII letter or digit, 0 for anything else. */
const ASCII_LOWER = new Uint8Array(65536);
for (let c = 0; c < 128; c++) if (WORD_CLASS[c] === 1) ASCII_LOWER[c] = c >= 65 && c <= 90 ? c + 32 : c;

function isHyphen(code: number): boolean {
  return code === 45 || code === 0x2010 || code === 0x2011;
}

/**
 * The words of a text with their offsets, as columns. `joinNext[i]` is 1 when word i and word
 * i+1 are written as one hyphenated word ("peace-keeping"), so either spelling can match. A
 * word's key is made only when asked for; `hashes[i]` (the hash of its lower-case form) lets a
 * caller skip words that cannot start a name without making their keys.
 */
export class Words {
  /** Keys made so far; the keys of words with accents or apostrophes are set when splitting. */
  private readonly keys: (string | undefined)[];

  constructor(
    private readonly text: string,
    readonly starts: Int32Array,
    readonly ends: Int32Array,
    readonly hashes: Int32Array,
    readonly joinNext: Uint8Array,
    /** The words with an apostrophe inside ("CSTO's", "d'Artagnan"), in order. */
    readonly withApostrophe: readonly number[] = [],
  ) {
    // Sized at once: keys set out of order in a growing array would make it a slow dictionary.
    this.keys = new Array<string | undefined>(starts.length);
  }

  get length(): number {
    return this.starts.length;
  }

  key(i: number): string {
    let key = this.keys[i];
    if (key === undefined) {
      // A word without a key yet is plain ASCII letters and digits (`split` keys the others): its
      // key is its lower case, spelling folded, as `wordKey` would make it.
      const lower = this.text.slice(this.starts[i], this.ends[i]).toLowerCase();
      // The hash of a plain word is that of its lower case: only one a fold starts from is looked up.
      key = FOLD_SOURCES.has(this.hashes[i]) ? (SPELLING_FOLDS.get(lower) ?? lower) : lower;
      this.keys[i] = key;
    }
    return key;
  }

  /** @internal */
  setKey(i: number, key: string): void {
    this.keys[i] = key;
  }
}

const FNV_PRIME = 16777619;

/** The hash `Words.hashes` holds for a word whose lower-case form is `lower`. */
export function keyHash(lower: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < lower.length; i++) h = Math.imul(h ^ lower.charCodeAt(i), FNV_PRIME);
  return h | 0;
}

/**
 * A set of word hashes that answers "no" for most words from a bitmap of their low 16 bits,
 * before any set lookup: the test each word of a text goes through (name starts, head nouns,
 * kind words), where almost every answer is "no".
 */
export class HashSet {
  private readonly bits = new Uint32Array(2048);
  private readonly hashes: Set<number>;

  constructor(hashes: Iterable<number>) {
    this.hashes = new Set(hashes);
    for (const h of this.hashes) this.bits[(h & 0xffff) >>> 5] |= 1 << (h & 31);
  }

  has(hash: number): boolean {
    return (this.bits[(hash & 0xffff) >>> 5] & (1 << (hash & 31))) !== 0 && this.hashes.has(hash);
  }
}

/** The hashes of the spellings `SPELLING_FOLDS` folds. */
const FOLD_SOURCES = new HashSet([...SPELLING_FOLDS.keys()].map(keyHash));

/** The hashes under which a key may appear in `Words.hashes`: its own, and those of the spellings folded into it. */
export function hashesOfKey(key: string): number[] {
  const hashes = [keyHash(key)];
  for (const [source, target] of SPELLING_FOLDS) if (target === key) hashes.push(keyHash(source));
  return hashes;
}

/**
 * Splits a text into words: runs of letters and digits, with inner apostrophes ("today's"). One
 * pass by char code, into columns sized for the most words the text can hold (a word and a
 * separator each take a character); keys are made here only for words that need folding.
 */
export function splitWords(text: string, from = 0, to = text.length): Words {
  return split(text, from, to, undefined);
}

/** Columns for splitting a name: reused, so the words they hold last only until the next split. */
const SCRATCH_WORDS = 64;
const NAME_SCRATCH = { starts: new Int32Array(SCRATCH_WORDS), ends: new Int32Array(SCRATCH_WORDS), hashes: new Int32Array(SCRATCH_WORDS), joinNext: new Uint8Array(SCRATCH_WORDS) };

/** The words of a short text (a name) in reused columns: read them before splitting anything else. */
function splitTransient(text: string): Words {
  return split(text, 0, text.length, NAME_SCRATCH);
}

function split(text: string, from: number, to: number, scratch: typeof NAME_SCRATCH | undefined): Words {
  // The most words the text can hold: a word and a separator each.
  const capacity = Math.max(0, (to - from + 1) >> 1);
  const transient = scratch !== undefined && capacity <= SCRATCH_WORDS;
  const reused = !transient && capacity <= REUSED_WORDS;
  // A long text's own columns start at what its words likely need (prose has a word in six
  // characters or more), and double if that was short: reserving the most a text can hold zeroed
  // 6.5 MB for a 1 MB note, a twentieth of its analysis.
  const own = transient || reused ? undefined : new WordColumns().reserve(Math.min(capacity, ((to - from) >> 2) + 1024));
  const columns = transient ? scratch : (own ?? WORD_COLUMNS.reserve(capacity));
  let { starts, ends, hashes, joinNext } = columns;
  let folded: [number, string][] | undefined;
  const withApostrophe: number[] = [];
  let n = 0;
  let i = from;
  // Every read is inside [from, to): a read past the end of a string is slow in V8.
  while (i < to) {
    let c = text.charCodeAt(i);
    if (!isWordCode(c)) {
      i++;
      continue;
    }
    const start = i;
    let plain = true;
    let hash = 0x811c9dc5;
    // ASCII letters and digits by one table, as most words are nothing else; then, for a word
    // that goes on in other letters, by the general test (a quarter of the splitting time saved).
    while (true) {
      const lower = ASCII_LOWER[c];
      if (lower === 0) break;
      hash = Math.imul(hash ^ lower, FNV_PRIME);
      if (++i === to) break;
      c = text.charCodeAt(i);
    }
    if (i < to && c > 127 && isWordCode(c)) {
      plain = false;
      while (true) {
        hash = Math.imul(hash ^ (c >= 65 && c <= 90 ? c + 32 : c), FNV_PRIME);
        if (++i === to) break;
        c = text.charCodeAt(i);
        if (!isWordCode(c)) break;
      }
    }
    // An apostrophe followed by a letter stays inside the word: "CSTO's", "today’s".
    while (i + 1 < to && (c === 39 || c === 0x2019)) {
      const next = text.charCodeAt(i + 1);
      if (!isLetter(next) || !isWordCode(next)) break;
      if (plain || withApostrophe[withApostrophe.length - 1] !== n) withApostrophe.push(n);
      plain = false;
      i++;
      while (i < to && isWordCode(text.charCodeAt(i))) i++;
      if (i < to) c = text.charCodeAt(i);
    }
    if (n === starts.length && own) ({ starts, ends, hashes, joinNext } = own.grow());
    if (n > 0) {
      const previousEnd = ends[n - 1];
      if (start - previousEnd === 1 && isHyphen(text.charCodeAt(previousEnd)) && isLetter(text.charCodeAt(previousEnd - 1)) && isLetter(text.charCodeAt(start))) joinNext[n - 1] = 1;
    }
    starts[n] = start;
    ends[n] = i;
    joinNext[n] = 0;
    if (plain) hashes[n] = hash | 0;
    else {
      // Accents, apostrophes, other scripts: the key decides the hash.
      const key = wordKey(text.slice(start, i));
      (folded ??= []).push([n, key]);
      hashes[n] = keyHash(key);
    }
    n++;
  }
  const words = transient
    ? new Words(text, starts.subarray(0, n), ends.subarray(0, n), hashes.subarray(0, n), joinNext.subarray(0, n), withApostrophe)
    : new Words(text, starts.slice(0, n), ends.slice(0, n), hashes.slice(0, n), joinNext.slice(0, n), withApostrophe);
  if (folded) for (const [index, key] of folded) words.setKey(index, key);
  return words;
}

/**
 * Columns a text is split into before its words are counted, grown as needed and reused: the
 * words are then copied out at their number, not at the most a text could hold. A text that may
 * hold more than REUSED_WORDS words gets columns of its own, so that one huge file does not keep
 * its columns alive for good.
 */
class WordColumns {
  starts = new Int32Array(0);
  ends = new Int32Array(0);
  hashes = new Int32Array(0);
  joinNext = new Uint8Array(0);

  reserve(capacity: number): this {
    if (this.starts.length < capacity) {
      const size = Math.max(capacity, this.starts.length * 2, 1024);
      this.starts = new Int32Array(size);
      this.ends = new Int32Array(size);
      this.hashes = new Int32Array(size);
      this.joinNext = new Uint8Array(size);
    }
    return this;
  }

  /** Twice the room, the words already written kept (a text's own columns, when their first size was short). */
  grow(): this {
    const size = this.starts.length * 2;
    this.starts = grown(this.starts, new Int32Array(size));
    this.ends = grown(this.ends, new Int32Array(size));
    this.hashes = grown(this.hashes, new Int32Array(size));
    this.joinNext = grown(this.joinNext, new Uint8Array(size));
    return this;
  }
}

const WORD_COLUMNS = new WordColumns();
const REUSED_WORDS = 1 << 16;

/** True when the text before `end` is a possessive ending ("'s", "’S"): without a slice or a pattern. */
export function endsPossessive(text: string, end: number): boolean {
  if (end < 2) return false;
  const s = text.charCodeAt(end - 1);
  const apostrophe = text.charCodeAt(end - 2);
  return (s === 115 || s === 83) && (apostrophe === 39 || apostrophe === 0x2019);
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code > 191;
}

/**
 * The key sequence of a name as written in the catalog: words keyed as above, hyphenated
 * letter-words joined ("Peace-keeping Forces" -> ["peacekeeping", "forces"]).
 */
export function nameKeys(name: string): string[] {
  let keys = nameKeyCache.get(name);
  if (!keys) {
    // The same few names are keyed again and again (every "Thunder-2021" of a text); the cache is
    // bounded by starting afresh.
    if (nameKeyCache.size >= NAME_KEY_CACHE_SIZE) nameKeyCache.clear();
    keys = keysOfName(name);
    nameKeyCache.set(name, keys);
  }
  return [...keys];
}

const NAME_KEY_CACHE_SIZE = 4096;
const nameKeyCache = new Map<string, readonly string[]>();

function keysOfName(name: string): string[] {
  const words = splitTransient(name);
  const keys: string[] = [];
  for (let i = 0; i < words.length; i++) {
    let key = words.key(i);
    while (words.joinNext[i]) key += words.key(++i);
    keys.push(key);
  }
  return keys;
}

export const OPENING_QUOTES = '"\u201c\u201e\u00ab\u2018\'\u201a\u2039';
export const CLOSING_QUOTES = '"\u201d\u201c\u00bb\u2019\'\u203a';

/** Capitalised words joined by hyphens, a name however common its words: "Kanal-Issyk-Kul", "Channel-Red". */
export const HYPHENATED_NAME = /^\p{Lu}[\p{L}\p{N}]*(?:-\p{Lu}[\p{L}\p{N}]*)+$/u;

/** "Search-2021", “Channel” 2022: a name as written, without the year of an edition and its closing quote. */
export function withoutEditionYear(written: string): string {
  return written.replace(/["\u201d\u00bb']?[\s\u2010-\u2014-]*(?:19|20)\d\d$/, '');
}

/** A pattern that finds a name again as a whole name, its spaces matching any run of white space. */
export function wholeNamePattern(name: string): RegExp {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'gu');
}

