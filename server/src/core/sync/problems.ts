// How a file that could not be indexed cleanly is reported: one wording for the Problems panel
// and one for the log, whichever path (main thread, worker, cache) met it.

export interface FileProblem {
  severity: 'error' | 'warning' | 'information';
  message: string;
}

/** Skipped: binary, too large ("looks like a binary file, not text; it is not indexed."). */
export function skippedProblem(reason: string): FileProblem {
  return { severity: 'warning', message: `Corpus Lens: this file ${reason}` };
}

/** Indexed, with something the reader should know ("is not valid UTF-8: ..."). */
export function noticeProblem(notice: string): FileProblem {
  return { severity: 'information', message: `Corpus Lens: this file ${notice}` };
}

export function unreadableProblem(message: string): FileProblem {
  return { severity: 'error', message: `Corpus Lens could not read this file: ${message}` };
}

/** A bug of ours met this file: reported, and the rest of the corpus goes on. */
export function failedProblem(message: string): FileProblem {
  return { severity: 'error', message: `Corpus Lens failed to index this file: ${message}` };
}

/** The last part of a uri's path, decoded: how a file is named in messages. */
