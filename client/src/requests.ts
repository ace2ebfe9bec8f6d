// One way to ask the server: typed by the protocol's request constants, answered with undefined
// when no server is running or the request failed (the failure is logged), so that callers hold
// no guards of their own.

import type { RequestType, RequestType0 } from 'vscode-languageserver-protocol';

export interface ServerRequests {
  send<R>(type: RequestType0<R, void>): Promise<R | undefined>;
  send<P, R>(type: RequestType<P, R, void>, params: P): Promise<R | undefined>;
}
