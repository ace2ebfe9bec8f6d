// The scaling table of `npm run bench`: a cold index (empty cache) of generated corpora of several
// sizes, each against ripgrep on the same files, with wall time, the server's CPU time (all its
// threads) and its peak resident memory while indexing.

import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { IndexStatus } from '../../server/src/shared/protocol';
import { LspSession } from '../protocol/lspSession';
import { benchWorkspace, cpuSecondsOf, mb, memoryOf, ms, OUT, ripgrep } from './measure';

/** The end of the first index's names pass (every catalog name answerable): when, and the server's CPU by then. */
export interface NamesPass {
  milliseconds: number;
  cpuSeconds: number;
  documents: number;
  mentions: number;
}

export interface ScaleRow {
  documents: number;
  bytes: number;
  mentions: number;
  coldMilliseconds: number;
  cpuSeconds: number;
  /** Undefined when the server did not run a names pass (a corpus too small for worker threads). */
  names?: NamesPass | undefined;
  ripgrepMilliseconds: number;
  peakBytes: number;
}

/** Hovers on a name in a note, one after the other, while the first index runs. */
export interface DuringIndex {
  latencies: number[];
  /** The card's count of mentions at each hover: it grows as documents come in. */
  counts: number[];
}

/**
 * Hovers on "Collective Security Council" in a note opened at once, every 100 ms until the server
 * says the index is done: what an analyst who starts writing at once gets.
 */
async function hoverWhileIndexing(session: LspSession): Promise<DuringIndex> {
  const note = 'The Collective Security Council met.';
  const uri = await session.open('notes/bench-during-index.md', note);
  const done = () => session.statuses.some((s, i) => i > 0 && !s.indexing);
  const during: DuringIndex = { latencies: [], counts: [] };
  while (!done()) {
    const start = performance.now();
    const hover = await session.hover(uri, { line: 0, character: 10 });
    if (done()) break;
    during.latencies.push(performance.now() - start);
    const text = (hover?.contents as { value?: string } | undefined)?.value ?? '';
    during.counts.push(Number(/Mentioned ([\d,]+) times?/.exec(text)?.[1].replace(/,/g, '') ?? 0));
    await new Promise((r) => setTimeout(r, 100));
  }
  // Closed again: the note is no file of the workspace, and the bench counts the notes indexed.
  await session.close(uri);
  return during;
}

export async function coldIndexOf(workspace: string, corpus: string, bytes: number, probe = false): Promise<ScaleRow & { session: LspSession; status: IndexStatus; ripgrepMatches: number; during?: DuringIndex }> {
  const cache = join(OUT, 'cache');
  rmSync(cache, { recursive: true, force: true });
  const start = performance.now();
  const session = await LspSession.start(workspace, { initializationOptions: { cacheDirectory: cache } });
  const during = probe ? hoverWhileIndexing(session) : undefined;
  const namesPass = session.nextStatus((s) => s.phase === 'understanding' || !s.indexing, 30 * 60 * 1000).then((s) =>
    s.phase === 'understanding' ? { milliseconds: performance.now() - start, cpuSeconds: cpuSecondsOf(session.pid), documents: s.documents, mentions: s.mentions } : undefined,
  );
  const status = await session.indexed(30 * 60 * 1000);
  const names = await namesPass;
  const coldMilliseconds = performance.now() - start;
  const cpuSeconds = cpuSecondsOf(session.pid);
  const peakBytes = memoryOf(session.pid).peak;
  // ripgrep once the server has written its cache (not competing with it for the cores), and
  // after the server's read, so that the page cache is as warm for both.
  while (!session.logs.some((l) => l.startsWith('Saved the index of'))) await new Promise((r) => setTimeout(r, 100));
  const rg = ripgrep(corpus);
  return { documents: status.documents, bytes, mentions: status.mentions, coldMilliseconds, cpuSeconds, names, ripgrepMilliseconds: rg.best, ripgrepMatches: rg.matches, peakBytes, session, status, ...(during ? { during: await during } : {}) };
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
  const header = ['documents', 'corpus', 'mentions', 'names pass', 'cold index', 'CPU time', 'ripgrep', 'names / rg', 'cold / rg', 'peak RSS', 'RSS / corpus'];
  const lines = rows.map((r) => [
    String(r.documents),
    mb(r.bytes),
    String(r.mentions),
    r.names ? ms(r.names.milliseconds) : '—',
    ms(r.coldMilliseconds),
    `${r.cpuSeconds.toFixed(1)} s`,
    ms(r.ripgrepMilliseconds),
    r.names ? `${(r.names.milliseconds / r.ripgrepMilliseconds).toFixed(1)}×` : '—',
    `${(r.coldMilliseconds / r.ripgrepMilliseconds).toFixed(1)}×`,
    mb(r.peakBytes),
    `${(r.peakBytes / r.bytes).toFixed(2)}×`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  for (const line of [header, ...lines]) console.log(line.map((cell, i) => cell.padStart(widths[i])).join('  '));
}
