import Ajv from 'ajv';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { mergeCatalogs, parseCatalog } from '../../server/src/core/catalog/catalog';
import { decodeCatalog } from '../../server/src/core/text/decode';
import { numberVariants } from '../../server/src/core/analysis/nameForms';
import { Knowledge } from '../../server/src/core/analysis/knowledge';
import { bundledCatalog, CORPUS, mentionIds, REPO_ROOT } from './helpers';

const catalogText = readFileSync(join(CORPUS, 'catalog.json'), 'utf8');

/** The catalog text after a change to its entities, keyed by id. */
function edited(change: (byId: Record<string, Record<string, unknown>>) => void): string {
  const catalog = JSON.parse(catalogText) as { entities: Record<string, unknown>[] };
  change(Object.fromEntries(catalog.entities.map((e) => [e.id as string, e])));
  return JSON.stringify(catalog, null, 2);
}
const schema = JSON.parse(readFileSync(join(CORPUS, 'catalog.schema.json'), 'utf8'));

function problemAt(text: string, needle: string) {
  const result = parseCatalog(text);
  assert.equal(result.catalog, undefined, 'a broken catalog must not be used');
  const at = text.lastIndexOf(needle);
  const problem = result.problems.find((p) => p.start <= at + needle.length && p.end >= at);
  assert.ok(problem, `no problem reported at ${needle}: ${JSON.stringify(result.problems)}`);
  return problem;
}

describe('the bundled catalog', () => {
  it('is valid for both the server and its JSON schema', () => {
    const result = parseCatalog(catalogText);
    assert.deepEqual(result.problems.filter((p) => p.severity === 'error'), []);
    // allowComments and allowTrailingCommas are VS Code's keywords: its JSON editor then reads the catalog as JSONC.
    const validate = new Ajv({ allErrors: true }).addKeyword('allowComments').addKeyword('allowTrailingCommas').compile(schema);
    assert.ok(validate(JSON.parse(catalogText)), JSON.stringify(validate.errors));
  });

  it('is the catalog package.json contributes the schema for', () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
    assert.deepEqual(pkg.contributes.jsonValidation[0], { fileMatch: ['**/corpus/catalog.json', '*.catalog.json'], url: './corpus/catalog.schema.json' });
  });

  it('cannot be pointed elsewhere by an untrusted workspace: every setting that names files is restricted there', () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
    const naming = Object.entries(pkg.contributes.configuration.properties as Record<string, { markdownDescription?: string }>)
      .filter(([, p]) => /Globs|Path/.test(p.markdownDescription ?? ''))
      .map(([name]) => name)
      .sort();
    assert.deepEqual(naming, ['corpusLens.catalog', 'corpusLens.corpus', 'corpusLens.exclude', 'corpusLens.notes']);
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.deepEqual([...pkg.capabilities.untrustedWorkspaces.restrictedConfigurations].sort(), naming);
  });

  it('lists every variant the seed corpus uses under one entity', () => {
    const names = (id: string) => {
      const entity = bundledCatalog().entities.find((e) => e.id === id)!;
      return [entity.name, ...entity.aliases, ...(entity.editions ?? []).flatMap((e) => e.aliases ?? [])];
    };
    assert.ok(names('mercenary').includes('Hired guns'));
    assert.ok(names('proxy').includes('PROXI'));
    assert.ok(names('illegal').includes('Illegal alien'));
    assert.ok(names('crisis-response-center').includes('Crisis Reaction Center'));
    assert.ok(names('council-of-defence-ministers').includes('Council of Defense Ministers'));
    assert.ok(names('collective-rapid-reaction-force').includes('CRRF'));
    for (const alias of ['CPF', 'Peacekeeping Forces']) assert.ok(names('collective-peacekeeping-forces').includes(alias));
    assert.ok(names('indestructible-brotherhood').includes('Inviolable Brotherhood 2020'));
  });

  it('gives exercises their series, parents and editions', () => {
    const brotherhood = bundledCatalog().entities.find((e) => e.id === 'indestructible-brotherhood')!;
    assert.equal(brotherhood.kind, 'exercise');
    assert.equal(brotherhood.parent, 'combat-brotherhood');
    assert.deepEqual(brotherhood.editions?.map((e) => e.year), [2020, 2021, 2022, 2023, 2024]);
    const kinds = new Set(bundledCatalog().entities.map((e) => e.kind));
    for (const kind of ['body', 'operation', 'exercise']) assert.ok(kinds.has(kind as never), kind);
  });

  it('describes every property the server accepts, and nothing else', () => {
    const schemaProperties = Object.keys(schema.definitions.entity.properties).sort();
    const withUnknown = catalogText.replace('"id": "csto",', '"id": "csto", "colour": "red",');
    assert.match(problemAt(withUnknown, '"colour"').message, /Unknown entity property "colour"/);
    for (const property of schemaProperties) {
      assert.ok(!parseCatalog(catalogText.replace('"id": "csto",', `"id": "csto", "${property}": 0,`)).problems.some((p) => /Unknown entity property/.test(p.message)), property);
    }
  });
});

