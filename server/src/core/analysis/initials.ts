// Whether an abbreviation stands for a name: the initials of its words ("CSTO"), of its head
// ("ACC"), in the Russian order ("CBTC"), or the starts of its words ("Interpol", "EAG").

import { CONNECTORS } from '../catalog/lexicon';

/**
 * "Advisory Coordination Center on Computer Incident Response (ACC)": the initials of the name's
 * head, the words before its first "on", "for" or "of", at least two of them.
 */
export function headInitialsMatch(name: string, abbreviation: string): boolean {
  const head = /^(\S+(?:\s+\S+)+?)\s+(?:on|for|of)\s/.exec(name);
  return !!head && initialsMatch(head[1], abbreviation);
}

/** "Interpol" of "International Criminal Police Organization": the starts of some of its words, in order. */
export function syllablesMatch(name: string, word: string): boolean {
  const letters = word.toLowerCase();
  const words = name.toLowerCase().split(/[\s\-\u2010-\u2014]+/).filter((w) => w && !CONNECTORS.has(w));
  const from = (w: number, l: number, pieces: number): boolean => {
    if (l === letters.length) return pieces >= 2;
    for (let next = w; next < words.length; next++) {
      if (pieces === 0 && next > 0) return false;
      for (let n = Math.min(words[next].length, letters.length - l); n >= 2; n--) {
        if (words[next].startsWith(letters.slice(l, l + n)) && from(next + 1, l + n, pieces + 1)) return true;
      }
    }
    return false;
  };
  return from(0, 0, 0);
}

/** True when the abbreviation is the initials of the name's capitalised words (connectors optional). */
export function initialsMatch(name: string, abbreviation: string): boolean {
  const letters = abbreviation.replace(/[^\p{L}]/gu, '').toLowerCase();
  const nameWords = name.split(/[\s\-\u2010-\u2014]+/).filter(Boolean);
  const tryFrom = (w: number, l: number): boolean => {
    if (l === letters.length) return w === nameWords.length || nameWords.slice(w).every((x) => CONNECTORS.has(x.toLowerCase()));
    if (w === nameWords.length) return false;
    const word = nameWords[w];
    const lower = word.toLowerCase();
    if (CONNECTORS.has(lower) && tryFrom(w + 1, l)) return true;
    // An abbreviation inside the name gives all its letters: "UN Assistance Mission … (UNAMA)".
    if (lower.length > 1 && word === word.toUpperCase() && letters.startsWith(lower, l) && tryFrom(w + 1, l + lower.length)) return true;
    return lower[0] === letters[l] && tryFrom(w + 1, l + 1);
  };
  // The name may start with words the abbreviation leaves out ("the CSTO Collective ... (CPF)").
  for (let w = 0; w < nameWords.length; w++) if (tryFrom(w, 0)) return true;
  return false;
}

/**
 * "Border Troops Commanders Council (CBTC)": the initials of a name translated from Russian, which
 * puts the head noun first ("Совет командующих пограничными войсками"). Three letters or more, the
 * first the initial of the name's last word, a head noun, the others those of the words before it
 * in order (`isHead` says which words are head nouns). The name from the first of those words, or undefined.
 */
export function headFirstInitials(fullName: { name: string; start: number }, abbreviation: string, isHead: (key: string) => boolean): { name: string; start: number } | undefined {
  const letters = abbreviation.replace(/[^\p{L}]/gu, '').toLowerCase();
  if (letters.length < 3) return undefined;
  const words = [...fullName.name.matchAll(/[^\s\-\u2010-\u2014]+/g)];
  const head = words[words.length - 1];
  const headKey = head?.[0].toLowerCase();
  if (!head || words.length < 2 || headKey[0] !== letters[0] || !isHead(headKey)) return undefined;
  const before = { name: fullName.name.slice(0, head.index).trimEnd(), start: fullName.start };
  if (!initialsMatch(before.name, letters.slice(1))) return undefined;
  const from = fromInitials(before, letters.slice(1));
  return { name: fullName.name.slice(from.start - fullName.start), start: from.start };
}

/** The name from its first word whose initial starts the abbreviation, when the initials match from there. */
export function fromInitials(fullName: { name: string; start: number }, abbreviation: string): { name: string; start: number } {
  const first = abbreviation[0].toLowerCase();
  for (const word of fullName.name.matchAll(/[^\s\-\u2010-\u2014]+/g)) {
    if (word[0][0].toLowerCase() !== first || CONNECTORS.has(word[0].toLowerCase())) continue;
    const name = fullName.name.slice(word.index);
    if (initialsMatch(name, abbreviation)) return { name, start: fullName.start + word.index! };
  }
  return fullName;
}

/**
 * "Eurasian Group on Combating Money Laundering … (EAG)", "Eurasian Economic Union (EAEU)": an
 * abbreviation whose letters are, in order, each word's initial and perhaps more letters of that
 * word, from the first word on; words after the last one it takes follow a connector ("on
 * Combating …"). The name from that first word, or undefined.
 */
export function fromLettersInWords(fullName: { name: string; start: number }, abbreviation: string): { name: string; start: number } | undefined {
  const letters = abbreviation.replace(/[^\p{L}]/gu, '').toLowerCase();
  const words = [...fullName.name.matchAll(/[^\s\-\u2010-\u2014]+/g)];
  const takes = (w: number, l: number): boolean => {
    if (l === letters.length) return w === words.length || CONNECTORS.has(words[w][0].toLowerCase());
    if (w === words.length) return false;
    const word = words[w][0].toLowerCase();
    if (CONNECTORS.has(word)) return takes(w + 1, l);
    if (word[0] !== letters[l]) return false;
    // The initial, then any later letters of the word, in order.
    for (let i = 1, n = l + 1; ; i++) {
      if (takes(w + 1, n)) return true;
      if (n === letters.length) return false;
      const next = word.indexOf(letters[n], i);
      if (next < 0) return false;
      i = next;
      n++;
    }
  };
  for (let w = 0; w < words.length; w++) {
    const first = words[w][0].toLowerCase();
    if (CONNECTORS.has(first) || first[0] !== letters[0]) continue;
    if (takes(w, 0)) return { name: fullName.name.slice(words[w].index), start: fullName.start + words[w].index! };
  }
  return undefined;
}
