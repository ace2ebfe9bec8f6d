// "Insert Chronology into Note": the current selection's chronology as a Markdown table (date, the
// sentence of the event, a link to its source) at the cursor of the note last worked in.

import * as vscode from 'vscode';
import { ChronologyTableRequest } from '../../../server/src/protocol';
import type { NoteTracker } from '../quoteCommands';
import type { ServerRequests } from '../requests';
import { plural } from '../words';
import type { ChronologyState } from './state';

export async function insertChronology(requests: ServerRequests, notes: NoteTracker, state: ChronologyState): Promise<void> {
  const target = notes.note();
  if (!target) {
    void vscode.window.showInformationMessage('Corpus Lens: open the note to insert the chronology into, then run the command again.');
    return;
  }
  const table = await requests.send(ChronologyTableRequest, { ...state.params(), noteUri: target.document.uri.toString() });
  if (!table) return;
  if (!table.markdown) {
    const message = table.passages
      ? `Corpus Lens: the chronology has ${plural(table.passages, 'passage')}, more than a table of ${table.maxRows} rows. Narrow it in the Chronology view (an entity, a kind or a period) first.`
      : 'Corpus Lens: no dated passage matches the Chronology filter.';
    void vscode.window.showWarningMessage(message);
    return;
  }
  const editor = await vscode.window.showTextDocument(target.document, target.viewColumn);
  const line = editor.document.lineAt(editor.selection.active.line);
  // A table needs blank lines around it: on an empty line as it is, else after the current line.
  const position = line.isEmptyOrWhitespace ? line.range.start : line.range.end;
  const text = `${line.isEmptyOrWhitespace ? '' : '\n\n'}${table.markdown}\n`;
  const edit = new vscode.WorkspaceEdit();
  edit.insert(editor.document.uri, position, text);
  await vscode.workspace.applyEdit(edit);
  const end = editor.document.positionAt(editor.document.offsetAt(position) + text.length);
  editor.selection = new vscode.Selection(end, end);
  editor.revealRange(new vscode.Range(position, end));
}
