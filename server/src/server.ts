// Wires the core to an LSP connection: capabilities, settings, file watching, and the feature
// handlers. Transport-agnostic; main.ts creates the connection. The sync (core/sync) keeps the
// index current through a file-system host; the handlers read it through the language service.

import { resolve } from 'node:path';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
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
import { Emitter } from './core/events';
import { createLanguageService, type LanguageService } from './core/languageService';
import { decodeCatalog } from './core/text/decode';
import { CorpusSync, type FileChange } from './core/sync/corpusSync';
import { Ingestion } from './core/sync/ingestion';
import { APPLY_FIX_COMMAND, registerCodeActions } from './features/codeActions';
import { registerCompletion } from './features/completion';
import type { ServerContext } from './features/context';
import { guardedDocuments } from './features/documentGuard';
import { registerChronology } from './features/chronology';
import { registerCorpusRequests } from './features/corpusRequests';
import { registerDiagnostics, type CatalogDiagnostics } from './features/diagnostics';
import { registerNavigation } from './features/navigation';
import { registerNoteDiagnostics } from './features/noteDiagnostics';
import { createProgress } from './features/progress';
import { toIndexStatus } from './features/status';
import { registerSemanticTokens, SEMANTIC_TOKENS_LEGEND } from './features/semanticTokens';
import { registerQuoteRequest } from './features/quoteRequest';
import { registerQuoteLinks } from './features/quoteLinks';
import { registerSymbols } from './features/symbols';
import { FileSystemHost } from './node/fileSystemHost';
import { toPath, toUri } from './node/settings';
import { DEFAULT_SETTINGS, maxFileBytes, readSettings, settingsChange, type Settings } from './settings';
import { IndexChangedNotification, ReindexRequest, StatusRequest, type InitializationOptions } from './protocol';

interface Session {
  host: FileSystemHost;
  ingestion: Ingestion;
  sync: CorpusSync;
  service: LanguageService;
}

