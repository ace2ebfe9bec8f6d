// The names the corpus was found to use: spellings of catalog entities the catalog does not list
// ("CSTO CSC", "Channel - Red Dune") and the names of discovered entities. Counted as documents
// come and go, and turned into a matcher for notes, so that a note recognises whatever the corpus
// recognised, without the context the corpus had.

import type { MentionColumns } from '../analysis/mentionColumns';
import { MentionMatcher } from '../analysis/matcher';
import { namesOf } from '../catalog/entities';
import type { Entity } from '../model';
import { HYPHENATED_NAME, nameKeys, withoutEditionYear } from '../text/words';

/** Initials in capitals, three to six letters: a one-word name of a catalog entity worth learning. */
const INITIALS = /^\p{Lu}{3,6}$/u;

/**
 * While the first index is read, how long a matcher is kept after it was made though names came
 * in since: documents bring new names by the hundred a second, and making the matcher and the
 * notes' mentions again at every hover was most of a hover then (20–50 ms).
 */
const SETTLING_MS = 1000;

/** String numbers below this pair into one safe integer (a table of 67 million strings is far past any corpus). */
const PAIR_LIMIT = 2 ** 26;

/** What a surface says as a name, worked out once per surface. */
interface SurfaceName {
  name: string;
  key: string;
  unqualified: string;
  words: number;
}

export class LearnedNames {
  /** `settling`: true while the first index is read (see SETTLING_MS). */
  constructor(
    private readonly settling: () => boolean = () => false,
    private readonly now: () => number = Date.now,
  ) {}

  /** entity id -> surface -> count */
  private readonly surfaces = new Map<string, Map<string, number>>();
  /** Changes whenever a surface is counted in for the first time or out for the last. */
  private changes = 0;
  /**
   * The matcher, with the surface changes it was made at and a version that changes only when the
   * names it finds change: most new surfaces are the catalog's own names, which change nothing.
   */
  private built: { changes: number; version: number; signature: string; matcher: MentionMatcher } | undefined;
  /** When the matcher was last made or found unchanged. */
  private builtAt = 0;
  private readonly names = new Map<string, SurfaceName | null>();
  private readonly catalogNames = new Map<string, { taken: Set<string>; shortForms: Set<string> }>();

  /**
   * Whether a surface may teach a name, by its number in the index's string table: 1 yes, 2 no, 0
   * not yet known. Asked of every mention a document adds, a million times in a warm start.
   */
  private shapes = new Uint8Array(1024);
  private shapesOf: unknown;
  /** A document's counts by surface number * PAIR_LIMIT + entity number, while it is counted. */
  private readonly tally = new Map<number, number>();

  /** Counts a document's mentions in (1) or out (-1). */
  count(mentions: MentionColumns, delta: 1 | -1): void {
    if (this.shapesOf !== mentions.strings) {
      this.shapesOf = mentions.strings;
      this.shapes.fill(0);
    }
    // Tallied by (surface, entity) numbers first: a document says its names again and again, and
    // the maps by string were a warm start's largest cost here.
    const tally = this.tally;
    tally.clear();
    for (let i = 0; i < mentions.length; i++) {
      // Most mentions are one-word catalog names ("CSTO"): nothing to learn from them. Initials the
      // catalog lacks ("CRC", which a text used for the Crisis Response Center) are learned.
      const surface = mentions.surfaceNumber(i);
      if (!mentions.discovered(i) && !this.mayTeach(surface, mentions)) continue;
      const entity = mentions.entityNumber(i);
      if (surface >= PAIR_LIMIT || entity >= PAIR_LIMIT) this.add(mentions.entityId(i), mentions.surface(i), delta);
      else {
        const pair = surface * PAIR_LIMIT + entity;
        tally.set(pair, (tally.get(pair) ?? 0) + delta);
      }
    }
    for (const [pair, by] of tally) this.add(mentions.strings.at(pair % PAIR_LIMIT), mentions.strings.at(Math.floor(pair / PAIR_LIMIT)), by);
  }

  /** Counts a surface of an entity in (`by` > 0) or out. */
  private add(entityId: string, surface: string, by: number): void {
    let counts = this.surfaces.get(entityId);
    if (!counts) this.surfaces.set(entityId, (counts = new Map()));
    const next = (counts.get(surface) ?? 0) + by;
    if (next > 0) {
      if (!counts.has(surface)) this.changes++;
      counts.set(surface, next);
    } else if (counts.delete(surface)) {
      this.changes++;
      this.names.delete(surface);
      if (!counts.size) this.surfaces.delete(entityId);
    }
  }

  private mayTeach(number: number, mentions: MentionColumns): boolean {
    if (number >= this.shapes.length) {
      const grown = new Uint8Array(Math.max(number + 1, this.shapes.length * 2));
      grown.set(this.shapes);
      this.shapes = grown;
    }
    let shape = this.shapes[number];
    if (!shape) {
      const surface = mentions.strings.at(number);
      this.shapes[number] = shape = /[\s\u2010-\u2014-]/.test(surface) || INITIALS.test(surface) ? 1 : 2;
    }
    return shape === 1;
  }

  clear(): void {
    this.surfaces.clear();
    this.names.clear();
    this.catalogNames.clear();
    this.changes++;
  }

  /** A matcher of the learned names, made again only when they changed. */
  matcher(entity: (id: string) => Entity | undefined, qualifiers: ReadonlySet<string>): MentionMatcher {
    return this.current(entity, qualifiers).matcher;
  }

