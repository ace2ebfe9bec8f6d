// What a server serves once it knows its workspace: the host of its files (from the runtime), the
// index and its one writer (Ingestion), the sync that keeps it current, and the language service
// the handlers read it through; and what the server tells the client it can do.

import { CodeActionKind, TextDocumentSyncKind, type ServerCapabilities } from 'vscode-languageserver';
import builtInCatalogJson from '../../corpus/catalog.json';
import { version } from '../../package.json';
import { validateCatalog, type Catalog } from './core/catalog/catalog';
import { createLanguageService, type LanguageService } from './core/languageService';
import { CorpusSync } from './core/sync/corpusSync';
import { Ingestion } from './core/sync/ingestion';
import { APPLY_FIX_COMMAND } from './features/codeActions';
import { SEMANTIC_TOKENS_LEGEND } from './features/semanticTokens';
import type { HostOptions, ServerRuntime, WorkspaceHost } from './runtime';
import { maxFileBytes, type Settings } from './settings';

export interface Session {
  host: WorkspaceHost;
  ingestion: Ingestion;
  sync: CorpusSync;
  service: LanguageService;
}

export function openSession(runtime: ServerRuntime, options: HostOptions, settings: Settings, log: (message: string) => void): Session {
  const host = runtime.createHost(options);
  // Texts are not kept in memory: a large corpus would not fit. They are read again when needed.
  const ingestion = new Ingestion(host, loadBuiltInCatalog(log), { maxFileBytes: maxFileBytes(settings), retainText: false });
  const sync = new CorpusSync(host, ingestion, { version });
  return { host, ingestion, sync, service: createLanguageService(ingestion) };
}

export const SERVER_CAPABILITIES: ServerCapabilities = {
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
};

/** The catalog bundled into the server; it is checked by the tests, so failing here is a build bug. */
function loadBuiltInCatalog(log: (message: string) => void): Catalog {
  const result = validateCatalog(builtInCatalogJson);
  if (result.catalog) return result.catalog;
  log(`The bundled catalog is invalid: ${result.problems.map((p) => p.message).join(' ')}`);
  return { version: 'empty', entities: [] };
}
