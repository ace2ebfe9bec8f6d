// What the benchmark scripts measure with: ripgrep on the same files and names, a process's CPU
// time and resident memory from /proc (Linux), percentiles, and the generated workspaces.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { REPO_ROOT, SEED_CORPUS } from '../protocol/lspSession';
import { generateCorpus } from './generate';
import { generateRussianCorpus } from './generateRussian';

export const OUT = join(REPO_ROOT, 'bench-out');

export function ensureRipgrep(): string {
  const found = spawnSync('rg', ['--version'], { encoding: 'utf8' });
  if (found.status === 0) return found.stdout.split('\n')[0];
  console.log('Installing ripgrep (Debian package) for the comparison…');
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  execFileSync(sudo[0] ?? 'apt-get', [...sudo.slice(1), ...(sudo.length ? ['apt-get'] : []), 'install', '-y', '-qq', 'ripgrep'], { stdio: 'inherit' });
  return spawnSync('rg', ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0];
}

/** Every name and alias of the bundled catalog, one per line in bench-out/names.txt. */
export function catalogNames(): string[] {
  const catalog = JSON.parse(readFileSync(join(REPO_ROOT, 'corpus', 'catalog.json'), 'utf8')) as {
    entities: { name: string; aliases?: string[]; editions?: { aliases?: string[] }[] }[];
  };
  const names = new Set<string>();
  for (const e of catalog.entities) {
    for (const n of [e.name, ...(e.aliases ?? [])]) names.add(n);
    for (const edition of e.editions ?? []) for (const n of edition.aliases ?? []) names.add(n);
  }
  return [...names];
}

export function namesFile(): string {
  const file = join(OUT, 'names.txt');
  writeFileSync(file, `${catalogNames().join('\n')}\n`);
  return file;
}

/** ripgrep finding every catalog name in the corpus, run three times: the best time counts. */
export function ripgrep(corpus: string): { best: number; times: number[]; matches: number } {
  const names = namesFile();
  const times: number[] = [];
  let matches = 0;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    const run = spawnSync('rg', ['-F', '-o', '-f', names, corpus], { maxBuffer: 1 << 30 });
    times.push(performance.now() - start);
    matches = run.stdout.toString().split('\n').length - 1;
  }
  return { best: Math.min(...times), times, matches };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Peak and current resident memory of a process, from /proc. */
export function memoryOf(pid: number): { peak: number; current: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) * 1024;
  return { peak: kb('VmHWM'), current: kb('VmRSS') };
}

/** Starts a new peak: the process's peak resident memory is set back to its current one. */
export function resetPeakMemory(pid: number): void {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

/** CPU seconds a process has used so far, user and system, all its threads. */
export function cpuSecondsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After the command name: state is field 3, utime 14 and stime 15 (counted from 1).
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

export const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
export const ms = (milliseconds: number) => `${milliseconds < 10 ? milliseconds.toFixed(2) : milliseconds.toFixed(0)} ms`;

/**
 * A generated workspace (corpus/ and, when asked, notes/), made once per parameters. `russian`
 * Russian releases of as many characters as an English document's bytes go in corpus/ru/ beside
 * the `docs` English documents.
 */
export function benchWorkspace(docs: number, bytes: number, seed: number, russian = 0): { workspace: string; corpus: string; files: number; bytes: number; russian: number } {
  const workspace = join(OUT, `workspace-${seed}-${docs}-${bytes}${russian ? `-ru${russian}` : ''}`);
  const corpus = join(workspace, 'corpus');
  const marker = join(workspace, 'generated.json');
  let generated: { files: number; bytes: number; russian: number };
  if (existsSync(marker)) generated = { russian: 0, ...JSON.parse(readFileSync(marker, 'utf8')) };
  else {
    rmSync(workspace, { recursive: true, force: true });
    const started = performance.now();
    const english = generateCorpus(SEED_CORPUS, corpus, docs, bytes, seed);
    const russianBytes = russian ? generateRussianCorpus(join(corpus, 'ru'), russian, bytes, seed + 1) : 0;
    generated = { files: english.files + russian, bytes: english.bytes + russianBytes, russian };
    writeFileSync(marker, JSON.stringify(generated));
    console.log(`Generated ${generated.files} documents (${russian} of them Russian), ${mb(generated.bytes)}, in ${ms(performance.now() - started)}.`);
  }
  return { workspace, corpus, ...generated };
}

/** SQLite FTS5's build of the same files, the bench's second peer: best of three by CPU time; the reason instead where python3 or FTS5 is missing. */
export function fts5Build(corpus: string): { sqlite: string; wall: number; cpu: number; peak: number; db: number } | { skipped: string } {
  const runs: { sqlite: string; wall: number; cpu: number; peak: number; db: number }[] = [];
  for (let i = 0; i < 3; i++) {
    const run = spawnSync('python3', [join(REPO_ROOT, 'test', 'bench', 'fts5.py'), corpus, join(OUT, 'fts5.db')], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (run.error || run.status !== 0) return { skipped: run.error ? `python3 cannot be run (${run.error.message})` : `the FTS5 build failed: ${run.stderr.trim().split('\n').pop()}` };
    runs.push(JSON.parse(run.stdout));
  }
  return runs.reduce((best, run) => (run.cpu < best.cpu ? run : best));
}
