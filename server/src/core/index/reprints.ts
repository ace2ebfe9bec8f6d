// Passages printed in more than one document (a news item in the side bar of several pages). Of
// each set of copies one counts, the copy in the first document by uri; the others are reprints:
// their mentions stay listed (references show every place) but are counted apart.

import type { IndexedDocument } from '../analysis/analyseDocument';
import { topPassage } from '../model';
import { bump } from './aggregates';

interface Copy {
  uri: string;
  passage: number;
}

/**
 * What a fingerprint holds: a list of copies, the counted one first; for a passage printed once
 * (most are), its document alone, the copy being the document's first passage with that
 * fingerprint (an object per such copy was 2.2 MB on the 11,000-document bench).
 */
type Held = IndexedDocument | Copy[];

export class Reprints {
  private readonly copies = new Map<string, Held>();
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
    const tally = new Tally();
    for (const passage of doc.passages) {
      if (passage.kind === 'boilerplate') continue;
      const held = this.copies.get(passage.fingerprint);
      if (!held) {
        // Passages are filed in order: this one is the document's first with its fingerprint.
        this.copies.set(passage.fingerprint, doc);
        continue;
      }
      const copy = { uri: doc.uri, passage: passage.index };
      const list = Array.isArray(held) ? held : [onlyCopy(held, passage.fingerprint)];
      if (list !== held) this.copies.set(passage.fingerprint, list);
      const at = insertionPoint(list, copy);
      list.splice(at, 0, copy);
      if (passage.parent !== undefined) continue;
      // The new copy is a reprint, or it comes first and the copy that counted until now is one.
      const reprint = at === 0 ? list[1] : copy;
      tally.add(this.holder(reprint, doc), reprint.passage);
    }
    return this.count(tally, 1);
  }

  /** Takes a document's passages out; returns the entities whose reprint counts changed. */
  remove(doc: IndexedDocument): Set<string> {
    const tally = new Tally();
    for (const passage of doc.passages) {
      const list = this.listOf(passage.fingerprint);
      if (!list.length) continue;
      const copy = { uri: doc.uri, passage: passage.index };
      const at = insertionPoint(list, copy);
      if (at >= list.length || compareCopies(list[at], copy) !== 0) continue;
      if (passage.parent === undefined && list.length > 1) {
        // Removing the counted copy makes the next one count.
        const reprint = at === 0 ? list[1] : list[at];
        tally.add(this.holder(reprint, doc), reprint.passage);
      }
      list.splice(at, 1);
      if (!list.length) this.copies.delete(passage.fingerprint);
      else if (list.length === 1) this.copies.set(passage.fingerprint, this.asHeld(list[0], doc, passage.fingerprint));
    }
    return this.count(tally, -1);
  }

  /** True when a top-level passage (by index) is a copy of one that counts elsewhere. */
  isReprintedPassage(doc: IndexedDocument, top: number): boolean {
    const passage = top >= 0 ? doc.passages[top] : undefined;
    if (!passage || passage.kind === 'boilerplate') return false;
    const list = this.copies.get(passage.fingerprint);
    return Array.isArray(list) && list.length > 1 && !(list[0].uri === doc.uri && list[0].passage === top);
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
    return this.listOf(fingerprint).filter((c) => c.uri !== uri);
  }

  /** The copies filed under a fingerprint as a list: a new one for a passage printed once, none for one never filed. */
  private listOf(fingerprint: string): Copy[] {
    const held = this.copies.get(fingerprint);
    return !held ? [] : Array.isArray(held) ? held : [onlyCopy(held, fingerprint)];
  }

  /** What a fingerprint left with one copy holds: its document when the copy is the document's first passage with it. */
  private asHeld(copy: Copy, doc: IndexedDocument, fingerprint: string): Held {
    const holder = this.holder(copy, doc);
    return holder && firstWith(holder, fingerprint) === copy.passage ? holder : [copy];
  }

  /** The document a copy is in: the one being added or removed, or another of the index. */
  private holder(copy: Copy, doc: IndexedDocument): IndexedDocument | undefined {
    return copy.uri === doc.uri ? doc : this.documentOf(copy.uri);
  }

  /**
   * Counts the mentions of the tallied passages: one pass over each document's mentions, however
   * many of its passages are copies (a file that repeats one text thousands of times made this a
   * pass per copy, 40 s for 20 MB).
   */
  private count(tally: Tally, sign: 1 | -1): Set<string> {
    const changed = new Set<string>();
    for (const [doc, tops] of tally.byDocument) {
      const { mentions } = doc;
      for (let i = 0; i < mentions.length; i++) {
        if (mentions.isRepeat(i)) continue;
        const times = tops.get(topPassage(doc, mentions.passage(i)));
        if (!times) continue;
        mentions.forEachCounted(i, (entityId) => {
          bump(this.reprinted, entityId, sign * times);
          this.total += sign * times;
          changed.add(entityId);
        });
      }
    }
    return changed;
  }
}

/** The one copy a document holds for a fingerprint. */
function onlyCopy(doc: IndexedDocument, fingerprint: string): Copy {
  return { uri: doc.uri, passage: firstWith(doc, fingerprint) };
}

/** The index of a document's first passage filed under a fingerprint (boilerplate is not), -1 for none. */
function firstWith(doc: IndexedDocument, fingerprint: string): number {
  return doc.passages.findIndex((p) => p.fingerprint === fingerprint && p.kind !== 'boilerplate');
}

/** Top-level passages whose mentions change count, by document, with how many times each. */
class Tally {
  readonly byDocument = new Map<IndexedDocument, Map<number, number>>();

  add(doc: IndexedDocument | undefined, top: number): void {
    if (!doc) return;
    let tops = this.byDocument.get(doc);
    if (!tops) this.byDocument.set(doc, (tops = new Map()));
    tops.set(top, (tops.get(top) ?? 0) + 1);
  }
}

/** Where a copy goes in a list kept in order (or where it is): the first place not before it. */
function insertionPoint(list: readonly Copy[], copy: Copy): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareCopies(list[middle], copy) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

function compareCopies(a: Copy, b: Copy): number {
  return a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.passage - b.passage;
}
