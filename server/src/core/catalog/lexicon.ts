// Catalog lookups that discovery needs, built once per catalog: body names by a word-order free
// key, series names by their key, the single-word names of organisations, and the words that are
// never code names.

import type { Entity, EntityKind } from '../model';
import { HashSet, hashesOfKey, nameKeys } from '../text/words';
import { ancestorsOf, namesOf } from './entities';
import { DAY_WORDS, SERIES_KINDS } from './vocabulary';

/** Small words inside names: "Council *of the* Ministers *of* Defence". */
export const CONNECTORS = new Set(['of', 'for', 'on', 'and', 'the', 'in']);
/** Capitalised words that start sentences or qualify, but are not names. */
const NOT_NAME_WORDS = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'in', 'on', 'at', 'from', 'to', 'by', 'for', 'with', 'of', 'and', 'or', 'during',
  'after', 'before', 'since', 'as', 'it', 'its', 'their', 'our', 'we', 'they', 'he', 'she', 'all', 'each', 'every', 'both', 'some',
  'joint', 'special', 'command', 'staff', 'tactical', 'military', 'collective', 'peacekeeping', 'strategic', 'operational', 'international',
  'regional', 'annual', 'regular', 'final', 'active', 'first', 'second', 'third', 'next', 'last', 'new', 'large', 'scale', 'field', 'live',
  'fire', 'anti', 'terrorist', 'counter', 'terrorism', 'combined', 'bilateral', 'trilateral', 'multilateral', 'national', 'practical',
  'russian', 'belarusian', 'kazakh', 'kyrgyz', 'tajik', 'armenian', 'uzbek', 'chinese', 'serbian', 'csto', 'un', 'sco', 'cis', 'nato',
  ...DAY_WORDS,
  'i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii', 'xiii', 'xiv', 'xv', 'xx', 'xxi',
  'operation', 'operations', 'exercise', 'exercises', 'training', 'drills', 'stage', 'phase', 'part', 'such', 'main', 'general',
]);

/** Word-order and spelling independent key of a body name: its content words, sorted. */
export function bodyKey(name: string): string {
  return contentWords(name).sort().join(' ');
}

/** The content words of a body name in the order written: "the Committee of the Secretaries …" is the catalog's order. */
export function orderedBodyKey(name: string): string {
  return contentWords(name).join(' ');
}

function contentWords(name: string): string[] {
  const keys = nameKeys(name)
    .filter((k) => !CONNECTORS.has(k) && k !== 'csto' && k !== 'organization')
    .map((k) => (k === 'minister' ? 'ministers' : k === 'forces' ? 'force' : k));
  const hasForeign = keys.includes('foreign');
  return keys.filter((k) => !(hasForeign && k === 'affairs'));
}

/**
 * Words that name the same part of a body's name: "Joint Headquarters" is the Joint Staff,
 * "Rapid Reaction Forces" the Rapid Reaction Force. Only these; "Rapid Reaction" and "Rapid
 * Deployment" name two groupings, joined only where the catalog gives one as the other's alias.
 */
const SYNONYMS = new Map([
  ['headquarters', 'staff'],
  ['forces', 'force'],
  ['center', 'centre'],
  ['councils', 'council'],
  ['ministers', 'minister'],
  // "the CSTO Joint Peacekeeping Force": the press writes joint for collective; "the CSTO Unified
  // Staff", "the Allied Staff": unified and allied for the Joint Staff's "объединённый".
  ['joint', 'collective'],
  ['unified', 'collective'],
  ['allied', 'collective'],
  // "the Standing Commission on Political Affairs …" is the one on Political Issues.
  ['affairs', 'issues'],
  // "the Coordination Council on Combating Illegal Migration" is the one on Countering it.
  ['combating', 'countering'],
  ['combatting', 'countering'],
  ['counteracting', 'countering'],
  // Russian "безопасность" is both safety and security: "the Coordinating Council on Biological
  // Safety" is the Coordination Council on Biological Security.
  ['safety', 'security'],
  ['coordinating', 'coordination'],
]);

