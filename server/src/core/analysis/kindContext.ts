// The kind of a code name by the words around it: the kind word nearest to it in its sentence
// ("the exercise Granite-2019", "Cobalt-2019 drills").

import { KIND_WORDS, kindOfWord } from '../catalog/vocabulary';
import type { EntityKind } from '../model';
import { sentenceAround } from '../text/sentences';

/** How far from a code name its sentence is searched for a kind word. */
const CONTEXT_REACH = 160;

/** Any kind word, in any case (a word that lowers to ASCII letters is ASCII letters). */
const MAY_HOLD_KIND_WORD = new RegExp([...KIND_WORDS, 'операц', 'учени', 'тренировк', 'манёвр', 'маневр', 'кшу'].join('|'), 'i');

const LETTER_RUN = /\p{L}+/gu;
const KIND_WORD_LENGTHS = KIND_WORDS.map((w) => w.length);
const SHORTEST_KIND_WORD = Math.min(...KIND_WORD_LENGTHS);
const LONGEST_KIND_WORD = Math.max(...KIND_WORD_LENGTHS);

/** The kind word nearest to a name in its sentence. */
export function kindFromContext(text: string, start: number, end: number): EntityKind | undefined {
  const sentence = sentenceAround(text, start, { start: Math.max(0, start - CONTEXT_REACH), end: Math.min(text.length, end + CONTEXT_REACH) });
  const before = text.slice(sentence.start, start);
  const after = text.slice(end, Math.max(end, sentence.end));
  let best: { kind: EntityKind; distance: number } | undefined;
  // Most sentences hold no kind word at all: one search says so before any word is lowered.
  // Before the name, the nearest kind word is the last: the words nearest the name are read first,
  // a stretch at a time, and an earlier stretch only when a later one has none.
  if (MAY_HOLD_KIND_WORD.test(before)) {
    for (let to = before.length; to > 0 && !best; ) {
      let from = Math.max(0, to - BACKWARD_STRETCH);
      // A stretch starts between words, never inside one.
      while (from > 0 && /\p{L}/u.test(before[from - 1])) from--;
      for (const match of before.slice(from, to).matchAll(LETTER_RUN)) {
        const kind = kindOfRun(match[0]);
        const distance = before.length - (from + match.index!);
        if (kind && (!best || distance < best.distance)) best = { kind, distance };
      }
      to = from;
    }
  }
  // After the name, the first kind word is the nearest.
  if (MAY_HOLD_KIND_WORD.test(after)) {
    for (const match of after.matchAll(LETTER_RUN)) {
      const kind = kindOfRun(match[0]);
      if (!kind) continue;
      if (!best || match.index! < best.distance) best = { kind, distance: match.index! };
      break;
    }
  }
  return best?.kind;
}

/** How much of the words before a name is read at a time, looking for the nearest kind word. */
const BACKWARD_STRETCH = 48;

/** The kind a run of letters names, if it is a kind word; only a run as long as one is lowered and looked up (a Russian one in any case). */
function kindOfRun(run: string): EntityKind | undefined {
  const cyrillic = run.charCodeAt(0) >= 0x400;
  if (!cyrillic && (run.length < SHORTEST_KIND_WORD || run.length > LONGEST_KIND_WORD)) return undefined;
  return kindOfWord(run.toLowerCase());
}
