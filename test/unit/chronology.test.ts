// The corpus over time: dated events per passage for entities, kinds and date ranges; editions
// known only from the catalog at their year; reprints once.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CorpusIndex } from '../../server/src/core/index/corpusIndex';
import { chronology } from '../../server/src/core/query/chronology';
import { bundledKnowledge, seedFiles, seedText } from './helpers';

const index = new CorpusIndex(bundledKnowledge());
for (const name of seedFiles()) index.upsert({ uri: `file:///corpus/${name}`, text: seedText(name), fallbackTitle: name });

describe('the chronology', () => {
  it('dates every passage that mentions an exercise by the passage, and places catalog editions nobody mentions at their year', () => {
    const events = chronology(index, { entityIds: ['indestructible-brotherhood'] });
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
    const events = chronology(index, { entityIds: ['indestructible-brotherhood'], from: '2021', to: '2023-06' });
    assert.deepEqual(events.map((e) => e.date.slice(0, 4)), ['2021', '2021', '2022', '2023']);
  });

  it('counts a reprinted news item once', () => {
    const events = chronology(index, { entityIds: ['secretariat'] });
    const april = events.filter((e) => e.date === '2024-04-24');
    assert.equal(april.length, 1, 'the 24 Apr 2024 consultations, printed on two pages');
    assert.equal(events.reduce((n, e) => n + e.entities[0].mentions, 0), index.mentionCount('secretariat'));
  });

  it('gathers the entities of a kind passage by passage, oldest first', () => {
    const events = chronology(index, { kinds: ['exercise'] });
    assert.ok(events.length >= 5);
    for (let i = 1; i < events.length; i++) assert.ok(events[i - 1].date <= events[i].date, `${events[i - 1].date} before ${events[i].date}`);
    assert.ok(events.every((e) => e.entities.every((x) => x.entity.kind === 'exercise')));
  });

  it('gathers a whole corpus by month and by year, summing passages and mentions', () => {
    const passages = chronology(index);
    const months = chronology(index, { by: 'month' });
    const years = chronology(index, { by: 'year' });
    const sum = (events: readonly { passages: number }[]) => events.reduce((n, e) => n + e.passages, 0);
    assert.equal(sum(months), sum(passages));
    assert.equal(sum(years), sum(passages));
    assert.ok(months.every((e) => e.date.length <= 7) && new Set(months.map((e) => e.date)).size === months.length);
    assert.deepEqual(years.map((e) => e.date), [...new Set(passages.map((e) => e.date.slice(0, 4)))]);
    const mentions = (events: ReturnType<typeof chronology>, id: string) => events.reduce((n, e) => n + (e.entities.find((x) => x.entity.id === id)?.mentions ?? 0), 0);
    assert.equal(mentions(years, 'collective-security-council'), index.mentionCount('collective-security-council'));
  });
});
