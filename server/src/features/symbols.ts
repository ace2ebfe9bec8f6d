// Document symbols (a corpus document's passages, with dates) and workspace symbols (entities).

import type { DocumentSymbol, SymbolInformation } from 'vscode-languageserver';
import type { IndexedDocument } from '../core/analysis/analyseDocument';
import { documentOutline, type OutlineEntry } from '../core/query/outline';
import { locationIn, rangeIn, runSafely, type ServerContext } from './context';
import { entitySymbolKind, passageSymbolKind } from './kinds';

export function registerSymbols(ctx: ServerContext): void {
  const { connection } = ctx;

  connection.onDocumentSymbol((params, token): DocumentSymbol[] =>
    runSafely(ctx, 'Document symbols', params.textDocument.uri, token, [], () => {
      ctx.flushPendingEdits(params.textDocument.uri);
      const doc = ctx.service.document(params.textDocument.uri);
      return doc ? passageSymbols(doc, ctx.service.textOf(doc)) : [];
    }),
  );

  connection.onWorkspaceSymbol((params, token): SymbolInformation[] =>
    runSafely(ctx, 'Workspace symbols', undefined, token, [], () => {
      const symbols: SymbolInformation[] = [];
      for (const entity of ctx.service.findEntities(params.query)) {
        const target = ctx.service.definitionOf(entity.id);
        if (!target) continue;
        const parent = entity.parent ? ctx.service.entity(entity.parent) : undefined;
        const symbol: SymbolInformation = {
          name: entity.name,
          kind: entitySymbolKind(entity.kind),
          location: locationIn(target.document, target.mention.start, target.mention.end),
        };
        symbol.containerName = parent ? `${entity.kind} \u00b7 ${parent.name}` : entity.kind;
        symbols.push(symbol);
      }
      return symbols;
    }),
  );
}

/** Passages as an outline: articles hold their sections and author lines. */
export function passageSymbols(doc: IndexedDocument, text: string): DocumentSymbol[] {
  const toSymbol = (entry: OutlineEntry): DocumentSymbol => ({
    name: entry.name,
    detail: entry.detail,
    kind: passageSymbolKind(entry.passage.kind),
    range: rangeIn(doc, entry.passage.start, entry.passage.end),
    selectionRange: rangeIn(doc, entry.passage.start, entry.titleEnd),
    children: entry.children.map(toSymbol),
  });
  return documentOutline(doc, text).map(toSymbol);
}
