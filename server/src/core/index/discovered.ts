// The entities discovered in the corpus: each lives as long as a mention of it does, and is
// described by the names and years it was written with, most frequent name first.

import type { IndexedMention } from '../analysis/analyseDocument';
import type { MentionColumns } from '../analysis/mentionColumns';
import type { Entity, EntityKind } from '../model';
import { bump } from './aggregates';

/** An entity found in the corpus: counts of the names and years it was written with. */
interface DiscoveredEntry {
  kind: EntityKind;
  parent?: string;
  /** What the latest mention said the entity is (a person's role). */
  about?: string;
  mentions: number;
  names: Map<string, number>;
  years: Map<number, number>;
  entity?: Entity | undefined;
}

export class DiscoveredEntities {
  private readonly entries = new Map<string, DiscoveredEntry>();
  private changes = 0;

  /** Changes whenever a discovered entity appears, disappears or is written a new way. */
  get version(): number {
    return this.changes;
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
    this.changes++;
  }

  /** Counts a document's mentions of discovered entities in (1) or out (-1). */
  countAll(mentions: MentionColumns, delta: 1 | -1): void {
    for (let i = 0; i < mentions.length; i++) if (mentions.discovered(i)) this.count(mentions.at(i), delta);
  }

  /** Counts a mention of a discovered entity in (1) or out (-1). */
  count(mention: IndexedMention, delta: 1 | -1): void {
    const info = mention.discovered!;
    let entry = this.entries.get(mention.entityId);
    if (!entry) {
      if (delta < 0) return;
      entry = { kind: info.kind, mentions: 0, names: new Map(), years: new Map() };
      if (info.parent) entry.parent = info.parent;
      this.entries.set(mention.entityId, entry);
    }
    entry.mentions += delta;
    // The fullest role the corpus gives ("President of the Russian Federation" over "President").
    if (delta > 0 && info.about && info.about.length > (entry.about?.length ?? 0)) entry.about = info.about;
    bump(entry.names, info.name, delta);
    if (mention.edition !== undefined) bump(entry.years, mention.edition, delta);
    entry.entity = undefined;
    if (entry.mentions <= 0) this.entries.delete(mention.entityId);
    this.changes++;
  }

  get(id: string): Entity | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    entry.entity ??= describe(id, entry);
    return entry.entity;
  }

  /** In the order of their ids: the same whichever document was indexed first (worker threads finish in any order). */
  all(): Entity[] {
    return [...this.entries.keys()].sort().map((id) => this.get(id)!);
  }

  childrenOf(id: string): Entity[] {
    const children: Entity[] = [];
    for (const [childId, entry] of this.entries) if (entry.parent === id) children.push(this.get(childId)!);
    return children;
  }
}

function describe(id: string, entry: DiscoveredEntry): Entity {
  const names = [...entry.names].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
  const entity: Entity = { id, kind: entry.kind, name: names[0] ?? id, aliases: names.slice(1), discovered: true };
  if (entry.parent) entity.parent = entry.parent;
  if (entry.about) entity.description = entry.kind === 'person' ? `Role in the corpus: ${entry.about}` : entry.about;
  if (entry.years.size) entity.editions = [...entry.years.keys()].sort((a, b) => a - b).map((year) => ({ year }));
  return entity;
}
