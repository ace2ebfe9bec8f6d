// The --stdio transport, built here rather than by vscode-languageserver so that stdin goes
// through FramedInput first (a malformed header costs one message, not the session) and a body
// that is not JSON is answered with the JSON-RPC parse error. What the library does for --stdio
// is kept: console output goes to the client's log, and the process ends with stdin (0 after a
// shutdown request, 1 otherwise).

import { format } from 'node:util';
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter, type Connection, type DataCallback, type Message } from 'vscode-languageserver/node';
import { FramedInput } from './framing';

export function createStdioConnection(): Connection {
  // Problems met before the connection exists are told once it does.
  const early: string[] = [];
  let warn = (problem: string): void => void early.push(problem);
  let shutdown = false;
  const input = new FramedInput((problem) => warn(problem));
  process.stdin.pipe(input);
  const reader = new (class extends StreamMessageReader {
    override listen(callback: DataCallback) {
      return super.listen((message: Message) => {
        if ((message as { method?: unknown }).method === 'shutdown') shutdown = true;
        callback(message);
      });
    }
  })(input);
  const writer = new StreamMessageWriter(process.stdout);
  reader.onError((error) => {
    warn(`Ignored a message that is not JSON: ${error.message}`);
    void writer.write({ jsonrpc: '2.0', id: null, error: { code: -32700, message: `Parse error: ${error.message}` } } as Message);
  });
  const end = () => process.exit(shutdown ? 0 : 1);
  process.stdin.on('end', end);
  process.stdin.on('close', end);
  const connection = createConnection(ProposedFeatures.all, reader, writer);
  const log = connection.console;
  warn = (problem) => log.warn(problem);
  // stdout carries the protocol: a stray console.log must not write there.
  console.log = console.info = (...args: unknown[]) => log.log(format(...args));
  console.warn = (...args: unknown[]) => log.warn(format(...args));
  console.error = (...args: unknown[]) => log.error(format(...args));
  console.debug = console.trace = (...args: unknown[]) => log.log(format(...args));
  for (const problem of early.splice(0)) log.warn(problem);
  return connection;
}
