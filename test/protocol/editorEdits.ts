// A workspace edit applied the way VS Code applies one that a server sends (workspace/applyEdit,
// through vscode-languageclient): a text edit versioned for an open document is refused when the
// document is at another version; a file to create that exists already is refused; an open
// document with unsaved changes is edited in the editor and left unsaved; any other file is opened
// if need be, edited and saved (VS Code saves the files a refactoring finds saved), which the
// server hears as didOpen, didChange and a changed file. Whole or nothing: a refused edit changes
// no file.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { FileChangeType, type ApplyWorkspaceEditResult, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import type { LspSession } from './lspSession';

export async function applyAsVsCode(session: LspSession, edit: WorkspaceEdit): Promise<ApplyWorkspaceEditResult> {
  const changes = edit.documentChanges ?? Object.entries(edit.changes ?? {}).map(([uri, edits]) => ({ textDocument: { uri, version: null }, edits }));
  for (const change of changes) {
    if ('kind' in change) {
      if (change.kind !== 'create') return { applied: false, failureReason: `unexpected ${change.kind}` };
      const exists = existsSync(URI.parse(change.uri).fsPath) || session.openTexts.has(change.uri);
      if (exists && !change.options?.overwrite && !change.options?.ignoreIfExists) return { applied: false, failureReason: `${change.uri} exists` };
      continue;
    }
    const { uri, version } = change.textDocument;
    const open = session.versionOf(uri);
    if (version !== null && version >= 0 && open !== undefined && open !== version) return { applied: false, failureReason: `${uri} is at version ${open}, the edit was made for ${version}` };
  }
  for (const change of changes) {
    if ('kind' in change) {
      const path = change.kind === 'create' ? URI.parse(change.uri).fsPath : undefined;
      if (path && !existsSync(path)) {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, '');
      }
      continue;
    }
    await applyTextEdits(session, change.textDocument.uri, change.edits as TextEdit[]);
  }
  return { applied: true };
}

async function applyTextEdits(session: LspSession, uri: string, edits: TextEdit[]): Promise<void> {
  const path = URI.parse(uri).fsPath;
  const open = session.openTexts.get(uri);
  if (open !== undefined) {
    const dirty = session.dirty.has(uri);
    await session.replaceText(uri, edit(uri, open, edits));
    // A file the analyst was editing stays unsaved; one that was saved is saved again.
    if (!dirty) await save(session, uri, path);
    return;
  }
  const { text } = readAsEditor(path);
  await session.openUri(uri, text, 'json');
  await session.replaceText(uri, edit(uri, text, edits));
  await save(session, uri, path);
}

/** VS Code drops a UTF-8 byte order mark from the text it shows and writes it back on save. */
function readAsEditor(path: string): { text: string; bom: boolean } {
  const bytes = existsSync(path) ? readFileSync(path) : Buffer.alloc(0);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return { text: bytes.subarray(bom ? 3 : 0).toString('utf8'), bom };
}

async function save(session: LspSession, uri: string, path: string): Promise<void> {
  const { bom } = readAsEditor(path);
  writeFileSync(path, Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(session.openTexts.get(uri)!, 'utf8')]));
  session.dirty.delete(uri);
  await session.filesChanged([{ uri, type: FileChangeType.Changed }]);
}

function edit(uri: string, text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create(uri, 'json', 0, text), edits);
}
