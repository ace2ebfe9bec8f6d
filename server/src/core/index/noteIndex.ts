// The analyst's notes, and the one owner of a note's mentions: every Markdown or plain-text file
// of the workspace that is not a corpus document (indexed by the sync, from disk or from the
// editor), and any other open document that is not a source (matched when asked, once per
// version, not counted among the notes). Their mentions answer "which of my notes discuss this", but a note is never a source:
// definitions and cards quote the corpus only. A note is matched as notes are (bare code names,
// the names the corpus was found to use), so its mentions depend on the catalog and the corpus;
// when either changes, notes are matched again the next time they are asked for.
//
// A note over LARGE_NOTE_CHARS is matched a part at a time (parts end at a blank line), by `work`,
// between requests: whole, a 14 MB note held the thread over a second. Until it is done, its
// mentions are those of the parts matched so far.
//
// A note read from disk is not kept in memory once matched (2,000 notes' texts were 11.5 MB of a
// 130 MB heap): its text is read again, and believed only if its bytes still have the hash they
// were indexed with, when it is matched again or a snippet of it is shown. An editor's text is
// kept: it is nowhere else the index can read it. Its mentions are then kept as columns of numbers
// (MentionColumns), not an object each: 2,000 notes' 60,000 mention objects were 4 MB.

import { MentionColumns, MentionWriter } from '../analysis/mentionColumns';
import { countedEntities, countsFor, type FoundMention, type TextSource } from '../model';
import { LineTable } from '../text/lines';
import type { CorpusIndex } from './corpusIndex';
import type { CachedNote } from './noteCache';
import { contextStart, LARGE_NOTE_CHARS, noteMentions, ownStrings, partEnd } from './noteMatching';

export interface IndexedNote {
  uri: string;
  lines: LineTable;
  mentions: FoundMention[];
}

/** A note as a place its mentions are in: its uri and line table. */
export type NotePlace = Omit<IndexedNote, 'mentions'>;

/** A note's text read again from disk, with the hash of its bytes; undefined when it cannot be read. */
export type NoteReader = (uri: string) => { text: string; hash: string } | undefined;

interface NoteEntry extends NotePlace {
  /** Objects while the text is kept, columns once it is let go. */
  mentions: FoundMention[] | MentionColumns;
  /** Kept for an editor's text, and while a large note is matched in parts; else read again (see above). */
  text: string | undefined;
  /** The hash of the bytes on disk the text was read from; none for an editor's text. */
  contentHash?: string | undefined;
  /** The catalog and corpus the mentions were found with. */
  analysedWith: string;
  /** Where the matching of a large note has got to; undefined once it is done. */
  matchedTo?: number | undefined;
  /** The key of the entity map the note's counts are in, if they are. */
  enteredWith?: string | undefined;
}

/** Open documents that are not indexed notes whose mentions are kept. */
const OPEN_CACHE_SIZE = 64;

export class NoteIndex {
  private readonly notes = new Map<string, NoteEntry>();
  /**
   * For each entity, the notes that mention it with how many times (and the sum), as of the last
   * time all notes were fresh: a hover's "In your notes" reads it instead of counting every note.
   */
  private byEntity = new Map<string, { notes: Map<string, number>; mentions: number }>();
  private byEntityWith = '';

  private knowledge: unknown;
  private knowledgeCount = 0;

  /** Notes still being matched in parts. */
  private readonly unfinished = new Set<NoteEntry>();
  /** Open documents that are not indexed notes (an untitled note, a file outside the notes' globs), by version. */
  private readonly open = new Map<string, { version: number; length: number; key: string; mentions: FoundMention[] }>();

  /**
   * `onUnfinished` is told when a large note waits for `work` to be matched. Without `reread`, every
   * note's text is kept.
   */
  constructor(
    private readonly index: CorpusIndex,
    private readonly onUnfinished: () => void = () => undefined,
    private readonly reread?: NoteReader,
  ) {}

  /** True while a large note is still being matched. */
  get working(): boolean {
    return this.unfinished.size > 0;
  }

  /**
   * Matches parts of large notes until the deadline; true when every note is done. A note is
   * counted in the notes' figures (mentionsOf, countsOf) once it is whole.
   */
  work(deadline: number, now: () => number = Date.now): boolean {
    for (const entry of this.unfinished) {
      const text = entry.text!;
      const found = entry.mentions as FoundMention[];
      while (entry.matchedTo! < text.length) {
        if (now() >= deadline) return false;
        const from = entry.matchedTo!;
        const to = partEnd(text, from);
        // Read with the paragraph before it, which a name's context may need (a sentence's start).
        const context = contextStart(text, from);
        for (const mention of noteMentions(text.slice(context, to), this.index)) {
          if (mention.start + context >= from) found.push({ ...mention, start: mention.start + context, end: mention.end + context });
        }
        entry.matchedTo = to;
      }
      entry.matchedTo = undefined;
      this.unfinished.delete(entry);
      this.letGo(entry);
      if (this.notes.get(entry.uri) === entry && this.byEntityWith === entry.analysedWith) this.enter(entry);
    }
    return true;
  }

