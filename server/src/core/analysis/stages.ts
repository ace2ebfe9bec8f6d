// Stages of a known series and the mention a series name makes: "Kanal-Patrol", «Channel-Southern
// Shield», "operation Channel-Red dune"; a name the catalog lacks becomes a discovered series, a
// stage of the series whose name it begins with.

import { discoveredId, type DiscoveryLexicon } from '../catalog/lexicon';
import type { Entity, EntityKind } from '../model';
import { CLOSING_QUOTES, nameKeys, OPENING_QUOTES, startsCapital, type Words } from '../text/words';
import type { Ranked } from './spans';

type Candidate = Ranked;

export function seriesMention(name: string, kind: EntityKind, start: number, end: number, text: string, lexicon: DiscoveryLexicon, priority: number, year?: number): Candidate | undefined {
  const keys = nameKeys(name);
  const known = lexicon.seriesByKey.get(keys.join(' '));
  const candidate: Candidate = { entityId: '', start, end, surface: text.slice(start, end), priority };
  if (year !== undefined) candidate.edition = year;
  if (known) {
    candidate.entityId = known.id;
    return candidate;
  }
  // "Channel – Antiterror": a named stage of a known series.
  // Only a series the catalog gives stages has them.
  const staged = (series: Entity | undefined) => (series && lexicon.seriesWithStages.has(series.id) ? series : undefined);
  let parent: Entity | undefined;
  for (let n = keys.length - 1; n > 0 && !parent; n--) parent = staged(lexicon.seriesByKey.get(keys.slice(0, n).join(' ')));
  // "Kanal-Patrol", "Channel-Red Dune": the series' name before a hyphen.
  const pieces = name.split(/[ \u00a0]*[-\u2010-\u2014][ \u00a0]*|[ \u00a0]+/);
  for (let n = pieces.length - 1; n > 0 && !parent; n--) parent = staged(lexicon.seriesByKey.get(nameKeys(pieces.slice(0, n).join(' ')).join(' ')));
  candidate.entityId = discoveredId(kind, keys.join(' '));
  candidate.discovered = { kind: parent?.kind ?? kind, name };
  if (parent) candidate.discovered.parent = parent.id;
  return candidate;
}

/**
 * Stages written without a kind word ("Kanal-Patrol will follow"): the name of a catalog series
 * that is not also a common word, hyphenated to a capitalised word. Only words whose hash is such
 * a name's are looked at.
 */
export function stageCandidates(text: string, words: Words, lexicon: DiscoveryLexicon): Candidate[] {
  const found: Candidate[] = [];
  const heads = lexicon.stageHeads;
  for (let i = 0; i + 1 < words.length; i++) {
    if (!words.joinNext[i]) continue;
    // «Channel-Second Barrier»: in quotes, any series' name (an ordinary word too) and up to three capitalised words.
    const quoted = quotedStage(text, words, i, lexicon);
    if (quoted) {
      found.push(quoted);
      continue;
    }
    if (!heads.has(words.hashes[i])) continue;
    const start = words.starts[i];
    const end = words.ends[i + 1];
    // "Kanal-Patrol": two capitalised words and one hyphen, no third word joined on.
    if (words.joinNext[i + 1] || !startsCapital(text, start) || !startsCapital(text, words.starts[i + 1]) || words.starts[i + 1] - words.ends[i] !== 1) continue;
    const series = lexicon.seriesByKey.get(words.key(i));
    if (!series) continue;
    const candidate = seriesMention(text.slice(start, end), series.kind, start, end, text, lexicon, 3);
    if (candidate?.discovered?.parent === series.id) found.push(candidate);
  }
  return found;
}

/** A stage name in quotes from word i: "Series-Word Word", closed by the quote. */
function quotedStage(text: string, words: Words, i: number, lexicon: DiscoveryLexicon): Candidate | undefined {
  const start = words.starts[i];
  if (!OPENING_QUOTES.includes(text[start - 1] ?? '') || words.starts[i + 1] - words.ends[i] !== 1) return undefined;
  let last = i + 1;
  while (last + 1 < words.length && last - i < 3 && words.starts[last + 1] - words.ends[last] === 1 && (words.joinNext[last] || text[words.ends[last]] === ' ')) last++;
  // The quote closes after some capitalised word from the second on.
  while (last > i && !CLOSING_QUOTES.includes(text[words.ends[last]] ?? '')) last--;
  if (last === i) return undefined;
  for (let w = i + 1; w <= last; w++) if (!startsCapital(text, words.starts[w])) return undefined;
  const series = lexicon.seriesByKey.get(words.key(i));
  if (!series || !startsCapital(text, start)) return undefined;
  const end = words.ends[last];
  const candidate = seriesMention(text.slice(start, end), series.kind, start, end, text, lexicon, 2);
  return candidate?.discovered?.parent === series.id ? candidate : undefined;
}

/** Words that end a stage name written with a lowercase last word ("Channel-Red dune"). */
const NOT_STAGE_WORDS = new Set([
  'was', 'were', 'is', 'are', 'will', 'has', 'had', 'took', 'began', 'ran', 'runs', 'and', 'or', 'in', 'on', 'at', 'of', 'for', 'with',
  'which', 'that', 'to', 'the', 'from', 'as', 'by', 'police', 'officers', 'forces', 'units', 'services', 'agencies', 'stage', 'phase',
]);
/** What may follow such a word: punctuation, a closing quote, or a verb or kind word. */
const AFTER_STAGE_TAIL = /^(?:[ \u00a0]*[,.;:!?)\]»"”’]|[ \u00a0]+(?:stage|phase|operation|was|were|is|will|took|began|ran|ended|continued|covered|\p{Ll}+ed)\b)/u;

/**
 * The lowercase last word of a stage name the text writes "Series-Name word" ("operation
 * Channel-Red dune"), kept when the name is quoted up to it or a verb or punctuation follows it.
 */
export function stageTail(text: string, end: number, quoted: boolean): string | undefined {
  if (!/[-\u2010-\u2014]/.test(text.slice(Math.max(0, end - 30), end))) return undefined;
  const word = /^[ \u00a0](\p{Ll}{3,})/u.exec(text.slice(end, end + 30));
  if (!word || NOT_STAGE_WORDS.has(word[1]) || /(?:ed|ing|ly)$/.test(word[1])) return undefined;
  const rest = text.slice(end + word[0].length, end + word[0].length + 30);
  if (quoted ? !CLOSING_QUOTES.includes(rest[0] ?? '') : !AFTER_STAGE_TAIL.test(rest)) return undefined;
  return word[0];
}
