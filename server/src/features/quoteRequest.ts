// `corpusLens/quote`: the quotation "Insert Quote in Note" and "Copy Quote with Citation" put into a
// note, with its citation (the core works it out: core/quotes/quoteProvider.ts); here, offsets to
// positions.

import type { Position, Range } from 'vscode-languageserver';
import { QuoteParagraphsRequest, QuoteRequest, type QuoteParagraph, type QuoteResult } from '../shared/protocol';
import { runSafely, type ServerContext } from './context';

export function registerQuoteRequest(ctx: ServerContext): void {
  ctx.connection.onRequest(QuoteRequest, (params, token) =>
    runSafely(ctx, 'Quoting', undefined, token, null as QuoteResult | null, () => {
      const what =
        'entityId' in params
          ? { entityId: params.entityId, edition: typeof params.edition === 'number' ? params.edition : undefined }
          : 'range' in params
            ? selection(ctx, params.uri, params.range)
            : quotedPlace(ctx, params.uri, params.position, params.scope);
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
  ctx.connection.onRequest(QuoteParagraphsRequest, (params, token) =>
    runSafely(ctx, 'Listing paragraphs', undefined, token, [] as QuoteParagraph[], () => {
      const document = ctx.service.document(params.uri);
      if (!document || !params.position) return [];
      return ctx.service.quoteParagraphs(params.uri, document.lines.offsetAt(params.position)).map(({ start, end, text }) => ({ range: { start: document.lines.positionAt(start), end: document.lines.positionAt(end) }, text }));
    }),
  );
}

function selection(ctx: ServerContext, uri: string, range: Range) {
  const document = ctx.service.document(uri);
  if (!document || !range?.start || !range.end) return undefined;
  return { uri, start: document.lines.offsetAt(range.start), end: document.lines.offsetAt(range.end) };
}

function quotedPlace(ctx: ServerContext, uri: string, position: Position, scope: 'sentence' | 'passage') {
  const document = ctx.service.document(uri);
  return document && { uri, offset: document.lines.offsetAt(position), scope };
}
