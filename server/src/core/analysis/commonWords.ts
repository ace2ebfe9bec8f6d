// Whether a name that is also an ordinary word ("Search", "Channel", "Proxy") is meant as the name
// where the matcher finds it: quoted, beside a word of its kind, named before in the text, said to
// be of its kind, or written as a name in an analyst's note.

import { contextWordsOf } from '../catalog/vocabulary';
import type { Entity, EntityKind } from '../model';
import { sentenceAround } from '../text/sentences';
import { CLOSING_QUOTES, OPENING_QUOTES, startsCapital, type Words } from '../text/words';
import { kindWordAfter, listedBeforeKindWord, spacesOnly, startsSentence } from './nameForms';

/** Whether a text is a corpus document or an analyst's note: notes are read a little more freely. */
export type TextMode = 'corpus' | 'note';

/** Words that show a name next to them is meant as an operation or an exercise. */
const KIND_KEYWORDS: Partial<Record<EntityKind, ReadonlySet<string>>> = {
  operation: contextWordsOf('operation')!,
  exercise: contextWordsOf('exercise')!,
};

/** The words that name a thing after its kind word: "the exercise codenamed Barrier", "an operation dubbed Proxy". */
const NAMING_WORDS: ReadonlySet<string> = new Set(['codenamed', 'named', 'dubbed', 'called', 'titled']);

/** Prepositions that take the complement of an ordinary noun ("interaction between", "search for"), never of a code name. */
const NOUN_COMPLEMENTS: ReadonlySet<string> = new Set(['between', 'of', 'for', 'among']);

/** A colon or a dash between spaces: what opens a list. */
const LIST_OPENING = /^(?::[ \t\u00a0]+|[ \t\u00a0]+[\u2013\u2014-][ \t\u00a0]+)$/;
/** How many words a list's opening may stand before the name, and the kind word before the opening. */
const LIST_REACH = 8;
/** "Interaction in Russia": where a listed exercise was held, between two names of the list. */
const PLACE_PREPOSITIONS: ReadonlySet<string> = new Set(['in', 'at', 'near']);

/** ", the CSTO's permanent regional anti-drug operation,": an article, then words to a comma or a stop. */
const APPOSITION = /^,[ \t\u00a0]+(?:a|an|the)[ \t\u00a0]+([^,.;()\n]{1,160})[,.;]/u;
/** What may follow the head of an apposition: what the thing is of, for, on, with or against. */
const COMPLEMENT_PREPOSITIONS: ReadonlySet<string> = new Set(['of', 'for', 'on', 'with', 'against']);
const PREPOSITIONS: ReadonlySet<string> = new Set(['of', 'to', 'for', 'in', 'on', 'at', 'by', 'with', 'from', 'into', 'between', 'among', 'against', 'after', 'before', 'during', 'under', 'over']);

/** The context of one text that tells a common-word name from the ordinary word. */
export class CommonWordContext {
  constructor(
    private readonly text: string,
    private readonly words: Words,
    private readonly mode: TextMode,
    /** Entities (and the series of stages) already named in this text. */
    private readonly established: ReadonlySet<string>,
    /** The last word of a catalog name of a kind that starts at a word, -1 where none does. */
    private readonly nameEnd: (kind: EntityKind, first: number) => number,
  ) {}

  /**
   * True when the common-word name `surface`, words `first` to `last` (offsets `start` to `end`),
   * is meant as the entity's name; `written` is the name as the catalog writes it.
   */
  meansName(entity: Entity, first: number, last: number, start: number, end: number, surface: string, written: string): boolean {
    return this.quoted(start, end) || this.inCatalogCapitals(start, surface, written) || this.besideKeyword(entity.kind, first, last, surface) || this.recurring(entity, first, last, surface) || this.saidToBeOfItsKind(entity, end, surface) || this.appositionOfItsKind(entity.kind, end, surface) || this.nameInNote(entity, first, last, surface);
  }

  /**
   * "PROXY" where the catalog writes the name in capitals: the ordinary word is not written so,
   * unless its whole line is in capitals (a headline), which in a note is a name too.
   */
  private inCatalogCapitals(start: number, surface: string, written: string): boolean {
    if (surface !== written || !/^\p{Lu}{3,}$/u.test(written)) return false;
    if (this.mode === 'note') return true;
    const lineStart = this.text.lastIndexOf('\n', start - 1) + 1;
    const lineEnd = this.text.indexOf('\n', start);
    return /\p{Ll}/u.test(this.text.slice(lineStart, lineEnd < 0 ? this.text.length : lineEnd));
  }

  private quoted(start: number, end: number): boolean {
    const before = this.text[start - 1];
    const after = this.text[end];
    return before !== undefined && after !== undefined && OPENING_QUOTES.includes(before) && CLOSING_QUOTES.includes(after);
  }

