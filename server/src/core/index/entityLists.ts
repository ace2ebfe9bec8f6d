// For each entity, the documents that mention it, in the order they came in: a list each (a set
// took four times the memory), a document found by identity when it goes.

import type { IndexedDocument } from '../analysis/analyseDocument';

/** How far from the last place taken over a document is looked for before the whole list is searched. */
const NEAR = 64;

export class EntityLists {
  private readonly lists = new Map<string, IndexedDocument[]>();
  /** Per entity, just after where the last document was taken over (see `takeOver`). */
  private readonly hints = new Map<string, number>();

  get size(): number {
    return this.lists.size;
  }

  get(entityId: string): readonly IndexedDocument[] | undefined {
    return this.lists.get(entityId);
  }

  /** Each entity mentioned, with how many documents mention it. */
  *documentCounts(): IterableIterator<[string, number]> {
    for (const [entityId, list] of this.lists) yield [entityId, list.length];
  }

  clear(): void {
    this.lists.clear();
    this.hints.clear();
  }

  add(entityId: string, doc: IndexedDocument): void {
    let list = this.lists.get(entityId);
    if (!list) this.lists.set(entityId, (list = []));
    list.push(doc);
  }

  remove(entityId: string, doc: IndexedDocument): void {
    const list = this.lists.get(entityId);
    if (!list) return;
    const at = list.lastIndexOf(doc);
    if (at >= 0) list.splice(at, 1);
    if (!list.length) this.lists.delete(entityId);
  }

  /**
   * Puts `doc` in the place of `old` (a document's full analysis replacing its names-only one),
   * or at the end if `old` is not there. Both passes of a first index go through the files in
   * the same order, so `old` is looked for first just after the last place taken over: searching
   * lists of 11,000 documents from their end and splicing them cost the main thread 7.3 s of a
   * 30 s first index.
   */
  takeOver(entityId: string, old: IndexedDocument, doc: IndexedDocument): void {
    const list = this.lists.get(entityId);
    const at = list ? placeNear(list, old, this.hints.get(entityId) ?? 0) : -1;
    if (at < 0) return this.add(entityId, doc);
    list![at] = doc;
    this.hints.set(entityId, at + 1);
  }
}

function placeNear(list: readonly IndexedDocument[], doc: IndexedDocument, hint: number): number {
  const from = Math.max(0, Math.min(hint, list.length) - NEAR);
  const to = Math.min(list.length, hint + NEAR);
  for (let i = from; i < to; i++) if (list[i] === doc) return i;
  return list.lastIndexOf(doc);
}
