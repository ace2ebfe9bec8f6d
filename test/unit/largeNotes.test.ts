// A note over a megabyte is matched a part at a time, between requests, and ends with the
// mentions a match of the whole note gives.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CorpusIndex } from '../../server/src/core/index/corpusIndex';
import { NoteIndex } from '../../server/src/core/index/noteIndex';
import { LARGE_NOTE_CHARS, noteMentions } from '../../server/src/core/index/noteMatching';
import { bundledKnowledge, seedFiles, seedText } from './helpers';

const corpus = new CorpusIndex(bundledKnowledge());
for (const name of seedFiles()) corpus.upsert({ uri: `file:///corpus/${name}`, text: seedText(name), fallbackTitle: name });

/** Paragraphs of the seed corpus, numbered so that no two are the same, to past `chars`. */
function largeNote(chars: number): string {
  const paragraphs = seedFiles().flatMap((name) => seedText(name).split(/\n\s*\n/)).filter((p) => p.trim());
  const parts: string[] = [];
  for (let i = 0, size = 0; size < chars; i++) {
    const paragraph = `${i}. ${paragraphs[i % paragraphs.length]}`;
    parts.push(paragraph);
    size += paragraph.length + 2;
  }
  return parts.join('\n\n');
}

describe('a large note', () => {
  it('is matched in parts by work, each slice ending at its deadline, and ends with the mentions a whole match gives but for the rare name read from another part', () => {
    const text = largeNote(LARGE_NOTE_CHARS + 200_000);
    let told = 0;
    const notes = new NoteIndex(corpus, () => told++);
    notes.set('file:///notes/large.md', text);
    assert.equal(told, 1);
    assert.ok(notes.working);
    assert.deepEqual(notes.get('file:///notes/large.md')!.mentions, [], 'nothing matched before work');
    assert.equal(notes.countsOf('collective-security-council').notes, 0, 'not counted while unfinished');
    let clock = 0;
    let slices = 0;
    while (!notes.work(clock + 1, () => clock++)) slices++;
    assert.ok(slices > 10, `${slices} slices`);
    const whole = noteMentions(text, corpus);
    const found = notes.get('file:///notes/large.md')!.mentions;
    const key = (m: { entityId: string; start: number; end: number }) => `${m.entityId}@${m.start}-${m.end}`;
    const inParts = new Set(found.map(key));
    const inWhole = new Set(whole.map(key));
    // A bare code name is read as one when the note names it with a year elsewhere: in another part, that is not seen.
    // So is a surname alone ("Putin said") whose person was named in full in another part.
    const surname = (k: string) => k.startsWith('discovered-person-');
    const differing = [...[...inParts].filter((k) => !inWhole.has(k)), ...[...inWhole].filter((k) => !inParts.has(k))];
    const differ = differing.filter((k) => !surname(k)).length;
    assert.ok(whole.length > 5000);
    assert.ok(differ <= whole.length / 1000, `${differ} of ${whole.length} mentions differ: ${differing.slice(0, 20).join(', ')}`);
    assert.deepEqual(found.map((m) => m.start), [...found.map((m) => m.start)].sort((a, b) => a - b), 'in text order');
    assert.equal(notes.countsOf('collective-security-council').notes, 1, 'counted once whole');
  });

  it('is matched at once when it is under the limit', () => {
    const notes = new NoteIndex(corpus, () => assert.fail('no work to schedule'));
    notes.set('file:///notes/small.md', largeNote(10_000));
    assert.equal(notes.working, false);
    assert.ok(notes.get('file:///notes/small.md')!.mentions.length > 0);
  });
});