  private knowledgeSerial(): number {
    if (this.knowledge !== this.index.knowledge) {
      this.knowledge = this.index.knowledge;
      this.knowledgeCount++;
    }
    return this.knowledgeCount;
  }

  get size(): number {
    return this.notes.size;
  }

  has(uri: string): boolean {
    return this.notes.has(uri);
  }

  /** Indexes (or re-indexes) one note; only that note is analysed. `contentHash`: of the bytes read from disk. */
  set(uri: string, text: string, contentHash?: string): void {
    const entry = this.put(uri, text, contentHash);
    this.match(entry);
    if (this.byEntityWith === entry.analysedWith && entry.matchedTo === undefined) this.enter(entry);
  }

  /** Indexes a note with the mentions the cache kept for it, found with the names in use now (see `cacheKey`). */
  restore(uri: string, text: string, contentHash: string, mentions: FoundMention[]): void {
    const entry = this.put(uri, text, contentHash);
    this.stopMatching(uri);
    entry.mentions = mentions;
    this.letGo(entry);
    if (this.byEntityWith === entry.analysedWith) this.enter(entry);
  }

  /** Leaves off matching a large note of this uri in parts. */
  private stopMatching(uri: string): void {
    for (const entry of this.unfinished) if (entry.uri === uri) this.unfinished.delete(entry);
  }

  private put(uri: string, text: string, contentHash: string | undefined): NoteEntry {
    const entry: NoteEntry = { uri, text, contentHash, lines: LineTable.of(text), mentions: [], analysedWith: this.currentKey() };
    this.forget(uri);
    this.notes.set(uri, entry);
    return entry;
  }

  /** What the names a note is matched with are, in any server: the catalog's key is the caller's. */
  cacheKey(): string {
    return this.index.learnedNames().signature;
  }

  /** The notes read from disk whose mentions are whole and found with the names in use now, for the cache. */
  cacheable(): CachedNote[] {
    const key = this.currentKey();
    const found: CachedNote[] = [];
    for (const entry of this.notes.values()) {
      if (entry.contentHash !== undefined && entry.analysedWith === key && entry.matchedTo === undefined) found.push({ uri: entry.uri, hash: entry.contentHash, mentions: listOf(entry) });
    }
    return found;
  }

  /**
   * Matches a note at once, or, when it is large, leaves it to `work`. A note whose file changed
   * or went since it was indexed keeps its mentions: its file event brings the new text.
   */
  private match(entry: NoteEntry): void {
    this.stopMatching(entry.uri);
    const text = this.textOfEntry(entry);
    if (text === undefined) return;
    if (text.length <= LARGE_NOTE_CHARS) {
      entry.mentions = noteMentions(text, this.index);
      entry.matchedTo = undefined;
      this.letGo(entry);
      return;
    }
    entry.text = text;
    entry.mentions = [];
    entry.matchedTo = 0;
    this.unfinished.add(entry);
    this.onUnfinished();
  }

  /**
   * The mentions of a note as the editor has it: the indexed note's when it holds this very text
   * (an open note is indexed as it is edited), else matched now and kept for this version.
   */
  mentionsIn(source: TextSource): readonly FoundMention[] {
    const text = source.getText();
    if (this.holds(source.uri, text)) return listOf(this.fresh(this.notes.get(source.uri)!));
    const key = this.currentKey();
    const cached = this.open.get(source.uri);
    if (cached && cached.version === source.version && cached.length === text.length && cached.key === key) return cached.mentions;
    const mentions = noteMentions(text, this.index);
    this.open.delete(source.uri);
    this.open.set(source.uri, { version: source.version, length: text.length, key, mentions });
    if (this.open.size > OPEN_CACHE_SIZE) this.open.delete(this.open.keys().next().value!);
    return mentions;
  }

  /** An open document was closed: what was matched of it for the editor is dropped. */
  forgetOpen(uri: string): void {
    this.open.delete(uri);
  }

  /**
   * True when the note is indexed with exactly this text (and analysed with the current names); a
   * note whose text is not kept, by the hash of the bytes read (without it, false).
   */
  holds(uri: string, text: string, contentHash?: string): boolean {
    const entry = this.notes.get(uri);
    if (!entry || entry.analysedWith !== this.currentKey()) return false;
    return entry.text !== undefined ? entry.text === text : contentHash !== undefined && entry.contentHash === contentHash;
  }

  remove(uri: string): boolean {
    this.forget(uri);
    this.stopMatching(uri);
    return this.notes.delete(uri);
  }

  clear(): void {
    this.notes.clear();
    this.unfinished.clear();
    this.open.clear();
    this.byEntity.clear();
    this.byEntityWith = '';
  }

  /** The text a note was last indexed with; undefined if it is not kept and its file changed or went since. */
  textOf(uri: string): string | undefined {
    const entry = this.notes.get(uri);
    return entry && this.textOfEntry(entry);
  }

  private textOfEntry(entry: NoteEntry): string | undefined {
    if (entry.text !== undefined) return entry.text;
    const read = this.reread?.(entry.uri);
    return read && read.hash === entry.contentHash ? read.text : undefined;
  }

