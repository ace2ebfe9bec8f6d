// The trie the matcher walks: a node per word key of a name, and the ways of writing a name that
// end at a node.

import type { Entity } from '../model';

/** @internal One way of writing one entity's name. */
export interface NamePattern {
  entity: Entity;
  /** The name as the catalog writes it. */
  written: string;
  /** Abbreviations ("CSC", "PROXY") match only in the case the catalog writes them. */
  caseSensitive: boolean;
  /** Set for a name that is one edition ("Inviolable Brotherhood 2020"). */
  edition?: number;
  /** A short form ("the Working Group") that needs a recent full mention to resolve. */
  shortForm: boolean;
  /** The name is also an ordinary word ("Cobalt", not "Kobalt"): it needs context to count. */
  common: boolean;
  /**
   * For a one-word Russian name ("Грузия"), found by its stem: the lower-case letters a form of it
   * starts with (see russianFormPrefix). The stem alone is also other words' ("грузом", cargo).
   */
  russianForm?: string;
}

/** @internal A node of the name trie: the names that end here, and the words that go on. */
export interface TrieNode {
  next: Map<string, TrieNode>;
  patterns: NamePattern[];
  /** A name goes on past a possessive here: its word was written so ("People's Republic of China"). */
  possessive?: boolean;
}
