// The scaling table of `npm run bench`: a cold index (empty cache) of generated corpora of several
// sizes, each against ripgrep on the same files, with wall time, the server's CPU time (all its
// threads) and its peak resident memory while indexing.

import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { IndexStatus } from '../../server/src/shared/protocol';
import { LspSession } from '../protocol/lspSession';
import { benchWorkspace, cpuSecondsOf, mb, memoryOf, ms, OUT, ripgrep } from './measure';

export interface ScaleRow {
  documents: number;
  bytes: number;
  mentions: number;
  coldMilliseconds: number;
  cpuSeconds: number;
  ripgrepMilliseconds: number;
  peakBytes: number;
}

export async function coldIndexOf(workspace: string, corpus: string, bytes: number): Promise<ScaleRow & { session: LspSession; status: IndexStatus; ripgrepMatches: number }> {
  const cache = join(OUT, 'cache');
  rmSync(cache, { recursive: true, force: true });
  const start = performance.now();
  const session = await LspSession.start(workspace, { initializationOptions: { cacheDirectory: cache } });
  const status = await session.indexed(30 * 60 * 1000);
  const coldMilliseconds = performance.now() - start;
  const cpuSeconds = cpuSecondsOf(session.pid);
  const peakBytes = memoryOf(session.pid).peak;
  // ripgrep once the server has written its cache (not competing with it for the cores), and
  // after the server's read, so that the page cache is as warm for both.
  while (!session.logs.some((l) => l.startsWith('Saved the index of'))) await new Promise((r) => setTimeout(r, 100));
  const rg = ripgrep(corpus);
  return { documents: status.documents, bytes, mentions: status.mentions, coldMilliseconds, cpuSeconds, ripgrepMilliseconds: rg.best, ripgrepMatches: rg.matches, peakBytes, session, status };
}

export async function scalingTable(sizes: number[], bytesPerDocument: number, seed: number): Promise<ScaleRow[]> {
  const rows: ScaleRow[] = [];
  for (const docs of sizes) {
    const { workspace, corpus, bytes } = benchWorkspace(docs, bytesPerDocument, seed);
    console.log(`Cold index of ${docs} documents…`);
    const { session, status: _status, ripgrepMatches: _matches, ...row } = await coldIndexOf(workspace, corpus, bytes);
    await session.stop();
    rows.push(row);
  }
  return rows;
}

export function printScalingTable(rows: ScaleRow[]): void {
  console.log('\nScaling: cold index (empty cache) against ripgrep (best of three), same machine, same run\n');
  const header = ['documents', 'corpus', 'mentions', 'cold index', 'CPU time', 'ripgrep', 'cold / rg', 'peak RSS', 'RSS / corpus'];
  const lines = rows.map((r) => [
    String(r.documents),
    mb(r.bytes),
    String(r.mentions),
    ms(r.coldMilliseconds),
    `${r.cpuSeconds.toFixed(1)} s`,
    ms(r.ripgrepMilliseconds),
    `${(r.coldMilliseconds / r.ripgrepMilliseconds).toFixed(1)}×`,
    mb(r.peakBytes),
    `${(r.peakBytes / r.bytes).toFixed(2)}×`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  for (const line of [header, ...lines]) console.log(line.map((cell, i) => cell.padStart(widths[i])).join('  '));
}
