// `npm run bench:analysis`: the analysis of every bench document on one core, without the server.
// Prints the throughput, one hash of everything the analysis produced (the snapshot of every
// document: passages, mentions, candidates), so that a faster analysis can be shown to give the
// same answers, and with --profile the CPU time by stage (from a V8 profile, mapped to source
// files through the bundle's source map). A script, not a test.
//   node out/test/bench/analysis.js [--profile [--top N]] [--limit N] [--russian N] [--kept | --names] [corpus directory]
// With --names, only the names pass of a first index runs (namesOfFile from each file's bytes, its
// mentions kept as a worker keeps them): its own throughput and a hash of its documents and kept mentions.
// With --kept, each document's catalog mentions are found first, kept packed and handed to its
// analysis, as in a first index on workers (names pass, then understanding): the hash must not change.
// With --russian N, N generated Russian releases are analysed after the English documents, and
// the two throughputs compared in characters per second.

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { Session, type Profiler } from 'node:inspector';
import { SourceMap } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyseDocument, catalogMentions } from '../../server/src/core/analysis/analyseDocument';
import { namesOfFile } from '../../server/src/core/analysis/analyseNames';
import { KeptCatalogNames } from '../../server/src/core/analysis/keptNames';
import { splitWords } from '../../server/src/core/text/words';
import { validateCatalog } from '../../server/src/core/catalog/catalog';
import { Knowledge } from '../../server/src/core/analysis/knowledge';
import { plainSnapshot, toSnapshot } from '../../server/src/core/index/snapshot';
import { sentenceFingerprints } from '../../server/src/core/quotes/sentenceFingerprints';
import { Interner } from '../../server/src/core/text/strings';
import type { FoundMention } from '../../server/src/core/model';
import { REPO_ROOT } from '../protocol/lspSession';
import { generateRussianCorpus } from './generateRussian';
import { benchWorkspace } from './measure';

const args = process.argv.slice(2);
const profile = args.includes('--profile');
const limitAt = args.indexOf('--limit');
const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : Infinity;
const russianAt = args.indexOf('--russian');
const russian = russianAt >= 0 ? Number(args[russianAt + 1]) : 0;
const topAt = args.indexOf('--top');
const top = topAt >= 0 ? Number(args[topAt + 1]) : 20;
const kept = args.includes('--kept') ? new KeptCatalogNames() : undefined;
const namesOnly = args.includes('--names');
const positional = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--limit' && args[i - 1] !== '--top' && args[i - 1] !== '--russian');
// The bench's own corpus (10,000 documents of 13 kB, seed 20261123), generated here on a machine
// that has not run `npm run bench` yet.
const corpus = positional[0] ?? benchWorkspace(10000, 13000, 20261123).corpus;

