// Finds mentions of catalog entities in text. The matcher is built once per catalog: a trie over
// word keys of every name, alias and edition name, walked once per word of the text, longest
// match first, with context rules for names that are also ordinary words.

import { ancestorsOf } from '../catalog/entities';
import { SERIES_KINDS, STATE_PARTICIPLES } from '../catalog/vocabulary';
import { CommonWordContext, type TextMode } from './commonWords';
import type { Entity, EntityKind, Mention } from '../model';
import { HashSet, endsPossessive, hashesOfKey, nameKeys, splitWords, startsCapital, type Words } from '../text/words';
import type { NamePattern, TrieNode } from './nameTrie';
import { bracketedAbbreviation, DETERMINERS, gapAllowed, isAbbreviation, isRussianForm, longerNameAt, nationalBody, russianFormPrefix, sameAbbreviation, spacesOnly, startsRussianName, writtenNames, type WrittenName } from './nameForms';

/** After a series name: "-2021", " 2021", " - 2021", "\u201d 2021" ... */
const EDITION_SUFFIX = /^(["\u201d\u00bb\u2019']?)(?:[ \t\u00a0]*[-\u2010-\u2014][ \t\u00a0]*|[ \t\u00a0]+)?((?:19|20)\d\d)(?![\p{L}\p{N}])/u;
/** How far back a full mention makes a short form resolvable. */
const SHORT_FORM_REACH = 4000;
/** "in " (or "in Kazakh and ") before a state's adjective, and the end of the phrase after it: the language ("in Russian."). */
const IN_LANGUAGE_BEFORE = /(?:^|[^\p{L}])in[ \u00a0](?:\p{Lu}\p{L}+[ \u00a0]+(?:and|or)[ \u00a0])?$/u;
const LANGUAGE_AFTER = /^(?:[.,;:)\]]|[ \u00a0]+(?:and|or)[ \u00a0]|\s*$)/;
/** One word that is no country's own name ("Russian", "Kyrgyz", "Tajik"; not "Kirghizia", "Kazakstan"). */
const ADJECTIVE_FORM = /^\p{L}+(?<!a|stan)$/u;
/** Words each starting with a capital but for the connectors between them: how a short form is written. */
const CAPITALISED_WORDS = /^\p{Lu}[\p{L}'’-]*(?:\s+(?:(?:of|for|on|and|the|in)\s+)*\p{Lu}[\p{L}'’-]*)*$/u;

export type { TextMode } from './commonWords';

