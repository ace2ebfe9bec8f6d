// The sentences a quotation may come from, as the analysis finds them: where each is and the
// identity of its words, four integers a sentence. The index workers make them with the analysis,
// so that the sentence index never reads and splits the corpus again; the index cache keeps them.

import { innermostPassage } from '../analysis/analyseDocument';
import type { Passage } from '../model';
import { sentenceAround } from '../text/sentences';
import { wordsOf } from './quoteWords';
import { identityFromText, sentenceIdentity } from './sentenceIdentity';

/** Integers per sentence: start, end, and the identity's high and low parts. */
export const FINGERPRINT_WIDTH = 4;
/** The low part of an identity: its last 21 bits (sentenceIdentity is a 53-bit number). */
const LOW = 0x200000;

/** A sentence needs this many words to be found again from a quotation. */
export const MIN_SENTENCE_WORDS = 3;

/**
 * Every sentence of the text outside boilerplate with at least MIN_SENTENCE_WORDS words, in text
 * order: [start, end, identity high, identity low] each.
 */
export function sentenceFingerprints(text: string, passages: readonly Passage[]): Int32Array {
  let out = new Int32Array(Math.max(16, (text.length >> 6) * FINGERPRINT_WIDTH));
  let n = 0;
  for (let at = 0; at < text.length; ) {
    const sentence = sentenceAround(text, at, { start: at, end: text.length });
    const next = Math.max(sentence.end, at + 1);
    if (sentence.end > sentence.start && innermostPassage(passages, sentence.start)?.kind !== 'boilerplate') {
      // Most sentences are plain ASCII words: their identity is read off the text without making words.
      const quick = identityFromText(text, sentence.start, sentence.end);
      const words = quick ? undefined : wordsOf(text, sentence.start, sentence.end);
      const count = quick ? quick.words : words!.length;
      if (count >= MIN_SENTENCE_WORDS) {
        const identity = quick ? quick.identity : sentenceIdentity(words!);
        if (n + FINGERPRINT_WIDTH > out.length) {
          const grown = new Int32Array(out.length * 2);
          grown.set(out);
          out = grown;
        }
        out[n++] = sentence.start;
        out[n++] = sentence.end;
        out[n++] = Math.floor(identity / LOW) | 0;
        out[n++] = identity % LOW;
      }
    }
    at = next;
  }
  return out.slice(0, n);
}

/** The identity of the i-th sentence of fingerprints, as sentenceIdentity gives it. */
export function identityAt(prints: Int32Array, i: number): number {
  return (prints[i * FINGERPRINT_WIDTH + 2] >>> 0) * LOW + prints[i * FINGERPRINT_WIDTH + 3];
}

/**
 * Fingerprints read from a snapshot or the cache, checked: offsets inside a text of `length` and
 * in order, low parts in range. Throws on any that do not hold together.
 */
export function checkFingerprints(prints: Int32Array, length: number): void {
  if (prints.length % FINGERPRINT_WIDTH) throw new Error('the sentence fingerprints are cut short');
  let previousEnd = 0;
  for (let i = 0; i < prints.length; i += FINGERPRINT_WIDTH) {
    const start = prints[i];
    const end = prints[i + 1];
    const low = prints[i + 3];
    if (!(start >= previousEnd && end > start && end <= length)) throw new Error(`a sentence ${start}–${end} lies outside the text or out of order`);
    if (!(low >= 0 && low < LOW)) throw new Error('a sentence identity is out of range');
    previousEnd = end;
  }
}
