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

export class QuoteIndex {
  private readonly sentences: Sentence[] = [];
  private readonly postings = new Map<number, number[]>();

  constructor(private readonly corpus: QuoteCorpus) {
    for (const doc of corpus.documents()) this.addDocument(doc);
  }

  get size(): number {
    return this.sentences.length;
  }

  private addDocument(doc: IndexedDocument): void {
    const text = this.corpus.textOf(doc);
    if (text === undefined) return;
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
      for (const id of this.postings.get(trigram(a.key, b.key, c.key)) ?? []) votes.set(id, (votes.get(id) ?? 0) + 1);
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
