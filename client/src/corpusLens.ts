// The extension's context object: owns the language client's life cycle (start, stop, restart),
// the output channel, the status bar item, the tree views and the commands, and disposes them.
// Two cleanup scopes: the extension's (views, commands, output) lives until deactivation; the
// client's (its listeners) ends with each stop, so a restart leaves nothing of the old client.

import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { DocumentFilter, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import { EntityAtRequest, IndexChangedNotification, StatusRequest, type IndexStatus, type InitializationOptions } from '../../server/src/shared/protocol';
import { ChronologyTreeProvider } from './chronology/chronologyTree';
import { ChronologyViewProvider } from './chronology/chronologyView';
import { ChronologyState } from './chronology/state';
import { registerCommands } from './commands';
import { DocumentsTreeProvider } from './documentsTree';
import { EntitiesTreeProvider } from './entitiesTree';
import type { ServerRequests } from './requests';
import { NoteTracker } from './quoteCommands';
import { StatusBar } from './statusBar';
import { TabTitles } from './tabTitles';
import { WorkspaceLayout } from './workspaceLayout';
import { CardPanel } from './cardPanel';

/** What activate() returns: used by the editor tests, and by anyone who wants to script Corpus Lens. */
export interface CorpusLensApi {
  /** Resolves once the server has finished its first index. */
  readonly ready: Promise<IndexStatus>;
  readonly documents: DocumentsTreeProvider;
  readonly entities: EntitiesTreeProvider;
}

export const DOCUMENT_SELECTOR = [
  { scheme: 'file', language: 'markdown' },
  { scheme: 'file', language: 'plaintext' },
  { scheme: 'file', language: 'corpus-document' },
  { scheme: 'untitled', language: 'markdown' },
  { scheme: 'untitled', language: 'plaintext' },
];

export class CorpusLens implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private readonly output = vscode.window.createOutputChannel('Corpus Lens', { log: true });
  private readonly statusBar = new StatusBar();
  readonly documents: DocumentsTreeProvider;
  readonly entities: EntitiesTreeProvider;
  readonly entitiesView: vscode.TreeView<unknown>;
  /** The selection the Chronology view, its list and "Insert Chronology into Note" share. */
  readonly chronology = new ChronologyState();
  private readonly chronologyView: ChronologyViewProvider;
  private readonly chronologyList: ChronologyTreeProvider;
  private readonly tabTitles: TabTitles;
  private readonly layout: WorkspaceLayout;
  /** The whole card beside the editor ("Open Card"), following the cursor. */
  readonly cardPanel: CardPanel;
  /** The note last worked in: where "Insert Quote in Note" inserts. */
  readonly notes: NoteTracker;
  /** Lives as long as the extension. */
  private readonly disposables: vscode.Disposable[] = [];
  /** Lives as long as the current client: disposed when it stops. */
  private clientDisposables: vscode.Disposable[] = [];
  private resolveReady!: (status: IndexStatus) => void;
  readonly api: CorpusLensApi;
  readonly extensionUri: vscode.Uri;
  readonly isCorpusDocument = (uri: string): Promise<boolean> => this.documents.isCorpusDocument(uri);

  constructor(private readonly context: vscode.ExtensionContext) {
    this.extensionUri = context.extensionUri;
    const ready = new Promise<IndexStatus>((resolve) => (this.resolveReady = resolve));
    this.documents = new DocumentsTreeProvider(this.requests);
    this.entities = new EntitiesTreeProvider(this.requests);
    const documentsView = vscode.window.createTreeView('corpusLens.documents', { treeDataProvider: this.documents, showCollapseAll: true });
    this.entitiesView = vscode.window.createTreeView('corpusLens.entities', { treeDataProvider: this.entities, showCollapseAll: true }) as vscode.TreeView<unknown>;
    this.disposables.push(this.output, this.statusBar, documentsView, this.entitiesView, this.documents, this.entities);
    this.chronologyView = new ChronologyViewProvider(context.extensionUri, this.requests, this.chronology, () => this.entities.entities(), context.extension, (message) =>
      this.output.appendLine(message),
    );
    this.chronologyList = new ChronologyTreeProvider(this.requests, this.chronology);
    const chronologyListView = vscode.window.createTreeView('corpusLens.chronologyList', { treeDataProvider: this.chronologyList });
    this.disposables.push(
      this.chronology,
      this.chronologyView,
      this.chronologyList,
      chronologyListView,
      vscode.window.registerWebviewViewProvider('corpusLens.chronology', this.chronologyView),
      // The timeline follows the entity selected in the Entities view.
      this.entitiesView.onDidChangeSelection(({ selection }) => {
        const node = selection[0] as { type?: string; entity?: { id: string } } | undefined;
        if (node?.type === 'entity' && node.entity) this.chronology.showEntity(node.entity.id);
      }),
    );
    this.disposables.push(...registerCommands(this));
    // Sources are not for editing: a corpus document in the editor is read-only (in this session).
    this.disposables.push(vscode.window.onDidChangeActiveTextEditor((editor) => void this.protectSource(editor)));
    this.notes = new NoteTracker((uri) => this.documents.isCorpusDocument(uri));
    this.disposables.push(this.notes);
    this.tabTitles = new TabTitles((uri) => this.documents.summaryOf(uri), context.workspaceState, (message) => this.output.appendLine(message));
    this.disposables.push(this.tabTitles);
    this.layout = new WorkspaceLayout(context.workspaceState, (uri) => this.documents.isCorpusDocument(uri));
    this.disposables.push(this.layout);
    this.cardPanel = new CardPanel(this.requests, () => this.entityIdAtCursor());
    this.disposables.push(this.cardPanel);
    // The catalog is part of the client's document selector, which is fixed while a client runs.
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (!event.affectsConfiguration('corpusLens.catalog') || !this.client) return;
        this.output.appendLine('The setting corpusLens.catalog changed: restarting the language server.');
        void this.restart();
      }),
    );
    this.api = { ready, documents: this.documents, entities: this.entities };
  }

  /** Requests to the running server; undefined when none runs or the request failed. */
  readonly requests: ServerRequests = {
    send: <P, R>(type: RequestType0<R, void> | RequestType<P, R, void>, params?: P) => this.sendRequest(type, params),
  };

  private async sendRequest<P, R>(type: RequestType0<R, void> | RequestType<P, R, void>, params: P | undefined): Promise<R | undefined> {
    const client = this.client;
    if (!client?.isRunning()) return undefined;
    try {
      // The overloads of sendRequest are told apart by their arguments: one call site for both.
      const send = client.sendRequest.bind(client) as (type: RequestType0<R, void> | RequestType<P, R, void>, params?: P) => Promise<R>;
      return await (params === undefined ? send(type) : send(type, params));
    } catch (error) {
      this.output.appendLine(`The request ${type.method} failed: ${(error as Error)?.message ?? error}`);
      return undefined;
    }
  }

  async start(): Promise<void> {
    const serverModule = this.context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module: serverModule, transport: TransportKind.ipc },
      debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    const initializationOptions: InitializationOptions = {
      embeddedCorpus: this.context.asAbsolutePath('corpus'),
      // The persistent index cache lives in the extension's storage for this workspace.
      cacheDirectory: (this.context.storageUri ?? this.context.globalStorageUri).fsPath,
      quoteCommandLinks: true,
    };
    const clientOptions: LanguageClientOptions = {
      // The workspace catalog is synchronised too: a quick fix is made from the text in the editor.
      documentSelector: [...DOCUMENT_SELECTOR, ...catalogSelector()],
      initializationOptions,
      outputChannel: this.output,
      // The card quotes corpus text: only our own quoting commands may run from its links.
      markdown: { isTrusted: { enabledCommands: ['corpusLens.insertQuote', 'corpusLens.copyQuote', 'corpusLens.openCard'] }, supportHtml: false },
    };
    const client = new LanguageClient('corpusLens', 'Corpus Lens', serverOptions, clientOptions);
    this.client = client;
    this.statusBar.showStarting();
    this.clientDisposables.push(
      client.onDidChangeState((event) => {
        if (event.newState === State.Stopped) this.statusBar.showStopped();
      }),
    );
    try {
      await client.start();
    } catch (error) {
      this.statusBar.showStopped();
      this.output.appendLine(`The Corpus Lens server did not start: ${(error as Error)?.message ?? error}`);
      void vscode.window.showErrorMessage('Corpus Lens: the language server did not start. See the "Corpus Lens" output for details.');
      return;
    }
    this.clientDisposables.push(client.onNotification(IndexChangedNotification, (status) => this.onIndexChanged(status)));
    const status = await this.requests.send(StatusRequest);
    if (status) this.onIndexChanged(status);
  }

  private async protectSource(editor: vscode.TextEditor | undefined): Promise<void> {
    const source = !!editor && (await this.documents.isCorpusDocument(editor.document.uri.toString()));
    // The selection-quoting commands show in a source's context menu and answer their keybinding there.
    if (vscode.window.activeTextEditor === editor) await vscode.commands.executeCommand('setContext', 'corpusLens.inSource', source);
    if (!editor || !source || !vscode.workspace.getConfiguration('corpusLens', editor.document.uri).get<boolean>('readOnlyCorpus', true)) return;
    // The command acts on the active editor: make sure it still is this one.
    if (vscode.window.activeTextEditor === editor) await vscode.commands.executeCommand('workbench.action.files.setActiveEditorReadonlyInSession');
  }

  private onIndexChanged(status: IndexStatus): void {
    this.statusBar.show(status);
    this.chronologyView.indexing = status.indexing;
    this.documents.refresh();
    this.entities.refresh();
    if (!status.indexing) {
      void this.chronologyView.refresh();
      this.chronologyList.refresh();
    }
    if (!status.indexing) {
      this.tabTitles.schedule();
      this.layout.reconsiderOpenDocuments();
      void this.protectSource(vscode.window.activeTextEditor);
      void this.layout.tell(status);
      this.resolveReady(status);
    }
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    for (const disposable of this.clientDisposables) disposable.dispose();
    this.clientDisposables = [];
    if (client?.isRunning()) await client.stop();
    else await client?.dispose();
  }

  /** The entity under the cursor of the active editor, if any. */
  private async entityIdAtCursor(): Promise<string | undefined> {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return undefined;
    const { line, character } = editor.selection.active;
    return (await this.requests.send(EntityAtRequest, { textDocument: { uri: editor.document.uri.toString() }, position: { line, character } }))?.id;
  }

  showOutput(): void {
    this.output.show(true);
  }

  dispose(): void {
    void this.stop();
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/**
 * The document filter of the workspace catalog the settings name, when it is inside the first
 * workspace folder (the server refuses any other). Glob characters in the path are taken literally.
 */
function catalogSelector(): DocumentFilter[] {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder || folder.uri.scheme !== 'file') return [];
  const setting = vscode.workspace.getConfiguration('corpusLens', folder.uri).get<string>('catalog', 'corpus/catalog.json').trim();
  const path = setting.replace(/\\/g, '/').replace(/^\.\//, '');
  if (!path || path.startsWith('/') || /^[a-z]:/i.test(path) || path.split('/').includes('..')) return [];
  const literal = (p: string) => p.replace(/[*?{}[]/g, (c) => `[${c}]`);
  const filters: DocumentFilter[] = [{ scheme: 'file', pattern: { baseUri: folder.uri.toString(), pattern: literal(path) } }];
  // A workspace whose root is a corpus keeps its catalog beside the documents (the server takes it when the setting is the default).
  if (path === 'corpus/catalog.json') filters.push({ scheme: 'file', pattern: { baseUri: folder.uri.toString(), pattern: 'catalog.json' } });
  return filters;
}
