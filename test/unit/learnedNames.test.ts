import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CorpusIndex } from '../../server/src/core/index/corpusIndex';
import { LearnedNames } from '../../server/src/core/index/learnedNames';
import { NoteIndex } from '../../server/src/core/index/noteIndex';
import { createLanguageService } from '../../server/src/core/languageService';
import { bundledKnowledge } from './helpers';

/** A corpus of the given documents, and what a note would show: "surface→entity" per mention. */
function corpus(documents: Record<string, string>) {
  const index = new CorpusIndex(bundledKnowledge());
  for (const [name, text] of Object.entries(documents)) index.upsert({ uri: `file:///corpus/${name}`, text, fallbackTitle: name });
  const service = createLanguageService({ index, notes: new NoteIndex(index) });
  let version = 0;
  const inNote = (text: string) => service.mentionsIn({ uri: 'file:///notes/n.md', version: ++version, getText: () => text }).map((m) => `${text.slice(m.start, m.end)}→${m.entityId}`);
  return { index, inNote };
}

describe('names the corpus was found to use, recognised in notes', () => {
  it('knows a body written in another word order once the corpus has used it', () => {
    const note = 'We read that the Forces of Collective Rapid Reaction trained.';
    assert.deepEqual(corpus({}).inNote(note), [], 'without the corpus the note has no evidence');
    const { inNote } = corpus({ 'a.txt': 'The CSTO Forces of Collective Rapid Reaction trained in Minsk on 02.12.2020.' });
    assert.deepEqual(inNote(note), ['Forces of Collective Rapid Reaction→collective-rapid-reaction-force']);
  });

  it('knows a catalog body written with other articles, in the catalog order, without the corpus', () => {
    const { inNote } = corpus({});
    assert.deepEqual(inNote('We read that the Council of the Ministers of Defence met.'), ['Council of the Ministers of Defence→council-of-defence-ministers']);
    assert.deepEqual(inNote('The EU Council of the Foreign Ministers met.').filter((m) => m.includes('council-of-foreign-ministers')), [], 'another organisation named before it');
  });

  it('knows a code name discovered in the corpus, capitalised mid-sentence', () => {
    const { inNote } = corpus({ 'a.txt': 'The "Granite-2019" exercise was held in Tajikistan.' });
    assert.deepEqual(inNote('We compared Granite with the Cobalt drills.'), ['Granite→discovered-exercise-granite', 'Cobalt→cobalt']);
    assert.deepEqual(inNote('Granite is a rock.'), [], 'at the start of a sentence an ordinary word is not taken');
  });

  it('takes a stage the corpus named whole in a note, over the series and the words inside it that would be names alone', () => {
    const { inNote } = corpus({ 'a.txt': 'The sub-regional anti-drug operation «Channel – Steppe Barrier» was held in May.' });
    assert.deepEqual(inNote('We compared the Channel – Steppe Barrier stage with operation Channel.'), ['Channel – Steppe Barrier→discovered-operation-channelsteppebarrier', 'Channel→channel']);
  });

  it('knows a body the corpus wrote another way after the CSTO, written in a note without it', () => {
    const { inNote } = corpus({ 'a.txt': 'A spokesman for the CSTO Joint Headquarters said so on 02.12.2020.' });
    assert.deepEqual(inNote('The Joint Headquarters planned it.'), ['Joint Headquarters→joint-staff']);
  });

  it('takes a hyphenated stage the corpus named alone on a line of a note, where a one-word name would be an ordinary word', () => {
    const { inNote } = corpus({ 'a.txt': 'The sub-regional anti-drug operation «Kanal-Issyk-Kul» is planned for the autumn.' });
    assert.deepEqual(inNote('Kanal-Issyk-Kul\n'), ['Kanal-Issyk-Kul→discovered-operation-kanalissykkul']);
  });

  it('knows a named stage however its hyphen and spaces are written', () => {
    const { inNote } = corpus({ 'a.txt': 'The second stage of the operation «Channel – Red Dune» took place in Tajikistan.' });
    assert.deepEqual(inNote('Channel-Red Dune found drugs.'), ['Channel-Red Dune→discovered-operation-channelreddune']);
  });

  it('leaves the notes as they were matched when a document only uses names the catalog has, and matches them again when it teaches one', () => {
    const { index } = corpus({ 'a.txt': 'The CSTO Council of the Ministers of Defence met in Minsk on 02.12.2020.' });
    const before = index.learnedNames().version;
    index.upsert({ uri: 'file:///corpus/b.txt', text: 'The Collective Security Council and the Council of Foreign Ministers met on 02.12.2021.', fallbackTitle: 'b.txt' });
    assert.equal(index.learnedNames().version, before, 'catalog names only: nothing for a note to learn');
    index.upsert({ uri: 'file:///corpus/c.txt', text: 'The "Granite-2019" exercise was held in Tajikistan.', fallbackTitle: 'c.txt' });
    assert.notEqual(index.learnedNames().version, before);
  });

  it('while the first index is read, keeps the names a second after it made them, then takes in those learned since; at once when the index is done', () => {
    const knowledge = bundledKnowledge();
    const { index } = corpus({ 'a.txt': 'The "Granite-2019" exercise was held in Tajikistan.', 'b.txt': 'The operation «Channel – Red Dune» took place in Tajikistan.' });
    let now = 0;
    let settling = true;
    const names = new LearnedNames(() => settling, () => now);
    const state = () => names.state((id) => index.entity(id), knowledge.lexicon.organizationWords);
    names.count(index.get('file:///corpus/a.txt')!.mentions, 1);
    const first = state();
    assert.match(first.signature, /granite/);
    names.count(index.get('file:///corpus/b.txt')!.mentions, 1);
    now = 999;
    assert.equal(state().version, first.version, 'within the second: the names of before');
    now = 1000;
    const second = state();
    assert.notEqual(second.version, first.version, 'a second on: the stage is learned');
    assert.match(second.signature, /channelreddune/);
    names.count(index.get('file:///corpus/a.txt')!.mentions, -1);
    now = 1001;
    assert.equal(state().version, second.version);
    settling = false;
    assert.doesNotMatch(state().signature, /granite/, 'the index done: at once');
  });

  it('forgets a name when the last document that used it is gone', () => {
    const { index, inNote } = corpus({ 'a.txt': 'The "Granite-2019" exercise was held in Tajikistan.' });
    assert.deepEqual(inNote('We compared Granite today.'), ['Granite→discovered-exercise-granite']);
    index.remove('file:///corpus/a.txt');
    assert.deepEqual(inNote('We compared Granite today.'), []);
  });

  it('does not learn a short form, which names the entity only right after its full name', () => {
    const { inNote } = corpus({ 'a.txt': 'The CSTO has a Working Group on Afghanistan. The Working Group met in Moscow.' });
    assert.deepEqual(inNote('The Working Group met again.'), []);
    const centre = corpus({ 'a.txt': 'The CSTO Crisis Response Center opened on 02.12.2020. The Centre links all command posts.' });
    assert.deepEqual(centre.inNote('The Centre was busy.'), [], '"the Centre" either');
  });

  it('knows initials the corpus used for a catalog body without brackets, where the catalog has none', () => {
    const note = 'The CRC briefed the heads of state.';
    assert.deepEqual(corpus({}).inNote(note), [], 'the catalog does not list "CRC"');
    const { inNote } = corpus({ 'a.txt': 'The CSTO Crisis Response Center opened on 02.12.2020. The CRC links all command posts.' });
    assert.deepEqual(inNote(note), ['CRC→crisis-response-center']);
  });
});
