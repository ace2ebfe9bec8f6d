// The plain data the core speaks in. Offsets are character offsets into a document's text.

import type { IsoDate } from './dates';

export type EntityKind = 'organization' | 'body' | 'operation' | 'exercise' | 'state' | 'person' | 'document';
export const ENTITY_KINDS: readonly EntityKind[] = ['body', 'operation', 'exercise', 'organization', 'state', 'person', 'document'];

export interface Edition {
  year: number;
  /** Names this edition was reported under besides "<series>-<year>". */
  aliases?: string[];
  /** Where or how it was held, in a few words. */
  note?: string;
}

export interface Entity {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  parent?: string;
  description?: string;
  /**
   * The names are also ordinary words ("Search", "Channel"): they count only when quoted,
   * followed by a year, or next to a word such as "operation" or "exercise".
   */
  commonWord?: boolean;
  /** Words that, written just before a name, make it something else ("English" Channel). */
  notAfter?: string[];
  /** Words that, written just after a name, make it something else ("Illegal Migration"). */
  notBefore?: string[];
  /** Phrases that name this entity only shortly after it was named in full ("the Working Group"). */
  shortForms?: string[];
  /** Yearly editions of an exercise or operation series. */
  editions?: Edition[];
  /** True for an entity found in the text rather than taken from a catalog. */
  discovered?: boolean;
}

export type PassageKind = 'news' | 'article' | 'section' | 'byline' | 'boilerplate';

export interface Passage {
  /** Position of the passage in its document's passage list. */
  index: number;
  kind: PassageKind;
  /** What a person would call it: a headline, a heading, or the first words. */
  title: string;
  date?: IsoDate;
  start: number;
  end: number;
  /** For a section: the index of the article it belongs to. */
  parent?: number;
  /** Equal for the same item reprinted in several documents. */
  fingerprint: string;
}

export interface SegmentedDocument {
  title: string;
  /** The date of the document's main item (or the year it is most about, if it has no date). */
  date?: IsoDate;
  /** Every date the document's items carry, oldest first. */
  dates: IsoDate[];
  passages: Passage[];
}

export interface Mention {
  entityId: string;
  start: number;
  end: number;
  /** The text as written in the document. */
  surface: string;
  /** The year, when the mention names one edition ("Search-2021"). */
  edition?: number;
  /** Other entities the same name stands for, when nothing in the text told them apart. */
  alternatives?: string[];
}
