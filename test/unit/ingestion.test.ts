import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLanguageService } from '../../server/src/core/languageService';
import { indexFilesHere, type IndexFilesOptions } from '../../server/src/core/sync/fullIndex';
import { Ingestion } from '../../server/src/core/sync/ingestion';
import { bundledCatalog, seedFiles, seedText } from './helpers';
import { InMemoryCorpusHost } from './inMemoryCorpusHost';

type Content = string | Uint8Array | { error: string };

/** The write side (ingestion) and the read side (language service) over an in-memory workspace. */
function service(files: Record<string, Content>, maxFileBytes = 50 * 1024 * 1024) {
  const host = new InMemoryCorpusHost();
  for (const [uri, content] of Object.entries(files)) {
    if (typeof content === 'object' && 'error' in content) host.breakFile(uri, content.error);
    else host.write(uri, content);
  }
  const ingestion = new Ingestion(host, bundledCatalog(), { maxFileBytes, retainText: true });
  const language = createLanguageService(ingestion);
  const indexFiles = (uris: string[], options: Partial<IndexFilesOptions> = {}) =>
    indexFilesHere(ingestion, uris, { embedded: false, yieldToRequests: () => host.yieldToRequests(), ...options });
  return { svc: ingestion, language, indexFiles, logs: host.logs };
}

const note = (text: string, version = 1) => ({ uri: 'file:///notes/n.md', version, getText: () => text });
const seeds = () => Object.fromEntries(seedFiles().map((n) => [`file:///corpus/${n}`, seedText(n)]));

describe('Ingestion: reading corpus files', () => {
  it('skips a file deleted between listing and reading and indexes the rest', async () => {
    const { svc, logs, indexFiles } = service(seeds());
    const uris = [...Object.keys(seeds()), 'file:///corpus/gone.txt'];
    const summary = await indexFiles(uris);
    assert.equal(summary.indexed, 5);
    assert.equal(summary.skipped, 1);
    assert.ok(logs.some((l) => l === 'file:///corpus/gone.txt was deleted before it could be read; skipped.'));
    assert.equal(svc.problems.size, 0);
  });

  it('reports an unreadable file in words and keeps going', async () => {
    const { svc, indexFiles } = service({ ...seeds(), 'file:///corpus/locked.txt': { error: 'EACCES: permission denied' } });
    await indexFiles(['file:///corpus/locked.txt', ...Object.keys(seeds())]);
    assert.equal(svc.index.size, 5);
    assert.equal(svc.problems.get('file:///corpus/locked.txt')?.message, 'Corpus Lens could not read this file: EACCES: permission denied');
  });

  it('does not index a binary file and says why', async () => {
    const { svc } = service({ 'file:///corpus/scan.txt': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 1, 2, 3]) });
    assert.equal(await svc.indexFile('file:///corpus/scan.txt'), false);
    assert.equal(svc.index.size, 0);
    assert.deepEqual(svc.problems.get('file:///corpus/scan.txt'), { severity: 'warning', message: 'Corpus Lens: this file looks like a binary file, not text; it is not indexed.' });
  });

  it('indexes text that is not valid UTF-8, with a notice of what was replaced', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('The “Search-2021” training '), 0xff, 0xfe, ...new TextEncoder().encode(' was held.')]);
    const { svc } = service({ 'file:///corpus/latin1.txt': bytes });
    assert.equal(await svc.indexFile('file:///corpus/latin1.txt'), true);
    assert.deepEqual(svc.index.get('file:///corpus/latin1.txt')!.mentions.toArray().map((m) => m.entityId), ['search']);
    assert.match(svc.problems.get('file:///corpus/latin1.txt')!.message, /is not valid UTF-8: 2 unreadable byte sequences were replaced by \ufffd/);
  });

  it('drops a UTF-8 byte order mark and reads UTF-16, so offsets match what the editor shows', async () => {
    const text = '02.12.2020\r\nThe Collective Security Council met.\r\n';
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) utf16[2 + i * 2] = text.charCodeAt(i);
    const { svc, indexFiles } = service({
      'file:///corpus/bom.txt': new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]),
      'file:///corpus/utf16.txt': utf16,
    });
    await indexFiles(['file:///corpus/bom.txt', 'file:///corpus/utf16.txt']);
    for (const uri of ['file:///corpus/bom.txt', 'file:///corpus/utf16.txt']) {
      const doc = svc.index.get(uri)!;
      assert.equal(doc.text, text);
      assert.equal(doc.mentions.at(0).start, text.indexOf('Collective'));
      assert.deepEqual(doc.lines.positionAt(doc.mentions.at(0).start), { line: 1, character: 4 });
    }
  });

  it('indexes an empty file as a document without passages and notes that it is empty', async () => {
    const { svc } = service({ 'file:///corpus/empty.txt': '' });
    assert.equal(await svc.indexFile('file:///corpus/empty.txt'), true);
    assert.equal(svc.index.get('file:///corpus/empty.txt')!.title, 'empty.txt');
    assert.equal(svc.problems.get('file:///corpus/empty.txt')?.severity, 'information');
  });

  it('skips a file over the size limit and names the limit', async () => {
    const { svc } = service({ 'file:///corpus/huge.txt': 'x'.repeat(3 * 1024 * 1024) }, 2 * 1024 * 1024);
    assert.equal(await svc.indexFile('file:///corpus/huge.txt'), false);
    assert.match(svc.problems.get('file:///corpus/huge.txt')!.message, /is 3\.0 MB, over the 2\.0 MB limit set by corpusLens\.maxFileSizeMB/);
  });

  it('yields to waiting requests between documents and stops when cancelled', async () => {
    const files = seeds();
    const { svc, indexFiles } = service(files);
    const seen: number[] = [];
    const summary = await indexFiles(Object.keys(files), {
      sliceMilliseconds: 0,
      progress: {
        report: (done) => seen.push(done),
        isCancelled: () => svc.index.size >= 3,
      },
    });
    assert.equal(summary.cancelled, true);
    assert.equal(svc.index.size, 3);
    assert.deepEqual(seen, [1, 2, 3], 'progress is reported at every yield');
  });
});

