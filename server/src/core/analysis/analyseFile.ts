// From a file's bytes to its analysis, the one path for the main thread and the worker threads:
// decode (binary, encodings, size limit), hash, analyse. Pure: reading is the caller's.

import type { Knowledge } from './knowledge';
import { decodeCorpusFile, FileTooLargeError } from '../text/decode';
import type { Interner } from '../text/strings';
import { analyseDocument, type IndexedDocument } from './analyseDocument';
import type { FoundMention } from '../model';
import { sentenceFingerprints } from '../quotes/sentenceFingerprints';

export type FileAnalysis =
  | { kind: 'analysed'; document: IndexedDocument }
  /** Its content hash matched the cached analysis offered. */
  | { kind: 'unchanged'; hash: string }
  /** Binary, too large: not indexed. */
  | { kind: 'skipped'; reason: string }
  /** Deleted between being listed and being read. */
  | { kind: 'gone' }
  | { kind: 'unreadable'; message: string }
  /** The analysis itself failed (a bug of ours). */
  | { kind: 'failed'; message: string; stack?: string | undefined };

export interface AnalyseFileOptions {
  knowledge: Knowledge;
  maxFileBytes: number;
  embedded: boolean;
  /** Shown as the title when the text gives none. */
  fallbackTitle: string;
  hash?: (bytes: Uint8Array) => string;
  /** The content hash of a cached analysis of this file: equal means "unchanged". */
  cachedHash?: string | undefined;
  interner?: Interner;
  /**
   * The catalog's mentions of the decoded text, if a first pass kept them for bytes of this content
   * hash: the matcher is then not run again.
   */
  catalogMentions?: (contentHash: string | undefined, text: string) => FoundMention[] | undefined;
}

export function analyseFile(bytes: Uint8Array, uri: string, options: AnalyseFileOptions): FileAnalysis {
  const contentHash = options.hash?.(bytes);
  if (contentHash !== undefined && contentHash === options.cachedHash) return { kind: 'unchanged', hash: contentHash };
  const decoded = decodeCorpusFile(bytes, options.maxFileBytes);
  if (!decoded.ok) return { kind: 'skipped', reason: decoded.reason };
  try {
    const catalogMentions = options.catalogMentions?.(contentHash, decoded.text);
    const document = analyseDocument(
      {
        uri,
        text: decoded.text,
        fallbackTitle: options.fallbackTitle,
        embedded: options.embedded,
        ...(decoded.notice ? { notice: decoded.notice } : {}),
        ...(contentHash !== undefined ? { contentHash } : {}),
        ...(catalogMentions ? { catalogMentions } : {}),
      },
      options.knowledge,
      options.interner,
    );
    document.sentences = sentenceFingerprints(decoded.text, document.passages);
    return { kind: 'analysed', document };
  } catch (error) {
    return { kind: 'failed', message: (error as Error)?.message ?? String(error), stack: (error as Error)?.stack };
  }
}

/** What a failed read means: gone (ENOENT) or unreadable, in words. */
export function readFailure(error: unknown): FileAnalysis {
  if (error instanceof FileTooLargeError) return { kind: 'skipped', reason: error.message };
  if ((error as { code?: unknown } | undefined)?.code === 'ENOENT') return { kind: 'gone' };
  return { kind: 'unreadable', message: (error as Error)?.message ?? String(error) };
}
