// Discovery of body names: capitalised names headed by a body noun (Council, Committee, Working
// Group, Secretariat, Staff, ...) that the CSTO qualifies: "the CSTO Military Committee", "the
// Operational Staff of the CRRF". A name that is a catalog body written another way resolves to it.

import { bodyKey, CONNECTORS, discoveredId, orderedBodyKey, type DiscoveryLexicon } from '../catalog/lexicon';
import { BODY_HEADS, GROUP_HEADS, GROUP_QUALIFIERS } from '../catalog/vocabulary';
import { afterDatelineLead } from '../text/dates';
import { endsPossessive, HashSet, hashesOfKey, nameKeys, startsCapital, type Words } from '../text/words';
import type { Mention } from '../model';
import type { Ranked } from './spans';

/** Words no body's name has inside it, which a headline in title case capitalises all the same. */
const TITLE_CASE_BREAKS: ReadonlySet<string> = new Set(['to', 'at', 'by', 'with', 'from', 'as', 'into', 'after', 'before', 'over', 'amid', 'against', 'will', 'is', 'are', 'was', 'were', 'has', 'have', 'be', 'says', 'said']);

/** In a body name these make it a national or non-CSTO body. */
export const NOT_CSTO_BODY_WORDS = new Set([
  'un', 'united', 'nations', 'osce', 'sco', 'cis', 'nato', 'eu', 'european', 'eaeu', 'russian', 'federation', 'republic', 'ministry',
  'state', 'duma', 'federal', 'national', 'presidential', 'government',
]);
const QUALIFIED_AFTER = /^\s*(?:\([^)]{1,12}\)\s*)?(?:of|under)\s+the\s+(?:CSTO|Collective\s+Security\s+Treaty\s+Organi[sz]ation|Organi[sz]ation)\b/;

/** Words orderedBodyKey may leave out beyond the connectors ("affairs" only beside "foreign"). */
const NOT_CONTENT = new Set(['csto', 'organization', 'affairs']);

const OF_THE_ORGANIZATION = /^\s*(?:of|under)\s+the\s+organi[sz]ation\b/;

/**
 * The sentence before `at` (which starts a sentence) opens with a CSTO operation or exercise: "The
 * operation was aimed at …", "The CSTO sub-regional anti-drug operation «…» was held …".
 */
function ofOperationBefore(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 400), at);
  if (!/[.!?]["\u201d\u00bb]?\s+$/.test(before)) return false;
  const stop = Math.max(before.lastIndexOf('. ', before.length - 3), before.lastIndexOf('\n', before.trimEnd().length - 1));
  // Past a dateline: "DUSHANBE, September 23, Asia-Plus – The CSTO sub-regional anti-drug operation …".
  const sentence = before.slice(stop + 1);
  return OPENS_WITH_OPERATION.test(sentence.slice(afterDatelineLead(sentence))) && namedCstoBefore(text, at);
}
const OPENS_WITH_OPERATION = /^\s*(?:The|This)\s+(?:[\p{L}-]+\s+){0,4}?(?:operation|exercise|drills|training)\b/u;

/** The text names the CSTO before `at`. */
function namedCstoBefore(text: string, at: number): boolean {
  const csto = text.lastIndexOf('CSTO', at);
  return (csto >= 0 && csto < at) || text.lastIndexOf('Collective Security Treaty', at) >= 0;
}

/**
 * The longest run of capitalised words read on either side of a head noun, and the most "of / for
 * ..." complements followed: without them "Council Council Council ..." or "Council of the
 * Council of the ..." is read again from every head (100 kB took 2 s, 400 kB over a minute).
 * The longest body name of the catalog has 15 words.
 */
const MAX_NAME_WORDS = 24;
const MAX_COMPLEMENTS = 8;

/** "(CMD) of the CIS member States": what a body's name may be followed by, the owner's words captured. */
const OF_OWNER = /^[ \u00a0]*(?:\(\p{Lu}[\p{Lu}\p{N}-]{1,9}\)[ \u00a0]*)?of[ \u00a0]+(?:the[ \u00a0]+)?(\p{Lu}[\p{L}\p{N}'’-]*(?:[ \u00a0]+(?:of[ \u00a0]+)?\p{Lu}[\p{L}\p{N}'’-]*){0,5})/u;

/**
 * True when the body name ending at `end` is followed by "of" and an organisation other than the
 * catalog's owners: "the Council of Ministers of Defence (CMD) of the CIS member States" is the
 * CIS's council, though the CSTO has one of the same words.
 */
