// An analysed document as plain JSON, for the persistent index cache: everything the index keeps
// (passages, mentions, line starts, definition candidates), nothing it can read again (the text).

import type { IndexedDocument } from '../analysis/analyseDocument';
import { DefinitionCandidates, type CandidateRow } from '../analysis/candidates';
import type { DiscoveredInfo, EntityKind, Passage, PassageKind } from '../model';
import { ColumnSlabs } from '../text/columnSlabs';
import { LineTable } from '../text/lines';
import { Interner } from '../text/strings';
import { discoveredKey, MentionWriter } from '../analysis/mentionColumns';
import { checkFingerprints } from '../quotes/sentenceFingerprints';

const PASSAGE_KINDS: PassageKind[] = ['news', 'article', 'section', 'byline', 'boilerplate'];

export interface DocumentSnapshot {
  uri: string;
  title: string;
  fallbackTitle: string;
  date?: string;
  dates: string[];
  embedded: boolean;
  notice?: string;
  contentHash?: string;
  length: number;
  /** Line starts, each as the difference from the previous one. */
  lines: Column;
  /** [kind, title, start, end, parent or -1, date or '', fingerprint] */
  passages: [number, string, number, number, number, string, string][];
  /** Tables the mention columns index into. */
  ids: string[];
  surfaces: string[];
  /** [kind, name, parent or '', what it is (a person's role) or ''] */
  discovered: [EntityKind, string, string, string?][];
  /** One column per field; start is stored as the difference from the previous mention's. */
  mentions: Record<MentionColumn, Column>;
  /** The mentions (by index) that only say a name again. */
  repeats: number[];
  /** [mention index, id indexes of the names inside it] */
  inside: [number, number[]][];
  /** [id index, mention index, score, sentence start, sentence end] */
  best: [number, number, number, number, number][];
  /** The sentence fingerprints, when the analysis made them: [start, end, identity high, identity low] each. */
  sentences?: Column;
}

/**
 * A column of numbers: typed (made by toSnapshot, all columns of a snapshot views of one buffer,
 * which a worker hands over without copying) or plain (read back from the cache's JSON).
 */
export type Column = Int32Array | number[];
const MENTION_COLUMNS = ['id', 'start', 'length', 'surface', 'passage', 'edition', 'discovered'] as const;
type MentionColumn = (typeof MENTION_COLUMNS)[number];

export function toSnapshot(doc: IndexedDocument): DocumentSnapshot {
  const ids = new Table<string>();
  const surfaces = new Table<string>();
  const discoveredInfos = new Table<string>();
  const discovered: [EntityKind, string, string, string?][] = [];
  const count = doc.mentions.length;
  const starts = doc.lines.lineStarts;
  const printCount = doc.sentences?.length ?? 0;
  const buffer = new ArrayBuffer((MENTION_COLUMNS.length * count + starts.length + printCount) * 4);
  const column = (k: number) => new Int32Array(buffer, k * count * 4, count);
  const columns = { id: column(0), start: column(1), length: column(2), surface: column(3), passage: column(4), edition: column(5), discovered: column(6) };
  const repeats: number[] = [];
  const inside: [number, number[]][] = [];
  const m = doc.mentions;
  let previous = 0;
  for (let i = 0; i < count; i++) {
    if (m.isRepeat(i)) repeats.push(i);
    const inner = m.inside(i);
    if (inner) inside.push([i, inner.map((id) => ids.index(id))]);
    columns.id[i] = ids.index(m.entityId(i));
    const start = m.start(i);
    columns.start[i] = start - previous;
    previous = start;
    columns.length[i] = m.end(i) - start;
    columns.surface[i] = surfaces.index(m.surface(i));
    columns.passage[i] = m.passage(i);
    columns.edition[i] = m.edition(i) ?? 0;
    const info = m.discovered(i);
    if (info) {
      const key = discoveredKey(info);
      const before = discoveredInfos.size;
      const index = discoveredInfos.index(key);
      if (index === before) discovered.push(info.about ? [info.kind, info.name, info.parent ?? '', info.about] : [info.kind, info.name, info.parent ?? '']);
      columns.discovered[i] = index;
    } else columns.discovered[i] = -1;
  }
  const candidates = (best: DefinitionCandidates) =>
    Array.from({ length: best.size }, (_, k) => {
      const [key, c] = best.row(k);
      return [ids.index(key), c.mention, c.score, c.start, c.end] as [number, number, number, number, number];
    });
  const lines = new Int32Array(buffer, MENTION_COLUMNS.length * count * 4, starts.length);
  for (let i = 0; i < starts.length; i++) lines[i] = starts[i] - (i ? starts[i - 1] : 0);
  const snapshot: DocumentSnapshot = {
    uri: doc.uri,
    title: doc.title,
    fallbackTitle: doc.fallbackTitle,
    dates: doc.dates,
    embedded: doc.embedded,
    length: doc.lines.textLength,
    lines,
    passages: doc.passages.map((p) => [PASSAGE_KINDS.indexOf(p.kind), p.title, p.start, p.end, p.parent ?? -1, p.date ?? '', p.fingerprint]),
    ids: ids.values,
    surfaces: surfaces.values,
    discovered,
    mentions: columns,
    repeats,
    inside,
    best: candidates(doc.best),
  };
  if (doc.sentences) {
    const sentences = new Int32Array(buffer, (MENTION_COLUMNS.length * count + starts.length) * 4, printCount);
    sentences.set(doc.sentences);
    snapshot.sentences = sentences;
  }
  if (doc.date) snapshot.date = doc.date;
  if (doc.notice) snapshot.notice = doc.notice;
  if (doc.contentHash) snapshot.contentHash = doc.contentHash;
  return snapshot;
}

