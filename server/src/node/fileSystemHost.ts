// The corpus host on a real file system: lists the corpus with the settings' globs (or the bundled
// corpus), reads and stats files, keeps the index cache in the editor's storage folder and starts
// worker threads for a large first index.

import { realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Catalog } from '../core/catalog/catalog';
import type { CorpusListing, Disposable, FileStat, IndexCacheStore, ParallelAnalysers, ProgressReporter } from '../core/sync/host';
import { FileTooLargeError } from '../core/text/decode';
import { changeStamp, hashBytes, openRegularFile, pathOf, readWithStatNow } from './files';
import { IndexCache } from './indexCache';
import { IndexWorkers } from './indexWorkers';
import type { HostOptions, WorkspaceHost } from '../runtime';
import { yieldToRequests } from '../eventLoop';
import { maxFileBytes, type Settings } from '../settings';
import { toPath, toUri } from '../core/text/uris';
import { adoptLayout, ROOT_NOTES_FOLDER, type AdoptedLayout } from './corpusLayout';
import { CorpusSelector } from './settings';

/** Fewer files than this are indexed on the main thread: starting workers would cost more. */
const WORKER_THRESHOLD = 64;
const EMBEDDED_GLOBS = { corpus: ['**/*.txt', '**/*.md'], exclude: [] };

export type FileSystemHostOptions = HostOptions;

export class FileSystemHost implements WorkspaceHost {
  private selector: CorpusSelector | undefined;

  constructor(private readonly options: FileSystemHostOptions) {}

  async listCorpus(): Promise<CorpusListing> {
    const { root, embeddedCorpus, log } = this.options;
    const settings = this.options.settings();
    // The bundled documents, listed only when the workspace's own globs find nothing.
    let listed: Promise<string[]> | undefined;
    const bundled = () => (listed ??= new CorpusSelector(embeddedCorpus, EMBEDDED_GLOBS).list(log));
    this.adopted = undefined;
    if (root) {
      this.selector = new CorpusSelector(root, settings);
      const files = await this.selector.list(log);
      if (files.length) return { uris: files.map(toUri), embedded: false, layout: { kind: 'settings', folders: [] } };
      // No file matches the globs: the workspace may still keep its sources where they are.
      const adopted = await adoptLayout(root, settings, embeddedCorpus, await bundled(), log);
      if (adopted) {
        const selector = new CorpusSelector(root, adopted);
        const found = await selector.list(log);
        if (found.length) {
          this.adopted = { key: layoutKey(settings), layout: adopted };
          this.selector = selector;
          log(
            adopted.layout.kind === 'root'
              ? `The workspace folder ${root} is a corpus itself: its ${found.length} documents are the sources (notes go in ${ROOT_NOTES_FOLDER}/).`
              : `No corpus documents match ${settings.corpus.join(', ')}, but ${adopted.layout.folders.join(', ')} holds copies of the bundled documents: its ${found.length} documents are the sources, and the bundled corpus is not served beside them.`,
          );
          return { uris: found.map(toUri), embedded: false, layout: adopted.layout };
        }
      }
      log(`No corpus documents match ${settings.corpus.join(', ')} in ${root}; serving the bundled corpus.`);
    } else {
      this.selector = undefined;
      log('No workspace folder is open; serving the bundled corpus.');
    }
    return { uris: (await bundled()).map(toUri), embedded: true, layout: { kind: 'bundled', folders: [] } };
  }

  /**
   * A layout recognised at the last listing (the root is a corpus, or folders of copies), with the
   * file settings it was made for: it holds while they do (the settings are pulled again, as new
   * objects, at every configuration change, most of which change no glob).
   */
  private adopted: { key: string; layout: AdoptedLayout } | undefined;

  private adoptedFor(settings: Settings): AdoptedLayout | undefined {
    return this.adopted?.key === layoutKey(settings) ? this.adopted.layout : undefined;
  }

