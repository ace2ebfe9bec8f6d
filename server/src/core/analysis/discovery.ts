// Discovery: names the catalog lacks still become entities when the text gives them away.
//   - a code name with a year in an exercise or operation context:  "Cobalt-2019", «Thunder - 2021»
//   - "operation X", "X operation", "the X exercise / drills / training", "special exercise «X»"
//   - "Full Name (ABBR)" definitions: the abbreviation then names that entity in the document
//   - capitalised body names headed by Council, Committee, Working Group, Secretariat, Staff,
//     Assembly, Forces, Centre/Center, Headquarters, Commission, when the CSTO qualifies them
// A discovered name that turns out to be a catalog entity written another way ("Council of the
// Ministers of Defence") resolves to that entity instead of a new one.

import type { Knowledge } from './knowledge';
import type { DiscoveryLexicon } from '../catalog/lexicon';
import { BODY_HEADS, KIND_WORDS, kindOfWord, kindWordPattern, RUSSIAN_KIND_KEYS } from '../catalog/vocabulary';
import type { Entity, EntityKind, FoundMention, Mention } from '../model';
import { CLOSING_QUOTES, HashSet, HYPHENATED_NAME, isWordCode, keyHash, OPENING_QUOTES, nameKeys, splitWords, wholeNamePattern, wordKey, type Words } from '../text/words';
import { abbreviationDefinitions, type LocalDefinition } from './abbreviations';
import { unbracketedInitials } from './unbracketedInitials';
import { bodyCandidates } from './bodies';
import { bracketAliases, joinBracketedTranslations } from './bracketAliases';
import { addressMentions, personCandidates, surnameMentions } from './people';
import { startsSentence } from './nameForms';
import { kindFromContext } from './kindContext';
import { seriesMention, stageCandidates, stageTail } from './stages';
import { Intervals, resolveOverlaps, SpanIndex, stripPriority, type Ranked } from './spans';

/** After "training", these make a place or a course of it: "the Edelweiss training ground". */
const TRAINING_PLACES = /^[ \u00a0]+(ground|grounds|range|ranges|centre|center|area|camp|base|field|course|courses|complex|site|session)\b/i;
/** Names headed by these are documents or events, not exercises or operations. */
const NOT_SERIES_HEADS = new Set([
  'strategy', 'plan', 'programme', 'program', 'agreement', 'treaty', 'declaration', 'concept', 'charter', 'protocol', 'forum',
  'conference', 'summit', 'statement', 'resolution', 'parade', 'expo', 'session', 'meeting', 'courses', 'games', 'olympiad',
]);

const QUOTE_OPEN = `[${escapeClass(OPENING_QUOTES)}]`;
const QUOTE_CLOSE = `[${escapeClass(CLOSING_QUOTES)}]`;
const NAME_WORD = String.raw`\p{Lu}[\p{L}\p{N}'’]*`;
const NAME_RUN = `${NAME_WORD}(?:(?:[ \\u00a0]+|[ \\u00a0]?[-\\u2010-\\u2014][ \\u00a0]?)${NAME_WORD}){0,3}`;
const YEAR = String.raw`(?:19|20)\d\d`;
const YEAR_JOIN = String.raw`(?:[ \u00a0]*[-\u2010-\u2014][ \u00a0]*|[ \u00a0]+)`;
/** «Cobalt-2019», "Thunder - 2021", “Frontier 2018” */
const QUOTED_CODE_NAME = new RegExp(`${QUOTE_OPEN}(${NAME_RUN})${YEAR_JOIN}(${YEAR})${QUOTE_CLOSE}`, 'gu');
/** The "-2019" of Cobalt-2019 (unquoted, hyphen attached); the name is then read backwards. */
const YEAR_SUFFIX = /[-\u2010-\u2014]((?:19|20)\d\d)(?![0-9A-Za-z])/g;
const NAME_AT_END = new RegExp(`(?<![\\p{L}\\p{N}-])(${NAME_RUN})$`, 'u');
/** The kind words, in lower case: "IX Training Courses" is not an exercise named IX. */
const KIND_WORD = kindWordPattern('g');
const KIND_WORD_AT = kindWordPattern('y');
const KIND_WORD_HASHES = new HashSet(KIND_WORDS.map(keyHash));
const RUSSIAN_KIND_HASHES = new HashSet(RUSSIAN_KIND_KEYS.map(keyHash));
/** A (possibly quoted) name right before a kind word: "the Cobalt exercise", "«Channel» operation". */
const NAME_BEFORE = new RegExp(`(${QUOTE_OPEN})?(${NAME_RUN})(${QUOTE_CLOSE})?[ \\u00a0]+$`, 'u');
/** A (possibly quoted) name right after a kind word: "operation Trap", "exercise «Rubezh»". */
const NAME_AFTER = new RegExp(`^[ \\u00a0]+(${QUOTE_OPEN})?(${NAME_RUN})(${QUOTE_CLOSE})?`, 'u');
/** A name and a year before a kind word: "the Zapad 2027 exercise". */
const NAME_YEAR_BEFORE = new RegExp(`(?<![\\p{L}\\p{N}-])(${NAME_RUN})[ \\u00a0]((?:19|20)\\d\\d)[ \\u00a0]+$`, 'u');
/** A year after a name and a space: " 2027" of "exercise Zapad 2027". */
const SPACED_YEAR = /^[ \u00a0]((?:19|20)\d\d)(?![\p{L}\p{N}])/u;

