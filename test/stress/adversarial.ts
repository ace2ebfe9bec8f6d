// `npm run test:stress` (part): documents built to hurt each stage of the analysis, analysed
// against ordinary corpus text of the same size. Every one must finish within 3× the time of the
// ordinary text, and no document may add more than MAX_DISCOVERED_PER_DOCUMENT entities. Prints
// one row per document; exits non-zero on a miss. A script with a verdict, not a unit test.
//   node out/test/stress/adversarial.js [megabytes, default 10]

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyseDocument } from '../../server/src/core/analysis/analyseDocument';
import { MAX_DISCOVERED_PER_DOCUMENT } from '../../server/src/core/analysis/discovery';
import { validateCatalog } from '../../server/src/core/catalog/catalog';
import { Knowledge } from '../../server/src/core/analysis/knowledge';
import { adversarialDocuments } from './hostileTexts';

const REPO_ROOT = join(__dirname, '..', '..', '..');
const bytes = Math.round(Number(process.argv[2] ?? 10) * 1e6);
const knowledge = new Knowledge(validateCatalog(JSON.parse(readFileSync(join(REPO_ROOT, 'corpus', 'catalog.json'), 'utf8'))).catalog!);

function ordinaryText(size: number): string {
  const corpus = join(REPO_ROOT, 'corpus');
  const seed = readdirSync(corpus)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(corpus, f), 'utf8'))
    .join('\n\n');
  return seed.repeat(Math.ceil(size / seed.length)).slice(0, size);
}

function analyse(text: string): { milliseconds: number; mentions: number; discovered: number; notice?: string } {
  const started = performance.now();
  const doc = analyseDocument({ uri: 'file:///stress/hostile.txt', text, fallbackTitle: 'hostile.txt', embedded: false }, knowledge);
  const milliseconds = performance.now() - started;
  const discovered = new Set(doc.mentions.toArray().filter((m) => m.discovered).map((m) => m.entityId)).size;
  return { milliseconds, mentions: doc.mentions.length, discovered, ...(doc.notice ? { notice: doc.notice } : {}) };
}

function main(): void {
  // The ordinary text twice: the first run warms the code up.
  analyse(ordinaryText(bytes / 10));
  const baseline = analyse(ordinaryText(bytes));
  console.log(`${(bytes / 1e6).toFixed(1)} MB of ordinary corpus text: ${baseline.milliseconds.toFixed(0)} ms, ${baseline.mentions} mentions\n`);
  console.log(`${'document'.padEnd(44)} ${'time'.padStart(8)} ${'× ordinary'.padStart(10)} ${'mentions'.padStart(9)} ${'new entities'.padStart(12)}  verdict`);
  let failed = 0;
  for (const { name, text } of adversarialDocuments(bytes)) {
    const result = analyse(text);
    const ratio = result.milliseconds / baseline.milliseconds;
    const problems: string[] = [];
    if (ratio > 3) problems.push('slower than 3× ordinary text');
    if (result.discovered > MAX_DISCOVERED_PER_DOCUMENT) problems.push(`${result.discovered} new entities`);
    if (problems.length) failed++;
    console.log(
      `${name.padEnd(44)} ${`${result.milliseconds.toFixed(0)} ms`.padStart(8)} ${ratio.toFixed(2).padStart(10)} ${String(result.mentions).padStart(9)} ${String(result.discovered).padStart(12)}  ${problems.length ? `FAILED: ${problems.join(', ')}` : 'ok'}`,
    );
  }
  if (failed) {
    console.log(`\n${failed} document(s) failed.`);
    process.exitCode = 1;
  }
}

main();
