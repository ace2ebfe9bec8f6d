// Where the workspace keeps its sources when the corpus settings find none. Two layouts are
// recognised instead of serving the bundled corpus beside the workspace's own files:
// - the workspace root is a corpus: documents at the top and a Corpus Lens catalog.json beside
//   them, or the folder is itself named "corpus" (the bundled corpus opened as a folder);
// - folders of the workspace hold copies of the bundled documents (byte for byte): those folders
//   are the corpus, so one document is never served twice under two names.
// Notes then live under notes/ of such a root; the rest of the workspace keeps the note globs.

import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import type { CorpusLayout } from '../core/sync/host';
import type { Settings } from '../settings';
import { DEFAULT_SETTINGS } from '../settings';
import { hashBytes } from './files';
import { CorpusSelector } from './settings';

/** The globs of a recognised layout, in place of the settings' corpus globs. */
export interface AdoptedLayout {
  layout: CorpusLayout;
  corpus: string[];
  exclude: string[];
  /** The catalog beside the documents, relative to the root, when the settings keep the default one. */
  catalog: string | undefined;
}

/** Notes of a workspace whose root is a corpus. */
export const ROOT_NOTES_FOLDER = 'notes';
const DOCUMENT = /\.(?:txt|md)$/i;
/** At most this many candidate files are compared with the bundled corpus (sizes first). */
const MAX_CANDIDATES = 5000;

export async function adoptLayout(root: string, settings: Settings, embeddedCorpus: string, bundled: readonly string[], log: (message: string) => void): Promise<AdoptedLayout | undefined> {
  const defaultGlobs = JSON.stringify(settings.corpus) === JSON.stringify(DEFAULT_SETTINGS.corpus);
  if (defaultGlobs && (await rootIsCorpus(root))) return layoutOf(root, [''], 'root', settings);
  const folders = await foldersOfCopies(root, settings, embeddedCorpus, bundled, log);
  return folders.length ? layoutOf(root, folders, 'copies', settings) : undefined;
}

async function layoutOf(root: string, folders: string[], kind: CorpusLayout['kind'], settings: Settings): Promise<AdoptedLayout> {
  const corpus = folders.flatMap((folder) => (folder ? [`${folder}/**/*.txt`, `${folder}/**/*.md`] : ['**/*.txt', '**/*.md']));
  const exclude = folders.includes('') ? [...settings.exclude, `${ROOT_NOTES_FOLDER}/**`] : settings.exclude;
  let catalog: string | undefined;
  if (settings.catalog === DEFAULT_SETTINGS.catalog && folders.length === 1) {
    const candidate = folders[0] ? `${folders[0]}/catalog.json` : 'catalog.json';
    if (await isFile(join(root, candidate))) catalog = candidate;
  }
  return { layout: { kind, folders: folders.map((f) => f || '.') }, corpus, exclude, catalog };
}

/** Documents at the top of the root, and either a Corpus Lens catalog beside them or the name "corpus". */
async function rootIsCorpus(root: string): Promise<boolean> {
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  if (!entries.some((e) => e.isFile() && DOCUMENT.test(e.name))) return false;
  if (basename(root).toLowerCase() === 'corpus') return true;
  if (!entries.some((e) => e.isFile() && e.name === 'catalog.json')) return false;
  const text = await readFile(join(root, 'catalog.json'), 'utf8').catch(() => '');
  return text.length < 20_000_000 && /"entities"\s*:\s*\[/.test(text);
}

/** Folders (relative to the root, '' for the root) holding byte-for-byte copies of bundled documents. */
async function foldersOfCopies(root: string, settings: Settings, embeddedCorpus: string, bundled: readonly string[], log: (message: string) => void): Promise<string[]> {
  const bySize = new Map<number, string[]>();
  for (const path of bundled) {
    const size = (await stat(path).catch(() => undefined))?.size;
    if (size) bySize.set(size, [...(bySize.get(size) ?? []), path]);
  }
  if (!bySize.size) return [];
  const candidates = (await new CorpusSelector(root, { corpus: settings.notes.length ? settings.notes : ['**/*.txt', '**/*.md'], exclude: settings.exclude }).list(log)).slice(0, MAX_CANDIDATES);
  const hashes = new Map<string, string>();
  const hashOf = async (path: string) => {
    let hash = hashes.get(path);
    if (hash === undefined) hashes.set(path, (hash = hashBytes(await readFile(path).catch(() => new Uint8Array()))));
    return hash;
  };
  const folders = new Set<string>();
  for (const path of candidates) {
    if (path.startsWith(embeddedCorpus + sep)) continue;
    const size = (await stat(path).catch(() => undefined))?.size;
    const twins = size ? bySize.get(size) : undefined;
    if (!twins) continue;
    const hash = await hashOf(path);
    for (const twin of twins) {
      if ((await hashOf(twin)) === hash) {
        folders.add(relative(root, dirname(path)).split(sep).join('/'));
        break;
      }
    }
  }
  // A folder inside another one found is covered by it.
  return [...folders].filter((f) => ![...folders].some((g) => g !== f && (g === '' || f.startsWith(`${g}/`)))).sort();
}

async function isFile(path: string): Promise<boolean> {
  return !!(await stat(path).catch(() => undefined))?.isFile();
}
