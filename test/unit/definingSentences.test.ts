// Which sentence a card quotes as an entity's definition. The documents are written for these tests
// after the ways real releases and wire reports define (or only name) bodies, exercises and their
// editions; see the issue 23 note.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findAllMentions } from '../../server/src/core/analysis/analyseDocument';
import { CorpusIndex } from '../../server/src/core/index/corpusIndex';
import { cardFacts } from '../../server/src/core/query/cardFacts';
import { renderEntityCard } from '../../server/src/core/render/card';
import { bundledKnowledge, mentionIds } from './helpers';

const knowledge = bundledKnowledge();

function indexOf(docs: Record<string, string>): CorpusIndex {
  const index = new CorpusIndex(knowledge);
  for (const [uri, text] of Object.entries(docs)) index.upsert({ uri, text, fallbackTitle: uri });
  return index;
}

/** The card as the hover shows it; `edition` for an edition's card. */
const card = (index: CorpusIndex, id: string, edition?: number) => renderEntityCard(cardFacts(index.entity(id)!, index, { edition }));
/** The quoted sentence of a card, and the line that says where it is from. */
function quoted(text: string): { quote: string | undefined; how: string | undefined } {
  const quote = /^> (.*)$/m.exec(text)?.[1]?.replace(/\\(?=\S)/g, '');
  const how = /^(Defined[^[]*|\*No defining sentence[^[]*)\[/m.exec(text)?.[1]?.trim();
  return { quote, how };
}

describe('the defining sentence of an entity', () => {
  it('is what a body being set up will do, said under its head noun with another ending of a word of its name ("The coordinating council will analyse …")', () => {
    const text = 'Council announced\n\nMOSCOW, 6 December 2031 - The heads of state decided to create the Coordination Council on Biological Security. The coordinating council will analyse the situation in the member states and prepare recommendations.\n';
    assert.match(quoted(card(indexOf({ 'file:///a.txt': text }), 'coordination-council-on-biological-security')).quote ?? '', /^The coordinating council will analyse/);
    const event = text.replace('will analyse the situation in the member states and prepare recommendations', 'will meet in Minsk');
    assert.equal(quoted(card(indexOf({ 'file:///a.txt': event }), 'coordination-council-on-biological-security')).quote, undefined, 'a meeting to come is no mandate');
    const other = text.replace('The coordinating council', 'The main council');
    assert.equal(quoted(card(indexOf({ 'file:///a.txt': other }), 'coordination-council-on-biological-security')).quote, undefined, '"main" is no word of its name');
  });

  it('is a sentence that says what a body is in the brackets of its Russian initials, which then name it ("the Collective Security Council (SKB, the highest body of the organization)")', () => {
    const index = indexOf({ 'file:///a.txt': 'Draft decision\n\n11.10.2032 - After a request, the Collective Security Council (SKB, the highest body of the organization) drafted a decision. The CSTO SKB did not adopt it.\n' });
    assert.match(quoted(card(index, 'collective-security-council')).quote ?? '', /\(SKB, the highest body of the organization\)/);
    const ids = (text: string) => findAllMentions(text, knowledge).map((m) => `${m.surface}=${m.entityId}`);
    assert.deepEqual(ids('the Collective Security Council (SKB, the highest body of the organization) met. The CSTO SKB did not adopt it.'), ['Collective Security Council=collective-security-council', 'SKB=collective-security-council', 'CSTO=csto', 'SKB=collective-security-council']);
    assert.deepEqual(ids('The SKB did not adopt it.'), [], 'the Latin letters of the Russian initials alone name nothing');
  });

  it('is a sentence with an apposition that says what the body is to the one before it ("the Council of the CSTO Parliamentary Assembly, its governing body, …")', () => {
    const index = indexOf({ 'file:///a.txt': 'Assembly council\n\nMOSCOW, 11 October 2032 - The Council of the CSTO Parliamentary Assembly, its governing body, is made up of the heads of the national delegations.\n' });
    assert.match(quoted(card(index, 'council-of-the-parliamentary-assembly')).quote ?? '', /, its governing body, is made up of/);
  });

  it('is not a sentence that names an edition in quotes after "the CSTO exercise" and says where it was held', () => {
    const index = indexOf({ 'file:///a.txt': 'Drills ended\n\nBISHKEK, 21 September 2033 - The CSTO exercise "Rubezh-2033" was held in Issyk-Kul Oblast, Kyrgyzstan, from September 13 to 20.\n' });
    assert.equal(quoted(card(index, 'rubezh')).quote, undefined);
    assert.equal(quoted(card(index, 'rubezh', 2033)).quote, undefined);
  });

  it('is not a relative clause that says when or where an exercise is held', () => {
    const index = indexOf({
      'file:///a.txt': 'Air drills planned\n\nMOSCOW, March 4, 2030 /TASS/ - The air drills will be held within the Combat Brotherhood exercise, which this year will be carried out in three member states.\n',
      'file:///b.txt': 'Staff drills\n\nMOSCOW, May 4, 2030 /TASS/ - The Combat Brotherhood exercise, which tests the command of the collective forces, began in Belarus.\n',
    });
    assert.match(quoted(card(index, 'combat-brotherhood')).quote ?? '', /which tests the command/, 'what it does, in a relative clause, still defines');
    const alone = indexOf({ 'file:///a.txt': 'Air drills planned\n\nMOSCOW, March 4, 2030 /TASS/ - The air drills will be held within the Combat Brotherhood exercise, which this year will be carried out in three member states.\n' });
    assert.equal(quoted(card(alone, 'combat-brotherhood')).quote, undefined);
  });

  it('is not a sentence whose defining words are said of another name it mentions', () => {
    const index = indexOf({
      'file:///a.txt': [
        'Joint Staff anniversary',
        '',
        'MOSCOW, April 28, 2025 /TASS/ - Over the years the Joint Staff drafted the founding documents of the Collective Rapid Reaction Forces, which are designed to respond to a crisis.',
        'The Joint Staff also organises the joint training of the collective forces.',
      ].join('\n'),
    });
    assert.deepEqual(quoted(card(index, 'joint-staff')), { quote: undefined, how: '*No defining sentence in the corpus;* first reported in' });
    const crrf = quoted(card(index, 'collective-rapid-reaction-force'));
    assert.equal(crrf.how, 'Defined in');
    assert.match(crrf.quote ?? '', /Collective Rapid Reaction Forces, which are designed to respond/);
  });

  it('is a Russian sentence that says what the body is with a dash, or with "является" after when it was made', () => {
    const index = indexOf({
      'file:///ru.txt': [
        'Заседание в Минске',
        '',
        'МОСКВА, 4 мая. /ТАСС/. В Минске пройдет заседание Комитета секретарей советов безопасности.',
        'Комитет секретарей советов безопасности — орган ОДКБ, который согласует работу государств-членов.',
        'Коллективные силы оперативного реагирования — в полной готовности.',
        'ОДКБ была создана в 2002 году и является региональной организацией.',
      ].join('\n'),
    });
    const committee = quoted(card(index, 'committee-of-secretaries-of-security-councils'));
    assert.equal(committee.how, 'Defined in');
    assert.match(committee.quote ?? '', /^Комитет секретарей советов безопасности — орган ОДКБ/);
    assert.match(quoted(card(index, 'csto')).quote ?? '', /^ОДКБ была создана в 2002 году и является/);
    assert.equal(quoted(card(index, 'collective-rapid-reaction-force')).how, '*No defining sentence in the corpus;* first reported in', 'a dash before a preposition says where it is, not what');
  });

  it('is a Russian sentence with "ОДКБ" after the name before "— это", or with "являясь"', () => {
    const index = indexOf({
      'file:///ru.txt': [
        'Что такое ОДКБ',
        '',
        'Обновлено: 04.07.2027',
        '',
        'Организация Договора о коллективной безопасности (ОДКБ), являясь международной региональной организацией, объединяет шесть государств.',
        'Коллективные миротворческие силы ОДКБ — это воинские контингенты, полиция и гражданский персонал.',
      ].join('\n'),
    });
    assert.match(quoted(card(index, 'csto')).quote ?? '', /^Организация Договора о коллективной безопасности \(ОДКБ\), являясь/);
    assert.match(quoted(card(index, 'collective-peacekeeping-forces')).quote ?? '', /^Коллективные миротворческие силы ОДКБ — это воинские контингенты/);
  });

  it('is a Russian dash definition of a short code name after its kind word, with either dash', () => {
    const index = indexOf({ 'file:///ru.txt': 'Итоги учения\n\n18.09.2028\n\nУчение «Гром» – это ежегодное учение антинаркотических подразделений государств – членов ОДКБ.\n' });
    assert.match(quoted(card(index, 'thunder')).quote ?? '', /^Учение «Гром» – это ежегодное учение/);
  });

  it('is a long sentence about the body that opens with a region\'s possessive before its name', () => {
    const index = indexOf({
      'file:///a.txt': "Rubezh plan\n\n14.05.2026\n\nThe exercise will be held in Kyrgyzstan.\nThe Central Asian region's Collective Forces of Rapid Deployment are designed to ensure the military security of the CSTO member states in the region, including repelling external aggression and conducting joint counter-terrorism operations.",
    });
    const crdf = quoted(card(index, 'collective-rapid-deployment-forces'));
    assert.equal(crdf.how, 'Defined in');
    assert.match(crdf.quote ?? '', /^The Central Asian region's Collective Forces of Rapid Deployment are designed to ensure/);
  });

  it('is the sentence that says what the body is, chosen over a first mention and over a list', () => {
    const index = indexOf({
      'file:///a.txt': 'Ministers meet\n\nALMATY, June 11, 2024 /Kazinform/ - The Council of Foreign Ministers met on Tuesday.\nThe Council of Ministers of Foreign Affairs is a consultative and executive body that coordinates foreign policy.',
    });
    const { quote, how } = quoted(card(index, 'council-of-foreign-ministers'));
    assert.equal(how, 'Defined in');
    assert.match(quote ?? '', /^The Council of Ministers of Foreign Affairs is a consultative and executive body/);
  });

  it('is not the sentence defining a body that belongs to it ("X is a subsidiary body of the Council")', () => {
    const index = indexOf({
      'file:///a.txt': 'Afghan border talks\n\n11.12.2024\n\nThe Working Group on Afghanistan met in Moscow on Wednesday.\nThe Working Group is a subsidiary body of the Council of Foreign Ministers that follows the situation on the border.',
    });
    assert.equal(quoted(card(index, 'council-of-foreign-ministers')).how, '*No defining sentence in the corpus;* first reported in');
    const group = quoted(card(index, 'working-group-on-afghanistan'));
    assert.equal(group.how, 'Defined in');
    assert.match(group.quote ?? '', /^The Working Group is a subsidiary body/);
  });

  it('is a sentence an abbreviation opens with what the body is for ("The ICMEC was set up in 2000 to …")', () => {
    const index = indexOf({
      'file:///a.txt': 'Defence industry talks\n\nDUSHANBE, 20 April 2023 - The Interstate Commission for Military-Economic Cooperation (ICMEC) met in Dushanbe.\nThe ICMEC was set up in 2000 to coordinate arms production among the member states.',
    });
    const { quote, how } = quoted(card(index, 'interstate-commission-military-economic-cooperation'));
    assert.equal(how, 'Defined in');
    assert.match(quote ?? '', /^The ICMEC was set up in 2000 to coordinate/);
  });

  it('is a definition a speaker gives in quotation marks, the full name in brackets after the abbreviation', () => {
    const index = indexOf({
      'file:///a.txt': 'Minister on the alliance\n\nMINSK, 4 July 2025 - The minister spoke to reporters.\n"The ICMEC (Interstate Commission for Military-Economic Cooperation) is the alliance\'s forum for arms production, and it meets twice a year," the minister said.',
    });
    const { quote, how } = quoted(card(index, 'interstate-commission-military-economic-cooperation'));
    assert.equal(how, 'Defined in');
    assert.match(quote ?? '', /^"The ICMEC \(Interstate Commission for Military-Economic Cooperation\) is the alliance's forum/);
  });

  it('is the first sentence of a report whose dateline opens it ("BISHKEK, 4 July 2025 - The CRRF is …")', () => {
    const index = indexOf({
      'file:///a.txt': 'Reserve on alert\n\nBISHKEK, 4 July 2025 - The CRRF is the alliance\'s mobile reserve of airborne units. It was put on alert.',
    });
    const { quote, how } = quoted(card(index, 'collective-rapid-reaction-force'));
    assert.equal(how, 'Defined in');
    assert.match(quote ?? '', /The CRRF is the alliance's mobile reserve/);
  });

  it('is a sentence that gives the members, a purpose, or what the body does in the present tense', () => {
    const index = indexOf({
      'file:///a.txt': 'Alliance at a glance\n\nMINSK, 4 July 2025 - The ministers met.\nThe CSTO unites six states of the former Soviet Union.\nThe aim of the Echelon exercise is to supply troops far from their bases.\nFounded in 2006, the Military Committee advises the Council of Defence Ministers on the armed forces.\nThe Crisis Response Center, which Moscow equipped in 2015, links the capitals by secure video.',
    });
    assert.match(quoted(card(index, 'csto')).quote ?? '', /^The CSTO unites six states/);
    assert.match(quoted(card(index, 'echelon')).quote ?? '', /^The aim of the Echelon exercise is to supply troops/);
    assert.match(quoted(card(index, 'military-committee')).quote ?? '', /^Founded in 2006, the Military Committee advises/);
    assert.match(quoted(card(index, 'crisis-response-center')).quote ?? '', /^The Crisis Response Center, which Moscow equipped in 2015, links/);
  });

  it('is an apposition in mid-sentence, and a verb after any participle aside, also after a kind noun', () => {
    const index = indexOf({
      'file:///a.txt': 'Alliance at a glance\n\nMINSK, 4 July 2025 - The ministers met.\nThe minister said the CPF, a standing formation of national peacekeeping units, would be ready by autumn.\nThe Joint Staff, led by a colonel general of the member states, plans the training of the forces.\nOperation Mercenary, run each year since 2010, hunts recruiters of foreign fighters.',
    });
    assert.match(quoted(card(index, 'collective-peacekeeping-forces')).quote ?? '', /the CPF, a standing formation of national peacekeeping units/);
    assert.match(quoted(card(index, 'joint-staff')).quote ?? '', /^The Joint Staff, led by a colonel general of the member states, plans the training/);
    assert.match(quoted(card(index, 'mercenary')).quote ?? '', /^Operation Mercenary, run each year since 2010, hunts recruiters/);
  });

  it('is a relative clause saying what the body does, after a dateline that names its outlet; and a thing of its kind introduced, then named', () => {
    const index = indexOf({
      'file:///a.txt': 'Border sweep\n\nDUSHANBE, 3 March 2026, Khovar -- The Joint Staff, which plans the training of the collective forces, was reorganised in 2020.\nA regional anti-drug operation, called Channel-Avangard, was carried out in the Fergana valley.',
    });
    const staff = quoted(card(index, 'joint-staff'));
    assert.equal(staff.how, 'Defined in');
    assert.match(staff.quote ?? '', /The Joint Staff, which plans the training of the collective forces, was reorganised/);
    assert.match(quoted(card(index, 'channel-avangard')).quote ?? '', /^A regional anti-drug operation, called Channel-Avangard, was carried out/);
  });

  it('is not a relative clause about a day\'s doings', () => {
    const index = indexOf({
      'file:///a.txt': 'Border sweep\n\nDUSHANBE, 3 March 2026, Khovar -- The Joint Staff, which trains officers this week, was reorganised in 2020.',
    });
    assert.equal(quoted(card(index, 'joint-staff')).how, '*No defining sentence in the corpus;* first reported in');
  });

  it('is not a present-tense sentence about a day\'s event, nor one that reports what the body said', () => {
    const index = indexOf({
      'file:///a.txt': 'Staff news\n\nMINSK, 4 July 2025 - The ministers met.\nThe Joint Staff organises a briefing on Friday.\nThe Joint Staff announces the plan for the autumn.\nThe Joint Staff plans to hold drills.',
    });
    assert.equal(quoted(card(index, 'joint-staff')).how, '*No defining sentence in the corpus;* first reported in');
  });

  it('is a sentence whose verb follows a participle set off by commas ("The CRRF, formed in 2009, are …")', () => {
    const index = indexOf({
      'file:///a.txt': 'Reserve on alert\n\nMOSCOW, 4 July 2025 - Units were put on alert.\nThe Collective Rapid Reaction Forces, formed in 2009, are the alliance\'s mobile reserve of airborne units.',
    });
    const { quote, how } = quoted(card(index, 'collective-rapid-reaction-force'));
    assert.equal(how, 'Defined in');
    assert.match(quote ?? '', /^The Collective Rapid Reaction Forces, formed in 2009, are the alliance's mobile reserve/);
  });

  it('is not the sentence defining an exercise held "with" the body; that sentence defines the exercise\'s edition', () => {
    const index = indexOf({
      'file:///a.txt': 'Units head for Belarus\n\nMOSCOW, August 20, 2026 /TASS/ - Units will move to Belarus.\nAccording to the spokesman, the Interaction 2026 exercise with the Collective Rapid Reaction Forces is designed to rehearse a joint operation.',
      'file:///b.txt': 'Commander sets out plan\n\nBishkek, March 3, 2026 - Kabar\n\nThe commander presented the joint exercise "Interaction-2026" on Tuesday. Created in 2009, the CRRF is the alliance\'s mobile reserve of airborne and special police units.',
    });
    const crrf = quoted(card(index, 'collective-rapid-reaction-force'));
    assert.equal(crrf.how, 'Defined in');
    assert.match(crrf.quote ?? '', /^Created in 2009, the CRRF is the alliance/);
    assert.match(quoted(card(index, 'interaction', 2026)).quote ?? '', /Interaction 2026 exercise with the Collective Rapid Reaction Forces is designed to rehearse/);
  });

  it('is a sentence saying when and why the body was created, not one saying only when', () => {
    const created = indexOf({
      'file:///a.txt': 'Committee turns ten\n\nMOSCOW, May 3, 2022 /TASS/ - The Military Committee met.\nThe CSTO Military Committee was created in 2012 to coordinate the planning of the collective forces.',
    });
    const { quote, how } = quoted(card(created, 'military-committee'));
    assert.equal(how, 'Defined in');
    assert.match(quote ?? '', /was created in 2012 to coordinate/);
    const dated = indexOf({ 'file:///b.txt': 'Committee turns ten\n\nMOSCOW, May 3, 2022 /TASS/ - The CSTO Military Committee was established in 2012.' });
    assert.equal(quoted(card(dated, 'military-committee')).how, '*No defining sentence in the corpus;* first reported in');
  });

  it('is none for the exercises of a list sentence, each defined elsewhere or not at all', () => {
    const index = indexOf({
      'file:///plan.txt': [
        'Six exercises this year',
        '',
        'YEREVAN, February 3. /TASS/. The plan includes the Interaction-2025, Search-2025, Echelon-2025, Rubezh-2025 and Cobalt-2025 exercises, which will be held in Belarus.',
        'Echelon-2025 - a special exercise of the logistics units - will be held on the same ranges.',
        'Search-2025 will focus on reconnaissance for the rapid reaction forces.',
      ].join('\n'),
    });
    for (const id of ['interaction', 'rubezh', 'cobalt']) assert.equal(quoted(card(index, id, 2025)).quote, undefined, id);
    assert.match(quoted(card(index, 'echelon', 2025)).quote ?? '', /^Echelon-2025 - a special exercise of the logistics units/);
    assert.match(quoted(card(index, 'search', 2025)).quote ?? '', /^Search-2025 will focus on reconnaissance/);
  });
});

describe('defining sentences in the forms of real releases', () => {
  it('reads when a body was made, then "and" what it does', () => {
    const index = indexOf({ 'file:///a.txt': 'Assembly meets\n\n14.05.2026\n\nThe CSTO PA met in Minsk on Friday.\nThe CSTO PA was established in 2006 and brings together the delegations of the member parliaments.' });
    const { quote, how } = quoted(card(index, 'parliamentary-assembly'));
    assert.equal(how, 'Defined in');
    assert.match(quote ?? '', /^The CSTO PA was established in 2006 and brings together/);
  });

  it('does not read "set up in 2000 to coordinate … and" as made, then what it does, but as made to do', () => {
    const index = indexOf({ 'file:///a.txt': 'Commission meets\n\n14.05.2026\n\nThe ICMEC met in Minsk on Friday.\nThe ICMEC was set up in 2000 to coordinate military and economic cooperation.' });
    assert.match(quoted(card(index, 'interstate-commission-military-economic-cooperation')).quote ?? '', /^The ICMEC was set up in 2000 to coordinate/);
  });

  it('reads what an exercise is held for, and what its parts are', () => {
    const index = indexOf({
      'file:///a.txt': [
        'Plans for the year',
        '',
        '30.04.2026',
        '',
        'Seven exercises are planned, the Joint Staff said.',
        'The Search 2026 exercise will be held to practise reconnaissance for the collective forces.',
        'The Collective Rapid Reaction Forces that mostly comprise airborne units will take part.',
      ].join('\n'),
    });
    assert.match(quoted(card(index, 'search', 2026)).quote ?? '', /^The Search 2026 exercise will be held to practise reconnaissance/);
    assert.match(quoted(card(index, 'collective-rapid-reaction-force')).quote ?? '', /that mostly comprise airborne units/);
  });

  /** The card of `id` for an index of one release whose last line is `sentence`. */
  const defines = (id: string, sentence: string, edition?: number) =>
    quoted(card(indexOf({ 'file:///a.txt': `News\n\n14.05.2026\n\nThe meeting was held in Minsk on Friday, the press service said.\n${sentence}` }), id, edition)).how === 'Defined in';

  it('reads plural names and kinds with what they do, and what a body was conceived as', () => {
    assert.ok(defines('collective-rapid-reaction-force', 'The CRRF include motorised infantry and airborne units of the member states.'));
    assert.ok(defines('collective-rapid-reaction-force', 'The Collective Rapid Reaction Forces (CRRF) were formed in 2009 and include units of all member states.'));
    assert.ok(defines('cobalt', 'Cobalt exercises bring together special police and special forces units of the member states.'));
    assert.ok(defines('echelon', 'Echelon exercises train the logistics units that supply the collective forces.'));
    assert.ok(defines('collective-rapid-reaction-force', 'Established in 2009, the CRRF were conceived as the main strike force of the member states.'));
    assert.ok(defines('interaction', 'Interaction-2023 was planned as a command-post exercise of the Collective Rapid Reaction Forces.', 2023));
  });

  it('reads a name with modifiers before its kind, an aside with a number or an attribution, and a longer opening', () => {
    assert.ok(defines('channel', 'The Channel anti-drug operation, held since 2003, seizes tonnes of drugs every year.'));
    assert.ok(defines('channel', 'The Channel operation has been conducted since 2003 to block drug trafficking routes from Afghanistan.'));
    assert.ok(defines('collective-rapid-reaction-force', 'The CRRF, numbering some 20,000 troops, is intended to repel military aggression.'));
    assert.ok(defines('proxy', 'Operation Proxy, according to the Secretary General, is aimed at drug dealers and terrorists.'));
    assert.ok(defines('channel', "The CSTO's anti-drug operation Channel targets drug trafficking from Afghanistan."));
    assert.ok(defines('csto', 'Headquartered in Moscow, the CSTO, formed in 2002, is a regional security group of six states.'));
  });

  it('reads a short apposition with "a" that ends the sentence, not who said it nor what took place', () => {
    assert.ok(defines('echelon', 'They are Search-2026, a special exercise, and Echelon-2026, a logistics exercise.', 2026));
    assert.ok(!defines('rubezh', 'The plan includes Interaction-2026 and Rubezh-2026, the CSTO Joint Staff said.', 2026));
    assert.ok(!defines('csto', 'The ministers met the CSTO, a session of the council took place.'));
  });

  it('reads the members a relative clause or "includes" lists, and what a thing is before its name in brackets', () => {
    assert.ok(defines('csto', 'The CSTO, which groups Armenia, Belarus, Kazakhstan, Kyrgyzstan, Russia and Tajikistan, was founded in 2002.'));
    assert.ok(defines('csto', 'The Moscow-led CSTO includes Armenia, Belarus, Kazakhstan, Kyrgyzstan, Russia and Tajikistan.'));
    assert.ok(defines('proxy', 'A meeting on a permanent operation aimed at countering crimes in the field of information technology (Operation PROXY) was held at the Secretariat.'));
  });

  it('reads a purpose said with a possessive ("The operation\'s aim is to …"), not a quoted name after a bare kind word', () => {
    assert.ok(!defines('illegal', 'The headquarters agreed on the plan of the operation, dubbed "Illegal-2029", for the current year.', 2029), 'naming is not defining');
    assert.ok(defines('illegal', 'The headquarters agreed on the plan of the operation, dubbed "Illegal-2029", for the current year. The operation\'s aim is to detect and cut the channels of illegal migration.', 2029));
    assert.ok(defines('channel', 'The sub-regional anti-drug operation «Channel-2026» was held in May.', 2026), 'what it is, then its quoted name, still defines');
  });

  it('reads an apposition headed by what the body is after a name that is a complement, not one headed by a person\'s role', () => {
    const index = indexOf({
      'file:///a.txt': 'Review\n\n12.01.2029\n\nHe said that the Joint Staff would prepare proposals for the Collective Security Council, the highest body of the Organization, which will meet in November.',
      'file:///b.txt': 'Arrival\n\n02.10.2029\n\nUnits of the CSTO peacekeeping forces arrived for the Indestructible Brotherhood-2029 exercise, the commander of the exercise\'s contingent, Major General Ruslan Temirov, said.',
    });
    assert.match(quoted(card(index, 'collective-security-council')).quote ?? '', /proposals for the Collective Security Council, the highest body of the Organization/);
    assert.notEqual(quoted(card(index, 'indestructible-brotherhood', 2029)).how, 'Defined in');
  });

  it('reads a thing of its kind, what it is of, then its name after "called"', () => {
    assert.ok(defines('barrier', 'In October an exercise of radiation, chemical and biological protection and medical support units, called Barrier-2028, will be held in Armenia.', 2028));
    assert.ok(!defines('barrier', 'In October the units, called to Armenia for Barrier-2028, will train there.', 2028), 'a participle "called" is no naming');
  });

  it('does not read an event, a name after a preposition or a name in brackets after a place as a definition', () => {
    assert.ok(!defines('proxy', 'The heads met at the Secretariat (Operation PROXY) on Tuesday.'));
    assert.ok(!defines('search', 'During the Search exercises, reconnaissance units practise finding and tracking illegal armed groups.'));
    assert.ok(!defines('interaction', 'The Interaction 2024 drills involved about 1,500 troops.', 2024));
    assert.ok(!defines('cobalt', 'The Cobalt exercises involve 500 troops on Monday.'));
  });
});

describe('a sentence that says what the entity named before is, under its head noun alone', () => {
  const release = (lines: string[]) => indexOf({ 'file:///a.txt': ['Meeting in Minsk', '', '14.05.2026', '', ...lines].join('\n') });

  it('defines the entity named last with that head noun, and links to the sentence\'s line', () => {
    const index = release(['The Committee of Secretaries of Security Councils met in Minsk on Friday.', '', 'The committee is a consultative and executive body that coordinates the national security councils.']);
    const text = card(index, 'committee-of-secretaries-of-security-councils');
    assert.deepEqual(quoted(text), { quote: 'The committee is a consultative and executive body that coordinates the national security councils.', how: 'Defined in' });
    assert.match(text, /\(file:\/\/\/a\.txt#L7\)/);
  });

  it('defines an edition a paragraph after it was named, as a wire report does, but not past a use of the head noun in between', () => {
    // 450 characters: farther than two sentences back, nearer than a long paragraph.
    const middle = 'The talks brought together officials of the member states and a group of officers of the Joint Staff, and the officials of the Secretariat took part too; a protocol was signed as a result of the talks, which lasted two days in Moscow. The participants discussed the general idea, the schedule of drills, the make-up of the joint command and other organisational issues, and they surveyed the proposed venue near the city of Almaty in the south.';
    const index = release(['Delegations agreed on June 26 on the Indestructible Brotherhood 2029 command-and-staff exercise of the peacekeeping forces in Kazakhstan, a spokesman said.', '', middle, '', 'The exercise will be aimed at practising a peacekeeping operation by the CSTO Peacekeeping Forces, the spokesman said.']);
    assert.match(quoted(card(index, 'indestructible-brotherhood', 2029)).quote ?? '', /^The exercise will be aimed at practising/);
    const used = release(['Delegations agreed on June 26 on the Indestructible Brotherhood 2029 command-and-staff exercise of the peacekeeping forces in Kazakhstan, a spokesman said.', '', middle.replace('the talks, which', 'the staff exercise, which'), '', 'The exercise will be aimed at practising a peacekeeping operation by the CSTO Peacekeeping Forces, the spokesman said.']);
    assert.equal(quoted(card(used, 'indestructible-brotherhood', 2029)).how?.startsWith('Defined in'), false);
  });

  it('defines the entity under its head noun after a word of its name ("The working group, set up in 2013, prepares …"), not after another word', () => {
    const named = 'The Working Group on Information Policy and Information Security under the CSTO Council of Foreign Ministers met on Tuesday.';
    const index = release([named, '', "The working group, set up in 2013, prepares the Organization's joint statements on information security."]);
    assert.match(quoted(card(index, 'working-group-information-policy')).quote ?? '', /^The working group, set up in 2013, prepares/);
    const other = release([named, '', "The main group, set up in 2013, prepares the Organization's joint statements on information security."]);
    assert.equal(quoted(card(other, 'working-group-information-policy')).quote, undefined, '"main" is no word of its name');
  });

  it('defines an edition by its kind word, past the kind word that follows its name', () => {
    const index = release(['The Search-2026 exercise began on Friday.', 'The exercise is designed to train the reconnaissance units of the collective forces.']);
    assert.match(quoted(card(index, 'search', 2026)).quote ?? '', /^The exercise is designed to train/);
  });

  it('defines by what the entity does, not by how often it acts, and nobody when two entities with that head noun, or an unnamed one, stand before it', () => {
    const two = release(['The Collective Security Council and the Council of Defence Ministers met on Friday.', 'The council is the highest body of the alliance.']);
    assert.equal(quoted(card(two, 'collective-security-council')).quote, undefined);
    assert.equal(quoted(card(two, 'council-of-defence-ministers')).quote, undefined);
    const national = release(['The Collective Security Council met, chaired by the Security Council of Armenia.', 'The council is the highest body of the country.']);
    assert.equal(quoted(card(national, 'collective-security-council')).quote, undefined);
    const routine = release(['The Committee of Secretaries of Security Councils met in Minsk on Friday.', 'The committee coordinates the operation every year.']);
    assert.equal(quoted(card(routine, 'committee-of-secretaries-of-security-councils')).quote, undefined, 'how often it acts is no definition');
    const does = release(['The Committee of Secretaries of Security Councils met in Minsk on Friday.', 'The committee, set up in 2006, coordinates the work of the national security councils.']);
    assert.match(quoted(card(does, 'committee-of-secretaries-of-security-councils')).quote ?? '', /^The committee, set up in 2006, coordinates the work/);
  });
});

describe('how many of a page\'s mentions are scored as definitions', () => {
  it('counts the sentences naming an entity, not its names: a full name with its initials and short form in brackets is one', () => {
    const page = [
      'Meeting of the military-economic commission held at the Joint Staff',
      '',
      '18.04.2029',
      '',
      'The meeting was chaired by Viktor Zinoviev, Secretary of the CSTO Interstate Commission on Military-Economic Cooperation (ICMEC, Commission).',
      '',
      'The Commission discussed the joint repair of armoured vehicles. The ICMEC coordinates the military-economic cooperation of the member states and the supply of arms within the Organization.',
    ].join('\n');
    const index = indexOf({ 'file:///icmec.txt': page });
    assert.match(quoted(card(index, 'interstate-commission-military-economic-cooperation')).quote ?? '', /^The ICMEC coordinates the military-economic cooperation/);
  });
});

describe('the defining sentence of an edition', () => {
  const index = indexOf({
    'file:///2020.txt': 'Peacekeepers train\n\nMINSK, October 12, 2020 /BelTA/ - Indestructible Brotherhood-2020 opened near Vitebsk.\nIndestructible Brotherhood is an annual exercise in which the peacekeeping contingents practise a mission under a UN mandate.',
    'file:///2024.txt': 'Drills open\n\nASTANA, October 1, 2024 /Kazinform/ - Indestructible Brotherhood-2024 is a command and staff training of the peacekeeping forces, with a scenario of a border conflict.',
    'file:///2025.txt': 'Drills start\n\nDUSHANBE, September 20, 2025 /Interfax/ - Indestructible Brotherhood-2025 started on Saturday.',
  });

  it('is a sentence about that edition', () => {
    const { quote, how } = quoted(card(index, 'indestructible-brotherhood', 2024));
    assert.equal(how, 'Defined in');
    assert.match(quote ?? '', /Indestructible Brotherhood-2024 is a command and staff training/);
  });

  it('is the series\' definition, labelled as such, for an edition no sentence defines; never another year\'s', () => {
    const { quote, how } = quoted(card(index, 'indestructible-brotherhood', 2025));
    assert.equal(how, 'Defined, for the series as a whole, in');
    assert.match(quote ?? '', /^Indestructible Brotherhood is an annual exercise/);
  });

  it('leaves the series its own definition, not an edition\'s', () => {
    const { quote, how } = quoted(card(index, 'indestructible-brotherhood'));
    assert.equal(how, 'Defined in');
    assert.match(quote ?? '', /^Indestructible Brotherhood is an annual exercise/);
  });

  it('gives a series only its editions\' definitions, each labelled with its year', () => {
    const alone = indexOf({ 'file:///2024.txt': 'Drills open\n\nASTANA, October 1, 2024 /Kazinform/ - Indestructible Brotherhood-2024 is a command and staff training of the peacekeeping forces.' });
    assert.equal(quoted(card(alone, 'indestructible-brotherhood')).how, 'Defined, for its 2024 edition, in');
  });

  it('says when the corpus neither defines the series nor mentions the edition', () => {
    const alone = indexOf({ 'file:///2024.txt': 'Drills open\n\nASTANA, October 1, 2024 /Kazinform/ - Indestructible Brotherhood-2024 ended on Friday.' });
    assert.equal(quoted(card(alone, 'indestructible-brotherhood', 2022)).how, '*No defining sentence in the corpus, nor any mention of this edition; the series was* first reported in');
  });
});

describe('a common-word name opening a sentence that says what it is', () => {
  it('is the name once the text has named it ("Illegal is a regular operation …"), and an ordinary word otherwise', () => {
    const named = 'The council spoke about the operation Illegal.\nIllegal is a regular operation of the migration services of the member states.';
    assert.deepEqual(mentionIds(knowledge, named), ['illegal', 'illegal']);
    assert.deepEqual(mentionIds(knowledge, 'Illegal is a regular problem of the migration services.'), []);
  });
});

describe('a common-word name set off by an apposition of its kind', () => {
  it('is the name when the apposition\'s head is a word of its kind ("Channel, the CSTO\'s permanent regional anti-drug operation, …"), and the card quotes it', () => {
    const text = 'Channel, the CSTO\'s permanent regional anti-drug operation, has been conducted since 2003; its stages are planned each year.';
    assert.deepEqual(mentionIds(knowledge, text), ['channel', 'csto']);
    const alone = indexOf({ 'file:///channel.txt': `Results summed up\n\n27.05.2029\n\n${text}` });
    assert.match(quoted(card(alone, 'channel')).quote ?? '', /^Channel, the CSTO's permanent regional anti-drug operation/);
  });

  it('is the name when the apposition\'s head is followed by what it is of ("Thunder, an exercise of the special forces of …, was …")', () => {
    const text = 'Thunder, an exercise of the special forces of the member states\' security agencies, was first held in 2021.';
    assert.deepEqual(mentionIds(knowledge, text), ['thunder']);
    const alone = indexOf({ 'file:///thunder.txt': `Drills\n\n12.09.2029\n\n${text}` });
    assert.match(quoted(card(alone, 'thunder')).quote ?? '', /^Thunder, an exercise of the special forces/);
    assert.deepEqual(mentionIds(knowledge, 'Thunder, a sound of the storm, woke them.'), [], 'no kind word at the head');
  });

  it('is the ordinary word when the apposition speaks of something else, or has a preposition before its last word', () => {
    assert.deepEqual(mentionIds(knowledge, 'Interaction, the key to the operation, was poor.'), []);
    assert.deepEqual(mentionIds(knowledge, 'Search, the first step of any operation, took days.'), []);
    assert.deepEqual(mentionIds(knowledge, 'Channel, the main road, was closed.'), []);
  });
});

describe('a common-word code name named after its kind word', () => {
  it('is the name after a kind word and "codenamed", "code-named" or "dubbed", and not after a naming word alone', () => {
    assert.deepEqual(mentionIds(knowledge, 'A protection unit was set up during the special exercise codenamed Barrier.'), ['barrier']);
    assert.deepEqual(mentionIds(knowledge, 'Units trained in the exercise code-named Barrier.'), ['barrier']);
    assert.deepEqual(mentionIds(knowledge, 'The road was named Barrier by the locals.'), []);
  });

  it('is the first name of a list after its kind word and a colon, not the ordinary noun there', () => {
    assert.deepEqual(mentionIds(knowledge, '"We held three exercises: Interaction, Poisk [Search] and Eshelon [Echelon]," the minister said.').slice(0, 1), ['interaction']);
    assert.deepEqual(mentionIds(knowledge, 'Two lessons from the exercises: Interaction between units matters.'), []);
  });
});
