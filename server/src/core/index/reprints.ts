// Passages printed in more than one document (a news item in the side bar of several pages). Of
// each set of copies one counts, the copy in the first document by uri; the others are reprints:
// their mentions stay listed (references show every place) but are counted apart.

import type { IndexedDocument, IndexedMention } from '../analysis/analyseDocument';
import { countedEntities, topPassage } from '../model';
import { bump } from './aggregates';

interface Copy {
  uri: string;
  passage: number;
}

export class Reprints {
  /** Copies of each passage by fingerprint, the counted one first. */
  private readonly copies = new Map<string, Copy[]>();
  /** Per entity, its counted mentions that stand in reprints. */
  private readonly reprinted = new Map<string, number>();
  private total = 0;

  constructor(private readonly documentOf: (uri: string) => IndexedDocument | undefined) {}

  clear(): void {
    this.copies.clear();
    this.reprinted.clear();
    this.total = 0;
  }

  /** Files a document's passages; returns the entities whose reprint counts changed. */
  add(doc: IndexedDocument): Set<string> {
    const changed = new Set<string>();
    for (const passage of doc.passages) {
      if (passage.kind === 'boilerplate') continue;
      const copy = { uri: doc.uri, passage: passage.index };
      const list = this.copies.get(passage.fingerprint);
      if (!list) {
        this.copies.set(passage.fingerprint, [copy]);
        continue;
      }
      const at = list.findIndex((c) => compareCopies(copy, c) < 0);
      list.splice(at < 0 ? list.length : at, 0, copy);
      if (passage.parent !== undefined) continue;
      // The new copy is a reprint, or it comes first and the copy that counted until now is one.
      const reprint = at === 0 ? list[1] : copy;
      this.count(this.holder(reprint, doc), reprint.passage, 1, changed);
    }
    return changed;
  }

  /** Takes a document's passages out; returns the entities whose reprint counts changed. */
  remove(doc: IndexedDocument): Set<string> {
    const changed = new Set<string>();
    for (const passage of doc.passages) {
      const list = this.copies.get(passage.fingerprint);
      const at = list ? list.findIndex((c) => c.uri === doc.uri && c.passage === passage.index) : -1;
      if (!list || at < 0) continue;
      if (passage.parent === undefined && list.length > 1) {
        // Removing the counted copy makes the next one count.
        const reprint = at === 0 ? list[1] : list[at];
        this.count(this.holder(reprint, doc), reprint.passage, -1, changed);
      }
      list.splice(at, 1);
      if (!list.length) this.copies.delete(passage.fingerprint);
    }
    return changed;
  }

  /** True when the mention stands in a copy of a passage that counts elsewhere. */
  isReprint(doc: IndexedDocument, mention: IndexedMention): boolean {
    return this.isReprintedPassage(doc, topPassage(doc, mention.passage));
  }

  /** True when a top-level passage (by index) is a copy of one that counts elsewhere. */
  isReprintedPassage(doc: IndexedDocument, top: number): boolean {
    const passage = top >= 0 ? doc.passages[top] : undefined;
    if (!passage || passage.kind === 'boilerplate') return false;
    const list = this.copies.get(passage.fingerprint);
    return !!list && list.length > 1 && !(list[0].uri === doc.uri && list[0].passage === top);
  }

  /** Counted mentions of an entity that stand in reprints. */
  countOf(entityId: string): number {
    return this.reprinted.get(entityId) ?? 0;
  }

  /** Counted mentions of all entities that stand in reprints. */
  get mentions(): number {
    return this.total;
  }

  /** The other copies of a passage. */
  copiesOf(uri: string, fingerprint: string): Copy[] {
    return (this.copies.get(fingerprint) ?? []).filter((c) => c.uri !== uri);
  }

  /** The document a copy is in: the one being added or removed, or another of the index. */
  private holder(copy: Copy, doc: IndexedDocument): IndexedDocument | undefined {
    return copy.uri === doc.uri ? doc : this.documentOf(copy.uri);
  }

  private count(doc: IndexedDocument | undefined, top: number, sign: 1 | -1, changed: Set<string>): void {
    if (!doc) return;
    for (const mention of doc.mentions) {
      if (topPassage(doc, mention.passage) !== top) continue;
      for (const entityId of countedEntities(mention)) {
        bump(this.reprinted, entityId, sign);
        this.total += sign;
        changed.add(entityId);
      }
    }
  }
}


function compareCopies(a: Copy, b: Copy): number {
  return a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.passage - b.passage;
}
