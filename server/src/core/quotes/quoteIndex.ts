// Every sentence of the corpus, found again from a quotation: the sentences are indexed once by
// their word trigrams; a quotation's trigrams vote for sentences, and the best few are aligned
// word by word with the quotation (an ellipsis or a [bracket] may stand for any run of words).

import type { IndexedDocument } from '../analysis/analyseDocument';
import { alignWords, WordAligner } from './align';
import { IntColumn } from './intColumn';
import { isGap, wordsOf, type QuoteToken, type QuoteWord } from './quoteWords';
import { FINGERPRINT_WIDTH, identityAt, sentenceFingerprints } from './sentenceFingerprints';
import { GroupVotes, IdentityTable, TrigramPostings } from './sentenceTables';

/** Where the index reads the corpus. */
export interface QuoteCorpus {
  documents(): readonly IndexedDocument[];
  /**
   * Changes whenever the list of documents does (a document added, removed or replaced); without
   * it every sync reads the whole list. With 10,000 documents that read was most of the first
   * quotation check: the index is built in slices of a few milliseconds, each after a sync.
   */
  stamp?(): number;
  /** A document's text, or undefined when it cannot be read as it was indexed. */
  textOf(doc: IndexedDocument): string | undefined;
  /** The same for a match's source, which the next quotations likely need again (candidates are first copies): may remember. */
  sourceTextOf?(doc: IndexedDocument): string | undefined;
}

export interface QuoteMatch {
  doc: IndexedDocument;
  /** The source text the quotation stands for: from its first to its last aligned word. */
  start: number;
  end: number;
  /** Words added, dropped or changed (0: verbatim). */
  edits: number;
  /** Words of the quotation (gaps left out). */
  words: number;
}

/** How many sentences a quotation's trigrams elect for alignment. */
const CANDIDATES = 6;

/** How many quotations' matches are remembered (until the corpus changes). */
const MATCH_MEMO = 20000;

/** A trigram in more distinct sentences than this is too common to elect candidates by. */
const COMMON_TRIGRAM = 2000;

/** When dead sentences are this share of all, the index is built again. */
const REBUILD_SHARE = 0.3;

export class QuoteIndex {
  /**
   * The sentences, by id: the next copy of their group. A document's sentences have consecutive
   * ids from the first id of its slot, in the order of its fingerprints; so a sentence's document
   * and its place in the fingerprints are found from its id, not kept for each sentence.
   */
  private nextCopy = new IntColumn();
  /** The documents by slot (undefined once re-indexed or removed), and the first id of each one's sentences. */
  private docs: (IndexedDocument | undefined)[] = [];
  private firstIds = new IntColumn();
  /**
   * The distinct sentences (a sentence printed in several documents is indexed once, and stays
   * found while any copy is left): for each, its first copy, the others linked from it; copies of
   * removed documents are passed over and dropped when next read.
   */
  private firstCopy = new IntColumn();
  private lastCopy = new IntColumn();
  /** The group of each distinct sentence, by a hash of its words. */
  private groupOf = new IdentityTable();
  /** Trigram hash -> the groups holding it. */
  private postings = new TrigramPostings();
  /** A new sentence's trigrams, each posted once. */
  private readonly trigrams = new Set<number>();
  private readonly votes = new GroupVotes();
  /** The documents indexed, by uri, with their slot and the ids of their sentences. */
  private indexed = new Map<string, { doc: IndexedDocument; slot: number; first: number; last: number }>();
  private dead = 0;
  /** Documents still to read, newest changes last. */
  private pending: IndexedDocument[] = [];
  private changes = 0;
  /** The corpus's stamp at the last sync. */
  private syncedStamp: number | undefined;
  /** Matches already made, by the quotation's words: an edited note checks only its new quotations. */
  private readonly matched = new Map<string, QuoteMatch | null>();
  private matchedAt = -1;

  private readonly sourceText: (doc: IndexedDocument) => string | undefined;

  constructor(private readonly corpus: QuoteCorpus) {
    this.sourceText = corpus.sourceTextOf?.bind(corpus) ?? corpus.textOf.bind(corpus);
  }

  /** True when every document of the corpus, as last synced, is indexed. */
  get ready(): boolean {
    return !this.pending.length;
  }

  /** Syncs and indexes everything at once (for a small corpus, or a test). */
  buildAll(): this {
    this.sync();
    this.work(Infinity, () => 0);
    return this;
  }