function ownedByAnother(text: string, end: number, lexicon: DiscoveryLexicon): boolean {
  const owner = OF_OWNER.exec(text.slice(end, end + 120));
  if (!owner) return false;
  const keys = nameKeys(owner[1]);
  for (let n = keys.length; n >= 1; n--) {
    const organization = lexicon.organizationsByKey.get(keys.slice(0, n).join(' '));
    if (organization) return !lexicon.ownerIds.has(organization.id);
  }
  return false;
}

/** Capitalised body names with a head noun, qualified by the CSTO. */
export function bodyCandidates(text: string, words: Words, lexicon: DiscoveryLexicon, cstoBodies: readonly Mention[]): Ranked[] {
  const cstoBodyStarts = new Set(cstoBodies.map((m) => m.start));
  /** The catalog body found at an offset of the text (the bodies are in text order). */
  const bodyAt = (at: number) => {
    let low = 0;
    let high = cstoBodies.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cstoBodies[mid].start <= at) low = mid + 1;
      else high = mid;
    }
    const m = cstoBodies[low - 1];
    return m && at < m.end ? m : undefined;
  };
  const found: Ranked[] = [];
  const { starts, ends } = words;
  const count = words.length;
  const key = (i: number) => (i >= 0 && i < count ? words.key(i) : '');
  const capital = (i: number) => i >= 0 && i < count && startsCapital(text, starts[i]);
  const spaced = (a: number, b: number) => spaceOrHyphen(text, ends[a], starts[b]);
  /** A capitalised word a name may go on with: not a preposition or a verb a title-case headline capitalises ("… Security To Start Working In 2032"). */
  const nameWord = (i: number) => capital(i) && !TITLE_CASE_BREAKS.has(key(i));
  const heads = headHashes();
  let namesCsto: boolean | undefined;
  const aboutCsto = () => (namesCsto ??= text.includes('CSTO') || text.includes('Collective Security Treaty'));
  let previousHead = -2;
  let previousFirst = 0;
  /**
   * The last of the capitalised words after the organisation's name at `at`, when with them the
   * name from word `from` has a catalog body's words; else -1.
   */
  const wordsAfterOrganisation = (from: number, at: number) => {
    let run = at;
    while (run - at < MAX_NAME_WORDS && nameWord(run + 1) && spaced(run, run + 1)) run++;
    return run > at && lexicon.bodiesByKey.has(bodyKey(text.slice(starts[from], ends[run]))) ? run : -1;
  };
  /** Word `w - 1` belongs to the name that word `w` is in: capitalised, no article, organisation or possessive. */
  const joinsLeft = (w: number) => capital(w - 1) && spaced(w - 1, w) && !lexicon.organizationWords.has(key(w - 1)) && !DETERMINERS.has(key(w - 1)) && !endsPossessive(text, ends[w - 1]);
  /**
   * A lower bound of the content words of words `from` to `to` as orderedBodyKey counts them: a
   * word hyphenated to the one before is one key with it ("Military-Economic").
   */
  const contentWordsAtLeast = (from: number, to: number) => {
    let n = 0;
    for (let w = from; w <= to; w++) if (!(w > from && words.joinNext[w - 1]) && !CONNECTORS.has(key(w)) && !NOT_CONTENT.has(key(w))) n++;
    return n;
  };
  for (let head = 0; head < count; head++) {
    // Only a word that may be a head noun is looked at further: its hash says so without its key.
    if (!heads.has(words.hashes[head])) continue;
    if (!capital(head)) {
      const lower = lowerCaseBody(text, words, head, lexicon, aboutCsto);
      if (lower) found.push(lower);
      continue;
    }
    const headKey = key(head);
    const isHead = BODY_HEADS.has(headKey) || (GROUP_HEADS.has(headKey) && head > 0 && GROUP_QUALIFIERS.has(key(head - 1)) && capital(head - 1));
    if (!isHead) continue;
    // Leftwards: capitalised words. The CSTO (or "the Organization's") before them qualifies the
    // name; a possessive ends it ("the Collective Security Treaty Organization's Rapid Reaction Force").
    // A head right after the head before it ("Staff Staff Staff …") starts where that one did,
    // or MAX_NAME_WORDS back: its own scan would read the same words again (a run of heads made
    // this quadratic in the run's length, to MAX_NAME_WORDS).
    let first = head;
    if (head === previousHead + 1 && head > 0 && joinsLeft(head)) first = Math.max(previousFirst, head - MAX_NAME_WORDS);
    else while (first > 0 && head - first < MAX_NAME_WORDS && joinsLeft(first)) first--;
    previousHead = head;
    previousFirst = first;
    const afterOrganisation = first > 0 && spaced(first - 1, first) && lexicon.organizationWords.has(key(first - 1));
    let qualified = afterOrganisation || (first > 0 && spaced(first - 1, first) && key(first - 1) === 'organization');
    // Rightwards: "of / for / on (the) Capitalised ..." complements, up to "of the CSTO".
    let last = head;
    for (let complements = 0; complements < MAX_COMPLEMENTS; complements++) {
      let next = last + 1;
      if (next >= count || !spaced(last, next) || !['of', 'for', 'on', 'and'].includes(key(next))) break;
      const and = key(next) === 'and';
      next++;
      if (next < count && key(next) === 'the' && spaced(next - 1, next)) next++;
      // "the Council of Defense Ministers and the Committee of …": two bodies, not one name.
      if (and && heads.has(words.hashes[next]) && BODY_HEADS.has(key(next))) break;
      // "... of the operation Channel": a body of one of the CSTO's operations or exercises.
      if ((key(next) === 'operation' || key(next) === 'exercise') && capital(next + 1) && lexicon.seriesByKey.has(key(next + 1))) {
        qualified = true;
        break;
      }
      if (!capital(next) || !spaced(next - 1, next)) break;
      // "... of the CSTO", or of one of its bodies: "the Operational Staff of the CRRF".
      // "the Committee of CSTO Security Council Secretaries", "the Committee of Secretaries of the
      // CSTO Security Councils": the CSTO inside a catalog body's name.
      const inside = lexicon.organizationWords.has(key(next)) ? wordsAfterOrganisation(first, next) : -1;
      if (inside >= 0) {
        qualified = true;
        last = inside;
        break;
      }
      if (lexicon.organizationWords.has(key(next)) || (key(next) === 'collective' && key(next + 1) === 'security' && key(next + 2) === 'treaty') || cstoBodyStarts.has(starts[next])) {
        qualified = true;
        // "the Council of the CSTO PA": a body of the catalog body named after it.
        const owner = cstoBodyStarts.has(starts[next]) ? bodyAt(starts[next]) : undefined;
        const child = owner && lexicon.childBodyOf(owner.entityId, text.slice(starts[first], ends[last]));
        if (child) {
          found.push({ entityId: child.id, start: starts[first], end: ends[last], surface: text.slice(starts[first], ends[last]), priority: 4 });
          first = -1;
        }
        // "the Coordination Council of the CSTO on Biological Security": the name goes on.
        if (lexicon.organizationWords.has(key(next)) && ['on', 'for'].includes(key(next + 1)) && capital(next + 2) && spaced(next, next + 1)) {
          last = next;
          continue;
        }
        break;
      }
      let run = next;
      // "the Committee of Security Councils' Secretaries": a plural possessive inside the name.
      while (run - next < MAX_NAME_WORDS && nameWord(run + 1) && (spaced(run, run + 1) || pluralPossessive(text, ends[run], starts[run + 1]))) run++;
      last = run;
    }
    // "... Situations (CCES) of the CSTO": the abbreviation may stand between the name and its qualifier.
    // Or "the Joint Headquarters of the organization", in a text that has named the CSTO before.
    if (!qualified) {
      const after = text.slice(ends[last], ends[last] + 80);
      qualified = QUALIFIED_AFTER.test(after) || (OF_THE_ORGANIZATION.test(after) && namedCstoBefore(text, starts[first]));
      // "The operation was aimed at … . Its International Coordination Headquarters worked in
      // Astana": the body of the CSTO operation or exercise the sentence before spoke of.
      qualified ||= first > 0 && last - first >= 2 && ['its', 'their'].includes(key(first - 1)) && ofOperationBefore(text, starts[first - 1]);
    }
    if (first < 0) continue;
    // "the CSTO PA Council", "the PA CSTO Council": a body of the catalog body its name starts with.
    const owner = bodyAt(starts[first]) ?? (first > 0 ? bodyAt(starts[first - 1]) : undefined);
    // Not a body coordinated with it: "the Council of Defense Ministers and the Committee …".
    const child = owner && ends[last] > owner.end && !/^[\s,]*(?:and|or)\s/i.test(text.slice(owner.end, ends[last])) ? lexicon.childBodyOf(owner.entityId, text.slice(Math.max(owner.end, starts[first]), ends[last])) : undefined;
    if (owner && child) {
      found.push({ entityId: child.id, start: owner.start, end: ends[last], surface: text.slice(owner.start, ends[last]), priority: 4 });
      head = last;
      continue;
    }
    // "the CSTO PA Secretariat": a head noun right after a catalog body the catalog gives no such
    // body under is a body of that body, not the CSTO's Secretariat.
    if (owner && head === last && owner.end === ends[last - 1] && spaced(last - 1, last)) {
      const name = text.slice(owner.start, ends[last]);
      found.push({ entityId: discoveredId('body', bodyKey(name)), start: owner.start, end: ends[last], surface: name, priority: 4, discovered: { kind: 'body', name, parent: owner.entityId } });
      continue;
    }
    if (last === first) continue;
    // Unqualified, a name is the catalog body whose content words it has in the same order, written
    // with other articles ("the Committee of the Secretaries of the Security Councils"), unless a
    // word the catalog says belongs to another organisation stands before it. Another word order
    // needs the CSTO beside it, or the corpus to have used it.
    if (!qualified) {
      // Three content words at least: most unqualified heads ("the Security Council") end here.
      if (last - first < 2) continue;
      // More content words than any catalog body's name has (two more, to be safe): none of them is this one.
      if (contentWordsAtLeast(first, last) > lexicon.mostBodyContentWords + 2) continue;
      const name = text.slice(starts[first], ends[last]);
      const ordered = lexicon.bodyFirstWords.has(key(first) === 'csto' ? key(first + 1) : key(first)) || last - first >= 3 ? orderedBodyKey(name) : '';
      const size = ordered ? ordered.split(' ').length : 0;
      // All the words of a catalog body's name in another order, four at least, in a text that
      // names the CSTO: "the Rapid Deployment Collective Forces" are the Collective Rapid
      // Deployment Forces. A note that does not name it needs the corpus to have used the order.
      // So are its words with a synonym: "the Coordination Council on Combating Illegal Migration".
      const exact = (size >= 3 ? lexicon.bodiesByOrderedKey.get(ordered) : undefined) ?? (size >= 4 && aboutCsto() ? (lexicon.bodiesByKey.get(bodyKey(name)) ?? lexicon.bodyWithSameWords(name)) : undefined);
      const before = first > 0 ? text.slice(starts[first - 1], ends[first - 1]) : '';
      if (!exact || exact.notAfter?.includes(before) || ownedByAnother(text, ends[last], lexicon)) continue;
      found.push({ entityId: exact.id, start: starts[first], end: ends[last], surface: name, priority: 4 });
      head = last;
      continue;
    }
    let national = false;
    for (let w = first; w <= last && !national; w++) national = NOT_CSTO_BODY_WORDS.has(key(w));
    if (national) continue;
    const start = starts[first];
    const end = ends[last];
    const name = text.slice(start, end).replace(/\s+/g, ' ');
    const catalog = lexicon.bodyOf(name);
    // "the CSTO Joint Headquarters": the organisation's name is part of a catalog body's name, as
    // in the catalog's own "CSTO Joint Staff".
    const from = catalog && afterOrganisation ? starts[first - 1] : start;
    const candidate: Ranked = { entityId: catalog?.id ?? discoveredId('body', bodyKey(name)), start: from, end, surface: text.slice(from, end), priority: 4 };
    if (!catalog) candidate.discovered = { kind: 'body', name };
    found.push(candidate);
    head = last;
  }
  if (text.includes('Международн') || text.includes('Межгосударственн')) found.push(...russianInternationalBodies(text, lexicon));
  return found;
}

