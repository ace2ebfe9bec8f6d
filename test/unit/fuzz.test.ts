// Property-based fuzzing (fast-check) of what reads untrusted input: decoding, tokenizing, the
// whole analysis, the catalog parser and the snapshot reader. Random and mutated seed text with
// astral characters, combining marks, direction overrides, lone surrogates and NUL. FUZZ_RUNS
// cases per target: 2,000 in `npm test`, 100,000 in `npm run test:stress`.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyseDocument } from '../../server/src/core/analysis/analyseDocument';
import { parseCatalog } from '../../server/src/core/catalog/catalog';
import { fromSnapshot, plainSnapshot, toSnapshot, type DocumentSnapshot } from '../../server/src/core/index/snapshot';
import { decodeCorpusFile } from '../../server/src/core/text/decode';
import { endsWithPreposition } from '../../server/src/core/analysis/definitions';
import { splitLines } from '../../server/src/core/text/lines';
import { identityFromText, sentenceIdentity } from '../../server/src/core/quotes/sentenceIdentity';
import { wordsOf } from '../../server/src/core/quotes/quoteWords';
import { sentenceFingerprints } from '../../server/src/core/quotes/sentenceFingerprints';
import { SentenceFinder, sentenceAround } from '../../server/src/core/text/sentences';
import { endsPossessive, splitWords, wordKey } from '../../server/src/core/text/words';
import { bundledKnowledge, seedFiles, seedText } from './helpers';

const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
const knowledge = bundledKnowledge();
const params = { numRuns: RUNS, seed: SEED };

/** Characters that break naive text handling, mixed with ordinary ones. */
const HOSTILE_CHARACTERS = ['\u0000', '\u202e', '\u2066', '\u0301', '\ud83d', '\ude00', '😀', '𝐀', '\ufeff', '\r', '\n', '\r\n', '\u2028', '«', '»', '“', '”', '(', ')', '-', '—', '.', ' ', '\u00a0', "'", '’', '#', '2021', 'CSTO', 'Council', 'operation', 'exercise'];
const unit = fc.oneof(
  fc.constantFrom(...HOSTILE_CHARACTERS),
  fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 32, max: 126 }).map((c) => String.fromCharCode(c)),
);
const randomText = fc.string({ unit, maxLength: 400 });
const seeds = seedFiles().map((f) => seedText(f).slice(0, 3000));

/** A seed document cut, then edited at random places with random text. */
const mutatedSeed = fc
  .tuple(fc.nat(seeds.length - 1), fc.array(fc.tuple(fc.nat(3000), fc.nat(40), randomText), { maxLength: 6 }))
  .map(([which, edits]) => {
    let text = seeds[which];
    for (const [at, cut, insert] of edits) {
      const from = Math.min(at, text.length);
      text = text.slice(0, from) + insert + text.slice(Math.min(text.length, from + cut));
    }
    return text;
  });
const anyText = fc.oneof(randomText, mutatedSeed);

/** The document a snapshot holds, or undefined when reading it throws an Error (never anything else). */
function readOrRefused(snapshot: DocumentSnapshot): ReturnType<typeof fromSnapshot> | undefined {
  try {
    return fromSnapshot(snapshot);
  } catch (error) {
    assert.ok(error instanceof Error);
    return undefined;
  }
}

function analyse(text: string, uri = 'file:///fuzz/doc.txt') {
  return analyseDocument({ uri, text, fallbackTitle: 'doc.txt' }, knowledge);
}

/** Spans that are not empty, lie inside a text of `length` and follow one another without overlapping. */
function assertInOrderInside(spans: Iterable<{ start: number; end: number }>, length: number): void {
  let previousEnd = 0;
  for (const { start, end } of spans) {
    assert.ok(start >= previousEnd && end > start && end <= length);
    previousEnd = end;
  }
}

