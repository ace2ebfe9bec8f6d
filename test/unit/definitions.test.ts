import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mentionSnippet, quoteSentence, sentenceAround } from '../../server/src/core/text/sentences';

const TEXT = 'The CSTO has a clear structure. The highest body is the Collective Security Council, which consists of the heads of state. T.S. Sultangaziev chaired it.\nNext line.';
const mention = { start: TEXT.indexOf('Collective'), end: TEXT.indexOf('Collective') + 'Collective Security Council'.length };
const whole = { start: 0, end: TEXT.length };

describe('sentences around a mention', () => {
  it('finds the sentence, not stopping at initials, and never crossing a line', () => {
    const sentence = sentenceAround(TEXT, mention.start, whole);
    assert.equal(TEXT.slice(sentence.start, sentence.end), 'The highest body is the Collective Security Council, which consists of the heads of state.');
    const initials = sentenceAround(TEXT, TEXT.indexOf('Sultangaziev'), whole);
    assert.equal(TEXT.slice(initials.start, initials.end), 'T.S. Sultangaziev chaired it.');
    const next = sentenceAround(TEXT, TEXT.indexOf('Next'), whole);
    assert.equal(TEXT.slice(next.start, next.end), 'Next line.');
  });

  it('ends a sentence at a full stop after a long word or a number, but not after a short title or a capital', () => {
    const text = 'The drills began on Monday at 9. Gen. Serdyukov of the Joint Staff opened them. The forces. Then Mr. Zas spoke, as did Col. A. Ivanov and the \u{1D400}. Observers left.';
    const at = (word: string) => {
      const { start, end } = sentenceAround(text, text.indexOf(word), { start: 0, end: text.length });
      return text.slice(start, end);
    };
    assert.equal(at('drills'), 'The drills began on Monday at 9.');
    assert.equal(at('Serdyukov'), 'Gen. Serdyukov of the Joint Staff opened them.');
    assert.equal(at('forces'), 'The forces.');
    // A capital outside the first plane before a full stop is read as an initial, as the pattern reads it.
    assert.equal(at('Zas'), 'Then Mr. Zas spoke, as did Col. A. Ivanov and the \u{1D400}. Observers left.');
  });

  it('quotes a long sentence cut around the mention at word boundaries', () => {
    const long = `${'word '.repeat(80)}the Collective Security Council ${'more '.repeat(80)}end.`;
    const at = long.indexOf('Collective');
    const quote = quoteSentence(long, { start: 0, end: long.length }, { start: at, end: at + 27 }, 100);
    assert.ok(quote.startsWith('…word') && quote.endsWith('more…'), quote);
    assert.ok(quote.includes('Collective Security Council'));
    assert.ok(quote.length <= 102);
  });

  it('gives a snippet that starts just before the mention, with the mention\'s place in it', () => {
    const sentence = sentenceAround(TEXT, mention.start, whole);
    const snippet = mentionSnippet(TEXT, sentence, mention, 12);
    assert.equal(snippet.text.slice(...snippet.highlight), 'Collective Security Council');
    assert.ok(snippet.text.startsWith('…is the Collective'), snippet.text);
  });
});
