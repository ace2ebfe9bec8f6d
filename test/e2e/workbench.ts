// What the suites do in the workbench, as a person would with the keyboard: wait for a quick input
// to close, open a file by name, go to a line and column, read the lines of the editors in view.

import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

export const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

/** Keys typed while a quick input is still closing go to the editor: wait until it has gone. */
export async function quickInputClosed(page: Page): Promise<void> {
  await page.waitForSelector('.quick-input-widget', { state: 'hidden' });
}

/** Waits until the active editor tab shows this file (its label may be a title, not the file name). */
export async function activeTab(page: Page, file: string): Promise<void> {
  await page.waitForSelector(`.tab.active[data-resource-name="${file}"]`);
}

/** Quick Open (Ctrl+P) on a file name, and waits for its tab. */
export async function openQuickly(page: Page, file: string): Promise<void> {
  await quickInputClosed(page);
  await page.keyboard.press(`${mod}+P`);
  await page.waitForSelector('.quick-input-widget:visible');
  await page.keyboard.type(file);
  // Enter picks the first result: wait until the file is among them (a search still running lists others).
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: file }).first().waitFor();
  await page.waitForTimeout(300);
  await page.keyboard.press('Enter');
  await activeTab(page, file);
  await quickInputClosed(page);
}

/** Go to Line (Ctrl+G) "line:column". */
export async function goTo(page: Page, lineColumn: string): Promise<void> {
  await quickInputClosed(page);
  await page.keyboard.press(`${mod}+G`);
  // Go to Line is open when its box holds the ':' it starts with.
  await page.waitForFunction("document.querySelector('.quick-input-widget input')?.value.startsWith(':')");
  await page.keyboard.type(lineColumn);
  await page.keyboard.press('Enter');
  await quickInputClosed(page);
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
  await page.keyboard.type(title);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
  // Keys typed before the command's own quick pick is up would go to the closing palette.
  if (placeholder) await page.waitForSelector(`.quick-input-widget:visible input[placeholder^="${placeholder}"]`);
}
