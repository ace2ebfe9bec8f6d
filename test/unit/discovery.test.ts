import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findAllMentions } from '../../server/src/core/analysis/analyseDocument';
import { initialsMatch, syllablesMatch } from '../../server/src/core/analysis/initials';
import { unbracketedInitials } from '../../server/src/core/analysis/unbracketedInitials';
import { splitWords } from '../../server/src/core/text/words';
import { WORLD_STATE_ABOUT } from '../../server/src/core/catalog/worldStates';
import { bodyKey } from '../../server/src/core/catalog/lexicon';
import { CorpusIndex } from '../../server/src/core/index/corpusIndex';
import { cardFacts } from '../../server/src/core/query/cardFacts';
import { renderEntityCard } from '../../server/src/core/render/card';
import { bundledKnowledge } from './helpers';

const knowledge = bundledKnowledge();
const SERIES_AND_BODIES = new Set(['body', 'operation', 'exercise']);
/** What a reader would see of bodies, operations and exercises: [text as written, entity id, edition]. */
const found = (text: string) =>
  findAllMentions(text, knowledge)
    .filter((m) => SERIES_AND_BODIES.has(m.discovered?.kind ?? knowledge.get(m.entityId)?.kind ?? ''))
    .map((m) => [m.surface, m.entityId, m.edition ?? null] as const);

describe('discovery of names the catalog lacks', () => {
  it('finds a quoted code name with a year in an exercise context', () => {
    assert.deepEqual(found('The special forces exercise “Granite-2019” was held near Moscow.'), [['Granite-2019', 'discovered-exercise-granite', 2019]]);
    assert.deepEqual(found('units took part in the drills «Steppe Shield - 2023» in Kyrgyzstan'), [['Steppe Shield - 2023', 'discovered-exercise-steppeshield', 2023]]);
  });

  it('finds an unquoted code name with a year after a space, beside the word exercise', () => {
    assert.deepEqual(found('Their scenarios follow the strategic exercise Zapad 2027.'), [['Zapad 2027', 'discovered-exercise-zapad', 2027]]);
    assert.deepEqual(found('The Zapad 2027 exercise will be held in September.'), [['Zapad 2027', 'discovered-exercise-zapad', 2027]]);
    assert.deepEqual(found('During the exercise Russia 2027 hosted guests. The exercise in 2027 was long.'), [], 'a state is no code name, nor a year alone');
  });

  it('takes the kind word nearest before a code name, however long the words before it', () => {
    const filler = 'with units from several member states and observers from partner countries '.repeat(3);
    assert.deepEqual(found(`After the operation ${filler}the special exercise «Granite-2019» began.`), [['Granite-2019', 'discovered-exercise-granite', 2019]]);
    assert.deepEqual(found(`After the exercise ${filler}the special operation «Granite-2019» began.`), [['Granite-2019', 'discovered-operation-granite', 2019]]);
  });

  it('finds an unquoted Name-year in an operation context', () => {
    assert.deepEqual(found('The anti-drug operation Kanal-Patrol-2022 seized 8 tonnes.'), [['Kanal-Patrol-2022', 'discovered-operation-kanalpatrol', 2022]]);
    assert.deepEqual(found('The special forces drills Kremen-2021 ended.'), [['Kremen-2021', 'discovered-exercise-kremen', 2021]]);
  });

  it('needs an exercise or operation word in the sentence for a name with a year', () => {
    assert.deepEqual(found('The “Army-2021” forum opened in Kubinka.'), []);
    assert.deepEqual(found('Sales rose in “Retail-2021”.'), []);
  });

  it('reads "operation X", "the X exercise" and "special exercise «X»"', () => {
    assert.deepEqual(found('During operation Trap the services blocked 40 sites.'), [['Trap', 'discovered-operation-trap', null]]);
    assert.deepEqual(found('Officers prepared the Granite exercise for autumn.'), [['Granite', 'discovered-exercise-granite', null]]);
    assert.deepEqual(found('The CRDF held a special exercise «Shield» in the mountains.'), [
      ['CRDF', 'collective-rapid-deployment-forces', null],
      ['Shield', 'discovered-exercise-shield', null],
    ]);
  });

  it('takes the name of a training ground for a place, not an exercise', () => {
    assert.deepEqual(found('the drills were held at the Edelweiss training ground and the Matybulak training range'), []);
  });

  it('takes no ordinary words for names', () => {
    assert.deepEqual(found('Drills were held. Training began on Monday. The joint exercise ended. Russian drills followed.'), []);
    assert.deepEqual(found('the regular IX Training Courses of the CSTO member states'), []);
    assert.deepEqual(found('a peacekeeping operation under a UN mandate; Counter-terrorist operations continue.'), []);
  });

  it('groups the editions of a discovered series into one entity', () => {
    const index = new CorpusIndex(knowledge);
    index.upsert({ uri: 'file:///a.txt', fallbackTitle: 'a', text: 'The exercise “Granite-2019” was held.' });
    index.upsert({ uri: 'file:///b.txt', fallbackTitle: 'b', text: 'The exercise "Granite - 2025" was held in Belarus.' });
    const granite = index.entity('discovered-exercise-granite')!;
    assert.equal(granite.name, 'Granite');
    assert.equal(granite.kind, 'exercise');
    assert.equal(granite.discovered, true);
    assert.deepEqual(granite.editions, [{ year: 2019 }, { year: 2025 }]);
    assert.equal(index.mentionCount('discovered-exercise-granite'), 2);
    assert.match(renderEntityCard(cardFacts(granite, index)).split('\n')[0], /^\*\*Granite\*\* — exercise · discovered$/);
    index.remove('file:///a.txt');
    index.remove('file:///b.txt');
    assert.equal(index.entity('discovered-exercise-granite'), undefined);
  });

  it('makes a named stage of a known operation a child of it', () => {
    const index = new CorpusIndex(knowledge);
    index.upsert({ uri: 'file:///a.txt', fallbackTitle: 'a', text: 'The operation «Channel – Antiterror» ran in May.' });
    const stage = index.entity('discovered-operation-channelantiterror')!;
    assert.equal(stage.name, 'Channel – Antiterror');
    assert.equal(stage.parent, 'channel');
    assert.ok(index.childrenOf('channel').some((e) => e.id === 'discovered-operation-channelantiterror'));
  });

  it('gives stages only to a series the catalog gives stages: a training hyphenated to Thunder\'s name is none of Thunder', () => {
    const infos = (text: string) => findAllMentions(text, knowledge).filter((m) => m.discovered).map((m) => [m.surface, m.discovered!.kind, m.discovered!.parent ?? null]);
    assert.deepEqual(infos('Российские военные провели командно-штабную тренировку «Гром-Полигон», не связанную с ОДКБ.'), [['Гром-Полигон', 'exercise', null]]);
    assert.deepEqual(infos('The special exercise «Thunder-Polygon» ended.'), [['Thunder-Polygon', 'exercise', null]]);
    assert.deepEqual(infos('The operation «Kanal-Patrol» ended.'), [['Kanal-Patrol', 'operation', 'channel']]);
  });
});