/** The buffer that holds a snapshot's columns, when they are typed: handed over, not copied, between threads. */
export function snapshotBuffer(s: DocumentSnapshot): ArrayBuffer | undefined {
  return s.lines instanceof Int32Array ? (s.lines.buffer as ArrayBuffer) : undefined;
}

/** The snapshot with plain arrays for columns, as JSON writes them (the index cache). */
export function plainSnapshot(s: DocumentSnapshot): DocumentSnapshot {
  return mapColumns(s, (c) => (Array.isArray(c) ? c : Array.from(c)));
}

/** The snapshot with each of its number columns made anew by `f`. */
function mapColumns(s: DocumentSnapshot, f: (column: Column) => Column): DocumentSnapshot {
  const mentions = {} as Record<MentionColumn, Column>;
  for (const name of MENTION_COLUMNS) mentions[name] = f(s.mentions[name]);
  const snapshot = { ...s, lines: f(s.lines), mentions };
  if (s.sentences) snapshot.sentences = f(s.sentences);
  return snapshot;
}

/** A snapshot without its number columns, which a store keeps apart: their lengths instead, in `columnsOf`'s order. */
export type SnapshotWithoutColumns = Omit<DocumentSnapshot, 'lines' | 'mentions' | 'sentences'> & { columns: number[] };

/** The number columns of a snapshot, in one fixed order: the line starts, the mention columns, the sentence fingerprints if any. */
export function columnsOf(s: DocumentSnapshot): Column[] {
  const columns = [s.lines, ...MENTION_COLUMNS.map((name) => s.mentions[name])];
  if (s.sentences) columns.push(s.sentences);
  return columns;
}

/** The snapshot with columns of its own: a cache read in windows hands out views of them, which would keep a window alive. */
export function ownColumns(s: DocumentSnapshot): DocumentSnapshot {
  return mapColumns(s, (c) => c.slice());
}

/** The snapshot without its number columns, with their lengths. */
export function withoutColumns(s: DocumentSnapshot): SnapshotWithoutColumns {
  const { lines: _lines, mentions: _mentions, sentences: _sentences, ...rest } = s;
  return { ...rest, columns: columnsOf(s).map((c) => c.length) };
}

/**
 * The snapshot again, its columns taken in order by `take` (given each length). Throws when the
 * lengths are not what `withoutColumns` writes; what the columns hold is checked by `fromSnapshot`.
 */
