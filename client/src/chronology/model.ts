// What the Chronology view shows, worked out in the extension host and sent to the webview as a
// plain drawing: the selection (entities, kinds, a period) read from the filter box, and the
// server's events laid out as lanes (one per entity asked for, one per kind for the rest) and
// marks (one per event and lane, sized by mentions). No vscode import: unit-tested as it is.

import { ENTITY_KIND_ORDER, KIND_TITLES, type ChronologyEventSummary, type ChronologyResult, type EntityKindName, type EntitySummary } from '../../../server/src/shared/protocol';
import { plural } from '../words';

export interface ChronologySelection {
  entityIds: string[];
  kinds: EntityKindName[];
  /** Inclusive bounds: "2021", "2021-06" or "2021-06-09". */
  from?: string | undefined;
  to?: string | undefined;
}


const PERIOD = /^(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:\s*(?:\u2013|\u2014|-|to|\.\.)\s*(\d{4}(?:-\d{2}(?:-\d{2})?)?))?$/i;

/** Reads the filter box: names or aliases of entities, kinds ("exercises"), and a year or period ("2021-2023"), comma-separated. */
export function parseFilter(text: string, entities: readonly EntitySummary[]): { selection: ChronologySelection; unknown: string[] } {
  const selection: ChronologySelection = { entityIds: [], kinds: [] };
  const unknown: string[] = [];
  for (const part of text.split(/[,;]/)) {
    const token = part.trim().replace(/\s+/g, ' ');
    if (!token) continue;
    const period = PERIOD.exec(token);
    if (period) {
      selection.from = period[1];
      selection.to = period[2] ?? period[1];
      continue;
    }
    const kind = kindNamed(token);
    if (kind) {
      if (!selection.kinds.includes(kind)) selection.kinds.push(kind);
      continue;
    }
    const entity = entityNamed(token, entities);
    if (entity) {
      if (!selection.entityIds.includes(entity.id)) selection.entityIds.push(entity.id);
    } else unknown.push(token);
  }
  return { selection, unknown };
}

function kindNamed(token: string): EntityKindName | undefined {
  const lower = token.toLowerCase();
  return ENTITY_KIND_ORDER.find((kind) => lower === kind || lower === KIND_TITLES[kind].toLowerCase() || lower === `all ${KIND_TITLES[kind].toLowerCase()}`);
}

/** An entity by its name, an alias or its id (any case); else the one entity whose name contains the words. */
function entityNamed(token: string, entities: readonly EntitySummary[]): EntitySummary | undefined {
  const lower = token.toLowerCase();
  const exact = entities.find((e) => e.id === token || e.name.toLowerCase() === lower || e.aliases.some((a) => a.toLowerCase() === lower));
  if (exact) return exact;
  const partial = entities.filter((e) => e.name.toLowerCase().includes(lower));
  return partial.length === 1 ? partial[0] : undefined;
}

/** The filter box's text for a selection: what parseFilter reads back to the same selection. */
export function filterText(selection: ChronologySelection, entities: readonly EntitySummary[]): string {
  const names = selection.entityIds.map((id) => entities.find((e) => e.id === id)?.name ?? id);
  const kinds = selection.kinds.map((kind) => KIND_TITLES[kind]);
  const period = selection.from || selection.to ? [selection.from === selection.to ? selection.from! : `${selection.from ?? ''}\u2013${selection.to ?? ''}`] : [];
  return [...names, ...kinds, ...period].join(', ');
}

export interface Lane {
  label: string;
  kind: EntityKindName;
}

export interface Mark {
  /** Index into the drawing's events: what a click opens or zooms into. */
  event: number;
  lane: number;
  /** Milliseconds (UTC) of the first and after the last day the event stands for. */
  start: number;
  end: number;
  mentions: number;
  passages: number;
  catalogOnly: boolean;
  /** One passage (opens it), or a month or year of them (zooms into it). */
  gathered: boolean;
  /** Read aloud and shown first in the tooltip. */
  label: string;
  dateLabel: string;
  /** The document, or how many passages, and the entities of this lane with their counts. */
  detail: string[];
}

export interface Drawing {
  lanes: Lane[];
  marks: Mark[];
  /** The span of the axis (milliseconds, UTC). */
  from: number;
  to: number;
  by: ChronologyResult['by'];
  summary: string;
}