describe('discovery of body names', () => {
  it('finds a capitalised body name that the CSTO qualifies', () => {
    assert.deepEqual(found('The CSTO Academic Council met in Minsk.'), [['Academic Council', 'discovered-body-academic-council', null]]);
    assert.deepEqual(found('a session of the Interstate Commission for Military-Technical Standards of the CSTO'), [
      ['Interstate Commission for Military-Technical Standards', 'discovered-body-commission-interstate-militarytechnical-standards', null],
    ]);
  });

  it('finds a body that belongs to a CSTO body: "the Operational Staff of the CRRF"', () => {
    assert.deepEqual(found('the Operational Staff of the CRRF special forces formations was formed'), [
      ['Operational Staff', 'discovered-body-operational-staff', null],
      ['CRRF', 'collective-rapid-reaction-force', null],
    ]);
  });

  it('finds a body after the CSTO\'s possessive, and one "of the organization" in a text that named the CSTO before', () => {
    assert.deepEqual(found('the Collective Security Treaty Organization\'s Academic Council met').map(([s, id]) => [s, id]), [['Academic Council', 'discovered-body-academic-council']]);
    assert.deepEqual(found('The CSTO drills were planned by the Academic Council of the organization.').map(([s]) => s), ['Academic Council']);
    assert.deepEqual(found('The NATO drills were planned by the Academic Council of the organization.').map(([s]) => s), []);
  });

  it('leaves national and other organisations\' bodies alone', () => {
    assert.deepEqual(found('The Security Council of the Republic of Kazakhstan met.'), []);
    assert.deepEqual(found('the Armed Forces of the Russian Federation and the UN Security Council'), []);
    assert.deepEqual(found('The Academic Council decided.'), []);
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
    assert.deepEqual(found('The Coordination Council on Cultural Heritage (CCCH) of the CSTO met; the CCCH approved a plan.').map((m) => m[1]), [
      'discovered-body-coordination-council-cultural-heritage',
      'discovered-body-coordination-council-cultural-heritage',
      'discovered-body-coordination-council-cultural-heritage',
    ]);
    assert.deepEqual(found('The Coordination Council on Emergency Situations (CCES) of the CSTO met; the CCES approved a plan.').map((m) => m[1]), [
      'coordination-council-emergencies',
      'coordination-council-emergencies',
      'coordination-council-emergencies',
    ], 'a catalog body keeps its id; the abbreviation the text defines joins it');
  });

  it('attaches an abbreviation after "of the CSTO" to the body named before it, by the initials of its head', () => {
    const text = 'On Monday the meeting of the Expert Working Group on Information Security of the CSTO (EWG) was held in Minsk. The EWG will meet again.';
    assert.deepEqual(found(text).map((m) => [m[0], m[1]]), [
      ['Expert Working Group on Information Security', 'discovered-body-expert-group-information-security-working'],
      ['EWG', 'discovered-body-expert-group-information-security-working'],
      ['EWG', 'discovered-body-expert-group-information-security-working'],
    ]);
  });

  it('takes an abbreviation after a catalog body for it when it is the initials of another of its names', () => {
    assert.deepEqual(found('a joint meeting of the Council of Foreign Ministers (CMFA) and the Council of Defense Ministers (CMD). The CMFA adopted a statement.'), [
      ['Council of Foreign Ministers', 'council-of-foreign-ministers', null],
      ['CMFA', 'council-of-foreign-ministers', null],
      ['Council of Defense Ministers', 'council-of-defence-ministers', null],
      ['CMD', 'council-of-defence-ministers', null],
      ['CMFA', 'council-of-foreign-ministers', null],
    ]);
    assert.deepEqual(found('the Council of Foreign Ministers (CMA) met; the CMA agreed.').map((m) => m[0]), ['Council of Foreign Ministers'], 'initials of no name of the body');
  });

  it('reads a plural possessive inside a body name ("Security Councils\' Secretaries") as the catalog body of those words', () => {
    assert.deepEqual(found("the Committee of Security Councils' Secretaries of the Collective Security Treaty Organization met."), [
      ["Committee of Security Councils' Secretaries", 'committee-of-secretaries-of-security-councils', null],
    ]);
    assert.deepEqual(found("the Committee of Security Councils' Secretaries met."), [["Committee of Security Councils' Secretaries", 'committee-of-secretaries-of-security-councils', null]], "the catalog's \"Committee of Security Council Secretaries\", with the plural and its possessive");
    assert.deepEqual(found('the Secretaries of Security Councils Committee met.'), [], 'another word order needs the CSTO named');
  });

  it('reads two bodies joined by "and the" as two, not one name or a body under the first', () => {
    assert.deepEqual(found('the joint meeting of the Council of Defense Ministers and the Committee of Secretaries of Security Councils of the CSTO').map((m) => [m[0], m[1]]), [
      ['Council of Defense Ministers', 'council-of-defence-ministers'],
      ['Committee of Secretaries of Security Councils', 'committee-of-secretaries-of-security-councils'],
    ]);
    assert.ok(!found('the Council of Defense Ministers and the Committee met').some((m) => m[1] === 'military-committee'), 'the Military Committee is under the Council, but not named');
  });

  it('reads a head noun after a catalog body as a body of that body ("the CSTO PA Secretariat"), not the CSTO\'s body of that name', () => {
    assert.deepEqual(found('The CSTO PA Secretariat was instructed to prepare laws.'), [['CSTO PA Secretariat', 'discovered-body-pa-secretariat', null]]);
    assert.deepEqual(found('the CSTO PA Council met.').map((m) => m[1]), ['council-of-the-parliamentary-assembly'], 'a body the catalog has under it');
  });

  it('reads the CSTO inside a catalog body\'s name ("the Committee of CSTO Security Council Secretaries") as that body', () => {
    assert.deepEqual(found('the Committee of CSTO Security Council Secretaries met.').map((m) => [m[0], m[1]]), [['Committee of CSTO Security Council Secretaries', 'committee-of-secretaries-of-security-councils']]);
    assert.deepEqual(found('Members of the Committee of Secretaries of the CSTO Security Councils met.').map((m) => [m[0], m[1]]), [['Committee of Secretaries of the CSTO Security Councils', 'committee-of-secretaries-of-security-councils']], 'with "the" before the CSTO');
    assert.deepEqual(found('the Council of CSTO Member States met.').map((m) => m[1]), [], 'no catalog body of those words');
  });

  it('finds a catalog body written another way, with the CSTO before it as part of its name, then written so again later, but not another organisation\'s body of those words', () => {
    assert.deepEqual(found('a spokesman for the CSTO Joint Headquarters said. Officers of the Joint Headquarters and the NATO Joint Headquarters met.').filter((m) => m[1] === 'joint-staff').map((m) => m[0]), ['CSTO Joint Headquarters', 'Joint Headquarters']);
    assert.deepEqual(found('the CSTO Joint Headquarters said on Thursday. "The troops are ready," the joint headquarters said; joint headquarters of exercises differ.').filter((m) => m[1] === 'joint-staff').map((m) => m[0]), ['CSTO Joint Headquarters', 'joint headquarters'], 'in lower case after "the" only');
    assert.deepEqual(findAllMentions('the CSTO Joint Headquarters said.', knowledge).map((m) => [m.surface, m.entityId]), [['CSTO Joint Headquarters', 'joint-staff']], 'the CSTO is no mention of its own there, as in the catalog\'s "CSTO Joint Staff"');
  });

  it('finds a catalog body written with a synonym of one of its words ("Combating" for "Countering") in a text about the CSTO, and no body with a word more', () => {
    const text = 'The CSTO met. It was chaired by the Secretary of the Coordination Council on Combating Illegal Migration, Police Major General Irina Sokolova.';
    assert.deepEqual(found(text).map((m) => [m[0], m[1]]), [['Coordination Council on Combating Illegal Migration', 'coordination-council-illegal-migration']]);
    assert.deepEqual(found('The CSTO met. The Coordination Council on Combating Illegal Migration and Terrorism met.').filter((m) => m[1] === 'coordination-council-illegal-migration'), []);
  });

  it('finds a hyphenated stage named in quotes again without them, as a sentence opens', () => {
    const text = 'The CSTO will hold the sub-regional anti-drug operation «Kanal-Issyk-Kul» in the autumn. Kanal-Issyk-Kul, a stage of the operation Channel, is to cut the routes.';
    assert.deepEqual(found(text).filter((m) => m[0] === 'Kanal-Issyk-Kul').map((m) => m[1]), ['discovered-operation-kanalissykkul', 'discovered-operation-kanalissykkul']);
  });

  it('finds the Rock exercise under the translation "Cliff" beside its kind word, not the ordinary word', () => {
    assert.deepEqual(findAllMentions('Emergencies units took part in the special exercise Cliff.', knowledge).map((m) => m.entityId), ['rock']);
    assert.deepEqual(findAllMentions('The road ran along the Cliff above the river.', knowledge).map((m) => m.entityId), []);
  });

  it('finds the body of an operation under "Its" after a sentence about the operation, but not after another subject', () => {
    const text = 'The CSTO sub-regional anti-drug operation «Channel – Steppe Barrier» was held in May. Its International Coordination Headquarters worked in Astana.';
    assert.deepEqual(found(text).filter((m) => m[0].includes('Headquarters')).map((m) => m[0]), ['International Coordination Headquarters']);
    assert.deepEqual(found('The CSTO met in May. Kazakhstan hosted it. Its National Security Committee Headquarters worked in Astana.').filter((m) => m[0].includes('Headquarters')), [], 'the sentence before speaks of a state');
    const datelined = 'Operation completed\n\nDUSHANBE, September 23, Asia-Plus – The CSTO sub-regional anti-drug operation «Channel – Interception» was held in September. Its International Coordination Headquarters worked in Almaty.';
    assert.deepEqual(found(datelined).filter((m) => m[0].includes('Headquarters')).map((m) => m[0]), ['International Coordination Headquarters'], 'after a dateline');
  });

  it('finds a body of the Parliamentary Assembly under "PA CSTO", written with "Affairs" for the catalog\'s "Issues"', () => {
    assert.deepEqual(found('Chairman of the PA CSTO Standing Commission on Political Affairs and International Cooperation, Deputy Speaker Alen Simonyan, spoke.'), [['PA CSTO Standing Commission on Political Affairs and International Cooperation', 'pa-commission-political', null]]);
  });

  it('checks abbreviations against the initials of the name', () => {
    assert.ok(initialsMatch('Collective Rapid Reaction Force', 'CRRF'));
    assert.ok(initialsMatch('Committee of Secretaries of Security Councils', 'CSSC'));
    assert.ok(initialsMatch('the CSTO Collective Peacekeeping Forces', 'CPF'));
    assert.ok(!initialsMatch('Collective Rapid Reaction Force', 'KSOR'));
  });

  it('finds a Russian code name in quotes after a kind word in any case: a stage of a series whole, another alliance\'s exercise', () => {
    const stage = findAllMentions('Прошла субрегиональная операция «Канал – Восточный щит».', knowledge).find((m) => m.discovered);
    assert.equal(stage?.surface, 'Канал – Восточный щит');
    assert.equal(stage?.discovered?.kind, 'operation');
    assert.equal(stage?.discovered?.parent, 'channel', 'a stage of Channel');
    assert.deepEqual(found('с планом российско-белорусского учения «Запад-2027», добавил генерал.'), [['Запад-2027', 'discovered-exercise-запад', 2027]]);
    assert.deepEqual(found('Спецоперация России продолжается.'), [], 'an unquoted capital after a Russian kind word is its genitive, no name');
  });

  it('reads a series name with or without hyphen, spaces or quotes as one series', () => {
    const ids = ['the operation «Kanal-Patrol-2022»', 'the operation Kanal Patrol-2023', 'operation “Kanal – Patrol 2024”'].map((t) => found(t).map((m) => m[1]));
    assert.deepEqual(ids, [['discovered-operation-kanalpatrol'], ['discovered-operation-kanalpatrol'], ['discovered-operation-kanalpatrol']]);
  });
});

