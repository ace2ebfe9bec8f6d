// Scale correctness: on a generated corpus, the index restored from the persistent cache answers
// exactly as a fresh one; an edit made while the server was down is served after a restart; and a
// corrupt or half-written cache means a fresh index, not a failure.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DocumentsRequest, EntitiesRequest, MentionsRequest, type IndexStatus } from '../../server/src/shared/protocol';
import { generateCorpus } from '../bench/generate';
import { LspSession, makeWorkspace, positionOf, removeWorkspace, SEED_CORPUS } from './lspSession';

const DOCUMENTS = 60;
const NOTE = 'The Collective Security Council and the Council of Defence Ministers; Interaction-2021 and operation Channel.';

/** Everything a user could see of the index, as plain data to compare. */
async function observe(session: LspSession) {
  const uri = await session.open('notes/note.md', NOTE);
  const documents = await session.connection.sendRequest(DocumentsRequest, { passages: true });
  const entities = (await session.connection.sendRequest(EntitiesRequest)).map((e) => [e.id, e.mentionCount, e.documentCount, e.editions.join(','), e.definition?.uri, e.definition?.range.start.line]);
  const hovers = [];
  for (const needle of ['Collective Security Council', 'Council of Defence Ministers', 'Interaction-2021', 'Channel']) {
    const position = positionOf(NOTE, needle, 2);
    hovers.push([(await session.hover(uri, position))?.contents, await session.definition(uri, position), (await session.references(uri, position))?.length]);
  }
  const mentions = await session.connection.sendRequest(MentionsRequest, { entityId: 'interaction', limit: 50 });
  return { documents, entities, hovers, mentions };
}

async function start(root: string, cache: string, indexWorkers?: number): Promise<{ session: LspSession; status: IndexStatus }> {
  const session = await LspSession.start(root, { initializationOptions: { cacheDirectory: cache, ...(indexWorkers !== undefined ? { indexWorkers } : {}) } });
  const status = await session.indexed(120000);
  return { session, status };
}

