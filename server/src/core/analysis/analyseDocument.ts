// The analysis of one document: passages, mentions (catalog and discovered) and, per entity, the
// sentence that best defines it. Pure: what it returns is all the index stores.

import type { Knowledge } from './knowledge';
import { dateOfPassage, type Entity, type FoundMention, type Mention, type Passage, type SegmentedDocument } from '../model';
import { LineTable } from '../text/lines';
import { SentenceFinder, type Span } from '../text/sentences';
import { Interner } from '../text/strings';
import { splitWords, type Words } from '../text/words';
import { DEFINING_SCORE, definitionScore, type SentenceMention } from './definitions';
import { discoverMentions, MAX_DISCOVERED_PER_DOCUMENT } from './discovery';
import type { TextMode } from './matcher';
import { antecedentOf, mayOpenAnaphora } from './anaphora';
import { DefinitionCandidates, type Candidate } from './candidates';
import { MentionColumns, type IndexedMention } from './mentionColumns';
import { markRepeatsAndInnerNames } from './repeats';
import { segmentPassages } from './segment';

export interface DocumentSource {
  uri: string;
  text: string;
  /** Keep the text in memory whatever the index's policy (a document open in the editor). */
  keepText?: boolean;
  /** Shown as the title when the text gives none (usually the file name). */
  fallbackTitle: string;
  /** True for the corpus bundled with the extension. */
  embedded?: boolean;
  /** Something the reader should know about how the file was read ("not valid UTF-8"). */
  notice?: string;
  /** A hash of the file's bytes, for recognising it again in the index cache. */
  contentHash?: string;
  /** The catalog's mentions of this text, when a first pass found them already (keptNames.ts). */
  catalogMentions?: FoundMention[];
}

/** What analysing an indexed document again needs: its text and what the index knows of its file. */
export function sourceOf(doc: IndexedDocument, text: string): DocumentSource {
  const source: DocumentSource = { uri: doc.uri, text, fallbackTitle: doc.fallbackTitle, embedded: doc.embedded };
  if (doc.text !== undefined) source.keepText = true;
  if (doc.notice) source.notice = doc.notice;
  if (doc.contentHash) source.contentHash = doc.contentHash;
  return source;
}

/** Bump when segmentation, matching, discovery or the sentence fingerprints change what they produce: cached indexes are then rebuilt. */
export const ANALYSIS_VERSION = 47;

export type { IndexedMention } from './mentionColumns';

export type { Candidate } from './candidates';

export interface IndexedDocument extends SegmentedDocument {
  uri: string;
  /** Present when the index keeps texts, or for documents open in an editor; else read on demand. */
  text?: string;
  fallbackTitle: string;
  embedded: boolean;
  notice?: string;
  contentHash?: string;
  /** In text order, as columns (one row a mention; `at(i)` makes one an object). */
  mentions: MentionColumns;
  lines: LineTable;
  /** Per entity, where this document has one: the mention whose sentence defines it best. */
  best: DefinitionCandidates;
  /**
   * Its sentences for the quotation check (quotes/sentenceFingerprints.ts), made with the analysis
   * of a file; absent for a text analysed in place, which the sentence index splits itself.
   */
  sentences?: Int32Array;
  /**
   * Set while only the catalog's names are known (the first pass of a first index, analyseNames.ts):
   * no passages, dates or definitions yet; the full analysis replaces it.
   */
  provisional?: true;
}

