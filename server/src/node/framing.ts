// The LSP byte stream on stdin, checked before the JSON-RPC reader sees it. That reader trusts the
// Content-Length header: a header that is missing, not a number, negative or too large leaves it
// waiting, deaf, for the rest of the session, and it says nothing. Here a bad header is reported
// and skipped, and reading resumes at the next header, so one malformed message costs that message
// only. A body that runs over the next header (its Content-Length was too large) is cut there: a
// JSON text cannot hold "Content-Length: 12" followed by a raw line break, so the match is a header.

import { Transform, type TransformCallback } from 'node:stream';

/** The largest message read (a 50 MB note opened in the editor fits, with its JSON escapes). */
export const MAX_MESSAGE_BYTES = 160 * 1024 * 1024;
/** A header block longer than this is not one. */
const MAX_HEADER_BYTES = 8 * 1024;
/** A body that stops arriving for this long is given up. */
const STALL_MS = 5000;

const HEADER_END = Buffer.from('\r\n\r\n', 'latin1');
const HEADER_NAMES = [Buffer.from('Content-Length', 'latin1'), Buffer.from('content-length', 'latin1')];
/** Bytes kept back from a scanned chunk, so a header split between two chunks is still found. */
const OVERLAP = 40;

type State = { mode: 'header' } | { mode: 'body'; length: number; header: Buffer } | { mode: 'skip'; remaining: number };

export class FramedInput extends Transform {
  private chunks: Buffer[] = [];
  private bytes = 0;
  private state: State = { mode: 'header' };
  /** Where in the buffered body the scan for a header goes on from. */
  private scanned = 0;
  private stall: NodeJS.Timeout | undefined;

  constructor(
    private readonly report: (problem: string) => void,
    private readonly maxBytes = MAX_MESSAGE_BYTES,
    private readonly stallMs = STALL_MS,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.chunks.push(chunk);
    this.bytes += chunk.length;
    try {
      this.advance();
    } catch (error) {
      this.report(`Could not read the message stream: ${(error as Error)?.message ?? error}; reading on at the next header.`);
      this.state = { mode: 'header' };
      this.chunks = [];
      this.bytes = 0;
    }
    done();
  }

  override _flush(done: TransformCallback): void {
    clearTimeout(this.stall);
    done();
  }

  private advance(): void {
    for (;;) {
      if (this.state.mode === 'skip') {
        if (!this.skip(this.state)) return;
      } else if (this.state.mode === 'body') {
        if (!this.body(this.state)) return;
      } else if (!this.header()) return;
    }
  }

  /** Reads one header block; false while it is incomplete. */
  private header(): boolean {
    if (!this.bytes) return false;
    const buffer = this.joined();
    const end = buffer.indexOf(HEADER_END);
    if (end < 0) {
      if (buffer.length <= MAX_HEADER_BYTES) return false;
      return this.refuse(`${buffer.length} bytes without a message header`, 0);
    }
    const block = buffer.subarray(0, end).toString('latin1');
    const problem = headerProblem(block, this.maxBytes);
    if (typeof problem === 'string') {
      this.refuse(problem, end + HEADER_END.length);
      return this.bytes > 0;
    }
    this.consume(end + HEADER_END.length);
    if (problem.length > this.maxBytes) {
      this.report(`Skipped a message of ${problem.length} bytes: the server reads messages of up to ${this.maxBytes >= 1048576 ? `${Math.round(this.maxBytes / 1048576)} MB` : `${this.maxBytes} bytes`}.`);
      this.state = { mode: 'skip', remaining: problem.length };
    } else {
      this.state = { mode: 'body', length: problem.length, header: Buffer.from(`${block}\r\n\r\n`, 'latin1') };
      this.scanned = 0;
    }
    return true;
  }

  /** Passes a whole body on; false while it is incomplete. */
  private body(state: { length: number; header: Buffer }): boolean {
    const overrun = this.findHeader(Math.min(this.bytes, state.length));
    if (overrun >= 0) {
      this.report(`A message said Content-Length ${state.length} but the next header came after ${overrun} bytes; the message is dropped.`);
      this.consume(overrun);
      this.state = { mode: 'header' };
      return true;
    }
    if (this.bytes < state.length) {
      this.waitForMore(`A message said Content-Length ${state.length} but only ${this.bytes} bytes came`);
      return false;
    }
    clearTimeout(this.stall);
    const body = this.consume(state.length);
    this.push(Buffer.concat([state.header, body]));
    this.state = { mode: 'header' };
    return true;
  }

