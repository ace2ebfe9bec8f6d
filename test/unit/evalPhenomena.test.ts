// The eval's table of Russian phenomena classes each label by its text and the catalog: a wrong
// class would move a figure from one row of the closing table to another.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { catalogByName, catalogEntities, phenomenonOf, trapPhenomenon } from '../eval/phenomena';
import { REPO_ROOT } from '../protocol/lspSession';

const catalog = catalogByName(catalogEntities(REPO_ROOT));
const of = (text: string, entity: string) => phenomenonOf(text, catalog.get(entity.toLowerCase()));

describe('eval phenomena: what a label of a Russian set shows', () => {
  it('tells a Russian name as the catalog writes it from one in another case, quotes, "ё" and year aside', () => {
    assert.equal(of('Совет коллективной безопасности', 'Collective Security Council'), 'Russian name, as the catalog writes it');
    assert.equal(of('Совета коллективной безопасности ОДКБ', 'Collective Security Council'), 'Russian name, another case or number');
    assert.equal(of('«Взаимодействие-2028»', 'Interaction'), 'Russian name, as the catalog writes it');
    assert.equal(of('Объединенного штаба ОДКБ', 'Joint Staff'), 'Russian name, another case or number');
  });

  it('takes capitals, with or without a case ending, for an abbreviation', () => {
    assert.equal(of('КСОР', 'Collective Rapid Reaction Force'), 'Russian abbreviation');
    assert.equal(of('КСОРа', 'Collective Rapid Reaction Force'), 'Russian abbreviation');
    assert.equal(of('СКБ ОДКБ', 'Collective Security Council'), 'Russian abbreviation');
  });

  it('takes a Latin spelling of the Russian name for a transliteration, even one the catalog lists as an alias', () => {
    assert.equal(of('Vzaimodeistviye 2028', 'Interaction'), 'Latin transliteration');
    assert.equal(of('Vzaimodeystvie-2024', 'Interaction'), 'Latin transliteration');
    assert.equal(of('Nerushimoye Bratstvo-2028', 'Indestructible Brotherhood'), 'Latin transliteration');
    assert.equal(of('Rubezh 2028', 'Rubezh'), 'Latin transliteration');
    assert.equal(of('Interaction', 'Interaction'), 'English name');
    assert.equal(of('rapid reaction forces', 'Collective Rapid Reaction Force'), 'English name');
  });

  it('leaves out an entity the catalog lacks, and classes traps by their script', () => {
    assert.equal(of('Заслон-2028', 'Zaslon'), undefined);
    assert.equal(trapPhenomenon('Поиск места'), 'trap in Russian');
    assert.equal(trapPhenomenon('echelon'), 'trap in English');
  });
});
