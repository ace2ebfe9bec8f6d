// The analyst's own files over the protocol: the quick fixes that write the workspace catalog are
// made from the catalog as the editor has it, applied the way VS Code applies a server's edits,
// insert and never replace, and never touch a file outside the workspace; a JSONC catalog is read
// as one; the index cache and the corpus are read from regular files only.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { FileChangeType, type Diagnostic, type MarkupContent } from 'vscode-languageserver-protocol';
import { parseCatalog } from '../../server/src/core/catalog/catalog';
import { LspSession, makeWorkspace, positionOf, removeWorkspace, SEED_CORPUS, waitFor } from './lspSession';

const NOTE = 'The Zapad-2021 exercise and the Rubezh-2031 drills.';
const ADD_ZAPAD = 'Add "Zapad" to the workspace catalog as an exercise';
const ADD_RUBEZH_2031 = 'Add edition 2031 to Rubezh in the workspace catalog';

/** A catalog as an analyst keeps one: comments, a trailing comma, fields of their own. */
const JSONC_CATALOG = [
  '{',
  '  // Kept by hand. Do not reformat.',
  '  "version": "w1",',
  '  "entities": [',
  '    {',
  '      "id": "rubezh", /* replaces the built-in entry */',
  '      "kind": "exercise",',
  '      "name": "Rubezh",',
  '      "aliases": ["Frontier", "Rubej",],',
  '      "editions": [2021, { "year": 2023, "note": "our own note" },],',
  '      "description": "Our description of Rubezh.",',
  '    },',
  '    { "id": "granite", "kind": "exercise", "name": "Granite" }, // seen once',
  '  ],',
  '}',
  '',
].join('\n');

const started: { session: LspSession; root: string }[] = [];
after(async () => {
  for (const { session, root } of started) {
    await session.stop();
    removeWorkspace(root);
  }
});

async function start(files: Record<string, string | Uint8Array>, settings?: unknown): Promise<{ session: LspSession; root: string }> {
  const root = makeWorkspace(files);
  const session = await LspSession.start(root, { settings });
  started.push({ session, root });
  await session.indexed(60000);
  return { session, root };
}

/** Opens the note that names Zapad-2021 and Rubezh-2031 and waits for its two diagnostics. */
async function noteDiagnostics(session: LspSession): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
  const uri = await session.open('notes/unknown.md', NOTE);
  await waitFor(() => (session.diagnostics.get(uri)?.length ?? 0) === 2);
  return { uri, diagnostics: session.diagnostics.get(uri)! };
}

/** Every character of `before` is in `written`, in order: the fixes only inserted. */
function keptEveryByte(before: string, written: string): void {
  let at = 0;
  for (const c of before) {
    at = written.indexOf(c, at);
    assert.ok(at >= 0, `a character of the catalog was lost: ${JSON.stringify(c)}\n${written}`);
    at++;
  }
}

const BUILT_IN_IDS = new Set(parseCatalog(readFileSync(join(SEED_CORPUS, 'catalog.json'), 'utf8')).catalog!.entities.map((e) => e.id));

function validCatalog(text: string) {
  const result = parseCatalog(text, BUILT_IN_IDS);
  assert.deepEqual(result.problems.filter((p) => p.severity === 'error'), [], text);
  return result.catalog!;
}

