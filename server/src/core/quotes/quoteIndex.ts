// Every sentence of the corpus, found again from a quotation: the sentences are indexed once by
// their word trigrams; a quotation's trigrams vote for sentences, and the best few are aligned
// word by word with the quotation (an ellipsis or a [bracket] may stand for any run of words).

import { innermostPassage, type IndexedDocument } from '../analysis/analyseDocument';
import { sentenceAround } from '../text/sentences';
import { isGap, wordsOf, type QuoteToken, type QuoteWord } from './quoteWords';

/** Where the index reads the corpus. */
export interface QuoteCorpus {
  documents(): readonly IndexedDocument[];
  /** A document's text, or undefined when it cannot be read as it was indexed. */
  textOf(doc: IndexedDocument): string | undefined;
}

interface Sentence {
  doc: IndexedDocument;
  start: number;
  end: number;
  /** Set when its document was re-indexed or removed: its postings are skipped until rebuilt. */
  dead?: boolean;
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

/** When dead sentences are this share of all, the index is built again. */
const REBUILD_SHARE = 0.3;

export class QuoteIndex {
  private sentences: Sentence[] = [];
  private postings = new Map<number, number[]>();
  /** The documents indexed, by uri, with the ids of their sentences. */
  private indexed = new Map<string, { doc: IndexedDocument; first: number; last: number }>();
  private dead = 0;

  constructor(private readonly corpus: QuoteCorpus) {
    this.sync();
  }

  private changes = 0;

  /** Changes whenever the sentences indexed change. */
  get version(): number {
    return this.changes;
  }

  /** Sentences indexed (live ones). */
  get size(): number {
    return this.sentences.length - this.dead;
  }

  /**
   * Brings the index in step with the corpus: documents added or re-analysed since are indexed,
   * removed ones forgotten; only they are read.
   */
  sync(): void {
    const current = this.corpus.documents();
    const seen = new Set<string>();
    const changed: IndexedDocument[] = [];
    for (const doc of current) {
      seen.add(doc.uri);
      if (this.indexed.get(doc.uri)?.doc !== doc) changed.push(doc);
    }
    const gone = [...this.indexed.keys()].filter((uri) => !seen.has(uri));
    if (!changed.length && !gone.length) return;
    this.changes++;
    for (const uri of [...gone, ...changed.map((d) => d.uri)]) this.forget(uri);
    if (this.dead > this.sentences.length * REBUILD_SHARE) {
      this.sentences = [];
      this.postings = new Map();
      this.indexed = new Map();
      this.dead = 0;
      for (const doc of current) this.addDocument(doc);
      return;
    }
    for (const doc of changed) this.addDocument(doc);
  }

  private forget(uri: string): void {
    const entry = this.indexed.get(uri);
    if (!entry) return;
    for (let id = entry.first; id <= entry.last; id++) {
      if (!this.sentences[id].dead) this.dead++;
      this.sentences[id].dead = true;
    }
    this.indexed.delete(uri);
  }

  private addDocument(doc: IndexedDocument): void {
    const first = this.sentences.length;
    const text = this.corpus.textOf(doc) ?? '';
    for (let at = 0; at < text.length; ) {
      const sentence = sentenceAround(text, at, { start: at, end: text.length });
      const next = Math.max(sentence.end, at + 1);
      const passage = innermostPassage(doc.passages, sentence.start);
      if (sentence.end > sentence.start && passage?.kind !== 'boilerplate') {
        const words = wordsOf(text, sentence.start, sentence.end);
        if (words.length >= 3) {
          const id = this.sentences.push({ doc, start: sentence.start, end: sentence.end }) - 1;
          for (let i = 0; i + 2 < words.length; i++) this.post(trigram(words[i].key, words[i + 1].key, words[i + 2].key), id);
        }
      }
      at = next;
    }
    // Kept even without sentences, so that the document is not read again at the next sync.
    this.indexed.set(doc.uri, { doc, first, last: this.sentences.length - 1 });
  }

  private post(hash: number, id: number): void {
    const list = this.postings.get(hash);
    if (!list) this.postings.set(hash, [id]);
    else if (list[list.length - 1] !== id) list.push(id);
  }

  /** The corpus passage a quotation stands for, the closest first; undefined when nothing is near. */
  match(tokens: readonly QuoteToken[]): QuoteMatch | undefined {
    const votes = new Map<number, number>();
    for (let i = 0; i + 2 < tokens.length; i++) {
      const [a, b, c] = [tokens[i], tokens[i + 1], tokens[i + 2]];
      if (isGap(a) || isGap(b) || isGap(c)) continue;
      for (const id of this.postings.get(trigram(a.key, b.key, c.key)) ?? []) if (!this.sentences[id].dead) votes.set(id, (votes.get(id) ?? 0) + 1);
    }
    const words = tokens.filter((t) => !isGap(t)).length;
    const elected = [...votes].sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, CANDIDATES);
    let best: QuoteMatch | undefined;
    for (const [id] of elected) {
      const found = this.align(tokens, id, words);
      if (found && (!best || found.edits < best.edits)) best = found;
      if (best?.edits === 0) break;
    }
    return best;
  }

