import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { LspSession, positionOf, REPO_ROOT } from '../protocol/lspSession';
import { percentile } from '../bench/measure';

async function main() {
  const ws = join(REPO_ROOT, 'bench-out', 'workspace-20261123-10000-13000');
  const session = await LspSession.start(ws, { initializationOptions: { cacheDirectory: join(REPO_ROOT, 'bench-out', 'cache') } });
  await session.indexed(30 * 60 * 1000);
  const note = `Notes: the Collective Security Council met; CSTO again. Coll`;
  const uri = await session.open('notes/bench-note.md', note);
  const at = positionOf(note, 'Collective Security Council', 3);
  for (let round = 0; round < 3; round++) {
    const times: number[] = [];
    const t0 = performance.now();
    for (let i = 0; i < 2000; i++) { const s = performance.now(); await session.hover(uri, at); const d = performance.now() - s; times.push(d); if (round === 0 && d > 4) console.log(`  #${i} at ${(s - t0).toFixed(0)} ms: ${d.toFixed(1)} ms`); }
    console.log(`round ${round}: p50 ${percentile(times, 50).toFixed(2)} p90 ${percentile(times, 90).toFixed(2)} p99 ${percentile(times, 99).toFixed(2)} max ${Math.max(...times).toFixed(1)}`);
  }
  await session.stop?.();
  process.exit(0);
}
void main();
