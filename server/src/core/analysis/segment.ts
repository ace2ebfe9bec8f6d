// Splits a corpus document into passages: dated news items, articles (title + date + body) with
// their sections and author lines, and the site's navigation boilerplate.

import { parseDateline, parseDottedDate, type IsoDate } from '../text/dates';
import type { Passage, PassageKind, SegmentedDocument } from '../model';
import { splitLines } from '../text/lines';
import { isCyrillicCapital } from '../text/russian';
import { fingerprint, truncate } from '../text/strings';

type LineClass = 'date' | 'title' | 'titleDate' | 'byline' | 'boilerplate' | 'related' | 'question' | 'heading' | 'text';

interface ContentLine {
  start: number;
  end: number;
  text: string;
  cls: LineClass;
  /** For 'date', 'titleDate' and 'byline' lines: the date they carry. */
  date?: IsoDate | undefined;
}

/** Navigation and page furniture of the source sites, compared case-insensitively. */
const BOILERPLATE_LINES = new Set([
  'search', 'publications', 'news', 'home', 'print', 'share', 'menu', 'go back', 'back',
  'back to the section', 'back to the all news', 'back to all news', 'back to the list',
  'read more in our telegram-channel', 'read more in our telegram channel', '(video)',
]);
const LONGEST_BOILERPLATE_LINE = Math.max(...[...BOILERPLATE_LINES].map((l) => l.length));
/** A photo credit: tried only on lines with a "©" (the pattern is searched for through the line). */
const PHOTO_CREDIT = /\u00a9\s*photo/i;
const BOILERPLATE_PATTERNS = [
  /^_{3,}$/, // separator rule
  /^-{3,}$/,
  /^read more (in|at|on) .*https?:\/\//i, // "Read more in the Parlamentskaya Gazeta: https://..."
  /^e-?mail\s*:/i,
  /^(tel|fax|phone)\b/i,
];
/**
 * A phone number line ("+7 (495) 606-97-71 tel/fax"). Tested only on short lines: on a long run
 * of digits and spaces the pattern backtracks quadratically (100 kB took 4.7 s).
 */
const PHONE_LINE = /^\+?\d[\d\s()\-]{6,}[\d)](\s*[-–]?\s*(tel|fax|tel\/fax))?$/i;
const LONGEST_PHONE_LINE = 64;
/** A line that is a date and nothing else is no longer than this ("Wednesday, September 30, 2024 12:30"). */
const LONGEST_DATE_LINE = 60;
/** A document's dateline or publication line stands among its first lines. */
const DATELINE_LINES = 6;
const RELATED_HEADER = /^(read also|see also|related( news)?)\s*:?$/i;
/** "…, editor": tried only on lines ending in an r or a t (a search for commas through every paragraph otherwise). */
const BYLINE_AT_END = /,\s*(editor|correspondent|author)$/i;
const BYLINE_PATTERNS = [
  /^(author|authors|by|editor|text|interviewed by|prepared by)\s*:\s*\S/i,
  /^(the\s+)?(cstO\s+)?press secretary\b/i,
];
const TIME_DATE_BYLINE = /^(?:\d{1,2}:\d{2}\s+)?(\d{1,2}\.\d{1,2}\.\d{4})\s*[\u2022|\u00b7]\s*(.+)$/;
const MARKDOWN_HEADING = /^#{1,6}\s+/;
const MAX_HEADING_LENGTH = 90;
const MAX_TITLE_LENGTH = 240;
/** A news item is titled by its first sentence, cut to this length. */
const MAX_NEWS_TITLE_LENGTH = 120;

