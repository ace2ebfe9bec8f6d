// Diagnostics: a corpus file that could not be indexed cleanly gets one message at its top; a
// broken workspace catalog gets each problem at its place. Published whenever the sync says so.

import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver';
import type { CatalogCheck, CorpusSync } from '../core/sync/corpusSync';
import type { Disposable } from '../core/sync/host';
import type { FileProblem } from '../core/sync/problems';
import { LineTable } from '../core/text/lines';

const SEVERITIES = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, information: DiagnosticSeverity.Information } as const;

export function registerDiagnostics(connection: Connection, sync: CorpusSync): Disposable {
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
  const subscriptions = [
    sync.onDidChangeProblems(publishFileProblems),
    sync.onDidCheckCatalog((check) => void connection.sendDiagnostics({ uri: check.uri, diagnostics: catalogDiagnostics(check) })),
  ];
  return { dispose: () => subscriptions.forEach((s) => s.dispose()) };
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
