// Background work between requests. The server answers a request in four turns of Node's event
// loop once its bytes are read: vscode-jsonrpc decodes it, queues it for its handler and writes the
// answer, each on an immediate of its own. Background work that went on after a single immediate
// ran a slice before each of those turns: a hover while 2,000 notes were matched in 12 ms slices
// waited four of them (45-60 ms), though it was answered 12-15 ms after it was decoded. Work that
// goes on after REQUEST_TURNS immediates lets such a request through first; with nothing waiting,
// the turns cost microseconds.

const REQUEST_TURNS = 4;

/** Calls `callback` once a request that came in meanwhile has been answered; gives a function that calls it off. */
export function afterRequests(callback: () => void): () => void {
  let turns = REQUEST_TURNS;
  let pending = setImmediate(function next() {
    if (--turns > 0) pending = setImmediate(next);
    else callback();
  });
  return () => clearImmediate(pending);
}

/** `afterRequests` as a promise. */
export function yieldToRequests(): Promise<void> {
  return new Promise((done) => void afterRequests(done));
}
