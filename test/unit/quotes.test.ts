// Quotations in notes checked against the corpus: verbatim, with an ellipsis or an insertion in
// brackets, one word changed or dropped, and unrelated text.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CorpusIndex } from '../../server/src/core/index/corpusIndex';
import { NoteIndex } from '../../server/src/core/index/noteIndex';
import { createLanguageService } from '../../server/src/core/languageService';
import { checkQuotations, MAX_QUOTATION_WORDS, QuotationCheck, type QuoteVerdict } from '../../server/src/core/quotes/quoteCheck';
import { alignWords, WordAligner } from '../../server/src/core/quotes/align';
import { QuoteIndex } from '../../server/src/core/quotes/quoteIndex';
import { findQuotations } from '../../server/src/core/quotes/quotations';
import { quoteTokens, wordsOf, type QuoteWord } from '../../server/src/core/quotes/quoteWords';
import { wordDifferences } from '../../server/src/core/quotes/wordDiff';
import { innermostPassage, type IndexedDocument } from '../../server/src/core/analysis/analyseDocument';
import { analyseFile } from '../../server/src/core/analysis/analyseFile';
import { identityAt, sentenceFingerprints } from '../../server/src/core/quotes/sentenceFingerprints';
import { sentenceIdentity } from '../../server/src/core/quotes/sentenceIdentity';
import { sentenceAround } from '../../server/src/core/text/sentences';
import { citationTarget } from '../../server/src/core/quotes/citations';
import { renderQuoteInsertion } from '../../server/src/core/render/quoteText';
import { bundledKnowledge, seed, seedFiles, seedText } from './helpers';

const corpus = new CorpusIndex(bundledKnowledge());
for (const name of seedFiles()) corpus.upsert({ uri: `file:///corpus/${name}`, text: seedText(name), fallbackTitle: name });
const quotes = new QuoteIndex({ documents: () => corpus.documents(), textOf: (doc) => corpus.tryTextOf(doc) }).buildAll();

const check = (note: string): QuoteVerdict[] => checkQuotations(note, quotes);
const sourceOf = (verdict: QuoteVerdict) => ('doc' in verdict ? corpus.textOf(verdict.doc).slice(verdict.start, verdict.end) : '');

const SOURCE = 'The highest body is the Collective Security Council, which consists of the heads of state or government of the CSTO member States.';

