// Offsets to line/column and back without the text: short texts keep their line starts in two
// bytes each, longer ones in four; both must answer as the text itself would.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineTable } from '../../server/src/core/text/lines';

/** A text of exactly `length` characters, its lines ended by \n, \r\n and lone \r in turn. */
function textOf(length: number): string {
  const breaks = ['\n', '\r\n', '\r'];
  let text = '';
  for (let k = 0; text.length < length; k++) text += `line ${k} of the page`.padEnd(20 + (k % 37), '.') + breaks[k % 3];
  return text.slice(0, length);
}

/** Line and column of an offset, counted on the text itself. */
function naive(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      line++;
      start = i + 1;
    }
  }
  return { line, character: offset - start };
}

describe('LineTable: positions without the text', () => {
  for (const length of [65_535, 65_536, 70_001]) {
    it(`answers as the text does for every line of a text of ${length.toLocaleString('en')} characters, and after a round trip through its stored starts`, () => {
      const text = textOf(length);
      const table = LineTable.of(text);
      // Stored as the cache keeps them: each start as the gap from the one before.
      const stored = LineTable.fromGaps(Array.from(table.lineStarts, (start, k) => start - (k ? table.lineStarts[k - 1] : 0)), text.length);
      const offsets = [0, 1, length - 2, length - 1, length, 65_534, 65_535, 65_536];
      for (let k = 0; k < table.lineCount; k++) offsets.push(table.lineStarts[k], table.lineStarts[k] + 5);
      const valid = offsets.filter((o) => o >= 0 && o <= length).sort((a, b) => a - b);
      // The naive count, once along the text.
      for (const offset of valid.filter((_, i) => i % 50 === 0 || i > valid.length - 10)) {
        const expected = naive(text, offset);
        assert.deepEqual(table.positionAt(offset), expected, `offset ${offset}`);
        assert.deepEqual(stored.positionAt(offset), expected, `offset ${offset}, stored`);
        assert.equal(table.offsetAt(expected), offset, `back from ${expected.line}:${expected.character}`);
      }
      assert.equal(table.lineStarts[table.lineCount - 1] <= length, true);
      assert.equal(stored.lineCount, table.lineCount);
    });
  }
});
