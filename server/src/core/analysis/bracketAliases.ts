// Names in brackets beside a known name are other names of it, in this text:
//   - "Nerushimoe Bratstvo (Enduring Brotherhood)": a known name, then an alias in brackets;
//   - "Enduring Brotherhood (Nerushimoe Bratstvo)": an alias, then a known name in brackets;
//   - "Coordination Council of the heads of the competent authorities on countering illegal drug
//     trafficking (CCBCD)": a longer or reordered translation of a body before its abbreviation.
// The alias is a mention of the known entity there and, written again later, in the rest of the text.

import type { Knowledge } from './knowledge';
import { bodyKey, type DiscoveryLexicon } from '../catalog/lexicon';
import { namesOf } from '../catalog/entities';
import { BODY_HEADS, SERIES_KINDS } from '../catalog/vocabulary';
import type { Entity, FoundMention } from '../model';
import { nameKeys, wholeNamePattern } from '../text/words';
import { precedingCapitalisedName } from './abbreviations';
import { isAbbreviation } from './nameForms';
import { Intervals, SpanIndex } from './spans';

/** Round or square brackets: "Poisk (Search)", "Poisk [Search]". */
const BRACKETED = /[([]([^()[\]\n]{2,120})[)\]]/g;
/** Two or more capitalised words, connectors allowed between them: a name, not a remark. */
const NAME = /^\p{Lu}[\p{L}\p{N}'’-]*(?:[ \u00a0]+(?:(?:of|for|on|and|the|in)[ \u00a0]+)*\p{Lu}[\p{L}\p{N}'’-]*)+$/u;
/** A name given in another language, marked so: "Rus. “Poisk”", "Russian: Poisk". */
const LANGUAGE_MARKED = /^(\s*(?:Rus\.|Russ\.|Russian:?|in Russian,?)\s*["\u201c\u00ab']?)([^"\u201d\u00bb']+?)["\u201d\u00bb']?\s*$/;
/** Words that start a sentence before a name but are not part of it. */
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'its', 'our']);
/** How far back a translation may start before its abbreviation. */
const TRANSLATION_REACH = 200;
/** Share of a translation's content words that a catalog name of the body must have. */
const TRANSLATION_OVERLAP = 0.6;

export function bracketAliases(text: string, mentions: readonly FoundMention[], knowledge: Knowledge, lexicon: DiscoveryLexicon): FoundMention[] {
  const taken = new Intervals(mentions);
  const spans = new SpanIndex(mentions);
  const byEnd = new Map(mentions.map((m) => [m.end, m]));
  const found: FoundMention[] = [];
  const aliases: { name: string; from: number; model: FoundMention }[] = [];
  const add = (model: FoundMention, start: number, end: number) => {
    if (taken.overlaps(start, end)) return;
    const mention: FoundMention = { entityId: model.entityId, start, end, surface: text.slice(start, end) };
    if (model.discovered) mention.discovered = model.discovered;
    found.push(mention);
    taken.add(mention);
  };
  const entityOf = (m: FoundMention): Entity | undefined => knowledge.get(m.entityId) ?? (m.discovered && { id: m.entityId, kind: m.discovered.kind, name: m.discovered.name, aliases: [] });

  for (const match of text.matchAll(BRACKETED)) {
    const open = match.index!;
    const close = open + match[0].length - 1;
    // "(Rus. “Vzaimodeystviye”)": the marker of the language and the quotes are not the name.
    const marked = LANGUAGE_MARKED.exec(match[1]);
    const innerStart = open + 1 + (marked ? marked[1].length : match[1].length - match[1].trimStart().length);
    const inner = marked ? marked[2] : match[1].trim();
    const inside = spans.startingIn(open + 1, close).filter((m) => m.end <= close);
    const before = beforeBracket(text, open, byEnd);
    if (before && !inside.length && (NAME.test(inner) || seriesWord(inner, entityOf(before))) && fitsKind(inner, entityOf(before))) {
      // A known name, then an alias in brackets.
      add(before, innerStart, innerStart + inner.length);
      aliases.push({ name: inner, from: close, model: before });
      continue;
    }
    const whole = inside.length === 1 && inside[0].surface === inner ? inside[0] : undefined;
    if (!whole || before) continue;
    const entity = entityOf(whole);
    if (isAbbreviation(inner)) {
      // A body's known abbreviation after a translation of its name.
      const translation = entity?.kind === 'body' && !entity.discovered ? translationBefore(text, open, entity) : undefined;
      if (translation) add(whole, translation.start, translation.end);
      continue;
    }
    // An alias, then a known name in brackets.
    const name = precedingCapitalisedName(text, open);
    if (!name) continue;
    const trimmed = trimLeadingNotNames(name, lexicon);
    if (trimmed && NAME.test(trimmed.name) && fitsKind(trimmed.name, entity)) {
      add(whole, trimmed.start, trimmed.start + trimmed.name.length);
      aliases.push({ name: trimmed.name, from: close, model: whole });
    }
  }
  // Written again later in the text, an alias still names the entity.
  for (const { name, from, model } of aliases) {
    const pattern = wholeNamePattern(name);
    pattern.lastIndex = from;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) add(model, m.index, m.index + m[0].length);
  }
  return found;
}

