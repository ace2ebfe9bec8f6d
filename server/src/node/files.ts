// Files on disk as the server names them (file: uris) and the hash that recognises their content.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
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

/** Reads a file at once: the one synchronous read, shared by the host and the worker threads. */
export function readBytesNow(uri: string): Uint8Array {
  return readFileSync(pathOf(uri));
}
