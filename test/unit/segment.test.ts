import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { segmentPassages } from '../../server/src/core/analysis/segment';
import { seed } from './helpers';

const kinds = (text: string) => segmentPassages(text, 'x.txt').passages.map((p) => p.kind);

describe('segmentPassages', () => {
  it('splits a page into its dated news items and the article, titled by the article headline', () => {
    const doc = segmentPassages(seed('000').text, '000.txt');
    assert.match(doc.title, /^Statement by the CSTO Secretary General Stanislav ZAS at the "Regional Security Structures: CSTO" session/);
    assert.equal(doc.date, '2021-06-09');
    const news = doc.passages.filter((p) => p.kind === 'news');
    assert.deepEqual(news.map((p) => p.date), ['2024-04-24', '2024-04-24', '2024-04-22']);
    assert.match(news[0].title, /^On 24 April 2024, in Moscow, at the CSTO Secretariat consultations/);
    const article = doc.passages.find((p) => p.kind === 'article')!;
    assert.equal(article.date, '2021-06-09');
    assert.deepEqual(doc.dates, ['2021-06-09', '2024-04-22', '2024-04-24']);
  });

  it('recognises the navigation lines of the source site as boilerplate, not content', () => {
    const doc = segmentPassages(seed('000').text, '000.txt');
    const boilerplate = doc.passages.filter((p) => p.kind === 'boilerplate');
    const text = seed('000').text;
    assert.deepEqual(boilerplate.map((p) => text.slice(p.start, p.end).split(/\r?\n+/)), [['Go back', 'Back to the section', 'Back to the all news']]);
    const menu = segmentPassages(seed('001').text, '001.txt').passages[0];
    assert.equal(menu.kind, 'boilerplate');
    assert.equal(seed('001').text.slice(menu.start, menu.end), 'Search\nPublications');
    const telegram = segmentPassages(seed('002').text, '002.txt').passages.at(-1)!;
    assert.equal(telegram.kind, 'boilerplate');
    assert.equal(telegram.title, 'read more in our Telegram-channel');
  });

  it('titles an article without a dateline by its first line and leaves it undated, whatever years its text names', () => {
    const doc = segmentPassages(seed('001').text, '001.txt');
    assert.equal(doc.title, 'CSTO is the key factor of maintaining stability in Eurasia');
    assert.equal(doc.date, undefined, 'no dateline: "In 2024 Kazakhstan gained presidency" and "in November 2022" are what it tells of, not when it was written');
    const sections = doc.passages.filter((p) => p.kind === 'section').map((p) => p.title);
    assert.deepEqual(sections, [
      'The need to further improve the activities',
      'Global and regional dimension',
      'New formats of cooperation and interaction',
      'Promote the formation of the «space of security»',
    ]);
  });

  it('reads a time-and-date editor line as the byline that dates the article', () => {
    const doc = segmentPassages(seed('002').text, '002.txt');
    assert.equal(doc.title, 'Briefing by CSTO Secretary General Stanislav Zas');
    assert.equal(doc.date, '2021-02-08');
    const byline = doc.passages.find((p) => p.kind === 'byline')!;
    assert.equal(byline.title, '11:12 08.02.2021 • Yuri Menshikov , editor');
    assert.equal(byline.parent, doc.passages.find((p) => p.kind === 'article')!.index);
  });

  it('turns interview questions into sections and keeps photo credits and "Read also" links out of the content', () => {
    const { text } = seed('003');
    const doc = segmentPassages(text, '003.txt');
    assert.equal(doc.date, '2022-05-30');
    assert.ok(doc.passages.some((p) => p.kind === 'byline' && p.title === 'Author: Nikita Vyatchanin'));
    const sections = doc.passages.filter((p) => p.kind === 'section');
    assert.equal(sections.length, 10);
    assert.equal(sections[5].title, 'What is the role of interparliamentary cooperation in CSTO activities?');
    const boilerplate = doc.passages.filter((p) => p.kind === 'boilerplate').map((p) => text.slice(p.start, p.end));
    assert.ok(boilerplate.some((b) => b.includes('© Photo by Sergey Rusanov')));
    assert.ok(boilerplate.some((b) => b.startsWith('Read also:') && b.includes('Lukashenko: military cooperation')));
  });

  it('gives the same news item reprinted on two pages the same fingerprint', () => {
    const a = segmentPassages(seed('000').text, '000.txt').passages.filter((p) => p.kind === 'news');
    const b = segmentPassages(seed('004').text, '004.txt').passages.filter((p) => p.kind === 'news');
    assert.deepEqual(a.map((p) => p.fingerprint), b.map((p) => p.fingerprint));
    assert.equal(new Set(a.map((p) => p.fingerprint)).size, 3);
  });

  it('keeps offsets of CRLF text pointing at the same words', () => {
    const lf = seed('000').text;
    const crlf = lf.replace(/\n/g, '\r\n');
    const a = segmentPassages(lf, 'lf.txt');
    const b = segmentPassages(crlf, 'crlf.txt');
    assert.deepEqual(b.passages.map((p) => p.kind), a.passages.map((p) => p.kind));
    assert.deepEqual(b.passages.map((p) => p.title), a.passages.map((p) => p.title));
    b.passages.forEach((passage, i) => {
      assert.equal(crlf.slice(passage.start, passage.end).replace(/\r/g, ''), lf.slice(a.passages[i].start, a.passages[i].end));
    });
    const article = b.passages.find((p) => p.kind === 'article')!;
    assert.ok(crlf.slice(article.start).startsWith('Statement by the CSTO Secretary General'));
  });

  it('leaves an empty document without passages, titled by its file name', () => {
    const doc = segmentPassages('', 'empty.txt');
    assert.equal(doc.title, 'empty.txt');
    assert.deepEqual(doc.passages, []);
    assert.equal(doc.date, undefined);
  });

  it('reads a Markdown corpus document: the first heading is its title, later headings open sections', () => {
    const doc = segmentPassages('# Exercise report\n\n14 May 2023\n\nThe exercise took place on 12 May 2023 in Armenia.\n\n## Participants\n\nUnits of the CRRF took part.\n', 'report.md');
    assert.equal(doc.title, 'Exercise report');
    assert.equal(doc.date, '2023-05-14', 'the date under the headline, not the date of the exercise it reports');
    assert.deepEqual(doc.passages.map((p) => [p.kind, p.title]), [['article', 'Exercise report'], ['section', 'Participants']]);
  });

  it('treats plain paragraphs with no headline as one untitled article named by its first sentence', () => {
    assert.deepEqual(kinds('The Council met. It adopted two statements.\nThe next session is in autumn.'), ['article']);
  });
});
