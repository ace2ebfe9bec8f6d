// The chronology as a Markdown table for a note: a heading that says what it covers, then a row per
// dated passage (date, the sentence of its first mention, a link to the source relative to the
// note) and per edition the catalog knows but no passage mentions.

import { citationTarget } from '../quotes/citations';
import type { Chronology, ChronologyEvent } from '../query/chronology';
import { formatDate } from '../text/dates';
import { escapeMarkdown } from '../text/markdown';
import { clip } from '../text/strings';

const MAX_TITLE = 70;

/** `coverage` says what the table covers ("Indestructible Brotherhood, exercises"); `sentences` the events' sentences. */
export function renderChronologyTable(chronology: Chronology, sentences: ReadonlyMap<ChronologyEvent, string>, coverage: string, noteUri: string): { markdown: string; rows: number } {
  const cell = (text: string) => escapeMarkdown(text.replace(/\s+/g, ' ').trim()).replace(/\|/g, '\\|');
  const rows = chronology.events.map((event) => {
    const { document, first } = event;
    if (!document || !first) {
      const { entity, editions } = event.entities[0];
      return `| ${event.date} | ${cell(`${entity.name}, ${editions.join(', ')} edition: in the catalog; no dated passage of the corpus mentions it.`)} | catalog |`;
    }
    const line = document.lines.positionAt(first.start).line + 1;
    // Brackets would end the link's text: left out before the cell is escaped.
    const source = `[${cell(clip(document.title, MAX_TITLE).replace(/[[\]]/g, ''))}](${citationTarget(noteUri, document.uri, line)})`;
    return `| ${formatDate(event.date)} | ${cell(sentences.get(event) ?? event.entities.map((e) => e.entity.name).join(', '))} | ${source} |`;
  });
  const heading = `*Chronology of ${cell(coverage)} in the corpus: ${chronology.passages} passage${chronology.passages === 1 ? '' : 's'}.*`;
  return { markdown: [heading, '', '| Date | Event | Source |', '| --- | --- | --- |', ...rows].join('\n'), rows: rows.length };
}
