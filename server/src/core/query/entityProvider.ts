// The entities as the editor asks after them: which one a place of a document names, its card,
// where it is defined, every place it is mentioned (the corpus's, then the notes'), the names to
// complete as one types, and the lookups by name and by passage title. Plain data with offsets;
// the completion list is made again only when the names change.

import { mentionAtOffset, type IndexedDocument, type IndexedMention } from '../analysis/analyseDocument';
import { namesOf } from '../catalog/entities';
import type { CorpusIndex } from '../index/corpusIndex';
import type { NoteIndex } from '../index/noteIndex';
import type { Entity, FoundMention, Passage, TextSource } from '../model';
import { renderEntityCard, type CardRendering } from '../render/card';
import type { LineTable } from '../text/lines';
import { cardFacts, type CardOptions } from './cardFacts';
import { languageOf } from '../text/russian';
import { NameCompleter, type NameCompletion } from './nameCompleter';
import { passagesByTitle } from './passageSearch';

/** Documents the whole card lists before "and N more" (the Entities view lists every mention). */
const FULL_CARD_DOCUMENTS = 50;

export interface EntityHit {
  entity: Entity;
  mention: FoundMention;
}

export interface SourceMention {
  document: IndexedDocument;
  mention: IndexedMention;
  /** The defining (or first-reporting) sentence the mention stands in. */
  sentence: { start: number; end: number };
}

/** A place in a corpus document or a note, with the line table that turns its offsets into positions. */
export interface MentionPlace {
  uri: string;
  start: number;
  end: number;
  lines: LineTable;
  /** True for a note, false for a corpus document. */
  note: boolean;
}

export class EntityProvider {
  private completer: NameCompleter | undefined;
  private completerFor: { index: CorpusIndex; version: string } | undefined;

  /** `index` and `notes` give those in use: a full index may replace them whole. */
  constructor(
    private readonly index: () => CorpusIndex,
    private readonly notes: () => NoteIndex,
  ) {}

  /** The mentions of a document: the index's for a corpus document, else the note's. */
  mentionsIn(source: TextSource): readonly FoundMention[] {
    return this.index().get(source.uri)?.mentions.toArray() ?? this.notes().mentionsIn(source);
  }

  /** The entity a mention names; a name discovered only in a note is an entity of that note. */
  entityOf(mention: FoundMention): Entity | undefined {
    const entity = this.index().entity(mention.entityId);
    if (entity || !mention.discovered) return entity;
    const { kind, name, parent } = mention.discovered;
    return { id: mention.entityId, kind, name, aliases: [], discovered: true, ...(parent ? { parent } : {}) };
  }

  entityAt(source: TextSource, offset: number): EntityHit | undefined {
    const mention = this.index().has(source.uri) ? this.index().mentionAt(source.uri, offset) : mentionAtOffset(this.notes().mentionsIn(source), offset);
    const entity = mention && this.entityOf(mention);
    return entity && mention ? { entity, mention } : undefined;
  }

  hover(source: TextSource, offset: number, options: { maxDocuments?: number; quoteCommands?: boolean } = {}): { markdown: string; start: number; end: number } | undefined {
    const hit = this.entityAt(source, offset);
    if (!hit) return undefined;
    // The card is read in the language the line is written in: its definition is chosen in it where the corpus has one.
    const text = source.getText();
    const line = { from: text.lastIndexOf('\n', hit.mention.start) + 1, to: text.indexOf('\n', hit.mention.end) };
    const language = languageOf(text, line.from, line.to < 0 ? text.length : line.to);
    const cardOptions: CardOptions = { maxDocuments: options.maxDocuments, inNotes: this.notes().countsOf(hit.entity.id), language };
    if (hit.mention.edition !== undefined) cardOptions.edition = hit.mention.edition;
    const alternatives = (hit.mention.alternatives ?? []).map((id) => this.index().entity(id)).filter((e): e is Entity => !!e);
    if (alternatives.length) cardOptions.alternatives = alternatives;
    return { markdown: renderEntityCard(cardFacts(hit.entity, this.index(), cardOptions), { quoteCommands: options.quoteCommands }), start: hit.mention.start, end: hit.mention.end };
  }

