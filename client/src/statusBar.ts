// The status bar item: the size of the index, or what the server is doing.

import * as vscode from 'vscode';
import { escapeMarkdown, type IndexStatus } from '../../server/src/shared/protocol';

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
    this.item.text = status.indexing ? `$(sync~spin) Corpus Lens: ${size}` : `$(library) ${size}`;
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**Corpus Lens** ${status.indexing ? '(indexing…)' : ''}\n\n`);
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
