// The extension inside a real VS Code: activation, the trees, and the language features as the
// editor's own commands return them.

import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CorpusLensApi } from '../../../client/src/corpusLens';
import { EXPECTED, NOTE_TEXT } from './fixture';

const EXTENSION_ID = 'corpus-lens.corpus-lens';

function workspaceUri(path: string): vscode.Uri {
  return vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, path);
}

function positionOf(text: string, needle: string, offset = 0): vscode.Position {
  const before = text.slice(0, text.indexOf(needle) + offset).split('\n');
  return new vscode.Position(before.length - 1, before[before.length - 1].length);
}

function markdownOf(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

describe('Corpus Lens in VS Code', function () {
  let api: CorpusLensApi;
  const note = () => workspaceUri('notes/analysis.md');

  before(async function () {
    const extension = vscode.extensions.getExtension<CorpusLensApi>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    api = await extension.activate();
    const status = await api.ready;
    assert.equal(status.documents, 5);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(note()));
  });

  it('lists every corpus document by its real title and date', async () => {
    const documents = await api.documents.getChildren();
    const items = documents.map((d) => api.documents.getTreeItem(d));
    const labels = items.map((i) => String(i.label));
    for (const title of EXPECTED.documentTitles) assert.ok(labels.some((l) => l.endsWith(` \u00b7 ${title}`)), `missing ${title} in ${labels.join(' | ')}`);
    EXPECTED.documentDates.forEach((date, i) => assert.ok(labels[i].startsWith(`${date} \u00b7 `), `${labels[i]} starts with ${date}`));
    assert.ok(labels.every((l) => !/^\d{3}_[0-9a-f]+\.txt$/.test(l)), 'no hash file names');
  });

  it('expands a document into its passages, each opening the source at its line', async () => {
    const [first] = await api.documents.getChildren();
    const passages = await api.documents.getChildren(first);
    assert.ok(passages.length > 1);
    const item = api.documents.getTreeItem(passages[1]);
    assert.equal(item.command?.command, 'corpusLens.openPassage');
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    const editor = vscode.window.activeTextEditor!;
    const location = (passages[1] as { location: { range: { start: { line: number } } } }).location;
    assert.equal(editor.selection.active.line, location.range.start.line);
  });

  it('lists bodies, operations and exercises in the Entities view', async () => {
    const kinds = (await api.entities.getChildren()).map((k) => String(api.entities.getTreeItem(k).label));
    for (const kind of EXPECTED.entityKinds) assert.ok(kinds.includes(kind), kind);
  });

  it('hovers "Hired guns" with the card of the operation Mercenary', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', note(), positionOf(NOTE_TEXT, 'Hired guns', 3));
    const markdown = markdownOf(hovers);
    assert.ok(markdown.startsWith(EXPECTED.hiredGunsCardFirstLine), markdown);
    for (const alias of EXPECTED.hiredGunsAliases) assert.ok(markdown.includes(alias), alias);
  });

  it('goes to the corpus passage that defines the Collective Security Council', async () => {
    const locations = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider', note(), positionOf(NOTE_TEXT, 'Collective Security Council', 4));
    const target = locations[0];
    const uri = 'targetUri' in target ? target.targetUri : target.uri;
    const range = 'targetSelectionRange' in target ? target.targetSelectionRange! : (target as vscode.Location).range;
    assert.ok(uri.path.endsWith(EXPECTED.definitionFile));
    const line = (await vscode.workspace.openTextDocument(uri)).lineAt(range.start.line).text;
    assert.ok(line.includes(EXPECTED.definitionLineText));
  });

  it('completes "Indestr" with the exercise', async () => {
    const uri = workspaceUri('notes/typing.md');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('Notes on Indestr'));
    const document = await vscode.workspace.openTextDocument(uri);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(0, 16));
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes(EXPECTED.completionLabel), labels.join(', '));
  });
});
