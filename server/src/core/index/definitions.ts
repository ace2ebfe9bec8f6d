// Which sentence an entity's card quotes as its definition, chosen over the whole corpus from the
// candidates each document kept (analysis/analyseDocument.ts), and kept until a document that
// mentions the entity comes or goes.

import { definitionKey, type Candidate, type IndexedDocument, type IndexedMention } from '../analysis/analyseDocument';
import type { Entity } from '../model';
import type { IsoDate } from '../text/dates';
import { hasCyrillic, type Language } from '../text/russian';
import { quoteSentence, sentenceAround } from '../text/sentences';
import { betterDefinition, earliestAcross } from './aggregates';
import type { EntityInDocument } from './entityDocuments';

export interface Definition {
  entity: Entity;
  mention: IndexedMention;
  /** The sentence, ready to quote. */
  quote: string;
  /** Where the sentence is in the document. */
  sentence: { start: number; end: number };
  /** True for a defining sentence, false for the earliest mention. */
  defining: boolean;
  /**
   * What the sentence is about when that is not what was asked for: `series` when an edition's card
   * quotes the definition of its series, an edition's year when a series' card quotes the
   * definition of one of its editions.
   */
  about?: 'series' | number;
  /** The language the sentence is written in, as its mention's script tells. */
  language: Language;
  date?: IsoDate;
  document: IndexedDocument;
}

/** What the definitions are chosen from: the index. */
export interface DefinitionSource {
  entity(id: string): Entity | undefined;
  documentsOf(entityId: string): IndexedDocument[];
  documentsMentioning(entityId: string): Iterable<EntityInDocument>;
  earliestMention(entityId: string): Found | undefined;
  textOf(doc: IndexedDocument): string;
}

type Found = { doc: IndexedDocument; candidate: Candidate };

export class Definitions {
  /** Per entity, its definition and those of its editions (key: the edition, '' for the entity). */
  private readonly cache = new Map<string, Map<number | string, Definition | null>>();
  /**
   * Per entity, the best candidate kept under each key asked for, in each language asked for:
   * weighed against each document added, so that a card hovered while the corpus is read is not
   * chosen again from every document (the order of candidates is total: the result is the same).
   */
  private readonly bests = new Map<string, Map<string, { wanted: Wanted; language: Language | undefined; found: Found | null }>>();

  constructor(private readonly source: DefinitionSource) {}

  /**
   * The defining sentence of an entity, or of one edition of it; else its earliest dated mention.
   * An edition no sentence defines is given the definition of its series (`about: 'series'`), never
   * a sentence about another edition; a series no sentence defines as a whole, that of its
   * best-defined edition (`about` its year).
   */
  of(entityId: string, edition?: number | undefined, language: Language = 'en'): Definition | undefined {
    let forEntity = this.cache.get(entityId);
    if (!forEntity) this.cache.set(entityId, (forEntity = new Map()));
    const key = language === 'en' ? edition ?? '' : `${edition ?? ''}:${language}`;
    const cached = forEntity.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const definition = this.compute(entityId, edition, language);
    forEntity.set(key, definition ?? null);
    return definition;
  }

  /** A document that mentions the entity was added (none was removed): its candidates are weighed against the best kept. */
  added(entityId: string, doc: IndexedDocument): void {
    this.cache.delete(entityId);
    const bests = this.bests.get(entityId);
    if (!bests) return;
    for (const slot of bests.values()) {
      const found = bestCandidate([doc], slot.wanted, slot.language);
      if (found && (!slot.found || betterDefinition(found.candidate, doc, slot.found.candidate, slot.found.doc))) slot.found = found;
    }
  }

  /**
   * A document that mentions the entity was removed: the best kept under a key stays the best of
   * the documents left unless it was that document's (the order of candidates is total).
   */
  removed(entityId: string, doc: IndexedDocument): void {
    this.cache.delete(entityId);
    const bests = this.bests.get(entityId);
    if (!bests) return;
    for (const [key, slot] of bests) if (slot.found?.doc === doc) bests.delete(key);
  }

  /** Drops the definitions made for an entity, not the candidates weighed: reprints changed, which change the earliest report, not which candidate is best. */
  forget(entityId: string): void {
    this.cache.delete(entityId);
  }

  clear(): void {
    this.cache.clear();
    this.bests.clear();
  }

  /** `bestCandidate` under one key, kept (see `bests`). */
  private best(entityId: string, docs: () => readonly IndexedDocument[], wanted: Wanted, language?: Language): Found | undefined {
    let bests = this.bests.get(entityId);
    if (!bests) this.bests.set(entityId, (bests = new Map()));
    const key = `${typeof wanted === 'string' ? wanted : EDITIONS}\u0000${language ?? ''}`;
    let slot = bests.get(key);
    if (!slot) bests.set(key, (slot = { wanted, language, found: bestCandidate(docs(), wanted, language) ?? null }));
    return slot.found ?? undefined;
  }

