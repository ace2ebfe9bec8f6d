// How far V8 lets the heap grow past what the last full collection kept. By default it may grow to
// several times the live heap before collecting again; a server that answers large requests
// (a chronology of 1,300 passages is 840 KB of JSON, made in the old generation each time) then
// sits at that size. On the 10,000-document bench, 1,000 such requests took resident memory from
// 420 to 640 MB; with the heap let grow by half of what is live, 330 to 355 MB, for about a tenth
// more CPU in the loops that make garbage fastest.

import { setFlagsFromString } from 'node:v8';

/** The old generation may grow to 1.5 times what the last full collection kept. */
export const HEAP_GROWING_PERCENT = 50;

/**
 * Sets the heap's growing factor for this process and its worker threads, unless the command line
 * or NODE_OPTIONS already sets one (that choice stands). Returns the flag set, if any.
 */
export function keepHeapCompact(execArgv: readonly string[] = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? ''): string | undefined {
  const given = (arg: string) => /^--heap[-_]growing[-_]percent\b/.test(arg);
  if (execArgv.some(given) || nodeOptions.split(/\s+/).some(given)) return undefined;
  const flag = `--heap-growing-percent=${HEAP_GROWING_PERCENT}`;
  setFlagsFromString(flag);
  return flag;
}
