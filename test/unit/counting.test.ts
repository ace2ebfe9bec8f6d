// Counts a reader can trust: a name said again at once counts once, a reprinted passage counts
// once, and a name inside a longer catalog name counts for both entities.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyseDocument } from '../../server/src/core/analysis/analyseDocument';
import { CorpusIndex } from '../../server/src/core/index/corpusIndex';
import { fromSnapshot, plainSnapshot, toSnapshot } from '../../server/src/core/index/snapshot';
import { noteMentions } from '../../server/src/core/index/noteMatching';
import { cardFacts } from '../../server/src/core/query/cardFacts';
import { searchPassages } from '../../server/src/core/query/passageSearch';
import { mentionFacts } from '../../server/src/core/query/summaries';
import { renderEntityCard } from '../../server/src/core/render/card';
import { bundledKnowledge, seed, seedFiles, seedText } from './helpers';

const knowledge = bundledKnowledge();

function indexOf(docs: Record<string, string>, order = Object.keys(docs)): CorpusIndex {
  const index = new CorpusIndex(knowledge);
  for (const uri of order) index.upsert({ uri, text: docs[uri], fallbackTitle: uri });
  return index;
}

function seedIndex(): CorpusIndex {
  const index = new CorpusIndex(knowledge);
  for (const name of seedFiles()) index.upsert({ uri: `file:///corpus/${name}`, text: seedText(name), fallbackTitle: name });
  return index;
}

const card = (index: CorpusIndex, id: string) => renderEntityCard(cardFacts(index.entity(id)!, index));

const NEWS = '24.04.2024\n\nOn 24 April 2024, the CSTO Secretariat hosted consultations on arms control.\n\n\n';
/** A page as the seed corpus prints them: news items in a side bar, then the title, again with its date, and the article. */
const page = (title: string, date: string, body: string) => `${NEWS}${title}\n\n${title} ${date}\n\n${body}\n`;
const PAGE_A = page('Page A: the Council met', '01.12.2020', 'The Collective Security Council met in Moscow.');
const PAGE_B = page('Page B: the session was prepared', '02.12.2020', 'The CSTO Secretariat prepared the session.');

