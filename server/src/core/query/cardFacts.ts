// The facts an entity card shows, gathered from the index into a plain record: the card itself
// (render/card.ts) is then a pure function of this record.

import type { IndexedDocument, IndexedMention } from '../analysis/analyseDocument';
import { rowsFor, type DatedDocument } from '../index/aggregates';
import { namesOf, russianNamesOf, spellingsOf } from '../catalog/entities';
import { SERIES_KINDS } from '../catalog/vocabulary';
import type { CorpusIndex } from '../index/corpusIndex';
import type { TimelineRow } from '../index/aggregates';
import { dateOfPassage, type Entity } from '../model';
import { formatDate, type IsoDate } from '../text/dates';
import { clip } from '../text/strings';
import { hasCyrillic, type Language } from '../text/russian';
import { schemeSpellings } from '../text/transliteration';
import { nameKeys, withoutEditionYear } from '../text/words';

/** A place in a corpus document, as a card links to it. */
export interface CardLink {
  uri: string;
  /** One-based line. */
  line: number;
  label: string;
}

export interface CardFacts {
  entity: Entity;
  /** The edition the hovered mention names, if it names one. */
  edition?: number | undefined;
  /** Other entities the hovered name may stand for (an ambiguous name). */
  alternatives: Entity[];
  /** Every other name the catalog gives it in English. */
  names: string[];
  /** Its names in Russian, as the catalog gives them. */
  russianNames: string[];
  /** Its Russian name spelled in Latin letters under the standard schemes (the others are matched too). */
  latinSpellings: string[];
  /** Spellings the corpus uses that the catalog does not list, most frequent first. */
  seenAs: string[];
  /**
   * The defining sentence (`defining`), or else where it was first reported. `about` says when the
   * sentence is not about what the card shows: the series on an edition's card (an edition no
   * sentence defines, or the corpus never mentions), an edition's year on a series' card.
   */
  definition?: { quote: string; defining: boolean; link: CardLink; about?: 'series' | number | undefined; otherLanguage?: Language | undefined } | undefined;
  parent?: string | undefined;
  children: string[];
  /** For an exercise or operation: each edition with its mention count and note. */
  editions: { year: number; mentions: number; note?: string | undefined; sameYear?: number | undefined }[];
  /**
   * Mentions by document, by the date of their earliest mention, at most `maxDocuments` of them. `total` counts
   * each passage once; `reprinted` the mentions in reprints of passages printed elsewhere. Per
   * document, `via` names the longer names the entity was mentioned inside.
   */
  mentions: { total: number; reprinted: number; documentCount: number; documents: { link: CardLink; count: number; reprinted: number; via: string[] }[]; inRussian: number };
  /** How often the analyst's notes mention it (notes are never quoted as sources). */
  inNotes: { mentions: number; notes: number };
  /** The dates of its first and last dated passages (an edition's card: that edition's), reprints left out. */
  span?: { first: IsoDate; last: IsoDate; passages: number } | undefined;
  /**
   * While the first index's names pass has left documents not yet understood: how many, of how
   * many. Their names count; their definitions, dates and passages are not known yet.
   */
  unread?: { documents: number; of: number } | undefined;
}

export interface CardOptions {
  edition?: number | undefined;
  alternatives?: Entity[] | undefined;
  /** How many documents to list before "and N more". */
  maxDocuments?: number | undefined;
  /** Mentions in the notes, counted by the caller. */
  inNotes?: { mentions: number; notes: number } | undefined;
  /** The language the card is read in (the note's, where it was hovered): its defining sentence is chosen in it where the corpus has one. */
  language?: Language | undefined;
}

const MAX_SEEN_AS = 6;
const MAX_TITLE = 70;

export function cardFacts(entity: Entity, index: CorpusIndex, options: CardOptions = {}): CardFacts {
  const { unread } = index.stats();
  const russianNames = russianNamesOf(entity);
  const names = namesOf(entity).filter((n) => n !== entity.name && !russianNames.includes(n));
  const language = options.language ?? 'en';
  const definition = index.definitionOf(entity.id, options.edition, language);
  const parent = entity.parent ? index.entity(entity.parent) : undefined;
  // Each document is listed at its earliest mention, and dated by that mention's passage.
  const perDoc = index.documentsByEarliestMention(entity.id);
  // The span of dates without the timeline, which only series need (their editions) and only editions' cards read rows of.
  const timeline = SERIES_KINDS.has(entity.kind) ? index.timelineOf(entity.id) : [];
  const dated = options.edition === undefined ? undefined : timeline.filter((row) => row.editions.includes(options.edition!));
  return {
    entity,
    edition: options.edition,
    alternatives: options.alternatives ?? [],
    names,
    russianNames,
    latinSpellings: russianNames.length ? [...new Set(schemeSpellings(russianNames[0]))].filter((n) => !names.includes(n)) : [],
    seenAs: variantsSeen(entity, index),
    definition: definition && {
      quote: definition.quote,
      defining: definition.defining,
      link: linkTo(definition.document, definition.mention, definition.sentence),
      about: definition.about ?? (options.edition !== undefined && definition.mention.edition !== options.edition ? 'series' : undefined),
      otherLanguage: definition.language !== language ? definition.language : undefined,
    },
    parent: parent?.name,
    children: index.childrenOf(entity.id).map((c) => c.name),
    editions: editions(entity, index, timeline),
    mentions: {
      total: index.mentionCount(entity.id),
      reprinted: index.reprintedCount(entity.id),
      documentCount: perDoc.length,
      documents: perDoc.slice(0, options.maxDocuments ?? 8).map((dated) => documentLine(entity, index, dated)),
      inRussian: inRussian(index.surfaceCounts(entity.id)),
    },
    inNotes: options.inNotes ?? { mentions: 0, notes: 0 },
    span: dated ? (dated.length ? { first: dated[0].date, last: dated[dated.length - 1].date, passages: dated.length } : undefined) : index.dateSpan(entity.id),
    unread: unread ? { documents: unread, of: index.size } : undefined,
  };
}

