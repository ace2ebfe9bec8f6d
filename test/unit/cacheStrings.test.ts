// The index cache writes each string once: an entry brings the strings it is the first to use and
// refers to the others by number. Read back in order, every snapshot must be what was written,
// and a number that points past the strings read so far, or lists that do not fill their column,
// must be refused, not read as undefined.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CorpusIndex } from '../../server/src/core/index/corpusIndex';
import { columnsOf, toSnapshot, withColumns, withoutColumns, type SnapshotWithoutColumns } from '../../server/src/core/index/snapshot';
import { StringNumbering, StringTable, type NumberedSnapshot } from '../../server/src/node/cacheStrings';
import { bundledKnowledge, seed, seedFiles } from './helpers';

/** The seed corpus's documents as the cache keeps them, without their columns of numbers. */
function seedSnapshots(): SnapshotWithoutColumns[] {
  const index = new CorpusIndex(bundledKnowledge());
  for (const name of seedFiles()) {
    const { uri, text } = seed(name);
    index.upsert({ uri, text, fallbackTitle: name, embedded: false });
  }
  return index.documents().map((doc) => withoutColumns(toSnapshot(doc)));
}

/** An entry as the cache writes it: its JSON line, and its list column as bytes. */
function written(numbering: StringNumbering, s: SnapshotWithoutColumns): { uri: string; line: string; lists: Int32Array } {
  const { snapshot, lists, strings } = numbering.number(s);
  return { uri: s.uri, line: JSON.stringify({ snapshot, strings }), lists: new Int32Array(new Uint8Array(lists.buffer).slice().buffer) };
}

/** An entry read back from what `written` gave. */
function readBack(table: StringTable, entry: { uri: string; line: string; lists: Int32Array }): SnapshotWithoutColumns {
  const { snapshot, strings } = JSON.parse(entry.line) as { snapshot: NumberedSnapshot; strings: unknown };
  return table.read(entry.uri, snapshot, strings, entry.lists);
}

describe('Index cache: each string written once, the lists as a column', () => {
  const snapshots = seedSnapshots();

  it('gives back every snapshot as it was, read in the order written, through JSON and bytes', () => {
    const numbering = new StringNumbering();
    const entries = snapshots.map((s) => written(numbering, s));
    const table = new StringTable();
    assert.deepEqual(
      entries.map((entry) => readBack(table, entry)),
      snapshots,
    );
    // The seed corpus has each kind of list, so that each is read back above.
    for (const list of ['dates', 'passages', 'ids', 'surfaces', 'discovered', 'repeats', 'inside'] as const) assert.ok(snapshots.some((s) => s[list].length > 0), `some document has ${list}`);
    assert.ok(snapshots.some((s) => s.discovered.some((info) => info.length === 4)) && snapshots.some((s) => s.discovered.some((info) => info.length === 3)), 'discovered entities with and without what they are');
  });

  it('keeps the optional fields a document may have: its date, a notice about its bytes, its content hash', () => {
    const base = snapshots.find((s) => s.date !== undefined)!;
    const full: SnapshotWithoutColumns = { ...base, notice: 'is not valid UTF-8: 2 unreadable byte sequences were replaced by \ufffd.', contentHash: 'abc=' };
    const { date: _date, ...bare } = base;
    const numbering = new StringNumbering();
    const table = new StringTable();
    assert.deepEqual(readBack(table, written(numbering, full)), full);
    assert.deepEqual(readBack(table, written(numbering, bare)), bare);
    // And through the column file's side: the columns taken back in place of their lengths.
    const doc = toSnapshot(new CorpusIndex(bundledKnowledge()).upsert({ uri: seed(seedFiles()[0]).uri, text: seed(seedFiles()[0]).text, fallbackTitle: 'x', embedded: false }));
    const withNotice = { ...doc, notice: full.notice! };
    const columns = columnsOf(withNotice);
    const again = withColumns(withoutColumns(withNotice), () => columns.shift() as Int32Array);
    assert.deepEqual(again, withNotice);
  });

  it('writes a string that recurs across documents once, and no list in the JSON', () => {
    const numbering = new StringNumbering();
    const written = snapshots.flatMap((s) => numbering.number(s).strings);
    assert.equal(new Set(written).size, written.length, 'no string is written twice');
    // Entity ids recur in most documents of the seed corpus.
    const ids = snapshots.flatMap((s) => s.ids);
    assert.ok(ids.length > new Set(ids).size);
    const numbered = new StringNumbering();
    const lines = snapshots.map((s) => JSON.stringify(numbered.number(s).snapshot));
    assert.ok(lines.join('\n').length * 3 < snapshots.map((s) => JSON.stringify(s)).join('\n').length, 'the entries are a third of their length with their strings and lists in place');
    for (const line of lines) assert.doesNotMatch(line, /"(?:passages|ids|surfaces|discovered|repeats|inside|dates)"/);
  });

  it('refuses an entry that refers past the strings read so far, or brings strings that are not strings', () => {
    const numbering = new StringNumbering();
    const [first, second] = snapshots.map((s) => written(numbering, s));
    // The second entry read first: its numbers point past the table.
    assert.throws(() => readBack(new StringTable(), second), /refers past the strings of the cache/);
    const parsed = JSON.parse(first.line) as { snapshot: NumberedSnapshot; strings: string[] };
    assert.throws(() => new StringTable().read(first.uri, parsed.snapshot, [1, 2, 3], first.lists), /strings of an entry are malformed/);
    assert.throws(() => new StringTable().read(first.uri, { ...parsed.snapshot, title: 1.5 }, parsed.strings, first.lists), /refers past the strings/);
  });

  it('refuses lists that do not fill their column exactly: cut short, run on, or counted past the end', () => {
    const numbering = new StringNumbering();
    const entry = written(numbering, snapshots.find((s) => s.inside.length > 0)!);
    const with_ = (lists: Int32Array) => () => readBack(new StringTable(), { ...entry, lists });
    assert.doesNotThrow(with_(entry.lists));
    assert.throws(with_(entry.lists.subarray(0, entry.lists.length - 1)), /lists of an entry are malformed/);
    assert.throws(with_(Int32Array.from([...entry.lists, 0])), /lists of an entry are malformed/);
    const negative = entry.lists.slice();
    negative[0] = -1;
    assert.throws(with_(negative), /lists of an entry are malformed/);
    const huge = entry.lists.slice();
    huge[0] = 2 ** 30;
    assert.throws(with_(huge), /lists of an entry are malformed/);
    assert.throws(with_(new Int32Array(0)), /lists of an entry are malformed/);
  });

  it('refuses to write a number a 32-bit column would give back as another', () => {
    const s = snapshots.find((snapshot) => snapshot.passages.length > 0)!;
    const [kind, title, start, , parent, date, fingerprint] = s.passages[0];
    const far = { ...s, passages: [[kind, title, start, 2 ** 32 + 5, parent, date, fingerprint] as (typeof s.passages)[number]] };
    assert.throws(() => new StringNumbering().number(far), /cannot/);
  });
});