describe('counting mentions', () => {
  it('counts "Full Name (ABBR)" as one mention, in either order', () => {
    const index = indexOf({
      'file:///a.txt': 'The Collective Security Council (CSC) met. Later the CSC (Collective Security Council) met again.',
    });
    const doc = index.get('file:///a.txt')!;
    assert.deepEqual(
      doc.mentions.toArray().map((m) => [m.surface, !!m.repeat]),
      [['Collective Security Council', false], ['CSC', true], ['CSC', false], ['Collective Security Council', true]],
    );
    assert.equal(index.mentionCount('collective-security-council'), 2);
    assert.deepEqual(index.mentionsOf('collective-security-council').map((m) => m.surface), ['Collective Security Council', 'CSC'], 'references list each mention once');
  });

  it('counts a heading printed twice at the top of a page once', () => {
    const seed004 = seed('004');
    const index = indexOf({ [seed004.uri]: seed004.text });
    const council = index.mentionsOf('collective-security-council');
    const lineOf = (m: { start: number }) => seed004.text.slice(0, m.start).split('\n').length;
    assert.deepEqual(council.filter((m) => lineOf(m) <= 18).map(lineOf), [16], 'of the title (line 16) and its repeat (line 18), only the title counts');
    assert.ok(index.get(seed004.uri)!.mentions.toArray().some((m) => m.repeat && m.surface === 'CSTO Collective Security Council'), 'the repeat is still a mention for hover');
  });

  it('counts a passage reprinted in another document once, whichever document comes first', () => {
    for (const order of [['file:///a.txt', 'file:///b.txt'], ['file:///b.txt', 'file:///a.txt']]) {
      const index = indexOf({ 'file:///a.txt': PAGE_A, 'file:///b.txt': PAGE_B }, order);
      assert.equal(index.mentionCount('secretariat'), 2, 'the news item once, and page B');
      assert.equal(index.reprintedCount('secretariat'), 1);
      assert.equal(index.mentionsOf('secretariat').length, 3, 'references still list every place');
      assert.equal(index.stats().reprintedMentions, 1, 'the reprint names only the Secretariat');
    }
  });

  it('keeps the counts of a fresh index as documents that repeat a text many times come and go', () => {
    const text = seed('003').text;
    const docs: Record<string, string> = { 'file:///b.txt': text.repeat(5), 'file:///a.txt': text, 'file:///c.txt': text + seed('004').text };
    const counts = (index: CorpusIndex) =>
      ['collective-security-council', 'csto', 'secretariat', 'joint-staff'].map((id) => [id, index.mentionCount(id), index.reprintedCount(id)]).concat([['all reprints', index.stats().reprintedMentions, 0]]);
    const index = indexOf(docs);
    assert.ok(index.stats().reprintedMentions > 0, 'the copies are reprints');
    assert.deepEqual(counts(index), counts(indexOf(docs, ['file:///c.txt', 'file:///a.txt', 'file:///b.txt'])), 'the order documents come in changes nothing');
    index.remove('file:///a.txt');
    assert.deepEqual(counts(index), counts(indexOf({ 'file:///b.txt': docs['file:///b.txt'], 'file:///c.txt': docs['file:///c.txt'] })));
    index.remove('file:///b.txt');
    assert.deepEqual(counts(index), counts(indexOf({ 'file:///c.txt': docs['file:///c.txt'] })));
  });

  it('shows, once the first index is read, the same card as an index that never deferred its counts', () => {
    const docs = { 'file:///b.txt': PAGE_B, 'file:///a.txt': PAGE_A, 'file:///c.txt': seed('003').text, 'file:///d.txt': seed('003').text + seed('004').text };
    const cards = (index: CorpusIndex) =>
      ['secretariat', 'collective-security-council', 'csto', 'joint-staff'].map((id) => [card(index, id), index.dateSpan(id), [...index.surfaceCounts(id)], [...index.editionCounts(id)], index.timelineOf(id).length]);
    const deferred = new CorpusIndex(knowledge);
    deferred.deferCounts = true;
    for (const [uri, text] of Object.entries(docs)) {
      deferred.upsert({ uri, text, fallbackTitle: uri });
      cards(deferred); // hovered while the index grows: the aggregates are made, then kept
    }
    deferred.settleCounts();
    assert.deepEqual(cards(deferred), cards(indexOf(docs)));
  });

  it('keeps counts and copies as a fresh index has them, whatever documents of shared passages come and go in any order', () => {
    const parts = [PAGE_A, PAGE_B, seed('003').text, seed('004').text];
    const uris = ['file:///a.txt', 'file:///b.txt', 'file:///c.txt', 'file:///d.txt'];
    const ids = ['collective-security-council', 'csto', 'secretariat', 'joint-staff'];
    const view = (index: CorpusIndex) => ({
      counts: ids.map((id) => [id, index.mentionCount(id), index.reprintedCount(id)]),
      reprinted: index.stats().reprintedMentions,
      copies: uris.flatMap((uri) => index.get(uri)?.passages.map((p) => [uri, p.index, index.reprintsOf(uri, p).map((c) => `${c.uri}#${c.passage}`)]) ?? []),
    });
    fc.assert(
      fc.property(
        fc.array(fc.record({ uri: fc.constantFrom(...uris), text: fc.array(fc.nat(parts.length - 1), { minLength: 1, maxLength: 3 }), remove: fc.boolean() }), { minLength: 1, maxLength: 8 }),
        (steps) => {
          const index = new CorpusIndex(knowledge);
          const now: Record<string, string> = {};
          for (const step of steps) {
            if (step.remove) {
              index.remove(step.uri);
              delete now[step.uri];
            } else {
              now[step.uri] = step.text.map((k) => parts[k]).join('\n\n');
              index.upsert({ uri: step.uri, text: now[step.uri], fallbackTitle: step.uri });
            }
          }
          assert.deepEqual(view(index), view(indexOf(now, Object.keys(now).sort())));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('counts the reprint again when the document that counted it goes', () => {
    const index = indexOf({ 'file:///a.txt': PAGE_A, 'file:///b.txt': PAGE_B });
    index.remove('file:///a.txt');
    assert.equal(index.mentionCount('secretariat'), 2);
    assert.equal(index.reprintedCount('secretariat'), 0);
    index.upsert({ uri: 'file:///a.txt', text: PAGE_A, fallbackTitle: 'a' });
    assert.equal(index.reprintedCount('secretariat'), 1);
    index.remove('file:///b.txt');
    assert.equal(index.mentionCount('secretariat'), 1);
    assert.equal(index.reprintedCount('secretariat'), 0);
  });

  it('says on the card how many more mentions stand in reprints, and lists documents by the date of their earliest mention', () => {
    const index = indexOf({ 'file:///a.txt': PAGE_A, 'file:///b.txt': PAGE_B });
    const text = card(index, 'secretariat');
    assert.match(text, /\*\*Mentioned 2 times in 2 documents, 1 more in reprints\*\*/);
    // Each document at its earliest mention, in date order: page B's article of 2020, then page A's news of 2024.
    assert.match(text, /- \[Page B: the session was prepared \(2 Dec 2020\)\]\(file:\/\/\/b\.txt#L10\) — 1, and 1 in a reprint\n- \[Page A: the Council met \(24 Apr 2024\)\]\(file:\/\/\/a\.txt#L3\) — 1$/m);
    assert.match(text, /^\*No defining sentence in the corpus;\* first reported in \[Page B: the session was prepared \(2 Dec 2020\)\]\(file:\/\/\/b\.txt#L10\)$/m, 'the 2020 article comes before the 2024 news item');
  });

  it('dates a mention by its passage, not by the page that reprints it', () => {
    const seed004 = seed('004');
    const index = indexOf({ [seed004.uri]: seed004.text });
    const consultations = mentionFacts(index, 'secretariat', 10).find((f) => f.sentence.includes('consultations of the CSTO member states'))!;
    assert.equal(consultations.dateLabel, '24 Apr 2024');
    assert.equal(index.get(seed004.uri)!.date, '2020-12-02', 'the page itself is of 2 Dec 2020');
  });

  it('lists the mentions of a document in the order of their dates', () => {
    const index = indexOf({ 'file:///c.txt': `Page C\n\n05.05.2023\n\nThe CSTO Secretariat met.\n\n\n01.01.2021\n\nThe CSTO Secretariat was set up long before.\n` });
    assert.deepEqual(mentionFacts(index, 'secretariat', 10).map((f) => f.dateLabel), ['1 Jan 2021', '5 May 2023']);
  });

  it('counts a name inside a longer catalog name for both entities', () => {
    const seed002 = seed('002');
    const index = seedIndex();
    const crrf = index.mentionsOf('collective-rapid-reaction-force');
    assert.ok(crrf.some((m) => m.uri === seed002.uri && m.surface === 'Collective Rapid Reaction Force (CRRF) Command'));
    assert.ok(index.mentionCount('collective-rapid-reaction-force') >= 1);
    const text = card(index, 'collective-rapid-reaction-force');
    assert.doesNotMatch(text, /Not mentioned in the indexed corpus/);
    assert.match(text, /\(via Collective Rapid Reaction Force Command\)$/m);
    assert.ok(index.mentionsOf('crrf-command').some((m) => m.surface === 'Collective Rapid Reaction Force (CRRF) Command'), 'the Command keeps its mention');
    assert.doesNotMatch(text, /Written in the corpus as:.*CRRF\) Command/, 'the longer name is not a spelling of the shorter');
  });

  it('does not read an unrelated body into a name that merely contains its words', () => {
    const index = indexOf({ 'file:///d.txt': 'The UN Secretariat and the OSCE Ministerial Council met the Collective Forces of Rapid Deployment of the Central Asian Region.' });
    assert.equal(index.mentionCount('secretariat'), 0);
    assert.equal(index.mentionCount('council-of-foreign-ministers'), 0);
    assert.equal(index.mentionCount('collective-forces'), 0);
  });

  it('counts the same way in notes', () => {
    const index = seedIndex();
    const mentions = noteMentions('The CRRF Command met. The Collective Security Council (CSC) decided.', index);
    assert.deepEqual(mentions.map((m) => [m.surface, !!m.repeat, m.inside ?? []]), [
      ['CRRF Command', false, ['collective-rapid-reaction-force']],
      ['Collective Security Council', false, []],
      ['CSC', true, []],
    ]);
  });

  it('keeps repeats and names inside names through the index cache', () => {
    const seed002 = seed('002');
    const doc = analyseDocument({ uri: seed002.uri, text: seed002.text, fallbackTitle: '002' }, knowledge);
    const restored = fromSnapshot(JSON.parse(JSON.stringify(plainSnapshot(toSnapshot(doc)))));
    assert.deepEqual(restored.mentions.toArray().map((m) => [m.repeat, m.inside]), doc.mentions.toArray().map((m) => [m.repeat, m.inside]));
    assert.ok(restored.mentions.toArray().some((m) => m.repeat) && restored.mentions.toArray().some((m) => m.inside));
  });
});

describe('finding a passage', () => {
  const index = seedIndex();
  const search = (query: string, budget = 1000) => searchPassages(index, query, { limit: 50, budget, now: Date.now });

  it('finds passages by any name of an entity they mention, with the words around it', () => {
    const hits = search('hired guns').hits;
    assert.ok(hits.length >= 3);
    assert.ok(hits.every((h) => h.reason !== 'title'));
    assert.ok(hits.some((h) => h.entityName === 'Mercenary' && /Mercenary/.test(h.snippet ?? '')), 'the alias finds the passages that write "Mercenary"');
  });

  it('finds a phrase of the text in the passage that holds it', () => {
    const [hit, ...rest] = search('quarantine restrictions').hits;
    assert.equal(rest.length, 0);
    assert.equal(hit.reason, 'text');
    assert.equal(hit.document.uri, seed('004').uri);
    assert.equal(seed('004').text.slice(hit.offset, hit.offset + 23).toLowerCase(), 'quarantine restrictions');
  });

  it('puts title matches first, newest first', () => {
    const hits = search('Stanislav Zas').hits;
    const titles = hits.filter((h) => h.reason === 'title');
    assert.ok(titles.length >= 2);
    assert.equal(hits.indexOf(titles[titles.length - 1]), titles.length - 1, 'every title match comes before the others');
  });

  it('finds nothing for words that are nowhere, and says when the text search ran out of time', () => {
    assert.deepEqual(search('zzzz qqqq').hits, []);
    let clock = 0;
    const slow = searchPassages(index, 'zzzz qqqq', { limit: 50, budget: 2, now: () => (clock += 1) });
    assert.equal(slow.complete, false);
    assert.ok(slow.documentsSearched < index.size);
  });
});
