import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findAllMentions } from '../../server/src/core/analysis/analyseDocument';
import { NameCompleter, typedNameStarts } from '../../server/src/core/query/nameCompleter';
import { CorpusIndex } from '../../server/src/core/index/corpusIndex';
import { NoteIndex } from '../../server/src/core/index/noteIndex';
import { createLanguageService } from '../../server/src/core/languageService';
import { bundledKnowledge, seedFiles, seedText } from './helpers';

const completer = new NameCompleter(bundledKnowledge().entities.values());
const complete = (prefix: string) => completer.complete(prefix, () => 0).items;

describe('NameCompleter', () => {
  it('offers the exercise for a prefix of its name, before its editions', () => {
    const items = complete('The drills were called Indestr');
    assert.equal(items[0].name, 'Indestructible Brotherhood');
    assert.equal(items[0].entity.kind, 'exercise');
    assert.equal(items[0].replaceFrom, 'The drills were called '.length);
    assert.deepEqual(items.slice(1).map((i) => i.name), [2020, 2021, 2022, 2023, 2024].map((y) => `Indestructible Brotherhood-${y}`));
  });

  it('matches aliases and abbreviations and names the entity they belong to', () => {
    const hired = complete('the operation Hired');
    assert.equal(hired[0].name, 'Hired guns');
    assert.equal(hired[0].entity.name, 'Mercenary');
    assert.equal(hired[0].canonical, false);
    assert.ok(complete('the CRR').some((i) => i.name === 'CRRF' && i.entity.id === 'collective-rapid-reaction-force'));
    assert.ok(complete('the Inviolable').some((i) => i.entity.id === 'indestructible-brotherhood'));
  });

  it('replaces several typed words when they begin a multi-word name', () => {
    const items = complete('Then the Collective Sec');
    assert.equal(items[0].name, 'Collective Security Council');
    assert.equal(items[0].replaceFrom, 'Then the '.length);
  });

  it('matches a word inside a name', () => {
    assert.ok(complete('Brotherh').some((i) => i.name === 'Combat Brotherhood'));
  });

  it('offers editions after a series name and a hyphen', () => {
    assert.deepEqual(complete('Search-').map((i) => i.name), ['Search-2021', 'Search-2022', 'Search-2023', 'Search-2024', 'Search-2025']);
  });

  it('offers every canonical name when nothing is typed', () => {
    const items = completer.complete('The ', () => 0).items;
    assert.equal(items.length, bundledKnowledge().entities.size);
    assert.ok(items.every((i) => i.canonical));
  });

  it('finds where the typed name starts: only across spaces and hyphens, at most six words back', () => {
    assert.deepEqual(typedNameStarts('a, Collective Sec'), [3, 14]);
    assert.deepEqual(typedNameStarts('word '), []);
    assert.deepEqual(typedNameStarts('«Indestructible Brotherhood-20'), [1, 16, 28]);
  });
});

describe('a name inserted by completion', () => {
  it('is recognised in a note as the entity it was offered for, whichever name of the catalog it is', () => {
    const knowledge = bundledKnowledge();
    const all = new NameCompleter(knowledge.entities.values()).complete('', () => 0, 100000).items;
    const offered = [...knowledge.entities.values()].flatMap((entity) =>
      [...new Set([entity.name, ...entity.aliases, ...(entity.editions ?? []).map((e) => `${entity.name}-${e.year}`)])].map((name) => ({ entity, name })),
    );
    assert.ok(all.length > 50 && offered.length > all.length, 'every name is tried, not only the canonical ones');
    const missed: string[] = [];
    for (const { entity, name } of offered) {
      const before = 'We discussed the ';
      const text = `${before}${name} in the weekly report.`;
      const found = findAllMentions(text, knowledge, 'note').find((m) => m.start <= before.length && m.end >= before.length + name.length);
      if (found?.entityId !== entity.id) missed.push(`${name} (${entity.id}) → ${found?.entityId ?? 'nothing'}`);
    }
    assert.deepEqual(missed, []);
  });
});

describe('NameCompleter: the order of what it offers', () => {
  const index = new CorpusIndex(bundledKnowledge());
  for (const name of seedFiles()) index.upsert({ uri: `file:///corpus/${name}`, text: seedText(name), fallbackTitle: name });
  const ranked = new NameCompleter(index.entities(), index.knowledge);
  const names = (prefix: string) => ranked.complete(prefix, (e) => index.mentionCount(e.id)).items.map((i) => `${i.name} (${i.entity.id})`);
  /** Where an item stands in what is offered; fails when it is not offered at all. */
  const place = (offered: string[], item: string) => {
    const at = offered.indexOf(item);
    assert.ok(at >= 0, `${item} is not offered: ${offered.join(' | ')}`);
    return at;
  };

  it("puts the CSTO itself (mentioned most) and its bodies, operations and exercises first, most mentioned first", () => {
    const offered = names('The Coll');
    assert.equal(offered[0], 'Collective Security Treaty Organization (csto)', 'the organisation itself, mentioned most, first');
    assert.equal(offered[1], 'Collective Security Council (collective-security-council)');
    assert.ok(place(offered, 'Collective Security Treaty Organization (csto)') < place(offered, 'Collective Peacekeeping Forces (collective-peacekeeping-forces)'));
  });

  it('puts entities the corpus mentions before those it never mentions', () => {
    const offered = names('the Kan');
    assert.ok(place(offered, 'Kanal (channel)') < place(offered, 'Kanal-Avangard (channel-avangard)'), offered.join(' | '));
  });

  it('puts an exact name before names it only begins', () => {
    assert.equal(names('the CSC')[0], 'CSC (collective-security-council)');
    assert.equal(names('the Search')[0], 'Search (search)');
  });
});

describe('completion by the spellings the corpus uses', () => {
  const service = () => {
    const index = new CorpusIndex(bundledKnowledge());
    index.upsert({ uri: 'file:///corpus/a.txt', text: 'MINSK, 3 April 2022. The CSTO exercise Vzaimodeistvie-2022 began, after the drills «Nerushimoye Bratstvo» of the CSTO peacekeepers.', fallbackTitle: 'a.txt' });
    return createLanguageService({ index, notes: new NoteIndex(index) });
  };

  it('offers an edition as the corpus writes it, and says which entity and edition it stands for', () => {
    const items = service().complete('We read of Vzaimod').items;
    const edition = items.find((i) => i.name === 'Vzaimodeistvie-2022');
    assert.ok(edition, `offered: ${items.map((i) => i.name).join(', ')}`);
    assert.equal(edition.entity.id, 'interaction');
    assert.equal(edition.edition, 2022);
    assert.equal(edition.corpus, true);
  });

  it('offers a spelling the catalog lacks as a name of its entity', () => {
    const items = service().complete('the Nerushimoye B').items;
    const spelling = items.find((i) => i.name === 'Nerushimoye Bratstvo');
    assert.ok(spelling, `offered: ${items.map((i) => i.name).join(', ')}`);
    assert.equal(spelling.entity.id, 'indestructible-brotherhood');
  });
});
