// The Entities view asks for every entity's facts at once, when an index is done. The entities'
// aggregates are then made in one pass over the documents, and an entity's earliest report is
// found without making a candidate of every document's mention: each must be exactly what the
// one-entity-at-a-time way makes, on every kind of text the project has (the seed corpus, the
// eval sets' English and Russian pages).

import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { earliestAcross, earlier, earliestIn } from '../../server/src/core/index/aggregates';
import type { IndexedDocument } from '../../server/src/core/analysis/analyseDocument';
import { CorpusIndex } from '../../server/src/core/index/corpusIndex';
import { bundledKnowledge, CORPUS, REPO_ROOT } from './helpers';

function textFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return textFiles(path);
    return /\.(txt|md)$/.test(name) ? [path] : [];
  });
}

const files = [...textFiles(CORPUS), ...textFiles(join(REPO_ROOT, 'test', 'eval'))].map((path) => ({ uri: `file://${path}`, text: readFileSync(path, 'utf8'), fallbackTitle: path.split('/').pop()!, embedded: false }));

function indexOfFiles(): CorpusIndex {
  const index = new CorpusIndex(bundledKnowledge());
  for (const file of files) index.upsert(file);
  return index;
}

/** Drives a preparation to its end: how many turns it took and what it returned. */
function drive(preparing: Generator<void, boolean>): { turns: number; made: boolean } {
  let turns = 0;
  for (let turn = preparing.next(); ; turn = preparing.next()) {
    if (turn.done) return { turns, made: turn.value };
    turns++;
  }
}

/** Everything a card and the Entities view read of an entity's aggregate, as plain data. */
function factsOf(index: CorpusIndex, entityId: string) {
  return {
    documents: [...index.documentsMentioning(entityId)].map(({ doc, rows }) => [doc.uri, [...rows]]),
    editions: [...index.editionCounts(entityId)],
    surfaces: [...index.surfaceCounts(entityId)],
    span: index.dateSpan(entityId),
    byEarliest: index.documentsByEarliestMention(entityId).map((d) => [d.doc.uri, d.earliest, d.date]),
    timeline: index.timelineOf(entityId).map((row) => [row.doc.uri, row.passage, row.date, row.mentions, [...row.editions], row.firstRow]),
  };
}

const mentionedIn = (index: CorpusIndex) => index.entities().filter((entity) => index.documentCount(entity.id) > 0);

describe("every entity's facts at once", () => {
  it('makes each aggregate in one pass over the documents, equal to the one made for that entity alone', () => {
    assert.ok(files.length > 200, `${files.length} files`);
    const atOnce = indexOfFiles();
    const first = drive(atOnce.prepareAggregates());
    assert.equal(first.made, true);
    assert.ok(first.turns >= 2, `the pass gives way to requests between turns of documents (${first.turns} turns)`);
    assert.deepEqual(drive(atOnce.prepareAggregates()), { turns: 0, made: true }, 'the aggregates made are kept: nothing is left to make');
    const alone = indexOfFiles();
    const entities = mentionedIn(alone);
    assert.ok(entities.length > 50, `${entities.length} entities mentioned`);
    assert.ok(entities.some((e) => atOnce.editionCounts(e.id).size > 0), 'some entity has editions counted');
    for (const entity of entities) assert.deepEqual(factsOf(atOnce, entity.id), factsOf(alone, entity.id), entity.id);
  });

  it('makes nothing when the corpus changes between two turns, and the facts stay right', () => {
    const index = indexOfFiles();
    const preparing = index.prepareAggregates();
    assert.equal(preparing.next().done, false);
    index.upsert({ uri: 'file:///corpus/late.txt', text: 'The Collective Security Council met in Minsk on 3 May 2024.', fallbackTitle: 'late.txt', embedded: false });
    assert.deepEqual(preparing.next(), { done: true, value: false });
    assert.ok(drive(index.prepareAggregates()).turns > 0, 'nothing was kept from the abandoned pass');
    const fresh = indexOfFiles();
    fresh.upsert({ uri: 'file:///corpus/late.txt', text: 'The Collective Security Council met in Minsk on 3 May 2024.', fallbackTitle: 'late.txt', embedded: false });
    for (const entity of mentionedIn(fresh)) assert.deepEqual(factsOf(index, entity.id), factsOf(fresh, entity.id), entity.id);
  });

  it('leaves the pass out when the entities lacking an aggregate are named in fewer documents than the corpus has', () => {
    const index = indexOfFiles();
    const entities = mentionedIn(index).sort((a, b) => index.documentCount(a.id) - index.documentCount(b.id));
    // Every aggregate made but the least-named entity's.
    for (const entity of entities.slice(1)) index.editionCounts(entity.id);
    assert.deepEqual(drive(index.prepareAggregates()), { turns: 0, made: true });
    assert.deepEqual(factsOf(index, entities[0].id), factsOf(indexOfFiles(), entities[0].id));
  });

  it("finds each entity's earliest report, and each edition's, as a candidate made of every document would", () => {
    const index = indexOfFiles();
    let compared = 0;
    for (const entity of mentionedIn(index)) {
      const documents: { doc: IndexedDocument; rows: ArrayLike<number> }[] = [...index.documentsMentioning(entity.id)];
      const naive = (list: typeof documents) => {
        let found: ReturnType<typeof earliestAcross>;
        for (const { doc, rows } of list) {
          const candidate = earliestIn(doc, rows);
          if (candidate && (!found || earlier(candidate, doc, found.candidate, found.doc))) found = { doc, candidate };
        }
        return found && { uri: found.doc.uri, candidate: found.candidate };
      };
      const fast = (list: typeof documents) => {
        const found = earliestAcross(list);
        return found && { uri: found.doc.uri, candidate: found.candidate };
      };
      assert.deepEqual(fast(documents), naive(documents), entity.id);
      for (const [edition] of index.editionCounts(entity.id)) {
        const ofEdition = documents.map(({ doc, rows }) => ({ doc, rows: Array.from(rows).filter((i) => doc.mentions.entityId(i) === entity.id && doc.mentions.edition(i) === edition) }));
        assert.deepEqual(fast(ofEdition), naive(ofEdition), `${entity.id}@${edition}`);
        compared++;
      }
    }
    assert.ok(compared > 10, `${compared} editions compared`);
  });
});
