// A second, independent LSP client: Neovim's built-in client (headless) against the bundled
// server on the seed workspace, so the server is proven to follow the protocol and not just the
// VS Code client's habits. Run with `npm run test:neovim`.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import type { CompletionItem, CompletionList, Hover, Location, LocationLink } from 'vscode-languageserver-protocol';
import { makeWorkspace, positionOf, REPO_ROOT, removeWorkspace, SEED_CORPUS, SERVER } from '../protocol/lspSession';
import { EXPECTED, NOTE_TEXT } from '../vscode/suite/fixture';

const NOTE = `${NOTE_TEXT}The drills were called Indestr`;

interface NeovimResults {
  error?: string;
  log: string[];
  hover: Hover | null;
  definition: Location | Location[] | LocationLink[] | null;
  completion: CompletionList | CompletionItem[] | null;
}

describe('Neovim as the LSP client', { timeout: 120000 }, () => {
  let root: string;
  let results: NeovimResults;

  before(() => {
    root = makeWorkspace({ 'notes/analysis.md': NOTE });
    const out = join(root, 'neovim-results.json');
    const lines = NOTE.split('\n');
    const positions = {
      hover: positionOf(NOTE, 'Hired guns', 2),
      definition: positionOf(NOTE, 'Collective Security Council', 4),
      completion: { line: lines.length - 1, character: lines[lines.length - 1].length },
    };
    const run = spawnSync('nvim', ['--headless', '--clean', '-u', 'NONE', '-c', `luafile ${join(REPO_ROOT, 'test', 'neovim', 'check.lua')}`], {
      cwd: root,
      encoding: 'utf8',
      timeout: 90000,
      env: {
        ...process.env,
        CORPUS_LENS_SERVER: SERVER,
        CORPUS_LENS_ROOT: root,
        CORPUS_LENS_NOTE: join(root, 'notes', 'analysis.md'),
        CORPUS_LENS_POSITIONS: JSON.stringify(positions),
        CORPUS_LENS_OUT: out,
      },
    });
    assert.equal(run.status, 0, `nvim exited with ${run.status}: ${run.stderr}`);
    results = JSON.parse(readFileSync(out, 'utf8')) as NeovimResults;
    assert.equal(results.error, undefined, results.error);
  });

  after(() => removeWorkspace(root));

  it('gets the Mercenary card as a hover on "Hired guns"', () => {
    const value = (results.hover?.contents as { kind: string; value: string }).value;
    assert.equal(value.split('\n')[0], EXPECTED.hiredGunsCardFirstLine);
    for (const alias of EXPECTED.hiredGunsAliases) assert.ok(value.includes(alias), alias);
  });

  it('gets the defining sentence of the Collective Security Council as the definition', () => {
    // Neovim says it supports LocationLink, so that is what it gets.
    const first = (Array.isArray(results.definition) ? results.definition[0] : results.definition) as Location | LocationLink;
    const uri = 'targetUri' in first ? first.targetUri : first.uri;
    const range = 'targetSelectionRange' in first ? first.targetSelectionRange : first.range;
    assert.equal(uri, URI.file(join(root, 'corpus', EXPECTED.definitionFile)).toString());
    const line = readFileSync(join(SEED_CORPUS, EXPECTED.definitionFile), 'utf8').split('\n')[range.start.line];
    assert.ok(line.includes(EXPECTED.definitionLineText));
    assert.equal(line.slice(range.start.character, range.end.character), 'Collective Security Council');
  });

  it('gets the exercise as the first completion of "Indestr"', () => {
    const items = Array.isArray(results.completion) ? results.completion : results.completion!.items;
    assert.equal(items[0].label, EXPECTED.completionLabel);
    assert.equal((items[0].textEdit as { newText: string }).newText, EXPECTED.completionLabel);
  });

  it('reads in the server log that the corpus is indexed, and that it cannot watch files for it', () => {
    assert.ok(results.log.some((l) => l.includes('Indexed 5 of 5 documents')), results.log.join('\n'));
    assert.ok(results.log.some((l) => l.startsWith('This client cannot watch files for the server')), results.log.join('\n'));
  });
});
