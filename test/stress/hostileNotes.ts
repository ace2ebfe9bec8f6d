// `npm run test:stress` (part), or alone: `node out/test/stress/hostileNotes.js`. Notes built to
// make the quotation checks slow: one quotation of 25,000, 50,000 and 100,000 words; 5 MB of
// quotations each a word away from a corpus sentence; 14 MB of nested ">>>" lines with long
// citation links. After the first hover that follows opening a note (printed apart: it waits for
// the note to arrive and be read, which no check causes), hovers on a name in the note and, for
// the nested one, completions are sent every 20 ms while the server checks the note, three seconds
// at least. The script prints their latencies and when the note's diagnostics arrived, and fails
// when the hover p99 is over 100 ms, any of those requests waits over 250 ms, or the diagnostics
// do not come. A script with a verdict, not a unit test.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { seedParagraphs } from '../bench/generate';
import { ms, percentile } from '../bench/measure';
import { LspSession, makeWorkspace, removeWorkspace, SEED_CORPUS } from '../protocol/lspSession';

const HOVER_P99_MS = 100;
const MAX_WAIT_MS = 250;
const DIAGNOSTICS_TIMEOUT_MS = Number(process.env.HOSTILE_TIMEOUT_MS ?? 180_000);
const HEAD = 'Notes on the Collective Security Council.\n\n';
const QUOTATION_CODES = new Set(['misquotation', 'quotation-not-found', 'quotation-too-long', 'wrong-citation', 'quotations-not-listed']);

/** The corpus sentences of the seed documents, as quotable lines. */
function sentences(): string[] {
  return seedParagraphs(SEED_CORPUS)
    .flatMap((p) => p.split(/(?<=[.!?])\s+/))
    .filter((s) => s.split(/\s+/).length >= 10 && s.split(/\s+/).length <= 60);
}

function longQuotation(words: number): string {
  const pool = readFileSync(join(SEED_CORPUS, '003_cd610519ad23afcb.txt'), 'utf8').split(/\s+/).filter(Boolean);
  const out: string[] = [];
  for (let i = 0; out.length < words; i++) out.push(pool[i % pool.length]);
  return `${HEAD}> ${out.join(' ')}\n`;
}

/** Quotations each one word away from a corpus sentence (a different word each time), to `bytes`. */
function nearMisses(bytes: number): string {
  const pool = sentences();
  const parts: string[] = [HEAD];
  let size = HEAD.length;
  for (let i = 0; size < bytes; i++) {
    const words = pool[i % pool.length].split(' ');
    words[(i * 7) % words.length] = `changed${i}`;
    const line = i % 2 ? `As they wrote, "${words.join(' ')}".\n\n` : `> ${words.join(' ')}\n\n`;
    parts.push(line);
    size += line.length;
  }
  return parts.join('');
}

/** Lines of nested blockquotes, each with a long citation link, to `bytes`. */
function nestedQuotes(bytes: number): string {
  const pool = sentences();
  const parts: string[] = [HEAD];
  let size = HEAD.length;
  for (let i = 0; size < bytes; i++) {
    const depth = '>'.repeat(1 + (i % 6));
    const line = `${depth} ${pool[i % pool.length]} \u2014 [source ${i}](../corpus/003_cd610519ad23afcb.txt?${'x'.repeat(200)}#L${i})\n`;
    parts.push(line);
    size += line.length;
  }
  return parts.join('');
}

interface Row {
  note: string;
  size: string;
  /** The first hover after didOpen: it waits for the note to be received (a 14 MB message to decode) and its line table. */
  first: number;
  hovers: number;
  p50: number;
  p99: number;
  max: number;
  completionMax: number;
  diagnostics: number | undefined;
  found: string;
}

