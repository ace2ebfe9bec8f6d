// Diagnostics on the quotations of a note: a misquotation (Warning, with the source's words and a
// fix that restores them), a quotation found nowhere in the corpus (Information), and a citation
// that points to a document or line where the quotation is not (Warning, with a fix).

import { posix } from 'node:path';
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { innermostPassage, type IndexedDocument } from '../core/analysis/analyseDocument';
import { dateOfPassage } from '../core/model';
import type { Citation } from '../core/quotes/quotations';
import { MAX_QUOTATION_WORDS } from '../core/quotes/quoteCheck';
import { formatDate } from '../core/text/dates';
import type { RequestDocument, ServerContext } from './context';

/** What the quick fixes of a quotation diagnostic need. */
/** `range`, when given, is what the fix replaces (less than the diagnostic's). */
export type QuoteFixData = { type: 'misquotation'; replacement: string; range?: Range } | { type: 'citation'; replacement: string };

const MAX_QUOTED = 300;
/** Problems of a note's quotations listed at most; the rest are counted in one message. */
const MAX_LISTED = 500;

/**
 * The diagnostics of a note's quotations; undefined while the sentence index is still being built
 * or the quotations checked (in slices of `sliceMilliseconds` when given: call again).
 */
export function quoteDiagnostics(ctx: ServerContext, note: RequestDocument, sliceMilliseconds?: number): Diagnostic[] | undefined {
  const verdicts = ctx.service.quoteVerdicts(note, sliceMilliseconds);
  if (!verdicts) return undefined;
  const diagnostics: Diagnostic[] = [];
  const range = (start: number, end: number) => ({ start: note.positionAt(start), end: note.positionAt(end) });
  let unlisted = 0;
  let firstUnlisted: number | undefined;
  for (const verdict of verdicts) {
    const { quotation } = verdict;
    if (diagnostics.length >= MAX_LISTED) {
      // Thousands of warnings help nobody, and one message of them held the server half a second.
      if (verdict.type !== 'verbatim') {
        unlisted++;
        firstUnlisted ??= quotation.start;
      }
      continue;
    }
    if (verdict.type === 'tooLong') {
      // Said once, on the quotation's first line: underlining thousands of lines helps nobody.
      const firstLine = note.getText().indexOf('\n', quotation.start);
      const end = firstLine < 0 || firstLine > quotation.end ? quotation.end : firstLine;
      const message = `This quotation is over ${MAX_QUOTATION_WORDS.toLocaleString('en')} words long: too long to check. Corpus Lens checks quotations of up to ${MAX_QUOTATION_WORDS.toLocaleString('en')} words against the corpus.`;
      diagnostics.push({ range: range(quotation.start, end), severity: DiagnosticSeverity.Information, source: 'Corpus Lens', code: 'quotation-too-long', message });
      continue;
    }
    if (verdict.type === 'notFound') {
      diagnostics.push({ range: range(quotation.start, quotation.end), severity: DiagnosticSeverity.Information, source: 'Corpus Lens', code: 'quotation-not-found', message: 'Quotation not found in the corpus.' });
      continue;
    }
    if (verdict.type === 'misquoted') {
      // The source's words: read only for a misquotation (a text not kept in memory is read from disk).
      const source = ctx.service.textOf(verdict.doc).slice(verdict.start, verdict.end).replace(/\s+/g, ' ');
      const shown = source.length > MAX_QUOTED ? `${source.slice(0, MAX_QUOTED - 1)}\u2026` : source;
      // The full stop that ends the quoted sentence is the note's, not a word the fix restores.
      const stop = /[.!?\u2026]+$/.exec(note.getText().slice(quotation.start, quotation.end))?.[0] ?? '';
      const end = stop && !source.endsWith(stop) ? quotation.end - stop.length : quotation.end;
      const data: QuoteFixData = { type: 'misquotation', replacement: source, ...(end < quotation.end ? { range: range(quotation.start, end) } : {}) };
      diagnostics.push({
        range: range(quotation.start, quotation.end),
        severity: DiagnosticSeverity.Warning,
        source: 'Corpus Lens',
        code: 'misquotation',
        message: `Misquotation: the source says \u201c${shown}\u201d (${sourceLabel(verdict.doc, verdict.start)}).`,
        data,
      });
    }
    if (quotation.citation?.target) {
      const wrong = citationProblem(note.uri, quotation.citation, verdict.doc, verdict.doc.lines.positionAt(verdict.start).line + 1, verdict.doc.lines.positionAt(verdict.end).line + 1);
      if (wrong) {
        const target = quotation.citation.target;
        const data: QuoteFixData = { type: 'citation', replacement: wrong.correct };
        diagnostics.push({ range: range(target.start, target.end), severity: DiagnosticSeverity.Warning, source: 'Corpus Lens', code: 'wrong-citation', message: wrong.message, data });
      }
    }
  }
  if (unlisted && firstUnlisted !== undefined) {
    const message = `${unlisted.toLocaleString('en')} more quotations from here on are not found verbatim in the corpus; Corpus Lens lists the first ${MAX_LISTED} problems of a note's quotations.`;
    diagnostics.push({ range: range(firstUnlisted, firstUnlisted), severity: DiagnosticSeverity.Information, source: 'Corpus Lens', code: 'quotations-not-listed', message });
  }
  return diagnostics;
}

/** "Title, 30 May 2022": the document's title and the date of the passage quoted. */
export function sourceLabel(doc: IndexedDocument, offset: number): string {
  const passage = innermostPassage(doc.passages, offset);
  const date = dateOfPassage(doc, passage ? passage.index : -1);
  return date ? `${doc.title}, ${formatDate(date)}` : doc.title;
}

/** The link from a note to a place in a corpus document: a path relative to the note, and the line. */
export function citationTarget(noteUri: string, docUri: string, line: number): string {
  const from = posix.dirname(URI.parse(noteUri).path);
  const path = posix.relative(from, URI.parse(docUri).path);
  return `${path.split('/').map(encodeURIComponent).join('/')}#L${line}`;
}

/** Where a citation's link leads: the document's uri and the line, when the link is a relative path. */
export function resolveCitation(noteUri: string, target: string): { uri: string; line?: number } | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return undefined;
  const hash = target.indexOf('#');
  const path = hash >= 0 ? target.slice(0, hash) : target;
  const line = /^#L(\d+)/.exec(hash >= 0 ? target.slice(hash) : '')?.[1];
  try {
    const note = URI.parse(noteUri);
    const uri = note.with({ path: posix.resolve(posix.dirname(note.path), decodeURIComponent(path)), fragment: '' }).toString();
    return line ? { uri, line: Number(line) } : { uri };
  } catch {
    return undefined;
  }
}

function citationProblem(noteUri: string, citation: Citation, doc: IndexedDocument, firstLine: number, lastLine: number): { message: string; correct: string } | undefined {
  const pointsTo = resolveCitation(noteUri, citation.target!.text);
  if (!pointsTo) return undefined;
  const sameDocument = pointsTo.uri === URI.parse(doc.uri).toString();
  const lineFits = pointsTo.line === undefined || (pointsTo.line >= firstLine && pointsTo.line <= lastLine);
  if (sameDocument && lineFits) return undefined;
  const correct = citationTarget(noteUri, doc.uri, firstLine);
  const line = pointsTo.line !== undefined ? `line ${pointsTo.line}` : '';
  const where = sameDocument ? line : [posix.basename(URI.parse(pointsTo.uri).path), line].filter(Boolean).join(' ');
  return { message: `The citation points to ${where}, but the quotation is from ${doc.title}, line ${firstLine}.`, correct };
}
