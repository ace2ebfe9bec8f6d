// `corpusLens/quote`: the quotation "Insert Quote in Note" and "Copy Quote with Citation" put into a
// note, with its citation (the core works it out: core/quotes/quoteProvider.ts); here, offsets to
// positions.

import type { Position } from 'vscode-languageserver';
import { QuoteRequest, type QuoteResult } from '../shared/protocol';
import { runSafely, type ServerContext } from './context';

export function registerQuoteRequest(ctx: ServerContext): void {
  ctx.connection.onRequest(QuoteRequest, (params, token) =>
    runSafely(ctx, 'Quoting', undefined, token, null as QuoteResult | null, () => {
      const what = 'entityId' in params ? { entityId: params.entityId, edition: typeof params.edition === 'number' ? params.edition : undefined } : quotedPlace(ctx, params.uri, params.position, params.scope);
      if (!what) return null;
      // Without a note, the link is relative to the workspace folder the document is in.
      const open = params.noteUri ? ctx.documents.get(params.noteUri) : undefined;
      const quote = ctx.service.quoteOf(what, { uri: params.noteUri, text: open?.getText() ?? '' }, ctx.settings().citationFormat);
      if (!quote) return null;
      const { document, start, end, footnote } = quote;
      const additional = footnote && open ? [{ range: { start: open.positionAt(footnote.at), end: open.positionAt(footnote.at) }, newText: footnote.text }] : [];
      return { text: quote.text, newText: quote.newText, additional, source: { uri: document.uri, range: { start: document.lines.positionAt(start), end: document.lines.positionAt(end) } } };
    }),
  );
}

function quotedPlace(ctx: ServerContext, uri: string, position: Position, scope: 'sentence' | 'passage') {
  const document = ctx.service.document(uri);
  return document && { uri, offset: document.lines.offsetAt(position), scope };
}
