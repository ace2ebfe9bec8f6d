// The quotations of notes, owned in one place: the corpus's sentences by word trigrams (built a
// slice at a time when a note first needs them), each note's quotations and their verdicts for
// one version of the note and of the index, and what the editor shows of them: the findings
// (misquotation, not found, too long, wrong citation) with their fixes, the citation links and
// hovers, quote completion on a blockquote line, and the quotation "Insert Quote in Note" inserts.
// Plain data with offsets; the handlers turn offsets into ranges.

import type { IndexedDocument } from '../analysis/analyseDocument';
import type { CorpusIndex } from '../index/corpusIndex';
import type { TextSource } from '../model';
import { renderCitedPassage, renderQuoteInsertion, renderSentenceInContext, renderVerbatimSource, type CitationFormat, type QuoteInsertion } from '../render/quoteText';
import { escapeMarkdown } from '../text/markdown';
import { sentenceAround } from '../text/sentences';
import { citationTarget, resolveCitation, sourceLabel, wrongCitation } from './citations';
import { MAX_QUOTATION_WORDS, QuotationCheck, type QuoteVerdict } from './quoteCheck';
import { findQuotations, type Quotation } from './quotations';
import { QuoteIndex } from './quoteIndex';
import { paragraphsOf, placeToQuote, selectedWords, type QuotePlace } from './quotePlace';
import { wordsOf } from './quoteWords';
import { wordDifferences, type WordDifference } from './wordDiff';

