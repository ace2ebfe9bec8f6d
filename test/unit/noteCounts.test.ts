// "In your notes: N mentions in M notes" on a card comes from counts the note index keeps as notes
// are set, changed and removed, and as the corpus changes under them: they must always be what
// counting every note's mentions gives. A note read from disk is not kept in memory: read again
// when it must be matched again, it gives what a note kept in memory gives.

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

/** A stand-in for a file's hash. */
const hashOf = (text: string) => `${text.length}:${[...text].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0, 2166136261)}`;

/** A note read again from a map of files. */
function read(disk: ReadonlyMap<string, string>, uri: string): { text: string; hash: string } | undefined {
  const text = disk.get(uri);
  return text === undefined ? undefined : { text, hash: hashOf(text) };
}

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
      fc.property(fc.array(step, { maxLength: 12 }), fc.boolean(), (steps, fromDisk) => {
        const corpus = new CorpusIndex(bundledKnowledge());
        for (const name of seedFiles()) corpus.upsert({ uri: `file:///corpus/${name}`, text: seedText(name), fallbackTitle: name });
        const disk = new Map<string, string>();
        const notes = fromDisk ? new NoteIndex(corpus, undefined, (uri) => read(disk, uri)) : new NoteIndex(corpus);
        const held = new Set<string>();
        for (const s of steps) {
          if (s.op === 'set') {
            const uri = `file:///notes/${s.note}.md`;
            const text = s.sentences.map((i) => SENTENCES[i]).join('\n\n');
            disk.set(uri, text);
            notes.set(uri, text, fromDisk ? hashOf(text) : undefined);
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

describe('a note read from disk', () => {
  /** A catalog change: every note is matched again when next asked for. */
  const teach = (corpus: CorpusIndex) => corpus.setKnowledge(bundledKnowledge(), true);
  const setUp = () => {
    const corpus = new CorpusIndex(bundledKnowledge());
    for (const name of seedFiles()) corpus.upsert({ uri: `file:///corpus/${name}`, text: seedText(name), fallbackTitle: name });
    const disk = new Map<string, string>();
    const reads: string[] = [];
    const notes = new NoteIndex(corpus, undefined, (uri) => (reads.push(uri), read(disk, uri)));
    return { corpus, disk, reads, notes };
  };
  const text = `${SENTENCES[1]}\n\n${SENTENCES[2]}`;

  it('is matched again from its file when the catalog changes, with the mentions of a note kept in memory', () => {
    const { corpus, disk, reads, notes } = setUp();
    const kept = new NoteIndex(corpus);
    disk.set('file:///notes/a.md', text);
    notes.set('file:///notes/a.md', text, hashOf(text));
    kept.set('file:///notes/a.md', text);
    assert.deepEqual(reads, [], 'matched from the text given, not read again');
    teach(corpus);
    const mentions = notes.get('file:///notes/a.md')!.mentions;
    assert.deepEqual(reads, ['file:///notes/a.md']);
    assert.deepEqual(mentions, kept.get('file:///notes/a.md')!.mentions);
    assert.ok(mentions.some((m) => m.entityId === 'collective-security-council'));
    assert.equal(notes.textOf('file:///notes/a.md'), text, 'a snippet reads the text again');
  });

  it('let go of its text, keeps its mentions as numbers and gives back every field: repeats, inner names, editions, discovered people', () => {
    const { corpus, disk, notes } = setUp();
    const kept = new NoteIndex(corpus);
    const rich = 'The Collective Security Council (CSC) met. The CRRF Command led Interaction-2023 and Search-2021 in Kyrgyzstan. President Sadyr Japarov of Kyrgyzstan spoke.';
    disk.set('file:///notes/r.md', rich);
    notes.set('file:///notes/r.md', rich, hashOf(rich));
    kept.set('file:///notes/r.md', rich);
    const mentions = notes.get('file:///notes/r.md')!.mentions;
    assert.deepEqual(mentions, kept.get('file:///notes/r.md')!.mentions);
    assert.ok(mentions.some((m) => m.repeat) && mentions.some((m) => m.inside) && mentions.some((m) => m.edition) && mentions.some((m) => m.discovered), 'the note has every kind of field');
    for (const entityId of ['collective-security-council', 'collective-rapid-reaction-force', 'crrf-command', 'interaction', 'kyrgyzstan', ...mentions.map((m) => m.entityId)]) {
      assert.deepEqual(notes.countsOf(entityId), kept.countsOf(entityId), entityId);
      assert.deepEqual(notes.mentionsOf(entityId).map((n) => n.mentions), kept.mentionsOf(entityId).map((n) => n.mentions), entityId);
    }
    assert.equal(notes.countsOf('collective-security-council').mentions, 1, 'the abbreviation said again at once is not counted again');
    assert.equal(notes.countsOf('collective-rapid-reaction-force').mentions, 1, 'a name inside another counts');
  });

  it('changed on disk since, keeps its mentions until its file event and shows no text that is not the one indexed', () => {
    const { corpus, disk, notes } = setUp();
    disk.set('file:///notes/a.md', text);
    notes.set('file:///notes/a.md', text, hashOf(text));
    const before = notes.get('file:///notes/a.md')!.mentions;
    disk.set('file:///notes/a.md', SENTENCES[4]);
    teach(corpus);
    assert.deepEqual(notes.get('file:///notes/a.md')!.mentions, before);
    assert.equal(notes.textOf('file:///notes/a.md'), undefined);
    disk.delete('file:///notes/a.md');
    assert.equal(notes.textOf('file:///notes/a.md'), undefined);
  });

  it('is known unchanged by the hash of its bytes; an editor\'s text is kept and never read from disk', () => {
    const { disk, reads, notes } = setUp();
    disk.set('file:///notes/a.md', text);
    notes.set('file:///notes/a.md', text, hashOf(text));
    assert.equal(notes.holds('file:///notes/a.md', text, hashOf(text)), true);
    assert.equal(notes.holds('file:///notes/a.md', text, 'another hash'), false);
    assert.equal(notes.holds('file:///notes/a.md', text), false, 'without a hash, a text not kept is not known to be the same');
    notes.set('file:///notes/b.md', SENTENCES[0]);
    assert.equal(notes.textOf('file:///notes/b.md'), SENTENCES[0]);
    assert.equal(notes.holds('file:///notes/b.md', SENTENCES[0]), true);
    assert.deepEqual(reads, []);
  });
});
