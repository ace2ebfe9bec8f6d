// End to end: the workspace `npm start` prepares (the bundled corpus in corpus/, the welcome note in
// notes/), opened as the README tells a newcomer to. The welcome note says what each feature does
// on its own lines; here each claim is checked where the note makes it.

import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { version } from '../../package.json';
import { REPO_ROOT } from '../protocol/lspSession';
import { openCorpusLens, recordSteps, type CodeServer } from './codeServer';
import { goTo, hoverAtCursor, lineColumnOf, openQuickly, publishScreenshots } from './workbench';

const RESULTS = join(REPO_ROOT, 'test-results', 'e2e-welcome');
const WELCOME = readFileSync(join(REPO_ROOT, 'client', 'media', 'welcome.md'), 'utf8');

/** "line:column" of `needle` in the welcome note, `offset` characters into it. */
const at = (needle: string, offset: number) => lineColumnOf(WELCOME, needle, offset);

describe('Corpus Lens in VS Code: the welcome note of the workspace npm start prepares', { timeout: 600000 }, () => {
  let server: CodeServer;
  let browser: Browser;
  let page: Page;
  let workspace: string;

  before(async () => {
    mkdirSync(RESULTS, { recursive: true });
    // What client/tools/start.mjs writes: the bundled documents in corpus/, the welcome note in notes/.
    workspace = mkdtempSync(join(tmpdir(), 'corpus-lens-e2e-welcome-'));
    mkdirSync(join(workspace, 'corpus'));
    mkdirSync(join(workspace, 'notes'));
    for (const file of readdirSync(join(REPO_ROOT, 'corpus')).filter((f) => f.endsWith('.txt'))) copyFileSync(join(REPO_ROOT, 'corpus', file), join(workspace, 'corpus', file));
    copyFileSync(join(REPO_ROOT, 'client', 'media', 'welcome.md'), join(workspace, 'notes', 'welcome.md'));
    ({ server, browser, page } = await openCorpusLens(workspace, join(REPO_ROOT, `corpus-lens-${version}.vsix`)));
  });

  recordSteps(RESULTS, () => ({ server, browser, page, workspace }));

  after(() => publishScreenshots(RESULTS));

  async function hoverText(hasText: string): Promise<string> {
    const text = await hoverAtCursor(page, hasText);
    await page.keyboard.press('Escape');
    return text;
  }

  it('shows the card of Mercenary on "Hired guns", as the note says', async () => {
    await openQuickly(page, 'welcome.md');
    await goTo(page, at('Hired guns', 2));
    assert.match(await hoverText('operation'), /Mercenary — operation/);
  });

  it('says on the card of the Collective Rapid Reaction Force that no sentence defines it, as the note says', async () => {
    await goTo(page, at('Collective Rapid', 3));
    assert.match(await hoverText('Collective Rapid Reaction Force'), /No defining sentence in the corpus;/);
  });

  it('marks the misquotation on the word that differs, as the note says', async () => {
    await goTo(page, at('for people who', 5));
    const text = await hoverText('Misquotation');
    assert.match(text, /Misquotation: the source says “individuals”, not “people”/);
    await page.waitForTimeout(300);
  });

  it('marks Zapad-2021, which nobody knows, with a quick fix, as the note says', async () => {
    await goTo(page, at('Zapad-2021', 2));
    assert.match(await hoverText('neither in the catalog'), /"Zapad" \(exercise, 2021\) is neither in the catalog nor in the corpus\. A quick fix can add it/);
    await goTo(page, at('Hired guns', 2));
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(RESULTS, '24-welcome-note.png') });
  });
});