/** Segments and matches one document. Pure: the index only stores the result. */
export function analyseDocument(source: DocumentSource, knowledge: Knowledge, interner = new Interner()): IndexedDocument {
  const { text } = source;
  const segmented = segmentPassages(text, source.fallbackTitle);
  // Strings kept in the index are copies: a slice would keep the whole text alive.
  segmented.title = interner.get(segmented.title);
  for (const passage of segmented.passages) passage.title = interner.get(passage.title);
  const mentions: IndexedMention[] = [];
  let dropped = 0;
  for (const mention of findAllMentions(text, knowledge, 'corpus', undefined, (n) => (dropped = n), source.catalogMentions)) {
    const passage = innermostPassage(segmented.passages, mention.start);
    // Navigation boilerplate is not content: "Search" in a page menu names nothing.
    if (passage && passage.kind === 'boilerplate') continue;
    mentions.push(indexedMention(mention, source.uri, passage ? passage.index : -1, interner));
  }
  const doc: Omit<IndexedDocument, 'best'> & { best?: DefinitionCandidates } = {
    ...segmented,
    uri: source.uri,
    text,
    fallbackTitle: source.fallbackTitle,
    embedded: !!source.embedded,
    mentions: MentionColumns.of(source.uri, mentions, interner),
    lines: LineTable.of(text),
  };
  const notices = [source.notice, dropped ? discoveryCapNotice(dropped) : undefined].filter((n): n is string => !!n);
  if (notices.length) doc.notice = notices.join(' It also ');
  if (source.contentHash) doc.contentHash = source.contentHash;
  doc.best = DefinitionCandidates.of(doc, collectCandidates(doc, mentions, text, knowledge), interner);
  return doc as IndexedDocument;
}

/**
 * A mention fresh from the matcher, completed in place rather than copied, as the index keeps it:
 * its strings are the interner's copies (a slice would keep the whole text alive).
 */
export function indexedMention(mention: FoundMention, uri: string, passage: number, interner: Interner): IndexedMention {
  const indexed = mention as IndexedMention;
  indexed.uri = uri;
  indexed.passage = passage;
  indexed.surface = interner.get(mention.surface);
  if (mention.discovered) {
    indexed.entityId = interner.get(mention.entityId);
    indexed.discovered = { ...mention.discovered, name: interner.get(mention.discovered.name) };
  }
  return indexed;
}

/** The catalog's mentions and the discovered ones, in text order, for any text (corpus or note). */
export function findAllMentions(text: string, knowledge: Knowledge, mode: TextMode = 'corpus', words = splitWords(text), onDropped?: (entities: number) => void, found?: FoundMention[]): FoundMention[] {
  const known = found ?? catalogMentions(text, knowledge, mode, words);
  const discovery = discoverMentions(text, known, knowledge, knowledge.lexicon, words);
  if (discovery.dropped) onDropped?.(discovery.dropped);
  for (const [mention, { entityId, discovered }] of discovery.reassigned) {
    mention.entityId = entityId!;
    if (discovered) (mention as FoundMention).discovered = discovered;
  }
  const kept = discovery.superseded.size ? known.filter((m) => !discovery.superseded.has(m)) : known;
  const mentions = [...kept, ...discovery.mentions].sort((a, b) => a.start - b.start);
  markRepeatsAndInnerNames(text, words, mentions, knowledge.matcher);
  return mentions;
}

/** The catalog's mentions alone, in text order: the matcher's, states told from their television channels. */
export function catalogMentions(text: string, knowledge: Knowledge, mode: TextMode, words: Words): FoundMention[] {
  const known: FoundMention[] = knowledge.matcher.findMentions(text, words, mode);
  let channels = 0;
  for (const mention of known) {
    const state = knowledge.worldStates.get(mention.entityId);
    if (state) mention.discovered = state;
    if ((state || knowledge.get(mention.entityId)?.kind === 'state') && channelNumberAt(text, mention.end)) {
      mention.end = -1;
      channels++;
    }
  }
  // "France 24", "Russia 1": a television channel, not the state.
  return channels ? known.filter((m) => m.end >= 0) : known;
}

/** A channel's number after a state's name: a space, one to three digits, and no more of a number ("France 24", not "Armenia 2,000"). */
function channelNumberAt(text: string, end: number): boolean {
  if (text.charCodeAt(end) !== 32) return false;
  let at = end + 1;
  while (at < text.length && at - end <= 4 && text.charCodeAt(at) >= 48 && text.charCodeAt(at) <= 57) at++;
  const digits = at - end - 1;
  if (digits < 1 || digits > 3) return false;
  const next = text.charAt(at);
  return !/[\p{L}\p{N}]/u.test(next) && !((next === ',' || next === '.' || next === ':') && /\d/.test(text.charAt(at + 1)));
}