describe('Ingestion and the language service: knowledge and notes', () => {
  it('keeps the last good catalog when the workspace catalog breaks', async () => {
    const { svc, indexFiles, language } = service(seeds());
    await indexFiles(Object.keys(seeds()));
    const good = JSON.stringify({ version: 'w1', entities: [{ id: 'cobalt', kind: 'exercise', name: 'Cobalt', parent: 'combat-brotherhood' }] });
    assert.deepEqual(svc.setWorkspaceCatalog(good), []);
    assert.equal(language.hover(note('The Cobalt drills'), 5)!.markdown.split('\n')[0], '**Cobalt** — exercise');
    const problems = svc.setWorkspaceCatalog('{ "version": "w2", "entities": [ { "id": "cobalt", ');
    assert.ok(problems.length > 0 && problems.every((p) => p.severity === 'error'));
    assert.equal(svc.knowledge.version, `${bundledCatalog().version}+w1`);
    assert.equal(language.hover(note('The Cobalt drills', 2), 5)!.markdown.split('\n')[0], '**Cobalt** — exercise');
    assert.equal(svc.index.size, 5);
  });

  it('answers a note from its own text, re-matching only when its version changes', async () => {
    const { indexFiles, language } = service(seeds());
    await indexFiles(Object.keys(seeds()));
    const first = language.mentionsIn(note('The CSC met.'));
    assert.equal(language.mentionsIn(note('The CSC met.')), first, 'same version: cached');
    assert.deepEqual(language.mentionsIn(note('The CPF and the CSC met.', 2)).map((m) => m.entityId), ['collective-peacekeeping-forces', 'collective-security-council']);
    const refs = language.references(note('The Hired guns op', 3), 6);
    assert.equal(refs.places.length, language.mentionCount('mercenary'));
    assert.equal(refs.total, refs.places.length);
    assert.deepEqual(language.references(note('The operation "Mercenary"', 4), 16), refs, 'two aliases give the same reference list');
  });

  it('caps a long reference list and says how many there are', async () => {
    const { indexFiles, language } = service(seeds());
    await indexFiles(Object.keys(seeds()));
    const capped = language.references(note('The CSC met.'), 5, 10);
    assert.equal(capped.places.length, 10);
    assert.equal(capped.total, 23);
    assert.equal(capped.entity?.id, 'collective-security-council');
  });
});