  /** Indexes pending documents until `budget` milliseconds have passed; true when none is left. */
  work(budget: number, now: () => number): boolean {
    const started = now();
    // Matches made before these documents were read may have missed them.
    if (this.pending.length) this.matched.clear();
    // One document at least, however short the slice: a slice that reads none would never end the work.
    while (this.pending.length) {
      this.addDocument(this.pending.shift()!);
      if (now() - started >= budget) break;
    }
    // Sorted now, with the building, not at the first quotation checked.
    if (this.ready) this.postings.seal();
    return this.ready;
  }

  /** Changes whenever the sentences indexed change. */
  get version(): number {
    return this.changes;
  }

  /** Sentences indexed (live ones). */
  get size(): number {
    return this.nextCopy.length - this.dead;
  }

  /**
   * Brings the index in step with the corpus: documents added or re-analysed since are queued to
   * be read (by `work`), removed ones forgotten at once; only they are read.
   */
  sync(): void {
    const stamp = this.corpus.stamp?.();
    if (stamp !== undefined && stamp === this.syncedStamp) return;
    this.syncedStamp = stamp;
    const current = this.corpus.documents();
    const seen = new Set<string>();
    const changed: IndexedDocument[] = [];
    const queued = new Set(this.pending);
    for (const doc of current) {
      seen.add(doc.uri);
      if (this.indexed.get(doc.uri)?.doc !== doc && !queued.has(doc)) changed.push(doc);
    }
    const gone = [...this.indexed.keys(), ...this.pending.map((d) => d.uri)].filter((uri) => !seen.has(uri));
    if (!changed.length && !gone.length) return;
    this.changes++;
    const stale = new Set([...gone, ...changed.map((d) => d.uri)]);
    for (const uri of stale) this.forget(uri);
    this.pending = this.pending.filter((d) => !stale.has(d.uri));
    if (this.dead > this.nextCopy.length * REBUILD_SHARE) {
      this.nextCopy = new IntColumn();
      this.docs = [];
      this.firstIds = new IntColumn();
      this.firstCopy = new IntColumn();
      this.lastCopy = new IntColumn();
      this.groupOf = new IdentityTable();
      this.postings = new TrigramPostings();
      this.indexed = new Map();
      this.dead = 0;
      this.pending = [...current];
      return;
    }
    this.pending.push(...changed);
  }

  private forget(uri: string): void {
    const entry = this.indexed.get(uri);
    if (!entry) return;
    this.dead += entry.last - entry.first + 1;
    this.docs[entry.slot] = undefined;
    this.indexed.delete(uri);
  }

  private addDocument(doc: IndexedDocument): void {
    const first = this.nextCopy.length;
    const slot = this.docs.push(doc) - 1;
    this.firstIds.push(first);
    // The analysis made the document's fingerprints (its worker did, for a file); its text is read
    // only for a sentence not seen yet, whose words are then indexed. A document analysed here
    // (open in an editor) is split now, and keeps its fingerprints as a file's does.
    let text = doc.sentences ? undefined : this.corpus.textOf(doc);
    if (!doc.sentences && text !== undefined) doc.sentences = sentenceFingerprints(text, doc.passages);
    const prints = doc.sentences ?? new Int32Array(0);
    for (let i = 0; i < prints.length / FINGERPRINT_WIDTH; i++) {
      // A sentence printed again (a reprint, a boilerplate line) joins the group of its first copy.
      const identity = identityAt(prints, i);
      let group = this.groupOf.get(identity);
      if (group === undefined) {
        const start = prints[i * FINGERPRINT_WIDTH];
        const end = prints[i * FINGERPRINT_WIDTH + 1];
        text ??= this.corpus.textOf(doc);
        // The text changed since it was analysed: its sentences wait for the new analysis.
        if (text === undefined || end > text.length) break;
        const words = wordsOf(text, start, end);
        group = this.firstCopy.push(-1);
        this.lastCopy.push(-1);
        this.groupOf.set(identity, group);
        this.post(words, group);
      }
      // Linked last: a group's oldest live copy is the one found.
      const id = this.nextCopy.push(-1);
      const tail = this.lastCopy.data[group];
      if (tail >= 0) this.nextCopy.data[tail] = id;
      if (this.liveCopy(group) < 0) this.firstCopy.data[group] = id;
      this.lastCopy.data[group] = id;
    }
    // Kept even without sentences, so that the document is not read again at the next sync.
    this.indexed.set(doc.uri, { doc, slot, first, last: this.nextCopy.length - 1 });
  }

