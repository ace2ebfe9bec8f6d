// The Chronology view's page: draws the host's drawing (lanes and marks) as plain SVG in the
// theme's colours, with a tooltip per mark and keyboard navigation (arrows move between marks,
// Enter opens a passage or zooms into a month). Everything shown is set as text, never as HTML.

import { axisTicks } from '../src/chronology/axis';
import type { FromWebview, ToWebview } from '../src/chronology/messages';
import type { Drawing, Mark } from '../src/chronology/model';

declare function acquireVsCodeApi(): { postMessage(message: FromWebview): void };
const host = acquireVsCodeApi();

const SVG = 'http://www.w3.org/2000/svg';
const SIDE = 10;
/** A lane's height: at least this, more when the pane has room (up to the most). */
const LANE_HEIGHT = 48;
const MAX_LANE_HEIGHT = 180;
const LANE_LABEL = 13;
const AXIS_HEIGHT = 22;
const MIN_RADIUS = 3.5;
const MAX_RADIUS = 11;

const filter = document.getElementById('filter') as HTMLInputElement;
const names = document.getElementById('names') as HTMLDataListElement;
const allDates = document.getElementById('all-dates') as HTMLButtonElement;
const summary = document.getElementById('summary') as HTMLElement;
const chart = document.getElementById('chart') as HTMLElement;
const tip = document.getElementById('tip') as HTMLElement;

let drawing: Drawing | undefined;
/** Marks in reading order: lane by lane, oldest first. */
let ordered: Mark[] = [];
let circles = new Map<Mark, SVGCircleElement>();
let current = 0;
let tipFor: Mark | undefined;
const sentences = new Map<number, string>();

function svg<K extends keyof SVGElementTagNameMap>(name: K, attributes: Record<string, string | number>, parent?: Element): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  parent?.appendChild(element);
  return element;
}

