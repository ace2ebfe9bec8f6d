// Discovery: names the catalog lacks still become entities when the text gives them away.
//   - a code name with a year in an exercise or operation context:  "Cobalt-2019", «Thunder - 2021»
//   - "operation X", "X operation", "the X exercise / drills / training", "special exercise «X»"
//   - "Full Name (ABBR)" definitions: the abbreviation then names that entity in the document
//   - capitalised body names headed by Council, Committee, Working Group, Secretariat, Staff,
//     Assembly, Forces, Centre/Center, Headquarters, Commission, when the CSTO qualifies them
// A discovered name that turns out to be a catalog entity written another way ("Council of the
// Ministers of Defence") resolves to that entity instead of a new one.

import { namesOf, type Knowledge } from './knowledge';
import type { Entity, EntityKind, Mention } from './model';
import { CLOSING_QUOTES, OPENING_QUOTES, nameKeys, splitWords, wordKey, type Words } from './text';

/** What a mention of a discovered entity says about that entity. */
export interface DiscoveredInfo {
  kind: EntityKind;
  /** The name as written, without year or quotes. */
  name: string;
  /** Catalog series this names a stage of ("Channel – Antiterror" -> channel). */
  parent?: string;
}

export interface FoundMention extends Mention {
  discovered?: DiscoveredInfo;
}

