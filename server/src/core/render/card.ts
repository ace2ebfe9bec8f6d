// The entity card: the Markdown shown on hover and as completion documentation, rendered from a
// plain record of facts (query/cardFacts.ts). Line one is the canonical name in bold and the kind,
// as DESIGN.md fixes it.

import type { Entity } from '../model';
import type { CardFacts, CardLink } from '../query/cardFacts';
import { escapeMarkdown } from '../text/markdown';
import { plural } from '../text/strings';

/** An edition's mentions drawn as bars up to this many. */
const MAX_BARS = 5;

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
  /** Links under the quoted sentence that run the client's quoting commands with the entity's id. */
  quoteCommands?: boolean | undefined;
}

export function renderEntityCard(facts: CardFacts, rendering: CardRendering = {}): string {
  const { entity } = facts;
  const sections: string[] = [kindLine(entity, facts.edition)];
  if (facts.alternatives.length) {
    const others = facts.alternatives.map((e) => `**${escapeMarkdown(e.name)}** (${e.kind})`).join(', ');
    sections.push(`*Ambiguous here:* nothing in the text tells which is meant; this name also stands for ${others}.`);
  }
  if (entity.description) sections.push(escapeMarkdown(entity.description));
  else if (entity.discovered) sections.push('*Not in the catalog: Corpus Lens found this name in the text itself.*');

  const aliasParts: string[] = [];
  if (facts.names.length) aliasParts.push(`*Also known as:* ${facts.names.map(escapeMarkdown).join(' \u00b7 ')}`);
  if (facts.seenAs.length) aliasParts.push(`*Written in the corpus as:* ${facts.seenAs.map((s) => `\u201c${escapeMarkdown(s)}\u201d`).join(' \u00b7 ')}`);
  if (aliasParts.length) sections.push(aliasParts.join('  \n'));

  const { definition } = facts;
  if (definition?.defining) {
    const links = rendering.quoteCommands ? `  \n${quoteLinks(entity.id, facts.edition)}` : '';
    sections.push(`> ${escapeMarkdown(definition.quote)}\n\n${definedIn(definition.about)} ${lineLink(definition.link)}${links}`);
  } else if (definition) {
    // A first mention is not quoted: on a card, a quoted sentence reads as what the thing is.
    const unmentioned = definition.about === 'series' ? ', nor any mention of this edition; the series was' : ';';
    sections.push(`*No defining sentence in the corpus${unmentioned}* first reported in ${lineLink(definition.link)}`);
  } else {
    sections.push('*Not mentioned in the indexed corpus.*');
  }

  const family: string[] = [];
  if (facts.parent) family.push(`*Part of:* ${escapeMarkdown(facts.parent)}`);
  if (facts.children.length) family.push(`*Includes:* ${facts.children.map(escapeMarkdown).join(' \u00b7 ')}`);
  if (facts.editions.length) family.push(editionLine(facts.editions));
  if (family.length) sections.push(family.join('  \n'));

  if (definition) sections.push(mentionSummary(facts.mentions));
  if (facts.inNotes.mentions) sections.push(`*In your notes:* ${plural(facts.inNotes.mentions, 'mention')} in ${plural(facts.inNotes.notes, 'note')}`);
  return sections.join('\n\n');
}

/** "Defined in", or what the quoted definition is about when it is not what the card shows. */
function definedIn(about: 'series' | number | undefined): string {
  if (about === 'series') return 'Defined, for the series as a whole, in';
  if (typeof about === 'number') return `Defined, for its ${about} edition, in`;
  return 'Defined in';
}

/** Editions on one line, each with a bar per mention (five at most, then the count), and the catalog's notes on the next. */
function editionLine(editions: CardFacts['editions']): string {
  const bars = ({ year, mentions }: CardFacts['editions'][number]) =>
    mentions === 0 ? `${year} (not in the corpus)` : `${year} ${'\u25ae'.repeat(Math.min(mentions, MAX_BARS))}${mentions > MAX_BARS ? ` ${mentions}` : ''}`;
  const notes = editions.filter((e) => e.note).map((e) => `${e.year} ${escapeMarkdown(e.note!)}`);
  return `*Editions:* ${editions.map(bars).join(' \u00b7 ')}${notes.length ? `  \n*Edition notes:* ${notes.join(' \u00b7 ')}` : ''}`;
}

function mentionSummary(mentions: CardFacts['mentions']): string {
  const reprints = mentions.reprinted ? `, ${mentions.reprinted} more in reprints` : '';
  const lines = [`**Mentioned ${plural(mentions.total, 'time')} in ${plural(mentions.documentCount, 'document')}${reprints}:**`];
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
