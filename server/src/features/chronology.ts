// `corpusLens/chronology`: the corpus on a timeline for the Chronology view, its tree and the table
// a note gets. The core picks and gathers the events, reads their sentences and renders the table
// (core/query/chronology.ts, core/render/chronologyTable.ts); this file checks the parameters and
// turns offsets into ranges.

import { ENTITY_KINDS, type EntityKind } from '../core/model';
import type { ChronologyFilter, ChronologyScale } from '../core/query/chronology';
import { formatDate } from '../core/text/dates';
import { ChronologyRequest, ChronologyTableRequest, KIND_TITLES, type ChronologyEventSummary, type ChronologyParams, type ChronologyResult, type ChronologyTable } from '../shared/protocol';
import { rangeIn, runSafely, type ServerContext } from './context';

const SCALES: readonly ChronologyScale[] = ['passage', 'month', 'year'];
const DATE_BOUND = /^\d{4}(-\d{2}(-\d{2})?)?$/;
/** Sentences are read from the documents (the core reads at most its own limit of them). */
const SENTENCES = 2000;
/** Rows of a table for a note: beyond this, it is no longer something to read. */
const MAX_TABLE_ROWS = 500;

/** What was sent for each answer of the core, while the core keeps that answer. */
const summaries = new WeakMap<object, ChronologyResult>();

export function registerChronology(ctx: ServerContext): void {
  ctx.connection.onRequest(ChronologyRequest, (params, token) =>
    runSafely(ctx, 'Listing the chronology', undefined, token, { by: 'passage', passages: 0, events: [] } as ChronologyResult, () => {
      const chronology = ctx.service.chronology(filterOf(params, (m) => ctx.connection.console.warn(m)), params?.sentences === true ? SENTENCES : 0);
      // The same answer as the last time (the view redrawn): its summary is sent again as it was made.
      const made = summaries.get(chronology);
      if (made) return made;
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
          const sentence = chronology.sentences.get(event);
          if (sentence) summary.sentence = sentence;
        }
        return summary;
      });
      const result: ChronologyResult = { by: chronology.by, passages: chronology.passages, events };
      summaries.set(chronology, result);
      return result;
    }),
  );
  ctx.connection.onRequest(ChronologyTableRequest, (params, token) =>
    runSafely(ctx, 'Making a chronology table', params?.noteUri, token, { markdown: '', rows: 0, passages: 0, maxRows: MAX_TABLE_ROWS } as ChronologyTable, () =>
      chronologyTable(ctx, params),
    ),
  );
}

/** The table "Insert Chronology into Note" inserts: one row per passage, or nothing when there are too many. */
function chronologyTable(ctx: ServerContext, params: ChronologyParams & { noteUri: string }): ChronologyTable {
  const filter = filterOf(params, (m) => ctx.connection.console.warn(m));
  const { markdown, rows, passages } = ctx.service.chronologyTable(filter, coverage(ctx, filter), params.noteUri, MAX_TABLE_ROWS);
  return { markdown, rows, passages, maxRows: MAX_TABLE_ROWS };
}

/** What a filter covers, in words: "Indestructible Brotherhood, exercises, 2021 to 2022". */
function coverage(ctx: ServerContext, filter: ChronologyFilter): string {
  const names = (filter.entityIds ?? []).map((id) => ctx.service.entity(id)?.name).filter((name): name is string => !!name);
  const kinds = (filter.kinds ?? []).map((kind) => KIND_TITLES[kind].toLowerCase());
  const what = [...names, ...kinds].join(', ') || 'everything';
  const range = filter.from || filter.to ? ` (${filter.from ?? '\u2026'} to ${filter.to ?? '\u2026'})` : '';
  return what + range;
}

/** More entities than a chronology can show apart: a longer list is cut before anything is done with it. */
const MAX_ENTITY_IDS = 1000;

/** The filter a request asks for, anything malformed left out rather than failing the request; lists are capped first. */
function filterOf(params: ChronologyParams | undefined, log: (message: string) => void = () => undefined): ChronologyFilter {
  const strings = (value: unknown, what: string, max: number) => {
    if (!Array.isArray(value)) return undefined;
    if (value.length > max) log(`A chronology request named ${value.length.toLocaleString('en')} ${what}; only the first ${max.toLocaleString('en')} are used.`);
    return value.slice(0, max).filter((x): x is string => typeof x === 'string');
  };
  const bound = (value: unknown) => (typeof value === 'string' && DATE_BOUND.test(value) ? value : undefined);
  const filter: ChronologyFilter = {
    entityIds: strings(params?.entityIds, 'entities', MAX_ENTITY_IDS),
    kinds: strings(params?.kinds, 'kinds', ENTITY_KINDS.length)?.filter((kind): kind is EntityKind => ENTITY_KINDS.includes(kind as EntityKind)),
    from: bound(params?.from),
    to: bound(params?.to),
  };
  if (SCALES.includes(params?.by as ChronologyScale)) filter.by = params!.by;
  if (typeof params?.maxEvents === 'number' && params.maxEvents >= 1) filter.maxEvents = Math.floor(params.maxEvents);
  return filter;
}
