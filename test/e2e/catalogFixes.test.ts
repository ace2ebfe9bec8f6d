// End to end: the quick fixes that write the workspace catalog, in the real editor. The catalog
// is the analyst's JSONC file (a byte order mark, comments, trailing commas); a fix is made from
// the text the editor holds, unsaved edits included, and two fixes one after the other leave a
// catalog that is whole, every word of the analyst's kept.

import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { version } from '../../package.json';
import { parseCatalog } from '../../server/src/core/catalog/catalog';
import { makeWorkspace, REPO_ROOT, SEED_CORPUS } from '../protocol/lspSession';
import { openCorpusLens, quickFixAtCursor, recordSteps, type CodeServer } from './codeServer';
import * as workbench from './workbench';

const RESULTS = join(REPO_ROOT, 'test-results', 'e2e-catalog');
const mod = process.platform === 'darwin' ? 'Meta' : 'Control';
const BOM = '\ufeff';
const CATALOG = [
  `${BOM}{`,
  '  // The team\'s own entries: keep these comments.',
  '  "version": "w1",',
  '  "entities": [',
  '    {',
  '      "id": "granite",',
  '      "kind": "exercise",',
  '      "name": "Granite", /* seen once, in 2019 */',
  '      "aliases": ["Granit",],',
  '    },',
  '  ],',
  '}',
  '',
].join('\n');
const NOTE = 'The Zapad-2021 exercise, the Tumulus-2030 exercise and the Rubezh-2031 drills.\n';
const TYPED = '\n    { "id": "cobalt", "kind": "exercise", "name": "Cobalt Shield" },';
const BUILT_IN = new Set(parseCatalog(readFileSync(join(SEED_CORPUS, 'catalog.json'), 'utf8')).catalog!.entities.map((e) => e.id));