/** The content words of a body name, each in one form (synonyms and plurals joined). */
function variantWords(name: string): string[] {
  // "Peace Keeping" written in two words is "peacekeeping".
  const joined = /\bpeace[ -]keeping\b/i.test(name) ? name.replace(/\b(peace)[ -](keeping)\b/gi, '$1$2') : name;
  return bodyKey(joined)
    .split(' ')
    .filter(Boolean)
    .map((k) => SYNONYMS.get(k) ?? k);
}

/**
 * The id of a discovered entity. Series keys are compacted, so that "Kanal-Patrol", "Kanal Patrol"
 * and "Kanal – Patrol" are one series; body keys keep their (sorted) words apart.
 */
export function discoveredId(kind: EntityKind, key: string): string {
  const compact = kind === 'body' ? key.replace(/[^\p{L}\p{N}]+/gu, '-') : key.replace(/[^\p{L}\p{N}]+/gu, '');
  return `discovered-${kind}-${compact.toLowerCase()}`;
}

/** Catalog lookups that discovery needs, built once per catalog. */
export class DiscoveryLexicon {
  readonly bodiesByKey = new Map<string, Entity>();
  /** Body names by their content words in order: the same name with other articles. */
  readonly bodiesByOrderedKey = new Map<string, Entity>();
  /** The first content word of each of those names: a run starting with another word is none of them. */
  readonly bodyFirstWords = new Set<string>();
  /** The most content words a catalog body's name has. */
  mostBodyContentWords = 0;
  readonly seriesByKey = new Map<string, Entity>();
  /** Organisations by the keys of each of their names: a name the text writes out another way. */
  readonly organizationsByKey = new Map<string, Entity>();
  /**
   * The last words of other organisations' names, two or more: "security council" of the "UN
   * Security Council". Words in lower case that are these name no CSTO body by a part of its name.
   */
  readonly otherOrganisationTails = new Set<string>();
  /** Single-word names of organisations ("CSTO"), which qualify the names of their bodies. */
  readonly organizationWords = new Set<string>();
  /** The organisations whose own bodies, operations or exercises the catalog lists (the CSTO). */
  readonly ownerIds = new Set<string>();
  /**
   * The series the catalog gives named stages (operation Channel): a name hyphenated to another
   * series' name ("Гром-Полигон" beside Thunder) is no stage of it.
   */
  readonly seriesWithStages = new Set<string>();
  /** The ids of the states: "Belarus's Alyaksandr Lukashenka" names a person of one. */
  readonly stateIds = new Set<string>();
  /** Words of names that are states, organisations or people: never a code name. */
  readonly notNames = new Set(NOT_NAME_WORDS);
  /** Hashes of the one-word series names that are not common words ("Kanal"): a hyphenated stage starts with one. */
  readonly stageHeads: HashSet;
  /** The content words of every catalog body name, for names written another way. */
  private readonly bodyWords: { words: Set<string>; entity: Entity }[] = [];