  /** The corpus globs in force: a recognised layout's, while the settings are those it was made for. */
  private corpusGlobs(settings: Settings): Pick<Settings, 'corpus' | 'exclude'> {
    return this.adoptedFor(settings) ?? settings;
  }

  async listNotes(): Promise<string[]> {
    const selectors = this.workspaceSelectors();
    if (!selectors) return [];
    // Corpus documents left out by their path relative to the root, as the walk makes it: made again
    // from each absolute path, 13,000 of them held the thread 80 ms as the first index ended.
    return (await selectors.notes.list(this.options.log, (rel) => selectors.corpus.matchesRelative(rel))).map(toUri);
  }

  isNote(uri: string): boolean {
    const path = toPath(uri);
    const selectors = this.workspaceSelectors();
    return !!path && !!selectors && selectors.notes.matches(path) && !selectors.corpus.matches(path);
  }

  /** The notes and corpus globs of the current settings, compiled once per settings (isNote runs on every keystroke). */
  private workspaceSelectors(): { notes: CorpusSelector; corpus: CorpusSelector } | undefined {
    const { root } = this.options;
    if (!root) return undefined;
    const settings = this.options.settings();
    const globs = this.corpusGlobs(settings);
    if (this.compiled?.settings !== settings || this.compiled.globs !== globs) {
      this.compiled = {
        settings,
        globs,
        notes: new CorpusSelector(root, { corpus: settings.notes, exclude: settings.exclude }),
        corpus: new CorpusSelector(root, globs),
      };
    }
    return this.compiled;
  }

  private compiled: { settings: Settings; globs: Pick<Settings, 'corpus' | 'exclude'>; notes: CorpusSelector; corpus: CorpusSelector } | undefined;

  throughLink(uri: string): boolean {
    const { root } = this.options;
    const path = toPath(uri);
    if (!root || !path) return false;
    try {
      this.realRoot ??= realpathSync(root);
      return realpathSync(path) !== join(this.realRoot, relative(root, path));
    } catch {
      return false; // gone or unreadable: the read says so
    }
  }

  private realRoot: string | undefined;

  isCorpusDocument(uri: string): boolean {
    const path = toPath(uri);
    return !!path && !!this.selector?.matches(path);
  }

  /**
   * The workspace catalog the settings name, when it is inside the workspace folder. A path that
   * leads out of it (absolute, or through "..") is refused, once with a message, and undefined
   * returned: the built-in catalog stays in use.
   */
  catalogUri(): string | undefined {
    const { root } = this.options;
    if (!root) return undefined;
    const settings = this.options.settings();
    // A corpus recognised in the root (or a folder of copies) brings its catalog when the setting keeps the default.
    const setting = this.adoptedFor(settings)?.catalog ?? settings.catalog;
    if (this.catalogTarget?.setting !== setting) {
      const path = resolve(root, setting);
      const refused = isInside(root, path) ? undefined : `The setting corpusLens.catalog names ${path}, outside the workspace folder ${root}. Corpus Lens reads and writes no file outside the workspace, so the built-in catalog stays in use.`;
      this.catalogTarget = { setting, uri: refused ? undefined : toUri(path), refused };
      if (refused) this.options.warn(refused);
    }
    return this.catalogTarget.uri;
  }

  private catalogTarget: { setting: string; uri: string | undefined; refused: string | undefined } | undefined;

  /** Why the catalog the settings name is not used (outside the workspace, or a link out of it), if it is not. */
  catalogRefusal(): string | undefined {
    const uri = this.catalogUri();
    if (!uri) return this.catalogTarget?.refused;
    if (this.isCorpusDocument(uri)) return `The setting corpusLens.catalog names ${toPath(uri)}, a corpus document: sources are never edited, so the catalog fixes are off.`;
    return this.outsideWorkspace(uri) ? linkedOutside(uri) : undefined;
  }

