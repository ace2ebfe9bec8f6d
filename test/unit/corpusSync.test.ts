import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toSnapshot } from '../../server/src/core/index/snapshot';
import { createLanguageService } from '../../server/src/core/languageService';
import { CorpusSync, type CatalogCheck, type SyncStatus } from '../../server/src/core/sync/corpusSync';
import { Ingestion } from '../../server/src/core/sync/ingestion';
import type { FileProblem } from '../../server/src/core/sync/problems';
import { bundledCatalog, seedFiles, seedText } from './helpers';
import { BUNDLED_FOLDER, CATALOG_URI, CORPUS_FOLDER, InMemoryCorpusHost } from './inMemoryCorpusHost';

const seeds = () => Object.fromEntries(seedFiles().map((n) => [n, seedText(n)]));
const note = (text: string, version = 1) => ({ uri: 'file:///workspace/notes/n.md', version, getText: () => text });
const SHIELD_CATALOG = JSON.stringify({ version: 'w1', entities: [{ id: 'steppe-shield', kind: 'exercise', name: 'Steppe Shield', parent: 'combat-brotherhood' }] });

/** A sync over an in-memory workspace, with every event it fires recorded. */
function setUp(host = new InMemoryCorpusHost(seeds()), sliceMilliseconds?: number, maxFileBytes = 1 << 20) {
  const ingestion = new Ingestion(host, bundledCatalog(), { maxFileBytes, retainText: false });
  const sync = new CorpusSync(host, ingestion, { version: 'test', ...(sliceMilliseconds !== undefined ? { sliceMilliseconds } : {}) });
  const language = createLanguageService(ingestion);
  const statuses: SyncStatus[] = [];
  const problems: ReadonlyMap<string, FileProblem>[] = [];
  const catalogs: CatalogCheck[] = [];
  sync.onDidChangeIndex((s) => statuses.push(s));
  sync.onDidChangeProblems((p) => problems.push(new Map(p)));
  sync.onDidCheckCatalog((c) => catalogs.push(c));
  const mentionsOf = (name: string) => language.mentionCount(name);
  return { host, ingestion, sync, language, statuses, problems, catalogs, mentionsOf };
}

describe('CorpusSync: the first index', () => {
  it('indexes the workspace corpus, saying when it starts and when it is done', async () => {
    const { sync, statuses, language } = setUp();
    const status = await sync.indexAll();
    assert.equal(status.documents, 5);
    assert.equal(status.embedded, false);
    assert.equal(status.indexing, false);
    assert.deepEqual(statuses.map((s) => s.indexing), [true, false]);
    assert.equal(language.hover(note('The CSC met.'), 5)!.markdown.split('\n')[0], '**Collective Security Council** — body');
  });

  it('serves the bundled corpus when the workspace has none, and the workspace corpus once it has one', async () => {
    const host = new InMemoryCorpusHost({}, { 'seed.txt': seedText(seedFiles()[0]) });
    const { sync, language } = setUp(host);
    assert.equal((await sync.indexAll()).embedded, true);
    assert.deepEqual(language.documents().map((d) => d.uri), [`${BUNDLED_FOLDER}seed.txt`]);
    host.write(`${CORPUS_FOLDER}own.txt`, 'The Collective Security Council met on 02.12.2020.');
    await sync.onFilesChanged([{ uri: `${CORPUS_FOLDER}own.txt`, type: 'created' }]);
    assert.equal(sync.status().embedded, false);
    assert.deepEqual(language.documents().map((d) => d.uri), [`${CORPUS_FOLDER}own.txt`]);
  });

  it('stops an index when the user cancels it, keeping what was read', async () => {
    const { host, sync } = setUp();
    host.cancelProgress = true;
    const status = await sync.indexAll();
    assert.equal(status.documents, 0);
    assert.ok(host.logs.some((l) => l.endsWith('(cancelled).')));
  });

  it('gives the same index whether files are analysed here or by parallel analysers', async () => {
    const here = setUp();
    await here.sync.indexAll();
    const elsewhere = setUp();
    elsewhere.host.parallel = true;
    await elsewhere.sync.indexAll();
    assert.ok(elsewhere.host.logs.some((l) => l.includes('read by 2 worker threads')));
    const snapshots = (s: ReturnType<typeof setUp>) => s.language.documents().map((d) => JSON.stringify(toSnapshot(d))).sort();
    assert.deepEqual(snapshots(elsewhere), snapshots(here));
  });

  it('indexes on the main thread the files that analysers which stopped could not take', async () => {
    const here = setUp();
    await here.sync.indexAll();
    const elsewhere = setUp();
    elsewhere.host.parallel = true;
    elsewhere.host.analysersStopAfter = 2;
    const status = await elsewhere.sync.indexAll();
    assert.equal(status.documents, here.language.documents().length);
    const snapshots = (s: ReturnType<typeof setUp>) => s.language.documents().map((d) => JSON.stringify(toSnapshot(d))).sort();
    assert.deepEqual(snapshots(elsewhere), snapshots(here));
  });
});

