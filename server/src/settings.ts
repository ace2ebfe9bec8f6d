// The settings of Corpus Lens as the server uses them: what a client sent (possibly null, partial
// or of the wrong types) made whole, and what a change of them asks for. Plain data; the file
// system side (globs over the workspace) is node/settings.ts.

import type { CitationFormat } from './core/render/quoteText';

export interface Settings {
  /** Globs, relative to the workspace root, that select corpus documents. */
  corpus: string[];
  /** Globs of folders and files never read. */
  exclude: string[];
  /** Globs of the notes: Markdown and text files outside the corpus, searched for mentions. */
  notes: string[];
  /** Path of the workspace catalog, relative to the root. */
  catalog: string;
  maxFileSizeMB: number;
  hoverMaxDocuments: number;
  /** Find All References answers at most this many locations. */
  referencesMaxResults: number;
  /** Information diagnostics in notes for names and editions nobody knows. */
  noteDiagnostics: boolean;
  /** How a quotation inserted into a note cites its source. */
  citationFormat: CitationFormat;
}

export type { CitationFormat };
const CITATION_FORMATS: readonly CitationFormat[] = ['link', 'footnote', 'plain'];

export const DEFAULT_SETTINGS: Settings = {
  corpus: ['corpus/**/*.txt', 'corpus/**/*.md'],
  exclude: ['**/node_modules/**', '**/.git/**'],
  notes: ['**/*.md', '**/*.txt'],
  catalog: 'corpus/catalog.json',
  maxFileSizeMB: 50,
  hoverMaxDocuments: 8,
  referencesMaxResults: 2000,
  noteDiagnostics: true,
  citationFormat: 'link',
};

/** Settings as a client sent them (possibly null, partial or of the wrong types), made whole. */
export function readSettings(raw: unknown): Settings {
  const value = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const strings = (v: unknown, fallback: string[]) =>
    Array.isArray(v) && v.every((s) => typeof s === 'string') && v.length ? (v as string[]) : fallback;
  const number = (v: unknown, fallback: number, min: number) => (typeof v === 'number' && Number.isFinite(v) && v >= min ? v : fallback);
  const hover = (typeof value.hover === 'object' && value.hover !== null ? value.hover : {}) as Record<string, unknown>;
  const references = (typeof value.references === 'object' && value.references !== null ? value.references : {}) as Record<string, unknown>;
  const diagnostics = (typeof value.diagnostics === 'object' && value.diagnostics !== null ? value.diagnostics : {}) as Record<string, unknown>;
  const quotes = (typeof value.quotes === 'object' && value.quotes !== null ? value.quotes : {}) as Record<string, unknown>;
  return {
    corpus: strings(value.corpus, DEFAULT_SETTINGS.corpus),
    exclude: Array.isArray(value.exclude) ? strings(value.exclude, []) : DEFAULT_SETTINGS.exclude,
    notes: Array.isArray(value.notes) ? strings(value.notes, []) : DEFAULT_SETTINGS.notes,
    catalog: typeof value.catalog === 'string' && value.catalog.trim() ? value.catalog : DEFAULT_SETTINGS.catalog,
    maxFileSizeMB: number(value.maxFileSizeMB, DEFAULT_SETTINGS.maxFileSizeMB, 0.001),
    hoverMaxDocuments: Math.round(number(hover.maxDocuments, DEFAULT_SETTINGS.hoverMaxDocuments, 1)),
    referencesMaxResults: Math.round(number(references.maxResults, DEFAULT_SETTINGS.referencesMaxResults, 1)),
    noteDiagnostics: typeof diagnostics.notes === 'boolean' ? diagnostics.notes : DEFAULT_SETTINGS.noteDiagnostics,
    citationFormat: CITATION_FORMATS.includes(quotes.citation as CitationFormat) ? (quotes.citation as CitationFormat) : DEFAULT_SETTINGS.citationFormat,
  };
}

/** What a change of settings asks for: reading the corpus again, or only the catalog. */
export function settingsChange(before: Settings, after: Settings): { reindex: boolean; catalog: boolean } {
  return {
    reindex:
      JSON.stringify([before.corpus, before.exclude, before.notes, before.maxFileSizeMB]) !== JSON.stringify([after.corpus, after.exclude, after.notes, after.maxFileSizeMB]),
    catalog: before.catalog !== after.catalog,
  };
}

export function maxFileBytes(settings: Settings): number {
  return settings.maxFileSizeMB * 1024 * 1024;
}

