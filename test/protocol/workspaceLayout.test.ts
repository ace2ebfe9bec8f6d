// Where the sources are, over the protocol: a workspace whose root is a corpus (the bundled corpus
// opened as a folder, or a folder of one's own documents with a catalog beside them) serves its
// files as sources, never as notes, and never the bundled corpus beside them; a workspace holding
// copies of the bundled documents in a folder of its own serves those copies; a workspace without
// any says the bundled corpus is served.

import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import { DidChangeConfigurationNotification, type MarkupContent } from 'vscode-languageserver-protocol';
import { DocumentsRequest, StatusRequest } from '../../server/src/shared/protocol';
import { LspSession, makeWorkspace, positionOf, removeWorkspace, SEED_CORPUS } from './lspSession';
import { FileSystemHost } from '../../server/src/node/fileSystemHost';
import { readSettings } from '../../server/src/settings';

const started: { session: LspSession; root: string }[] = [];
after(async () => {
  for (const { session, root } of started) {
    await session.stop();
    removeWorkspace(root);
  }
});

async function start(root: string) {
  // Settings as VS Code sends them (an object, made anew at every pull), their globs the defaults.
  const session = await LspSession.start(root, { settings: { quotes: { citation: 'link' } } });
  started.push({ session, root });
  return { session, status: await session.indexed(60000) };
}

/** A folder named `name` holding the bundled corpus as the repository has it (documents and catalogs). */
function copyOfBundledCorpus(name: string): string {
  const root = join(mkdtempSync(join(tmpdir(), 'corpus-lens-')), name);
  mkdirSync(root);
  for (const file of readdirSync(SEED_CORPUS)) cpSync(join(SEED_CORPUS, file), join(root, file));
  return root;
}

const NOTE = 'The Collective Security Council met; Hired guns went on.';

async function hoverText(session: LspSession, uri: string, text: string, needle: string): Promise<string> {
  const hover = await session.hover(uri, positionOf(text, needle, 2));
  return (hover?.contents as MarkupContent | undefined)?.value ?? '';
}

describe('a workspace whose root is a corpus', () => {
  it('serves the bundled corpus opened as a folder as sources: documents in the folder, none counted as notes, the card counting only the note', async () => {
    const root = copyOfBundledCorpus('corpus');
    const { session, status } = await start(root);
    assert.equal(status.embedded, false);
    assert.deepEqual(status.layout, { kind: 'root', folders: ['.'] });
    assert.equal(status.documents, 5);
    assert.equal(status.notes, 0, 'the sources are not notes');
    const documents = (await session.connection.sendRequest(DocumentsRequest, {})) ?? [];
    assert.equal(documents.length, 5);
    for (const document of documents) {
      assert.ok(URI.parse(document.uri).fsPath.startsWith(root), `${document.uri} is the workspace's file, not a second copy`);
      assert.equal(document.embedded, false);
      assert.doesNotMatch(document.title, /^\d{3}_[0-9a-f]{16}/, 'titled from the text, not the hash name');
    }
    const note = await session.open('notes/first.md', NOTE);
    const card = await hoverText(session, note, NOTE, 'Collective Security Council');
    assert.match(card, /\*In your notes:\* 1 mention in 1 note/);
    assert.doesNotMatch(card, /In your notes:\* [2-9]/);
    // An editor tells the server of configuration changes that change no file setting (VS Code
    // does at start): the folder stays a corpus, and a source opened in the editor is no note.
    await session.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const source = '003_cd610519ad23afcb.txt';
    await session.open(source, readFileSync(join(root, source), 'utf8'), 'plaintext');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = await session.connection.sendRequest(StatusRequest);
    assert.equal(now.notes, 1, 'the note open in the editor, and none of the sources');
    assert.match(await hoverText(session, note, NOTE, 'Collective Security Council'), /\*In your notes:\* 1 mention in 1 note/);
  });

  it('takes a folder of its own documents as the corpus when a Corpus Lens catalog is beside them', async () => {
    const root = makeWorkspace(
      {
        'report-2024.txt': 'MOSCOW, April 24, 2024.\nThe CSTO Secretariat said the Collective Security Council would meet in Minsk.\n',
        'catalog.json': '{ "version": "own", "entities": [] }',
        'notes/reading.md': NOTE,
      },
      { seed: false },
    );
    const { session, status } = await start(root);
    assert.deepEqual(status.layout, { kind: 'root', folders: ['.'] });
    assert.equal(status.documents, 1);
    assert.equal(status.notes, 1, 'only notes/ holds notes');
    const documents = (await session.connection.sendRequest(DocumentsRequest, {})) ?? [];
    assert.deepEqual(documents.map((d) => URI.parse(d.uri).fsPath), [join(root, 'report-2024.txt')]);
  });

  it('leaves a folder of notes with no catalog and another name as notes, and serves the bundled corpus, saying so', async () => {
    const root = makeWorkspace({ 'reading.md': NOTE, 'draft.txt': 'A draft about the CSTO.' }, { seed: false });
    const { status } = await start(root);
    assert.equal(status.embedded, true);
    assert.deepEqual(status.layout, { kind: 'bundled', folders: [] });
    assert.equal(status.notes, 2);
  });
});

