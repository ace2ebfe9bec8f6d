// "In your notes: N mentions in M notes" on a card comes from counts the note index keeps as notes
// are set, changed and removed, and as the corpus changes under them: they must always be what
// counting every note's mentions gives.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { CorpusIndex } from '../../server/src/core/index/corpusIndex';
import { NoteIndex } from '../../server/src/core/index/noteIndex';
import { countsFor } from '../../server/src/core/model';
import { bundledKnowledge, seedFiles, seedText } from './helpers';

const ENTITIES = ['collective-security-council', 'cis', 'csto', 'kazakhstan', 'indestructible-brotherhood'];
const SENTENCES = [
  'The Collective Security Council met in Moscow.',
  'The CSC and the CSTO agreed; the Collective Security Council will meet again.',
  'Kazakhstan hosted Indestructible Brotherhood-2022.',
  'The CIS is not the CSTO.',
  'Nothing of note happened.',
];

/** What the counts must be: every note's mentions counted, one by one. */
function recount(notes: NoteIndex, uris: Iterable<string>, entityId: string): { mentions: number; notes: number } {
  let mentions = 0;
  let holding = 0;
  for (const uri of uris) {
    const found = notes.get(uri)!.mentions.filter((m) => countsFor(m, entityId)).length;
    mentions += found;
    if (found) holding++;
  }
  return { mentions, notes: holding };
}

const step = fc.oneof(
  fc.record({ op: fc.constant('set' as const), note: fc.integer({ min: 0, max: 3 }), sentences: fc.array(fc.integer({ min: 0, max: SENTENCES.length - 1 }), { maxLength: 4 }) }),
  fc.record({ op: fc.constant('remove' as const), note: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ op: fc.constant('corpus' as const), drop: fc.boolean() }),
);

describe("the notes' counts of an entity", () => {
  it('stay equal to a count of every note through sets, changes, removals and corpus changes', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 12 }), (steps) => {
        const corpus = new CorpusIndex(bundledKnowledge());
        for (const name of seedFiles()) corpus.upsert({ uri: `file:///corpus/${name}`, text: seedText(name), fallbackTitle: name });
        const notes = new NoteIndex(corpus);
        const held = new Set<string>();
        for (const s of steps) {
          if (s.op === 'set') {
            const uri = `file:///notes/${s.note}.md`;
            notes.set(uri, s.sentences.map((i) => SENTENCES[i]).join('\n\n'));
            held.add(uri);
          } else if (s.op === 'remove') {
            const uri = `file:///notes/${s.note}.md`;
            notes.remove(uri);
            held.delete(uri);
          } else if (s.drop) corpus.remove(`file:///corpus/${seedFiles()[0]}`);
          else corpus.upsert({ uri: 'file:///corpus/extra.txt', text: 'The Collective Security Council of the CSTO met on 1 May 2024.', fallbackTitle: 'extra' });
          for (const id of ENTITIES) assert.deepEqual(notes.countsOf(id), recount(notes, held, id), `${id} after ${JSON.stringify(s)}`);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('count an entity named twice in a note twice, and the note once', () => {
    const corpus = new CorpusIndex(bundledKnowledge());
    const notes = new NoteIndex(corpus);
    notes.set('file:///notes/a.md', SENTENCES[1]);
    notes.set('file:///notes/b.md', SENTENCES[0]);
    assert.deepEqual(notes.countsOf('collective-security-council'), { mentions: 3, notes: 2 });
    notes.set('file:///notes/a.md', SENTENCES[4]);
    assert.deepEqual(notes.countsOf('collective-security-council'), { mentions: 1, notes: 1 });
    notes.remove('file:///notes/b.md');
    assert.deepEqual(notes.countsOf('collective-security-council'), { mentions: 0, notes: 0 });
  });
});