describe('quotations in a note', () => {
  it('finds blockquotes with their citation line, and quotations of eight words or more', () => {
    const note = [
      '# Notes',
      '',
      '> The highest body is the Collective Security Council, which consists',
      '> of the heads of state or government of the CSTO member States.',
      '> — [Stanislav Zas, 30 May 2022](../corpus/003_cd610519ad23afcb.txt#L42)',
      '',
      'He said "a short phrase" and then “the Organization is an effective multifunctional structure for the comprehensive provision of collective security”.',
    ].join('\n');
    const found = findQuotations(note);
    assert.deepEqual(found.map((q) => q.kind), ['blockquote', 'inline']);
    assert.equal(found[0].citation?.target?.text, '../corpus/003_cd610519ad23afcb.txt#L42');
    assert.match(note.slice(found[0].start, found[0].end), /^The highest body[\s\S]*member States\.$/);
    assert.match(note.slice(found[1].start, found[1].end), /^the Organization is an effective/);
  });

  it('finds a verbatim quotation across line breaks, typographic quotes and case', () => {
    const [verdict] = check(`> THE HIGHEST body is the Collective Security Council, which consists\n> of the heads of state or government of the CSTO member States.`);
    assert.equal(verdict.type, 'verbatim');
    assert.equal('doc' in verdict && verdict.doc.uri, seed('003').uri);
    assert.equal(sourceOf(verdict), SOURCE.slice(0, -1));
  });

  it('accepts an ellipsis for words left out and brackets for words put in', () => {
    assert.equal(check('> The highest body is the Collective Security Council, … of the heads of state or government of the CSTO member States.')[0].type, 'verbatim');
    assert.equal(check('> The highest body is [the CSC], which consists of the heads of state or government of the CSTO member States.')[0].type, 'verbatim');
  });

  it('calls a quotation with one word changed or one dropped a misquotation, and gives the source words', () => {
    const changed = check('> The highest body is the Collective Security Council, which consists of the heads of state or government of the CIS member States.')[0];
    assert.equal(changed.type, 'misquoted');
    assert.equal(sourceOf(changed), SOURCE.slice(0, -1));
    const dropped = check('> The highest body is the Collective Security Council, which consists of the heads of state of the CSTO member States.')[0];
    assert.equal(dropped.type, 'misquoted');
    assert.equal('edits' in dropped && dropped.edits, 2);
  });

  it('says where a misquotation differs, word by word: a word changed, one added, words left out, and nothing inside a gap', () => {
    const where = (quotation: string) => {
      const note = `> ${quotation}`;
      const differences = wordDifferences(quoteTokens(note, 2), note, wordsOf(SOURCE), SOURCE)!;
      return differences.map((d) => [note.slice(d.start, d.end), d.quoted, d.source]);
    };
    assert.deepEqual(where('The highest body is the Collective Security Council, which consists of the heads of state or government of the CIS member States.'), [['CIS', 'CIS', 'CSTO']]);
    assert.deepEqual(where('The highest body is the Collective Security Council, which consists of all the heads of state or government of the CSTO member States.'), [['all', 'all', '']]);
    assert.deepEqual(where('The highest body is the Collective Security Council, which consists of the heads of state of the CSTO member States.'), [['of', '', 'or government']], 'words left out are shown on the word after them');
    assert.deepEqual(where('The highest body is the Collective Security Council … of the CSTO member States.'), [], 'a gap leaves words out on purpose');
    assert.deepEqual(where('The main body is the Collective Security Council, which includes the heads of state or government of the CSTO member States.'), [
      ['main', 'main', 'highest'],
      ['includes', 'includes', 'consists of'],
    ]);
  });

  it('finds nothing near an unrelated quotation', () => {
    assert.equal(check('> Quarterly revenue of the logistics company rose by twelve percent in the northern region last year.')[0].type, 'notFound');
    assert.equal(check('As the minister put it, "the weather in the mountains was unusually warm for the season this year".')[0].type, 'notFound');
  });

  it('checks again only the quotations it has not seen, until the corpus changes', () => {
    const index = new QuoteIndex({ documents: () => corpus.documents(), textOf: (doc) => corpus.tryTextOf(doc) }).buildAll();
    const tokens = quoteTokens('The highest body is the Collective Security Council');
    const first = index.match(tokens);
    assert.ok(first);
    assert.equal(index.match(quoteTokens('the highest BODY is the Collective Security Council')), first, 'the same words: the same match, not a new search');
    const changed = new CorpusIndex(bundledKnowledge());
    for (const name of seedFiles()) changed.upsert({ uri: `file:///corpus/${name}`, text: seedText(name), fallbackTitle: name });
    const moving = new QuoteIndex({ documents: () => changed.documents(), textOf: (doc) => changed.tryTextOf(doc) }).buildAll();
    const before = moving.match(tokens);
    changed.upsert({ uri: seed('003').uri, text: seed('003').text.replace('The highest body is', 'The supreme body is'), fallbackTitle: '003' });
    moving.buildAll();
    assert.notEqual(moving.match(tokens), before, 'the corpus changed: searched again');
    assert.equal(moving.match(tokens)?.edits, 1);
  });

  it('still finds a sentence printed in two documents when the first of them is gone', () => {
    // Beside the seed corpus, so that one document gone is far from the share that rebuilds the index.
    const two = new CorpusIndex(bundledKnowledge());
    for (const name of seedFiles()) two.upsert({ uri: `file:///corpus/${name}`, text: seedText(name), fallbackTitle: name });
    const page = 'Page\n\nThe Council of Foreign Ministers met in Minsk to agree the agenda of the autumn session.\n';
    two.upsert({ uri: 'file:///corpus/a.txt', text: page, fallbackTitle: 'a' });
    two.upsert({ uri: 'file:///corpus/b.txt', text: page, fallbackTitle: 'b' });
    const index = new QuoteIndex({ documents: () => two.documents(), textOf: (doc) => two.tryTextOf(doc) }).buildAll();
    const tokens = quoteTokens('The Council of Foreign Ministers met in Minsk to agree the agenda');
    assert.equal(index.match(tokens)?.doc.uri, 'file:///corpus/a.txt');
    two.remove('file:///corpus/a.txt');
    index.buildAll();
    assert.equal(index.match(tokens)?.doc.uri, 'file:///corpus/b.txt');
    assert.equal(index.match(tokens)?.edits, 0);
    // Every copy gone, then the sentence printed again: found in its new place.
    two.remove('file:///corpus/b.txt');
    index.buildAll();
    assert.ok(!['file:///corpus/a.txt', 'file:///corpus/b.txt'].includes(index.match(tokens)?.doc.uri ?? ''), 'no removed document is offered');
    two.upsert({ uri: 'file:///corpus/c.txt', text: `Other page\n\nIt rained.\n${page}`, fallbackTitle: 'c' });
    index.buildAll();
    const found = index.match(tokens);
    assert.equal(found?.doc.uri, 'file:///corpus/c.txt');
    assert.equal(two.textOf(found!.doc).slice(found!.start, found!.end), 'The Council of Foreign Ministers met in Minsk to agree the agenda');
  });

  it('finds each sentence in its own document among fifty, after some were removed or rewritten and the index was built again', () => {
    const many = new CorpusIndex(bundledKnowledge());
    const cities = ['Minsk', 'Astana', 'Bishkek', 'Dushanbe', 'Yerevan', 'Moscow', 'Almaty', 'Osh', 'Gomel', 'Khujand'];
    const sentence = (k: number, version = 'first') => `In its ${version} report number ${k} the working group in ${cities[k % 10]} set out ${k + 3} measures against ${k % 2 ? 'drug trafficking' : 'illegal migration'} for the coming year.`;
    const uri = (k: number) => `file:///corpus/page-${k}.txt`;
    const page = (k: number, version?: string) => `Page ${k}\n\nThe Council met.\n\n${sentence(k, version)}\n`;
    for (let k = 0; k < 50; k++) many.upsert({ uri: uri(k), text: page(k), fallbackTitle: `page ${k}` });
    const index = new QuoteIndex({ documents: () => many.documents(), textOf: (doc) => many.tryTextOf(doc) }).buildAll();
    const foundAt = (k: number, version?: string) => {
      const found = index.match(quoteTokens(sentence(k, version)));
      return found && found.edits === 0 ? `${found.doc.uri} ${many.textOf(found.doc).slice(found.start, found.end) === sentence(k, version).slice(0, -1)}` : undefined;
    };
    for (const k of [0, 1, 24, 49]) assert.equal(foundAt(k), `${uri(k)} true`);
    // Twenty gone (the index is built again: over its share of dead sentences), five rewritten.
    for (let k = 10; k < 30; k++) many.remove(uri(k));
    for (let k = 40; k < 45; k++) many.upsert({ uri: uri(k), text: page(k, 'second'), fallbackTitle: `page ${k}` });
    index.buildAll();
    for (const k of [0, 9, 30, 39, 45, 49]) assert.equal(foundAt(k), `${uri(k)} true`, `page ${k}`);
    for (const k of [40, 44]) assert.equal(foundAt(k, 'second'), `${uri(k)} true`, `page ${k} rewritten`);
    for (const k of [10, 29]) assert.equal(foundAt(k), undefined, `page ${k} removed`);
  });

  it('indexes every sentence of the seed corpus once', () => {
    // Counted apart: each sentence of three words or more outside boilerplate, once per place.
    let expected = 0;
    for (const doc of corpus.documents()) {
      const text = corpus.textOf(doc);
      for (let at = 0; at < text.length; ) {
        const sentence = sentenceAround(text, at, { start: at, end: text.length });
        if (sentence.end > sentence.start && innermostPassage(doc.passages, sentence.start)?.kind !== 'boilerplate' && wordsOf(text, sentence.start, sentence.end).length >= 3) expected++;
        at = Math.max(sentence.end, at + 1);
      }
    }
    assert.ok(expected > 200);
    assert.equal(quotes.size, expected);
    // Looked at again with nothing changed: nothing is indexed a second time.
    quotes.sync();
    quotes.work(Infinity, () => 0);
    assert.equal(quotes.size, expected);
  });

  it('takes each file\'s sentences from its analysis, the same as a split of its text, and reads a text only for a sentence not seen before', () => {
    const page = 'Page\n\nThe Council of Foreign Ministers met in Minsk to agree the agenda of the autumn session. It was short.\n';
    const analysed = (uri: string, text: string) => {
      const result = analyseFile(new TextEncoder().encode(text), uri, { knowledge: bundledKnowledge(), maxFileBytes: 1e6, embedded: false, fallbackTitle: uri });
      assert.equal(result.kind, 'analysed');
      return (result as { document: IndexedDocument }).document;
    };
    const a = analysed('file:///corpus/a.txt', page);
    const b = analysed('file:///corpus/b.txt', page);
    const c = analysed('file:///corpus/c.txt', 'Other\n\nThe Joint Staff planned the drills of the collective forces for the autumn.\n');
    assert.deepEqual([...a.sentences!], [...sentenceFingerprints(page, a.passages)]);
    assert.equal(a.sentences!.length / 4, 2, 'the headline is no sentence of three words; "It was short." is one');
    for (let i = 0; i < a.sentences!.length / 4; i++) {
      const [start, end] = [a.sentences![i * 4], a.sentences![i * 4 + 1]];
      assert.equal(identityAt(a.sentences!, i), sentenceIdentity(wordsOf(page, start, end)));
    }
    const texts = new Map([[a, page], [b, page], [c, 'Other\n\nThe Joint Staff planned the drills of the collective forces for the autumn.\n']]);
    const read: string[] = [];
    const index = new QuoteIndex({ documents: () => [a, b, c], textOf: (doc) => (read.push(doc.uri), texts.get(doc)) }).buildAll();
    assert.deepEqual(read, ['file:///corpus/a.txt', 'file:///corpus/c.txt'], 'b repeats a: its text is not read');
    assert.equal(index.size, 5);
    const found = index.match(quoteTokens('The Joint Staff planned the drills of the collective forces'));
    assert.equal(found?.doc.uri, 'file:///corpus/c.txt');
    assert.equal(found?.edits, 0);
  });

  it('calls a quotation close with up to a quarter of its words changed, and not found with one more', () => {
    // 22 words: five may be changed (a misquotation), six may not.
    const words = SOURCE.split(' ');
    const changed = (positions: number[]) => `> ${words.map((w, i) => (positions.includes(i) ? `other${i}` : w)).join(' ')}`;
    assert.equal(words.length, 22);
    assert.deepEqual(check(changed([1, 5, 9, 13, 17])).map((v) => [v.type, 'edits' in v ? v.edits : 0]), [['misquoted', 5]]);
    assert.deepEqual(check(changed([1, 5, 9, 13, 17, 20])).map((v) => v.type), ['notFound']);
  });
});

