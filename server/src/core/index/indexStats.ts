// What the corpus index tells of itself, and how it is made.

export interface IndexStats {
  documents: number;
  passages: number;
  /** Mentions counted once: repeats and reprints left out. */
  mentions: number;
  /** Mentions in reprints of passages printed elsewhere. */
  reprintedMentions: number;
  /** Entities mentioned at least once. */
  entitiesMentioned: number;
  catalogEntities: number;
  /** Entities found in the text that the catalog lacks. */
  discoveredEntities: number;
  catalogVersion: string;
  /** Documents whose catalog names alone are indexed yet (the first index's names pass). */
  unread: number;
}

export interface IndexOptions {
  /** Keep every document's text in memory (default). Without it, texts are read again on demand. */
  retainText?: boolean;
  /** Reads a document's text again when it was not kept. */
  loadText?: (uri: string) => string | undefined;
}