function draw(): void {
  chart.replaceChildren();
  circles = new Map();
  hideTip();
  if (!drawing) return;
  const d = drawing;
  if (!d.marks.length) {
    const empty = document.createElement('p');
    empty.className = 'empty';
    empty.textContent = 'No dated passage matches the filter.';
    chart.appendChild(empty);
    return;
  }
  const width = Math.max(220, chart.clientWidth);
  const inner = width - 2 * SIDE - 2 * MAX_RADIUS;
  const x = (time: number) => SIDE + MAX_RADIUS + ((time - d.from) / Math.max(1, d.to - d.from)) * inner;
  // Lanes share the pane's height (a small chart in a tall pane was 80 px of it), at least LANE_HEIGHT each.
  const laneHeight = Math.max(LANE_HEIGHT, Math.min(MAX_LANE_HEIGHT, Math.floor((chart.clientHeight - AXIS_HEIGHT - 4) / d.lanes.length)));
  const height = d.lanes.length * laneHeight + AXIS_HEIGHT;
  const laneY = (lane: number) => lane * laneHeight + LANE_LABEL + 17 + Math.max(0, (laneHeight - LANE_HEIGHT) / 2);
  const root = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'application', 'aria-roledescription': 'timeline', 'aria-label': `Timeline: ${summary.textContent ?? ''}. Arrow keys move between marks, Enter opens one.` }, chart);

  for (const tick of axisTicks(d.from, d.to, inner)) {
    const at = x(tick.time);
    svg('line', { x1: at, x2: at, y1: 0, y2: height - AXIS_HEIGHT + (tick.major ? 6 : 3), class: tick.major ? 'grid major' : 'grid minor' }, root);
    // A label stands right of its tick; one that would run off the edge (the year the axis ends at) is left out.
    if (tick.label && at + 3 + tick.label.length * 7 <= width) svg('text', { x: at + 3, y: height - 6, class: tick.major ? 'axis year' : 'axis month' }, root).textContent = tick.label;
  }
  d.lanes.forEach((lane, index) => {
    const top = index * laneHeight;
    svg('line', { x1: SIDE, x2: width - SIDE, y1: laneY(index), y2: laneY(index), class: 'lane-line' }, root);
    svg('text', { x: SIDE, y: top + LANE_LABEL, class: `lane-label kind-${lane.kind}` }, root).textContent = lane.label;
  });

  // Sized against at least a few mentions, so that marks of one mention each stay small enough to tell apart.
  const most = Math.max(4, ...d.marks.map((m) => m.mentions));
  const radius = (m: Mark) => (m.catalogOnly ? 5 : MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * Math.sqrt(m.mentions / most));
  ordered = [...d.marks].sort((a, b) => a.lane - b.lane || a.start - b.start);
  current = Math.min(current, ordered.length - 1);
  // Marks of one lane on the same day are stacked above and below the lane's line, not drawn as one.
  const stacked = new Map<Mark, number>();
  const sameDay = new Map<string, Mark[]>();
  for (const mark of ordered) {
    const key = `${mark.lane}:${Math.round(x((mark.start + mark.end) / 2))}`;
    const group = sameDay.get(key) ?? [];
    group.push(mark);
    sameDay.set(key, group);
  }
  for (const group of sameDay.values()) {
    const step = Math.min(2 * MAX_RADIUS, (laneHeight - LANE_LABEL - 6) / group.length);
    group.forEach((mark, i) => stacked.set(mark, (i - (group.length - 1) / 2) * step));
  }
  // Big marks first, so that a small one on the same day stays visible on top.
  for (const mark of [...ordered].sort((a, b) => radius(b) - radius(a))) {
    const classes = ['mark', `kind-${d.lanes[mark.lane].kind}`, mark.catalogOnly ? 'catalog' : '', mark.gathered ? 'gathered' : ''].filter(Boolean).join(' ');
    const circle = svg('circle', { cx: x((mark.start + mark.end) / 2), cy: laneY(mark.lane) + (stacked.get(mark) ?? 0), r: radius(mark), class: classes, tabindex: -1, role: 'button' }, root);
    circle.setAttribute('aria-label', [mark.dateLabel, mark.label, ...mark.detail].join('. '));
    circle.addEventListener('mouseenter', () => showTip(mark));
    circle.addEventListener('mouseleave', () => document.activeElement !== circle && hideTip());
    circle.addEventListener('focus', () => {
      current = ordered.indexOf(mark);
      showTip(mark);
    });
    circle.addEventListener('blur', hideTip);
    circle.addEventListener('click', () => activate(mark));
    circles.set(mark, circle);
  }
  root.addEventListener('keydown', onKey);
  circles.get(ordered[current])?.setAttribute('tabindex', '0');
}

function focusMark(index: number): void {
  if (!ordered.length) return;
  circles.get(ordered[current])?.setAttribute('tabindex', '-1');
  current = Math.max(0, Math.min(ordered.length - 1, index));
  const circle = circles.get(ordered[current]);
  circle?.setAttribute('tabindex', '0');
  circle?.focus();
}

function onKey(event: KeyboardEvent): void {
  const mark = ordered[current];
  if (!mark) return;
  const inLane = ordered.map((m, i) => ({ m, i })).filter(({ m }) => m.lane === mark.lane);
  const nearestIn = (lane: number) => {
    const candidates = ordered.map((m, i) => ({ m, i })).filter(({ m }) => m.lane === lane);
    const middle = (m: Mark) => (m.start + m.end) / 2;
    return candidates.sort((a, b) => Math.abs(middle(a.m) - middle(mark)) - Math.abs(middle(b.m) - middle(mark)))[0]?.i;
  };
  const lanes = drawing?.lanes.length ?? 0;
  let next: number | undefined;
  switch (event.key) {
    case 'ArrowRight':
      next = current + 1 < ordered.length && ordered[current + 1].lane === mark.lane ? current + 1 : current;
      break;
    case 'ArrowLeft':
      next = current > 0 && ordered[current - 1].lane === mark.lane ? current - 1 : current;
      break;
    case 'ArrowDown':
      for (let lane = mark.lane + 1; lane < lanes && next === undefined; lane++) next = nearestIn(lane);
      break;
    case 'ArrowUp':
      for (let lane = mark.lane - 1; lane >= 0 && next === undefined; lane--) next = nearestIn(lane);
      break;
    case 'Home':
      next = inLane[0]?.i;
      break;
    case 'End':
      next = inLane.at(-1)?.i;
      break;
    case 'Enter':
    case ' ':
      activate(mark);
      break;
    case 'Escape':
      hideTip();
      break;
    default:
      return;
  }
  event.preventDefault();
  if (next !== undefined) focusMark(next);
}