  /** Throws away the body of a message too large to read; false while bytes remain. */
  private skip(state: { remaining: number }): boolean {
    const overrun = this.findHeader(Math.min(this.bytes, state.remaining));
    if (overrun >= 0) {
      this.consume(overrun);
      this.state = { mode: 'header' };
      return true;
    }
    const n = Math.min(this.bytes, state.remaining);
    this.consume(n);
    state.remaining -= n;
    if (state.remaining > 0) {
      this.waitForMore('A message too large to read stopped arriving');
      return false;
    }
    clearTimeout(this.stall);
    this.state = { mode: 'header' };
    return true;
  }

  /**
   * The offset in the buffered bytes, below `limit`, of a header inside a body; -1 if none. Each
   * chunk is scanned once (with a few bytes of the one before), so a large body costs linear time.
   */
  private findHeader(limit: number): number {
    let offset = 0;
    let previous: Buffer | undefined;
    for (const chunk of this.chunks) {
      const end = offset + chunk.length;
      if (end > this.scanned && offset < limit) {
        const tail = previous ? previous.subarray(Math.max(0, previous.length - OVERLAP)) : Buffer.alloc(0);
        const start = Math.max(0, this.scanned - offset);
        const window = Buffer.concat([start === 0 ? tail : Buffer.alloc(0), chunk.subarray(start)]);
        const base = offset + start - (start === 0 ? tail.length : 0);
        const at = headerIn(window, limit - base);
        if (at >= 0) return base + at;
      }
      previous = chunk;
      offset = end;
    }
    // A name at the very end may yet be followed by its digits: look at those bytes again next time.
    this.scanned = Math.max(this.scanned, Math.min(limit, offset) - OVERLAP);
    return -1;
  }

  /** Restarts a timer: if no byte comes before it ends, the message is given up and reading goes on. */
  private waitForMore(problem: string): void {
    clearTimeout(this.stall);
    this.stall = setTimeout(() => {
      this.report(`${problem} in ${this.stallMs / 1000} s; the message is dropped.`);
      this.chunks = [];
      this.bytes = 0;
      this.scanned = 0;
      this.state = { mode: 'header' };
    }, this.stallMs);
    this.stall.unref();
  }

  /** Reports a bad header block and reads on from the next header in the buffer. */
  private refuse(problem: string, garbage: number): boolean {
    this.report(`Ignored a malformed message: ${problem}; reading on at the next header.`);
    return this.resync(garbage);
  }

  /** Drops the buffered bytes up to the next header name after the first byte (at least `garbage` bytes if none); true if one was found. */
  private resync(garbage: number): boolean {
    const buffer = this.joined();
    const next = nameAt(buffer, 1);
    // No header yet: keep only a tail that may be the start of one.
    this.consume(next >= 0 ? next : Math.min(buffer.length, Math.max(garbage, buffer.length - OVERLAP)));
    return next >= 0;
  }

  /** The buffered bytes as one buffer (joined once, then kept as a single chunk). */
  private joined(): Buffer {
    if (this.chunks.length > 1) this.chunks = [Buffer.concat(this.chunks, this.bytes)];
    return this.chunks[0] ?? Buffer.alloc(0);
  }

  /** Removes and returns the first n buffered bytes. */
  private consume(n: number): Buffer {
    const buffer = this.joined();
    const taken = buffer.subarray(0, n);
    const rest = buffer.subarray(n);
    this.chunks = rest.length ? [rest] : [];
    this.bytes = rest.length;
    this.scanned = Math.max(0, this.scanned - n);
    return taken;
  }
}

/** The offset of the first "Content-Length" (either spelling) at or after `from`; -1 if none. */
function nameAt(bytes: Buffer, from: number): number {
  let first = -1;
  for (const name of HEADER_NAMES) {
    const at = bytes.indexOf(name, from);
    if (at >= 0 && (first < 0 || at < first)) first = at;
  }
  return first;
}

/** The offset, below `limit`, of "Content-Length: <digits>" and a line break in the bytes; -1 if none. */
function headerIn(bytes: Buffer, limit: number): number {
  const value = HEADER_NAMES[0].length;
  for (let at = nameAt(bytes, 0); at >= 0 && at < limit; at = nameAt(bytes, at + 1)) {
    if (/^[ \t]*:[ \t]*\d+\r\n/.test(bytes.subarray(at + value, at + value + 24).toString('latin1'))) return at;
  }
  return -1;
}

/** What is wrong with a header block, or the length it announces. */
function headerProblem(block: string, maxBytes: number): string | { length: number } {
  let length: number | undefined;
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) return `the header line ${JSON.stringify(line.slice(0, 60))} has no name`;
    if (line.slice(0, colon).trim().toLowerCase() !== 'content-length') continue;
    const value = line.slice(colon + 1).trim();
    if (!/^\d{1,15}$/.test(value)) return `Content-Length ${JSON.stringify(value.slice(0, 40))} is not a byte count`;
    length = Number(value);
  }
  if (length === undefined) return 'the header has no Content-Length';
  return length > maxBytes * 64 ? `Content-Length ${length} is beyond any message` : { length };
}