/** What the reader is told of a document that named more new entities than one may add. */
export function discoveryCapNotice(dropped: number): string {
  return `names more entities the catalog lacks than one document may add: the first ${MAX_DISCOVERED_PER_DOCUMENT} are indexed, ${dropped} more are not.`;
}

/**
 * How many sentences naming one entity in one document are scored as possible definitions: a page
 * defines a name where it first uses it, and a page naming the CSTO a hundred times need not
 * have a hundred sentences scored.
 */
const SCORED_PER_DOCUMENT = 4;

/** The key a definition candidate is kept under: the entity, or one edition of it ("interaction@2025"). */
export function definitionKey(entityId: string, edition?: number): string {
  return edition === undefined ? entityId : `${entityId}@${edition}`;
}

/**
 * Keeps, per entity and per edition named ("Search-2025"), the mention of this document whose
 * sentence defines it, if any does: a sentence about one edition defines that edition, not the series.
 */
function collectCandidates(doc: Pick<IndexedDocument, 'passages' | 'date'>, mentions: readonly IndexedMention[], text: string, knowledge: Knowledge): Map<string, Candidate> {
  const found = new Map<string, Candidate>();
  /** Per entity (and edition): the sentences scored, and where the last one ends. */
  const scored = new Map<string, { sentences: number; lastEnd: number }>();
  const whole = { start: 0, end: text.length };
  const passageSpan = (mention: IndexedMention) => (mention.passage >= 0 ? doc.passages[mention.passage] : whole);
  const sentences = new SentenceFinder(text);
  for (let i = 0; i < mentions.length; i++) {
    const mention = mentions[i];
    // A name said again defines nothing the first saying did not.
    if (mention.repeat) continue;
    const entity = entityOfMention(mention, knowledge);
    if (!entity) continue;
    const key = definitionKey(entity.id, mention.edition);
    // Counted by sentences: "the Interstate Commission … (ICMEC, Commission)" is one sentence, not three.
    const count = scored.get(key) ?? { sentences: 0, lastEnd: -1 };
    const sameSentence = mention.start < count.lastEnd;
    if (count.sentences >= SCORED_PER_DOCUMENT && !sameSentence) continue;
    const date = dateOfPassage(doc, mention.passage);
    const sentence = sentences.around(mention.start, passageSpan(mention));
    if (!sameSentence) scored.set(key, { sentences: count.sentences + 1, lastEnd: sentence.end });
    const candidate: Candidate = { mention, score: 0, sentence };
    if (date) candidate.date = date;
    const sentenceText = text.slice(sentence.start, sentence.end);
    const others = sentenceMentions(mentions, i, sentence, knowledge);
    candidate.score = definitionScore(sentenceText, mention.start - sentence.start, mention.end - sentence.start, entity, mention.surface, others);
    if (candidate.score < DEFINING_SCORE) continue;
    const best = found.get(key);
    if (!best || candidate.score > best.score) found.set(key, candidate);
  }
  for (const candidate of anaphoricCandidates(doc, mentions, text, knowledge, passageSpan, sentences)) {
    const key = definitionKey(candidate.mention.entityId, candidate.mention.edition);
    const best = found.get(key);
    if (!best || candidate.score > best.score) found.set(key, candidate);
  }
  return found;
}

/** How often something happens: a sentence saying so reports a routine, not what its subject is. */
const HOW_OFTEN = /\b(?:(?:every|each)\s+(?:year|month|week|day|spring|summer|autumn|fall|winter)|annually|regularly|(?:once|twice)\s+a\s+(?:year|month|week))\b/i;

/**
 * Sentences that say what a body, an operation or an exercise is under its head noun alone ("The
 * committee is a consultative body …"), right after the text named it: candidates that point at
 * that mention.
 */
