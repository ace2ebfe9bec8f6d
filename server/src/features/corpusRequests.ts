// The custom requests behind the client's tree views and commands: documents with their passages,
// entities by kind, the mentions of one entity and the entity under the cursor. The core gathers
// the facts (core/query/summaries.ts); this file only turns offsets into ranges.

import type { CancellationToken, Location } from 'vscode-languageserver';
import type { IndexedDocument } from '../core/analysis/analyseDocument';
import { dateOfPassage, type Entity } from '../core/model';
import { fileName } from '../core/text/strings';
import { formatDate } from '../core/text/dates';
import {
  CardRequest,
  type CardParams,
  DocumentMentionsRequest,
  DocumentsRequest,
  EntitiesRequest,
  EntityAtRequest,
  MentionsRequest,
  PassagesRequest,
  SearchPassagesRequest,
  type CardResult,
  type DocumentMention,
  type DocumentSummary,
  type EntitySummary,
  type MentionSummary,
  type MentionsResult,
  type PassageHitSummary,
  type PassageSummary,
  type SearchPassagesResult,
} from '../shared/protocol';
import { yieldToRequests } from '../eventLoop';
import { catalogLocator, rangeIn, requestDocument, runSafely, type ServerContext } from './context';

const DEFAULT_MENTION_LIMIT = 200;
const DEFAULT_PASSAGE_HITS = 100;
/** How long a passage search may read texts (those of a large corpus are read from disk). */
const PASSAGE_SEARCH_BUDGET = 250;
/** Characters of a passage query looked at. */
const MAX_QUERY = 1000;

export function registerCorpusRequests(ctx: ServerContext): void {
  const { connection } = ctx;
  const catalogEntry = catalogLocator(ctx);
  connection.onRequest(DocumentsRequest, (params, token) => listDocuments(ctx, !!params?.passages, token));
  connection.onRequest(PassagesRequest, (params, token) => runSafely(ctx, 'Listing passages', params.uri, token, [] as PassageSummary[], () => listPassages(ctx, params.uri)));
  connection.onRequest(SearchPassagesRequest, (params, token) =>
    runSafely(ctx, 'Searching passages', undefined, token, { items: [], complete: true, documentsSearched: 0, documents: 0 } as SearchPassagesResult, () => searchPassages(ctx, params)),
  );
  connection.onRequest(CardRequest, (params, token) => runSafely(ctx, 'Making a card', undefined, token, null as CardResult | null, () => cardOf(ctx, params, catalogEntry)));
  connection.onRequest(EntitiesRequest, (token) => listEntities(ctx, token));
  connection.onRequest(MentionsRequest, (params, token) =>
    runSafely(ctx, 'Listing mentions', undefined, token, { total: 0, counted: 0, reprinted: 0, items: [] } as MentionsResult, () => listMentions(ctx, params.entityId, params.limit)),
  );
  connection.onRequest(DocumentMentionsRequest, (params, token) =>
    runSafely(ctx, 'Listing the mentions of a document', params.textDocument.uri, token, [] as DocumentMention[], () => documentMentions(ctx, params.textDocument.uri)),
  );
  connection.onRequest(EntityAtRequest, (params, token) =>
    runSafely(ctx, 'Finding the entity at the cursor', params.textDocument.uri, token, null, () => {
      const doc = requestDocument(ctx, params.textDocument.uri);
      const hit = doc && ctx.service.entityAt(doc, doc.offsetAt(params.position));
      return hit ? summariseEntity(ctx, hit.entity) : null;
    }),
  );
}

/**
 * Every corpus document, the newest first, made between requests (the Documents view asks for all
 * 11,000 of the bench whenever the index changes: 180-210 ms, a hover meanwhile waited as long);
 * empty when cancelled.
 */
async function listDocuments(ctx: ServerContext, withPassages: boolean, token: CancellationToken): Promise<DocumentSummary[]> {
  const summaries: DocumentSummary[] = [];
  const made = await inSlices(ctx.service.documents(), token, (doc) => {
    const summary = runSafely(ctx, 'Listing documents', doc.uri, token, undefined, () => summariseDocument(ctx, doc, withPassages));
    if (summary) summaries.push(summary);
  });
  return made ? summaries.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.title.localeCompare(b.title)) : [];
}

