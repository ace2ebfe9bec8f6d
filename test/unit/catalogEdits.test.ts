import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, type Edit } from 'jsonc-parser';
import { addAlias, addEdition, addEntity, catalogIds, newEntity, type CatalogEdit } from '../../server/src/core/catalog/catalogEdits';
import { parseCatalog } from '../../server/src/core/catalog/catalog';
import type { Entity } from '../../server/src/core/model';
import { CorpusIndex } from '../../server/src/core/index/corpusIndex';
import { NoteIndex } from '../../server/src/core/index/noteIndex';
import { createLanguageService } from '../../server/src/core/languageService';
import { bundledCatalog, bundledKnowledge } from './helpers';

const builtInIds = new Set(bundledCatalog().entities.map((e) => e.id));

function edits(edit: CatalogEdit): Edit[] {
  assert.ok('edits' in edit, `the fix was refused: ${'refused' in edit ? edit.refused : ''}`);
  return edit.edits;
}

/**
 * The catalog a fix leaves, checked the way the server reads a workspace catalog; and the proof that
 * it only inserted: taking its insertions out of the result gives back the text before, byte for byte.
 */
function after(text: string | undefined, edit: CatalogEdit) {
  const insertions = edits(edit);
  assert.ok(insertions.every((e) => e.length === 0), 'only insertions');
  const written = applyEdits(text ?? '', insertions);
  const result = parseCatalog(written, builtInIds);
  assert.deepEqual(result.problems, [], written);
  let restored = written;
  for (const e of [...insertions].sort((a, b) => b.offset - a.offset)) restored = restored.slice(0, e.offset) + restored.slice(e.offset + e.content.length);
  assert.equal(restored, text ?? '', 'every byte of the catalog before is kept');
  return { written, catalog: result.catalog! };
}

const entity = (fields: Partial<Entity> & Pick<Entity, 'id' | 'name'>): Entity => ({ kind: 'exercise', aliases: [], ...fields });

/** A workspace catalog as an analyst writes one: comments, trailing commas, four-space indentation. */
const JSONC = [
  '{',
  '    // Our own additions to the CSTO catalog.',
  '    "version": "w1",',
  '    "entities": [',
  '        {',
  '            "id": "steppe-shield", /* seen in 2023 only */',
  '            "kind": "exercise",',
  '            "name": "Steppe Shield",',
  '            "aliases": ["Stepnoy Shchit",],',
  '            "editions": [',
  '                2021,',
  '                { "year": 2023, "note": "in Kazakhstan" }, // the last one',
  '            ],',
  '            "description": "Our note: not in the built-in catalog.",',
  '        }, // end of Steppe Shield',
  '    ],',
  '}',
  '',
].join('\n');