/**
 * "Действия согласовывал Международный координационный штаб": in a Russian text about the CSTO, a
 * name opened by "Международный" or "Межгосударственный" (in any case), up to two adjectives in
 * lower case, then a body's head noun. A member state's own bodies are not named so.
 */
function russianInternationalBodies(text: string, lexicon: DiscoveryLexicon): Ranked[] {
  if (!/ОДКБ|Договора о коллективной безопасности/.test(text)) return [];
  const found: Ranked[] = [];
  for (const match of text.matchAll(RUSSIAN_INTERNATIONAL_BODY)) {
    const name = match[0].replace(/\s+/g, ' ');
    const catalog = lexicon.bodyOf(name);
    const candidate: Ranked = { entityId: catalog?.id ?? discoveredId('body', bodyKey(name)), start: match.index!, end: match.index! + match[0].length, surface: match[0], priority: 4 };
    if (!catalog) candidate.discovered = { kind: 'body', name };
    found.push(candidate);
  }
  return found;
}
const RUSSIAN_ADJECTIVE_ENDING = '(?:ый|ий|ой|ого|его|ому|ему|ым|им|ом|ем|ая|яя|ую|юю|ей|ые|ие|ых|их|ыми|ими)';
/** A body's head noun in any case: "штаб", "штаба", "комиссии". */
const RUSSIAN_BODY_HEAD = '(?:(?:штаб|центр|совет|комитет|секретариат)(?:а|у|ом|е|ы|ов|ам|ами|ах)?|комисси(?:я|и|ю|ей|ях|ям|ями))';
const RUSSIAN_INTERNATIONAL_BODY = new RegExp(
  `(?<![\\p{L}])(?:Международн|Межгосударственн)${RUSSIAN_ADJECTIVE_ENDING}(?:[ \\u00a0]+[а-яё]+${RUSSIAN_ADJECTIVE_ENDING}){0,2}[ \\u00a0]+${RUSSIAN_BODY_HEAD}(?![\\p{L}])`,
  'gu',
);

