// End to end: nothing from a document or a workspace catalog runs or links in the real editor.
// A corpus page and a catalog full of Markdown links to commands, HTML images with handlers,
// backticks and bare URLs are shown in every place Corpus Lens shows text: the hover card, the
// completion documentation, the Documents and Entities tooltips, the status bar tooltip and the
// Chronology webview. Each must show the text as written, with no link, image or code made of it.

import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { Browser, FrameLocator, Locator, Page } from 'playwright-core';
import { version } from '../../package.json';
import { makeWorkspace, REPO_ROOT } from '../protocol/lspSession';
import { openCorpusLens, recordSteps, type CodeServer } from './codeServer';
import { pane } from './workbench';

const RESULTS = join(REPO_ROOT, 'test-results', 'e2e-escaping');
const mod = process.platform === 'darwin' ? 'Meta' : 'Control';
const COMMAND_LINK = '[press here](command:workbench.action.closeWindow)';
const IMAGE = '<img src=x onerror="document.title=\'pwned\'">';
const HOSTILE_PAGE = [
  `Hostile page ${IMAGE} ${COMMAND_LINK}`,
  '12.05.2023',
  `The Collective Security Council is the highest body of the Organization, it says here ${COMMAND_LINK} and ${IMAGE} with \`ticks\` and https://example.com/evil.`,
  `The Hostile Drill exercise was held in May ${COMMAND_LINK}.`,
  '',
].join('\n');
const HOSTILE_CATALOG = JSON.stringify({
  version: `v1 ${COMMAND_LINK}`,
  entities: [{ id: 'hostile-drill', kind: 'exercise', name: 'Hostile Drill', aliases: [COMMAND_LINK, '<img src=x onerror=alert(4)>'] }],
});
const NOTE = 'The Collective Security Council met.\n';
const HOSTILE_LINKS = ['closeWindow', 'example.com'].flatMap((target) => [`a[href*="${target}"]`, `a[data-href*="${target}"]`, `a[title*="${target}"]`]).join(', ');
const HOSTILE_ELEMENTS = 'img[src="x"], [onerror], code:text("ticks")';

