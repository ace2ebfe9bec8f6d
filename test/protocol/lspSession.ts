// A real LSP client for the protocol tests: spawns `node dist/server.js --stdio` and speaks
// JSON-RPC to it, the way any editor would.

import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import {
  CompletionRequest,
  CompletionResolveRequest,
  ConfigurationRequest,
  DefinitionRequest,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentSymbolRequest,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  ReferencesRequest,
  RegistrationRequest,
  ShutdownRequest,
  ApplyWorkspaceEditRequest,
  CodeActionRequest,
  ExecuteCommandRequest,
  type CodeAction,
  ShowMessageNotification,
  ShowMessageRequest,
  WorkDoneProgressCreateRequest,
  WorkspaceSymbolRequest,
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type CompletionItem,
  type ServerCapabilities,
  type CompletionList,
  type Diagnostic,
  type DocumentSymbol,
  type FileEvent,
  type Hover,
  type Location,
  type LocationLink,
  type Position,
  type ProtocolConnection,
  type SymbolInformation,
} from 'vscode-languageserver-protocol/node';
import { IndexChangedNotification, type IndexStatus } from '../../server/src/shared/protocol';
import { applyAsVsCode } from './editorEdits';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..');
export const SERVER = join(REPO_ROOT, 'dist', 'server.js');
export const SEED_CORPUS = join(REPO_ROOT, 'corpus');

export interface SessionOptions {
  /** What the client answers to workspace/configuration (default: null, i.e. no settings). */
  settings?: unknown;
  /** Capabilities a minimal client lacks (no dynamic registration, no progress). */
  minimalClient?: boolean;
  initializationOptions?: unknown;
}

export class LspSession {
  readonly logs: string[] = [];
  readonly diagnostics = new Map<string, Diagnostic[]>();
  readonly statuses: IndexStatus[] = [];
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  /** What the server said it can do, in its answer to initialize. */
  capabilities: ServerCapabilities = {};
  readonly progressTokens: unknown[] = [];
  /** What the client's JSON-RPC layer complained of (a response without an id among them). */
  clientErrors: string[] = [];
  private stderr = '';
  private exited = false;
  private statusWaiters: { predicate: (s: IndexStatus) => boolean; resolve: (s: IndexStatus) => void }[] = [];
  private openVersions = new Map<string, number>();
  /** The text of each document open in this client, as an editor holds it. */
  readonly openTexts = new Map<string, string>();
  /** Open documents with changes not saved (the test typed into them). */
  readonly dirty = new Set<string>();
  /** What the server showed the user (window/showMessage). */
  readonly messages: { type: number; message: string }[] = [];
  /** Every workspace/applyEdit the server sent, and whether it was applied. */
  readonly appliedEdits: { label?: string | undefined; applied: boolean; versions: (number | null)[] }[] = [];

  private constructor(
    readonly root: string,
    private readonly child: ChildProcessWithoutNullStreams,
    readonly connection: ProtocolConnection,
  ) {}

