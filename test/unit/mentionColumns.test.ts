import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseDocument, mentionAtOffset } from '../../server/src/core/analysis/analyseDocument';
import { DefinitionCandidates } from '../../server/src/core/analysis/candidates';
import { MentionColumns, type IndexedMention } from '../../server/src/core/analysis/mentionColumns';
import { fromSnapshot, toSnapshot } from '../../server/src/core/index/snapshot';
import { ColumnSlabs } from '../../server/src/core/text/columnSlabs';
import { LineTable } from '../../server/src/core/text/lines';
import { Interner } from '../../server/src/core/text/strings';
import { bundledKnowledge, seedFiles, seedText } from './helpers';

/** The mentions of a seed document as the analysis makes them, passed through the columns. */
const knowledge = bundledKnowledge();
function analysed(name: string) {
  return analyseDocument({ uri: `file:///corpus/${name}`, text: seedText(name), fallbackTitle: name }, knowledge);
}

describe('MentionColumns: a document\'s mentions as rows of numbers', () => {
  it('gives back every mention with the fields the analysis gave it: repeats, inner names, editions, discovered entities, alternatives', () => {
    const mentions: IndexedMention[] = [
      { entityId: 'csc', start: 4, end: 33, surface: 'Collective Security Council', uri: 'u', passage: 0 },
      { entityId: 'csc', start: 35, end: 38, surface: 'CSC', uri: 'u', passage: 0, repeat: true },
      { entityId: 'crrf-command', start: 50, end: 62, surface: 'CRRF Command', uri: 'u', passage: 1, inside: ['crrf'] },
      { entityId: 'search', start: 70, end: 81, surface: 'Search-2021', uri: 'u', passage: 1, edition: 2021 },
      { entityId: 'council-a', start: 90, end: 92, surface: 'AC', uri: 'u', passage: -1, alternatives: ['committee-a'] },
      { entityId: 'person:ivan-petrov', start: 95, end: 106, surface: 'Ivan Petrov', uri: 'u', passage: -1, discovered: { kind: 'person', name: 'Ivan Petrov', about: 'Deputy Minister' } },
    ];
    const columns = MentionColumns.of('u', mentions, new Interner());
    assert.equal(columns.length, mentions.length);
    assert.deepEqual(columns.toArray(), mentions);
    assert.deepEqual([...columns], mentions);
    assert.equal(columns.countsFor(1, 'csc'), false, 'a repeat counts for nothing');
    assert.equal(columns.countsFor(2, 'crrf'), true, 'an inner name counts');
    assert.equal(columns.bytes, mentions.length * 3 * 4, 'three integers a row');
  });

  it('keeps a document whose numbers do not fit one word (a long name in passage 40,000, twenty editions) in seven integers a row, with every field', () => {
    const mentions: IndexedMention[] = [
      { entityId: 'csc', start: 0, end: 29, surface: 'Collective Security Council', uri: 'u', passage: 0 },
      ...Array.from({ length: 20 }, (_, k): IndexedMention => ({ entityId: 'search', start: 100 + k * 20, end: 111 + k * 20, surface: `Search-${2000 + k}`, uri: 'u', passage: 3, edition: 2000 + k, ...(k % 2 ? { repeat: true } : {}) })),
      { entityId: 'person:a-b', start: 1_000_000, end: 1_070_000, surface: 'A B', uri: 'u', passage: 40_000, discovered: { kind: 'person', name: 'A B' } },
    ];
    const columns = MentionColumns.of('u', mentions, new Interner());
    assert.equal(columns.bytes, mentions.length * 7 * 4, 'seven integers a row');
    assert.deepEqual(columns.toArray(), mentions);
  });

  it('packs each number in as many bits as the document needs: the largest passage, length, edition and discovered info come back whole', () => {
    const mentions: IndexedMention[] = [
      { entityId: 'x', start: 5, end: 5 + 4095, surface: 'long', uri: 'u', passage: 1022, edition: 2033, discovered: { kind: 'organization', name: 'X' } },
      { entityId: 'y', start: 2_000_000_000, end: 2_000_000_001, surface: 'Y', uri: 'u', passage: -1, edition: 1999, repeat: true, discovered: { kind: 'person', name: 'Y' } },
      { entityId: 'x', start: 2_000_000_002, end: 2_000_000_003, surface: 'X', uri: 'u', passage: 0, repeat: true, discovered: { kind: 'organization', name: 'X' } },
    ];
    const columns = MentionColumns.of('u', mentions, new Interner());
    assert.equal(columns.bytes, mentions.length * 3 * 4);
    assert.deepEqual(columns.toArray(), mentions);
    assert.deepEqual([0, 1, 2].map((i) => [columns.passage(i), columns.edition(i), columns.isRepeat(i), columns.discovered(i)?.name]), [[1022, 2033, false, 'X'], [-1, 1999, true, 'Y'], [0, undefined, true, 'X']]);
  });

  it('numbers an entity and its surface as one spelling for the whole index: one surface of two entities, and two surfaces of one, stay apart', () => {
    const strings = new Interner();
    const row = (entityId: string, surface: string, start: number): IndexedMention => ({ entityId, start, end: start + surface.length, surface, uri: 'u', passage: -1 });
    const first = [row('csc', 'CSC', 0), row('csc', 'Collective Security Council', 10), row('cis', 'CIS', 50)];
    const second = [row('council-a', 'CSC', 0), row('csc', 'CSC', 10), row('cis', 'CIS', 20)];
    const a = MentionColumns.of('a', first, strings);
    const b = MentionColumns.of('b', second, strings);
    // A thousand more pairs, so that the table of spellings grows while the first columns are kept.
    const many = Array.from({ length: 1000 }, (_, k) => row(`entity-${k}`, `Name ${k}`, k * 20));
    const c = MentionColumns.of('c', many, strings);
    assert.deepEqual(a.toArray(), first.map((m) => ({ ...m, uri: 'a' })));
    assert.deepEqual(b.toArray(), second.map((m) => ({ ...m, uri: 'b' })));
    assert.deepEqual(c.toArray(), many.map((m) => ({ ...m, uri: 'c' })));
    assert.deepEqual([0, 1, 2].map((i) => [b.entityNumber(i), b.surfaceNumber(i)]), [[strings.id('council-a'), strings.id('CSC')], [strings.id('csc'), strings.id('CSC')], [strings.id('cis'), strings.id('CIS')]]);
  });

  it('keeps one object for a discovered entity that many documents of an index name, and gives each document its own fields', () => {
    const strings = new Interner();
    const person = (uri: string, start: number): IndexedMention => ({ entityId: 'person:ivan-petrov', start, end: start + 11, surface: 'Ivan Petrov', uri, passage: 0, discovered: { kind: 'person', name: 'Ivan Petrov', about: 'Deputy Minister' } });
    const first = MentionColumns.of('a', [person('a', 3)], strings);
    const second = MentionColumns.of('b', [person('b', 40)], strings);
    assert.equal(first.discovered(0), second.discovered(0), 'the same object');
    assert.deepEqual([first.at(0).start, second.at(0).start, second.at(0).uri], [3, 40, 'b']);
    const other = MentionColumns.of('c', [{ ...person('c', 0), discovered: { kind: 'person', name: 'Ivan Petrov', about: 'Ambassador' } }], strings);
    assert.equal(other.discovered(0)?.about, 'Ambassador', 'an info that says something else is its own');
    assert.notEqual(MentionColumns.of('d', [person('d', 0)], new Interner()).discovered(0), first.discovered(0), 'another index keeps its own');
  });

  it('finds the mention at an offset exactly as the object search did, on every offset of every seed document', () => {
    for (const name of seedFiles()) {
      const doc = analysed(name);
      const objects = doc.mentions.toArray();
      const indexOf = new Map(objects.map((m, i) => [m, i]));
      for (let offset = 0; offset <= seedText(name).length; offset++) {
        const at = doc.mentions.indexAt(offset);
        const found = mentionAtOffset(objects, offset);
        assert.equal(at, found ? indexOf.get(found) : -1, `${name} at ${offset}`);
      }
      objects.forEach((m, i) => assert.equal(doc.mentions.indexOf(m), i));
    }
  });

  it('reads a snapshot back into the same rows, and refuses one whose columns differ in length', () => {
    for (const name of seedFiles()) {
      const doc = analysed(name);
      assert.deepEqual(fromSnapshot(toSnapshot(doc), new Interner()).mentions.toArray(), doc.mentions.toArray(), name);
    }
    const snapshot = toSnapshot(analysed(seedFiles()[0]));
    snapshot.mentions.surface = Array.from(snapshot.mentions.surface).slice(1);
    assert.throws(() => fromSnapshot(snapshot), /differ in length/);
  });

  it('revives documents into shared buffers without one reaching another: a wide one, a packed one, one refused half way, and the lines and sentences of each', () => {
    const strings = new Interner();
    const [firstName, secondName, thirdName] = seedFiles();
    const seed = analysed(firstName);
    // A 20-million-character name needs 25 bits of length: with twenty editions the rows are wide.
    const wideMentions: IndexedMention[] = [
      { entityId: 'csc', start: 0, end: 29, surface: 'Collective Security Council', uri: seed.uri, passage: 0 },
      ...Array.from({ length: 20 }, (_, k): IndexedMention => ({ entityId: 'search', start: 100 + k * 20, end: 111 + k * 20, surface: `Search-${2000 + k}`, uri: seed.uri, passage: 0, edition: 2000 + k })),
      { entityId: 'person:a-b', start: 1000, end: 20_001_000, surface: 'A B', uri: seed.uri, passage: -1, discovered: { kind: 'person', name: 'A B' } },
    ];
    const wide = { ...seed, mentions: MentionColumns.of(seed.uri, wideMentions, new Interner()), lines: LineTable.fromGaps([0, 7, 89_993], 30_000_000), sentences: Int32Array.from([3, 9, 4, 11]) };
    wide.best = new DefinitionCandidates(wide, new Map(), new Interner());
    const revivedWide = fromSnapshot(toSnapshot(wide), strings);
    assert.equal(revivedWide.mentions.bytes, wideMentions.length * 7 * 4, 'seven integers a row');
    const second = analysed(secondName);
    const revivedSecond = fromSnapshot(toSnapshot(second), strings);
    // Refused after its mentions were begun: the rows it had begun must reach no one.
    const refused = toSnapshot(analysed(thirdName));
    const last = refused.mentions.passage.length - 1;
    refused.mentions.passage[last] = refused.passages.length + 5;
    assert.throws(() => fromSnapshot(refused, strings), /refers past the passages/);
    const third = analysed(thirdName);
    const revivedThird = fromSnapshot(toSnapshot(third), strings);
    assert.deepEqual(revivedWide.mentions.toArray(), wideMentions);
    assert.deepEqual(revivedSecond.mentions.toArray(), second.mentions.toArray());
    assert.deepEqual(revivedThird.mentions.toArray(), third.mentions.toArray());
    assert.deepEqual(Array.from(revivedWide.lines.lineStarts), [0, 7, 90_000]);
    assert.deepEqual(Array.from(revivedWide.sentences ?? []), [3, 9, 4, 11]);
    for (const [revived, doc] of [[revivedSecond, second], [revivedThird, third]] as const) {
      assert.deepEqual(Array.from(revived.lines.lineStarts), Array.from(doc.lines.lineStarts));
      assert.deepEqual(Array.from(revived.sentences ?? []), Array.from(doc.sentences ?? []));
    }
  });
});