describe('names in brackets beside a known name', () => {
  it('takes an alias in brackets after a known name, there and later in the text', () => {
    assert.deepEqual(found('Nerushimoe Bratstvo (Enduring Brotherhood) took place in Belarus. Enduring Brotherhood ended on Friday.'), [
      ['Nerushimoe Bratstvo', 'indestructible-brotherhood', null],
      ['Enduring Brotherhood', 'indestructible-brotherhood', null],
      ['Enduring Brotherhood', 'indestructible-brotherhood', null],
    ]);
  });

  it('takes an alias before a known name in brackets', () => {
    assert.deepEqual(found('The Enduring Brotherhood (Nerushimoe Bratstvo) exercise began.'), [
      ['Enduring Brotherhood', 'indestructible-brotherhood', null],
      ['Nerushimoe Bratstvo', 'indestructible-brotherhood', null],
    ]);
  });

  it('takes a longer or reordered translation of a body before its known abbreviation', () => {
    const text = 'The Coordination Council of the heads of the competent authorities on countering illegal drug trafficking (CCBCD) met in Bishkek.';
    assert.deepEqual(found(text), [
      ['Coordination Council of the heads of the competent authorities on countering illegal drug trafficking', 'coordination-council-drug-trafficking', null],
      ['CCBCD', 'coordination-council-drug-trafficking', null],
    ]);
  });

  it('does not make a place, a state or a remark in brackets into an alias', () => {
    assert.deepEqual(found('the Collective Rapid Reaction Forces (Almaty) moved'), [['Collective Rapid Reaction Forces', 'collective-rapid-reaction-force', null]]);
    assert.deepEqual(found('the exercise Cobalt (Republic of Kazakhstan) ended'), [['Cobalt', 'cobalt', null]]);
    assert.deepEqual(found('the Council of Foreign Ministers (see the Annex) met'), [['Council of Foreign Ministers', 'council-of-foreign-ministers', null]]);
  });
});

