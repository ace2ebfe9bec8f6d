// Typed columns of many documents carved out of a few large buffers. A typed array made alone has
// an ArrayBuffer of its own, allocated outside the heap and tracked by the garbage collector: a
// warm start made five of them for each of 11,000 documents, and allocating them cost more than
// filling them (and every one is a few hundred bytes of bookkeeping kept as long as the index).
// A view of a shared buffer is one small object. The buffer is freed when no view of it is left,
// so the slabs serve documents that stay (the corpus, restored or read by workers), not text that
// changes with every keystroke.

/** One slab's size: large enough that its cost is shared by hundreds of documents. */
const SLAB_BYTES = 1 << 20;
/** A column above this size gets a buffer of its own, so that no slab is mostly one document. */
const OWN_BUFFER_BYTES = SLAB_BYTES >> 3;

export class ColumnSlabs {
  private slab: ArrayBuffer | undefined;
  private used = 0;

  /** A zeroed column of `length` 32-bit integers. */
  int32(length: number): Int32Array {
    return this.carve(Int32Array, length);
  }

  /** A zeroed column of `length` 16-bit unsigned integers. */
  uint16(length: number): Uint16Array {
    return this.carve(Uint16Array, length);
  }

  /** A copy of `values` in a slab. */
  copyInt32(values: ArrayLike<number>): Int32Array {
    const column = this.int32(values.length);
    if (ArrayBuffer.isView(values)) column.set(values as Int32Array);
    else for (let i = 0; i < values.length; i++) column[i] = values[i];
    return column;
  }

  /** A view of the current slab, or a buffer of its own for a large column. */
  private carve<T>(Type: { new (length: number): T; new (buffer: ArrayBuffer, at: number, length: number): T; BYTES_PER_ELEMENT: number }, length: number): T {
    const bytes = length * Type.BYTES_PER_ELEMENT;
    if (bytes > OWN_BUFFER_BYTES) return new Type(length);
    const at = this.reserve(bytes);
    return new Type(this.slab!, at, length);
  }

  /** The offset of `bytes` not yet handed out, four-byte aligned, in the current slab. */
  private reserve(bytes: number): number {
    if (!this.slab || this.used + bytes > SLAB_BYTES) {
      this.slab = new ArrayBuffer(SLAB_BYTES);
      this.used = 0;
    }
    const at = this.used;
    this.used = (at + bytes + 3) & ~3;
    return at;
  }
}

/** `to` (a longer column) holding `from`'s numbers at its start: a column grown, its numbers kept. */
export function grown<T extends Int32Array | Uint32Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