describe('CorpusSync: file events', () => {
  it('keeps a file created while the first index runs, whenever its event comes', async () => {
    for (let ticks = 0; ticks < 12; ticks++) {
      const { host, sync, language } = setUp();
      const indexing = sync.indexAll();
      for (let t = 0; t < ticks; t++) await Promise.resolve();
      const created = `${CORPUS_FOLDER}created-meanwhile.txt`;
      host.write(created, 'The Collective Security Council met on 02.12.2020.');
      const event = sync.onFilesChanged([{ uri: created, type: 'created' }]);
      await Promise.all([indexing, event]);
      assert.ok(language.document(created), `lost when its event came ${ticks} ticks into the index`);
    }
  });

  it('reads a changed file alone and leaves the other documents as they were', async () => {
    const { host, sync, language, mentionsOf } = setUp();
    await sync.indexAll();
    const others = language.documents().filter((d) => !d.uri.endsWith(seedFiles()[0]));
    const before = mentionsOf('mercenary');
    host.write(`${CORPUS_FOLDER}${seedFiles()[0]}`, `${seedText(seedFiles()[0])}\nOperation Mercenary was extended.\n`);
    await sync.onFilesChanged([{ uri: `${CORPUS_FOLDER}${seedFiles()[0]}`, type: 'changed' }]);
    assert.equal(mentionsOf('mercenary'), before + 1);
    for (const doc of others) assert.equal(language.document(doc.uri), doc, 'untouched documents are the same objects');
    assert.ok(sync.status().lastUpdateMilliseconds !== undefined);
  });

  it('has a large changed file analysed by a worker thread, and a small one here', async () => {
    const { host, sync, language, mentionsOf } = setUp(undefined, undefined, 8 << 20);
    host.parallel = true;
    await sync.indexAll();
    host.analysedElsewhere.length = 0;
    const before = mentionsOf('mercenary');
    host.write(`${CORPUS_FOLDER}small.txt`, 'Operation Mercenary was held on 02.12.2020.');
    host.write(`${CORPUS_FOLDER}large.txt`, `Operation Mercenary was held on 02.12.2020.\n${'The talks went on. '.repeat(150_000)}`);
    await sync.onFilesChanged([
      { uri: `${CORPUS_FOLDER}small.txt`, type: 'created' },
      { uri: `${CORPUS_FOLDER}large.txt`, type: 'created' },
    ]);
    assert.deepEqual(host.analysedElsewhere, [`${CORPUS_FOLDER}large.txt`]);
    assert.equal(mentionsOf('mercenary'), before + 2);
    assert.deepEqual(language.documents().map((d) => d.uri.split('/').pop()).sort(), [...seedFiles(), 'large.txt', 'small.txt'].sort());
  });

  it('drops a deleted file and the problem it had', async () => {
    const { host, sync, language, problems } = setUp(new InMemoryCorpusHost({ ...seeds(), 'scan.txt': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]) }));
    await sync.indexAll();
    assert.equal(problems.at(-1)?.get(`${CORPUS_FOLDER}scan.txt`)?.message, 'Corpus Lens: this file looks like a binary file, not text; it is not indexed.');
    host.delete(`${CORPUS_FOLDER}scan.txt`);
    host.delete(`${CORPUS_FOLDER}${seedFiles()[1]}`);
    await sync.onFilesChanged([
      { uri: `${CORPUS_FOLDER}scan.txt`, type: 'deleted' },
      { uri: `${CORPUS_FOLDER}${seedFiles()[1]}`, type: 'deleted' },
    ]);
    assert.equal(language.documents().length, 4);
    assert.equal(problems.at(-1)?.size, 0, 'the problem is withdrawn with its file');
  });

  it('reports a file that cannot be read and keeps the rest of the index', async () => {
    const { host, sync, language, problems } = setUp();
    await sync.indexAll();
    const uri = `${CORPUS_FOLDER}${seedFiles()[2]}`;
    host.breakFile(uri, 'EACCES: permission denied');
    await sync.onFilesChanged([{ uri, type: 'changed' }]);
    assert.equal(problems.at(-1)?.get(uri)?.message, 'Corpus Lens could not read this file: EACCES: permission denied');
    assert.equal(language.documents().length, 4);
    host.write(uri, seedText(seedFiles()[2]));
    await sync.onFilesChanged([{ uri, type: 'changed' }]);
    assert.equal(language.documents().length, 5);
    assert.equal(problems.at(-1)?.size, 0);
  });

  it('ignores files that are neither corpus documents nor notes', async () => {
    const { host, sync, statuses } = setUp();
    await sync.indexAll();
    const seen = statuses.length;
    host.write('file:///workspace/data/table.csv', 'The CSC met.');
    await sync.onFilesChanged([{ uri: 'file:///workspace/data/table.csv', type: 'created' }]);
    assert.equal(statuses.length, seen, 'no index change is announced');
    assert.equal(sync.status().documents, 5);
  });
});

