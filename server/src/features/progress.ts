// Indexing progress as LSP work-done progress, when the client shows it; otherwise silent.

import type { ClientCapabilities, Connection } from 'vscode-languageserver';
import type { IndexingPhase, ProgressReporter } from '../core/sync/host';

/**
 * The share of the bar the names pass of a first index fills: on the bench it takes about a
 * sixth of the time of the full analyses after it.
 */
const NAMES_SHARE = 15;

export async function createProgress(connection: Connection, client: ClientCapabilities): Promise<ProgressReporter> {
  if (!client.window?.workDoneProgress) {
    return { begin() {}, report() {}, cancelled: () => false, done() {} };
  }
  const reporter = await connection.window.createWorkDoneProgress();
  let lastPercent = -1;
  let lastPhase: IndexingPhase | undefined;
  return {
    begin: (total) => reporter.begin('Corpus Lens: indexing', 0, `0/${total} documents`, true),
    report: (done, total, phase) => {
      const share = total ? done / total : 1;
      const scaled = phase === 'names' ? share * NAMES_SHARE : phase === 'understanding' ? NAMES_SHARE + share * (100 - NAMES_SHARE) : share * 100;
      // The bar never goes back (a pass may start below what the cache's restoring reached).
      const percent = Math.max(lastPercent, Math.floor(scaled));
      if (percent === lastPercent && phase === lastPhase) return;
      lastPercent = percent;
      lastPhase = phase;
      reporter.report(percent, `${phase ? `${phase}: ` : ''}${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} documents`);
    },
    cancelled: () => reporter.token.isCancellationRequested,
    done: () => reporter.done(),
  };
}
