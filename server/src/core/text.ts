// Text primitives shared by the core: line tables, word tokens and the key a name is matched by.

export interface LineCol {
  line: number;
  character: number;
}

/**
 * Maps character offsets to zero-based line/column (UTF-16, as LSP counts) and back. It keeps only
 * the line starts, so a document's text need not stay in memory.
 */
export class LineTable {
  private constructor(
    private readonly starts: Int32Array,
    private readonly length: number,
  ) {}

  static of(text: string): LineTable {
    const starts = [0];
    for (let i = text.indexOf('\n'), r = text.indexOf('\r'); i >= 0 || r >= 0; ) {
      // The next line break: \n, \r\n or a lone \r.
      if (r >= 0 && (i < 0 || r < i)) {
        const next = text.charCodeAt(r + 1) === 10 ? r + 2 : r + 1;
        starts.push(next);
        if (next === r + 2) i = text.indexOf('\n', next);
        r = text.indexOf('\r', next);
      } else {
        starts.push(i + 1);
        i = text.indexOf('\n', i + 1);
      }
    }
    return new LineTable(Int32Array.from(starts), text.length);
  }

  static fromStarts(starts: ArrayLike<number>, length: number): LineTable {
    return new LineTable(Int32Array.from(starts), length);
  }

  /** The offsets where lines start (for storing the table). */
  get lineStarts(): Int32Array {
    return this.starts;
  }

  get textLength(): number {
    return this.length;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): LineCol {
    const clamped = Math.max(0, Math.min(offset, this.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.starts[low] };
  }

  offsetAt(position: LineCol): number {
    if (position.line >= this.starts.length) return this.length;
    if (position.line < 0) return 0;
    const start = this.starts[position.line];
    const nextStart = position.line + 1 < this.starts.length ? this.starts[position.line + 1] : this.length;
    return Math.min(start + Math.max(0, position.character), nextStart);
  }
}

export interface Line {
  /** Offset of the first character of the line. */
  start: number;
  /** Offset just past the last character, line break excluded. */
  end: number;
  text: string;
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const pattern = /\r\n|\r|\n/g;
  let start = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    lines.push({ start, end: match.index, text: text.slice(start, match.index) });
    start = match.index + match[0].length;
  }
  lines.push({ start, end: text.length, text: text.slice(start) });
  return lines;
}

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
  if (!isPlainAscii(key)) {
    key = key.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
    key = key.replace(/['\u2019]s$/, '').replace(/['\u2019]/g, '');
  }
  return SPELLING_FOLDS.get(key) ?? key;
}

/** Letters and digits only, all ASCII: the common case, which needs no further folding. */
function isPlainAscii(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c > 127 || c === 39) return false;
  }
  return true;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

function isWordChar(code: number, text: string, at: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  return WORD_CHAR.test(text[at]);
}

function isHyphen(code: number): boolean {
  return code === 45 || code === 0x2010 || code === 0x2011;
}

/**
 * The words of a text with their offsets. `joinNext[i]` says that word i and word i+1 are
 * written as one hyphenated word ("peace-keeping"), so either spelling can match. A word's key
 * is made only when asked for; `hashes[i]` (the hash of its lower-case form) lets a caller skip
 * words that cannot start a name without making their keys.
 */
export class Words {
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  readonly hashes: number[] = [];
  readonly joinNext: boolean[] = [];
  private readonly keys: (string | undefined)[] = [];

  constructor(private readonly text: string) {}

  get length(): number {
    return this.starts.length;
  }

  key(i: number): string {
    let key = this.keys[i];
    if (key === undefined) {
      key = wordKey(this.text.slice(this.starts[i], this.ends[i]));
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

/** The hashes under which a key may appear in `Words.hashes`: its own, and those of the spellings folded into it. */
export function hashesOfKey(key: string): number[] {
  const hashes = [keyHash(key)];
  for (const [source, target] of SPELLING_FOLDS) if (target === key) hashes.push(keyHash(source));
  return hashes;
}

/** Splits a text into words: runs of letters and digits, with inner apostrophes ("today's"). */
export function splitWords(text: string, from = 0, to = text.length): Words {
  const words = new Words(text);
  let i = from;
  while (i < to) {
    let c = text.charCodeAt(i);
    if (!isWordChar(c, text, i)) {
      i++;
      continue;
    }
    const start = i;
    let plain = true;
    let hash = 0x811c9dc5;
    for (; i < to && isWordChar(c, text, i); c = text.charCodeAt(++i)) {
      if (c > 127) plain = false;
      hash = Math.imul(hash ^ (c >= 65 && c <= 90 ? c + 32 : c), FNV_PRIME);
    }
    // An apostrophe followed by a letter stays inside the word: "CSTO's", "today’s".
    while (i + 1 < to && (text.charCodeAt(i) === 39 || text.charCodeAt(i) === 0x2019) && isLetter(text.charCodeAt(i + 1)) && isWordChar(text.charCodeAt(i + 1), text, i + 1)) {
      plain = false;
      i++;
      while (i < to && isWordChar(text.charCodeAt(i), text, i)) i++;
    }
    const n = words.starts.length;
    if (n > 0) {
      const previousEnd = words.ends[n - 1];
      words.joinNext[n - 1] =
        start - previousEnd === 1 && isHyphen(text.charCodeAt(previousEnd)) && isLetter(text.charCodeAt(previousEnd - 1)) && isLetter(text.charCodeAt(start));
    }
    words.starts.push(start);
    words.ends.push(i);
    words.joinNext.push(false);
    if (plain) words.hashes.push(hash | 0);
    else {
      // Accents, apostrophes, other scripts: the key decides the hash.
      const key = wordKey(text.slice(start, i));
      words.setKey(n, key);
      words.hashes.push(keyHash(key));
    }
  }
  return words;
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code > 191;
}

/**
 * The key sequence of a name as written in the catalog: words keyed as above, hyphenated
 * letter-words joined ("Peace-keeping Forces" -> ["peacekeeping", "forces"]).
 */
export function nameKeys(name: string): string[] {
  const words = splitWords(name);
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

/**
 * A short, stable fingerprint (two FNV-style hashes) of a stretch of text as a reader sees it:
 * runs of white space count as one space, letters in any case as the same, so the same item
 * reprinted with other line breaks matches. Reads the text in place, without copying it.
 */
export function fingerprint(text: string, start = 0, end = text.length): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  let space = true; // leading white space is dropped
  for (let i = start; i < end; i++) {
    let c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0) {
      if (space) continue;
      space = true;
      c = 32;
    } else {
      space = false;
      if (c >= 65 && c <= 90) c += 32;
    }
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return ((h1 >>> 0).toString(36) + (h2 >>> 0).toString(36)).padStart(12, '0');
}

export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max - 1);
  return text.slice(0, cut > max * 0.6 ? cut : max - 1).replace(/[\s,;:]+$/, '') + '\u2026';
}

/**
 * Keeps one copy of each distinct short string. A slice of a large text keeps the whole text
 * alive in V8; the copy stored here does not, so names and titles can outlive their document.
 */
export class Interner {
  private readonly strings = new Map<string, string>();

  get(value: string): string {
    let kept = this.strings.get(value);
    if (kept === undefined) {
      kept = detach(value);
      this.strings.set(kept, kept);
    }
    return kept;
  }
}

/** A copy of a string that shares no memory with the string it was sliced from. */
export function detach(value: string): string {
  return value.length < 13 ? value : (JSON.parse(JSON.stringify(value)) as string);
}