function listPassages(ctx: ServerContext, uri: string): PassageSummary[] {
  const doc = ctx.service.document(uri);
  return doc ? summarisePassages(ctx, doc) : [];
}

function searchPassages(ctx: ServerContext, params: { query?: unknown; limit?: unknown } | undefined): SearchPassagesResult {
  // A query is what one types: a longer one is cut, not searched for (its words would be looked up one by one).
  const query = typeof params?.query === 'string' ? params.query.slice(0, MAX_QUERY) : '';
  const limit = Math.max(1, Math.min(Number.isInteger(params?.limit) ? (params!.limit as number) : DEFAULT_PASSAGE_HITS, 1000));
  const search = ctx.service.searchPassages(query, limit, PASSAGE_SEARCH_BUDGET);
  const items = search.hits.map((hit): PassageHitSummary => {
    const date = dateOfPassage(hit.document, hit.passage.index);
    const item: PassageHitSummary = {
      uri: hit.document.uri,
      range: rangeIn(hit.document, hit.offset, hit.offset),
      title: hit.passage.title,
      kind: hit.passage.kind as PassageSummary['kind'],
      documentTitle: hit.document.title,
      dateLabel: formatDate(date),
      reason: hit.reason,
    };
    if (date) item.date = date;
    if (hit.entityName) item.entityName = hit.entityName;
    if (hit.snippet) item.snippet = hit.snippet;
    return item;
  });
  return { items, complete: search.complete, documentsSearched: search.documentsSearched, documents: ctx.service.documents().length };
}

function cardOf(ctx: ServerContext, params: CardParams, catalogEntry: (entityId: string) => Location | undefined): CardResult | null {
  if (typeof params?.entityId !== 'string') return null;
  const edition = typeof params.edition === 'number' ? params.edition : undefined;
  const markdown = ctx.service.card(params.entityId, { quoteCommands: ctx.quoteCommandLinks(), full: params.full === true }, edition);
  if (markdown === undefined) return null;
  const catalog = catalogEntry(params.entityId);
  return catalog ? { markdown, catalog } : { markdown };
}

/** The corpus's mentions of an entity, then the notes': "which of my notes discuss this". */
function listMentions(ctx: ServerContext, entityId: string, requested: number | undefined): MentionsResult {
  const limit = Number.isInteger(requested) && requested! >= 1 ? requested! : DEFAULT_MENTION_LIMIT;
  const corpus = ctx.service.mentionFacts(entityId, limit).map((facts) => {
    const item: MentionSummary = {
      uri: facts.document.uri,
      range: rangeIn(facts.document, facts.mention.start, facts.mention.end),
      snippet: facts.snippet,
      highlight: facts.highlight,
      sentence: facts.sentence,
      documentTitle: facts.document.title,
      documentDateLabel: formatDate(facts.document.date),
      dateLabel: facts.dateLabel,
    };
    if (facts.date) item.date = facts.date;
    if (facts.document.date) item.documentDate = facts.document.date;
    if (facts.mention.edition !== undefined) item.edition = facts.mention.edition;
    if (facts.reprint) item.reprint = true;
    if (facts.via) item.via = facts.via;
    return item;
  });
  const notes = ctx.service.noteMentionFacts(entityId, limit - corpus.length).map((facts): MentionSummary => ({
    uri: facts.note.uri,
    range: { start: facts.note.lines.positionAt(facts.mention.start), end: facts.note.lines.positionAt(facts.mention.end) },
    snippet: facts.snippet,
    highlight: facts.highlight,
    sentence: facts.sentence,
    documentTitle: fileName(facts.note.uri),
    documentDateLabel: 'note',
    dateLabel: 'note',
    note: true,
  }));
  const counted = ctx.service.mentionCount(entityId);
  const reprinted = ctx.service.reprintedCount(entityId);
  return { total: counted + reprinted + ctx.service.noteCounts(entityId).mentions, counted, reprinted, items: [...corpus, ...notes] };
}

/** Every entity mention in one document (corpus document or open note), in text order. */
function documentMentions(ctx: ServerContext, uri: string): DocumentMention[] {
  const doc = requestDocument(ctx, uri);
  if (!doc) return [];
  return ctx.service.mentionsIn(doc).flatMap((mention) => {
    const entity = ctx.service.entityOf(mention);
    if (!entity) return [];
    const item: DocumentMention = {
      range: { start: doc.positionAt(mention.start), end: doc.positionAt(mention.end) },
      entityId: entity.id,
      name: entity.name,
      kind: entity.kind,
      discovered: !!entity.discovered,
    };
    if (mention.edition !== undefined) item.edition = mention.edition;
    return [item];
  });
}