type Candidate = Ranked;

/**
 * Whether text[from, to) may end with a capitalised name (then, if `spaced`, a closing quote and
 * spaces): its last run of letters, digits and apostrophes holds a capital. What NAME_AT_END and
 * NAME_BEFORE need, checked before them, as a pattern anchored at the end is tried from every position.
 */
function mayEndWithName(text: string, from: number, to: number, spaced: boolean): boolean {
  let i = to;
  if (spaced) {
    while (i > from && (text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 0xa0)) i--;
    if (i === to) return false;
    if (i > from && CLOSING_QUOTES.includes(text[i - 1])) i--;
  }
  const end = i;
  for (let c = text.charCodeAt(i - 1); i > from && (isWordCode(c) || c === 39 || c === 0x2019 || (c >= 0xd800 && c <= 0xdfff)); c = text.charCodeAt(--i - 1));
  return i < end && /\p{Lu}/u.test(text.slice(i, end));
}

export interface DiscoveryResult {
  /** Mentions found by discovery, not overlapping the catalog's (but for those in `superseded`). */
  mentions: FoundMention[];
  /** Catalog mentions inside a longer discovered name ("Channel" in «Channel – Antiterror»). */
  superseded: Set<Mention>;
  /** Catalog mentions whose entity the document's own abbreviation definitions changed. */
  reassigned: Map<Mention, LocalDefinition>;
  /** How many more entities the text named than one document may add (their mentions are dropped). */
  dropped: number;
}

/**
 * The most entities one document may add to the index: a real page names a handful (three at
 * most in the seed and bench corpora); a generated or hostile one could name a million, each
 * then searched for through the whole text.
 */
export const MAX_DISCOVERED_PER_DOCUMENT = 100;