describe('CorpusSync: open corpus documents', () => {
  it('indexes unsaved edits a moment after the last keystroke, and at once when a request needs them', async () => {
    const { host, sync, mentionsOf } = setUp();
    await sync.indexAll();
    const uri = `${CORPUS_FOLDER}${seedFiles()[0]}`;
    const before = mentionsOf('mercenary');
    let text = `${seedText(seedFiles()[0])}\nOperation Mercenary`;
    sync.onOpenDocumentChanged(uri, () => text);
    host.advance(100);
    text += ' and Operation Mercenary again.';
    sync.onOpenDocumentChanged(uri, () => text);
    host.advance(150);
    assert.equal(mentionsOf('mercenary'), before, 'still typing: nothing indexed yet');
    host.advance(60);
    assert.equal(mentionsOf('mercenary'), before + 2);
    text += ' Operation Mercenary.';
    sync.onOpenDocumentChanged(uri, () => text);
    sync.flushPendingEdits(uri);
    assert.equal(mentionsOf('mercenary'), before + 3);
    assert.equal(host.pendingTimers(), 0);
  });

  it('keeps the editor text over the file on disk while an edit is pending, and reads the file again on close', async () => {
    const { host, sync, mentionsOf } = setUp();
    await sync.indexAll();
    const uri = `${CORPUS_FOLDER}${seedFiles()[0]}`;
    const before = mentionsOf('mercenary');
    sync.onOpenDocumentChanged(uri, () => `${seedText(seedFiles()[0])}\nOperation Mercenary.`);
    await sync.onFilesChanged([{ uri, type: 'changed' }]);
    host.advance(200);
    assert.equal(mentionsOf('mercenary'), before + 1);
    sync.onOpenDocumentClosed(uri);
    assert.equal(mentionsOf('mercenary'), before, 'closed without saving: the file on disk counts');
  });
});

