// Entry point of dist/server.js: `node dist/server.js --stdio` (or --node-ipc, --socket=N).

import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { version } from '../../package.json';
import { isIndexWorker, runIndexWorker } from './node/indexWorkers';
import { keepHeapCompact } from './node/heap';
import { createStdioConnection } from './node/stdio';
import { nodeRuntime } from './node/runtime';
import { startServer } from './server';

const args = process.argv.slice(2);
if (isIndexWorker()) {
  // The same bundle runs the worker threads that analyse files during a large first index.
  runIndexWorker();
} else if (args.includes('--version')) {
  process.stdout.write(`corpus-lens-server ${version}\n`);
} else if (!args.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket=') || a.startsWith('--pipe='))) {
  process.stderr.write(
    'Corpus Lens language server.\n' +
      'Usage: node dist/server.js --stdio    (or --node-ipc, --socket=PORT, --pipe=NAME)\n' +
      'It speaks the Language Server Protocol; start it from an editor or an LSP client.\n',
  );
  process.exitCode = 2;
} else {
  keepHeapCompact();
  const connection = args.includes('--stdio') ? createStdioConnection() : createConnection(ProposedFeatures.all);
  // One bad document must not take the server down: report and keep serving the index.
  process.on('uncaughtException', (error) => connection.console.error(`Unexpected error: ${error?.stack ?? error}`));
  process.on('unhandledRejection', (reason) => connection.console.error(`Unexpected error: ${(reason as Error)?.stack ?? reason}`));
  startServer(connection, nodeRuntime);
}
