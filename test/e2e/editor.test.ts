// End to end, in a real VS Code (code-server) driven through chromium: what a user sees.
// Run with `npm run test:e2e` (it packages the .vsix and installs it first). Every step saves a
// screenshot in test-results/e2e/; with CORPUS_LENS_UPDATE_SCREENSHOTS=1 the README's pictures in
// docs/screenshots/ are refreshed from them.

import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { version } from '../../package.json';
import { makeWorkspace, REPO_ROOT, removeWorkspace, SEED_CORPUS } from '../protocol/lspSession';
import { EXPECTED, NOTE_TEXT } from '../vscode/suite/fixture';
import { CodeServer, launchBrowser, openWorkbench, prepareEditor } from './codeServer';

const RESULTS = join(REPO_ROOT, 'test-results', 'e2e');
const SCREENSHOTS = join(REPO_ROOT, 'docs', 'screenshots');
const isMac = process.platform === 'darwin';
const mod = isMac ? 'Meta' : 'Control';

/** 1-based line of the first line containing `needle` in a seed document. */
function lineOf(file: string, needle: string): number {
  return readFileSync(join(SEED_CORPUS, file), 'utf8').split('\n').findIndex((l) => l.includes(needle)) + 1;
}

function noteLineColumn(needle: string, offset = 0): string {
  const lines = NOTE_TEXT.split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  return `${line + 1}:${lines[line].indexOf(needle) + 1 + offset}`;
}