describe('CorpusSync: the workspace catalog', () => {
  it('reads a new catalog, reports a broken one at its place and keeps the last good one', async () => {
    const { host, sync, language, catalogs } = setUp();
    host.write(CATALOG_URI, SHIELD_CATALOG);
    await sync.indexAll();
    assert.deepEqual(catalogs.at(-1), { uri: CATALOG_URI, text: SHIELD_CATALOG, problems: [] });
    assert.equal(language.hover(note('The Steppe Shield drills'), 6)!.markdown.split('\n')[0], '**Steppe Shield** — exercise');
    const broken = '{ "version": "w2", "entities": [ { "id": "steppe-shield", ';
    host.write(CATALOG_URI, broken);
    await sync.onFilesChanged([{ uri: CATALOG_URI, type: 'changed' }]);
    const check = catalogs.at(-1)!;
    assert.equal(check.text, broken);
    assert.ok(check.problems.length > 0 && check.problems.every((p) => p.severity === 'error' && p.start <= broken.length));
    assert.equal(language.hover(note('The Steppe Shield drills', 2), 6)!.markdown.split('\n')[0], '**Steppe Shield** — exercise', 'the last good catalog stays');
    assert.equal(sync.status().documents, 5);
  });

  it('goes back to the built-in catalog when the workspace catalog is deleted, and reads the corpus again', async () => {
    const { host, sync, language } = setUp();
    host.write(CATALOG_URI, SHIELD_CATALOG);
    await sync.indexAll();
    host.delete(CATALOG_URI);
    await sync.onFilesChanged([{ uri: CATALOG_URI, type: 'deleted' }]);
    assert.equal(language.entity('steppe-shield'), undefined);
    assert.equal(sync.status().catalogVersion, bundledCatalog().version);
    assert.equal(sync.status().documents, 5);
  });
});

describe('CorpusSync: a full index while another is in use', () => {
  const NOTE_URI = 'file:///workspace/notes/week.md';

  it('answers from the whole index in use while a changed catalog has the corpus read again, then from the new one', async () => {
    const { host, sync, language, mentionsOf } = setUp(undefined, 0);
    await sync.indexAll();
    const csc = mentionsOf('collective-security-council');
    const seen: string[] = [];
    host.onYield = () => seen.push(`${language.documents().length} ${mentionsOf('collective-security-council')} ${language.entity('steppe-shield') ? 'new' : 'old'}`);
    host.write(CATALOG_URI, SHIELD_CATALOG);
    await sync.onFilesChanged([{ uri: CATALOG_URI, type: 'created' }]);
    assert.ok(seen.length >= 5, `${seen.length} yields`);
    assert.deepEqual(new Set(seen.slice(0, 5)), new Set([`5 ${csc} old`]), 'while reading: the old index, whole');
    assert.equal(language.entity('steppe-shield')?.name, 'Steppe Shield');
    assert.equal(sync.status().documents, 5);
    assert.equal(mentionsOf('collective-security-council'), csc);
  });

  it('keeps what the editor holds: an open document and a note edited before and during the new index', async () => {
    const { host, sync, language, mentionsOf } = setUp(undefined, 0);
    host.write(NOTE_URI, 'Nothing yet.');
    await sync.indexAll();
    const uri = `${CORPUS_FOLDER}${seedFiles()[0]}`;
    const before = mentionsOf('mercenary');
    sync.onOpenDocumentChanged(uri, () => `${seedText(seedFiles()[0])}\nOperation Mercenary.`);
    sync.flushPendingEdits(uri);
    let typed = false;
    host.onYield = () => {
      if (typed) return;
      typed = true;
      sync.onOpenDocumentChanged(NOTE_URI, () => 'Operation Mercenary, unsaved.');
      sync.flushPendingEdits(NOTE_URI);
    };
    await sync.indexAll();
    assert.ok(typed);
    assert.equal(mentionsOf('mercenary'), before + 1, 'the open document as the editor has it');
    assert.deepEqual(language.noteCounts('mercenary'), { mentions: 1, notes: 1 }, 'the note as the editor has it');
    sync.onOpenDocumentClosed(NOTE_URI);
    assert.deepEqual(language.noteCounts('mercenary'), { mentions: 0, notes: 0 }, 'closed unsaved: the file counts again');
  });

  it('keeps the index in use, and the catalog it was made with, when the user cancels the new one', async () => {
    const { host, sync, language } = setUp();
    await sync.indexAll();
    host.write(CATALOG_URI, SHIELD_CATALOG);
    host.cancelProgress = true;
    const status = await sync.indexAll();
    assert.equal(status.documents, 5);
    assert.equal(status.catalogVersion, bundledCatalog().version);
    assert.equal(language.entity('steppe-shield'), undefined);
    assert.ok(host.logs.some((l) => l.endsWith('(cancelled: the index made before stays in use).')));
    host.cancelProgress = false;
    assert.equal((await sync.indexAll()).catalogVersion, `${bundledCatalog().version}+w1`);
    assert.equal(language.entity('steppe-shield')?.name, 'Steppe Shield');
  });
});

