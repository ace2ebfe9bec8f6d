// Texts the index does not keep are read again when asked for. A card or a quotation reads the
// same document twice in a row, so the last few are remembered; the sentence index reads every
// document once, and what it reads must not be remembered (10,000 texts each kept a while grew the
// old heap by 170 MB on the bench).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CorpusIndex } from '../../server/src/core/index/corpusIndex';
import { bundledKnowledge } from './helpers';

describe('Texts read again from disk', () => {
  const texts = new Map([
    ['file:///c/a.txt', 'The Collective Security Council met in Moscow.\n'],
    ['file:///c/b.txt', 'Operation Channel ran in the autumn.\n'],
  ]);
  const reads: string[] = [];
  const index = new CorpusIndex(bundledKnowledge(), {
    retainText: false,
    loadText: (uri) => {
      reads.push(uri);
      return texts.get(uri);
    },
  });
  for (const [uri, text] of texts) index.upsert({ uri, text, fallbackTitle: uri, embedded: false });

  it('remembers a text read for a card, so that the next read of it does not go to disk', () => {
    reads.length = 0;
    const doc = index.get('file:///c/a.txt')!;
    assert.equal(index.tryTextOf(doc), texts.get(doc.uri));
    assert.equal(index.tryTextOf(doc), texts.get(doc.uri));
    assert.deepEqual(reads, [doc.uri]);
  });

  it('reads a text for one pass through the corpus without remembering it', () => {
    reads.length = 0;
    const doc = index.get('file:///c/b.txt')!;
    assert.equal(index.passingTextOf(doc), texts.get(doc.uri));
    assert.equal(index.passingTextOf(doc), texts.get(doc.uri));
    assert.deepEqual(reads, [doc.uri, doc.uri]);
    // What a card read before is still used.
    assert.equal(index.passingTextOf(index.get('file:///c/a.txt')!), texts.get('file:///c/a.txt'));
    assert.equal(reads.length, 2);
  });
});
