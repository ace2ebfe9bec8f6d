// Edits of a workspace catalog that a quick fix proposes: a new entity, a new edition of a known
// one, a new alias. Pure: from the catalog's text as the editor has it (or none, for a catalog to
// create) to text insertions with offsets.
//
// The catalog is the analyst's file: every edit here is a pure insertion. Nothing the analyst wrote
// is replaced, reflowed or removed; comments, trailing commas, line ends and indentation stay, and
// what is inserted follows the layout of its neighbours. A catalog whose syntax is broken, or whose
// lists are not lists where the edit must go, is not edited at all: the caller gets the reason.

import { type Edit, type Node } from 'jsonc-parser';
import type { Entity, EntityKind } from '../model';
import { parseCatalogTree } from './catalog';

export type CatalogEdit =
  /** Insertions into the catalog's text; for a catalog to create (`create`), one insertion of its whole text. */
  | { edits: Edit[]; create: boolean }
  /** Why the catalog cannot be edited safely as it is. */
  | { refused: string };

/** A new entity for a name nobody knows ("Zapad", exercise, 2021). */
export function newEntity(name: string, kind: EntityKind, year: number | undefined, takenIds: ReadonlySet<string>): Entity {
  const base = name.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || kind;
  let id = base;
  for (let n = 2; takenIds.has(id); n++) id = `${base}-${n}`;
  const entity: Entity = { id, kind, name, aliases: [] };
  if (year !== undefined) entity.editions = [{ year }];
  return entity;
}

/** Adds a new entity at the end of the catalog's list. */
export function addEntity(text: string | undefined, entity: Entity): CatalogEdit {
  return editCatalog(text, entity, () => undefined, (entities) => {
    const name = entity.name.toLowerCase();
    const named = (entities.children ?? []).some((entry) => entry.type === 'object' && namesOf(entry).some((n) => n.toLowerCase() === name));
    // Added already, in text not saved yet: a second entry would only shadow the first.
    return named ? `"${entity.name}" is in the workspace catalog already; save the catalog to take it into use.` : undefined;
  });
}

/**
 * Adds an edition year to an entity: into its entry's editions when the workspace catalog has the
 * entity, else as a new entry copied from the entity as known (the built-in one), which replaces it.
 */
export function addEdition(text: string | undefined, entity: Entity, year: number): CatalogEdit {
  const editions = [...(entity.editions ?? []).filter((e) => e.year !== year), { year }].sort((a, b) => a.year - b.year);
  return editCatalog(text, { ...entity, editions }, (file, entry) => {
    const list = propertyValue(entry, 'editions');
    if (!list) return addProperty(file, entry, 'editions', [year]);
    if (list.type !== 'array') return { refused: `The editions of ${entity.name} in the workspace catalog are not a list; correct them by hand.` };
    if (list.children?.some((node) => editionYear(node) === year)) return { refused: `The workspace catalog lists the ${year} edition of ${entity.name} already; save the catalog to take it into use.` };
    const later = (list.children ?? []).findIndex((node) => editionYear(node) > year);
    return later < 0 ? appendElement(file, list, year) : insertElement(file, list, later, year);
  });
}

/** Adds an alias to an entity, into its entry when the workspace catalog has it, else as a copy (see addEdition). */
export function addAlias(text: string | undefined, entity: Entity, alias: string): CatalogEdit {
  return editCatalog(text, { ...entity, aliases: [...entity.aliases, alias] }, (file, entry) => {
    const list = propertyValue(entry, 'aliases');
    if (!list) return addProperty(file, entry, 'aliases', [alias]);
    if (list.type !== 'array') return { refused: `The aliases of ${entity.name} in the workspace catalog are not a list; correct them by hand.` };
    if (list.children?.some((node) => node.value === alias)) return { refused: `"${alias}" is an alias of ${entity.name} in the workspace catalog already; save the catalog to take it into use.` };
    return appendElement(file, list, alias);
  });
}

/** The ids the catalog text gives entries, whatever else is wrong with it. */
export function catalogIds(text: string | undefined): Set<string> {
  return new Set(text === undefined ? [] : entityEntries(text).keys());
}

