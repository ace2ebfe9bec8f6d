// Finding a passage from a few words: its title, the entities it names (by any of their names),
// then its text. Titles and mentions are in memory; texts may have to be read again, so the text
// search stops at a time budget and says how far it got.

import { innermostPassage, type IndexedDocument } from '../analysis/analyseDocument';
import { namesOf } from '../catalog/entities';
import { compareDates } from '../index/aggregates';
import type { CorpusIndex } from '../index/corpusIndex';
import { dateOfPassage, type Passage } from '../model';
import { mentionSnippet, sentenceAround } from '../text/sentences';

export interface PassageHit {
  document: IndexedDocument;
  passage: Passage;
  /** Why it matched: its title, an entity it names, its text (the words in a row), or all the words, in any order. */
  reason: 'title' | 'entity' | 'text' | 'words';
  /** For an entity match, the entity's name. */
  entityName?: string;
  /** The words around the match, when there is text to show. */
  snippet?: string | undefined;
  /** Where the match is: the passage's start for a title match. */
  offset: number;
}

export interface PassageSearch {
  hits: PassageHit[];
  /** False when the text search stopped at its budget before reading every document. */
  complete: boolean;
  documentsSearched: number;
}

export interface SearchOptions {
  limit: number;
  /** Milliseconds the text search may take. */
  budget: number;
  now: () => number;
}

export function searchPassages(index: CorpusIndex, query: string, options: SearchOptions): PassageSearch {
  const phrase = query.trim().toLowerCase().replace(/\s+/g, ' ');
  const documents = index.documents().sort((a, b) => compareDates(b.date, a.date) || (a.uri < b.uri ? -1 : 1));
  if (!phrase) {
    // Nothing typed yet: the newest passages.
    const hits: PassageHit[] = [];
    for (const document of documents) {
      for (const passage of readable(document)) {
        if (hits.length >= options.limit) return { hits, complete: true, documentsSearched: 0 };
        hits.push({ document, passage, reason: 'title', offset: passage.start });
      }
    }
    return { hits, complete: true, documentsSearched: 0 };
  }
  const found = new Map<string, PassageHit>();
  const add = (hit: PassageHit) => {
    const key = `${hit.document.uri}#${hit.passage.index}`;
    if (found.size < options.limit && !found.has(key)) found.set(key, hit);
  };
  for (const { document, passage } of passagesByTitle(documents, phrase.split(' '))) add({ document, passage, reason: 'title', offset: passage.start });
  for (const entity of index.entities()) {
    if (found.size >= options.limit) break;
    if (!namesOf(entity).some((name) => name.toLowerCase().includes(phrase))) continue;
    for (const { doc, mentions } of index.documentsMentioning(entity.id)) {
      for (const mention of mentions) {
        const passage = doc.passages[mention.passage];
        if (!passage || passage.kind === 'boilerplate') continue;
        add({ document: doc, passage, reason: 'entity', entityName: entity.name, offset: mention.start, snippet: snippetAt(index, doc, passage, mention.start, mention.end) });
      }
    }
  }
  const started = options.now();
  const words = [...new Set(phrase.split(' ').filter((w) => w.length > 1))];
  let searched = 0;
  for (const document of documents) {
    if (found.size >= options.limit) break;
    if (options.now() - started > options.budget) return { hits: ordered(found), complete: false, documentsSearched: searched };
    searched++;
    const text = index.tryTextOf(document);
    if (text === undefined) continue;
    const lower = text.toLowerCase();
    for (let at = lower.indexOf(phrase); at >= 0 && found.size < options.limit; at = lower.indexOf(phrase, at + phrase.length)) {
      const passage = innermostPassage(document.passages, at);
      if (!passage || passage.kind === 'boilerplate') continue;
      add({ document, passage, reason: 'text', offset: at, snippet: snippetIn(text, passage, at, at + phrase.length) });
    }
    // Words not in a row ("recruitment channels terrorist"): a passage that holds every one of them.
    if (words.length > 1 && words.every((w) => lower.includes(w))) {
      for (const passage of readable(document)) {
        if (found.size >= options.limit) break;
        const inside = lower.slice(passage.start, passage.end);
        if (!words.every((w) => inside.includes(w))) continue;
        const at = passage.start + inside.indexOf(words[0]);
        add({ document, passage, reason: 'words', offset: at, snippet: snippetIn(text, passage, at, at + words[0].length) });
      }
    }
  }
  return { hits: ordered(found), complete: true, documentsSearched: searched };
}

/** The passages, boilerplate left out, whose title holds every one of the (lower-case) words, in the documents' order. */
export function passagesByTitle(documents: readonly IndexedDocument[], words: readonly string[]): { document: IndexedDocument; passage: Passage }[] {
  const found: { document: IndexedDocument; passage: Passage }[] = [];
  for (const document of documents) {
    for (const passage of readable(document)) {
      const title = passage.title.toLowerCase();
      if (words.every((w) => title.includes(w))) found.push({ document, passage });
    }
  }
  return found;
}

function readable(document: IndexedDocument): Passage[] {
  return document.passages.filter((p) => p.kind !== 'boilerplate');
}

/** Title matches, then entity matches, then text matches, then passages with all the words; newest passage first within each. */
function ordered(found: Map<string, PassageHit>): PassageHit[] {
  const rank = { title: 0, entity: 1, text: 2, words: 3 };
  return [...found.values()].sort(
    (a, b) => rank[a.reason] - rank[b.reason] || compareDates(dateOfPassage(b.document, b.passage.index), dateOfPassage(a.document, a.passage.index)),
  );
}

function snippetAt(index: CorpusIndex, doc: IndexedDocument, passage: Passage, start: number, end: number): string | undefined {
  const text = index.tryTextOf(doc);
  return text === undefined ? undefined : snippetIn(text, passage, start, end);
}

function snippetIn(text: string, passage: Passage, start: number, end: number): string {
  const sentence = sentenceAround(text, start, passage);
  return mentionSnippet(text, sentence, { start, end }, 40, 160).text;
}