  static async start(root: string, options: SessionOptions = {}): Promise<LspSession> {
    // SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server of a script or test.
    const nodeArgs = process.env.SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
    const child = spawn(process.execPath, [...nodeArgs, SERVER, '--stdio'], { cwd: root, stdio: 'pipe' });
    const clientErrors: string[] = [];
    const logger = { error: (m: string) => clientErrors.push(m), warn: () => undefined, info: () => undefined, log: () => undefined };
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin), logger);
    const session = new LspSession(root, child, connection);
    session.clientErrors = clientErrors;
    child.stderr.on('data', (chunk: Buffer) => (session.stderr += chunk.toString()));
    child.on('exit', () => (session.exited = true));
    connection.onNotification(LogMessageNotification.type, (p) => {
      session.logs.push(p.message);
    });
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      session.diagnostics.set(p.uri, p.diagnostics);
      const waiters = session.diagnosticWaiters.get(p.uri) ?? [];
      session.diagnosticWaiters.delete(p.uri);
      for (const resolve of waiters) resolve(p.diagnostics);
    });
    connection.onNotification(IndexChangedNotification, (status) => session.onStatus(status));
    connection.onRequest(ConfigurationRequest.type, (p) => p.items.map(() => options.settings ?? null));
    connection.onRequest(RegistrationRequest.type, (p) => {
      session.registrations.push(...p.registrations);
    });
    connection.onNotification(ShowMessageNotification.type, (p) => {
      session.messages.push(p);
    });
    connection.onRequest(ShowMessageRequest.type, (p) => {
      session.messages.push(p);
      return null;
    });
    connection.onRequest(ApplyWorkspaceEditRequest.type, async (p) => {
      const result = await applyAsVsCode(session, p.edit);
      const versions = (p.edit.documentChanges ?? []).flatMap((c) => ('textDocument' in c ? [c.textDocument.version] : []));
      session.appliedEdits.push({ label: p.label, applied: result.applied, versions });
      return result;
    });
    connection.onRequest(WorkDoneProgressCreateRequest.type, (p) => {
      session.progressTokens.push(p.token);
    });
    connection.listen();
    const full = !options.minimalClient;
    const initialized = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: URI.file(root).toString(),
      workspaceFolders: [{ uri: URI.file(root).toString(), name: 'workspace' }],
      initializationOptions: options.initializationOptions,
      capabilities: full
        ? {
            workspace: {
              configuration: true,
              didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
              applyEdit: true,
              workspaceEdit: { documentChanges: true, resourceOperations: ['create'] },
            },
            window: { workDoneProgress: true },
            textDocument: {
              definition: { linkSupport: true },
              hover: { contentFormat: ['markdown', 'plaintext'] },
              completion: { completionItem: { snippetSupport: false, labelDetailsSupport: true } },
              codeAction: { disabledSupport: true },
            },
          }
        : {},
    });
    session.capabilities = initialized.capabilities;
    await connection.sendNotification(InitializedNotification.type, {});
    return session;
  }

  private onStatus(status: IndexStatus): void {
    this.statuses.push(status);
    this.statusWaiters = this.statusWaiters.filter((w) => {
      if (!w.predicate(status)) return true;
      w.resolve(status);
      return false;
    });
  }

  /** Resolves with the next index status that satisfies the predicate (by default: indexing done). */
  nextStatus(predicate: (s: IndexStatus) => boolean = (s) => !s.indexing, timeoutMs = 20000): Promise<IndexStatus> {
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching index status within ${timeoutMs} ms; server said: ${this.logs.join('\n')}\n${this.stderr}`)), timeoutMs);
      this.statusWaiters.push({ predicate, resolve: (s) => (clearTimeout(timer), resolvePromise(s)) });
    });
  }

  readonly diagnosticWaiters = new Map<string, ((diagnostics: Diagnostic[]) => void)[]>();

  /** The next diagnostics the server publishes for a document. */
  nextDiagnostics(uri: string, timeoutMs = 120000): Promise<Diagnostic[]> {
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
      const list = this.diagnosticWaiters.get(uri) ?? [];
      list.push((d) => (clearTimeout(timer), resolvePromise(d)));
      this.diagnosticWaiters.set(uri, list);
    });
  }

  /** Waits for the first full index after start. */
  async indexed(timeoutMs?: number): Promise<IndexStatus> {
    const done = this.statuses.find((s, i) => !s.indexing && i > 0);
    return done ?? this.nextStatus((s) => !s.indexing, timeoutMs);
  }

  uri(relativePath: string): string {
    return URI.file(join(this.root, relativePath)).toString();
  }

  async open(relativePath: string, text: string, languageId = 'markdown'): Promise<string> {
    return this.openUri(this.uri(relativePath), text, languageId);
  }

  async openUri(uri: string, text: string, languageId = 'markdown'): Promise<string> {
    this.openVersions.set(uri, 1);
    this.dirty.delete(uri);
    this.openTexts.set(uri, text);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  async replaceText(uri: string, text: string): Promise<void> {
    const version = (this.openVersions.get(uri) ?? 1) + 1;
    this.openVersions.set(uri, version);
    this.openTexts.set(uri, text);
    this.dirty.add(uri);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** Ranged (incremental) changes, as an editor sends them while the user types. */
  async edit(uri: string, contentChanges: { range: { start: Position; end: Position }; text: string }[]): Promise<void> {
    const version = (this.openVersions.get(uri) ?? 1) + 1;
    this.openVersions.set(uri, version);
    let text = this.openTexts.get(uri) ?? '';
    for (const change of contentChanges) text = TextDocument.applyEdits(TextDocument.create(uri, 'text', version, text), [{ range: change.range, newText: change.text }]);
    this.openTexts.set(uri, text);
    this.dirty.add(uri);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
  }

  /** The quick fixes of diagnostics, as the lightbulb asks for them. */
  async codeActions(uri: string, diagnostics: Diagnostic[]): Promise<CodeAction[]> {
    const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return ((await this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics } })) ?? []) as CodeAction[];
  }

  /** Applies a code action as the editor does: its edit, then its command (which may send workspace/applyEdit). */
  async runAction(action: CodeAction): Promise<void> {
    if (action.disabled) throw new Error(`the action "${action.title}" is disabled: ${action.disabled.reason}`);
    if (action.edit) await applyAsVsCode(this, action.edit);
    if (action.command) await this.connection.sendRequest(ExecuteCommandRequest.type, { command: action.command.command, arguments: action.command.arguments ?? [] });
  }

  /** The version of a document open in this client. */
  versionOf(uri: string): number | undefined {
    return this.openVersions.get(uri);
  }

  async close(uri: string): Promise<void> {
    this.openVersions.delete(uri);
    this.openTexts.delete(uri);
    this.dirty.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  filesChanged(changes: FileEvent[]): Promise<void> {
    return this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  definition(uri: string, position: Position): Promise<Location | Location[] | LocationLink[] | null> {
    return this.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position });
  }

  references(uri: string, position: Position): Promise<Location[] | null> {
    return this.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position, context: { includeDeclaration: true } });
  }

  completion(uri: string, position: Position): Promise<CompletionList | CompletionItem[] | null> {
    return this.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
  }

  resolveCompletion(item: CompletionItem): Promise<CompletionItem> {
    return this.connection.sendRequest(CompletionResolveRequest.type, item);
  }

  workspaceSymbols(query: string): Promise<SymbolInformation[] | null> {
    return this.connection.sendRequest(WorkspaceSymbolRequest.type, { query }) as Promise<SymbolInformation[] | null>;
  }

  documentSymbols(uri: string): Promise<DocumentSymbol[] | null> {
    return this.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }) as Promise<DocumentSymbol[] | null>;
  }

  /** Writes bytes to the server's stdin as they are, framing or not. */
  writeRaw(bytes: string | Buffer): Promise<void> {
    return new Promise((resolve, reject) => this.child.stdin.write(bytes, (error) => (error ? reject(error) : resolve())));
  }

  get alive(): boolean {
    return !this.exited;
  }

  get pid(): number {
    return this.child.pid!;
  }

  get serverErrors(): string {
    return this.stderr;
  }

  async stop(): Promise<void> {
    if (!this.exited) {
      try {
        await Promise.race([this.connection.sendRequest(ShutdownRequest.type), delay(3000)]);
        await this.connection.sendNotification(ExitNotification.type);
      } catch {
        // the process is going away anyway
      }
      await Promise.race([new Promise((r) => this.child.once('exit', r)), delay(3000)]);
      if (!this.exited) this.child.kill();
    }
    this.connection.dispose();
  }
}

/** Resolves once the condition holds, checking every 20 ms; fails after the timeout. */
export async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 30000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await delay(20);
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** A temporary workspace: `corpus/` holds a copy of the seed documents (and catalog), plus any extra files. */
export function makeWorkspace(files: Record<string, string | Uint8Array> = {}, options: { seed?: boolean } = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'corpus-lens-'));
  if (options.seed !== false) {
    mkdirSync(join(root, 'corpus'));
    for (const name of readdirSync(SEED_CORPUS)) {
      if (name.endsWith('.txt')) cpSync(join(SEED_CORPUS, name), join(root, 'corpus', name));
    }
  }
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

export function removeWorkspace(root: string): void {
  rmSync(root, { recursive: true, force: true });
}

/** Splits text marked with "|" at the cursor into the text and the cursor's position. */
export function cursor(marked: string): { text: string; position: Position } {
  const at = marked.indexOf('|');
  if (at < 0) throw new Error('no cursor mark');
  const text = marked.slice(0, at) + marked.slice(at + 1);
  const before = text.slice(0, at).split('\n');
  return { text, position: { line: before.length - 1, character: before[before.length - 1].length } };
}

/** The position of the first occurrence of `needle` in `text` (plus `offset` characters). */
export function positionOf(text: string, needle: string, offset = 0): Position {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" not found`);
  const before = text.slice(0, at + offset).split(/\r\n|\n/);
  return { line: before.length - 1, character: before[before.length - 1].length };
}
