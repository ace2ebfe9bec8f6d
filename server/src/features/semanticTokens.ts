// Semantic highlighting: every recognised name in a note or corpus document is a token of its
// entity's kind, so the analyst sees at a glance what Corpus Lens understood. The token types are
// contributed by the extension (package.json semanticTokenTypes) with default colours.

import { SemanticTokensBuilder, type SemanticTokens, type SemanticTokensLegend } from 'vscode-languageserver';
import type { EntityKind } from '../core/model';
import { requestDocument, runSafely, type RequestDocument, type ServerContext } from './context';

const TOKEN_TYPES: Record<EntityKind, string> = {
  body: 'corpusBody',
  operation: 'corpusOperation',
  exercise: 'corpusExercise',
  organization: 'corpusOrganization',
  state: 'corpusState',
  person: 'corpusPerson',
  document: 'corpusDocument',
};
const TYPE_ORDER = Object.values(TOKEN_TYPES);
const MODIFIERS = ['discovered', 'uncataloguedEdition'];

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: TYPE_ORDER, tokenModifiers: MODIFIERS };

export function registerSemanticTokens(ctx: ServerContext): void {
  ctx.connection.languages.semanticTokens.on((params, token) =>
    runSafely(ctx, 'Semantic tokens', params.textDocument.uri, token, { data: [] } as SemanticTokens, () => {
      const doc = requestDocument(ctx, params.textDocument.uri);
      return doc ? tokensOf(ctx, doc) : { data: [] };
    }),
  );
}

function tokensOf(ctx: ServerContext, doc: RequestDocument): SemanticTokens {
  const builder = new SemanticTokensBuilder();
  const text = doc.getText();
  for (const highlight of ctx.service.highlights(doc)) {
    const type = TYPE_ORDER.indexOf(TOKEN_TYPES[highlight.kind]);
    const modifiers = (highlight.discovered ? 1 : 0) | (highlight.uncataloguedEdition ? 2 : 0);
    // A token stays on one line: a name broken across lines is one token per line.
    let from = highlight.start;
    for (const part of text.slice(highlight.start, highlight.end).split(/(\r?\n)/)) {
      if (part && !/^\r?\n$/.test(part)) {
        const at = doc.positionAt(from);
        builder.push(at.line, at.character, part.length, type, modifiers);
      }
      from += part.length;
    }
  }
  return builder.build();
}
