// The entity card: the Markdown shown on hover and as completion documentation, rendered from a
// plain record of facts (query/cardFacts.ts). Line one is the canonical name in bold and the kind,
// as DESIGN.md fixes it; then the key facts (the defining sentence and its source, the counts and
// the span of dates), the description, and the lists, each cut to its first few.

import type { Entity } from '../model';
import type { CardFacts, CardLink } from '../query/cardFacts';
import { formatDate } from '../text/dates';
import { escapeMarkdown } from '../text/markdown';
import { plural } from '../text/strings';

/** An edition's mentions drawn as bars up to this many. */
const MAX_BARS = 5;
/** Long lists on the card are cut to their first few: the full card is one command away. */
const MAX_NAMES = 8;
const MAX_SEEN = 4;
const MAX_CHILDREN = 5;

/** A link that opens a document at a line (VS Code and most clients read the #L fragment). */
function lineLink(link: CardLink): string {
  return `[${escapeMarkdown(link.label)}](${link.uri}#L${link.line})`;
}

export function kindLine(entity: Entity, edition?: number): string {
  const parts = [`**${escapeMarkdown(entity.name)}** \u2014 ${entity.kind}`];
  if (edition !== undefined) parts.push(`${edition} edition`);
  if (entity.discovered) parts.push('discovered');
  return parts.join(' \u00b7 ');
}

export interface CardRendering {
  /** Links under the quoted sentence that run the client's quoting commands with the entity's id (and, last, one that opens the card beside). */
  quoteCommands?: boolean | undefined;
  /** The whole card: no list cut to its first few. */
  full?: boolean | undefined;
}

export function renderEntityCard(facts: CardFacts, rendering: CardRendering = {}): string {
  const { entity, definition } = facts;
  // The key facts first: what it is, the sentence that defines it and where, how much and when the corpus reports it.
  const sections: string[] = [kindLine(entity, facts.edition)];
  if (facts.alternatives.length) {
    const others = facts.alternatives.map((e) => `**${escapeMarkdown(e.name)}** (${e.kind})`).join(', ');
    sections.push(`*Ambiguous here:* nothing in the text tells which is meant; this name also stands for ${others}.`);
  }
  const description = entity.description ? escapeMarkdown(entity.description) : entity.discovered ? '*Not in the catalog: Corpus Lens found this name in the text itself.*' : undefined;
  if (definition?.defining) {
    const links = rendering.quoteCommands ? `  \n${quoteLinks(entity.id, facts.edition)}` : '';
    // A sentence in the other language says so: the note is English and the corpus defines it only in Russian.
    const language = definition.otherLanguage ? ` (${LANGUAGE_NAMES[definition.otherLanguage]})` : '';
    sections.push(`> ${escapeMarkdown(definition.quote)}\n\n${definedIn(definition.about)} ${lineLink(definition.link)}${language}${links}`);
  } else if (definition && facts.unread) {
    // Documents not understood yet may define it, or report it earlier: the card says nothing it cannot know.
    sections.push(`*No defining sentence found yet:* ${stillReading(facts.unread)}`);
  } else if (definition) {
    // A first mention is not quoted: on a card, a quoted sentence reads as what the thing is.
    const unmentioned = definition.about === 'series' ? ', nor any mention of this edition; the series was' : ';';
    sections.push(`*No defining sentence in the corpus${unmentioned}* first reported in ${lineLink(definition.link)}`);
  } else {
    sections.push(facts.unread ? `*Not mentioned in the documents indexed so far:* ${stillReading(facts.unread)}` : '*Not mentioned in the indexed corpus.*');
  }
  if (definition) sections.push(keyCounts(facts));
  if (definition?.defining && facts.unread) sections.push(`*${stillReading(facts.unread)}*`);
  if (description) sections.push(description);

  const aliasParts: string[] = [];
  if (facts.names.length) aliasParts.push(`*Also known as:* ${firstFew(facts.names.map(escapeMarkdown), rendering.full ? Infinity : MAX_NAMES)}`);
  if (facts.russianNames.length) aliasParts.push(`*In Russian:* ${firstFew(facts.russianNames.map(escapeMarkdown), rendering.full ? Infinity : MAX_NAMES)}`);
  if (facts.latinSpellings.length) aliasParts.push(`*In Latin letters:* ${facts.latinSpellings.map(escapeMarkdown).join(' \u00b7 ')} *(and the press's mixtures of these)*`);
  if (facts.seenAs.length) aliasParts.push(`*Written in the corpus as:* ${firstFew(facts.seenAs.map((s) => `\u201c${escapeMarkdown(s)}\u201d`), rendering.full ? Infinity : MAX_SEEN)}`);
  if (aliasParts.length) sections.push(aliasParts.join('  \n'));

  const family: string[] = [];
  if (facts.parent) family.push(`*Part of:* ${escapeMarkdown(facts.parent)}`);
  if (facts.children.length) family.push(`*Includes:* ${firstFew(facts.children.map(escapeMarkdown), rendering.full ? Infinity : MAX_CHILDREN)}`);
  if (facts.editions.length) family.push(editionLine(facts.editions));
  if (family.length) sections.push(family.join('  \n'));

  if (definition) sections.push(mentionList(facts.mentions));
  if (facts.inNotes.mentions) sections.push(`*In your notes:* ${plural(facts.inNotes.mentions, 'mention')} in ${plural(facts.inNotes.notes, 'note')}`);
  if (rendering.quoteCommands && !rendering.full) sections.push(openCardLink(entity.id, facts.edition));
  return sections.join('\n\n');
}