describe('Corpus Lens in VS Code (code-server) through chromium', { timeout: 600000 }, () => {
  let server: CodeServer;
  let browser: Browser;
  let page: Page;
  let workspace: string;

  async function shot(name: string): Promise<void> {
    await page.screenshot({ path: join(RESULTS, `${name}.png`) });
  }

  async function rows(pane: string): Promise<string[]> {
    return page.$$eval(`.pane:has(.pane-header[aria-label^="${pane}"]) .monaco-list-row`, (els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  }

  /** Keys typed while a quick input is still closing go to the editor: wait until it has gone. */
  async function quickInputClosed(): Promise<void> {
    await page.waitForSelector('.quick-input-widget', { state: 'hidden' });
  }

  async function goTo(lineColumn: string): Promise<void> {
    await quickInputClosed();
    await page.keyboard.press(`${mod}+G`);
    // Go to Line is open when its box holds the ':' it starts with.
    await page.waitForFunction("document.querySelector('.quick-input-widget input')?.value.startsWith(':')");
    await page.keyboard.type(lineColumn);
    await page.keyboard.press('Enter');
    await quickInputClosed();
    await page.waitForTimeout(300);
  }

  async function cursorLine(): Promise<number> {
    const text = await page.locator('.statusbar-item:has-text("Ln ")').first().innerText();
    return Number(/Ln (\d+)/.exec(text)![1]);
  }

  async function openQuickly(file: string): Promise<void> {
    await quickInputClosed();
    await page.keyboard.press(`${mod}+P`);
    await page.waitForSelector('.quick-input-widget:visible');
    await page.keyboard.type(file);
    await page.waitForTimeout(800);
    await page.keyboard.press('Enter');
    await page.waitForSelector(`.tab.active[aria-label*="${file}"]`);
    await quickInputClosed();
  }

  before(async () => {
    mkdirSync(RESULTS, { recursive: true });
    const env = prepareEditor();
    server = new CodeServer(env);
    server.installExtension(join(REPO_ROOT, `corpus-lens-${version}.vsix`));
    workspace = makeWorkspace({ 'notes/analysis.md': NOTE_TEXT });
    await server.start(workspace);
    browser = await launchBrowser(env);
    page = await openWorkbench(browser, server.url(workspace));
    await page.click('.activitybar [aria-label^="Corpus Lens"]');
    await page.waitForSelector('.pane-header[aria-label^="Documents"]');
  });

  after(async () => {
    await browser?.close();
    server?.stop();
    if (workspace) removeWorkspace(workspace);
    if (process.env.CORPUS_LENS_UPDATE_SCREENSHOTS) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      for (const file of readdirSync(RESULTS)) copyFileSync(join(RESULTS, file), join(SCREENSHOTS, file));
    }
  });

  it('lists every corpus document by its real title, with its date', async () => {
    await page.locator('.pane:has(.pane-header[aria-label^="Documents"]) .monaco-list-row').nth(4).waitFor();
    const documents = await rows('Documents');
    for (const title of EXPECTED.documentTitles) assert.ok(documents.some((r) => r.startsWith(title)), `${title} in ${documents.join(' | ')}`);
    EXPECTED.documentDates.forEach((date, i) => assert.ok(documents[i].includes(date), `${documents[i]} has ${date}`));
    await shot('01-documents');
  });

  it('expands a document into passages, and a click opens the source at that passage', async () => {
    const title = EXPECTED.documentTitles[1];
    await page.click(`.pane:has(.pane-header[aria-label^="Documents"]) .monaco-list-row[aria-label^="${title.slice(0, 40)}"]`);
    await page.locator('.pane:has(.pane-header[aria-label^="Documents"]) .monaco-list-row').nth(5).waitFor();
    const passage = `.pane:has(.pane-header[aria-label^="Documents"]) .monaco-list-row[aria-label^="Today, in the Republic of Kazakhstan"]`;
    await page.click(passage);
    await page.waitForSelector(`.tab.active[aria-label*="${EXPECTED.definitionFile}"]`);
    await page.waitForTimeout(500);
    assert.equal(await cursorLine(), lineOf(EXPECTED.definitionFile, 'Today, in the Republic of Kazakhstan') - 2, 'the passage starts at its date line');
    await shot('02-passage');
  });

  it('shows the card of the operation Mercenary when hovering "Hired guns" in a note', async () => {
    await openQuickly('analysis.md');
    await goTo(noteLineColumn('Hired guns', 2));
    await page.keyboard.press(`${mod}+K`);
    await page.keyboard.press(`${mod}+I`);
    // The editor's hover, not a hint some other widget may still show.
    const hover = page.locator('.monaco-hover-content', { hasText: 'operation' }).first();
    await hover.waitFor();
    const text = await hover.innerText();
    assert.ok(text.startsWith(EXPECTED.hiredGunsCardFirstLine.replace(/\*\*/g, '')), text);
    for (const alias of EXPECTED.hiredGunsAliases) assert.ok(text.includes(alias), alias);
    await shot('03-hover');
    await page.keyboard.press('Escape');
  });

  it('goes from "Collective Security Council" to the corpus passage that defines it (F12)', async () => {
    await goTo(noteLineColumn('Collective Security Council', 4));
    await page.keyboard.press('F12');
    await page.waitForSelector(`.tab.active[aria-label*="${EXPECTED.definitionFile}"]`);
    await page.waitForTimeout(500);
    assert.equal(await cursorLine(), lineOf(EXPECTED.definitionFile, EXPECTED.definitionLineText));
    await shot('04-definition');
  });

  it('offers the exercise for "Indestr" and inserts its name', async () => {
    await openQuickly('analysis.md');
    await page.keyboard.press(`${mod}+End`);
    await page.keyboard.type('\nThe drills were called Indestr');
    await page.keyboard.press(`${mod}+Space`);
    const item = page.locator('.suggest-widget .monaco-list-row', { hasText: EXPECTED.completionLabel }).first();
    await item.waitFor();
    await shot('05-completion');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    const lines = await page.$$eval('.monaco-editor .view-lines .view-line', (els) => els.map((e) => e.textContent ?? ''));
    assert.ok(lines.some((l) => l.replace(/\u00a0/g, ' ').includes(`The drills were called ${EXPECTED.completionLabel}`)), lines.join('\n'));
  });

  it('lists bodies, operations and exercises in the Entities view', async () => {
    const entities = await rows('Entities');
    for (const kind of EXPECTED.entityKinds) assert.ok(entities.some((r) => r.startsWith(kind)), `${kind} in ${entities.join(' | ')}`);
    await page.click('.pane:has(.pane-header[aria-label^="Entities"]) .monaco-list-row[aria-label^="Exercises"]');
    await page.locator('.pane:has(.pane-header[aria-label^="Entities"]) .monaco-list-row[aria-label^="Indestructible Brotherhood"]').waitFor();
    await page.click('.pane:has(.pane-header[aria-label^="Entities"]) .monaco-list-row[aria-label^="Indestructible Brotherhood"]');
    await page.waitForTimeout(800);
    await shot('06-entities');
  });

  it('colours the names it recognises in a note, bare code names and possessives included', async () => {
    await openQuickly('analysis.md');
    await page.keyboard.press(`${mod}+End`);
    await page.keyboard.type("\nMercenary and Channel are the two permanent operations; the CSC's decision stands.");
    // Semantic tokens follow an edit after a short delay.
    await page.waitForTimeout(2000);
    const spans = await page.$$eval('.monaco-editor .view-lines .view-line span span', (els) =>
      // Runs in the page, which has the DOM; the tests are compiled without its types.
      els.map((e) => [(e.textContent ?? '').replace(/\u00a0/g, ' '), (globalThis as unknown as { getComputedStyle(el: unknown): { color: string } }).getComputedStyle(e).color] as const),
    );
    const colourOf = (text: string) => spans.find(([t]) => t === text)?.[1];
    const plain = spans.find(([t]) => t.includes('keeps running'))?.[1];
    assert.ok(plain, spans.map(([t]) => t).join(' | '));
    for (const name of ['Hired guns', 'Collective Security Council', 'Mercenary', 'Channel', 'CSC']) {
      const colour = colourOf(name);
      assert.ok(colour && colour !== plain, `${name} is coloured (${colour} vs ${plain}); spans: ${spans.map(([t]) => t).join(' | ')}`);
    }
    assert.notEqual(colourOf('Mercenary'), colourOf('CSC'), 'an operation and a body have different colours');
    await shot('07-highlights');
  });

  it('opens a corpus document read-only and wrapped, without ambiguous-character boxes on its quotes and spaces', async () => {
    await openQuickly(EXPECTED.definitionFile);
    await page.waitForTimeout(800);
    const layout = (await page.evaluate(`(() => {
      const editor = [...document.querySelectorAll('.monaco-editor')].find((e) => e.offsetParent && e.querySelector('.view-lines'));
      const lines = [...editor.querySelectorAll('.view-lines .view-line')];
      return {
        width: editor.querySelector('.overflow-guard').clientWidth,
        widest: Math.max(...lines.map((l) => l.scrollWidth)),
        boxes: editor.querySelectorAll('.unicode-highlight').length,
      };
    })()`)) as { width: number; widest: number; boxes: number };
    assert.ok(layout.widest <= layout.width, `lines wrap within the editor (${layout.widest} ≤ ${layout.width})`);
    assert.equal(layout.boxes, 0, 'no ambiguous or invisible character is boxed');
    // A source is read-only: a keystroke changes nothing.
    await page.click('.monaco-editor .view-lines');
    await page.keyboard.type('x');
    await page.waitForTimeout(500);
    assert.equal(await page.locator('.tab.active.dirty').count(), 0, 'the corpus document is not changed');
    await shot('09-corpus-document');
  });

  it('marks a code name nobody knows in a note and adds it to the workspace catalog with a quick fix', async () => {
    await openQuickly('analysis.md');
    await page.keyboard.press(`${mod}+End`);
    await page.keyboard.type('\nThe Zapad-2021 exercise was announced.');
    await page.locator('.squiggly-info').first().waitFor({ timeout: 15000 });
    await page.keyboard.press('Home');
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press(`${mod}+.`);
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Add "Zapad" to the workspace catalog' }).first();
    await fix.waitFor();
    await shot('08-quick-fix');
    await fix.click();
    // The catalog is created and saved; the server reads it and the note's mark goes away.
    await page.waitForFunction("document.querySelectorAll('.squiggly-info').length === 0", undefined, { timeout: 20000 });
    const catalog = JSON.parse(readFileSync(join(workspace, 'corpus', 'catalog.json'), 'utf8')) as { entities: { id: string; editions?: unknown[] }[] };
    assert.deepEqual(catalog.entities.map((e) => [e.id, e.editions]), [['zapad', [2021]]]);
  });
});
