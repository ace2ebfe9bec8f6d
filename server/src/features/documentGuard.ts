// The open documents are kept by vscode-languageserver's TextDocuments, which trusts what it is
// sent. This puts a check in front of it: a notification without a uri, text or version, with
// malformed changes, or with a version that does not go forward, is logged and dropped instead
// of leaving a document without text (which failed later, in a timer) or with text the cached
// analyses of that version no longer describe.

import type { Connection, DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';

type DocumentConnection = Parameters<TextDocuments<TextDocument>['listen']>[0];

const isPosition = (p: unknown): boolean => {
  const { line, character } = (p ?? {}) as { line?: unknown; character?: unknown };
  return Number.isInteger(line) && Number.isInteger(character) && (line as number) >= 0 && (character as number) >= 0;
};

export function validOpen(params: unknown): params is DidOpenTextDocumentParams {
  const doc = (params as { textDocument?: Record<string, unknown> } | undefined)?.textDocument;
  return !!doc && typeof doc.uri === 'string' && typeof doc.text === 'string' && Number.isInteger(doc.version) && typeof (doc.languageId ?? '') === 'string';
}

export function validChange(params: unknown): params is DidChangeTextDocumentParams {
  const { textDocument, contentChanges } = (params ?? {}) as { textDocument?: Record<string, unknown>; contentChanges?: unknown };
  if (!textDocument || typeof textDocument.uri !== 'string' || !Number.isInteger(textDocument.version) || !Array.isArray(contentChanges)) return false;
  return contentChanges.every((change: { text?: unknown; range?: { start?: unknown; end?: unknown } }) => typeof change?.text === 'string' && (change.range === undefined || (isPosition(change.range.start) && isPosition(change.range.end))));
}

/** The connection TextDocuments listens on, with the notifications it gets checked first. */
export function guardedDocuments(connection: Connection, documents: TextDocuments<TextDocument>, log: (message: string) => void): DocumentConnection {
  const refuse = (what: string, uri: unknown) => log(`Ignored a malformed ${what} notification${typeof uri === 'string' ? ` for ${uri}` : ''}.`);
  return Object.create(connection, {
    onDidOpenTextDocument: {
      value: (handler: (params: DidOpenTextDocumentParams) => void) =>
        connection.onDidOpenTextDocument((params) => (validOpen(params) ? handler(params) : refuse('didOpen', (params as { textDocument?: { uri?: unknown } })?.textDocument?.uri))),
    },
    onDidChangeTextDocument: {
      value: (handler: (params: DidChangeTextDocumentParams) => void) =>
        connection.onDidChangeTextDocument((params) => {
          if (!validChange(params)) return refuse('didChange', (params as { textDocument?: { uri?: unknown } })?.textDocument?.uri);
          const current = documents.get(params.textDocument.uri);
          // Versions only go forward; a change for a document that is not open changes nothing.
          if (current && params.textDocument.version <= current.version) {
            log(`Ignored a change to ${params.textDocument.uri} at version ${params.textDocument.version}: it is already at version ${current.version}.`);
            return;
          }
          handler(params);
        }),
    },
    onDidCloseTextDocument: {
      value: (handler: (params: DidCloseTextDocumentParams) => void) =>
        connection.onDidCloseTextDocument((params) => (typeof params?.textDocument?.uri === 'string' ? handler(params) : refuse('didClose', undefined))),
    },
  }) as DocumentConnection;
}