const FILE_CHANGE_TYPES = { [FileChangeType.Created]: 'created', [FileChangeType.Changed]: 'changed', [FileChangeType.Deleted]: 'deleted' } as const;

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let settings: Settings = DEFAULT_SETTINGS;
  let client: ClientCapabilities = {};
  let rootUri: string | undefined;
  let session: Session | undefined;
  let quoteCommandLinks = false;
  let catalogDiagnostics: CatalogDiagnostics | undefined;
  const noteEdits = new Emitter<string>();
  const started = () => {
    if (!session) throw new Error('the server has not been initialized');
    return session;
  };

  const ctx: ServerContext = {
    connection,
    documents,
    get service() {
      return started().service;
    },
    settings: () => settings,
    clientCapabilities: () => client,
    noteEdits: noteEdits.event,
    quoteCommandLinks: () => quoteCommandLinks,
    flushPendingEdits: (uri) => session?.sync.flushPendingEdits(uri),
    catalogFiles: () => [],
    isCatalog: (uri) => {
      const target = session?.host.catalogUri();
      if (!target) return false;
      // The client may spell a uri differently (encoding): the index's spelling decides.
      const path = uri === target ? undefined : toPath(uri);
      return uri === target || (!!path && toUri(path) === target);
    },
    catalog: () => {
      if (!session) return undefined;
      const { host } = session;
      const uri = host.catalogUri();
      const refused = host.catalogRefusal();
      if (refused) return { uri, refused };
      if (!uri) return undefined;
      // The editor's text wins over the disk's: a fix must fit the text the analyst sees.
      const open = documents.get(uri) ?? documents.all().find((doc) => ctx.isCatalog(doc.uri));
      if (open) return { uri: open.uri, text: open.getText(), version: open.version };
      try {
        return { uri, text: decodeCatalog(host.readFileNow(uri).bytes), version: null };
      } catch (error) {
        if ((error as { code?: string }).code === 'ENOENT') return { uri, text: undefined, version: null };
        return { uri, refused: `The workspace catalog ${toPath(uri)} cannot be read (${(error as Error).message}).` };
      }
    },
  };
  let bundledCatalogText: { uri: string; text: string } | null | undefined;
  ctx.catalogFiles = () => {
    const files: { uri: string; text: string }[] = [];
    const workspace = ctx.catalog();
    if (workspace && 'text' in workspace && workspace.text !== undefined) files.push({ uri: workspace.uri, text: workspace.text });
    if (bundledCatalogText === undefined && session) {
      const uri = session.host.bundledCatalogUri();
      try {
        bundledCatalogText = { uri, text: decodeCatalog(session.host.readFileNow(uri).bytes) };
      } catch {
        bundledCatalogText = null;
      }
    }
    if (bundledCatalogText) files.push(bundledCatalogText);
    return files;
  };
  const noteDiagnostics = registerNoteDiagnostics(ctx);

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    client = params.capabilities;
    rootUri = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    quoteCommandLinks = options.quoteCommandLinks === true;
    const host = new FileSystemHost({
      root: rootUri ? toPath(rootUri) : params.rootPath ?? undefined,
      embeddedCorpus: options.embeddedCorpus ?? resolve(__dirname, '..', 'corpus'),
      settings: () => settings,
      log: (message) => connection.console.info(message),
      warn: (message) => {
        connection.console.warn(message);
        void connection.window.showWarningMessage(`Corpus Lens: ${message}`);
      },
      createProgress: () => createProgress(connection, client),
      cacheDirectory: options.cacheDirectory,
      indexWorkers: options.indexWorkers,
    });
    // Texts are not kept in memory: a large corpus would not fit. They are read again when needed.
    const ingestion = new Ingestion(host, loadBuiltInCatalog((m) => connection.console.error(m)), { maxFileBytes: maxFileBytes(settings), retainText: false });
    const sync = new CorpusSync(host, ingestion, { version });
    session = { host, ingestion, sync, service: createLanguageService(ingestion) };
    sync.onDidApplyEdit((uri) => noteEdits.fire(uri));
    sync.onDidChangeIndex((status) => {
      void connection.sendNotification(IndexChangedNotification, toIndexStatus(status));
      // What a note recognises depends on the corpus: open editors colour their names again.
      if (!status.indexing && client.workspace?.semanticTokens?.refreshSupport) void connection.languages.semanticTokens.refresh();
      if (!status.indexing) noteDiagnostics.refreshAll();
    });
    catalogDiagnostics = registerDiagnostics(connection, sync, (uri) => documents.all().find((doc) => doc.uri === uri || ctx.isCatalog(doc.uri))?.getText());
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        completionProvider: { resolveProvider: true, completionItem: { labelDetailsSupport: true } },
        documentSymbolProvider: { label: 'Corpus Lens passages' },
        workspaceSymbolProvider: true,
        semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        executeCommandProvider: { commands: [APPLY_FIX_COMMAND] },
        documentLinkProvider: { resolveProvider: false },
      },
      serverInfo: { name: 'Corpus Lens', version },
    };
  });

  connection.onInitialized(async () => {
    const { ingestion, sync } = started();
    settings = await pullSettings();
    ingestion.setOptions({ maxFileBytes: maxFileBytes(settings), retainText: false });
    if (client.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'corpusLens' });
    }
    registerFileWatchers();
    await sync.indexAll();
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
    const globs = [...settings.corpus, ...settings.notes, settings.catalog];
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: globs.map((glob) => ({
        globPattern: relative ? { baseUri: rootUri!, pattern: glob } : `**/${glob.replace(/^\.?\//, '')}`,
        kind: WatchKind.Create | WatchKind.Change | WatchKind.Delete,
      })),
    });
  }

  connection.onDidChangeConfiguration(async () => {
    if (!session) return;
    const { ingestion, sync } = session;
    const before = settings;
    settings = await pullSettings();
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
    if (ctx.isCatalog(event.document.uri)) return catalogDiagnostics?.catalogEdited(event.document.uri);
    session?.sync.onOpenDocumentChanged(event.document.uri, () => event.document.getText());
  });
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    if (!session) return;
    if (ctx.isCatalog(uri)) return catalogDiagnostics?.catalogEdited(uri);
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

/** The catalog bundled into the server; it is checked by the tests, so failing here is a build bug. */
function loadBuiltInCatalog(log: (message: string) => void): Catalog {
  const result = validateCatalog(builtInCatalogJson);
  if (result.catalog) return result.catalog;
  log(`The bundled catalog is invalid: ${result.problems.map((p) => p.message).join(' ')}`);
  return { version: 'empty', entities: [] };
}