const EXERCISE_WORDS = new Set(['exercise', 'exercises', 'drill', 'drills', 'training', 'trainings', 'manoeuvres', 'maneuvers', 'manoeuvre', 'maneuver']);
/** After "training", these make a place or a course of it: "the Edelweiss training ground". */
const TRAINING_PLACES = /^[ \u00a0]+(ground|grounds|range|ranges|centre|center|area|camp|base|field|course|courses|complex|site|session)\b/i;
const OPERATION_WORDS = new Set(['operation', 'operations']);
const BODY_HEADS = new Set(['council', 'committee', 'secretariat', 'staff', 'assembly', 'forces', 'force', 'center', 'headquarters', 'commission']);
/** "Group" heads a body name only after one of these: "Working Group", "Expert Group". */
const GROUP_HEADS = new Set(['group']);
const GROUP_QUALIFIERS = new Set(['working', 'expert', 'contact', 'task']);
const CONNECTORS = new Set(['of', 'for', 'on', 'and', 'the', 'in']);
/** Capitalised words that start sentences or qualify, but are not names. */
const NOT_NAME_WORDS = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'in', 'on', 'at', 'from', 'to', 'by', 'for', 'with', 'of', 'and', 'or', 'during',
  'after', 'before', 'since', 'as', 'it', 'its', 'their', 'our', 'we', 'they', 'he', 'she', 'all', 'each', 'every', 'both', 'some',
  'joint', 'special', 'command', 'staff', 'tactical', 'military', 'collective', 'peacekeeping', 'strategic', 'operational', 'international',
  'regional', 'annual', 'regular', 'final', 'active', 'first', 'second', 'third', 'next', 'last', 'new', 'large', 'scale', 'field', 'live',
  'fire', 'anti', 'terrorist', 'counter', 'terrorism', 'combined', 'bilateral', 'trilateral', 'multilateral', 'national', 'practical',
  'russian', 'belarusian', 'kazakh', 'kyrgyz', 'tajik', 'armenian', 'uzbek', 'chinese', 'serbian', 'csto', 'un', 'sco', 'cis', 'nato',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tomorrow',
  'i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii', 'xiii', 'xiv', 'xv', 'xx', 'xxi',
  'operation', 'operations', 'exercise', 'exercises', 'training', 'drills', 'stage', 'phase', 'part', 'such', 'main', 'general',
]);
/** Names headed by these are documents or events, not exercises or operations. */
const NOT_SERIES_HEADS = new Set([
  'strategy', 'plan', 'programme', 'program', 'agreement', 'treaty', 'declaration', 'concept', 'charter', 'protocol', 'forum',
  'conference', 'summit', 'statement', 'resolution', 'parade', 'expo', 'session', 'meeting', 'courses', 'games', 'olympiad',
]);
/** In a body name these make it a national or non-CSTO body. */
const NOT_CSTO_BODY_WORDS = new Set([
  'un', 'united', 'nations', 'osce', 'sco', 'cis', 'nato', 'eu', 'european', 'eaeu', 'russian', 'federation', 'republic', 'ministry',
  'state', 'duma', 'federal', 'national', 'presidential', 'government',
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
const KIND_WORD = /(?<![\p{L}\p{N}])(operations?|exercises?|drills?|trainings?|manoeuvres?|maneuvers?)(?![\p{L}\p{N}])/gu;
/** A (possibly quoted) name right before a kind word: "the Cobalt exercise", "«Channel» operation". */
const NAME_BEFORE = new RegExp(`(${QUOTE_OPEN})?(${NAME_RUN})(${QUOTE_CLOSE})?[ \\u00a0]+$`, 'u');
/** A (possibly quoted) name right after a kind word: "operation Trap", "exercise «Rubezh»". */
const NAME_AFTER = new RegExp(`^[ \\u00a0]+(${QUOTE_OPEN})?(${NAME_RUN})(${QUOTE_CLOSE})?`, 'u');
const ABBREVIATION_DEFINITION = /\(\s*(\p{Lu}[\p{Lu}\p{N}-]{1,9})\s*\)/gu;
const QUALIFIED_AFTER = /^\s*(?:\([^)]{1,12}\)\s*)?(?:of|under)\s+the\s+(?:CSTO|Collective\s+Security\s+Treaty\s+Organi[sz]ation|Organi[sz]ation)\b/;

interface Candidate extends FoundMention {
  /** Lower wins when candidates overlap. */
  priority: number;
}

export interface DiscoveryResult {
  /** Mentions found by discovery, not overlapping the catalog's (but for those in `superseded`). */
  mentions: FoundMention[];
  /** Catalog mentions inside a longer discovered name ("Channel" in «Channel – Antiterror»). */
  superseded: Set<Mention>;
  /** Catalog mentions whose entity the document's own abbreviation definitions changed. */
  reassigned: Map<Mention, string>;
}

/** Word-order and spelling independent key of a body name: its content words, sorted. */
export function bodyKey(name: string): string {
  const keys = nameKeys(name)
    .filter((k) => !CONNECTORS.has(k) && k !== 'csto' && k !== 'organization')
    .map((k) => (k === 'minister' ? 'ministers' : k === 'forces' ? 'force' : k));
  const hasForeign = keys.includes('foreign');
  return keys.filter((k) => !(hasForeign && k === 'affairs')).sort().join(' ');
}

/** Catalog lookups that discovery needs, built once per knowledge. */
export class DiscoveryLexicon {
  readonly bodiesByKey = new Map<string, Entity>();
  readonly seriesByKey = new Map<string, Entity>();
  /** Single-word names of organisations ("CSTO"), which qualify the names of their bodies. */
  readonly organizationWords = new Set<string>();
  /** Words of names that are states, organisations or people: never a code name. */
  readonly notNames = new Set(NOT_NAME_WORDS);

  constructor(knowledge: Knowledge) {
    // The organisations whose own bodies, operations or exercises the catalog lists (the CSTO):
    // their names qualify a body name ("the CSTO Military Committee"); the UN's do not.
    const owners = new Set<string>();
    for (const entity of knowledge.entities.values()) {
      if (entity.kind !== 'body' && entity.kind !== 'operation' && entity.kind !== 'exercise') continue;
      for (let parent = entity.parent && knowledge.get(entity.parent), depth = 0; parent && depth < 16; depth++) {
        if (parent.kind === 'organization') owners.add(parent.id);
        parent = parent.parent ? knowledge.get(parent.parent) : undefined;
      }
    }
    for (const entity of knowledge.entities.values()) {
      const names = namesOf(entity);
      if (entity.kind === 'body') for (const name of names) if (!this.bodiesByKey.has(bodyKey(name))) this.bodiesByKey.set(bodyKey(name), entity);
      if (entity.kind === 'exercise' || entity.kind === 'operation') {
        for (const name of names) this.seriesByKey.set(nameKeys(name).join(' '), entity);
      }
      if (entity.kind === 'organization' || entity.kind === 'state' || entity.kind === 'person') {
        for (const name of names) {
          const keys = nameKeys(name);
          if (owners.has(entity.id) && keys.length === 1) this.organizationWords.add(keys[0]);
          if (keys.length === 1) this.notNames.add(keys[0]);
        }
      }
    }
  }
}

export function discoverMentions(text: string, known: readonly Mention[], knowledge: Knowledge, lexicon: DiscoveryLexicon, words: Words = splitWords(text)): DiscoveryResult {
  const cstoBodyStarts = new Set(known.filter((m) => knowledge.get(m.entityId)?.kind === 'body').map((m) => m.start));
  const taken = new Intervals(known);
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
    const inside = known.filter((m) => m.start < candidate.end && m.end > candidate.start);
    const parent = candidate.discovered?.parent;
    if (parent && inside.every((m) => m.entityId === parent && m.start >= candidate.start && m.end <= candidate.end)) {
      for (const m of inside) superseded.add(m);
      candidates.push(candidate);
    }
  };

  for (const match of text.matchAll(QUOTED_CODE_NAME)) add(seriesCandidate(text, match.index! + 1, match[1], Number(match[2]), match.index! + match[0].length - 1, lexicon, 0));
  for (const match of text.matchAll(YEAR_SUFFIX)) {
    // Attached to a word: "Cobalt-2019", not "2020 - 2021" or " -2019".
    if (!match.index || !/[\p{L}\p{N}]/u.test(text[match.index - 1])) continue;
    const windowStart = Math.max(0, match.index! - 60);
    const name = NAME_AT_END.exec(text.slice(windowStart, match.index!));
    if (name) add(seriesCandidate(text, windowStart + name.index, name[1], Number(match[1]), match.index! + match[0].length, lexicon, 1));
  }
  for (const match of text.matchAll(KIND_WORD)) for (const candidate of keywordCandidates(text, match.index!, match[0], lexicon)) add(candidate);
  for (const candidate of bodyCandidates(text, words, lexicon, cstoBodyStarts)) add(candidate);

  const accepted = resolveOverlaps(candidates);
  const kept = superseded.size ? known.filter((m) => !superseded.has(m)) : known;
  const local = abbreviationDefinitions(text, [...kept, ...accepted], lexicon, knowledge);
  const mentions = [...accepted, ...repeatMentions(text, [...kept, ...accepted], accepted), ...local.uses];
  const reassigned = new Map<Mention, string>();
  for (const mention of known) {
    const definition = local.definitions.get(mention.surface);
    if (definition && mention.start > definition.at && definition.entityId && definition.entityId !== mention.entityId) reassigned.set(mention, definition.entityId);
  }
  return { mentions: resolveOverlaps(mentions.map((m) => ({ priority: 5, ...m }))).map(stripPriority), superseded, reassigned };
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
  const kind: EntityKind = OPERATION_WORDS.has(keyword) ? 'operation' : 'exercise';
  if (keyword.startsWith('training') && TRAINING_PLACES.test(text.slice(at + keyword.length, at + keyword.length + 12))) return [];
  const found: Candidate[] = [];
  const windowStart = Math.max(0, at - 60);
  const before = NAME_BEFORE.exec(text.slice(windowStart, at));
  if (before) {
    const quoted = !!before[1] && !!before[3];
    const start = windowStart + before.index + (before[1]?.length ?? 0);
    const candidate = namedCandidate(text, start, before[2], kind, quoted, lexicon);
    if (candidate) found.push(candidate);
  }
  // After the kind word: any name after "operation"; only a quoted one after "exercise".
  const after = NAME_AFTER.exec(text.slice(at + keyword.length, at + keyword.length + 60));
  if (after && (kind === 'operation' || (after[1] && after[3]))) {
    const start = at + keyword.length + after[0].length - after[2].length - (after[3]?.length ?? 0);
    const candidate = namedCandidate(text, start, after[2], kind, !!after[1] && !!after[3], lexicon, true);
    if (candidate) found.push(candidate);
  }
  return found;
}

