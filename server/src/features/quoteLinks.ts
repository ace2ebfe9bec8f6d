// Citations in notes as document links that open the cited passage (the core finds them:
// core/quotes/quoteProvider.ts); here, offsets to ranges.

import type { DocumentLink } from 'vscode-languageserver';
import { requestDocument, runSafely, type ServerContext } from './context';

export function registerQuoteLinks(ctx: ServerContext): void {
  ctx.connection.onDocumentLinks((params, token): DocumentLink[] =>
    runSafely(ctx, 'Document links', params.textDocument.uri, token, [], () => {
      const uri = params.textDocument.uri;
      // Notes only: a corpus document's text is a source, not a place of citations.
      const note = ctx.service.document(uri) || !ctx.documents.get(uri) ? undefined : requestDocument(ctx, uri);
      if (!note) return [];
      return ctx.service.citationLinks(note).map((link) => ({
        range: { start: note.positionAt(link.start), end: note.positionAt(link.end) },
        target: link.line ? `${link.uri}#L${link.line}` : link.uri,
        tooltip: `Open the passage in ${link.title}`,
      }));
    }),
  );
}
