// Background work goes on only after a request that came in meanwhile is answered: vscode-jsonrpc
// decodes, queues and answers a request on three immediates of its own.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { afterRequests } from '../../server/src/eventLoop';

/** A request as vscode-jsonrpc handles it: decoded, handled and answered on three immediates. */
function request(order: string[]): void {
  setImmediate(() => {
    order.push('decoded');
    setImmediate(() => {
      order.push('handled');
      setImmediate(() => order.push('answered'));
    });
  });
}

describe('background work between requests', () => {
  it('goes on after a request read once it began waiting has been answered', async () => {
    const order: string[] = [];
    await new Promise<void>((done) => {
      afterRequests(() => {
        order.push('next slice');
        done();
      });
      request(order);
    });
    assert.deepEqual(order, ['decoded', 'handled', 'answered', 'next slice']);
  });

  it('does not go on once called off', async () => {
    let ran = false;
    const cancel = afterRequests(() => (ran = true));
    setImmediate(cancel);
    await new Promise((done) => setTimeout(done, 20));
    assert.equal(ran, false);
  });
});