/** One document's line on the card: a link to its earliest mention, dated by that mention's passage. */
function documentLine(entity: Entity, index: CorpusIndex, { doc, earliest }: DatedDocument): CardFacts['mentions']['documents'][number] {
  let reprinted = 0;
  const via = new Set<string>();
  const { mentions } = doc;
  const rows = rowsFor(mentions, entity.id);
  for (const i of rows) {
    if (index.inReprint(doc, mentions.passage(i))) reprinted++;
    const entityId = mentions.entityId(i);
    if (entityId !== entity.id) via.add(index.entity(entityId)?.name ?? entityId);
  }
  return { link: linkTo(doc, mentions.at(earliest)), count: rows.length - reprinted, reprinted, via: [...via] };
}

/** A link to the line of a mention, or of the sentence quoted when the mention is not in it (a sentence naming it by its head noun alone). */
function linkTo(doc: IndexedDocument, mention: IndexedMention, sentence?: { start: number; end: number }): CardLink {
  const at = sentence && (mention.start < sentence.start || mention.start >= sentence.end) ? sentence.start : mention.start;
  return { uri: doc.uri, line: doc.lines.positionAt(at).line + 1, label: documentLabel(doc, dateOfPassage(doc, mention.passage)) };
}

/** "Title (9 Jun 2021)", the title cut to a readable length; dated by the passage quoted when there is one. */
export function documentLabel(doc: IndexedDocument, date = doc.date, maxTitle = MAX_TITLE): string {
  const title = clip(doc.title, maxTitle);
  return date ? `${title} (${formatDate(date)})` : title;
}

/** The entity's own mentions written in Cyrillic, reprints left out (the spellings' counts). */
function inRussian(surfaces: ReadonlyMap<string, number>): number {
  let count = 0;
  for (const [surface, n] of surfaces) if (hasCyrillic(surface)) count += n;
  return count;
}

/**
 * Spellings the corpus uses that the catalog does not list ("CSTO CSC", "indestructible
 * Brotherhood-2021"). A name in another case ("Совета коллективной безопасности") or with other
 * capitals is the catalog's name, not another spelling: names are compared by their word keys.
 */
function variantsSeen(entity: Entity, index: CorpusIndex): string[] {
  const known = new Set(spellingsOf(entity).map((n) => nameKeys(n).join(' ')));
  const counts: [string, number][] = [];
  for (const [surface, count] of index.surfaceCounts(entity.id)) {
    const written = surface.replace(/\s+/g, ' ');
    // "Search-2021" is an edition of "Search", not another spelling of it.
    const name = withoutEditionYear(written);
    if (!known.has(nameKeys(name).join(' ')) && !known.has(nameKeys(written).join(' '))) counts.push([written, count]);
  }
  return counts.sort((a, b) => b[1] - a[1]).slice(0, MAX_SEEN_AS).map(([s]) => s);
}

/**
 * Each edition with its mentions by name; an edition named nowhere gets the count of the series'
 * passages dated in its year that name no edition ("carried out this year"): the corpus may report
 * it without its year.
 */
function editions(entity: Entity, index: CorpusIndex, timeline: readonly TimelineRow[]): CardFacts['editions'] {
  if (!SERIES_KINDS.has(entity.kind)) return [];
  const counts = new Map<number, number>();
  for (const edition of entity.editions ?? []) counts.set(edition.year, 0);
  for (const [year, count] of index.editionCounts(entity.id)) counts.set(year, count);
  const notes = new Map((entity.editions ?? []).map((e) => [e.year, e.note]));
  const unnamed = new Map<number, number>();
  for (const row of timeline) {
    if (row.editions.length) continue;
    const year = Number(row.date.slice(0, 4));
    unnamed.set(year, (unnamed.get(year) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => a[0] - b[0])
    .map(([year, mentions]) => ({ year, mentions, note: notes.get(year), sameYear: mentions === 0 ? unnamed.get(year) : undefined }));
}