describe('quick fixes on the workspace catalog', () => {
  it('make the fix from the unsaved catalog in the editor, versioned, keeping the entity typed at the top', async () => {
    const { session, root } = await start({ 'corpus/catalog.json': JSONC_CATALOG });
    const catalogUri = session.uri('corpus/catalog.json');
    // The analyst types a new entity at the top of the list and does not save.
    const typed = JSONC_CATALOG.replace('  "entities": [\n', '  "entities": [\n    { "id": "cobalt", "kind": "exercise", "name": "Cobalt" },\n');
    await session.open('corpus/catalog.json', JSONC_CATALOG, 'json');
    await session.replaceText(catalogUri, typed);
    const { uri, diagnostics } = await noteDiagnostics(session);
    const actions = await session.codeActions(uri, diagnostics);
    assert.deepEqual(actions.map((a) => a.title), [ADD_ZAPAD, ADD_RUBEZH_2031]);
    await session.runAction(actions[0]);
    const written = session.openTexts.get(catalogUri)!;
    keptEveryByte(typed, written);
    assert.deepEqual(validCatalog(written).entities.map((e) => e.id), ['cobalt', 'rubezh', 'granite', 'zapad']);
    assert.equal(readFileSync(join(root, 'corpus', 'catalog.json'), 'utf8'), JSONC_CATALOG, 'the file on disk is the editor\'s business until saved');
    assert.deepEqual(session.appliedEdits.map((e) => [e.applied, e.versions]), [[true, [2]]], 'the edit is made for the version the editor has');
  });

  it('apply two fixes of one lightbulb one after the other, the second made from the text the first left', async () => {
    // The catalog closed, or open in the editor with nothing unsaved: the fixes are saved, as VS Code saves a refactoring.
    for (const open of [false, true]) {
      const { session, root } = await start({ 'corpus/catalog.json': JSONC_CATALOG });
      if (open) await session.open('corpus/catalog.json', JSONC_CATALOG, 'json');
      const { uri, diagnostics } = await noteDiagnostics(session);
      const actions = await session.codeActions(uri, diagnostics);
      await session.runAction(actions.find((a) => a.title === ADD_ZAPAD)!);
      await session.runAction(actions.find((a) => a.title === ADD_RUBEZH_2031)!);
      const written = readFileSync(join(root, 'corpus', 'catalog.json'), 'utf8');
      keptEveryByte(JSONC_CATALOG, written);
      const catalog = validCatalog(written);
      assert.deepEqual(catalog.entities.map((e) => e.id), ['rubezh', 'granite', 'zapad'], written);
      const rubezh = catalog.entities[0];
      assert.deepEqual(rubezh.editions, [{ year: 2021 }, { year: 2023, note: 'our own note' }, { year: 2031 }]);
      assert.equal(rubezh.description, 'Our description of Rubezh.');
      assert.ok(written.includes('/* replaces the built-in entry */') && written.includes('// seen once'), 'comments kept');
    }
  });

  it('read a catalog with comments, trailing commas and a byte order mark, and fix a one-line one on the right characters', async () => {
    const oneLine = '\ufeff{"version":"w1","entities":[{"id":"granite","kind":"exercise","name":"Granite","aliases":["Granit"]}]}';
    const { session, root } = await start({ 'corpus/catalog.json': new TextEncoder().encode(oneLine), 'notes/granite.md': 'The Granit drills.' });
    assert.deepEqual(session.diagnostics.get(session.uri('corpus/catalog.json')) ?? [], []);
    const granite = await session.open('notes/granite.md', 'The Granit drills.');
    const hover = await session.hover(granite, { line: 0, character: 5 });
    assert.match((hover?.contents as MarkupContent | undefined)?.value ?? '', /^\*\*Granite\*\* — exercise/, 'the workspace catalog is in use');
    const { uri, diagnostics } = await noteDiagnostics(session);
    await session.runAction((await session.codeActions(uri, diagnostics)).find((a) => a.title === ADD_RUBEZH_2031)!);
    const bytes = readFileSync(join(root, 'corpus', 'catalog.json'));
    assert.deepEqual([...bytes.subarray(0, 4)], [0xef, 0xbb, 0xbf, 0x7b], 'one byte order mark, then the catalog');
    const written = bytes.subarray(3).toString('utf8');
    keptEveryByte(oneLine.slice(1), written);
    assert.deepEqual(validCatalog(written).entities.map((e) => e.id), ['granite', 'rubezh']);
  });

  it('offer no fix that would replace anything in a broken catalog, and say why', async () => {
    const broken = {
      'a missing comma': '{ "version": "w1" "entities": [ { "id": "granite", "kind": "exercise", "name": "Granite" } ] }',
      'an unclosed list': '{ "version": "w1", "entities": [ { "id": "granite", "kind": "exercise", "name": "Granite" }\n',
      'entities as an object': '{ "version": "w1", "entities": { "granite": { "id": "granite", "kind": "exercise", "name": "Granite" } } }',
    };
    for (const [what, text] of Object.entries(broken)) {
      const { session, root } = await start({ 'corpus/catalog.json': text });
      const { uri, diagnostics } = await noteDiagnostics(session);
      const actions = await session.codeActions(uri, diagnostics);
      assert.ok(actions.length >= 2, what);
      for (const action of actions) {
        assert.equal(action.edit, undefined, `${what}: ${action.title}`);
        assert.match(action.disabled?.reason ?? '', /syntax error on line|are not a list/, `${what}: ${action.title}`);
      }
      assert.equal(readFileSync(join(root, 'corpus', 'catalog.json'), 'utf8'), text);
    }
  });
});