describe('Corpus Lens in VS Code: quick fixes keep the analyst\'s catalog whole', { timeout: 600000 }, () => {
  let server: CodeServer;
  let browser: Browser;
  let page: Page;
  let workspace: string;

  const catalogFile = () => readFileSync(join(workspace, 'corpus', 'catalog.json'));

  /** The catalog on disk: one byte order mark, valid for the server, the analyst's comments kept. */
  function savedCatalog(): { ids: string[]; text: string } {
    const bytes = catalogFile();
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the byte order mark is kept');
    const text = bytes.subarray(3).toString('utf8');
    assert.ok(!text.includes(BOM), 'one byte order mark only');
    const result = parseCatalog(text, BUILT_IN);
    assert.deepEqual(result.problems, [], text);
    for (const kept of ['// The team\'s own entries: keep these comments.', '/* seen once, in 2019 */', '"aliases": ["Granit",],']) assert.ok(text.includes(kept), `kept: ${kept}\n${text}`);
    return { ids: result.catalog!.entities.map((e) => e.id), text };
  }

  const openQuickly = (file: string) => workbench.openQuickly(page, file);
  const goToLine = (line: number, column: number) => workbench.goTo(page, `${line}:${column}`);

  /** Ctrl+. on the note's line at `column`, and the fix titled so. */
  async function quickFix(column: number, title: string): Promise<Locator> {
    await openQuickly('unknown.md');
    await goToLine(1, column);
    return quickFixAtCursor(page, title);
  }

  before(async () => {
    mkdirSync(join(RESULTS, 'steps'), { recursive: true });
    workspace = makeWorkspace({
      'corpus/catalog.json': CATALOG,
      'notes/unknown.md': NOTE,
      // Typed JSON arrives as typed: no closing bracket or quote put in by the editor. Files are
      // saved by hand, so that the catalog can hold text not saved yet (code-server saves after a delay).
      '.vscode/settings.json': JSON.stringify({ ...(process.env.CORPUS_LENS_E2E_LOG ? { 'corpusLens.trace.server': 'verbose' } : {}), 'files.autoSave': 'off', '[json]': { 'editor.autoClosingBrackets': 'never', 'editor.autoClosingQuotes': 'never', 'editor.autoIndent': 'none' } }),
    });
    ({ server, browser, page } = await openCorpusLens(workspace, join(REPO_ROOT, `corpus-lens-${version}.vsix`)));
  });

  recordSteps(RESULTS, () => ({ server, browser, page, workspace }));

  it('opens the JSONC catalog (comments, trailing commas, a byte order mark) with no problem marked in it', async () => {
    await openQuickly('catalog.json');
    await page.waitForSelector('.monaco-editor .view-line');
    // The JSON editor has had time to validate it against the schema.
    await page.waitForTimeout(3000);
    assert.equal(await page.locator('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning').count(), 0, 'no error or warning in the catalog');
    await page.screenshot({ path: join(RESULTS, 'catalog-jsonc.png') });
  });

  it('adds a name from the note to the catalog as the editor holds it, unsaved entity typed at the top included', async () => {
    await openQuickly('catalog.json');
    await goToLine(4, 17);
    await page.keyboard.type(TYPED);
    await page.waitForSelector('.tab.active.dirty');
    const fix = await quickFix(7, 'Add "Zapad" to the workspace catalog as an exercise');
    await page.screenshot({ path: join(RESULTS, 'quick-fix-unsaved-catalog.png') });
    await fix.click();
    await openQuickly('catalog.json');
    await page.keyboard.press(`${mod}+S`);
    await page.waitForSelector('.tab.active:not(.dirty)');
    const { ids, text } = savedCatalog();
    assert.deepEqual(ids, ['cobalt', 'granite', 'zapad'], text);
    assert.ok(text.includes(TYPED.trim()), 'the typed entity is there as typed');
  });

  it('applies two quick fixes one after the other to the closed catalog, each from the text the first left', async () => {
    // Closed (the browser keeps Ctrl+W for itself): the fixes open it in the background.
    await openQuickly('catalog.json');
    await page.locator('.tab.active .tab-actions .action-label').click();
    await page.waitForSelector('.tab[data-resource-name="catalog.json"]', { state: 'detached' });
    const edition = await quickFix(60, 'Add edition 2031 to Rubezh in the workspace catalog');
    await edition.click();
    await saveCatalog();
    await waitForCatalog((ids) => ids.includes('rubezh'));
    const tumulus = await quickFix(30, 'Add "Tumulus" to the workspace catalog as an exercise');
    await tumulus.click();
    await saveCatalog();
    await waitForCatalog((ids) => ids.includes('tumulus'));
    const { ids, text } = savedCatalog();
    assert.deepEqual(ids, ['cobalt', 'granite', 'zapad', 'rubezh', 'tumulus'], text);
    // The note's marks go away once the catalog is read again.
    await openQuickly('unknown.md');
    await page.waitForFunction("document.querySelectorAll('.monaco-editor .squiggly-info').length === 0", undefined, { timeout: 20000 });
    await page.screenshot({ path: join(RESULTS, 'two-fixes.png') });
  });

  /**
   * The editor opens the catalog a fix changed, unsaved (code-server saves it after a delay when
   * auto save is on; here it is off): the analyst saves it.
   */
  async function saveCatalog(): Promise<void> {
    const tab = page.locator('.tab[data-resource-name="catalog.json"]');
    await tab.waitFor({ timeout: 10000 });
    await tab.click();
    await page.waitForSelector('.tab.active[data-resource-name="catalog.json"]');
    await page.keyboard.press(`${mod}+S`);
    await page.waitForSelector('.tab.active[data-resource-name="catalog.json"]:not(.dirty)');
  }

  /** Waits until the saved catalog is valid and its ids pass `test`. */
  async function waitForCatalog(test: (ids: string[]) => boolean): Promise<void> {
    const deadline = Date.now() + 20000;
    for (;;) {
      const text = catalogFile().subarray(3).toString('utf8');
      const ids = parseCatalog(text, BUILT_IN).catalog?.entities.map((e) => e.id) ?? [];
      if (test(ids)) return;
      assert.ok(Date.now() < deadline, `the catalog on disk: ${text}`);
      await page.waitForTimeout(250);
    }
  }
});
