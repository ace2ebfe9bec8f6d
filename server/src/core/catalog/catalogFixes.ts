// The quick fixes that write the workspace catalog, as facts that still hold when one is applied
// (a name to add, an alias, an edition), and the edit each makes on the catalog's text as it is
// then (catalogEdits.ts): a new entity gets an id no entity of the index or the text has.

import type { Entity, EntityKind } from '../model';
import { addAlias, addEdition, addEntity, catalogIds, newEntity, type CatalogEdit } from './catalogEdits';

export type CatalogFix =
  | { type: 'addEntity'; name: string; kind: EntityKind; year?: number | undefined; parent?: string | undefined }
  | { type: 'addAlias'; entityId: string; alias: string }
  | { type: 'addEdition'; entityId: string; year: number };

const MAX_ALIAS_TARGETS = 3;

/** The edit a fix makes on `text` (undefined: no catalog file yet); undefined when its entity is gone. */
export function catalogEditFor(fix: CatalogFix, text: string | undefined, entities: { all(): readonly Entity[]; get(id: string): Entity | undefined }): CatalogEdit | undefined {
  if (fix.type === 'addEntity') {
    const taken = new Set([...entities.all().map((e) => e.id), ...catalogIds(text)]);
    const entity = newEntity(fix.name, fix.kind, fix.year, taken);
    if (fix.parent) entity.parent = fix.parent;
    return addEntity(text, entity);
  }
  const entity = entities.get(fix.entityId);
  if (!entity) return undefined;
  return fix.type === 'addAlias' ? addAlias(text, entity, fix.alias) : addEdition(text, entity, fix.year);
}

/** Catalog entities of the same kind that share a word with the name ("Kanal-Zeta" and Channel's "Kanal"). */
export function aliasTargets(entities: readonly Entity[], name: string, kind: string): Entity[] {
  const words = new Set(name.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 2));
  return entities
    .filter((e) => !e.discovered && e.kind === kind && [e.name, ...e.aliases].some((n) => n.toLowerCase().split(/[^\p{L}\p{N}]+/u).some((w) => words.has(w))))
    .slice(0, MAX_ALIAS_TARGETS);
}

export function isCatalogFix(value: unknown): value is CatalogFix {
  const fix = value as Partial<Record<string, unknown>> | undefined;
  if (typeof fix !== 'object' || fix === null) return false;
  switch (fix.type) {
    case 'addEntity':
      return typeof fix.name === 'string' && typeof fix.kind === 'string' && (fix.year === undefined || typeof fix.year === 'number');
    case 'addAlias':
      return typeof fix.entityId === 'string' && typeof fix.alias === 'string';
    case 'addEdition':
      return typeof fix.entityId === 'string' && Number.isInteger(fix.year);
    default:
      return false;
  }
}
