// What the sync tells and is told: its status, the file changes it applies, the catalog checks it
// reports and its options.

import type { CatalogProblem } from '../catalog/catalog';
import type { IndexStats } from '../index/corpusIndex';
import type { CorpusLayout, IndexingPhase } from './host';

export interface SyncStatus extends IndexStats {
  indexing: boolean;
  /** While a first index on workers runs: every file's catalog names first, then the full analyses. */
  phase?: IndexingPhase;
  /** True when the workspace has no corpus of its own and the bundled one is served. */
  embedded: boolean;
  layout?: CorpusLayout;
  /** Files that could not be indexed or were read with a warning. */
  problems: number;
  /** Notes of the workspace that are indexed (searched for mentions, never quoted). */
  notes: number;
  /** Documents of the last full index that came back unchanged from the index cache. */
  fromCache: number;
  /** How long the last full index took, listing and cache included. */
  lastIndexMilliseconds?: number;
  /** How long the last update after file changes took. */
  lastUpdateMilliseconds?: number;
}

export interface FileChange {
  uri: string;
  type: 'created' | 'changed' | 'deleted';
}

export interface CatalogCheck {
  uri: string;
  text: string;
  problems: CatalogProblem[];
}

export interface SyncOptions {
  /** The server's version: a cache written by another version is not used. */
  version: string;
  sliceMilliseconds?: number;
}