describe('variant names joined to the entity they name', () => {
  it('takes some words of one catalog body name, or a synonym of its head, for that body', () => {
    assert.deepEqual(found('The Rapid Reaction Force of the CSTO moved north.'), [['Rapid Reaction Force', 'collective-rapid-reaction-force', null]]);
    assert.deepEqual(found('Officers of the Joint Headquarters of the CSTO met.'), [['Joint Headquarters', 'joint-staff', null]]);
  });

  it('takes all the words of a catalog body\'s name in another order for that body, not for the shorter body inside', () => {
    assert.deepEqual(found('The CSTO drills of the Rapid Deployment Collective Forces of the Central Asian Region began. The Rapid Deployment Collective Forces are ready.'), [
      ['Rapid Deployment Collective Forces of the Central Asian Region', 'collective-rapid-deployment-forces', null],
      ['Rapid Deployment Collective Forces', 'collective-rapid-deployment-forces', null],
    ]);
    assert.deepEqual(found('The Collective Forces are ready.'), [['Collective Forces', 'collective-forces', null]]);
    assert.deepEqual(found('The Rapid Deployment Collective Forces are ready.'), [['Collective Forces', 'collective-forces', null]], 'a text that does not name the CSTO');
    assert.deepEqual(found('the CSTO and the Russian Rapid Deployment Collective Forces'), [['Collective Forces', 'collective-forces', null]], 'a national word is no part of the CSTO body');
  });

  it('takes "joint" for "collective" and "peace keeping" for "peacekeeping" in a catalog body\'s name', () => {
    assert.deepEqual(found('The CSTO Joint Peace Keeping Force guarded the airport.'), [['CSTO Joint Peace Keeping Force', 'collective-peacekeeping-forces', null]]);
    assert.deepEqual(found('Officers of the Joint Staff of the CSTO met.'), [['Joint Staff of the CSTO', 'joint-staff', null]]);
  });

  it('takes a body of a catalog body written under its parent\'s name, before or after it', () => {
    assert.deepEqual(found('The CSTO PA Council met. The PA CSTO Council met. The Council of the CSTO PA met.').filter(([, id]) => id !== 'parliamentary-assembly'), [
      ['CSTO PA Council', 'council-of-the-parliamentary-assembly', null],
      ['PA CSTO Council', 'council-of-the-parliamentary-assembly', null],
      ['Council', 'council-of-the-parliamentary-assembly', null],
    ]);
    assert.deepEqual(found('The CSTO PA Standing Commission on Defence and Security met.'), [['CSTO PA Standing Commission on Defence and Security', 'pa-commission-defence-security', null]]);
    assert.deepEqual(found('The CSTO PA Coordination Council met.').map(([, id]) => id), ['parliamentary-assembly'], 'no body of the Assembly has those words');
  });

  it('takes a catalog body written in lower case after the CSTO\'s name for that body, and nothing else in lower case', () => {
    assert.deepEqual(found('The CSTO rapid response forces and the CSTO\'s rapid response forces trained.'), [
      ['rapid response forces', 'collective-rapid-reaction-force', null],
      ['rapid response forces', 'collective-rapid-reaction-force', null],
    ]);
    assert.deepEqual(found('The CSTO armed forces and the CSTO member forces met; NATO rapid response forces did not.'), []);
    assert.deepEqual(found('The drills with the collective forces of the Central Asian region are planned.'), [['collective forces of the Central Asian region', 'collective-rapid-deployment-forces', null]]);
  });

  it('takes a department the CSTO qualifies as a body, after a "Head of" role, and leaves a state\'s department alone', () => {
    assert.deepEqual(found('Safar Umarzoda, Head of the Department for Countering Challenges and Threats of the CSTO Secretariat, spoke.'), [
      ['Department for Countering Challenges and Threats', 'discovered-body-challenges-countering-department-threats', null],
      ['CSTO Secretariat', 'secretariat', null],
    ]);
    assert.deepEqual(found('The US Department of State and the Defense Department of Kazakhstan commented on the CSTO.'), []);
  });

  it('takes a body named before its initials and "of the operation" in a text about the CSTO, without the sentence\'s opening "The"', () => {
    const text = 'The CSTO operation "Channel" began. The International Coordination Headquarters (ICH) of the operation worked in Astana. The ICH reported.';
    assert.deepEqual(found(text).filter(([, id]) => id.startsWith('discovered-body')), [
      ['International Coordination Headquarters', 'discovered-body-coordination-headquarters-international', null],
      ['ICH', 'discovered-body-coordination-headquarters-international', null],
      ['ICH', 'discovered-body-coordination-headquarters-international', null],
    ]);
    assert.deepEqual(found('The operation began. The International Coordination Headquarters (ICH) of the operation worked in Astana.'), [], 'not in a text that never names the CSTO');
  });

  it('leaves a body of the catalog\'s name to the owner whose possessive it follows, not to the CSTO', () => {
    assert.deepEqual(found("The Union State's Parliamentary Assembly and the EAEU's Secretariat are observers."), []);
    assert.deepEqual(found("The Collective Security Council's Working Group on Afghanistan met.").map(([, id]) => id), ['collective-security-council', 'working-group-on-afghanistan'], 'a body\'s possessive before another body of the CSTO');
    assert.deepEqual(found("Last Tuesday's Council of Foreign Ministers met; the Collective Security Treaty Organization's Secretariat replied.").map(([, id]) => id), ['council-of-foreign-ministers', 'secretariat'], 'a day\'s, or the CSTO\'s own');
    assert.deepEqual(found('Chief of the Allied Staff of the CSTO, Colonel-General Andrei Serdyukov, spoke. Allied staff officers met.').map(([s, id]) => `${s}=${id}`), ['Allied Staff of the CSTO=joint-staff'], 'the catalog\'s other name, with the CSTO only');
  });

  it('joins a code name and its translation in brackets, both unknown, into one exercise', () => {
    const mentions = findAllMentions('The CSTO air exercise Vozdushny Most-2028 (Air Bridge-2028) starts. Air Bridge will follow.', knowledge).filter((m) => m.discovered);
    assert.deepEqual(mentions.map((m) => m.surface), ['Vozdushny Most-2028', 'Air Bridge-2028', 'Air Bridge']);
    assert.equal(new Set(mentions.map((m) => m.entityId)).size, 1, JSON.stringify(mentions));
  });

  it('takes three lower-case words of a catalog body after "the" in a text about the CSTO, and not in one about another alliance', () => {
    assert.deepEqual(found('CSTO drills began. Reconnaissance in support of the rapid response forces will be practised.'), [['rapid response forces', 'collective-rapid-reaction-force', null]]);
    assert.deepEqual(found('NATO drills began. Reconnaissance in support of the rapid response forces will be practised.'), []);
    assert.deepEqual(found("CSTO drills began. Russia's rapid response forces and the national rapid response forces will train."), [], 'a state\'s forces, or words no catalog body has');
    assert.deepEqual(found('CSTO drills began. The armed forces will train.'), [], 'two words are not enough without the CSTO before them');
  });

  it('leaves a name that several catalog bodies share undecided, and a NATO force alone', () => {
    assert.deepEqual(found('The Coordination Council of the CSTO met.'), [['Coordination Council', 'discovered-body-coordination-council', null]]);
    assert.deepEqual(found('A spokesman for the NATO Rapid Reaction Force declined to comment.'), []);
  });

  it('leaves a state\'s own body of a catalog body\'s name to that state', () => {
    const bodies = (text: string) => found(text).map(([surface, id]) => [surface, id]);
    assert.deepEqual(bodies('Officers of the Joint Staff of the Russian Armed Forces attended.'), []);
    assert.deepEqual(bodies('the Joint Staff of the Armed Forces of Kazakhstan'), []);
    assert.deepEqual(bodies('the Russian Joint Staff'), []);
    assert.deepEqual(bodies('the Permanent Council of the OSCE; the CIS Council of Defence Ministers'), [], "another organisation's body");
    assert.deepEqual(bodies('the Council of Foreign Ministers heard the Council of Commanders of Border Troops'), [['Council of Foreign Ministers', 'council-of-foreign-ministers']], 'a head noun going on into a name of its own');
    assert.deepEqual(bodies('the Joint Staff of the CSTO; the Joint Staff and Russia agreed'), [
      ['Joint Staff of the CSTO', 'joint-staff'],
      ['Joint Staff', 'joint-staff'],
    ]);
  });

  it('reads a catalog body name written around the CSTO, or with other articles, whole', () => {
    assert.deepEqual(found('The Coordination Council of the CSTO on Biological Security met.'), [['Coordination Council of the CSTO on Biological Security', 'coordination-council-on-biological-security', null]]);
    assert.deepEqual(found('and the Committee of the Secretaries of the Security Councils met on Monday.'), [['Committee of the Secretaries of the Security Councils', 'committee-of-secretaries-of-security-councils', null]]);
  });

  it('finds the headquarters of an operation as a body', () => {
    assert.deepEqual(found('The International Coordination Headquarters of the operation Channel met.'), [
      ['International Coordination Headquarters', 'discovered-body-coordination-headquarters-international', null],
      ['Channel', 'channel', null],
    ]);
  });

  it('makes a hyphenated stage a stage of its series, a lowercase last word included', () => {
    const stage = (text: string) => findAllMentions(text, knowledge).filter((m) => m.discovered).map((m) => [m.surface, m.discovered!.parent]);
    assert.deepEqual(stage('A second stage, "Kanal-Patrol", will follow.'), [['Kanal-Patrol', 'channel']]);
    assert.deepEqual(stage('Police took part in the operation Channel-Red dune, and customs helped.'), [['Channel-Red dune', 'channel']]);
    assert.deepEqual(stage('The operation Channel-Red police seized drugs.'), [['Channel-Red', 'channel']], 'a word that is not part of the name');
  });

  it('makes a quoted "Series-Word Word" a stage of its series, also of a series whose name is an ordinary word', () => {
    const stage = (text: string) => findAllMentions(text, knowledge).filter((m) => m.discovered).map((m) => [m.surface, m.discovered!.parent]);
    assert.deepEqual(stage('Its next stage, "Channel-Southern Shield", ran in June.'), [['Channel-Southern Shield', 'channel']]);
    assert.deepEqual(stage('The stage «Channel-Night Watch» ended.'), [['Channel-Night Watch', 'channel']]);
    assert.deepEqual(stage('Read "Channel-news daily" for more.'), [], 'a lower-case word after the hyphen');
    assert.deepEqual(stage('He watched "Channel-Five Evening News Hour" again.'), [], 'more than three words after the hyphen');
  });

  it('names a formation written in lower case by its initials, and takes the initials later', () => {
    const text = 'A radiation, chemical and biological protection unit (RCBP) of the Collective Forces took part; the RCBP cleaned the site.';
    assert.deepEqual(found(text).filter(([, id]) => id.startsWith('discovered')), [
      ['radiation, chemical and biological protection unit', 'discovered-body-biological-chemical-protection-radiation-unit', null],
      ['RCBP', 'discovered-body-biological-chemical-protection-radiation-unit', null],
      ['RCBP', 'discovered-body-biological-chemical-protection-radiation-unit', null],
    ]);
  });

  it('learns a transliteration marked with its language as another name of the exercise ("(Rus. “Vzaimodeystviye”)")', () => {
    const found = findAllMentions('the joint exercise "Interaction-2026" (Rus. "Vzaimodeystviye") began.', knowledge).map((m) => [m.surface, m.entityId]);
    assert.deepEqual(found, [['Interaction-2026', 'interaction'], ['Vzaimodeystviye', 'interaction']]);
  });

  it('learns a translation in square brackets as another name of the exercise', () => {
    assert.deepEqual(found('The special forces exercise Poisk [Search] ended near Almaty.'), [['Poisk', 'search', null], ['Search', 'search', null]]);
  });
});

