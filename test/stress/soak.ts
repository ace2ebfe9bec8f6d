// `npm run test:stress` (part): the soak. A server on a generated corpus is fed, for ten minutes,
// what an analyst's long session gives it: edits of an open note and of an open corpus document
// (whole-text and ranged), corpus files rewritten, created and deleted on disk with their events,
// notes changed on disk, a catalog change now and then (a full index built beside the one in
// use), and hovers, definitions, references and completions in between. A script with a verdict,
// not a unit test: it samples the server's resident memory every two seconds and fails when the
// median of the last fifth of the run is more than 10% above that of the fifth after the warm-up,
// when a request's p99 misses its latency target, when a request fails, or when the seed hover is
// wrong at the end.
//   SOAK_SECONDS=600 SOAK_DOCS=2000 SOAK_SEED=20261124 node out/test/stress/soak.js

import { mkdtempSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { FileChangeType, type Position } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import { generateCorpus, generateDocument, generateNote, generateNotes, random, seedParagraphs } from '../bench/generate';
import { catalogNames, mb, memoryOf, ms, percentile } from '../bench/measure';
import { LspSession, SEED_CORPUS } from '../protocol/lspSession';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 600);
const DOCS = Number(process.env.SOAK_DOCS ?? 2000);
const SEED = Number(process.env.SOAK_SEED ?? 20261124);
/** The first fifth of the run is warm-up: code compiled, heaps grown to their working size. */
const WARM_UP = 0.2;
const MAX_GROWTH = 1.1;
const CATALOG_EVERY_MS = 120_000;
const TARGETS: Record<string, number> = { hover: 5, definition: 5, references: 50, completion: 20 };

const r = random(SEED);
const pick = <T>(items: readonly T[]): T => items[Math.floor(r() * items.length)];
const paragraphs = seedParagraphs(SEED_CORPUS);
const names = catalogNames().filter((n) => n.length >= 4);
const mentioning = () => `Notes on ${pick(names)}: see also ${pick(names)} and the ${pick(names)}.`;

