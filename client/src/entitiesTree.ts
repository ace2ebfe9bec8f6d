// The Entities tree: kind -> entity -> document (or note) -> mentions. Entities come from the
// server's catalog and index; an entity's mentions are fetched when it is expanded, and grouped by
// the document they are in, oldest document first, each mention dated by its own passage.

import * as vscode from 'vscode';
import { ENTITY_KIND_ORDER, EntitiesRequest, escapeMarkdown, KIND_TITLES, MentionsRequest, type EntityKindName, type EntitySummary, type MentionSummary, type SourceLocation } from '../../server/src/shared/protocol';
import { datedTitle } from './dates';
import type { ServerRequests } from './requests';
import { plural } from './words';

export type EntityNode =
  | { type: 'kind'; kind: EntityKindName; entities: EntitySummary[] }
  | { type: 'entity'; entity: EntitySummary; location?: SourceLocation }
  | { type: 'source'; entity: EntitySummary; uri: string; title: string; date?: string | undefined; dateLabel: string; note: boolean; mentions: MentionSummary[]; expand: boolean }
  | { type: 'mention'; entity: EntitySummary; mention: MentionSummary; location: SourceLocation; parent: EntityNode }
  | { type: 'more'; entity: EntitySummary; count: number };

/** Icons that say what the kinds are, not code-symbol icons ({ } for a council). */
export const KIND_ICONS: Record<EntityKindName, string> = {
  body: 'organization',
  operation: 'target',
  exercise: 'shield',
  organization: 'globe',
  state: 'location',
  person: 'person',
  document: 'file-text',
};
const MENTION_PAGE = 200;