describe('quotations in Russian, checked against Russian sources', () => {
  const RELEASE = [
    'Москва, 24 апреля 2024 года.',
    'Коллективные силы оперативного реагирования — это компонент Коллективных сил ОДКБ постоянной готовности, предназначенный для оперативного реагирования на кризисные ситуации.',
    'Руководство учением «Взаимодействие-2024» осуществлял Объединённый штаб ОДКБ, сообщили в пресс-службе.',
  ].join('\n');
  const russian = new CorpusIndex(bundledKnowledge());
  russian.upsert({ uri: 'file:///corpus/release.txt', text: RELEASE, fallbackTitle: 'release.txt' });
  const index = new QuoteIndex({ documents: () => russian.documents(), textOf: (doc) => russian.tryTextOf(doc) }).buildAll();
  const verdicts = (note: string) => checkQuotations(note, index).map((v) => v.type);

  it('finds a Russian quotation verbatim in a blockquote and in «ёлочки», and a changed word a misquotation', () => {
    assert.deepEqual(verdicts('> КОЛЛЕКТИВНЫЕ силы оперативного реагирования — это компонент Коллективных сил ОДКБ постоянной готовности, … на кризисные ситуации.'), ['verbatim']);
    assert.deepEqual(verdicts('В релизе сказано: «Коллективные силы оперативного реагирования — это компонент Коллективных сил ОДКБ постоянной готовности».'), ['verbatim']);
    assert.deepEqual(verdicts('> Коллективные силы оперативного реагирования — это компонент Коллективных сил ОДКБ высокой готовности.'), ['misquoted']);
  });

  it('reads «…» with a code name in its own «…» inside as one quotation, and „…“ as a quotation', () => {
    const note = 'В пресс-службе уточнили: «Руководство учением «Взаимодействие-2024» осуществлял Объединённый штаб ОДКБ».';
    assert.deepEqual(findQuotations(note).map((q) => note.slice(q.start, q.end)), ['Руководство учением «Взаимодействие-2024» осуществлял Объединённый штаб ОДКБ']);
    assert.deepEqual(verdicts(note), ['verbatim']);
    assert.deepEqual(verdicts('Цитата: „Руководство учением «Взаимодействие-2024» осуществлял Объединённый штаб ОДКБ“.'), ['verbatim']);
  });

  it('takes "е" for "ё" in a quotation, as Russian writers do', () => {
    assert.deepEqual(verdicts('> Руководство учением «Взаимодействие-2024» осуществлял Объединенный штаб ОДКБ, сообщили в пресс-службе.'), ['verbatim']);
  });
});

