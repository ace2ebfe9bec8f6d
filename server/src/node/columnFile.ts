// The index cache's numbers: every document's columns (line starts, mentions, sentence
// fingerprints) as 32-bit integers one after the other in one file, beside the JSON lines that
// hold the rest. Read in windows of a few MB whose views become the columns: no text to decode,
// no number to parse. The file opens with a mark and the id of the JSON file it belongs
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

/**
 * The numbers of a column file, read a window at a time as its columns are taken: the file's size
 * is never held at once, and a window goes as soon as nothing taken from it is kept (a document
 * restored from the cache copies its columns into its own).
 */
export class ColumnStream {
  private window = new Int32Array(0);
  /** The next number of the window to take. */
  private at = 0;
  /** The byte of the file the next window starts at. */
  private position = PREFIX_BYTES;

  private constructor(
    private readonly handle: FileHandle,
    private readonly size: number,
    private readonly windowNumbers: number,
  ) {}

  /** Opens the column file that opens with `id`; an error says why the file is not that one. */
  static async open(path: string, id: string, maxBytes: number, windowBytes = 4 << 20): Promise<ColumnStream> {
    const { handle, info } = await openRegularFile(path, { noLink: true });
    try {
      if (info.size > maxBytes) throw new Error(`its column file is ${Math.round(info.size / 2 ** 20)} MB, over the ${Math.round(maxBytes / 2 ** 30)} GB a cache may take`);
      if (info.size < PREFIX_BYTES || (info.size - PREFIX_BYTES) % 4) throw new Error('its column file is incomplete');
      const prefix = Buffer.alloc(PREFIX_BYTES);
      await readFully(handle, prefix, 0);
      if (prefix.toString('latin1', 0, MAGIC.length) !== MAGIC || prefix.subarray(MAGIC.length).toString('hex') !== id) throw new Error('its column file is from another save');
      return new ColumnStream(handle, info.size, Math.max(1, windowBytes >> 2));
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  /** Numbers not taken yet. */
  get left(): number {
    return this.window.length - this.at + (this.size - this.position) / 4;
  }

  /**
   * Makes the next `count` numbers ready to take without waiting. Throws when the file holds
   * fewer: the lengths come from the JSON file, and a window is never made larger than the rest.
   */
  async ready(count: number): Promise<void> {
    if (!Number.isSafeInteger(count) || count < 0 || count > this.left) throw new Error('a column runs past the column file');
    const inWindow = this.window.length - this.at;
    if (count <= inWindow) return;
    const numbers = Math.min(Math.max(count, this.windowNumbers), this.left);
    const next = new Int32Array(numbers);
    next.set(this.window.subarray(this.at));
    const bytes = new Uint8Array(next.buffer, inWindow * 4, (numbers - inWindow) * 4);
    await readFully(this.handle, bytes, this.position);
    this.position += bytes.length;
    this.window = next;
    this.at = 0;
  }

  /** The next `length` numbers, made ready before (a view of the window, not a copy). */
  take(length: number): Int32Array {
    if (!Number.isSafeInteger(length) || length < 0 || this.at + length > this.window.length) throw new Error('a column runs past the column file');
    const column = this.window.subarray(this.at, this.at + length);
    this.at += length;
    return column;
  }

  /** True when every number was taken. */
  get done(): boolean {
    return this.left === 0;
  }

  close(): Promise<void> {
    return this.handle.close();
  }
}

/** Fills `bytes` from the file at `position`; a file that ends first is incomplete. */
async function readFully(handle: FileHandle, bytes: Uint8Array, position: number): Promise<void> {
  for (let read = 0; read < bytes.length; ) {
    const { bytesRead } = await handle.read(bytes, read, Math.min(bytes.length - read, 16 << 20), position + read);
    if (bytesRead === 0) throw new Error('its column file is incomplete');
    read += bytesRead;
  }
}
