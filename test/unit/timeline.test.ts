// The Chronology view's layout, worked out in the extension host: the filter box read into a
// selection and back, lanes and marks from the server's answer, and the time axis.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { axisTicks } from '../../client/src/chronology/axis';
import { drawingOf, filterText, parseFilter, spanOf } from '../../client/src/chronology/model';
import type { ChronologyResult, EntitySummary } from '../../server/src/shared/protocol';

const entity = (id: string, name: string, kind: EntitySummary['kind'], aliases: string[] = []): EntitySummary => ({ id, name, kind, aliases, mentionCount: 1, documentCount: 1, discovered: false, editions: [] });
const ENTITIES = [
  entity('indestructible-brotherhood', 'Indestructible Brotherhood', 'exercise', ['Inviolable Brotherhood']),
  entity('collective-security-council', 'Collective Security Council', 'body', ['CSC']),
  entity('secretariat', 'CSTO Secretariat', 'body'),
];

describe('the Chronology filter box', () => {
  it('reads names, aliases, kinds and a period, and says which words it could not place', () => {
    const { selection, unknown } = parseFilter('Inviolable Brotherhood, csc; exercises, 2021\u20132023, Bogus', ENTITIES);
    assert.deepEqual(selection, { entityIds: ['indestructible-brotherhood', 'collective-security-council'], kinds: ['exercise'], from: '2021', to: '2023' });
    assert.deepEqual(unknown, ['Bogus']);
  });

  it('takes the one entity whose name holds the words typed, and not a word several names hold', () => {
    assert.deepEqual(parseFilter('Secretariat', ENTITIES).selection.entityIds, ['secretariat']);
    assert.deepEqual(parseFilter('Council', ENTITIES).selection.entityIds, ['collective-security-council']);
    assert.deepEqual(parseFilter('ti', ENTITIES).unknown, ['ti'], 'both Collective and Indestructible hold it');
  });

  it('writes a selection back as text that reads to the same selection', () => {
    const selection = { entityIds: ['collective-security-council'], kinds: ['exercise' as const], from: '2022-01', to: '2022-06' };
    const text = filterText(selection, ENTITIES);
    assert.equal(text, 'Collective Security Council, Exercises, 2022-01\u20132022-06');
    assert.deepEqual(parseFilter(text, ENTITIES).selection, selection);
    assert.equal(filterText({ entityIds: [], kinds: [], from: '2022', to: '2022' }, ENTITIES), '2022');
  });
});

describe('the Chronology drawing', () => {
  const result: ChronologyResult = {
    by: 'passage',
    passages: 2,
    events: [
      { date: '2021-02-08', dateLabel: '8 Feb 2021', catalogOnly: false, passages: 1, uri: 'file:///a', documentTitle: 'Briefing', passage: { index: 0, title: 'Briefing', range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } } }, entities: [{ id: 'indestructible-brotherhood', name: 'Indestructible Brotherhood', kind: 'exercise', mentions: 1, passages: 1, editions: [2020] }, { id: 'secretariat', name: 'CSTO Secretariat', kind: 'body', mentions: 4, passages: 1, editions: [] }] },
      { date: '2022', dateLabel: '2022', catalogOnly: true, passages: 0, entities: [{ id: 'indestructible-brotherhood', name: 'Indestructible Brotherhood', kind: 'exercise', mentions: 0, passages: 0, editions: [2022] }] },
    ],
  };

  it('gives each entity asked for a lane, and the other entities a lane per kind', () => {
    const drawing = drawingOf(result, { entityIds: ['indestructible-brotherhood'], kinds: [] }, 'Indestructible Brotherhood');
    assert.deepEqual(drawing.lanes.map((l) => l.label), ['Indestructible Brotherhood', 'Bodies']);
    assert.deepEqual(drawing.marks.map((m) => [m.lane, m.mentions, m.catalogOnly]), [[0, 1, false], [1, 4, false], [0, 0, true]]);
    assert.equal(drawing.marks[2].label, 'Indestructible Brotherhood 2022: in the catalog only');
    assert.equal(drawing.summary, 'Indestructible Brotherhood: 2 passages');
  });

  it('spans whole years on the axis unless a period is asked for', () => {
    const whole = drawingOf(result, { entityIds: [], kinds: [] }, 'Everything');
    assert.deepEqual([whole.from, whole.to], [Date.UTC(2021, 0, 1), Date.UTC(2023, 0, 1)]);
    const period = drawingOf(result, { entityIds: [], kinds: [], from: '2021-02', to: '2021-03' }, 'Everything');
    assert.deepEqual([period.from, period.to], [Date.UTC(2021, 1, 1), Date.UTC(2021, 3, 1)]);
    assert.deepEqual(spanOf('2024-02'), [Date.UTC(2024, 1, 1), Date.UTC(2024, 2, 1)]);
  });

  it('labels every year on a wide axis, with months when there is room, and fewer years when narrow', () => {
    const from = Date.UTC(2020, 0, 1);
    const to = Date.UTC(2025, 0, 1);
    const wide = axisTicks(from, to, 1200);
    assert.deepEqual(wide.filter((t) => t.major).map((t) => t.label), ['2020', '2021', '2022', '2023', '2024', '2025']);
    assert.ok(wide.some((t) => !t.major && t.label === 'Apr'));
    const narrow = axisTicks(from, Date.UTC(2040, 0, 1), 200);
    assert.ok(narrow.filter((t) => t.major && t.label).length <= 6);
    assert.ok(narrow.every((t) => t.major), 'no month ticks when years are narrow');
  });
});