describe('workspace catalog edits of the quick fixes', () => {
  it('creates a catalog with a new entity when the workspace has none', () => {
    const edit = addEntity(undefined, newEntity('Zapad', 'exercise', 2021, builtInIds));
    assert.ok('create' in edit && edit.create);
    assert.deepEqual(after(undefined, edit).catalog.entities, [{ id: 'zapad', kind: 'exercise', name: 'Zapad', aliases: [], editions: [{ year: 2021 }] }]);
  });

  it('writes the catalog into a file that is empty or holds only comments, keeping them', () => {
    for (const text of ['', '\n', '// to fill in\n', '/* later */']) {
      const { written, catalog } = after(text, addEntity(text, newEntity('Zapad', 'exercise', undefined, builtInIds)));
      assert.deepEqual(catalog.entities.map((e) => e.id), ['zapad'], written);
    }
  });

  it('adds an entity after the last one and keeps the comments, trailing commas and indentation of the file', () => {
    const { written, catalog } = after(JSONC, addEntity(JSONC, newEntity('Zapad', 'exercise', 2021, builtInIds)));
    assert.deepEqual(catalog.entities.map((e) => e.id), ['steppe-shield', 'zapad']);
    assert.ok(written.includes('        }, // end of Steppe Shield\n        {\n            "id": "zapad",\n'), written);
    assert.ok(written.includes('            "editions": [\n                2021\n            ]\n        }\n    ],\n}'), written);
  });

  it('adds an alias to the entry the workspace has, inside its list, touching nothing else', () => {
    const steppe = entity({ id: 'steppe-shield', name: 'Steppe Shield', aliases: ['Stepnoy Shchit'] });
    const { written, catalog } = after(JSONC, addAlias(JSONC, steppe, 'Steppe Shield Exercise'));
    assert.deepEqual(catalog.entities[0].aliases, ['Stepnoy Shchit', 'Steppe Shield Exercise']);
    assert.ok(written.includes('"aliases": ["Stepnoy Shchit", "Steppe Shield Exercise"],'), written);
    assert.equal(catalog.entities[0].description, 'Our note: not in the built-in catalog.');
  });

  it('adds an edition in year order among the entry\'s editions, after a comment that ends a line', () => {
    const steppe = entity({ id: 'steppe-shield', name: 'Steppe Shield', editions: [{ year: 2021 }, { year: 2023 }] });
    const middle = after(JSONC, addEdition(JSONC, steppe, 2022));
    assert.deepEqual(middle.catalog.entities[0].editions, [{ year: 2021 }, { year: 2022 }, { year: 2023, note: 'in Kazakhstan' }]);
    assert.ok(middle.written.includes('                2021,\n                2022,\n                { "year": 2023'), middle.written);
    const last = after(JSONC, addEdition(JSONC, steppe, 2031));
    assert.ok(last.written.includes('"in Kazakhstan" }, // the last one\n                2031\n            ],'), last.written);
  });

  it('gives an entry that has no aliases or editions the field, laid out like its neighbours', () => {
    const text = '{\r\n\t"version": "w1",\r\n\t"entities": [\r\n\t\t{\r\n\t\t\t"id": "granite",\r\n\t\t\t"kind": "exercise",\r\n\t\t\t"name": "Granite"\r\n\t\t}\r\n\t]\r\n}\r\n';
    const granite = entity({ id: 'granite', name: 'Granite' });
    const alias = after(text, addAlias(text, granite, 'Granit'));
    assert.ok(alias.written.includes('\t\t\t"name": "Granite",\r\n\t\t\t"aliases": [\r\n\t\t\t\t"Granit"\r\n\t\t\t]\r\n\t\t}'), JSON.stringify(alias.written));
    const edition = after(text, addEdition(text, granite, 2024));
    assert.deepEqual(edition.catalog.entities[0].editions, [{ year: 2024 }]);
    assert.ok(!/[^\r]\n/.test(edition.written), 'CRLF line ends stay CRLF');
  });

  it('copies a built-in entity into the workspace catalog for a new alias or edition, with every field it had', () => {
    const rubezh = bundledKnowledge().get('rubezh')!;
    const first = after(JSONC, addEdition(JSONC, rubezh, 2031));
    const copied = first.catalog.entities[1];
    assert.equal(copied.id, 'rubezh');
    assert.deepEqual(copied.aliases, rubezh.aliases, 'the copy keeps every other field');
    assert.deepEqual(copied.editions!.map((e) => e.year), [...rubezh.editions!.map((e) => e.year), 2031]);
    const second = after(first.written, addAlias(first.written, copied, 'Rubej'));
    assert.equal(second.catalog.entities.length, 2, 'the same entry is extended, not added twice');
    assert.deepEqual(second.catalog.entities[1].aliases, [...rubezh.aliases, 'Rubej']);
  });

  it('leaves valid JSONC after any two fixes in a row, each made from the text the first left', () => {
    const rubezh = bundledKnowledge().get('rubezh')!;
    const steppe = entity({ id: 'steppe-shield', name: 'Steppe Shield', aliases: ['Stepnoy Shchit'], editions: [{ year: 2021 }, { year: 2023 }] });
    const fixes: ((text: string) => CatalogEdit)[] = [
      (text) => addEntity(text, newEntity('Zapad', 'exercise', 2021, new Set([...builtInIds, ...catalogIds(text)]))),
      (text) => addEdition(text, rubezh, 2031),
      (text) => addAlias(text, rubezh, 'Rubej'),
      (text) => addAlias(text, steppe, 'Steppe'),
      (text) => addEdition(text, steppe, 2020),
    ];
    const starts = [JSONC, '\ufeff{"version":"1","entities":[{"id":"granite","kind":"exercise","name":"Granite"}]}', '{ "version": "1", "entities": [] }', '{"version":"1"}'];
    for (const start of starts) {
      for (const first of fixes) {
        for (const second of fixes) {
          const once = after(start, first(start)).written;
          const again = second(once);
          // The same fix twice: the text has it already, and says so.
          if (first === second) assert.match('refused' in again ? again.refused : '', /already; save the catalog/);
          else assert.ok(catalogIds(after(once, again).written).size >= catalogIds(start).size);
        }
      }
    }
  });

  it('edits a one-line catalog that starts with a byte order mark on the characters the editor shows', () => {
    const text = '\ufeff{"version":"1","entities":[{"id":"granite","kind":"exercise","name":"Granite","aliases":["Granit"]}]}';
    const { written, catalog } = after(text, addAlias(text, entity({ id: 'granite', name: 'Granite', aliases: ['Granit'] }), 'Granitas'));
    assert.equal(written, '\ufeff{"version":"1","entities":[{"id":"granite","kind":"exercise","name":"Granite","aliases":["Granit","Granitas"]}]}');
    assert.deepEqual(catalog.entities[0].aliases, ['Granit', 'Granitas']);
  });

  it('refuses to edit a catalog whose syntax is broken, or whose lists are not lists, and says why', () => {
    const zapad = newEntity('Zapad', 'exercise', 2021, builtInIds);
    const granite = entity({ id: 'granite', name: 'Granite' });
    const cases: [string, CatalogEdit, RegExp][] = [
      ['{ "version": "1" "entities": [] }', addEntity('{ "version": "1" "entities": [] }', zapad), /syntax error on line 1/],
      ['{ "version": "1",\n  "entities": [\n', addEntity('{ "version": "1",\n  "entities": [\n', zapad), /syntax error on line \d/],
      ['{ "entities": { "granite": {} } }', addEntity('{ "entities": { "granite": {} } }', zapad), /"entities" of the workspace catalog are not a list/],
      ['[1, 2]', addEntity('[1, 2]', zapad), /not a JSON object/],
    ];
    const aliasesNotList = '{"version":"1","entities":[{"id":"granite","kind":"exercise","name":"Granite","aliases":"Granit"}]}';
    cases.push([aliasesNotList, addAlias(aliasesNotList, granite, 'Granitas'), /aliases of Granite in the workspace catalog are not a list/]);
    const editionsNotList = '{"version":"1","entities":[{"id":"granite","kind":"exercise","name":"Granite","editions":2024}]}';
    cases.push([editionsNotList, addEdition(editionsNotList, granite, 2025), /editions of Granite in the workspace catalog are not a list/]);
    for (const [text, edit, reason] of cases) {
      assert.ok('refused' in edit, `${text} was edited`);
      assert.match(edit.refused, reason);
    }
  });

  it('never reuses an id the catalog has', () => {
    assert.equal(newEntity('Search', 'exercise', undefined, builtInIds).id, 'search-2');
  });
});

