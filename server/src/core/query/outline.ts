// A corpus document as an outline: articles hold their sections and author lines, boilerplate is
// left out, and each entry knows where its first line (date line or headline) ends.

import type { IndexedDocument } from '../analysis/analyseDocument';
import type { Passage } from '../model';
import { formatDate } from '../text/dates';

export interface OutlineEntry {
  passage: Passage;
  /** What a reader calls it: its title, or its kind when it has none. */
  name: string;
  /** Its kind and date: "news · 9 Jun 2021". */
  detail: string;
  /** End of the passage's first line: the part an editor selects. */
  titleEnd: number;
  children: OutlineEntry[];
}

export function documentOutline(doc: IndexedDocument, text: string): OutlineEntry[] {
  const byIndex = new Map<number, OutlineEntry>();
  const roots: OutlineEntry[] = [];
  for (const passage of doc.passages) {
    if (passage.kind === 'boilerplate') continue;
    const firstLine = /[\r\n]/.exec(text.slice(passage.start, passage.end));
    const entry: OutlineEntry = {
      passage,
      name: passage.title || passage.kind,
      detail: passage.date ? `${passage.kind} \u00b7 ${formatDate(passage.date)}` : passage.kind,
      titleEnd: firstLine ? passage.start + firstLine.index : passage.end,
      children: [],
    };
    byIndex.set(passage.index, entry);
    const parent = passage.parent !== undefined ? byIndex.get(passage.parent) : undefined;
    (parent ? parent.children : roots).push(entry);
  }
  return roots;
}

/** The passages a reader would list, boilerplate left out. */
export function readablePassages(doc: IndexedDocument): Passage[] {
  return doc.passages.filter((p) => p.kind !== 'boilerplate');
}