  /**
   * A defining sentence in the language asked for, where the corpus has one; else one in the other
   * language (the card says which).
   */
  private compute(entityId: string, edition: number | undefined, language: Language): Definition | undefined {
    const entity = this.source.entity(entityId);
    if (!entity) return undefined;
    // The documents are listed only for a key not chosen yet: listing an entity's ten thousand
    // documents was half of each hover's time while the first index invalidated the cards.
    let listed: readonly IndexedDocument[] | undefined;
    const docs = () => (listed ??= this.source.documentsOf(entityId));
    let about: Definition['about'];
    const under = (wanted: string) => this.best(entityId, docs, wanted, language) ?? this.best(entityId, docs, wanted);
    let best = under(definitionKey(entityId, edition));
    if (!best && edition !== undefined) {
      best = under(entityId);
      about = 'series';
    } else if (!best) {
      // A series no sentence defines as a whole: its editions' candidates, from every document
      // (kept like the others, so that a card hovered again is not chosen again from every document).
      const prefix = `${entityId}@`;
      const ofEdition = (key: string) => key.startsWith(prefix) && /^\d{4}$/.test(key.slice(prefix.length));
      best = this.best(entityId, docs, ofEdition, language) ?? this.best(entityId, docs, ofEdition);
      if (best) about = best.candidate.mention.edition;
    }
    // The first report is looked for only where no sentence defines: it walks every document.
    const earliest = best ? undefined : ((edition !== undefined ? this.earliestOfEdition(entityId, edition) : undefined) ?? this.source.earliestMention(entityId));
    const chosen = best ?? (earliest && this.withSentence(earliest));
    if (!chosen) return undefined;
    const { doc, candidate } = chosen;
    const definition: Definition = {
      entity,
      mention: candidate.mention,
      quote: quoteSentence(this.source.textOf(doc), candidate.sentence, candidate.mention),
      sentence: { start: candidate.sentence.start, end: candidate.sentence.end },
      defining: !!best,
      language: hasCyrillic(candidate.mention.surface) ? 'ru' : 'en',
      document: doc,
    };
    if (best && about !== undefined) definition.about = about;
    if (candidate.date) definition.date = candidate.date;
    return definition;
  }

  /** The earliest dated mention of one edition. */
  private earliestOfEdition(entityId: string, edition: number): Found | undefined {
    const ofEdition = function* (documents: Iterable<EntityInDocument>) {
      for (const { doc, rows } of documents) yield { doc, rows: rows.filter((i) => doc.mentions.entityId(i) === entityId && doc.mentions.edition(i) === edition) };
    };
    return earliestAcross(ofEdition(this.source.documentsMentioning(entityId)));
  }

  /** A candidate found from its mention alone, given the sentence around the mention. */
  private withSentence({ doc, candidate }: Found): Found {
    const text = this.source.textOf(doc);
    const passage = candidate.mention.passage >= 0 ? doc.passages[candidate.mention.passage] : { start: 0, end: text.length };
    const sentence = text ? sentenceAround(text, candidate.mention.start, passage) : candidate.sentence;
    return { doc, candidate: { ...candidate, sentence } };
  }
}

/** The key a candidate is kept under in its document, or a test of keys (the editions of a series). */
type Wanted = string | ((key: string) => boolean);
/** The slot of the editions' candidates of a series, beside those of its keys. */
const EDITIONS = '\u0001editions';

/** The best-scored definition candidate among the documents' candidates kept under a key (or keys) wanted. */
function bestCandidate(docs: readonly IndexedDocument[], wanted: Wanted, language?: Language): Found | undefined {
  let best: Found | undefined;
  const consider = (doc: IndexedDocument, candidate: Candidate | undefined) => {
    if (!candidate || !inLanguage(candidate, language)) return;
    if (!best || betterDefinition(candidate, doc, best.candidate, best.doc)) best = { doc, candidate };
  };
  // A candidate scored below the best so far cannot win (betterDefinition): it is not made.
  const mayWin = (doc: IndexedDocument, k: number) => !best || !(doc.best.scoreAt(k) < best.candidate.score);
  for (const doc of docs) {
    const candidates = doc.best;
    if (typeof wanted === 'string') {
      const k = candidates.indexOf(wanted);
      if (k >= 0 && mayWin(doc, k)) consider(doc, candidates.at(k));
    } else {
      for (let k = 0, size = candidates.size; k < size; k++) if (wanted(candidates.keyAt(k)) && mayWin(doc, k)) consider(doc, candidates.at(k));
    }
  }
  return best;
}

/** True for a candidate in the language asked for (any, when none is asked for). */
function inLanguage(candidate: Candidate, language: Language | undefined): boolean {
  return !language || hasCyrillic(candidate.mention.surface) === (language === 'ru');
}
