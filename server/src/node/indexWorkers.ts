// Worker threads for the first index of a large corpus: each reads, decodes and analyses files
// and sends back the analysis as a snapshot, which the main thread only has to add. The same
// code as the main thread's (decodeCorpusFile, analyseDocument, toSnapshot), so the results match.

import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { analyseDocument } from '../core/analysis/analyseDocument';
import type { Catalog } from '../core/catalog/catalog';
import { Knowledge } from '../core/catalog/knowledge';
import { toSnapshot } from '../core/index/snapshot';
import { fileName, type AnalysisResult } from '../core/languageService';
import { decodeCorpusFile } from '../core/text/decode';
import { hashBytes } from './indexCache';
import { toPath } from './settings';

interface Job {
  id: number;
  uri: string;
  embedded: boolean;
  maxFileBytes: number;
  /** The content hash of the cached analysis, if there is one: equal means "unchanged". */
  cachedHash?: string;
}

type Message = { type: 'catalog'; catalog: Catalog } | ({ type: 'job' } & Job);

export const WORKER_ROLE = 'corpus-lens-index-worker';

export function isIndexWorker(): boolean {
  return (workerData as { role?: string } | undefined)?.role === WORKER_ROLE;
}

/** The body of a worker thread. */
export function runIndexWorker(): void {
  let knowledge: Knowledge | undefined;
  parentPort!.on('message', (message: Message) => {
    if (message.type === 'catalog') {
      knowledge = new Knowledge(message.catalog);
      return;
    }
    let result: AnalysisResult;
    try {
      result = analyse(message, knowledge!);
    } catch (error) {
      result = { kind: 'unreadable', message: `analysis failed: ${(error as Error).message}` };
    }
    parentPort!.postMessage({ id: message.id, result });
  });
}

function analyse(job: Job, knowledge: Knowledge): AnalysisResult {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(toPath(job.uri)!);
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return { kind: 'gone' };
    return { kind: 'unreadable', message: (error as Error).message };
  }
  const contentHash = hashBytes(bytes);
  if (job.cachedHash === contentHash) return { kind: 'unchanged' };
  const decoded = decodeCorpusFile(bytes, job.maxFileBytes);
  if (!decoded.ok) return { kind: 'skipped', reason: decoded.reason };
  const doc = analyseDocument(
    { uri: job.uri, text: decoded.text, fallbackTitle: fileName(job.uri), embedded: job.embedded, contentHash, ...(decoded.notice ? { notice: decoded.notice } : {}) },
    knowledge,
  );
  return { kind: 'analysed', snapshot: toSnapshot(doc) };
}

/** A pool of index workers, made when a large corpus is first indexed and ended after it. */
export class IndexWorkers {
  private readonly workers: Worker[] = [];
  private readonly waiting = new Map<number, (result: AnalysisResult) => void>();
  private nextId = 0;
  private turn = 0;

  private constructor(count: number, catalog: Catalog) {
    for (let i = 0; i < count; i++) {
      const worker = new Worker(__filename, { workerData: { role: WORKER_ROLE } });
      worker.on('message', ({ id, result }: { id: number; result: AnalysisResult }) => {
        this.waiting.get(id)?.(result);
        this.waiting.delete(id);
      });
      worker.on('error', (error) => this.failAll(`the index worker stopped: ${error.message}`));
      worker.postMessage({ type: 'catalog', catalog } satisfies Message);
      this.workers.push(worker);
    }
  }

  /** Workers for as many cores as the machine has, at most four; none on a one-core machine. */
  static start(catalog: Catalog, requested?: number): IndexWorkers | undefined {
    const count = requested ?? Math.min(4, availableParallelism());
    return count > 1 || requested === 1 ? new IndexWorkers(count, catalog) : undefined;
  }

  get size(): number {
    return this.workers.length;
  }

  analyse(uri: string, embedded: boolean, maxFileBytes: number, cachedHash?: string): Promise<AnalysisResult> {
    const id = this.nextId++;
    const worker = this.workers[this.turn++ % this.workers.length];
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      const job: Message = { type: 'job', id, uri, embedded, maxFileBytes };
      if (cachedHash !== undefined) job.cachedHash = cachedHash;
      worker.postMessage(job);
    });
  }

  private failAll(message: string): void {
    for (const resolve of this.waiting.values()) resolve({ kind: 'unreadable', message });
    this.waiting.clear();
  }

  async stop(): Promise<void> {
    this.failAll('indexing was stopped');
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
