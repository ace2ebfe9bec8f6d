// The custom requests behind the client's tree views and commands: documents with their passages,
// entities by kind, the mentions of one entity, the entity under the cursor and the index status.

import type { IndexedDocument } from '../core/analysis/analyseDocument';
import { namesOf } from '../core/catalog/entities';
import type { Entity } from '../core/model';
import { formatDate } from '../core/text/dates';
import { mentionSnippet, quoteSentence, sentenceAround } from '../core/text/sentences';
import {
  DocumentMentionsRequest,
  DocumentsRequest,
  EntitiesRequest,
  PassagesRequest,
  EntityAtRequest,
  MentionsRequest,
  type DocumentMention,
  type DocumentSummary,
  type EntitySummary,
  type MentionsResult,
  type PassageSummary,
} from '../protocol';
import { rangeIn, requestDocument, runSafely, type ServerContext } from './context';

const DEFAULT_MENTION_LIMIT = 200;

export function registerCorpusRequests(ctx: ServerContext): void {
  const { connection, service } = ctx;

  connection.onRequest(DocumentsRequest, (params, token) =>
    runSafely(ctx, 'Listing documents', undefined, token, [], () =>
      service.index
        .documents()
        .map((doc) => summariseDocument(ctx, doc, !!params?.passages))
        .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.title.localeCompare(b.title)),
    ),
  );

  connection.onRequest(PassagesRequest, (params, token) =>
    runSafely(ctx, 'Listing passages', params.uri, token, [] as PassageSummary[], () => {
      const doc = service.index.get(params.uri);
      return doc ? summarisePassages(ctx, doc) : [];
    }),
  );

  connection.onRequest(EntitiesRequest, (token) =>
    runSafely(ctx, 'Listing entities', undefined, token, [], () =>
      service.index.entities().map((entity) => summariseEntity(ctx, entity)),
    ),
  );

  connection.onRequest(MentionsRequest, (params, token) =>
    runSafely(ctx, 'Listing mentions', undefined, token, { total: 0, items: [] } as MentionsResult, () => {
      const limit = Math.max(1, params.limit ?? DEFAULT_MENTION_LIMIT);
      return {
        total: service.index.mentionCount(params.entityId),
        items: service.index.mentionsOf(params.entityId, limit).map((mention) => {
          const doc = service.index.get(mention.uri)!;
          const passage = doc.passages[mention.passage];
          const text = service.index.textOf(doc);
          const sentence = sentenceAround(text, mention.start, passage ?? { start: 0, end: text.length });
          // In a narrow side bar the name itself must be in view: the snippet starts with it.
          const snippet = mentionSnippet(text, sentence, mention, 0);
          const item = {
            uri: doc.uri,
            range: rangeIn(doc, mention.start, mention.end),
            snippet: snippet.text,
            highlight: snippet.highlight,
            sentence: quoteSentence(text, sentence, mention, 240),
            documentTitle: doc.title,
            dateLabel: formatDate(passage?.date ?? doc.date),
          };
          return mention.edition !== undefined ? { ...item, edition: mention.edition } : item;
        }),
      };
    }),
  );

  connection.onRequest(DocumentMentionsRequest, (params, token) =>
    runSafely(ctx, 'Listing the mentions of a document', params.textDocument.uri, token, [] as DocumentMention[], () => {
      const doc = requestDocument(ctx, params.textDocument.uri);
      if (!doc) return [];
      return service.mentionsIn(doc).flatMap((mention) => {
        const entity = service.entityOf(mention);
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
    }),
  );

  connection.onRequest(EntityAtRequest, (params, token) =>
    runSafely(ctx, 'Finding the entity at the cursor', params.textDocument.uri, token, null, () => {
      const doc = requestDocument(ctx, params.textDocument.uri);
      const hit = doc && service.entityAt(doc, doc.offsetAt(params.position));
      return hit ? summariseEntity(ctx, hit.entity) : null;
    }),
  );
}

function summariseDocument(ctx: ServerContext, doc: IndexedDocument, withPassages: boolean): DocumentSummary {
  const summary: DocumentSummary = {
    uri: doc.uri,
    title: doc.title,
    dateLabel: formatDate(doc.date),
    dates: doc.dates,
    passageCount: doc.passages.filter((p) => p.kind !== 'boilerplate').length,
    mentionCount: doc.mentions.length,
    embedded: doc.embedded,
  };
  if (withPassages) summary.passages = summarisePassages(ctx, doc);
  if (doc.date) summary.date = doc.date;
  if (doc.notice) summary.notice = doc.notice;
  return summary;
}

function summarisePassages(ctx: ServerContext, doc: IndexedDocument): PassageSummary[] {
  const mentionsPerPassage = new Map<number, number>();
  for (const mention of doc.mentions) mentionsPerPassage.set(mention.passage, (mentionsPerPassage.get(mention.passage) ?? 0) + 1);
  const passages: PassageSummary[] = [];
  for (const passage of doc.passages) {
    if (passage.kind === 'boilerplate') continue;
    const reprints = ctx.service.index.reprintsOf(doc.uri, passage);
    const summary: PassageSummary = {
      index: passage.index,
      kind: passage.kind,
      title: passage.title,
      dateLabel: passage.date ? formatDate(passage.date) : '',
      range: rangeIn(doc, passage.start, passage.end),
      mentionCount: mentionsPerPassage.get(passage.index) ?? 0,
      reprintedIn: reprints.map((r) => ctx.service.index.get(r.uri)?.title ?? r.uri),
    };
    if (passage.date) summary.date = passage.date;
    if (passage.parent !== undefined) summary.parent = passage.parent;
    passages.push(summary);
  }
  return passages;
}

export function summariseEntity(ctx: ServerContext, entity: Entity): EntitySummary {
  const { index } = ctx.service;
  const editions = new Set((entity.editions ?? []).map((e) => e.year));
  for (const year of index.editionCounts(entity.id).keys()) editions.add(year);
  const summary: EntitySummary = {
    id: entity.id,
    name: entity.name,
    kind: entity.kind,
    aliases: namesOf(entity).filter((n) => n !== entity.name),
    mentionCount: index.mentionCount(entity.id),
    documentCount: index.documentCount(entity.id),
    discovered: !!entity.discovered,
    editions: [...editions].sort((a, b) => a - b),
  };
  if (entity.parent) summary.parent = entity.parent;
  if (entity.description) summary.description = entity.description;
  const definition = ctx.service.definitionOf(entity.id);
  if (definition) summary.definition = { uri: definition.document.uri, range: rangeIn(definition.document, definition.mention.start, definition.mention.end) };
  return summary;
}