export function discoverMentions(text: string, known: readonly Mention[], knowledge: Knowledge, lexicon: DiscoveryLexicon, words: Words = splitWords(text)): DiscoveryResult {
  const cstoBodies = known.filter((m) => knowledge.get(m.entityId)?.kind === 'body').sort((a, b) => a.start - b.start);
  const taken = new Intervals(known);
  const knownSpans = new SpanIndex(known);
  const candidates: Candidate[] = [];
  const superseded = new Set<Mention>();
  const add = (candidate: Candidate | undefined) => {
    if (!candidate) return;
    if (!taken.overlaps(candidate.start, candidate.end)) {
      candidates.push(candidate);
      return;
    }
    // A stage name that begins with its series' name ("Channel" in «Channel – Antiterror») is the
    // longer name; a stage the catalog knows was found whole and stays as it is.
    const inside = knownSpans.overlapping(candidate.start, candidate.end);
    const parent = candidate.discovered?.parent;
    const within = inside.every((m) => m.start >= candidate.start && m.end <= candidate.end);
    // A catalog body written around its organisation's name ("the Coordination Council of the
    // CSTO on Biological Security") is the longer name too.
    // So is a catalog body whose words, in another order, hold a shorter body's name ("the Rapid
    // Deployment Collective Forces" around "Collective Forces").
    const bodyAroundOrganisation = !candidate.discovered && inside.every((m) => knowledge.get(m.entityId)?.kind === 'organization' || (knowledge.get(m.entityId)?.kind === 'body' && knowledge.get(candidate.entityId)?.kind === 'body'));
    // So is a body of a catalog body named after it ("the CSTO PA Secretariat"), its head noun
    // not the CSTO's body of that name.
    const underParent = parent && inside.every((m) => m.entityId === parent || (candidate.discovered?.kind === 'body' && m.end === candidate.end && knowledge.get(m.entityId)?.kind === 'body'));
    if (within && (underParent || bodyAroundOrganisation)) {
      for (const m of inside) superseded.add(m);
      candidates.push(candidate);
    }
  };

  for (const match of text.matchAll(QUOTED_CODE_NAME)) add(seriesCandidate(text, match.index! + 1, match[1], Number(match[2]), match.index! + match[0].length - 1, lexicon, 0));
  for (const match of text.matchAll(YEAR_SUFFIX)) {
    // Attached to a word: "Cobalt-2019", not "2020 - 2021" or " -2019".
    if (!match.index || !/[\p{L}\p{N}]/u.test(text[match.index - 1])) continue;
    // An edition the catalog's names found already ("Thunder-2021"): any name ending in that year
    // overlaps it, and only a stage of the same series around it would be kept, which none is.
    if (knownSpans.overlapping(match.index, match.index + match[0].length).some((m) => m.edition === Number(match[1]) && m.start < match.index! && m.end >= match.index! + match[0].length)) continue;
    const windowStart = Math.max(0, match.index! - 60);
    const name = mayEndWithName(text, windowStart, match.index!, false) ? NAME_AT_END.exec(text.slice(windowStart, match.index!)) : null;
    if (name) add(seriesCandidate(text, windowStart + name.index, name[1], Number(match[1]), match.index! + match[0].length, lexicon, 1));
  }
  for (const [at, keyword] of kindWordsIn(text, words)) for (const candidate of keywordCandidates(text, at, keyword, lexicon)) add(candidate);
  for (const candidate of stageCandidates(text, words, lexicon)) add(candidate);
  for (const candidate of bodyCandidates(text, words, lexicon, cstoBodies)) add(candidate);
  for (const candidate of personCandidates(text, words, known, lexicon)) add(candidate);

  const { kept: discoveredKept, dropped } = capDiscovered(resolveOverlaps(candidates));
  const accepted = joinBracketedTranslations(text, discoveredKept);
  let kept = superseded.size ? known.filter((m) => !superseded.has(m)) : known;
  const local = abbreviationDefinitions(text, [...kept, ...accepted], lexicon, knowledge);
  if (local.superseded.length) {
    for (const m of local.superseded) superseded.add(m);
    kept = kept.filter((m) => !superseded.has(m));
  }
  const repeated = repeatMentions(text, [...kept, ...accepted], accepted, knowledge);
  const bracketed = bracketAliases(text, [...kept, ...accepted, ...repeated, ...local.uses], knowledge, lexicon);
  const all = new Intervals([...kept, ...accepted, ...repeated, ...local.uses, ...bracketed]);
  const surnames = surnameMentions(text, words, accepted, (start, end) => all.overlaps(start, end));
  const people = [...kept.filter((m) => knowledge.get(m.entityId)?.kind === 'person'), ...accepted.filter((m) => m.discovered?.kind === 'person')];
  const addressed = people.length ? addressMentions(text, people, (start, end) => all.overlaps(start, end)) : [];
  const initialled = unbracketedInitials(text, words, [...kept, ...accepted, ...local.uses], new Set(local.definitions.keys()), (start, end) => all.overlaps(start, end), knowledge);
  const mentions = [...accepted, ...repeated, ...local.uses, ...bracketed, ...surnames, ...addressed, ...initialled];
  const reassigned = new Map<Mention, LocalDefinition>();
  for (const mention of known) {
    const definition = local.definitions.get(mention.surface);
    if (definition && mention.start > definition.at && definition.entityId && definition.entityId !== mention.entityId) reassigned.set(mention, definition);
  }
  return { mentions: resolveOverlaps(mentions.map((m) => ({ priority: 5, ...m }))).map(stripPriority), superseded, reassigned, dropped };
}

