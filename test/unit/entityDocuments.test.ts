// One entity's documents with their mention rows, kept as columns: whatever order documents come
// and go in, reading them must give what a plain list of (document, rows) pairs would.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { IndexedDocument } from '../../server/src/core/analysis/analyseDocument';
import { EntityDocuments } from '../../server/src/core/index/entityDocuments';

/** Stand-ins for documents: only their identity matters here. */
const docs = Array.from({ length: 12 }, (_, k) => ({ uri: `file:///c/${k}.txt` }) as unknown as IndexedDocument);

type Step = { add: true; doc: number; rows: number[]; at: number } | { add: false; doc: number };

describe('EntityDocuments: one entity\'s documents and rows as columns', () => {
  it('reads back as the list of (document, rows) it was given, after any adds and removes', () => {
    const step = fc.oneof(
      fc.record({ add: fc.constant(true as const), doc: fc.nat(11), rows: fc.array(fc.nat(500), { maxLength: 40 }), at: fc.nat() }),
      fc.record({ add: fc.constant(false as const), doc: fc.nat(11) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), fc.boolean(), (steps: Step[], trim) => {
        const columns = new EntityDocuments();
        const model: [IndexedDocument, number[]][] = [];
        for (const s of steps) {
          const doc = docs[s.doc];
          const present = model.findIndex(([d]) => d === doc);
          if (s.add) {
            if (present >= 0) continue; // a document is in an aggregate once
            const at = s.at % (model.length + 1);
            columns.insert(doc, s.rows, at);
            model.splice(at, 0, [doc, s.rows]);
          } else {
            assert.equal(columns.remove(doc), present >= 0);
            if (present >= 0) model.splice(present, 1);
          }
          if (trim) columns.trim();
        }
        assert.equal(columns.length, model.length);
        assert.equal(columns.rowCount, model.reduce((n, [, rows]) => n + rows.length, 0));
        assert.deepEqual(
          [...columns].map(({ doc, rows }) => [doc.uri, [...rows]]),
          model.map(([doc, rows]) => [doc.uri, rows]),
        );
        model.forEach(([doc], k) => assert.equal(columns.documents.indexOf(doc), k));
      }),
      { numRuns: 300 },
    );
  });

  it('appends at the end when no place is given, and keeps rows apart when one document has none', () => {
    const columns = new EntityDocuments();
    columns.insert(docs[0], [3, 4]);
    columns.insert(docs[1], []);
    columns.insert(docs[2], [9]);
    assert.deepEqual([...columns].map(({ rows }) => [...rows]), [[3, 4], [], [9]]);
    assert.equal(columns.remove(docs[1]), true);
    assert.equal(columns.remove(docs[1]), false);
    assert.deepEqual([...columns.rowsOf(1)], [9]);
  });
});
