// The patterns Corpus Lens writes into workbench.editor.customLabels.patterns, merged with the
// setting as it is right before the write: the analyst's patterns are never written over.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mergeTitles, readOwn } from '../../client/src/tabTitleMerge';

const A = '**/corpus/a.txt';
const B = '**/corpus/b.txt';

describe('tab titles in the workspace settings', () => {
  it('writes a pattern per open corpus document and remembers what it wrote', () => {
    const merge = mergeTitles({}, [], new Map([[A, '2022-05-30 · A']]), 100);
    assert.deepEqual(merge, { patterns: { [A]: '2022-05-30 · A' }, own: [[A, '2022-05-30 · A']], changed: true });
  });

  it('keeps a pattern the analyst added while the labels were asked for', () => {
    // Read before the server answered: {}. Read again before the write: the analyst's own pattern.
    const merge = mergeTitles({ '**/notes/*.md': 'my notes' }, [], new Map([[A, '2022-05-30 · A']]), 100);
    assert.deepEqual(merge.patterns, { '**/notes/*.md': 'my notes', [A]: '2022-05-30 · A' });
  });

  it('never writes over a pattern of the analyst\'s, nor over one it wrote that the analyst changed since', () => {
    const current = { [A]: 'the analyst wrote this', [B]: 'my label for B' };
    const own: [string, string][] = [[B, '2021-02-08 · B']];
    const merge = mergeTitles(current, own, new Map([[A, '2022-05-30 · A'], [B, '2021-02-08 · B']]), 100);
    assert.deepEqual(merge.patterns, current);
    assert.equal(merge.changed, false);
    assert.deepEqual(merge.own, [], 'B is the analyst\'s now');
  });

  it('takes out only its own unchanged patterns when turned off', () => {
    const current = { [A]: '2022-05-30 · A', [B]: 'changed by hand', x: 'y' };
    const merge = mergeTitles(current, [[A, '2022-05-30 · A'], [B, '2021-02-08 · B']], new Map(), 0);
    assert.deepEqual(merge.patterns, { [B]: 'changed by hand', x: 'y' });
    assert.deepEqual(merge.own, []);
  });

  it('keeps its patterns while on, with no corpus document open', () => {
    const merge = mergeTitles({ [A]: 'a' }, [[A, 'a']], new Map(), 100);
    assert.deepEqual([merge.patterns, merge.changed], [{ [A]: 'a' }, false]);
  });

  it('keeps at most the newest hundred of its own, dropping the oldest', () => {
    const own: [string, string][] = Array.from({ length: 100 }, (_, i) => [`**/corpus/${i}.txt`, `label ${i}`]);
    const current = Object.fromEntries(own);
    const merge = mergeTitles(current, own, new Map([[A, 'new']]), 100);
    assert.equal(merge.own.length, 100);
    assert.equal('**/corpus/0.txt' in merge.patterns!, false);
    assert.equal(merge.patterns![A], 'new');
  });

  it('reads what an older version remembered (the keys alone) as the labels the setting holds', () => {
    assert.deepEqual(readOwn([A, 'gone'], { [A]: 'label' }), [[A, 'label']]);
    assert.deepEqual(readOwn([[A, 'label'], 5], {}), [[A, 'label']]);
    assert.deepEqual(readOwn(undefined, {}), []);
  });
});