/** A citation's link as a path to read: no fragment, escapes undone where they can be. */
function readablePath(target: string): string {
  const path = target.replace(/#.*$/, '');
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** Words of a source or a note as a message shows them: cut to MAX_QUOTED characters. */
function clipQuoted(words: string): string {
  return words.length > MAX_QUOTED ? `${words.slice(0, MAX_QUOTED - 1)}\u2026` : words;
}

/** What the source has where a quotation differs, in the words of the message. */
function describe(difference: WordDifference): string {
  const quote = (words: string) => `\u201c${clipQuoted(words)}\u201d`;
  if (!difference.source) return `the source has no ${quote(difference.quoted)} here`;
  if (!difference.quoted) return `the source has ${quote(difference.source)} here, left out of the quotation without \u201c\u2026\u201d`;
  return `the source says ${quote(difference.source)}, not ${quote(difference.quoted)}`;
}

/** What the editor shows of a quotation, at [start, end) of the note; `fix` replaces [fix.start, fix.end) with its text. */
export interface QuoteFinding {
  code: 'misquotation' | 'quotation-not-found' | 'quotation-too-long' | 'wrong-citation' | 'dead-citation' | 'quotations-not-listed';
  severity: 'warning' | 'information';
  start: number;
  end: number;
  message: string;
  fix?: { start: number; end: number; text: string };
  /** The whole quotation, when the finding names a part of it (a fix made later finds it by this). */
  within?: { start: number; end: number };
  /** Where in the corpus the finding points (the source sentence of a misquotation), with a word on it. */
  related?: { uri: string; start: number; end: number; message: string };
}

/** A corpus sentence offered on a blockquote line, and what accepting it writes. */
export interface QuoteCompletion {
  label: string;
  /** The source: "Title, 30 May 2022". */
  detail: string;
  /** Markdown: the sentence in its paragraph, and where it is. */
  documentation: string;
  insertion: QuoteInsertion;
}

/** A corpus passage to quote, with the text that quotes it in a note. */
export interface QuoteOfSource extends QuoteInsertion {
  text: string;
  document: IndexedDocument;
  start: number;
  end: number;
}

const NOTE_CACHE_SIZE = 64;
/** A blockquote line being completed is looked up by its last words only. */
const MAX_TYPED_WORDS = 40;
/** A line longer than this is not a sentence being typed (each item would carry it as its filter). */
const MAX_TYPED_LINE = 2000;
/** How long one request may spend building the sentence index before it answers without it. */
const QUOTE_SLICE = 40;
/** How long one pass may spend checking a note's quotations (a few hundred fit in one). */
const CHECK_SLICE = 150;
const MAX_QUOTED = 300;
/** A misquotation differing in more places than this is one finding on the whole quotation. */
const MAX_DIFFERENCES_SHOWN = 4;
/** Problems of a note's quotations listed at most; the rest are counted in one message. */
const MAX_LISTED = 500;
const MAX_LABEL = 90;
const BLOCKQUOTE = /^([ \t]{0,3}>[ \t]?)(.*)$/;

interface NoteQuotes {
  version: number;
  length: number;
  quotations: Quotation[];
  /** The sentence index's version the verdicts were given against. */
  corpus: number;
  verdicts: QuoteVerdict[];
  /** The check under way, when a slice ended inside a quotation. */
  pending: QuotationCheck | undefined;
  /** What the editor marks, worked out once from complete verdicts (the array they were read from). */
  findings?: { from: readonly QuoteVerdict[]; findings: QuoteFinding[] } | undefined;
}

export class QuoteProvider {
  private quotes: QuoteIndex | undefined;
  private readonly notes = new Map<string, NoteQuotes>();

  /** `index` gives the corpus index in use (a full index may replace it whole). */
  constructor(private readonly index: () => CorpusIndex) {}

  /** The quotations of a note, found but not checked (no corpus work). */
  quotations(note: TextSource): readonly Quotation[] {
    return this.entry(note).quotations;
  }

  /**
   * The quotations of a note, each checked against the corpus; undefined while the sentence index
   * is still being built or the checks are not done (each call does a slice of that work, of at
   * most `sliceMilliseconds` when given: call again).
   */
  verdicts(note: TextSource, sliceMilliseconds?: number): readonly QuoteVerdict[] | undefined {
    const entry = this.entry(note);
    // A note without quotations never makes the sentence index be built.
    if (!entry.quotations.length) return entry.verdicts;
    const quotes = this.sentenceIndex();
    if (entry.corpus !== quotes.version) {
      entry.corpus = quotes.version;
      entry.verdicts = [];
      entry.pending = undefined;
    }
    const { quotations, verdicts } = entry;
    if (verdicts.length === quotations.length) return verdicts;
    if (!quotes.work(sliceMilliseconds ?? QUOTE_SLICE, Date.now)) return undefined;
    // A note with thousands of quotations is checked a slice at a time, like the index is built, and
    // a long quotation is itself aligned in slices: the slice ends inside it and goes on next time.
    const deadline = Date.now() + (sliceMilliseconds ?? CHECK_SLICE);
    while (verdicts.length < quotations.length && Date.now() < deadline) {
      entry.pending ??= new QuotationCheck(quotations[verdicts.length], quotes);
      const verdict = entry.pending.run(deadline);
      if (!verdict) break;
      verdicts.push(verdict);
      entry.pending = undefined;
    }
    return verdicts.length === quotations.length ? verdicts : undefined;
  }

  /** What the editor marks in a note's quotations, with the fixes; undefined while the checks are not done (see `verdicts`). */
  findings(note: TextSource, sliceMilliseconds?: number): QuoteFinding[] | undefined {
    const verdicts = this.verdicts(note, sliceMilliseconds);
    if (!verdicts) return undefined;
    // Asked at every move of the cursor (code actions) and every publication: made once per note
    // version and corpus, which give a new verdicts array.
    const entry = this.entry(note);
    if (entry.findings?.from === verdicts) return entry.findings.findings;
    const findings = this.findingsOf(note, verdicts);
    entry.findings = { from: verdicts, findings };
    return findings;
  }

  private findingsOf(note: TextSource, verdicts: readonly QuoteVerdict[]): QuoteFinding[] {
    const text = note.getText();
    const findings: QuoteFinding[] = [];
    let unlisted = 0;
    let firstUnlisted: number | undefined;
    for (const verdict of verdicts) {
      const { quotation } = verdict;
      if (findings.length >= MAX_LISTED) {
        // Thousands of warnings help nobody, and one message of them held the server half a second.
        if (verdict.type !== 'verbatim') {
          unlisted++;
          firstUnlisted ??= quotation.start;
        }
        continue;
      }
      if (verdict.type === 'tooLong') {
        // Said once, on the quotation's first line: underlining thousands of lines helps nobody.
        const lineEnd = text.indexOf('\n', quotation.start);
        const end = lineEnd < 0 || lineEnd > quotation.end ? quotation.end : lineEnd;
        const limit = MAX_QUOTATION_WORDS.toLocaleString('en');
        findings.push({ code: 'quotation-too-long', severity: 'information', start: quotation.start, end, message: `This quotation is over ${limit} words long: too long to check. Corpus Lens checks quotations of up to ${limit} words against the corpus.` });
        continue;
      }
      if (verdict.type === 'notFound') {
        findings.push({ code: 'quotation-not-found', severity: 'information', start: quotation.start, end: quotation.end, message: 'Quotation not found in the corpus.' });
        // A citation of a source that is gone (deleted, moved, renamed) leads nowhere: said on the link.
        const target = quotation.citation?.target;
        const cited = target && resolveCitation(note.uri, target.text);
        if (target && cited && !this.index().get(cited.uri)) {
          findings.push({ code: 'dead-citation', severity: 'warning', start: target.start, end: target.end, message: `The cited source ${readablePath(target.text)} is not in the corpus: it was deleted, moved or renamed, or is not a corpus document.` });
        }
        continue;
      }
      if (verdict.type === 'misquoted') findings.push(...this.misquotation(text, verdict));
      const target = quotation.citation?.target;
      if (target) {
        const { doc } = verdict;
        const wrong = wrongCitation(note.uri, target.text, doc, doc.lines.positionAt(verdict.start).line + 1, doc.lines.positionAt(verdict.end).line + 1);
        if (wrong) findings.push({ code: 'wrong-citation', severity: 'warning', start: target.start, end: target.end, message: wrong.message, fix: { start: target.start, end: target.end, text: wrong.correct } });
      }
    }
    if (unlisted && firstUnlisted !== undefined) {
      const message = `${unlisted.toLocaleString('en')} more quotations from here on are not found verbatim in the corpus; Corpus Lens lists the first ${MAX_LISTED} problems of a note's quotations.`;
      findings.push({ code: 'quotations-not-listed', severity: 'information', start: firstUnlisted, end: firstUnlisted, message });
    }
    return findings;
  }

  /**
   * A misquotation, said where it differs: each run of words changed, added or left out is a
   * finding on those words of the note, saying what the source has there, with the source sentence
   * as related information and a fix that restores the whole quotation. A quotation too long to
   * compare word by word, or differing in more than a few places, is one finding.
   */
  private misquotation(noteText: string, verdict: Extract<QuoteVerdict, { type: 'misquoted' }>): QuoteFinding[] {
    const { quotation, doc } = verdict;
    // The source's words: read only for a misquotation (a text not kept in memory is read from disk).
    const sourceText = this.index().textOf(doc);
    const source = sourceText.slice(verdict.start, verdict.end).replace(/\s+/g, ' ');
    const shown = clipQuoted(source);
    // The full stop that ends the quoted sentence is the note's, not a word the fix restores.
    const stop = /[.!?\u2026]+$/.exec(noteText.slice(quotation.start, quotation.end))?.[0] ?? '';
    const fixEnd = stop && !source.endsWith(stop) ? quotation.end - stop.length : quotation.end;
    const where = sourceLabel(doc, verdict.start);
    const shared = {
      code: 'misquotation' as const,
      severity: 'warning' as const,
      fix: { start: quotation.start, end: fixEnd, text: source },
      within: { start: quotation.start, end: quotation.end },
      related: { uri: doc.uri, start: verdict.start, end: verdict.end, message: `The source: \u201c${shown}\u201d` },
    };
    const differences = wordDifferences(quotation.tokens, noteText, wordsOf(sourceText, verdict.start, verdict.end), sourceText);
    if (!differences?.length || differences.length > MAX_DIFFERENCES_SHOWN) {
      const count = differences?.length ? `${differences.length} words or runs of words differ; ` : '';
      return [{ ...shared, start: quotation.start, end: quotation.end, message: `Misquotation: ${count}the source says \u201c${shown}\u201d (${where}).` }];
    }
    return differences.map((difference) => ({ ...shared, start: difference.start, end: difference.end, message: `Misquotation: ${describe(difference)} (${where}).` }));
  }

  /** The citations of a note that lead to a corpus document, as links to the passage. */
  citationLinks(note: TextSource): { start: number; end: number; uri: string; line?: number | undefined; title: string }[] {
    const links = [];
    // Links come from the citations as written: no check against the corpus is waited for.
    for (const quotation of this.quotations(note)) {
      const target = quotation.citation?.target;
      const cited = target && resolveCitation(note.uri, target.text);
      const doc = cited && this.index().get(cited.uri);
      if (target && cited && doc) links.push({ start: target.start, end: target.end, uri: doc.uri, line: cited.line, title: doc.title });
    }
    return links;
  }

  /**
   * A hover on a citation (the cited passage) or on a quotation found verbatim (where it is from).
   * A citation needs no check; a quotation does a short slice of the checks at most.
   */
  hover(note: TextSource, offset: number, sliceMilliseconds: number): { markdown: string; start: number; end: number } | undefined {
    const quotations = this.quotations(note);
    for (const quotation of quotations) {
      const target = quotation.citation?.target;
      if (!target || offset < quotation.citation!.start || offset > quotation.citation!.end) continue;
      const cited = resolveCitation(note.uri, target.text);
      const doc = cited && this.index().get(cited.uri);
      if (!cited || !doc) return undefined;
      const text = this.index().textOf(doc);
      const at = cited.line ? doc.lines.offsetAt({ line: cited.line - 1, character: 0 }) : 0;
      const sentence = sentenceAround(text, at, { start: 0, end: text.length });
      return { markdown: renderCitedPassage(text.slice(sentence.start, sentence.end).replace(/\s+/g, ' '), sourceLabel(doc, at), cited.line), start: target.start, end: target.end };
    }
    if (!quotations.some((q) => offset >= q.start && offset <= q.end)) return undefined;
    for (const verdict of this.verdicts(note, sliceMilliseconds) ?? []) {
      const { quotation } = verdict;
      if (verdict.type !== 'verbatim' || offset < quotation.start || offset > quotation.end) continue;
      const line = verdict.doc.lines.positionAt(verdict.start).line + 1;
      return { markdown: renderVerbatimSource(sourceLabel(verdict.doc, verdict.start), verdict.doc.uri, line), start: quotation.start, end: quotation.end };
    }
    return undefined;
  }

  /**
   * Completions for a blockquote line of a note (`lineStart` to `offset` typed): corpus sentences
   * holding the words typed. Undefined when the line is not a blockquote (names are completed
   * then); no items on a citation line or with too little typed. `from` is where the items replace.
   */
  completions(note: TextSource, lineStart: number, offset: number, format: CitationFormat, limit = 20): { from: number; typed: string; items: QuoteCompletion[] } | undefined {
    if (this.index().get(note.uri)) return undefined;
    const noteText = note.getText();
    const match = BLOCKQUOTE.exec(noteText.slice(lineStart, offset));
    if (!match) return undefined;
    const typed = match[2];
    const from = lineStart + match[1].length;
    if (/^\s*(?:\u2014|\u2013|--?)/.test(typed) || typed.length > MAX_TYPED_LINE || typed.trim().split(/\s+/).length < 3) return { from, typed, items: [] };
    const items = this.sentencesHolding(typed, limit).map(({ doc, start, end }): QuoteCompletion => {
      const text = this.index().textOf(doc);
      const sentence = text.slice(start, end).replace(/\s+/g, ' ').trim();
      const line = doc.lines.positionAt(start).line + 1;
      const where = sourceLabel(doc, start);
      return {
        label: sentence.length > MAX_LABEL ? `${sentence.slice(0, MAX_LABEL - 1)}\u2026` : sentence,
        detail: where,
        documentation: `${renderSentenceInContext(text, start, end)}\n\n${escapeMarkdown(where)}, line ${line}`,
        insertion: renderQuoteInsertion(noteText, sentence, where, citationTarget(note.uri, doc.uri, line), format),
      };
    });
    return { from, typed, items };
  }

  /** Corpus sentences holding the words typed (in order, a typo forgiven), closest first. */
  private sentencesHolding(typed: string, limit: number): { doc: IndexedDocument; start: number; end: number }[] {
    const quotes = this.sentenceIndex();
    if (!quotes.work(QUOTE_SLICE, Date.now)) return [];
    // The last words typed are enough to find a sentence; a line of hundreds says no more.
    const words = wordsOf(typed).slice(-MAX_TYPED_WORDS);
    // A last word not yet followed by a space is still being typed.
    const partial = words.length && /[\p{L}\p{N}]$/u.test(typed) ? words.pop()!.key : '';
    return quotes.complete(words, partial, limit);
  }

  /**
   * The quotation of a corpus passage for a note: the sentence at `offset` of `uri`, the first
   * paragraph of its passage, or the sentence that defines an entity; with its citation in
   * `format`, the link relative to `note` (or, without one, to the document's folder's parent).
   */
  quoteOf(what: QuotePlace | { document: IndexedDocument; start: number; end: number }, note: { uri?: string | undefined; text: string }, format: CitationFormat): QuoteOfSource | undefined {
    let found: { document: IndexedDocument; start: number; end: number } | undefined;
    if ('document' in what) found = what;
    else {
      const document = this.index().get(what.uri);
      const text = document && this.index().textOf(document);
      const span = text === undefined ? undefined : 'scope' in what ? placeToQuote(document!, text, what.offset, what.scope) : selectedWords(text, what.start, what.end);
      found = span && { document: document!, ...span };
    }
    if (!found) return undefined;
    const { document, start, end } = found;
    const text = this.index().textOf(document).slice(start, end).replace(/\s+/g, ' ').trim();
    const line = document.lines.positionAt(start).line + 1;
    const noteUri = note.uri ?? `${document.uri.slice(0, document.uri.lastIndexOf('/'))}/../quote.md`;
    return { text, document, start, end, ...renderQuoteInsertion(note.text, text, sourceLabel(document, start), citationTarget(noteUri, document.uri, line), format) };
  }

  /** The paragraphs of the passage at `offset` an analyst may quote (no heading, byline or boilerplate), white space folded. */
  paragraphs(uri: string, offset: number): { start: number; end: number; text: string }[] {
    const document = this.index().get(uri);
    if (!document) return [];
    const text = this.index().textOf(document);
    return paragraphsOf(document, text, offset).map(({ start, end }) => ({ start, end, text: text.slice(start, end).replace(/\s+/g, ' ') }));
  }

  /**
   * Builds the sentence index a slice at a time (at most `sliceMilliseconds` per call) before any
   * note asks for it, so that the first quotation checked does not wait for it; true when done.
   */
  prepare(sliceMilliseconds: number): boolean {
    return this.sentenceIndex().work(sliceMilliseconds, Date.now);
  }

  /** A note was closed: what was worked out for it is dropped. */
  forget(uri: string): void {
    this.notes.delete(uri);
  }

  private sentenceIndex(): QuoteIndex {
    // One index of sentences, kept across full indexes: it reads the documents of the index in use.
    this.quotes ??= new QuoteIndex({ documents: () => this.index().documents(), stamp: () => this.index().documentsStamp, textOf: (doc) => this.index().passingTextOf(doc), sourceTextOf: (doc) => this.index().tryTextOf(doc) });
    // Only the documents that changed since the last look are read again.
    this.quotes.sync();
    return this.quotes;
  }

  private entry(note: TextSource): NoteQuotes {
    const text = note.getText();
    let entry = this.notes.get(note.uri);
    if (!entry || entry.version !== note.version || entry.length !== text.length) {
      entry = { version: note.version, length: text.length, quotations: findQuotations(text), corpus: -1, verdicts: [], pending: undefined };
      this.notes.delete(note.uri);
      this.notes.set(note.uri, entry);
      if (this.notes.size > NOTE_CACHE_SIZE) this.notes.delete(this.notes.keys().next().value!);
    }
    return entry;
  }
}
