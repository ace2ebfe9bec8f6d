// `corpusLens/chronology`: the corpus on a timeline for the Chronology view, its tree and the table
// a note gets. The core picks and gathers the events (core/query/chronology.ts); this file checks
// the parameters, turns offsets into ranges and, when asked, reads each event's sentence.

import type { IndexedDocument, IndexedMention } from '../core/analysis/analyseDocument';
import { ENTITY_KINDS, type EntityKind } from '../core/model';
import type { ChronologyFilter, ChronologyScale } from '../core/query/chronology';
import { formatDate } from '../core/text/dates';
import { quoteSentence, sentenceAround } from '../core/text/sentences';
import { ChronologyRequest, type ChronologyEventSummary, type ChronologyParams, type ChronologyResult } from '../protocol';
import { rangeIn, runSafely, type ServerContext } from './context';

const SCALES: readonly ChronologyScale[] = ['passage', 'month', 'year'];
const DATE_BOUND = /^\d{4}(-\d{2}(-\d{2})?)?$/;
/** Sentences are read from the documents: a table has at most this many. */
const MAX_SENTENCES = 2000;

export function registerChronology(ctx: ServerContext): void {
  ctx.connection.onRequest(ChronologyRequest, (params, token) =>
    runSafely(ctx, 'Listing the chronology', undefined, token, { by: 'passage', passages: 0, events: [] } as ChronologyResult, () => {
      const chronology = ctx.service.chronology(filterOf(params));
      let sentences = params?.sentences === true && chronology.by === 'passage' ? MAX_SENTENCES : 0;
      const events = chronology.events.map((event): ChronologyEventSummary => {
        const summary: ChronologyEventSummary = {
          date: event.date,
          dateLabel: formatDate(event.date),
          catalogOnly: event.catalogOnly,
          passages: event.passages,
          entities: event.entities.map(({ entity, mentions, passages, editions }) => ({ id: entity.id, name: entity.name, kind: entity.kind, mentions, passages, editions: [...editions] })),
        };
        const { document, passage, first } = event;
        if (document && passage !== undefined && first) {
          const p = passage >= 0 ? document.passages[passage] : undefined;
          summary.uri = document.uri;
          summary.documentTitle = document.title;
          if (p) summary.passage = { index: p.index, title: p.title, range: rangeIn(document, p.start, p.end) };
          summary.at = rangeIn(document, first.start, first.end);
          const sentence = sentences-- > 0 ? sentenceOf(ctx, document, first) : undefined;
          if (sentence) summary.sentence = sentence;
        }
        return summary;
      });
      return { by: chronology.by, passages: chronology.passages, events };
    }),
  );
}

/** The filter a request asks for, anything malformed left out rather than failing the request. */
function filterOf(params: ChronologyParams | undefined): ChronologyFilter {
  const strings = (value: unknown) => (Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : undefined);
  const bound = (value: unknown) => (typeof value === 'string' && DATE_BOUND.test(value) ? value : undefined);
  const filter: ChronologyFilter = {
    entityIds: strings(params?.entityIds),
    kinds: strings(params?.kinds)?.filter((kind): kind is EntityKind => ENTITY_KINDS.includes(kind as EntityKind)),
    from: bound(params?.from),
    to: bound(params?.to),
  };
  if (SCALES.includes(params?.by as ChronologyScale)) filter.by = params!.by;
  if (typeof params?.maxEvents === 'number' && params.maxEvents >= 1) filter.maxEvents = Math.floor(params.maxEvents);
  return filter;
}

function sentenceOf(ctx: ServerContext, doc: IndexedDocument, mention: IndexedMention): string | undefined {
  const text = ctx.service.textOf(doc);
  if (!text) return undefined;
  const passage = mention.passage >= 0 ? doc.passages[mention.passage] : undefined;
  const sentence = sentenceAround(text, mention.start, passage ?? { start: 0, end: text.length });
  return quoteSentence(text, sentence, mention);
}
