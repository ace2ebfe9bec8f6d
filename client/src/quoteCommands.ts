// Quoting the corpus into a note from the views, the card and a source's selection: "Insert Quote
// in Note" puts the sentence (a mention's, an entity's defining one) or a paragraph of a passage
// (picked when it has several) as a blockquote with its citation at the cursor of the note last
// worked in; "Insert Selection as Quote in Note" does so with the words selected in a source;
// the "Copy" commands put the same on the clipboard.

import * as vscode from 'vscode';
import { QuoteParagraphsRequest, QuoteRequest, type QuoteParams, type QuoteResult } from '../../server/src/shared/protocol';
import type { ServerRequests } from './requests';

/** What a quotation is taken from: a tree node (passage or mention), or an entity (from its card). */
export function quoteSourceOf(arg: unknown): QuoteParams | undefined {
  const node = arg as { type?: string; location?: { uri: string; range: { start: { line: number; character: number } } }; entityId?: string; edition?: number } | undefined;
  if (typeof node?.entityId === 'string') return typeof node.edition === 'number' ? { entityId: node.entityId, edition: node.edition } : { entityId: node.entityId };
  if (!node?.location) return undefined;
  const scope = node.type === 'passage' ? 'passage' : 'sentence';
  return { uri: node.location.uri, position: node.location.range.start, scope };
}

/** Remembers the note (a Markdown or text editor that is not a corpus document) last worked in. */
export class NoteTracker implements vscode.Disposable {
  private last: vscode.TextEditor | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly isCorpusDocument: (uri: string) => Promise<boolean>) {
    this.subscription = vscode.window.onDidChangeActiveTextEditor((editor) => void this.consider(editor));
    void this.consider(vscode.window.activeTextEditor);
  }

  private async consider(editor: vscode.TextEditor | undefined): Promise<void> {
    if (!editor || !['markdown', 'plaintext'].includes(editor.document.languageId) || editor.document.uri.scheme === 'output') return;
    if (!(await this.isCorpusDocument(editor.document.uri.toString()))) this.last = editor;
  }

  /** The note to insert into: the last one worked in, if it is still open. */
  note(): vscode.TextEditor | undefined {
    const last = this.last;
    if (!last) return undefined;
    return vscode.window.visibleTextEditors.find((e) => e.document === last.document) ?? (last.document.isClosed ? undefined : last);
  }

  dispose(): void {
    this.subscription.dispose();
  }
}

export async function insertQuote(requests: ServerRequests, notes: NoteTracker, arg: unknown): Promise<void> {
  const source = await chosenSource(requests, arg);
  if (source) await insertInNote(requests, notes, source);
}

export async function copyQuote(requests: ServerRequests, arg: unknown): Promise<void> {
  const source = await chosenSource(requests, arg);
  if (source) await copyToClipboard(requests, source);
}

/** The words selected in the active editor, when it is a corpus document; else says what to do. */
async function selectionSource(isCorpusDocument: (uri: string) => Promise<boolean>): Promise<QuoteParams | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !(await isCorpusDocument(editor.document.uri.toString()))) {
    void vscode.window.showInformationMessage('Corpus Lens: select the words to quote in a corpus document (a source), then run this again.');
    return undefined;
  }
  const { start, end } = editor.selection;
  if (editor.selection.isEmpty || !/[\p{L}\p{N}]/u.test(editor.document.getText(editor.selection))) {
    void vscode.window.showInformationMessage('Corpus Lens: select the words to quote first.');
    return undefined;
  }
  return { uri: editor.document.uri.toString(), range: { start: { line: start.line, character: start.character }, end: { line: end.line, character: end.character } } };
}

export async function insertSelectionQuote(requests: ServerRequests, notes: NoteTracker, isCorpusDocument: (uri: string) => Promise<boolean>): Promise<void> {
  const source = await selectionSource(isCorpusDocument);
  if (source) await insertInNote(requests, notes, source);
}

