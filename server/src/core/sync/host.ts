// What the sync needs from the place it runs in. The language server gives it the file system,
// worker threads and a cache folder (server/src/node/); the tests give it an in-memory workspace.
// Uris are the only names of files the core knows.

import type { FileAnalysis } from '../analysis/analyseFile';
import type { Catalog } from '../catalog/catalog';
import type { CachedNote } from '../index/noteCache';
import type { DocumentSnapshot } from '../index/snapshot';

import type { Disposable } from '../events';

export type { Disposable };

export interface FileStat {
  size: number;
  /** Modification time in milliseconds. */
  mtime: number;
  /**
   * The file's inode and status-change time, where the host has them. A rewrite that keeps the
   * size and sets the old modification time back (rsync -t, touch -d, an archive unpacked) still
   * moves them, so the cache does not vouch for such a file.
   */
  change?: string;
}

export interface CorpusListing {
  uris: string[];
  /** True when the workspace has no corpus of its own and these are the bundled documents. */
  embedded: boolean;
  /** Where these documents were found (absent: the host does not say). */
  layout?: CorpusLayout;
}

/**
 * Where the corpus was found: by the corpus settings; in the workspace root, which is a corpus
 * itself; in folders holding copies of the bundled documents; or nowhere in the workspace (the
 * bundled corpus is served). `folders` are relative to the workspace root ('.' for the root).
 */
export interface CorpusLayout {
  kind: 'settings' | 'root' | 'copies' | 'bundled';
  folders: string[];
}

/** The two passes of a first index on workers: every file's catalog names, then each file's full analysis. */
export type IndexingPhase = 'names' | 'understanding';

export interface ProgressReporter {
  begin(total: number): void;
  /** `phase`: which pass of a first index on workers runs (see IndexingPhase). */
  report(done: number, total: number, phase?: IndexingPhase): void;
  cancelled(): boolean;
  done(): void;
}

/** A file as the persistent cache keeps it: the size, time and hash it was analysed at. */
export interface CachedFile {
  uri: string;
  size: number;
  mtime: number;
  change?: string;
  hash: string;
  snapshot: DocumentSnapshot;
}

/**
 * A cache being read: its entries one at a time, so that the cache is never held whole beside the
 * index it restores. The iteration throws when the cache turns out damaged or incomplete (the
 * store has said why in the log); what was restored from it before must then be read afresh.
 */
export interface CacheReading {
  /** How many entries the cache says it holds. */
  readonly files: number;
  entries(): AsyncIterable<CachedFile>;
}

export interface IndexCacheStore {
  /** Where the cache is kept, for log lines. */
  readonly path: string;
  /** The cache for this key, open to be read entry by entry, or undefined when there is none usable. */
  load(key: string): Promise<CacheReading | undefined>;
  /** False when the cache could not be written (the store says why in the log). */
  save(key: string, files: Iterable<CachedFile>, count: number, yieldToRequests: () => Promise<void>): Promise<boolean>;
  /** The notes kept for this key (the catalog's and the learned names'), by uri, as read: unchecked. */
  loadNotes?(key: string): Promise<Map<string, CachedNote> | undefined>;
  /** False when the notes could not be written (the store says why in the log). */
  saveNotes?(key: string, notes: readonly CachedNote[], yieldToRequests: () => Promise<void>): Promise<boolean>;
}

/** Files analysed elsewhere (worker threads); the results come back as snapshots. */
export interface ParallelAnalysers {
  readonly size: number;
  /** Undefined when no analyser is left to take the file: the caller analyses it itself. */
  analyse(uri: string, options: { embedded: boolean; maxFileBytes: number; cachedHash?: string | undefined }): Promise<RemoteAnalysis | undefined>;
  /**
   * The catalog's names of several files (analyseNames.ts), a snapshot each, undefined for a file
   * that could not be read or decoded (its full analysis says why); undefined as a whole when no
   * analyser is left. Analysers without it skip the first pass.
   */
  names?(uris: readonly string[], options: { embedded: boolean; maxFileBytes: number }): Promise<(DocumentSnapshot | undefined)[] | undefined>;
  /**
   * The order to ask for the files' analyses in, after `names`, so that every analyser stays busy
   * although each file goes back to the analyser that read its names.
   */
  order?(uris: readonly string[]): readonly string[];
  stop(): Promise<void>;
}

/** What analysing a file elsewhere produced: a document travels as its snapshot. */
export type RemoteAnalysis = Exclude<FileAnalysis, { kind: 'analysed' }> | { kind: 'analysed'; snapshot: DocumentSnapshot };

export interface CorpusHost {
  /** The corpus documents: the workspace's, or the bundled corpus when the workspace has none. */
  listCorpus(): Promise<CorpusListing>;
  /** True for a uri the corpus settings select in the workspace (file events are filtered by it). */
  isCorpusDocument(uri: string): boolean;
  /** The workspace's notes: its Markdown and plain-text files that are not corpus documents. */
  listNotes(): Promise<string[]>;
  /**
   * True for a file reached through a symbolic link (of the file or of a folder on its way), which
   * the corpus listing never follows: a file event for it is not read.
   */
  throughLink?(uri: string): boolean;
  /** True for a uri the notes settings select (and the corpus settings do not). */
  isNote(uri: string): boolean;
  /** The workspace catalog's uri, when there is a workspace and the settings name a file inside it. */
  catalogUri(): string | undefined;
  /** True for a file that symbolic links put outside the workspace folder: it is neither read nor written. */
  outsideWorkspace?(uri: string): boolean;
  /** Throws as a file system does; an error with code 'ENOENT' means the file is gone. */
  readFile(uri: string): Promise<Uint8Array>;
  /** Reads one file at once, with its size and time: one small read beats two trips through the event loop. */
  readFileNow(uri: string): { bytes: Uint8Array; stat: FileStat };
  /** The size and times of a file, taken at once (a stat is microseconds; a trip through the thread pool cost more); undefined when it is gone. */
  statNow(uri: string): FileStat | undefined;
  /** A hash of a file's bytes, to recognise an unchanged file. */
  hash(bytes: Uint8Array): string;
  /** Lets waiting requests run; called between documents while indexing. */
  yieldToRequests(): Promise<void>;
  setTimer(milliseconds: number, callback: () => void): Disposable;
  createProgress(): Promise<ProgressReporter>;
  log(message: string): void;
  /** What the analyst must be told (a refused setting or file), beyond the log. */
  warn?(message: string): void;
  /** The persistent cache of the workspace's (or the bundled) corpus, if the host keeps one. */
  openCache?(embedded: boolean): IndexCacheStore | undefined;
  /** Analysers for a first index of this many files, when it pays to start them; with `large`, one for a file too large to analyse between requests. */
  startAnalysers?(catalog: Catalog, files: number, large?: boolean): ParallelAnalysers | undefined;
}