function activate(mark: Mark): void {
  if (!mark.catalogOnly) host.postMessage({ type: 'activate', event: mark.event });
}

function showTip(mark: Mark): void {
  const circle = circles.get(mark);
  if (!circle) return;
  tipFor = mark;
  const title = document.createElement('strong');
  title.textContent = mark.label;
  const date = document.createElement('div');
  date.className = 'date';
  date.textContent = mark.dateLabel;
  const lines = mark.detail.map((line) => {
    const div = document.createElement('div');
    div.textContent = line;
    return div;
  });
  tip.replaceChildren(title, date, ...lines);
  if (!mark.gathered && !mark.catalogOnly) {
    const sentence = document.createElement('blockquote');
    sentence.textContent = sentences.get(mark.event) ?? '\u2026';
    tip.appendChild(sentence);
    if (!sentences.has(mark.event)) host.postMessage({ type: 'describe', event: mark.event });
  }
  tip.hidden = false;
  const box = circle.getBoundingClientRect();
  const width = tip.offsetWidth;
  tip.style.left = `${Math.max(4, Math.min(window.innerWidth - width - 4, box.left + box.width / 2 - width / 2)) + window.scrollX}px`;
  const below = box.bottom + 6;
  tip.style.top = `${(below + tip.offsetHeight > window.innerHeight && box.top > tip.offsetHeight + 6 ? box.top - tip.offsetHeight - 6 : below) + window.scrollY}px`;
}

function hideTip(): void {
  tip.hidden = true;
  tipFor = undefined;
}

/** How long an answer may take before the summary says it is loading. */
const LOADING_DELAY = 300;
let loading = 0;

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  switch (message.type) {
    case 'drawing':
      clearTimeout(loading);
      drawing = message.drawing;
      current = 0;
      sentences.clear();
      if (document.activeElement !== filter) filter.value = sent = message.filter;
      names.replaceChildren(...message.names.map((name) => Object.assign(document.createElement('option'), { value: name })));
      allDates.hidden = !message.zoomed;
      summary.textContent = message.drawing.summary;
      summary.classList.remove('problem');
      draw();
      break;
    case 'loading':
      if (document.activeElement !== filter) filter.value = sent = message.filter;
      // Said only when the answer is slow: a note's edit redraws the view, and a summary that
      // turned to "Loading…" and back at every one would flicker.
      clearTimeout(loading);
      loading = window.setTimeout(() => (summary.textContent = 'Loading\u2026'), LOADING_DELAY);
      break;
    case 'colours':
      // The editor's colour of each kind's names (the host reads the theme); a kind left out keeps the view's palette.
      for (const name of [...document.body.style]) if (name.startsWith('--kind-')) document.body.style.removeProperty(name);
      for (const [kind, colour] of Object.entries(message.colours)) document.body.style.setProperty(`--kind-${kind}`, colour);
      break;
    case 'problem':
      clearTimeout(loading);
      summary.textContent = message.message;
      summary.classList.add('problem');
      break;
    case 'sentence':
      sentences.set(message.event, message.text);
      if (tipFor && tipFor.event === message.event) showTip(tipFor);
      break;
  }
});

// The filter applies as it is typed (a quarter of a second after the last key), and at once on
// Enter, on leaving the box, or on picking a name from the list.
let typing = 0;
let sent = filter.value;
const applyFilter = () => {
  clearTimeout(typing);
  if (filter.value === sent) return;
  sent = filter.value;
  host.postMessage({ type: 'filter', text: filter.value });
};
filter.addEventListener('input', () => {
  clearTimeout(typing);
  typing = window.setTimeout(applyFilter, 250);
});
filter.addEventListener('change', applyFilter);
allDates.addEventListener('click', () => host.postMessage({ type: 'allDates' }));
let pending = 0;
new ResizeObserver(() => {
  cancelAnimationFrame(pending);
  pending = requestAnimationFrame(draw);
}).observe(chart);
host.postMessage({ type: 'ready' });