/** Where each entity's entry is in a catalog's text: the range of its name (of the whole entry if it has none). */
export function entityEntries(text: string): Map<string, { start: number; end: number }> {
  const entries = new Map<string, { start: number; end: number }>();
  const parsed = parseCatalogTree(text);
  const root = 'root' in parsed ? parsed.root : undefined;
  const entities = root?.type === 'object' ? propertyValue(root, 'entities') : undefined;
  for (const entry of entities?.type === 'array' ? entities.children ?? [] : []) {
    const id = entry.type === 'object' ? propertyValue(entry, 'id')?.value : undefined;
    if (typeof id !== 'string' || entries.has(id)) continue;
    const name = propertyValue(entry, 'name');
    entries.set(id, name ? { start: name.offset, end: name.offset + name.length } : { start: entry.offset, end: entry.offset + entry.length });
  }
  return entries;
}

interface CatalogText {
  text: string;
  eol: string;
}

type EntryEdit = (file: CatalogText, entry: Node) => CatalogEdit | undefined;
/** Why the list of entities must not gain `entity`, if it must not. */
type ListCheck = (entities: Node) => string | undefined;

/**
 * The one way every fix edits: `inEntry` edits the workspace entry of `entity` when there is one
 * (undefined: it has nothing to do there); otherwise `entity`, as given, is added to the list.
 */
function editCatalog(text: string | undefined, entity: Entity, inEntry: EntryEdit, check: ListCheck = () => undefined): CatalogEdit {
  const json = catalogJson(entity);
  if (text === undefined) return { edits: [{ offset: 0, length: 0, content: `${JSON.stringify({ version: '1', entities: [json] }, null, 2)}\n` }], create: true };
  const file: CatalogText = { text, eol: text.includes('\r\n') ? '\r\n' : '\n' };
  if (nextToken(text, 0) === undefined) {
    // Empty, or comments only: the catalog is written after them.
    const before = text.length && !/[\r\n]$/.test(text) ? file.eol : '';
    const content = JSON.stringify({ version: '1', entities: [json] }, null, 2).split('\n').join(file.eol);
    return { edits: [{ offset: text.length, length: 0, content: `${before}${content}${file.eol}` }], create: false };
  }
  const parsed = parseCatalogTree(text);
  if ('problem' in parsed) return { refused: `The workspace catalog cannot be edited: ${parsed.problem.message}` };
  const { root, errors } = parsed;
  if (errors.length || !root) {
    const line = lineNumber(text, errors[0]?.offset ?? 0);
    return { refused: `The workspace catalog has a syntax error on line ${line}; once it is corrected, this fix is offered again.` };
  }
  if (root.type !== 'object') return { refused: 'The workspace catalog is not a JSON object; correct it by hand.' };
  const entities = propertyValue(root, 'entities');
  if (!entities) return addProperty(file, root, 'entities', [json]);
  if (entities.type !== 'array') return { refused: 'The "entities" of the workspace catalog are not a list; correct them by hand.' };
  const refused = check(entities);
  if (refused) return { refused };
  const entry = entities.children?.find((node) => node.type === 'object' && propertyValue(node, 'id')?.value === entity.id);
  return (entry && inEntry(file, entry)) ?? appendElement(file, entities, json);
}

/** The entity as the catalog file writes it (editions without aliases or notes as plain years). */
function catalogJson(entity: Entity): Record<string, unknown> {
  const { discovered: _discovered, editions, ...fields } = entity;
  const json: Record<string, unknown> = { ...fields };
  if (editions?.length) json.editions = editions.map((e) => (e.aliases?.length || e.note ? e : e.year));
  return json;
}

function namesOf(entry: Node): string[] {
  const name = propertyValue(entry, 'name')?.value;
  const aliases = propertyValue(entry, 'aliases');
  return [name, ...(aliases?.type === 'array' ? (aliases.children ?? []).map((node) => node.value) : [])].filter((n): n is string => typeof n === 'string');
}

