import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderEntityCard } from '../../server/src/core/card';
import { CorpusIndex, findAllMentions } from '../../server/src/core/corpusIndex';
import { bodyKey, initialsMatch } from '../../server/src/core/discovery';
import { bundledKnowledge } from './helpers';

const knowledge = bundledKnowledge();
/** What a reader would see: [text as written, entity id, edition]. */
const found = (text: string) =>
  findAllMentions(text, knowledge)
    .filter((m) => m.entityId !== 'csto')
    .map((m) => [m.surface, m.entityId, m.edition ?? null] as const);

describe('discovery of names the catalog lacks', () => {
  it('finds a quoted code name with a year in an exercise context', () => {
    assert.deepEqual(found('The special forces exercise “Cobalt-2019” was held near Moscow.'), [['Cobalt-2019', 'discovered-exercise-cobalt', 2019]]);
    assert.deepEqual(found('units took part in the drills «Rubezh - 2023» in Kyrgyzstan'), [['Rubezh - 2023', 'discovered-exercise-rubezh', 2023]]);
  });

  it('finds an unquoted Name-year in an operation context', () => {
    assert.deepEqual(found('The anti-drug operation Kanal-Patrol-2022 seized 8 tonnes.'), [['Kanal-Patrol-2022', 'discovered-operation-kanalpatrol', 2022]]);
    assert.deepEqual(found('The special forces drills Grom-2021 ended.'), [['Grom-2021', 'discovered-exercise-grom', 2021]]);
  });

  it('needs an exercise or operation word in the sentence for a name with a year', () => {
    assert.deepEqual(found('The “Army-2021” forum opened in Kubinka.'), []);
    assert.deepEqual(found('Sales rose in “Retail-2021”.'), []);
  });

  it('reads "operation X", "the X exercise" and "special exercise «X»"', () => {
    assert.deepEqual(found('During operation Trap the services blocked 40 sites.'), [['Trap', 'discovered-operation-trap', null]]);
    assert.deepEqual(found('Officers prepared the Frontier exercise for autumn.'), [['Frontier', 'discovered-exercise-frontier', null]]);
    assert.deepEqual(found('The CRDF held a special exercise «Barrier» in the mountains.'), [
      ['CRDF', 'collective-rapid-deployment-forces', null],
      ['Barrier', 'discovered-exercise-barrier', null],
    ]);
  });

  it('takes no ordinary words for names', () => {
    assert.deepEqual(found('Drills were held. Training began on Monday. The joint exercise ended. Russian drills followed.'), []);
    assert.deepEqual(found('the regular IX Training Courses of the CSTO member states'), []);
    assert.deepEqual(found('a peacekeeping operation under a UN mandate; Counter-terrorist operations continue.'), []);
  });

  it('groups the editions of a discovered series into one entity', () => {
    const index = new CorpusIndex(knowledge);
    index.upsert({ uri: 'file:///a.txt', fallbackTitle: 'a', text: 'The exercise “Cobalt-2019” was held.' });
    index.upsert({ uri: 'file:///b.txt', fallbackTitle: 'b', text: 'The exercise "Cobalt - 2025" was held in Belarus.' });
    const cobalt = index.entity('discovered-exercise-cobalt')!;
    assert.equal(cobalt.name, 'Cobalt');
    assert.equal(cobalt.kind, 'exercise');
    assert.equal(cobalt.discovered, true);
    assert.deepEqual(cobalt.editions, [{ year: 2019 }, { year: 2025 }]);
    assert.equal(index.mentionCount('discovered-exercise-cobalt'), 2);
    assert.match(renderEntityCard(cobalt, index).split('\n')[0], /^\*\*Cobalt\*\* — exercise · discovered$/);
    index.remove('file:///a.txt');
    index.remove('file:///b.txt');
    assert.equal(index.entity('discovered-exercise-cobalt'), undefined);
  });

  it('makes a named stage of a known operation a child of it', () => {
    const index = new CorpusIndex(knowledge);
    index.upsert({ uri: 'file:///a.txt', fallbackTitle: 'a', text: 'The operation «Channel – Antiterror» ran in May.' });
    const stage = index.entity('discovered-operation-channelantiterror')!;
    assert.equal(stage.name, 'Channel – Antiterror');
    assert.equal(stage.parent, 'channel');
    assert.deepEqual(index.childrenOf('channel').map((e) => e.id), ['discovered-operation-channelantiterror']);
  });
});

describe('discovery of body names', () => {
  it('finds a capitalised body name that the CSTO qualifies', () => {
    assert.deepEqual(found('The CSTO Military Committee met in Minsk.'), [['Military Committee', 'discovered-body-committee-military', null]]);
    assert.deepEqual(found('a session of the Interstate Commission for Military-Economic Cooperation of the CSTO'), [
      ['Interstate Commission for Military-Economic Cooperation', 'discovered-body-commission-cooperation-interstate-militaryeconomic', null],
    ]);
  });

  it('leaves national and other organisations\' bodies alone', () => {
    assert.deepEqual(found('The Security Council of the Republic of Kazakhstan met.'), []);
    assert.deepEqual(found('the Armed Forces of the Russian Federation and the UN Security Council'), []);
    assert.deepEqual(found('The Military Committee decided.'), []);
  });

  it('resolves a body written in another word order or spelling to the catalog entity', () => {
    assert.deepEqual(found('a meeting of the Council of the Ministers of Defence of the CSTO'), [['Council of the Ministers of Defence', 'council-of-defence-ministers', null]]);
    assert.equal(bodyKey('Council of Ministers of Foreign Affairs'), bodyKey('Council of Foreign Ministers'));
    assert.equal(bodyKey('Coordination Centre for Emergencies'), bodyKey('Coordination Center on Emergencies'));
  });

  it('attaches an abbreviation defined in the text to the entity it abbreviates', () => {
    assert.deepEqual(found('the CSTO Crisis Response Centre (CRC) reported. Later the CRC confirmed.'), [
      ['CSTO Crisis Response Centre', 'crisis-response-center', null],
      ['CRC', 'crisis-response-center', null],
      ['CRC', 'crisis-response-center', null],
    ]);
    assert.deepEqual(found('The Coordination Council on Emergency Situations (CCES) of the CSTO met; the CCES approved a plan.').map((m) => m[1]), [
      'discovered-body-coordination-council-emergency-situations',
      'discovered-body-coordination-council-emergency-situations',
      'discovered-body-coordination-council-emergency-situations',
    ]);
  });

  it('checks abbreviations against the initials of the name', () => {
    assert.ok(initialsMatch('Collective Rapid Reaction Force', 'CRRF'));
    assert.ok(initialsMatch('Committee of Secretaries of Security Councils', 'CSSC'));
    assert.ok(initialsMatch('the CSTO Collective Peacekeeping Forces', 'CPF'));
    assert.ok(!initialsMatch('Collective Rapid Reaction Force', 'KSOR'));
  });

  it('reads a series name with or without hyphen, spaces or quotes as one series', () => {
    const ids = ['the operation «Kanal-Patrol-2022»', 'the operation Kanal Patrol-2023', 'operation “Kanal – Patrol 2024”'].map((t) => found(t).map((m) => m[1]));
    assert.deepEqual(ids, [['discovered-operation-kanalpatrol'], ['discovered-operation-kanalpatrol'], ['discovered-operation-kanalpatrol']]);
  });
});