describe('people, states and organisations the catalog lacks', () => {
  const others = (text: string) =>
    findAllMentions(text, knowledge)
      .filter((m) => m.discovered && ['person', 'state', 'organization'].includes(m.discovered.kind))
      .map((m) => [m.surface, m.discovered!.kind, m.discovered!.name, m.discovered!.about ?? null]);

  it('knows a state by the initials the press writes ("US", "USA", "UK", "UAE"), in capitals only, and leaves the catalog its "CAR"', () => {
    assert.deepEqual(
      others('US joins talks. Let us hope the USA, the UK and the UAE agree; us too.').map(([s, kind, name]) => [s, kind, name]),
      [
        ['US', 'state', 'United States'],
        ['USA', 'state', 'United States'],
        ['UK', 'state', 'United Kingdom'],
        ['UAE', 'state', 'United Arab Emirates'],
      ],
    );
    assert.deepEqual(others('The CRDF CAR trained with the CAR units.'), [], '"CAR" is a word of a catalog name, not the Central African Republic');
  });

  it('finds a department named after its organisation ("the UN Department of Peacekeeping Operations"), not the organisation alone', () => {
    assert.deepEqual(others('He reported to the UN Department of Peacekeeping Operations on Friday.'), [['UN Department of Peacekeeping Operations', 'organization', 'UN Department of Peacekeeping Operations', null]], 'the day after "on" is no word of the name');
    assert.deepEqual(others('Experts of the UN Office of Counter-Terrorism in May met.'), [['UN Office of Counter-Terrorism', 'organization', 'UN Office of Counter-Terrorism', null]]);
  });

  it('finds an office named after its organisation without an abbreviation ("the UN Office of Counter-Terrorism"), not a list', () => {
    assert.deepEqual(others('Experts of the UN Office of Counter-Terrorism watched the drills.'), [['UN Office of Counter-Terrorism', 'organization', 'UN Office of Counter-Terrorism', null]]);
    assert.deepEqual(others('Analysts of the United Nations Development Programme came.'), [['United Nations Development Programme', 'organization', 'United Nations Development Programme', null]]);
    assert.deepEqual(others('the UN Office in Dushanbe'), [], 'one word after the name is no office of its own');
    assert.deepEqual(others('the Shanghai Cooperation Organization and of the State Committee of Belarus'), [], 'a list is no name');
  });

  it('finds a person by the title before the name, with the role as the text gives it', () => {
    assert.deepEqual(others('President of Kyrgyzstan Sadyr Japarov met the press. Japarov smiled.'), [
      ['Sadyr Japarov', 'person', 'Sadyr Japarov', 'President of Kyrgyzstan'],
      ['Japarov', 'person', 'Sadyr Japarov', 'President of Kyrgyzstan'],
    ]);
    assert.deepEqual(others('Major General Ivan Petrov attended.'), [['Ivan Petrov', 'person', 'Ivan Petrov', 'Major General']]);
    assert.deepEqual(others('Officers were headed by Lt. Gen. Ruslan Shpekbayev.'), [['Ruslan Shpekbayev', 'person', 'Ruslan Shpekbayev', 'Lt. Gen.']]);
    assert.deepEqual(others('The Lt. Gen. said nothing.'), [], 'a rank and no name');
  });

  it('finds a person named before a comma and a title', () => {
    assert.deepEqual(others('and Viktor Khrenin, Minister of Defence of Belarus, spoke.'), [['Viktor Khrenin', 'person', 'Viktor Khrenin', 'Minister of Defence of Belarus']]);
  });

  it('takes no form of address, region or list for a person', () => {
    assert.deepEqual(others('Chairman, Ladies and Gentlemen, welcome.'), []);
    assert.deepEqual(others('the Head of the Regional Centre for Central Asia spoke.'), []);
  });

  it('finds any UN member state, its long form and its adjective, as one state', () => {
    assert.deepEqual(others('Iran, the Islamic Republic of Iran and Iranian officials'), [
      ['Iran', 'state', 'Iran', WORLD_STATE_ABOUT],
      ['Islamic Republic of Iran', 'state', 'Iran', WORLD_STATE_ABOUT],
      ['Iranian', 'state', 'Iran', WORLD_STATE_ABOUT],
    ]);
  });

  it('leaves the states the catalog lists to the catalog', () => {
    assert.deepEqual(findAllMentions('the Republic of Kazakhstan', knowledge).map((m) => m.entityId), ['kazakhstan']);
  });

  it('finds a catalog state by the adjectives the press writes, the data\'s and the "-stan" stem', () => {
    const states = (text: string) => findAllMentions(text, knowledge).map((m) => [m.surface, m.entityId]);
    assert.deepEqual(states('Kazakh and Kazakhstani officers, Tajik guards, the Kyrgyz Republic, Russian troops'), [
      ['Kazakh', 'kazakhstan'],
      ['Kazakhstani', 'kazakhstan'],
      ['Tajik', 'tajikistan'],
      ['Kyrgyz Republic', 'kyrgyzstan'],
      ['Russian', 'russia'],
    ]);
    assert.deepEqual(others('Afghan border guards'), [['Afghan', 'state', 'Afghanistan', WORLD_STATE_ABOUT]]);
    assert.deepEqual(others('Pakistani troops; the Pak team'), [['Pakistani', 'state', 'Pakistan', WORLD_STATE_ABOUT]], 'a stem under five letters is no adjective');
    assert.equal(knowledge.get('kazakhstan')!.aliases.includes('Kazakh'), false, 'the catalog itself is left as written');
  });

  it('reads a long form written with a possessive whole ("People\'s Republic of China")', () => {
    assert.deepEqual(others("guests from the People's Republic of China").map(([s]) => s), ["People's Republic of China"]);
    assert.deepEqual(findAllMentions("the CRRF's command", knowledge).map((m) => m.surface), ['CRRF'], 'other names still stop at a possessive');
  });

  it('finds an organisation from "Full Name (ABBR)", the catalog name inside it giving way, and its abbreviation later', () => {
    assert.deepEqual(others('The United Nations Development Programme (UNDP) helped; UNDP experts came.'), [
      ['United Nations Development Programme', 'organization', 'United Nations Development Programme', null],
      ['UNDP', 'organization', 'United Nations Development Programme', null],
      ['UNDP', 'organization', 'United Nations Development Programme', null],
    ]);
  });

  it('starts an organisation\'s name where its initials start, an abbreviation inside giving all its letters, a state inside giving way', () => {
    assert.deepEqual(others('Experts of the United Nations Development Programme (UNDP) came.').map(([s]) => s), ['United Nations Development Programme', 'UNDP']);
    assert.deepEqual(others('Officers of the UN Assistance Mission in Afghanistan (UNAMA) took part.').map(([s, kind]) => [s, kind]), [
      ['UN Assistance Mission in Afghanistan', 'organization'],
      ['UNAMA', 'organization'],
    ]);
  });

  it('finds an organisation whose abbreviation takes letters from inside its words ("Eurasian … (EAPO)")', () => {
    assert.deepEqual(others('Lawyers of the Eurasian Patent Organization (EAPO) met; EAPO will publish the rules.').map(([s, kind, name]) => [s, kind, name]), [
      ['Eurasian Patent Organization', 'organization', 'Eurasian Patent Organization'],
      ['EAPO', 'organization', 'Eurasian Patent Organization'],
      ['EAPO', 'organization', 'Eurasian Patent Organization'],
    ]);
    assert.deepEqual(others('The Eurasian Group on Road Safety (EAGR) met.').map(([s]) => s), ['Eurasian Group on Road Safety', 'EAGR'], 'words after a connector complete the name');
    assert.deepEqual(others('The Eurasian Trade Bureau (EB) met.'), [], 'a word the letters skip is no abbreviation of the name');
  });

  it('finds a person whose initials are written without spaces, and one named after a long chained title', () => {
    assert.deepEqual(others('First Deputy Minister of Defence of Kyrgyzstan Zh.K.Omurov arrived; Omurov spoke.').map(([s, kind, name]) => [s, kind, name]), [
      ['Zh.K.Omurov', 'person', 'Zh.K.Omurov'],
      ['Omurov', 'person', 'Zh.K.Omurov'],
    ]);
    assert.deepEqual(others('Special Envoy of the Secretary General for Humanitarian Affairs Aigul Bekova spoke.').map(([s, , , role]) => [s, role]), [['Aigul Bekova', 'Special Envoy of the Secretary General for Humanitarian Affairs']]);
    assert.deepEqual(others('Chairman of the Board of Trustees Spoke Later.'), [], 'no name words after the title, no person');
  });

  it('finds a spokesman whose title is in lower case, and takes no state for a channel named after it', () => {
    assert.deepEqual(others('Kremlin spokesman Ivan Sorokin declined to comment.').map(([s, , , role]) => [s, role]), [['Ivan Sorokin', 'spokesman']]);
    assert.deepEqual(findAllMentions('an interview with the channel Russia 24 and with France 24', knowledge).map((m) => m.surface), []);
    assert.deepEqual(findAllMentions('Armenia 2,000 troops; Belarus 3 times', knowledge).map((m) => m.surface), ['Armenia'], 'a number that goes on is no channel');
  });

  it('finds a spokesman, and a person named after the body the role is in', () => {
    assert.deepEqual(others('Spokesman for the CSTO Joint Staff Vladislav Shchegrikovich told reporters.').map(([s]) => s), ['Vladislav Shchegrikovich']);
    assert.deepEqual(others('the State Secretary of the Security Council Alexander Volfovich said so.').map(([s, , , role]) => [s, role]), [['Alexander Volfovich', 'State Secretary of the Security Council']]);
  });

  it('takes an organisation\'s name with another organisation inside it written out for the catalog entity', () => {
    const ids = (text: string) => findAllMentions(text, knowledge).map((m) => [m.surface, m.entityId]);
    assert.deepEqual(ids('Officers of the Commonwealth of Independent States Anti-Terrorism Center (CIS ATC) came.'), [
      ['Commonwealth of Independent States Anti-Terrorism Center', 'cis-atc'],
      ['CIS ATC', 'cis-atc'],
    ]);
    assert.deepEqual(ids('Officers of the Commonwealth of Independent States Border Service Office came.').map(([, id]) => id), ['discovered-organization-commonwealthofindependentstatesborderserviceoffice']);
  });

  it('finds an organisation headed by an endowment or a foundation, and a surname in the headline before the full name', () => {
    assert.deepEqual(others('Analysts at the Carnegie Endowment for International Peace (CEIP) noted it.').map(([s, kind]) => [s, kind]), [
      ['Carnegie Endowment for International Peace', 'organization'],
      ['CEIP', 'organization'],
    ]);
    const people = (text: string) => others(text).filter(([, kind]) => kind === 'person').map(([s]) => s);
    assert.deepEqual(people('Japarov visits Minsk\n\nPresident of Kyrgyzstan Sadyr Japarov met the press.'), ['Japarov', 'Sadyr Japarov']);
    assert.deepEqual(people('Minsk talks\n\nJaparov spoke first. President of Kyrgyzstan Sadyr Japarov met the press.'), ['Sadyr Japarov'], 'before the full name, only in the headline');
  });

  it('takes one person in two transliterations, and a title some outlets write in lower case', () => {
    const people = (text: string) => findAllMentions(text, knowledge).filter((m) => m.discovered?.kind === 'person').map((m) => [m.surface, m.entityId]);
    const found = people('Belarusian President Aleksandr Lukashenko spoke. Belarusian President Alyaksandr Lukashenka replied; Lukashenka smiled. Russian Foreign Minister Sergei Lavrov and Foreign Minister Sergey Lavrov met.');
    assert.equal(new Set(found.filter(([s]) => /Luka/.test(s)).map(([, id]) => id)).size, 1, JSON.stringify(found));
    assert.equal(found.filter(([s]) => /Luka/.test(s)).length, 3);
    assert.equal(new Set(found.filter(([s]) => /Lavrov/.test(s)).map(([, id]) => id)).size, 1, JSON.stringify(found));
    assert.deepEqual(people('Armenia, whose prime minister Nikol Pashinyan froze its participation, stayed away.').map(([s]) => s), ['Nikol Pashinyan']);
    assert.deepEqual(people('According to Radio Liberty, the secretary-general of the CSTO will visit Yerevan.'), [], 'a lower-case title after a comma is no role of the words before it');
    assert.deepEqual(people('The commission met under its secretary Viktor Zinoviev.').map(([s]) => s), ['Viktor Zinoviev']);
    assert.deepEqual(people('Viktor Vasilyev, ambassador-at-large for the CSTO at the Foreign Ministry, said so.').map(([s]) => s), ['Viktor Vasilyev']);
    assert.deepEqual(people('Deputy Executive Secretary of the CSTO Parliamentary Assembly: Mikhail Krotov. Chairman of the commission: Yevgeny Yelkin.').map(([s]) => s), ['Mikhail Krotov', 'Yevgeny Yelkin']);
    assert.deepEqual(people('Chairman of the Majlisi Milli (Tajikistan\'s upper house of parliament) Rustam Emomali is in Moscow.').map(([s]) => s), ['Rustam Emomali']);
    assert.deepEqual(people('The agenda: Collective Security Strategy.'), [], 'a colon before words that are no name');
    assert.deepEqual(people('Anatoly Seryshev, Russian presidential envoy to the Siberian Federal District, watched.').map(([s]) => s), ['Anatoly Seryshev']);
    assert.deepEqual(people('Chaired by the Secretary of the Coordination Council on Combating Illegal Migration, Major General of Police Irina Volkova, Head of the Main Department for Migration.').map(([s]) => s), ['Irina Volkova'], 'the end of a body\'s name after "on" is no person, nor is the rank\'s "Police" part of the name');
    assert.deepEqual(people('The seizures grew, said Mikhail Sidorenko, the head of the headquarters. He told Radio Liberty, the director of nothing, so.').map(([s]) => s), ['Mikhail Sidorenko'], 'after "said", not after "told"');
    assert.deepEqual(people('He met the chairman of the Kyrgyz Zhogorku Kenesh, Nurlanbek Shakiev, and the speaker of the Kazakh Majilis, Yerlan Koshanov.').map(([s]) => s), ['Nurlanbek Shakiev', 'Yerlan Koshanov']);
    assert.deepEqual(people('He met the head of the delegation, Kazakhstan Airlines, at noon.'), [], 'a state\'s name is no person\'s');
    assert.deepEqual(people("The alliance's head, General Aidar Kasymov, a former chief of the General Staff, was recalled. Kasymov's successor was not named.").map(([s]) => s), ['Aidar Kasymov', 'Kasymov'], 'a former role after a rank and a name, then the surname\'s possessive');
    assert.deepEqual(people('The plan was agreed, Oleg Dubrovin, a spokesman for the CSTO Joint Headquarters, told TASS.').map(([s]) => s), ['Oleg Dubrovin'], 'a role after "a"');
    assert.deepEqual(people('He met Moscow Region, a former head of nothing.'), [], 'a region is no person');
    assert.deepEqual(people('Moscow Region, Central envoy of nobody, watched.'), [], 'a capitalised word before a lower-case role must be a state\'s');
    assert.deepEqual(people("Talks hosted by Belarus's Alyaksandr Lukashenka ended; Russia's Sergei Lavrov flew home.").map(([s]) => s), ['Alyaksandr Lukashenka', 'Sergei Lavrov']);
    assert.deepEqual(people("Armenia's Lake Sevan, Russia's Black Sea Fleet and Russia's Defence Ministry were named."), [], 'a state\'s possessive before a place or a body');
    const [mirzo, sobirzoda] = people("He met Tajikistan's Minister of Defence, Sherali Mirzo (also known as Emomali Sobirzoda).");
    assert.deepEqual([mirzo[0], sobirzoda[0], sobirzoda[1]], ['Sherali Mirzo', 'Emomali Sobirzoda', mirzo[1]], 'the other name in brackets is the same person');
    assert.deepEqual(findAllMentions('a Russia-led security bloc and Iran-backed groups', knowledge).map((m) => m.surface), ['Russia', 'Iran']);
  });

  it('finds a person after a role whose body ends with its abbreviation in brackets', () => {
    assert.deepEqual(others('He met the Head of the UN Regional Centre for Preventive Diplomacy for Central Asia (UNRCCA) Kakha Imnadze.').filter(([, kind]) => kind === 'person'), [
      ['Kakha Imnadze', 'person', 'Kakha Imnadze', 'Head of the UN Regional Centre for Preventive Diplomacy for Central Asia (UNRCCA)'],
    ]);
  });

  it('finds a person addressed by first name and patronymic after the full name, catalogued or not', () => {
    const people = (text: string) => findAllMentions(text, knowledge).filter((m) => (m.discovered?.kind ?? knowledge.get(m.entityId)?.kind) === 'person').map((m) => [m.surface, m.entityId]);
    assert.deepEqual(people('CSTO Secretary General Imangali Tasmagambetov spoke.\n— Imangali Nurgaliyevich, what now?'), [
      ['Imangali Tasmagambetov', 'imangali-tasmagambetov'],
      ['Imangali Nurgaliyevich', 'imangali-tasmagambetov'],
    ]);
    const [[, petrov]] = people('Major General Ivan Petrov attended.');
    assert.deepEqual(people('Major General Ivan Petrov attended. — Ivan Sergeyevich, thank you.'), [['Ivan Petrov', petrov], ['Ivan Sergeyevich', petrov]]);
    assert.deepEqual(people('— Ivan Sergeyevich, thank you. Major General Ivan Petrov attended.'), [['Ivan Petrov', petrov]], 'not before the full name');
    assert.deepEqual(people('Major General Ivan Petrov and Colonel Ivan Kuznetsov met. — Ivan Sergeyevich, thank you.').length, 2, 'a first name two people share names neither');
  });

  it('finds a person whose first name is an initial, and both states of a hyphenated compound', () => {
    assert.deepEqual(others('Deputy Secretary General T. Masadykov told the group.'), [['T. Masadykov', 'person', 'T. Masadykov', 'Deputy Secretary General']]);
    assert.deepEqual(findAllMentions('on the Tajik-Afghan border', knowledge).map((m) => m.surface), ['Tajik', 'Afghan']);
    assert.deepEqual(findAllMentions('read on our Telegram-channel', knowledge).map((m) => m.surface), [], 'a compound of other words still names nothing');
  });

  it('finds an organisation from "ABBR (Full Name)", its full name after the word', () => {
    assert.deepEqual(others('Officers of Europol (European Union Agency for Law Enforcement Cooperation) came; Europol will report.').map(([s, kind, name]) => [s, kind, name]), [
      ['Europol', 'organization', 'European Union Agency for Law Enforcement Cooperation'],
      ['European Union Agency for Law Enforcement Cooperation', 'organization', 'European Union Agency for Law Enforcement Cooperation'],
      ['Europol', 'organization', 'European Union Agency for Law Enforcement Cooperation'],
    ]);
    assert.deepEqual(others('Moscow (Russian Federation) and Yerevan (Capital Region)'), [], 'a place in brackets is no full name');
  });

  it('reads initials in the Russian order, the head noun\'s first ("Border Troops Commanders Council (CBTC)"), as the name\'s', () => {
    assert.deepEqual(others('Observers from the Border Troops Commanders Council (CBTC) of the CIS came; the CBTC sent two.'), [
      ['Border Troops Commanders Council', 'organization', 'Border Troops Commanders Council', null],
      ['CBTC', 'organization', 'Border Troops Commanders Council', null],
      ['CBTC', 'organization', 'Border Troops Commanders Council', null],
    ]);
    assert.deepEqual(others('Observers from the Border Troops Commanders Council (BCTC) came.'), [], 'nor letters in any other order');
  });

  it('gives another organisation its council of the CSTO\'s words, its initials in the text\'s sense, each said once', () => {
    const text = 'The Council of Ministers of Defence (CMD) of the CIS member states met. The CMD approved a plan. The CSTO Council of Defence Ministers met too.';
    assert.deepEqual(
      findAllMentions(text, knowledge).filter((m) => m.surface !== 'CIS' && m.surface !== 'CSTO').map((m) => [m.surface, m.entityId]),
      [
        ['Council of Ministers of Defence', 'discovered-organization-councilofministersofdefense'],
        ['CMD', 'discovered-organization-councilofministersofdefense'],
        ['CMD', 'discovered-organization-councilofministersofdefense'],
        ['CSTO Council of Defence Ministers', 'council-of-defence-ministers'],
      ],
    );
    assert.deepEqual(found('A meeting of the Council of Defence Ministers of the Commonwealth of Independent States was held.').filter((m) => m[1] === 'council-of-defence-ministers'), [], 'the CIS written out');
    assert.deepEqual(found('At a joint meeting of the CFM, the CMD and the CSSC, statements were adopted.').map((m) => m[1]), ['council-of-foreign-ministers', 'council-of-defence-ministers', 'committee-of-secretaries-of-security-councils'], 'where no text defines it, "CMD" is the CSTO\'s');
  });

  it('knows the organisations CSTO news names beside it by their initials or short names alone: UNODC, Interpol, the ICRC, BRICS, ISIL, the Taliban', () => {
    const ids = (text: string) => findAllMentions(text, knowledge).map((m) => `${m.surface}=${m.entityId}`);
    assert.deepEqual(ids('Observers from UNODC, Interpol and the ICRC came; BRICS met.'), ['UNODC=unodc', 'Interpol=interpol', 'ICRC=icrc', 'BRICS=brics']);
    assert.deepEqual(ids('The Islamic State (ISIL) and the Taliban movement were discussed.'), ['Islamic State=islamic-state', 'ISIL=islamic-state', 'Taliban movement=taliban']);
  });

  it('reads initials the text never gave in brackets as the body or organisation it named in full before them, and "the Centre" as the centre named', () => {
    const text = 'The CSTO Crisis Response Center now links all command posts. The Centre gives a picture in minutes. The CRC opened in 2016.';
    assert.deepEqual(found(text), [
      ['CSTO Crisis Response Center', 'crisis-response-center', null],
      ['Centre', 'crisis-response-center', null],
      ['CRC', 'crisis-response-center', null],
    ]);
    assert.deepEqual(found('The CRC opened in 2016. The CSTO Crisis Response Center links all command posts.').map((m) => m[0]), ['CSTO Crisis Response Center'], 'initials before the full name stand for nothing yet');
    assert.deepEqual(found('The Centre opened in 2016.'), [], 'nor does "the Centre" before any centre is named');
    const text2 = 'The Crisis Response Center met the Cyber Resilience Council. The CRC agreed.';
    const named = [
      { entityId: 'crisis-response-center', start: 4, end: 26, surface: 'Crisis Response Center' },
      { entityId: 'discovered-body-cyberresiliencecouncil', start: 35, end: 59, surface: 'Cyber Resilience Council', discovered: { kind: 'body' as const, name: 'Cyber Resilience Council' } },
    ];
    assert.deepEqual(unbracketedInitials(text2, splitWords(text2), named, new Set(), () => false, knowledge), [], 'initials two names of the text share are neither\'s');
    assert.deepEqual(unbracketedInitials(text2, splitWords(text2), named.slice(0, 1), new Set(), () => false, knowledge).map((m) => [m.surface, m.entityId]), [['CRC', 'crisis-response-center']]);
    assert.deepEqual(found('The Joint Staff of the Collective Rapid Reaction Forces met. The JSC agreed.').filter((m) => m[0] === 'JSC'), [], 'initials must be those of the whole name');
  });

  it('takes no part of the Collective Security Council\'s name in lower case that another organisation\'s name ends with ("CSTO security council secretaries")', () => {
    assert.deepEqual(found('CSTO security council secretaries to discuss terrorism financing'), []);
    assert.deepEqual(found('The CSTO crisis centre links all command posts.'), [['crisis centre', 'crisis-response-center', null]], 'a part no other organisation\'s name ends with still is the body');
  });

  it('ends a body\'s name in a title-case headline at a capitalised preposition or verb, and reads safety as security', () => {
    assert.deepEqual(found('CSTO Council On Biological Security To Start Working In 2032'), [['CSTO Council On Biological Security', 'coordination-council-on-biological-security', null]]);
    assert.deepEqual(found('The CSTO Coordinating Council on Biological Safety will begin work.'), [['CSTO Coordinating Council on Biological Safety', 'coordination-council-on-biological-security', null]], 'Russian "безопасность" is both');
  });

  it('reads "Unified Staff" and "Allied Staff" after the CSTO as the Joint Staff, and "Battle Brotherhood" as Combat Brotherhood', () => {
    assert.deepEqual(found('CSTO Unified Staff Chief Andrei Serdyukov attended the opening.'), [['CSTO Unified Staff', 'joint-staff', null]]);
    assert.deepEqual(found('The drills are part of the joint strategic exercise Battle Brotherhood-2031.'), [['Battle Brotherhood-2031', 'combat-brotherhood', 2031]]);
  });

  it('takes a state\'s own institution with its initials for no organisation ("the State Committee for National Security of Tajikistan (SCNS)"), and knows the EU', () => {
    const ids = (text: string) => findAllMentions(text, knowledge).map((m) => `${m.surface}=${m.entityId}`);
    assert.deepEqual(ids('The Chairman of the State Committee for National Security of Tajikistan (SCNS), Saimumin Yatimov, met them. The SCNS agreed.'), ['Tajikistan=tajikistan', 'Saimumin Yatimov=discovered-person-saimuminiatimov']);
    assert.deepEqual(ids('It was organised by the OSCE and the EU.'), ['OSCE=osce', 'EU=eu']);
    assert.deepEqual(ids('Experts of the United Nations Office on Drugs and Crime (UNODC) and the UN Assistance Mission in Afghanistan (UNAMA) came.').map((m) => m.split('=')[1]), ['unodc', 'unodc', 'discovered-organization-unassistancemissioninafghanistan', 'discovered-organization-unassistancemissioninafghanistan'], 'an organisation\'s mission in a state still is one, by its name and its initials');
  });

  it('finds the person before a comma and "Deputy Secretary of …"', () => {
    const people = findAllMentions("Cooperation has worked, said Oleg Khramov, Deputy Secretary of Russia's Security Council.", knowledge).filter((m) => m.discovered?.kind === 'person');
    assert.deepEqual(people.map((m) => [m.surface, m.discovered?.about]), [['Oleg Khramov', "Deputy Secretary of Russia's Security Council"]]);
  });

  it('finds the person before a comma and "rector of …"', () => {
    const people = findAllMentions('"The students are interested," said Nver Torosyan, rector of the university that will host it.', knowledge).filter((m) => m.discovered?.kind === 'person');
    assert.deepEqual(people.map((m) => m.surface), ['Nver Torosyan']);
  });

  it('finds the person after "Plenipotentiary representative of …" and a colon', () => {
    const people = findAllMentions('Plenipotentiary representative of the Supreme Council of the Kyrgyz Republic: Shabdanbek Alishev\n', knowledge).filter((m) => m.discovered?.kind === 'person');
    assert.deepEqual(people.map((m) => [m.surface, m.discovered?.about]), [['Shabdanbek Alishev', 'Plenipotentiary representative of the Supreme Council of the Kyrgyz Republic']]);
  });

  it('reads an abbreviation made of the starts of words ("Interpol")', () => {
    assert.ok(syllablesMatch('International Criminal Police Organization', 'Interpol'));
    assert.ok(!syllablesMatch('International Criminal Police Organization', 'Intercept'));
    assert.deepEqual(others('the European Police Office (Europol)').map(([s]) => s), ['European Police Office', 'Europol']);
  });
});