/** Offset to line and character. */
function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** A place inside a catalog name the text holds, or a random place when it holds none. */
function somewhereNamed(text: string): Position {
  for (let tries = 0; tries < 20; tries++) {
    const name = pick(names);
    const at = text.indexOf(name);
    if (at >= 0) return positionAt(text, at + Math.floor(name.length / 2));
  }
  return positionAt(text, Math.floor(r() * text.length));
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'corpus-lens-soak-'));
  const corpus = join(root, 'corpus');
  generateCorpus(SEED_CORPUS, corpus, DOCS, 13000, SEED);
  generateNotes(SEED_CORPUS, join(root, 'notes'), 200, 3000, SEED);
  const session = await LspSession.start(root, { initializationOptions: { cacheDirectory: join(root, '.cache') } });
  const failures: string[] = [];
  const latencies: Record<string, number[]> = { hover: [], definition: [], references: [], completion: [] };
  const counts: Record<string, number> = {};
  const count = (what: string) => (counts[what] = (counts[what] ?? 0) + 1);
  try {
    const first = await session.indexed(10 * 60 * 1000);
    console.log(`Soak: ${first.documents} documents, ${first.notes} notes, ${SECONDS} s, seed ${SEED}.`);

    // The open note, kept between 20 and 60 paragraphs so that its size does not grow with time.
    const note = generateNote(r, paragraphs, 6000, 'Working note').split('\n\n');
    const noteUri = await session.open('notes/working.md', note.join('\n\n'));
    const corpusFiles = readdirSync(corpus).filter((f) => f.endsWith('.txt'));
    let openDoc = { uri: '', text: '' };
    const openCorpusDocument = async () => {
      if (openDoc.uri) await session.close(openDoc.uri);
      const name = pick(corpusFiles);
      const text = generateDocument(r, paragraphs, 8000);
      writeFileSync(join(corpus, name), text);
      await session.filesChanged([{ uri: URI.file(join(corpus, name)).toString(), type: FileChangeType.Changed }]);
      openDoc = { uri: await session.open(`corpus/${name}`, text, 'plaintext'), text };
    };
    await openCorpusDocument();
    const extras: string[] = [];
    let catalogVersion = 0;
    let lastCatalog = performance.now();

    let lastLatency = 0;
    const timed = async (kind: string, request: () => Promise<unknown>) => {
      const started = performance.now();
      try {
        await request();
      } catch (error) {
        failures.push(`${kind}: ${(error as Error).message}`);
      }
      lastLatency = performance.now() - started;
      latencies[kind].push(lastLatency);
    };
    const actions: [number, string, () => Promise<void>][] = [
      [30, 'hover in the note', () => timed('hover', () => session.hover(noteUri, somewhereNamed(note.join('\n\n'))))],
      [8, 'hover in the corpus document', () => timed('hover', () => session.hover(openDoc.uri, somewhereNamed(openDoc.text)))],
      [12, 'definition', () => timed('definition', () => session.definition(noteUri, somewhereNamed(note.join('\n\n'))))],
      [8, 'references', () => timed('references', () => session.references(noteUri, somewhereNamed(note.join('\n\n'))))],
      [
        12,
        'completion',
        async () => {
          const prefix = pick(names).slice(0, 3 + Math.floor(r() * 4));
          note.push(`Typing ${prefix}`);
          await session.replaceText(noteUri, note.join('\n\n'));
          const text = note.join('\n\n');
          await timed('completion', () => session.completion(noteUri, positionAt(text, text.length)));
          note.pop();
        },
      ],
      [
        12,
        'note edit',
        async () => {
          // The note edited: a paragraph typed in, or one cut, sent as a ranged change.
          const text = note.join('\n\n');
          if (note.length < 20 || (note.length < 60 && r() < 0.5)) {
            const added = r() < 0.5 ? mentioning() : `> ${pick(paragraphs)}`;
            note.push(added);
            await session.edit(noteUri, [{ range: { start: positionAt(text, text.length), end: positionAt(text, text.length) }, text: `\n\n${added}` }]);
          } else {
            const at = 1 + Math.floor(r() * (note.length - 1));
            const start = note.slice(0, at).join('\n\n').length;
            const end = start + 2 + note[at].length;
            note.splice(at, 1);
            await session.edit(noteUri, [{ range: { start: positionAt(text, start), end: positionAt(text, end) }, text: '' }]);
          }
          count('note edits');
        },
      ],
      [
        5,
        'corpus document edit',
        async () => {
          openDoc.text = `${openDoc.text.slice(0, Math.floor(openDoc.text.length * 0.8))}\n${mentioning()}\n`;
          await session.replaceText(openDoc.uri, openDoc.text);
          count('corpus document edits');
        },
      ],
      [1, 'corpus document reopened', async () => (await openCorpusDocument(), void count('corpus documents reopened'))],
      [
        5,
        'file rewritten',
        async () => {
          const name = pick(corpusFiles);
          writeFileSync(join(corpus, name), generateDocument(r, paragraphs, Math.round(13000 * (0.2 + r() * 1.6))));
          await session.filesChanged([{ uri: URI.file(join(corpus, name)).toString(), type: FileChangeType.Changed }]);
          count('files rewritten');
        },
      ],
      [
        3,
        'file created or deleted',
        async () => {
          if (extras.length >= 50 || (extras.length && r() < 0.5)) {
            const file = extras.splice(Math.floor(r() * extras.length), 1)[0];
            unlinkSync(file);
            await session.filesChanged([{ uri: URI.file(file).toString(), type: FileChangeType.Deleted }]);
            count('files deleted');
          } else {
            const file = join(corpus, `extra-${Math.floor(r() * 1e9)}.txt`);
            writeFileSync(file, generateDocument(r, paragraphs, 10000));
            extras.push(file);
            await session.filesChanged([{ uri: URI.file(file).toString(), type: FileChangeType.Created }]);
            count('files created');
          }
        },
      ],
      [
        3,
        'note rewritten',
        async () => {
          const file = join(root, 'notes', `note-${String(Math.floor(r() * 200)).padStart(4, '0')}.md`);
          writeFileSync(file, generateNote(r, paragraphs, 3000, 'Rewritten'));
          await session.filesChanged([{ uri: URI.file(file).toString(), type: FileChangeType.Changed }]);
          count('notes rewritten');
        },
      ],
    ];
    const total = actions.reduce((n, [weight]) => n + weight, 0);
    const choose = () => {
      let at = r() * total;
      for (const action of actions) if ((at -= action[0]) < 0) return action;
      return actions[0];
    };

    const memory: { at: number; rss: number }[] = [];
    const started = performance.now();
    const sampler = setInterval(() => memory.push({ at: (performance.now() - started) / 1000, rss: memoryOf(session.pid).current }), 2000);
    let reported = started;
    let previous = '';
    while (performance.now() - started < SECONDS * 1000) {
      if (performance.now() - lastCatalog > CATALOG_EVERY_MS) {
        // A catalog change: the corpus is read again beside the index in use.
        lastCatalog = performance.now();
        catalogVersion++;
        const catalog = join(corpus, 'catalog.json');
        writeFileSync(catalog, JSON.stringify({ version: `soak-${catalogVersion}`, entities: [{ id: `soak-${catalogVersion}`, kind: 'exercise', name: `Soak ${catalogVersion}` }] }));
        await session.filesChanged([{ uri: URI.file(catalog).toString(), type: catalogVersion === 1 ? FileChangeType.Created : FileChangeType.Changed }]);
        count('catalog changes');
      }
      const [, name, action] = choose();
      lastLatency = 0;
      await action();
      count('actions');
      if (process.env.SOAK_TRACE) {
        if (lastLatency > 5) console.log(`slow ${name} after ${previous}: ${lastLatency.toFixed(1)} ms`);
        previous = name;
      }
      if (performance.now() - reported > 60_000) {
        reported = performance.now();
        const last = memory[memory.length - 1];
        console.log(`  ${Math.round((reported - started) / 1000)} s: ${counts.actions} actions, RSS ${last ? mb(last.rss) : '?'}`);
      }
    }
    clearInterval(sampler);

    // The verdicts.
    const seedNote = 'The Collective Security Council met.';
    const seedUri = await session.open('notes/seed-check.md', seedNote);
    const hover = await session.hover(seedUri, { line: 0, character: 8 });
    const card = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    if (!card.startsWith('**Collective Security Council** — body')) failures.push(`the seed hover at the end: ${card.split('\n')[0] || 'nothing'}`);
    if (!session.alive) failures.push('the server exited');
    if (session.serverErrors) failures.push(`the server wrote to stderr: ${session.serverErrors.slice(0, 200)}`);
    const window = (from: number, to: number) =>
      memory
        .filter((m) => m.at >= from * SECONDS && m.at < to * SECONDS)
        .map((m) => m.rss);
    const afterWarmUp = percentile(window(WARM_UP, WARM_UP + 0.2), 50);
    const atEnd = percentile(window(0.8, 1.01), 50);
    const growth = atEnd / afterWarmUp;
    console.log(`\nDone: ${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ')}.`);
    console.log(`\n| measure | value | target | met |\n|---|---|---|---|`);
    console.log(`| RSS median, ${Math.round(WARM_UP * SECONDS)}–${Math.round((WARM_UP + 0.2) * SECONDS)} s / last ${Math.round(0.2 * SECONDS)} s | ${mb(afterWarmUp)} / ${mb(atEnd)} (×${growth.toFixed(3)}; max ${mb(memory.reduce((a, m) => Math.max(a, m.rss), 0))}) | ≤ ×${MAX_GROWTH} | ${growth <= MAX_GROWTH ? 'yes' : 'NO'} |`);
    if (!(growth <= MAX_GROWTH)) failures.push(`RSS grew ×${growth.toFixed(3)} after the warm-up`);
    for (const [kind, times] of Object.entries(latencies)) {
      const p99 = percentile(times, 99);
      const met = p99 <= TARGETS[kind];
      console.log(`| ${kind} p50 / p99 (${times.length}) | ${ms(percentile(times, 50))} / ${ms(p99)} (max ${ms(times.reduce((a, b) => Math.max(a, b), 0))}) | p99 ≤ ${TARGETS[kind]} ms | ${met ? 'yes' : 'NO'} |`);
      if (!met) failures.push(`${kind} p99 ${ms(p99)} over ${TARGETS[kind]} ms`);
    }
    if (failures.length) {
      console.log(`\nSoak failed:\n- ${failures.slice(0, 20).join('\n- ')}`);
      process.exitCode = 1;
    } else console.log('\nSoak passed.');
  } finally {
    await session.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

void main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
