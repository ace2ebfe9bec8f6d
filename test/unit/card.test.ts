import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cardFacts } from '../../server/src/core/query/cardFacts';
import { renderEntityCard } from '../../server/src/core/render/card';
import { CorpusIndex } from '../../server/src/core/index/corpusIndex';
import { bundledKnowledge, seed, seedFiles, seedText } from './helpers';

const index = new CorpusIndex(bundledKnowledge());
for (const name of seedFiles()) index.upsert({ uri: `file:///corpus/${name}`, text: seedText(name), fallbackTitle: name });
const card = (id: string, edition?: number) => renderEntityCard(cardFacts(index.knowledge.get(id)!, index, edition === undefined ? {} : { edition }));

describe('the entity card', () => {
  it('starts with the canonical name in bold and the kind', () => {
    assert.equal(card('mercenary').split('\n')[0], '**Mercenary** — operation');
    assert.equal(card('collective-security-council').split('\n')[0], '**Collective Security Council** — body');
    assert.equal(card('search', 2021).split('\n')[0], '**Search** — exercise · 2021 edition');
  });

  it('lists every alias, and the spellings the corpus uses that the catalog does not', () => {
    const text = card('mercenary');
    assert.match(text, /\*Also known as:\* Naemnik · Hired guns · Hired gun/);
    assert.match(card('collective-security-council'), /\*Written in the corpus as:\* “CSTO CSC”/);
    assert.doesNotMatch(text, /Mercenary-2021/, 'an edition is not a spelling');
    assert.doesNotMatch(card('indestructible-brotherhood'), /Written in the corpus as/, 'nor is a lower-case edition');
  });

  it('quotes the defining sentence and links to its line in the source', () => {
    const text = card('collective-security-council');
    assert.match(text, /^> The highest body is the Collective Security Council, which consists of the heads of state or government of the CSTO member States\.$/m);
    const line = seed('003').text.split('\n').findIndex((l) => l.includes('The highest body is')) + 1;
    assert.match(text, new RegExp(`^Defined in \\[Stanislav Zas: In the Republic of Kazakhstan.*\\(30 May 2022\\)\\]\\(file:///corpus/${seed('003').name}#L${line}\\)$`, 'm'));
  });

  it('leads with the key facts: the defining sentence and its source, then the counts and the span of dates, then the description', () => {
    const sections = card('collective-security-council').split('\n\n');
    assert.match(sections[1], /^> The highest body is the Collective Security Council/);
    assert.match(sections[2], /^Defined in \[Stanislav Zas/);
    assert.match(sections[3], /^\*\*Mentioned \d+ times in 5 documents\*\* · 2 Dec 2020 – \d+ \w+ 202\d$/);
    assert.equal(sections[4], index.knowledge.get('collective-security-council')!.description);
  });

  it('counts an edition\'s own dated passages on its card, the series\' counts after', () => {
    assert.match(card('indestructible-brotherhood', 2024), /^\*\*The 2024 edition: 1 dated passage\*\* · 1 Oct 2024 · the series: mentioned 3 times in 3 documents$/m);
    assert.match(card('indestructible-brotherhood', 2024), /^> Today, in the Republic of Kazakhstan, .*“Indestructible Brotherhood-2024” was held\.$/m, 'the edition\'s own sentence');
  });

  it('takes the span of dates from the entity\'s dated passages without making its timeline, and keeps it current', () => {
    const own = new CorpusIndex(bundledKnowledge());
    for (const name of seedFiles()) own.upsert({ uri: `file:///corpus/${name}`, text: seedText(name), fallbackTitle: name });
    // Asked before any timeline is made, then compared with the timeline made afterwards.
    const spans = own.entities().map((e) => [e.id, own.dateSpan(e.id)] as const);
    for (const [id, span] of spans) {
      const rows = own.timelineOf(id);
      assert.deepEqual(span, rows.length ? { first: rows[0].date, last: rows.at(-1)!.date, passages: rows.length } : undefined, id);
    }
    own.upsert({ uri: 'file:///corpus/later.txt', text: 'MOSCOW, March 3, 2025.\n\nThe Collective Security Council met again.\n', fallbackTitle: 'later' });
    assert.equal(own.dateSpan('collective-security-council')!.last, '2025-03-03', 'a document added moves the span');
    own.remove('file:///corpus/later.txt');
    assert.notEqual(own.dateSpan('collective-security-council')!.last, '2025-03-03', 'and one removed moves it back');
  });

  it('cuts long lists to their first few with "and N more"', () => {
    const text = card('csto');
    const includes = /^\*Includes:\* (.*)$/m.exec(text)![1];
    assert.equal(includes.split(' · ').length, 6, includes);
    assert.match(includes, /· \*and \d+ more\*$/);
  });

  it('says an edition named nowhere is reported without its year when a passage of that year reports the series', () => {
    // The 2 Dec 2020 page says the operation "was successfully carried out … this year".
    assert.match(card('mercenary'), /2020 \(not by name; 1 passage of that year\)/);
    assert.doesNotMatch(card('mercenary'), /2020 \(not in the corpus\)/);
  });

  it('counts mentions by document, with dates, and lists the editions of an exercise', () => {
    const text = card('indestructible-brotherhood');
    assert.match(text, /^\*Editions:\* 2020 ▮ · 2021 ▮ · 2022 \(not in the corpus\) · 2023 \(not in the corpus\) · 2024 ▮ {2}$/m);
    assert.match(text, /^\*Edition notes:\* 2020 command and staff training in Belarus · 2021 Russia · 2022 planned for Balykchy, Kyrgyzstan; cancelled by Kyrgyzstan · 2023 Kyrgyzstan · 2024 command-staff training in Kazakhstan, Bereg training range$/m);
    assert.match(text, /\*\*Mentioned 3 times in 3 documents\*\* · 8 Feb 2021 – 1 Oct 2024/);
    assert.match(text, /^- \[Briefing by CSTO Secretary General Stanislav Zas \(8 Feb 2021\)\]\(file:\/\/\/corpus\/002_\w+\.txt#L\d+\) — 1$/m);
    assert.match(text, /\*Part of:\* Combat Brotherhood/);
  });

  it('draws an edition named often as five bars and its count', () => {
    const facts = cardFacts(index.knowledge.get('indestructible-brotherhood')!, index);
    const text = renderEntityCard({ ...facts, editions: [{ year: 2021, mentions: 3, note: undefined }, { year: 2022, mentions: 37, note: undefined }] });
    assert.match(text, /^\*Editions:\* 2021 ▮▮▮ · 2022 ▮▮▮▮▮ 37$/m);
    assert.doesNotMatch(text, /Edition notes/);
  });

  it('says when the hovered name could also stand for another entity', () => {
    const text = renderEntityCard(cardFacts(index.knowledge.get('search')!, index, { alternatives: [index.knowledge.get('echelon')!] }));
    assert.match(text.split('\n\n')[1], /^\*Ambiguous here:\* nothing in the text tells which is meant; this name also stands for \*\*Echelon\*\* \(exercise\)\.$/);
  });

  it('says "and N more" past the document limit', () => {
    const text = renderEntityCard(cardFacts(index.knowledge.get('csto')!, index, { maxDocuments: 2 }));
    assert.match(text, /^- … and 3 more documents$/m);
  });

  it('says so when the corpus never mentions the entity', () => {
    const empty = new CorpusIndex(bundledKnowledge());
    assert.match(renderEntityCard(cardFacts(empty.knowledge.get('echelon')!, empty)), /\*Not mentioned in the indexed corpus\.\*/);
  });
});
