// Reading many files into the index: here, in slices that leave room for requests, or in parallel
// analysers whose results this thread only adds. Both go through Ingestion, so the results match.

import type { DocumentSnapshot } from '../index/snapshot';
import type { CorpusHost, IndexingPhase, ParallelAnalysers } from './host';
import type { Ingestion } from './ingestion';
import type { NoteCacheLookup } from '../index/noteCache';

export interface IndexingProgress {
  report(done: number, total: number, phase?: IndexingPhase): void;
  isCancelled(): boolean;
}

export interface IndexingSummary {
  indexed: number;
  skipped: number;
  cancelled: boolean;
  milliseconds: number;
}

export interface IndexFilesOptions {
  embedded: boolean;
  progress?: IndexingProgress | undefined;
  /** The cached analysis of a file, used when its content hash still matches. */
  cached?: ((uri: string) => DocumentSnapshot | undefined) | undefined;
  yieldToRequests: () => Promise<void>;
  /** Time the indexer may hold the event loop before it yields to requests. */
  sliceMilliseconds?: number | undefined;
  /** Index every file's catalog names before any full analysis (a first index, answered from as it grows). */
  namesFirst?: boolean | undefined;
}

/** Time the files (unless told otherwise), the notes and the warm-up may hold the event loop before they yield to requests. */
const SLICE_MILLISECONDS = 12;
/**
 * Files a worker reads for their names in one message: enough that messages cost little beside the
 * work, few enough that the index grows smoothly.
 */
const NAMES_BATCH = 32;
const WARM_UP_FILES = 300;

type SyncHost = Pick<CorpusHost, 'readFile' | 'readFileNow' | 'listNotes' | 'log' | 'yieldToRequests'>;

/**
 * Work on this thread in slices of a few milliseconds with requests answered in between: `over`
 * says the slice has run its time, `next()` yields to requests and starts the next slice.
 */
export class TimeSlices {
  private start = Date.now();

  constructor(
    private readonly milliseconds: number,
    private readonly yieldToRequests: () => Promise<void>,
  ) {}

  get over(): boolean {
    return Date.now() - this.start >= this.milliseconds;
  }

  async next(): Promise<void> {
    await this.yieldToRequests();
    this.start = Date.now();
  }
}

/** Indexes files on this thread, yielding to requests between slices of work. */
export async function indexFilesHere(ingestion: Ingestion, uris: readonly string[], options: IndexFilesOptions): Promise<IndexingSummary> {
  const started = Date.now();
  const slices = new TimeSlices(options.sliceMilliseconds ?? SLICE_MILLISECONDS, options.yieldToRequests);
  let indexed = 0;
  for (let i = 0; i < uris.length; i++) {
    if (options.progress?.isCancelled()) return { indexed, skipped: i - indexed, cancelled: true, milliseconds: Date.now() - started };
    if (await ingestion.indexFile(uris[i], { embedded: options.embedded, cached: options.cached?.(uris[i]) })) indexed++;
    if (slices.over) {
      options.progress?.report(i + 1, uris.length);
      await slices.next();
    }
  }
  options.progress?.report(uris.length, uris.length);
  return { indexed, skipped: uris.length - indexed, cancelled: false, milliseconds: Date.now() - started };
}

/**
 * Indexes files with parallel analysers; this thread adds their results. With `namesFirst`, every
 * file's catalog names come first, as provisional documents, then the full analyses replace them.
 */
export async function indexFilesElsewhere(ingestion: Ingestion, analysers: ParallelAnalysers, uris: readonly string[], options: IndexFilesOptions): Promise<IndexingSummary> {
  const started = Date.now();
  const { embedded, progress } = options;
  if (options.namesFirst) {
    await indexNamesElsewhere(ingestion, analysers, uris, options);
    if (!progress?.isCancelled()) progress?.report(0, uris.length, 'understanding');
    uris = analysers.order?.(uris) ?? uris;
  }
  let next = 0;
  let done = 0;
  let indexed = 0;
  let cancelled = false;
  const lane = async () => {
    while (next < uris.length) {
      if (progress?.isCancelled()) {
        cancelled = true;
        return;
      }
      const uri = uris[next++];
      const cached = options.cached?.(uri);
      // This thread only adds what the analysers send; it analyses a file itself only when no
      // analyser is left to take it.
      const remote = await analysers.analyse(uri, { embedded, maxFileBytes: ingestion.maxFileBytes, cachedHash: cached?.contentHash });
      const ok = remote ? ingestion.apply(uri, remote, cached) : await ingestion.indexFile(uri, { embedded, cached });
      if (ok) indexed++;
      progress?.report(++done, uris.length, options.namesFirst ? 'understanding' : undefined);
    }
  };
  // Several requests in flight per analyser keep every one of them busy.
  await Promise.all(Array.from({ length: Math.max(1, analysers.size * 4) }, lane));
  return { indexed, skipped: done - indexed, cancelled, milliseconds: Date.now() - started };
}

