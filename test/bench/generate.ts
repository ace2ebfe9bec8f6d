// A deterministic corpus for the benchmark and the scale tests: documents assembled from the seed
// corpus's paragraphs, with varied dates, exercise editions, operation stages and body names, so
// that the mention density is that of the real pages.

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: a small, fast, seedable PRNG; the same seed gives the same corpus everywhere. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BOILERPLATE = /^(search|publications|go back|back to the section|back to the all news|read more in our telegram-channel|read also:?|_{3,})$/i;
const DATE_LINE = /^\d{2}\.\d{2}\.\d{4}$/;

/** The seed paragraphs worth reusing: running text, not dates, menus or bylines. */
export function seedParagraphs(seedCorpus: string): string[] {
  const paragraphs: string[] = [];
  for (const name of readdirSync(seedCorpus).filter((f) => f.endsWith('.txt')).sort()) {
    for (const line of readFileSync(join(seedCorpus, name), 'utf8').split(/\r?\n/)) {
      const text = line.trim();
      if (text.length < 80 || BOILERPLATE.test(text) || DATE_LINE.test(text) || /^(Author:|\d{1,2}:\d{2} )/.test(text)) continue;
      paragraphs.push(text);
    }
  }
  return [...new Set(paragraphs)];
}

const SERIES = ['Indestructible Brotherhood', 'Interaction', 'Search', 'Echelon', 'Combat Brotherhood', 'Cobalt', 'Rubezh', 'Mercenary', 'Channel', 'Illegal'];
const VARIANTS: [RegExp, string[]][] = [
  [/Council of Defence Ministers/g, ['Council of Defence Ministers', 'Council of Defense Ministers', 'Council of Ministers of Defence']],
  [/Crisis Response Center/g, ['Crisis Response Center', 'Crisis Response Centre', 'Crisis Reaction Center']],
  [/Collective Peacekeeping Forces/g, ['Collective Peacekeeping Forces', 'CSTO Peacekeeping Forces', 'Peacekeeping Forces']],
  [/Council of Foreign Ministers/g, ['Council of Foreign Ministers', 'Council of Ministers of Foreign Affairs', 'CSTO Ministerial Council']],
];
const EXTRA_SENTENCES = [
  (year: number, r: () => number) => `The sub-regional stage «${pick(r, ['Channel-Arax', 'Channel-Center', 'Kanal-Avangard', 'Channel-Mountain Outpost'])}» of the anti-drug operation Channel was held in ${year}.`,
  (year: number, r: () => number) => `Special forces of the CRRF trained in the exercise “${pick(r, ['Cobalt', 'Granite', 'Steppe Shield', 'Thunder'])}-${year}”, the Joint Staff said.`,
  (year: number) => `In ${year} the Collective Rapid Deployment Forces of the Central Asian Region held the Rubezh-${year} exercise.`,
  (year: number) => `The operation «Illegal-${year}» was planned by the Coordination Council for Countering Illegal Migration.`,
];

function pick<T>(r: () => number, items: readonly T[]): T {
  return items[Math.floor(r() * items.length)];
}

function date(r: () => number): { dotted: string; year: number } {
  const year = 2015 + Math.floor(r() * 11);
  const month = 1 + Math.floor(r() * 12);
  const day = 1 + Math.floor(r() * 28);
  return { dotted: `${String(day).padStart(2, '0')}.${String(month).padStart(2, '0')}.${year}`, year };
}

function vary(paragraph: string, r: () => number, year: number): string {
  let text = paragraph.replace(new RegExp(`(${SERIES.join('|')})-(\\d{4})`, 'g'), (_, name: string) => `${name}-${year - Math.floor(r() * 3)}`);
  for (const [pattern, options] of VARIANTS) text = text.replace(pattern, () => pick(r, options));
  return text;
}

