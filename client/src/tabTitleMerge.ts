// What Corpus Lens may write into workbench.editor.customLabels.patterns, worked out against the
// setting as it is right before the write. The setting is the analyst's: a pattern Corpus Lens did
// not write, or one it wrote and the analyst changed since, is never touched again. Plain data, no
// editor: the TabTitles class reads the setting, calls this, and writes what it says.

/** The patterns Corpus Lens wrote, with the label it wrote for each, oldest first. */
export type OwnPatterns = [pattern: string, label: string][];

export interface TitleMerge {
  /** The setting to write (undefined: no pattern left at all). */
  patterns: Record<string, string> | undefined;
  own: OwnPatterns;
  /** False when the setting need not be written. */
  changed: boolean;
}

/**
 * `current` is the setting as read just now; `wanted` the labels of the corpus documents open now;
 * `max` how many of its own patterns to keep (0: tab titles are off, every one of them goes).
 */
export function mergeTitles(current: Readonly<Record<string, string>>, own: OwnPatterns, wanted: ReadonlyMap<string, string>, max: number): TitleMerge {
  const patterns = { ...current };
  // Ours still, only where the setting holds what we wrote: a label the analyst changed is theirs now.
  let mine: OwnPatterns = own.filter(([key, label]) => patterns[key] === label);
  let changed = false;
  for (const [key, label] of wanted) {
    const ours = mine.some(([k]) => k === key);
    if (key in patterns && !ours) continue;
    mine = [...mine.filter(([k]) => k !== key), [key, label]];
    if (patterns[key] !== label) {
      patterns[key] = label;
      changed = true;
    }
  }
  while (mine.length > max) {
    const [oldest] = mine.shift()!;
    delete patterns[oldest];
    changed = true;
  }
  return { patterns: Object.keys(patterns).length ? patterns : undefined, own: mine, changed };
}

/** The remembered patterns, from what an older version kept (the keys alone) or this one. */
export function readOwn(stored: unknown, current: Readonly<Record<string, string>>): OwnPatterns {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((item): OwnPatterns => {
    if (typeof item === 'string') return item in current ? [[item, current[item]]] : [];
    if (Array.isArray(item) && typeof item[0] === 'string' && typeof item[1] === 'string') return [[item[0], item[1]]];
    return [];
  });
}