  /**
   * A common-word name of an entity this text has already named ("Kobalt-2018 ... the Cobalt
   * series"), capitalised in the middle of a sentence.
   */
  private recurring(entity: Entity, first: number, last: number, surface: string): boolean {
    if (!this.established.has(entity.id) || !/^\p{Lu}/u.test(surface) || first === 0) return false;
    // Not a word of another capitalised name: "the Council of Commanders of Border Troops", "the
    // Tajik-Afghan Border" (an abbreviation before it is its organisation's: "the CSTO Search").
    if (this.beforeAnotherName(entity.kind, last) || this.afterAnotherName(first)) return false;
    const before = this.text.slice(Math.max(0, this.words.starts[first] - 3), this.words.starts[first]);
    return !/(^|[.!?:\n]\s*|["“«]\s*)$/.test(before) && /[ \t\u00a0]$/.test(before);
  }

  /** A capitalised word that is no abbreviation ends right before word `first`, a space or a hyphen between. */
  private afterAnotherName(first: number): boolean {
    const { words, text } = this;
    const previous = first - 1;
    const gap = text.slice(words.ends[previous], words.starts[first]);
    if (gap !== ' ' && gap !== '-') return false;
    const word = text.slice(words.starts[previous], words.ends[previous]);
    return /^\p{Lu}/u.test(word) && /\p{Ll}/u.test(word);
  }

  /** A capitalised word other than its kind word follows word `last`, one space between. */
  private beforeAnotherName(kind: EntityKind, last: number): boolean {
    const { words, text } = this;
    const next = last + 1;
    if (next >= words.length || !/^\p{Lu}/u.test(text[words.starts[next]]) || KIND_KEYWORDS[kind]?.has(words.key(next))) return false;
    return words.starts[next] - words.ends[last] === 1 && text[words.ends[last]] === ' ';
  }

  /**
   * A common-word name this text has already named, opening a sentence that says what it is:
   * "Illegal is a regular operation of …", "Search will be a special exercise …". An ordinary
   * word is never the subject of such a sentence.
   */
  private saidToBeOfItsKind(entity: Entity, end: number, surface: string): boolean {
    const keywords = KIND_KEYWORDS[entity.kind];
    if (!keywords || !this.established.has(entity.id) || !/^\p{Lu}/u.test(surface)) return false;
    const predicate = /^[ \t\u00a0]+(?:is|was|remains|will be)[ \t\u00a0]+(?:a|an|the)((?:[ \t\u00a0]+[\p{L}-]+){1,5})/u.exec(this.text.slice(end, end + 120));
    return !!predicate && predicate[1].trim().split(/[ \t\u00a0]+/).some((word) => keywords.has(word.toLowerCase()));
  }

  /**
   * A capitalised name set off by an apposition whose head is a word of its kind: "Channel, the
   * CSTO's permanent regional anti-drug operation, has been …", "Thunder, an exercise of the
   * special forces of …, was …" (the head, then at most what it is of or for). No preposition
   * comes before the head ("Interaction, the key to the operation, …" speaks of the ordinary word).
   */
  private appositionOfItsKind(kind: EntityKind, end: number, surface: string): boolean {
    const keywords = KIND_KEYWORDS[kind];
    if (!keywords || !/^\p{Lu}/u.test(surface) || this.text.charCodeAt(end) !== 44) return false;
    const apposition = APPOSITION.exec(this.text.slice(end, end + 200));
    if (!apposition) return false;
    const words = apposition[1].split(/[ \t\u00a0]+/).filter(Boolean);
    for (let i = 0; i < words.length && i < 6; i++) {
      const word = words[i].toLowerCase();
      if (keywords.has(word)) return i + 1 === words.length || COMPLEMENT_PREPOSITIONS.has(words[i + 1].toLowerCase());
      if (PREPOSITIONS.has(word)) return false;
    }
    return false;
  }

  /**
   * In a note, an ordinary word capitalised in the middle of a sentence is the name: "Mercenary
   * and Channel are permanent", but not "Search results" at the start of a line or of a list item.
   */
  private nameInNote(entity: Entity, first: number, last: number, surface: string): boolean {
    if (this.mode !== 'note' || !/^\p{Lu}/u.test(surface)) return false;
    // "Interaction between the parliaments", "an Echelon of reserve units": the ordinary noun.
    if (last + 1 < this.words.length && NOUN_COMPLEMENTS.has(this.words.key(last + 1))) return false;
    const start = this.words.starts[first];
    // At the start of a sentence, it is a name when the note has named it before, or when the
    // sentence speaks of its kind: "Mercenary and Channel are the two permanent operations".
    return !startsSentence(this.text, start) || this.established.has(entity.id) || this.sentenceHasKindWord(entity.kind, start);
  }

  private sentenceHasKindWord(kind: EntityKind, at: number): boolean {
    const keywords = KIND_KEYWORDS[kind];
    if (!keywords) return false;
    const sentence = sentenceAround(this.text, at, { start: 0, end: this.text.length });
    for (const match of this.text.slice(sentence.start, sentence.end).matchAll(/\p{L}+/gu)) if (keywords.has(match[0].toLowerCase())) return true;
    return false;
  }

  /** "Operation Mercenary", "the Channel operation": capitalised and next to a word of its kind. */
  private besideKeyword(kind: EntityKind, first: number, last: number, surface: string): boolean {
    const keywords = KIND_KEYWORDS[kind];
    if (!keywords || !/^\p{Lu}/u.test(surface)) return false;
    const { words, text } = this;
    if (first > 0 && keywords.has(words.key(first - 1)) && spacesOnly(text, words.ends[first - 1], words.starts[first])) return true;
    return this.namedAfterKindWord(keywords, first) || this.inListAfterKindWords(kind, keywords, first, last) || kindWordAfter(text, words, last, keywords) || listedBeforeKindWord(text, words, last, keywords, (i) => this.nameEnd(kind, i));
  }

  /** "the special exercise codenamed Barrier", "an operation dubbed Proxy": a kind word, a naming word, the name. */
  private namedAfterKindWord(keywords: ReadonlySet<string>, first: number): boolean {
    const { words, text } = this;
    let naming = first - 1;
    if (naming < 1 || !NAMING_WORDS.has(words.key(naming)) || !spacesOnly(text, words.ends[naming], words.starts[first])) return false;
    // "code-named" is two words joined by the hyphen.
    if (words.key(naming) === 'named' && words.joinNext[naming - 1] && words.key(naming - 1) === 'code') naming--;
    const kindWord = naming - 1;
    return kindWord >= 0 && keywords.has(words.key(kindWord)) && spacesOnly(text, words.ends[kindWord], words.starts[naming]);
  }

  /**
   * "We held three exercises: Interaction, Poisk [Search] and Eshelon", "A number of exercises were
   * held last year – Echelon and Interaction in Russia, …": a name of a list that follows its kind
   * word in the plural, a few words, and a colon or a dash; each name of the list is one of that
   * kind (not "exercises: interaction between …", the ordinary noun).
   */
  private inListAfterKindWords(kind: EntityKind, keywords: ReadonlySet<string>, first: number, last: number): boolean {
    const { words, text } = this;
    if (first === 0 || (last + 1 < words.length && NOUN_COMPLEMENTS.has(words.key(last + 1)))) return false;
    // Most names have no colon or dash a few words before them: one look says so.
    if (!/[:\u2013\u2014-]/.test(text.slice(words.ends[Math.max(0, first - LIST_REACH)], words.starts[first]))) return false;
    // The list's opening: a colon or a dash within a few words before the name, the kind word in
    // the plural a few words before that, and no end of a sentence or clause between.
    let open = first;
    while (open > 0 && first - open < LIST_REACH && !LIST_OPENING.test(text.slice(words.ends[open - 1], words.starts[open]))) {
      if (/[.;!?:()]/.test(text.slice(words.ends[open - 1], words.starts[open]))) return false;
      open--;
    }
    if (open === 0 || first - open >= LIST_REACH) return false;
    let kindWord = open - 1;
    while (kindWord >= 0 && open - 1 - kindWord < LIST_REACH && !(keywords.has(words.key(kindWord)) && words.key(kindWord).endsWith('s'))) {
      if (kindWord > 0 && /[.;!?:()]/.test(text.slice(words.ends[kindWord - 1], words.starts[kindWord]))) return false;
      kindWord--;
    }
    if (kindWord < 0 || open - 1 - kindWord >= LIST_REACH) return false;
    // From the opening, names of the kind, each perhaps with where it was held ("in Russia"),
    // joined by commas and "and", up to this one.
    for (let at = open; at <= first; ) {
      const end = at === first ? last : this.nameEnd(kind, at);
      if (end < 0) return false;
      if (at === first) return true;
      let next = end + 1;
      if (next < words.length && PLACE_PREPOSITIONS.has(words.key(next))) while (next + 1 < words.length && startsCapital(text, words.starts[next + 1]) && spacesOnly(text, words.ends[next], words.starts[next + 1])) next++;
      if (next !== end + 1) next++;
      if (next >= words.length) return false;
      const between = text.slice(words.ends[next - 1], words.starts[next]);
      const and = words.key(next) === 'and' && /^,?[ \t\u00a0]+$/.test(between);
      if (!and && !/^,[ \t\u00a0]+$/.test(between)) return false;
      at = and ? next + 1 : next;
    }
    return false;
  }
}
