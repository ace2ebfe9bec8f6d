// Wires the core to an LSP connection: the session (on initialize), the settings and watchers
// (configuration.ts), the documents the editor holds, and the feature handlers. Transport- and
// platform-agnostic: main.ts creates the connection and passes the runtime (node/runtime.ts).

import { FileChangeType, TextDocuments, type ClientCapabilities, type Connection, type DidChangeWatchedFilesParams, type InitializeParams, type InitializeResult } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { version } from '../../package.json';
import { Emitter } from './core/events';
import type { FileChange } from './core/sync/corpusSync';
import { toPath, toUri } from './core/text/uris';
import { Configuration } from './configuration';
import { registerChronology } from './features/chronology';
import { registerCodeActions } from './features/codeActions';
import { registerCompletion } from './features/completion';
import type { ServerContext } from './features/context';
import { registerCorpusRequests } from './features/corpusRequests';
import { registerDiagnostics, type CatalogDiagnostics } from './features/diagnostics';
import { guardedDocuments } from './features/documentGuard';
import { registerNavigation } from './features/navigation';
import { registerNoteDiagnostics } from './features/noteDiagnostics';
import { createProgress } from './features/progress';
import { registerQuoteLinks } from './features/quoteLinks';
import { registerQuoteRequest } from './features/quoteRequest';
import { registerSemanticTokens } from './features/semanticTokens';
import { toIndexStatus } from './features/status';
import { registerSymbols } from './features/symbols';
import { IndexChangedNotification, MemoryRequest, ReindexRequest, StatusRequest, type InitializationOptions } from './shared/protocol';
import type { ServerRuntime } from './runtime';
import { openSession, SERVER_CAPABILITIES, type Session } from './session';
import { maxFileBytes, settingsChange } from './settings';
import { catalogAccess, type CatalogAccess } from './workspaceCatalog';

const FILE_CHANGE_TYPES = { [FileChangeType.Created]: 'created', [FileChangeType.Changed]: 'changed', [FileChangeType.Deleted]: 'deleted' } as const;

export function startServer(connection: Connection, runtime: ServerRuntime): void {
  const server = new CorpusLensServer(connection, runtime);
  connection.onInitialize((params) => server.initialize(params));
  connection.onInitialized(() => server.initialized());
  connection.onDidChangeConfiguration(() => server.configurationChanged());
  connection.onDidChangeWatchedFiles((params) => server.filesChanged(params));
  connection.onShutdown(() => server.shutdown());
  server.listen();
}

/** The server's life cycle: what it knows of the client and the workspace, from initialize to shutdown. */
class CorpusLensServer {
  private readonly documents = new TextDocuments(TextDocument);
  private client: ClientCapabilities = {};
  private rootUri: string | undefined;
  private session: Session | undefined;
  private quoteCommandLinks = false;
  private catalogDiagnostics: CatalogDiagnostics | undefined;
  private readonly noteEdits = new Emitter<string>();
  private readonly configuration: Configuration;
  private readonly catalog: CatalogAccess;
  private readonly ctx: ServerContext;
  private readonly noteDiagnostics: ReturnType<typeof registerNoteDiagnostics>;

  constructor(
    private readonly connection: Connection,
    private readonly runtime: ServerRuntime,
  ) {
    this.configuration = new Configuration(connection, () => this.client, () => this.rootUri);
    this.catalog = catalogAccess(() => this.session?.host, this.documents);
    const service = () => this.started().service;
    this.ctx = {
      connection,
      documents: this.documents,
      get service() {
        return service();
      },
      settings: () => this.configuration.settings,
      clientCapabilities: () => this.client,
      noteEdits: this.noteEdits.event,
      quoteCommandLinks: () => this.quoteCommandLinks,
      flushPendingEdits: (uri) => this.session?.sync.flushPendingEdits(uri),
      ...this.catalog,
    };
    this.noteDiagnostics = registerNoteDiagnostics(this.ctx);
  }

  private started(): Session {
    if (!this.session) throw new Error('the server has not been initialized');
    return this.session;
  }

