// What the server knows about entities: the merged catalog, looked up by id, with the matcher
// built from it. Built once per catalog change and then shared read-only.

import type { Catalog } from '../catalog/catalog';
import { DiscoveryLexicon } from '../catalog/lexicon';
import type { DiscoveredInfo, Entity } from '../model';
import { worldStatesBeyond } from '../catalog/worldStates';
import { MentionMatcher } from './matcher';

export class Knowledge {
  readonly entities: ReadonlyMap<string, Entity>;
  readonly matcher: MentionMatcher;
  readonly lexicon: DiscoveryLexicon;
  /** States found by the matcher that the catalog lacks: what each is, by entity id. */
  readonly worldStates: ReadonlyMap<string, DiscoveredInfo>;
  private readonly children = new Map<string, Entity[]>();

  constructor(readonly catalog: Catalog) {
    this.entities = new Map(catalog.entities.map((e) => [e.id, e]));
    for (const entity of catalog.entities) {
      if (!entity.parent) continue;
      const siblings = this.children.get(entity.parent) ?? [];
      siblings.push(entity);
      this.children.set(entity.parent, siblings);
    }
    // The states the catalog lacks are found by the same matcher, and are then discovered entities.
    const world = worldStatesBeyond(catalog.entities);
    this.worldStates = world.infos;
    // The catalog's states are also found by the forms the data adds: "Kazakh", "Kazakhstani".
    this.matcher = new MentionMatcher([...catalog.entities.map((e) => world.catalogStates.get(e.id) ?? e), ...world.entities]);
    this.lexicon = new DiscoveryLexicon(new Map([...this.entities, ...world.entities.map((e) => [e.id, e] as const)]));
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
