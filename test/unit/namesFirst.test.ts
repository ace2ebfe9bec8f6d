import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { IndexedDocument } from '../../server/src/core/analysis/analyseDocument';
import { EntityLists } from '../../server/src/core/index/entityLists';
import { toSnapshot } from '../../server/src/core/index/snapshot';
import { createLanguageService } from '../../server/src/core/languageService';
import { CorpusSync, type SyncStatus } from '../../server/src/core/sync/corpusSync';
import { Ingestion } from '../../server/src/core/sync/ingestion';
import { bundledCatalog, seedFiles, seedText } from './helpers';
import { CORPUS_FOLDER, InMemoryCorpusHost } from './inMemoryCorpusHost';

const seeds = () => Object.fromEntries(seedFiles().map((n) => [n, seedText(n)]));
const note = (text: string) => ({ uri: 'file:///workspace/notes/n.md', version: 1, getText: () => text });

function setUp(files: Record<string, string | Uint8Array> = seeds()) {
  const host = new InMemoryCorpusHost(files);
  host.parallel = true;
  const ingestion = new Ingestion(host, bundledCatalog(), { maxFileBytes: 1 << 20, retainText: false });
  const sync = new CorpusSync(host, ingestion, { version: 'test' });
  const language = createLanguageService(ingestion);
  const statuses: SyncStatus[] = [];
  sync.onDidChangeIndex((s) => statuses.push(s));
  return { host, ingestion, sync, language, statuses };
}

/** Starts the first index with the full analyses held back; resolves once the names pass is over. */
async function indexNamesOnly(s: ReturnType<typeof setUp>) {
  let release!: () => void;
  s.host.analysesWait = new Promise((resolve) => (release = resolve));
  const understanding = new Promise<void>((resolve) => s.sync.onDidChangeIndex((status) => status.phase === 'understanding' && resolve()));
  const indexing = s.sync.indexAll();
  await understanding;
  return { release, indexing };
}

/** The documents (by file name) whose references to an entity a note's name leads to. */
function referencedFiles(s: ReturnType<typeof setUp>, text: string, offset: number): string[] {
  return [...new Set(s.language.references(note(text), offset).places.map((p) => p.uri.split('/').pop()!))].sort();
}

