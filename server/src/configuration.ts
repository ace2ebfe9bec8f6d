// The settings as the client has them, and the files the client watches for the server: pulled at
// start and on every change of configuration; the watchers follow the settings' globs.

import { DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, WatchKind, type ClientCapabilities, type Connection } from 'vscode-languageserver';
import { DEFAULT_SETTINGS, readSettings, type Settings } from './settings';

export class Configuration {
  settings: Settings = DEFAULT_SETTINGS;

  constructor(
    private readonly connection: Connection,
    private readonly client: () => ClientCapabilities,
    private readonly rootUri: () => string | undefined,
  ) {}

  /** Reads the settings again from the client (no settings at all: the defaults). */
  async pull(): Promise<Settings> {
    this.settings = await this.read();
    return this.settings;
  }

  private async read(): Promise<Settings> {
    if (!this.client().workspace?.configuration) return readSettings(undefined);
    const rootUri = this.rootUri();
    try {
      const [value] = await this.connection.workspace.getConfiguration([{ section: 'corpusLens', ...(rootUri ? { scopeUri: rootUri } : {}) }]);
      return readSettings(value);
    } catch (error) {
      this.connection.console.warn(`Could not read the settings (${(error as Error).message}); using the defaults.`);
      return readSettings(undefined);
    }
  }

  /** Asks to hear of configuration changes, where the client lets a server register for them. */
  registerForChanges(): void {
    if (this.client().workspace?.didChangeConfiguration?.dynamicRegistration) {
      void this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'corpusLens' });
    }
  }

  /** Asks the client to watch the corpus, the notes and the catalog for the server. */
  registerFileWatchers(): void {
    const client = this.client();
    if (!client.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      this.connection.console.info('This client cannot watch files for the server: restart it or run "Corpus Lens: Refresh Index" after adding documents.');
      return;
    }
    const rootUri = this.rootUri();
    const relative = !!client.workspace.didChangeWatchedFiles.relativePatternSupport && rootUri;
    const globs = [...this.settings.corpus, ...this.settings.notes, this.settings.catalog];
    void this.connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: globs.map((glob) => ({
        globPattern: relative ? { baseUri: rootUri, pattern: glob } : `**/${glob.replace(/^\.?\//, '')}`,
        kind: WatchKind.Create | WatchKind.Change | WatchKind.Delete,
      })),
    });
  }
}
