// Shared fixtures for the unit tests: the seed corpus and the bundled catalog, read from the repo.

import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { validateCatalog, type Catalog } from '../../server/src/core/catalog/catalog';
import { Knowledge } from '../../server/src/core/analysis/knowledge';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..');
export const CORPUS = join(REPO_ROOT, 'corpus');

export function seedFiles(): string[] {
  return readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort();
}

export function seedText(name: string): string {
  return readFileSync(join(CORPUS, name), 'utf8');
}

/** The seed document whose name starts with the given number ("000", "003"). */
export function seed(number: string): { name: string; text: string; uri: string } {
  const name = seedFiles().find((f) => f.startsWith(number));
  if (!name) throw new Error(`no seed document ${number}`);
  return { name, text: seedText(name), uri: `file:///corpus/${name}` };
}

let catalog: Catalog | undefined;
export function bundledCatalog(): Catalog {
  if (!catalog) {
    const result = validateCatalog(JSON.parse(readFileSync(join(CORPUS, 'catalog.json'), 'utf8')));
    if (!result.catalog) throw new Error(result.problems.map((p) => p.message).join('\n'));
    catalog = result.catalog;
  }
  return catalog;
}

export function bundledKnowledge(): Knowledge {
  return new Knowledge(bundledCatalog());
}

/** Entity ids (with "@year" for editions) of the mentions found in a text. */
export function mentionIds(knowledge: Knowledge, text: string): string[] {
  return knowledge.matcher.findMentions(text).map((m) => (m.edition !== undefined ? `${m.entityId}@${m.edition}` : m.entityId));
}
