// Files on disk as the server names them (file: uris) and the hash that recognises their content.

import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { FileTooLargeError } from '../core/text/decode';
import { toPath } from './settings';

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
  const fd = openSync(pathOf(uri), 'r');
  try {
    const info = fstatSync(fd);
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
