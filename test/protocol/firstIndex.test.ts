// The first index of a large corpus runs in worker threads while the analyst already has a note
// open. Requests answer from what is indexed meanwhile: the card's count of mentions grows while
// the index is read, rather than saying "not mentioned" until the last document is in; and every
// file's catalog names come first, before any file is understood.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generateCorpus } from '../bench/generate';
import { DocumentsRequest, EntitiesRequest, StatusRequest } from '../../server/src/shared/protocol';
import { LspSession, makeWorkspace, positionOf, removeWorkspace, SEED_CORPUS } from './lspSession';

const NOTE = 'The Collective Security Council met.';
const DOCUMENTS = 2000;

describe('the first index, with a note open', { timeout: 180000 }, () => {
  let root: string;
  before(() => {
    root = makeWorkspace({}, { seed: false });
    generateCorpus(SEED_CORPUS, join(root, 'corpus'), DOCUMENTS, 6000, 11);
  });
  after(() => removeWorkspace(root));

  it('says it is indexing from its start, never that an empty index is complete before the first index began', async () => {
    // VS Code asks for the status as soon as the server answered initialize, while the server is
    // still asking it for the settings the first index needs.
    const session = await LspSession.start(root, { initializationOptions: { indexWorkers: 2 } });
    try {
      const first = await session.connection.sendRequest(StatusRequest);
      assert.equal(first.indexing, true, `the status before the first index: ${JSON.stringify(first)}`);
      assert.ok(session.statuses.every((s) => s.indexing), 'no status said "done" before the first index began');
      const done = await session.indexed(120000);
      assert.equal(done.documents, DOCUMENTS);
    } finally {
      await session.stop();
    }
  });

  it('runs its worker threads below the main thread, which answers the editor', { skip: process.platform !== 'linux' && 'thread priorities are read from /proc' }, async () => {
    const session = await LspSession.start(root, { initializationOptions: { indexWorkers: 2 } });
    try {
      /** Each thread's nice value (the 19th field of its stat, after the parenthesised name). */
      const niceness = () =>
        readdirSync(`/proc/${session.pid}/task`).flatMap((tid) => {
          try {
            const fields = readFileSync(`/proc/${session.pid}/task/${tid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
            return [{ tid: Number(tid), nice: Number(fields[16]) }];
          } catch {
            return []; // a thread that ended meanwhile
          }
        });
      // Ten lower than the main thread, which runs at the priority this test runs at.
      const main = getPriority();
      const lower = Math.min(19, main + 10);
      let seen: { tid: number; nice: number }[] = [];
      while (!session.statuses.some((s, i) => i > 0 && !s.indexing)) {
        const threads = niceness();
        if (threads.filter((t) => t.nice === lower).length > seen.filter((t) => t.nice === lower).length) seen = threads;
        await new Promise((r) => setTimeout(r, 20));
      }
      assert.equal(seen.filter((t) => t.nice === lower).length, 2, `two worker threads at nice ${lower} while indexing: ${JSON.stringify(seen)}`);
      assert.equal(seen.find((t) => t.tid === session.pid)?.nice, main, 'the main thread keeps its priority');
    } finally {
      await session.stop();
    }
  });

  it('answers hovers from the documents indexed so far, the count growing before the index ends', async () => {
    const session = await LspSession.start(root, { initializationOptions: { indexWorkers: 2 } });
    try {
      const uri = await session.open('notes/note.md', NOTE);
      const at = positionOf(NOTE, 'Security', 1);
      const counts = async () => {
        const hover = await session.hover(uri, at);
        const text = (hover?.contents as { value?: string } | undefined)?.value ?? '';
        return Number(/Mentioned ([\d,]+) times?/.exec(text)?.[1].replace(/,/g, '') ?? 0);
      };
      const seen: number[] = [];
      // Until the status says the index is done; a hover answered before that counts as "meanwhile".
      while (!session.statuses.some((s, i) => i > 0 && !s.indexing)) {
        const count = await counts();
        if (!session.statuses.some((s, i) => i > 0 && !s.indexing)) seen.push(count);
        await new Promise((r) => setTimeout(r, 50));
      }
      const final = await counts();
      assert.ok(final > 0, `the whole corpus mentions the council: ${final}`);
      assert.ok(seen.some((c) => c > 0 && c < final), `a count between none and all (${final}) was seen while indexing: ${seen.join(', ')}`);
    } finally {
      await session.stop();
    }
  });

  it('leads to every file that names a catalog body once the names pass is over, before the files are understood', async () => {
    // Every reference, not the first thousand: the order changes once the files are dated.
    const session = await LspSession.start(root, { initializationOptions: { indexWorkers: 2 }, settings: { references: { maxResults: 1_000_000 } } });
    try {
      const uri = await session.open('notes/note.md', NOTE);
      const at = positionOf(NOTE, 'Security', 1);
      const understanding = session.nextStatus((s) => s.phase === 'understanding' || (!s.indexing && session.statuses.length > 1), 120000);
      const status = await understanding;
      assert.equal(status.phase, 'understanding', 'the server said when the names pass was over');
      assert.equal(status.documents, DOCUMENTS, 'every file is in the index after the names pass');
      // The files not understood yet say so, rather than calling themselves undated.
      const listed = await session.connection.sendRequest(DocumentsRequest, {});
      const unread = listed.filter((d) => d.unread);
      assert.ok(unread.length > 0 && unread.every((d) => d.dateLabel === 'not read yet' && d.date === undefined && d.passageCount === 0));
      const files = async () => new Set(((await session.references(uri, at)) ?? []).map((l) => l.uri).filter((u) => u.includes('/corpus/')));
      const early = await files();
      await session.indexed(120000);
      const final = await files();
      assert.ok(final.size > 0);
      const missing = [...final].filter((u) => !early.has(u));
      assert.deepEqual(missing, [], 'no file the full index leads to was missing after the names pass');
      assert.deepEqual((await session.connection.sendRequest(DocumentsRequest, {})).filter((d) => d.unread), []);
      const phases = session.statuses.map((s) => s.phase).filter((p, i, all) => p !== all[i - 1]);
      assert.deepEqual(phases.slice(phases.indexOf('names')), ['names', 'understanding', undefined]);
    } finally {
      await session.stop();
    }
  });

  it('ends, on worker threads with the names pass first, with the index this thread alone makes', async () => {
    // What the analyst sees of the whole corpus: every document's title, date and counts, every
    // entity's counts, and a card with references, from an index made each way.
    const seen = async (workers: number) => {
      const session = await LspSession.start(root, { initializationOptions: { indexWorkers: workers }, settings: { references: { maxResults: 1_000_000 } } });
      try {
        const uri = await session.open('notes/note.md', NOTE);
        await session.indexed(120000);
        const at = positionOf(NOTE, 'Security', 1);
        const hover = ((await session.hover(uri, at))?.contents as { value: string }).value;
        const references = ((await session.references(uri, at)) ?? []).map((l) => `${l.uri}:${l.range.start.line}:${l.range.start.character}`).sort();
        const documents = (await session.connection.sendRequest(DocumentsRequest, {})).sort((a, b) => a.uri.localeCompare(b.uri));
        const entities = (await session.connection.sendRequest(EntitiesRequest)).sort((a, b) => a.id.localeCompare(b.id));
        return { hover, references, documents, entities, phases: new Set(session.statuses.map((s) => s.phase).filter(Boolean)) };
      } finally {
        await session.stop();
      }
    };
    const parallel = await seen(2);
    assert.deepEqual([...parallel.phases], ['names', 'understanding'], 'the index on workers ran the names pass');
    const alone = await seen(0);
    assert.deepEqual(alone.phases.size, 0);
    assert.equal(parallel.hover, alone.hover);
    assert.ok(alone.references.length > DOCUMENTS);
    assert.deepEqual(parallel.references, alone.references);
    assert.deepEqual(parallel.documents, alone.documents);
    assert.deepEqual(parallel.entities, alone.entities);
  });

  /** After a first index, the order in which a list asked for and a hover in the note sent just after it are answered. */
  async function answerOrder(list: (session: LspSession) => Promise<string>): Promise<string[]> {
    const session = await LspSession.start(root, { initializationOptions: { indexWorkers: 2 } });
    try {
      const uri = await session.open('notes/note.md', NOTE);
      await session.indexed(120000);
      const order: string[] = [];
      const listed = list(session).then((answer) => order.push(answer));
      const hovered = session.hover(uri, positionOf(NOTE, 'Security', 1)).then((hover) => order.push(hover ? 'hover' : 'no hover'));
      await Promise.all([listed, hovered]);
      return order;
    } finally {
      await session.stop();
    }
  }

  it('answers a hover while it lists the entities, which after an index is made from every document', async () => {
    // As the Entities view asks when the index is done, with a hover in the note just after.
    const order = await answerOrder(async (session) => `entities (${(await session.connection.sendRequest(EntitiesRequest)).length})`);
    assert.equal(order[0], 'hover', `answered in this order: ${order.join(', ')}`);
    assert.match(order[1], /^entities \(\d{2,}\)$/);
  });

  it('answers a hover while it lists the documents, which the Documents view asks for whenever the index changes', async () => {
    // With their passages: a list long enough to take more than one slice on any machine.
    const order = await answerOrder(async (session) => `documents (${(await session.connection.sendRequest(DocumentsRequest, { passages: true })).length})`);
    assert.deepEqual(order, ['hover', `documents (${DOCUMENTS})`]);
  });
});