/** Source files grouped into the stages the closing notes speak of. */
const STAGES: [RegExp, string][] = [
  [/analysis\/discovery|analysis\/bracketAliases|analysis\/abbreviations|analysis\/nameForms|analysis\/bodies|catalog\/lexicon/, 'discovery'],
  [/analysis\/definitions|text\/sentences/, 'definition scoring'],
  [/analysis\/matcher|analysis\/spans/, 'trie matching'],
  [/analysis\/repeats|analysis\/innerNames/, 'repeats and inner names'],
  [/analysis\/segment|text\/lines|text\/dates/, 'segmentation'],
  [/text\/words|analysis\/tokens/, 'tokenizing'],
  [/analysis\/people|analysis\/anaphora|analysis\/stages|analysis\/candidates|catalog\/worldStates|text\/transliteration/, 'people, states, anaphora, stages'],
  [/quotes\//, 'sentence fingerprints'],
  [/index\/snapshot/, 'snapshot'],
  [/analysis\/analyseDocument|analysis\/analyseNames|analysis\/mentionColumns|text\/strings/, 'document assembly'],
  [/text\/decode/, 'decoding'],
  [/analysis\/keptNames/, 'keeping mentions'],
];

function stageOf(source: string): string {
  for (const [pattern, stage] of STAGES) if (pattern.test(source)) return stage;
  return source.includes('bench/analysis') ? 'reading and hashing (harness)' : 'other';
}

async function main(): Promise<void> {
  const catalog = validateCatalog(JSON.parse(readFileSync(join(REPO_ROOT, 'corpus', 'catalog.json'), 'utf8'))).catalog!;
  const knowledge = new Knowledge(catalog);
  const files = readdirSync(corpus)
    .filter((f) => /\.(txt|md)$/.test(f))
    .sort()
    .slice(0, limit);
  // The names pass reads the bytes itself, timed.
  const texts = namesOnly ? [] : files.map((f) => readFileSync(join(corpus, f), 'utf8'));
  const bytes = texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0);
  let session: Session | undefined;
  if (profile) {
    session = new Session();
    session.connect();
    await post(session, 'Profiler.enable');
    await post(session, 'Profiler.setSamplingInterval', { interval: 200 });
    await post(session, 'Profiler.start');
  }
  if (namesOnly) {
    const names = namesPass(files, knowledge);
    console.log(`${files.length} documents, ${(names.bytes / 1e6).toFixed(1)} MB, ${names.mentions} catalog mentions`);
    console.log(`names pass: ${(names.ms / 1000).toFixed(2)} s, ${(names.bytes / 1e6 / (names.ms / 1000)).toFixed(1)} MB/s on one core (process CPU ${(names.cpu / 1e6).toFixed(2)} s, hashing the output included)`);
    console.log(`names hash: ${names.digest}`);
    if (session) printStages(((await post(session, 'Profiler.stop')) as { profile: Profiler.Profile }).profile);
    return;
  }
  const english = analyseAll(files, texts, knowledge);
  console.log(`${files.length} documents, ${(bytes / 1e6).toFixed(1)} MB, ${english.mentions} mentions`);
  console.log(`analysis and snapshot: ${(english.analysing / 1000).toFixed(2)} s, ${(bytes / 1e6 / (english.analysing / 1000)).toFixed(1)} MB/s on one core (process CPU ${(english.cpu / 1e6).toFixed(2)} s)`);
  console.log(`analysis hash: ${english.digest}`);
  console.log(`sentence fingerprints: ${english.sentenceCount} sentences in ${(english.fingerprinting / 1000).toFixed(2)} s, hash ${english.sentenceDigest}`);
  if (russian > 0) {
    // Russian releases of the English documents' length in characters (a Cyrillic letter is two
    // bytes in UTF-8: characters, not bytes, are compared).
    const characters = texts.reduce((sum, t) => sum + t.length, 0);
    const size = Math.round(characters / texts.length);
    // Generated once for a count and a size, like the English corpus (again if a run was cut short).
    const directory = join(REPO_ROOT, 'bench-out', `russian-${russian}-${size}`);
    if (!existsSync(directory) || readdirSync(directory).length !== russian) generateRussianCorpus(directory, russian, size, 20261206);
    const names = readdirSync(directory).filter((f) => f.endsWith('.txt')).sort().slice(0, russian);
    const russianTexts = names.map((f) => readFileSync(join(directory, f), 'utf8'));
    const result = analyseAll(names, russianTexts, knowledge);
    const perSecond = (chars: number, ms: number) => chars / 1e6 / (ms / 1000);
    const englishRate = perSecond(characters, english.analysing);
    const russianRate = perSecond(russianTexts.reduce((sum, t) => sum + t.length, 0), result.analysing);
    console.log(`Russian: ${names.length} releases of ${size} characters, ${result.mentions} mentions; analysis ${(result.analysing / 1000).toFixed(2)} s`);
    console.log(`characters per second: English ${englishRate.toFixed(2)} M, Russian ${russianRate.toFixed(2)} M = ${((100 * russianRate) / englishRate).toFixed(0)}% of English (target ≥ 80%)`);
  }
  if (session) {
    const { profile: cpuProfile } = (await post(session, 'Profiler.stop')) as { profile: Profiler.Profile };
    printStages(cpuProfile);
  }
}

/** Analyses every text as an index worker does, timed; one hash of the snapshots, one of the sentence fingerprints. */
function analyseAll(files: readonly string[], texts: readonly string[], knowledge: Knowledge) {
  const hash = createHash('sha256');
  const sentenceHash = createHash('sha256');
  let sentenceCount = 0;
  let fingerprinting = 0;
  let mentions = 0;
  let analysing = 0;
  const cpuStart = process.cpuUsage();
  for (let i = 0; i < files.length; i++) {
    const uri = `file:///corpus/${files[i]}`;
    // As the names pass does, untimed: the catalog's mentions found and kept.
    kept?.keep(uri, 'same bytes', catalogMentions(texts[i], knowledge, 'corpus', splitWords(texts[i])));
    const started = performance.now();
    const found = kept?.take(uri, 'same bytes', texts[i], knowledge);
    // As an index worker analyses a file: its strings kept as sliced, since the snapshot is what leaves.
    const doc = analyseDocument({ uri, text: texts[i], fallbackTitle: files[i], embedded: false, ...(found ? { catalogMentions: found } : {}) }, knowledge, new Interner(false));
    const { sentences: _none, ...snapshot } = plainSnapshot(toSnapshot(doc));
    analysing += performance.now() - started;
    // As analyseFile makes them beside the analysis, timed apart.
    const fingerprinted = performance.now();
    const sentences = sentenceFingerprints(texts[i], doc.passages);
    fingerprinting += performance.now() - fingerprinted;
    mentions += doc.mentions.length;
    sentenceCount += sentences.length / 4;
    // The analysis hash leaves the sentences out (they came later); they have their own.
    hash.update(JSON.stringify(snapshot));
    sentenceHash.update(sentences);
  }
  const used = process.cpuUsage(cpuStart);
  return { analysing, fingerprinting, mentions, sentenceCount, cpu: used.user + used.system, digest: hash.digest('hex'), sentenceDigest: sentenceHash.digest('hex') };
}

