// Bad input over the protocol: whatever file the server meets, it keeps running, keeps its last
// good index and catalog, and says what is wrong in words a user understands.

import assert from 'node:assert/strict';
import { readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import { DiagnosticSeverity, FileChangeType, type FileEvent, type Hover } from 'vscode-languageserver-protocol';
import { MentionsRequest, StatusRequest } from '../../server/src/shared/protocol';
import { LspSession, makeWorkspace, removeWorkspace, SEED_CORPUS } from './lspSession';

const utf8 = (text: string) => new TextEncoder().encode(text);
const CRLF_TEXT = '02.12.2020\r\nOn this day the Collective Security Council met online.\r\n';
const BIG_MB = 20;

function bigCorpusFile(): string {
  const seed = readFileSync(join(SEED_CORPUS, '003_cd610519ad23afcb.txt'), 'utf8');
  return seed.repeat(Math.ceil((BIG_MB * 1024 * 1024) / seed.length));
}

const firstLine = (hover: Hover | null) => (hover?.contents as { value: string } | undefined)?.value.split('\n')[0];


describe('the language server meeting bad input', () => {
  let root: string;
  let session: LspSession;
  let note: string;
  const NOTE = 'The Collective Security Council and the Granite drills.';

  before(async () => {
    root = makeWorkspace({
      'corpus/binary.txt': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
      'corpus/latin1.txt': new Uint8Array([...utf8('The “Search-2021” training in Tadjikistan '), 0xe9, 0xe8, ...utf8(' was held.\n')]),
      'corpus/empty.txt': '',
      'corpus/crlf-bom.txt': new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(CRLF_TEXT)]),
      'corpus/big.txt': bigCorpusFile(),
      'corpus/catalog.json': '{ "version": "w1", "entities": [ { "id": "granite", "kind": "exercise" ',
      'notes/note.md': NOTE,
    });
    session = await LspSession.start(root);
    await session.indexed(120000);
    note = await session.open('notes/note.md', NOTE);
  });
  after(async () => {
    await session.stop();
    removeWorkspace(root);
  });

  it('keeps running and indexes every readable file, the 20 MB one included', async () => {
    assert.ok(session.alive);
    const status = await session.connection.sendRequest(StatusRequest);
    assert.equal(status.documents, 9, 'five seeds, latin1, empty, crlf-bom and big; not the binary file');
    const mentions = await session.connection.sendRequest(MentionsRequest, { entityId: 'collective-security-council', limit: 1 });
    assert.ok(mentions.total > 4000, `the big file's mentions are indexed (${mentions.total})`);
  });

  it('says in the Problems panel why a file was skipped or read with a warning', () => {
    const message = (name: string) => session.diagnostics.get(session.uri(`corpus/${name}`))?.[0];
    assert.deepEqual(
      [message('binary.txt')?.severity, message('binary.txt')?.message],
      [DiagnosticSeverity.Warning, 'Corpus Lens: this file looks like a binary file, not text; it is not indexed.'],
    );
    assert.match(message('latin1.txt')!.message as string, /is not valid UTF-8: 2 unreadable byte sequences were replaced by \ufffd\. Save it as UTF-8 to index it cleanly\./);
    assert.equal(message('empty.txt')?.severity, DiagnosticSeverity.Information);
    assert.equal(message('crlf-bom.txt'), undefined);
  });

  it('reports the broken catalog at the place it breaks and goes on with the built-in one', async () => {
    const diagnostics = session.diagnostics.get(session.uri('corpus/catalog.json'))!;
    assert.equal(diagnostics[0].severity, DiagnosticSeverity.Error);
    assert.match(diagnostics[0].message as string, /The catalog is not valid JSON: .*The last good catalog stays in use until this is fixed\./);
    assert.equal(diagnostics[0].range.start.line, 0);
    assert.equal(firstLine(await session.hover(note, { line: 0, character: 10 })), '**Collective Security Council** — body');
    // Without a catalog entry, "the Granite drills" is still an exercise: found in the text.
    assert.equal(firstLine(await session.hover(note, { line: 0, character: 45 })), '**Granite** — exercise · discovered');
  });

  it('gives positions in a CRLF file with a byte order mark that match the editor', async () => {
    const uri = session.uri('corpus/crlf-bom.txt');
    const hover = await session.hover(uri, { line: 1, character: 20 });
    assert.deepEqual(hover?.range, { start: { line: 1, character: 16 }, end: { line: 1, character: 43 } });
  });

  it('indexes the words of a file that is not valid UTF-8', async () => {
    const mentions = await session.connection.sendRequest(MentionsRequest, { entityId: 'search' });
    assert.ok(mentions.items.some((m) => m.uri === session.uri('corpus/latin1.txt') && m.range.start.character === 5));
  });

  it('takes up a repaired catalog, and keeps it when the file breaks again', async () => {
    const catalog = join(root, 'corpus', 'catalog.json');
    const event: FileEvent[] = [{ uri: URI.file(catalog).toString(), type: FileChangeType.Changed }];
    writeFileSync(catalog, JSON.stringify({ version: 'w2', entities: [{ id: 'granite', kind: 'exercise', name: 'Granite', parent: 'combat-brotherhood' }] }));
    await session.filesChanged(event);
    await session.nextStatus(undefined, 60000);
    assert.deepEqual(session.diagnostics.get(URI.file(catalog).toString()), []);
    assert.equal(firstLine(await session.hover(note, { line: 0, character: 45 })), '**Granite** — exercise');

    const broken = '{ "version": "w3", "entities": [ { "id": "granite", "kind": "drill", "name": "Granite" } ] }';
    writeFileSync(catalog, broken);
    await session.filesChanged(event);
    await waitFor(() => (session.diagnostics.get(URI.file(catalog).toString()) ?? []).length > 0);
    const diagnostic = session.diagnostics.get(URI.file(catalog).toString())![0];
    assert.match(diagnostic.message as string, /"kind" must be one of body, operation, exercise/);
    assert.deepEqual(diagnostic.range.start, { line: 0, character: broken.indexOf('"drill"') });
    assert.equal(firstLine(await session.hover(note, { line: 0, character: 45 })), '**Granite** — exercise');
  });

  it('survives a file that is gone by the time it is read', async () => {
    await session.filesChanged([{ uri: session.uri('corpus/vanished.txt'), type: FileChangeType.Created }]);
    await waitFor(() => session.logs.some((l) => l.includes('vanished.txt was deleted before it could be read; skipped.')));
    assert.ok(session.alive);
    assert.equal((await session.connection.sendRequest(StatusRequest)).documents, 9);
  });

  it('does not follow a symbolic link out of the workspace, nor round a loop, on a file event', async () => {
    const outside = makeWorkspace({ 'secret.txt': 'The Collective Security Council met in secret on 01.01.2021.\n' });
    try {
      const before = (await session.connection.sendRequest(StatusRequest)).documents;
      symlinkSync(join(outside, 'secret.txt'), join(root, 'corpus', 'link_out.txt'));
      symlinkSync(outside, join(root, 'corpus', 'linked_folder'));
      symlinkSync(join(root, 'corpus'), join(root, 'corpus', 'loop'));
      const events = ['corpus/link_out.txt', 'corpus/linked_folder/secret.txt', 'corpus/loop/crlf-bom.txt'];
      await session.filesChanged(events.map((path) => ({ uri: session.uri(path), type: FileChangeType.Created })));
      await waitFor(() => events.every((path) => session.logs.some((l) => l.includes(`${path} is reached through a symbolic link; Corpus Lens does not follow links.`))));
      assert.equal((await session.connection.sendRequest(StatusRequest)).documents, before);
    } finally {
      for (const link of ['link_out.txt', 'linked_folder', 'loop']) rmSync(join(root, 'corpus', link), { force: true });
      removeWorkspace(outside);
    }
  });

  it('writes nothing to stderr', () => {
    assert.equal(session.serverErrors, '');
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 60000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}
