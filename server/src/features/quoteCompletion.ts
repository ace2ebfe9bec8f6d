// Quote completion: on a Markdown blockquote line ("> " and a few words of a sentence), the corpus
// sentences holding those words, with title and date; accepting one inserts the exact sentence and
// its citation in the format corpusLens.quotes.citation asks for.

import { CompletionItemKind, MarkupKind, type CompletionItem, type CompletionList, type TextEdit } from 'vscode-languageserver';
import type { IndexedDocument } from '../core/analysis/analyseDocument';
import { escapeMarkdown } from '../core/render/card';
import type { CitationFormat } from '../node/settings';
import type { RequestDocument, ServerContext } from './context';
import { citationTarget, sourceLabel } from './quoteDiagnostics';

const BLOCKQUOTE = /^([ \t]{0,3}>[ \t]?)(.*)$/;
const MAX_LABEL = 90;

/** Completions for a blockquote line, or undefined when the line is not one (names are completed instead). */
export function quoteCompletions(ctx: ServerContext, note: RequestDocument, lineStart: number, offset: number): CompletionList | undefined {
  if (ctx.service.document(note.uri)) return undefined;
  const line = note.getText().slice(lineStart, offset);
  const match = BLOCKQUOTE.exec(line);
  if (!match) return undefined;
  const typed = match[2];
  // A citation line, or too little typed to look for: nothing, and names are not offered either.
  if (/^\s*(?:\u2014|\u2013|--?)/.test(typed) || typed.trim().split(/\s+/).length < 3) return { isIncomplete: true, items: [] };
  const from = lineStart + match[1].length;
  const range = { start: note.positionAt(from), end: note.positionAt(offset) };
  const format = ctx.settings().citationFormat;
  const items = ctx.service.completeQuote(typed).map(({ document, start, end }, order): CompletionItem => {
    const text = ctx.service.textOf(document);
    const sentence = text.slice(start, end).replace(/\s+/g, ' ').trim();
    const label = sentence.length > MAX_LABEL ? `${sentence.slice(0, MAX_LABEL - 1)}\u2026` : sentence;
    const line = document.lines.positionAt(start).line + 1;
    const where = sourceLabel(document, start);
    const { newText, additional } = insertion(note, sentence, document, line, where, format);
    const item: CompletionItem = {
      label,
      kind: CompletionItemKind.Text,
      detail: where,
      documentation: { kind: MarkupKind.Markdown, value: `> ${escapeMarkdown(sentence)}\n\n${escapeMarkdown(where)}, line ${line}` },
      // The typed words are the filter: every sentence found holds them.
      filterText: typed,
      sortText: String(order).padStart(5, '0'),
      textEdit: { range, newText },
    };
    if (additional.length) item.additionalTextEdits = additional;
    return item;
  });
  return { isIncomplete: true, items };
}

function insertion(note: RequestDocument, sentence: string, document: IndexedDocument, line: number, where: string, format: CitationFormat): { newText: string; additional: TextEdit[] } {
  const link = citationTarget(note.uri, document.uri, line);
  if (format === 'plain') return { newText: `${sentence}\n> \u2014 ${plainCitation(where)}`, additional: [] };
  if (format === 'link') return { newText: `${sentence}\n> \u2014 [${where.replace(/[[\]]/g, '')}](${link})`, additional: [] };
  // A footnote: the mark after the quotation, the note itself at the end of the text.
  const text = note.getText();
  let next = 1;
  for (const mark of text.matchAll(/\[\^(\d+)\]/g)) next = Math.max(next, Number(mark[1]) + 1);
  const end = note.positionAt(text.length);
  const gap = text.endsWith('\n') ? '\n' : '\n\n';
  return { newText: `${sentence}[^${next}]`, additional: [{ range: { start: end, end }, newText: `${gap}[^${next}]: [${where.replace(/[[\]]/g, '')}](${link})\n` }] };
}

/** "Title (30 May 2022)" from "Title, 30 May 2022". */
function plainCitation(where: string): string {
  const match = /^(.*), (\d{1,2} \w{3} \d{4}|\d{4})$/.exec(where);
  return match ? `${match[1]} (${match[2]})` : where;
}
