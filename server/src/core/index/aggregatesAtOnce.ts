// Every entity's aggregate made at once, as the Entities view asks for all of them when an index is
// done: one pass over the documents, where making each alone reads a document's mentions again for
// every entity it names.

import type { IndexedDocument } from '../analysis/analyseDocument';
import type { MentionColumns } from '../analysis/mentionColumns';
import { addToAggregate, compareDocs, emptyAggregate, type EntityAggregate, type ReprintTest } from './aggregates';

/**
 * The aggregates of the entities `wanted` picks, made in one pass over the documents, each as
 * `newAggregate` makes it: each document's mentions are grouped by entity once, where
 * `newAggregate` reads a document's mentions again for every entity it names (asked for every
 * entity's, as by the Entities view: 2.7 s on the bench, 0.55 s at once). A generator that
 * yields after every `step` documents, so that its caller may answer requests between them.
 */
export function* newAggregates(wanted: (entityId: string) => boolean, documents: IndexedDocument[], isReprint: ReprintTest, step: number): Generator<void, Map<string, EntityAggregate>> {
  const made = new Map<string, EntityAggregate>();
  documents.sort(compareDocs);
  for (let k = 0; k < documents.length; k++) {
    const doc = documents[k];
    for (const [entityId, rows] of countedRows(doc.mentions)) {
      if (!wanted(entityId)) continue;
      let aggregate = made.get(entityId);
      if (!aggregate) made.set(entityId, (aggregate = emptyAggregate(entityId)));
      addToAggregate(aggregate, doc, rows, isReprint, true);
    }
    if ((k + 1) % step === 0) yield;
  }
  for (const aggregate of made.values()) aggregate.documents.trim();
  return made;
}

/** How many documents `prepareAggregates` reads a turn. */
const AGGREGATES_STEP = 100;

/**
 * Makes the aggregates of every entity `mentioned` that `made` lacks, in one pass over the
 * documents a turn at a time (see `newAggregates`); true once they are in `made`, false (nothing
 * added) when the index changed between two turns (`stamp` tells). When the entities lacking one
 * are named in fewer documents than the corpus has, each is left to be made alone when asked for:
 * that reads fewer documents (and the corpus's documents are not even listed).
 */
export function* prepareAggregates(made: Map<string, EntityAggregate>, mentioned: Iterable<[string, number]>, stamp: () => number, corpus: { size: number; documents(): IndexedDocument[] }, isReprint: ReprintTest): Generator<void, boolean> {
  const wanted = new Set<string>();
  let reads = 0;
  for (const [entityId, documentCount] of mentioned) {
    if (made.has(entityId)) continue;
    wanted.add(entityId);
    reads += documentCount;
  }
  if (reads <= corpus.size) return true;
  const before = stamp();
  const building = newAggregates((entityId) => wanted.has(entityId), corpus.documents(), isReprint, AGGREGATES_STEP);
  for (let turn = building.next(); ; turn = building.next()) {
    if (turn.done) {
      // One made meanwhile (a card hovered between turns) is the same: the one in `made` is kept.
      for (const [entityId, aggregate] of turn.value) if (!made.has(entityId)) made.set(entityId, aggregate);
      return true;
    }
    yield;
    if (stamp() !== before) return false;
  }
}

/** The rows each entity is counted for, each row once and in text order: `rowsFor` of every entity at once. */
function countedRows(mentions: MentionColumns): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (let i = 0; i < mentions.length; i++) {
    mentions.forEachCounted(i, (entityId) => {
      const group = groups.get(entityId);
      if (!group) groups.set(entityId, [i]);
      else if (group[group.length - 1] !== i) group.push(i);
    });
  }
  return groups;
}