/** Lays out a chronology: a lane per entity asked for (in the order asked), then one per kind for the others. */
export function drawingOf(result: ChronologyResult, selection: ChronologySelection, describe: string): Drawing {
  const lanes: Lane[] = [];
  const laneOf = new Map<string, number>();
  const lane = (key: string, label: string, kind: EntityKindName) => {
    let at = laneOf.get(key);
    if (at === undefined) laneOf.set(key, (at = lanes.push({ label, kind }) - 1));
    return at;
  };
  // Lanes in a stable order: the entities asked for first, then kinds in the catalog's order.
  for (const id of selection.entityIds) {
    const entity = result.events.flatMap((e) => e.entities).find((x) => x.id === id);
    if (entity) lane(`entity:${id}`, entity.name, entity.kind);
  }
  const kindsSeen = new Set(result.events.flatMap((e) => e.entities.filter((x) => !selection.entityIds.includes(x.id)).map((x) => x.kind)));
  for (const kind of ENTITY_KIND_ORDER) if (kindsSeen.has(kind)) lane(`kind:${kind}`, KIND_TITLES[kind], kind);

  const marks: Mark[] = [];
  result.events.forEach((event, index) => {
    const perLane = new Map<number, ChronologyEventSummary['entities']>();
    for (const entity of event.entities) {
      const at = selection.entityIds.includes(entity.id) ? laneOf.get(`entity:${entity.id}`)! : laneOf.get(`kind:${entity.kind}`)!;
      perLane.set(at, [...(perLane.get(at) ?? []), entity]);
    }
    const [start, end] = spanOf(event.date);
    const gathered = result.by !== 'passage' && !event.catalogOnly;
    for (const [at, entities] of perLane) {
      const mentions = entities.reduce((n, e) => n + e.mentions, 0);
      const passages = gathered ? Math.max(...entities.map((e) => e.passages)) : event.passages;
      marks.push({
        event: index,
        lane: at,
        start,
        end,
        mentions,
        passages,
        catalogOnly: event.catalogOnly,
        gathered,
        label: markLabel(event, entities, gathered),
        dateLabel: event.dateLabel,
        detail: markDetail(event, entities, gathered),
      });
    }
  });
  const spans = marks.map((m) => [m.start, m.end]);
  let from = selection.from ? spanOf(selection.from)[0] : Math.min(...spans.map((s) => s[0]));
  let to = selection.to ? spanOf(selection.to)[1] : Math.max(...spans.map((s) => s[1]));
  if (!marks.length && !selection.from) [from, to] = spanOf(String(new Date().getUTCFullYear()));
  // Whole years on the axis unless a period was asked for.
  if (!selection.from) from = Date.UTC(new Date(from).getUTCFullYear(), 0, 1);
  if (!selection.to) to = Date.UTC(new Date(to - 1).getUTCFullYear() + 1, 0, 1);
  return { lanes, marks, from, to, by: result.by, summary: summaryOf(result, describe) };
}

function markLabel(event: ChronologyEventSummary, entities: ChronologyEventSummary['entities'], gathered: boolean): string {
  if (event.catalogOnly) return `${entities.map((e) => `${e.name} ${e.editions.join(', ')}`).join(', ')}: in the catalog only`;
  if (gathered) return `${event.dateLabel}: ${plural(Math.max(...entities.map((e) => e.passages)), 'passage')}`;
  return event.passage?.title || event.documentTitle || event.dateLabel;
}

function markDetail(event: ChronologyEventSummary, entities: ChronologyEventSummary['entities'], gathered: boolean): string[] {
  const lines: string[] = [];
  if (event.catalogOnly) lines.push('No dated passage of the corpus mentions this edition; it stands at its catalog year.');
  else if (!gathered && event.documentTitle && event.documentTitle !== event.passage?.title) lines.push(event.documentTitle);
  const top = [...entities].sort((a, b) => b.mentions - a.mentions);
  for (const e of top.slice(0, 5)) {
    const editions = e.editions.length ? ` (${e.editions.join(', ')})` : '';
    if (!event.catalogOnly) lines.push(`${e.name}${editions}: ${plural(e.mentions, 'mention')}${gathered ? ` in ${plural(e.passages, 'passage')}` : ''}`);
  }
  if (top.length > 5) lines.push(`and ${plural(top.length - 5, 'more entity', 'more entities')}`);
  if (gathered) lines.push('Click to see its passages.');
  return lines;
}

function summaryOf(result: ChronologyResult, describe: string): string {
  const scale = result.by === 'passage' ? '' : `, by ${result.by}`;
  return `${describe}: ${plural(result.passages, 'passage')}${scale}`;
}

/** The first and after the last millisecond (UTC) of a date, a month or a year. */
export function spanOf(date: string): [number, number] {
  const [y, m, d] = date.split('-').map(Number);
  if (d) return [Date.UTC(y, m - 1, d), Date.UTC(y, m - 1, d + 1)];
  if (m) return [Date.UTC(y, m - 1, 1), Date.UTC(y, m, 1)];
  return [Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1)];
}