describe('Corpus Lens in VS Code: document and catalog text shown as text', { timeout: 600000 }, () => {
  let server: CodeServer;
  let browser: Browser;
  let page: Page;
  let workspace: string;

  /** Text shown as written: no command link, no image, the hostile words visible. */
  async function assertInert(where: string, shown: Locator, literals: string[]): Promise<void> {
    // The card's own command links (Insert quote in note, …) are Corpus Lens's: only the text's are looked for.
    assert.equal(await shown.locator(HOSTILE_LINKS).count(), 0, `${where}: a link was made of the text`);
    assert.equal(await shown.locator(HOSTILE_ELEMENTS).count(), 0, `${where}: an element was made of the text`);
    const text = (await shown.innerText()).replace(/\s+/g, ' ');
    for (const literal of literals) assert.ok(text.includes(literal), `${where} shows "${literal}": ${text}`);
    assert.notEqual(await page.title(), 'pwned');
  }


  /** The tooltip a hovered tree row or status item shows. */
  async function tooltipOf(target: Locator, hasText: string): Promise<Locator> {
    await page.mouse.move(0, 0);
    await target.hover();
    const tip = page.locator('.workbench-hover, .monaco-hover', { hasText }).last();
    await tip.waitFor({ timeout: 10000 });
    return tip;
  }

  before(async () => {
    mkdirSync(join(RESULTS, 'steps'), { recursive: true });
    workspace = makeWorkspace({ 'corpus/hostile.txt': HOSTILE_PAGE, 'corpus/catalog.json': HOSTILE_CATALOG, 'notes/n.md': NOTE }, { seed: false });
    ({ server, browser, page } = await openCorpusLens(workspace, join(REPO_ROOT, `corpus-lens-${version}.vsix`)));
  });

  recordSteps(RESULTS, () => ({ server, browser, page, workspace }));

  it('shows the corpus sentence in the hover card as text', async () => {
    await page.keyboard.press(`${mod}+P`);
    await page.waitForSelector('.quick-input-widget:visible');
    await page.keyboard.type('n.md');
    await page.waitForTimeout(800);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.tab.active[data-resource-name="n.md"]');
    await page.waitForSelector('.quick-input-widget', { state: 'hidden' });
    // The server has read the catalog and the page once the status bar counts the document.
    await page.locator('.statusbar-item', { hasText: '1 doc' }).first().waitFor({ timeout: 60000 });
    await page.click('.monaco-editor .view-line >> nth=0');
    await page.keyboard.press('Home');
    for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press(`${mod}+K`);
    await page.keyboard.press(`${mod}+I`);
    const hover = page.locator('.monaco-hover-content', { hasText: 'highest body' }).first();
    await hover.waitFor({ timeout: 30000 });
    await assertInert('the hover card', hover, [COMMAND_LINK, 'onerror', '`ticks`', 'https://example.com/evil']);
    await page.screenshot({ path: join(RESULTS, 'hover.png') });
    await page.keyboard.press('Escape');
  });

  it('shows it as text in the completion documentation', async () => {
    await page.keyboard.press(`${mod}+End`);
    await page.keyboard.type('Collective Sec');
    await page.keyboard.press(`${mod}+Space`);
    await page.locator('.suggest-widget .monaco-list-row', { hasText: 'Collective Security Council' }).first().waitFor();
    let details = page.locator('.suggest-details', { hasText: 'highest body' }).first();
    if (!(await details.isVisible())) {
      // Details are shown beside the list once asked for (Ctrl+Space again).
      await page.keyboard.press(`${mod}+Space`);
    }
    details = page.locator('.suggest-details', { hasText: 'highest body' }).first();
    await details.waitFor({ timeout: 10000 });
    await assertInert('the completion documentation', details, [COMMAND_LINK, 'onerror', '`ticks`']);
    await page.screenshot({ path: join(RESULTS, 'completion.png') });
    await page.keyboard.press('Escape');
  });

  it('shows the page title in the Documents tooltip and the catalog aliases in the Entities tooltip as text', async () => {
    const documentRow = page.locator(`${pane('Documents')} .monaco-list-row`, { hasText: 'Hostile page' }).first();
    await documentRow.waitFor();
    await assertInert('the Documents tooltip', await tooltipOf(documentRow, 'passage'), [COMMAND_LINK, 'onerror']);
    const exercises = page.locator(`${pane('Entities')} .monaco-list-row[aria-label^="Exercises"]`).first();
    await exercises.waitFor();
    if ((await exercises.getAttribute('aria-expanded')) !== 'true') await exercises.click();
    const drill = page.locator(`${pane('Entities')} .monaco-list-row[aria-label^="Hostile Drill"]`).first();
    await drill.waitFor();
    const tip = await tooltipOf(drill, 'Also known as');
    await assertInert('the Entities tooltip', tip, [COMMAND_LINK, '<img src=x onerror=alert(4)>']);
    await page.screenshot({ path: join(RESULTS, 'entities-tooltip.png') });
  });

  it('shows the catalog version in the status bar tooltip as text', async () => {
    const item = page.locator('.statusbar-item', { hasText: '1 doc' }).first();
    const tip = await tooltipOf(item, 'Catalog');
    await assertInert('the status bar tooltip', tip, [COMMAND_LINK]);
  });

  it('shows the page title in the Chronology webview as text', async () => {
    const drill = page.locator(`${pane('Entities')} .monaco-list-row[aria-label^="Hostile Drill"]`).first();
    await page.mouse.move(0, 0);
    await drill.click({ button: 'right' });
    const item = page.locator('.context-view .action-menu-item', { hasText: 'Show in Chronology' }).first();
    await item.waitFor();
    await page.waitForTimeout(400);
    await item.click();
    const view: FrameLocator = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await view.locator('#summary', { hasText: 'Hostile Drill' }).waitFor({ timeout: 30000 });
    const mark = view.locator('circle.mark').first();
    await mark.hover();
    const tip = view.locator('#tip');
    await tip.waitFor();
    await assertInert('the Chronology tooltip', tip, ['Hostile page', 'onerror']);
    assert.equal(await view.locator(HOSTILE_ELEMENTS).count(), 0, 'the webview made an element of the text');
    await page.screenshot({ path: join(RESULTS, 'chronology.png') });
  });
});
