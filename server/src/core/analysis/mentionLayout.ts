// How a document's mention rows are laid out in MentionColumns: which integer holds what, how
// a packed row's small numbers share one word, and the tables of the index its numbers refer to.

import type { DiscoveredInfo } from '../model';
import { grown } from '../text/columnSlabs';
import type { Interner } from '../text/strings';

// Both layouts have the start second.
export const START = 1;
/**
 * The packed layout: the spelling (the number of the entity-and-surface pair in the index's
 * Spellings: a few thousand pairs serve a million mentions), the start, and one word of small numbers.
 */
export const PACKED_STRIDE = 3;
export const SPELLING = 0;
export const PACKED = 2;
/** The wide layout: the entity, the start, the surface, the end, the passage, the edition and the flags each an integer of their own. */
export const WIDE_STRIDE = 7;
export const ENTITY = 0;
export const SURFACE = 2;
export const END = 3;
export const PASSAGE = 4;
export const EDITION = 5;
/** Bit 0: a repeat; the rest: 1 + the index of its discovered info, 0 for none. */
export const FLAGS = 6;

/**
 * How the small numbers of a packed row share its last word, low bits first: the length of the
 * mention, 1 + its passage (0: none), the number of its edition in the document's editions (0:
 * none), then the flags as in the wide layout.
 */
export interface Packing {
  lengthMask: number;
  passageShift: number;
  passageMask: number;
  editionShift: number;
  editionMask: number;
  flagsShift: number;
}

/** The packings made so far: documents with the same widths share one. */
const packings = new Map<number, Packing>();

export function packingOf(lengthBits: number, passageBits: number, editionBits: number): Packing {
  const key = (lengthBits << 12) | (passageBits << 6) | editionBits;
  let packing = packings.get(key);
  if (!packing) {
    const mask = (bits: number) => (bits === 32 ? -1 : (1 << bits) - 1);
    packing = {
      lengthMask: mask(lengthBits),
      passageShift: lengthBits,
      passageMask: mask(passageBits),
      editionShift: lengthBits + passageBits,
      editionMask: mask(editionBits),
      flagsShift: lengthBits + passageBits + editionBits,
    };
    packings.set(key, packing);
  }
  return packing;
}

/** Bits enough to write every number from 0 to `max`. */
export function bitsFor(max: number): number {
  return max <= 0 ? 0 : 32 - Math.clz32(max);
}

/**
 * The (entity, surface) pairs of an index's mentions, numbered: a packed row keeps one number for
 * both. Both are numbers of the index's string table.
 */
export class Spellings {
  /** Entity and surface of each pair, one after the other. */
  pairs = new Int32Array(1024);
  private count = 0;
  private readonly numbers = new Map<number | string, number>();

  /** The number of a pair, given at its first use. */
  number(entity: number, surface: number): number {
    // An exact number while the entity's is below 2^21 (any index this server can hold), else text.
    const key = entity < 0x200000 ? entity * 0x100000000 + surface : `${entity},${surface}`;
    let number = this.numbers.get(key);
    if (number === undefined) {
      number = this.count++;
      if (2 * this.count > this.pairs.length) this.pairs = grown(this.pairs, new Int32Array(this.pairs.length * 2));
      this.pairs[2 * number] = entity;
      this.pairs[2 * number + 1] = surface;
      this.numbers.set(key, number);
    }
    return number;
  }
}

/**
 * The discovered infos of an index's documents, numbered by what they say: a person named in a
 * thousand documents is one object, not a thousand. Kept as long as the index's string table.
 */
export interface SharedInfos {
  numbers: Map<string, number>;
  list: DiscoveredInfo[];
}
const sharedInfos = new WeakMap<Interner, SharedInfos>();
/** The (entity, surface) pairs of an index's packed rows, numbered once for all its documents. */
const sharedSpellings = new WeakMap<Interner, Spellings>();

export function spellingsOf(strings: Interner): Spellings {
  let spellings = sharedSpellings.get(strings);
  if (!spellings) sharedSpellings.set(strings, (spellings = new Spellings()));
  return spellings;
}

export function sharedInfosOf(strings: Interner): SharedInfos {
  let shared = sharedInfos.get(strings);
  if (!shared) sharedInfos.set(strings, (shared = { numbers: new Map(), list: [] }));
  return shared;
}
