// What the tree views and commands show of documents, passages, entities and mentions, in plain
// data with character offsets; the server turns offsets into ranges.

import type { IndexedDocument, IndexedMention } from '../analysis/analyseDocument';
import { namesOf } from '../catalog/entities';
import { compareDates } from '../index/aggregates';
import type { CorpusIndex } from '../index/corpusIndex';
import type { NoteIndex, NotePlace } from '../index/noteIndex';
import { dateOfPassage, type Entity, type FoundMention, type Passage } from '../model';
import { formatDate, type IsoDate } from '../text/dates';
import { mentionSnippet, quoteSentence, sentenceAround } from '../text/sentences';
import { readablePassages } from './outline';

export interface PassageFacts {
  passage: Passage;
  mentionCount: number;
  /** Titles of other documents that print the same passage. */
  reprintedIn: string[];
}

export interface EntityFacts {
  entity: Entity;
  aliases: string[];
  mentionCount: number;
  documentCount: number;
  /** Years of the editions known or mentioned. */
  editions: number[];
  /** Where the corpus defines (or first reports) it. */
  definition?: { document: IndexedDocument; mention: IndexedMention } | undefined;
}

export interface MentionFacts {
  document: IndexedDocument;
  mention: IndexedMention;
  /** The text from a little before the mention to the end of its sentence or a line's worth. */
  snippet: string;
  /** Where the mention stands in the snippet: [start, end). */
  highlight: [number, number];
  /** The whole sentence (cut around the mention when long). */
  sentence: string;
  date?: IsoDate | undefined;
  dateLabel: string;
  /** True when the passage is a reprint of one printed elsewhere (it is not counted again). */
  reprint: boolean;
  /** The longer name the entity is mentioned inside ("Collective Rapid Reaction Force Command"). */
  via?: string;
}

export interface NoteMentionFacts {
  note: NotePlace;
  mention: FoundMention;
  snippet: string;
  highlight: [number, number];
  sentence: string;
}

/** The mentions of an entity in the notes, note by note, with the sentence each stands in. */
export function noteMentionFacts(notes: NoteIndex, entityId: string, limit: number): NoteMentionFacts[] {
  const facts: NoteMentionFacts[] = [];
  for (const { note, mentions } of notes.mentionsOf(entityId)) {
    const text = notes.textOf(note.uri) ?? '';
    for (const mention of mentions) {
      if (facts.length >= limit) return facts;
      const sentence = sentenceAround(text, mention.start, { start: 0, end: text.length });
      const snippet = mentionSnippet(text, sentence, mention, 0);
      facts.push({ note, mention, snippet: snippet.text, highlight: snippet.highlight, sentence: quoteSentence(text, sentence, mention, 240) });
    }
  }
  return facts;
}

/** How many mentions a document has, a name said again at once counted once. */
export function documentMentionCount(doc: IndexedDocument): number {
  let count = 0;
  for (const mention of doc.mentions) if (!mention.repeat) count++;
  return count;
}

/** The passages of a document a reader would list: boilerplate left out. */
export function passageFacts(index: CorpusIndex, doc: IndexedDocument): PassageFacts[] {
  const perPassage = new Map<number, number>();
  for (const mention of doc.mentions) if (!mention.repeat) perPassage.set(mention.passage, (perPassage.get(mention.passage) ?? 0) + 1);
  return readablePassages(doc).map((passage) => ({
      passage,
      mentionCount: perPassage.get(passage.index) ?? 0,
      reprintedIn: index.reprintsOf(doc.uri, passage).map((r) => index.get(r.uri)?.title ?? r.uri),
    }));
}

export function entityFacts(index: CorpusIndex, entity: Entity, definition: EntityFacts['definition']): EntityFacts {
  const editions = new Set((entity.editions ?? []).map((e) => e.year));
  for (const year of index.editionCounts(entity.id).keys()) editions.add(year);
  return {
    entity,
    aliases: namesOf(entity).filter((n) => n !== entity.name),
    mentionCount: index.mentionCount(entity.id),
    documentCount: index.documentCount(entity.id),
    editions: [...editions].sort((a, b) => a - b),
    definition,
  };
}

/**
 * The mentions of an entity with the sentence each stands in, at most `limit` of them: document by
 * document (oldest first), and in a document by the date of their passage, then in text order.
 */
export function mentionFacts(index: CorpusIndex, entityId: string, limit: number): MentionFacts[] {
  const facts: MentionFacts[] = [];
  for (const { doc, mentions } of index.documentsMentioning(entityId)) {
    const dated = mentions.map((mention) => ({ mention, date: dateOfPassage(doc, mention.passage) }));
    dated.sort((a, b) => compareDates(a.date, b.date) || a.mention.start - b.mention.start);
    for (const { mention, date } of dated) {
      if (facts.length >= limit) return facts;
      facts.push(describeMention(index, doc, mention, date, entityId));
    }
  }
  return facts;
}

function describeMention(index: CorpusIndex, document: IndexedDocument, mention: IndexedMention, date: IsoDate | undefined, entityId: string): MentionFacts {
  const passage = document.passages[mention.passage];
  const text = index.textOf(document);
  const sentence = sentenceAround(text, mention.start, passage ?? { start: 0, end: text.length });
  // In a narrow side bar the name itself must be in view: the snippet starts with it.
  const snippet = mentionSnippet(text, sentence, mention, 0);
  const facts: MentionFacts = {
    document,
    mention,
    snippet: snippet.text,
    highlight: snippet.highlight,
    sentence: quoteSentence(text, sentence, mention, 240),
    date,
    dateLabel: formatDate(date),
    reprint: index.inReprint(document, mention.passage),
  };
  if (mention.entityId !== entityId) facts.via = index.entity(mention.entityId)?.name ?? mention.entityId;
  return facts;
}
