// The chronology as a Markdown table for a note: a heading that says what it covers, then a row per
// dated passage (date, the entities it mentions, the sentence of their first mention in its text,
// a link to the source relative to the note) and per edition the catalog knows but no passage
// mentions.

import { citationTarget } from '../quotes/citations';
import type { Chronology, ChronologyEvent } from '../query/chronology';
import { formatDate } from '../text/dates';
import { escapeMarkdown } from '../text/markdown';

/** `coverage` says what the table covers ("Indestructible Brotherhood, exercises"); `sentences` the events' sentences. */
export function renderChronologyTable(chronology: Chronology, sentences: ReadonlyMap<ChronologyEvent, string>, coverage: string, noteUri: string): { markdown: string; rows: number } {
  const cell = (text: string) => escapeMarkdown(text.replace(/\s+/g, ' ').trim()).replace(/\|/g, '\\|');
  const rows = chronology.events.map((event) => {
    const { document, first } = event;
    const names = cell(event.entities.map(({ entity, editions }) => (editions.length ? `${entity.name} ${editions.join(', ')}` : entity.name)).join('; '));
    if (!document || !first) return `| ${event.date} | ${names} | In the catalog; no dated passage of the corpus mentions this edition. | catalog |`;
    const line = document.lines.positionAt(first.start).line + 1;
    // Brackets would end the link's text: left out before the cell is escaped; the title whole.
    const source = `[${cell(document.title.replace(/[[\]]/g, ''))}](${citationTarget(noteUri, document.uri, line)})`;
    return `| ${formatDate(event.date)} | ${names} | ${cell(sentences.get(event) ?? '')} | ${source} |`;
  });
  const heading = `*Chronology of ${cell(coverage)} in the corpus: ${chronology.passages} passage${chronology.passages === 1 ? '' : 's'}.*`;
  return { markdown: [heading, '', '| Date | Entity | Event | Source |', '| --- | --- | --- | --- |', ...rows].join('\n'), rows: rows.length };
}