describe('the workspace as the boundary', () => {
  const outside = mkdtempSync(join(tmpdir(), 'corpus-lens-outside-'));
  const passwd = 'root:x:0:0:root:/root:/bin/bash\n';
  const outsideCatalog = JSON.stringify({ version: 'outside', entities: [{ id: 'obsidian', kind: 'exercise', name: 'Obsidian Shield' }] });
  writeFileSync(join(outside, 'passwd'), passwd);
  writeFileSync(join(outside, 'catalog.json'), outsideCatalog);
  after(() => rmSync(outside, { recursive: true, force: true }));

  const cases: [string, () => { files?: Record<string, string>; settings?: unknown; link?: [string, string] }][] = [
    ['an absolute path outside', () => ({ settings: { catalog: join(outside, 'catalog.json') } })],
    ['a path up out of the workspace', () => ({ settings: { catalog: join('..', basename(outside), 'catalog.json') } })],
    ['a link to a catalog outside', () => ({ link: [join(outside, 'catalog.json'), 'corpus/catalog.json'] })],
    ['a link to a file that is not a catalog', () => ({ link: [join(outside, 'passwd'), 'corpus/catalog.json'] })],
  ];
  for (const [what, setUp] of cases) {
    it(`reads and writes nothing outside the workspace when the catalog is ${what}`, async () => {
      const root = makeWorkspace({ 'notes/obsidian.md': 'The Obsidian Shield drills.' });
      const { settings, link } = setUp();
      if (link) symlinkSync(link[0], join(root, link[1]));
      const session = await LspSession.start(root, { settings });
      started.push({ session, root });
      await session.indexed(60000);
      await waitFor(() => session.messages.some((m) => /outside the workspace/.test(m.message)));
      assert.match(session.messages.find((m) => /outside the workspace/.test(m.message))!.message, /Corpus Lens reads and writes no file outside the workspace, so the built-in catalog stays in use\./);
      const obsidian = await session.open('notes/obsidian.md', 'The Obsidian Shield drills.');
      const hover = await session.hover(obsidian, { line: 0, character: 6 });
      // Found in the text, not in a catalog: the outside catalog was not read.
      assert.match((hover?.contents as MarkupContent | undefined)?.value ?? '', /^\*\*Obsidian Shield\*\* — exercise · discovered/);
      assert.equal(session.diagnostics.has(`file://${join(outside, 'catalog.json')}`), false);
      assert.equal(session.diagnostics.has(`file://${join(outside, 'passwd')}`), false);
      const { uri, diagnostics } = await noteDiagnostics(session);
      const actions = await session.codeActions(uri, diagnostics);
      assert.ok(actions.length >= 2);
      for (const action of actions) assert.match(action.disabled?.reason ?? '', /outside the workspace/, action.title);
      // Even run anyway, the fix writes nothing.
      await session.connection.sendRequest('workspace/executeCommand', { command: 'corpusLens.applyFix', arguments: [{ type: 'addEntity', name: 'Zapad', kind: 'exercise', year: 2021 }] });
      assert.equal(readFileSync(join(outside, 'catalog.json'), 'utf8'), outsideCatalog);
      assert.equal(readFileSync(join(outside, 'passwd'), 'utf8'), passwd);
      assert.deepEqual(session.appliedEdits, []);
    });
  }
});

describe('sources are never edited', () => {
  it('turns the catalog fixes off when the catalog setting names a corpus document', async () => {
    const { session, root } = await start({ 'corpus/extra.txt': '12.05.2023\nThe Collective Security Council met.\n' }, { catalog: 'corpus/extra.txt' });
    const { uri, diagnostics } = await noteDiagnostics(session);
    const actions = await session.codeActions(uri, diagnostics);
    assert.ok(actions.length >= 2);
    for (const action of actions) assert.match(action.disabled?.reason ?? '', /a corpus document: sources are never edited/, action.title);
    assert.equal(readFileSync(join(root, 'corpus', 'extra.txt'), 'utf8'), '12.05.2023\nThe Collective Security Council met.\n');
  });
});

/** A server indexes the workspace and saves its cache; the cache file's name. */
async function firstCache(root: string, cacheDirectory: string): Promise<string> {
  const first = await LspSession.start(root, { initializationOptions: { cacheDirectory } });
  await first.indexed(60000);
  await first.stop();
  const [name] = readdirSync(cacheDirectory).filter((n) => n.endsWith('.jsonl'));
  assert.ok(name, 'the first server saved its cache');
  return name;
}

