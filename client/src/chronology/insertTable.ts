// "Insert Chronology into Note": the current selection's chronology as a Markdown table (date, the
// sentence of the event, a link to its source) at the cursor of the note last worked in.

import * as vscode from 'vscode';
import { ChronologyTableRequest } from '../../../server/src/shared/protocol';
import { insertBlock, type NoteTracker } from '../quoteCommands';
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
  await insertBlock(target, table.markdown);
}
