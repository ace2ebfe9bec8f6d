// The corpus over time: dated events per passage for entities, kinds and date ranges; editions
// known only from the catalog at their year; reprints once.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CorpusIndex } from '../../server/src/core/index/corpusIndex';
import { countsFor, dateOfPassage } from '../../server/src/core/model';
import { chronology, chronologyWithSentences, type ChronologyEvent } from '../../server/src/core/query/chronology';
import { bundledKnowledge, seedFiles, seedText } from './helpers';

const index = new CorpusIndex(bundledKnowledge());
for (const name of seedFiles()) index.upsert({ uri: `file:///corpus/${name}`, text: seedText(name), fallbackTitle: name });

/** Mentions of an entity in passages with no date (an undated document's): no timeline can place them. */
function undatedMentions(entityId: string): number {
  let count = 0;
  for (const doc of index.documents()) {
    for (const mention of doc.mentions) if (countsFor(mention, entityId) && !dateOfPassage(doc, mention.passage)) count++;
  }
  return count;
}

describe('the chronology', () => {
  it('dates every passage that mentions an exercise by the passage, and places catalog editions nobody mentions at their year', () => {
    const events = chronology(index, { entityIds: ['indestructible-brotherhood'] }).events;
    assert.deepEqual(
      events.map((e) => [e.date.slice(0, 4), e.catalogOnly, e.entities[0].editions]),
      [
        // The 2020 edition is reported in a briefing of 8 Feb 2021.
        ['2021', false, [2020]],
        ['2021', false, [2021]],
        ['2022', true, [2022]],
        ['2023', true, [2023]],
        ['2024', false, [2024]],
      ],
    );
    assert.ok(events.filter((e) => !e.catalogOnly).every((e) => e.document && e.passage !== undefined && e.passage >= 0));
  });

  it('keeps to a date range, at the precision of each date', () => {
    const events = chronology(index, { entityIds: ['indestructible-brotherhood'], from: '2021', to: '2023-06' }).events;
    assert.deepEqual(events.map((e) => e.date.slice(0, 4)), ['2021', '2021', '2022', '2023']);
  });

  it('counts a reprinted news item once', () => {
    const events = chronology(index, { entityIds: ['secretariat'] }).events;
    const april = events.filter((e) => e.date === '2024-04-24');
    assert.equal(april.length, 1, 'the 24 Apr 2024 consultations, printed on two pages');
    // Every dated mention is on the timeline once; the undated document's are not.
    assert.ok(undatedMentions('secretariat') > 0);
    assert.equal(events.reduce((n, e) => n + e.entities[0].mentions, 0), index.mentionCount('secretariat') - undatedMentions('secretariat'));
  });

  it('gathers the entities of a kind passage by passage, oldest first', () => {
    const events = chronology(index, { kinds: ['exercise'] }).events;
    assert.ok(events.length >= 5);
    for (let i = 1; i < events.length; i++) assert.ok(events[i - 1].date <= events[i].date, `${events[i - 1].date} before ${events[i].date}`);
    assert.ok(events.every((e) => e.entities.every((x) => x.entity.kind === 'exercise')));
  });

  it('gathers a whole corpus by month and by year, summing passages and mentions', () => {
    const passages = chronology(index).events;
    const months = chronology(index, { by: 'month' }).events;
    const years = chronology(index, { by: 'year' }).events;
    const sum = (events: readonly { passages: number }[]) => events.reduce((n, e) => n + e.passages, 0);
    assert.equal(sum(months), sum(passages));
    assert.equal(sum(years), sum(passages));
    assert.ok(months.every((e) => e.date.length <= 7) && new Set(months.map((e) => e.date)).size === months.length);
    assert.deepEqual(years.map((e) => e.date), [...new Set(passages.map((e) => e.date.slice(0, 4)))]);
    const mentions = (events: ChronologyEvent[], id: string) => events.reduce((n, e) => n + (e.entities.find((x) => x.entity.id === id)?.mentions ?? 0), 0);
    assert.equal(mentions(years, 'collective-security-council'), index.mentionCount('collective-security-council') - undatedMentions('collective-security-council'));
  });

  it('gathers by month of itself when there are more passages than marks to draw, and by year when months are still too many', () => {
    const all = chronology(index);
    assert.equal(all.by, 'passage');
    assert.equal(all.passages, all.events.filter((e) => !e.catalogOnly).length);
    const months = new Set(all.events.map((e) => e.date.slice(0, 7))).size;
    const gathered = chronology(index, { maxEvents: months });
    assert.equal(gathered.by, 'month');
    assert.equal(gathered.passages, all.passages);
    assert.equal(gathered.events.reduce((n, e) => n + e.passages, 0), all.passages);
    const years = chronology(index, { maxEvents: months - 1 });
    assert.equal(years.by, 'year');
    assert.ok(years.events.every((e) => /^\d{4}$/.test(e.date)));
  });

  it('counts, in a gathered event, the passages of each entity as well as of the period', () => {
    const csc = chronology(index, { entityIds: ['collective-security-council'] }).events;
    const years = chronology(index, { entityIds: ['collective-security-council', 'csto'], by: 'year' }).events;
    const cscPassages = years.reduce((n, e) => n + (e.entities.find((x) => x.entity.id === 'collective-security-council')?.passages ?? 0), 0);
    assert.equal(cscPassages, csc.length);
    for (const year of years) assert.ok(year.passages >= Math.max(...year.entities.map((x) => x.passages)), 'a passage naming both counts once');
  });

  it('makes a passage that names several of the entities one event, at the first of their mentions', () => {
    const both = chronology(index, { entityIds: ['collective-security-council', 'secretariat'] }).events;
    const shared = both.find((e) => e.entities.length === 2)!;
    assert.ok(shared, 'some passage names both');
    const starts = shared.entities.map((x) => {
      const row = index.timelineOf(x.entity.id).find((r) => r.doc === shared.document && r.passage === shared.passage)!;
      return row.doc.mentions.start(row.firstRow);
    });
    assert.equal(shared.first!.start, Math.min(...starts));
  });

  it('keeps each entity\'s dated passages current as documents come and go', () => {
    const own = new CorpusIndex(bundledKnowledge());
    for (const name of seedFiles()) own.upsert({ uri: `file:///corpus/${name}`, text: seedText(name), fallbackTitle: name });
    const before = chronology(own, { entityIds: ['indestructible-brotherhood'] }).events.map((e) => e.date);
    const holder = own.timelineOf('indestructible-brotherhood').find((r) => r.date.startsWith('2024'))!.doc;
    own.remove(holder.uri);
    const without = chronology(own, { entityIds: ['indestructible-brotherhood'] }).events;
    assert.ok(without.every((e) => e.document !== holder));
    assert.ok(without.some((e) => e.catalogOnly && e.date === '2024'), 'the 2024 edition falls back to its catalog year');
    own.upsert({ uri: holder.uri, text: seedText(holder.uri.slice('file:///corpus/'.length)), fallbackTitle: holder.fallbackTitle });
    assert.deepEqual(chronology(own, { entityIds: ['indestructible-brotherhood'] }).events.map((e) => e.date), before);
  });

  it('answers the whole corpus from its month table as from every entity\'s passages, and keeps it current as documents come, go and reprint each other', () => {
    const own = new CorpusIndex(bundledKnowledge());
    const names = seedFiles();
    for (const name of names) own.upsert({ uri: `file:///corpus/${name}`, text: seedText(name), fallbackTitle: name });
    // Every entity asked for by id takes the passages' path; nothing asked for takes the table's.
    const same = (label: string) => {
      const every = own.entities().map((e) => e.id);
      for (const filter of [{ by: 'month' as const }, { by: 'year' as const }, { maxEvents: 2 }, { by: 'month' as const, from: '2021', to: '2022-06' }]) {
        const fromTable = chronology(own, filter);
        const fromPassages = chronology(own, { ...filter, entityIds: every });
        assert.deepEqual(fromTable, fromPassages, `${label}, ${JSON.stringify(filter)}`);
      }
    };
    same('the seed corpus');
    own.upsert({ uri: 'file:///corpus/extra.txt', text: 'MOSCOW, 1 May 2024. The Collective Security Council of the CSTO met; the exercise Indestructible Brotherhood-2024 was planned.', fallbackTitle: 'extra' });
    same('a document added');
    own.remove(`file:///corpus/${names[1]}`);
    same('a document removed');
    // A copy of a document makes its passages reprints of the other's.
    own.upsert({ uri: 'file:///corpus/copy.txt', text: seedText(names[0]), fallbackTitle: 'copy' });
    same('a reprint added');
    own.remove('file:///corpus/copy.txt');
    same('the reprint removed');
    assert.ok(chronology(own, { by: 'month' }).events.length > 1);
  });

  it('answers the same whole-corpus question again without redoing it, and anew once a document, its reprints or the catalog change', () => {
    const own = new CorpusIndex(bundledKnowledge());
    for (const name of seedFiles()) own.upsert({ uri: `file:///corpus/${name}`, text: seedText(name), fallbackTitle: name });
    const months = () => chronology(own, { by: 'month' }).events.map((e) => e.date);
    const first = chronology(own, { by: 'month' });
    assert.equal(chronology(own, { by: 'month' }), first, 'the same question, the kept answer');
    assert.ok(!months().includes('2030-03'));
    own.upsert({ uri: 'file:///corpus/late.txt', text: 'Council meets\n\nMOSCOW, 2 March 2030 - The Collective Security Council of the CSTO met in Moscow.', fallbackTitle: 'late' });
    assert.ok(months().includes('2030-03'), 'a document added');
    own.upsert({ uri: 'file:///corpus/late.txt', text: 'Council meets\n\nMOSCOW, 2 April 2030 - The Collective Security Council of the CSTO met in Moscow.', fallbackTitle: 'late' });
    assert.ok(months().includes('2030-04') && !months().includes('2030-03'), 'a document changed');
    own.remove('file:///corpus/late.txt');
    assert.ok(!months().includes('2030-04'), 'a document removed');
    const council = (knowledge: ReturnType<typeof bundledKnowledge>) => chronology(own, { by: 'month' }).events.some((e) => e.entities.some((x) => x.entity === knowledge.get('collective-security-council')));
    const next = bundledKnowledge();
    own.setKnowledge(next);
    assert.ok(council(next), 'the entities of the catalog now in use');
  });

  it('answers the same question about some entities again without redoing it, and anew once the question, a document or the counts change', () => {
    const own = new CorpusIndex(bundledKnowledge());
    for (const name of seedFiles()) own.upsert({ uri: `file:///corpus/${name}`, text: seedText(name), fallbackTitle: name });
    const ask = (from?: string) => chronology(own, { entityIds: ['collective-security-council'], from });
    const first = ask();
    assert.equal(ask(), first, 'the same question, the kept answer');
    assert.notEqual(ask('2022'), first, 'another question');
    const dates = () => ask().events.map((e) => e.date);
    assert.ok(!dates().includes('2030-03-02'));
    own.upsert({ uri: 'file:///corpus/late.txt', text: 'Council meets\n\nMOSCOW, 2 March 2030 - The Collective Security Council of the CSTO met in Moscow.', fallbackTitle: 'late' });
    assert.ok(dates().includes('2030-03-02'), 'a document added');
    // While the first index is read, reprints found late leave the counts as they were until they settle.
    own.deferCounts = true;
    own.upsert({ uri: 'file:///corpus/late-copy.txt', text: 'Council meets\n\nMOSCOW, 2 March 2030 - The Collective Security Council of the CSTO met in Moscow.', fallbackTitle: 'late copy' });
    const unsettled = ask();
    own.settleCounts();
    const settled = ask();
    assert.notEqual(settled, unsettled, 'asked again once the counts settle');
    assert.equal(settled.events.filter((e) => e.date === '2030-03-02').length, 1, 'the reprint counts once');
  });

  it('keeps the sentences read for a kept answer, and reads them again for another number of sentences or a changed corpus', () => {
    const own = new CorpusIndex(bundledKnowledge());
    for (const name of seedFiles()) own.upsert({ uri: `file:///corpus/${name}`, text: seedText(name), fallbackTitle: name });
    const filter = { entityIds: ['indestructible-brotherhood'] };
    const first = chronologyWithSentences(own, filter, 5);
    assert.ok(first.sentences.size > 0);
    assert.equal(chronologyWithSentences(own, filter, 5), first, 'the same question, the same sentences');
    const fewer = chronologyWithSentences(own, filter, 1);
    assert.equal(fewer.sentences.size, 1, 'another number of sentences');
    own.upsert({ uri: 'file:///corpus/late.txt', text: 'Drills\n\nMOSCOW, 2 March 2030 - The exercise Indestructible Brotherhood-2030 began.', fallbackTitle: 'late' });
    const after = chronologyWithSentences(own, filter, 1);
    assert.notEqual(after, fewer, 'a document added');
    assert.ok(after.events.some((e) => e.date === '2030-03-02'));
  });
});
