// What a note says that the knowledge cannot account for: a code name that neither the catalog
// nor the corpus knows ("Zapad-2021"), and an edition year of a known series that neither has
// ("Rubezh-2031"). Shown to the analyst as information, with fixes that add to the catalog.

import type { Entity, EntityKind, FoundMention } from '../model';

export type NoteFinding =
  | { type: 'unknownName'; start: number; end: number; name: string; kind: EntityKind; year?: number | undefined; parent?: string | undefined }
  | { type: 'unknownEdition'; start: number; end: number; entity: Entity; year: number };

export interface KnowledgeLookup {
  /** A catalog entity or one discovered in the corpus. */
  entity(id: string): Entity | undefined;
  /** How often the corpus names each edition of an entity. */
  editionCounts(id: string): ReadonlyMap<number, number>;
}

export function noteFindings(mentions: readonly FoundMention[], known: KnowledgeLookup): NoteFinding[] {
  const findings: NoteFinding[] = [];
  for (const mention of mentions) {
    const entity = known.entity(mention.entityId);
    if (!entity && mention.discovered && (mention.discovered.kind === 'exercise' || mention.discovered.kind === 'operation')) {
      // Discovered in this note only: the corpus never names it.
      findings.push({ type: 'unknownName', start: mention.start, end: mention.end, name: mention.discovered.name, kind: mention.discovered.kind, year: mention.edition, parent: mention.discovered.parent });
      continue;
    }
    const year = mention.edition;
    // A discovered entity's editions are whatever the corpus says: nothing to add to.
    if (!entity || entity.discovered || year === undefined) continue;
    const inCatalog = (entity.editions ?? []).some((e) => e.year === year);
    if (!inCatalog && !known.editionCounts(entity.id).has(year)) findings.push({ type: 'unknownEdition', start: mention.start, end: mention.end, entity, year });
  }
  return findings;
}
