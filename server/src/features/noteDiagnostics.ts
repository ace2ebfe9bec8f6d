// Diagnostics in open notes: a name neither the catalog nor the corpus knows, an edition year
// neither has (Information, never an error: a note may well be ahead of the catalog), and the
// quotations checked against the corpus (a misquotation, a quotation found nowhere or too long to
// check, a citation that points elsewhere). Off with corpusLens.diagnostics.notes = false. The
// findings come from the core with offsets; here they become ranges. The quick fixes are in
// codeActions.ts.

import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver';
import type { NoteFinding } from '../core/query/noteFindings';
import type { Disposable } from '../core/sync/host';
import { requestDocument, type FindingData, type QuoteFixData, type RequestDocument, type ServerContext } from './context';
import type { QuoteFinding } from '../core/quotes/quoteProvider';
import { afterRequests } from '../eventLoop';

/**
 * Work done for diagnostics in the background (building the sentence index, checking quotations)
 * holds the thread this long at most: a request that comes meanwhile waits no longer than that.
 */
const BACKGROUND_SLICE_MS = 4;
/**
 * The sentence index is built after each index, before a note asks for it, in slices this short
 * between requests (a hover waits for at most one): with 10,000 documents it takes seconds, which
 * the first quotation of a note opened later need not wait.
 */
const PREPARE_SLICE_MS = 2;

export function registerNoteDiagnostics(ctx: ServerContext): Disposable & { refreshAll(): void } {
  /** Each note's publication to come, by the function that calls it off. */
  const timers = new Map<string, () => void>();
  const cancel = (uri: string) => {
    timers.get(uri)?.();
    timers.delete(uri);
  };
  /**
   * What was last sent for each note. The same diagnostics are not sent again: every publication
   * is a change of markers to VS Code, which starts its code-action request over, and a Ctrl+.
   * menu that was about to open then never shows (the E2E flake, and the "Quick Fix shows
   * nothing" of a session whose notes were published over and over).
   */
  const published = new Map<string, string>();
  /** Notes whose findings are out while their quotations wait for the sentence index. */
  const waiting = new Set<string>();
  const publish = (uri: string, retry = false) => {
    timers.delete(uri);
    const open = ctx.documents.get(uri) && !ctx.service.document(uri) ? requestDocument(ctx, uri) : undefined;
    const doc = open && ctx.settings().noteDiagnostics ? open : undefined;
    const quotes = doc ? ctx.service.quoteFindings(doc, BACKGROUND_SLICE_MS) : [];
    const complete = !!quotes;
    // The sentence index is still being built, or the quotations checked, a slice at a time: the
    // rest of the server answers in between. The next slice follows as soon as a request that came
    // meanwhile is answered (not after a timer: its least delay, a millisecond, made a fifth of a
    // long note's check idle time).
    if (!complete) timers.set(uri, afterRequests(() => publish(uri, true)));
    // What was published while waiting stands until the checks are done: nothing else is worked out meanwhile.
    if (!complete && retry && waiting.has(uri)) return;
    if (complete) waiting.delete(uri);
    else waiting.add(uri);
    const diagnostics = doc ? diagnosticsOf(ctx, doc, quotes) : [];
    const sent = JSON.stringify(diagnostics);
    if (published.get(uri) === sent || (!diagnostics.length && !published.has(uri))) return;
    void ctx.connection.sendDiagnostics({ uri, diagnostics });
    if (diagnostics.length) published.set(uri, sent);
    else published.delete(uri);
  };
  /** Published on the next turn: never inside the request or notification that caused it. */
  const schedule = (uri: string) => {
    cancel(uri);
    const next = setTimeout(() => publish(uri), 0);
    timers.set(uri, () => clearTimeout(next));
  };
  const subscriptions = [
    ctx.documents.onDidOpen((e) => schedule(e.document.uri)),
    // Edits are debounced once, by the sync: a note is looked at again when its edits are taken in.
    ctx.noteEdits((uri) => {
      if (ctx.documents.get(uri)) schedule(uri);
    }),
    ctx.documents.onDidClose((e) => {
      cancel(e.document.uri);
      waiting.delete(e.document.uri);
      if (published.delete(e.document.uri)) void ctx.connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    }),
  ];
  let preparing: (() => void) | undefined;
  const prepare = () => {
    preparing = undefined;
    if (!ctx.service.prepareQuotes(PREPARE_SLICE_MS)) preparing = afterRequests(prepare);
  };
  return {
    /** The knowledge or the corpus changed: every open note is looked at again, and the sentence index brought up to date. */
    refreshAll: () => {
      ctx.documents.keys().forEach(schedule);
      if (!preparing && ctx.settings().noteDiagnostics) preparing = afterRequests(prepare);
    },
    dispose: () => {
      subscriptions.forEach((s) => s.dispose());
      [...timers.keys()].forEach(cancel);
      preparing?.();
    },
  };
}

/** A note's diagnostics: its findings, and its quotations' when they are checked (undefined while not). */
function diagnosticsOf(ctx: ServerContext, doc: RequestDocument, quotes: readonly QuoteFinding[] | undefined): Diagnostic[] {
  return [...findingDiagnostics(ctx, doc), ...(quotes ?? []).map((finding) => quoteDiagnostic(ctx, doc, finding))];
}

function quoteDiagnostic(ctx: ServerContext, note: RequestDocument, finding: QuoteFinding): Diagnostic {
  const range = (start: number, end: number): Range => ({ start: note.positionAt(start), end: note.positionAt(end) });
  const diagnostic: Diagnostic = {
    range: range(finding.start, finding.end),
    severity: finding.severity === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information,
    source: 'Corpus Lens',
    code: finding.code,
    message: finding.message,
  };
  if (finding.fix) diagnostic.data = { type: 'quoteFix', replacement: finding.fix.text, range: range(finding.fix.start, finding.fix.end) } satisfies QuoteFixData;
  const source = finding.related && ctx.service.document(finding.related.uri);
  if (finding.related && source) {
    const location = { uri: source.uri, range: { start: source.lines.positionAt(finding.related.start), end: source.lines.positionAt(finding.related.end) } };
    diagnostic.relatedInformation = [{ location, message: finding.related.message }];
  }
  return diagnostic;
}

function findingDiagnostics(ctx: ServerContext, doc: RequestDocument): Diagnostic[] {
  return ctx.service.findings(doc).map((finding) => ({
    range: { start: doc.positionAt(finding.start), end: doc.positionAt(finding.end) },
    severity: DiagnosticSeverity.Information,
    source: 'Corpus Lens',
    code: finding.type === 'unknownName' ? 'unknown-name' : 'unknown-edition',
    message: messageOf(finding),
    data: dataOf(finding),
  }));
}

function messageOf(finding: NoteFinding): string {
  if (finding.type === 'unknownName') {
    const what = finding.year !== undefined ? `"${finding.name}" (${finding.kind}, ${finding.year})` : `"${finding.name}" (${finding.kind})`;
    return `${what} is neither in the catalog nor in the corpus. A quick fix can add it to the workspace catalog.`;
  }
  return `${finding.entity.name} has no ${finding.year} edition in the catalog or the corpus. A quick fix can add the edition to the workspace catalog.`;
}

function dataOf(finding: NoteFinding): FindingData {
  return finding.type === 'unknownName'
    ? { type: 'unknownName', name: finding.name, kind: finding.kind, year: finding.year, parent: finding.parent }
    : { type: 'unknownEdition', entityId: finding.entity.id, year: finding.year };
}
