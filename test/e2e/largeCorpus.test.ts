// End to end: the first index of a corpus of thousands of files, met as an analyst meets it, with
// a note open. Every file's catalog names come first; the status bar says which pass runs
// ("names", then "understanding") and its tooltip what that means; a file not understood yet says
// so in the Documents view and a chronology drawn meanwhile that it is partial; while the files are
// being understood, a name in the note already has its card with the count of the whole corpus.

import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { version } from '../../package.json';
import { generateCorpus } from '../bench/generate';
import { makeWorkspace, REPO_ROOT, SEED_CORPUS } from '../protocol/lspSession';
import { openCorpusLens, recordSteps, type CodeServer } from './codeServer';
import * as workbench from './workbench';

const RESULTS = join(REPO_ROOT, 'test-results', 'e2e-large-corpus');
const NOTE = 'The Collective Security Council met in Moscow.\n';
/** Enough files that understanding them takes several seconds after their names are in. */
const DOCUMENTS = 6000;

describe('Corpus Lens in VS Code: the first index of a large corpus', { timeout: 600000 }, () => {
  let server: CodeServer;
  let browser: Browser;
  let page: Page;
  let workspace: string;

  before(async () => {
    mkdirSync(join(RESULTS, 'steps'), { recursive: true });
    workspace = makeWorkspace({ 'notes/reading.md': NOTE }, { seed: false });
    generateCorpus(SEED_CORPUS, join(workspace, 'corpus'), DOCUMENTS, 13000, 27);
    // The steps below happen while the first index runs: the suite does not wait for its end.
    ({ server, browser, page } = await openCorpusLens(workspace, join(REPO_ROOT, `corpus-lens-${version}.vsix`), false));
  });

  recordSteps(RESULTS, () => ({ server, browser, page, workspace }));

  after(() => workbench.publishScreenshots(RESULTS));

  it('says the files are being understood once every catalog name is in, and a name in the note has its card meanwhile', async () => {
    await workbench.openQuickly(page, 'reading.md');
    const understanding = page.locator('.statusbar-item', { hasText: 'Corpus Lens: understanding' }).first();
    await understanding.waitFor({ timeout: 120000 }).catch(async (error: Error) => {
      const shown = await page.locator('.statusbar-item', { hasText: 'docs' }).allInnerTexts();
      throw new Error(`${error.message}\nThe status bar said: ${JSON.stringify(shown)}`);
    });
    // Every file is in the index as soon as the names pass ends.
    assert.match(await understanding.innerText(), new RegExp(`understanding \u00b7 ${DOCUMENTS} docs`));
    // A file not understood yet says so in the Documents view, rather than calling itself undated.
    await page.locator(`${workbench.pane('Documents')} .monaco-list-row`, { hasText: /^not read yet \u00b7 \d{5}\.txt/ }).first().waitFor({ timeout: 30000 });
    // The Chronology, drawn while the corpus is read and not again until it is done, says so.
    const chronology = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await chronology.locator('#summary', { hasText: /^The whole corpus: [\d,]+ passages?(?:, by \w+)? so far: the corpus is still being read, and this is drawn again when it is done$/ }).waitFor({ timeout: 30000 });
    await understanding.hover();
    const tooltip = page.locator('.monaco-hover-content', { hasText: 'Every catalog name is known' }).first();
    await tooltip.waitFor();
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(RESULTS, 'first-index-understanding-status.png') });
    await page.mouse.move(600, 300);
    await workbench.goTo(page, '1:20');
    const card = await workbench.hoverAtCursor(page, 'body');
    assert.ok(card.startsWith('Collective Security Council \u2014 body'), card);
    assert.match(card.replace(/\s+/g, ' '), /Mentioned [\d,]+ times in [\d,]+ documents · .*so far/);
    assert.match(card.replace(/\s+/g, ' '), new RegExp(`\\d+ of ${DOCUMENTS} documents are not read yet; definitions and dates may change`));
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(RESULTS, 'first-index-card-while-understanding.png') });
    await page.keyboard.press('Escape');
    // Then the index ends, and the status bar says no pass any more.
    await page.locator('.statusbar-item', { hasText: `${DOCUMENTS} docs` }).filter({ hasNotText: 'understanding' }).first().waitFor({ timeout: 300000 });
    // The views follow: every file dated (or undated), none left "not read yet".
    const rows = page.locator(`${workbench.pane('Documents')} .monaco-list-row`);
    await rows.filter({ hasText: /^\d{4}-\d\d-\d\d \u00b7 / }).first().waitFor({ timeout: 30000 });
    assert.equal(await rows.filter({ hasText: 'not read yet' }).count(), 0);
    await chronology.locator('#summary', { hasText: /^The whole corpus: [\d,]+ passages, by \w+$/ }).waitFor({ timeout: 30000 });
    // The Entities view lists every kind with its count: its list is made from every document of every entity.
    await page.locator(`${workbench.pane('Entities')} .monaco-list-row`, { hasText: /^Bodies\s*\d+$/ }).first().waitFor({ timeout: 30000 });
    await page.screenshot({ path: join(RESULTS, 'first-index-done.png') });
  });
});