function editionYear(node: Node): number {
  const year = node.type === 'object' ? propertyValue(node, 'year')?.value : node.value;
  return typeof year === 'number' ? year : Number.NEGATIVE_INFINITY;
}

/** The value of an object's property; the last one when a key is written twice, as the catalog reads it. */
function propertyValue(object: Node, key: string): Node | undefined {
  let value: Node | undefined;
  for (const property of object.children ?? []) {
    if (property.children?.[0]?.value === key && property.children[1]) value = property.children[1];
  }
  return value;
}

// ---- Insertions that follow the layout of their neighbours ----

/** How a list or object lays out its members. */
interface Layout {
  /** Members stand on lines of their own. */
  multiline: boolean;
  /** Indentation of a member's line. */
  indent: string;
  /** One level of indentation in this file. */
  unit: string;
  /** "a, b" and "a": b rather than "a,b" and "a":b. */
  spaced: boolean;
  /** Lists and objects within a member are written on one line, as its neighbours' are. */
  inlineValues: boolean;
}

function addProperty(file: CatalogText, object: Node, key: string, value: unknown): CatalogEdit {
  const layout = layoutOf(file, object, value);
  return appendMember(file, object, `${JSON.stringify(key)}:${layout.spaced || layout.multiline ? ' ' : ''}${serialise(value, layout, file.eol)}`, layout);
}

function appendElement(file: CatalogText, list: Node, value: unknown): CatalogEdit {
  const layout = layoutOf(file, list, value);
  return appendMember(file, list, serialise(value, layout, file.eol), layout);
}

/** Inserts a value before the list's element `index`, with the separator its elements use. */
function insertElement(file: CatalogText, list: Node, index: number, value: unknown): CatalogEdit {
  const { text } = file;
  const members = list.children!;
  const layout = layoutOf(file, list, value);
  const target = members[index];
  let separator = layout.multiline ? `${file.eol}${layout.indent}` : layout.spaced ? ' ' : '';
  const gapFrom = members.length > 1 ? commaAfter(text, members[index > 0 ? index - 1 : 0]) : undefined;
  if (gapFrom !== undefined) {
    const next = members[index > 0 ? index : 1];
    const gap = text.slice(gapFrom + 1, next.offset);
    if (/^[ \t\r\n]*$/.test(gap)) separator = gap;
  }
  return { edits: [{ offset: target.offset, length: 0, content: `${serialise(value, layout, file.eol)},${separator}` }], create: false };
}

/** Adds a member after the last one of a list or object (a comma after the last one if it has none). */
function appendMember(file: CatalogText, container: Node, member: string, layout: Layout): CatalogEdit {
  const { text, eol } = file;
  const members = container.children ?? [];
  const open = container.offset + 1;
  if (!members.length) {
    const close = container.offset + container.length - 1;
    const between = text.slice(open, close);
    if (!layout.multiline) return { edits: [{ offset: open, length: 0, content: member }], create: false };
    const content = /[\r\n]/.test(between) ? `${eol}${layout.indent}${member}` : `${eol}${layout.indent}${member}${eol}${indentOf(text, container.offset)}`;
    return { edits: [{ offset: open, length: 0, content }], create: false };
  }
  const last = members[members.length - 1];
  const end = last.offset + last.length;
  const comma = commaAfter(text, last);
  const edits: Edit[] = comma === undefined ? [{ offset: end, length: 0, content: ',' }] : [];
  const afterComma = comma === undefined ? end : comma + 1;
  if (layout.multiline) {
    // After the comments that end the last member's line, so that they stay with it.
    const at = endOfLine(text, afterComma);
    edits.push({ offset: at, length: 0, content: `${eol}${layout.indent}${member}` });
  } else {
    edits.push({ offset: afterComma, length: 0, content: `${layout.spaced || comma !== undefined ? ' ' : ''}${member}` });
  }
  return { edits: mergeAdjacent(edits), create: false };
}

function mergeAdjacent(edits: Edit[]): Edit[] {
  if (edits.length === 2 && edits[0].offset === edits[1].offset) return [{ offset: edits[0].offset, length: 0, content: edits[0].content + edits[1].content }];
  return edits;
}

