// Completion of entity names: the words before the cursor are matched against names and aliases;
// the item replaces exactly the typed words. Documentation (the entity card) is filled in on resolve.
// On a blockquote line of a note, corpus sentences are offered instead: accepting one inserts the
// exact sentence and its citation in the format corpusLens.quotes.citation asks for.

import { CompletionItemKind, MarkupKind, type CompletionItem, type CompletionItemLabelDetails, type CompletionList, type Range } from 'vscode-languageserver';
import type { Entity } from '../core/model';
import type { NameCompletion } from '../core/query/nameCompleter';
import { plural } from '../core/text/strings';
import { requestDocument, runSafely, type RequestDocument, type ServerContext } from './context';
import { completionKind } from './kinds';

interface ItemData {
  entityId: string;
}

export function registerCompletion(ctx: ServerContext): void {
  const { connection } = ctx;

  connection.onCompletion((params, token): CompletionList =>
    runSafely(ctx, 'Completion', params.textDocument.uri, token, { isIncomplete: false, items: [] }, () => {
      const doc = requestDocument(ctx, params.textDocument.uri);
      if (!doc) return { isIncomplete: false, items: [] };
      const offset = doc.offsetAt(params.position);
      const lineStart = doc.offsetAt({ line: params.position.line, character: 0 });
      // On a blockquote line of a note: corpus sentences, not names.
      const quotes = quoteCompletions(ctx, doc, lineStart, offset);
      if (quotes) return quotes;
      const linePrefix = doc.getText().slice(lineStart, offset);
      const { items, incomplete } = ctx.service.complete(linePrefix);
      return {
        isIncomplete: incomplete,
        items: items.map((item, i) => toCompletionItem(ctx, item, i, {
          start: doc.positionAt(lineStart + item.replaceFrom),
          end: params.position,
        })),
      };
    }),
  );

  connection.onCompletionResolve((item, token): CompletionItem =>
    runSafely(ctx, 'Completion details', undefined, token, item, () => {
      const data = item.data as ItemData | undefined;
      const card = data && ctx.service.card(data.entityId, { quoteCommands: ctx.quoteCommandLinks() });
      if (card) item.documentation = { kind: MarkupKind.Markdown, value: card };
      return item;
    }),
  );
}

/** Corpus sentences for a blockquote line, or undefined when the line is not one (names are completed instead). */
function quoteCompletions(ctx: ServerContext, note: RequestDocument, lineStart: number, offset: number): CompletionList | undefined {
  const found = ctx.service.quoteCompletions(note, lineStart, offset, ctx.settings().citationFormat);
  if (!found) return undefined;
  const range = { start: note.positionAt(found.from), end: note.positionAt(offset) };
  const items = found.items.map(({ label, detail, documentation, insertion }, order): CompletionItem => {
    const item: CompletionItem = {
      label,
      kind: CompletionItemKind.Text,
      detail,
      documentation: { kind: MarkupKind.Markdown, value: documentation },
      // The typed words are the filter: every sentence found holds them.
      filterText: found.typed,
      sortText: String(order).padStart(5, '0'),
      textEdit: { range, newText: insertion.newText },
    };
    const footnote = insertion.footnote;
    if (footnote) item.additionalTextEdits = [{ range: { start: note.positionAt(footnote.at), end: note.positionAt(footnote.at) }, newText: footnote.text }];
    return item;
  });
  return { isIncomplete: true, items };
}

function toCompletionItem(ctx: ServerContext, item: NameCompletion, order: number, range: Range): CompletionItem {
  const { entity } = item;
  const parent = entity.parent ? ctx.service.entity(entity.parent) : undefined;
  const mentions = ctx.service.mentionCount(entity.id);
  const data: ItemData = { entityId: entity.id };
  const detailParts: string[] = [entity.kind];
  // The parent by its abbreviation where it has one: the suggest widget cuts long details ("…of the Cent…").
  if (parent) detailParts.push(`part of ${shortName(parent)}`);
  detailParts.push(mentions ? plural(mentions, 'mention') : 'not in the corpus');
  if (item.corpus) detailParts.push('written so in the corpus');
  const labelDetails: CompletionItemLabelDetails = { description: entity.kind };
  // What the name stands for: "Vzaimodeistvie-2022 → Interaction, 2022 edition".
  const canonicalEdition = item.edition !== undefined && item.name.toLowerCase() === `${entity.name}-${item.edition}`.toLowerCase();
  if (canonicalEdition) labelDetails.detail = ` (${item.edition} edition)`;
  else if (item.edition !== undefined) labelDetails.detail = ` \u2192 ${entity.name}, ${item.edition} edition`;
  else if (!item.canonical) labelDetails.detail = ` \u2192 ${entity.name}`;
  return {
    label: item.name,
    labelDetails,
    kind: completionKind(entity.kind),
    detail: detailParts.join(' \u00b7 '),
    sortText: String(order).padStart(5, '0'),
    filterText: item.name,
    textEdit: { range, newText: item.name },
    data,
  };
}

/** An entity's shortest abbreviation (an alias in capitals, "CSTO", "CRDF"), else its name. */
function shortName(entity: Entity): string {
  const abbreviations = (entity.aliases ?? []).filter((alias) => /^[A-Z][A-Z0-9 ]{1,9}$/.test(alias));
  return abbreviations.sort((a, b) => a.length - b.length)[0] ?? entity.name;
}
