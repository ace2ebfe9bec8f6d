// Initials a text uses for a name it wrote out in full, without ever giving them in brackets:
// "The CSTO Crisis Response Center now has …" and, two paragraphs on, "The CRC, which opened in
// 2016, …". Wire reports and interviews do this often; a reader takes the initials for the name
// written before, and so does the analysis, when exactly one body or organisation named earlier
// in the document has those initials.

import type { Knowledge } from './knowledge';
import { CONNECTORS } from '../catalog/lexicon';
import type { FoundMention } from '../model';
import { startsCapital, type Words } from '../text/words';

/** The kinds whose names a text shortens to initials. */
const INITIALLED_KINDS = new Set(['body', 'organization']);

/**
 * Later uses of the initials of a body or an organisation the text named in full (three words or
 * more) before them. Initials that fit the names of two entities of the text name neither; those the
 * catalog gives, or the text defined in brackets, are found elsewhere.
 */
export function unbracketedInitials(text: string, words: Words, named: readonly FoundMention[], defined: ReadonlySet<string>, taken: (start: number, end: number) => boolean, knowledge: Knowledge): FoundMention[] {
  // Three to six capitals standing alone ("CRC", "CRC's"), not part of a hyphenated word, that no
  // name found takes: most texts have none ("CSTO" is the catalog's).
  const unknown: { start: number; initials: string }[] = [];
  for (let w = 0; w < words.length; w++) {
    const start = words.starts[w];
    const initials = capitalsAt(text, start, words.ends[w]);
    if (!initials || words.joinNext[w] || (w > 0 && words.joinNext[w - 1]) || defined.has(initials) || taken(start, start + initials.length)) continue;
    unknown.push({ start, initials });
  }
  if (!unknown.length) return [];
  const fullNames = named.filter((m) => !m.repeat && INITIALLED_KINDS.has(knowledge.get(m.entityId)?.kind ?? m.discovered?.kind ?? '') && /\s\S+\s/.test(m.surface)).sort((a, b) => a.end - b.end);
  const uses: FoundMention[] = [];
  // The same initials fit the same name all through the text; decided at their first use.
  const fits = new Map<string, FoundMention | null>();
  for (const { start, initials } of unknown) {
    if (!fits.has(initials)) fits.set(initials, nameWithInitials(fullNames, initials, start));
    const full = fits.get(initials);
    if (!full || full.end > start) continue;
    const use: FoundMention = { entityId: full.entityId, start, end: start + initials.length, surface: initials };
    if (full.discovered) use.discovered = full.discovered;
    uses.push(use);
  }
  return uses;
}

/** The word from `start` to `end` when it is three to six capital letters, but for a possessive after them; else undefined. */
function capitalsAt(text: string, start: number, end: number): string | undefined {
  let stop = start;
  while (stop < end && startsCapital(text, stop)) stop++;
  const length = stop - start;
  if (length < 3 || length > 6) return undefined;
  if (stop < end) {
    const c = text.charCodeAt(stop);
    if (c !== 39 && c !== 0x2019) return undefined;
  }
  // Not hyphenated to the word before or after it: "Kanal-CRC".
  if (start > 0 && text.charCodeAt(start - 1) === 45) return undefined;
  if (stop < text.length && text.charCodeAt(stop) === 45) return undefined;
  return text.slice(start, stop);
}

/** The one entity named in full before `before` whose written name has these initials; null when none or several. */
function nameWithInitials(fullNames: readonly FoundMention[], initials: string, before: number): FoundMention | null {
  let found: FoundMention | null = null;
  for (const m of fullNames) {
    if (m.end > before) break;
    if (!initialsOfWhole(m.surface).has(initials)) continue;
    if (found && found.entityId !== m.entityId) return null;
    found ??= m;
  }
  return found;
}

/**
 * The initials of a whole name, its connectors left out: "Crisis Response Center" gives "CRC".
 * Those of the name after a qualifier in capitals too ("CSTO Crisis Response Center" gives "CRC"),
 * but never of a tail of it: "CRRF" is not the initials of "the Joint Staff of the Collective Rapid
 * Reaction Forces".
 */
function initialsOfWhole(name: string): Set<string> {
  const words = name.split(/[\s\u2010-\u2014-]+/).filter((w) => w && !CONNECTORS.has(w.toLowerCase()));
  const found = new Set<string>();
  const of = (from: number) => words.slice(from).map((w) => w[0].toUpperCase()).join('');
  if (words.length >= 3) found.add(of(0));
  if (words.length >= 4 && /^\p{Lu}{2,}$/u.test(words[0])) found.add(of(1));
  return found;
}
