// The entity card: the Markdown shown on hover and as completion documentation.
// Line one is the canonical name in bold and the kind, as DESIGN.md fixes it.

import type { IndexedDocument } from '../analysis/analyseDocument';
import { namesOf } from '../catalog/entities';
import type { CorpusIndex } from '../index/corpusIndex';
import type { Entity } from '../model';
import { formatDate } from '../text/dates';

export interface CardOptions {
  /** The edition the hovered mention names, if it names one. */
  edition?: number;
  /** Other entities the hovered name may stand for (an ambiguous name). */
  alternatives?: Entity[];
  /** How many documents to list before "and N more". */
  maxDocuments?: number;
}

const MAX_SEEN_AS = 6;

/** Escapes the characters that would start emphasis, code, links or HTML inside running text. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, (c) => `\\${c}`);
}

/** A link that opens a document at a line (VS Code and most clients read the #L fragment). */
export function lineLink(doc: IndexedDocument, offset: number, label: string): string {
  const line = doc.lines.positionAt(offset).line + 1;
  return `[${escapeMarkdown(label)}](${doc.uri}#L${line})`;
}

export function documentLabel(doc: IndexedDocument, maxTitle = 70): string {
  const title = doc.title.length > maxTitle ? `${doc.title.slice(0, maxTitle - 1).trimEnd()}\u2026` : doc.title;
  return doc.date ? `${title} (${formatDate(doc.date)})` : title;
}

export function kindLine(entity: Entity, edition?: number): string {
  const parts = [`**${escapeMarkdown(entity.name)}** \u2014 ${entity.kind}`];
  if (edition !== undefined) parts.push(`${edition} edition`);
  if (entity.discovered) parts.push('discovered');
  return parts.join(' \u00b7 ');
}

export function renderEntityCard(entity: Entity, index: CorpusIndex, options: CardOptions = {}): string {
  const sections: string[] = [kindLine(entity, options.edition)];
  if (options.alternatives?.length) {
    const others = options.alternatives.map((e) => `**${escapeMarkdown(e.name)}** (${e.kind})`).join(', ');
    sections.push(`*Ambiguous here:* nothing in the text tells which is meant; this name also stands for ${others}.`);
  }
  if (entity.description) sections.push(escapeMarkdown(entity.description));
  else if (entity.discovered) sections.push('*Not in the catalog: Corpus Lens found this name in the text itself.*');

  const names = namesOf(entity).filter((n) => n !== entity.name);
  const seenAs = variantsSeen(entity, index, new Set([entity.name, ...names].map((n) => n.toLowerCase())));
  const aliasParts: string[] = [];
  if (names.length) aliasParts.push(`*Also known as:* ${names.map(escapeMarkdown).join(' \u00b7 ')}`);
  if (seenAs.length) aliasParts.push(`*Written in the corpus as:* ${seenAs.map((s) => `\u201c${escapeMarkdown(s)}\u201d`).join(' \u00b7 ')}`);
  if (aliasParts.length) sections.push(aliasParts.join('  \n'));

  const definition = index.definitionOf(entity.id);
  if (definition) {
    const how = definition.defining ? 'Defined in' : 'First reported in';
    sections.push(`> ${escapeMarkdown(definition.quote)}\n\n${how} ${lineLink(definition.document, definition.mention.start, documentLabel(definition.document))}`);
  } else {
    sections.push('*Not mentioned in the indexed corpus.*');
  }

  const family: string[] = [];
  const parent = entity.parent ? index.entity(entity.parent) : undefined;
  if (parent) family.push(`*Part of:* ${escapeMarkdown(parent.name)}`);
  const children = index.childrenOf(entity.id);
  if (children.length) family.push(`*Includes:* ${children.map((c) => escapeMarkdown(c.name)).join(' \u00b7 ')}`);
  const editions = editionLine(entity, index);
  if (editions) family.push(editions);
  if (family.length) sections.push(family.join('  \n'));

  if (definition) sections.push(mentionSummary(entity, index, options.maxDocuments ?? 8));
  return sections.join('\n\n');
}

/** Spellings the corpus uses that the catalog does not list ("CSTO CSC", "indestructible Brotherhood-2021"). */
function variantsSeen(entity: Entity, index: CorpusIndex, known: Set<string>): string[] {
  const counts: [string, number][] = [];
  for (const [surface, count] of index.surfaceCounts(entity.id)) {
    const written = surface.replace(/\s+/g, ' ');
    // "Search-2021" is an edition of "Search", not another spelling of it.
    const name = written.replace(/["\u201d\u00bb']?[\s\u2010-\u2014-]*(?:19|20)\d\d$/, '');
    if (!known.has(name.toLowerCase()) && !known.has(written.toLowerCase())) counts.push([written, count]);
  }
  return counts.sort((a, b) => b[1] - a[1]).slice(0, MAX_SEEN_AS).map(([s]) => s);
}

function editionLine(entity: Entity, index: CorpusIndex): string | undefined {
  if (entity.kind !== 'exercise' && entity.kind !== 'operation') return undefined;
  const counts = new Map<number, number>();
  for (const edition of entity.editions ?? []) counts.set(edition.year, 0);
  for (const [year, count] of index.editionCounts(entity.id)) counts.set(year, count);
  if (!counts.size) return undefined;
  const notes = new Map((entity.editions ?? []).map((e) => [e.year, e.note]));
  const parts = [...counts].sort((a, b) => a[0] - b[0]).map(([year, count]) => {
    const note = notes.get(year);
    const mentioned = count ? `${count} mention${count === 1 ? '' : 's'}` : 'not in the corpus';
    return `${year} (${mentioned}${note ? `; ${escapeMarkdown(note)}` : ''})`;
  });
  return `*Editions:* ${parts.join(' \u00b7 ')}`;
}

function mentionSummary(entity: Entity, index: CorpusIndex, maxDocuments: number): string {
  const perDoc = index.documentsMentioning(entity.id);
  const total = perDoc.reduce((n, d) => n + d.mentions.length, 0);
  const lines = [`**Mentioned ${plural(total, 'time')} in ${plural(perDoc.length, 'document')}:**`];
  for (const { doc, mentions } of perDoc.slice(0, maxDocuments)) {
    lines.push(`- ${lineLink(doc, mentions[0].start, documentLabel(doc))} \u2014 ${mentions.length}`);
  }
  if (perDoc.length > maxDocuments) lines.push(`- \u2026 and ${plural(perDoc.length - maxDocuments, 'more document')}`);
  return lines.join('\n');
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
