// Turns the bytes of a corpus file into text, or into a reason it cannot be indexed, in words a
// reader understands. Never throws.

export type DecodedFile =
  | { ok: true; text: string; notice?: string }
  | { ok: false; reason: string };

const SNIFF_BYTES = 8000;

/** Why a file over the size limit is not indexed. */
export function tooLargeReason(size: number, maxBytes: number): string {
  return `is ${megabytes(size)} MB, over the ${megabytes(maxBytes)} MB limit set by corpusLens.maxFileSizeMB; it is not indexed.`;
}

/** Thrown by a read that found the file over the size limit before reading it. */
export class FileTooLargeError extends Error {
  constructor(size: number, maxBytes: number) {
    super(tooLargeReason(size, maxBytes));
    this.name = 'FileTooLargeError';
  }
}

export function decodeCorpusFile(bytes: Uint8Array, maxBytes: number): DecodedFile {
  if (bytes.length > maxBytes) return { ok: false, reason: tooLargeReason(bytes.length, maxBytes) };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  const body = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (looksBinary(body)) return { ok: false, reason: 'looks like a binary file, not text; it is not indexed.' };
  if (!body.length) return { ok: true, text: '', notice: 'is empty; it has no passages to index.' };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(body) };
  } catch {
    const cyrillic = decodeCyrillic(body);
    if (cyrillic) return cyrillic;
    const text = new TextDecoder('utf-8').decode(body);
    let replaced = 0;
    for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) replaced++;
    return {
      ok: true,
      text,
      notice: `is not valid UTF-8: ${replaced} unreadable byte sequence${replaced === 1 ? ' was' : 's were'} replaced by \ufffd. Save it as UTF-8 to index it cleanly.`,
    };
  }
}

/** The single-byte Cyrillic encodings Russian pages were saved in, by the name TextDecoder knows and the name a reader knows. */
const CYRILLIC_ENCODINGS = [
  { label: 'windows-1251', name: 'Windows-1251' },
  { label: 'koi8-r', name: 'KOI8-R' },
] as const;

/**
 * Bytes that are not UTF-8 but Russian in a single-byte encoding: most of their letters are bytes
 * from 0xC0 up, where both encodings keep the Cyrillic alphabet (a Western page's accented letters
 * are a few in a hundred). Of the two, the one whose reading has more of Russian's commonest
 * lower-case letters (о е а и н т с): Windows-1251 puts lower case where KOI8-R puts capitals, and
 * running text is mostly lower case.
 */
function decodeCyrillic(bytes: Uint8Array): DecodedFile | undefined {
  let latin = 0;
  let high = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b >= 0xc0) high++;
    else if ((b >= 65 && b <= 90) || (b >= 97 && b <= 122)) latin++;
  }
  if (high < 3 || high < 0.3 * (high + latin)) return undefined;
  let best: { text: string; name: string; score: number } | undefined;
  for (const { label, name } of CYRILLIC_ENCODINGS) {
    let text: string;
    try {
      text = new TextDecoder(label).decode(bytes);
    } catch {
      return undefined; // a runtime without these encodings: read as UTF-8 with replacements
    }
    let score = 0;
    for (let i = 0; i < text.length; i++) if (COMMON_RUSSIAN.has(text.charCodeAt(i))) score++;
    if (!best || score > best.score) best = { text, name, score };
  }
  if (!best) return undefined;
  return { ok: true, text: best.text, notice: `is not UTF-8; it was read as Russian text in ${best.name}. If its letters look wrong, save it as UTF-8.` };
}

const COMMON_RUSSIAN = new Set([...'оеаинтс'].map((c) => c.charCodeAt(0)));

/** NUL bytes, or many control characters, in the first few kilobytes mean binary data. */
function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < end; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 8 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  return end > 0 && control / end > 0.1;
}

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 10 ? mb.toFixed(0) : mb.toFixed(1);
}

/**
 * A catalog's bytes as the editor shows them: UTF-8 with a byte order mark dropped, so that offsets
 * in the text are the editor's (a BOM kept in the text put every position on the first line one off).
 */
export function decodeCatalog(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}
