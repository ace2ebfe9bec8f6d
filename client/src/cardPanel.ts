// "Open Card": the whole card of an entity (every name, every list uncut) in a panel beside the
// editor that stays open and follows the cursor: moving onto another name in a note or a source
// shows that name's card. The Markdown is rendered by VS Code's own Markdown extension; the page
// runs no script but ours (a strict Content Security Policy) and its links come back here: a
// passage opens in the editor, and only our quoting commands run.

import * as vscode from 'vscode';
import { CardRequest, type CardParams } from '../../server/src/shared/protocol';
import type { ServerRequests } from './requests';

/** The commands a link of the card may run (the hover trusts the same). */
const CARD_COMMANDS = new Set(['corpusLens.insertQuote', 'corpusLens.copyQuote', 'corpusLens.openCard']);
const FOLLOW_DELAY_MS = 250;

export class CardPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private shown: CardParams | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly requests: ServerRequests,
    private readonly entityAtCursor: () => Promise<string | undefined>,
  ) {
    this.subscriptions.push(
      vscode.window.onDidChangeTextEditorSelection((event) => {
        if (!this.panel || event.textEditor.document.uri.scheme === 'output') return;
        clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.follow(), FOLLOW_DELAY_MS);
      }),
    );
  }

  /** Shows the card of an entity (given, or the one under the cursor) beside the editor. */
  async open(params: CardParams | undefined): Promise<void> {
    const entityId = params?.entityId ?? (await this.entityAtCursor());
    if (!entityId) {
      void vscode.window.showInformationMessage('Corpus Lens: put the cursor on a name to open its card.');
      return;
    }
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('corpusLens.card', 'Card', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true, enableFindWidget: true, localResourceRoots: [] });
      this.panel.onDidDispose(() => (this.panel = this.shown = undefined), undefined, this.subscriptions);
      this.panel.webview.onDidReceiveMessage((message: { type?: string; href?: string }) => void this.openLink(message.href), undefined, this.subscriptions);
    } else this.panel.reveal(undefined, true);
    await this.show({ entityId, ...(params?.edition !== undefined ? { edition: params.edition } : {}), full: true });
  }

  /** The cursor moved: the card of the name under it, if it is another one. */
  private async follow(): Promise<void> {
    const entityId = await this.entityAtCursor();
    if (entityId && entityId !== this.shown?.entityId) await this.show({ entityId, full: true });
  }

  private async show(params: CardParams): Promise<void> {
    const card = await this.requests.send(CardRequest, params);
    const panel = this.panel;
    if (!card || !panel) return;
    this.shown = params;
    // The Markdown renderer refuses file: links; they travel as fragments the page sends back.
    const markdown = card.markdown.replace(/\]\((file:[^)\s]+)\)/g, (_, href: string) => `](#open:${encodeURIComponent(href)})`);
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', markdown);
    panel.title = `Card: ${/^\*\*(.+?)\*\*/.exec(card.markdown)?.[1]?.replace(/\\(.)/g, '$1') ?? params.entityId}`;
    panel.webview.html = page(panel.webview, html ?? '');
  }

  private async openLink(href: string | undefined): Promise<void> {
    if (!href) return;
    const uri = vscode.Uri.parse(href.startsWith('#open:') ? decodeURIComponent(href.slice('#open:'.length)) : href);
    if (uri.scheme === 'command') {
      if (!CARD_COMMANDS.has(uri.path)) return;
      const args = uri.query ? (JSON.parse(decodeURIComponent(uri.query)) as unknown[]) : [];
      await vscode.commands.executeCommand(uri.path, ...args);
      return;
    }
    if (uri.scheme !== 'file') return;
    const line = Math.max(0, Number(/^L(\d+)/.exec(uri.fragment)?.[1] ?? 1) - 1);
    const editor = await vscode.window.showTextDocument(uri.with({ fragment: '' }), { viewColumn: vscode.ViewColumn.One, preview: true });
    const at = new vscode.Range(line, 0, line, 0);
    editor.selection = new vscode.Selection(at.start, at.start);
    editor.revealRange(at, vscode.TextEditorRevealType.InCenter);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.panel?.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

function page(webview: vscode.Webview, body: string): string {
  const nonce = Array.from({ length: 24 }, () => Math.floor(Math.random() * 36).toString(36)).join('');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource} 'unsafe-inline'; script-src 'nonce-${nonce}';">
<style>
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 16px 16px; line-height: 1.5; }
blockquote { margin: 0; padding: 2px 12px; border-left: 3px solid var(--vscode-textBlockQuote-border); background: var(--vscode-textBlockQuote-background); }
a { color: var(--vscode-textLink-foreground); }
</style></head>
<body>${body}
<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
document.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest('a') : null;
  if (!link) return;
  event.preventDefault();
  vscode.postMessage({ type: 'open', href: link.getAttribute('href') });
});
</script></body></html>`;
}
