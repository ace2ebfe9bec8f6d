import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countByEntity, groupByEntity } from '../../server/src/core/index/aggregates';
import { CorpusIndex } from '../../server/src/core/index/corpusIndex';
import { bundledKnowledge, seed, seedFiles, seedText } from './helpers';

function seedIndex(): CorpusIndex {
  const index = new CorpusIndex(bundledKnowledge());
  for (const name of seedFiles()) index.upsert({ uri: `file:///corpus/${name}`, text: seedText(name), fallbackTitle: name });
  return index;
}

describe('CorpusIndex', () => {
  it('maps each entity to its mentions in every document, whichever name was written', () => {
    const index = seedIndex();
    const mercenary = index.mentionsOf('mercenary');
    assert.deepEqual(new Set(mercenary.map((m) => m.surface)), new Set(['Mercenary', 'Mercenary-2021', 'Hired guns']));
    assert.equal(index.documentCount('mercenary'), 4);
    assert.equal(index.mentionCount('mercenary'), mercenary.length);
    for (const mention of mercenary) assert.equal(index.textOf(index.get(mention.uri)!).slice(mention.start, mention.end), mention.surface);
  });

  it('counts for each entity, in the order first named, the mentions its rows hold: repeats left out, names inside names counted', () => {
    const index = seedIndex();
    let inside = 0;
    let repeats = 0;
    for (const doc of index.documents()) {
      const groups = groupByEntity(doc.mentions);
      assert.deepEqual([...countByEntity(doc.mentions)], [...groups].map(([entityId, rows]) => [entityId, rows.length]), doc.uri);
      for (let i = 0; i < doc.mentions.length; i++) {
        if (doc.mentions.inside(i)) inside++;
        if (doc.mentions.isRepeat(i)) repeats++;
      }
    }
    assert.ok(inside > 0 && repeats > 0, 'the seed corpus has names inside names and repeats');
  });

  it('updates one document without touching the entries of the others', () => {
    const index = seedIndex();
    const other = index.get(`file:///corpus/${seed('002').name}`)!;
    const before = index.mentionsOf('collective-security-council').filter((m) => m.uri === other.uri);
    const edited = `${seed('000').text}\n\nThe Collective Security Council met again.`;
    index.upsert({ uri: `file:///corpus/${seed('000').name}`, text: edited, fallbackTitle: '000' });
    const after = index.mentionsOf('collective-security-council');
    assert.equal(index.get(other.uri), other, 'the unchanged document is the same object');
    assert.deepEqual(after.filter((m) => m.uri === other.uri), before);
    assert.ok(after.some((m) => m.uri.endsWith(seed('000').name) && m.start > seed('000').text.length));
  });

  it('forgets a removed document and every mention in it', () => {
    const index = seedIndex();
    const uri = `file:///corpus/${seed('001').name}`;
    const total = index.stats().mentions;
    const inDoc = index.get(uri)!.mentions.toArray().filter((m) => !m.repeat).length;
    assert.ok(index.remove(uri));
    assert.equal(index.stats().mentions, total - inDoc);
    assert.ok(!index.mentionsOf('proxy').some((m) => m.uri === uri));
    assert.equal(index.mentionsOf('illegal').filter((m) => m.surface === 'Illegal alien').length, 0);
    assert.equal(index.remove(uri), false);
  });

  it('keeps every card\'s definition what a fresh index of the same documents gives, while documents are removed and edited after cards were shown', () => {
    const index = seedIndex();
    const ids = ['collective-security-council', 'channel', 'proxy', 'collective-peacekeeping-forces', 'indestructible-brotherhood', 'interaction', 'csto', 'mercenary', 'illegal'];
    const quotes = (ix: CorpusIndex) => ids.map((id) => [id, ix.definitionOf(id)?.quote ?? null, ix.definitionOf(id, 2021)?.quote ?? null]);
    quotes(index);
    // Each seed document in turn: edited away, then removed, after every card was asked for.
    for (const name of seedFiles().slice(0, 6)) {
      const uri = `file:///corpus/${name}`;
      index.upsert({ uri, text: 'A note on the weather.', fallbackTitle: name });
      const fresh = new CorpusIndex(bundledKnowledge());
      for (const doc of index.documents()) fresh.upsert({ uri: doc.uri, text: index.textOf(doc), fallbackTitle: doc.title });
      assert.deepEqual(quotes(index), quotes(fresh), `after ${name} was edited`);
      index.remove(uri);
    }
  });

  it('defines an entity by the sentence that says what it is', () => {
    const index = seedIndex();
    const csc = index.definitionOf('collective-security-council')!;
    assert.ok(csc.defining);
    assert.equal(csc.quote, 'The highest body is the Collective Security Council, which consists of the heads of state or government of the CSTO member States.');
    assert.equal(csc.document.uri, `file:///corpus/${seed('003').name}`);
    assert.equal(csc.mention.surface, 'Collective Security Council');
    assert.equal(index.definitionOf('channel')!.quote, '«Channel» operation is being implemented to discontinue drug distribution.');
    assert.match(index.definitionOf('proxy')!.quote, /^Regular special operation "PROXY", aimed at suppressing the use of information and communication technologies/);
  });

  it('falls back to the earliest dated mention when no sentence defines the entity', () => {
    const index = seedIndex();
    const peacekeepers = index.definitionOf('collective-peacekeeping-forces')!;
    assert.equal(peacekeepers.defining, false);
    assert.equal(peacekeepers.date, '2020-12-02');
    assert.equal(peacekeepers.mention.surface, 'CSTO Collective Peacekeeping Forces');
  });

  it('defines a series no sentence defines as a whole by an edition\'s sentence, saying which edition', () => {
    const brotherhood = seedIndex().definitionOf('indestructible-brotherhood')!;
    assert.equal(brotherhood.defining, true);
    assert.equal(brotherhood.about, 2021);
    assert.match(brotherhood.quote, /^joint training with the CSTO Peacekeeping Forces "indestructible Brotherhood-2021"/);
  });

  it('recomputes a definition when the document that held it is removed', () => {
    const index = seedIndex();
    assert.equal(index.definitionOf('collective-security-council')!.document.uri, `file:///corpus/${seed('003').name}`);
    index.remove(`file:///corpus/${seed('003').name}`);
    const next = index.definitionOf('collective-security-council')!;
    assert.notEqual(next.document.uri, `file:///corpus/${seed('003').name}`);
  });

  it('knows the same news item printed on two pages as one passage seen twice', () => {
    const index = seedIndex();
    const page = index.get(`file:///corpus/${seed('000').name}`)!;
    const news = page.passages.filter((p) => p.kind === 'news');
    for (const passage of news) assert.deepEqual(index.reprintsOf(page.uri, passage).map((r) => r.uri), [`file:///corpus/${seed('004').name}`]);
    const article = page.passages.find((p) => p.kind === 'article')!;
    assert.deepEqual(index.reprintsOf(page.uri, article), []);
  });

  it('keeps what it knows of each entity current across updates, as a fresh index would have it', () => {
    const ids = ['collective-security-council', 'indestructible-brotherhood', 'mercenary', 'csto', 'secretariat'];
    const describe = (index: CorpusIndex) =>
      ids.map((id) => ({
        documents: [...index.documentsMentioning(id)].map((d) => [d.doc.uri, d.mentions.map((m) => m.start)]),
        editions: [...index.editionCounts(id)].sort(),
        surfaces: [...index.surfaceCounts(id)].sort(),
        definition: index.definitionOf(id) && [index.definitionOf(id)!.document.uri, index.definitionOf(id)!.mention.start, index.definitionOf(id)!.quote],
        count: index.mentionCount(id),
      }));
    const updated = seedIndex();
    describe(updated); // makes the aggregates, which must then follow the changes
    const edited = `${seed('002').text}\n\nThe “Indestructible Brotherhood-2026” training and the CSTO CSC were announced.`;
    updated.upsert({ uri: `file:///corpus/${seed('002').name}`, text: edited, fallbackTitle: '002' });
    updated.remove(`file:///corpus/${seed('003').name}`);
    const fresh = new CorpusIndex(bundledKnowledge());
    for (const name of seedFiles()) {
      if (name === seed('003').name) continue;
      fresh.upsert({ uri: `file:///corpus/${name}`, text: name === seed('002').name ? edited : seedText(name), fallbackTitle: name === seed('002').name ? '002' : name });
    }
    assert.deepEqual(describe(updated), describe(fresh));
    assert.equal(updated.editionCounts('indestructible-brotherhood').get(2026), 1);
  });

  it('quotes, after each document added, the definition an index made from scratch quotes, cards asked for between documents', () => {
    const ids = ['collective-security-council', 'collective-rapid-reaction-force', 'indestructible-brotherhood', 'mercenary', 'csto'];
    const quoted = (index: CorpusIndex) => ids.flatMap((id) => [undefined, 2024].map((edition) => index.definitionOf(id, edition)).map((d) => d && [d.document.uri, d.mention.start, d.quote, d.defining, d.about]));
    // Sentences that define, better and worse, coming after the seed pages, and a reprint of one of them.
    const extra = [
      'The Collective Rapid Reaction Force is a component of the CSTO forces of permanent readiness, set up in 2009.',
      'Operation Mercenary is aimed at shutting down the channels through which mercenaries are recruited.',
      'The Collective Security Council is the highest body of the Organization.',
      'The Collective Rapid Reaction Force is a component of the CSTO forces of permanent readiness, set up in 2009.',
    ];
    const sources = [...seedFiles().map((name) => ({ uri: `file:///corpus/${name}`, text: seedText(name) })), ...extra.map((text, i) => ({ uri: `file:///corpus/extra-${i}.txt`, text: `12.05.202${i}\n${text}\n` }))];
    const growing = new CorpusIndex(bundledKnowledge());
    for (let i = 0; i < sources.length; i++) {
      growing.upsert({ ...sources[i], fallbackTitle: sources[i].uri });
      const fresh = new CorpusIndex(bundledKnowledge());
      for (const source of sources.slice(0, i + 1)) fresh.upsert({ ...source, fallbackTitle: source.uri });
      assert.deepEqual(quoted(growing), quoted(fresh), `after ${sources[i].uri}`);
    }
  });

  it('drops what the matcher finds inside navigation boilerplate', () => {
    const index = new CorpusIndex(bundledKnowledge());
    const doc = index.upsert({ uri: 'file:///a.txt', fallbackTitle: 'a', text: 'Title of the page\nThe “Search-2021” training was held.\nGo back\nBack to the section\n' });
    assert.deepEqual(doc.mentions.toArray().map((m) => m.entityId), ['search']);
    const menu = index.upsert({ uri: 'file:///b.txt', fallbackTitle: 'b', text: 'Read also:\n• “Search-2021” results\nThe page ends here.' });
    assert.deepEqual(menu.mentions.toArray(), []);
  });
});