  constructor(entities: ReadonlyMap<string, Entity>) {
    const stageHeads: number[] = [];
    // The organisations whose own bodies, operations or exercises the catalog lists (the CSTO):
    // their names qualify a body name ("the CSTO Military Committee"); the UN's do not.
    const owners = this.ownerIds;
    for (const entity of entities.values()) {
      if (entity.kind !== 'body' && entity.kind !== 'operation' && entity.kind !== 'exercise') continue;
      for (const parent of ancestorsOf(entity, (id) => entities.get(id))) if (parent.kind === 'organization') owners.add(parent.id);
    }
    for (const entity of entities.values()) {
      const names = namesOf(entity);
      if (entity.kind === 'body') {
        for (const name of names) {
          if (!this.bodiesByKey.has(bodyKey(name))) this.bodiesByKey.set(bodyKey(name), entity);
          if (!this.bodiesByOrderedKey.has(orderedBodyKey(name))) this.bodiesByOrderedKey.set(orderedBodyKey(name), entity);
          this.bodyFirstWords.add(orderedBodyKey(name).split(' ')[0]);
          this.mostBodyContentWords = Math.max(this.mostBodyContentWords, orderedBodyKey(name).split(' ').length, bodyKey(name).split(' ').length);
          this.bodyWords.push({ words: new Set(variantWords(name)), entity });
        }
      }
      if (SERIES_KINDS.has(entity.kind)) {
        for (const name of names) {
          this.seriesByKey.set(nameKeys(name).join(' '), entity);
          const common = entity.commonWord === true || (Array.isArray(entity.commonWord) && entity.commonWord.some((w) => w.toLowerCase() === name.toLowerCase()));
          const keys = nameKeys(name);
          if (keys.length === 1 && !common && /^[\p{L}]+$/u.test(name)) stageHeads.push(...hashesOfKey(keys[0]));
        }
      }
      if (entity.kind === 'state') this.stateIds.add(entity.id);
      const parent = entity.parent ? entities.get(entity.parent) : undefined;
      if (parent && SERIES_KINDS.has(parent.kind) && SERIES_KINDS.has(entity.kind)) this.seriesWithStages.add(parent.id);
      if (entity.kind === 'organization' || entity.kind === 'state' || entity.kind === 'person') {
        for (const name of names) {
          const keys = nameKeys(name);
          if (entity.kind === 'organization' && !this.organizationsByKey.has(keys.join(' '))) this.organizationsByKey.set(keys.join(' '), entity);
          if (owners.has(entity.id) && keys.length === 1) this.organizationWords.add(keys[0]);
          if (entity.kind === 'organization' && !owners.has(entity.id)) for (let k = 1; keys.length - k >= 2; k++) this.otherOrganisationTails.add(keys.slice(k).join(' '));
          if (keys.length === 1) this.notNames.add(keys[0]);
        }
      }
    }
    this.stageHeads = new HashSet(stageHeads);
  }

  /**
   * The catalog body a name written another way stands for: the same words in another order or
   * number, a known synonym ("Joint Headquarters" for the Joint Staff), or some of the words of
   * one catalog body's name and of no other's ("Rapid Reaction Force"). Two words at least, and
   * one entity only: "Coordination Council" could be any of three.
   */
  bodyOf(name: string): Entity | undefined {
    const exact = this.bodiesByKey.get(bodyKey(name));
    if (exact) return exact;
    const words = variantWords(name);
    return words.length < 2 ? undefined : this.closestBody(words, () => true);
  }

  /**
   * The one catalog body whose name has the same content words as `name`, synonyms joined
   * ("Combating" and "Countering"): no word more, none less.
   */
  bodyWithSameWords(name: string): Entity | undefined {
    const words = new Set(variantWords(name));
    const found = this.bodyWords.filter(({ words: known }) => known.size === words.size && [...words].every((w) => known.has(w)));
    const entities = new Set(found.map((f) => f.entity));
    return entities.size === 1 ? found[0].entity : undefined;
  }

  /**
   * The catalog body of `parentId` a name written under its parent's name stands for: "Council"
   * after "CSTO PA" or before "of the CSTO PA" is the Council of the Parliamentary Assembly.
   */
  childBodyOf(parentId: string, name: string): Entity | undefined {
    const words = variantWords(name);
    return words.length ? this.closestBody(words, (entity) => entity.parent === parentId) : undefined;
  }

  /**
   * Of the catalog bodies `accept` takes whose words hold all of `words`, the closest: "Rapid
   * Reaction Force" is the Force, not "… Force Command". Two entities as close as each other
   * leave the name undecided.
   */
  private closestBody(words: readonly string[], accept: (entity: Entity) => boolean): Entity | undefined {
    let found: Entity | undefined;
    let extra = Infinity;
    let tied = false;
    for (const { words: known, entity } of this.bodyWords) {
      if (!accept(entity) || !words.every((w) => known.has(w))) continue;
      const more = known.size - words.length;
      if (more < extra) {
        found = entity;
        extra = more;
        tied = false;
      } else if (more === extra && entity !== found) tied = true;
    }
    return tied ? undefined : found;
  }
}