describe('parseCatalog: problems a person can act on', () => {
  it('points at the place where the JSON breaks', () => {
    const broken = catalogText.replace('"kind": "body",', '"kind": "body"');
    const problem = parseCatalog(broken).problems[0];
    assert.match(problem.message, /not valid JSON: comma expected/);
    assert.ok(problem.start > broken.indexOf('"kind": "body"') && problem.start < broken.indexOf('"kind": "body"') + 40);
  });

  it('reads the catalog as JSONC: comments, trailing commas and a byte order mark are fine', () => {
    const text = '\ufeff{\n  // ours\n  "version": "w1", /* bumped by hand */\n  "entities": [\n    { "id": "granite", "kind": "exercise", "name": "Granite", "aliases": ["Granit",], },\n  ],\n}\n';
    const result = parseCatalog(text);
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.catalog!.entities, [{ id: 'granite', kind: 'exercise', name: 'Granite', aliases: ['Granit'] }]);
  });

  it('puts a problem of a catalog saved with a byte order mark on the characters the editor shows', () => {
    // The editor drops the mark from the text it shows: so does decodeCatalog, and the positions agree.
    const bytes = new TextEncoder().encode('\ufeff{"version":"w1","entities":[{"id":"granite","kind":"exercise","name":"Granite","parent":"nowhere"}]}');
    const text = decodeCatalog(bytes);
    assert.equal(text[0], '{');
    const problem = problemAt(text, '"nowhere"');
    assert.equal(text.slice(problem.start, problem.end), '"nowhere"');
  });

  it('counts no bracket in a comment or a string towards the nesting limit, and every bracket outside them', () => {
    const commented = `{ "version": "1", // ${'['.repeat(200)} "quoted
 "entities": [] /* ${'{'.repeat(200)} */ }`;
    assert.deepEqual(parseCatalog(commented).problems, []);
    const hidden = `{ "version": "1", // a "quote in a comment
 "entities": ${'['.repeat(5000)} }`;
    assert.match(parseCatalog(hidden).problems[0].message, /nests arrays or objects more than 64 deep/);
  });

  it('refuses a catalog of 5,000 nested brackets with one problem instead of overflowing the stack', () => {
    const nested = `{"entities": ${'['.repeat(5000)}${']'.repeat(5000)}}`;
    const { catalog, problems } = parseCatalog(nested);
    assert.equal(catalog, undefined);
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /nests arrays or objects more than 64 deep/);
    assert.equal(problems[0].start, nested.indexOf('[') + 63);
  });

  it('names the wrong kind, the duplicate id and the missing parent at their places', () => {
    assert.equal(parseCatalog(catalogText.replace('"kind": "exercise"', '"kind": "drill"')).problems.length, 1, 'one mistake, one message');
    assert.match(problemAt(catalogText.replace('"kind": "exercise"', '"kind": "drill"'), '"kind": "drill"').message, /"kind" must be one of body, operation, exercise/);
    assert.match(problemAt(catalogText.replace('"id": "joint-staff"', '"id": "secretariat"'), '"id": "secretariat"').message, /used twice/);
    assert.match(problemAt(catalogText.replace('"parent": "secretariat"', '"parent": "nowhere"'), '"nowhere"').message, /parent "nowhere" of "Crisis Response Center" is not in the catalog/);
  });

  it('checks a chain of 50,000 parents once (it was walked again from every entity), and the entities led into a loop', () => {
    const chain = Array.from({ length: 50_000 }, (_, i) => ({ id: `body-${i}`, kind: 'body', name: `Body Number ${i}`, ...(i ? { parent: `body-${i - 1}` } : {}) }));
    assert.deepEqual(parseCatalog(JSON.stringify({ version: 'chain', entities: chain })).problems, []);
    const looped = [...chain.slice(0, 3), { id: 'a', kind: 'body', name: 'A', parent: 'c' }, { id: 'b', kind: 'body', name: 'B', parent: 'a' }, { id: 'c', kind: 'body', name: 'C', parent: 'b' }, { id: 'd', kind: 'body', name: 'D', parent: 'a' }];
    const messages = parseCatalog(JSON.stringify({ version: 'loop', entities: looped })).problems.map((p) => p.message);
    assert.deepEqual(messages, ['"A" is its own ancestor (parents form a loop).', '"B" is its own ancestor (parents form a loop).', '"C" is its own ancestor (parents form a loop).', '"D" is its own ancestor (parents form a loop).']);
  });

  it('builds the knowledge of hostile catalogs in bounded time, and still finds their names: 50,000 entities, 10,000 aliases, 10 kB names, regex characters', () => {
    const knowledgeOf = (entities: unknown[]) => {
      const { catalog, problems } = parseCatalog(JSON.stringify({ version: 'hostile', entities }), new Set(bundledCatalog().entities.map((e) => e.id)));
      assert.deepEqual(problems, []);
      return new Knowledge(mergeCatalogs(bundledCatalog(), catalog));
    };
    const many = knowledgeOf(Array.from({ length: 50_000 }, (_, i) => ({ id: `e-${i}`, kind: 'exercise', name: `Drill ${i}` })));
    assert.deepEqual(mentionIds(many, 'The exercise Drill 49999 and the Collective Security Council.'), ['e-49999', 'collective-security-council']);
    const aliases = knowledgeOf([{ id: 'many', kind: 'exercise', name: 'Many', aliases: Array.from({ length: 10_000 }, (_, i) => `Alias Number ${i}`) }]);
    assert.deepEqual(mentionIds(aliases, 'Then Alias Number 9999 began.'), ['many']);
    // Sixteen names of 1,300 words each: every "Council" in them used to give a variant of the whole name (out of memory).
    const long = Array.from({ length: 16 }, (_, i) => ({ id: `long-${i}`, kind: 'body', name: `Council${i} ${'Council '.repeat(1300).trim()}` }));
    assert.deepEqual(numberVariants(long[0].name).length, 2, 'two variants of the name, not one per "Council"');
    assert.deepEqual(numberVariants('Collective Rapid Reaction Forces'), ['Collective Rapid Reaction Force']);
    const longKnowledge = knowledgeOf(long);
    assert.deepEqual(mentionIds(longKnowledge, `It was the ${long[3].name}.`), ['long-3']);
    // Names are words, never patterns: ".*" matches nothing, "(A|B)" is the two words.
    const meta = knowledgeOf([{ id: 'meta', kind: 'operation', name: 'Kanal (A|B)', aliases: ['(', '.*', '$&', '\\'] }]);
    assert.deepEqual(mentionIds(meta, 'Anything at all (or nothing) .* $& \\ happened.'), []);
    assert.deepEqual(mentionIds(meta, 'Operation Kanal A B went on.'), ['meta']);
  });

  it('refuses __proto__ and constructor as ids and keys, one problem each, and pollutes nothing', () => {
    const text = '{"version":"p","__proto__":{"polluted":1},"entities":[{"id":"__proto__","kind":"body","name":"Proto Council"},{"id":"constructor","kind":"body","name":"constructor","__proto__":{"x":1}}]}';
    const { catalog, problems } = parseCatalog(text);
    assert.equal(catalog, undefined);
    assert.deepEqual(problems.map((p) => p.message), [
      'Unknown top-level property "__proto__".',
      'The id "__proto__" must use lower-case letters, digits and hyphens only.',
      'Unknown entity property "__proto__".',
    ]);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('gives one problem for each wrong type, wherever it is', () => {
    const { catalog, problems } = parseCatalog(JSON.stringify({ version: 5, entities: [{ id: 5, kind: 'body', name: {} }, null, 'str', { id: 'ok', kind: 'exercise', name: 'Fine', aliases: [1, 'Fine One'], editions: 'x', parent: 7 }] }));
    assert.equal(catalog, undefined);
    assert.deepEqual(problems.map((p) => p.message), [
      '"version" must be a non-empty string.',
      '"id" must be a non-empty string.',
      '"name" must be a non-empty string.',
      'Each entity must be an object.',
      'Each entity must be an object.',
      'Each entry of "aliases" must be a non-empty string.',
      '"parent" must be a non-empty string.',
      '"editions" must be a list of {"year": ...} objects.',
    ]);
  });

  it('refuses parents that form a loop and editions on a body', () => {
    const loop = edited((e) => {
      e.interaction.parent = 'search';
      e.search.parent = 'interaction';
    });
    assert.ok(parseCatalog(loop).problems.some((p) => /its own ancestor/.test(p.message)));
    const bodyEditions = edited((e) => {
      e['joint-staff'].editions = [2099];
    });
    assert.match(problemAt(bodyEditions, '2099').message, /Only exercises and operations have editions/);
  });

  it('warns, without refusing, when two entities share a name', () => {
    const shared = edited((e) => {
      e.search.aliases = ['Poisk', 'Interaction'];
    });
    const result = parseCatalog(shared);
    assert.ok(result.catalog);
    assert.ok(result.problems.some((p) => p.severity === 'warning' && /"Interaction" names both "Interaction" and "Search"/.test(p.message)));
  });

  it('lets a workspace catalog replace an entity by id, add its own, and name built-in parents', () => {
    const workspace = parseCatalog(
      JSON.stringify({ version: 'w1', entities: [
        { id: 'search', kind: 'exercise', name: 'Search', aliases: ['Poisk', 'Search exercise'], commonWord: true },
        { id: 'granite', kind: 'exercise', name: 'Granite', parent: 'combat-brotherhood', commonWord: true },
      ] }),
      new Set(bundledCatalog().entities.map((e) => e.id)),
    );
    assert.ok(workspace.catalog, JSON.stringify(workspace.problems));
    const merged = mergeCatalogs(bundledCatalog(), workspace.catalog);
    assert.equal(merged.version, `${bundledCatalog().version}+w1`);
    assert.deepEqual(merged.entities.find((e) => e.id === 'search')!.aliases, ['Poisk', 'Search exercise']);
    assert.equal(merged.entities.length, bundledCatalog().entities.length + 1);
  });
});