function classify(text: string): { cls: LineClass; date?: IsoDate | undefined } {
  // Most lines are running text: the first character and the length rule out what cannot fit.
  const first = text.charCodeAt(0);
  const digitFirst = first >= 48 && first <= 57;
  if (text.length <= LONGEST_BOILERPLATE_LINE && BOILERPLATE_LINES.has(text.toLowerCase())) return { cls: 'boilerplate' };
  if (BOILERPLATE_PATTERNS.some((p) => p.test(text)) || (text.includes('\u00a9') && PHOTO_CREDIT.test(text)) || ((digitFirst || first === 43) && text.length <= LONGEST_PHONE_LINE && PHONE_LINE.test(text))) return { cls: 'boilerplate' };
  if (RELATED_HEADER.test(text)) return { cls: 'related' };
  const dotted = digitFirst ? parseDottedDate(text) : undefined;
  if (dotted) return { cls: 'date', date: dotted };
  // A line that is only a date in another form ("27 June 2024", "June 9, 2021", "2024-06-27").
  if (text.length <= LONGEST_DATE_LINE && (digitFirst || (first >= 65 && first <= 90) || isCyrillicCapital(first))) {
    const dateline = parseDateline(text);
    if (dateline?.whole && dateline.date) return { cls: 'date', date: dateline.date };
  }
  const byline = digitFirst ? TIME_DATE_BYLINE.exec(text) : null;
  if (byline) return { cls: 'byline', date: parseDottedDate(byline[1]) };
  const last = text.charCodeAt(text.length - 1) | 32;
  if (BYLINE_PATTERNS.some((p) => p.test(text)) || ((last === 114 || last === 116) && BYLINE_AT_END.test(text))) return { cls: 'byline' };
  if (/^[-\u2013\u2014]\s/.test(text) && /\?["\u201d\u00bb]?$/.test(text)) return { cls: 'question' };
  if (first === 35 && MARKDOWN_HEADING.test(text)) return { cls: 'heading' };
  return { cls: 'text' };
}

function looksLikeHeading(text: string, maxLength: number): boolean {
  return (
    text.length <= maxLength &&
    /^[\p{Lu}\p{N}«"\u201c]/u.test(text) &&
    !/[.,;:!?]$/.test(text) &&
    !/^[-\u2022\u2013\u2014*]\s/.test(text) &&
    /\s/.test(text)
  );
}

function readLines(text: string): ContentLine[] {
  const lines: ContentLine[] = [];
  for (const line of splitLines(text)) {
    const leading = line.text.length - line.text.trimStart().length;
    const trimmed = line.text.trim();
    if (!trimmed) continue;
    const start = line.start + leading;
    lines.push({ start, end: start + trimmed.length, text: trimmed, ...classify(trimmed) });
  }
  // A headline repeated with its date appended ("Title 09.06.2021") opens an article.
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i];
    const next = lines[i + 1];
    if (line.cls !== 'text' && line.cls !== 'heading') continue;
    if (!next.text.startsWith(line.text) || next.text.length === line.text.length) continue;
    const date = parseDottedDate(next.text.slice(line.text.length));
    if (date) {
      line.cls = 'title';
      next.cls = 'titleDate';
      next.date = date;
    }
  }
  // Boilerplate and link lists: "Read also:" and the bullets under it.
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].cls !== 'related') continue;
    lines[i].cls = 'boilerplate';
    for (let j = i + 1; j < lines.length && /^[\u2022*]\s/.test(lines[j].text); j++) lines[j].cls = 'boilerplate';
  }
  // A short unpunctuated line followed by running text is a heading.
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i];
    if (line.cls === 'text' && lines[i + 1].cls === 'text' && looksLikeHeading(line.text, MAX_HEADING_LENGTH)) {
      line.cls = 'heading';
    }
  }
  // The first line of a page that starts with neither a date nor a headline is its headline.
  const first = lines.find((l) => l.cls !== 'boilerplate');
  if (first && (first.cls === 'text' || first.cls === 'heading') && looksLikeHeading(headingText(first.text), MAX_TITLE_LENGTH)) {
    first.cls = 'title';
  }
  return lines;
}

function headingText(text: string): string {
  return text.replace(MARKDOWN_HEADING, '').trim();
}

