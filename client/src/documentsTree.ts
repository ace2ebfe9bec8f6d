// The Documents tree: corpus documents (date first, then title: a narrow side bar still shows the
// date) -> passages with their own dates -> sections. Clicking a passage opens the source at that
// passage. The data comes from the server.

import * as vscode from 'vscode';
import { DocumentsRequest, escapeMarkdown, PassagesRequest, type DocumentSummary, type PassageSummary, type SourceLocation } from '../../server/src/shared/protocol';
import { datedTitle } from './dates';
import { plural } from './words';
import type { ServerRequests } from './requests';

export type DocumentNode =
  | { type: 'document'; document: DocumentSummary; location: SourceLocation }
  | { type: 'passage'; document: DocumentSummary; passages: PassageSummary[]; passage: PassageSummary; location: SourceLocation };

const PASSAGE_ICONS: Record<PassageSummary['kind'], string> = {
  news: 'calendar',
  article: 'book',
  section: 'symbol-namespace',
  byline: 'person',
};

export class DocumentsTreeProvider implements vscode.TreeDataProvider<DocumentNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<DocumentNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private cache: Promise<DocumentSummary[]> | undefined;

  constructor(private readonly requests: ServerRequests) {}

  refresh(): void {
    this.cache = undefined;
    this.changed.fire(undefined);
  }

  private documents(): Promise<DocumentSummary[]> {
    this.cache ??= this.requests.send(DocumentsRequest, {}).then((documents) => documents ?? []);
    return this.cache;
  }

  /** True for a document of the indexed corpus. */
  async isCorpusDocument(uri: string): Promise<boolean> {
    return !!(await this.summaryOf(uri));
  }

  /** What the index says of a corpus document (title, date), undefined for any other file. */
  async summaryOf(uri: string): Promise<DocumentSummary | undefined> {
    return (await this.documents()).find((d) => d.uri === uri);
  }

  async getChildren(node?: DocumentNode): Promise<DocumentNode[]> {
    if (!node) {
      return (await this.documents()).map((document) => ({
        type: 'document',
        document,
        location: { uri: document.uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } },
      }));
    }
    // A document's passages are fetched when it is expanded: a large corpus has too many to send at once.
    const passages = node.type === 'passage' ? node.passages : await this.passagesOf(node.document);
    const parent = node.type === 'passage' ? node.passage.index : undefined;
    return passages
      .filter((p) => p.parent === parent)
      .map((passage) => ({ type: 'passage', document: node.document, passages, passage, location: { uri: node.document.uri, range: passage.range } }));
  }

  private async passagesOf(document: DocumentSummary): Promise<PassageSummary[]> {
    return (await this.requests.send(PassagesRequest, { uri: document.uri })) ?? [];
  }

  getTreeItem(node: DocumentNode): vscode.TreeItem {
    return node.type === 'document' ? documentItem(node.document) : passageItem(node);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function documentItem(document: DocumentSummary): vscode.TreeItem {
  const item = new vscode.TreeItem(datedTitle(document.title, document.date, document.unread), vscode.TreeItemCollapsibleState.Collapsed);
  item.id = document.uri;
  const details = [plural(document.mentionCount, 'mention')];
  if (document.embedded) details.push('bundled');
  item.description = details.join(' \u00b7 ');
  item.resourceUri = vscode.Uri.parse(document.uri);
  item.iconPath = new vscode.ThemeIcon(document.notice ? 'warning' : 'file-text');
  item.contextValue = 'corpusLens.document';
  const tooltip = new vscode.MarkdownString();
  tooltip.appendMarkdown(`**${escapeMarkdown(document.title)}**\n\n`);
  tooltip.appendMarkdown(`${document.dateLabel} \u00b7 ${plural(document.passageCount, 'passage')} \u00b7 ${plural(document.mentionCount, 'mention')}\n\n`);
  if (document.dates.length > 1) tooltip.appendMarkdown(`Items dated ${document.dates.join(', ')}\n\n`);
  if (document.notice) tooltip.appendMarkdown(`\u26a0 This file ${escapeMarkdown(document.notice)}\n\n`);
  tooltip.appendText(vscode.Uri.parse(document.uri).fsPath);
  item.tooltip = tooltip;
  if (!document.passageCount) item.collapsibleState = vscode.TreeItemCollapsibleState.None;
  return item;
}

function passageItem(node: Extract<DocumentNode, { type: 'passage' }>): vscode.TreeItem {
  const { passage, document } = node;
  const hasChildren = node.passages.some((p) => p.parent === passage.index);
  // A section shares its article's date: only the passages that carry their own show one.
  const dated = passage.parent === undefined ? datedTitle(passage.title, passage.date) : passage.title;
  const item = new vscode.TreeItem(dated, hasChildren ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
  item.id = `${document.uri}#${passage.index}`;
  const details = [passage.mentionCount ? plural(passage.mentionCount, 'mention') : ''].filter(Boolean);
  if (passage.reprintedIn.length) details.push(`also in ${passage.reprintedIn.length} other`);
  item.description = details.join(' \u00b7 ');
  item.iconPath = new vscode.ThemeIcon(PASSAGE_ICONS[passage.kind]);
  item.contextValue = `corpusLens.passage.${passage.kind}`;
  const tooltip = new vscode.MarkdownString();
  tooltip.appendMarkdown(`*${passage.kind}*${passage.dateLabel ? ` \u00b7 ${passage.dateLabel}` : ''}\n\n${escapeMarkdown(passage.title)}`);
  if (passage.reprintedIn.length) tooltip.appendMarkdown(`\n\nThe same item is printed in: ${passage.reprintedIn.map(escapeMarkdown).join('; ')}`);
  item.tooltip = tooltip;
  item.command = { command: 'corpusLens.openPassage', title: 'Open Source Passage', arguments: [node.location] };
  return item;
}
