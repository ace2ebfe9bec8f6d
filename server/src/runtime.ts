// What the server needs of the platform it runs on, passed in by the entry point (as
// css-language-features does): a host for the workspace's files and where the bundled corpus is.
// node/runtime.ts gives Node's; a test or another platform may give its own.

import type { CorpusHost, ProgressReporter } from './core/sync/host';
import type { Settings } from './settings';

export interface HostOptions {
  /** The workspace folder, if one is open. */
  root: string | undefined;
  /** The folder of the bundled corpus, served when the workspace has none. */
  embeddedCorpus: string;
  settings: () => Settings;
  log: (message: string) => void;
  /** A problem the analyst must hear of (a setting that is refused), not only a log line. */
  warn: (message: string) => void;
  createProgress: () => Promise<ProgressReporter>;
  /** Folder for the persistent index cache; no cache without it. */
  cacheDirectory?: string | undefined;
  /** Worker threads for a large first index: 0 for none; by default one per core (at most four). */
  indexWorkers?: number | undefined;
}

/** The corpus host with what the server adds: the workspace catalog's boundaries and the bundled catalog. */
export interface WorkspaceHost extends CorpusHost {
  /** Why the catalog the settings name is not used or not edited, if it is not. */
  catalogRefusal(): string | undefined;
  /** The catalog bundled with the extension, as a file the editor can open. */
  bundledCatalogUri(): string;
}

export interface ServerRuntime {
  createHost(options: HostOptions): WorkspaceHost;
  /** The folder of the bundled corpus, unless the client names one. */
  embeddedCorpus: string;
}