function namedCandidate(text: string, start: number, raw: string, kind: EntityKind, quoted: boolean, lexicon: DiscoveryLexicon, afterKeyword = false): Candidate | undefined {
  const trimmed = trimName(raw, start, lexicon);
  if (!trimmed) return undefined;
  const { name, from, to } = trimmed;
  if (!isSeriesName(name, lexicon)) return undefined;
  // Unquoted, one word that starts a sentence is no evidence: "Drills were held", "Training began".
  if (!quoted && !afterKeyword && !/\s/.test(name) && sentenceStart(text, from)) return undefined;
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

function seriesMention(name: string, kind: EntityKind, start: number, end: number, text: string, lexicon: DiscoveryLexicon, priority: number, year?: number): Candidate | undefined {
  const keys = nameKeys(name);
  const known = lexicon.seriesByKey.get(keys.join(' '));
  const candidate: Candidate = { entityId: '', start, end, surface: text.slice(start, end), priority };
  if (year !== undefined) candidate.edition = year;
  if (known) {
    candidate.entityId = known.id;
    return candidate;
  }
  // "Channel – Antiterror": a named stage of a known series.
  let parent: Entity | undefined;
  for (let n = keys.length - 1; n > 0 && !parent; n--) parent = lexicon.seriesByKey.get(keys.slice(0, n).join(' '));
  candidate.entityId = discoveredId(kind, keys.join(' '));
  candidate.discovered = { kind: parent?.kind ?? kind, name };
  if (parent) candidate.discovered.parent = parent.id;
  return candidate;
}

/**
 * The id of a discovered entity. Series keys are compacted, so that "Kanal-Patrol", "Kanal Patrol"
 * and "Kanal – Patrol" are one series; body keys keep their (sorted) words apart.
 */
export function discoveredId(kind: EntityKind, key: string): string {
  const compact = kind === 'body' ? key.replace(/[^\p{L}\p{N}]+/gu, '-') : key.replace(/[^\p{L}\p{N}]+/gu, '');
  return `discovered-${kind}-${compact.toLowerCase()}`;
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

/** The kind word nearest to a name in its sentence. */
function kindFromContext(text: string, start: number, end: number): EntityKind | undefined {
  const before = text.slice(Math.max(0, start - 160), start).split(/[.!?;\n](?=\s)|\n/).pop() ?? '';
  const after = (text.slice(end, end + 160).split(/[.!?;\n](?=\s|$)|\n/)[0] ?? '');
  let best: { kind: EntityKind; distance: number } | undefined;
  const consider = (words: string, fromEnd: boolean) => {
    for (const match of words.matchAll(/\p{L}+/gu)) {
      const word = match[0].toLowerCase();
      const kind = EXERCISE_WORDS.has(word) ? 'exercise' : OPERATION_WORDS.has(word) ? 'operation' : undefined;
      if (!kind) continue;
      const distance = fromEnd ? words.length - match.index! : match.index!;
      if (!best || distance < best.distance) best = { kind, distance };
    }
  };
  consider(before, true);
  consider(after, false);
  return best?.kind;
}

function sentenceStart(text: string, at: number): boolean {
  return /(^|[.!?]\s+|\n\s*|["“«]\s*)$/.test(text.slice(Math.max(0, at - 4), at));
}

/** Capitalised body names with a head noun, qualified by the CSTO. */
function bodyCandidates(text: string, words: Words, lexicon: DiscoveryLexicon, cstoBodyStarts: ReadonlySet<number>): Candidate[] {
  const found: Candidate[] = [];
  const { starts, ends } = words;
  const count = words.length;
  const key = (i: number) => (i >= 0 && i < count ? words.key(i) : '');
  const capital = (i: number) => i >= 0 && i < count && /^\p{Lu}/u.test(text[starts[i]]);
  const spaced = (a: number, b: number) => /^(?:[ \u00a0]+|-)$/.test(text.slice(ends[a], starts[b]));
  for (let head = 0; head < count; head++) {
    if (!capital(head)) continue;
    const headKey = key(head);
    const isHead = BODY_HEADS.has(headKey) || (GROUP_HEADS.has(headKey) && head > 0 && GROUP_QUALIFIERS.has(key(head - 1)) && capital(head - 1));
    if (!isHead) continue;
    // Leftwards: capitalised words. The CSTO (or "the Organization's") before them qualifies the name.
    let first = head;
    while (first > 0 && capital(first - 1) && spaced(first - 1, first) && !lexicon.organizationWords.has(key(first - 1)) && !['the', 'a', 'an'].includes(key(first - 1))) first--;
    let qualified = first > 0 && spaced(first - 1, first) && (lexicon.organizationWords.has(key(first - 1)) || key(first - 1) === 'organization');
    // Rightwards: "of / for / on (the) Capitalised ..." complements, up to "of the CSTO".
    let last = head;
    for (;;) {
      let next = last + 1;
      if (next >= count || !spaced(last, next) || !['of', 'for', 'on', 'and'].includes(key(next))) break;
      next++;
      if (next < count && key(next) === 'the' && spaced(next - 1, next)) next++;
      if (!capital(next) || !spaced(next - 1, next)) break;
      // "... of the CSTO", or of one of its bodies: "the Operational Staff of the CRRF".
      if (lexicon.organizationWords.has(key(next)) || (key(next) === 'collective' && key(next + 1) === 'security' && key(next + 2) === 'treaty') || cstoBodyStarts.has(starts[next])) {
        qualified = true;
        break;
      }
      let run = next;
      while (capital(run + 1) && spaced(run, run + 1)) run++;
      last = run;
    }
    // "... Situations (CCES) of the CSTO": the abbreviation may stand between the name and its qualifier.
    if (!qualified && QUALIFIED_AFTER.test(text.slice(ends[last], ends[last] + 80))) qualified = true;
    if (!qualified || last === first) continue;
    let national = false;
    for (let w = first; w <= last && !national; w++) national = NOT_CSTO_BODY_WORDS.has(key(w));
    if (national) continue;
    const start = starts[first];
    const end = ends[last];
    const name = text.slice(start, end).replace(/\s+/g, ' ');
    const catalog = lexicon.bodiesByKey.get(bodyKey(name));
    const candidate: Candidate = { entityId: catalog?.id ?? discoveredId('body', bodyKey(name)), start, end, surface: text.slice(start, end), priority: 4 };
    if (!catalog) candidate.discovered = { kind: 'body', name };
    found.push(candidate);
    head = last;
  }
  return found;
}

interface LocalDefinition {
  at: number;
  entityId?: string;
  discovered?: DiscoveredInfo;
}

/**
 * "Full Name (ABBR)": the abbreviation names the entity in the rest of the document. Returns the
 * definitions and the later uses of each abbreviation that no catalog name took.
 */
function abbreviationDefinitions(text: string, mentions: readonly FoundMention[], lexicon: DiscoveryLexicon, knowledge: Knowledge): { definitions: Map<string, LocalDefinition>; uses: FoundMention[] } {
  const definitions = new Map<string, LocalDefinition>();
  const uses: FoundMention[] = [];
  const byEnd = [...mentions].sort((a, b) => a.end - b.end);
  const taken = new Intervals(mentions);
  for (const match of text.matchAll(ABBREVIATION_DEFINITION)) {
    const abbreviation = match[1];
    const open = match.index!;
    // Inside a name already found: "Collective Rapid Reaction Force (CRRF) Command".
    if (taken.overlaps(open, open + match[0].length)) continue;
    // The full name ends right before the bracket: a mention found there, or capitalised words.
    const last = lastEndingBefore(byEnd, open);
    const named = last && /^[\s"”»']*$/.test(text.slice(last.end, open)) && last.surface !== abbreviation ? last : undefined;
    if (named && initialsMatch(named.surface, abbreviation)) {
      const definition: LocalDefinition = { at: open, entityId: named.entityId };
      if (named.discovered) definition.discovered = named.discovered;
      if (!definitions.has(abbreviation)) definitions.set(abbreviation, definition);
      continue;
    }
    const fullName = precedingCapitalisedName(text, open);
    if (!fullName || !initialsMatch(fullName.name, abbreviation)) continue;
    const keys = nameKeys(fullName.name);
    if (!keys.some((k) => BODY_HEADS.has(k) || GROUP_HEADS.has(k))) continue;
    if (keys.some((k) => NOT_CSTO_BODY_WORDS.has(k)) || !/\bCSTO\b|Collective Security Treaty/.test(sentenceOf(text, open))) continue;
    const catalog = lexicon.bodiesByKey.get(bodyKey(fullName.name));
    const definition: LocalDefinition = { at: open, entityId: catalog?.id ?? discoveredId('body', bodyKey(fullName.name)) };
    if (!catalog) definition.discovered = { kind: 'body', name: fullName.name };
    definitions.set(abbreviation, definition);
    const full: FoundMention = { entityId: definition.entityId!, start: fullName.start, end: fullName.start + fullName.name.length, surface: fullName.name };
    if (definition.discovered) full.discovered = definition.discovered;
    if (!taken.overlaps(full.start, full.end)) uses.push(full);
  }
  for (const [abbreviation, definition] of definitions) {
    if (!definition.entityId || knowledge.get(definition.entityId)?.aliases.includes(abbreviation)) continue;
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${abbreviation.replace(/[-]/g, '\\-')}(?![\\p{L}\\p{N}])`, 'gu');
    for (const match of text.matchAll(pattern)) {
      if (match.index! < definition.at) continue;
      const use: FoundMention = { entityId: definition.entityId, start: match.index!, end: match.index! + abbreviation.length, surface: abbreviation };
      if (definition.discovered) use.discovered = definition.discovered;
      uses.push(use);
    }
  }
  return { definitions, uses };
}

/** The mention (of mentions sorted by end) that ends last at or before an offset. */
function lastEndingBefore<M extends Mention>(byEnd: readonly M[], offset: number): M | undefined {
  let low = 0;
  let high = byEnd.length - 1;
  let found: M | undefined;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (byEnd[mid].end <= offset) {
      found = byEnd[mid];
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

function precedingCapitalisedName(text: string, open: number): { name: string; start: number } | undefined {
  const before = text.slice(Math.max(0, open - 160), open);
  const match = /((?:\p{Lu}[\p{L}\p{N}'’-]*)(?:[ \u00a0]+(?:(?:of|for|on|and|the|in)[ \u00a0]+)*\p{Lu}[\p{L}\p{N}'’-]*)*)[ \u00a0]*$/u.exec(before);
  if (!match) return undefined;
  return { name: match[1], start: open - before.length + match.index };
}

/** True when the abbreviation is the initials of the name's capitalised words (connectors optional). */
export function initialsMatch(name: string, abbreviation: string): boolean {
  const letters = abbreviation.replace(/[^\p{L}]/gu, '').toLowerCase();
  const nameWords = name.split(/[\s\-\u2010-\u2014]+/).filter(Boolean);
  const tryFrom = (w: number, l: number): boolean => {
    if (l === letters.length) return w === nameWords.length || nameWords.slice(w).every((x) => CONNECTORS.has(x.toLowerCase()));
    if (w === nameWords.length) return false;
    const word = nameWords[w];
    const lower = word.toLowerCase();
    if (CONNECTORS.has(lower) && tryFrom(w + 1, l)) return true;
    return lower[0] === letters[l] && tryFrom(w + 1, l + 1);
  };
  // The name may start with words the abbreviation leaves out ("the CSTO Collective ... (CPF)").
  for (let w = 0; w < nameWords.length; w++) if (tryFrom(w, 0)) return true;
  return false;
}

/** Later plain uses of a discovered multi-word name, or of a one-word name when quoted or with a year. */
function repeatMentions(text: string, all: readonly FoundMention[], discovered: readonly Candidate[]): FoundMention[] {
  const taken = new Intervals(all);
  const uses: FoundMention[] = [];
  const seen = new Set<string>();
  for (const mention of discovered) {
    if (!mention.discovered || seen.has(mention.entityId)) continue;
    seen.add(mention.entityId);
    const name = mention.discovered.name;
    const multiWord = /\s/.test(name);
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'gu');
    for (const match of text.matchAll(pattern)) {
      const start = match.index!;
      const end = start + match[0].length;
      if (taken.overlaps(start, end)) continue;
      const quoted = OPENING_QUOTES.includes(text[start - 1] ?? '') && CLOSING_QUOTES.includes(text[end] ?? '');
      if (!multiWord && !quoted) continue;
      uses.push({ entityId: mention.entityId, start, end, surface: match[0], discovered: mention.discovered });
    }
  }
  return uses;
}

function resolveOverlaps<T extends FoundMention & { priority: number }>(candidates: T[]): T[] {
  const sorted = [...candidates].sort((a, b) => a.priority - b.priority || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const chosen = new Intervals([]);
  const kept: T[] = [];
  for (const candidate of sorted) {
    if (chosen.overlaps(candidate.start, candidate.end)) continue;
    chosen.add(candidate);
    kept.push(candidate);
  }
  return kept.sort((a, b) => a.start - b.start);
}

function stripPriority(candidate: Candidate): FoundMention {
  const { priority: _priority, ...mention } = candidate;
  return mention;
}

function sentenceOf(text: string, at: number): string {
  const start = Math.max(text.lastIndexOf('.', at - 1), text.lastIndexOf('\n', at - 1)) + 1;
  let end = text.indexOf('.', at);
  if (end < 0) end = text.length;
  return text.slice(start, Math.min(end, text.indexOf('\n', at) >= 0 ? text.indexOf('\n', at) : text.length));
}

function escapeClass(characters: string): string {
  return characters.replace(/[\\\]^-]/g, (c) => `\\${c}`);
}

/** A sorted set of [start, end) spans with an overlap test. */
class Intervals {
  private readonly spans: { start: number; end: number }[];

  constructor(spans: readonly { start: number; end: number }[]) {
    this.spans = spans.map((s) => ({ start: s.start, end: s.end })).sort((a, b) => a.start - b.start);
  }

  add(span: { start: number; end: number }): void {
    let i = this.spans.length;
    while (i > 0 && this.spans[i - 1].start > span.start) i--;
    this.spans.splice(i, 0, { start: span.start, end: span.end });
  }

  overlaps(start: number, end: number): boolean {
    let low = 0;
    let high = this.spans.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const span = this.spans[mid];
      if (span.end <= start) low = mid + 1;
      else if (span.start >= end) high = mid - 1;
      else return true;
    }
    return false;
  }
}

