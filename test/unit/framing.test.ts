// The stdin framing in front of the JSON-RPC reader: good messages pass through whatever the
// chunking, and every malformed header or wrong Content-Length costs that message only, with a
// report; reading resumes at the next header.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FramedInput } from '../../server/src/node/framing';

const frame = (body: string, length = Buffer.byteLength(body)) => `Content-Length: ${length}\r\n\r\n${body}`;
const message = (id: number) => JSON.stringify({ jsonrpc: '2.0', id, method: 'textDocument/hover', params: { note: `ünïcode ${id}` } });

/** Feeds the chunks one by one and gives the bodies that came out, and the reports. */
async function through(chunks: (string | Buffer)[], options: { maxBytes?: number; stallMs?: number; waitMs?: number } = {}): Promise<{ bodies: string[]; reports: string[] }> {
  const reports: string[] = [];
  const framed = new FramedInput((r) => reports.push(r), options.maxBytes, options.stallMs);
  const out: Buffer[] = [];
  framed.on('data', (b: Buffer) => out.push(b));
  for (const chunk of chunks) {
    framed.write(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    if (options.waitMs) await new Promise((r) => setTimeout(r, options.waitMs));
  }
  await new Promise((r) => setImmediate(r));
  framed.end();
  return { bodies: bodiesOf(Buffer.concat(out)), reports };
}

/** The bodies of a well-framed stream; fails if the stream is not one. */
function bodiesOf(stream: Buffer): string[] {
  const bodies: string[] = [];
  let at = 0;
  while (at < stream.length) {
    const end = stream.indexOf('\r\n\r\n', at);
    assert.ok(end > 0, 'every message has a header');
    const length = Number(/Content-Length: (\d+)/i.exec(stream.subarray(at, end).toString())![1]);
    bodies.push(stream.subarray(end + 4, end + 4 + length).toString());
    at = end + 4 + length;
  }
  return bodies;
}

describe('the stdin framing', () => {
  it('passes well-formed messages through unchanged, however the bytes are split', async () => {
    const stream = Buffer.from([1, 2, 3].map((id) => frame(message(id))).join(''));
    for (const size of [1, 2, 7, 64, stream.length]) {
      const chunks: Buffer[] = [];
      for (let i = 0; i < stream.length; i += size) chunks.push(stream.subarray(i, i + size));
      const { bodies, reports } = await through(chunks);
      assert.deepEqual(bodies, [message(1), message(2), message(3)], `chunks of ${size} bytes`);
      assert.deepEqual(reports, []);
    }
  });

  it('skips a header without a Content-Length, or with one that is not a byte count, and reads the next message', async () => {
    const bad = ['Content-Type: application/json\r\n\r\n{}', 'Content-Length: abc\r\n\r\n{}', 'Content-Length: -5\r\n\r\n{}', 'Content-Length: 1e3\r\n\r\n{}', 'garbage line\r\n\r\n{}', `Content-Length: ${'9'.repeat(30)}\r\n\r\n{}`];
    for (const header of bad) {
      const { bodies, reports } = await through([header + frame(message(7))]);
      assert.deepEqual(bodies, [message(7)], header);
      assert.equal(reports.length, 1, header);
      assert.match(reports[0], /^Ignored a malformed message: .*; reading on at the next header\.$/);
    }
  });

  it('drops a message whose Content-Length runs past the next header, and keeps that next message', async () => {
    const { bodies, reports } = await through([frame('{"jsonrpc":"2.0","id":1,"method":"x"}', 5000) + frame(message(2)) + frame(message(3))]);
    assert.deepEqual(bodies, [message(2), message(3)]);
    assert.deepEqual(reports, ['A message said Content-Length 5000 but the next header came after 37 bytes; the message is dropped.']);
  });

  it('passes on a body cut short by a small Content-Length (the reader answers it as a parse error), then reads on', async () => {
    const { bodies, reports } = await through([frame(message(1), 10) + frame(message(2))]);
    assert.deepEqual(bodies, [message(1).slice(0, 10), message(2)]);
    assert.equal(reports.length, 1);
    assert.match(reports[0], /^Ignored a malformed message: the header line .* has no name/);
  });

  it('gives up a body that stops arriving, so the next message is heard', async () => {
    const { bodies, reports } = await through([frame('{"id":1}', 100), frame(message(2))], { stallMs: 30, waitMs: 80 });
    assert.deepEqual(bodies, [message(2)]);
    assert.deepEqual(reports, ['A message said Content-Length 100 but only 8 bytes came in 0.03 s; the message is dropped.']);
  });

  it('skips a message over the size it reads without keeping it, and reads the next', async () => {
    const big = `{"text":"${'x'.repeat(5000)}"}`;
    const stream = Buffer.from(frame(big) + frame(message(4)));
    const chunks: Buffer[] = [];
    for (let i = 0; i < stream.length; i += 333) chunks.push(stream.subarray(i, i + 333));
    const { bodies, reports } = await through(chunks, { maxBytes: 1024 });
    assert.deepEqual(bodies, [message(4)]);
    assert.deepEqual(reports, ['Skipped a message of 5011 bytes: the server reads messages of up to 1024 bytes.']);
  });

  it('passes a 50 MB message that arrives in 64 KB chunks', async () => {
    const body = JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { text: 'Content-Length: 5 is quoted here.\\r\\n '.repeat(1_400_000) } });
    const stream = Buffer.from(frame(body) + frame(message(5)));
    const chunks: Buffer[] = [];
    for (let i = 0; i < stream.length; i += 65536) chunks.push(stream.subarray(i, i + 65536));
    const { bodies, reports } = await through(chunks);
    assert.equal(bodies.length, 2);
    assert.equal(bodies[0].length, body.length);
    assert.equal(bodies[1], message(5));
    assert.deepEqual(reports, []);
  });
});
