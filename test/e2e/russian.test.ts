// End to end: a Russian release beside an English note, as an analyst meets them in the real
// editor. The release is dated in the Documents view from its Russian dateline; the note names the
// Collective Rapid Reaction Force in English, and its card, in the note, quotes the Russian
// sentence that defines it (marked "in Russian"), lists the Russian names and their Latin
// spellings and counts the mentions in Russian; the same card is shown on the Russian name in the
// release; the note's Russian quotations are checked against the release. The release is written
// for this test in the CSTO's Russian style, not copied.

import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { version } from '../../package.json';
import { makeWorkspace, REPO_ROOT } from '../protocol/lspSession';
import { openCorpusLens, recordSteps, type CodeServer } from './codeServer';
import * as workbench from './workbench';

const RESULTS = join(REPO_ROOT, 'test-results', 'e2e-russian');
const mod = process.platform === 'darwin' ? 'Meta' : 'Control';
const RELEASE = [
  'Учение «Взаимодействие-2026» прошло в Киргизии',
  '',
  'БИШКЕК, 17 сентября 2026 года /ТАСС/. Совместное учение «Взаимодействие-2026» с Коллективными силами оперативного реагирования ОДКБ завершилось на полигоне «Эдельвейс».',
  '',
  'Коллективные силы оперативного реагирования (КСОР) — это основная группировка войск Организации, созданная в 2009 году для быстрого ответа на кризисы.',
  '',
].join('\n');
const NOTE = 'The CRRF trained in Kyrgyzstan in September.\n';

describe('Corpus Lens in VS Code: a Russian source and an English note', { timeout: 600000 }, () => {
  let server: CodeServer;
  let browser: Browser;
  let page: Page;
  let workspace: string;


  before(async () => {
    mkdirSync(join(RESULTS, 'steps'), { recursive: true });
    workspace = makeWorkspace({ 'corpus/vzaimodeistvie-2026.txt': RELEASE, 'notes/n.md': NOTE }, { seed: false });
    ({ server, browser, page } = await openCorpusLens(workspace, join(REPO_ROOT, `corpus-lens-${version}.vsix`)));
  });

  recordSteps(RESULTS, () => ({ server, browser, page, workspace }));
  after(() => workbench.publishScreenshots(RESULTS));

  it('dates the Russian release from its dateline and lists it by its Russian title', async () => {
    const row = page.locator(`${workbench.pane('Documents')} .monaco-list-row`).first();
    await row.waitFor({ timeout: 60000 });
    const label = (await row.getAttribute('aria-label')) ?? '';
    assert.ok(label.startsWith('2026-09-17 \u00b7 Учение «Взаимодействие-2026» прошло в Киргизии'), label);
  });

  it('shows, in the English note, the card of the CRRF quoting its Russian definition, marked so, with its Russian names', async () => {
    await workbench.openQuickly(page, 'n.md');
    await page.locator('.statusbar-item', { hasText: '1 doc' }).first().waitFor({ timeout: 60000 });
    await workbench.goTo(page, '1:6');
    const text = (await workbench.hoverAtCursor(page, 'body')).replace(/\s+/g, ' ');
    assert.ok(text.startsWith('Collective Rapid Reaction Force \u2014 body'), text);
    assert.match(text, /Коллективные силы оперативного реагирования \(КСОР\) — это основная группировка войск Организации/);
    assert.match(text, /Defined in Учение «Взаимодействие-2026» прошло в Киргизии \(17 Sep 2026\) \(in Russian\)/);
    assert.match(text, /Mentioned 2 times \(all in Russian\) in 1 document/);
    assert.match(text, /In Russian: Коллективные силы оперативного реагирования · КСОР/);
    assert.match(text, /In Latin letters: Kollektivnyye sily operativnogo reagirovaniya · Kollektivnye sily operativnogo reagirovaniâ/);
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(RESULTS, '25-russian-definition-card.png') });
    await page.keyboard.press('Escape');
  });

  it('checks the note\'s Russian quotations against the release: «…» with the code name\'s own quotes found verbatim, a changed word marked', async () => {
    await workbench.openQuickly(page, 'n.md');
    await page.keyboard.press(`${mod}+End`);
    const inline = 'В релизе: «Совместное учение «Взаимодействие-2026» с Коллективными силами оперативного реагирования ОДКБ завершилось на полигоне «Эдельвейс»».';
    const misquoted = '> Совместное учение «Взаимодействие-2026» с Коллективными силами быстрого реагирования ОДКБ завершилось на полигоне «Эдельвейс».';
    await page.keyboard.type(`\n${inline}\n\n${misquoted}\n`);
    await page.locator('.squiggly-warning').first().waitFor({ timeout: 15000 });
    // Lines of the note, not of the view (the long line wraps): the note's last line, then a blank one.
    const inlineLine = NOTE.split('\n').length + 1;
    const quoteLine = inlineLine + 2;
    await workbench.goTo(page, `${inlineLine}:${inline.indexOf('завершилось') + 2}`);
    assert.match(await workbench.hoverAtCursor(page, 'Quoted verbatim'), /Quoted verbatim from Учение «Взаимодействие-2026» прошло в Киргизии/);
    await page.keyboard.press('Escape');
    await workbench.goTo(page, `${quoteLine}:${misquoted.indexOf('быстрого') + 3}`);
    const warning = (await workbench.hoverAtCursor(page, 'Misquotation')).replace(/\s+/g, ' ');
    assert.match(warning, /Misquotation: the source says “оперативного”, not “быстрого”/);
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(RESULTS, '27-russian-misquotation.png') });
    await page.keyboard.press('Escape');
  });

  it('shows the same entity\'s card on its Russian name in the release, in any grammatical case', async () => {
    await workbench.openQuickly(page, 'vzaimodeistvie-2026.txt');
    await page.keyboard.press(`${mod}+Home`);
    const lines = await workbench.editorLines(page);
    const line = lines.findIndex((l) => l.includes('Коллективными силами')) + 1;
    assert.ok(line > 0, lines.join('\n'));
    await workbench.goTo(page, `${line}:${lines[line - 1].indexOf('Коллективными силами') + 3}`);
    const text = (await workbench.hoverAtCursor(page, 'body')).replace(/\s+/g, ' ');
    assert.ok(text.startsWith('Collective Rapid Reaction Force \u2014 body'), text);
    assert.match(text, /Defined in Учение «Взаимодействие-2026» прошло в Киргизии \(17 Sep 2026\)(?! \(in Russian\))/);
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(RESULTS, '26-russian-name-card.png') });
    await page.keyboard.press('Escape');
  });
});
