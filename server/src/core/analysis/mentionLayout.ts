// How a document's mention rows are laid out in MentionColumns: which integer holds what, and how
// a packed row's small numbers share one word.

// Both layouts begin with the entity, the start and the surface.
export const ENTITY = 0;
export const START = 1;
export const SURFACE = 2;
/** The packed layout: those three and one word of small numbers. */
export const PACKED_STRIDE = 4;
export const PACKED = 3;
/** The wide layout: the end, the passage, the edition and the flags each an integer of their own. */
export const WIDE_STRIDE = 7;
export const END = 3;
export const PASSAGE = 4;
export const EDITION = 5;
/** Bit 0: a repeat; the rest: 1 + the index of its discovered info, 0 for none. */
export const FLAGS = 6;

/**
 * How the small numbers of a packed row share its fourth word, low bits first: the length of the
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
