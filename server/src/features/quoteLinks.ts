// Citations in notes as document links that open the cited passage, and hovers that show it: on
// a citation, the passage it points to; on a quotation found in the corpus, where it is from.

import { MarkupKind, type DocumentLink, type Hover } from 'vscode-languageserver';
import { sentenceAround } from '../core/text/sentences';
import { escapeMarkdown } from '../core/text/markdown';
import { requestDocument, runSafely, type RequestDocument, type ServerContext } from './context';
import { resolveCitation, sourceLabel } from './quoteDiagnostics';

/** How long a hover may spend checking quotations it finds unchecked. */
const HOVER_SLICE_MS = 4;

export function registerQuoteLinks(ctx: ServerContext): void {
  ctx.connection.onDocumentLinks((params, token): DocumentLink[] =>
    runSafely(ctx, 'Document links', params.textDocument.uri, token, [], () => {
      const note = notePlease(ctx, params.textDocument.uri);
      if (!note) return [];
      const links: DocumentLink[] = [];
      // Links come from the citations as written: no check against the corpus is waited for.
      for (const quotation of ctx.service.quotations(note)) {
        const target = quotation.citation?.target;
        const cited = target && resolveCitation(note.uri, target.text);
        const doc = cited && ctx.service.document(cited.uri);
        if (!target || !cited || !doc) continue;
        links.push({
          range: { start: note.positionAt(target.start), end: note.positionAt(target.end) },
          target: cited.line ? `${doc.uri}#L${cited.line}` : doc.uri,
          tooltip: `Open the passage in ${doc.title}`,
        });
      }
      return links;
    }),
  );
}

/** A hover on a citation (the cited passage) or on a quotation found in the corpus (where it is from). */
export function quoteHover(ctx: ServerContext, note: RequestDocument, offset: number): Hover | null {
  if (ctx.service.document(note.uri)) return null;
  // A citation needs no check against the corpus: it is answered whatever the checks have done.
  for (const quotation of ctx.service.quotations(note)) {
    const target = quotation.citation?.target;
    if (target && offset >= quotation.citation!.start && offset <= quotation.citation!.end) {
      const cited = resolveCitation(note.uri, target.text);
      const doc = cited && ctx.service.document(cited.uri);
      if (!cited || !doc) return null;
      const text = ctx.service.textOf(doc);
      const at = cited.line ? doc.lines.offsetAt({ line: cited.line - 1, character: 0 }) : 0;
      const sentence = sentenceAround(text, at, { start: 0, end: text.length });
      const quoted = text.slice(sentence.start, sentence.end).replace(/\s+/g, ' ');
      return {
        contents: { kind: MarkupKind.Markdown, value: `> ${escapeMarkdown(quoted)}\n\n${escapeMarkdown(sourceLabel(doc, at))}${cited.line ? `, line ${cited.line}` : ''}` },
        range: { start: note.positionAt(target.start), end: note.positionAt(target.end) },
      };
    }
  }
  // Where a quotation is from is known once it is checked. A hover does a short slice of the
  // checks at most (the diagnostics do the rest in the background): it must not wait for them.
  const inside = ctx.service.quotations(note).some((q) => offset >= q.start && offset <= q.end);
  for (const verdict of (inside && ctx.service.quoteVerdicts(note, HOVER_SLICE_MS)) || []) {
    const { quotation } = verdict;
    if (verdict.type === 'verbatim' && offset >= quotation.start && offset <= quotation.end) {
      const line = verdict.doc.lines.positionAt(verdict.start).line + 1;
      const value = `*Quoted verbatim from* [${escapeMarkdown(sourceLabel(verdict.doc, verdict.start))}](${verdict.doc.uri}#L${line}), line ${line}`;
      return { contents: { kind: MarkupKind.Markdown, value }, range: { start: note.positionAt(quotation.start), end: note.positionAt(quotation.end) } };
    }
  }
  return null;
}

function notePlease(ctx: ServerContext, uri: string): RequestDocument | undefined {
  if (ctx.service.document(uri) || !ctx.documents.get(uri)) return undefined;
  return requestDocument(ctx, uri);
}
