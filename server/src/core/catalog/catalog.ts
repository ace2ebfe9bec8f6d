// The reference catalog: parsing, validation (with the offsets a diagnostic needs) and merging of a
// workspace catalog over the built-in one.

import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { ENTITY_KINDS, type Edition, type Entity, type EntityKind, type LanguageNames } from '../model';
import { hasCyrillic } from '../text/russian';
import { russianNamesOf } from './entities';

export interface Catalog {
  version: string;
  entities: Entity[];
}

export interface CatalogProblem {
  severity: 'error' | 'warning';
  message: string;
  start: number;
  end: number;
}

export interface CatalogResult {
  /** Undefined when the catalog has an error: the caller keeps its last good catalog. */
  catalog?: Catalog;
  problems: CatalogProblem[];
}

type JsonPath = (string | number)[];

const ENTITY_PROPERTIES = new Set([
  'id', 'kind', 'name', 'aliases', 'parent', 'description', 'commonWord', 'notAfter', 'notBefore', 'shortForms', 'editions', 'ru',
]);
const EDITION_PROPERTIES = new Set(['year', 'aliases', 'note']);
const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

class Validator {
  readonly problems: CatalogProblem[] = [];
  constructor(private readonly root: Node | undefined) {}

  /** Reports at the value of `path`, or at its property name with `at: 'name'` (for unknown properties). */
  report(path: JsonPath, message: string, severity: CatalogProblem['severity'] = 'error', at: 'value' | 'name' = 'value'): void {
    const node = this.root ? findNodeAtLocation(this.root, path) : undefined;
    const name = node?.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
    const target = at === 'name' && name ? name : node;
    const start = target?.offset ?? 0;
    this.problems.push({ severity, message, start, end: start + (target?.length ?? 1) });
  }

  string(value: unknown, path: JsonPath, what: string): value is string {
    if (typeof value === 'string' && value.trim()) return true;
    this.report(path, `${what} must be a non-empty string.`);
    return false;
  }

  strings(value: unknown, path: JsonPath, what: string): string[] {
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      this.report(path, `${what} must be a list of strings.`);
      return [];
    }
    return value.filter((item, i) => this.string(item, [...path, i], `Each entry of ${what}`));
  }

  get hasErrors(): boolean {
    return this.problems.some((p) => p.severity === 'error');
  }
}

/**
 * Parses and validates catalog text. Errors leave `catalog` undefined; warnings do not.
 * `knownIds` are entities of the catalog this one is merged over, which parents may name.
 */
export function parseCatalog(text: string, knownIds?: ReadonlySet<string>): CatalogResult {
  const parsed = parseCatalogTree(text);
  if ('problem' in parsed) return { problems: [parsed.problem] };
  const { root, errors } = parsed;
  if (errors.length || !root) {
    const problems: CatalogProblem[] = errors.map((e) => ({
      severity: 'error',
      message: `The catalog is not valid JSON: ${describeParseError(printParseErrorCode(e.error))}.`,
      start: e.offset,
      end: e.offset + Math.max(1, e.length),
    }));
    if (!problems.length) problems.push({ severity: 'error', message: 'The catalog is empty.', start: 0, end: 1 });
    return { problems };
  }
  // Objects come out without a prototype: a "__proto__" key is an ordinary (and refused) key.
  return validateCatalog(getNodeValue(root) as unknown, knownIds, new Validator(root));
}

/**
 * The syntax tree of catalog text read as JSONC: comments and trailing commas are allowed, and a
 * byte order mark at the start counts as white space (offsets stay those of the text given).
 * A text nested too deep for the recursive parser is refused before it is parsed.
 */
export function parseCatalogTree(text: string): { root: Node | undefined; errors: ParseError[] } | { problem: CatalogProblem } {
  const deep = firstTooDeep(text);
  if (deep >= 0) return { problem: { severity: 'error', message: `The catalog nests arrays or objects more than ${MAX_CATALOG_DEPTH} deep; a catalog needs a few levels.`, start: deep, end: deep + 1 } };
  const errors: ParseError[] = [];
  const source = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
  const root = parseTree(source, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  return { root, errors };
}

/** Far deeper than any catalog (entities → entity → editions → edition → aliases is five). */
export const MAX_CATALOG_DEPTH = 64;

/**
 * The offset of the first bracket or brace that opens a level deeper than MAX_CATALOG_DEPTH, or -1.
 * Read as the parser reads: brackets in strings and comments do not count, and a string ends at
 * the end of its line.
 */
function firstTooDeep(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) i = stringEnd(text, i);
    else if (c === 47 && text.charCodeAt(i + 1) === 47) i = lineEnd(text, i);
    else if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? text.length : close + 1;
    } else if (c === 91 || c === 123) {
      if (++depth > MAX_CATALOG_DEPTH) return i;
    } else if (c === 93 || c === 125) depth--;
  }
  return -1;
}

