// "Full Name (ABBR)" definitions: the abbreviation then names that entity in the rest of the
// document, overriding a sense the catalog gives it.

import { bodyKey, CONNECTORS, discoveredId, type DiscoveryLexicon } from '../catalog/lexicon';
import type { Knowledge } from './knowledge';
import { BODY_HEADS, GROUP_HEADS } from '../catalog/vocabulary';
import type { DiscoveredInfo, Entity, FoundMention } from '../model';
import { sentenceAround } from '../text/sentences';
import { abbreviationSpellings } from '../text/transliteration';
import { russianNamesOf } from '../catalog/entities';
import { nameKeys } from '../text/words';
import { NOT_CSTO_BODY_WORDS } from './bodies';
import { fromInitials, fromLettersInWords, headFirstInitials, headInitialsMatch, initialsMatch, syllablesMatch } from './initials';
import { Intervals, lastEndingBefore } from './spans';

/**
 * "(UNODC)", and "(Interpol)": an abbreviation made of the starts of the name's words; perhaps
 * followed in the brackets by what the thing is ("(SKB, the highest body of the organization)").
 */
const ABBREVIATION_DEFINITION = /\(\s*(\p{Lu}[\p{Lu}\p{N}-]{1,9}|\p{Lu}\p{Ll}{3,11})\s*(?:\)|,[ \u00a0]+(?:the|a|an)[ \u00a0][^()\n]{1,80}\))/gu;
/** "Europol (European Union Agency …)", "UNODC (United Nations Office …)": a word, then its full name in brackets. */
const ABBREVIATION_EXPLAINED = /(?<![\p{L}\p{N}])(\p{Lu}[\p{Lu}\p{N}-]{1,9}|\p{Lu}\p{Ll}{3,11})[ \u00a0]*\([ \u00a0]*(\p{Lu}[^()\n]{5,120}?)[ \u00a0]*\)/uy;

/**
 * The matches of ABBREVIATION_EXPLAINED, in order, tried only at the few places before an opening
 * bracket (a search of the whole text tried it at every capital: 7% of the analysis).
 */
function* explainedAbbreviations(text: string): Generator<RegExpExecArray> {
  for (let open = text.indexOf('('); open >= 0; open = text.indexOf('(', open + 1)) {
    let end = open;
    while (end > 0 && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 0xa0)) end--;
    // The leftmost start that matches, as a search from the left would find it.
    for (let start = Math.max(0, end - 12); start < end - 1; start++) {
      ABBREVIATION_EXPLAINED.lastIndex = start;
      const match = ABBREVIATION_EXPLAINED.exec(text);
      if (match) {
        yield match;
        break;
      }
    }
  }
}
/** The CSTO by its initials or its name. */
const NAMES_CSTO = /\bCSTO\b|Collective Security Treaty/;
/** " of the operation", " for the operation": what a body named before its initials belongs to. */
const OF_THE_OPERATION = /^[ \u00a0]+(?:of|for)[ \u00a0]+the[ \u00a0]+operation\b/;
/** Head nouns of an organisation's name: what a "Full Name (ABBR)" outside the CSTO names. */
const ORGANISATION_HEADS = new Set(['organization', 'organisation', 'office', 'department', 'agency', 'union', 'alliance', 'fund', 'programme', 'program', 'bank', 'court', 'community', 'conference', 'commonwealth', 'police', 'crime', 'cross', 'crescent', 'forum', 'institute', 'bureau', 'service', 'committee', 'council', 'commission', 'centre', 'center', 'endowment', 'foundation', 'association', 'society', 'academy', 'university', 'network']);

/**
 * Capitalised words right after an organisation's name, the first one at once ("UN Office"), the
 * others perhaps after "of", "for", "on" (with "the") or "and": "… on Drugs and Crime".
 */
const ORGANISATION_TAIL = /[ \u00a0]+\p{Lu}[\p{L}'’-]*(?:[ \u00a0]+(?:(?:of|for|on)(?:[ \u00a0]+the)?[ \u00a0]+|and[ \u00a0]+)?\p{Lu}[\p{L}'’-]*)*/uy;
const GROUP_ORGANISATION_HEADS = new Set(['group', 'mission']);
/** A day or a month closing an organisation's tail of capitalised words: "… on Friday", "… in May". */
const DATE_AFTER_NAME = /(?:[ \u00a0]+(?:on|in|of|for)(?:[ \u00a0]+the)?[ \u00a0]+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December))+$/u;
const INSIDE_ORGANISATION = new Set(['organization', 'state']);
/** "… of " or "… of the " right before a state's name that ends an institution's. */
const OF_BEFORE = /(?:^|[ \u00a0])of[ \u00a0]+(?:the[ \u00a0]+)?$/;

