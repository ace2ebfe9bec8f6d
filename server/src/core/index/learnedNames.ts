// The names the corpus was found to use: spellings of catalog entities the catalog does not list
// ("CSTO CSC", "Channel - Red Dune") and the names of discovered entities. Counted as documents
// come and go, and turned into a matcher for notes, so that a note recognises whatever the corpus
// recognised, without the context the corpus had.

import type { IndexedMention } from '../analysis/analyseDocument';
import { MentionMatcher } from '../analysis/matcher';
import { namesOf } from '../catalog/entities';
import type { Entity } from '../model';
import { nameKeys, withoutEditionYear } from '../text/words';

export class LearnedNames {
  /** entity id -> surface -> count */
  private readonly surfaces = new Map<string, Map<string, number>>();
  private changes = 0;
  private built: { version: number; matcher: MentionMatcher } | undefined;

  /** Changes whenever a name is learned or forgotten. */
  get version(): number {
    return this.changes;
  }

  /** Counts a document's mentions in (1) or out (-1). */
  count(mentions: readonly IndexedMention[], delta: 1 | -1): void {
    for (const mention of mentions) {
      // Most mentions are one-word catalog names ("CSTO"): nothing to learn from them.
      if (!mention.discovered && !/[\s\u2010-\u2014-]/.test(mention.surface)) continue;
      let counts = this.surfaces.get(mention.entityId);
      if (!counts) this.surfaces.set(mention.entityId, (counts = new Map()));
      const next = (counts.get(mention.surface) ?? 0) + delta;
      if (next > 0) {
        if (!counts.has(mention.surface)) this.changes++;
        counts.set(mention.surface, next);
      } else if (counts.delete(mention.surface)) {
        this.changes++;
        if (!counts.size) this.surfaces.delete(mention.entityId);
      }
    }
  }

  clear(): void {
    this.surfaces.clear();
    this.changes++;
  }

  /** A matcher of the learned names, made again only when they changed. */
  matcher(entity: (id: string) => Entity | undefined, qualifiers: ReadonlySet<string>): MentionMatcher {
    if (this.built?.version !== this.changes) this.built = { version: this.changes, matcher: new MentionMatcher(this.entities(entity, qualifiers)) };
    return this.built.matcher;
  }

  /** One pseudo-entity per entity, named by the spellings the catalog lacks. */
  private entities(entity: (id: string) => Entity | undefined, qualifiers: ReadonlySet<string>): Entity[] {
    const learned: Entity[] = [];
    for (const [id, counts] of this.surfaces) {
      const known = entity(id);
      if (!known) continue;
      // The catalog's own names are found already; a discovered entity's are known to the corpus only.
      const taken = new Set(known.discovered ? [] : namesOf(known).map((n) => nameKeys(n).join(' ')));
      // A short form ("the Working Group") names the entity only right after its full name.
      const shortForms = new Set((known.shortForms ?? []).map((n) => nameKeys(n).join(' ')));
      const names = new Set<string>();
      for (const surface of counts.keys()) {
        const name = withoutEditionYear(surface).replace(/\s+/g, ' ').trim();
        const keys = nameKeys(name);
        const unqualified = keys.slice(qualifiers.has(keys[0]) ? 1 : 0).join(' ');
        if (!keys.length || taken.has(keys.join(' ')) || shortForms.has(unqualified) || (keys.length === 1 && !known.discovered)) continue;
        names.add(name);
      }
      if (!names.size) continue;
      const [name, ...aliases] = [...names];
      // A one-word discovered name ("Granite") may be an ordinary word: in a note it needs a capital mid-sentence.
      learned.push({ id, kind: known.kind, name, aliases, commonWord: [...names].filter((n) => !/\s/.test(n)) });
    }
    return learned;
  }
}