/** Keeps the mentions of the first MAX_DISCOVERED_PER_DOCUMENT entities the text names; counts the others. */
function capDiscovered(found: Candidate[]): { kept: Candidate[]; dropped: number } {
  const ids = new Set<string>();
  for (const c of found) if (c.discovered) ids.add(c.entityId);
  if (ids.size <= MAX_DISCOVERED_PER_DOCUMENT) return { kept: found, dropped: 0 };
  // resolveOverlaps gives them in text order: the first named are kept.
  const allowed = new Set<string>();
  for (const c of found) if (c.discovered && allowed.size < MAX_DISCOVERED_PER_DOCUMENT) allowed.add(c.entityId);
  return { kept: found.filter((c) => !c.discovered || allowed.has(c.entityId)), dropped: ids.size - allowed.size };
}

/**
 * Where the text says a kind word, in order: what KIND_WORD finds in the whole text, looked for
 * only at words whose hash is a kind word's, and inside words with an apostrophe.
 */
function kindWordsIn(text: string, words: Words): [number, string][] {
  const found: [number, string][] = [];
  const apostrophes = words.withApostrophe;
  let nextApostrophe = 0;
  for (let i = 0; i < words.length; i++) {
    if (apostrophes[nextApostrophe] === i) {
      nextApostrophe++;
      KIND_WORD.lastIndex = words.starts[i];
      for (let match = KIND_WORD.exec(text); match && match.index < words.ends[i]; match = KIND_WORD.exec(text)) found.push([match.index, match[0]]);
      continue;
    }
    // A Russian kind word in any case ("операция", "учений"), by its key.
    if (RUSSIAN_KIND_HASHES.has(words.hashes[i]) && RUSSIAN_KIND_KEYS.includes(words.key(i))) {
      found.push([words.starts[i], text.slice(words.starts[i], words.ends[i]).toLowerCase()]);
      continue;
    }
    if (!KIND_WORD_HASHES.has(words.hashes[i])) continue;
    KIND_WORD_AT.lastIndex = words.starts[i];
    const match = KIND_WORD_AT.exec(text);
    if (match) found.push([match.index, match[0]]);
  }
  return found;
}

/** A code name with a year: an exercise or operation, by the words around it. */
function seriesCandidate(text: string, start: number, rawName: string, year: number, end: number, lexicon: DiscoveryLexicon, priority: number): Candidate | undefined {
  const trimmed = trimName(rawName, start, lexicon);
  if (!trimmed || !isSeriesName(trimmed.name, lexicon)) return undefined;
  const kind = kindFromContext(text, trimmed.from, end);
  if (!kind) return undefined;
  return seriesMention(trimmed.name, kind, trimmed.from, end, text, lexicon, priority, year);
}