describe('The first index: every catalog name first, then the full analyses', () => {
  it('answers hover, references and counts for catalog names before any file is understood', async () => {
    const full = setUp();
    await full.sync.indexAll();
    const s = setUp();
    const { release, indexing } = await indexNamesOnly(s);
    assert.equal(s.host.analysedElsewhere.length, 0, 'no full analysis ran yet');
    assert.equal(s.language.documents().length, seedFiles().length);
    assert.ok(s.language.documents().every((d) => d.provisional && d.passages.length === 0 && d.dates.length === 0));
    assert.equal(s.language.hover(note('The CSC met.'), 5)!.markdown.split('\n')[0], '**Collective Security Council** — body');
    assert.deepEqual(referencedFiles(s, 'The CSC met.', 5), referencedFiles(full, 'The CSC met.', 5));
    assert.ok(s.language.mentionCount('collective-security-council') > 0);
    // The card says what it cannot know yet, rather than that the corpus has no definition or date.
    const card = s.language.hover(note('The CSC met.'), 5)!.markdown;
    assert.match(card, /\*No defining sentence found yet:\* 5 of 5 documents are not read yet; definitions and dates may change\./);
    assert.match(card, /\*\*Mentioned \d+ times in 5 documents\*\* · no dated passage so far/);
    assert.doesNotMatch(card, /in the corpus;|first reported in/);
    release();
    await indexing;
    assert.ok(s.language.documents().every((d) => !d.provisional));
    // The card hovered during the names pass was kept current as each document was replaced.
    assert.equal(s.language.hover(note('The CSC met.'), 5)!.markdown, full.language.hover(note('The CSC met.'), 5)!.markdown);
    assert.doesNotMatch(s.language.hover(note('The CSC met.'), 5)!.markdown, /not read yet|so far/);
  });

  it('ends with the same index as one made without the names pass', async () => {
    const without = setUp();
    without.host.namesFirst = false;
    await without.sync.indexAll();
    const s = setUp();
    await s.sync.indexAll();
    assert.deepEqual(s.host.namedElsewhere.slice().sort(), seedFiles().map((n) => `${CORPUS_FOLDER}${n}`).sort());
    const snapshots = (x: ReturnType<typeof setUp>) => x.language.documents().map((d) => JSON.stringify(toSnapshot(d))).sort();
    assert.deepEqual(snapshots(s), snapshots(without));
    assert.equal(s.language.mentionCount('collective-security-council'), without.language.mentionCount('collective-security-council'));
  });

  it('says which pass runs: names for every file, then understanding, in progress and status', async () => {
    const s = setUp();
    await s.sync.indexAll();
    const phases = s.host.progress.map(([, , phase]) => phase).filter((p) => p);
    assert.equal(phases[0], 'names');
    assert.equal(phases.at(-1), 'understanding');
    assert.equal(phases.indexOf('understanding'), phases.lastIndexOf('names') + 1, 'the passes do not interleave');
    const names = s.host.progress.filter(([, , phase]) => phase === 'names');
    assert.deepEqual(names.at(-1)!.slice(0, 2), [seedFiles().length, seedFiles().length]);
    const told = s.statuses.map((st) => st.phase).filter((phase, i, all) => i === 0 || phase !== all[i - 1]);
    assert.deepEqual(told, [undefined, 'names', 'understanding', undefined]);
    assert.equal(s.sync.status().phase, undefined);
  });

  it('quotes a definition found in a file already understood, and says the rest is not read yet', async () => {
    const s = setUp();
    const { release, indexing } = await indexNamesOnly(s);
    const uri = `${CORPUS_FOLDER}${seedFiles()[0]}`;
    s.ingestion.indexOpenText(uri, 'The Collective Security Council is the highest body of the CSTO.');
    const card = s.language.hover(note('The CSC met.'), 5)!.markdown;
    assert.match(card, /^> The Collective Security Council is the highest body of the CSTO\./m);
    assert.match(card, /^\*4 of 5 documents are not read yet; definitions and dates may change\.\*$/m);
    release();
    await indexing;
  });

  it('finds the same first mention of every entity as an index made without the pass, having been asked during it', async () => {
    const full = setUp();
    await full.sync.indexAll();
    const s = setUp();
    const { release, indexing } = await indexNamesOnly(s);
    const ids = full.ingestion.index.entities().map((e) => e.id);
    const first = (x: ReturnType<typeof setUp>, id: string) => {
      const found = x.ingestion.index.earliestMention(id);
      return found && `${found.doc.uri.split('/').pop()}:${found.candidate.mention.start}:${found.candidate.date ?? 'undated'}`;
    };
    for (const id of ids) first(s, id);
    release();
    await indexing;
    for (const id of ids) assert.equal(first(s, id), first(full, id), id);
  });

  it('finds the first mention again when the file it was in no longer names the entity once understood', async () => {
    const s = setUp({ 'a.txt': 'Operation Mercenary began.', 'b.txt': 'Operation Mercenary went on.' });
    const { release, indexing } = await indexNamesOnly(s);
    assert.equal(s.ingestion.index.earliestMention('mercenary')?.doc.uri, `${CORPUS_FOLDER}a.txt`);
    s.ingestion.indexOpenText(`${CORPUS_FOLDER}a.txt`, 'The talks began.');
    assert.equal(s.ingestion.index.earliestMention('mercenary')?.doc.uri, `${CORPUS_FOLDER}b.txt`);
    release();
    await indexing;
  });

  it('keeps the names read when the index is cancelled during the names pass, and the card says the rest is not read', async () => {
    const s = setUp();
    s.sync.onDidChangeIndex((status) => {
      if (status.phase === 'names') s.host.cancelProgress = true;
    });
    await s.sync.indexAll();
    assert.ok(s.host.logs.some((l) => l.endsWith('(cancelled).')));
    assert.ok(!s.statuses.some((st) => st.phase === 'understanding'), 'no pass after a cancelled one');
    assert.equal(s.host.analysedElsewhere.length, 0);
    assert.equal(s.language.documents().length, seedFiles().length);
    assert.match(s.language.hover(note('The CSC met.'), 5)!.markdown, /\*No defining sentence found yet:\* 5 of 5 documents are not read yet;/);
  });

  it('keeps a file the editor indexed while the names pass ran', async () => {
    const s = setUp();
    const { release, indexing } = await indexNamesOnly(s);
    const uri = `${CORPUS_FOLDER}${seedFiles()[0]}`;
    s.ingestion.indexOpenText(uri, 'Operation Mercenary was held on 02.12.2020.');
    assert.equal(s.language.document(uri)!.provisional, undefined);
    release();
    await indexing;
    assert.ok(s.language.documents().every((d) => !d.provisional));
  });

  it('leaves the names of a file to its full analysis when they cannot be read, and reports its problem once', async () => {
    const s = setUp({ ...seeds(), 'scan.txt': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]) });
    await s.sync.indexAll();
    assert.ok(s.host.namedElsewhere.includes(`${CORPUS_FOLDER}scan.txt`));
    assert.equal(s.language.document(`${CORPUS_FOLDER}scan.txt`), undefined);
    assert.equal(s.ingestion.problems.get(`${CORPUS_FOLDER}scan.txt`)?.message, 'Corpus Lens: this file looks like a binary file, not text; it is not indexed.');
  });
});

describe('EntityLists', () => {
  const doc = (name: string) => ({ uri: `file:///${name}` }) as IndexedDocument;

  it('puts a full analysis in the place of its names-only document, near or far from the last one taken over', () => {
    const lists = new EntityLists();
    const names = Array.from({ length: 300 }, (_, i) => doc(`n${i}`));
    for (const d of names) lists.add('csto', d);
    const full = names.map((d) => doc(`${d.uri}-full`));
    // In order, as both passes go, then one far back and one that was never there.
    for (let i = 0; i < 200; i++) lists.takeOver('csto', names[i], full[i]);
    lists.takeOver('csto', names[299], full[299]);
    lists.takeOver('csto', doc('stranger'), doc('added'));
    const uris = lists.get('csto')!.map((d) => d.uri);
    assert.deepEqual(uris.slice(0, 200), full.slice(0, 200).map((d) => d.uri));
    assert.deepEqual(uris.slice(200, 299), names.slice(200, 299).map((d) => d.uri));
    assert.deepEqual(uris.slice(299), [full[299].uri, 'file:///added']);
  });

  it('forgets an entity when its last document goes', () => {
    const lists = new EntityLists();
    const only = doc('only');
    lists.add('csc', only);
    lists.remove('csc', only);
    assert.equal(lists.get('csc'), undefined);
    assert.equal(lists.size, 0);
  });
});
