// Quoting the corpus into a note from the views and the card: "Insert Quote in Note" puts the
// sentence (a mention's, an entity's defining one) or a passage's first paragraph as a blockquote
// with its citation at the cursor of the note last worked in; "Copy Quote with Citation" puts the
// same on the clipboard.

import * as vscode from 'vscode';
import { QuoteRequest, type QuoteParams, type QuoteResult } from '../../server/src/shared/protocol';
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
  const source = quoteSourceOf(arg);
  if (!source) return;
  const target = notes.note();
  if (!target) {
    const choice = await vscode.window.showInformationMessage('Corpus Lens: open a note to insert the quotation into, or copy it instead.', 'Copy Quote with Citation');
    if (choice) await copyQuote(requests, arg);
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

export async function copyQuote(requests: ServerRequests, arg: unknown): Promise<void> {
  const source = quoteSourceOf(arg);
  if (!source) return;
  const quote: QuoteResult | null | undefined = await requests.send(QuoteRequest, source);
  if (!quote) return;
  const footnotes = quote.additional.map((a) => a.newText.trim()).join('\n');
  await vscode.env.clipboard.writeText(`> ${quote.newText}\n${footnotes ? `\n${footnotes}\n` : ''}`);
  void vscode.window.setStatusBarMessage('Corpus Lens: quotation and citation copied', 4000);
}
