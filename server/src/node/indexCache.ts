// The persistent index cache: one file per corpus in the editor's storage folder, one JSON line per
// document. A document is reused when its size and modification time (or, failing those, its
// content hash) match, and the whole cache only when the analysis and the catalog are the same.
// Written to a temporary file and renamed, so a crash leaves the old cache or none, never half of
// one; anything unreadable means "index again", never an error.

import { createHash } from 'node:crypto';
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { CachedFile, IndexCacheStore } from '../core/sync/host';
import { openRegularFile } from './files';

const FORMAT = 'corpus-lens-index';
/** The cache is read in large chunks: each chunk is a trip through the thread pool. */
const READ_CHUNK = 4 << 20;
const WRITE_BYTES = 1 << 20;
/** No entry is this long: a 50 MB document's snapshot is a fraction of it. */
const MAX_LINE_CHARS = 256 << 20;
const MAX_CACHE_BYTES = 4 * 2 ** 30;
/** How long the save may hold the thread before it yields to requests. */
const SAVE_SLICE_MS = 4;

interface Header {
  format: string;
  key: string;
  root: string;
  files: number;
}

/**
 * The lines of a cache file, read in large chunks. A line longer than any entry can be (a file
 * without line breaks, say) is an error, not a string grown until memory runs out.
 */
async function* cacheLines(file: FileHandle): AsyncGenerator<string> {
  const stream = file.createReadStream({ encoding: 'utf8', highWaterMark: READ_CHUNK });
  // The pieces of the line not yet ended: joined once, when it ends.
  let pending: string[] = [];
  let pendingLength = 0;
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      let start = 0;
      for (let end = chunk.indexOf('\n'); end >= 0; end = chunk.indexOf('\n', start)) {
        pending.push(chunk.slice(start, end));
        yield pending.join('');
        pending = [];
        pendingLength = 0;
        start = end + 1;
      }
      if (start < chunk.length) {
        pending.push(chunk.slice(start));
        pendingLength += chunk.length - start;
        if (pendingLength > MAX_LINE_CHARS) throw new Error(`a line is longer than ${MAX_LINE_CHARS / 2 ** 20} M characters`);
      }
    }
    if (pending.length) yield pending.join('');
  } finally {
    stream.destroy();
  }
}

export class IndexCache implements IndexCacheStore {
  readonly path: string;

  constructor(
    private readonly directory: string,
    private readonly root: string,
    private readonly log: (message: string) => void,
  ) {
    const name = createHash('sha1').update(root).digest('hex').slice(0, 16);
    this.path = join(directory, `index-${name}.jsonl`);
  }

  /** The cached files by uri, or undefined when there is no usable cache for this key. */
  async load(key: string): Promise<Map<string, CachedFile> | undefined> {
    const files = new Map<string, CachedFile>();
    let header: Header | undefined;
    try {
      // A cache this large was not written by us for a corpus that fits in memory: holding it would not fit either.
      // Only a regular file is read, and not through a link: a FIFO put in its place would keep the
      // read waiting for ever, a link would lead out of the storage folder.
      const { handle, info } = await openRegularFile(this.path, { noLink: true });
      if (info.size > MAX_CACHE_BYTES) {
        await handle.close();
        throw new Error(`it is ${Math.round(info.size / 2 ** 20)} MB, over the ${MAX_CACHE_BYTES / 2 ** 30} GB a cache may take`);
      }
      for await (const line of cacheLines(handle)) {
        if (!line) continue;
        if (!header) {
          header = JSON.parse(line) as Header;
          if (header.format !== FORMAT || header.root !== this.root) throw new Error('not a cache of this corpus');
          if (header.key !== key) {
            this.log('The index cache was made with another catalog or version of Corpus Lens; indexing afresh.');
            return undefined;
          }
          continue;
        }
        const file = JSON.parse(line) as CachedFile;
        if (typeof file.uri !== 'string' || typeof file.size !== 'number' || typeof file.mtime !== 'number' || !file.snapshot) throw new Error('malformed entry');
        files.set(file.uri, file);
      }
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') return undefined;
      this.log(`The index cache ${this.path} cannot be read (${(error as Error).message}); indexing afresh.`);
      return undefined;
    }
    if (!header || files.size !== header.files) {
      if (header) this.log(`The index cache ${this.path} is incomplete; indexing afresh.`);
      return undefined;
    }
    return files;
  }

  /** Writes the cache; yields between documents, every few milliseconds, so that requests are answered meanwhile. */
  async save(key: string, files: Iterable<CachedFile>, count: number, yieldToRequests: () => Promise<void>): Promise<boolean> {
    const temporary = `${this.path}.${process.pid}.tmp`;
    try {
      await mkdir(this.directory, { recursive: true });
      // Whatever was left at the temporary path (a file of a crashed server, a FIFO) goes first; the
      // new file is created, never opened through a link or a pipe.
      await rm(temporary, { force: true, recursive: true });
      const handle = await open(temporary, 'wx');
      try {
        const header: Header = { format: FORMAT, key, root: this.root, files: count };
        let chunk = `${JSON.stringify(header)}\n`;
        let written = 0;
        let slice = Date.now();
        for (const file of files) {
          chunk += `${JSON.stringify(file)}\n`;
          written++;
          if (chunk.length > WRITE_BYTES) {
            await handle.write(chunk);
            chunk = '';
          }
          // By time, not by bytes: a megabyte of snapshots takes tens of milliseconds to make.
          if (Date.now() - slice >= SAVE_SLICE_MS) {
            await yieldToRequests();
            slice = Date.now();
          }
        }
        await handle.write(chunk);
        if (written !== count) throw new Error(`expected ${count} entries, wrote ${written}`);
      } finally {
        await handle.close();
      }
      // Each server writes its own temporary file and renames it into place: two servers on one
      // cache directory never interleave their writes, the last one to finish wins.
      await rename(temporary, this.path);
      return true;
    } catch (error) {
      this.log(`Could not write the index cache ${this.path}: ${(error as Error).message}. The next start will index afresh.`);
      await rm(temporary, { force: true }).catch(() => undefined);
      return false;
    }
  }
}