describe('citations of an inserted quotation', () => {
  const doc = corpus.get(seed('003').uri)!;
  const link = citationTarget('file:///notes/analysis.md', doc.uri, 42);

  it('writes a link relative to the note, a footnote at the end of the note, or the title and date', () => {
    assert.equal(link, '../corpus/003_cd610519ad23afcb.txt#L42');
    assert.deepEqual(renderQuoteInsertion('', 'Words.', 'Stanislav Zas, 30 May 2022', link, 'link'), { newText: 'Words.\n> \u2014 [Stanislav Zas, 30 May 2022](../corpus/003_cd610519ad23afcb.txt#L42)' });
    assert.equal(renderQuoteInsertion('', 'Words.', 'Stanislav Zas, 30 May 2022', link, 'plain').newText, 'Words.\n> \u2014 Stanislav Zas (30 May 2022)');
    const note = 'Text with a note.[^1]\n\n[^1]: Mine.\n';
    const footnote = renderQuoteInsertion(note, 'Words.', 'Stanislav Zas, 30 May 2022', link, 'footnote');
    assert.deepEqual(footnote, { newText: 'Words.[^2]', footnote: { at: note.length, text: '\n[^2]: [Stanislav Zas, 30 May 2022](../corpus/003_cd610519ad23afcb.txt#L42)\n' } });
  });

  it('cuts a long title in a citation, and keeps the date', () => {
    const long = `${'A very long title of a statement '.repeat(4)}, 30 May 2022`;
    assert.match(renderQuoteInsertion('', 'Words.', long, link, 'plain').newText, /^Words\.\n> \u2014 A very long title.{40,}\u2026 \(30 May 2022\)$/);
  });
});