  /**
   * True when a file of the workspace is, once symbolic links are followed, outside it (for a file
   * to be created, the nearest folder that exists decides). Nothing outside is read or written.
   */
  outsideWorkspace(uri: string): boolean {
    const { root } = this.options;
    const path = toPath(uri);
    if (!root || !path) return true;
    try {
      this.realRoot ??= realpathSync(root);
    } catch {
      return true;
    }
    let existing = path;
    let rest = '';
    for (;;) {
      try {
        return !isInside(this.realRoot, join(realpathSync(existing), rest));
      } catch (error) {
        const parent = dirname(existing);
        if ((error as { code?: string }).code !== 'ENOENT' || parent === existing) return true;
        rest = join(basename(existing), rest);
        existing = parent;
      }
    }
  }

  /** The catalog bundled with the extension, as a file the editor can open. */
  bundledCatalogUri(): string {
    return toUri(join(this.options.embeddedCorpus, 'catalog.json'));
  }

  /** A file over the size limit is not read: FileTooLargeError says why. */
  async readFile(uri: string): Promise<Uint8Array> {
    const { handle, info } = await openRegularFile(pathOf(uri));
    try {
      const { size } = info;
      const limit = this.readLimit();
      if (size > limit) throw new FileTooLargeError(size, limit);
      return await handle.readFile();
    } finally {
      await handle.close();
    }
  }

  readFileNow(uri: string): { bytes: Uint8Array; stat: FileStat } {
    // Stat (of the open file) before reading, so that a change made meanwhile is seen at the next event.
    const { bytes, size, mtime, change } = readWithStatNow(uri, this.readLimit());
    return { stat: { size, mtime, change }, bytes };
  }

  private readLimit(): number {
    return maxFileBytes(this.options.settings());
  }

  statNow(uri: string): FileStat | undefined {
    let info: Stats | undefined;
    try {
      info = statSync(pathOf(uri), { throwIfNoEntry: false });
    } catch {
      return undefined; // unreadable folder, name too long: as good as gone
    }
    return info && { size: info.size, mtime: info.mtimeMs, change: changeStamp(info) };
  }

  hash(bytes: Uint8Array): string {
    return hashBytes(bytes);
  }

  /** Lets a request that came in during a slice of background work be answered before the next slice (see eventLoop.ts). */
  yieldToRequests(): Promise<void> {
    return yieldToRequests();
  }

  setTimer(milliseconds: number, callback: () => void): Disposable {
    const timer = setTimeout(callback, milliseconds);
    return { dispose: () => clearTimeout(timer) };
  }

  createProgress(): Promise<ProgressReporter> {
    return this.options.createProgress();
  }

  log(message: string): void {
    this.options.log(message);
  }

  warn(message: string): void {
    this.options.warn(message);
  }

  openCache(embedded: boolean): IndexCacheStore | undefined {
    const { cacheDirectory, embeddedCorpus, root } = this.options;
    if (!cacheDirectory) return undefined;
    return new IndexCache(cacheDirectory, embedded || !root ? embeddedCorpus : root, (m) => this.log(m));
  }

  startAnalysers(catalog: Catalog, files: number, large = false): ParallelAnalysers | undefined {
    const requested = this.options.indexWorkers;
    const wanted = requested !== undefined ? requested > 0 : files >= WORKER_THRESHOLD || large;
    // A large file changed on disk needs one thread, not a pool.
    const count = large && requested === undefined ? 1 : requested;
    return wanted ? IndexWorkers.start(catalog, count, (m) => this.log(m)) : undefined;
  }
}

/** The settings a recognised layout depends on. */
function layoutKey(settings: Settings): string {
  return JSON.stringify([settings.corpus, settings.exclude, settings.notes, settings.catalog]);
}

/** True when `path` is `folder` or inside it (both absolute). */
export function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

function linkedOutside(uri: string): string {
  return `The workspace catalog ${toPath(uri)} is a link to a file outside the workspace folder. Corpus Lens reads and writes no file outside the workspace, so the built-in catalog stays in use.`;
}