export interface LocalDefinition {
  at: number;
  entityId?: string;
  discovered?: DiscoveredInfo;
}

/**
 * "Full Name (ABBR)": the abbreviation names the entity in the rest of the document. Returns the
 * definitions and the later uses of each abbreviation that no catalog name took.
 */
export function abbreviationDefinitions(text: string, mentions: readonly FoundMention[], lexicon: DiscoveryLexicon, knowledge: Knowledge): { definitions: Map<string, LocalDefinition>; uses: FoundMention[]; superseded: FoundMention[] } {
  const definitions = new Map<string, LocalDefinition>();
  const uses: FoundMention[] = [];
  /** Catalog names inside an organisation's full name ("United Nations" in "United Nations Office on Drugs and Crime"). */
  const superseded: FoundMention[] = [];
  const byEnd = [...mentions].sort((a, b) => a.end - b.end);
  const taken = new Intervals(mentions);
  for (const match of text.matchAll(ABBREVIATION_DEFINITION)) {
    const abbreviation = match[1];
    const open = match.index!;
    // Inside a name already found: "Collective Rapid Reaction Force (CRRF) Command".
    if (taken.overlaps(open, open + match[0].length)) continue;
    // The full name ends right before the bracket: a mention found there, or capitalised words.
    const last = lastEndingBefore(byEnd, open);
    const right = last && /^[\s"”»']*$/.test(text.slice(last.end, open)) && last.surface !== abbreviation ? last : undefined;
    const acronym = /^\p{Lu}[\p{Lu}\p{N}-]+$/u.test(abbreviation);
    // "the Advisory Coordination Center on … of the CSTO (ACC)": a body, its organisation, then its initials.
    const body = right && acronym ? bodyBeforeItsOrganisation(text, byEnd, right, knowledge) : undefined;
    const named = body && (initialsMatch(body.surface, abbreviation) || headInitialsMatch(body.surface, abbreviation)) ? body : right;
    // A catalog body's initials may be those of another of its names: "the Council of Foreign
    // Ministers (CMFA)", of the Council of Ministers of Foreign Affairs.
    if (named && (acronym ? named === body || initialsMatch(named.surface, abbreviation) || initialsOfAnotherName(named, abbreviation, knowledge) || russianInitials(named, abbreviation, knowledge) : syllablesMatch(named.surface, abbreviation))) {
      const definition: LocalDefinition = { at: open, entityId: named.entityId };
      if (named.discovered) definition.discovered = named.discovered;
      if (!definitions.has(abbreviation)) definitions.set(abbreviation, definition);
      continue;
    }
    const formation = precedingFormation(text, open, abbreviation);
    if (formation && cstoSentence(text, open, mentions, knowledge)) {
      const id = discoveredId('body', bodyKey(formation.name));
      const discovered: DiscoveredInfo = { kind: 'body', name: formation.name };
      if (!definitions.has(abbreviation)) definitions.set(abbreviation, { at: open, entityId: id, discovered });
      const full: FoundMention = { entityId: id, start: formation.start, end: formation.start + formation.name.length, surface: formation.name, discovered };
      if (!taken.overlaps(full.start, full.end)) uses.push(full);
      continue;
    }
    const fullName = precedingCapitalisedName(text, open);
    if (!fullName) continue;
    const initials = acronym ? initialsMatch(fullName.name, abbreviation) : syllablesMatch(fullName.name, abbreviation);
    // "Eurasian Group on Combating … (EAG)": letters from inside a word, for an organisation only.
    const inWords = !initials && acronym ? fromLettersInWords(fullName, abbreviation) : undefined;
    // "Border Troops Commanders Council (CBTC)": initials in the Russian order, the head noun's first.
    const headFirst = !initials && !inWords && acronym ? headFirstInitials(fullName, abbreviation, (key) => BODY_HEADS.has(key) || ORGANISATION_HEADS.has(key)) : undefined;
    if (!initials && !inWords && !headFirst) continue;
    const keys = nameKeys(fullName.name);
    // An organisation's name starts where its initials do: not "Experts of the United Nations Office … (UNODC)".
    const initialled = inWords ?? headFirst ?? (acronym ? fromInitials(fullName, abbreviation) : fullName);
    const organisation = organisationOf(text, initialled, initialled === fullName ? keys : nameKeys(initialled.name), mentions, lexicon, knowledge);
    if (organisation) {
      definitions.set(abbreviation, { at: open, entityId: organisation.mention.entityId, discovered: organisation.mention.discovered! });
      uses.push(organisation.mention);
      superseded.push(...organisation.inside);
      continue;
    }
    if (!(initials || headFirst) || !acronym || !keys.some((k) => BODY_HEADS.has(k) || GROUP_HEADS.has(k))) continue;
    if (keys.some((k) => NOT_CSTO_BODY_WORDS.has(k))) continue;
    // "The International Coordination Headquarters (ICH) of the operation", in a text about the
    // CSTO: the body of one of its operations, though the sentence does not name the CSTO.
    const ofOperation = () => OF_THE_OPERATION.test(text.slice(open + match[0].length, open + match[0].length + 30)) && NAMES_CSTO.test(text);
    if (!NAMES_CSTO.test(sentenceText(text, open)) && !ofOperation()) continue;
    // A sentence's opening "The" is no word of the name.
    const article = /^The[ \u00a0]+/.exec(fullName.name);
    const bodyName = article ? { name: fullName.name.slice(article[0].length), start: fullName.start + article[0].length } : fullName;
    const catalog = lexicon.bodyOf(bodyName.name);
    const definition: LocalDefinition = { at: open, entityId: catalog?.id ?? discoveredId('body', bodyKey(bodyName.name)) };
    if (!catalog) definition.discovered = { kind: 'body', name: bodyName.name };
    definitions.set(abbreviation, definition);
    const full: FoundMention = { entityId: definition.entityId!, start: bodyName.start, end: bodyName.start + bodyName.name.length, surface: bodyName.name };
    if (definition.discovered) full.discovered = definition.discovered;
    if (!taken.overlaps(full.start, full.end)) uses.push(full);
  }
  // "Europol (European Union Agency for Law Enforcement Cooperation)": the name after the word.
  for (const match of explainedAbbreviations(text)) {
    const abbreviation = match[1];
    const at = match.index!;
    if (definitions.has(abbreviation) || taken.overlaps(at, at + abbreviation.length)) continue;
    const inside = match[0].indexOf('(') + 1;
    const content = match[2];
    const fullName = { name: content, start: at + match[0].indexOf(content, inside) };
    // The bracket holds one capitalised name, whose words the abbreviation starts with.
    if (precedingCapitalisedName(text, fullName.start + content.length)?.start !== fullName.start) continue;
    const acronym = /^\p{Lu}[\p{Lu}\p{N}-]+$/u.test(abbreviation);
    const fits = acronym ? initialsMatch(content, abbreviation) : syllablesMatch(content, abbreviation) || content[0] === abbreviation[0];
    if (!fits) continue;
    const organisation = organisationOf(text, fullName, nameKeys(content), mentions, lexicon, knowledge);
    if (!organisation) continue;
    const { entityId, discovered } = organisation.mention;
    definitions.set(abbreviation, { at, entityId, discovered: discovered! });
    uses.push(organisation.mention);
    superseded.push(...organisation.inside);
  }
  // "the UN Office on Drugs and Crime", without its abbreviation: an organisation's name, then an
  // office of it named with a head noun, is that office.
  const defined = new Intervals(uses);
  for (const mention of mentions) {
    if (kindOf(mention, knowledge) !== 'organization' || defined.overlaps(mention.start, mention.end)) continue;
    ORGANISATION_TAIL.lastIndex = mention.end;
    const match = ORGANISATION_TAIL.exec(text);
    if (!match) continue;
    // "… Peacekeeping Operations on Friday": a day or a month after "on" is the sentence's, not the name's.
    const tail = match[0].replace(DATE_AFTER_NAME, '');
    const tailKeys = nameKeys(tail).filter((k) => !CONNECTORS.has(k));
    if (tailKeys.length < 2 || !tailKeys.slice(0, 3).some((k) => ORGANISATION_HEADS.has(k))) continue;
    const fullName = { name: text.slice(mention.start, mention.end + tail.length), start: mention.start };
    const organisation = organisationOf(text, fullName, nameKeys(fullName.name), mentions, lexicon, knowledge);
    if (!organisation) continue;
    uses.push(organisation.mention);
    superseded.push(...organisation.inside);
  }
  // A use a catalog name took already ("CMD", an alias of the CSTO's council, in a text that
  // defines the CIS's) is that mention, given the defined entity: not a second mention.
  let sameSpan: Set<string> | undefined;
  for (const [abbreviation, definition] of definitions) {
    if (!definition.entityId || knowledge.get(definition.entityId)?.aliases.includes(abbreviation)) continue;
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${abbreviation.replace(/[-]/g, '\\-')}(?![\\p{L}\\p{N}])`, 'gu');
    for (const match of text.matchAll(pattern)) {
      if (match.index! < definition.at) continue;
      sameSpan ??= new Set(mentions.map((m) => `${m.start}:${m.surface}`));
      if (sameSpan.has(`${match.index}:${abbreviation}`)) continue;
      const use: FoundMention = { entityId: definition.entityId, start: match.index!, end: match.index! + abbreviation.length, surface: abbreviation };
      if (definition.discovered) use.discovered = definition.discovered;
      uses.push(use);
    }
  }
  return { definitions, uses, superseded };
}

/** The abbreviation is the initials of one of the English names of the catalog body mentioned. */
function initialsOfAnotherName(mention: FoundMention, abbreviation: string, knowledge: Knowledge): boolean {
  const entity = mention.discovered ? undefined : knowledge.get(mention.entityId);
  return entity?.kind === 'body' && [entity.name, ...entity.aliases].some((name) => initialsMatch(name, abbreviation));
}

/** "the Collective Security Council (SKB, …)": the abbreviation is the Latin letters of the catalog entity's Russian one (СКБ). */
function russianInitials(mention: FoundMention, abbreviation: string, knowledge: Knowledge): boolean {
  const entity = mention.discovered ? undefined : knowledge.get(mention.entityId);
  return !!entity && russianNamesOf(entity).some((name) => abbreviationSpellings(name).includes(abbreviation));
}

/** The kind of a found mention, catalog or discovered. */
function kindOf(mention: FoundMention, knowledge: Knowledge): string | undefined {
  return knowledge.get(mention.entityId)?.kind ?? mention.discovered?.kind;
}

/** The body named right before "of the CSTO" when `organisation` is that organisation's mention. */
function bodyBeforeItsOrganisation(text: string, byEnd: readonly FoundMention[], organisation: FoundMention, knowledge: Knowledge): FoundMention | undefined {
  if (kindOf(organisation, knowledge) !== 'organization') return undefined;
  const of = /[ \u00a0]+of[ \u00a0]+(?:the[ \u00a0]+)?$/.exec(text.slice(Math.max(0, organisation.start - 12), organisation.start));
  if (!of) return undefined;
  const body = lastEndingBefore(byEnd, organisation.start - of[0].length);
  return body && body.end === organisation.start - of[0].length && kindOf(body, knowledge) === 'body' ? body : undefined;
}

/**
 * "United Nations Office on Drugs and Crime (UNODC)": a full name outside the CSTO, with an
 * organisation's head noun, and no catalog entity's name, is an organisation the text defines.
 * Catalog names inside it (an organisation's, "United Nations") give way to it.
 */
function organisationOf(text: string, fullName: { name: string; start: number }, keys: string[], mentions: readonly FoundMention[], lexicon: DiscoveryLexicon, knowledge: Knowledge): { mention: FoundMention; inside: FoundMention[] } | undefined {
  const article = /^(?:The|A|An)[ \u00a0]+/.exec(fullName.name);
  if (article) fullName = { name: fullName.name.slice(article[0].length), start: fullName.start + article[0].length };
  // "Eurasian Group on … (EAG)", "UN Assistance Mission in Afghanistan (UNAMA)": a group or a
  // mission is an organisation's only where the sentence does not name the CSTO (else its body's).
  const groupHead = keys.some((k) => GROUP_ORGANISATION_HEADS.has(k)) && !/\bCSTO\b|Collective Security Treaty/.test(sentenceText(text, fullName.start));
  if (keys.length < 2 || !(groupHead || keys.some((k) => ORGANISATION_HEADS.has(k)))) return undefined;
  if (keys.some((k) => lexicon.organizationWords.has(k) || k === 'collective')) return undefined;
  const start = fullName.start;
  const end = start + fullName.name.length;
  const overlapping = mentions.filter((m) => m.start < end && m.end > start);
  // Organisations and states may be named inside: "UN Assistance Mission in Afghanistan".
  if (overlapping.some((m) => m.start < start || m.end > end || !INSIDE_ORGANISATION.has(kindOf(m, knowledge) ?? ''))) return undefined;
  // A state's own institution is none: "the State Committee for National Security of Tajikistan
  // (SCNS)", "the Tajik State Committee …", with no organisation named inside.
  const states = overlapping.filter((m) => kindOf(m, knowledge) === 'state');
  if (states.length && states.length === overlapping.length && states.some((m) => m.start === start || (m.end === end && OF_BEFORE.test(text.slice(Math.max(start, m.start - 8), m.start))))) return undefined;
  // "Commonwealth of Independent States Anti-Terrorism Center": a catalog organisation's name with
  // the organisation inside it written another way ("CIS Anti-Terrorism Center").
  const catalog = catalogOrganisation(fullName, overlapping, lexicon, knowledge);
  if (catalog) return { mention: { entityId: catalog.id, start, end, surface: fullName.name }, inside: overlapping };
  const discovered: DiscoveredInfo = { kind: 'organization', name: fullName.name.replace(/\s+/g, ' ') };
  const mention: FoundMention = { entityId: discoveredId('organization', nameKeys(fullName.name).join(' ')), start, end, surface: fullName.name, discovered };
  return { mention, inside: overlapping };
}

/** The catalog organisation a full name is, with an organisation named inside it written as any of its names. */
function catalogOrganisation(fullName: { name: string; start: number }, inside: readonly FoundMention[], lexicon: DiscoveryLexicon, knowledge: Knowledge): Entity | undefined {
  for (const m of inside) {
    const entity = knowledge.get(m.entityId);
    if (!entity || entity.kind !== 'organization') continue;
    const before = fullName.name.slice(0, m.start - fullName.start);
    const after = fullName.name.slice(m.end - fullName.start);
    for (const name of [entity.name, ...entity.aliases]) {
      const found = lexicon.organizationsByKey.get(nameKeys(`${before}${name}${after}`).join(' '));
      if (found) return found;
    }
  }
  return undefined;
}

/** The nouns that end the name of a military formation written in lower case. */
const FORMATION_NOUNS = 'units?|subunits?|troops|forces|battalions?|company|companies|detachments?|platoons?|teams?|contingents?|brigades?|regiments?|groups?';
const LOWERCASE_FORMATION = new RegExp(`((?:\\p{Ll}+(?:,[ \u00a0]+|[ \u00a0]+(?:and[ \u00a0]+)?)){1,8}(?:${FORMATION_NOUNS}))[ \u00a0]*$`, 'u');

/**
 * "a radiation, chemical and biological protection unit (RCBP)": a formation the text names in
 * lower case and by its initials (with or without the formation noun's).
 */
function precedingFormation(text: string, open: number, abbreviation: string): { name: string; start: number } | undefined {
  const before = text.slice(Math.max(0, open - 120), open);
  const match = LOWERCASE_FORMATION.exec(before);
  if (!match) return undefined;
  let name = match[1];
  let start = open - before.length + match.index;
  // Leading words the initials leave out ("a", "the", "special") are not part of the name.
  for (;;) {
    const words = name.split(/,?[ \u00a0]+/);
    const withoutNoun = words.slice(0, -1).join(' ');
    if (initialsMatch(words.join(' '), abbreviation) && initialsOf(words.join(' ')).startsWith(abbreviation[0].toLowerCase())) break;
    if (initialsMatch(withoutNoun, abbreviation) && initialsOf(withoutNoun).startsWith(abbreviation[0].toLowerCase())) break;
    const first = /^\p{Ll}+(?:,[ \u00a0]+|[ \u00a0]+(?:and[ \u00a0]+)?)/u.exec(name);
    if (!first || words.length <= 2) return undefined;
    name = name.slice(first[0].length);
    start += first[0].length;
  }
  return { name, start };
}

function initialsOf(name: string): string {
  return name
    .split(/[ \u00a0]+/)
    .filter((w) => w && !CONNECTORS.has(w))
    .map((w) => w[0])
    .join('');
}

/** A sentence about the CSTO: it names it or one of its bodies. */
function cstoSentence(text: string, at: number, mentions: readonly FoundMention[], knowledge: Knowledge): boolean {
  const sentence = sentenceAround(text, at, { start: 0, end: text.length });
  if (/\bCSTO\b|Collective Security Treaty/.test(text.slice(sentence.start, sentence.end))) return true;
  return mentions.some((m) => m.start >= sentence.start && m.end <= sentence.end && knowledge.get(m.entityId)?.kind === 'body');
}

export function precedingCapitalisedName(text: string, open: number): { name: string; start: number } | undefined {
  const before = text.slice(Math.max(0, open - 160), open);
  const match = /((?:\p{Lu}[\p{L}\p{N}'’-]*)(?:[ \u00a0]+(?:(?:of|for|on|and|the|in)[ \u00a0]+)*\p{Lu}[\p{L}\p{N}'’-]*)*)[ \u00a0]*$/u.exec(before);
  if (!match) return undefined;
  return { name: match[1], start: open - before.length + match.index };
}

function sentenceText(text: string, at: number): string {
  const sentence = sentenceAround(text, at, { start: 0, end: text.length });
  return text.slice(sentence.start, sentence.end);
}