/** "operation X", "X operation", "the X exercise", "exercise «X»": names beside a kind word. */
function keywordCandidates(text: string, at: number, keyword: string, lexicon: DiscoveryLexicon): Candidate[] {
  const kind: EntityKind = kindOfWord(keyword) ?? 'exercise';
  if (keyword.startsWith('training') && TRAINING_PLACES.test(text.slice(at + keyword.length, at + keyword.length + 12))) return [];
  const found: Candidate[] = [];
  // Russian writes a code name in quotes after its kind word ("операция «Канал – Восточный щит»"):
  // an unquoted capital after it is most often a genitive ("операции России").
  const russian = /^[а-яё]/.test(keyword);
  const windowStart = Math.max(0, at - 60);
  const before = !russian && mayEndWithName(text, windowStart, at, true) ? NAME_BEFORE.exec(text.slice(windowStart, at)) : null;
  if (before) {
    const quoted = !!before[1] && !!before[3];
    const start = windowStart + before.index + (before[1]?.length ?? 0);
    const candidate = namedCandidate(text, start, before[2], kind, quoted, lexicon);
    if (candidate) found.push(candidate);
  } else if (!russian) {
    const named = yearBefore(text, at) ? NAME_YEAR_BEFORE.exec(text.slice(windowStart, at)) : null;
    const start = named ? windowStart + named.index : 0;
    const candidate = named ? seriesCandidate(text, start, named[1], Number(named[2]), start + named[1].length + 1 + named[2].length, lexicon, 1) : undefined;
    if (candidate) found.push(candidate);
  }
  // After the kind word: any name after "operation"; only a quoted one after "exercise".
  const after = NAME_AFTER.exec(text.slice(at + keyword.length, at + keyword.length + 60));
  if (after && ((kind === 'operation' && !russian) || (after[1] && (after[3] || russian)))) {
    const start = at + keyword.length + after[0].length - after[2].length - (after[3]?.length ?? 0);
    const tail = after[3] ? undefined : stageTail(text, start + after[2].length, !!after[1]);
    const candidate = namedCandidate(text, start, after[2] + (tail ?? ''), kind, !!after[1] && (!!after[3] || !!tail), lexicon, true);
    if (candidate && tail && !candidate.discovered?.parent) {
      const plain = namedCandidate(text, start, after[2], kind, false, lexicon, true);
      if (plain) found.push(plain);
    } else if (candidate) found.push(candidate);
  } else if (after && !russian && !after[1]) {
    // "the strategic exercise Zapad 2027": unquoted after "exercise", a year after a space tells a code name.
    const start = at + keyword.length + after[0].length - after[2].length;
    const year = isDigit(text.charCodeAt(start + after[2].length + 1)) ? SPACED_YEAR.exec(text.slice(start + after[2].length, start + after[2].length + 6)) : null;
    const candidate = year ? seriesCandidate(text, start, after[2], Number(year[1]), start + after[2].length + year[0].length, lexicon, 1) : undefined;
    if (candidate) found.push(candidate);
  }
  return found;
}

/** Whether the text before `at` ends with four digits and white space, as "Zapad 2027 " before "exercise" does. */
function yearBefore(text: string, at: number): boolean {
  let end = at;
  while (end > 0 && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 0xa0)) end--;
  return end >= 4 && end < at && isDigit(text.charCodeAt(end - 1)) && isDigit(text.charCodeAt(end - 2)) && isDigit(text.charCodeAt(end - 3)) && isDigit(text.charCodeAt(end - 4));
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function namedCandidate(text: string, start: number, raw: string, kind: EntityKind, quoted: boolean, lexicon: DiscoveryLexicon, afterKeyword = false): Candidate | undefined {
  const trimmed = trimName(raw, start, lexicon);
  if (!trimmed) return undefined;
  const { name, from, to } = trimmed;
  if (!isSeriesName(name, lexicon)) return undefined;
  // Unquoted, one word that starts a sentence is no evidence: "Drills were held", "Training began".
  if (!quoted && !afterKeyword && !/\s/.test(name) && startsSentence(text, from)) return undefined;
  return seriesMention(name, kind, from, to, text, lexicon, quoted ? 2 : 3);
}