  initialize(params: InitializeParams): InitializeResult {
    const { connection } = this;
    this.client = params.capabilities;
    this.rootUri = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    this.quoteCommandLinks = options.quoteCommandLinks === true;
    const session = openSession(
      this.runtime,
      {
        root: this.rootUri ? toPath(this.rootUri) : params.rootPath ?? undefined,
        embeddedCorpus: options.embeddedCorpus ?? this.runtime.embeddedCorpus,
        settings: () => this.configuration.settings,
        log: (message) => connection.console.info(message),
        warn: (message) => {
          connection.console.warn(message);
          void connection.window.showWarningMessage(`Corpus Lens: ${message}`);
        },
        createProgress: () => createProgress(connection, this.client),
        cacheDirectory: options.cacheDirectory,
        indexWorkers: options.indexWorkers,
      },
      this.configuration.settings,
      (m) => connection.console.error(m),
    );
    this.session = session;
    session.sync.onDidApplyEdit((uri) => this.noteEdits.fire(uri));
    session.sync.onDidChangeIndex((status) => {
      void connection.sendNotification(IndexChangedNotification, toIndexStatus(status));
      // What a note recognises depends on the corpus: open editors colour their names again.
      if (!status.indexing && this.client.workspace?.semanticTokens?.refreshSupport) void connection.languages.semanticTokens.refresh();
      if (!status.indexing) this.noteDiagnostics.refreshAll();
    });
    this.catalogDiagnostics = registerDiagnostics(connection, session.sync, (uri) => this.documents.all().find((doc) => doc.uri === uri || this.catalog.isCatalog(doc.uri))?.getText());
    return { capabilities: SERVER_CAPABILITIES, serverInfo: { name: 'Corpus Lens', version } };
  }

  async initialized(): Promise<void> {
    const { ingestion, sync } = this.started();
    const settings = await this.configuration.pull();
    ingestion.setOptions({ maxFileBytes: maxFileBytes(settings), retainText: false });
    this.configuration.registerForChanges();
    this.configuration.registerFileWatchers();
    await sync.indexAll();
  }

  async configurationChanged(): Promise<void> {
    if (!this.session) return;
    const { ingestion, sync } = this.session;
    const before = this.configuration.settings;
    const settings = await this.configuration.pull();
    ingestion.setOptions({ maxFileBytes: maxFileBytes(settings), retainText: false });
    const changed = settingsChange(before, settings);
    if (changed.reindex) await sync.indexAll();
    else if (changed.catalog && (await sync.loadCatalog())) await sync.indexAll();
    else if (before.noteDiagnostics !== settings.noteDiagnostics) this.noteDiagnostics.refreshAll();
  }

  filesChanged(params: DidChangeWatchedFilesParams): Promise<void> | void {
    if (!Array.isArray(params?.changes)) return this.connection.console.warn('Ignored a malformed didChangeWatchedFiles notification.');
    const changes: FileChange[] = params.changes.flatMap((c) => {
      if (typeof c?.uri !== 'string') return [];
      const path = toPath(c.uri);
      const type = FILE_CHANGE_TYPES[c.type];
      // The same file may be named by differently encoded uris: the index uses one spelling.
      return path && type ? [{ uri: toUri(path), type }] : [];
    });
    return this.session?.sync.onFilesChanged(changes);
  }

  async shutdown(): Promise<void> {
    await this.session?.sync.flushCache();
    this.session?.sync.dispose();
    this.session?.service.dispose();
  }

  /** Registers the handlers and starts listening. */
  listen(): void {
    const { connection, documents, ctx } = this;
    documents.onDidChangeContent((event) => {
      // The open catalog is checked as it is typed; the knowledge changes when it is saved.
      if (this.catalog.isCatalog(event.document.uri)) return this.catalogDiagnostics?.catalogEdited(event.document.uri);
      this.session?.sync.onOpenDocumentChanged(event.document.uri, () => event.document.getText());
    });
    documents.onDidClose((event) => {
      const uri = event.document.uri;
      if (!this.session) return;
      if (this.catalog.isCatalog(uri)) return this.catalogDiagnostics?.catalogEdited(uri);
      // Unsaved edits are gone with the editor: the file on disk is read again, and a waiting edit dropped.
      if (!this.session.service.document(uri)) this.session.service.forgetNote(uri);
      this.session.sync.onOpenDocumentClosed(uri);
    });
    registerNavigation(ctx, () => !!this.client.textDocument?.definition?.linkSupport);
    registerCompletion(ctx);
    registerSymbols(ctx);
    registerSemanticTokens(ctx);
    registerCodeActions(ctx);
    registerCorpusRequests(ctx);
    registerChronology(ctx);
    registerQuoteLinks(ctx);
    registerQuoteRequest(ctx);
    connection.onRequest(StatusRequest, () => toIndexStatus(this.started().sync.status()));
    connection.onRequest(ReindexRequest, async () => toIndexStatus(await this.started().sync.indexAll()));
    connection.onRequest(MemoryRequest, ({ collect }) => {
      const gc = (globalThis as { gc?: () => void }).gc;
      if (collect && gc) gc();
      const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
      return { rss, heapUsed, heapTotal, external, arrayBuffers, collected: !!(collect && gc) };
    });
    documents.listen(guardedDocuments(connection, documents, (message) => connection.console.warn(message)));
    connection.listen();
  }
}
