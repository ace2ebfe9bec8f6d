// Editor tabs of corpus documents show the document's date and title ("2022-05-30 · Stanislav Zas:
// …") instead of a hash file name. VS Code lets an extension do this only through the
// workbench.editor.customLabels.patterns setting, so Corpus Lens writes one pattern per corpus
// document the analyst opens into the workspace settings, remembers which patterns are its own and
// what it wrote in each, keeps at most MAX_TITLES of them, and takes them all out when
// corpusLens.tabTitles is turned off. It never writes over a pattern it did not write or that was
// changed since it wrote it (tabTitleMerge.ts).

import * as vscode from 'vscode';
import type { DocumentSummary } from '../../server/src/shared/protocol';
import { datedTitle } from './dates';
import { mergeTitles, readOwn } from './tabTitleMerge';

const MAX_TITLES = 100;
const MAX_LABEL = 60;
const OWN_KEYS = 'corpusLens.tabTitlePatterns';
const DEBOUNCE = 300;

export class TabTitles implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private writing = Promise.resolve();

  constructor(
    private readonly summaryOf: (uri: string) => Promise<DocumentSummary | undefined>,
    private readonly state: vscode.Memento,
    private readonly log: (message: string) => void,
  ) {
    this.disposables.push(
      vscode.window.tabGroups.onDidChangeTabs(() => this.schedule()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('corpusLens.tabTitles')) this.schedule();
      }),
    );
    this.schedule();
  }

  /** Looks at the open tabs again soon (titles may have changed with the index). */
  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.writing = this.writing.then(() => this.update()).catch((error) => this.log(`Could not title the editor tabs: ${(error as Error)?.message ?? error}`));
    }, DEBOUNCE);
  }

  private async update(): Promise<void> {
    if (!vscode.workspace.workspaceFolders?.length) return;
    const enabled = vscode.workspace.getConfiguration('corpusLens').get<boolean>('tabTitles', true);
    // The labels first: asking the server takes a while, and the setting may change meanwhile.
    const wanted = new Map<string, string>();
    if (enabled) {
      for (const uri of openTextUris()) {
        const summary = await this.summaryOf(uri.toString());
        if (summary) wanted.set(patternOf(uri), labelOf(summary));
      }
    }
    // Read right before the write, with nothing awaited in between: what the analyst wrote meanwhile stays.
    const config = vscode.workspace.getConfiguration('workbench.editor.customLabels');
    const current = config.inspect<Record<string, string>>('patterns')?.workspaceValue ?? {};
    const merge = mergeTitles(current, readOwn(this.state.get<unknown>(OWN_KEYS), current), wanted, enabled ? MAX_TITLES : 0);
    if (merge.changed) await config.update('patterns', merge.patterns, vscode.ConfigurationTarget.Workspace);
    await this.state.update(OWN_KEYS, merge.own);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}

function openTextUris(): vscode.Uri[] {
  const uris: vscode.Uri[] = [];
  for (const group of vscode.window.tabGroups.all) {
    for (const tab of group.tabs) if (tab.input instanceof vscode.TabInputText && tab.input.uri.scheme === 'file') uris.push(tab.input.uri);
  }
  return uris;
}

/**
 * The pattern for one file: its path in the workspace after "**\/" (VS Code does not match a bare
 * relative path), or its absolute path when outside; glob characters matched as any character.
 */
export function patternOf(uri: vscode.Uri): string {
  const relative = vscode.workspace.asRelativePath(uri, false);
  const escape = (path: string) => path.replace(/\\/g, '/').replace(/[[\]{}*?!]/g, '?');
  return relative === uri.fsPath ? escape(uri.fsPath) : `**/${escape(relative)}`;
}

/** "2022-05-30 · Stanislav Zas: In the Republic of…", with nothing the label template would read as a variable. */
export function labelOf(summary: DocumentSummary): string {
  const label = datedTitle(summary.title, summary.date).replace(/\$\{/g, '$ {');
  return label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1).trimEnd()}\u2026` : label;
}
