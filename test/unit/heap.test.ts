// The server sets V8's heap growing factor for itself unless whoever started it chose one.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HEAP_GROWING_PERCENT, keepHeapCompact } from '../../server/src/node/heap';

describe('The server keeps its heap compact', () => {
  it('sets the growing factor when neither the command line nor NODE_OPTIONS sets one', () => {
    assert.equal(keepHeapCompact(['--expose-gc'], '--enable-source-maps'), `--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  });

  it('leaves a factor given on the command line or in NODE_OPTIONS as it is', () => {
    assert.equal(keepHeapCompact(['--heap-growing-percent=80'], ''), undefined);
    assert.equal(keepHeapCompact([], '--max-old-space-size=4096 --heap_growing_percent=30'), undefined);
  });
});
