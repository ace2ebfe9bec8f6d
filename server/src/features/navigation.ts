// Hover, go to definition and find references: look up the mention under the cursor, ask the
// core, convert offsets to ranges.

import { MarkupKind, type Hover, type Location, type LocationLink } from 'vscode-languageserver';
import { rangeIn, requestDocument, runSafely, type ServerContext } from './context';

/** How long a hover may spend checking quotations it finds unchecked (the diagnostics do the rest in the background). */
const HOVER_QUOTE_SLICE_MS = 4;

export function registerNavigation(ctx: ServerContext, linkSupport: () => boolean): void {
  const { connection } = ctx;

  connection.onHover((params, token): Hover | null =>
    runSafely(ctx, 'Hover', params.textDocument.uri, token, null, () => {
      const doc = requestDocument(ctx, params.textDocument.uri);
      if (!doc) return null;
      const hover = ctx.service.hover(doc, doc.offsetAt(params.position), { maxDocuments: ctx.settings().hoverMaxDocuments, quoteCommands: ctx.quoteCommandLinks() });
      // Not on a name: perhaps, in a note, on a quotation or its citation (a short slice of the checks at most).
      const found = hover ?? (ctx.service.document(doc.uri) ? undefined : ctx.service.quoteHover(doc, doc.offsetAt(params.position), HOVER_QUOTE_SLICE_MS));
      if (!found) return null;
      return {
        contents: { kind: MarkupKind.Markdown, value: found.markdown },
        range: { start: doc.positionAt(found.start), end: doc.positionAt(found.end) },
      };
    }),
  );

  connection.onDefinition((params, token): Location[] | LocationLink[] =>
    runSafely(ctx, 'Definition', params.textDocument.uri, token, [], () => {
      const doc = requestDocument(ctx, params.textDocument.uri);
      if (!doc) return [];
      const offset = doc.offsetAt(params.position);
      const hit = ctx.service.entityAt(doc, offset);
      const target = hit && ctx.service.definitionOf(hit.entity.id);
      if (!hit || !target) return [];
      const targetRange = rangeIn(target.document, target.mention.start, target.mention.end);
      if (!linkSupport()) return [{ uri: target.document.uri, range: targetRange }];
      // The whole sentence is revealed, from its start, with the name in it selected.
      return [
        {
          originSelectionRange: { start: doc.positionAt(hit.mention.start), end: doc.positionAt(hit.mention.end) },
          targetUri: target.document.uri,
          targetRange: rangeIn(target.document, Math.min(target.sentence.start, target.mention.start), Math.max(target.sentence.end, target.mention.end)),
          targetSelectionRange: targetRange,
        },
      ];
    }),
  );

  connection.onReferences((params, token): Location[] =>
    runSafely(ctx, 'References', params.textDocument.uri, token, [], () => {
      const doc = requestDocument(ctx, params.textDocument.uri);
      if (!doc) return [];
      const limit = ctx.settings().referencesMaxResults;
      const { entity, places, total } = ctx.service.references(doc, doc.offsetAt(params.position), limit);
      if (entity && total > places.length) {
        // A list longer than anyone reads: say what was left out and where the rest is.
        void connection.window.showInformationMessage(
          `Corpus Lens: showing the first ${places.length} of ${total} mentions of ${entity.name}. The Corpus Lens Entities view lists them all; corpusLens.references.maxResults sets the limit.`,
        );
      }
      return places.map((place) => ({ uri: place.uri, range: { start: place.lines.positionAt(place.start), end: place.lines.positionAt(place.end) } }));
    }),
  );
}
