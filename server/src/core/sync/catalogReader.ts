// The workspace catalog read for the sync: never through a link out of the workspace, decoded as
// the editor shows it, and a refusal or a failure told to the analyst once (the same at every file
// event would be noise), always logged.

import { decodeCatalog } from '../text/decode';
import type { CorpusHost } from './host';

export class CatalogReader {
  private warned: string | undefined;

  constructor(private readonly host: Pick<CorpusHost, 'outsideWorkspace' | 'readFile' | 'log' | 'warn'>) {}

  /** The catalog's text; undefined when there is none, it is refused or it cannot be read. */
  async read(uri: string): Promise<string | undefined> {
    if (this.host.outsideWorkspace?.(uri)) {
      // A link out of the workspace: never read. The built-in catalog (and nothing else) is used.
      this.warnOnce(`The workspace catalog ${uri} is a link to a file outside the workspace folder. Corpus Lens reads and writes no file outside the workspace, so the built-in catalog stays in use.`);
      return undefined;
    }
    try {
      return decodeCatalog(await this.host.readFile(uri));
    } catch (error) {
      if ((error as { code?: string }).code !== 'ENOENT') this.warnOnce(`The workspace catalog ${uri} cannot be read (${(error as Error).message}); the built-in catalog stays in use.`);
      return undefined;
    }
  }

  private warnOnce(message: string): void {
    if (this.warned === message) return this.host.log(message);
    this.warned = message;
    (this.host.warn ?? this.host.log).call(this.host, message);
  }
}
