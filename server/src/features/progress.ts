// Indexing progress as LSP work-done progress, when the client shows it; otherwise silent.

import type { ClientCapabilities, Connection } from 'vscode-languageserver';
import type { ProgressReporter } from '../core/sync/host';

export async function createProgress(connection: Connection, client: ClientCapabilities): Promise<ProgressReporter> {
  if (!client.window?.workDoneProgress) {
    return { begin() {}, report() {}, cancelled: () => false, done() {} };
  }
  const reporter = await connection.window.createWorkDoneProgress();
  let lastPercent = -1;
  return {
    begin: (total) => reporter.begin('Corpus Lens: indexing', 0, `0/${total} documents`, true),
    report: (done, total) => {
      const percent = total ? Math.floor((done / total) * 100) : 100;
      if (percent === lastPercent) return;
      lastPercent = percent;
      reporter.report(percent, `${done}/${total} documents`);
    },
    cancelled: () => reporter.token.isCancellationRequested,
    done: () => reporter.done(),
  };
}
