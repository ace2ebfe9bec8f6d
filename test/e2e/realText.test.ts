// End to end: a source written as real news pages are (a publication date with the page's
// counters after it, a wire dateline, a definition behind a participle aside and an apposition in
// mid-sentence, a channel named after a state, a person named after a state's possessive), and
// what the analyst sees of it in the real editor: the document's date in the Documents view,
// cards that quote the sentences that define, the person's card, no state's card for the
// channel, the card of a stage of Channel the catalog lacks, named whole in a note, and the card
// a note's "CRC" gets from a page that used those initials without brackets. The pages
// are written for this test after the forms studied in wire reports (see the issue 23 notes), not
// copied from one.

import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { version } from '../../package.json';
import { makeWorkspace, REPO_ROOT } from '../protocol/lspSession';
import { openCorpusLens, recordSteps, type CodeServer } from './codeServer';
import * as workbench from './workbench';

const RESULTS = join(REPO_ROOT, 'test-results', 'e2e-real-text');
const mod = process.platform === 'darwin' ? 'Meta' : 'Control';
const PAGE = [
  'Staff officers brief attaches on autumn drills',
  '',
  '14 October 2026    Views: 1,208',
  '',
  'MINSK, October 14. /TASS/. Officers of the alliance briefed foreign military attaches on Wednesday, the channel France 24 reported.',
  '',
  'The Joint Staff, led by a colonel general of one of the member states, plans the training of the Collective Forces and their use in a crisis. The minister said the CSTO, a military alliance of six former Soviet republics, would hold four drills this autumn.',
  '',
  "The briefing followed talks hosted by Belarus's Alyaksandr Lukashenka.",
  '',
].join('\n');
/** A release on a stage of operation Channel the catalog does not list. */
const RELEASE = [
  'Results of the sub-regional anti-drug operation "Channel – Steppe Barrier" summed up',
  '',
  '27.05.2026',
  '',
  'From 18 to 22 May, the competent authorities of the CSTO member states carried out the sub-regional anti-drug operation «Channel – Steppe Barrier».',
  '',
  'The operation was aimed at cutting the routes by which synthetic drugs enter the region and at dismantling clandestine laboratories.',
  '',
].join('\n');
/** An interview that names the crisis centre in full, then only by initials it never puts in brackets. */
const INTERVIEW = [
  'Crisis centre now links every command post',
  '',
  'MOSCOW, 3 February 2029 - The CSTO Crisis Response Center now has secure links with the defence management centres of all the member states, the Secretary General said.',
  '',
  'The CRC, which opened in Moscow in 2016, supports the decisions of the Organization\'s governing bodies in a crisis.',
  '',
].join('\n');
const NOTE = 'The Joint Staff briefed the attaches.\nThe CSTO plans four drills.\nAlyaksandr Lukashenka hosted the talks.\nThe CMD approved the plan.\nThe Channel – Steppe Barrier stage found labs.\nThe CRC briefed the heads of state.\n';

