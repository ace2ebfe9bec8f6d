// The providers through their seams: a language service over a sync on the in-memory workspace (the
// seed corpus), asked as a handler asks, with the cursor marked "|" in the text of a note.

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { createLanguageService, type LanguageService } from '../../server/src/core/languageService';
import type { TextSource } from '../../server/src/core/model';
import { CorpusSync } from '../../server/src/core/sync/corpusSync';
import { Ingestion } from '../../server/src/core/sync/ingestion';
import { bundledCatalog, seedFiles, seedText } from './helpers';
import { CORPUS_FOLDER, InMemoryCorpusHost } from './inMemoryCorpusHost';

const NOTE_URI = 'file:///workspace/notes/analysis.md';
const SOURCE = 'The highest body is the Collective Security Council, which consists of the heads of state or government of the CSTO member States.';

/** A note's text with the cursor marked "|": the text without the mark, and the mark's offset. */
function marked(text: string, version = 1): { note: TextSource; at: number } {
  const at = text.indexOf('|');
  assert.ok(at >= 0, 'no cursor mark');
  const clean = text.slice(0, at) + text.slice(at + 1);
  return { note: { uri: NOTE_URI, version, getText: () => clean }, at };
}

describe('the providers, through the language service', () => {
  let service: LanguageService;
  let sync: CorpusSync;
  let ingestion: Ingestion;

  before(async () => {
    const host = new InMemoryCorpusHost(Object.fromEntries(seedFiles().map((n) => [n, seedText(n)])));
    ingestion = new Ingestion(host, bundledCatalog(), { maxFileBytes: 1 << 20, retainText: false });
    sync = new CorpusSync(host, ingestion, { version: 'test' });
    service = createLanguageService(ingestion);
    await sync.indexAll();
  });

  describe('entities', () => {
    it('answers a hover on an alias with the card of the entity it names', () => {
      const { note, at } = marked('We looked at the Hired g|uns again.');
      const hover = service.hover(note, at)!;
      assert.equal(hover.markdown.split('\n')[0], '**Mercenary** — operation');
      assert.equal(note.getText().slice(hover.start, hover.end), 'Hired guns');
    });

    it('answers a hover on an edition with the card of that edition', () => {
      const { note, at } = marked('The Indestructible Brotherhood-20|24 drills.');
      assert.equal(service.hover(note, at)!.markdown.split('\n')[0], '**Indestructible Brotherhood** — exercise · 2024 edition');
    });

    it('lists every mention of the entity under the cursor, the corpus first, then the notes', () => {
      const { note, at } = marked('The C|SC met.');
      const found = service.references(note, at);
      assert.equal(found.entity?.id, 'collective-security-council');
      assert.ok(found.places.length > 20);
      assert.equal(found.places.findIndex((p) => p.note), -1, 'the note is not indexed: corpus places only');
      assert.equal(found.total, found.places.length);
    });

    it('completes the words before the cursor, an exact name first', () => {
      const { note, at } = marked('the Search|');
      const { items } = service.complete(note.getText().slice(0, at));
      assert.equal(items[0].name, 'Search');
      assert.equal(items[0].entity.id, 'search');
    });
  });

  describe('notes', () => {
    it('matches an open note once per version, and takes the indexed note\'s matches for the same text', () => {
      const text = 'The Collective Security Council and operation Channel.';
      const first = service.mentionsIn({ uri: NOTE_URI, version: 1, getText: () => text });
      assert.equal(service.mentionsIn({ uri: NOTE_URI, version: 1, getText: () => text }), first, 'the same version: not matched again');
      // The sync takes in the editor's text: the index's matches are the ones the service then gives.
      sync.onOpenDocumentChanged(NOTE_URI, () => text);
      sync.flushPendingEdits(NOTE_URI);
      const indexed = ingestion.notes.get(NOTE_URI);
      assert.ok(indexed, 'the note is indexed');
      assert.equal(service.mentionsIn({ uri: NOTE_URI, version: 2, getText: () => text }), indexed.mentions);
      assert.deepEqual(first.map((m) => m.entityId), ['collective-security-council', 'channel']);
    });
  });

  describe('quotations', () => {
    it('finds a misquotation in a note, with the fix that restores the source\'s words and keeps the full stop', () => {
      const text = `> ${SOURCE.replace('CSTO member', 'CIS member')}`;
      const findings = service.quoteFindings({ uri: NOTE_URI, version: 10, getText: () => text }, 10_000)!;
      assert.deepEqual(findings.map((f) => f.code), ['misquotation']);
      const [misquotation] = findings;
      assert.equal(text.slice(misquotation.start, misquotation.end), 'CIS', 'the finding points at the word that differs');
      assert.match(misquotation.message, /^Misquotation: the source says “CSTO”, not “CIS” \(/);
      assert.equal(text.slice(misquotation.within!.start, misquotation.within!.end), SOURCE.replace('CSTO member', 'CIS member'));
      const fixed = text.slice(0, misquotation.fix!.start) + misquotation.fix!.text + text.slice(misquotation.fix!.end);
      assert.equal(fixed, `> ${SOURCE}`);
    });

    it('offers the corpus sentence holding the words typed on a blockquote line, with its citation', () => {
      const { note, at } = marked('# Notes\n\n> heads of state or govrnment of the|');
      const lineStart = note.getText().lastIndexOf('\n', at - 1) + 1;
      const found = service.quoteCompletions(note, lineStart, at, 'link')!;
      assert.equal(note.getText().slice(found.from, at), 'heads of state or govrnment of the');
      assert.equal(found.items[0].insertion.newText.split('\n')[0], SOURCE);
      assert.match(found.items[0].insertion.newText.split('\n')[1], /^> \u2014 \[Stanislav Zas: .*, 30 May 2022\]\(\.\.\/corpus\/003_cd610519ad23afcb\.txt#L\d+\)$/);
      assert.equal(service.quoteCompletions(marked('Not a blockquote|').note, 0, 16, 'link'), undefined);
    });

    it('turns a citation into a link to the passage and hovers it', () => {
      const text = `> ${SOURCE}\n> \u2014 [Zas](../corpus/003_cd610519ad23afcb.txt#L13)`;
      const note = { uri: NOTE_URI, version: 11, getText: () => text };
      const [link] = service.citationLinks(note);
      assert.deepEqual([text.slice(link.start, link.end), link.uri, link.line], ['../corpus/003_cd610519ad23afcb.txt#L13', `${CORPUS_FOLDER}003_cd610519ad23afcb.txt`, 13]);
      const hover = service.quoteHover(note, link.start + 3, 10_000)!;
      assert.match(hover.markdown, /^> On September 30, 2024, in Almaty/);
    });
  });
});
