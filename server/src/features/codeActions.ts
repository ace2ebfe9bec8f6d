// Quick fixes for the note diagnostics: add the unknown name to the workspace catalog (the file is
// created when missing), add it as an alias of a known entity of its kind, or add the missing
// edition (the catalog then reloads); restore a misquotation's source words; correct a citation.

import { CodeActionKind, type CodeAction, type Diagnostic, type Position, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { addAlias, addEdition, newEntity, putEntity, type CatalogEdit } from '../core/catalog/catalogEdits';
import type { Entity, EntityKind } from '../core/model';
import { LineTable } from '../core/text/lines';
import { requestDocument, runSafely, type ServerContext } from './context';
import type { FindingData } from './noteDiagnostics';
import { quoteDiagnostics, type QuoteFixData } from './quoteDiagnostics';

const MAX_ALIAS_TARGETS = 3;

export function registerCodeActions(ctx: ServerContext): void {
  ctx.connection.onCodeAction((params, token) =>
    runSafely(ctx, 'Code actions', params.textDocument.uri, token, [] as CodeAction[], () => {
      const actions: CodeAction[] = [];
      const current = currentQuoteDiagnostics(ctx, params.textDocument.uri);
      for (const diagnostic of params.context.diagnostics) {
        if (diagnostic.source !== 'Corpus Lens' || !diagnostic.data) continue;
        const quoteFix = diagnostic.data as QuoteFixData;
        if (quoteFix.type === 'misquotation' || quoteFix.type === 'citation') {
          // The editor's diagnostic may be older than the text: the fix comes from the quotation as it is now.
          const now = current().find((d) => d.code === diagnostic.code && overlaps(d.range, diagnostic.range));
          if (!now) continue;
          const title = quoteFix.type === 'misquotation' ? 'Replace with the source text' : 'Correct the citation';
          const edit: WorkspaceEdit = { changes: { [params.textDocument.uri]: [{ range: now.range, newText: (now.data as QuoteFixData).replacement }] } };
          actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, edit });
          continue;
        }
        const catalog = ctx.catalog();
        if (!catalog) continue;
        const data = diagnostic.data as FindingData;
        const fix = (title: string, edit: CatalogEdit, preferred = false) =>
          actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: preferred, edit: workspaceEdit(catalog.uri, catalog.text, edit) });
        if (data.type === 'unknownName') {
          const entity = newEntity(data.name, data.kind as EntityKind, data.year, new Set(ctx.service.entities().map((e) => e.id)));
          if (data.parent) entity.parent = data.parent;
          fix(`Add "${data.name}" to the workspace catalog as ${article(data.kind)} ${data.kind}`, putEntity(catalog.text, entity), true);
          for (const target of aliasTargets(ctx.service.entities(), data.name, data.kind)) fix(`Add "${data.name}" as an alias of ${target.name}`, addAlias(catalog.text, target, data.name));
        } else {
          const entity = ctx.service.entity(data.entityId);
          if (entity) fix(`Add edition ${data.year} to ${entity.name} in the workspace catalog`, addEdition(catalog.text, entity, data.year), true);
        }
      }
      return actions;
    }),
  );
}

/** The quotation diagnostics of the note's current text, worked out once per request and only when asked. */
function currentQuoteDiagnostics(ctx: ServerContext, uri: string): () => Diagnostic[] {
  let diagnostics: Diagnostic[] | undefined;
  return () => {
    if (!diagnostics) {
      const note = requestDocument(ctx, uri);
      diagnostics = (note && quoteDiagnostics(ctx, note)) ?? [];
    }
    return diagnostics;
  };
}

/** Two ranges share a character, or touch where one of them is empty. */
function overlaps(a: Range, b: Range): boolean {
  const before = (p: Position, q: Position) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/** Catalog entities of the same kind that share a word with the name ("Kanal-Zeta" and Channel's "Kanal"). */
function aliasTargets(entities: readonly Entity[], name: string, kind: string): Entity[] {
  const words = new Set(name.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 2));
  return entities
    .filter((e) => !e.discovered && e.kind === kind && [e.name, ...e.aliases].some((n) => n.toLowerCase().split(/[^\p{L}\p{N}]+/u).some((w) => words.has(w))))
    .slice(0, MAX_ALIAS_TARGETS);
}

function workspaceEdit(uri: string, text: string | undefined, edit: CatalogEdit): WorkspaceEdit {
  const lines = LineTable.of(text ?? '');
  const edits: TextEdit[] = edit.edits.map((e) => ({ range: { start: lines.positionAt(e.offset), end: lines.positionAt(e.offset + e.length) }, newText: e.content }));
  if (!edit.create) return { changes: { [uri]: edits } };
  return { documentChanges: [{ kind: 'create', uri, options: { ignoreIfExists: true } }, { textDocument: { uri, version: null }, edits }] };
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}