function summariseDocument(ctx: ServerContext, doc: IndexedDocument, withPassages: boolean): DocumentSummary {
  const summary: DocumentSummary = {
    uri: doc.uri,
    title: doc.title,
    dateLabel: formatDate(doc.date),
    dates: doc.dates,
    passageCount: ctx.service.readablePassages(doc).length,
    mentionCount: ctx.service.documentMentionCount(doc),
    embedded: doc.embedded,
  };
  if (withPassages) summary.passages = summarisePassages(ctx, doc);
  if (doc.date) summary.date = doc.date;
  if (doc.notice) summary.notice = doc.notice;
  if (doc.provisional) {
    summary.unread = true;
    summary.dateLabel = 'not read yet';
  }
  return summary;
}

function summarisePassages(ctx: ServerContext, doc: IndexedDocument): PassageSummary[] {
  return ctx.service.passageFacts(doc).map(({ passage, mentionCount, reprintedIn }) => {
    // A passage without a date of its own is of its document's date.
    const date = dateOfPassage(doc, passage.index);
    const summary: PassageSummary = {
      index: passage.index,
      kind: passage.kind as PassageSummary['kind'],
      title: passage.title,
      dateLabel: formatDate(date),
      range: rangeIn(doc, passage.start, passage.end),
      mentionCount,
      reprintedIn,
    };
    if (date) summary.date = date;
    if (passage.parent !== undefined) summary.parent = passage.parent;
    return summary;
  });
}

/**
 * How long a list is made before requests that came in meanwhile are answered. The first list of
 * entities after an index is made from every document of every entity (1.4-1.8 s of one thread on
 * the bench's 11,000 documents): made at once, it held up every hover meanwhile.
 */
const LIST_SLICE_MS = 10;

/** Calls `step` on each item, answering requests every LIST_SLICE_MS; false when cancelled part way. */
async function inSlices<T>(items: Iterable<T>, token: CancellationToken, step: (item: T) => void): Promise<boolean> {
  let sliceStart = Date.now();
  for (const item of items) {
    if (token.isCancellationRequested) return false;
    step(item);
    if (Date.now() - sliceStart >= LIST_SLICE_MS) {
      await yieldToRequests();
      sliceStart = Date.now();
    }
  }
  return !token.isCancellationRequested;
}

/** Every entity's summary, made between requests; empty when cancelled. */
async function listEntities(ctx: ServerContext, token: CancellationToken): Promise<EntitySummary[]> {
  const summaries: EntitySummary[] = [];
  // Every entity's aggregate first, from one pass over the documents rather than one an entity;
  // should that fail, each entity's is made as it is summarised, and a failure there is its own.
  const prepared = await inSlices(ctx.service.prepareEntityFacts(), token, () => undefined).catch((error: unknown) => {
    ctx.connection.console.error(`Preparing the entities' list failed: ${(error as Error)?.stack ?? String(error)}`);
    return !token.isCancellationRequested;
  });
  const made =
    prepared &&
    (await inSlices(ctx.service.entities(), token, (entity) => {
      const summary = runSafely(ctx, 'Listing entities', undefined, token, undefined, () => summariseEntity(ctx, entity));
      if (summary) summaries.push(summary);
    }));
  return made ? summaries : [];
}

export function summariseEntity(ctx: ServerContext, entity: Entity): EntitySummary {
  const facts = ctx.service.entityFacts(entity);
  const summary: EntitySummary = {
    id: entity.id,
    name: entity.name,
    kind: entity.kind,
    aliases: facts.aliases,
    mentionCount: facts.mentionCount,
    documentCount: facts.documentCount,
    discovered: !!entity.discovered,
    editions: facts.editions,
  };
  if (entity.parent) summary.parent = entity.parent;
  if (entity.description) summary.description = entity.description;
  if (facts.definition) summary.definition = { uri: facts.definition.document.uri, range: rangeIn(facts.definition.document, facts.definition.mention.start, facts.definition.mention.end) };
  return summary;
}