  /** The slot of the document a sentence is of: the last whose first id is not after the sentence's. */
  private slotOf(id: number): number {
    const firstIds = this.firstIds.data;
    let low = 0;
    let high = this.firstIds.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (firstIds[mid] <= id) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /** The document of a live sentence, the sentence's place in its fingerprints, and where it is in its text. */
  private sentence(id: number): { doc: IndexedDocument; at: number; start: number; end: number } {
    const slot = this.slotOf(id);
    const doc = this.docs[slot]!;
    const at = id - this.firstIds.data[slot];
    return { doc, at, start: doc.sentences![at * FINGERPRINT_WIDTH], end: doc.sentences![at * FINGERPRINT_WIDTH + 1] };
  }

  /** The first live copy of a group (dead ones before it unlinked), or -1. */
  private liveCopy(group: number): number {
    let id = this.firstCopy.data[group];
    while (id >= 0 && !this.docs[this.slotOf(id)]) id = this.nextCopy.data[id];
    this.firstCopy.data[group] = id;
    return id;
  }

  /** Posts a new sentence's trigrams, a trigram it holds twice once. */
  private post(words: readonly QuoteWord[], group: number): void {
    for (let w = 0; w + 2 < words.length; w++) this.trigrams.add(trigram(words[w].key, words[w + 1].key, words[w + 2].key));
    for (const hash of this.trigrams) this.postings.add(hash, group);
    this.trigrams.clear();
  }

  /** The corpus passage a quotation stands for, the closest first; undefined when nothing is near. */
  match(tokens: readonly QuoteToken[]): QuoteMatch | undefined {
    return this.startMatch(tokens).run(Infinity) ?? undefined;
  }

  /**
   * The same search, done a little at a time: each `run` works until the deadline (between rows
   * of an alignment, not only between quotations) and answers null for no match, undefined when
   * not done yet. A task belongs to the index as it was: drop it when `version` changes.
   */
  startMatch(tokens: readonly QuoteToken[], now: () => number = Date.now): MatchTask {
    if (this.matchedAt !== this.changes || this.matched.size > MATCH_MEMO) {
      this.matched.clear();
      this.matchedAt = this.changes;
    }
    const key = tokens.map((t) => (isGap(t) ? '\u2026' : t.key)).join(' ');
    const known = this.matched.get(key);
    if (known !== undefined) return { run: () => known };
    let elected: number[] | undefined;
    let next = 0;
    let best: QuoteMatch | undefined;
    let current: { id: number; source: readonly QuoteWord[]; aligner: WordAligner } | undefined;
    const words = tokens.filter((t) => !isGap(t)).length;
    const finish = (found: QuoteMatch | undefined) => {
      this.matched.set(key, found ?? null);
      return found ?? null;
    };
    return {
      run: (deadline) => {
        elected ??= this.elect(tokens);
        while (true) {
          if (!current) {
            if (next >= elected.length || best?.edits === 0) return finish(best);
            const id = elected[next++];
            const source = this.sourceAround(id, tokens);
            if (source) current = { id, source, aligner: new WordAligner(tokens, source) };
          } else {
            if (!current.aligner.advance(deadline, now)) return undefined;
            const aligned = current.aligner.result();
            const { doc } = this.sentence(current.id);
            const found = aligned && { doc, start: current.source[aligned.from].start, end: current.source[aligned.to].end, edits: aligned.edits, words };
            if (found && (!best || found.edits < best.edits)) best = found;
            current = undefined;
          }
          if (now() >= deadline) return undefined;
        }
      },
    };
  }

  /** The sentences a quotation's trigrams vote for most, the best first. */
  private elect(tokens: readonly QuoteToken[]): number[] {
    const hashes: number[] = [];
    for (let i = 0; i + 2 < tokens.length; i++) {
      const [a, b, c] = [tokens[i], tokens[i + 1], tokens[i + 2]];
      if (!isGap(a) && !isGap(b) && !isGap(c)) hashes.push(trigram(a.key, b.key, c.key));
    }
    return this.vote(hashes, CANDIDATES).map((elected) => elected.id);
  }

  /**
   * The `limit` sentences most voted for by trigrams holding them (most votes, then lowest id
   * first), each distinct sentence through its first live copy. Trigrams held by very many
   * sentences ("of the CSTO") say little and cost much: they vote only when no rarer one does.
   */
  private vote(hashes: readonly number[], limit: number): { id: number; votes: number }[] {
    const held = hashes.map((hash) => this.postings.find(hash)).filter((found) => found.count > 0);
    const rare = held.filter((found) => found.count <= COMMON_TRIGRAM);
    for (const found of rare.length ? rare : held.sort((x, y) => x.count - y.count).slice(0, 1)) this.postings.forEachGroup(found, this.votes.add);
    return this.votes.best(limit, (group) => this.liveCopy(group));
  }

  /**
   * Sentences that hold the words typed, in their order (case and punctuation ignored; a typo or
   * a missing word costs one), the closest first. `partial` is a last word still being typed: a
   * sentence must have a word starting with it after the others.
   */
  complete(typed: readonly QuoteWord[], partial: string, limit: number): { doc: IndexedDocument; start: number; end: number; edits: number }[] {
    if (typed.length < 2) return [];
    const hashes: number[] = [];
    for (let i = 0; i + 2 < typed.length; i++) hashes.push(trigram(typed[i].key, typed[i + 1].key, typed[i + 2].key));
    // Two words and a third being typed: the third may already be whole.
    if (typed.length === 2 && partial) hashes.push(trigram(typed[0].key, typed[1].key, partial));
    const found: { doc: IndexedDocument; start: number; end: number; edits: number; votes: number }[] = [];
    for (const { id, votes: count } of this.vote(hashes, limit * 4)) {
      const sentence = this.sentence(id);
      const text = this.sourceText(sentence.doc);
      if (text === undefined) continue;
      const source = wordsOf(text, sentence.start, sentence.end);
      const aligned = alignWords(typed, source);
      if (!aligned || aligned.edits > allowedTypos(typed.length)) continue;
      if (partial && !source.slice(aligned.to + 1).some((w) => w.key.startsWith(partial))) continue;
      found.push({ doc: sentence.doc, start: sentence.start, end: sentence.end, edits: aligned.edits, votes: count });
    }
    found.sort((a, b) => a.edits - b.edits || b.votes - a.votes);
    return found.slice(0, limit).map(({ doc, start, end, edits }) => ({ doc, start, end, edits }));
  }

  /** The source words around one sentence that a quotation may stand for (it may span several sentences). */
  private sourceAround(id: number, tokens: readonly QuoteToken[]): QuoteWord[] | undefined {
    const { doc, at } = this.sentence(id);
    const text = this.sourceText(doc);
    if (text === undefined) return undefined;
    // The document's sentences are its fingerprints, in order: the one before, and as many after as the quotation needs.
    const prints = doc.sentences!;
    const count = prints.length / FINGERPRINT_WIDTH;
    const first = Math.max(0, at - 1);
    let last = at;
    const span = (i: number) => prints[i * FINGERPRINT_WIDTH + 1] - prints[i * FINGERPRINT_WIDTH];
    let length = span(first) + (first < at ? span(at) : 0);
    // Far enough on to hold the whole quotation, and a little more.
    while (last + 1 < count && length < quoteLength(tokens) * 1.3 + 200) length += span(++last);
    return wordsOf(text, prints[first * FINGERPRINT_WIDTH], prints[last * FINGERPRINT_WIDTH + 1]);
  }
}

/** A quotation's search, run in slices (QuoteIndex.startMatch). */
export interface MatchTask {
  run(deadline: number): QuoteMatch | null | undefined;
}

/** Typos and missing words a completion forgives. */
function allowedTypos(words: number): number {
  return words < 4 ? 0 : words < 8 ? 1 : 2;
}

function quoteLength(tokens: readonly QuoteToken[]): number {
  return tokens.length ? tokens[tokens.length - 1].end - tokens[0].start : 0;
}

function trigram(a: string, b: string, c: string): number {
  let hash = 0x811c9dc5;
  const mix = (s: string) => {
    for (let i = 0; i < s.length; i++) hash = Math.imul(hash ^ s.charCodeAt(i), 0x01000193);
    hash = Math.imul(hash ^ 32, 0x01000193);
  };
  mix(a);
  mix(b);
  mix(c);
  return hash >>> 0;
}
