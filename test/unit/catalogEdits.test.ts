import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from 'jsonc-parser';
import { addAlias, addEdition, newEntity, putEntity } from '../../server/src/core/catalog/catalogEdits';
import { parseCatalog } from '../../server/src/core/catalog/catalog';
import { CorpusIndex } from '../../server/src/core/index/corpusIndex';
import { NoteIndex } from '../../server/src/core/index/noteIndex';
import { createLanguageService } from '../../server/src/core/languageService';
import { bundledCatalog, bundledKnowledge } from './helpers';

const builtInIds = new Set(bundledCatalog().entities.map((e) => e.id));
/** The catalog an edit leaves, checked the way the server reads a workspace catalog. */
function after(text: string | undefined, edit: { edits: { offset: number; length: number; content: string }[] }) {
  const written = applyEdits(text ?? '', edit.edits);
  const result = parseCatalog(written, builtInIds);
  assert.deepEqual(result.problems, [], written);
  return { written, catalog: result.catalog! };
}

describe('workspace catalog edits of the quick fixes', () => {
  it('creates a catalog with a new entity when the workspace has none', () => {
    const entity = newEntity('Zapad', 'exercise', 2021, builtInIds);
    const edit = putEntity(undefined, entity);
    assert.equal(edit.create, true);
    assert.deepEqual(after(undefined, edit).catalog.entities, [{ id: 'zapad', kind: 'exercise', name: 'Zapad', aliases: [], editions: [{ year: 2021 }] }]);
  });

  it('adds to an existing catalog and leaves the rest of it as it was', () => {
    const text = '{\n  "version": "w1",\n  "entities": [\n    { "id": "steppe-shield", "kind": "exercise", "name": "Steppe Shield", "editions": [2023] }\n  ]\n}\n';
    const { written, catalog } = after(text, putEntity(text, newEntity('Zapad', 'exercise', undefined, builtInIds)));
    assert.ok(written.startsWith('{\n  "version": "w1",\n  "entities": ['), written);
    assert.deepEqual(catalog.entities[0].editions, [{ year: 2023 }]);
    assert.deepEqual(catalog.entities.map((e) => e.id), ['steppe-shield', 'zapad']);
  });

  it('never reuses an id the catalog has', () => {
    assert.equal(newEntity('Search', 'exercise', undefined, builtInIds).id, 'search-2');
  });

  it('adds an edition by copying the built-in entity into the workspace catalog, or extending its entry there', () => {
    const rubezh = bundledKnowledge().get('rubezh')!;
    const first = after(undefined, addEdition(undefined, rubezh, 2031));
    const copied = first.catalog.entities[0];
    assert.equal(copied.id, 'rubezh');
    assert.deepEqual(copied.aliases, rubezh.aliases, 'the copy keeps every other field');
    assert.deepEqual(copied.editions!.map((e) => e.year), [...rubezh.editions!.map((e) => e.year), 2031]);
    const second = after(first.written, addAlias(first.written, copied, 'Rubej'));
    assert.equal(second.catalog.entities.length, 1, 'the same entry is extended, not added twice');
    assert.deepEqual(second.catalog.entities[0].aliases, [...rubezh.aliases, 'Rubej']);
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