describe('Corpus Lens in VS Code: cards on a page written as real news is', { timeout: 600000 }, () => {
  let server: CodeServer;
  let browser: Browser;
  let page: Page;
  let workspace: string;


  /** Puts the cursor on a line of the note, a few characters in, and returns the hover card of that kind. */
  async function cardAt(line: number, column: number, kind: string): Promise<string> {
    await workbench.goTo(page, `${line}:${column}`);
    return workbench.hoverAtCursor(page, kind);
  }

  /** Pictures the hover card shown, then closes it. The hover fades in: a picture taken at once is half grey. */
  async function pictureOfCard(file: string): Promise<void> {
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(RESULTS, file) });
    await page.keyboard.press('Escape');
  }

  before(async () => {
    mkdirSync(join(RESULTS, 'steps'), { recursive: true });
    workspace = makeWorkspace({ 'corpus/staff-briefing.txt': PAGE, 'corpus/steppe-barrier.txt': RELEASE, 'corpus/crisis-centre.txt': INTERVIEW, 'notes/n.md': NOTE }, { seed: false });
    ({ server, browser, page } = await openCorpusLens(workspace, join(REPO_ROOT, `corpus-lens-${version}.vsix`)));
  });

  recordSteps(RESULTS, () => ({ server, browser, page, workspace }));

  it('dates the page by its publication line, the counters after the date notwithstanding', async () => {
    const row = page.locator(`${workbench.pane('Documents')} .monaco-list-row`, { hasText: 'Staff officers brief attaches' }).first();
    await row.waitFor({ timeout: 60000 });
    const label = (await row.getAttribute('aria-label')) ?? '';
    assert.ok(label.startsWith('2026-10-14 \u00b7 Staff officers brief attaches'), label);
  });

  it('quotes, on the Joint Staff\'s card, the sentence that says what it does, past the aside', async () => {
    await workbench.openQuickly(page, 'n.md');
    await page.locator('.statusbar-item', { hasText: '3 docs' }).first().waitFor({ timeout: 60000 });
    const text = await cardAt(1, 8, 'body');
    assert.ok(text.startsWith('Joint Staff \u2014 body'), text);
    assert.match(text.replace(/\s+/g, ' '), /The Joint Staff, led by a colonel general of one of the member states, plans the training of the Collective Forces and their use in a crisis\. Defined in Staff officers brief attaches on autumn drills \(14 Oct 2026\)/);
    await pictureOfCard('joint-staff-card.png');
  });

  it('quotes the apposition that defines the CSTO in mid-sentence', async () => {
    const text = await cardAt(2, 6, 'organization');
    assert.match(text.replace(/\s+/g, ' '), /The minister said the CSTO, a military alliance of six former Soviet republics, would hold four drills this autumn\. Defined in Staff officers brief attaches/);
    await pictureOfCard('csto-card.png');
  });

  it('knows the person a page names after a state\'s possessive, without a title, and says whose he is', async () => {
    const text = await cardAt(3, 5, 'person');
    assert.ok(text.startsWith('Alyaksandr Lukashenka \u2014 person'), text);
    assert.match(text.replace(/\s+/g, ' '), /of Belarus/);
    await pictureOfCard('person-after-possessive-card.png');
  });

  it('gives "CMD", the initials the CSTO\'s English pages use, the card of the Council of Defence Ministers', async () => {
    const text = await cardAt(4, 6, 'body');
    assert.ok(text.startsWith('Council of Defence Ministers \u2014 body'), text);
    await pictureOfCard('cmd-card.png');
  });

  it('gives a stage of Channel the corpus named, written whole in a note, its own card: what it is, and the series it is part of', async () => {
    const text = await cardAt(5, 16, 'operation');
    assert.ok(text.startsWith('Channel \u2013 Steppe Barrier \u2014 operation'), text);
    const flat = text.replace(/\s+/g, ' ');
    assert.match(flat, /The operation was aimed at cutting the routes by which synthetic drugs enter the region/);
    assert.match(flat, /Part of: Channel/);
    await pictureOfCard('stage-card.png');
  });

  it('gives "CRC", initials the corpus used for the Crisis Response Center without brackets, the centre\'s card in a note, with the sentence that defines it', async () => {
    const text = await cardAt(6, 6, 'body');
    assert.ok(text.startsWith('Crisis Response Center \u2014 body'), text);
    const flat = text.replace(/\s+/g, ' ');
    assert.match(flat, /The CRC, which opened in Moscow in 2016, supports the decisions of the Organization's governing bodies in a crisis\. Defined in Crisis centre now links every command post \(3 Feb 2029\)/);
    assert.match(flat, /Written in the corpus as:.*\u201cCRC\u201d/);
    await pictureOfCard('crc-card.png');
  });

  it('gives the channel "France 24" no card of the state', async () => {
    await workbench.openQuickly(page, 'staff-briefing.txt');
    await page.keyboard.press(`${mod}+Home`);
    const lines = await workbench.editorLines(page);
    const line = lines.findIndex((l) => l.includes('France 24')) + 1;
    assert.ok(line > 0, lines.join('\n'));
    await workbench.goTo(page, `${line}:${lines[line - 1].indexOf('France 24') + 3}`);
    await page.keyboard.press(`${mod}+K`);
    await page.keyboard.press(`${mod}+I`);
    await page.waitForTimeout(1500);
    const cards = await page.locator('.monaco-hover-content').allInnerTexts();
    assert.ok(!cards.some((c) => c.includes('France \u2014 state')), cards.join('\n---\n'));
  });
});