describe('CorpusSync: the index cache', () => {
  it('restores unchanged files from the cache at the next start and reads only the changed one', async () => {
    const host = new InMemoryCorpusHost(seeds());
    host.cache = true;
    const first = setUp(host);
    await first.sync.indexAll();
    host.advance(0);
    await first.sync.flushCache();
    assert.equal(host.cacheFiles.get(CORPUS_FOLDER)?.files.length, 5);
    const changed = `${CORPUS_FOLDER}${seedFiles()[3]}`;
    host.write(changed, `${seedText(seedFiles()[3])}\nOperation Mercenary.\n`);
    const second = setUp(host);
    const status = await second.sync.indexAll();
    assert.equal(status.fromCache, 4);
    assert.equal(status.documents, 5);
    assert.equal(second.mentionsOf('mercenary'), first.mentionsOf('mercenary') + 1);
  });

  it('reads a file again when its cache entry is crafted: another file named inside, or offsets outside the text', async () => {
    const host = new InMemoryCorpusHost(seeds());
    host.cache = true;
    const first = setUp(host);
    await first.sync.indexAll();
    await first.sync.flushCache();
    const saved = host.cacheFiles.get(CORPUS_FOLDER)!;
    const [a, b] = saved.files;
    // Entry a claims to be file b; entry b's first mention runs far past its text.
    a.snapshot = { ...a.snapshot, uri: b.uri };
    b.snapshot = { ...b.snapshot, mentions: { ...b.snapshot.mentions, start: [999999984212, ...[...b.snapshot.mentions.start].slice(1)] } };
    const second = setUp(host);
    const status = await second.sync.indexAll();
    assert.equal(status.fromCache, 3, second.host.logs.join('\n'));
    assert.equal(status.documents, 5, second.host.logs.join('\n'));
    for (const doc of second.language.documents()) for (const m of doc.mentions) assert.ok(m.uri === doc.uri && m.end <= (doc.lines.textLength));
    assert.deepEqual(
      second.language.documents().map((d) => JSON.stringify(toSnapshot(d))).sort(),
      first.language.documents().map((d) => JSON.stringify(toSnapshot(d))).sort(),
    );
  });

  it('does not use a cache made with another catalog', async () => {
    const host = new InMemoryCorpusHost(seeds());
    host.cache = true;
    const first = setUp(host);
    await first.sync.indexAll();
    await first.sync.flushCache();
    host.write(CATALOG_URI, SHIELD_CATALOG);
    const second = setUp(host);
    assert.equal((await second.sync.indexAll()).fromCache, 0);
  });
});

