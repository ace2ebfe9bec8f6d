// Line tables and lines: offsets to zero-based line/column (UTF-16, as LSP counts) and back.

import type { ColumnSlabs } from './columnSlabs';

export interface LineCol {
  line: number;
  character: number;
}

/**
 * Maps character offsets to zero-based line/column (UTF-16, as LSP counts) and back. It keeps only
 * the line starts, so a document's text need not stay in memory.
 */
export class LineTable {
  private constructor(
    private readonly starts: Int32Array | Uint16Array,
    private readonly length: number,
  ) {}

  /**
   * A zeroed column for `count` starts of a text of `length`: two bytes each when the text is short
   * enough (a news page is), else four; carved from `slabs` for a document the index keeps.
   */
  private static column(count: number, length: number, slabs?: ColumnSlabs): Int32Array | Uint16Array {
    if (length <= 0xffff) return slabs?.uint16(count) ?? new Uint16Array(count);
    return slabs?.int32(count) ?? new Int32Array(count);
  }

  static of(text: string): LineTable {
    const starts = [0];
    for (let i = text.indexOf('\n'), r = text.indexOf('\r'); i >= 0 || r >= 0; ) {
      // The next line break: \n, \r\n or a lone \r.
      if (r >= 0 && (i < 0 || r < i)) {
        const next = text.charCodeAt(r + 1) === 10 ? r + 2 : r + 1;
        starts.push(next);
        if (next === r + 2) i = text.indexOf('\n', next);
        r = text.indexOf('\r', next);
      } else {
        starts.push(i + 1);
        i = text.indexOf('\n', i + 1);
      }
    }
    const column = LineTable.column(starts.length, text.length);
    column.set(starts);
    return new LineTable(column, text.length);
  }

  /**
   * The table of a stored document, from the gaps between its line starts; `slabs` for a document
   * the index keeps (see ColumnSlabs). Throws when a line would start outside the text.
   */
  static fromGaps(gaps: ArrayLike<number>, length: number, slabs?: ColumnSlabs): LineTable {
    const count = gaps.length;
    const starts = LineTable.column(count, length, slabs);
    let line = 0;
    for (let i = 0; i < count; i++) {
      const gap = gaps[i];
      line += gap;
      if (!(gap >= 0) || line > length) throw new Error('a line starts outside the text');
      starts[i] = line;
    }
    return new LineTable(starts, length);
  }

  /** The offsets where lines start (for storing the table). */
  get lineStarts(): ArrayLike<number> {
    return this.starts;
  }

  get textLength(): number {
    return this.length;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): LineCol {
    const clamped = Math.max(0, Math.min(offset, this.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.starts[low] };
  }

  offsetAt(position: LineCol): number {
    if (position.line >= this.starts.length) return this.length;
    if (position.line < 0) return 0;
    const start = this.starts[position.line];
    const nextStart = position.line + 1 < this.starts.length ? this.starts[position.line + 1] : this.length;
    return Math.min(start + Math.max(0, position.character), nextStart);
  }
}

export interface Line {
  /** Offset of the first character of the line. */
  start: number;
  /** Offset just past the last character, line break excluded. */
  end: number;
  text: string;
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  // Line breaks by char code: "\r\n", "\r" or "\n".
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    lines.push({ start, end: i, text: text.slice(start, i) });
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    start = i + 1;
  }
  lines.push({ start, end: text.length, text: text.slice(start) });
  return lines;
}

