// The sentence index's two tables, kept in typed arrays: on real text nearly every sentence and
// trigram is distinct, and a Map entry per trigram (its 32-bit key a heap number besides) cost the
// index about 950 bytes a sentence, six times the text it indexed.

import { grown } from '../text/columnSlabs';

/** Postings a run holds at most: 8 MB of pairs. */
const RUN = 1 << 20;
/** Below this many pairs a run is sorted by comparison, above it by radix. */
const SMALL_SORT = 2048;
/** A run of more pairs than this has a directory by the hashes' high 16 bits. */
const DIRECTORY_FROM = 1 << 16;

interface Run {
  hashes: Uint32Array;
  groups: Int32Array;
  /** Where the pairs whose hash's high 16 bits are h begin: directory[h]; they end at directory[h + 1]. */
  directory?: Int32Array;
}

/** Where a hash's groups lie: (run, from, to) for each run that holds it, and how many they are. */
export interface Found {
  count: number;
  spans: number[];
}

/**
 * Trigram hash -> the groups holding it, as runs of (hash, group) pairs sorted by hash, 8 bytes a
 * posting. Pairs are added with groups in ascending order, so that the runs, read in turn, give
 * each hash's groups in ascending order, as they were added.
 */
export class TrigramPostings {
  private runs: Run[] = [];
  private tailHashes = new Uint32Array(1024);
  private tailGroups = new Int32Array(1024);
  private tailLength = 0;

  /** A test gives smaller runs and sorts, to reach the merges and the radix sort with few pairs. */
  constructor(
    private readonly runSize = RUN,
    private readonly smallSort = SMALL_SORT,
  ) {}

  /** Adds a pair; a group's pairs come after every pair of a lower group, and are distinct. */
  add(hash: number, group: number): void {
    if (this.tailLength === this.tailHashes.length) {
      if (this.tailLength >= this.runSize) this.seal();
      else {
        this.tailHashes = grown(this.tailHashes, new Uint32Array(this.tailLength * 2));
        this.tailGroups = grown(this.tailGroups, new Int32Array(this.tailLength * 2));
      }
    }
    this.tailHashes[this.tailLength] = hash;
    this.tailGroups[this.tailLength++] = group;
  }

  /** Where the groups holding a hash lie. */
  find(hash: number): Found {
    this.seal();
    const found: Found = { count: 0, spans: [] };
    this.runs.forEach((run, r) => {
      let low = 0;
      let high = run.hashes.length;
      if (run.directory) {
        low = run.directory[hash >>> 16];
        high = run.directory[(hash >>> 16) + 1];
      }
      const from = lowerBound(run.hashes, hash, low, high);
      // The hashes are integers: the first after `hash` is the first not below hash + 1.
      const to = from < high && run.hashes[from] === hash ? lowerBound(run.hashes, hash + 1, from, high) : from;
      if (to > from) {
        found.count += to - from;
        found.spans.push(r, from, to);
      }
    });
    return found;
  }

  /** Calls `each` with the groups found, in ascending order. */
  forEachGroup(found: Found, each: (group: number) => void): void {
    for (let i = 0; i < found.spans.length; i += 3) {
      const groups = this.runs[found.spans[i]].groups;
      for (let at = found.spans[i + 1]; at < found.spans[i + 2]; at++) each(groups[at]);
    }
  }

  /** Pairs held (for a test's or a probe's account). */
  get size(): number {
    return this.runs.reduce((n, run) => n + run.hashes.length, this.tailLength);
  }

  /** Sorts the pairs added since into a run, merged with the last one when both fit in one. */
  seal(): void {
    if (!this.tailLength) return;
    let run = sortedByHash(this.tailHashes, this.tailGroups, this.tailLength, this.smallSort);
    const last = this.runs[this.runs.length - 1];
    if (last && last.hashes.length + run.hashes.length <= this.runSize) run = merged(this.runs.pop()!, run);
    if (run.hashes.length > DIRECTORY_FROM) run.directory = directoryOf(run.hashes);
    this.runs.push(run);
    this.tailLength = 0;
    // A full tail is given back: what follows a first index is a document or two at a time.
    if (this.tailHashes.length > 1024) {
      this.tailHashes = new Uint32Array(1024);
      this.tailGroups = new Int32Array(1024);
    }
  }
}

/** The first `length` pairs sorted by hash, ties kept in their order (stable). */
function sortedByHash(hashes: Uint32Array, groups: Int32Array, length: number, smallSort: number): Run {
  const out = { hashes: new Uint32Array(length), groups: new Int32Array(length) };
  if (length <= smallSort) {
    const order = Array.from({ length }, (_, i) => i).sort((a, b) => hashes[a] - hashes[b] || a - b);
    order.forEach((from, to) => {
      out.hashes[to] = hashes[from];
      out.groups[to] = groups[from];
    });
    return out;
  }
  // Two stable passes of 16 bits: by the low half into a scratch run, then by the high half.
  const scratch = { hashes: new Uint32Array(length), groups: new Int32Array(length) };
  radixPass(hashes, groups, length, scratch, 0);
  radixPass(scratch.hashes, scratch.groups, length, out, 16);
  return out;
}

function radixPass(hashes: Uint32Array, groups: Int32Array, length: number, out: Run, shift: number): void {
  const starts = new Int32Array(0x10001);
  for (let i = 0; i < length; i++) starts[((hashes[i] >>> shift) & 0xffff) + 1]++;
  for (let d = 1; d <= 0x10000; d++) starts[d] += starts[d - 1];
  for (let i = 0; i < length; i++) {
    const at = starts[(hashes[i] >>> shift) & 0xffff]++;
    out.hashes[at] = hashes[i];
    out.groups[at] = groups[i];
  }
}

