// Where the sources are, over the protocol: a workspace whose root is a corpus (the bundled corpus
// opened as a folder, or a folder of one's own documents with a catalog beside them) serves its
// files as sources, never as notes, and never the bundled corpus beside them; a workspace holding
// copies of the bundled documents in a folder of its own serves those copies; a workspace without
// any says the bundled corpus is served.

import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import type { MarkupContent } from 'vscode-languageserver-protocol';
import { DocumentsRequest } from '../../server/src/shared/protocol';
import { LspSession, makeWorkspace, positionOf, removeWorkspace, SEED_CORPUS } from './lspSession';

const started: { session: LspSession; root: string }[] = [];
after(async () => {
  for (const { session, root } of started) {
    await session.stop();
    removeWorkspace(root);
  }
});

async function start(root: string) {
  const session = await LspSession.start(root);
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
