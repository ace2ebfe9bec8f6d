// The catalog's mentions of a file, kept from the first pass of a first index (analyseNames.ts) for
// the file's full analysis to take instead of running the matcher over the same text again. Both
// passes match the same text with the same catalog: the content hash of the file's bytes says
// whether the text is still the one matched.

import type { FoundMention } from '../model';
import { Interner } from '../text/strings';
import type { Knowledge } from './knowledge';

/** Per mention: start, end, entity (an index into the ids), edition (-1 for none). */
const FIELDS = 4;

interface KeptFile {
  hash: string;
  rows: Int32Array;
  /** Per mention index, the other entities the name stands for, when the text did not tell. */
  alternatives?: Map<number, string[]>;
}

/** One worker's kept mentions, by file, each taken once. */
export class KeptCatalogNames {
  private readonly files = new Map<string, KeptFile>();
  /** The entity ids, numbered (catalog strings, kept as given). */
  private readonly ids = new Interner(false);

  /** How many files are kept and not taken yet. */
  get size(): number {
    return this.files.size;
  }

  /** Keeps `mentions` (the catalog's, as `catalogMentions` gives them) of the file whose bytes hash to `hash`. */
  keep(uri: string, hash: string, mentions: readonly FoundMention[]): void {
    const rows = new Int32Array(mentions.length * FIELDS);
    let alternatives: Map<number, string[]> | undefined;
    mentions.forEach((mention, i) => {
      rows[i * FIELDS] = mention.start;
      rows[i * FIELDS + 1] = mention.end;
      rows[i * FIELDS + 2] = this.ids.id(mention.entityId);
      rows[i * FIELDS + 3] = mention.edition ?? -1;
      if (mention.alternatives) (alternatives ??= new Map()).set(i, [...mention.alternatives]);
    });
    this.files.set(uri, alternatives ? { hash, rows, alternatives } : { hash, rows });
  }

  /**
   * The file's catalog mentions as `catalogMentions` would find them in `text`, when they were kept
   * for bytes with this hash; undefined otherwise. The entry is dropped either way.
   */
  take(uri: string, hash: string | undefined, text: string, knowledge: Knowledge): FoundMention[] | undefined {
    const kept = this.files.get(uri);
    if (!kept) return undefined;
    this.files.delete(uri);
    if (hash === undefined || kept.hash !== hash) return undefined;
    const { rows, alternatives } = kept;
    const mentions: FoundMention[] = new Array(rows.length / FIELDS);
    for (let i = 0; i < mentions.length; i++) {
      const start = rows[i * FIELDS];
      const end = rows[i * FIELDS + 1];
      const entityId = this.ids.at(rows[i * FIELDS + 2]);
      // The fields in the order the matcher and catalogMentions set them.
      const mention: FoundMention = { entityId, start, end, surface: text.slice(start, end) };
      const edition = rows[i * FIELDS + 3];
      if (edition >= 0) mention.edition = edition;
      const others = alternatives?.get(i);
      if (others) mention.alternatives = others;
      const state = knowledge.worldStates.get(entityId);
      if (state) mention.discovered = state;
      mentions[i] = mention;
    }
    return mentions;
  }
}
