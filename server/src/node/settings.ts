// The workspace on disk as the settings describe it: which files are corpus documents (globs
// relative to the root), found by walking the folder; uris and paths.

import { readdir } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import type { Settings } from '../settings';

/** Matches paths relative to a root against include and exclude globs. */
export class CorpusSelector {
  private readonly include: picomatch.Matcher;
  private readonly exclude: picomatch.Matcher;

  constructor(
    readonly root: string,
    settings: Pick<Settings, 'corpus' | 'exclude'>,
  ) {
    this.include = picomatch(settings.corpus, { dot: false, nocase: process.platform === 'win32' });
    this.exclude = picomatch(settings.exclude.length ? settings.exclude : ['\u0000'], { dot: true });
  }

  private relative(path: string): string | undefined {
    const rel = relative(this.root, path);
    if (!rel || rel.startsWith('..') || resolve(this.root, rel) !== resolve(path)) return undefined;
    return rel.split(sep).join('/');
  }

  matches(path: string): boolean {
    const rel = this.relative(path);
    return rel !== undefined && this.matchesRelative(rel);
  }

  excludesFolder(path: string): boolean {
    const rel = this.relative(path);
    return rel !== undefined && this.excludesRelativeFolder(rel);
  }

  /** `matches` for a path already relative to the root, with / between its parts. */
  matchesRelative(rel: string): boolean {
    return this.include(rel) && !this.exclude(rel);
  }

  private excludesRelativeFolder(rel: string): boolean {
    return this.exclude(rel) || this.exclude(`${rel}/`) || this.exclude(`${rel}/x`);
  }

  /**
   * Every matching file under the root, sorted, as absolute paths; not those `except` takes (given
   * the path relative to the root). Unreadable folders are skipped.
   */
  async list(log: (message: string) => void, except?: (rel: string) => boolean): Promise<string[]> {
    const found: string[] = [];
    // Each path's form relative to the root is made as the walk goes down, not worked out again
    // from the absolute path of every file (10,000 of them took a tenth of a second).
    const walk = async (folder: string, relFolder: string): Promise<void> => {
      let entries;
      try {
        entries = await readdir(folder, { withFileTypes: true });
      } catch (error) {
        if (folder === this.root) log(`Cannot read the workspace folder ${folder}: ${(error as Error).message}`);
        return;
      }
      for (const entry of entries) {
        const path = join(folder, entry.name);
        const rel = relFolder ? `${relFolder}/${entry.name}` : entry.name;
        if (entry.isDirectory()) {
          if (!entry.name.startsWith('.') && !this.excludesRelativeFolder(rel)) await walk(path, rel);
        } else if (entry.isFile() && this.matchesRelative(rel)) {
          if (!except?.(rel)) found.push(path);
        } else if (!entry.isFile() && !entry.isSymbolicLink() && this.matchesRelative(rel)) {
          // A FIFO would keep a read waiting for ever; a socket or a device is no document either.
          log(`${path} is ${specialFile(entry)}, not a regular file: skipped.`);
        }
      }
    };
    await walk(this.root, '');
    return found.sort();
  }
}

function specialFile(entry: { isFIFO(): boolean; isSocket(): boolean }): string {
  return entry.isFIFO() ? 'a named pipe (FIFO)' : entry.isSocket() ? 'a socket' : 'a device';
}
