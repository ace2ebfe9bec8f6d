// The language service: the read-only facade every feature handler sees. It answers in plain data
// with character offsets, from the index the sync keeps current; it never changes the index. Notes
// (documents that are not in the corpus) are matched on demand and cached by version.

import { findAllMentions, mentionAtOffset, type IndexedDocument, type IndexedMention } from './analysis/analyseDocument';
import { Intervals } from './analysis/spans';
import { namesOf } from './catalog/entities';
import type { Knowledge } from './catalog/knowledge';
import type { CorpusIndex } from './index/corpusIndex';
import type { Entity, FoundMention } from './model';
import { cardFacts, type CardOptions } from './query/cardFacts';
import { NameCompleter, type NameCompletion } from './query/nameCompleter';
import { entityFacts, mentionFacts, passageFacts, type EntityFacts, type MentionFacts, type PassageFacts } from './query/summaries';
import { renderEntityCard } from './render/card';
import type { Disposable } from './sync/host';

/** An open document as the editor has it. */
export interface TextSource {
  uri: string;
  version: number;
  getText(): string;
}

export interface EntityHit {
  entity: Entity;
  mention: FoundMention;
}

export interface SourceMention {
  document: IndexedDocument;
  mention: IndexedMention;
}

export interface LanguageService extends Disposable {
  /** A corpus document of the index. */
  document(uri: string): IndexedDocument | undefined;
  documents(): readonly IndexedDocument[];
  /** A corpus document's text (read again when the index does not keep it); '' if unreadable. */
  textOf(doc: IndexedDocument): string;
  /** A catalog entity or one discovered in the corpus. */
  entity(id: string): Entity | undefined;
  entities(): Entity[];
  /** The mentions of a document: from the index for a corpus document, else matched now. */
  mentionsIn(source: TextSource): readonly FoundMention[];
  /** The entity a mention names; a name discovered only in a note is an entity of that note. */
  entityOf(mention: FoundMention): Entity | undefined;
  entityAt(source: TextSource, offset: number): EntityHit | undefined;
  hover(source: TextSource, offset: number, options?: { maxDocuments?: number }): { markdown: string; start: number; end: number } | undefined;
  /** The entity card, as on hover. */
  card(entityId: string): string | undefined;
  /** Where an entity is defined (or first reported) in the corpus. */
  definitionOf(entityId: string): SourceMention | undefined;
  /** Every mention of the entity at an offset, up to `limit`; `total` counts them all. */
  references(source: TextSource, offset: number, limit?: number): { entity?: Entity; mentions: IndexedMention[]; total: number };
  complete(linePrefix: string, limit?: number): { items: NameCompletion[]; incomplete: boolean };
  mentionCount(entityId: string): number;
  /** Entities whose name or alias contains the query's characters in order (empty query: all). */
  findEntities(query: string, limit?: number): Entity[];
  entityFacts(entity: Entity): EntityFacts;
  passageFacts(doc: IndexedDocument): PassageFacts[];
  mentionFacts(entityId: string, limit: number): MentionFacts[];
  /** A note was closed: its cached mentions are dropped. */
  forgetNote(uri: string): void;
}

const NOTE_CACHE_SIZE = 64;

/** Adds to a note's mentions the names the corpus was found to use, where nothing else was found. */
function withLearnedNames(text: string, mentions: FoundMention[], index: CorpusIndex): FoundMention[] {
  const learned = index.learnedMatcher().findMentions(text, undefined, 'note');
  if (!learned.length) return mentions;
  const taken = new Intervals(mentions);
  const free = learned.filter((l) => !taken.overlaps(l.start, l.end));
  return free.length ? [...mentions, ...free].sort((a, b) => a.start - b.start) : mentions;
}

export function createLanguageService(index: CorpusIndex): LanguageService {
  return new CorpusLanguageService(index);
}

class CorpusLanguageService implements LanguageService {
  private completer: NameCompleter | undefined;
  private completerVersion = -1;
  private readonly noteCache = new Map<string, { version: number; length: number; mentions: FoundMention[] }>();
  /** The knowledge and learned names the cached note mentions were found with. */
  private noteKnowledge: Knowledge | undefined;
  private noteLearned = -1;

  constructor(private readonly index: CorpusIndex) {}

  document(uri: string): IndexedDocument | undefined {
    return this.index.get(uri);
  }

  documents(): readonly IndexedDocument[] {
    return this.index.documents();
  }

  textOf(doc: IndexedDocument): string {
    return this.index.textOf(doc);
  }

  entity(id: string): Entity | undefined {
    return this.index.entity(id);
  }

  entities(): Entity[] {
    return this.index.entities();
  }

