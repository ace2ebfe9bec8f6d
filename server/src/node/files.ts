// Files on disk as the server names them (file: uris) and the hash that recognises their content.

import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { FileTooLargeError } from '../core/text/decode';
import { toPath } from '../core/text/uris';

/** The path of a file: uri; anything else cannot be read from disk. */
export function pathOf(uri: string): string {
  const path = toPath(uri);
  if (!path) throw new Error(`only file: documents can be read (${uri})`);
  return path;
}

export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('base64');
}

/**
 * Reads a file at once: the one synchronous read, shared by the host and the worker threads. A
 * file over `maxBytes` is not read at all (FileTooLargeError): its size says enough.
 */
export function readBytesNow(uri: string, maxBytes = Infinity): Uint8Array {
  return readWithStatNow(uri, maxBytes).bytes;
}

/** The same read, with the size and time of the file taken from the open file before reading it. */
export function readWithStatNow(uri: string, maxBytes = Infinity): { bytes: Uint8Array; size: number; mtime: number; change: string } {
  const fd = openSync(pathOf(uri), OPEN_REGULAR);
  try {
    const info = fstatSync(fd);
    refuseIrregular(info);
    const { size, mtimeMs } = info;
    if (size > maxBytes) throw new FileTooLargeError(size, maxBytes);
    const bytes = new Uint8Array(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, bytes, read, size - read, read);
      if (n === 0) break; // shorter than its size said: truncated meanwhile
      read += n;
    }
    return { bytes: read === size ? bytes : bytes.subarray(0, read), size, mtime: mtimeMs, change: changeStamp(info) };
  } finally {
    closeSync(fd);
  }
}

/** The inode and status-change time of a file: see FileStat.change. */
export function changeStamp(info: { ino: number; ctimeMs: number }): string {
  return `${info.ino}:${info.ctimeMs}`;
}

/**
 * Opens for reading without waiting: opening a FIFO for reading would otherwise wait for a writer
 * for ever. The caller then checks that it opened a regular file (refuseIrregular).
 */
export const OPEN_REGULAR = constants.O_RDONLY | constants.O_NONBLOCK;

/** A FIFO, socket, device or folder where a file was expected: never read. */
export class NotRegularFileError extends Error {
  readonly code = 'ENOTREG';
  constructor(readonly what: string) {
    super(`it is ${what}, not a regular file`);
  }
}

export function refuseIrregular(info: Stats): void {
  if (info.isFile()) return;
  const what = info.isDirectory()
    ? 'a folder'
    : info.isFIFO()
      ? 'a named pipe (FIFO)'
      : info.isSocket()
        ? 'a socket'
        : info.isCharacterDevice() || info.isBlockDevice()
          ? 'a device'
          : 'a special file';
  throw new NotRegularFileError(what);
}

/**
 * Opens a regular file for reading (see OPEN_REGULAR); anything else is closed again and refused.
 * With `noLink`, a symbolic link in the path's last place is refused too (ELOOP).
 */
export async function openRegularFile(path: string, options: { noLink?: boolean } = {}): Promise<{ handle: FileHandle; info: Stats }> {
  const handle = await open(path, OPEN_REGULAR | (options.noLink ? constants.O_NOFOLLOW : 0));
  try {
    const info = await handle.stat();
    refuseIrregular(info);
    return { handle, info };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