export async function copySelectionQuote(requests: ServerRequests, isCorpusDocument: (uri: string) => Promise<boolean>): Promise<void> {
  const source = await selectionSource(isCorpusDocument);
  if (source) await copyToClipboard(requests, source);
}

/**
 * What a command quotes: a passage of the Documents view offers its paragraphs (no heading,
 * byline or boilerplate), picked when there are several; anything else quotes as it is.
 */
async function chosenSource(requests: ServerRequests, arg: unknown): Promise<QuoteParams | undefined> {
  const source = quoteSourceOf(arg);
  if (!source || !('scope' in source) || source.scope !== 'passage') return source;
  const paragraphs = (await requests.send(QuoteParagraphsRequest, { uri: source.uri, position: source.position })) ?? [];
  if (!paragraphs.length) {
    void vscode.window.showInformationMessage('Corpus Lens: this passage has no paragraph to quote (only a heading, a date or an author line).');
    return undefined;
  }
  if (paragraphs.length === 1) return { uri: source.uri, range: paragraphs[0].range };
  const items = paragraphs.map((paragraph, i) => ({ label: paragraph.text, description: `paragraph ${i + 1} of ${paragraphs.length}`, range: paragraph.range }));
  const picked = await vscode.window.showQuickPick(items, { title: 'Quote which paragraph?', placeHolder: 'Type to filter the paragraphs of this passage', matchOnDescription: true });
  return picked && { uri: source.uri, range: picked.range };
}

async function insertInNote(requests: ServerRequests, notes: NoteTracker, source: QuoteParams): Promise<void> {
  const target = notes.note();
  if (!target) {
    const choice = await vscode.window.showInformationMessage('Corpus Lens: open a note to insert the quotation into, or copy it instead.', 'Copy Quote with Citation');
    if (choice) await copyToClipboard(requests, source);
    return;
  }
  const quote = await requests.send(QuoteRequest, { ...source, noteUri: target.document.uri.toString() });
  if (!quote) return;
  await insertBlock(target, `> ${quote.newText}`, quote.additional);
}

/**
 * Puts a block of Markdown (a blockquote, a table) into a note at its cursor, as a paragraph of its
 * own: on an empty line as it is (a blank line first if the text above runs up to it), else after
 * the current line; then any further edits (a footnote). The cursor ends after the block.
 */
export async function insertBlock(target: vscode.TextEditor, block: string, further: readonly { range: { start: { line: number; character: number } }; newText: string }[] = []): Promise<void> {
  const editor = await vscode.window.showTextDocument(target.document, target.viewColumn);
  const at = editor.selection.active;
  const line = editor.document.lineAt(at.line);
  const position = line.isEmptyOrWhitespace ? line.range.start : line.range.end;
  const above = line.isEmptyOrWhitespace ? (at.line > 0 ? editor.document.lineAt(at.line - 1) : undefined) : line;
  const separation = line.isEmptyOrWhitespace ? (above && !above.isEmptyOrWhitespace ? '\n' : '') : '\n\n';
  const text = `${separation}${block}\n`;
  const edit = new vscode.WorkspaceEdit();
  edit.insert(editor.document.uri, position, text);
  for (const extra of further) edit.insert(editor.document.uri, new vscode.Position(extra.range.start.line, extra.range.start.character), extra.newText);
  await vscode.workspace.applyEdit(edit);
  const inserted = editor.document.positionAt(editor.document.offsetAt(position) + text.length);
  editor.selection = new vscode.Selection(inserted, inserted);
  editor.revealRange(new vscode.Range(position, inserted));
}

async function copyToClipboard(requests: ServerRequests, source: QuoteParams): Promise<void> {
  const quote: QuoteResult | null | undefined = await requests.send(QuoteRequest, source);
  if (!quote) return;
  const footnotes = quote.additional.map((a) => a.newText.trim()).join('\n');
  await vscode.env.clipboard.writeText(`> ${quote.newText}\n${footnotes ? `\n${footnotes}\n` : ''}`);
  void vscode.window.setStatusBarMessage('Corpus Lens: quotation and citation copied', 4000);
}
