// Where the sources are, as the analyst sees it: a corpus document opened as plain text (a corpus
// that is the workspace root, or a folder of copies, where the language's file pattern does not
// reach) becomes a Corpus Document; the analyst is told once per workspace where the corpus was
// found, or that none was and the bundled corpus is served, with a button to choose the folder;
// "Choose Corpus Folder…" writes the corpus globs for a folder inside the workspace.

import * as vscode from 'vscode';
import type { IndexStatus } from '../../server/src/shared/protocol';

const TOLD = 'corpusLens.layoutTold';
const CHOOSE = 'Choose Corpus Folder\u2026';

export class WorkspaceLayout implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly state: vscode.Memento,
    private readonly isCorpusDocument: (uri: string) => Promise<boolean>,
  ) {
    this.subscriptions.push(vscode.workspace.onDidOpenTextDocument((document) => void this.asCorpusDocument(document)));
  }

  /** A corpus .txt file the editor opened as plain text is shown as a Corpus Document (wrapped, coloured). */
  private async asCorpusDocument(document: vscode.TextDocument): Promise<void> {
    if (document.languageId !== 'plaintext' || document.uri.scheme !== 'file' || !/\.txt$/i.test(document.uri.path)) return;
    if (await this.isCorpusDocument(document.uri.toString())) await vscode.languages.setTextDocumentLanguage(document, 'corpus-document');
  }

  /** Documents already open when the index arrives are looked at again. */
  reconsiderOpenDocuments(): void {
    for (const document of vscode.workspace.textDocuments) void this.asCorpusDocument(document);
  }

  /** Says once per workspace (and again when it changes) where the corpus was found. */
  async tell(status: IndexStatus): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0];
    const layout = status.layout;
    if (!folder || !layout || layout.kind === 'settings') return;
    const key = `${layout.kind}:${layout.folders.join(',')}`;
    if (this.state.get<string>(TOLD) === key) return;
    await this.state.update(TOLD, key);
    if (layout.kind === 'bundled') {
      const choice = await vscode.window.showInformationMessage(
        `Corpus Lens: no corpus documents match corpusLens.corpus in ${folder.name}, so the CSTO corpus bundled with the extension is served. Choose the folder of your sources, or keep the bundled corpus.`,
        CHOOSE,
        'Keep the Bundled Corpus',
      );
      if (choice === CHOOSE) await chooseCorpusFolder();
      return;
    }
    const message =
      layout.kind === 'root'
        ? `Corpus Lens: this folder (${folder.name}) is a corpus, so its documents are your sources: they open read-only and are never counted as notes. Keep your notes in a "notes" folder.`
        : `Corpus Lens: ${layout.folders.join(', ')} holds copies of the bundled documents, so its documents are your sources (read-only, never counted as notes), and the bundled corpus is not served beside them.`;
    void vscode.window.showInformationMessage(message);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

/** Asks for the folder of the sources (inside the workspace) and writes the corpus globs for it into the workspace settings. */
export async function chooseCorpusFolder(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showInformationMessage('Corpus Lens: open a folder first; the corpus is a folder inside it.');
    return;
  }
  const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, defaultUri: folder.uri, openLabel: 'Use as Corpus', title: 'The folder of your sources' });
  if (!picked?.[0]) return;
  const relative = vscode.workspace.asRelativePath(picked[0], false);
  const inside = picked[0].toString() === folder.uri.toString() ? '' : relative !== picked[0].fsPath && !relative.startsWith('..') ? relative.replace(/\\/g, '/') : undefined;
  if (inside === undefined) {
    void vscode.window.showWarningMessage(`Corpus Lens: ${picked[0].fsPath} is outside the workspace folder ${folder.uri.fsPath}; Corpus Lens reads no file outside it.`);
    return;
  }
  const configuration = vscode.workspace.getConfiguration('corpusLens', folder.uri);
  // The root itself: its documents, but not those of its notes folder.
  const globs = inside ? [`${inside}/**/*.txt`, `${inside}/**/*.md`] : ['*.txt', '*.md', '!(notes)/**/*.txt', '!(notes)/**/*.md'];
  await configuration.update('corpus', globs, vscode.ConfigurationTarget.Workspace);
  void vscode.window.showInformationMessage(`Corpus Lens: the corpus is now ${inside || folder.name} (corpusLens.corpus in the workspace settings).`);
}
