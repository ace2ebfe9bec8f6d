// The status bar item: the size of the index, or what the server is doing.

import * as vscode from 'vscode';
import { escapeMarkdown, type IndexStatus } from '../../server/src/shared/protocol';

/** What each pass of a first index means for the analyst. */
const PHASES: Record<NonNullable<IndexStatus['phase']>, string> = {
  names: 'Reading every file for the catalog\'s names first: hover, references and counts grow now; definitions and dates come as the files are understood.',
  understanding: 'Every catalog name is known. Understanding each file now: definitions, dates, passages and names the catalog lacks.',
};

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('corpusLens.status', vscode.StatusBarAlignment.Left, 10);

  constructor() {
    this.item.name = 'Corpus Lens';
    this.item.command = 'workbench.view.extension.corpusLens';
  }

  showStarting(): void {
    this.item.text = '$(sync~spin) Corpus Lens';
    this.item.tooltip = 'Corpus Lens: starting the language server';
    this.item.backgroundColor = undefined;
    this.item.show();
  }

  showStopped(): void {
    this.item.text = '$(error) Corpus Lens';
    this.item.tooltip = 'Corpus Lens: the language server is not running. Run "Corpus Lens: Restart Language Server".';
    this.item.command = 'corpusLens.restartServer';
    this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
    this.item.show();
  }

  show(status: IndexStatus): void {
    this.item.command = 'workbench.view.extension.corpusLens';
    this.item.backgroundColor = status.problems ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    const size = `${status.documents} doc${status.documents === 1 ? '' : 's'} \u00b7 ${status.entitiesMentioned} entities`;
    this.item.text = status.indexing ? `$(sync~spin) Corpus Lens: ${status.phase ? `${status.phase} \u00b7 ` : ''}${size}` : `$(library) ${size}`;
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**Corpus Lens** ${status.indexing ? '(indexing…)' : ''}\n\n`);
    if (status.indexing && status.phase) tooltip.appendMarkdown(`${PHASES[status.phase]}\n\n`);
    tooltip.appendMarkdown(
      `${status.documents} documents${status.embedded ? ' (the bundled corpus)' : ''}, ${status.passages} passages, ` +
        `${status.mentions} mentions of ${status.entitiesMentioned} of the catalog's ${status.catalogEntities} entities; ` +
        `${status.notes} note${status.notes === 1 ? '' : 's'} searched for mentions.\n\n`,
    );
    if (status.lastIndexMilliseconds !== undefined) tooltip.appendMarkdown(`Indexed in ${status.lastIndexMilliseconds} ms. `);
    tooltip.appendMarkdown(`Catalog ${escapeMarkdown(status.catalogVersion)}.`);
    if (status.problems) tooltip.appendMarkdown(`\n\n${status.problems} file(s) could not be read cleanly: see the Problems panel.`);
    this.item.tooltip = tooltip;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