describe('CorpusSync: the notes in the index cache', () => {
  const WEEK = 'file:///workspace/notes/week.md';
  const MONTH = 'file:///workspace/notes/month.md';
  const notesRestored = (logs: string[]) => Number(/notes \((\d+) matched as the cache kept them\)/.exec(logs.filter((l) => l.startsWith('Indexed ')).pop() ?? '')?.[1] ?? 0);
  const noteMentions = (sync: ReturnType<typeof setUp>, uri: string) => sync.ingestion.notes.get(uri)!.mentions.map((m) => `${m.surface}→${m.entityId}`);

  async function twoNotesCached() {
    const host = new InMemoryCorpusHost(seeds());
    host.cache = true;
    host.write(WEEK, 'We discussed Mercenary and the CSC today.');
    host.write(MONTH, 'Operation Channel and the Indestructible Brotherhood drills, again.');
    const first = setUp(host);
    await first.sync.indexAll();
    await first.sync.flushCache();
    return { host, first };
  }

  it('gives a note at the next start the mentions the cache kept, and matches again only the note that changed', async () => {
    const { host, first } = await twoNotesCached();
    host.write(MONTH, 'Operation Channel, and nothing else.');
    const second = setUp(host);
    await second.sync.indexAll();
    assert.equal(notesRestored(second.host.logs), 1, second.host.logs.join('\n'));
    assert.deepEqual(noteMentions(second, WEEK), noteMentions(first, WEEK));
    assert.deepEqual(noteMentions(second, MONTH), ['Channel→channel']);
    assert.match(second.language.card('mercenary')!, /\*In your notes:\* 1 mention in 1 note$/);
  });

  it('matches every note again when the corpus taught a name since the cache was written', async () => {
    const { host } = await twoNotesCached();
    host.write(`${CORPUS_FOLDER}granite.txt`, 'The "Granite-2019" exercise was held in Tajikistan.');
    host.write(WEEK, 'We compared Granite with the others.');
    const second = setUp(host);
    await second.sync.indexAll();
    assert.equal(notesRestored(second.host.logs), 0, second.host.logs.join('\n'));
    assert.deepEqual(noteMentions(second, WEEK), ['Granite→discovered-exercise-granite']);
  });

  it('matches a note again when its cache entry does not fit its text: offsets outside it, a surface it does not hold', async () => {
    const { host, first } = await twoNotesCached();
    const saved = host.cacheNotes.get(CORPUS_FOLDER)!;
    const notes = JSON.parse(saved.json) as { uri: string; mentions: { start: number; end: number; surface: string; entityId: string }[] }[];
    const week = notes.find((n) => n.uri === WEEK)!;
    week.mentions[0].end = 10_000;
    const month = notes.find((n) => n.uri === MONTH)!;
    month.mentions[0].entityId = 'collective-security-council';
    month.mentions[0].surface = 'The Council';
    host.cacheNotes.set(CORPUS_FOLDER, { key: saved.key, json: JSON.stringify(notes) });
    const second = setUp(host);
    await second.sync.indexAll();
    assert.equal(notesRestored(second.host.logs), 0, second.host.logs.join('\n'));
    assert.deepEqual(noteMentions(second, WEEK), noteMentions(first, WEEK));
    assert.deepEqual(noteMentions(second, MONTH), noteMentions(first, MONTH));
  });

  it('writes the notes alone when a note changes, leaving the corpus part of the cache as it was', async () => {
    const { host, first } = await twoNotesCached();
    const corpusPart = host.cacheFiles.get(CORPUS_FOLDER);
    host.write(WEEK, 'Only the CSC now.');
    await first.sync.onFilesChanged([{ uri: WEEK, type: 'changed' }]);
    await first.sync.flushCache();
    assert.equal(host.cacheFiles.get(CORPUS_FOLDER), corpusPart, 'the corpus part is not written again');
    const second = setUp(host);
    await second.sync.indexAll();
    assert.equal(notesRestored(second.host.logs), 2, second.host.logs.join('\n'));
    assert.deepEqual(noteMentions(second, WEEK), ['CSC→collective-security-council']);
  });
});