/** Drops leading words that are not names ("The", "Joint", "Russian") from a capitalised run. */
function trimName(raw: string, start: number, lexicon: DiscoveryLexicon): { name: string; from: number; to: number } | undefined {
  let offset = 0;
  let rest = raw;
  for (;;) {
    const word = /^[\p{L}\p{N}'’]+/u.exec(rest);
    if (!word || !lexicon.notNames.has(wordKey(word[0]))) break;
    const next = /^[\p{L}\p{N}'’]+(?:[ \u00a0]+|[ \u00a0]?[-\u2010-\u2014][ \u00a0]?)/u.exec(rest);
    if (!next) return undefined;
    offset += next[0].length;
    rest = rest.slice(next[0].length);
  }
  if (!rest) return undefined;
  return { name: cleanName(rest), from: start + offset, to: start + raw.length };
}


function isSeriesName(name: string, lexicon: DiscoveryLexicon): boolean {
  const keys = nameKeys(name);
  if (!keys.length || keys.length > 4) return false;
  if (keys.every((k) => lexicon.notNames.has(k))) return false;
  if (lexicon.notNames.has(keys[0]) && keys.length === 1) return false;
  if (NOT_SERIES_HEADS.has(keys[keys.length - 1])) return false;
  return !keys.some((k) => BODY_HEADS.has(k)) && !/^\p{N}+$/u.test(name);
}

function cleanName(raw: string): string {
  return raw.replace(/\s+/g, ' ').replace(/\s*([-\u2010-\u2014])\s*/g, (_, dash: string) => (dash === '-' ? '-' : ` ${dash} `)).trim();
}

/**
 * Later plain uses of a discovered multi-word name, or of a one-word name when quoted or with a
 * year; and of a catalog body's name written another way where the CSTO qualified it ("the CSTO
 * Joint Headquarters", then "the Joint Headquarters").
 */
function repeatMentions(text: string, all: readonly FoundMention[], found: readonly Candidate[], knowledge: Knowledge): FoundMention[] {
  const taken = new Intervals(all);
  const uses: FoundMention[] = [];
  const seen = new Set<string>();
  for (const mention of found) {
    // A person said again is found by the surname (see surnameMentions).
    // A name the catalog has is found again by the matcher itself.
    const entity = mention.discovered ? undefined : knowledge.get(mention.entityId);
    // Said again without the organisation before it: "the CSTO Joint Headquarters", then "the Joint Headquarters".
    const name = mention.discovered?.name ?? withoutQualifier(mention.surface, knowledge.lexicon.organizationWords);
    const variant = entity?.kind === 'body' && !isNameOf(entity, name);
    if ((!mention.discovered && !variant) || mention.discovered?.kind === 'person') continue;
    // "Kanal-Issyk-Kul": capitalised words joined by hyphens are a name as much as words apart are.
    const multiWord = /\s/.test(name) || HYPHENATED_NAME.test(name);
    if (seen.has(`${mention.entityId} ${name}`) || (variant && !multiWord)) continue;
    seen.add(`${mention.entityId} ${name}`);
    // In lower case after "the" too: "the CSTO Joint Headquarters said …, the joint headquarters added".
    const lower = variant && multiWord ? name.toLowerCase() : name;
    const pattern = wholeNamePattern(name);
    const patterns = lower === name ? [pattern] : [pattern, wholeNamePattern(lower)];
    for (const [k, match] of patterns.flatMap((p, k) => [...text.matchAll(p)].map((m) => [k, m] as const))) {
      const start = match.index!;
      const end = start + match[0].length;
      if (taken.overlaps(start, end)) continue;
      const quoted = OPENING_QUOTES.includes(text[start - 1] ?? '') && CLOSING_QUOTES.includes(text[end] ?? '');
      if (!multiWord && !quoted) continue;
      const before = text.slice(Math.max(0, start - 40), start);
      // Another organisation's force of the same words ("the NATO Rapid Reaction Force") is not it.
      if (variant && /(?:\p{Lu}[\p{L}\p{N}.-]*|['\u2019]s?)[ \u00a0]+$/u.test(before)) continue;
      if (k === 1 && !/(?<![\p{L}])the[ \u00a0]+$/iu.test(before)) continue;
      const use: FoundMention = { entityId: mention.entityId, start, end, surface: match[0] };
      if (mention.discovered) use.discovered = mention.discovered;
      uses.push(use);
    }
  }
  return uses;
}

/** A name without the organisation's name that opens it ("CSTO Joint Headquarters" -> "Joint Headquarters"). */
function withoutQualifier(name: string, organizationWords: ReadonlySet<string>): string {
  const space = name.search(/\s/);
  return space > 0 && organizationWords.has(name.slice(0, space).toLowerCase()) ? name.slice(space).trimStart() : name;
}

function escapeClass(characters: string): string {
  return characters.replace(/[\\\]^-]/g, (c) => `\\${c}`);
}

/** The name is one the catalog writes for the entity, in any case. */
function isNameOf(entity: Entity, name: string): boolean {
  const lower = name.toLowerCase();
  return entity.name.toLowerCase() === lower || entity.aliases.some((alias) => alias.toLowerCase() === lower);
}