/**
 * "4200 of 11000 documents are not read yet; definitions and dates may change." True while the
 * first index runs, and after one that was cancelled (a Refresh reads them).
 */
function stillReading(unread: { documents: number; of: number }): string {
  return `${unread.documents} of ${plural(unread.of, 'document')} ${unread.documents === 1 ? 'is' : 'are'} not read yet; definitions and dates may change.`;
}

/** "**Mentioned 23 times in 5 documents** · 8 Feb 2021 – 1 Oct 2024": the counts and the span of dated passages. */
function keyCounts(facts: CardFacts): string {
  const { mentions, span } = facts;
  const reprints = mentions.reprinted ? `, ${mentions.reprinted} more in reprints` : '';
  const known = !span ? 'no dated passage' : span.first === span.last ? formatDate(span.first) : `${formatDate(span.first)} \u2013 ${formatDate(span.last)}`;
  // Documents not understood yet have no dates: the span is of those read so far.
  const dates = facts.unread ? `${known} so far` : known;
  const russian = mentions.inRussian ? ` (${mentions.inRussian >= mentions.total ? 'all' : mentions.inRussian} in Russian)` : '';
  const series = `${plural(mentions.total, 'time')}${russian} in ${plural(mentions.documentCount, 'document')}${reprints}`;
  // An edition's card counts that edition's dated passages; the series' counts follow.
  if (facts.edition !== undefined) return `**The ${facts.edition} edition: ${plural(span?.passages ?? 0, 'dated passage')}** \u00b7 ${dates} \u00b7 the series: mentioned ${series}`;
  return `**Mentioned ${series}** \u00b7 ${dates}`;
}

/** The first `max` items joined, and "and N more" for the rest. */
function firstFew(items: readonly string[], max: number): string {
  const shown = items.slice(0, max).join(' \u00b7 ');
  return items.length > max ? `${shown} \u00b7 *and ${items.length - max} more*` : shown;
}

const LANGUAGE_NAMES = { en: 'in English', ru: 'in Russian' } as const;

/** "Defined in", or what the quoted definition is about when it is not what the card shows. */
function definedIn(about: 'series' | number | undefined): string {
  if (about === 'series') return 'Defined, for the series as a whole, in';
  if (typeof about === 'number') return `Defined, for its ${about} edition, in`;
  return 'Defined in';
}

/** Editions on one line, each with a bar per mention (five at most, then the count), and the catalog's notes on the next. */
function editionLine(editions: CardFacts['editions']): string {
  const bars = ({ year, mentions, sameYear }: CardFacts['editions'][number]) =>
    mentions > 0
      ? `${year} ${'\u25ae'.repeat(Math.min(mentions, MAX_BARS))}${mentions > MAX_BARS ? ` ${mentions}` : ''}`
      : sameYear
        ? `${year} (not by name; ${plural(sameYear, 'passage')} of that year)`
        : `${year} (not in the corpus)`;
  const notes = editions.filter((e) => e.note).map((e) => `${e.year} ${escapeMarkdown(e.note!)}`);
  return `*Editions:* ${editions.map(bars).join(' \u00b7 ')}${notes.length ? `  \n*Edition notes:* ${notes.join(' \u00b7 ')}` : ''}`;
}

/** The documents that mention it, each linked at its earliest mention with its count. */
function mentionList(mentions: CardFacts['mentions']): string {
  const lines = ['*Where:*'];
  for (const { link, count, reprinted, via } of mentions.documents) {
    const counts = [count ? String(count) : '', reprinted ? `${reprinted} in ${reprinted === 1 ? 'a reprint' : 'reprints'}` : ''].filter(Boolean).join(', and ');
    const inside = via.length ? ` (via ${via.map(escapeMarkdown).join(', ')})` : '';
    lines.push(`- ${lineLink(link)} \u2014 ${counts}${inside}`);
  }
  const more = mentions.documentCount - mentions.documents.length;
  if (more > 0) lines.push(`- \u2026 and ${plural(more, 'more document')}`);
  return lines.join('\n');
}

/** "Insert quote in note · Copy quote with citation": command links the client trusts by name. */
function quoteLinks(entityId: string, edition: number | undefined): string {
  const args = encodeURIComponent(JSON.stringify([edition === undefined ? { entityId } : { entityId, edition }]));
  return `[Insert quote in note](command:corpusLens.insertQuote?${args}) \u00b7 [Copy quote with citation](command:corpusLens.copyQuote?${args})`;
}

/** "Open card beside": the whole card in a side panel that follows the cursor. */
function openCardLink(entityId: string, edition: number | undefined): string {
  const args = encodeURIComponent(JSON.stringify([edition === undefined ? { entityId } : { entityId, edition }]));
  return `[Open card beside](command:corpusLens.openCard?${args})`;
}
