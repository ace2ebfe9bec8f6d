// What the suites do in the workbench, as a person would with the keyboard: wait for a quick input
// to close, open a file by name, go to a line and column, read the lines of the editors in view
// and the hover at the cursor; and the suites' screenshots made the README's pictures.

import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from '../protocol/lspSession';

export const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

/** The selector of a view pane of the side bar by its title ("Documents", "Entities"). */
export const pane = (name: string): string => `.pane:has(.pane-header[aria-label^="${name}"])`;

/** Keys typed while a quick input is still closing go to the editor: wait until it has gone. */
export async function quickInputClosed(page: Page): Promise<void> {
  await page.waitForSelector('.quick-input-widget', { state: 'hidden' });
}

/**
 * Puts `value` in the open quick input's box and waits until the box holds it. Filled, not typed:
 * keys typed as the box opens can be lost on a loaded machine (CI, 2026-12-06).
 */
async function fillQuickInput(page: Page, value: string): Promise<void> {
  await page.locator('.quick-input-widget input').first().fill(value);
  await page.waitForFunction(`document.querySelector('.quick-input-widget input')?.value === ${JSON.stringify(value)}`);
}

/** Waits until the active editor tab shows this file (its label may be a title, not the file name). */
export async function activeTab(page: Page, file: string): Promise<void> {
  await page.waitForSelector(`.tab.active[data-resource-name="${file}"]`);
}

/**
 * Quick Open (Ctrl+P) on a file name, and waits for its tab. Enter picks the first result once the
 * file is among them; Quick Open re-sorts its list as the file search answers, and an Enter in that
 * moment was seen to open nothing (2 runs in 9, the file already open in a tab): the tab is then
 * not active after 5 s, and Quick Open is used again, as a person would, with a line in the log.
 */
export async function openQuickly(page: Page, file: string): Promise<void> {
  for (let tries = 1; ; tries++) {
    await quickInputClosed(page);
    await page.keyboard.press(`${mod}+P`);
    await page.waitForSelector('.quick-input-widget:visible');
    await fillQuickInput(page, file);
    // The row of the file is clicked, not the list's focus accepted with Enter: while the list is
    // still filling (recent files first, then the file search), Enter could accept no row at all.
    const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: file }).first();
    await row.waitFor();
    await page.waitForTimeout(300);
    await row.click();
    try {
      await page.waitForSelector(`.tab.active[data-resource-name="${file}"]`, { timeout: 5000 });
      break;
    } catch (error) {
      if (tries === 2) throw error;
      console.log(`Quick Open on ${file} opened nothing within 5 s; opening it again.`);
      await page.keyboard.press('Escape');
    }
  }
  await quickInputClosed(page);
}

/**
 * Go to Line (Ctrl+G) "line:column". The box is filled rather than typed into, and its value is
 * read back before Enter: on a loaded machine keys typed as the box opened were lost and Enter on
 * the bare ':' left it open (CI, 2026-12-06, five steps failed behind it). When Enter does not
 * close the box within 5 s, Go to Line is used again, as a person would, with a line in the log.
 */
export async function goTo(page: Page, lineColumn: string): Promise<void> {
  for (let tries = 1; ; tries++) {
    await quickInputClosed(page);
    await page.keyboard.press(`${mod}+G`);
    // Go to Line is open when its box holds the ':' it starts with.
    await page.waitForFunction("document.querySelector('.quick-input-widget input')?.value.startsWith(':')");
    await fillQuickInput(page, `:${lineColumn}`);
    await page.keyboard.press('Enter');
    try {
      await page.waitForSelector('.quick-input-widget', { state: 'hidden', timeout: 5000 });
      break;
    } catch (error) {
      if (tries === 2) throw error;
      console.log(`Go to Line ${lineColumn} stayed open 5 s after Enter; closed and used again.`);
      await page.keyboard.press('Escape');
    }
  }
  await page.waitForTimeout(300);
}

/** The lines of the editors in view, as the user reads them (non-breaking spaces as spaces). */
export async function editorLines(page: Page): Promise<string[]> {
  return page.$$eval('.monaco-editor .view-lines .view-line', (els) => els.map((e) => (e.textContent ?? '').replace(/\u00a0/g, ' ')));
}

/** Waits up to 10 s for an editor line that passes `test`. */
export async function lineAppears(page: Page, what: string, test: (line: string) => boolean): Promise<void> {
  for (let waited = 0; !(await editorLines(page)).some(test); waited += 200) {
    assert.ok(waited < 10000, `${what}: ${(await editorLines(page)).join('\n')}`);
    await page.waitForTimeout(200);
  }
}

/** The text of a notification toast holding `text`. */
export async function notification(page: Page, text: string): Promise<string> {
  const toast = page.locator('.notification-toast', { hasText: text }).first();
  await toast.waitFor({ timeout: 30000 });
  return toast.innerText();
}

/** Runs a command from the palette; with `placeholder`, waits for the quick pick it opens. */
export async function runCommand(page: Page, title: string, placeholder?: string): Promise<void> {
  await quickInputClosed(page);
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget:visible');
  await fillQuickInput(page, `>${title}`);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
  // Keys typed before the command's own quick pick is up would go to the closing palette.
  if (placeholder) await page.waitForSelector(`.quick-input-widget:visible input[placeholder^="${placeholder}"]`);
}

/** "line:column" (1-based) of the first occurrence of `needle` in `text`, `offset` characters into it. */
export function lineColumnOf(text: string, needle: string, offset = 0): string {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  assert.ok(line >= 0, `the text says "${needle}"`);
  return `${line + 1}:${lines[line].indexOf(needle) + 1 + offset}`;
}

/** Shows the editor's hover at the cursor (Ctrl+K Ctrl+I) and returns the text of the one holding `hasText`. */
export async function hoverAtCursor(page: Page, hasText: string): Promise<string> {
  await page.keyboard.press(`${mod}+K`);
  await page.keyboard.press(`${mod}+I`);
  // The editor's hover, not a hint some other widget may still show.
  const hover = page.locator('.monaco-hover-content', { hasText }).first();
  await hover.waitFor();
  return hover.innerText();
}

/** With CORPUS_LENS_UPDATE_SCREENSHOTS set, a suite's screenshots become the README's pictures in docs/screenshots/. */
export function publishScreenshots(results: string): void {
  if (!process.env.CORPUS_LENS_UPDATE_SCREENSHOTS) return;
  const screenshots = join(REPO_ROOT, 'docs', 'screenshots');
  mkdirSync(screenshots, { recursive: true });
  for (const file of readdirSync(results).filter((f) => f.endsWith('.png'))) copyFileSync(join(results, file), join(screenshots, file));
}