function firstSentence(text: string): string {
  const match = /^.*?[.!?](?=\s+[\p{Lu}"\u201c\u00ab]|$)/u.exec(text);
  return match ? match[0] : text;
}

class PassageBuilder {
  readonly passages: Passage[] = [];
  private open: Passage[] = [];

  constructor(private readonly text: string) {}

  start(kind: PassageKind, line: ContentLine, title: string, date?: IsoDate, parent?: number): Passage {
    const passage: Passage = { index: this.passages.length, kind, title: truncate(title, MAX_TITLE_LENGTH), start: line.start, end: line.end, fingerprint: '' };
    if (date) passage.date = date;
    if (parent !== undefined) passage.parent = parent;
    this.passages.push(passage);
    this.open.push(passage);
    return passage;
  }

  /** Extends every open passage to cover `end`. */
  extend(end: number): void {
    for (const passage of this.open) passage.end = Math.max(passage.end, end);
  }

  /** Closes open passages down to (and including) the given kinds. */
  close(...kinds: PassageKind[]): void {
    while (this.open.length && kinds.includes(this.open[this.open.length - 1].kind)) this.open.pop();
  }

  closeAll(): void {
    this.open = [];
  }

  current(kind: PassageKind): Passage | undefined {
    for (let i = this.open.length - 1; i >= 0; i--) if (this.open[i].kind === kind) return this.open[i];
    return undefined;
  }

  finish(): Passage[] {
    for (const passage of this.passages) {
      passage.fingerprint = fingerprint(this.text, passage.start, passage.end);
    }
    return this.passages;
  }
}

/**
 * Segments one document. `fallbackTitle` (usually the file name) names a document whose text
 * gives no title.
 */
export function segmentPassages(text: string, fallbackTitle: string): SegmentedDocument {
  const lines = readLines(text);
  const builder = new PassageBuilder(text);
  let pendingNewsTitle: Passage | undefined;
  /** The line that opened the article in progress: a date right under it is the article's. */
  let articleOpenedAt = -1;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    switch (line.cls) {
      case 'date': {
        const article = builder.current('article');
        if (article && !article.date && line.date && articleOpenedAt === i - 1) {
          // "Headline / 27 June 2024 / text": the date of the article, not a news item of its own.
          article.date = line.date;
          builder.extend(line.end);
          break;
        }
        builder.closeAll();
        pendingNewsTitle = builder.start('news', line, 'News item', line.date);
        break;
      }
      case 'title': {
        articleOpenedAt = i;
        builder.closeAll();
        const next = lines[i + 1];
        const date = next?.cls === 'titleDate' ? next.date : undefined;
        builder.start('article', line, headingText(line.text), date);
        if (date) {
          builder.extend(next.end);
          i++;
        }
        break;
      }
      case 'boilerplate': {
        builder.close('boilerplate');
        const article = builder.current('article');
        const block = builder.start('boilerplate', line, line.text, undefined, article?.index);
        while (lines[i + 1]?.cls === 'boilerplate') block.end = lines[++i].end;
        builder.close('boilerplate');
        break;
      }
      case 'byline': {
        builder.close('boilerplate', 'byline', 'section');
        const article = builder.current('article') ?? builder.current('news');
        const passage = builder.start('byline', line, line.text, line.date, article?.index);
        if (article && line.date && !article.date) article.date = line.date;
        builder.close('byline');
        if (article) builder.extend(passage.end);
        break;
      }
      case 'heading':
      case 'question': {
        builder.close('boilerplate', 'section');
        let article = builder.current('article');
        if (!article && line.cls === 'heading' && !builder.current('news')) {
          builder.closeAll();
          articleOpenedAt = i;
          article = builder.start('article', line, headingText(line.text));
          break;
        }
        if (article) builder.start('section', line, headingText(line.text).replace(/^[-\u2013\u2014]\s*/, ''), article.date, article.index);
        else builder.extend(line.end);
        break;
      }
      default: {
        builder.close('boilerplate');
        if (!builder.current('news') && !builder.current('article')) {
          builder.start('article', line, firstSentence(line.text));
          break;
        }
        if (pendingNewsTitle && builder.current('news') === pendingNewsTitle) {
          pendingNewsTitle.title = truncate(firstSentence(line.text), MAX_NEWS_TITLE_LENGTH);
          pendingNewsTitle = undefined;
        }
        builder.extend(line.end);
      }
    }
  }

  const passages = builder.finish();
  // Sections inherit their article's date (which a later byline may have supplied).
  for (const passage of passages) {
    if (passage.parent !== undefined && !passage.date) {
      const parentDate = passages[passage.parent].date;
      if (parentDate) passage.date = parentDate;
    }
  }
  return describeDocument(text, passages, fallbackTitle);
}

function describeDocument(text: string, passages: Passage[], fallbackTitle: string): SegmentedDocument {
  const main = passages.find((p) => p.kind === 'article') ?? passages.find((p) => p.kind === 'news');
  const dates = [...new Set(passages.map((p) => p.date).filter((d): d is IsoDate => !!d))].sort();
  // From its datelines and publication lines only, never from a year named in the text
  // ("established in 1992"): without one, a document is undated.
  const date = main?.date ?? dates[dates.length - 1] ?? datelineOf(text);
  const document: SegmentedDocument = { title: main ? main.title : fallbackTitle, dates, passages };
  if (date) document.date = date;
  return document;
}

/** The date of the first dateline among a document's first lines ("MOSCOW, June 9, 2021 /TASS/ - …"); none for a dateline without a year. */
function datelineOf(text: string): IsoDate | undefined {
  let looked = 0;
  for (const line of splitLines(text)) {
    const trimmed = line.text.trim();
    if (!trimmed) continue;
    if (++looked > DATELINE_LINES) return undefined;
    const dateline = parseDateline(trimmed);
    if (dateline) return dateline.date;
    // The CSTO site's headline line: "Title / 14.05.2025".
    const headed = looked === 1 ? HEADLINE_DATE.exec(trimmed) : null;
    if (headed) return parseDottedDate(headed[1]);
    // A Russian text opened by its date and "г.": "21.10.2027г. на полигоне …".
    const opened = looked === 1 ? OPENING_DATE.exec(trimmed) : null;
    if (opened) return parseDottedDate(opened[1]);
  }
  return undefined;
}

/** A date after a slash or bar at the end of a document's first line. */
/** The first line opened by a date glued to "г." (the Russian "year"): "21.10.2027г. на полигоне …". */
const OPENING_DATE = /^(\d{1,2}\.\d{1,2}\.\d{4})г\.\s/;
const HEADLINE_DATE = /\S\s+[/|]\s*(\d{1,2}\.\d{1,2}\.\d{4})$/;
