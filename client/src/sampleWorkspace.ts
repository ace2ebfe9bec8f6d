// "Create Sample Workspace…" (the walkthrough's first step): a new folder, in a place the analyst
// picks, with the bundled corpus under corpus/ and the welcome note under notes/, opened at once.
// It writes only into the new folder it creates, and never over a folder that exists.

import * as vscode from 'vscode';

const NAME = 'corpus-lens-sample';

export async function createSampleWorkspace(extensionUri: vscode.Uri): Promise<void> {
  const parent = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Create Here', title: `Where to create the folder "${NAME}"` });
  if (!parent?.[0]) return;
  const target = await freeFolder(parent[0]);
  const corpus = vscode.Uri.joinPath(target, 'corpus');
  const notes = vscode.Uri.joinPath(target, 'notes');
  await vscode.workspace.fs.createDirectory(corpus);
  await vscode.workspace.fs.createDirectory(notes);
  const bundled = vscode.Uri.joinPath(extensionUri, 'corpus');
  for (const [name, type] of await vscode.workspace.fs.readDirectory(bundled)) {
    if (type === vscode.FileType.File && /\.(txt|md)$/.test(name)) await vscode.workspace.fs.copy(vscode.Uri.joinPath(bundled, name), vscode.Uri.joinPath(corpus, name));
  }
  await vscode.workspace.fs.copy(vscode.Uri.joinPath(extensionUri, 'client', 'media', 'welcome.md'), vscode.Uri.joinPath(notes, 'welcome.md'));
  const open = 'Open It';
  const choice = await vscode.window.showInformationMessage(`Corpus Lens: created ${target.fsPath} (the sources in corpus/, a welcome note in notes/).`, open);
  if (choice === open) await vscode.commands.executeCommand('vscode.openFolder', target);
}

/** The sample folder's name under `parent`, numbered when one of that name exists. */
async function freeFolder(parent: vscode.Uri): Promise<vscode.Uri> {
  for (let n = 1; ; n++) {
    const candidate = vscode.Uri.joinPath(parent, n === 1 ? NAME : `${NAME}-${n}`);
    try {
      await vscode.workspace.fs.stat(candidate);
    } catch {
      return candidate;
    }
  }
}