describe('quotation checks that never hold the thread long', () => {
  /** A clock that moves one tick each time it is read. */
  const ticking = () => {
    let t = 0;
    return () => t++;
  };

  it('reads the list of documents again only when it has changed, not at every slice', () => {
    const index = new CorpusIndex(bundledKnowledge());
    index.upsert({ uri: 'file:///corpus/a.txt', text: seedText(seedFiles()[0]), fallbackTitle: 'a' });
    let listed = 0;
    const sentences = new QuoteIndex({ documents: () => (listed++, index.documents()), stamp: () => index.documentsStamp, textOf: (doc) => index.tryTextOf(doc) }).buildAll();
    for (let i = 0; i < 50; i++) sentences.sync();
    assert.equal(listed, 1);
    index.upsert({ uri: 'file:///corpus/b.txt', text: `Note\n\n${SOURCE}\n`, fallbackTitle: 'b' });
    sentences.sync();
    sentences.work(Infinity, () => 0);
    assert.equal(listed, 2);
    assert.equal(sentences.match(quoteTokens(SOURCE))?.doc.uri, 'file:///corpus/b.txt');
  });

  it('builds the sentence index ahead of any note, a slice at a time, and then checks a note at once', () => {
    const index = new CorpusIndex(bundledKnowledge());
    for (const name of seedFiles()) index.upsert({ uri: `file:///corpus/${name}`, text: seedText(name), fallbackTitle: name });
    const service = createLanguageService({ index, notes: new NoteIndex(index) });
    let slices = 1;
    while (!service.prepareQuotes(0)) slices++;
    assert.ok(slices >= seedFiles().length, 'a slice of 0 ms reads one document');
    const note = { uri: 'file:///notes/n.md', version: 1, getText: () => `> ${SOURCE}\n` };
    assert.deepEqual(service.quoteFindings(note, 50), [], 'the verbatim quotation is checked in the first call');
  });

  it('aligns a long quotation a few rows at a time and gives the same alignment as in one go', () => {
    const words = seedText('003_cd610519ad23afcb.txt').split(/\s+/).slice(0, 700).join(' ');
    const tokens = quoteTokens(words.replace(/ the /, ' a '));
    const source = quoteTokens(words) as QuoteWord[];
    const whole = alignWords(tokens, source);
    const aligner = new WordAligner(tokens, source);
    const now = ticking();
    let runs = 0;
    while (!aligner.advance(now() + 1, now)) runs++;
    assert.ok(runs > 10, `the table took ${runs} slices`);
    assert.deepEqual(aligner.result(), whole);
    assert.equal(whole!.edits, 1);
  });

  it('checks one quotation in slices, ending a slice inside it, with the verdict of a check in one go', () => {
    const note = `> ${seedText('003_cd610519ad23afcb.txt').split(/\s+/).slice(0, 400).join(' ').replace(/ the /, ' a ')}`;
    const [quotation] = findQuotations(note);
    const now = ticking();
    const check = new QuotationCheck(quotation, quotes, now);
    let verdict: QuoteVerdict | undefined;
    let slices = 0;
    for (; !verdict; slices++) verdict = check.run(now() + 2);
    assert.ok(slices > 2, `${slices} slices`);
    const where = (v: QuoteVerdict) => ('doc' in v ? [v.type, v.doc.uri, v.start, v.end, 'edits' in v ? v.edits : 0] : [v.type]);
    assert.deepEqual(where(verdict), where(checkQuotations(note, quotes)[0]));
    assert.equal(verdict.type, 'misquoted');
  });

  it('does not check a quotation over the word limit, and says so', () => {
    const long = `> ${Array.from({ length: MAX_QUOTATION_WORDS + 1 }, (_, i) => `word${i}`).join(' ')}`;
    assert.deepEqual(check(long).map((v) => v.type), ['tooLong']);
    const limit = `> ${Array.from({ length: MAX_QUOTATION_WORDS }, (_, i) => `word${i}`).join(' ')}`;
    assert.deepEqual(check(limit).map((v) => v.type), ['notFound']);
  });
});
