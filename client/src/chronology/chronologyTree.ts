// The Chronology List: the same events as the timeline, as a tree (year -> month -> passages) for
// screen readers and narrow side bars. Each level is asked for when it is expanded, so a whole
// corpus costs one request per level opened.

import * as vscode from 'vscode';
import { ChronologyRequest, type ChronologyEventSummary } from '../../../server/src/shared/protocol';
import { datedTitle } from '../dates';
import type { ServerRequests } from '../requests';
import { plural } from '../words';
import type { ChronologyState } from './state';

export type ChronologyNode =
  | { type: 'period'; event: ChronologyEventSummary; level: 'year' | 'month' }
  | { type: 'passage'; event: ChronologyEventSummary }
  | { type: 'edition'; event: ChronologyEventSummary }
  | { type: 'more'; count: number };

/** Passages listed under one month at most; the rest is counted. */
const MONTH_PAGE = 500;

export class ChronologyTreeProvider implements vscode.TreeDataProvider<ChronologyNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ChronologyNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly requests: ServerRequests,
    private readonly state: ChronologyState,
  ) {
    this.subscription = state.onDidChange(() => this.refresh());
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  async getChildren(node?: ChronologyNode): Promise<ChronologyNode[]> {
    const params = this.state.params();
    if (!node) {
      const years = await this.requests.send(ChronologyRequest, { ...params, by: 'year' });
      return (years?.events ?? []).map((event) => (event.catalogOnly ? { type: 'edition', event } : { type: 'period', event, level: 'year' }));
    }
    if (node.type !== 'period') return [];
    // Within the selection's own period, if it has one.
    const within = { ...params, from: later(params.from, node.event.date), to: earlier(params.to, node.event.date) };
    if (node.level === 'year') {
      const months = await this.requests.send(ChronologyRequest, { ...within, by: 'month' });
      return (months?.events ?? []).map((event) => (event.catalogOnly ? { type: 'edition', event } : { type: 'period', event, level: 'month' }));
    }
    const passages = await this.requests.send(ChronologyRequest, { ...within, by: 'passage', maxEvents: MONTH_PAGE });
    const events = passages?.events ?? [];
    const nodes: ChronologyNode[] = events.slice(0, MONTH_PAGE).map((event) => (event.catalogOnly ? { type: 'edition', event } : { type: 'passage', event }));
    if (events.length > MONTH_PAGE) nodes.push({ type: 'more', count: events.length - MONTH_PAGE });
    return nodes;
  }

  getTreeItem(node: ChronologyNode): vscode.TreeItem {
    switch (node.type) {
      case 'period': {
        const { event } = node;
        const item = new vscode.TreeItem(event.dateLabel, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `${this.key()}:${event.date}`;
        const mentions = event.entities.reduce((n, e) => n + e.mentions, 0);
        item.description = `${plural(event.passages, 'passage')} \u00b7 ${plural(mentions, 'mention')}`;
        item.tooltip = entitiesLine(event);
        item.iconPath = new vscode.ThemeIcon(node.level === 'year' ? 'calendar' : 'history');
        item.accessibilityInformation = { label: `${event.dateLabel}: ${item.description}` };
        return item;
      }
      case 'passage': {
        const { event } = node;
        const title = event.passage?.title || event.documentTitle || event.dateLabel;
        const item = new vscode.TreeItem(datedTitle(title, event.date), vscode.TreeItemCollapsibleState.None);
        item.description = entitiesLine(event);
        item.tooltip = `${title}\n${event.documentTitle ?? ''} (${event.dateLabel})\n${entitiesLine(event)}`;
        item.iconPath = new vscode.ThemeIcon('quote');
        item.accessibilityInformation = { label: `${event.dateLabel}: ${title}; ${entitiesLine(event)}` };
        item.contextValue = 'corpusLens.chronologyPassage';
        if (event.uri && event.at) item.command = { command: 'corpusLens.openPassage', title: 'Open Source Passage', arguments: [{ uri: event.uri, range: event.at }] };
        return item;
      }
      case 'edition': {
        const { event } = node;
        const item = new vscode.TreeItem(`${event.date} \u00b7 ${event.entities.map((e) => `${e.name} ${e.editions.join(', ')}`).join(', ')}`, vscode.TreeItemCollapsibleState.None);
        item.description = 'in the catalog only';
        item.tooltip = 'The catalog lists this edition; no dated passage of the corpus mentions it.';
        // Read out as the passages are: the year first, then what is known of it.
        item.accessibilityInformation = { label: `${event.date}: ${event.entities.map((e) => `${e.name} ${e.editions.join(', ')}`).join(', ')}, in the catalog only; no dated passage mentions it` };
        item.iconPath = new vscode.ThemeIcon('circle-outline');
        return item;
      }
      case 'more': {
        const item = new vscode.TreeItem(`\u2026 ${plural(node.count, 'more passage')}`, vscode.TreeItemCollapsibleState.None);
        item.tooltip = 'Narrow the Chronology filter to list them.';
        item.iconPath = new vscode.ThemeIcon('ellipsis');
        return item;
      }
    }
  }

  /** Tree item ids change with the selection, so that VS Code does not carry expansion over to other data. */
  private key(): string {
    return JSON.stringify(this.state.params());
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

function entitiesLine(event: ChronologyEventSummary): string {
  return [...event.entities]
    .sort((a, b) => b.mentions - a.mentions)
    .slice(0, 4)
    .map((e) => `${e.name}${e.editions.length ? ` ${e.editions.join(', ')}` : ''} (${e.mentions})`)
    .join(', ') + (event.entities.length > 4 ? ', \u2026' : '');
}

/** The later of two lower bounds given as ISO prefixes; the earlier of two upper bounds. */
function later(a: string | undefined, b: string): string {
  return a && a.slice(0, b.length) >= b ? a : b;
}

function earlier(a: string | undefined, b: string): string {
  return a && a.slice(0, b.length) <= b ? a : b;
}