describe('files that are not regular files', () => {
  it('completes the index with a FIFO in place of the index cache and 2,000 junk files beside it', async () => {
    const cacheDirectory = mkdtempSync(join(tmpdir(), 'corpus-lens-cache-'));
    const root = makeWorkspace({});
    try {
      const name = await firstCache(root, cacheDirectory);
      rmSync(join(cacheDirectory, name));
      execFileSync('mkfifo', [join(cacheDirectory, name)]);
      for (let i = 0; i < 2000; i++) writeFileSync(join(cacheDirectory, `junk-${i}.jsonl`), `not a cache ${i}\n`);
      mkdirSync(join(cacheDirectory, 'a-folder.jsonl'));
      const session = await LspSession.start(root, { initializationOptions: { cacheDirectory } });
      try {
        const status = await session.indexed(60000);
        assert.equal(status.documents, 5);
        assert.ok(session.logs.some((l) => /cannot be read \(it is a named pipe \(FIFO\), not a regular file\)/.test(l)), session.logs.join('\n'));
      } finally {
        await session.stop();
      }
    } finally {
      rmSync(cacheDirectory, { recursive: true, force: true });
      removeWorkspace(root);
    }
  });

  it('does not read an index cache that is a link out of its storage folder', async () => {
    const cacheDirectory = mkdtempSync(join(tmpdir(), 'corpus-lens-cache-'));
    const elsewhere = mkdtempSync(join(tmpdir(), 'corpus-lens-elsewhere-'));
    const root = makeWorkspace({});
    try {
      const name = await firstCache(root, cacheDirectory);
      // The cache moved elsewhere, a link left in its place: it must not be followed.
      renameSync(join(cacheDirectory, name), join(elsewhere, name));
      symlinkSync(join(elsewhere, name), join(cacheDirectory, name));
      const session = await LspSession.start(root, { initializationOptions: { cacheDirectory } });
      try {
        const status = await session.indexed(60000);
        assert.deepEqual([status.documents, status.fromCache], [5, 0]);
        assert.ok(session.logs.some((l) => l.includes(`The index cache ${join(cacheDirectory, name)} cannot be read`)), session.logs.join('\n'));
      } finally {
        await session.stop();
      }
    } finally {
      for (const dir of [cacheDirectory, elsewhere]) rmSync(dir, { recursive: true, force: true });
      removeWorkspace(root);
    }
  });

  it('skips a FIFO among the corpus files with a message, and indexes the rest', async () => {
    const root = makeWorkspace({});
    execFileSync('mkfifo', [join(root, 'corpus', 'pipe.txt')]);
    const session = await LspSession.start(root);
    started.push({ session, root });
    const status = await session.indexed(60000);
    assert.equal(status.documents, 5);
    assert.ok(session.logs.some((l) => l.includes('pipe.txt is a named pipe (FIFO), not a regular file: skipped.')), session.logs.join('\n'));
    // A file event for it (a client that watches the folder) is refused the same way.
    await session.filesChanged([{ uri: session.uri('corpus/pipe.txt'), type: FileChangeType.Changed }]);
    const after = await session.connection.sendRequest('corpusLens/status');
    assert.equal((after as { documents: number }).documents, 5);
    const text = 'The Collective Security Council met.';
    const note = await session.open('notes/n.md', text);
    const hover = await session.hover(note, positionOf(text, 'Security'));
    assert.match((hover?.contents as MarkupContent).value, /^\*\*Collective Security Council\*\* — body/);
  });
});

describe('quotation checks on hostile notes', () => {
  it('reports a quotation of 25,000 words once as too long to check, and answers hovers meanwhile', async () => {
    const { session } = await start({});
    const words = readFileSync(join(SEED_CORPUS, '003_cd610519ad23afcb.txt'), 'utf8').split(/\s+/).filter(Boolean);
    const quotation = Array.from({ length: 25_000 }, (_, i) => words[i % words.length]).join(' ');
    const text = `The Collective Security Council.\n\n> ${quotation}\n`;
    const uri = await session.open('notes/long.md', text);
    const hover = await session.hover(uri, positionOf(text, 'Security'));
    assert.match((hover?.contents as MarkupContent).value, /^\*\*Collective Security Council\*\* — body/);
    await waitFor(() => session.diagnostics.get(uri)?.some((d) => d.code === 'quotation-too-long') ?? false);
    const [tooLong, ...others] = session.diagnostics.get(uri)!.filter((d) => d.code !== 'unknown-name' && d.code !== 'unknown-edition');
    assert.deepEqual(others, []);
    assert.deepEqual(tooLong.range, { start: { line: 2, character: 2 }, end: { line: 2, character: quotation.length + 2 } });
    assert.equal(tooLong.message, 'This quotation is over 1,000 words long: too long to check. Corpus Lens checks quotations of up to 1,000 words against the corpus.');
  });

  it('lists the first 500 problems of a note with 600 misquotations and counts the rest in one message', async () => {
    const { session } = await start({});
    const sentence = 'The highest body is the Collective Security Council, which consists of the heads of state or government of the CSTO member States.';
    const lines = Array.from({ length: 600 }, (_, i) => `> ${sentence.replace('highest', `highest${i}`)}\n`);
    const uri = await session.open('notes/many.md', lines.join('\n'));
    await waitFor(() => session.diagnostics.get(uri)?.some((d) => d.code === 'quotations-not-listed') ?? false, 60000);
    const diagnostics = session.diagnostics.get(uri)!;
    assert.equal(diagnostics.filter((d) => d.code === 'misquotation').length, 500);
    const rest = diagnostics.find((d) => d.code === 'quotations-not-listed')!;
    assert.equal(rest.message, "100 more quotations from here on are not found verbatim in the corpus; Corpus Lens lists the first 500 problems of a note's quotations.");
    assert.equal(rest.range.start.line, 1000);
  });
});
