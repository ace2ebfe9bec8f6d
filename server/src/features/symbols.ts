// Document symbols (a corpus document's passages, with dates) and workspace symbols: every entity
// (where the corpus defines it, else its catalog entry) and passages by title.

import type { DocumentSymbol, SymbolInformation } from 'vscode-languageserver';
import type { IndexedDocument } from '../core/analysis/analyseDocument';
import { dateOfPassage } from '../core/model';
import type { OutlineEntry } from '../core/query/outline';
import { formatDate } from '../core/text/dates';
import { catalogLocator, locationIn, rangeIn, runSafely, type ServerContext } from './context';
import { entitySymbolKind, passageSymbolKind } from './kinds';

export function registerSymbols(ctx: ServerContext): void {
  const { connection } = ctx;

  connection.onDocumentSymbol((params, token): DocumentSymbol[] =>
    runSafely(ctx, 'Document symbols', params.textDocument.uri, token, [], () => {
      ctx.flushPendingEdits(params.textDocument.uri);
      const doc = ctx.service.document(params.textDocument.uri);
      return doc ? passageSymbols(doc, ctx.service.outline(doc)) : [];
    }),
  );

  const catalogEntry = catalogLocator(ctx);

  connection.onWorkspaceSymbol((params, token): SymbolInformation[] =>
    runSafely(ctx, 'Workspace symbols', undefined, token, [], () => {
      const symbols: SymbolInformation[] = [];
      // Every entity: where the corpus defines or first reports it, else its entry in the catalog.
      for (const entity of ctx.service.findEntities(params.query)) {
        const target = ctx.service.definitionOf(entity.id);
        const location = target ? locationIn(target.document, target.mention.start, target.mention.end) : catalogEntry(entity.id);
        if (!location) continue;
        const parent = entity.parent ? ctx.service.entity(entity.parent) : undefined;
        const where = target ? '' : ' \u00b7 not in the corpus';
        symbols.push({
          name: entity.name,
          kind: entitySymbolKind(entity.kind),
          location,
          containerName: (parent ? `${entity.kind} \u00b7 ${parent.name}` : entity.kind) + where,
        });
      }
      // Passages by title, once the query is long enough to mean something.
      if (params.query.trim().length >= 3) {
        for (const { document, passage } of ctx.service.findPassages(params.query, PASSAGE_SYMBOLS)) {
          const date = dateOfPassage(document, passage.index);
          symbols.push({
            name: passage.title,
            kind: passageSymbolKind(passage.kind),
            location: locationIn(document, passage.start, passage.start),
            containerName: date ? `${formatDate(date)} \u00b7 ${document.title}` : document.title,
          });
        }
      }
      return symbols;
    }),
  );
}

/** How many passages Ctrl+T lists at most. */
const PASSAGE_SYMBOLS = 50;

/** Passages as an outline: articles hold their sections and author lines. */
export function passageSymbols(doc: IndexedDocument, outline: OutlineEntry[]): DocumentSymbol[] {
  const toSymbol = (entry: OutlineEntry): DocumentSymbol => ({
    name: entry.name,
    detail: entry.detail,
    kind: passageSymbolKind(entry.passage.kind),
    range: rangeIn(doc, entry.passage.start, entry.passage.end),
    selectionRange: rangeIn(doc, entry.passage.start, entry.titleEnd),
    children: entry.children.map(toSymbol),
  });
  return outline.map(toSymbol);
}