/** One document: a few dated news items, then an article with its headline repeated with its date. */
export function generateDocument(r: () => number, paragraphs: readonly string[], targetBytes: number): string {
  const parts: string[] = [];
  const news = 2 + Math.floor(r() * 4);
  for (let i = 0; i < news; i++) {
    const d = date(r);
    parts.push(`${d.dotted}\n\n${vary(pick(r, paragraphs), r, d.year)}\n\n`);
  }
  const d = date(r);
  const headline = pick(r, paragraphs).split(/\s+/).slice(0, 6 + Math.floor(r() * 8)).join(' ').replace(/[,.;:]$/, '');
  parts.push(`${headline}\n\n${headline} ${d.dotted}\n\n`);
  let size = parts.join('').length;
  while (size < targetBytes) {
    let paragraph = vary(pick(r, paragraphs), r, d.year);
    if (r() < 0.15) paragraph += ` ${pick(r, EXTRA_SENTENCES)(d.year - Math.floor(r() * 2), r)}`;
    parts.push(`${paragraph}\n\n`);
    size += paragraph.length + 2;
  }
  parts.push('Go back\n\nBack to the section\n\nBack to the all news\n');
  return parts.join('');
}

export interface GeneratedCorpus {
  folder: string;
  files: number;
  bytes: number;
}

/** Writes `count` documents of about `averageBytes` each into `folder`. Same seed, same bytes. */
export function generateCorpus(seedCorpus: string, folder: string, count: number, averageBytes: number, seed: number): GeneratedCorpus {
  const r = random(seed);
  const paragraphs = seedParagraphs(seedCorpus);
  mkdirSync(folder, { recursive: true });
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    // Sizes vary from a fifth to twice the average, as pages do.
    const target = Math.round(averageBytes * (0.2 + r() * 1.6));
    const text = generateDocument(r, paragraphs, target);
    const name = `${String(i).padStart(5, '0')}.txt`;
    writeFileSync(join(folder, name), text);
    bytes += Buffer.byteLength(text);
  }
  return { folder, files: count, bytes };
}

/** Sentences an analyst writes in notes: bare code names, possessives, abbreviations, a question or two. */
const NOTE_SENTENCES = [
  (r: () => number) => `We compared ${pick(r, ['Mercenary', 'Channel', 'Illegal', 'Kanal', 'Nelegal'])} with ${pick(r, ['Search', 'Interaction', 'Echelon', 'Cobalt', 'Rubezh'])} in the last report.`,
  (r: () => number) => `The ${pick(r, ['CSC', 'CDM', 'CFM', 'CRRF', 'CPF'])}'s decision on this still stands.`,
  (r: () => number) => `- ${pick(r, ['Indestructible Brotherhood', 'Combat Brotherhood', 'Channel-Center'])}-${2018 + Math.floor(r() * 8)} needs a second source.`,
  () => 'Open question: how does the Secretariat count the participants?',
  () => 'The search for a settlement is a separate matter from any exercise.',
];

/** An analyst's note: a heading, then paragraphs of notes and of quoted corpus text, about `targetBytes` long. */
export function generateNote(r: () => number, paragraphs: readonly string[], targetBytes: number, title: string): string {
  const parts = [`# ${title}\n\n`];
  let size = parts[0].length;
  while (size < targetBytes) {
    const part = r() < 0.5 ? `${pick(r, NOTE_SENTENCES)(r)} ${pick(r, NOTE_SENTENCES)(r)}\n\n` : `> ${pick(r, paragraphs)}\n\n`;
    parts.push(part);
    size += part.length;
  }
  return parts.join('');
}

/** Writes `count` notes of about `averageBytes` each into `folder`. Same seed, same bytes. */
export function generateNotes(seedCorpus: string, folder: string, count: number, averageBytes: number, seed: number): GeneratedCorpus {
  const r = random(seed ^ 0x5eed);
  const paragraphs = seedParagraphs(seedCorpus);
  mkdirSync(folder, { recursive: true });
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const text = generateNote(r, paragraphs, Math.round(averageBytes * (0.3 + r() * 1.4)), `Note ${i}`);
    writeFileSync(join(folder, `note-${String(i).padStart(4, '0')}.md`), text);
    bytes += Buffer.byteLength(text);
  }
  return { folder, files: count, bytes };
}