/**
 * The names pass over every file as a worker runs it, from the bytes on disk, timed: one hash of the
 * provisional documents' snapshots and of the mentions kept for understanding.
 */
function namesPass(files: readonly string[], knowledge: Knowledge) {
  const hash = createHash('sha256');
  const keptNames = new KeptCatalogNames();
  const interner = new Interner(false);
  let mentions = 0;
  let bytes = 0;
  let ms = 0;
  const cpuStart = process.cpuUsage();
  for (const file of files) {
    const uri = `file:///corpus/${file}`;
    const started = performance.now();
    const data = readFileSync(join(corpus, file));
    bytes += data.length;
    const keep = (found: readonly FoundMention[]) => {
      keptNames.keep(uri, createHash('sha1').update(data).digest('hex'), found);
      mentions += found.length;
    };
    const doc = namesOfFile(data, uri, { knowledge, maxFileBytes: Infinity, embedded: false, fallbackTitle: file, interner, keep });
    const snapshot = doc && toSnapshot(doc);
    ms += performance.now() - started;
    // Hashed untimed: the worker posts the snapshot instead.
    if (snapshot) hash.update(JSON.stringify(plainSnapshot(snapshot)));
  }
  const used = process.cpuUsage(cpuStart);
  // The kept mentions, as understanding takes them.
  for (const file of files) {
    const uri = `file:///corpus/${file}`;
    const data = readFileSync(join(corpus, file));
    const text = data.toString('utf8');
    hash.update(JSON.stringify(keptNames.take(uri, createHash('sha1').update(data).digest('hex'), text, knowledge) ?? null));
  }
  return { ms, bytes, mentions, cpu: used.user + used.system, digest: hash.digest('hex') };
}

function post(session: Session, method: string, params?: object): Promise<unknown> {
  return new Promise((resolve, reject) => session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result))));
}

/** Self time by stage and the top functions; built-in frames (regex, GC) count for the caller's stage. */
function printStages(cpuProfile: Profiler.Profile): void {
  const maps = new Map<string, SourceMap | undefined>();
  const sourceOf = (frame: Profiler.ProfileNode['callFrame']): string | undefined => {
    if (!frame.url.includes('/out/test/')) return undefined;
    const path = frame.url.replace(/^file:\/\//, '');
    if (!maps.has(path)) {
      try {
        maps.set(path, new SourceMap(JSON.parse(readFileSync(`${path}.map`, 'utf8'))));
      } catch {
        maps.set(path, undefined);
      }
    }
    const entry = maps.get(path)?.findEntry(frame.lineNumber, frame.columnNumber) as { originalSource?: string } | undefined;
    return entry?.originalSource ?? path;
  };
  const nodes = new Map(cpuProfile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of cpuProfile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stageOfNode = new Map<number, string>();
  const resolve = (id: number): string => {
    const known = stageOfNode.get(id);
    if (known) return known;
    const node = nodes.get(id)!;
    const source = sourceOf(node.callFrame);
    const up = parent.get(id);
    const stage = source ? stageOf(source) : up !== undefined ? resolve(up) : node.callFrame.functionName || 'idle';
    stageOfNode.set(id, stage);
    return stage;
  };
  const byStage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  const total = cpuProfile.samples?.length ?? 0;
  for (const id of cpuProfile.samples ?? []) {
    const node = nodes.get(id)!;
    const stage = node.callFrame.functionName === '(garbage collector)' ? 'GC' : resolve(id);
    byStage.set(stage, (byStage.get(stage) ?? 0) + 1);
    const name = `${node.callFrame.functionName || '(anonymous)'} [${stage}]`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + 1);
  }
  const percent = (n: number) => `${((100 * n) / total).toFixed(1)}%`.padStart(6);
  console.log('\nCPU by stage (self time, built-ins counted for their caller)');
  for (const [stage, n] of [...byStage].sort((a, b) => b[1] - a[1])) console.log(`${percent(n)}  ${stage}`);
  console.log('\nTop functions (self time)');
  for (const [name, n] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${percent(n)}  ${name}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
