// Wires the core to an LSP connection: the session (on initialize), the settings and watchers
// (configuration.ts), the documents the editor holds, and the feature handlers. Transport- and
// platform-agnostic: main.ts creates the connection and passes the runtime (node/runtime.ts).

import { FileChangeType, TextDocuments, type ClientCapabilities, type Connection, type InitializeParams, type InitializeResult } from 'vscode-languageserver';
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
import { IndexChangedNotification, ReindexRequest, StatusRequest, type InitializationOptions } from './shared/protocol';
import type { ServerRuntime } from './runtime';
import { openSession, SERVER_CAPABILITIES, type Session } from './session';
import { maxFileBytes, settingsChange } from './settings';
import { catalogAccess } from './workspaceCatalog';

const FILE_CHANGE_TYPES = { [FileChangeType.Created]: 'created', [FileChangeType.Changed]: 'changed', [FileChangeType.Deleted]: 'deleted' } as const;

export function startServer(connection: Connection, runtime: ServerRuntime): void {
  const documents = new TextDocuments(TextDocument);
  let client: ClientCapabilities = {};
  let rootUri: string | undefined;
  let session: Session | undefined;
  let quoteCommandLinks = false;
  let catalogDiagnostics: CatalogDiagnostics | undefined;
  const noteEdits = new Emitter<string>();
  const configuration = new Configuration(connection, () => client, () => rootUri);
  const started = () => {
    if (!session) throw new Error('the server has not been initialized');
    return session;
  };
  const catalog = catalogAccess(() => session?.host, documents);
  const ctx: ServerContext = {
    connection,
    documents,
    get service() {
      return started().service;
    },
    settings: () => configuration.settings,
    clientCapabilities: () => client,
    noteEdits: noteEdits.event,
    quoteCommandLinks: () => quoteCommandLinks,
    flushPendingEdits: (uri) => session?.sync.flushPendingEdits(uri),
    ...catalog,
  };
  const noteDiagnostics = registerNoteDiagnostics(ctx);

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    client = params.capabilities;
    rootUri = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    quoteCommandLinks = options.quoteCommandLinks === true;
    session = openSession(
      runtime,
      {
        root: rootUri ? toPath(rootUri) : params.rootPath ?? undefined,
        embeddedCorpus: options.embeddedCorpus ?? runtime.embeddedCorpus,
        settings: () => configuration.settings,
        log: (message) => connection.console.info(message),
        warn: (message) => {
          connection.console.warn(message);
          void connection.window.showWarningMessage(`Corpus Lens: ${message}`);
        },
        createProgress: () => createProgress(connection, client),
        cacheDirectory: options.cacheDirectory,
        indexWorkers: options.indexWorkers,
      },
      configuration.settings,
      (m) => connection.console.error(m),
    );
    const { sync } = session;
    sync.onDidApplyEdit((uri) => noteEdits.fire(uri));
    sync.onDidChangeIndex((status) => {
      void connection.sendNotification(IndexChangedNotification, toIndexStatus(status));
      // What a note recognises depends on the corpus: open editors colour their names again.
      if (!status.indexing && client.workspace?.semanticTokens?.refreshSupport) void connection.languages.semanticTokens.refresh();
      if (!status.indexing) noteDiagnostics.refreshAll();
    });
    catalogDiagnostics = registerDiagnostics(connection, sync, (uri) => documents.all().find((doc) => doc.uri === uri || catalog.isCatalog(doc.uri))?.getText());
    return { capabilities: SERVER_CAPABILITIES, serverInfo: { name: 'Corpus Lens', version } };
  });

  connection.onInitialized(async () => {
    const { ingestion, sync } = started();
    const settings = await configuration.pull();
    ingestion.setOptions({ maxFileBytes: maxFileBytes(settings), retainText: false });
    configuration.registerForChanges();
    configuration.registerFileWatchers();
    await sync.indexAll();
  });

  connection.onDidChangeConfiguration(async () => {
    if (!session) return;
    const { ingestion, sync } = session;
    const before = configuration.settings;
    const settings = await configuration.pull();
    ingestion.setOptions({ maxFileBytes: maxFileBytes(settings), retainText: false });
    const changed = settingsChange(before, settings);
    if (changed.reindex) await sync.indexAll();
    else if (changed.catalog && (await sync.loadCatalog())) await sync.indexAll();
    else if (before.noteDiagnostics !== settings.noteDiagnostics) noteDiagnostics.refreshAll();
  });

  connection.onDidChangeWatchedFiles((params) => {
    if (!Array.isArray(params?.changes)) return connection.console.warn('Ignored a malformed didChangeWatchedFiles notification.');
    const changes: FileChange[] = params.changes.flatMap((c) => {
      if (typeof c?.uri !== 'string') return [];
      const path = toPath(c.uri);
      const type = FILE_CHANGE_TYPES[c.type];
      // The same file may be named by differently encoded uris: the index uses one spelling.
      return path && type ? [{ uri: toUri(path), type }] : [];
    });
    return session?.sync.onFilesChanged(changes);
  });

  connection.onShutdown(async () => {
    await session?.sync.flushCache();
    session?.sync.dispose();
    session?.service.dispose();
  });

  documents.onDidChangeContent((event) => {
    // The open catalog is checked as it is typed; the knowledge changes when it is saved.
    if (catalog.isCatalog(event.document.uri)) return catalogDiagnostics?.catalogEdited(event.document.uri);
    session?.sync.onOpenDocumentChanged(event.document.uri, () => event.document.getText());
  });
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    if (!session) return;
    if (catalog.isCatalog(uri)) return catalogDiagnostics?.catalogEdited(uri);
    // Unsaved edits are gone with the editor: the file on disk is read again, and a waiting edit dropped.
    if (!session.service.document(uri)) session.service.forgetNote(uri);
    session.sync.onOpenDocumentClosed(uri);
  });

  registerNavigation(ctx, () => !!client.textDocument?.definition?.linkSupport);
  registerCompletion(ctx);
  registerSymbols(ctx);
  registerSemanticTokens(ctx);
  registerCodeActions(ctx);
  registerCorpusRequests(ctx);
  registerChronology(ctx);
  registerQuoteLinks(ctx);
  registerQuoteRequest(ctx);
  connection.onRequest(StatusRequest, () => toIndexStatus(started().sync.status()));
  connection.onRequest(ReindexRequest, async () => toIndexStatus(await started().sync.indexAll()));

  documents.listen(guardedDocuments(connection, documents, (message) => connection.console.warn(message)));
  connection.listen();
}