function anaphoricCandidates(doc: Pick<IndexedDocument, 'passages' | 'date'>, mentions: readonly IndexedMention[], text: string, knowledge: Knowledge, passageSpan: (m: IndexedMention) => Span, sentences: SentenceFinder): Candidate[] {
  const found: Candidate[] = [];
  const entityOf = (m: IndexedMention) => entityOfMention(m, knowledge);
  for (let at = text.indexOf('The '); at >= 0; at = text.indexOf('The ', at + 4)) {
    // Only at the start of a sentence: a line's start, or after a full stop and white space.
    if (at > 0 && !/(?:^|\n|[.!?]["\u201d\u00bb']?[ \u00a0]+)$/.test(text.slice(Math.max(0, at - 4), at))) continue;
    // Only before a head noun ("The committee", "The working group"): most sentences opening with
    // "The" go on otherwise.
    if (!mayOpenAnaphora(text, at)) continue;
    const anaphora = antecedentOf(text, at, mentions, entityOf);
    if (!anaphora) continue;
    const mention = mentions[anaphora.index];
    const sentence = sentences.around(at, passageSpan(mention));
    if (sentence.start !== at) continue;
    const entity = entityOf(mention)!;
    // The sentence's mentions: those after the last one before it.
    const firstInside = mentions.findIndex((m) => m.start >= sentence.start);
    const inSentence = sentenceMentions(mentions, (firstInside < 0 ? mentions.length : firstInside) - 1, sentence, knowledge);
    // What it is ("The committee is a consultative body …"), or what it does ("The commission, set
    // up in 2000, coordinates …"), but not how often it acts ("The Council coordinates the
    // operation every year"): scored as a short form is then, without the present tense.
    const sentenceText = text.slice(sentence.start, sentence.end);
    const surface = HOW_OFTEN.test(sentenceText) ? text.slice(at + 4, at + anaphora.length) : entity.name;
    const score = definitionScore(sentenceText, 0, anaphora.length, entity, surface, inSentence);
    if (score < DEFINING_SCORE) continue;
    const candidate: Candidate = { mention, score, sentence };
    const date = dateOfPassage(doc, mention.passage);
    if (date) candidate.date = date;
    found.push(candidate);
  }
  return found;
}

/** The entity a mention names: the catalog's, or one the text discovered, as the definition scoring reads it. */
function entityOfMention(mention: IndexedMention, knowledge: Knowledge): Entity | undefined {
  return knowledge.get(mention.entityId) ?? (mention.discovered && { id: mention.entityId, kind: mention.discovered.kind, name: mention.discovered.name, aliases: [] });
}

/** The other mentions inside a sentence (mentions are in text order), by offsets in the sentence. */
function sentenceMentions(mentions: readonly IndexedMention[], at: number, sentence: Span, knowledge: Knowledge): SentenceMention[] {
  const found: SentenceMention[] = [];
  const add = (m: IndexedMention) => found.push({ start: m.start - sentence.start, end: m.end - sentence.start, entityId: m.entityId, kind: m.discovered?.kind ?? knowledge.get(m.entityId)?.kind ?? '' });
  for (let j = at - 1; j >= 0 && mentions[j].start >= sentence.start; j--) add(mentions[j]);
  for (let j = at + 1; j < mentions.length && mentions[j].end <= sentence.end; j++) add(mentions[j]);
  return found;
}

/** The innermost passage holding an offset: passages are ordered by start, sections inside articles. */
export function innermostPassage(passages: readonly Passage[], offset: number): Passage | undefined {
  let low = 0;
  let high = passages.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (passages[mid].start <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  for (let i = found; i >= 0; ) {
    const passage = passages[i];
    if (offset <= passage.end) return passage;
    if (passage.parent !== undefined) i = passage.parent;
    else return undefined;
  }
  return undefined;
}

export function mentionAtOffset<M extends Mention>(mentions: readonly M[], offset: number): M | undefined {
  let low = 0;
  let high = mentions.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const mention = mentions[mid];
    if (offset < mention.start) high = mid - 1;
    else if (offset > mention.end) low = mid + 1;
    else return mention;
  }
  return undefined;
}