  mentionsIn(source: TextSource): readonly FoundMention[] {
    const indexed = this.index.get(source.uri);
    if (indexed) return indexed.mentions;
    const knowledge = this.index.knowledge;
    if (this.noteKnowledge !== knowledge || this.noteLearned !== this.index.learnedVersion) {
      this.noteCache.clear();
      this.noteKnowledge = knowledge;
      this.noteLearned = this.index.learnedVersion;
    }
    const cached = this.noteCache.get(source.uri);
    const text = source.getText();
    if (cached && cached.version === source.version && cached.length === text.length) return cached.mentions;
    const mentions = withLearnedNames(text, findAllMentions(text, knowledge, 'note'), this.index);
    this.noteCache.delete(source.uri);
    this.noteCache.set(source.uri, { version: source.version, length: text.length, mentions });
    if (this.noteCache.size > NOTE_CACHE_SIZE) this.noteCache.delete(this.noteCache.keys().next().value!);
    return mentions;
  }

  forgetNote(uri: string): void {
    this.noteCache.delete(uri);
  }

  entityOf(mention: FoundMention): Entity | undefined {
    const entity = this.index.entity(mention.entityId);
    if (entity || !mention.discovered) return entity;
    const { kind, name, parent } = mention.discovered;
    return { id: mention.entityId, kind, name, aliases: [], discovered: true, ...(parent ? { parent } : {}) };
  }

  entityAt(source: TextSource, offset: number): EntityHit | undefined {
    const mention = mentionAtOffset(this.mentionsIn(source), offset);
    const entity = mention && this.entityOf(mention);
    return entity && mention ? { entity, mention } : undefined;
  }

  hover(source: TextSource, offset: number, options: { maxDocuments?: number } = {}): { markdown: string; start: number; end: number } | undefined {
    const hit = this.entityAt(source, offset);
    if (!hit) return undefined;
    const cardOptions: CardOptions = { ...options };
    if (hit.mention.edition !== undefined) cardOptions.edition = hit.mention.edition;
    const alternatives = (hit.mention.alternatives ?? []).map((id) => this.entity(id)).filter((e): e is Entity => !!e);
    if (alternatives.length) cardOptions.alternatives = alternatives;
    return { markdown: renderEntityCard(cardFacts(hit.entity, this.index, cardOptions)), start: hit.mention.start, end: hit.mention.end };
  }

  card(entityId: string): string | undefined {
    const entity = this.entity(entityId);
    return entity && renderEntityCard(cardFacts(entity, this.index));
  }

  definitionOf(entityId: string): SourceMention | undefined {
    const definition = this.index.definitionOf(entityId);
    return definition && { document: definition.document, mention: definition.mention };
  }

  references(source: TextSource, offset: number, limit = Infinity): { entity?: Entity; mentions: IndexedMention[]; total: number } {
    const hit = this.entityAt(source, offset);
    if (!hit) return { mentions: [], total: 0 };
    return { entity: hit.entity, mentions: this.index.mentionsOf(hit.entity.id, limit), total: this.index.mentionCount(hit.entity.id) };
  }

  complete(linePrefix: string, limit?: number): { items: NameCompletion[]; incomplete: boolean } {
    // Discovered entities come and go with the documents; the name list follows them.
    const version = this.index.discoveryVersion;
    if (!this.completer || version !== this.completerVersion || this.completer.knowledge !== this.index.knowledge) {
      this.completer = new NameCompleter(this.index.entities(), this.index.knowledge);
      this.completerVersion = version;
    }
    return this.completer.complete(linePrefix, (e) => this.index.mentionCount(e.id), limit);
  }

  mentionCount(entityId: string): number {
    return this.index.mentionCount(entityId);
  }

  findEntities(query: string, limit = 200): Entity[] {
    const q = query.toLowerCase().replace(/\s+/g, '');
    const matches = (name: string) => {
      const n = name.toLowerCase();
      let at = 0;
      for (const c of q) {
        at = n.indexOf(c, at) + 1;
        if (!at) return false;
      }
      return true;
    };
    const found = this.index.entities().filter((e) => !q || namesOf(e).some(matches));
    found.sort((a, b) => this.index.mentionCount(b.id) - this.index.mentionCount(a.id) || a.name.localeCompare(b.name));
    return found.slice(0, limit);
  }

  entityFacts(entity: Entity): EntityFacts {
    return entityFacts(this.index, entity, this.definitionOf(entity.id));
  }

  passageFacts(doc: IndexedDocument): PassageFacts[] {
    return passageFacts(this.index, doc);
  }

  mentionFacts(entityId: string, limit: number): MentionFacts[] {
    return mentionFacts(this.index, entityId, limit);
  }

  dispose(): void {
    this.noteCache.clear();
    this.completer = undefined;
  }
}