const POSSESSIVE = /['\u2019][sS]$/;

export class MentionMatcher {
  private readonly root: TrieNode = { next: new Map(), patterns: [] };
  /** Single-word names of organisations, which may qualify the names of their bodies ("CSTO Secretariat"). */
  private readonly qualifiers = new Map<string, Set<string>>();
  private readonly byId = new Map<string, Entity>();

  /** One-word names and adjectives of states: "Russia", "Russian", "Kazakh". */
  readonly stateWords: ReadonlySet<string>;

  constructor(entities: readonly Entity[]) {
    for (const entity of entities) this.byId.set(entity.id, entity);
    this.stateWords = new Set(entities.filter((e) => e.kind === 'state').flatMap((e) => [e.name, ...e.aliases].map(nameKeys).filter((keys) => keys.length === 1).map(([key]) => key)));
    const variants: [Entity, WrittenName][] = [];
    for (const entity of entities) {
      const { names, numberVariants } = writtenNames(entity);
      for (const name of names) this.add(entity, name.written, name.shortForm, name.common, name.edition);
      for (const variant of numberVariants) variants.push([entity, variant]);
      if (entity.kind === 'organization') this.addQualifiers(entity);
    }
    // A variant never takes a name another entity has.
    for (const [entity, variant] of variants) if (!this.nodeOf(nameKeys(variant.written))?.patterns.length) this.add(entity, variant.written, false, variant.common);
  }

  private nodeOf(keys: string[]): TrieNode | undefined {
    let node: TrieNode | undefined = this.root;
    for (const key of keys) node = node?.next.get(key);
    return node;
  }

  get entities(): ReadonlyMap<string, Entity> {
    return this.byId;
  }

  private add(entity: Entity, written: string, shortForm: boolean, common: boolean, edition?: number): void {
    const keys = nameKeys(written);
    if (!keys.length) return;
    // Which words of the name are written with a possessive: the name goes on past them.
    const spelled = /['\u2019]/.test(written) ? splitWords(written) : undefined;
    let node = this.root;
    keys.forEach((key, k) => {
      let child = node.next.get(key);
      if (!child) node.next.set(key, (child = { next: new Map(), patterns: [] }));
      if (spelled && keys.length === spelled.length && POSSESSIVE.test(written.slice(spelled.starts[k], spelled.ends[k]))) child.possessive = true;
      node = child;
    });
    const pattern: NamePattern = { entity, written, caseSensitive: isAbbreviation(written), shortForm, common };
    if (keys.length === 1 && !pattern.caseSensitive && startsRussianName(written)) pattern.russianForm = russianFormPrefix(written);
    if (edition !== undefined) pattern.edition = edition;
    node.patterns.push(pattern);
  }

  private addQualifiers(organization: Entity): void {
    const keys = new Set<string>();
    for (const name of [organization.name, ...organization.aliases]) {
      const nameWords = nameKeys(name);
      if (nameWords.length === 1) keys.add(nameWords[0]);
    }
    this.qualifiers.set(organization.id, keys);
    for (const key of keys) this.qualifierKeys.add(key);
  }

  /**
   * Every mention in `text`, in order. `words` may be passed when the caller has split it already.
   * In a note, a name that is an ordinary word also counts when capitalised mid-sentence.
   */
  findMentions(text: string, words: Words = splitWords(text), mode: TextMode = 'corpus'): Mention[] {
    return new MatchRun(this, text, words, mode).run();
  }

  /** @internal Calls `visit` for every trie node with names that the words from `first` on spell. */
  walk(text: string, words: Words, first: number, visit: (node: TrieNode, last: number) => void): void {
    const step = (node: TrieNode, index: number) => {
      // A word may be matched alone or, when hyphenated, joined with the words it is hyphenated to.
      let joined = words.key(index);
      let last = index;
      follow(node, joined, last);
      while (words.joinNext[last]) {
        joined += words.key(++last);
        follow(node, joined, last);
      }
    };
    const follow = (node: TrieNode, key: string, end: number) => {
      const child = node.next.get(key);
      if (!child) return;
      if (child.patterns.length) visit(child, end);
      if (end + 1 >= words.length) return;
      // A name does not run on past a possessive: "the CRRF's command" is not the CRRF Command.
      if (!child.possessive && endsPossessive(text, words.ends[end])) return;
      if (gapAllowed(text, words.ends[end], words.starts[end + 1])) step(child, end + 1);
      else if (child.next.size && bracketedAbbreviation(text, words, end + 1)) step(child, end + 2);
    };
    if (first < words.length) step(this.root, first);
  }

  /** @internal */
  isQualifier(key: string): boolean {
    return this.qualifierKeys.has(key);
  }

  /** @internal False when no name or qualifier starts with a word of this hash. */
  mayStart(hash: number): boolean {
    if (!this.startHashes) {
      this.startHashes = new HashSet([...this.root.next.keys(), ...this.qualifierKeys].flatMap(hashesOfKey));
    }
    return this.startHashes.has(hash);
  }

  private readonly qualifierKeys = new Set<string>();
  private startHashes: HashSet | undefined;

  /** @internal The organisation an entity belongs to that has single-word names, and those names. */
  qualifierOf(entity: Entity): { id: string; keys: Set<string> } | undefined {
    if (this.qualifierCache.has(entity.id)) return this.qualifierCache.get(entity.id);
    let found: { id: string; keys: Set<string> } | undefined;
    for (const parent of ancestorsOf(entity, (id) => this.byId.get(id))) {
      const keys = this.qualifiers.get(parent.id);
      if (keys) {
        found = { id: parent.id, keys };
        break;
      }
    }
    this.qualifierCache.set(entity.id, found);
    return found;
  }

  private readonly qualifierCache = new Map<string, { id: string; keys: Set<string> } | undefined>();
  private readonly contextCache = new Map<string, { notAfter: string[][]; notBefore: string[][] }>();

  /** @internal Phrases compiled to word keys, cached per entity. */
  contextKeys(entity: Entity): { notAfter: string[][]; notBefore: string[][] } {
    let keys = this.contextCache.get(entity.id);
    if (!keys) this.contextCache.set(entity.id, (keys = { notAfter: (entity.notAfter ?? []).map(nameKeys), notBefore: (entity.notBefore ?? []).map(nameKeys) }));
    return keys;
  }
}

/** A mention found from word `first`, and the word after it. */
type Found = { mention: Mention; first: number; next: number; shortForm: boolean };

/** One pass of the matcher over one text. */
class MatchRun {
  private readonly mentions: Mention[] = [];
  /** Where each entity was last named in full, for resolving short forms. */
  private readonly lastFullMention = new Map<string, number>();
  /** How many times the text has named each entity in full so far. */
  private readonly fullMentions = new Map<string, number>();
  /** Entities (and the series of stages) already named in this text: their common-word names may recur plainly. */
  private readonly established = new Set<string>();

  private readonly commonWords: CommonWordContext;

  constructor(
    private readonly matcher: MentionMatcher,
    private readonly text: string,
    private readonly words: Words,
    mode: TextMode,
  ) {
    this.commonWords = new CommonWordContext(text, words, mode, this.established, (kind, i) => this.nameEnd(kind, i));
  }

  run(): Mention[] {
    for (let i = 0; i < this.words.length; ) i = this.matchAt(i);
    return this.mentions;
  }

  /** Records the mention that starts at word i, if any; returns the index of the next word to try. */
  private matchAt(i: number): number {
    const { words, text } = this;
    // Most words start no name: their hash says so without making their key.
    if (!this.matcher.mayStart(words.hashes[i]) && !words.joinNext[i]) return i + 1;
    // "CSTO Secretariat" is one mention of the Secretariat, not the CSTO and then the Secretariat.
    if (this.matcher.isQualifier(words.key(i)) && i + 1 < words.length && spacesOnly(text, words.ends[i], words.starts[i + 1])) {
      const qualified = this.matchFrom(i + 1);
      const entity = qualified && this.matcher.entities.get(qualified.mention.entityId)!;
      // "the CSTO's Rubezh-2033" names the organisation, then its exercise ("the CSTO's Crisis
      // Reaction Center" is one name of the centre).
      if (entity && this.matcher.qualifierOf(entity)?.keys.has(words.key(i)) && !(SERIES_KINDS.has(entity.kind) && endsPossessive(text, words.ends[i]))) {
        qualified.mention.start = words.starts[i];
        qualified.mention.surface = text.slice(qualified.mention.start, qualified.mention.end);
        qualified.first = i;
        return this.record(qualified);
      }
    }
    const found = this.matchFrom(i);
    return found ? this.record(found) : i + 1;
  }

  /** The text has named an entity in full, ending at `end`: where, and once more. */
  private namedInFull(entityId: string, end: number): void {
    this.lastFullMention.set(entityId, end);
    this.fullMentions.set(entityId, (this.fullMentions.get(entityId) ?? 0) + 1);
  }

  private record(found: Found): number {
    this.mentions.push(found.mention);
    if (!found.shortForm) {
      this.namedInFull(found.mention.entityId, found.mention.end);
      this.established.add(found.mention.entityId);
      const entity = this.matcher.entities.get(found.mention.entityId);
      if (entity?.parent) this.established.add(entity.parent);
      // "the Joint Staff of the CSTO", "the CSTO Secretariat" name the organisation too: "the
      // Organization" may then refer to it.
      const qualifier = entity && this.matcher.qualifierOf(entity);
      if (qualifier && [found.first, found.next - 1].some((w) => qualifier.keys.has(this.words.key(w)))) this.namedInFull(qualifier.id, found.mention.end);
      // "the Council of the CSTO Parliamentary Assembly" names the Assembly too: "the Assembly" may
      // then refer to it.
      const parent = entity?.parent ? this.matcher.entities.get(entity.parent) : undefined;
      if (parent?.kind === 'body' && this.namesInside(parent.id, found.first + 1, found.next)) this.lastFullMention.set(parent.id, found.mention.end);
    }
    return found.next;
  }

  /** True when a full name of the entity is written from a word in [from, to) and ends before `to`. */
  private namesInside(entityId: string, from: number, to: number): boolean {
    let found = false;
    for (let w = from; w < to && !found; w++) {
      this.matcher.walk(this.text, this.words, w, (node, last) => {
        if (last < to && node.patterns.some((p) => !p.shortForm && p.entity.id === entityId)) found = true;
      });
    }
    return found;
  }

  /** The longest acceptable name that starts at word i. */
  private matchFrom(i: number): Found | undefined {
    // A match may not start inside a hyphenated word ("Telegram-channel"), but for a compound of
    // states ("the Tajik-Afghan border" names both).
    if (i > 0 && this.words.joinNext[i - 1] && !this.stateCompound(i - 1)) return undefined;
    const candidates: { node: TrieNode; last: number }[] = [];
    this.matcher.walk(this.text, this.words, i, (node, last) => candidates.push({ node, last }));
    candidates.sort((a, b) => b.last - a.last);
    for (const { node, last } of candidates) {
      if (this.words.joinNext[last] && !this.stateCompound(last)) continue;
      const accepted = this.accept(node.patterns, i, last);
      if (accepted) return { mention: accepted.mention, first: i, next: last + 1, shortForm: accepted.pattern.shortForm };
    }
    return undefined;
  }

  /** The last word of the longest catalog name of a kind written from word i on, -1 if none is. */
  private nameEnd(kind: EntityKind, i: number): number {
    let end = -1;
    this.matcher.walk(this.text, this.words, i, (node, last) => {
      if (node.patterns.some((p) => p.entity.kind === kind)) end = Math.max(end, last);
    });
    return end;
  }

  /**
   * True when a catalog name is written from word i on that may own a body of `entity`'s: any but
   * another organisation's ("the Council of Defence Ministers of the Commonwealth of Independent
   * States" is the CIS's council, not the CSTO's).
   */
  private ownerNameAt(i: number, entity: Entity): boolean {
    let found = false;
    const own = this.matcher.qualifierOf(entity)?.id;
    this.matcher.walk(this.text, this.words, i, (node) => {
      if (node.patterns.some((p) => p.entity.kind !== 'organization' || p.entity.id === own)) found = true;
    });
    return found;
  }

  /** True when words i and i + 1, hyphenated, are both names or adjectives of states, or a state and "led" ("a Russia-led bloc"). */
  private stateCompound(i: number): boolean {
    return this.matcher.stateWords.has(this.words.key(i)) && (this.matcher.stateWords.has(this.words.key(i + 1)) || STATE_PARTICIPLES.has(this.words.key(i + 1)));
  }

  private accept(patterns: NamePattern[], first: number, last: number): { mention: Mention; pattern: NamePattern } | undefined {
    const start = this.words.starts[first];
    const surface = this.text.slice(start, this.words.ends[last]);
    const shortForms = patterns.filter((p) => p.shortForm);
    const accepted: { mention: Mention; pattern: NamePattern }[] = [];
    for (const pattern of patterns) {
      if (pattern.shortForm || accepted.some((a) => a.pattern.entity === pattern.entity)) continue;
      const mention = this.check(pattern, first, last, surface);
      if (mention) accepted.push({ mention, pattern });
    }
    if (accepted.length === 1) return accepted[0];
    if (accepted.length > 1) {
      // One name, several entities: the one this text named last decides; otherwise say so.
      const named = accepted.filter((a) => this.lastFullMention.has(a.pattern.entity.id));
      if (named.length) return named.sort((a, b) => this.lastFullMention.get(b.pattern.entity.id)! - this.lastFullMention.get(a.pattern.entity.id)!)[0];
      accepted[0].mention.alternatives = accepted.slice(1).map((a) => a.pattern.entity.id);
      return accepted[0];
    }
    if (shortForms.length) {
      // Of the entities this short form may mean, the one named in full most recently; but "the
      // Organization" is the organisation the text names most, which a passing mention of another
      // ("… drafting a memorandum with the Shanghai Cooperation Organization …") does not displace.
      let best: NamePattern | undefined;
      let bestAt = -1;
      const times = (p: NamePattern) => this.fullMentions.get(p.entity.id) ?? 0;
      for (const pattern of shortForms) {
        const at = this.lastFullMention.get(pattern.entity.id);
        if (at === undefined || start - at > SHORT_FORM_REACH) continue;
        const byCount = best && pattern.entity.kind === 'organization' && best.entity.kind === 'organization' && times(pattern) !== times(best);
        if (!best || (byCount ? times(pattern) > times(best) : at > bestAt)) {
          best = pattern;
          bestAt = at;
        }
      }
      const mention = best && this.check(best, first, last, surface);
      if (mention) return { mention, pattern: best! };
    }
    return undefined;
  }

  private check(pattern: NamePattern, first: number, last: number, surface: string): Mention | undefined {
    const { text, words } = this;
    const entity = pattern.entity;
    // "The CSC's decision": the name is "CSC", the possessive is not part of it.
    const possessive = POSSESSIVE.test(surface) && !POSSESSIVE.test(pattern.written) ? 2 : 0;
    if (pattern.caseSensitive && !sameAbbreviation(surface.slice(0, surface.length - possessive), pattern.written)) return undefined;
    if (pattern.russianForm !== undefined && !isRussianForm(surface, pattern.russianForm)) return undefined;
    const start = words.starts[first];
    let end = words.ends[last] - possessive;
    let edition = pattern.edition;
    if (edition === undefined && SERIES_KINDS.has(entity.kind)) {
      const suffix = EDITION_SUFFIX.exec(text.slice(end, end + 12));
      if (suffix) {
        edition = Number(suffix[2]);
        end += suffix[0].length;
      }
    }
    const context = this.matcher.contextKeys(entity);
    if (context.notAfter.some((keys) => this.wordsBefore(first, keys))) return undefined;
    if (context.notBefore.some((keys) => this.wordsAfter(last, keys))) return undefined;
    // The organisation's own qualifiers ("CSTO"), for a body and for a short form.
    const own = entity.kind === 'body' || pattern.shortForm ? this.matcher.qualifierOf(entity)?.keys : undefined;
    if (entity.kind === 'body' && nationalBody(text, words, first, last, this.matcher.stateWords, (key) => (own?.has(key) ? 'own' : this.matcher.isQualifier(key) ? 'other' : undefined))) return undefined;
    if (pattern.common && edition === undefined && !this.commonWords.meansName(entity, first, last, start, end, surface, pattern.written)) return undefined;
    // "Rossiya-24", "Kazakhstan-2050": a state's name joined to a number names a channel or a plan.
    if (entity.kind === 'state' && /^[-\u2010\u2011]\d/.test(text.slice(end, end + 2))) return undefined;
    // "one copy in Russian.", "in Kazakh and Russian": a state's adjective alone after "in" is its language.
    if (entity.kind === 'state' && first > 0 && surface !== entity.name && ADJECTIVE_FORM.test(surface) && IN_LANGUAGE_BEFORE.test(text.slice(Math.max(0, start - 30), start)) && LANGUAGE_AFTER.test(text.slice(end, end + 6))) return undefined;
    // A short form stands alone: "the Council", not the "Council" of another name ("Security
    // Council"); a capitalised determiner opening the sentence is no name ("The Working Group is …").
    if (pattern.shortForm && first > 0 && startsCapital(text, words.starts[first - 1]) && !DETERMINERS.has(words.key(first - 1)) && spacesOnly(text, words.ends[first - 1], start)) {
      return undefined;
    }
    // Every word capitalised: "Allied staff officers" are no "Allied Staff".
    if (pattern.shortForm && (!CAPITALISED_WORDS.test(surface) || longerNameAt(text, words, last, own) >= 0)) return undefined;
    // "the Military Committee of the Union State": another organisation's body, when what follows
    // "of the" (past the name's initials in brackets) is capitalised, not the CSTO, and no name the
    // catalog knows or another organisation's ("… of the Commonwealth of Independent States").
    const owner = entity.kind === 'body' && !pattern.shortForm ? longerNameAt(text, words, last, own, true) : -1;
    if (owner >= 0 && !this.ownerNameAt(owner, entity)) return undefined;
    const mention: Mention = { entityId: entity.id, start, end, surface: text.slice(start, end) };
    if (edition !== undefined) mention.edition = edition;
    return mention;
  }

  /** True when the words just before word `first` are `keys`. */
  private wordsBefore(first: number, keys: string[]): boolean {
    if (!keys.length || keys.length > first) return false;
    return keys.every((key, k) => this.words.key(first - keys.length + k) === key);
  }

  /** True when the words just after word `last` are `keys`. */
  private wordsAfter(last: number, keys: string[]): boolean {
    if (!keys.length || last + keys.length >= this.words.length) return false;
    return keys.every((key, k) => this.words.key(last + 1 + k) === key);
  }
}