describe(`fuzzing (${RUNS} cases per target, seed ${SEED})`, () => {
  it('decodes any bytes to text or a reason, never throwing', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        const decoded = decodeCorpusFile(bytes, 1 << 20);
        assert.ok(decoded.ok ? typeof decoded.text === 'string' : decoded.reason.length > 0);
      }),
      params,
    );
  });

  it('splits any text into words inside it, in order, each a run of letters or digits', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const words = splitWords(text);
        const spans = Array.from({ length: words.length }, (_, i) => ({ start: words.starts[i], end: words.ends[i] }));
        assertInOrderInside(spans, text.length);
        for (const { start } of spans) assert.match(text[start], /[\p{L}\p{N}]/u);
      }),
      params,
    );
  });

  it('splits a long text of short words whole: its columns grow past their first guess and keep what they held', () => {
    // Over 65,536 possible words, a text gets columns of its own, first sized for a word in four
    // characters or more; words of one letter and a hyphen or an accent fill them twice over.
    const pattern = ['a ', 'b-c ', 'é ', 'CSTO’s ', '1 '];
    const text = Array.from({ length: 120_000 }, (_, i) => pattern[i % pattern.length]).join('');
    const words = splitWords(text);
    const expected = [...text.matchAll(/[\p{L}\p{N}]+(?:[’'][\p{L}]+)?/gu)];
    assert.equal(words.length, expected.length);
    for (let i = 0; i < words.length; i += 997) {
      assert.equal(words.starts[i], expected[i].index);
      assert.equal(words.key(i), wordKey(expected[i][0]));
    }
    const last = words.length - 1;
    assert.equal(text.slice(words.starts[last], words.ends[last]), expected[last][0]);
  });

  it("keys every word as wordKey keys the word's own text (the fast path for plain words included)", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const words = splitWords(text);
        for (let i = 0; i < words.length; i++) assert.equal(words.key(i), wordKey(text.slice(words.starts[i], words.ends[i])));
      }),
      params,
    );
  });

  it('splits lines where the pattern \\r\\n|\\r|\\n would, and reads possessives as /[\'’][sS]$/ would', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const expected: { start: number; end: number }[] = [];
        let start = 0;
        for (const match of text.matchAll(/\r\n|\r|\n/g)) {
          expected.push({ start, end: match.index });
          start = match.index + match[0].length;
        }
        expected.push({ start, end: text.length });
        assert.deepEqual(splitLines(text).map(({ start: s, end: e }) => ({ start: s, end: e })), expected);
        for (let end = 0; end <= text.length; end++) assert.equal(endsPossessive(text, end), /['\u2019][sS]$/.test(text.slice(0, end)), `at ${end}`);
      }),
      params,
    );
  });

  it('reads a preposition at the end of the words before a name as /\\b(?:with|of|…)\\s+(?:the\\s+)?$/i would', () => {
    const piece = fc.constantFrom('with', 'of', 'for', 'by', 'from', 'to', 'under', 'within', 'among', 'the', 'The', 'OF', 'into', 'x', '_', 'é', ' ', '  ', '\t', '\u00a0', '\n');
    const pattern = /\b(?:with|of|for|by|from|to|under|within|among)\s+(?:the\s+)?$/i;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const text = pieces.join('');
        assert.equal(endsWithPreposition(text), pattern.test(text), JSON.stringify(text));
      }),
      params,
    );
  });

  it('finds, for offsets in any order, the sentence sentenceAround finds, its memory of the last sentence never answering instead', () => {
    // Full stops, abbreviations, line breaks and long runs without a stop (past the scan's reach of 700).
    const piece = fc.oneof(
      fc.constantFrom('. ', '.', ' ', '  ', '\n', '\r\n', '? ', '; ', 'Mr. ', 'Gen. ', '2024 г. В', 'A. ', 'the CSTO', 'Council', '\u00a0', '\u2029', 'x'),
      fc.nat(900).map((n) => 'w'.repeat(n)),
    );
    const limits = (length: number) => fc.constantFrom({ start: 0, end: length }, { start: Math.floor(length / 3), end: length - Math.floor(length / 4) });
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 30 }).chain((pieces) => {
          const text = pieces.join('');
          return fc.tuple(fc.constant(text), fc.array(fc.tuple(fc.nat(Math.max(0, text.length - 1)), limits(text.length)), { maxLength: 40 }));
        }),
        ([text, asks]) => {
          const finder = new SentenceFinder(text);
          for (const [at, limit] of asks) {
            const offset = Math.max(limit.start, Math.min(at, limit.end));
            assert.deepEqual(finder.around(offset, limit), sentenceAround(text, offset, limit), JSON.stringify({ text, offset, limit }));
          }
        },
      ),
      params,
    );
  });

  it("reads a sentence's identity off the text as from its words, or leaves it to the words", () => {
    const wordy = fc.string({ unit: fc.oneof(fc.constantFrom('a', 'B', 'z', 'Q', '7', '0', ' ', "'", '\u2019', '\u201c', '\u201d', '\u2014', '\u00a0', '\u2026', '-', '.', '\u00e9', '\u0416', '\u0130', '\u03a3', '\ud83d', '\ude00'), unit), maxLength: 120 });
    let quick = 0;
    fc.assert(
      fc.property(wordy, fc.nat(), fc.nat(), (text, x, y) => {
        const from = Math.min(x, y) % (text.length + 1);
        const to = from + ((Math.max(x, y) - Math.min(x, y)) % (text.length - from + 1));
        const found = identityFromText(text, from, to);
        if (!found) return;
        quick++;
        const words = wordsOf(text, from, to);
        assert.deepEqual(found, { identity: sentenceIdentity(words), words: words.length }, JSON.stringify(text.slice(from, to)));
      }),
      params,
    );
    assert.ok(quick > RUNS / 10, `the quick way was tried (${quick} times)`);
  });

  it('analyses any text: mentions in order, inside the text, not overlapping; passages inside the text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const doc = analyse(text);
        assertInOrderInside(doc.mentions, text.length);
        for (const m of doc.mentions) assert.equal(m.surface, text.slice(m.start, m.end));
        for (const p of doc.passages) assert.ok(p.start >= 0 && p.start <= p.end && p.end <= text.length);
        for (const c of doc.best.values()) assert.ok(c.sentence.start >= 0 && c.sentence.start <= c.sentence.end && c.sentence.end <= text.length);
      }),
      params,
    );
  });

  it('gives the same document back from its snapshot, and the same analysis whatever was analysed before', () => {
    fc.assert(
      fc.property(anyText, anyText, (text, other) => {
        const alone = JSON.stringify(plainSnapshot(toSnapshot(analyse(text))));
        analyse(other, 'file:///fuzz/other.txt');
        const doc = analyse(text);
        assert.equal(JSON.stringify(plainSnapshot(toSnapshot(doc))), alone);
        const restored = fromSnapshot(JSON.parse(alone) as DocumentSnapshot);
        assert.equal(JSON.stringify(plainSnapshot(toSnapshot(restored))), alone);
      }),
      { ...params, numRuns: Math.ceil(RUNS / 2) },
    );
  });

  it('reads any snapshot with numbers changed at random either whole and inside the text, or not at all', () => {
    const base = plainSnapshot(toSnapshot(analyse(seeds[0])));
    const columns = Object.keys(base.mentions) as (keyof DocumentSnapshot['mentions'])[];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...columns), fc.nat(200), fc.integer({ min: -(2 ** 40), max: 2 ** 40 })), { minLength: 1, maxLength: 4 }), fc.integer({ min: -5, max: 2 ** 31 }), (edits, length) => {
        const snapshot = JSON.parse(JSON.stringify(base)) as DocumentSnapshot;
        for (const [column, at, value] of edits) (snapshot.mentions[column] as number[])[at % snapshot.mentions[column].length] = value;
        snapshot.length = length;
        const doc = readOrRefused(snapshot);
        if (!doc) return;
        for (const m of doc.mentions) assert.ok(m.start >= 0 && m.end >= m.start && m.end <= snapshot.length);
      }),
      params,
    );
  });

  it('reads any snapshot with its sentence fingerprints changed at random either whole and inside the text, in order, or not at all', () => {
    const text = seeds[0];
    const doc = analyse(text);
    doc.sentences = sentenceFingerprints(text, doc.passages);
    const base = plainSnapshot(toSnapshot(doc));
    assert.ok((base.sentences?.length ?? 0) > 8);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(base.sentences!.length - 1), fc.integer({ min: -(2 ** 33), max: 2 ** 33 })), { minLength: 1, maxLength: 4 }), fc.boolean(), (edits, cut) => {
        const snapshot = JSON.parse(JSON.stringify(base)) as DocumentSnapshot;
        const sentences = snapshot.sentences as number[];
        for (const [at, value] of edits) sentences[at] = value;
        if (cut) sentences.pop();
        const restored = readOrRefused(snapshot);
        if (!restored) return;
        const prints = restored.sentences!;
        for (let i = 0; i < prints.length; i += 4) {
          assert.ok(prints[i] >= (i ? prints[i - 3] : 0) && prints[i + 1] > prints[i] && prints[i + 1] <= text.length);
          assert.ok(prints[i + 3] >= 0 && prints[i + 3] < 0x200000);
        }
      }),
      params,
    );
  });

  it('parses any text or JSON value as a catalog, or says why not, never throwing', () => {
    const json = fc.jsonValue({ maxDepth: 6 }).map((v) => JSON.stringify({ version: 'fuzz', entities: v }));
    const entities = fc
      .array(
        fc.record({
          id: fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'a', 'b')),
          kind: fc.oneof(fc.constantFrom('body', 'operation', 'exercise', 'state'), fc.string()),
          name: fc.oneof(fc.string({ unit, maxLength: 60 }), fc.constantFrom('.*+?^${}()|[]\\', 'Council')),
          aliases: fc.array(fc.string({ unit, maxLength: 30 }), { maxLength: 5 }),
          parent: fc.option(fc.constantFrom('a', 'b', '__proto__', 'collective-security-treaty-organization'), { nil: undefined }),
        }),
        { maxLength: 8 },
      )
      .map((list) => JSON.stringify({ version: 'fuzz', entities: list }));
    fc.assert(
      fc.property(fc.oneof(randomText, json, entities), (text) => {
        const result = parseCatalog(text);
        assert.ok(result.catalog !== undefined || result.problems.some((p) => p.severity === 'error'));
      }),
      params,
    );
  });
});
