// Worker threads for the first index of a large corpus: each reads and analyses files and sends
// back the analysis as a snapshot, which the main thread only has to add. They run analyseFile,
// the same code as the main thread, so the results match. In a first index each worker reads a
// batch of files for their catalog names first (analyseNames.ts), and keeps the mentions it found
// for the full analysis of the same files, which are then sent to it (keptNames.ts).

import { readlinkSync } from 'node:fs';
import { availableParallelism, getPriority, setPriority } from 'node:os';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { analyseFile, readFailure } from '../core/analysis/analyseFile';
import type { Catalog } from '../core/catalog/catalog';
import { Knowledge } from '../core/analysis/knowledge';
import { snapshotBuffer, toSnapshot, type DocumentSnapshot } from '../core/index/snapshot';
import { namesOfFile } from '../core/analysis/analyseNames';
import { KeptCatalogNames } from '../core/analysis/keptNames';
import type { ParallelAnalysers, RemoteAnalysis } from '../core/sync/host';
import type { FoundMention } from '../core/model';
import { fileName, Interner } from '../core/text/strings';
import { hashBytes, readBytesNow } from './files';

interface Job {
  id: number;
  uri: string;
  embedded: boolean;
  maxFileBytes: number;
  /** The content hash of the cached analysis, if there is one: equal means "unchanged". */
  cachedHash?: string | undefined;
}

interface NamesJob {
  id: number;
  uris: readonly string[];
  embedded: boolean;
  maxFileBytes: number;
}

type Message = { type: 'catalog'; catalog: Catalog } | ({ type: 'job' } & Job) | ({ type: 'names' } & NamesJob);

/** A snapshot of each file's names, undefined where the file could not be read or decoded. */
type NamesReply = (DocumentSnapshot | undefined)[];

export const WORKER_ROLE = 'corpus-lens-index-worker';

export function isIndexWorker(): boolean {
  return (workerData as { role?: string } | undefined)?.role === WORKER_ROLE;
}

/** The body of a worker thread. */
export function runIndexWorker(): void {
  yieldToMainThread();
  let knowledge: Knowledge | undefined;
  // The catalog's mentions each file had in the names pass, for its full analysis (sent to this
  // same worker) to take.
  const kept = new KeptCatalogNames();
  parentPort!.on('message', (message: Message) => {
    if (message.type === 'catalog') {
      knowledge = new Knowledge(message.catalog);
      return;
    }
    if (message.type === 'names') {
      const snapshots = namesOf(message, knowledge!, kept);
      const buffers = snapshots.flatMap((s) => {
        const buffer = s && snapshotBuffer(s);
        return buffer ? [buffer] : [];
      });
      parentPort!.postMessage({ id: message.id, result: snapshots }, buffers);
      return;
    }
    let result: RemoteAnalysis;
    try {
      result = analyse(message, knowledge!, kept);
    } catch (error) {
      result = { kind: 'failed', message: (error as Error)?.message ?? String(error), stack: (error as Error)?.stack };
    }
    // A snapshot's columns travel as one buffer, handed over rather than copied.
    const buffer = result.kind === 'analysed' ? snapshotBuffer(result.snapshot) : undefined;
    parentPort!.postMessage({ id: message.id, result }, buffer ? [buffer] : []);
  });
}

/**
 * How much lower a worker's thread is scheduled than the main thread (added to its nice value, at
 * most 19). With as many workers as cores, the main thread, which answers the editor's requests
 * and takes in the workers' results, otherwise waits for a core behind them.
 */
const WORKER_NICENESS = 10;

/**
 * Lowers this thread's priority (not the process's). On Linux a thread has its own nice value,
 * set through its thread id, which /proc/thread-self names, and starts with the main thread's;
 * elsewhere the worker keeps the main thread's priority.
 */
function yieldToMainThread(): void {
  if (process.platform !== 'linux') return;
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(threadId) && threadId > 0 && threadId !== process.pid) setPriority(threadId, Math.min(19, getPriority(threadId) + WORKER_NICENESS));
  } catch {
    // No /proc, or not allowed: the worker runs at the main thread's priority.
  }
}

function analyse(job: Job, knowledge: Knowledge, kept: KeptCatalogNames): RemoteAnalysis {
  let bytes: Uint8Array;
  try {
    bytes = readBytesNow(job.uri, job.maxFileBytes);
  } catch (error) {
    return readFailure(error) as RemoteAnalysis;
  }
  const result = analyseFile(bytes, job.uri, {
    knowledge,
    maxFileBytes: job.maxFileBytes,
    embedded: job.embedded,
    fallbackTitle: fileName(job.uri),
    hash: hashBytes,
    cachedHash: job.cachedHash,
    // The document is serialised below and dropped: its strings need no copies off the text.
    interner: new Interner(false),
    catalogMentions: (hash, text) => kept.take(job.uri, hash, text, knowledge),
  });
  return result.kind === 'analysed' ? { kind: 'analysed', snapshot: toSnapshot(result.document) } : result;
}

function namesOf(job: NamesJob, knowledge: Knowledge, kept: KeptCatalogNames): NamesReply {
  const interner = new Interner(false);
  return job.uris.map((uri) => {
    try {
      const bytes = readBytesNow(uri, job.maxFileBytes);
      const keep = (mentions: readonly FoundMention[]) => kept.keep(uri, hashBytes(bytes), mentions);
      const doc = namesOfFile(bytes, uri, { knowledge, maxFileBytes: job.maxFileBytes, embedded: job.embedded, fallbackTitle: fileName(uri), interner, keep });
      return doc && toSnapshot(doc);
    } catch {
      // Unreadable, too large, or a bug of ours: the full analysis meets it again and says so.
      return undefined;
    }
  });
}

