// Protocol abuse against `node dist/server.js --stdio`: a cancellation storm, a catalog storm, malformed headers and wrong
// Content-Lengths, bodies that are not JSON, a 50 MB message, unknown methods, malformed or
// out-of-range params, notifications for documents that are not open or that go back in version,
// and a burst of requests sent without waiting. The server answers per JSON-RPC, logs what it
// refused, never fails in a handler, and answers the seed hover correctly afterwards.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CancellationTokenSource, FileChangeType, type FileEvent, type Hover } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import { LspSession, makeWorkspace, removeWorkspace, SEED_CORPUS } from './lspSession';

const NOTE = 'The Collective Security Council met.';
const firstLine = (hover: Hover | null) => (hover?.contents as { value: string } | undefined)?.value.split('\n')[0];

describe('the language server under protocol abuse', () => {
  let root: string;
  let session: LspSession;

  before(async () => {
    const files: Record<string, string> = { 'notes/note.md': NOTE };
    for (const f of readdirSync(SEED_CORPUS).filter((name) => name.endsWith('.txt'))) files[`corpus/${f}`] = readFileSync(join(SEED_CORPUS, f), 'utf8');
    root = makeWorkspace(files);
    session = await LspSession.start(root);
    await session.indexed(60000);
  });
  after(async () => {
    await session.stop();
    removeWorkspace(root);
  });

  const request = async (method: string, params: unknown): Promise<{ result?: unknown; code?: number | undefined }> => {
    try {
      return { result: await session.connection.sendRequest(method, params) };
    } catch (error) {
      return { code: (error as { code?: number }).code };
    }
  };

  it('answers an unknown method with MethodNotFound and a request without params with InvalidParams', async () => {
    assert.equal((await request('corpusLens/nothing', {})).code, -32601);
    assert.equal((await request('textDocument/hover', undefined)).code, -32602);
  });

  it('answers malformed or out-of-range params with an empty answer, never a failure', async () => {
    const uri = session.uri('notes/note.md');
    const cases: [string, unknown][] = [
      ['textDocument/hover', { textDocument: { uri } }],
      ['textDocument/hover', { textDocument: { uri }, position: { line: -5, character: -1 } }],
      ['textDocument/hover', { textDocument: { uri }, position: { line: 1e12, character: 1e12 } }],
      ['textDocument/hover', { textDocument: { uri }, position: { line: 'x', character: {} } }],
      ['textDocument/hover', { textDocument: { uri: 'not a uri' }, position: { line: 0, character: 0 } }],
      ['textDocument/definition', { textDocument: 5, position: 5 }],
      ['textDocument/completion', { textDocument: 5, position: 5 }],
      ['corpusLens/chronology', { entityIds: 5, from: {}, by: 'century', maxEvents: -1 }],
      ['corpusLens/mentions', { entityId: { a: 1 }, limit: 'x' }],
      ['corpusLens/quote', { uri: 5 }],
      ['corpusLens/searchPassages', { query: 5, limit: 'many' }],
    ];
    for (const [method, params] of cases) assert.equal((await request(method, params)).code, undefined, `${method} ${JSON.stringify(params)}`);
    assert.deepEqual(failures(), []);
  });

  it('caps a chronology request naming 1,000,000 entities at the first 1,000 before any work, and says so', async () => {
    const ids = Array.from({ length: 1_000_000 }, (_, i) => (i === 0 ? 'indestructible-brotherhood' : `no-such-entity-${i}`));
    const capped = (await request('corpusLens/chronology', { entityIds: ids })).result as { events: { entities: { id: string }[] }[] };
    const one = (await request('corpusLens/chronology', { entityIds: ['indestructible-brotherhood'] })).result as { events: unknown[] };
    assert.deepEqual(capped, one, 'the first 1,000 ids are used: here, the one that exists');
    assert.ok(session.logs.includes('A chronology request named 1,000,000 entities; only the first 1,000 are used.'), session.logs.slice(-3).join('\n'));
    const beyond = (await request('corpusLens/chronology', { entityIds: [...ids.slice(1, 1001), 'indestructible-brotherhood'] })).result as { events: unknown[] };
    assert.deepEqual(beyond.events, [], 'an id past the first 1,000 is not looked at');
  });

  it('drops malformed document notifications and changes that do not go forward, and says so', async () => {
    const { connection } = session;
    await connection.sendNotification('textDocument/didOpen', { textDocument: 5 });
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri: session.uri('notes/unopened.md'), version: 3 }, contentChanges: [{ text: 'x' }] });
    await connection.sendNotification('workspace/didChangeWatchedFiles', { changes: 'x' });
    const uri = await session.open('notes/versions.md', NOTE);
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: -1, character: 0 }, end: { line: 0, character: 3 } }, text: 'y' }] });
    await session.replaceText(uri, 'Operation Mercenary was extended.');
    // Version 2 again, with text of the same length: refused, so the text stays that of version 2.
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: 'The Collective Security Council m' }] });
    assert.equal(firstLine(await session.hover(uri, { line: 0, character: 12 })), '**Mercenary** — operation');
    await waitFor(() => session.logs.filter((l) => l.startsWith('Ignored a')).length >= 4);
    assert.ok(session.logs.some((l) => l === 'Ignored a malformed didOpen notification.'));
    assert.ok(session.logs.some((l) => l === 'Ignored a malformed didChangeWatchedFiles notification.'));
    assert.ok(session.logs.some((l) => l.startsWith(`Ignored a malformed didChange notification for ${uri}`)));
    assert.ok(session.logs.some((l) => l === `Ignored a change to ${uri} at version 2: it is already at version 2.`));
    assert.deepEqual(failures(), []);
  });

  it('answers 20,000 hovers sent without waiting, then the seed hover as before', async () => {
    const uri = await session.open('notes/note.md', NOTE);
    const burst = Array.from({ length: 20000 }, (_, i) => session.hover(uri, { line: 0, character: i % NOTE.length }).then(() => 1));
    assert.equal((await Promise.all(burst)).length, 20000);
    assert.equal(firstLine(await session.hover(uri, { line: 0, character: 10 })), '**Collective Security Council** — body');
    assert.ok(session.alive);
    assert.equal(session.serverErrors, '');
    assert.deepEqual(failures(), []);
  });

  it('reads on after malformed headers and wrong Content-Lengths, answers a body that is not JSON with a parse error, and reads a 50 MB message', async () => {
    const uri = await session.open('notes/note.md', NOTE);
    const frame = (body: string, length = Buffer.byteLength(body)) => `Content-Length: ${length}\r\n\r\n${body}`;
    const cancel = JSON.stringify({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id: 1 } });
    await session.writeRaw('Content-Type: application/vscode-jsonrpc\r\n\r\n{}');
    await session.writeRaw('Content-Length: abc\r\n\r\n{}');
    await session.writeRaw('Content-Length: -4\r\n\r\n{}');
    await session.writeRaw(`Content-Length: ${'9'.repeat(40)}\r\n\r\n{}`);
    await session.writeRaw(frame(cancel, 10));
    await session.writeRaw(frame('this is not JSON'));
    // Too long a Content-Length: the next message, sent by the client, is still heard.
    await session.writeRaw(frame(cancel, 100000));
    assert.equal(firstLine(await session.hover(uri, { line: 0, character: 10 })), '**Collective Security Council** — body');
    // 50 MB of parameters the hover does not use.
    const padding = 'x'.repeat(50 * 1024 * 1024);
    const big = (await session.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 10 }, padding })) as Hover;
    assert.equal(firstLine(big), '**Collective Security Council** — body');
    await waitFor(() => session.clientErrors.filter((e) => e.includes('-32700')).length >= 2);
    assert.ok(session.logs.some((l) => l.startsWith('Ignored a malformed message: Content-Length "abc" is not a byte count')));
    assert.ok(session.logs.some((l) => l.startsWith('Ignored a malformed message: Content-Length "-4" is not a byte count')));
    assert.ok(session.logs.some((l) => l.startsWith('Ignored a malformed message: the header has no Content-Length')));
    assert.ok(session.logs.some((l) => l === `A message said Content-Length 100000 but the next header came after ${cancel.length} bytes; the message is dropped.`));
    assert.ok(session.logs.some((l) => l.startsWith('Ignored a message that is not JSON')));
    assert.ok(session.alive);
    assert.equal(session.serverErrors, '');
    assert.deepEqual(failures(), []);
  });

  it('answers every request in full through a catalog rewritten every 50 ms, a third of the writes broken, and ends on the last good one', async () => {
    const uri = await session.open('notes/note.md', NOTE);
    const before = (await session.references(uri, { line: 0, character: 10 }))?.length ?? 0;
    assert.ok(before > 0);
    const catalog = join(root, 'corpus', 'catalog.json');
    const event: FileEvent[] = [{ uri: URI.file(catalog).toString(), type: FileChangeType.Changed }];
    const samples: number[] = [];
    let writing = true;
    const sampling = (async () => {
      while (writing) samples.push((await session.references(uri, { line: 0, character: 10 }))?.length ?? 0);
    })();
    const writes = 60;
    for (let i = 1; i <= writes; i++) {
      const good = i % 3 !== 0 || i === writes;
      writeFileSync(catalog, good ? JSON.stringify({ version: `storm-${i}`, entities: [{ id: `storm-${i}`, kind: 'exercise', name: `Storm ${i}` }] }) : `{ "version": "storm-${i}", "entities": [ { "id": `);
      await session.filesChanged(event);
      await new Promise((r) => setTimeout(r, 50));
    }
    writing = false;
    await sampling;
    const latest = () => session.statuses[session.statuses.length - 1];
    await waitFor(() => !latest().indexing && latest().catalogVersion.endsWith(`+storm-${writes}`), 60000).catch(() => assert.fail(`the server ended on ${latest().catalogVersion}`));
    assert.equal((await session.references(uri, { line: 0, character: 10 }))?.length, before);
    assert.ok(samples.length > 20, `${samples.length} samples`);
    // The index in use answers until the new one is complete: no answer counts a part of the corpus.
    const short = samples.filter((n) => n !== before);
    assert.deepEqual(short, [], `${short.length} of ${samples.length} answers during the storm were not ${before}`);
    rmSync(catalog);
    await session.filesChanged([{ uri: URI.file(catalog).toString(), type: FileChangeType.Deleted }]);
    await waitFor(() => !latest().indexing && !latest().catalogVersion.includes('storm'), 60000);
    assert.deepEqual(failures(), []);
  });

  it('answers 5,000 requests each cancelled as soon as it is sent, then the seed hover as before', async () => {
    const uri = await session.open('notes/note.md', NOTE);
    const outcomes = await Promise.all(
      Array.from({ length: 5000 }, (_, i) => {
        const source = new CancellationTokenSource();
        const method = ['textDocument/hover', 'textDocument/references', 'textDocument/completion'][i % 3];
        const answer = session.connection.sendRequest(method, { textDocument: { uri }, position: { line: 0, character: i % NOTE.length }, context: { includeDeclaration: true } }, source.token);
        source.cancel();
        return answer.then(
          () => 'answered',
          (error: { code?: number }) => String(error.code),
        );
      }),
    );
    assert.deepEqual([...new Set(outcomes)].filter((o) => o !== 'answered' && o !== '-32800'), [], 'each answered, or refused as cancelled');
    assert.equal(firstLine(await session.hover(uri, { line: 0, character: 10 })), '**Collective Security Council** — body');
    assert.ok(session.alive);
    assert.deepEqual(failures(), []);
  });

  /** Log lines that say a handler failed: there must be none. */
  function failures(): string[] {
    return session.logs.filter((l) => /failed|Unexpected error|TypeError/.test(l));
  }
});

async function waitFor(condition: () => boolean, timeoutMs = 20000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}
