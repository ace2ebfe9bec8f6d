// Completion of entity names while typing: the words before the cursor are matched against every
// name, alias and edition name, as a prefix of the whole name or of one of its words.

import { spellingsOf } from '../catalog/entities';
import type { Knowledge } from '../analysis/knowledge';
import { CORE_KINDS } from '../catalog/vocabulary';
import type { Entity } from '../model';

export interface NameCompletion {
  entity: Entity;
  /** The name offered: the canonical name, an alias or an edition name. */
  name: string;
  canonical: boolean;
  /** The name is written so in the corpus, not in the catalog. */
  corpus?: boolean;
  edition?: number;
  /** Offset in the line prefix where the text this name replaces starts. */
  replaceFrom: number;
  /** Lower is the better of one entity's names for what was typed. */
  rank: number;
  /** How the typed text matched: all the words typed (0), the last word (2), a word inside the name (3). */
  tier: number;
  /** The typed text is the whole name. */
  exact: boolean;
}

interface NameEntry {
  lower: string;
  /** Offsets in `lower` where a word starts, after the first. */
  wordStarts: number[];
  name: string;
  entity: Entity;
  canonical: boolean;
  corpus?: boolean;
  edition?: number;
}

/** How many words before the cursor may belong to the name being typed. */
const MAX_TYPED_WORDS = 6;

export class NameCompleter {
  private readonly entries: NameEntry[] = [];
  /** The organisations the core bodies, operations and exercises belong to (the CSTO itself): ranked with them. */
  private readonly owners = new Set<string>();

  /** `knowledge` is only remembered, so that a holder can tell when the catalog changed. */
  constructor(entities: Iterable<Entity>, readonly knowledge?: Knowledge, corpusSpellings: Iterable<{ entity: Entity; name: string; edition?: number }> = []) {
    for (const entity of entities) {
      if (CORE_KINDS.has(entity.kind) && entity.parent) this.owners.add(entity.parent);
      for (const name of spellingsOf(entity)) this.addEntry(entity, name, name === entity.name);
      for (const edition of entity.editions ?? []) this.addEntry(entity, `${entity.name}-${edition.year}`, false, edition.year);
    }
    // "Vzaimodeistvie-2022", "Channel - Red Dune": typed as the sources write them.
    for (const { entity, name, edition } of corpusSpellings) this.addEntry(entity, name, false, edition, true);
  }

  private addEntry(entity: Entity, name: string, canonical: boolean, edition?: number, corpus = false): void {
    const lower = name.toLowerCase();
    const wordStarts: number[] = [];
    for (const match of lower.matchAll(/[\s\-\u2010-\u2014]+(?=[\p{L}\p{N}])/gu)) wordStarts.push(match.index! + match[0].length);
    const entry: NameEntry = { lower, wordStarts, name, entity, canonical };
    if (edition !== undefined) entry.edition = edition;
    if (corpus) entry.corpus = true;
    this.entries.push(entry);
  }

  /**
   * Names that complete the text before the cursor. `popularity` orders equally good matches
   * (usually the mention count).
   */
  complete(linePrefix: string, popularity: (entity: Entity) => number, limit = 100): { items: NameCompletion[]; incomplete: boolean } {
    const starts = typedNameStarts(linePrefix);
    const best = new Map<string, NameCompletion>();
    const offer = (entry: NameEntry, replaceFrom: number, tier: number, exact = false) => {
      const key = `${entry.entity.id}@${entry.edition ?? ''}`;
      const rank = exact ? -1 : tier + (entry.canonical ? 0 : 1);
      const current = best.get(key);
      if (current && current.rank <= rank) return;
      const item: NameCompletion = { entity: entry.entity, name: entry.name, canonical: entry.canonical, replaceFrom, rank, tier, exact };
      if (entry.edition !== undefined) item.edition = entry.edition;
      if (entry.corpus) item.corpus = true;
      best.set(key, item);
    };
    if (!starts.length) {
      for (const entry of this.entries) if (entry.canonical) offer(entry, linePrefix.length, 0);
    }
    // Longer typed text that still matches ranks first: "Collective Sec" beats "Sec".
    starts.forEach((start, i) => {
      const typed = linePrefix.slice(start).toLowerCase();
      const nearest = i === starts.length - 1;
      const tier = (starts.length - 1 - i) === 0 ? 2 : 0;
      for (const entry of this.entries) {
        if (entry.lower.startsWith(typed)) offer(entry, start, tier, entry.lower === typed);
        else if (nearest && entry.wordStarts.some((w) => entry.lower.startsWith(typed, w))) offer(entry, start, 3);
      }
    });
    // An exact name first; then the CSTO and its own bodies, operations and exercises, those the
    // corpus mentions first, most mentioned first; editions after their series, aliases after names.
    const order = (c: NameCompletion) => {
      const count = popularity(c.entity);
      const core = CORE_KINDS.has(c.entity.kind) || (c.entity.kind === 'organization' && this.owners.has(c.entity.id));
      return [c.exact ? 0 : 1, c.tier, core ? 0 : 1, count > 0 ? 0 : 1, c.edition !== undefined ? 1 : 0, c.canonical ? 0 : 1, -count];
    };
    const items = [...best.values()]
      .map((item) => ({ item, key: order(item) }))
      .sort((a, b) => compareKeys(a.key, b.key) || a.item.name.localeCompare(b.item.name))
      .map(({ item }) => item);
    return { items: items.slice(0, limit), incomplete: items.length > limit };
  }
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/**
 * Offsets in the line prefix where the name being typed may start, furthest first: the starts of
 * the last few words, when the prefix ends inside a word.
 */
export function typedNameStarts(linePrefix: string): number[] {
  if (!/[\p{L}\p{N}\-]$/u.test(linePrefix)) return [];
  const starts: number[] = [];
  let i = linePrefix.length;
  while (starts.length < MAX_TYPED_WORDS && i > 0) {
    let start = i;
    while (start > 0 && /[\p{L}\p{N}'\u2019]/u.test(linePrefix[start - 1])) start--;
    if (start === i && starts.length) break;
    starts.unshift(start);
    // Step over the separator to the previous word; stop at anything but spaces and hyphens.
    let before = start;
    while (before > 0 && /[ \t\-\u2010-\u2014]/.test(linePrefix[before - 1])) before--;
    if (before === start || before === 0 || !/[\p{L}\p{N}]/u.test(linePrefix[before - 1])) break;
    i = before;
  }
  // A prefix that ends in a hyphen ("Search-") has an empty last word: complete the words before it.
  return starts.filter((s) => s < linePrefix.length);
}