/** The offset of the quote that closes the string opened at `open`, or of the end of its line. */
function stringEnd(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) i++; // backslash: the next character is escaped
    else if (c === 34 || c === 10 || c === 13) return i;
  }
  return text.length;
}

function lineEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return text.length;
}

function describeParseError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** Validates an already parsed catalog value (used for the bundled copy, which has no text offsets). */
export function validateCatalog(value: unknown, knownIds?: ReadonlySet<string>, validator = new Validator(undefined)): CatalogResult {
  if (!isObject(value)) {
    validator.report([], 'The catalog must be a JSON object with "version" and "entities".');
    return { problems: validator.problems };
  }
  for (const key of Object.keys(value)) {
    if (!['$schema', 'version', 'entities'].includes(key)) validator.report([key], `Unknown top-level property "${key}".`, 'error', 'name');
  }
  validator.string(value.version, ['version'], '"version"');
  if (!Array.isArray(value.entities)) {
    validator.report(['entities'], '"entities" must be a list.');
    return { problems: validator.problems };
  }
  const entities: Entity[] = [];
  const ids = new Map<string, number>();
  value.entities.forEach((raw, i) => {
    const entity = readEntity(raw, ['entities', i], validator);
    if (!entity) return;
    if (ids.has(entity.id)) validator.report(['entities', i, 'id'], `The id "${entity.id}" is used twice (also by entity ${ids.get(entity.id)! + 1}).`);
    ids.set(entity.id, i);
    entities.push(entity);
  });
  // An entity refused for another reason still exists as a parent: one mistake, one message.
  const declared = new Set<string>(knownIds ?? []);
  for (const raw of value.entities) if (isObject(raw) && typeof raw.id === 'string') declared.add(raw.id);
  checkParents(entities, ids, validator, declared);
  checkSharedNames(entities, ids, validator);
  if (validator.hasErrors) return { problems: validator.problems };
  return { catalog: { version: String(value.version), entities }, problems: validator.problems };
}

function readEntity(raw: unknown, path: JsonPath, v: Validator): Entity | undefined {
  if (!isObject(raw)) {
    v.report(path, 'Each entity must be an object.');
    return undefined;
  }
  for (const key of Object.keys(raw)) {
    if (!ENTITY_PROPERTIES.has(key)) v.report([...path, key], `Unknown entity property "${key}".`, 'error', 'name');
  }
  const ok = [
    v.string(raw.id, [...path, 'id'], '"id"'),
    v.string(raw.name, [...path, 'name'], '"name"'),
  ].every(Boolean);
  if (typeof raw.id === 'string' && !ID_PATTERN.test(raw.id)) {
    v.report([...path, 'id'], `The id "${raw.id}" must use lower-case letters, digits and hyphens only.`);
  }
  if (!ENTITY_KINDS.includes(raw.kind as EntityKind)) {
    v.report([...path, 'kind'], `"kind" must be one of ${ENTITY_KINDS.join(', ')}.`);
    return undefined;
  }
  if (!ok) return undefined;
  const entity: Entity = {
    id: raw.id as string,
    kind: raw.kind as EntityKind,
    name: (raw.name as string).trim(),
    aliases: v.strings(raw.aliases, [...path, 'aliases'], '"aliases"').map((a) => a.trim()),
  };
  if (raw.parent !== undefined && v.string(raw.parent, [...path, 'parent'], '"parent"')) entity.parent = raw.parent as string;
  if (raw.description !== undefined && v.string(raw.description, [...path, 'description'], '"description"')) {
    entity.description = raw.description as string;
  }
  if (raw.commonWord !== undefined) {
    if (typeof raw.commonWord === 'boolean') entity.commonWord = raw.commonWord;
    else if (Array.isArray(raw.commonWord)) entity.commonWord = v.strings(raw.commonWord, [...path, 'commonWord'], '"commonWord"');
    else v.report([...path, 'commonWord'], '"commonWord" must be true, false, or the list of names that are ordinary words.');
  }
  for (const key of ['notAfter', 'notBefore', 'shortForms'] as const) {
    if (raw[key] !== undefined) entity[key] = v.strings(raw[key], [...path, key], `"${key}"`);
  }
  if (raw.editions !== undefined) entity.editions = readEditions(raw.editions, entity.kind, [...path, 'editions'], v);
  if (raw.ru !== undefined) {
    const ru = readLanguageNames(raw.ru, [...path, 'ru'], v);
    if (ru) entity.ru = ru;
  }
  return entity;
}

