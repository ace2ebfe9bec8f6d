// What every feature handler is given: the service, the open documents and the conversions between
// core offsets and LSP positions, plus one way to run a handler safely.

import type { CancellationToken, ClientCapabilities, Connection, Location, Position, Range, TextDocuments } from 'vscode-languageserver';
import { LineTable } from '../core/text/lines';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { IndexedDocument } from '../core/analysis/analyseDocument';
import type { Event } from '../core/events';
import type { LanguageService, TextSource } from '../core/languageService';
import type { Settings } from '../settings';

/** A document a request is about: open in the editor, or a corpus document known to the index. */
export interface RequestDocument extends TextSource {
  offsetAt(position: Position): number;
  positionAt(offset: number): Position;
}

export interface ServerContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly service: LanguageService;
  settings(): Settings;
  /** What the client said it can do. */
  clientCapabilities(): ClientCapabilities;
  /** The client runs our quoting commands from links in a card (InitializationOptions.quoteCommandLinks). */
  quoteCommandLinks(): boolean;
  /** Applies edits of open corpus documents that are still waiting, so answers match the editor. */
  flushPendingEdits(uri: string): void;
  /**
   * The workspace catalog: its uri, its text (the editor's if open, with its version; the disk's
   * with version null; undefined if the file does not exist), or why it must not be touched.
   */
  catalog(): WorkspaceCatalog | undefined;
  /** An open document's edits were taken in (the one debounce of edits, in the sync): its uri. */
  readonly noteEdits: Event<string>;
  /** True for the workspace catalog's uri: an open catalog is neither a note nor a source. */
  isCatalog(uri: string): boolean;
  /** The catalog files that can be shown: the workspace's (when it exists), then the bundled one. */
  catalogFiles(): { uri: string; text: string }[];
}

/* What a note diagnostic carries for its quick fix (noteDiagnostics.ts writes it, codeActions.ts reads it). */

/** What the quick fix of a quotation diagnostic needs: the text to put at `range` of the note. */
export interface QuoteFixData {
  type: 'quoteFix';
  replacement: string;
  range: Range;
}

/** What a quick fix needs to know of a diagnostic. */
export type FindingData = { type: 'unknownName'; name: string; kind: string; year?: number | undefined; parent?: string | undefined } | { type: 'unknownEdition'; entityId: string; year: number };

export type WorkspaceCatalog = { uri: string; text: string | undefined; version: number | null } | { uri: string | undefined; refused: string };

export function requestDocument(ctx: ServerContext, uri: string): RequestDocument | undefined {
  if (ctx.isCatalog(uri)) return undefined;
  ctx.flushPendingEdits(uri);
  const open = ctx.documents.get(uri);
  if (open) {
    return {
      uri,
      version: open.version,
      getText: () => open.getText(),
      offsetAt: (p) => open.offsetAt(p),
      positionAt: (o) => open.positionAt(o),
    };
  }
  const indexed = ctx.service.document(uri);
  if (!indexed) return undefined;
  return {
    uri,
    version: 0,
    getText: () => ctx.service.textOf(indexed),
    offsetAt: (p) => indexed.lines.offsetAt(p),
    positionAt: (o) => indexed.lines.positionAt(o),
  };
}

export function rangeIn(doc: IndexedDocument, start: number, end: number): Range {
  return { start: doc.lines.positionAt(start), end: doc.lines.positionAt(end) };
}

export function locationIn(doc: IndexedDocument, start: number, end: number): Location {
  return { uri: doc.uri, range: rangeIn(doc, start, end) };
}

/**
 * Runs a handler the way every handler runs: an answer of `empty` when the request was cancelled
 * or the handler failed; failures are logged with the document they concern, never thrown.
 */
export function runSafely<T>(ctx: ServerContext, what: string, uri: string | undefined, token: CancellationToken | undefined, empty: T, handler: () => T): T {
  if (token?.isCancellationRequested) return empty;
  try {
    const result = handler();
    return token?.isCancellationRequested ? empty : result;
  } catch (error) {
    ctx.connection.console.error(`${what} failed${uri ? ` for ${uri}` : ''}: ${(error as Error)?.stack ?? String(error)}`);
    return empty;
  }
}

// Where an entity is written in a catalog file (the workspace's first, then the bundled one): the
// place to show for an entity the corpus never mentions.

interface ParsedCatalog {
  text: string;
  entries: Map<string, { start: number; end: number }>;
  lines: LineTable;
}

/** A lookup of catalog entries that parses each catalog text once, however often it is asked. */
export function catalogLocator(ctx: ServerContext): (entityId: string) => Location | undefined {
  let parsed: ParsedCatalog[] = [];
  return (entityId) => {
    const files = ctx.catalogFiles();
    parsed = files.map((file) => parsed.find((p) => p.text === file.text) ?? { text: file.text, entries: ctx.service.catalogEntries(file.text), lines: LineTable.of(file.text) });
    for (let i = 0; i < files.length; i++) {
      const range = parsed[i].entries.get(entityId);
      if (range) return { uri: files[i].uri, range: { start: parsed[i].lines.positionAt(range.start), end: parsed[i].lines.positionAt(range.end) } };
    }
    return undefined;
  };
}