export class EntitiesTreeProvider implements vscode.TreeDataProvider<EntityNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<EntityNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private cache: Promise<EntitySummary[]> | undefined;
  private kindNodes = new Map<EntityKindName, EntityNode & { type: 'kind' }>();

  /** Entities the corpus never mentions are left out of the kinds (a toggle on the view's title bar). */
  private hideUnmentioned = false;

  constructor(private readonly requests: ServerRequests) {
    void vscode.commands.executeCommand('setContext', 'corpusLens.unmentionedHidden', false);
  }

  /** Shows or hides the entities the corpus never mentions ("Bodies 28" held 20 of them). */
  setHideUnmentioned(hide: boolean): void {
    this.hideUnmentioned = hide;
    void vscode.commands.executeCommand('setContext', 'corpusLens.unmentionedHidden', hide);
    this.changed.fire(undefined);
  }

  refresh(): void {
    this.cache = undefined;
    this.changed.fire(undefined);
  }

  entities(): Promise<EntitySummary[]> {
    this.cache ??= this.requests.send(EntitiesRequest).then((entities) => entities ?? []);
    return this.cache;
  }

  /** The tree node of an entity, for TreeView.reveal. */
  async nodeOf(entityId: string): Promise<EntityNode | undefined> {
    const entity = (await this.entities()).find((e) => e.id === entityId);
    return entity && entityNode(entity);
  }

  async getChildren(node?: EntityNode): Promise<EntityNode[]> {
    if (!node) {
      const byKind = new Map<EntityKindName, EntitySummary[]>();
      for (const entity of await this.entities()) {
        const list = byKind.get(entity.kind) ?? [];
        list.push(entity);
        byKind.set(entity.kind, list);
      }
      this.kindNodes = new Map();
      const kinds = [...byKind.keys()].sort((a, b) => rank(a) - rank(b));
      return kinds.map((kind) => {
        const kindNode = { type: 'kind' as const, kind, entities: byKind.get(kind)!.sort(byMentions) };
        this.kindNodes.set(kind, kindNode);
        return kindNode;
      });
    }
    if (node.type === 'kind') return this.shown(node.entities).map(entityNode);
    if (node.type === 'entity') return this.sourceNodes(node.entity);
    if (node.type === 'source') return node.mentions.map((mention) => ({ type: 'mention', entity: node.entity, mention, location: { uri: mention.uri, range: mention.range }, parent: node }));
    return [];
  }

  /** The documents and notes that mention an entity, each with its mentions, in the server's (date) order. */
  private async sourceNodes(entity: EntitySummary): Promise<EntityNode[]> {
    const result = await this.requests.send(MentionsRequest, { entityId: entity.id, limit: MENTION_PAGE });
    if (!result) return [];
    const groups: (EntityNode & { type: 'source' })[] = [];
    for (const mention of result.items) {
      let group = groups.at(-1);
      if (!group || group.uri !== mention.uri) {
        group = { type: 'source', entity, uri: mention.uri, title: mention.documentTitle, date: mention.documentDate, dateLabel: mention.documentDateLabel, note: !!mention.note, mentions: [], expand: false };
        groups.push(group);
      }
      group.mentions.push(mention);
    }
    // A short list opens at once; a long one shows its documents first.
    for (const group of groups) group.expand = groups.length <= 2;
    const nodes: EntityNode[] = [...groups];
    if (result.total > result.items.length) nodes.push({ type: 'more', entity, count: result.total - result.items.length });
    return nodes;
  }

  private shown(entities: EntitySummary[]): EntitySummary[] {
    return this.hideUnmentioned ? entities.filter((e) => e.mentionCount > 0) : entities;
  }

  async getParent(node: EntityNode): Promise<EntityNode | undefined> {
    if (node.type === 'entity') {
      // The kinds may not have been listed yet (a view never opened): reveal needs its parent all the same.
      const kind = node.entity.kind;
      return this.kindNodes.get(kind) ?? { type: 'kind', kind, entities: (await this.entities()).filter((e) => e.kind === kind).sort(byMentions) };
    }
    if (node.type === 'source' || node.type === 'more') return entityNode(node.entity);
    if (node.type === 'mention') return node.parent;
    return undefined;
  }

  getTreeItem(node: EntityNode): vscode.TreeItem {
    switch (node.type) {
      case 'kind': {
        // Collapsed, so that every kind is in view at once: "Bodies 16, Operations 5, Exercises 5".
        const item = new vscode.TreeItem(KIND_TITLES[node.kind], vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `kind:${node.kind}`;
        const shown = this.shown(node.entities).length;
        item.description = shown === node.entities.length ? String(shown) : `${shown} of ${node.entities.length}`;
        item.iconPath = new vscode.ThemeIcon(KIND_ICONS[node.kind]);
        item.contextValue = 'corpusLens.kind';
        return item;
      }
      case 'entity':
        return entityItem(node.entity);
      case 'source': {
        const state = node.expand ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
        // Date first, as in the Documents view: it shows however narrow the side bar.
        const item = new vscode.TreeItem(datedTitle(node.title, node.date), state);
        const reprints = node.mentions.filter((m) => m.reprint).length;
        const parts = [plural(node.mentions.length, 'mention')];
        if (reprints) parts.push(reprints === node.mentions.length ? 'reprinted' : `${reprints} reprinted`);
        item.description = parts.join(' \u00b7 ');
        item.accessibilityInformation = { label: `${String(item.label)}, ${item.description}` };
        item.tooltip = `${node.title}${node.dateLabel && !node.note ? ` (${node.dateLabel})` : ''}\n${plural(node.mentions.length, 'mention')} of ${node.entity.name}` +
          (reprints ? `; ${reprints} in passages printed first in another document, counted there` : '');
        item.iconPath = new vscode.ThemeIcon(node.note ? 'note' : 'file-text');
        item.contextValue = node.note ? 'corpusLens.noteGroup' : 'corpusLens.documentGroup';
        return item;
      }
      case 'mention': {
        const item = new vscode.TreeItem({ label: node.mention.snippet, highlights: [node.mention.highlight] }, vscode.TreeItemCollapsibleState.None);
        const parts = [node.mention.note ? '' : node.mention.dateLabel];
        if (node.mention.reprint) parts.push('reprint');
        if (node.mention.via) parts.push(`in \u201c${node.mention.via}\u201d`);
        item.description = parts.filter(Boolean).join(' \u00b7 ');
        item.tooltip = `${node.mention.sentence}\n\n${node.mention.documentTitle} (${node.mention.dateLabel})${node.mention.reprint ? '\nReprinted: this passage is printed first in another document and counted there.' : ''}`;
        // A note is the analyst's own writing, a corpus mention a source: they look different.
        item.iconPath = new vscode.ThemeIcon(node.mention.note ? 'note' : 'quote');
        item.contextValue = node.mention.note ? 'corpusLens.noteMention' : 'corpusLens.mention';
        item.command = { command: 'corpusLens.openPassage', title: 'Open Source Passage', arguments: [node.location] };
        return item;
      }
      case 'more': {
        const item = new vscode.TreeItem(`\u2026 ${plural(node.count, 'more mention')}`, vscode.TreeItemCollapsibleState.None);
        item.tooltip = 'Use "Find All References" on the name to see every mention.';
        item.iconPath = new vscode.ThemeIcon('ellipsis');
        return item;
      }
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function entityNode(entity: EntitySummary): EntityNode {
  return entity.definition ? { type: 'entity', entity, location: entity.definition } : { type: 'entity', entity };
}

function entityItem(entity: EntitySummary): vscode.TreeItem {
  const item = new vscode.TreeItem(entity.name, entity.mentionCount ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
  item.id = `entity:${entity.id}`;
  const parts = [entity.mentionCount ? `${entity.mentionCount} mention${entity.mentionCount === 1 ? '' : 's'}` : 'not mentioned'];
  if (entity.editions.length) parts.push(`editions ${entity.editions.join(', ')}`);
  if (entity.discovered) parts.push('discovered');
  item.description = parts.join(' \u00b7 ');
  item.iconPath = new vscode.ThemeIcon(KIND_ICONS[entity.kind]);
  item.contextValue = entity.definition ? 'corpusLens.entity.mentioned' : 'corpusLens.entity';
  const tooltip = new vscode.MarkdownString();
  // Names and aliases may come from a workspace catalog: shown as written, never as Markdown.
  tooltip.appendMarkdown(`**${escapeMarkdown(entity.name)}** \u2014 ${entity.kind}${entity.discovered ? ' (discovered in the corpus)' : ''}\n\n`);
  if (entity.description) tooltip.appendText(`${entity.description}\n\n`);
  if (entity.aliases.length) tooltip.appendMarkdown(`*Also known as:* ${entity.aliases.map(escapeMarkdown).join(' \u00b7 ')}\n\n`);
  tooltip.appendMarkdown(`${plural(entity.mentionCount, 'mention')} in ${plural(entity.documentCount, 'document')}`);
  item.tooltip = tooltip;
  return item;
}

function rank(kind: EntityKindName): number {
  return ENTITY_KIND_ORDER.indexOf(kind);
}

function byMentions(a: EntitySummary, b: EntitySummary): number {
  return b.mentionCount - a.mentionCount || a.name.localeCompare(b.name);
}