/**
 * A catalog body the CSTO's name qualifies, written in lower case: "the CSTO rapid response forces",
 * "the CSTO's collective rapid reaction forces". Two to four lower-case words up to the head noun,
 * all of them words of one catalog body's name; after "the" alone, three or four, in a text that
 * names the CSTO.
 */
function lowerCaseBody(text: string, words: Words, head: number, lexicon: DiscoveryLexicon, aboutCsto: () => boolean): Ranked | undefined {
  if (!BODY_HEADS.has(words.key(head))) return undefined;
  let first = head;
  while (first > 0 && head - first < 3 && !startsCapital(text, words.starts[first - 1]) && !DETERMINERS.has(words.key(first - 1)) && spaceOrHyphen(text, words.ends[first - 1], words.starts[first])) first--;
  if (first === head || first === 0 || !spaceOrHyphen(text, words.ends[first - 1], words.starts[first])) return undefined;
  const owner = text.slice(words.starts[first - 1], words.ends[first - 1]).replace(/['\u2019]s$/, '');
  // "the collective forces of the Central Asian region": a catalog body's words in lower case, with
  // the region or organisation it is of in capitals.
  const of = lexicon.organizationWords.has(owner.toLowerCase()) ? null : REGION_OF.exec(text.slice(words.ends[head], words.ends[head] + 80));
  // "reconnaissance in support of the rapid response forces": after "the", three words or more of
  // one catalog body's name, in a text about the CSTO.
  const aboutOwner = !of && owner === 'the' && head - first >= 2 && aboutCsto();
  if (!of && !aboutOwner && !lexicon.organizationWords.has(owner.toLowerCase())) return undefined;
  const end = words.ends[head] + (of ? of[0].length : 0);
  const surface = text.slice(words.starts[first], end);
  // Words another organisation's name ends with are not a part of the CSTO body's: "CSTO security
  // council secretaries" speaks of the member states' security councils (the UN has one too), not
  // of the Collective Security Council; "CSTO crisis centre" is the Crisis Response Center.
  const exact = lexicon.bodiesByKey.get(bodyKey(surface));
  if (!exact && !of && lexicon.otherOrganisationTails.has(nameKeys(surface).join(' '))) return undefined;
  const body = exact ?? lexicon.bodyOf(surface);
  return body ? { entityId: body.id, start: words.starts[first], end, surface, priority: 4 } : undefined;
}

/** "of the Central Asian region": the capitalised words a lower-case body name is of (its last noun may be lower case). */
const REGION_OF = /^[ \u00a0]+of[ \u00a0]+the[ \u00a0]+(?:\p{Lu}[\p{L}-]*[ \u00a0]+){1,3}(?:region|\p{Lu}[\p{L}-]*)\b/u;
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'our']);

let heads: HashSet | undefined;

/** The word hashes of the head nouns (every spelling). */
function headHashes(): HashSet {
  heads ??= new HashSet([...BODY_HEADS, ...GROUP_HEADS].flatMap(hashesOfKey));
  return heads;
}

/** "Councils' ": the apostrophe of a plural possessive, then one space, between two words. */
function pluralPossessive(text: string, from: number, to: number): boolean {
  if (to - from !== 2 || text.charCodeAt(from - 1) !== 115) return false;
  const apostrophe = text.charCodeAt(from);
  return (apostrophe === 39 || apostrophe === 0x2019) && (text.charCodeAt(from + 1) === 32 || text.charCodeAt(from + 1) === 0xa0);
}

/** The gap between two words of a body name: spaces (ordinary or no-break), or one hyphen. */
function spaceOrHyphen(text: string, from: number, to: number): boolean {
  if (to - from === 1 && text.charCodeAt(from) === 45) return true;
  if (to <= from) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 0xa0) return false;
  }
  return true;
}
