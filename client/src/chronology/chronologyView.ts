// The Chronology view: a webview that draws the corpus on a timeline (client/webview/timeline.ts).
// The host asks the server for the events of the current selection, lays them out (model.ts) and
// posts the drawing; the page posts back what the analyst did: a filter typed, a mark activated
// (a passage opens, a month or year zooms in) or hovered (its sentence is fetched then).

import * as vscode from 'vscode';
import { ChronologyRequest, KIND_TITLES, QuoteRequest, type ChronologyEventSummary, type EntitySummary } from '../../../server/src/shared/protocol';
import type { ServerRequests } from '../requests';
import type { FromWebview, ToWebview } from './messages';
import { kindColours, onDidChangeKindColours, type KindColours } from './kindColours';
import { drawingOf, filterText, parseFilter } from './model';
import type { ChronologyState } from './state';

/** Marks drawn at most (events times lanes stay within a few thousand): above it, the server gathers by month. */
export const MAX_EVENTS = 1500;

export class ChronologyViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  private view: vscode.WebviewView | undefined;
  private events: ChronologyEventSummary[] = [];
  /** Set when the selection or the index changed while the view was hidden. */
  private stale = true;
  /**
   * True while the server indexes the corpus: the view is drawn again only when that is done (a
   * whole-corpus chronology made again for every file read would cost the index), so a drawing
   * made meanwhile says that it shows what is read so far. True until the server's first status.
   */
  indexing = true;
  private generation = 0;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly requests: ServerRequests,
    private readonly state: ChronologyState,
    private readonly entities: () => Promise<EntitySummary[]>,
    private readonly extension: vscode.Extension<unknown>,
    private readonly log?: (message: string) => void,
  ) {
    this.disposables.push(
      state.onDidChange(() => this.refresh()),
      onDidChangeKindColours(() => {
        this.colours = undefined;
        void this.sendColours();
      }),
    );
  }

  /** The kinds' colours in the active theme, read once per theme and token colour settings. */
  private colours: Promise<KindColours> | undefined;

  /** Tells the page the colours of the kinds' names in the active theme, for its lanes and marks. */
  private async sendColours(): Promise<void> {
    if (!this.view) return;
    this.colours ??= kindColours(this.extension, this.log);
    void this.post({ type: 'colours', colours: await this.colours });
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    const roots = [vscode.Uri.joinPath(this.extensionUri, 'dist'), vscode.Uri.joinPath(this.extensionUri, 'client', 'media')];
    view.webview.options = { enableScripts: true, localResourceRoots: roots };
    view.webview.html = this.html(view.webview);
    this.disposables.push(
      view.webview.onDidReceiveMessage((message: FromWebview) => void this.receive(message)),
      view.onDidChangeVisibility(() => {
        if (view.visible && this.stale) void this.refresh();
      }),
      view.onDidDispose(() => (this.view = undefined)),
    );
  }

  /** Draws the current selection again (the index or the selection changed). */
  async refresh(): Promise<void> {
    const view = this.view;
    if (!view?.visible) {
      this.stale = true;
      return;
    }
    this.stale = false;
    const generation = ++this.generation;
    const entities = await this.entities();
    const filter = filterText(this.state.selection, entities);
    void this.post({ type: 'loading', filter });
    const result = await this.requests.send(ChronologyRequest, { ...this.state.params(), maxEvents: MAX_EVENTS });
    // A newer selection has been asked for meanwhile: its answer draws.
    if (generation !== this.generation) return;
    if (!result) {
      void this.post({ type: 'problem', message: 'The language server did not answer: see the Corpus Lens output.' });
      return;
    }
    this.events = result.events;
    const drawing = drawingOf(result, this.state.selection, filter || 'The whole corpus');
    if (this.indexing) drawing.summary += ' so far: the corpus is still being read, and this is drawn again when it is done';
    const names = [...entities.filter((e) => e.mentionCount > 0).map((e) => e.name), ...Object.values(KIND_TITLES)];
    void this.post({ type: 'drawing', drawing, filter, zoomed: this.state.zoomed, names });
  }

  private async receive(message: FromWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        // The theme's files are read (once) beside the drawing's request, not before it.
        void this.sendColours();
        this.stale = true;
        await this.refresh();
        break;
      case 'filter': {
        const entities = await this.entities();
        const { selection, unknown } = parseFilter(message.text, entities);
        if (unknown.length) {
          const words = unknown.map((u) => `\u201c${u}\u201d`).join(', ');
          void this.post({ type: 'problem', message: `No entity, kind or year is called ${words}. Try a name from the list, a kind such as Exercises, or 2021\u20132023.` });
          return;
        }
        this.state.set(selection);
        break;
      }
      case 'activate': {
        const event = this.events[message.event];
        if (!event) return;
        // A passage opens at its mention; a month or a year of passages opens as the timeline of that period.
        if (event.uri && event.at) await vscode.commands.executeCommand('corpusLens.openPassage', { uri: event.uri, range: event.at });
        else this.state.zoom(event.date, event.date);
        break;
      }
      case 'describe': {
        const event = this.events[message.event];
        if (!event?.uri || !event.at) return;
        const quote = await this.requests.send(QuoteRequest, { uri: event.uri, position: event.at.start, scope: 'sentence' });
        void this.post({ type: 'sentence', event: message.event, text: quote?.text ?? event.passage?.title ?? '' });
        break;
      }
      case 'allDates':
        this.state.allDates();
        break;
    }
  }

  private post(message: ToWebview): Thenable<boolean> | undefined {
    return this.view?.webview.postMessage(message);
  }

  private html(webview: vscode.Webview): string {
    const nonce = [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'chronology.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'client', 'media', 'chronology.css'));
    const csp = `default-src 'none'; style-src ${webview.cspSource}; img-src ${webview.cspSource}; script-src 'nonce-${nonce}';`;
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link href="${style}" rel="stylesheet">
<title>Chronology</title>
</head>
<body>
<div class="toolbar">
<input id="filter" type="text" list="names" spellcheck="false" aria-label="Filter: entities, kinds and years, separated by commas" placeholder="Entities, kinds, years\u2026">
<datalist id="names"></datalist>
<button id="all-dates" hidden title="Show every date of the selection">All dates</button>
</div>
<p id="summary" role="status" aria-live="polite"></p>
<div id="chart"></div>
<div id="tip" role="tooltip" hidden></div>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
