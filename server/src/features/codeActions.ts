// Quick fixes for the note diagnostics: add the unknown name to the workspace catalog (the file is
// created when missing), add it as an alias of a known entity of its kind, or add the missing
// edition (the catalog then reloads); restore a misquotation's source words; correct a citation.
//
// A fix edits the analyst's own files, so it is made when it is applied, not when the lightbulb
// opens: the action runs the server's command, which works the edit out from the text the editor
// has then and sends it with workspace/applyEdit, versioned, so that the editor refuses it if the
// file changed meanwhile (VS Code drops the version of an edit carried by a code action itself).
// A client that cannot apply edits for the server gets the edit in the action.

import { CodeActionKind, type CodeAction, type Diagnostic, type Position, type Range, type TextDocumentEdit, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { Edit } from 'jsonc-parser';
import type { CatalogFix } from '../core/catalog/catalogFixes';
import type { EntityKind } from '../core/model';
import { LineTable } from '../core/text/lines';
import { requestDocument, runSafely, type FindingData, type QuoteFixData, type ServerContext, type WorkspaceCatalog } from './context';


/**
 * How long working out a quotation fix may check quotations (the background checks have done it,
 * unless the note just changed): the editor asks for code actions at every move of the cursor.
 */
const QUOTE_CHECK_SLICE_MS = 20;
export const APPLY_FIX_COMMAND = 'corpusLens.applyFix';

/** What a fix does, in terms that still hold when it is applied: worked out into an edit then. */
export type Fix = CatalogFix | { type: 'quote'; uri: string; code: string; range: Range };

type Outcome = { edit: WorkspaceEdit } | { refused: string } | undefined;

export function registerCodeActions(ctx: ServerContext): void {
  ctx.connection.onCodeAction((params, token) =>
    runSafely(ctx, 'Code actions', params.textDocument.uri, token, [] as CodeAction[], () => {
      const actions: CodeAction[] = [];
      // Read once for all the fixes of this request (the editor asks at every move of the cursor).
      let catalog: WorkspaceCatalog | undefined | null = null;
      const catalogNow = () => (catalog === null ? (catalog = ctx.catalog()) : catalog);
      for (const diagnostic of params.context.diagnostics) {
        if (diagnostic.source !== 'Corpus Lens' || !diagnostic.data) continue;
        for (const { title, fix, preferred } of fixesFor(ctx, params.textDocument.uri, diagnostic)) {
          const action: CodeAction = { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: preferred };
          // Worked out now too: a fix that cannot be made shows why, greyed out, where the editor can show that.
          const outcome = outcomeOf(ctx, fix, catalogNow);
          if (!outcome) continue;
          if ('refused' in outcome) {
            if (ctx.clientCapabilities().textDocument?.codeAction?.disabledSupport) actions.push({ ...action, isPreferred: false, disabled: { reason: outcome.refused } });
          } else if (ctx.clientCapabilities().workspace?.applyEdit) {
            actions.push({ ...action, command: { title, command: APPLY_FIX_COMMAND, arguments: [fix] } });
          } else actions.push({ ...action, edit: outcome.edit });
        }
      }
      // Anywhere in a misquotation, not only on the words it points at: its fix restores the whole quotation.
      if (!actions.some((a) => a.title === RESTORE_QUOTATION)) actions.push(...quotationFixAt(ctx, params.textDocument.uri, params.range));
      return actions;
    }),
  );
  // One fix at a time, each from the text the previous one left.
  let queue = Promise.resolve();
  ctx.connection.onExecuteCommand((params) => {
    if (params.command !== APPLY_FIX_COMMAND) return;
    const run = queue.then(() => applyFix(ctx, params.arguments?.[0]));
    queue = run.catch(() => undefined);
    return run;
  });
}

/** Applies a fix as it must be made now; a refused or stale edit is said in words, never forced. */
async function applyFix(ctx: ServerContext, fix: unknown): Promise<void> {
  if (!isFix(ctx, fix)) return void ctx.connection.console.warn('Ignored a malformed request to apply a fix.');
  for (let attempt = 0; attempt < 2; attempt++) {
    const outcome = runSafely(ctx, 'A quick fix', undefined, undefined, undefined as Outcome, () => outcomeOf(ctx, fix));
    if (!outcome) return void ctx.connection.window.showInformationMessage('Corpus Lens: there is nothing to fix any more.');
    if ('refused' in outcome) return void ctx.connection.window.showWarningMessage(`Corpus Lens: ${outcome.refused}`);
    const result = await ctx.connection.workspace.applyEdit({ label: 'Corpus Lens quick fix', edit: outcome.edit, metadata: { isRefactoring: true } });
    if (result.applied) return;
    // Refused: the file changed between the edit and its application. Once more from the new text.
    ctx.connection.console.info(`The editor did not apply a quick fix${result.failureReason ? ` (${result.failureReason})` : ''}; working it out again.`);
  }
  void ctx.connection.window.showWarningMessage('Corpus Lens: the file changed while the quick fix was being applied; nothing was changed. Try the fix again.');
}

const RESTORE_QUOTATION = 'Replace with the source text';

/** The fix of a misquotation the range is in, when the editor asked without its diagnostic. */
function quotationFixAt(ctx: ServerContext, uri: string, range: Range): CodeAction[] {
  if (!ctx.documents.get(uri) || ctx.service.document(uri) || !ctx.clientCapabilities().workspace?.applyEdit) return [];
  const note = requestDocument(ctx, uri);
  const at = note && note.offsetAt(range.start);
  const finding = at === undefined ? undefined : ctx.service.quoteFindings(note!, QUOTE_CHECK_SLICE_MS)?.find((f) => f.code === 'misquotation' && f.within && f.within.start <= at && at <= f.within.end);
  if (!finding) return [];
  const fix: Fix = { type: 'quote', uri, code: 'misquotation', range };
  return [{ title: RESTORE_QUOTATION, kind: CodeActionKind.QuickFix, command: { title: RESTORE_QUOTATION, command: APPLY_FIX_COMMAND, arguments: [fix] } }];
}

function fixesFor(ctx: ServerContext, uri: string, diagnostic: Diagnostic): { title: string; fix: Fix; preferred: boolean }[] {
  if ((diagnostic.data as QuoteFixData).type === 'quoteFix') {
    const title = diagnostic.code === 'wrong-citation' ? 'Correct the citation' : RESTORE_QUOTATION;
    return [{ title, fix: { type: 'quote', uri, code: String(diagnostic.code), range: diagnostic.range }, preferred: true }];
  }
  const data = diagnostic.data as FindingData;
  if (data.type === 'unknownName') {
    const add = { title: `Add "${data.name}" to the workspace catalog as ${article(data.kind)} ${data.kind}`, fix: { type: 'addEntity', name: data.name, kind: data.kind as EntityKind, year: data.year, parent: data.parent } as Fix, preferred: true };
    const aliases = ctx.service.aliasTargets(data.name, data.kind).map((target) => ({
      title: `Add "${data.name}" as an alias of ${target.name}`,
      fix: { type: 'addAlias', entityId: target.id, alias: data.name } as Fix,
      preferred: false,
    }));
    return [add, ...aliases];
  }
  const entity = ctx.service.entity(data.entityId);
  return entity ? [{ title: `Add edition ${data.year} to ${entity.name} in the workspace catalog`, fix: { type: 'addEdition', entityId: entity.id, year: data.year }, preferred: true }] : [];
}

/** The edit a fix makes on the files as they are now, or why it cannot be made; undefined when there is nothing to fix. */
function outcomeOf(ctx: ServerContext, fix: Fix, catalogNow: () => WorkspaceCatalog | undefined = () => ctx.catalog()): Outcome {
  if (fix.type === 'quote') {
    // Only a note open in the editor is edited (its version is known); never a source.
    if (!ctx.documents.get(fix.uri) || ctx.service.document(fix.uri)) return undefined;
    // The editor's diagnostic may be older than the text: the fix comes from the quotation as it is now.
    const note = requestDocument(ctx, fix.uri);
    if (!note) return undefined;
    const range = (start: number, end: number): Range => ({ start: note.positionAt(start), end: note.positionAt(end) });
    const now = ctx.service.quoteFindings(note, QUOTE_CHECK_SLICE_MS)?.find((f) => f.code === fix.code && overlaps(range(f.within?.start ?? f.start, f.within?.end ?? f.end), fix.range));
    if (!now?.fix) return undefined;
    const version = ctx.documents.get(fix.uri)?.version ?? null;
    return { edit: versionedEdit(ctx, { uri: fix.uri, version }, [{ range: range(now.fix.start, now.fix.end), newText: now.fix.text }]) };
  }
  const catalog = catalogNow();
  if (!catalog) return { refused: 'There is no workspace folder to keep a workspace catalog in.' };
  if ('refused' in catalog) return { refused: catalog.refused };
  const edit = ctx.service.catalogEdit(fix, catalog.text);
  if (!edit) return undefined;
  return 'refused' in edit ? edit : { edit: workspaceEdit(ctx, catalog, edit) };
}

function isFix(ctx: ServerContext, value: unknown): value is Fix {
  const fix = value as { type?: unknown; uri?: unknown; code?: unknown; range?: unknown } | undefined;
  if (fix?.type === 'quote') return typeof fix.uri === 'string' && typeof fix.code === 'string' && typeof fix.range === 'object' && fix.range !== null;
  return ctx.service.isCatalogFix(value);
}

/** Two ranges share a character, or touch where one of them is empty. */
function overlaps(a: Range, b: Range): boolean {
  const before = (p: Position, q: Position) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/**
 * The edit of the catalog as the editor will apply it: versioned against the text it was made from
 * (null: the file on disk, not open), or a new file that must not exist when it is applied.
 */
function workspaceEdit(ctx: ServerContext, catalog: Extract<WorkspaceCatalog, { text: unknown }>, edit: { edits: Edit[]; create: boolean }): WorkspaceEdit {
  const lines = LineTable.of(catalog.text ?? '');
  const edits: TextEdit[] = edit.edits.map((e) => ({ range: { start: lines.positionAt(e.offset), end: lines.positionAt(e.offset + e.length) }, newText: e.content }));
  if (!edit.create) return versionedEdit(ctx, catalog, edits);
  const { uri } = catalog;
  if (!canVersion(ctx)) return { changes: { [uri]: edits } };
  return { documentChanges: [{ kind: 'create', uri, options: { overwrite: false, ignoreIfExists: false } }, { textDocument: { uri, version: null }, edits }] };
}

/** Edits of one file that the editor applies only to the version they were made for (null: the file on disk). */
function versionedEdit(ctx: ServerContext, file: { uri: string; version: number | null }, edits: TextEdit[]): WorkspaceEdit {
  if (!canVersion(ctx)) return { changes: { [file.uri]: edits } };
  const textEdit: TextDocumentEdit = { textDocument: { uri: file.uri, version: file.version }, edits };
  return { documentChanges: [textEdit] };
}

function canVersion(ctx: ServerContext): boolean {
  return !!ctx.clientCapabilities().workspace?.workspaceEdit?.documentChanges;
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}