describe('CorpusSync: disposal', () => {
  it('cancels pending edits and timers and tells nobody after it is disposed', async () => {
    const { host, sync, statuses } = setUp();
    await sync.indexAll();
    sync.onOpenDocumentChanged(`${CORPUS_FOLDER}${seedFiles()[0]}`, () => 'changed');
    const seen = statuses.length;
    sync.dispose();
    host.advance(1000);
    assert.equal(host.pendingTimers(), 0);
    assert.equal(statuses.length, seen);
  });
});

describe('CorpusSync: the analyst\'s notes', () => {
  const NOTE_URI = 'file:///workspace/notes/week.md';
  const refsOf = (language: ReturnType<typeof setUp>['language'], text: string, at: string) => {
    const source = { uri: 'file:///workspace/notes/asking.md', version: 1, getText: () => text };
    return language.references(source, text.indexOf(at) + 1).places.filter((p) => p.note).map((p) => p.uri);
  };

  it('indexes the notes of the workspace, so that references list them without opening them', async () => {
    const host = new InMemoryCorpusHost(seeds());
    host.write(NOTE_URI, 'We discussed Mercenary and the CSC today.');
    const { sync, language } = setUp(host);
    const status = await sync.indexAll();
    assert.equal(status.notes, 1);
    assert.deepEqual(refsOf(language, 'The Hired guns op', 'Hired'), [NOTE_URI]);
    assert.match(language.card('mercenary')!, /\*In your notes:\* 1 mention in 1 note$/);
  });

  it('never quotes a note as the source of a definition', async () => {
    const host = new InMemoryCorpusHost({});
    host.write(NOTE_URI, 'The Collective Security Council is the highest body of the CSTO, which consists of the heads of state.');
    const { sync, language } = setUp(host);
    await sync.indexAll();
    assert.equal(language.definitionOf('collective-security-council'), undefined);
    assert.match(language.card('collective-security-council')!, /\*Not mentioned in the indexed corpus\.\*/);
  });

  it('follows a note through file events and editor edits, re-reading that note only', async () => {
    const { host, sync, language } = setUp();
    await sync.indexAll();
    host.write(NOTE_URI, 'Operation Mercenary.');
    await sync.onFilesChanged([{ uri: NOTE_URI, type: 'created' }]);
    assert.deepEqual(refsOf(language, 'The Hired guns op', 'Hired'), [NOTE_URI]);
    sync.onOpenDocumentChanged(NOTE_URI, () => 'Nothing here any more.');
    host.advance(200);
    assert.deepEqual(refsOf(language, 'The Hired guns op', 'Hired'), []);
    sync.onOpenDocumentClosed(NOTE_URI);
    assert.deepEqual(refsOf(language, 'The Hired guns op', 'Hired'), [NOTE_URI], 'closed unsaved: the file counts again');
    host.delete(NOTE_URI);
    await sync.onFilesChanged([{ uri: NOTE_URI, type: 'deleted' }]);
    assert.equal(sync.status().notes, 0);
  });

  it('matches the notes again when the corpus teaches them a name', async () => {
    const host = new InMemoryCorpusHost({});
    host.write(NOTE_URI, 'We compared Granite with the others.');
    const { sync, language } = setUp(host);
    await sync.indexAll();
    assert.deepEqual(refsOf(language, 'The Cobalt exercise', 'Cobalt'), []);
    host.write(`${CORPUS_FOLDER}granite.txt`, 'The "Granite-2019" exercise was held in Tajikistan.');
    await sync.onFilesChanged([{ uri: `${CORPUS_FOLDER}granite.txt`, type: 'created' }]);
    const source = { uri: 'file:///workspace/notes/asking.md', version: 1, getText: () => 'the Granite drills' };
    assert.deepEqual(language.references(source, 6).places.map((p) => [p.uri, p.note]), [
      [`${CORPUS_FOLDER}granite.txt`, false],
      [NOTE_URI, true],
    ]);
  });
});
