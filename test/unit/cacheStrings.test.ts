// The index cache writes each string once: an entry brings the strings it is the first to use and
// refers to the others by number. Read back in order, every snapshot must be what was written,
// and a number that points past the strings read so far must be refused, not read as undefined.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CorpusIndex } from '../../server/src/core/index/corpusIndex';
import { toSnapshot, withoutColumns, type SnapshotWithoutColumns } from '../../server/src/core/index/snapshot';
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

describe('Index cache: each string written once', () => {
  const snapshots = seedSnapshots();

  it('gives back every snapshot as it was, read in the order written, through JSON', () => {
    const numbering = new StringNumbering();
    const lines = snapshots.map((s) => JSON.stringify(numbering.number(s)));
    const table = new StringTable();
    const read = lines.map((line) => {
      const { snapshot, strings } = JSON.parse(line) as { snapshot: NumberedSnapshot; strings: unknown };
      return table.read(snapshot, strings);
    });
    assert.deepEqual(read, snapshots);
  });

  it('writes a string that recurs across documents once', () => {
    const numbering = new StringNumbering();
    const written = snapshots.flatMap((s) => numbering.number(s).strings);
    assert.equal(new Set(written).size, written.length, 'no string is written twice');
    // Entity ids recur in most documents of the seed corpus.
    const ids = snapshots.flatMap((s) => s.ids);
    assert.ok(ids.length > new Set(ids).size);
    const numbered = new StringNumbering();
    const lines = snapshots.map((s) => JSON.stringify(numbered.number(s)));
    assert.ok(lines.join('\n').length < snapshots.map((s) => JSON.stringify(s)).join('\n').length, 'the entries are shorter than with their strings in place');
  });

  it('refuses an entry that refers past the strings read so far, or brings strings that are not strings', () => {
    const numbering = new StringNumbering();
    const [first, second] = snapshots.map((s) => numbering.number(s));
    // The second entry read first: its numbers point past the table.
    assert.throws(() => new StringTable().read(second.snapshot, second.strings), /refers past the strings of the cache/);
    assert.throws(() => new StringTable().read(first.snapshot, [1, 2, 3]), /strings of an entry are malformed/);
    assert.throws(() => new StringTable().read({ ...first.snapshot, title: 1.5 }, first.strings), /refers past the strings/);
  });
});
