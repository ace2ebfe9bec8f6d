// Quote completion: on a Markdown blockquote line ("> " and a few words of a sentence), the corpus
// sentences holding those words, with title and date; accepting one inserts the exact sentence and
// its citation in the format corpusLens.quotes.citation asks for.

import { CompletionItemKind, MarkupKind, type CompletionItem, type CompletionList, type Position, type TextEdit } from 'vscode-languageserver';
import { innermostPassage, type IndexedDocument } from '../core/analysis/analyseDocument';
import { sentenceAround } from '../core/text/sentences';
import { clip } from '../core/text/strings';
import { QuoteRequest, type QuoteResult } from '../protocol';
import { escapeMarkdown } from '../core/text/markdown';
import type { CitationFormat } from '../node/settings';
import { runSafely, type RequestDocument, type ServerContext } from './context';
import { citationTarget, sourceLabel } from './quoteDiagnostics';

const BLOCKQUOTE = /^([ \t]{0,3}>[ \t]?)(.*)$/;
const MAX_LABEL = 90;
const MAX_TYPED_LINE = 2000;

/** Completions for a blockquote line, or undefined when the line is not one (names are completed instead). */
export function quoteCompletions(ctx: ServerContext, note: RequestDocument, lineStart: number, offset: number): CompletionList | undefined {
  if (ctx.service.document(note.uri)) return undefined;
  const line = note.getText().slice(lineStart, offset);
  const match = BLOCKQUOTE.exec(line);
  if (!match) return undefined;
  const typed = match[2];
  // A citation line, too little typed to look for, or a line far longer than a sentence being typed
  // (each item would carry it as its filter): nothing, and names are not offered either.
  if (/^\s*(?:\u2014|\u2013|--?)/.test(typed) || typed.length > MAX_TYPED_LINE || typed.trim().split(/\s+/).length < 3) return { isIncomplete: true, items: [] };
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
      documentation: { kind: MarkupKind.Markdown, value: `${passageAround(text, start, end)}\n\n${escapeMarkdown(where)}, line ${line}` },
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

/** The text that follows "> " for a quotation and its citation, and, for a footnote, the edit that adds it at the end of the note. */
export function insertion(note: { uri: string; getText(): string; positionAt(offset: number): Position }, sentence: string, document: IndexedDocument, line: number, where: string, format: CitationFormat): { newText: string; additional: TextEdit[] } {
  const link = citationTarget(note.uri, document.uri, line);
  // The citation names the source in a line's worth: a long title is cut, the date kept.
  where = shortened(where);
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

const MAX_CITED_TITLE = 80;

/** "Title, 30 May 2022" as its title and date ('' when the label has no date). */
function splitLabel(where: string): { title: string; date: string } {
  const match = /^(.*), (\d{1,2} \w{3} \d{4}|\d{4})$/.exec(where);
  return match ? { title: match[1], date: match[2] } : { title: where, date: '' };
}

/** "Title, date" with the title cut to a readable length. */
function shortened(where: string): string {
  const { title, date } = splitLabel(where);
  return title.length > MAX_CITED_TITLE ? `${clip(title, MAX_CITED_TITLE)}${date ? `, ${date}` : ''}` : where;
}

/** "Title (30 May 2022)" from "Title, 30 May 2022". */
function plainCitation(where: string): string {
  const { title, date } = splitLabel(where);
  return date ? `${title} (${date})` : where;
}

const MAX_CONTEXT = 400;

/** The paragraph a sentence stands in, the sentence in bold, cut to a readable length around it. */
function passageAround(text: string, start: number, end: number): string {
  const paragraphStart = text.lastIndexOf('\n', start - 1) + 1;
  const newline = text.indexOf('\n', end);
  const paragraphEnd = newline < 0 ? text.length : newline;
  const from = Math.max(paragraphStart, start - MAX_CONTEXT);
  const to = Math.min(paragraphEnd, end + MAX_CONTEXT);
  const flat = (a: number, b: number) => escapeMarkdown(text.slice(a, b).replace(/\s+/g, ' '));
  return `> ${from > paragraphStart ? '\u2026' : ''}${flat(from, start)}**${flat(start, end).trim()}**${flat(end, to)}${to < paragraphEnd ? '\u2026' : ''}`;
}

/** A paragraph of a passage worth quoting: its first after the heading line, whole sentences up to this long. */
const MAX_PASSAGE_QUOTE = 600;

export function registerQuoteRequest(ctx: ServerContext): void {
  ctx.connection.onRequest(QuoteRequest, (params, token) =>
    runSafely(ctx, 'Quoting', undefined, token, null as QuoteResult | null, () => {
      const found = 'entityId' in params ? definingSentence(ctx, params.entityId) : placeToQuote(ctx, params.uri, params.position, params.scope);
      if (!found) return null;
      const { document, start, end } = found;
      const text = ctx.service.textOf(document).slice(start, end).replace(/\s+/g, ' ').trim();
      const line = document.lines.positionAt(start).line + 1;
      // Without a note, the link is relative to the workspace folder the document is in.
      const open = params.noteUri ? ctx.documents.get(params.noteUri) : undefined;
      const note = open ?? { uri: params.noteUri ?? `${document.uri.slice(0, document.uri.lastIndexOf('/'))}/../quote.md`, getText: () => '', positionAt: () => ({ line: 0, character: 0 }) };
      const { newText, additional } = insertion(note, text, document, line, sourceLabel(document, start), ctx.settings().citationFormat);
      return { text, newText, additional, source: { uri: document.uri, range: { start: document.lines.positionAt(start), end: document.lines.positionAt(end) } } };
    }),
  );
}

function definingSentence(ctx: ServerContext, entityId: string): { document: IndexedDocument; start: number; end: number } | undefined {
  const definition = ctx.service.definitionOf(entityId);
  return definition && { document: definition.document, start: definition.sentence.start, end: definition.sentence.end };
}

function placeToQuote(ctx: ServerContext, uri: string, position: Position, scope: 'sentence' | 'passage'): { document: IndexedDocument; start: number; end: number } | undefined {
  const document = ctx.service.document(uri);
  if (!document) return undefined;
  const text = ctx.service.textOf(document);
  const offset = document.lines.offsetAt(position);
  const passage = innermostPassage(document.passages, offset);
  const limit = passage ?? { start: 0, end: text.length };
  if (scope === 'sentence') return { document, ...sentenceAround(text, offset, limit) };
  // A passage: its first paragraph after the heading (or date) line, in whole sentences.
  let at = text.indexOf('\n', limit.start);
  while (at >= 0 && at < limit.end && /\s/.test(text[at])) at++;
  if (at < 0 || at >= limit.end) at = limit.start;
  const newline = text.indexOf('\n', at);
  const paragraphEnd = newline < 0 ? limit.end : Math.min(limit.end, newline);
  let end = at;
  while (end < paragraphEnd) {
    const sentence = sentenceAround(text, end, { start: at, end: paragraphEnd });
    if (sentence.end <= end || (sentence.end - at > MAX_PASSAGE_QUOTE && end > at)) break;
    end = sentence.end;
    while (end < paragraphEnd && /\s/.test(text[end])) end++;
  }
  // No whole sentence fits: the paragraph's start, cut.
  if (end === at) end = Math.min(paragraphEnd, at + MAX_PASSAGE_QUOTE);
  return { document, start: at, end };
}