async function saved(session: LspSession): Promise<void> {
  const deadline = Date.now() + 60000;
  while (!session.logs.some((l) => l.startsWith('Saved the index of'))) {
    if (Date.now() > deadline) throw new Error(`the index cache was not saved: ${session.logs.join('\n')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the persistent index cache', { timeout: 300000 }, () => {
  let root: string;
  let cache: string;
  let fresh: Awaited<ReturnType<typeof observe>>;

  before(async () => {
    root = makeWorkspace({}, { seed: false });
    cache = join(root, '.cache');
    generateCorpus(SEED_CORPUS, join(root, 'corpus'), DOCUMENTS, 4000, 7);
    const { session, status } = await start(root, cache, 0);
    assert.equal(status.fromCache, 0);
    assert.equal(status.documents, DOCUMENTS);
    await saved(session);
    fresh = await observe(session);
    await session.stop();
  });

  after(() => removeWorkspace(root));

  /** A server on `cacheDirectory` restores every document and answers as `expected`. */
  async function restoresAll(cacheDirectory: string, expected: typeof fresh): Promise<void> {
    const { session, status } = await start(root, cacheDirectory);
    try {
      assert.equal(status.fromCache, DOCUMENTS);
      assert.deepEqual(await observe(session), expected);
    } finally {
      await session.stop();
    }
  }

  /** A server over the cache as it is now indexes the corpus afresh, logs a line that `says` why, and saves a new cache. */
  async function indexesAfresh(says: (line: string) => boolean): Promise<void> {
    const { session, status } = await start(root, cache);
    try {
      assert.ok(session.alive);
      assert.equal(status.fromCache, 0);
      assert.equal(status.documents, DOCUMENTS);
      assert.ok(session.logs.some(says), session.logs.join('\n'));
      await saved(session);
    } finally {
      await session.stop();
    }
  }

  it('analyses in worker threads exactly as on the main thread', async () => {
    const { session, status } = await start(root, join(root, '.cache-workers'), 2);
    try {
      assert.ok(session.logs.some((l) => /read by 2 worker threads/.test(l)), session.logs.join('\n'));
      assert.equal(status.documents, DOCUMENTS);
      assert.deepEqual(await observe(session), fresh);
    } finally {
      await session.stop();
    }
  });

  it('restores every unchanged document and answers exactly as the fresh index did', async () => {
    await restoresAll(cache, fresh);
  });

  it('serves a document edited while the server was down, and keeps the rest from the cache', async () => {
    const edited = join(root, 'corpus', '00003.txt');
    appendFileSync(edited, '\n\nIn 2031 the special exercise “Granite-2031” of the Collective Rapid Reaction Force took place.\n');
    const { session, status } = await start(root, cache);
    try {
      assert.equal(status.fromCache, DOCUMENTS - 1);
      const granite = await session.connection.sendRequest(MentionsRequest, { entityId: 'discovered-exercise-granite' });
      assert.ok(granite.items.some((m) => m.uri.endsWith('00003.txt') && m.edition === 2031), JSON.stringify(granite));
      const documents = await session.connection.sendRequest(DocumentsRequest, { passages: true });
      const doc = documents.find((d) => d.uri.endsWith('00003.txt'))!;
      assert.equal(doc.mentionCount, fresh.documents.find((d) => d.uri.endsWith('00003.txt'))!.mentionCount + 2);
      await saved(session);
    } finally {
      await session.stop();
    }
  });

  it('removes the temporary files of a server stopped mid-save, and leaves those of a running one', async () => {
    const names = readdirSync(cache).filter((f) => /^(index|notes)-.*\.(jsonl|columns)$/.test(f));
    assert.ok(names.some((f) => f.endsWith('.columns')), names.join(', '));
    // A pid that ran and ended, and this test's own (running).
    const ended = spawnSync(process.execPath, ['-e', '0']).pid!;
    for (const name of names) {
      writeFileSync(join(cache, `${name}.${ended}.tmp`), 'half a save');
      writeFileSync(join(cache, `${name}.${process.pid}.tmp`), 'a save under way');
    }
    const other = join(cache, `unrelated.${ended}.tmp`);
    writeFileSync(other, 'not ours');
    appendFileSync(join(root, 'corpus', '00005.txt'), '\n\nThe Collective Security Council met again.\n');
    const { session } = await start(root, cache);
    try {
      await saved(session);
    } finally {
      await session.stop();
    }
    const left = readdirSync(cache).filter((f) => f.endsWith('.tmp'));
    assert.deepEqual(left.filter((f) => f.includes(`.${ended}.`)).sort(), [`unrelated.${ended}.tmp`]);
    assert.equal(left.filter((f) => f.includes(`.${process.pid}.`)).length, names.length);
    for (const name of names) rmSync(join(cache, `${name}.${process.pid}.tmp`));
    rmSync(other);
  });

  it('reads again a file rewritten with the same size and its old modification time set back', async () => {
    const name = readdirSync(join(root, 'corpus')).find((f) => f !== '00003.txt' && readFileSync(join(root, 'corpus', f), 'utf8').includes('Council'))!;
    const path = join(root, 'corpus', name);
    // A time in whole seconds, which utimes sets back exactly; the cache learns it first.
    utimesSync(path, 1_800_000_000, 1_800_000_000);
    const first = await start(root, cache);
    await saved(first.session);
    await first.session.stop();
    const before = statSync(path);
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, text.replaceAll('Council', 'Counsel'));
    utimesSync(path, 1_800_000_000, 1_800_000_000);
    assert.deepEqual([statSync(path).size, statSync(path).mtimeMs], [before.size, before.mtimeMs]);
    const { session, status } = await start(root, cache);
    try {
      assert.equal(status.fromCache, DOCUMENTS - 1);
      const documents = await session.connection.sendRequest(DocumentsRequest, { passages: false });
      const now = documents.find((d) => d.uri.endsWith(name))!.mentionCount;
      assert.ok(now < fresh.documents.find((d) => d.uri.endsWith(name))!.mentionCount, 'the Counsel text is what is indexed');
      await saved(session);
    } finally {
      await session.stop();
    }
  });

  it('gives the notes on disk at the next start the mentions it found before, and matches a changed one again', async () => {
    const notesCache = join(root, '.cache-notes');
    const week = join(root, 'notes', 'week.md');
    const month = join(root, 'notes', 'month.md');
    mkdirSync(join(root, 'notes'), { recursive: true });
    writeFileSync(week, 'The Collective Security Council met; Interaction-2021 was planned.\n');
    writeFileSync(month, 'Operation Channel, and the Council of Defence Ministers.\n');
    const notesSaved = async (session: LspSession) => {
      const deadline = Date.now() + 60000;
      while (!session.logs.some((l) => /^Saved the mentions of 2 notes/.test(l))) {
        if (Date.now() > deadline) throw new Error(`the notes were not saved: ${session.logs.join('\n')}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    try {
      const first = await start(root, notesCache);
      await notesSaved(first.session);
      const before = await observe(first.session);
      await first.session.stop();
      writeFileSync(month, 'Operation Channel alone.\n');
      const second = await start(root, notesCache);
      try {
        assert.ok(second.session.logs.some((l) => /2 notes \(1 matched as the cache kept them\)/.test(l)), second.session.logs.join('\n'));
        const after = await observe(second.session);
        // The week's note answers as before; the month's no longer names the Council of Defence Ministers.
        assert.deepEqual(after.hovers[0], before.hovers[0]);
        assert.deepEqual(after.hovers[2], before.hovers[2]);
        assert.equal(after.hovers[1][2], (before.hovers[1][2] as number) - 1);
      } finally {
        await second.session.stop();
      }
    } finally {
      rmSync(join(root, 'notes'), { recursive: true, force: true });
    }
  });

  it('keeps one whole cache when two servers index and save into the same directory at once', async () => {
    const shared = join(root, '.cache-shared');
    let expected: Awaited<ReturnType<typeof observe>> | undefined;
    for (let round = 0; round < 3; round++) {
      // A file changed since the last round: both servers read it and save at once.
      if (round > 0) appendFileSync(join(root, 'corpus', '00007.txt'), `\n\nRound ${round}: the Council of Foreign Ministers met.\n`);
      const pair = await Promise.all([start(root, shared), start(root, shared)]);
      try {
        // A server that found every file in the cache has nothing to save: on a loaded machine the
        // second may start after the first saved. Every server that read a file saves.
        await Promise.all(pair.map(({ session, status }) => (status.fromCache < DOCUMENTS ? saved(session) : undefined)));
        assert.ok(pair.some(({ status }) => status.fromCache < DOCUMENTS), 'the changed file (every file, at first) is read by one server at least');
        expected = await observe(pair[0].session);
      } finally {
        await Promise.all(pair.map(({ session }) => session.stop()));
      }
    }
    assert.deepEqual(readdirSync(shared).filter((f) => !/\.(jsonl|columns)$/.test(f)), [], 'no temporary file is left behind');
    await restoresAll(shared, expected!);
  });

  it('says the cache was not written when its directory is a file, and never that it was saved', async () => {
    const notADirectory = join(cache, 'a-file-not-a-folder');
    writeFileSync(notADirectory, 'not a folder');
    const { session, status } = await start(root, notADirectory);
    try {
      assert.equal(status.documents, DOCUMENTS);
      const deadline = Date.now() + 60000;
      while (!session.logs.some((l) => l.startsWith('Could not write the index cache'))) {
        if (Date.now() > deadline) throw new Error(session.logs.join('\n'));
        await new Promise((r) => setTimeout(r, 50));
      }
      assert.ok(!session.logs.some((l) => l.startsWith('Saved the index of')), session.logs.join('\n'));
    } finally {
      await session.stop();
      rmSync(notADirectory);
    }
  });

  it('indexes afresh, without failing, over a corrupt cache and over a half-written one', async () => {
    const file = join(cache, readdirSync(cache).find((f) => f.startsWith('index-') && f.endsWith('.jsonl'))!);
    const good = readFileSync(file, 'utf8');
    for (const damaged of ['{ this is not json', good.slice(0, Math.floor(good.length / 2))]) {
      writeFileSync(file, damaged);
      await indexesAfresh((l) => /index cache .* (cannot be read|is incomplete)/.test(l));
    }
    rmSync(file);
  });

  it('indexes afresh when the file of the columns is missing, cut short or from another save, saying why', async () => {
    const first = await start(root, cache);
    await saved(first.session);
    await first.session.stop();
    const columns = () => join(cache, readdirSync(cache).find((f) => f.endsWith('.columns'))!);
    const damages: [string, () => void, RegExp][] = [
      ['missing', () => rmSync(columns()), /its column file is missing/],
      ['cut short by one number', () => truncateSync(columns(), statSync(columns()).size - 4), /a column runs past the column file/],
      ['cut mid-number', () => truncateSync(columns(), statSync(columns()).size - 2), /its column file is incomplete/],
      // The id after the 8-byte mark changed, as when the JSON file and the columns come from two saves.
      ['from another save', () => {
        const bytes = readFileSync(columns());
        bytes[10] ^= 0xff;
        writeFileSync(columns(), bytes);
      }, /its column file is from another save/],
    ];
    for (const [what, damage, why] of damages) {
      damage();
      await indexesAfresh((l) => why.test(l)).catch((error: Error) => assert.fail(`${what}: ${error.message}`));
    }
    // As the tests before left it: no cache, so that the next one's first server saves one.
    rmSync(join(cache, readdirSync(cache).find((f) => f.startsWith('index-') && f.endsWith('.jsonl'))!));
  });

  it('indexes afresh over a cache of 5 GB and over one whose second line never ends, saying why', async () => {
    const first = await start(root, cache);
    await saved(first.session);
    await first.session.stop();
    const file = join(cache, readdirSync(cache).find((f) => f.startsWith('index-') && f.endsWith('.jsonl'))!);
    // Sparse files: the first reads as NULs to 5 GB, the second is 300 MB of NULs after a valid
    // header (that of the save before, whose column file is in place).
    for (const [bytes, why] of [
      [5 * 2 ** 30, /over the 4 GB a cache may take/],
      [300 * 2 ** 20, /a line is longer than 256 MB/],
    ] as const) {
      const header = readFileSync(file, 'utf8').split('\n')[0];
      writeFileSync(file, `${header}\n`);
      truncateSync(file, bytes);
      await indexesAfresh((l) => /index cache .* cannot be read/.test(l) && why.test(l));
    }
    rmSync(file);
  });
});