  /**
   * Sentences that hold the words typed, in their order (case and punctuation ignored; a typo or
   * a missing word costs one), the closest first. `partial` is a last word still being typed: a
   * sentence must have a word starting with it after the others.
   */
  complete(typed: readonly QuoteWord[], partial: string, limit: number): { doc: IndexedDocument; start: number; end: number; edits: number }[] {
    if (typed.length < 2) return [];
    const votes = new Map<number, number>();
    const vote = (hash: number) => {
      for (const id of this.postings.get(hash) ?? []) if (!this.sentences[id].dead) votes.set(id, (votes.get(id) ?? 0) + 1);
    };
    for (let i = 0; i + 2 < typed.length; i++) vote(trigram(typed[i].key, typed[i + 1].key, typed[i + 2].key));
    // Two words and a third being typed: the third may already be whole.
    if (typed.length === 2 && partial) vote(trigram(typed[0].key, typed[1].key, partial));
    const elected = [...votes].sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, limit * 4);
    const found: { doc: IndexedDocument; start: number; end: number; edits: number; votes: number }[] = [];
    for (const [id, count] of elected) {
      const sentence = this.sentences[id];
      const text = this.corpus.textOf(sentence.doc);
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

  /** Aligns a quotation with the sentences around one sentence (a quotation may span several). */
  private align(tokens: readonly QuoteToken[], id: number, words: number): QuoteMatch | undefined {
    const { doc } = this.sentences[id];
    const text = this.corpus.textOf(doc);
    if (text === undefined) return undefined;
    let first = id;
    if (first > 0 && this.sentences[first - 1].doc === doc) first--;
    let last = id;
    let span = 0;
    for (let i = first; i <= last; i++) span += this.sentences[i].end - this.sentences[i].start;
    // Far enough on to hold the whole quotation, and a little more.
    while (last + 1 < this.sentences.length && this.sentences[last + 1].doc === doc && span < quoteLength(tokens) * 1.3 + 200) {
      last++;
      span += this.sentences[last].end - this.sentences[last].start;
    }
    const source = wordsOf(text, this.sentences[first].start, this.sentences[last].end);
    const aligned = alignWords(tokens, source);
    return aligned && { doc, start: source[aligned.from].start, end: source[aligned.to].end, edits: aligned.edits, words };
  }
}

/** Typos and missing words a completion forgives. */
function allowedTypos(words: number): number {
  return words < 4 ? 0 : words < 8 ? 1 : 2;
}

function quoteLength(tokens: readonly QuoteToken[]): number {
  return tokens.length ? tokens[tokens.length - 1].end - tokens[0].start : 0;
}

/**
 * The cheapest alignment of a quotation inside a run of source words: words added, dropped or
 * changed cost one each; a gap absorbs any run of source words; the source may go on before and after.
 */
export function alignWords(tokens: readonly QuoteToken[], source: readonly QuoteWord[]): { from: number; to: number; edits: number } | undefined {
  const m = tokens.length;
  const n = source.length;
  if (!m || !n) return undefined;
  // cost[j] and origin[j] for the current row: the cheapest way to align tokens[0..i) ending before source j.
  let cost = new Array<number>(n + 1).fill(0);
  let origin = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 0; i < m; i++) {
    const token = tokens[i];
    const next = new Array<number>(n + 1).fill(Infinity);
    const nextOrigin = new Array<number>(n + 1).fill(0);
    for (let j = 0; j <= n; j++) {
      const set = (value: number, from: number) => {
        if (value < next[j]) {
          next[j] = value;
          nextOrigin[j] = from;
        }
      };
      if (isGap(token)) {
        set(cost[j], origin[j]);
        if (j > 0) set(next[j - 1], nextOrigin[j - 1]);
        continue;
      }
      // The quotation has a word the source does not.
      set(cost[j] + 1, origin[j]);
      if (j > 0) {
        set(cost[j - 1] + (source[j - 1].key === token.key ? 0 : 1), origin[j - 1]);
        // The source has a word the quotation dropped.
        if (i > 0) set(next[j - 1] + 1, nextOrigin[j - 1]);
      }
    }
    cost = next;
    origin = nextOrigin;
  }
  let best = -1;
  for (let j = 1; j <= n; j++) if (best < 0 || cost[j] < cost[best]) best = j;
  if (best < 0 || !Number.isFinite(cost[best])) return undefined;
  const from = Math.min(origin[best], best - 1);
  return { from, to: best - 1, edits: cost[best] };
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
