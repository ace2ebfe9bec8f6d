import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MentionMatcher } from '../../server/src/core/analysis/matcher';
import { CorpusIndex } from '../../server/src/core/index/corpusIndex';
import { bundledKnowledge, mentionIds, seed, seedFiles, seedText } from './helpers';

const knowledge = bundledKnowledge();
const SERIES_AND_BODIES = new Set(['body', 'operation', 'exercise']);
/** The bodies, operations and exercises found (not the organisations, states and people). */
const ids = (text: string) => mentionIds(knowledge, text).filter((id) => SERIES_AND_BODIES.has(knowledge.get(id.split('@')[0])?.kind ?? ''));
const surfaces = (text: string) => knowledge.matcher.findMentions(text).map((m) => m.surface);

describe('MentionMatcher: names and their variants', () => {
  it('resolves every variant the seed pages use to one entity', () => {
    const cases: [string, string][] = [
      ['titled «Hired guns» is being implemented', 'mercenary'],
      ['«PROXI» operation is being implemented', 'proxy'],
      ['operation PROXY', 'proxy'],
      ['The operation titled «Illegal alien» is targeted', 'illegal'],
      ['on the basis of the Crisis Reaction Center', 'crisis-response-center'],
      ['the capabilities of the Crisis Response Center', 'crisis-response-center'],
      ['meeting of the Council of Defence Ministers', 'council-of-defence-ministers'],
      ['meeting of the Council of Defense Ministers', 'council-of-defence-ministers'],
      ['drill with the CRRF Command staff', 'crrf-command'],
      ['the Collective Rapid Reaction Force', 'collective-rapid-reaction-force'],
      ['the commander of the CPF', 'collective-peacekeeping-forces'],
      ['the Organization\'s Peacekeeping Forces', 'collective-peacekeeping-forces'],
      ['the Collective Peacekeeping Forces', 'collective-peacekeeping-forces'],
      ['the Afghanistan Task Force', 'working-group-on-afghanistan'],
      ['the Security Council Secretaries Committee', 'committee-of-secretaries-of-security-councils'],
    ];
    for (const [text, id] of cases) assert.deepEqual(ids(text), [id], text);
  });

  it('reads year suffixes as editions of a series, however the year is attached', () => {
    assert.deepEqual(ids('special training "Search-2021" and Search 2021 and Search - 2021 and “Search-2021”'), ['search@2021', 'search@2021', 'search@2021', 'search@2021']);
    assert.deepEqual(ids('training with the peace-keeping corps “Inviolable Brotherhood 2020” in Belarus'), ['collective-peacekeeping-forces', 'indestructible-brotherhood@2020']);
    assert.deepEqual(ids('the CSTO Peacekeeping Forces "indestructible Brotherhood-2021"'), ['collective-peacekeeping-forces', 'indestructible-brotherhood@2021']);
    assert.deepEqual(ids('“Indestructible Brotherhood-2024” was held'), ['indestructible-brotherhood@2024']);
    assert.deepEqual(ids('trainings "Combat Brotherhood-2021" will be implemented'), ['combat-brotherhood@2021']);
  });

  it('accepts a name that is an ordinary word when it is quoted or stands next to "operation" or "exercise"', () => {
    assert.deepEqual(ids('an operation "Mercenary" is being conducted'), ['mercenary']);
    assert.deepEqual(ids('the “Mercenary” operation was carried out'), ['mercenary']);
    assert.deepEqual(ids('The CSTO succeeded in conducting Operation Mercenary, which'), ['mercenary']);
    assert.deepEqual(ids('«Channel» operation is being implemented'), ['channel']);
    assert.deepEqual(ids('the Channel operation'), ['channel']);
    assert.deepEqual(ids('Operation Proxy is aimed at crime online; the Proxy operation goes on.'), ['proxy', 'proxy']);
    assert.deepEqual(ids('Proxy servers hide an address. The militants fought a proxy war.'), [], 'the ordinary word, without its kind');
  });

  it('takes a code name before its kind word with lower-case modifiers between, never across "and" but in "command and staff"', () => {
    assert.deepEqual(ids('Officers joined the Channel anti-drug operation in May.'), ['channel']);
    assert.deepEqual(ids('Police ran the Channel annual joint operation again.'), ['channel']);
    assert.deepEqual(ids('Search and rescue operation began.'), []);
    assert.deepEqual(ids('the Channel drug routes operation'), [], 'a plain noun between is no modifier');
    // The kinds of exercise the press names between the code name and "exercise" or "drills".
    assert.deepEqual(ids('Russia will host the Interaction command and staff exercise.'), ['interaction']);
    assert.deepEqual(ids('The Barrier specialized drills will take place in May.'), ['barrier']);
    assert.deepEqual(ids('They held the Search reconnaissance exercise and the Echelon logistics drills.'), ['search', 'echelon']);
    assert.deepEqual(ids('The Interaction between the command and staff exercise planners improved.'), [], '"and" only inside "command and staff"');
  });

  it('takes code names listed before one kind word ("the Search and Echelon special trainings"), but only names of that kind', () => {
    assert.deepEqual(ids('the Search and Echelon special trainings took place in Kyrgyzstan.'), ['search', 'echelon']);
    assert.deepEqual(ids('units held the Cobalt, Search and Echelon exercises.'), ['cobalt', 'search', 'echelon']);
    assert.deepEqual(ids('the Search and Rescue exercise was held.'), [], '"Rescue" is no code name of an exercise');
    assert.deepEqual(ids('Search and Echelon results were poor.'), [], 'no kind word after the list');
  });

  it('prefers the longest name and keeps an organisation qualifier inside the mention', () => {
    assert.deepEqual(ids('the meeting of the Council of the Parliamentary Assembly'), ['council-of-the-parliamentary-assembly']);
    assert.deepEqual(surfaces('at the CSTO Secretariat consultations'), ['CSTO Secretariat']);
    assert.deepEqual(surfaces('the CSTO’s Crisis Reaction Center'), ['CSTO’s Crisis Reaction Center']);
    assert.deepEqual(ids('the CSTO CSC adopted'), ['collective-security-council']);
    assert.deepEqual(mentionIds(knowledge, 'the CSTO member states'), ['csto']);
  });

  it('reads a name with its abbreviation in brackets inside it as one name', () => {
    assert.deepEqual(surfaces('drill with the Collective Rapid Reaction Force (CRRF) Command, CSTO'), ['Collective Rapid Reaction Force (CRRF) Command', 'CSTO']);
    assert.deepEqual(ids('the Collective Security Council (CSC) Declaration'), ['collective-security-council', 'collective-security-council']);
  });

  it('tolerates case, hyphenation and a line break inside a name', () => {
    assert.deepEqual(ids('CSTO peace-keeping forces'), ['collective-peacekeeping-forces']);
    assert.deepEqual(ids('the collective security\ncouncil met'), ['collective-security-council']);
    assert.deepEqual(ids('the COLLECTIVE SECURITY COUNCIL'), ['collective-security-council']);
  });

  it('matches abbreviations only in capitals', () => {
    assert.deepEqual(ids('the CSC session'), ['collective-security-council']);
    assert.deepEqual(ids('the csc session, a cpf unit, the crrf'), []);
  });

  it('reads "the Council" as the council named last, but not the "Council" of another name', () => {
    assert.deepEqual(ids('The Council of Foreign Ministers met. According to the Council, two statements were adopted.'), ['council-of-foreign-ministers', 'council-of-foreign-ministers']);
    assert.deepEqual(ids('The Council of Foreign Ministers met. The Security Council of Belarus met too.'), ['council-of-foreign-ministers']);
    assert.deepEqual(ids('According to the Council, nothing changed.'), []);
  });

  it('takes a common-word name plainly once the text has named the entity', () => {
    assert.deepEqual(ids('The special forces drill «Kobalt-2018» ended. The next exercises of the Cobalt series follow.'), ['cobalt@2018', 'cobalt']);
    assert.deepEqual(ids('Cobalt prices rose. The drill «Kobalt-2018» ended.'), ['cobalt@2018'], 'not before, and not at a sentence start');
  });

  it('resolves a short form to the entity named in full shortly before, and to nothing without one', () => {
    assert.deepEqual(ids('The Council has a Working Group on Afghanistan. On May 25, a meeting of the Working Group was held.'), ['working-group-on-afghanistan', 'working-group-on-afghanistan']);
    assert.deepEqual(ids('A meeting of the Working Group was held.'), []);
  });

  it('resolves a short form to the body whose name a body named in full holds ("the Council of the CSTO Parliamentary Assembly", then "the Assembly")', () => {
    assert.deepEqual(ids('The Council of the CSTO Parliamentary Assembly met. A speaker proposed that the Assembly meet in Astana.'), ['council-of-the-parliamentary-assembly', 'parliamentary-assembly']);
    assert.deepEqual(ids('The Collective Security Council met. A speaker proposed that the Assembly meet in Astana.'), ['collective-security-council'], 'no body of that name was named');
  });

  it('leaves another organisation\'s body of the same name to it ("the Military Committee of the Union State")', () => {
    assert.deepEqual(ids('Units of the Military Committee of the Union State observed the drills.'), []);
    assert.deepEqual(ids('The Military Committee of the Council of Defence Ministers met.'), ['military-committee', 'council-of-defence-ministers']);
    assert.deepEqual(ids('The Military Committee of the CSTO met.'), ['military-committee']);
  });

  it('reads a short form opening a sentence after "The" ("The Working Group is …")', () => {
    assert.deepEqual(ids('The Working Group on Afghanistan met. The Working Group is a subsidiary body.'), ['working-group-on-afghanistan', 'working-group-on-afghanistan']);
  });

  it('reads the last words of a body\'s name as that body once it is named in full, not as another organisation\'s force', () => {
    assert.deepEqual(surfaces('The Collective Rapid Reaction Forces will train. The Rapid Reaction Forces, the main mobile grouping, consist of airborne units.'), ['Collective Rapid Reaction Forces', 'Rapid Reaction Forces']);
    assert.deepEqual(surfaces('The Collective Rapid Reaction Forces will train. A spokesman for the NATO Rapid Reaction Force declined to comment.'), ['Collective Rapid Reaction Forces', 'NATO']);
    assert.deepEqual(surfaces('The Rapid Reaction Forces will train.'), []);
  });

  it('reads "the Organization" as the organisation named last, also when named inside a body\'s name', () => {
    const named = (text: string) => knowledge.matcher.findMentions(text).map((m) => `${m.surface}=${m.entityId}`);
    assert.deepEqual(named("The Chief of the Joint Staff of the CSTO said that the Organization's member states agreed."), ['Joint Staff of the CSTO=joint-staff', 'Organization=csto']);
    assert.deepEqual(named('The Shanghai Cooperation Organization met. The Organization agreed.'), ['Shanghai Cooperation Organization=sco', 'Organization=sco']);
    assert.deepEqual(named('The Organization agreed.'), []);
  });
  it('reads "the Organization" as the organisation the text names most, not one named in passing just before it', () => {
    const named = (text: string) => knowledge.matcher.findMentions(text).map((m) => `${m.surface}=${m.entityId}`);
    const text = 'The CSTO will review its crisis system, the CSTO Secretary General said. The CSTO and the Shanghai Cooperation Organization are drafting a memorandum, and the Organization\'s observers will attend an exercise.';
    assert.deepEqual(named(text).filter((n) => n.startsWith('Organization=')), ['Organization=csto']);
    assert.deepEqual(named('The Shanghai Cooperation Organization met. The CSTO sent a delegate. The Organization adopted a plan.').filter((n) => n.startsWith('Organization=')), ['Organization=csto'], 'named once each: the one named last');
  });

});

