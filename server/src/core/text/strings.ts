// Strings as the index keeps them: fingerprints of passages, titles cut to length, interned copies.

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

/** A title cut to at most `max` characters where it must be, an ellipsis for the rest (not at a word: as much as fits). */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}\u2026` : text;
}

export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max - 1);
  return text.slice(0, cut > max * 0.6 ? cut : max - 1).replace(/[\s,;:]+$/, '') + '\u2026';
}

/**
 * Keeps one copy of each distinct short string. A slice of a large text keeps the whole text
 * alive in V8; the copy stored here does not, so names and titles can outlive their document.
 * Each string kept has a number, so that a column of numbers can stand for a column of strings.
 */
export class Interner {
  private readonly numbers = new Map<string, number>();
  private readonly strings: string[] = [];

  /**
   * `copies` false: strings are kept as given, slices included. For an interner that lives only
   * as long as its text (a worker's, whose document is serialised and then dropped), where the
   * copy would cost a tenth of a millisecond a document for nothing.
   */
  constructor(private readonly copies = true) {}

  get(value: string): string {
    return this.strings[this.id(value)];
  }

  /** The number of a string, kept from now on. */
  id(value: string): number {
    let id = this.numbers.get(value);
    if (id === undefined) {
      const kept = this.copies ? detach(value) : value;
      id = this.strings.length;
      this.strings.push(kept);
      this.numbers.set(kept, id);
    }
    return id;
  }

  /** The number of a string already kept; undefined for one never given (nothing is kept). */
  known(value: string): number | undefined {
    return this.numbers.get(value);
  }

  /** The string with a number; undefined for a number never given. */
  at(id: number): string {
    return this.strings[id];
  }
}

/** A copy of a string that shares no memory with the string it was sliced from. */
export function detach(value: string): string {
  return value.length < 13 ? value : (JSON.parse(JSON.stringify(value)) as string);
}

/** "1 mention", "3 mentions". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The file name of a uri ("002_743dec8484922d2a.txt"). */
export function fileName(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
}