export function withColumns(rest: SnapshotWithoutColumns, take: (length: number) => Int32Array): DocumentSnapshot {
  const lengths = rest.columns;
  const expected = 1 + MENTION_COLUMNS.length;
  if (!Array.isArray(lengths) || (lengths.length !== expected && lengths.length !== expected + 1) || !lengths.every((n) => Number.isSafeInteger(n) && n >= 0)) throw new Error('the column lengths are malformed');
  const lines = take(lengths[0]);
  const mentions = {} as Record<MentionColumn, Column>;
  MENTION_COLUMNS.forEach((name, i) => (mentions[name] = take(lengths[i + 1])));
  // Field by field, not spread: copying the rest of an object (a warm start does it 11,000 times) is
  // V8's slow path. An optional field added to the snapshot must be added here too.
  const { uri, title, fallbackTitle, dates, embedded, length, passages, ids, surfaces, discovered, repeats, inside, best } = rest;
  const whole: DocumentSnapshot = { uri, title, fallbackTitle, dates, embedded, length, lines, passages, ids, surfaces, discovered, mentions, repeats, inside, best };
  if (rest.date !== undefined) whole.date = rest.date;
  if (rest.notice !== undefined) whole.notice = rest.notice;
  if (rest.contentHash !== undefined) whole.contentHash = rest.contentHash;
  if (lengths.length > expected) whole.sentences = take(lengths[expected]);
  return whole;
}

/**
 * Where the columns of revived documents are carved from: a snapshot is a document the index keeps
 * (from the cache, or from a worker), and a warm start revives ten thousand of them.
 */
const slabs = new ColumnSlabs();

/**
 * The document again, without its text. Throws on a snapshot that does not hold together. Its
 * strings go through `interner`, so that the index holds one copy of each (a snapshot from a worker
 * has its own). `shared`: the snapshot's titles, dates and fingerprints are already shared with the
 * other documents (the cache's string table hands out one string for each), and are kept as they
 * are; looked up in the interner, a warm start spent a third of its restore on them.
 */
