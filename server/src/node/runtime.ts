// Node's runtime for the server: the workspace on the file system (FileSystemHost), and the bundled
// corpus beside dist/server.js.

import { resolve } from 'node:path';
import type { ServerRuntime } from '../runtime';
import { FileSystemHost } from './fileSystemHost';

export const nodeRuntime: ServerRuntime = {
  createHost: (options) => new FileSystemHost(options),
  // dist/server.js is bundled: its folder is dist/, the corpus is its sibling.
  embeddedCorpus: resolve(__dirname, '..', 'corpus'),
};