/** `"ru": {"name": "…", "aliases": ["…"]}`: the entity's names in Russian, written in Cyrillic. */
function readLanguageNames(raw: unknown, path: JsonPath, v: Validator): LanguageNames | undefined {
  if (!isObject(raw)) {
    v.report(path, '"ru" must be an object with the Russian "name" and, if any, its "aliases".');
    return undefined;
  }
  for (const key of Object.keys(raw)) {
    if (key !== 'name' && key !== 'aliases') v.report([...path, key], `Unknown property "${key}" of "ru": it takes "name" and "aliases".`, 'error', 'name');
  }
  if (!v.string(raw.name, [...path, 'name'], 'The Russian "name"')) return undefined;
  const names = { name: (raw.name as string).trim(), aliases: v.strings(raw.aliases, [...path, 'aliases'], 'The Russian "aliases"').map((a) => a.trim()) };
  [names.name, ...names.aliases].forEach((name, i) => {
    if (!hasCyrillic(name)) v.report(i === 0 ? [...path, 'name'] : [...path, 'aliases', i - 1], `"${name}" has no Cyrillic letter: a Russian name is written in Cyrillic; its Latin spellings are generated.`, 'warning');
  });
  return names;
}

function readEditions(raw: unknown, kind: EntityKind, path: JsonPath, v: Validator): Edition[] {
  if (kind !== 'exercise' && kind !== 'operation') {
    v.report(path, 'Only exercises and operations have editions.');
    return [];
  }
  if (!Array.isArray(raw)) {
    v.report(path, '"editions" must be a list of {"year": ...} objects.');
    return [];
  }
  const editions: Edition[] = [];
  const years = new Set<number>();
  raw.forEach((item, i) => {
    const itemPath = [...path, i];
    const value = typeof item === 'number' ? { year: item } : item;
    if (!isObject(value)) return v.report(itemPath, 'An edition must be a year or an object with a "year".');
    for (const key of Object.keys(value)) {
      if (!EDITION_PROPERTIES.has(key)) v.report([...itemPath, key], `Unknown edition property "${key}".`, 'error', 'name');
    }
    const year = value.year;
    if (typeof year !== 'number' || !Number.isInteger(year) || year < 1992 || year > 2100) {
      return v.report([...itemPath, 'year'], '"year" must be a whole year from 1992 (the Treaty) to 2100.');
    }
    if (years.has(year)) v.report([...itemPath, 'year'], `The edition ${year} is listed twice.`);
    years.add(year);
    const edition: Edition = { year };
    if (value.aliases !== undefined) edition.aliases = v.strings(value.aliases, [...itemPath, 'aliases'], '"aliases"');
    if (value.note !== undefined && v.string(value.note, [...itemPath, 'note'], '"note"')) edition.note = value.note as string;
    editions.push(edition);
  });
  return editions.sort((a, b) => a.year - b.year);
}

function checkParents(entities: Entity[], ids: Map<string, number>, v: Validator, known?: ReadonlySet<string>): void {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const endless = new Map<string, boolean>();
  for (const entity of entities) {
    if (!entity.parent) continue;
    const index = ids.get(entity.id)!;
    if (!byId.has(entity.parent) && !known?.has(entity.parent)) {
      v.report(['entities', index, 'parent'], `The parent "${entity.parent}" of "${entity.name}" is not in the catalog.`);
      continue;
    }
    if (endlessAncestry(entity, byId, endless)) v.report(['entities', index, 'parent'], `"${entity.name}" is its own ancestor (parents form a loop).`);
  }
}

/**
 * True when following parents from an entity never ends (it reaches a loop). Each entity is
 * walked once for the whole catalog, the answer kept for every entity on the way: walking every
 * chain again was quadratic (a chain of 50,000 parents took minutes).
 */
function endlessAncestry(entity: Entity, byId: ReadonlyMap<string, Entity>, endless: Map<string, boolean>): boolean {
  const path: string[] = [];
  const onPath = new Set<string>();
  let answer = false;
  for (let e: Entity | undefined = entity; e; e = e.parent ? byId.get(e.parent) : undefined) {
    const known = endless.get(e.id);
    if (known !== undefined) {
      answer = known;
      break;
    }
    if (onPath.has(e.id)) {
      answer = true;
      break;
    }
    path.push(e.id);
    onPath.add(e.id);
  }
  for (const id of path) endless.set(id, answer);
  return answer;
}

function checkSharedNames(entities: Entity[], ids: Map<string, number>, v: Validator): void {
  const owners = new Map<string, Entity>();
  for (const entity of entities) {
    for (const name of [entity.name, ...entity.aliases, ...russianNamesOf(entity)]) {
      const key = name.toLowerCase();
      const owner = owners.get(key);
      if (owner && owner.id !== entity.id) {
        v.report(
          ['entities', ids.get(entity.id)!, name === entity.name ? 'name' : entity.aliases.includes(name) ? 'aliases' : 'ru'],
          `"${name}" names both "${owner.name}" and "${entity.name}"; the first one wins.`,
          'warning',
        );
      } else owners.set(key, entity);
    }
  }
}

/** A workspace catalog merged over the built-in one: same id replaces, new ids are added. */
export function mergeCatalogs(base: Catalog, overlay: Catalog | undefined): Catalog {
  if (!overlay) return base;
  const merged = new Map(base.entities.map((e) => [e.id, e]));
  for (const entity of overlay.entities) merged.set(entity.id, entity);
  return { version: `${base.version}+${overlay.version}`, entities: [...merged.values()] };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
