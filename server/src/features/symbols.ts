// Document symbols (a corpus document's passages, with dates) and workspace symbols (entities).

import type { DocumentSymbol, SymbolInformation } from 'vscode-languageserver';
import type { IndexedDocument } from '../core/analysis/analyseDocument';
import { formatDate } from '../core/text/dates';
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

/** Passages as an outline: articles hold their sections and author lines. Boilerplate is left out. */
export function passageSymbols(doc: IndexedDocument, text: string): DocumentSymbol[] {
  const byIndex = new Map<number, DocumentSymbol>();
  const roots: DocumentSymbol[] = [];
  for (const passage of doc.passages) {
    if (passage.kind === 'boilerplate') continue;
    const range = rangeIn(doc, passage.start, passage.end);
    // The first line of a passage (its date line or headline) is what the editor selects.
    const firstLine = /[\r\n]/.exec(text.slice(passage.start, passage.end));
    const titleEnd = firstLine ? passage.start + firstLine.index : passage.end;
    const symbol: DocumentSymbol = {
      name: passage.title || passage.kind,
      detail: passage.date ? `${passage.kind} \u00b7 ${formatDate(passage.date)}` : passage.kind,
      kind: passageSymbolKind(passage.kind),
      range,
      selectionRange: rangeIn(doc, passage.start, titleEnd),
      children: [],
    };
    byIndex.set(passage.index, symbol);
    const parent = passage.parent !== undefined ? byIndex.get(passage.parent) : undefined;
    (parent ? parent.children! : roots).push(symbol);
  }
  return roots;
}
