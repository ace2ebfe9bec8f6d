// The texts of documents whose text the index does not keep: read again when asked for, and the
// last few remembered (a card, then a quotation, read the same document again at once).

import type { IndexedDocument } from '../analysis/analyseDocument';

const TEXT_CACHE_SIZE = 32;

export class TextCache {
  private readonly texts = new Map<string, string>();

  constructor(private readonly load: (uri: string) => string | undefined) {}

  /** A document's text, or undefined when it is not kept and cannot be read as it was indexed; remembered unless `remember` is false. */
  textOf(doc: IndexedDocument, remember = true): string | undefined {
    if (doc.text !== undefined) return doc.text;
    if (this.texts.has(doc.uri)) return this.texts.get(doc.uri);
    let text = this.load(doc.uri);
    // Changed on disk since it was indexed: its offsets no longer fit; the file event will re-index it.
    if (text !== undefined && text.length !== doc.lines.textLength) text = undefined;
    if (text !== undefined && remember) {
      this.texts.set(doc.uri, text);
      if (this.texts.size > TEXT_CACHE_SIZE) this.texts.delete(this.texts.keys().next().value!);
    }
    return text;
  }

  delete(uri: string): void {
    this.texts.delete(uri);
  }

  clear(): void {
    this.texts.clear();
  }
}
