// Citations of the corpus in notes: how a quotation names its source ("Title, 30 May 2022"), the
// link from a note to a line of a corpus document, where a link written in a note leads, and
// whether it leads where the quotation is from. Plain strings and uris.

import { posix } from 'node:path';
import { URI } from 'vscode-uri';
import { innermostPassage, type IndexedDocument } from '../analysis/analyseDocument';
import { dateOfPassage } from '../model';
import { formatDate } from '../text/dates';

/** "Title, 30 May 2022": the document's title and the date of the passage quoted. */
export function sourceLabel(doc: IndexedDocument, offset: number): string {
  const passage = innermostPassage(doc.passages, offset);
  const date = dateOfPassage(doc, passage ? passage.index : -1);
  return date ? `${doc.title}, ${formatDate(date)}` : doc.title;
}

/** The link from a note to a place in a corpus document: a path relative to the note, and the line. */
export function citationTarget(noteUri: string, docUri: string, line: number): string {
  const from = posix.dirname(URI.parse(noteUri).path);
  const path = posix.relative(from, URI.parse(docUri).path);
  return `${path.split('/').map(encodeURIComponent).join('/')}#L${line}`;
}

/** Where a citation's link leads: the document's uri and the line, when the link is a relative path. */
export function resolveCitation(noteUri: string, target: string): { uri: string; line?: number } | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return undefined;
  const hash = target.indexOf('#');
  const path = hash >= 0 ? target.slice(0, hash) : target;
  const line = /^#L(\d+)/.exec(hash >= 0 ? target.slice(hash) : '')?.[1];
  try {
    const note = URI.parse(noteUri);
    const uri = note.with({ path: posix.resolve(posix.dirname(note.path), decodeURIComponent(path)), fragment: '' }).toString();
    return line ? { uri, line: Number(line) } : { uri };
  } catch {
    return undefined;
  }
}

/**
 * What is wrong with a citation link of a quotation found at lines `firstLine`–`lastLine` of
 * `doc`, and the link that would be right; undefined when it leads there (or is not a path).
 */
export function wrongCitation(noteUri: string, target: string, doc: IndexedDocument, firstLine: number, lastLine: number): { message: string; correct: string } | undefined {
  const pointsTo = resolveCitation(noteUri, target);
  if (!pointsTo) return undefined;
  const sameDocument = pointsTo.uri === URI.parse(doc.uri).toString();
  const lineFits = pointsTo.line === undefined || (pointsTo.line >= firstLine && pointsTo.line <= lastLine);
  if (sameDocument && lineFits) return undefined;
  const correct = citationTarget(noteUri, doc.uri, firstLine);
  const line = pointsTo.line !== undefined ? `line ${pointsTo.line}` : '';
  const where = sameDocument ? line : [posix.basename(URI.parse(pointsTo.uri).path), line].filter(Boolean).join(' ');
  return { message: `The citation points to ${where}, but the quotation is from ${doc.title}, line ${firstLine}.`, correct };
}
