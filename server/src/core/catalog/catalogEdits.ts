// Edits of a workspace catalog that a quick fix proposes: a new entity, a new edition of a known
// one, a new alias. Pure: from the catalog's text (or none, for a catalog to create) to text
// edits with offsets, made with jsonc-parser so that the rest of the file stays as the analyst
// wrote it (only the list that gains an entry is laid out again).

import { modify, parseTree, findNodeAtLocation, type Edit } from 'jsonc-parser';
import type { Entity, EntityKind } from '../model';

export interface CatalogEdit {
  /** The edits to the catalog's text; for a catalog to create, one insertion of its whole text. */
  edits: Edit[];
  /** True when the catalog file does not exist yet. */
  create: boolean;
}

const FORMAT = { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } };

/** A new entity for a name nobody knows ("Zapad", exercise, 2021). */
export function newEntity(name: string, kind: EntityKind, year: number | undefined, takenIds: ReadonlySet<string>): Entity {
  const base = name.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || kind;
  let id = base;
  for (let n = 2; takenIds.has(id); n++) id = `${base}-${n}`;
  const entity: Entity = { id, kind, name, aliases: [] };
  if (year !== undefined) entity.editions = [{ year }];
  return entity;
}

/** Adds an entity, or (same id) replaces the workspace's entry of it. */
export function putEntity(text: string | undefined, entity: Entity): CatalogEdit {
  const json = catalogJson(entity);
  if (text === undefined || !text.trim()) {
    const content = `${JSON.stringify({ version: '1', entities: [json] }, null, 2)}\n`;
    return { edits: [{ offset: 0, length: 0, content }], create: text === undefined };
  }
  const root = parseTree(text);
  const entities = root && findNodeAtLocation(root, ['entities']);
  if (!entities || entities.type !== 'array') return { edits: modify(text, ['entities'], [json], FORMAT), create: false };
  const index = entities.children?.findIndex((node) => findNodeAtLocation(node, ['id'])?.value === entity.id) ?? -1;
  return { edits: modify(text, ['entities', index], json, { ...FORMAT, ...(index < 0 ? { isArrayInsertion: true } : {}) }), create: false };
}

/** Adds an edition year to an entity, copying it from the built-in catalog when the workspace has no entry of it. */
export function addEdition(text: string | undefined, entity: Entity, year: number): CatalogEdit {
  const editions = [...(entity.editions ?? []).filter((e) => e.year !== year), { year }].sort((a, b) => a.year - b.year);
  return putEntity(text, { ...entity, editions });
}

/** Adds an alias to an entity, copying it from the built-in catalog when the workspace has no entry of it. */
export function addAlias(text: string | undefined, entity: Entity, alias: string): CatalogEdit {
  return putEntity(text, { ...entity, aliases: [...entity.aliases, alias] });
}

/** The entity as the catalog file writes it (editions without aliases or notes as plain years). */
function catalogJson(entity: Entity): Record<string, unknown> {
  const { discovered: _discovered, editions, ...fields } = entity;
  const json: Record<string, unknown> = { ...fields };
  if (editions?.length) json.editions = editions.map((e) => (e.aliases?.length || e.note ? e : e.year));
  return json;
}

/** Where each entity's entry is in a catalog's text: the range of its name (of the whole entry if it has none). */
export function entityEntries(text: string): Map<string, { start: number; end: number }> {
  const entries = new Map<string, { start: number; end: number }>();
  const root = parseTree(text);
  const entities = root && findNodeAtLocation(root, ['entities']);
  for (const entry of entities?.type === 'array' ? entities.children ?? [] : []) {
    const id = findNodeAtLocation(entry, ['id'])?.value;
    if (typeof id !== 'string' || entries.has(id)) continue;
    const name = findNodeAtLocation(entry, ['name']);
    entries.set(id, name ? { start: name.offset, end: name.offset + name.length } : { start: entry.offset, end: entry.offset + entry.length });
  }
  return entries;
}
