// The index cache's column file, written by ColumnWriter and read back by ColumnStream a window
// at a time: columns that straddle two windows, or are longer than a window, must come back
// whole, and a file that holds fewer numbers than the lengths ask for is refused, not read past.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, truncateSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ColumnStream, ColumnWriter } from '../../server/src/node/columnFile';

const ID = '0123456789abcdef0123456789abcdef';
const dir = mkdtempSync(join(tmpdir(), 'corpus-lens-columns-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Columns of lengths 0 to 40, each counting up from its own start, so that any shift shows. */
function columnsOfLengths(lengths: number[]): Int32Array[] {
  let next = 1;
  return lengths.map((length) => Int32Array.from({ length }, () => next++));
}

async function write(name: string, columns: Int32Array[], chunkBytes = 64): Promise<string> {
  const path = join(dir, name);
  const handle = await open(path, 'w');
  const writer = await ColumnWriter.open(handle, ID, chunkBytes);
  for (const column of columns) await writer.add(column);
  await writer.flush();
  await handle.close();
  return path;
}

/** Reads the columns back, an entry (a few columns) at a time, as the index cache does. */
async function readBack(path: string, lengths: number[], perEntry: number, windowBytes: number): Promise<Int32Array[]> {
  const stream = await ColumnStream.open(path, ID, 1 << 30, windowBytes);
  const read: Int32Array[] = [];
  try {
    for (let i = 0; i < lengths.length; i += perEntry) {
      const entry = lengths.slice(i, i + perEntry);
      await stream.ready(entry.reduce((a, b) => a + b, 0));
      for (const length of entry) read.push(stream.take(length).slice());
    }
    assert.ok(stream.done, 'every number was taken');
  } finally {
    await stream.close();
  }
  return read;
}

describe('Column file: read a window at a time', () => {
  const lengths = Array.from({ length: 60 }, (_, k) => (k * 7) % 41);

  it('gives back every column whole, whether it fits in a window, straddles two or is longer than one', async () => {
    const columns = columnsOfLengths(lengths);
    const path = await write('whole.columns', columns);
    // Windows of 3, 16 and 1,000 numbers: smaller than most columns, about one entry, the whole file.
    for (const windowBytes of [12, 64, 4000]) {
      for (const perEntry of [1, 3]) {
        const read = await readBack(path, lengths, perEntry, windowBytes);
        assert.deepEqual(read, columns, `window of ${windowBytes} bytes, ${perEntry} column(s) an entry`);
      }
    }
  });

  it('refuses lengths that run past the file, and a file cut short, saying so', async () => {
    const path = await write('short.columns', columnsOfLengths([5, 6]));
    const stream = await ColumnStream.open(path, ID, 1 << 30, 8);
    try {
      await stream.ready(5);
      assert.equal(stream.take(5).length, 5);
      await assert.rejects(stream.ready(7), /a column runs past the column file/);
      assert.throws(() => stream.take(7), /a column runs past the column file/);
      await stream.ready(6);
      assert.equal(stream.take(6)[5], 11);
      assert.ok(stream.done);
    } finally {
      await stream.close();
    }
    truncateSync(path, statSync(path).size - 2);
    await assert.rejects(ColumnStream.open(path, ID, 1 << 30), /its column file is incomplete/);
    await assert.rejects(ColumnStream.open(await write('other.columns', columnsOfLengths([3])), 'ffffffffffffffffffffffffffffffff', 1 << 30), /from another save/);
  });
});
