// Initials a text uses for a name it wrote out in full, without ever giving them in brackets:
// "The CSTO Crisis Response Center now has …" and, two paragraphs on, "The CRC, which opened in
// 2016, …". Wire reports and interviews do this often; a reader takes the initials for the name
// written before, and so does the analysis, when exactly one body or organisation named earlier
// in the document has those initials.

import type { Knowledge } from './knowledge';
import { CONNECTORS } from '../catalog/lexicon';
import type { FoundMention } from '../model';

/** A word of three to six capitals standing alone ("CRC"), not inside a longer word or a hyphenated one. */
const CAPITALS_WORD = /(?<![\p{L}\p{N}-])\p{Lu}{3,6}(?![\p{L}\p{N}-])/gu;
/** The kinds whose names a text shortens to initials. */
const INITIALLED_KINDS = new Set(['body', 'organization']);

/**
 * Later uses of the initials of a body or an organisation the text named in full (three words or
 * more) before them. Initials that fit the names of two entities of the text name neither; those the
 * catalog gives, or the text defined in brackets, are found elsewhere.
 */
export function unbracketedInitials(text: string, named: readonly FoundMention[], defined: ReadonlySet<string>, taken: (start: number, end: number) => boolean, knowledge: Knowledge): FoundMention[] {
  let fullNames: FoundMention[] | undefined;
  const uses: FoundMention[] = [];
  const fits = new Map<string, FoundMention | null>();
  for (const match of text.matchAll(CAPITALS_WORD)) {
    const initials = match[0];
    const start = match.index!;
    if (defined.has(initials) || taken(start, start + initials.length)) continue;
    fullNames ??= named.filter((m) => !m.repeat && INITIALLED_KINDS.has(knowledge.get(m.entityId)?.kind ?? m.discovered?.kind ?? '') && /\s\S+\s/.test(m.surface)).sort((a, b) => a.end - b.end);
    if (!fullNames.length) return [];
    // The same initials fit the same name all through the text; decided at their first use.
    if (!fits.has(initials)) fits.set(initials, nameWithInitials(fullNames, initials, start));
    const full = fits.get(initials);
    if (!full || full.end > start) continue;
    const use: FoundMention = { entityId: full.entityId, start, end: start + initials.length, surface: initials };
    if (full.discovered) use.discovered = full.discovered;
    uses.push(use);
  }
  return uses;
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