function layoutOf(file: CatalogText, container: Node, value: unknown): Layout {
  const { text } = file;
  const members = container.children ?? [];
  const containerIndent = indentOf(text, container.offset);
  const unit = indentUnit(text);
  if (!members.length) {
    const between = text.slice(container.offset + 1, container.offset + container.length - 1);
    const structured = typeof value === 'object' && value !== null;
    const multiline = /[\r\n]/.test(between) || (structured && /[\r\n]/.test(text));
    return { multiline, indent: containerIndent + unit, unit, spaced: true, inlineValues: !multiline };
  }
  const last = members[members.length - 1];
  const multiline = startsLine(text, members[0].offset) || startsLine(text, last.offset);
  const own = startsLine(text, last.offset) ? last : members[0];
  const indent = multiline ? indentOf(text, own.offset) : containerIndent + unit;
  const memberUnit = indent.startsWith(containerIndent) && indent.length > containerIndent.length ? indent.slice(containerIndent.length) : unit;
  const sample = text.slice(container.offset, container.offset + container.length);
  // The last neighbour that holds a list or an object shows how this file writes them.
  const values = container.type === 'object' ? members.map((p) => p.children?.[1]) : members;
  const structured = values.filter((v): v is Node => v?.type === 'array' || v?.type === 'object').pop();
  const inlineValues = !multiline || (!!structured && !/[\r\n]/.test(text.slice(structured.offset, structured.offset + structured.length)));
  return { multiline, indent, unit: memberUnit, spaced: /[,:][ \t]/.test(sample) || multiline, inlineValues };
}

/** A value as its neighbours are written: over several lines at the member's indentation, or on one line. */
function serialise(value: unknown, layout: Layout, eol: string): string {
  const structured = typeof value === 'object' && value !== null;
  if (structured && !layout.inlineValues) return JSON.stringify(value, null, layout.unit).split('\n').join(`${eol}${layout.indent}`);
  return layout.spaced ? JSON.stringify(value, null, 1).replace(/\n */g, ' ') : JSON.stringify(value);
}

function indentUnit(text: string): string {
  let smallest: string | undefined;
  for (const match of text.slice(0, 20000).matchAll(/\n([ \t]+)\S/g)) {
    if (match[1].startsWith('\t')) return '\t';
    if (!smallest || match[1].length < smallest.length) smallest = match[1];
  }
  return smallest ?? '  ';
}

function lineStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

function indentOf(text: string, offset: number): string {
  const start = lineStart(text, offset);
  return /^[ \t]*/.exec(text.slice(start, offset))![0];
}

function startsLine(text: string, offset: number): boolean {
  return /^[ \t]*$/.test(text.slice(lineStart(text, offset), offset));
}

function lineNumber(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}

/** The offset of the comma after a member (past white space and comments), if one follows it. */
function commaAfter(text: string, member: Node): number | undefined {
  const next = nextToken(text, member.offset + member.length);
  return next !== undefined && text[next] === ',' ? next : undefined;
}

/** The offset of the next character that is neither white space nor in a comment, or undefined. */
function nextToken(text: string, from: number): number | undefined {
  let i = from;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === '\ufeff') i++;
    else if (c === '/' && text[i + 1] === '/') i = lineEndAt(text, i);
    else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? text.length : close + 2;
    } else return i;
  }
  return undefined;
}

/**
 * Where a new line can start after `from`: the end of its line when only white space and
 * comments follow on it, else `from` itself (a bracket or a comment over several lines follows).
 */
function endOfLine(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text[i];
    if (c === '\n' || c === '\r') return i;
    if (c === ' ' || c === '\t') i++;
    else if (c === '/' && text[i + 1] === '/') return lineEndAt(text, i);
    else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      if (close < 0 || /[\r\n]/.test(text.slice(i, close))) return from;
      i = close + 2;
    } else return from;
  }
  return i;
}

function lineEndAt(text: string, from: number): number {
  let i = from;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}
