// The plain data the core speaks in. Offsets are character offsets into a document's text.

import type { IsoDate } from './text/dates';

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
   * Names that are also ordinary words ("Search", "Channel"; `true` for every name): they count
   * only when quoted, followed by a year, next to a word such as "operation" or "exercise", or
   * (in notes) capitalised in the middle of a sentence. "Kobalt" or "Kanal" need none of that.
   */
  commonWord?: boolean | string[];
  /** Words that, written just before a name, make it something else ("English" Channel). */
  notAfter?: string[];
  /** Words that, written just after a name, make it something else ("Illegal Migration"). */
  notBefore?: string[];
  /** Phrases that name this entity only shortly after it was named in full ("the Working Group"). */
  shortForms?: string[];
  /** Yearly editions of an exercise or operation series. */
  editions?: Edition[];
  /** The entity's names in Russian, as the catalog types them; their Latin spellings are generated. */
  ru?: LanguageNames;
  /** True for an entity found in the text rather than taken from a catalog. */
  discovered?: boolean;
}

/** The names of an entity in one language other than English. */
export interface LanguageNames {
  /** The name that language gives it first. */
  name: string;
  /** Its other names there: abbreviations ("КСОР"), other wordings. */
  aliases: string[];
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
  /**
   * The name said again at once: the abbreviation in brackets after the full name ("Collective
   * Security Council (CSC)"), a heading printed twice. Shown, but never counted a second time.
   */
  repeat?: boolean;
  /** Entities whose shorter names are written inside this one (the CRRF in "CRRF Command"): it counts for them too. */
  inside?: string[];
}

/** What a mention of a discovered entity says about that entity. */
export interface DiscoveredInfo {
  kind: EntityKind;
  /** The name as written, without year or quotes. */
  name: string;
  /** Catalog series this names a stage of ("Channel – Antiterror" -> channel). */
  parent?: string;
  /** What the text or the data says the entity is: a person's role ("President of Kyrgyzstan"). */
  about?: string;
}

/** A mention as the analysis finds it: of a catalog entity, or of one discovered in the text. */
export interface FoundMention extends Mention {
  discovered?: DiscoveredInfo;
}

const NONE: readonly string[] = [];

/** The entities a mention counts for: none for a repeat, else its own and those named inside it. */
export function countedEntities(mention: Mention): readonly string[] {
  if (mention.repeat) return NONE;
  return mention.inside ? [mention.entityId, ...mention.inside] : [mention.entityId];
}

export function countsFor(mention: Mention, entityId: string): boolean {
  return !mention.repeat && (mention.entityId === entityId || !!mention.inside?.includes(entityId));
}

/** The date of what is written in a passage: its own date, else its document's. */
export function dateOfPassage(doc: { date?: IsoDate | undefined; passages: readonly Passage[] }, passage: number): IsoDate | undefined {
  return (passage >= 0 ? doc.passages[passage]?.date : undefined) ?? doc.date;
}

/** The outermost passage holding a passage (an article for its sections), -1 for none. */
export function topPassage(doc: { passages: readonly Passage[] }, index: number): number {
  let passage = index >= 0 ? doc.passages[index] : undefined;
  for (let depth = 0; passage && passage.parent !== undefined && depth < 8; depth++) passage = doc.passages[passage.parent];
  return passage ? passage.index : -1;
}

/** An open document as the editor has it: a note or a corpus document being edited. */
export interface TextSource {
  uri: string;
  version: number;
  getText(): string;
}