/** One capitalised word translates the code name of an exercise or operation: "Poisk [Search]". */
function seriesWord(inner: string, entity: Entity | undefined): boolean {
  return !!entity && SERIES_KINDS.has(entity.kind) && /^\p{Lu}[\p{L}'’-]{2,}$/u.test(inner) && !isAbbreviation(inner);
}

/** The mention that ends right before a bracket (quotes and spaces between allowed). */
function beforeBracket(text: string, open: number, byEnd: ReadonlyMap<number, FoundMention>): FoundMention | undefined {
  let end = open;
  while (end > 0 && /[\s"”»']/.test(text[end - 1])) end--;
  const mention = byEnd.get(end);
  return mention && !isAbbreviation(mention.surface) ? mention : undefined;
}

/** An alias of a body has a body's head noun; one of an exercise or operation has none. */
function fitsKind(name: string, entity: Entity | undefined): boolean {
  if (!entity) return false;
  const hasHead = nameKeys(name).some((k) => BODY_HEADS.has(k));
  if (entity.kind === 'body') return hasHead;
  return SERIES_KINDS.has(entity.kind) && !hasHead;
}

function trimLeadingNotNames(name: { name: string; start: number }, lexicon: DiscoveryLexicon): { name: string; start: number } | undefined {
  let { name: rest, start } = name;
  for (let word = /^(\S+)\s+/u.exec(rest); word && lexicon.notNames.has(word[1].toLowerCase()); word = /^(\S+)\s+/u.exec(rest)) {
    rest = rest.slice(word[0].length);
    start += word[0].length;
  }
  return rest ? { name: rest, start } : undefined;
}

/**
 * The longest span before a bracket, in the same sentence and without commas, that starts with a
 * capital and shares most of its content words with a name of the body.
 */
function translationBefore(text: string, open: number, entity: Entity): { start: number; end: number } | undefined {
  const known = new Set(namesOf(entity).flatMap((n) => bodyKey(n).split(' ')));
  const windowStart = Math.max(0, open - TRANSLATION_REACH);
  const window = text.slice(windowStart, open);
  const boundary = Math.max(...['.', ';', ':', '!', '?', '\n', ',', '(', ')'].map((c) => window.lastIndexOf(c)));
  let end = open;
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  for (const word of window.slice(boundary + 1).matchAll(/\p{Lu}[\p{L}\p{N}'’-]*/gu)) {
    if (DETERMINERS.has(word[0].toLowerCase())) continue;
    const start = windowStart + boundary + 1 + word.index!;
    const words = bodyKey(text.slice(start, end)).split(' ').filter(Boolean);
    const shared = words.filter((w) => known.has(w)).length;
    if (words.some((w) => BODY_HEADS.has(w)) && shared >= 3 && shared / words.length >= TRANSLATION_OVERLAP) return { start, end };
  }
  return undefined;
}

/**
 * "Vozdushny Most-2028 (Air Bridge-2028)": two code names the catalog lacks, one in brackets
 * after the other, of one kind and one edition, are one entity, the one the text names first;
 * every mention of the bracketed name in the text is then a mention of it.
 */
export function joinBracketedTranslations<M extends FoundMention>(text: string, discovered: readonly M[]): readonly M[] {
  const series = discovered.filter((m) => m.discovered && SERIES_KINDS.has(m.discovered.kind) && !m.discovered.parent).sort((a, b) => a.start - b.start);
  let joined: Map<string, M> | undefined;
  for (let i = 0; i + 1 < series.length; i++) {
    const [first, second] = [series[i], series[i + 1]];
    if (first.entityId === second.entityId || first.edition !== second.edition || first.discovered!.kind !== second.discovered!.kind) continue;
    if (!/^[ \u00a0]*[([]$/.test(text.slice(first.end, second.start)) || !/^[)\]]/.test(text.slice(second.end, second.end + 1))) continue;
    (joined ??= new Map()).set(second.entityId, first);
  }
  if (!joined) return discovered;
  return discovered.map((m) => {
    const into = joined!.get(m.entityId);
    // The mention keeps its own name, which the text may write again ("Air Bridge" later on).
    return into ? { ...m, entityId: into.entityId } : m;
  });
}
