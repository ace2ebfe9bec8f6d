// Wires the language service to an LSP connection: capabilities, settings, file watching, progress,
// and the feature handlers. Transport-agnostic; main.ts creates the connection.

import { resolve } from 'node:path';
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
  WatchKind,
  type ClientCapabilities,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import builtInCatalogJson from '../../corpus/catalog.json';
import { version } from '../../package.json';
import { validateCatalog, type Catalog } from './core/catalog/catalog';
import { CorpusLensService } from './core/languageService';
import { CorpusWorkspace, type ProgressReporter } from './corpusWorkspace';
import type { ServerContext } from './features/context';
import { registerCompletion } from './features/completion';
import { registerCorpusRequests } from './features/corpusRequests';
import { registerNavigation } from './features/navigation';
import { registerSymbols } from './features/symbols';
import { hashBytes } from './node/indexCache';
import { ReindexRequest, StatusRequest, type InitializationOptions } from './protocol';
import { DEFAULT_SETTINGS, readFileBytes, readSettings, readTextSync, toPath, type Settings } from './node/settings';

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let settings: Settings = DEFAULT_SETTINGS;
  let client: ClientCapabilities = {};
  let workspace: CorpusWorkspace | undefined;
  let rootUri: string | undefined;

  const service = new CorpusLensService(
    {
      readFile: readFileBytes,
      hash: hashBytes,
      yieldToRequests: () => new Promise((done) => setImmediate(done)),
      log: (message) => connection.console.info(message),
    },
    loadBuiltInCatalog((message) => connection.console.error(message)),
    // Texts are not kept in memory: a large corpus would not fit. They are read again when needed.
    { maxFileBytes: settings.maxFileSizeMB * 1024 * 1024, retainText: false, loadText: (uri) => readTextSync(uri, settings.maxFileSizeMB) },
  );

  const ctx: ServerContext = {
    connection,
    documents,
    service,
    settings: () => settings,
    flushPendingEdits: (uri) => workspace?.flushPendingEdits(uri),
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    client = params.capabilities;
    rootUri = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    const root = rootUri ? toPath(rootUri) : params.rootPath ?? undefined;
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    const embeddedCorpus = options.embeddedCorpus ?? resolve(__dirname, '..', 'corpus');
    workspace = new CorpusWorkspace(connection, service, root, embeddedCorpus, settings, () => createProgress(connection, client), options.cacheDirectory, version, options.indexWorkers);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        completionProvider: { resolveProvider: true, completionItem: { labelDetailsSupport: true } },
        documentSymbolProvider: { label: 'Corpus Lens passages' },
        workspaceSymbolProvider: true,
      },
      serverInfo: { name: 'Corpus Lens', version },
    };
  });

  connection.onInitialized(async () => {
    settings = await pullSettings();
    workspace!.updateSettings(settings);
    if (client.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'corpusLens' });
    }
    registerFileWatchers();
    await workspace!.indexAll();
  });

  async function pullSettings(): Promise<Settings> {
    if (!client.workspace?.configuration) return readSettings(undefined);
    try {
      const [value] = await connection.workspace.getConfiguration([{ section: 'corpusLens', ...(rootUri ? { scopeUri: rootUri } : {}) }]);
      return readSettings(value);
    } catch (error) {
      connection.console.warn(`Could not read the settings (${(error as Error).message}); using the defaults.`);
      return readSettings(undefined);
    }
  }

  function registerFileWatchers(): void {
    if (!client.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      connection.console.info('This client cannot watch files for the server: restart it or run "Corpus Lens: Refresh Index" after adding documents.');
      return;
    }
    const relative = !!client.workspace.didChangeWatchedFiles.relativePatternSupport && rootUri;
    const globs = [...settings.corpus, settings.catalog];
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: globs.map((glob) => ({
        globPattern: relative ? { baseUri: rootUri!, pattern: glob } : `**/${glob.replace(/^\.?\//, '')}`,
        kind: WatchKind.Create | WatchKind.Change | WatchKind.Delete,
      })),
    });
  }

  connection.onDidChangeConfiguration(async () => {
    if (!workspace) return;
    settings = await pullSettings();
    const changed = workspace.updateSettings(settings);
    if (changed.reindex) await workspace.indexAll();
    else if (changed.catalog && (await workspace.loadCatalog())) await workspace.indexAll();
  });

  connection.onDidChangeWatchedFiles((params) => workspace?.onFilesChanged(params.changes));
  connection.onShutdown(() => workspace?.flushCache());

  documents.onDidChangeContent((event) => {
    const uri = event.document.uri;
    if (service.index.has(uri)) workspace?.onOpenDocumentChanged(uri, () => event.document.getText());
  });
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    if (service.index.has(uri)) void workspace?.onOpenDocumentClosed(uri);
    else service.forgetNote(uri);
  });

  registerNavigation(ctx, () => !!client.textDocument?.definition?.linkSupport);
  registerCompletion(ctx);
  registerSymbols(ctx);
  registerCorpusRequests(ctx);
  connection.onRequest(StatusRequest, () => workspace!.status());
  connection.onRequest(ReindexRequest, () => workspace!.indexAll());

  documents.listen(connection);
  connection.listen();
}

/** The catalog bundled into the server; it is checked by the tests, so failing here is a build bug. */
function loadBuiltInCatalog(log: (message: string) => void): Catalog {
  const result = validateCatalog(builtInCatalogJson);
  if (result.catalog) return result.catalog;
  log(`The bundled catalog is invalid: ${result.problems.map((p) => p.message).join(' ')}`);
  return { version: 'empty', entities: [] };
}

async function createProgress(connection: Connection, client: ClientCapabilities): Promise<ProgressReporter> {
  if (!client.window?.workDoneProgress) {
    return { begin() {}, report() {}, cancelled: () => false, done() {} };
  }
  const reporter = await connection.window.createWorkDoneProgress();
  let lastPercent = -1;
  return {
    begin: (total) => reporter.begin('Corpus Lens: indexing', 0, `0/${total} documents`, true),
    report: (done, total) => {
      const percent = total ? Math.floor((done / total) * 100) : 100;
      if (percent === lastPercent) return;
      lastPercent = percent;
      reporter.report(percent, `${done}/${total} documents`);
    },
    cancelled: () => reporter.token.isCancellationRequested,
    done: () => reporter.done(),
  };
}