/** Two runs as one, the earlier's pairs first among equal hashes. */
function merged(earlier: Run, later: Run): Run {
  const length = earlier.hashes.length + later.hashes.length;
  const out = { hashes: new Uint32Array(length), groups: new Int32Array(length) };
  let a = 0;
  let b = 0;
  for (let to = 0; to < length; to++) {
    const fromEarlier = b >= later.hashes.length || (a < earlier.hashes.length && earlier.hashes[a] <= later.hashes[b]);
    const run = fromEarlier ? earlier : later;
    const at = fromEarlier ? a++ : b++;
    out.hashes[to] = run.hashes[at];
    out.groups[to] = run.groups[at];
  }
  return out;
}

/** For each value of the high 16 bits, where the sorted hashes that have it begin (and the end, last). */
function directoryOf(hashes: Uint32Array): Int32Array {
  const directory = new Int32Array(0x10001);
  for (let i = 0; i < hashes.length; i++) directory[(hashes[i] >>> 16) + 1]++;
  for (let h = 1; h <= 0x10000; h++) directory[h] += directory[h - 1];
  return directory;
}

function lowerBound(sorted: Uint32Array, value: number, low: number, high: number): number {
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid] < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The most a table is filled before it doubles. */
const LOAD = 0.7;
/** An identity's low part: its last 21 bits. */
const LOW_PART = 0x200000;

/**
 * Sentence identity (a 53-bit number, kept as its high 32 and low 21 bits) -> its group, open
 * addressing over three Int32Arrays: 12 bytes a slot, no heap number per key.
 */
export class IdentityTable {
  private highs = new Int32Array(1024);
  private lows = new Int32Array(1024);
  private values = new Int32Array(1024).fill(-1);
  private size = 0;

  /** The group of an identity, or undefined. */
  get(identity: number): number | undefined {
    const at = this.slot(identity);
    return this.values[at] >= 0 ? this.values[at] : undefined;
  }

  /** Sets the group of an identity not held yet. */
  set(identity: number, group: number): void {
    if (this.size + 1 > this.values.length * LOAD) this.grow();
    const at = this.slot(identity);
    this.highs[at] = Math.floor(identity / LOW_PART);
    this.lows[at] = identity % LOW_PART;
    if (this.values[at] < 0) this.size++;
    this.values[at] = group;
  }

  /** The slot holding an identity, or the empty one where it would go. */
  private slot(identity: number): number {
    const high = Math.floor(identity / LOW_PART) | 0;
    const low = identity % LOW_PART;
    const mask = this.values.length - 1;
    let at = (Math.imul(high ^ Math.imul(low, 0x9e3779b1), 0x85ebca6b) >>> 7) & mask;
    while (this.values[at] >= 0 && (this.highs[at] !== high || this.lows[at] !== low)) at = (at + 1) & mask;
    return at;
  }

  private grow(): void {
    const { highs, lows, values } = this;
    this.highs = new Int32Array(values.length * 2);
    this.lows = new Int32Array(values.length * 2);
    this.values = new Int32Array(values.length * 2).fill(-1);
    this.size = 0;
    for (let i = 0; i < values.length; i++) {
      if (values[i] >= 0) this.set((highs[i] >>> 0) * LOW_PART + lows[i], values[i]);
    }
  }
}

/**
 * Votes for groups, tallied in one reused array (a Map of votes, and a live-copy lookup at each
 * vote, were most of a quotation's check): only the groups voted for are read and reset, and only
 * those that may be elected are looked up.
 */
export class GroupVotes {
  private tally = new Int32Array(1024);
  private readonly touched: number[] = [];

  /** One vote for a group (bound: passed as a callback). */
  readonly add = (group: number): void => {
    if (group >= this.tally.length) this.tally = grown(this.tally, new Int32Array(Math.max(group + 1, this.tally.length * 2)));
    if (this.tally[group]++ === 0) this.touched.push(group);
  };

  /**
   * The `limit` best of the groups voted for, most votes then lowest id first, each as the id
   * `idOf` gives it (a group without one, -1, is passed over); the votes are cleared.
   */
  best(limit: number, idOf: (group: number) => number): { id: number; votes: number }[] {
    const { tally, touched } = this;
    let most = 0;
    for (const group of touched) most = Math.max(most, tally[group]);
    const groupsWith = new Int32Array(most + 1);
    for (const group of touched) groupsWith[tally[group]]++;
    // A floor of votes is lowered until `limit` groups are above it, and those are elected in one
    // pass; every group at the floor comes too (ties go by id). Lowered again only when some of
    // them had no id.
    const elected: { id: number; votes: number }[] = [];
    let floor = most + 1;
    while (elected.length < limit && floor > 1) {
      const above = floor;
      for (let more = 0; floor > 1 && more < limit - elected.length; ) more += groupsWith[--floor];
      for (const group of touched) {
        const votes = tally[group];
        if (votes < floor || votes >= above) continue;
        const id = idOf(group);
        if (id >= 0) elected.push({ id, votes });
      }
    }
    for (const group of touched) tally[group] = 0;
    touched.length = 0;
    return elected.sort((x, y) => y.votes - x.votes || x.id - y.id).slice(0, limit);
  }
}