/**
 * Limits of a worker's heap: a 16 MB young generation (its objects live for one file) keeps the
 * resident memory of each worker low (8 MB collected so often that the index took 10% longer,
 * 32 MB added 40 MB of peak memory for no time); the old generation is capped so that one
 * pathological file ends that worker, not the machine.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 512 };

interface Pending {
  worker: Worker;
  resolve: (result: RemoteAnalysis | NamesReply | undefined) => void;
}

/** A pool of index workers, made when a large corpus is first indexed and ended after it. */
export class IndexWorkers implements ParallelAnalysers {
  private readonly workers: Worker[] = [];
  /** How many workers the pool started with (some may have stopped since). */
  readonly size: number;
  private readonly waiting = new Map<number, Pending>();
  /** The worker that read each file's names: it keeps their mentions for the file's full analysis. */
  private readonly namedBy = new Map<string, Worker>();
  private nextId = 0;
  private turn = 0;
  private stopping = false;

  private constructor(count: number, catalog: Catalog, private readonly log: (message: string) => void) {
    this.size = count;
    for (let i = 0; i < count; i++) {
      const worker = new Worker(__filename, { workerData: { role: WORKER_ROLE }, resourceLimits: WORKER_LIMITS });
      worker.on('message', ({ id, result }: { id: number; result: RemoteAnalysis | NamesReply }) => {
        this.waiting.get(id)?.resolve(result);
        this.waiting.delete(id);
      });
      worker.on('error', (error) => this.lose(worker, error.message));
      worker.on('exit', (code) => this.lose(worker, `exit code ${code}`));
      worker.postMessage({ type: 'catalog', catalog } satisfies Message);
      this.workers.push(worker);
    }
  }

  /** Workers for as many cores as the machine has, at most four; none on a one-core machine. */
  static start(catalog: Catalog, requested?: number, log: (message: string) => void = () => undefined): IndexWorkers | undefined {
    const count = requested ?? Math.min(4, availableParallelism());
    return count > 1 || requested === 1 ? new IndexWorkers(count, catalog, log) : undefined;
  }

  /** The file's analysis; undefined when no worker is left to do it (the caller then does it itself). */
  analyse(uri: string, options: { embedded: boolean; maxFileBytes: number; cachedHash?: string | undefined }): Promise<RemoteAnalysis | undefined> {
    // The worker that read the file's names, if it still runs, matched it already.
    const named = this.namedBy.get(uri);
    this.namedBy.delete(uri);
    const worker = named && this.workers.includes(named) ? named : this.nextWorker();
    return this.send(worker, (id) => ({ type: 'job', id, uri, ...options }), (reply) => (Array.isArray(reply) ? undefined : reply));
  }

  /** The names of a batch of files, by one worker (the first pass of a first index). */
  names(uris: readonly string[], options: { embedded: boolean; maxFileBytes: number }): Promise<NamesReply | undefined> {
    const worker = this.nextWorker();
    if (worker) for (const uri of uris) this.namedBy.set(uri, worker);
    return this.send(worker, (id) => ({ type: 'names', id, uris, ...options }), (reply) => (Array.isArray(reply) ? reply : undefined));
  }

  /**
   * The files each worker read the names of, in turn (one of the first worker's, one of the
   * second's, …), each worker's in their own order; files no worker holds come last. Asked in
   * list order, 32 files in a row would go to one worker while the other waited.
   */
  order(uris: readonly string[]): readonly string[] {
    const queues = new Map<Worker | undefined, string[]>();
    for (const uri of uris) {
      const worker = this.namedBy.get(uri);
      const queue = queues.get(worker) ?? [];
      if (!queue.length) queues.set(worker, queue);
      queue.push(uri);
    }
    const held = [...queues].filter(([worker]) => worker).map(([, queue]) => queue);
    const longest = Math.max(0, ...held.map((queue) => queue.length));
    const ordered: string[] = [];
    for (let i = 0; i < longest; i++) for (const queue of held) if (i < queue.length) ordered.push(queue[i]);
    return [...ordered, ...(queues.get(undefined) ?? [])];
  }

  private nextWorker(): Worker | undefined {
    return this.workers.length ? this.workers[this.turn++ % this.workers.length] : undefined;
  }

  /**
   * Sends a message to a worker and gives what `take` makes of its reply (a worker that stopped
   * replies with a failure); undefined when no worker is left.
   */
  private send<T>(worker: Worker | undefined, message: (id: number) => Message, take: (reply: RemoteAnalysis | NamesReply) => T | undefined): Promise<T | undefined> {
    if (!worker) return Promise.resolve(undefined);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, { worker, resolve: (reply) => resolve(reply && take(reply)) });
      worker.postMessage(message(id));
    });
  }

  /** A worker that stopped (out of memory, a crash) leaves the pool; its files go back to the caller. */
  private lose(worker: Worker, reason: string): void {
    const at = this.workers.indexOf(worker);
    if (at < 0) return;
    this.workers.splice(at, 1);
    if (!this.stopping) this.log(`An index worker stopped (${reason}); its files are indexed on the main thread.`);
    for (const [id, pending] of this.waiting) {
      if (pending.worker !== worker) continue;
      this.waiting.delete(id);
      pending.resolve(this.stopping ? { kind: 'unreadable', message: 'indexing was stopped' } : undefined);
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    for (const { resolve } of this.waiting.values()) resolve({ kind: 'unreadable', message: 'indexing was stopped' });
    this.waiting.clear();
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