export function fromSnapshot(s: DocumentSnapshot, interner?: Interner, shared = false): IndexedDocument {
  const length = s.length;
  if (!Number.isSafeInteger(length) || length < 0) throw new Error('the text length is not a length');
  /** An offset range of the text: anything else (a damaged or crafted cache) would reach the editor. */
  const span = (start: number, end: number, what: string) => {
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start || end > length) throw new Error(`${what} ${start}–${end} lies outside the text`);
  };
  const keep = (value: string) => (interner && !shared ? interner.get(value) : value);
  const strings = interner ?? new Interner();
  // Numbered once, each string then the table's own copy.
  const idNumbers = s.ids.map((id) => strings.id(id));
  const surfaceNumbers = s.surfaces.map((surface) => strings.id(surface));
  const ids = idNumbers.map((n) => strings.at(n));
  const passages: Passage[] = s.passages.map(([kind, title, start, end, parent, date, fingerprint], index) => {
    if (!PASSAGE_KINDS[kind]) throw new Error(`unknown passage kind ${kind}`);
    span(start, end, 'a passage');
    if (parent >= index) throw new Error('a passage belongs to one after it');
    return revivedPassage(index, PASSAGE_KINDS[kind], keep(title), start, end, keep(fingerprint), parent >= 0 ? parent : undefined, date ? keep(date) : undefined);
  });
  const infos: DiscoveredInfo[] = s.discovered.map(([kind, name, parent, about]) => {
    const info: DiscoveredInfo = { kind, name: keep(name) };
    if (parent) info.parent = keep(parent);
    if (about) info.about = keep(about);
    return info;
  });
  const m = s.mentions;
  const count = m.id.length;
  for (const name of MENTION_COLUMNS) if (m[name].length !== count) throw new Error('the mention columns differ in length');
  const repeats = new Set<number>();
  for (const i of s.repeats ?? []) {
    if (!(i >= 0 && i < count)) throw new Error('mark refers past the mentions');
    repeats.add(i);
  }
  const insides = new Map<number, string[]>();
  for (const [i, idIndexes] of s.inside ?? []) {
    if (!(i >= 0 && i < count)) throw new Error('mark refers past the mentions');
    insides.set(
      i,
      idIndexes.map((id) => {
        if (ids[id] === undefined) throw new Error('inner name refers past its tables');
        return ids[id];
      }),
    );
  }
  const writer = new MentionWriter(s.uri, count, strings, slabs);
  /** The writer's number of each discovered info, given at its first use (0: not used yet). */
  const infoNumbers = new Int32Array(infos.length);
  const { start: starts, length: lengths, id: idColumn, surface: surfaceColumn, passage: passageColumn, edition: editions, discovered: discoveredColumn } = m;
  let start = 0;
  for (let i = 0; i < count; i++) {
    start += starts[i];
    const end = start + lengths[i];
    const id = idColumn[i];
    const surface = surfaceColumn[i];
    const passage = passageColumn[i];
    const found = discoveredColumn[i];
    if (!(id >= 0 && id < idNumbers.length && surface >= 0 && surface < surfaceNumbers.length)) throw new Error('mention refers past its tables');
    span(start, end, 'a mention');
    if (passage >= passages.length || !(passage >= -1)) throw new Error('a mention refers past the passages');
    let info = 0;
    if (found >= 0) {
      if (found >= infos.length) throw new Error('mention refers past its tables');
      info = infoNumbers[found] ||= writer.info(infos[found]);
    }
    writer.pushNumbers(idNumbers[id], start, end, surfaceNumbers[surface], passage, editions[i], repeats.size > 0 && repeats.has(i), info);
    const inside = insides.size ? insides.get(i) : undefined;
    if (inside) writer.setRare(inside);
  }
  const mentions = writer.done();
  const candidates = (rows: DocumentSnapshot['best']) => {
    const found = new Map<string, CandidateRow>();
    for (const [id, mentionIndex, score, sentenceStart, sentenceEnd] of rows) {
      if (!(Number.isInteger(mentionIndex) && mentionIndex >= 0 && mentionIndex < mentions.length)) throw new Error('candidate refers past the mentions');
      span(sentenceStart, sentenceEnd, 'a sentence');
      if (ids[id] === undefined) throw new Error('candidate refers past its tables');
      if (typeof score !== 'number') throw new Error('a candidate\'s score is not a number');
      found.set(ids[id], { mention: mentionIndex, start: sentenceStart, end: sentenceEnd, score });
    }
    return found;
  };
  const doc: IndexedDocument = {
    uri: s.uri,
    title: keep(s.title),
    fallbackTitle: s.fallbackTitle,
    dates: s.dates.map(keep),
    embedded: s.embedded,
    passages,
    mentions,
    lines: LineTable.fromGaps(s.lines, length, slabs),
  } as Omit<IndexedDocument, 'best'> as IndexedDocument;
  doc.best = new DefinitionCandidates(doc, candidates(s.best), strings, slabs);
  if (s.sentences) {
    // A worker's typed column is a view of the snapshot's buffer: copied, so that the buffer goes.
    const sentences = slabs.copyInt32(s.sentences);
    checkFingerprints(sentences, length);
    doc.sentences = sentences;
  }
  if (s.date) doc.date = keep(s.date);
  if (s.notice) doc.notice = s.notice;
  if (s.contentHash) doc.contentHash = s.contentHash;
  return doc;
}

class Table<T> {
  readonly values: T[] = [];
  private readonly positions = new Map<T, number>();

  get size(): number {
    return this.values.length;
  }

  index(value: T): number {
    let position = this.positions.get(value);
    if (position === undefined) {
      position = this.values.length;
      this.values.push(value);
      this.positions.set(value, position);
    }
    return position;
  }
}

/**
 * A passage made whole by one literal for each set of fields it has: a field added after its
 * object was made went to a separate property array (40 bytes more for each of 72,000 passages).
 * Titles, dates and fingerprints come kept once (they recur: reprints, boilerplate, a day's releases).
 */
function revivedPassage(index: number, kind: PassageKind, title: string, start: number, end: number, fingerprint: string, parent: number | undefined, date: string | undefined): Passage {
  if (parent !== undefined && date !== undefined) return { index, kind, title, start, end, fingerprint, parent, date };
  if (parent !== undefined) return { index, kind, title, start, end, fingerprint, parent };
  if (date !== undefined) return { index, kind, title, start, end, fingerprint, date };
  return { index, kind, title, start, end, fingerprint };
}
