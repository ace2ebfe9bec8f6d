// What semantic highlighting shows of a document: every recognised name with its entity's kind,
// whether the entity was discovered in the text, and whether it names an edition the catalog
// does not list. Plain data with offsets; the server turns it into LSP tokens.

import type { Entity, EntityKind, FoundMention } from '../model';

export interface Highlight {
  start: number;
  end: number;
  kind: EntityKind;
  discovered: boolean;
  /** The mention names a year of a catalog series that the catalog has no edition for ("Rubezh-2031"). */
  uncataloguedEdition: boolean;
}

export function highlightsOf(mentions: readonly FoundMention[], entityOf: (mention: FoundMention) => Entity | undefined): Highlight[] {
  const highlights: Highlight[] = [];
  for (const mention of mentions) {
    const entity = entityOf(mention);
    if (!entity) continue;
    const uncatalogued = mention.edition !== undefined && !entity.discovered && !(entity.editions ?? []).some((e) => e.year === mention.edition);
    highlights.push({ start: mention.start, end: mention.end, kind: entity.kind, discovered: !!entity.discovered, uncataloguedEdition: uncatalogued });
  }
  return highlights;
}