describe('MentionMatcher: one name, two entities', () => {
  const shared = new MentionMatcher([
    { id: 'council-a', kind: 'body', name: 'Alpha Council', aliases: ['AC'] },
    { id: 'committee-a', kind: 'body', name: 'Alpha Committee', aliases: ['AC'] },
  ]);
  it('lets the text decide: the entity named last', () => {
    const [, mention] = shared.findMentions('The Alpha Committee met; the AC agreed.');
    assert.equal(mention.entityId, 'committee-a');
    assert.equal(mention.alternatives, undefined);
  });
  it('says the name is ambiguous when the text does not decide, never guessing silently', () => {
    const [mention] = shared.findMentions('The AC agreed.');
    assert.equal(mention.entityId, 'council-a');
    assert.deepEqual(mention.alternatives, ['committee-a']);
  });
});

describe('MentionMatcher: common-word traps', () => {
  const traps: [string, string][] = [
    ['Search\nPublications\nCSTO is the key factor', 'the page menu word "Search"'],
    ['read more in our Telegram-channel', '"Telegram-channel"'],
    ['expanding the interaction of the parliaments', '"the interaction of the parliaments"'],
    ['the Plan of CSTO member States to Combat Illegal Migration for 2021-2025', 'the plan title "Illegal Migration"'],
    ['from the English Channel to Vladivostok', '"English Channel"'],
    ['drug trafficking, and illegal migration remain', '"illegal migration"'],
    ['targeted at counteracting illegal immigration', '"illegal immigration"'],
    ['the CSTO is not engaged in the search for enemies', '"the search for enemies"'],
    ['to shut down channels for the recruitment', '"channels"'],
    ['interaction with the UN, the OSCE', '"interaction with the UN"'],
    ['productive cooperation the UN Secretariat and related agencies', '"UN Secretariat"'],
    ['the 27th meeting of the OSCE Ministerial Council in December 2020', '"OSCE Ministerial Council"'],
    ['New formats of cooperation and interaction', 'a heading with "interaction"'],
    ['a higher echelon of command', '"echelon" as a word'],
    ['a mercenary army', '"mercenary" as a word'],
  ];
  for (const [text, what] of traps) {
    it(`does not take ${what} for an operation, exercise or body`, () => {
      const found = knowledge.matcher.findMentions(text).filter((m) => SERIES_AND_BODIES.has(knowledge.get(m.entityId)!.kind));
      assert.deepEqual(found, [], text);
    });
  }

  it('finds no trap word anywhere in the seed corpus', () => {
    const suspicious = new Set(['search', 'channel', 'interaction', 'illegal', 'echelon', 'mercenary']);
    for (const name of seedFiles()) {
      const text = seedText(name);
      for (const mention of knowledge.matcher.findMentions(text)) {
        if (!suspicious.has(mention.entityId)) continue;
        const around = text.slice(mention.start - 1, mention.end + 1);
        assert.ok(mention.edition !== undefined || /^["“«]/.test(around) || /operation/i.test(text.slice(mention.start - 12, mention.end + 12)), `${name}: ${around}`);
      }
    }
  });
});

describe('MentionMatcher: the seed corpus', () => {
  it('finds the operations and exercises of the 2021 statement, each with its edition', () => {
    const found = ids(seed('000').text);
    for (const expected of ['mercenary', 'proxy', 'combat-brotherhood@2021', 'interaction@2021', 'search@2021', 'echelon@2021', 'indestructible-brotherhood@2021', 'mercenary@2021', 'channel@2021', 'illegal@2021']) {
      assert.ok(found.includes(expected), `missing ${expected}`);
    }
  });

  it('counts the mentions of each body across the five pages', () => {
    const counts = new Map<string, number>();
    for (const name of seedFiles()) for (const id of ids(seedText(name))) counts.set(id, (counts.get(id) ?? 0) + 1);
    assert.equal(counts.get('collective-security-council'), 27);
    assert.equal(counts.get('secretariat'), 10); // 11 written, less "the UN Secretariat"
    assert.equal(counts.get('collective-peacekeeping-forces'), 13);
    assert.equal(counts.get('working-group-on-afghanistan'), 5);
    assert.equal(counts.get('council-of-foreign-ministers'), 5);
  });

  it('is built once per catalog and reused by every analysis, and one text matched leaves nothing behind for the next', () => {
    // Every document of an index is matched by the one matcher its knowledge built.
    const shared = bundledKnowledge();
    let calls = 0;
    const findMentions = shared.matcher.findMentions.bind(shared.matcher);
    shared.matcher.findMentions = (...args) => (calls++, findMentions(...args));
    const index = new CorpusIndex(shared);
    for (const name of seedFiles()) index.upsert({ uri: `file:///corpus/${name}`, text: seedText(name), fallbackTitle: name });
    assert.ok(calls >= seedFiles().length, `${calls} calls for ${seedFiles().length} documents`);
    assert.equal(index.knowledge.matcher, shared.matcher);
    // Reused across texts: the answers are those of a matcher that never saw the others.
    const text = seed('003').text;
    const used = new MentionMatcher([...knowledge.entities.values()]);
    for (const name of seedFiles()) used.findMentions(seedText(name));
    assert.deepEqual(used.findMentions(text), new MentionMatcher([...knowledge.entities.values()]).findMentions(text));
  });
});

describe('MentionMatcher: names as an analyst writes them in notes', () => {
  /** "surface→entity" of every mention a note would show. */
  const inNote = (text: string) => knowledge.matcher.findMentions(text, undefined, 'note').map((m) => `${text.slice(m.start, m.end)}→${m.entityId}`);
  const inCorpus = (text: string) => knowledge.matcher.findMentions(text).map((m) => `${text.slice(m.start, m.end)}→${m.entityId}`);

  it('recognises bare code names that are ordinary words when capitalised mid-sentence', () => {
    assert.deepEqual(inNote('The plan went for Interaction, Search and Echelon in 2021.'), ['Interaction→interaction', 'Search→search', 'Echelon→echelon']);
    assert.deepEqual(inNote('We discussed Mercenary today.'), ['Mercenary→mercenary']);
    assert.deepEqual(inCorpus('We discussed Mercenary today.'), [], 'a corpus document needs the context a note can do without');
  });

  it('takes a code name written in capitals as the catalog writes it, but not in a headline in capitals in a source', () => {
    assert.deepEqual(inNote('PROXY'), ['PROXY→proxy'], 'a line of a note');
    assert.deepEqual(inCorpus('The PROXY results were published in May.'), ['PROXY→proxy']);
    assert.deepEqual(inCorpus('POLICE BLOCK PROXY SERVERS'), [], 'a headline in capitals');
    assert.deepEqual(inCorpus('Proxy servers hide an address.'), []);
  });

  it('takes a body "of the Central Asian CSTO region", a region, not another organisation\'s name', () => {
    assert.deepEqual(inCorpus('drills of the Collective Rapid Deployment Forces of the Central Asian CSTO region began'), ['Collective Rapid Deployment Forces→collective-rapid-deployment-forces', 'CSTO→csto']);
    assert.deepEqual(inCorpus('the Military Committee of the Union State met').filter((m) => m.includes('military-committee')), [], 'another organisation\'s body');
  });

  it('takes "Border" for Rubezh with its year or said again, never as a word of another name', () => {
    assert.deepEqual(inCorpus('The planned "Border-2027" drills will be held in October.'), ['Border-2027→rubezh']);
    const text = 'The Rubezh-2027 drills ended; the next Border will be held in Tajikistan. Sections of the Tajik-Afghan Border are guarded by the Council of Commanders of Border Troops.';
    assert.deepEqual(inCorpus(text).filter((m) => m.endsWith('rubezh')), ['Rubezh-2027→rubezh', 'Border→rubezh']);
  });

  it('takes no state whose name is joined to a number ("Rossiya-24", "Kazakhstan-2050")', () => {
    assert.deepEqual(inCorpus('He told the Rossiya-24 channel about the Kazakhstan-2050 plan in Russia.'), ['Russia→russia']);
  });

  it('takes a sentence-initial code name only when its sentence speaks of its kind', () => {
    assert.deepEqual(inNote('Mercenary and Channel are the two permanent operations.'), ['Mercenary→mercenary', 'Channel→channel']);
    assert.deepEqual(inNote('Search results were poor.'), []);
    assert.deepEqual(inNote('Interaction between the parliaments grew.'), []);
  });

  it('does not take a code name that starts a list item, a heading or the words after a colon', () => {
    assert.deepEqual(inNote('- Mercenary is ongoing'), []);
    assert.deepEqual(inNote('notes\n  * Cobalt was mentioned\n# Rock\n1. Barrier'), []);
    assert.deepEqual(inNote('In short: Thunder is coming.'), []);
  });

  it('keeps the traps out of notes', () => {
    assert.deepEqual(inNote('the search for a settlement'), []);
    assert.deepEqual(inNote('ships in the English Channel'), []);
    assert.deepEqual(inNote('the plan on Illegal Migration'), []);
    assert.deepEqual(inNote('a lower-case echelon of command'), []);
  });

  it('treats "common word" as a property of a name: Kobalt, Kanal and Nelegal need no context, Cobalt does', () => {
    assert.deepEqual(inCorpus('units of Kobalt and Kanal and Nelegal'), ['Kobalt→cobalt', 'Kanal→channel', 'Nelegal→illegal']);
    assert.deepEqual(inCorpus('units of Cobalt and Channel'), []);
  });

  it('reads a possessive as the name without it, in notes and in the corpus', () => {
    assert.deepEqual(inNote('The CSC’s decision and the CSTO\'s role'), ['CSC→collective-security-council', 'CSTO→csto']);
    assert.deepEqual(inCorpus('the CSTO\'s role'), ['CSTO→csto']);
  });

  it('matches a body name with its head noun in the other number', () => {
    assert.deepEqual(inNote('The Collective Operational Response Force was set up.'), ['Collective Operational Response Force→collective-rapid-reaction-force']);
    assert.deepEqual(inCorpus('the Collective Peacekeeping Force'), ['Collective Peacekeeping Force→collective-peacekeeping-forces']);
  });

  it('reads an ordinary word followed by the complement of an ordinary noun as that noun', () => {
    assert.deepEqual(inNote('We saw that Interaction between the parliaments grew.'), []);
    assert.deepEqual(inNote('They moved an Echelon of reserve units.'), []);
    assert.deepEqual(inNote('We compared Cobalt with Rubezh.'), ['Cobalt→cobalt', 'Rubezh→rubezh'], '"with" is no such complement');
  });

  it('takes a code name at the start of a sentence once the note has named it', () => {
    assert.deepEqual(inNote('The CSTO runs Mercenary. Mercenary targets recruitment.'), ['CSTO→csto', 'Mercenary→mercenary', 'Mercenary→mercenary']);
    assert.deepEqual(inNote('Search results were poor.'), []);
  });

  it('reads a plural\'s possessive apostrophe as part of a body\'s name ("the CSTO Foreign Ministers\' Council")', () => {
    assert.deepEqual(inCorpus("The CSTO Foreign Ministers' Council met."), ["CSTO Foreign Ministers' Council→council-of-foreign-ministers"]);
    assert.deepEqual(inCorpus('The CSTO Foreign Ministers’ Council met.'), ['CSTO Foreign Ministers’ Council→council-of-foreign-ministers']);
  });

  it('takes a name the catalog gives only with the CSTO for the body without it, once it was said in full', () => {
    assert.deepEqual(inCorpus('Chief of the Allied Staff of the CSTO spoke. The Allied Staff plans the training.'), ['Allied Staff of the CSTO→joint-staff', 'Allied Staff→joint-staff']);
    assert.deepEqual(inCorpus('The Allied Staff plans the training.'), [], 'not before the full name: NATO has allied staffs too');
  });

  it('takes common-word names listed after their kind word in the plural, a few words and a dash or a colon', () => {
    assert.deepEqual(inCorpus('A number of major exercises were held last year – Echelon and Interaction in Russia, Unbreakable Brotherhood in Tajikistan.').filter((m) => !m.includes('→russia') && !m.includes('→tajikistan')), ['Echelon→echelon', 'Interaction→interaction', 'Unbreakable Brotherhood→indestructible-brotherhood']);
    assert.deepEqual(inCorpus('We held three exercises: Interaction, Search and Echelon.'), ['Interaction→interaction', 'Search→search', 'Echelon→echelon']);
    assert.deepEqual(inCorpus('Several exercises were planned – interaction between the staffs was the aim.'), [], 'the ordinary noun after a dash');
    assert.deepEqual(inCorpus('Three exercises were held. Interaction between the staffs grew – Search teams helped.'), [], 'not past the end of the sentence');
  });

  it('reads the CSTO\'s possessive before an exercise as the organisation, and before a body as part of its name', () => {
    assert.deepEqual(inCorpus("Forces taking part in the CSTO's Rubezh-2033 drills are moving."), ['CSTO→csto', 'Rubezh-2033→rubezh']);
    assert.deepEqual(inCorpus('the CSTO’s Crisis Reaction Center opened'), ['CSTO’s Crisis Reaction Center→crisis-response-center']);
  });

  it('reads a state\'s adjective alone after "in" as its language, not the state', () => {
    assert.deepEqual(inCorpus('Done in one original copy in Russian, kept in Moscow.'), []);
    assert.deepEqual(inCorpus('The text is in Kazakh and Russian.'), []);
    assert.deepEqual(inCorpus('Troops arrived in Russian territory. The talks were held in Russia.'), ['Russian→russia', 'Russia→russia']);
  });

  it('does not run a name on past a possessive', () => {
    assert.deepEqual(inCorpus("the CRRF's command staff"), ['CRRF→collective-rapid-reaction-force']);
    assert.deepEqual(inCorpus('the CRRF Command staff'), ['CRRF Command→crrf-command']);
  });
});

