// Where an entity is written in a catalog file (the workspace's first, then the bundled one): the
// place to show for an entity the corpus never mentions.

import type { Location } from 'vscode-languageserver';
import { entityEntries } from '../core/catalog/catalogEdits';
import { LineTable } from '../core/text/lines';
import type { ServerContext } from './context';

interface ParsedCatalog {
  text: string;
  entries: Map<string, { start: number; end: number }>;
  lines: LineTable;
}

/** A lookup of catalog entries that parses each catalog text once, however often it is asked. */
export function catalogLocator(ctx: ServerContext): (entityId: string) => Location | undefined {
  let parsed: ParsedCatalog[] = [];
  return (entityId) => {
    const files = ctx.catalogFiles();
    parsed = files.map((file) => parsed.find((p) => p.text === file.text) ?? { text: file.text, entries: entityEntries(file.text), lines: LineTable.of(file.text) });
    for (let i = 0; i < files.length; i++) {
      const range = parsed[i].entries.get(entityId);
      if (range) return { uri: files[i].uri, range: { start: parsed[i].lines.positionAt(range.start), end: parsed[i].lines.positionAt(range.end) } };
    }
    return undefined;
  };
}