  /**
   * The names a note is matched with: a version that changes whenever they change (not when a
   * catalog name is counted again), and their signature, the same in any index that learned them.
   */
  state(entity: (id: string) => Entity | undefined, qualifiers: ReadonlySet<string>): { version: number; signature: string } {
    return this.current(entity, qualifiers);
  }

  private current(entity: (id: string) => Entity | undefined, qualifiers: ReadonlySet<string>) {
    if (this.built?.changes === this.changes) return this.built;
    if (this.built && this.settling() && this.now() - this.builtAt < SETTLING_MS) return this.built;
    this.builtAt = this.now();
    const entities = this.entities(entity, qualifiers);
    const signature = entities.map((e) => `${e.id}\u0001${e.kind}\u0001${e.name}\u0001${e.aliases.join('\u0002')}`).join('\u0000');
    if (this.built?.signature === signature) this.built.changes = this.changes;
    else this.built = { changes: this.changes, version: (this.built?.version ?? 0) + 1, signature, matcher: new MentionMatcher(entities) };
    return this.built;
  }

  private surfaceName(surface: string, qualifiers: ReadonlySet<string>): SurfaceName | null {
    let found = this.names.get(surface);
    if (found === undefined) {
      const name = withoutEditionYear(surface).replace(/\s+/g, ' ').trim();
      const keys = nameKeys(name);
      found = keys.length ? { name, key: keys.join(' '), unqualified: keys.slice(qualifiers.has(keys[0]) ? 1 : 0).join(' '), words: keys.length } : null;
      this.names.set(surface, found);
    }
    return found;
  }

  private namesOfEntity(known: Entity): { taken: Set<string>; shortForms: Set<string> } {
    // A discovered entity's name may be written a new way as documents come: never kept.
    let names = known.discovered ? undefined : this.catalogNames.get(known.id);
    if (!names) {
      names = {
        // The catalog's own names are found already; a discovered entity's are known to the corpus only.
        taken: new Set(known.discovered ? [] : namesOf(known).map((n) => nameKeys(n).join(' '))),
        // A short form ("the Working Group") names the entity only right after its full name.
        shortForms: new Set((known.shortForms ?? []).map((n) => nameKeys(n).join(' '))),
      };
      if (!known.discovered) this.catalogNames.set(known.id, names);
    }
    return names;
  }

  /** Changes whenever a spelling is counted in for the first time or out for the last. */
  get spellingsVersion(): number {
    return this.changes;
  }

  /**
   * The ways the corpus writes each entity's name that the catalog does not list as written,
   * editions with their year as the corpus writes them ("Vzaimodeistvie-2022"), for completion.
   */
  spellings(entity: (id: string) => Entity | undefined, qualifiers: ReadonlySet<string>): { entity: Entity; name: string; edition?: number }[] {
    const found: { entity: Entity; name: string; edition?: number }[] = [];
    for (const [id, counts] of this.surfaces) {
      const known = entity(id);
      if (!known) continue;
      const written = new Set(namesOf(known).map((n) => n.toLowerCase()));
      for (const edition of known.editions ?? []) written.add(`${known.name}-${edition.year}`.toLowerCase());
      const { shortForms } = this.namesOfEntity(known);
      for (const surface of counts.keys()) {
        const name = surface.replace(/\s+/g, ' ').trim();
        if (written.has(name.toLowerCase())) continue;
        const form = this.surfaceName(surface, qualifiers);
        if (!form || shortForms.has(form.unqualified)) continue;
        written.add(name.toLowerCase());
        const year = /(?:19|20)\d\d$/.exec(name);
        const spelling: { entity: Entity; name: string; edition?: number } = { entity: known, name };
        if (year && form.name !== name) spelling.edition = Number(year[0]);
        found.push(spelling);
      }
    }
    return found;
  }

  /**
   * One pseudo-entity per entity, named by the spellings the catalog lacks; sorted, in the order of
   * neither the documents nor their mentions: an index of the same corpus read in another order (a
   * warm start, worker threads) learns the same names under the same signature.
   */
  private entities(entity: (id: string) => Entity | undefined, qualifiers: ReadonlySet<string>): Entity[] {
    const learned: Entity[] = [];
    for (const [id, counts] of this.surfaces) {
      const known = entity(id);
      if (!known) continue;
      const { taken, shortForms } = this.namesOfEntity(known);
      const names = new Set<string>();
      for (const surface of counts.keys()) {
        const form = this.surfaceName(surface, qualifiers);
        if (!form || taken.has(form.key) || shortForms.has(form.unqualified) || (form.words === 1 && !known.discovered && !INITIALS.test(form.name))) continue;
        names.add(form.name);
        // "CSTO Forces of Collective Rapid Reaction" teaches the name after the organisation's too.
        if (form.unqualified !== form.key && form.unqualified.includes(' ') && !taken.has(form.unqualified)) names.add(form.name.slice(form.name.search(/\s/) + 1));
      }
      if (!names.size) continue;
      const [name, ...aliases] = [...names].sort();
      // A one-word discovered name ("Granite") may be an ordinary word: in a note it needs a capital
      // mid-sentence. Capitalised words joined by hyphens ("Kanal-Issyk-Kul") are none.
      learned.push({ id, kind: known.kind, name, aliases, commonWord: [...names].filter((n) => !/\s/.test(n) && !HYPHENATED_NAME.test(n)) });
    }
    return learned.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}
