// The first pass of a first index: a file's catalog names and nothing else, so that hover,
// references, counts and completion know every catalog name long before the corpus is understood.
// The full analysis (analyseFile) replaces each document; until then it is `provisional`.

import type { Knowledge } from './knowledge';
import type { FoundMention } from '../model';
import { decodeCorpusFile } from '../text/decode';
import { LineTable } from '../text/lines';
import type { Interner } from '../text/strings';
import { splitWords } from '../text/words';
import { catalogMentions, indexedMention, type IndexedDocument } from './analyseDocument';
import { DefinitionCandidates } from './candidates';
import { MentionColumns } from './mentionColumns';
import { markRepeatsAndInnerNames } from './repeats';

export interface NamesOptions {
  knowledge: Knowledge;
  maxFileBytes: number;
  embedded: boolean;
  fallbackTitle: string;
  interner: Interner;
  /** Given the catalog's mentions as the full analysis would find them, before anything marks them. */
  keep?: (mentions: readonly FoundMention[]) => void;
}

/**
 * The catalog's mentions of a file's text, as a document with no passages (each mention belongs to
 * the whole text), no dates and no definitions, titled by its file name. Undefined for a file the
 * full analysis would skip (binary, too large): that one reports why.
 */
export function namesOfFile(bytes: Uint8Array, uri: string, options: NamesOptions): IndexedDocument | undefined {
  const decoded = decodeCorpusFile(bytes, options.maxFileBytes);
  if (!decoded.ok) return undefined;
  const { text } = decoded;
  const { knowledge, interner } = options;
  const words = splitWords(text);
  const found = catalogMentions(text, knowledge, 'corpus', words);
  options.keep?.(found);
  markRepeatsAndInnerNames(text, words, found, knowledge.matcher);
  const mentions = found.map((mention) => indexedMention(mention, uri, -1, interner));
  const doc: Omit<IndexedDocument, 'best'> & { best?: DefinitionCandidates } = {
    uri,
    title: interner.get(options.fallbackTitle),
    dates: [],
    passages: [],
    fallbackTitle: options.fallbackTitle,
    embedded: options.embedded,
    mentions: MentionColumns.of(uri, mentions, interner),
    lines: LineTable.of(text),
    provisional: true,
  };
  doc.best = DefinitionCandidates.of(doc, new Map(), interner);
  return doc as IndexedDocument;
}
