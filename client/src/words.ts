// Counted nouns, as every view writes them. No vscode import (the Chronology layout uses it and is
// unit-tested without an editor).

/** "1 mention", "1,234 mentions". */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? noun : nouns}`;
}
