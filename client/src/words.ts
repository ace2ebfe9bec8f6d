// Words the views share: the kinds' titles and counted nouns. No vscode import (the Chronology
// layout uses them and is unit-tested without an editor).

import type { EntityKindName } from '../../server/src/protocol';

export const KIND_TITLES: Record<EntityKindName, string> = {
  body: 'Bodies',
  operation: 'Operations',
  exercise: 'Exercises',
  organization: 'Organizations',
  state: 'States',
  person: 'People',
  document: 'Documents',
};

/** "1 mention", "1,234 mentions". */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? noun : nouns}`;
}
