// Diagnostics: a corpus file that could not be indexed cleanly gets one message at its top; a
// broken workspace catalog gets each problem at its place. Published whenever the sync says so,
// and, while the catalog is open, for the text in the editor as it is typed (positions are those
// of the editor's text, not of the file on disk).

import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver';
import type { CatalogCheck, CorpusSync } from '../core/sync/corpusSync';
import type { Disposable } from '../core/sync/host';
import type { FileProblem } from '../core/sync/problems';
import { LineTable } from '../core/text/lines';

const SEVERITIES = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, information: DiagnosticSeverity.Information } as const;
const CATALOG_DEBOUNCE_MS = 200;

export interface CatalogDiagnostics extends Disposable {
  /** The open catalog changed in the editor, or was closed: its problems are published again. */
  catalogEdited(uri: string): void;
}

/** `openText` gives the editor's text of an open catalog. */
export function registerDiagnostics(connection: Connection, sync: CorpusSync, openText: (uri: string) => string | undefined): CatalogDiagnostics {
  const published = new Set<string>();
  const publishFileProblems = (problems: ReadonlyMap<string, FileProblem>) => {
    for (const uri of published) {
      if (problems.has(uri)) continue;
      void connection.sendDiagnostics({ uri, diagnostics: [] });
      published.delete(uri);
    }
    for (const [uri, problem] of problems) {
      void connection.sendDiagnostics({ uri, diagnostics: [fileDiagnostic(problem)] });
      published.add(uri);
    }
  };
  /** The catalog as last read from disk. */
  let saved: CatalogCheck | undefined;
  let timer: NodeJS.Timeout | undefined;
  /** What was last sent for the catalog: the same is not sent again (each sending is a change of markers to the editor). */
  let sent: string | undefined;
  const publishCatalog = (uri: string) => {
    const text = openText(uri);
    const check = text !== undefined ? { uri, text, problems: sync.checkCatalogText(text) } : saved?.uri === uri ? saved : { uri, text: '', problems: [] };
    const diagnostics = catalogDiagnostics(check);
    const now = `${uri}\n${JSON.stringify(diagnostics)}`;
    if (now === sent) return;
    sent = now;
    void connection.sendDiagnostics({ uri, diagnostics });
  };
  const subscriptions = [
    sync.onDidChangeProblems(publishFileProblems),
    sync.onDidCheckCatalog((check) => {
      saved = check;
      publishCatalog(check.uri);
    }),
  ];
  return {
    catalogEdited: (uri) => {
      clearTimeout(timer);
      timer = setTimeout(() => publishCatalog(uri), CATALOG_DEBOUNCE_MS);
    },
    dispose: () => {
      clearTimeout(timer);
      subscriptions.forEach((s) => s.dispose());
    },
  };
}

function fileDiagnostic(problem: FileProblem): Diagnostic {
  const start = { line: 0, character: 0 };
  return { range: { start, end: start }, severity: SEVERITIES[problem.severity], source: 'Corpus Lens', message: problem.message };
}

function catalogDiagnostics({ text, problems }: CatalogCheck): Diagnostic[] {
  const lines = LineTable.of(text);
  return problems.map((p) => ({
    range: { start: lines.positionAt(p.start), end: lines.positionAt(p.end) },
    severity: p.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: 'Corpus Lens',
    message: p.severity === 'error' ? `${p.message} The last good catalog stays in use until this is fixed.` : p.message,
  }));
}