describe('ColumnSlabs: columns of many documents in a few buffers', () => {
  it('hands out zeroed columns that never overlap, of both widths, and a large one a buffer of its own', () => {
    const slabs = new ColumnSlabs();
    const columns: (Int32Array | Uint16Array)[] = [];
    for (let k = 0; k < 3000; k++) {
      const length = (k * 7919) % 301;
      const column = k % 3 ? slabs.int32(length) : slabs.uint16(length);
      assert.ok(column.every((n) => n === 0), 'zeroed');
      column.fill(k % 60_000);
      columns.push(column);
    }
    columns.forEach((column, k) => assert.ok(column.every((n) => n === k % 60_000), `column ${k} kept its numbers`));
    assert.ok(new Set(columns.map((c) => c.buffer)).size < 20, 'a few buffers for 3,000 columns');
    const large = slabs.int32(1 << 18);
    assert.equal(large.buffer.byteLength, large.byteLength, 'a buffer of its own');
    assert.deepEqual(Array.from(slabs.copyInt32([5, -1, 2 ** 31 - 1])), [5, -1, 2 ** 31 - 1]);
  });
});

describe('DefinitionCandidates: a document\'s defining sentences as rows of numbers', () => {
  it('gives back the candidates the analysis chose, through the snapshot too, each with its mention, sentence, score and date', () => {
    let seen = 0;
    for (const name of seedFiles()) {
      const doc = analysed(name);
      const restored = fromSnapshot(toSnapshot(doc), new Interner());
      assert.deepEqual([...restored.best], [...doc.best], name);
      for (const [key, candidate] of doc.best) {
        seen++;
        assert.deepEqual(doc.best.get(key), candidate);
        assert.equal(seedText(name).slice(candidate.mention.start, candidate.mention.end), candidate.mention.surface);
        assert.ok(candidate.sentence.start <= candidate.mention.start && candidate.mention.end <= candidate.sentence.end, `${key}: the sentence holds the mention`);
      }
      assert.equal(doc.best.get('no-such-entity'), undefined);
    }
    assert.ok(seen >= 10, `${seen} candidates on the seed corpus`);
  });

  it('refuses a snapshot whose candidate points between mentions or has no score', () => {
    const snapshot = toSnapshot(analysed(seedFiles()[0]));
    assert.ok(snapshot.best.length > 0);
    const between = { ...snapshot, best: snapshot.best.map(([id, mention, ...rest]) => [id, mention + 0.5, ...rest] as typeof snapshot.best[number]) };
    assert.throws(() => fromSnapshot(between), /candidate refers past the mentions/);
    const noScore = { ...snapshot, best: snapshot.best.map(([id, mention, , start, end]) => [id, mention, 'high' as unknown as number, start, end] as typeof snapshot.best[number]) };
    assert.throws(() => fromSnapshot(noScore), /score is not a number/);
  });
});
