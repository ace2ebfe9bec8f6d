// The text of quotations as the analyst reads it: the quotation and its citation inserted into a
// note (a link, a footnote or plain "Title (date)"), the paragraph a corpus sentence stands in,
// and the hovers of a citation and of a quotation found verbatim. Markdown from plain facts.

import { escapeMarkdown } from '../text/markdown';
import { clip } from '../text/strings';

export type CitationFormat = 'link' | 'footnote' | 'plain';

/** What inserting a quotation writes: its text after "> ", and for a footnote the text added at `footnoteAt` (the note's end). */
export interface QuoteInsertion {
  newText: string;
  footnote?: { at: number; text: string };
}

const MAX_CITED_TITLE = 80;
const MAX_CONTEXT = 400;

/**
 * The quotation `sentence` and its citation for a note whose text is `noteText`: `where` is the
 * source's label ("Title, 30 May 2022"), `link` the path from the note to its line.
 */
export function renderQuoteInsertion(noteText: string, sentence: string, where: string, link: string, format: CitationFormat): QuoteInsertion {
  // The citation names the source in a line's worth: a long title is cut, the date kept.
  where = shortened(where);
  if (format === 'plain') return { newText: `${sentence}\n> \u2014 ${plainCitation(where)}` };
  if (format === 'link') return { newText: `${sentence}\n> \u2014 [${where.replace(/[[\]]/g, '')}](${link})` };
  // A footnote: the mark after the quotation, the note itself at the end of the text.
  let next = 1;
  for (const mark of noteText.matchAll(/\[\^(\d+)\]/g)) next = Math.max(next, Number(mark[1]) + 1);
  const gap = noteText.endsWith('\n') ? '\n' : '\n\n';
  return { newText: `${sentence}[^${next}]`, footnote: { at: noteText.length, text: `${gap}[^${next}]: [${where.replace(/[[\]]/g, '')}](${link})\n` } };
}

/** The paragraph a sentence stands in, the sentence in bold, cut to a readable length around it. */
export function renderSentenceInContext(text: string, start: number, end: number): string {
  const paragraphStart = text.lastIndexOf('\n', start - 1) + 1;
  const newline = text.indexOf('\n', end);
  const paragraphEnd = newline < 0 ? text.length : newline;
  const from = Math.max(paragraphStart, start - MAX_CONTEXT);
  const to = Math.min(paragraphEnd, end + MAX_CONTEXT);
  const flat = (a: number, b: number) => escapeMarkdown(text.slice(a, b).replace(/\s+/g, ' '));
  return `> ${from > paragraphStart ? '\u2026' : ''}${flat(from, start)}**${flat(start, end).trim()}**${flat(end, to)}${to < paragraphEnd ? '\u2026' : ''}`;
}

/** The hover of a citation: the passage's sentence it points to, and where it is. */
export function renderCitedPassage(sentence: string, where: string, line: number | undefined): string {
  return `> ${escapeMarkdown(sentence)}\n\n${escapeMarkdown(where)}${line ? `, line ${line}` : ''}`;
}

/** The hover of a quotation found word for word in the corpus. */
export function renderVerbatimSource(where: string, uri: string, line: number): string {
  return `*Quoted verbatim from* [${escapeMarkdown(where)}](${uri}#L${line}), line ${line}`;
}

/** "Title, 30 May 2022" as its title and date ('' when the label has no date). */
function splitLabel(where: string): { title: string; date: string } {
  const match = /^(.*), (\d{1,2} \w{3} \d{4}|\d{4})$/.exec(where);
  return match ? { title: match[1], date: match[2] } : { title: where, date: '' };
}

/** "Title, date" with the title cut to a readable length. */
function shortened(where: string): string {
  const { title, date } = splitLabel(where);
  return title.length > MAX_CITED_TITLE ? `${clip(title, MAX_CITED_TITLE)}${date ? `, ${date}` : ''}` : where;
}

/** "Title (30 May 2022)" from "Title, 30 May 2022". */
function plainCitation(where: string): string {
  const { title, date } = splitLabel(where);
  return date ? `${title} (${date})` : where;
}
