// End to end: the first hour of a new analyst, in the real editor. The folder opened is the
// bundled corpus itself (what the README once advised): its documents are sources (titled tabs,
// Corpus Document, read-only, listed once), the analyst is told so; words selected in a source go
// into a note as a quotation with its citation from the editor's context menu; the walkthrough
// shows its steps.

import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { version } from '../../package.json';
import { REPO_ROOT, SEED_CORPUS } from '../protocol/lspSession';
import { openCorpusLens, recordSteps, type CodeServer } from './codeServer';
import { activeTab, editorLines, goTo, lineAppears, mod, notification, openQuickly, publishScreenshots, runCommand } from './workbench';

const RESULTS = join(REPO_ROOT, 'test-results', 'e2e-first-hour');
const SOURCE = '003_cd610519ad23afcb.txt';
const QUOTED = 'The highest body is the Collective Security Council';

describe('Corpus Lens in VS Code: the first hour, on a folder that is a corpus', { timeout: 600000 }, () => {
  let server: CodeServer;
  let browser: Browser;
  let page: Page;
  let workspace: string;

  async function shot(name: string): Promise<void> {
    await page.screenshot({ path: join(RESULTS, `${name}.png`) });
  }

  before(async () => {
    mkdirSync(RESULTS, { recursive: true });
    // The bundled corpus as the repository has it (documents, catalog, schema), opened as the folder.
    workspace = join(mkdtempSync(join(tmpdir(), 'corpus-lens-e2e-root-')), 'corpus');
    mkdirSync(join(workspace, 'notes'), { recursive: true });
    for (const file of readdirSync(SEED_CORPUS)) cpSync(join(SEED_CORPUS, file), join(workspace, file));
    writeFileSync(join(workspace, 'notes', 'first.md'), '# First reading\n\n');
    ({ server, browser, page } = await openCorpusLens(workspace, join(REPO_ROOT, `corpus-lens-${version}.vsix`)));
  });

  recordSteps(RESULTS, () => ({ server, browser, page, workspace }));

  after(() => publishScreenshots(RESULTS));

  it('serves the folder’s documents as sources: told so, listed once, a source titled, coloured and read-only', async () => {
    const told = await notification(page, 'is a corpus');
    assert.match(told, /this folder \(corpus\) is a corpus, so its documents are your sources/);
    await page.locator('.pane:has(.pane-header[aria-label^="Documents"]) .monaco-list-row').nth(4).waitFor();
    const documents = await page.$$eval('.pane:has(.pane-header[aria-label^="Documents"]) .monaco-list-row', (els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    assert.equal(documents.length, 5, documents.join(' | '));
    assert.ok(documents.every((row) => !/bundled/.test(row)), `no bundled copy beside the folder's own: ${documents.join(' | ')}`);
    await openQuickly(page, SOURCE);
    // The tab is titled once the index has given the document's title.
    await page.locator('.tab.active .label-name', { hasText: /^2022-05-30 · Stanislav Zas/ }).waitFor();
    await page.locator('.statusbar-item', { hasText: 'Corpus Document' }).first().waitFor();
    await page.click('.monaco-editor .view-lines');
    await page.keyboard.type('x');
    await page.waitForTimeout(500);
    assert.equal(await page.locator('.tab.active.dirty').count(), 0, 'a keystroke changes nothing in a source');
    await shot('18-corpus-folder');
  });

  it('inserts the words selected in a source into the note, from the context menu, with a citation of the line', async () => {
    await openQuickly(page, 'first.md');
    await page.keyboard.press(`${mod}+End`);
    await openQuickly(page, SOURCE);
    const lines = readFileSync(join(SEED_CORPUS, SOURCE), 'utf8').split('\n');
    const line = lines.findIndex((l) => l.includes(QUOTED));
    await goTo(page, `${line + 1}:${lines[line].indexOf(QUOTED) + 1}`);
    for (let i = 0; i < QUOTED.split(' ').length; i++) await page.keyboard.press(`Shift+${mod}+ArrowRight`);
    // The context menu at the cursor, from the keyboard.
    await page.keyboard.press('Shift+F10');
    const item = page.locator('.context-view .action-menu-item', { hasText: 'Insert Selection as Quote in Note' }).first();
    await item.waitFor();
    await page.waitForTimeout(400);
    await shot('19-selection-menu');
    await item.click();
    await activeTab(page, 'first.md');
    await lineAppears(page, 'the quotation in the note', (l) => l === `> ${QUOTED}`);
    // The citation wraps in the editor: its start on one view line, the link's end on the last.
    await lineAppears(page, 'its citation', (l) => l.startsWith('> — [Stanislav Zas:') && l.includes('30 May 2022]('));
    await lineAppears(page, 'the line it cites', (l) => l.endsWith(`${SOURCE}#L${line + 1})`));
    await shot('20-selection-quote');
    assert.ok((await editorLines(page)).includes('# First reading'), 'the note keeps what it had');
  });

  it('opens the whole card beside the note, and the card follows the cursor to another name', async () => {
    await openQuickly(page, 'first.md');
    const lines = await editorLines(page);
    const quoteLine = lines.findIndex((l) => l.startsWith(`> ${QUOTED}`)) + 1;
    await goTo(page, `${quoteLine}:${`> ${QUOTED}`.indexOf('Collective Security Council') + 3}`);
    await runCommand(page, 'Corpus Lens: Open Card');
    await page.locator('.tab', { hasText: 'Card: Collective Security Council' }).first().waitFor();
    // The Chronology view is a webview too: the card's is the frame that shows the quotation.
    let text = '';
    for (let waited = 0; !text; waited += 250) {
      assert.ok(waited < 15000, 'no card panel shows the defining sentence');
      await page.waitForTimeout(250);
      const frames = page.frames().filter((f) => f !== page.mainFrame());
      text = (await Promise.all(frames.map((f) => f.locator('body').innerText().catch(() => '')))).find((t) => t.includes('The highest body is') && t.includes('Defined in')) ?? '';
    }
    assert.match(text, /Mentioned \d+ times in 5 documents · 2 Dec 2020 – /);
    assert.doesNotMatch(text, /\]\(file:/, 'links are links, not Markdown text');
    // Back in the note, onto another name: the panel shows its card.
    await openQuickly(page, 'first.md');
    const citation = (await editorLines(page)).findIndex((l) => l.startsWith('> — [Stanislav Zas:')) + 1;
    await goTo(page, `${citation}:${'> — [Stanislav Zas: In the Republic of Kaz'.length}`);
    await page.locator('.tab', { hasText: 'Card: Kazakhstan' }).first().waitFor({ timeout: 10000 });
    await page.waitForTimeout(500);
    await shot('22-card-panel');
  });

  it('searches passages from the Documents title bar, whatever row is selected, and opens none by itself', async () => {
    const documents = '.pane:has(.pane-header[aria-label^="Documents"])';
    await page.locator(`${documents} .monaco-list-row`).first().click();
    await page.keyboard.press('Escape');
    const tabs = await page.locator('.tab').count();
    await page.hover(`${documents} .pane-header`);
    await page.locator(`${documents} .pane-header .action-label[aria-label^="Find a Passage"]`).click();
    await page.waitForSelector('.quick-input-widget:visible input[placeholder^="Type words of a title"]');
    assert.equal(await page.locator('.tab').count(), tabs, 'no document opened');
    await page.keyboard.type('recruitment channels terrorist');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'all the words' }).first().waitFor();
    await page.keyboard.press('Escape');
  });

  it('hides the entities the corpus never mentions from the Entities view, and shows them again', async () => {
    const bodies = page.locator('.pane:has(.pane-header[aria-label^="Entities"]) .monaco-list-row[aria-label^="Bodies"]').first();
    await runCommand(page, 'Corpus Lens: Hide Entities the Corpus Never Mentions');
    await page.waitForFunction((el) => / of \d+/.test(el?.textContent ?? ''), await bodies.elementHandle(), { timeout: 10000 });
    if ((await bodies.getAttribute('aria-expanded')) !== 'true') await bodies.click();
    await page.waitForTimeout(500);
    const rows = await page.$$eval('.pane:has(.pane-header[aria-label^="Entities"]) .monaco-list-row', (els) => els.map((e) => e.textContent ?? ''));
    assert.ok(rows.some((r) => /Collective Security Council/.test(r)), rows.join(' | '));
    assert.ok(!rows.some((r) => /not mentioned/.test(r)), `no row says "not mentioned": ${rows.join(' | ')}`);
    await shot('23-entities-mentioned-only');
    await runCommand(page, 'Corpus Lens: Show Entities the Corpus Never Mentions');
    await page.waitForFunction((el) => /^Bodies\s*28$/.test((el?.textContent ?? '').trim()), await bodies.elementHandle(), { timeout: 10000 });
    await bodies.click();
  });

  it('shows the Get Started walkthrough with its steps', async () => {
    await runCommand(page, 'Welcome: Open Walkthrough', 'Select a walkthrough');
    await page.keyboard.type('Corpus Lens');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Get Started with Corpus Lens' }).first().waitFor();
    await page.keyboard.press('Enter');
    const steps = page.locator('.getting-started-step');
    await page.locator('.getting-started-category', { hasText: 'Get Started with Corpus Lens' }).first().waitFor({ timeout: 20000 }).catch(() => undefined);
    await steps.first().waitFor();
    const titles = await page.$$eval('.getting-started-step .step-title', (els) => els.map((e) => e.textContent?.trim() ?? '').filter(Boolean));
    assert.deepEqual(titles, ['Open a workspace of sources and notes', 'Hover a name in a note', 'Quote what you select', 'Follow the thread of events']);
    await page.waitForTimeout(800);
    await shot('21-walkthrough');
  });
});