async function measure(session: LspSession, name: string, text: string, complete: boolean): Promise<Row> {
  const hoverLatencies: number[] = [];
  const completionLatencies: number[] = [];
  const started = performance.now();
  const uri = session.uri(`notes/${name}.md`);
  let diagnostics: Diagnostic[] | undefined;
  let diagnosedAt: number | undefined;
  // The first diagnostics may come before the quotations are checked (the names' come at once):
  // done when the quotations' are there.
  const watch = (): Promise<void> =>
    session.nextDiagnostics(uri, DIAGNOSTICS_TIMEOUT_MS).then((d): Promise<void> | undefined => {
      if (!d.some((x) => QUOTATION_CODES.has(String(x.code)))) return watch();
      diagnostics = d;
      diagnosedAt = performance.now() - started;
      return undefined;
    });
  const arrived = watch().catch(() => undefined);
  await session.open(`notes/${name}.md`, text);
  const firstAt = performance.now();
  await session.hover(uri, { line: 0, character: 20 });
  const first = performance.now() - firstAt;
  const lastLine = text.split('\n').length - 2;
  // Requests every 20 ms until the diagnostics come, and for three seconds at least.
  while ((diagnosedAt === undefined || performance.now() - started < 3000) && performance.now() - started < DIAGNOSTICS_TIMEOUT_MS) {
    const t = performance.now();
    await session.hover(uri, { line: 0, character: 20 });
    hoverLatencies.push(performance.now() - t);
    if (complete) {
      const c = performance.now();
      await session.completion(uri, { line: lastLine, character: 40 });
      completionLatencies.push(performance.now() - c);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  await Promise.race([arrived, new Promise((r) => setTimeout(r, 10))]);
  await session.close(uri);
  const codes = new Map<string, number>();
  for (const d of diagnostics ?? []) codes.set(String(d.code), (codes.get(String(d.code)) ?? 0) + 1);
  return {
    note: name,
    first,
    size: text.length > 1e6 ? `${(text.length / 2 ** 20).toFixed(1)} MB` : `${Math.round(text.length / 1024)} kB`,
    hovers: hoverLatencies.length,
    p50: percentile(hoverLatencies, 50),
    p99: percentile(hoverLatencies, 99),
    max: Math.max(...hoverLatencies, 0),
    completionMax: completionLatencies.reduce((a, b) => Math.max(a, b), 0),
    diagnostics: diagnosedAt,
    found: [...codes].map(([code, n]) => `${n} ${code}`).join(', ') || (diagnostics ? 'none' : '—'),
  };
}

async function main(): Promise<void> {
  const root = makeWorkspace({});
  const session = await LspSession.start(root);
  await session.indexed(120_000);
  const notes: [string, () => string, boolean][] = [
    ['quotation-25k-words', () => longQuotation(25_000), false],
    ['quotation-50k-words', () => longQuotation(50_000), false],
    ['quotation-100k-words', () => longQuotation(100_000), false],
    ['near-misses-5mb', () => nearMisses(5 * 2 ** 20), false],
    ['nested-quotes-14mb', () => nestedQuotes(14 * 2 ** 20), true],
  ];
  const rows: Row[] = [];
  const only = process.env.HOSTILE_ONLY;
  for (const [name, make, complete] of notes.filter(([name]) => !only || name.includes(only))) {
    rows.push(await measure(session, name, make(), complete));
    const row = rows[rows.length - 1];
    console.log(`${row.note}: ${row.size}, first hover ${ms(row.first)}, then ${row.hovers} hovers p50 ${ms(row.p50)} p99 ${ms(row.p99)} max ${ms(row.max)}${complete ? `, completion max ${ms(row.completionMax)}` : ''}, diagnostics ${row.diagnostics === undefined ? 'never' : ms(row.diagnostics)} (${row.found})`);
  }
  // And one hostile request: a chronology naming 1,000,000 entities, beside the same request naming
  // the 1,000 the server keeps of them: the difference is the cost of the message itself (JSON).
  const ids = Array.from({ length: 1_000_000 }, (_, i) => `entity-${i}`);
  const idTimes: number[] = [];
  const keptTimes: number[] = [];
  const parseTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    let t = performance.now();
    await session.connection.sendRequest('corpusLens/chronology', { entityIds: ids });
    idTimes.push(performance.now() - t);
    t = performance.now();
    await session.connection.sendRequest('corpusLens/chronology', { entityIds: ids.slice(0, 1000) });
    keptTimes.push(performance.now() - t);
    const message = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'corpusLens/chronology', params: { entityIds: ids } });
    t = performance.now();
    JSON.parse(message);
    parseTimes.push(performance.now() - t);
  }
  await session.stop();
  removeWorkspace(root);
  const idsMedian = percentile(idTimes, 50);
  console.log(`\nchronology request naming 1,000,000 entities (16 MB), 5 times, from the client's send to the answer: median ${ms(idsMedian)}, max ${ms(Math.max(...idTimes))};`);
  console.log(`the same naming the first 1,000 only (all the server looks at of the other): median ${ms(percentile(keptTimes, 50))}; JSON.parse of the 16 MB message alone, here: median ${ms(percentile(parseTimes, 50))}`);
  console.log('\n| note | size | first hover after opening | hovers while checked | hover p50 / p99 / max | completion max | diagnostics after | diagnostics |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows) console.log(`| ${r.note} | ${r.size} | ${ms(r.first)} | ${r.hovers} | ${ms(r.p50)} / ${ms(r.p99)} / ${ms(r.max)} | ${r.completionMax ? ms(r.completionMax) : '—'} | ${r.diagnostics === undefined ? 'never' : ms(r.diagnostics)} | ${r.found} |`);
  // Seconds would mean the list is worked through again (it held the server 3.7 s); the JSON of the message is not ours to save.
  const failures = [...(idsMedian > 2000 ? [`a chronology request of 1,000,000 ids took ${ms(idsMedian)}`] : [])];
  failures.push(...rows.flatMap((r) => [
    ...(r.p99 > HOVER_P99_MS ? [`${r.note}: hover p99 ${ms(r.p99)} over ${HOVER_P99_MS} ms`] : []),
    ...(Math.max(r.max, r.completionMax) > MAX_WAIT_MS ? [`${r.note}: a request waited ${ms(Math.max(r.max, r.completionMax))}, over ${MAX_WAIT_MS} ms`] : []),
    ...(r.diagnostics === undefined ? [`${r.note}: no diagnostics within ${DIAGNOSTICS_TIMEOUT_MS / 1000} s`] : []),
  ]));
  if (failures.length) {
    console.error(`\nFAILED:\n${failures.join('\n')}`);
    process.exit(1);
  }
  console.log('\nEvery hostile note: hover p99 and every wait within target, diagnostics delivered.');
}

void main();