describe('a workspace holding copies of the bundled documents', () => {
  it('serves the copies in their folder as the corpus and not the bundled corpus beside them', async () => {
    const files: Record<string, string | Uint8Array> = { 'analysis.md': NOTE };
    const root = makeWorkspace(files, { seed: false });
    mkdirSync(join(root, 'sources'));
    for (const file of readdirSync(SEED_CORPUS).filter((f) => f.endsWith('.txt'))) cpSync(join(SEED_CORPUS, file), join(root, 'sources', file));
    writeFileSync(join(root, 'sources', 'own-addition.txt'), 'MOSCOW, May 2, 2024.\nThe CSTO held talks.\n');
    const { session, status } = await start(root);
    assert.equal(status.embedded, false);
    assert.deepEqual(status.layout, { kind: 'copies', folders: ['sources'] });
    assert.equal(status.documents, 6, 'the five copies and the analyst’s own document beside them');
    assert.equal(status.notes, 1);
    const documents = (await session.connection.sendRequest(DocumentsRequest, {})) ?? [];
    assert.ok(documents.every((d) => URI.parse(d.uri).fsPath.startsWith(join(root, 'sources'))));
    const note = join(root, 'analysis.md');
    const card = await hoverText(session, await session.openUri(URI.file(note).toString(), NOTE), NOTE, 'Collective Security Council');
    assert.match(card, /\*In your notes:\* 1 mention in 1 note/);
  });
});

describe('the host that lists the workspace', () => {
  it('keeps a recognised corpus root while the settings are pulled again unchanged (VS Code sends configuration changes during the first index)', async () => {
    const root = copyOfBundledCorpus('corpus');
    mkdirSync(join(root, 'notes'));
    writeFileSync(join(root, 'notes', 'first.md'), NOTE);
    // Every pull makes a new settings object, as the server does on each configuration change.
    const host = new FileSystemHost({ root, embeddedCorpus: SEED_CORPUS, settings: () => readSettings({}), log: () => undefined, warn: () => undefined, createProgress: () => Promise.reject(new Error('unused')) });
    const listing = await host.listCorpus();
    assert.deepEqual(listing.layout, { kind: 'root', folders: ['.'] });
    assert.deepEqual((await host.listNotes()).map((uri) => URI.parse(uri).fsPath), [join(root, 'notes', 'first.md')]);
    assert.equal(host.isNote(URI.file(join(root, '003_cd610519ad23afcb.txt')).toString()), false);
    assert.equal(host.catalogUri(), URI.file(join(root, 'catalog.json')).toString());
    removeWorkspace(join(root, '..'));
  });

  it('lets a request that came in during background work be answered before the work goes on', async () => {
    // vscode-jsonrpc decodes a request, queues it and writes its answer each on an immediate of its
    // own; background work yields between slices, and must resume only after all three, even when
    // the request's bytes were read after the yield began (its first immediate queued after ours).
    const host = new FileSystemHost({ root: tmpdir(), embeddedCorpus: SEED_CORPUS, settings: () => readSettings({}), log: () => undefined, warn: () => undefined, createProgress: () => Promise.reject(new Error('unused')) });
    const order: string[] = [];
    const request = () => setImmediate(() => (order.push('decoded'), setImmediate(() => (order.push('handled'), setImmediate(() => order.push('answered'))))));
    const resumed = host.yieldToRequests();
    request();
    await resumed;
    order.push('next slice');
    assert.deepEqual(order, ['decoded', 'handled', 'answered', 'next slice']);
  });
});