describe('what a note names that nobody knows', () => {
  const findings = (corpus: Record<string, string>, note: string) => {
    const index = new CorpusIndex(bundledKnowledge());
    for (const [name, text] of Object.entries(corpus)) index.upsert({ uri: `file:///corpus/${name}`, text, fallbackTitle: name });
    const service = createLanguageService({ index, notes: new NoteIndex(index) });
    return service.findings({ uri: 'file:///notes/n.md', version: 1, getText: () => note }).map((f) => `${note.slice(f.start, f.end)}: ${f.type}`);
  };

  it('flags a code name neither the catalog nor the corpus knows, and an edition neither has', () => {
    assert.deepEqual(findings({}, 'The Zapad-2021 exercise and the Rubezh-2031 drills.'), ['Zapad-2021: unknownName', 'Rubezh-2031: unknownEdition']);
  });

  it('says nothing of a name the corpus knows or an edition the catalog lists', () => {
    const corpus = { 'a.txt': 'The "Zapad-2021" exercise was held. The Rubezh-2031 drills were planned.' };
    assert.deepEqual(findings(corpus, 'The Zapad-2021 exercise and the Rubezh-2031 drills.'), []);
    assert.deepEqual(findings({}, 'The Rubezh-2021 drills and operation Mercenary.'), []);
  });
});
