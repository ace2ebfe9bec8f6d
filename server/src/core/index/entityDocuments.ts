// The documents that mention one entity, in the order its aggregate keeps them, each with the rows
// of its mentions in the document's mention columns: three columns for the whole entity. An
// object and a typed array per document and entity were 346,582 of each on the 10,000-document
// bench once the Entities view had asked for every entity's counts: 90 MB for 5 MB of rows.

import type { IndexedDocument, IndexedMention } from '../analysis/analyseDocument';

/** One document's mentions of an entity, as handed out while the documents are read (a view: not to be kept). */
export class EntityInDocument {
  constructor(
    readonly doc: IndexedDocument,
    /** Rows of `doc.mentions`, in text order. */
    readonly rows: Int32Array,
  ) {}

  /** The mentions as objects, made now. */
  get mentions(): IndexedMention[] {
    const found: IndexedMention[] = [];
    for (let k = 0; k < this.rows.length; k++) found.push(this.doc.mentions.at(this.rows[k]));
    return found;
  }
}

export class EntityDocuments implements Iterable<EntityInDocument> {
  private readonly docs: IndexedDocument[] = [];
  /** Where each document's rows end in `rows` (they start where the previous document's end). */
  private ends: Int32Array<ArrayBuffer> = new Int32Array(8);
  private rows: Int32Array<ArrayBuffer> = new Int32Array(32);

  get length(): number {
    return this.docs.length;
  }

  /** Rows of all the documents together. */
  get rowCount(): number {
    return this.docs.length ? this.ends[this.docs.length - 1] : 0;
  }

  /** The documents in their order (not to be changed but through `insert` and `remove`). */
  get documents(): readonly IndexedDocument[] {
    return this.docs;
  }

  /** The rows of the k-th document: a view, valid until the documents change. */
  rowsOf(k: number): Int32Array {
    return this.rows.subarray(k ? this.ends[k - 1] : 0, this.ends[k]);
  }

  /** Puts a document with its rows at place `at` (the end by default). */
  insert(doc: IndexedDocument, rows: ArrayLike<number>, at = this.docs.length): void {
    const count = this.docs.length;
    const total = this.rowCount;
    const start = at ? this.ends[at - 1] : 0;
    const added = rows.length;
    if (count + 1 > this.ends.length) this.ends = grown(this.ends, count + 1);
    if (total + added > this.rows.length) this.rows = grown(this.rows, total + added);
    this.rows.copyWithin(start + added, start, total);
    this.rows.set(rows, start);
    this.ends.copyWithin(at + 1, at, count);
    this.ends[at] = start + added;
    for (let k = at + 1; k <= count; k++) this.ends[k] += added;
    this.docs.splice(at, 0, doc);
  }

  /** Takes a document and its rows out; false when it is not there. */
  remove(doc: IndexedDocument): boolean {
    const at = this.docs.indexOf(doc);
    if (at < 0) return false;
    const count = this.docs.length;
    const start = at ? this.ends[at - 1] : 0;
    const end = this.ends[at];
    this.rows.copyWithin(start, end, this.rowCount);
    this.ends.copyWithin(at, at + 1, count);
    for (let k = at; k < count - 1; k++) this.ends[k] -= end - start;
    this.docs.splice(at, 1);
    return true;
  }

  /** Gives back the room kept for more (after the documents were added at once). */
  trim(): void {
    if (this.rows.length > this.rowCount) this.rows = this.rows.slice(0, this.rowCount);
    if (this.ends.length > this.docs.length) this.ends = this.ends.slice(0, this.docs.length);
  }

  /** Each document with its rows, made as it is read. */
  *[Symbol.iterator](): Iterator<EntityInDocument> {
    for (let k = 0; k < this.docs.length; k++) yield new EntityInDocument(this.docs[k], this.rowsOf(k));
  }
}

/** A copy of a column with room for at least `needed` numbers: twice the room, so that adding one at a time copies little. */
function grown(column: Int32Array, needed: number): Int32Array<ArrayBuffer> {
  const next = new Int32Array(Math.max(needed, column.length * 2));
  next.set(column);
  return next;
}