  /** The entity card, as on hover. */
  card(entityId: string, rendering: CardRendering = {}, edition?: number): string | undefined {
    const entity = this.index().entity(entityId);
    if (!entity) return undefined;
    // The whole card (the side panel's) lists up to FULL_CARD_DOCUMENTS documents.
    const options = { inNotes: this.notes().countsOf(entity.id), edition, ...(rendering.full ? { maxDocuments: FULL_CARD_DOCUMENTS } : {}) };
    return renderEntityCard(cardFacts(entity, this.index(), options), rendering);
  }

  /** Where an entity is defined (or first reported) in the corpus. */
  definitionOf(entityId: string, edition?: number | undefined): SourceMention | undefined {
    const definition = this.index().definitionOf(entityId, edition);
    return definition && { document: definition.document, mention: definition.mention, sentence: definition.sentence };
  }

  /** Every mention of the entity at an offset, the corpus's then the notes', up to `limit`; `total` counts them all. */
  references(source: TextSource, offset: number, limit = Infinity): { entity?: Entity; places: MentionPlace[]; total: number } {
    const hit = this.entityAt(source, offset);
    if (!hit) return { places: [], total: 0 };
    const index = this.index();
    const id = hit.entity.id;
    const places: MentionPlace[] = index.mentionsOf(id, limit).map((m) => ({ uri: m.uri, start: m.start, end: m.end, lines: index.get(m.uri)!.lines, note: false }));
    const inNotes = this.notes().mentionsOf(id);
    for (const { note, mentions } of inNotes) {
      for (const m of mentions) {
        if (places.length >= limit) break;
        places.push({ uri: note.uri, start: m.start, end: m.end, lines: note.lines, note: true });
      }
    }
    // Every place is listed, reprints too: the total counts them all.
    const total = index.mentionCount(id) + index.reprintedCount(id) + inNotes.reduce((n, { mentions }) => n + mentions.length, 0);
    return { entity: hit.entity, places, total };
  }

  /** Names for the words before the cursor: an exact name first, then the most mentioned. */
  complete(linePrefix: string, limit?: number): { items: NameCompletion[]; incomplete: boolean } {
    const index = this.index();
    // Discovered entities and the corpus's spellings come and go with the documents; the name list follows them.
    const version = `${index.discoveryVersion}/${index.spellingsVersion}`;
    if (!this.completer || this.completerFor?.index !== index || this.completerFor.version !== version || this.completer.knowledge !== index.knowledge) {
      this.completer = new NameCompleter(index.entities(), index.knowledge, index.spellings());
      this.completerFor = { index, version };
    }
    return this.completer.complete(linePrefix, (e) => index.mentionCount(e.id), limit);
  }

  /** Entities whose name or alias contains the query's characters in order (empty query: all), the most mentioned first. */
  findEntities(query: string, limit = 200): Entity[] {
    const index = this.index();
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
    const found = index.entities().filter((e) => !q || namesOf(e).some(matches));
    found.sort((a, b) => index.mentionCount(b.id) - index.mentionCount(a.id) || a.name.localeCompare(b.name));
    return found.slice(0, limit);
  }

  /** Passages whose title holds every word of the query, the newest first; at most `limit`. */
  findPassages(query: string, limit = 100): { document: IndexedDocument; passage: Passage }[] {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    if (!words.length) return [];
    const found = passagesByTitle(this.index().documents(), words);
    found.sort((a, b) => (b.passage.date ?? b.document.date ?? '').localeCompare(a.passage.date ?? a.document.date ?? '') || a.passage.title.localeCompare(b.passage.title));
    return found.slice(0, limit);
  }

  dispose(): void {
    this.completer = undefined;
  }
}
