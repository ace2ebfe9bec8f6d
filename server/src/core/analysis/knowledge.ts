// What the server knows about entities: the merged catalog, looked up by id, with the matcher
// built from it. Built once per catalog change and then shared read-only.

import type { Catalog } from '../catalog/catalog';
import { DiscoveryLexicon } from '../catalog/lexicon';
import type { Entity } from '../model';
import { MentionMatcher } from './matcher';

export class Knowledge {
  readonly entities: ReadonlyMap<string, Entity>;
  readonly matcher: MentionMatcher;
  readonly lexicon: DiscoveryLexicon;
  private readonly children = new Map<string, Entity[]>();

  constructor(readonly catalog: Catalog) {
    this.entities = new Map(catalog.entities.map((e) => [e.id, e]));
    for (const entity of catalog.entities) {
      if (!entity.parent) continue;
      const siblings = this.children.get(entity.parent) ?? [];
      siblings.push(entity);
      this.children.set(entity.parent, siblings);
    }
    this.matcher = new MentionMatcher(catalog.entities);
    this.lexicon = new DiscoveryLexicon(this.entities);
  }

  get version(): string {
    return this.catalog.version;
  }

  get(id: string): Entity | undefined {
    return this.entities.get(id);
  }

  childrenOf(id: string): readonly Entity[] {
    return this.children.get(id) ?? [];
  }
}
