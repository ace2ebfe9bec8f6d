// The notes' side of the persistent cache: a note's mentions, kept with the hash of the bytes they
// were found in, so that a warm start matches again only the notes that changed. Mentions depend
// on the catalog and on the names the corpus taught: the cache is keyed by both, and a cache made
// with other names is not used. What comes back from disk is checked against the note's text
// before it is believed: a damaged or crafted entry means "match the note again", never an error.

import { ENTITY_KINDS, type DiscoveredInfo, type EntityKind, type FoundMention } from '../model';

/** A note as the persistent cache keeps it. */
export interface CachedNote {
  uri: string;
  /** The hash of the note's bytes its mentions were found in. */
  hash: string;
  mentions: FoundMention[];
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every(isString);

/**
 * The mentions a cache entry holds, when every one of them lies in `text`, in order, and says
 * what it covers; undefined otherwise. Only the fields a mention has are copied.
 */
export function cachedNoteMentions(text: string, value: unknown): FoundMention[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const mentions: FoundMention[] = [];
  let previousStart = 0;
  for (const raw of value as unknown[]) {
    if (!raw || typeof raw !== 'object') return undefined;
    const m = raw as Record<string, unknown>;
    const { entityId, start, end, surface } = m;
    if (!isString(entityId) || !entityId || !Number.isInteger(start) || !Number.isInteger(end)) return undefined;
    const [from, to] = [start as number, end as number];
    if (from < previousStart || to <= from || to > text.length || surface !== text.slice(from, to)) return undefined;
    previousStart = from;
    const mention: FoundMention = { entityId, start: from, end: to, surface };
    if (m.edition !== undefined) {
      if (!Number.isInteger(m.edition)) return undefined;
      mention.edition = m.edition as number;
    }
    if (m.alternatives !== undefined) {
      if (!isStrings(m.alternatives)) return undefined;
      mention.alternatives = [...m.alternatives];
    }
    if (m.inside !== undefined) {
      if (!isStrings(m.inside)) return undefined;
      mention.inside = [...m.inside];
    }
    if (m.repeat !== undefined) {
      if (m.repeat !== true) return undefined;
      mention.repeat = true;
    }
    if (m.discovered !== undefined) {
      const discovered = discoveredInfo(m.discovered);
      if (!discovered) return undefined;
      mention.discovered = discovered;
    }
    mentions.push(mention);
  }
  return mentions;
}

function discoveredInfo(value: unknown): DiscoveredInfo | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { kind, name, parent, about } = value as Record<string, unknown>;
  if (!ENTITY_KINDS.includes(kind as EntityKind) || !isString(name) || (parent !== undefined && !isString(parent)) || (about !== undefined && !isString(about))) return undefined;
  const info: DiscoveredInfo = { kind: kind as EntityKind, name };
  if (parent !== undefined) info.parent = parent as string;
  if (about !== undefined) info.about = about as string;
  return info;
}

/** The mentions the cache holds for a note with this uri and hash, when they fit its text. */
export type NoteCacheLookup = (uri: string, hash: string, text: string) => FoundMention[] | undefined;

/** The lookup of a cache's notes (as read from disk: unchecked). */
export function noteCacheLookup(notes: ReadonlyMap<string, { hash: unknown; mentions: unknown }>): NoteCacheLookup {
  return (uri, hash, text) => {
    const entry = notes.get(uri);
    return entry && entry.hash === hash ? cachedNoteMentions(text, entry.mentions) : undefined;
  };
}