/** The first pass: each file's catalog names, by batches, between requests. */
async function indexNamesElsewhere(ingestion: Ingestion, analysers: ParallelAnalysers, uris: readonly string[], options: IndexFilesOptions): Promise<void> {
  if (!analysers.names) return;
  const { embedded, progress } = options;
  const slices = new TimeSlices(options.sliceMilliseconds ?? SLICE_MILLISECONDS, options.yieldToRequests);
  let next = 0;
  let done = 0;
  const lane = async () => {
    while (next < uris.length && !progress?.isCancelled()) {
      const batch = uris.slice(next, (next += NAMES_BATCH));
      const snapshots = await analysers.names!(batch, { embedded, maxFileBytes: ingestion.maxFileBytes });
      // No analyser left: the second pass reads every file anyway.
      if (!snapshots) return;
      for (const snapshot of snapshots) {
        if (snapshot) ingestion.applyNames(snapshot);
        if (slices.over) await slices.next();
      }
      done += batch.length;
      progress?.report(done, uris.length, 'names');
    }
  };
  // Two batches in flight per analyser keep every one of them busy.
  await Promise.all(Array.from({ length: Math.max(1, analysers.size * 2) }, lane));
}

/**
 * After worker threads did the first index, this thread's own analysis code has never run: the
 * first edit would run it cold (17 ms instead of 5 in the bench). A few hundred files analysed
 * here, between requests, and thrown away, get it compiled before the user types.
 */
export async function warmUp(ingestion: Ingestion, host: SyncHost, uris: readonly string[], embedded: boolean, isCancelled: () => boolean): Promise<void> {
  const slices = new TimeSlices(SLICE_MILLISECONDS, () => host.yieldToRequests());
  for (const uri of uris.slice(0, WARM_UP_FILES)) {
    if (isCancelled()) return;
    try {
      ingestion.analyse(uri, await host.readFile(uri), embedded);
    } catch {
      // A file gone or unreadable since: the warm-up only skips it.
    }
    if (slices.over) await slices.next();
  }
}

/**
 * Reads and indexes the workspace's notes into `target`, between requests; `cached` may hold their
 * mentions as matched before. How many notes were read, and how many of them the cache gave.
 */
export async function indexNotes(target: Ingestion, host: SyncHost, isCancelled: () => boolean, cached?: NoteCacheLookup): Promise<{ read: number; restored: number }> {
  const uris = await host.listNotes();
  const slices = new TimeSlices(SLICE_MILLISECONDS, () => host.yieldToRequests());
  const counts = { read: 0, restored: 0 };
  const lookup: NoteCacheLookup | undefined = cached && ((uri, hash, text) => {
    const mentions = cached(uri, hash, text);
    if (mentions) counts.restored++;
    return mentions;
  });
  // A note is read at once, between time slices: a note is a few kilobytes, and a read through
  // the thread pool cost a warm start of 2,000 notes three times the reads themselves.
  for (const uri of uris) {
    if (isCancelled()) return counts;
    // A note open in the editor keeps the editor's text, unsaved edits included.
    if (target.holdsEditorNote(uri)) continue;
    try {
      const { bytes } = host.readFileNow(uri);
      counts.read++;
      target.indexNote(uri, bytes, lookup);
    } catch (error) {
      host.log(`Could not read the note ${uri}: ${(error as Error)?.message ?? error}`);
    }
    if (slices.over) await slices.next();
  }
  return counts;
}
