// The fast slice of the adversarial documents (`npm run test:stress` runs them at 10 MB against
// ordinary text, for time): each analysed whole, its mentions in order and inside the text, and
// no document adding more entities than one may.

import assert from 'node:assert/strict';
import { mkdtempSync, openSync, closeSync, ftruncateSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { analyseDocument, discoveryCapNotice } from '../../server/src/core/analysis/analyseDocument';
import { readFailure } from '../../server/src/core/analysis/analyseFile';
import { MAX_DISCOVERED_PER_DOCUMENT } from '../../server/src/core/analysis/discovery';
import { CorpusIndex } from '../../server/src/core/index/corpusIndex';
import { cardFacts } from '../../server/src/core/query/cardFacts';
import { renderEntityCard } from '../../server/src/core/render/card';
import { escapeMarkdown } from '../../server/src/core/text/markdown';
import { readBytesNow } from '../../server/src/node/files';
import { adversarialDocuments, fill } from '../stress/hostileTexts';
import { bundledKnowledge } from './helpers';

const knowledge = bundledKnowledge();

function analyse(text: string) {
  return analyseDocument({ uri: 'file:///hostile.txt', text, fallbackTitle: 'hostile.txt' }, knowledge);
}

describe('documents built to hurt the analysis', () => {
  for (const { name, text } of adversarialDocuments(40_000)) {
    it(`analyses ${name}: mentions in text order, inside the text, not overlapping`, () => {
      const doc = analyse(text);
      let previousEnd = 0;
      for (const m of doc.mentions) {
        assert.ok(m.start >= previousEnd && m.end > m.start && m.end <= text.length, `${m.entityId} at ${m.start}–${m.end}`);
        assert.equal(m.surface, text.slice(m.start, m.end));
        previousEnd = m.end;
      }
      const discovered = new Set(doc.mentions.toArray().filter((m) => m.discovered).map((m) => m.entityId));
      assert.ok(discovered.size <= MAX_DISCOVERED_PER_DOCUMENT);
    });
  }

  it('indexes the first 100 names a document adds and says how many more it left out', () => {
    const text = fill((i) => `The operation Falcon${i} began. `, 8_000);
    const doc = analyse(text);
    const names = [...new Set(doc.mentions.toArray().filter((m) => m.discovered).map((m) => m.discovered!.name))];
    assert.equal(names.length, MAX_DISCOVERED_PER_DOCUMENT);
    assert.equal(names[0], 'Falcon0');
    assert.equal(names.at(-1), `Falcon${MAX_DISCOVERED_PER_DOCUMENT - 1}`);
    const written = text.split('The operation').length - 1;
    assert.equal(doc.notice, discoveryCapNotice(written - MAX_DISCOVERED_PER_DOCUMENT));
  });

  it('keeps a phone number line as page furniture and a long line of digits and spaces as text', () => {
    const phone = analyse('Contacts\n+7 (495) 606-97-71 tel/fax\n\nThe Collective Security Council met on 02.12.2020.\n');
    assert.ok(phone.passages.some((p) => p.kind === 'boilerplate' && p.title.startsWith('+7 (495)')));
    const long = analyse(`12345678${' '.repeat(5000)}x\n`);
    assert.ok(!long.passages.some((p) => p.kind === 'boilerplate'));
  });
});

describe('files over the size limit', () => {
  it('are skipped from their size, without being read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'corpus-lens-large-'));
    try {
      const path = join(dir, 'huge.txt');
      // A sparse file: 3 GB by its size, nothing on disk, more than a read could hold.
      const fd = openSync(path, 'w');
      ftruncateSync(fd, 3 * 1024 ** 3);
      closeSync(fd);
      let thrown: unknown;
      try {
        readBytesNow(pathToFileURL(path).toString(), 50 * 1024 * 1024);
      } catch (error) {
        thrown = error;
      }
      assert.deepEqual(readFailure(thrown), { kind: 'skipped', reason: 'is 3072 MB, over the 50 MB limit set by corpusLens.maxFileSizeMB; it is not indexed.' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('text from a document, shown in a card', () => {
  const HOSTILE =
    'The Collective Security Council is the highest body of the CSTO [open](command:workbench.action.quit) <img src=x onerror=alert(1)> `rm -rf` ' +
    'https://evil.example/x and www.evil.example \u0000 \u202etxt.exe, which consists of the heads of state.';

  it('is escaped: no link, image, HTML, code span or autolink, no control or direction override', () => {
    const escaped = escapeMarkdown(HOSTILE);
    assert.ok(escaped.includes('\\[open\\](command:workbench.action.quit)'));
    assert.ok(escaped.includes('\\<img src=x onerror=alert(1)\\>'));
    assert.ok(escaped.includes('\\`rm -rf\\`'));
    assert.ok(escaped.includes('https\\://evil.example/x') && escaped.includes('www\\.evil.example'));
    assert.ok(!/[\u0000\u202e]/.test(escaped) && escaped.includes('\ufffd txt.exe'));
  });

  it('is what the hover card shows of the defining sentence', () => {
    const index = new CorpusIndex(knowledge);
    index.upsert({ uri: 'file:///corpus/hostile.txt', text: `${HOSTILE}\n`, fallbackTitle: 'hostile.txt' });
    const card = renderEntityCard(cardFacts(index.entity('collective-security-council')!, index));
    assert.ok(card.includes(escapeMarkdown('[open](command:workbench.action.quit) <img src=x onerror=alert(1)>')), card);
    // Every bracket and angle bracket of the sentence comes with its backslash.
    assert.ok(!/(?<!\\)\]\(command:/.test(card) && !/(?<!\\)<img/.test(card) && !card.includes('\u202e'), card);
  });
});