  /**
   * Drops the text of a note read from disk once it is matched. Its mentions' strings are made
   * the index's own first: a slice of a text keeps the whole text alive.
   */
  private letGo(entry: NoteEntry): void {
    if (!this.reread || entry.contentHash === undefined || entry.matchedTo !== undefined || entry.text === undefined) return;
    entry.text = undefined;
    const mentions = entry.mentions as FoundMention[];
    const interner = this.index.interner;
    const writer = new MentionWriter(entry.uri, mentions.length, interner);
    for (const mention of mentions) writer.push({ ...ownStrings(mention, interner), passage: -1 });
    entry.mentions = writer.done();
  }

  /** A note with mentions that match the catalog and corpus in use (made as objects now, for a note whose text is let go). */
  get(uri: string): IndexedNote | undefined {
    const entry = this.notes.get(uri);
    if (!entry) return undefined;
    this.fresh(entry);
    return { uri: entry.uri, lines: entry.lines, mentions: listOf(entry) };
  }

  /** The notes that mention an entity, in uri order, with those mentions. */
  mentionsOf(entityId: string): { note: NotePlace; mentions: FoundMention[] }[] {
    const uris = [...(this.entityIndex().get(entityId)?.notes.keys() ?? [])].sort();
    return uris.map((uri) => {
      const note = this.notes.get(uri)!;
      const kept = note.mentions;
      if (Array.isArray(kept)) return { note, mentions: kept.filter((m) => countsFor(m, entityId)) };
      const mentions: FoundMention[] = [];
      for (let i = 0; i < kept.length; i++) if (kept.countsFor(i, entityId)) mentions.push(kept.found(i));
      return { note, mentions };
    });
  }

  /** How often the notes mention an entity, and in how many notes. */
  countsOf(entityId: string): { mentions: number; notes: number } {
    const counts = this.entityIndex().get(entityId);
    return { mentions: counts?.mentions ?? 0, notes: counts?.notes.size ?? 0 };
  }

  private currentKey(): string {
    // Knowledge objects are made anew for every catalog change; the learned names count their changes.
    return `${this.knowledgeSerial()}/${this.index.learnedNames().version}`;
  }

  private fresh(entry: NoteEntry): NoteEntry {
    const key = this.currentKey();
    if (entry.analysedWith !== key) {
      this.forget(entry.uri);
      this.reanalyse(entry, key);
      if (this.byEntityWith === key && entry.matchedTo === undefined) this.enter(entry);
    }
    return entry;
  }

  private reanalyse(entry: NoteEntry, key: string): void {
    entry.analysedWith = key;
    this.match(entry);
  }

  /** Entity -> notes, made again (every note matched again) when the catalog or corpus changed. */
  private entityIndex(): Map<string, { notes: Map<string, number>; mentions: number }> {
    const key = this.currentKey();
    if (this.byEntityWith !== key) {
      // Every note is entered once into a new map, matched again first if it is stale.
      this.byEntity = new Map();
      this.byEntityWith = key;
      for (const entry of this.notes.values()) {
        if (entry.analysedWith !== key) this.reanalyse(entry, key);
        if (entry.matchedTo === undefined) this.enter(entry);
      }
    }
    return this.byEntity;
  }

  private enter(entry: NoteEntry): void {
    if (entry.enteredWith === this.byEntityWith) return;
    entry.enteredWith = this.byEntityWith;
    forEachCounted(entry.mentions, (entityId) => {
      let counts = this.byEntity.get(entityId);
      if (!counts) this.byEntity.set(entityId, (counts = { notes: new Map(), mentions: 0 }));
      counts.notes.set(entry.uri, (counts.notes.get(entry.uri) ?? 0) + 1);
      counts.mentions++;
    });
  }

  /** Takes a note's mentions out of the entity map, if they are in the map of today. */
  private forget(uri: string): void {
    const entry = this.notes.get(uri);
    if (!entry || entry.enteredWith === undefined) return;
    const entered = entry.enteredWith === this.byEntityWith;
    entry.enteredWith = undefined;
    if (!entered) return;
    forEachCounted(entry.mentions, (entityId) => {
      const counts = this.byEntity.get(entityId);
      const left = (counts?.notes.get(uri) ?? 0) - 1;
      if (!counts || left < 0) return;
      counts.mentions--;
      if (left) counts.notes.set(uri, left);
      else counts.notes.delete(uri);
    });
  }
}

/** A note's mentions as objects: those kept, or made from its columns. */
function listOf(entry: NoteEntry): FoundMention[] {
  const kept = entry.mentions;
  if (Array.isArray(kept)) return kept;
  const mentions: FoundMention[] = [];
  for (let i = 0; i < kept.length; i++) mentions.push(kept.found(i));
  return mentions;
}

/** Calls `f` with each entity a note's mentions count for, once per counted mention (see countedEntities). */
function forEachCounted(mentions: FoundMention[] | MentionColumns, f: (entityId: string) => void): void {
  if (Array.isArray(mentions)) {
    for (const mention of mentions) for (const entityId of countedEntities(mention)) f(entityId);
    return;
  }
  for (let i = 0; i < mentions.length; i++) mentions.forEachCounted(i, f);
}
