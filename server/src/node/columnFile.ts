// The index cache's numbers: every document's columns (line starts, mentions, sentence
// fingerprints) as 32-bit integers one after the other in one file, beside the JSON lines that
// hold the rest. Read in one piece into one buffer whose views become the columns: no text to
// decode, no number to parse. The file opens with a mark and the id of the JSON file it belongs
// to, so that a pair of files from two different saves is never read as one.

import { endianness } from 'node:os';
import type { FileHandle } from 'node:fs/promises';
import { openRegularFile } from './files';

const MAGIC = 'CLCOLS01';
/** The mark, then the 16 bytes of the id. */
const PREFIX_BYTES = 24;
/** The numbers are written in this machine's byte order; the header says which. */
export const BYTE_ORDER = endianness();

/** Writes columns one after the other, in chunks of about `chunkBytes`. */
export class ColumnWriter {
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;

  private constructor(
    private readonly handle: FileHandle,
    private readonly chunkBytes: number,
  ) {}

  static async open(handle: FileHandle, id: string, chunkBytes: number): Promise<ColumnWriter> {
    const prefix = Buffer.alloc(PREFIX_BYTES);
    prefix.write(MAGIC, 0, 'latin1');
    Buffer.from(id, 'hex').copy(prefix, MAGIC.length);
    await handle.write(prefix);
    return new ColumnWriter(handle, chunkBytes);
  }

  async add(column: Int32Array | readonly number[]): Promise<void> {
    const typed = column instanceof Int32Array ? column : Int32Array.from(column);
    // A view, not a copy: the snapshot was made for this save and nothing else writes to it.
    this.pending.push(new Uint8Array(typed.buffer, typed.byteOffset, typed.byteLength));
    this.pendingBytes += typed.byteLength;
    if (this.pendingBytes >= this.chunkBytes) await this.flush();
  }

  async flush(): Promise<void> {
    if (!this.pendingBytes) return;
    await this.handle.write(Buffer.concat(this.pending, this.pendingBytes));
    this.pending = [];
    this.pendingBytes = 0;
  }
}

/** The numbers of the column file that opens with `id`, read whole into one buffer; an error says why the file is not that one. */
export async function readColumns(path: string, id: string, maxBytes: number): Promise<Int32Array> {
  const { handle, info } = await openRegularFile(path, { noLink: true });
  try {
    if (info.size > maxBytes) throw new Error(`its column file is ${Math.round(info.size / 2 ** 20)} MB, over the ${Math.round(maxBytes / 2 ** 30)} GB a cache may take`);
    if (info.size < PREFIX_BYTES || (info.size - PREFIX_BYTES) % 4) throw new Error('its column file is incomplete');
    const buffer = new ArrayBuffer(info.size);
    const bytes = new Uint8Array(buffer);
    for (let read = 0; read < info.size; ) {
      const { bytesRead } = await handle.read(bytes, read, Math.min(info.size - read, 16 << 20), read);
      if (bytesRead === 0) throw new Error('its column file is incomplete');
      read += bytesRead;
    }
    const prefix = Buffer.from(buffer, 0, PREFIX_BYTES);
    if (prefix.toString('latin1', 0, MAGIC.length) !== MAGIC || prefix.subarray(MAGIC.length).toString('hex') !== id) throw new Error('its column file is from another save');
    return new Int32Array(buffer, PREFIX_BYTES, (info.size - PREFIX_BYTES) / 4);
  } finally {
    await handle.close();
  }
}

/** Takes columns one after the other from the numbers of a column file. */
export class ColumnReader {
  private at = 0;

  constructor(private readonly numbers: Int32Array) {}

  take(length: number): Int32Array {
    if (!Number.isSafeInteger(length) || length < 0 || this.at + length > this.numbers.length) throw new Error('a column runs past the column file');
    const column = this.numbers.subarray(this.at, this.at + length);
    this.at += length;
    return column;
  }

  /** True when every number was taken. */
  get done(): boolean {
    return this.at === this.numbers.length;
  }
}
