// What each labelled name of a Russian set shows (issue 26's closing table): a Russian name as the
// catalog writes it or in another case, a Russian abbreviation, a Latin transliteration, or an
// English name; and each trap by its script. Read off the label's text and the catalog, so that the
// sets need no tag of their own.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { schemeSpellings } from '../../server/src/core/text/transliteration';

export const PHENOMENA = ['Russian name, as the catalog writes it', 'Russian name, another case or number', 'Russian abbreviation', 'Latin transliteration', 'English name', 'trap in Russian', 'trap in English'] as const;
export type Phenomenon = (typeof PHENOMENA)[number];

/** Labels of one phenomenon, and how many were found right (for traps: how many got no card). */
export type PhenomenonCounts = Partial<Record<Phenomenon, { labels: number; right: number }>>;

export interface CatalogEntity {
  id: string;
  name: string;
  aliases?: string[];
  ru?: { name: string; aliases?: string[] };
}

const CYRILLIC = /[\u0400-\u04ff]/;

/** A name compared without case, quotes, "ё", a year, the "ОДКБ"/"CSTO" around it or dash and space differences. */
function bare(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/["“”«»'()]/g, ' ')
    .replace(/[\s\-\u2010-\u2014]*\b(19|20)\d\d\b/g, ' ')
    .replace(/\b(одкб|csto)\b/g, ' ')
    .replace(/[\s\-\u2010-\u2014]+/g, ' ')
    .trim();
}

/** The bundled catalog's entities, as its JSON writes them. */
export function catalogEntities(repoRoot: string): CatalogEntity[] {
  return (JSON.parse(readFileSync(join(repoRoot, 'corpus', 'catalog.json'), 'utf8')) as { entities: CatalogEntity[] }).entities;
}

export function catalogByName(entities: readonly CatalogEntity[]): Map<string, CatalogEntity> {
  return new Map(entities.map((e) => [e.name.toLowerCase(), e]));
}

/** The phenomenon a label shows; undefined for a label of an entity the catalog lacks. */
export function phenomenonOf(text: string, entity: CatalogEntity | undefined): Phenomenon | undefined {
  if (!entity) return undefined;
  if (CYRILLIC.test(text)) {
    const words = text.replace(/["«»]/g, '').split(/\s+/).filter(Boolean);
    if (words.every((w) => /^[А-ЯЁ]{2,}[а-яё]{0,2}$/.test(w))) return 'Russian abbreviation';
    const written = [entity.ru?.name ?? '', ...(entity.ru?.aliases ?? [])].map(bare);
    return written.includes(bare(text)) ? 'Russian name, as the catalog writes it' : 'Russian name, another case or number';
  }
  // A Latin name is a transliteration when it spells a Russian name's consonants as a scheme does
  // (the schemes and the press differ mostly in vowels, "y", "j" and "kh"/"h"): "Vzaimodeistviye"
  // and "Rubezh" are, though the catalog types them as English aliases; "Interaction" is not.
  const russian = [entity.ru?.name ?? '', ...(entity.ru?.aliases ?? [])].filter(Boolean);
  const spelled = new Set(russian.flatMap((name) => schemeSpellings(name)).map(skeleton));
  return spelled.has(skeleton(text)) ? 'Latin transliteration' : 'English name';
}

/** A Latin name's consonants, as the schemes agree on them. */
function skeleton(text: string): string {
  return bare(text).replace(/kh/g, 'h').replace(/tz/g, 'ts').replace(/w/g, 'v').replace(/[aeiouyj'ʹʺ]/g, '');
}

export function trapPhenomenon(text: string): Phenomenon {
  return CYRILLIC.test(text) ? 'trap in Russian' : 'trap in English';
}

export function count(counts: PhenomenonCounts, phenomenon: Phenomenon | undefined, right: boolean): void {
  if (!phenomenon) return;
  const c = (counts[phenomenon] ??= { labels: 0, right: 0 });
  c.labels++;
  if (right) c.right++;
}

/** The table of the Russian sets' phenomena, tuned sets and held-out ones apart. */
export function phenomenaTable(sets: { name: string; phenomena?: PhenomenonCounts }[]): string[] {
  const russian = sets.filter((s) => /Russian/.test(s.name) && s.phenomena);
  if (!russian.length) return [];
  const sum = (group: typeof russian) => {
    const total: PhenomenonCounts = {};
    for (const s of group) {
      for (const p of PHENOMENA) {
        const c = s.phenomena![p];
        if (!c) continue;
        const t = (total[p] ??= { labels: 0, right: 0 });
        t.labels += c.labels;
        t.right += c.right;
      }
    }
    return total;
  };
  const heldOut = sum(russian.filter((s) => s.name.startsWith('held-out')));
  const tuned = sum(russian.filter((s) => !s.name.startsWith('held-out')));
  const cell = (c: { labels: number; right: number } | undefined) => (c ? `${c.right}/${c.labels} (${((100 * c.right) / c.labels).toFixed(1)}%)` : '—');
  const lines = ['\nRussian sets by phenomenon (names: found as the right entity; traps: given no card)', `  ${'phenomenon'.padEnd(40)} ${'tuned'.padEnd(18)} held-out (never tuned)`];
  for (const p of PHENOMENA) lines.push(`  ${p.padEnd(40)} ${cell(tuned[p]).padEnd(18)} ${cell(heldOut[p])}`);
  return lines;
}
