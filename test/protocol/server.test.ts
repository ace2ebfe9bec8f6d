// Protocol tests: the real bundled server over stdio, a temporary workspace with the seed corpus
// and a note, and the answers an editor would show.

import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import { CompletionItemKind, DiagnosticSeverity, DocumentLinkRequest, type Diagnostic, type MarkupContent, FileChangeType, SemanticTokensRequest, SymbolKind, type CompletionList, type LocationLink, type SemanticTokensLegend, type TextEdit } from 'vscode-languageserver-protocol';
import { parseCatalog } from '../../server/src/core/catalog/catalog';
import { CardRequest, ChronologyRequest, ChronologyTableRequest, DocumentsRequest, EntitiesRequest, MentionsRequest, PassagesRequest, QuoteParagraphsRequest, QuoteRequest, SearchPassagesRequest, StatusRequest } from '../../server/src/shared/protocol';
import { LspSession, makeWorkspace, positionOf, removeWorkspace, SEED_CORPUS } from './lspSession';

const NOTE = [
  '# Notes on the CSTO',
  '',
  'The operation Hired guns keeps running; the Collective Security Council approved it.',
  'The CSC also heard about Indestr',
  '',
].join('\n');

/** A note nobody opens in this session: found through the index of notes. */
const UNOPENED_NOTE = 'Weekly summary\n\nWe compared Mercenary with the older raids; Naemnik still runs.\n';

const seedName = (name: string) => readFileSync(join(SEED_CORPUS, name), 'utf8');
const SEED_003 = '003_cd610519ad23afcb.txt';

describe('the language server over stdio, on the seed corpus and a note', () => {
  let root: string;
  let session: LspSession;
  let note: string;

  before(async () => {
    root = makeWorkspace({ 'notes/analysis.md': NOTE, 'notes/2023/unopened.md': UNOPENED_NOTE });
    // As VS Code starts it: the card may carry links to the quoting commands.
    session = await LspSession.start(root, { initializationOptions: { quoteCommandLinks: true } });
    await session.indexed();
    note = await session.open('notes/analysis.md', NOTE);
  });
  after(async () => {
    await session.stop();
    removeWorkspace(root);
  });

  it('indexes the five seed documents and the note, reporting progress and watching the corpus, the notes and the catalog', async () => {
    const status = await session.connection.sendRequest(StatusRequest);
    assert.equal(status.documents, 5);
    assert.equal(status.notes, 2);
    assert.equal(status.embedded, false);
    assert.ok(status.mentions > 200);
    assert.equal(session.progressTokens.length, 1, 'one window/workDoneProgress for the first index');
    const watchers = session.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles')?.registerOptions as { watchers: { globPattern: { pattern: string } }[] };
    assert.deepEqual(watchers.watchers.map((w) => w.globPattern.pattern), ['corpus/**/*.txt', 'corpus/**/*.md', '**/*.md', '**/*.txt', 'corpus/catalog.json']);
  });

  it('shows the card of the operation Mercenary when hovering "Hired guns" in a note', async () => {
    const hover = await session.hover(note, positionOf(NOTE, 'Hired guns', 3));
    const value = (hover?.contents as { kind: string; value: string }).value;
    assert.equal((hover?.contents as { kind: string }).kind, 'markdown');
    assert.equal(value.split('\n')[0], '**Mercenary** — operation');
    assert.match(value, /\*Also known as:\* Naemnik · Hired guns · Hired gun/);
    assert.match(value, /> Under the auspices of the CSTO, an operation "Mercenary" is being successfully conducted to shut down channels for the recruitment/);
    assert.deepEqual(hover?.range, { start: positionOf(NOTE, 'Hired guns'), end: positionOf(NOTE, 'Hired guns', 10) });
  });

  it('leads the card with its key facts: name and kind, the defining sentence and its source, the counts and dates; the whole card on request', async () => {
    const hover = await session.hover(note, positionOf(NOTE, 'Hired guns', 3));
    const sections = (hover?.contents as { value: string }).value.split('\n\n');
    assert.equal(sections[0], '**Mercenary** — operation');
    assert.match(sections[1], /^> Under the auspices of the CSTO, an operation "Mercenary"/);
    assert.match(sections[2], /^Defined in \[Statement by the CSTO Secretary General/);
    assert.match(sections[3], /^\*\*Mentioned 5 times in 4 documents\*\* · 2 Dec 2020 – 9 Jun 2021$/);
    assert.match(sections[4], /^Regular operation against the recruitment/, 'the catalog description after the key facts');
    const csto = await session.connection.sendRequest(CardRequest, { entityId: 'csto' });
    assert.match(csto!.markdown, /^\*Includes:\* (?:[^·\n]+ · ){5}\*and \d+ more\*$/m, 'the hover\'s card cuts Includes');
    const whole = await session.connection.sendRequest(CardRequest, { entityId: 'csto', full: true });
    assert.doesNotMatch(whole!.markdown, /and \d+ more\*/, 'the whole card cuts nothing');
    assert.ok(whole!.markdown.length > csto!.markdown.length);
  });

  it('quotes an edition\'s own passage on its card, and counts that edition', async () => {
    const edition = await session.connection.sendRequest(CardRequest, { entityId: 'indestructible-brotherhood', edition: 2024, full: true });
    const sections = edition!.markdown.split('\n\n');
    assert.equal(sections[0], '**Indestructible Brotherhood** — exercise · 2024 edition');
    assert.match(sections[1], /^> Today, in the Republic of Kazakhstan, .*“Indestructible Brotherhood-2024” was held\.$/);
    assert.match(sections[3], /^\*\*The 2024 edition: 1 dated passage\*\* · 1 Oct 2024 · the series: mentioned 3 times in 3 documents$/);
  });

  it('hovers in a corpus document too', async () => {
    const uri = session.uri(`corpus/${SEED_003}`);
    const hover = await session.hover(uri, positionOf(seedName(SEED_003), '“Indestructible Brotherhood-2024”', 5));
    assert.equal((hover?.contents as { value: string }).value.split('\n')[0], '**Indestructible Brotherhood** — exercise · 2024 edition');
  });

  it('goes from "Collective Security Council" in the note to the corpus sentence that defines it', async () => {
    const result = (await session.definition(note, positionOf(NOTE, 'Collective Security Council', 5))) as LocationLink[];
    assert.equal(result.length, 1);
    const target = result[0];
    assert.equal(target.targetUri, session.uri(`corpus/${SEED_003}`));
    const lines = seedName(SEED_003).split('\n');
    const line = lines.findIndex((l) => l.includes('The highest body is the Collective Security Council'));
    const start = lines[line].indexOf('Collective Security Council');
    assert.deepEqual(target.targetSelectionRange, { start: { line, character: start }, end: { line, character: start + 'Collective Security Council'.length } });
    // The whole defining sentence is the target, so the editor reveals it from its start.
    const sentenceStart = lines[line].indexOf('The highest body is');
    const sentence = 'The highest body is the Collective Security Council, which consists of the heads of state or government of the CSTO member States.';
    assert.deepEqual(target.targetRange, { start: { line, character: sentenceStart }, end: { line, character: sentenceStart + sentence.length } });
    assert.deepEqual(target.originSelectionRange, { start: positionOf(NOTE, 'Collective Security Council'), end: positionOf(NOTE, 'Collective Security Council', 27) });
  });

  it('answers a client without LocationLink support with a plain location', async () => {
    const plain = await LspSession.start(root, { minimalClient: true });
    try {
      await plain.connection.sendRequest(StatusRequest);
      const uri = await plain.open('notes/analysis.md', NOTE);
      await waitFor(async () => (await plain.connection.sendRequest(StatusRequest)).documents === 5);
      const result = (await plain.definition(uri, positionOf(NOTE, 'Collective Security Council', 5))) as { uri: string }[];
      assert.equal(result[0].uri, session.uri(`corpus/${SEED_003}`));
    } finally {
      await plain.stop();
    }
  });

  it('finds every mention of the Council in the corpus and the notes, and the same list from its abbreviation', async () => {
    const fromName = await session.references(note, positionOf(NOTE, 'Collective Security Council', 5));
    const fromAbbreviation = await session.references(note, positionOf(NOTE, 'CSC', 1));
    // "Collective Security Council (CSC)" is one mention, and a title printed twice names it once.
    assert.equal(fromName?.length, 25);
    assert.deepEqual(fromName!.slice(23).map((l) => [l.uri, l.range.start]), [
      [note, positionOf(NOTE, 'Collective Security Council')],
      [note, positionOf(NOTE, 'CSC')],
    ], 'the corpus first, then the notes');
    assert.deepEqual(fromAbbreviation, fromName);
    const texts = new Set(fromName!.map((l) => lineText(l.uri, l.range.start.line).slice(l.range.start.character, l.range.end.character)));
    assert.deepEqual([...texts].sort(), ['CSC', 'CSTO CSC', 'CSTO Collective Security Council', 'Collective Security Council']);
  });

  it('colours every recognised name in a note by its kind, marking discovered names and editions the catalog lacks', async () => {
    const text = 'The CSC met. The "Granite-2019" exercise and the Rubezh-2031 drills.\nThe operation Hired guns.';
    const uri = await session.open('notes/tokens.md', text);
    const legend = session.capabilities.semanticTokensProvider!.legend as SemanticTokensLegend;
    const data = (await session.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } }))?.data ?? [];
    const lines = text.split('\n');
    const tokens: string[] = [];
    for (let i = 0, line = 0, character = 0; i < data.length; i += 5) {
      line += data[i];
      character = data[i] ? data[i + 1] : character + data[i + 1];
      const modifiers = legend.tokenModifiers.filter((_, bit) => data[i + 4] & (1 << bit));
      tokens.push([lines[line].slice(character, character + data[i + 2]), legend.tokenTypes[data[i + 3]], ...modifiers].join(' '));
    }
    assert.deepEqual(tokens, [
      'CSC corpusBody',
      'Granite-2019 corpusExercise discovered',
      'Rubezh-2031 corpusExercise uncataloguedEdition',
      'Hired guns corpusOperation',
    ]);
  });

  it('tells in a note of a name and an edition nobody knows, with quick fixes that write a valid workspace catalog', async () => {
    const text = 'The Zapad-2021 exercise and the Rubezh-2031 drills, beside Rubezh-2021.';
    const uri = await session.open('notes/unknown.md', text);
    await waitFor(async () => (session.diagnostics.get(uri)?.length ?? 0) === 2);
    const diagnostics = session.diagnostics.get(uri)!;
    assert.deepEqual(
      diagnostics.map((d) => [text.slice(d.range.start.character, d.range.end.character), d.severity, d.code]),
      [
        ['Zapad-2021', DiagnosticSeverity.Information, 'unknown-name'],
        ['Rubezh-2031', DiagnosticSeverity.Information, 'unknown-edition'],
      ],
    );
    const actions = await session.codeActions(uri, diagnostics);
    assert.deepEqual(actions.map((a) => a.title), ['Add "Zapad" to the workspace catalog as an exercise', 'Add edition 2031 to Rubezh in the workspace catalog']);
    // The workspace has no catalog: the fix creates corpus/catalog.json with the entry.
    const before = session.statuses.at(-1)!.catalogVersion;
    await session.runAction(actions[0]);
    const written = readFileSync(join(root, 'corpus', 'catalog.json'), 'utf8');
    const catalog = parseCatalog(written, new Set());
    assert.deepEqual(catalog.problems, []);
    assert.deepEqual(catalog.catalog!.entities, [{ id: 'zapad', kind: 'exercise', name: 'Zapad', aliases: [], editions: [{ year: 2021 }] }]);
    assert.deepEqual(session.appliedEdits.map((e) => e.applied), [true]);
    // The new catalog re-indexes the corpus; the tests after this one start from a settled index.
    await waitFor(async () => {
      const last = session.statuses.at(-1)!;
      return last.catalogVersion !== before && !last.indexing;
    });
  });

  it('checks the quotations of a note: a misquotation with the source words, a wrong citation, a quotation from nowhere, each with its fix', async () => {
    const text = [
      '> The highest body is the Collective Security Council, which consists of the heads of state or government of the CIS member States.',
      '> \u2014 [Stanislav Zas, 30 May 2022](../corpus/003_cd610519ad23afcb.txt#L13)',
      '',
      'As he said, "the weather in the mountains was unusually warm for the season this year".',
      '',
      '> To fix coordinated positions and promote collective interests in the international arena, joint statements of CSTO states are adopted.',
    ].join('\n');
    const uri = await session.open('notes/quotes.md', text);
    await waitFor(async () => (session.diagnostics.get(uri)?.length ?? 0) >= 3);
    const diagnostics = session.diagnostics.get(uri)!;
    const lines = text.split('\n');
    const quoted = (d: Diagnostic) => lines[d.range.start.line].slice(d.range.start.character, d.range.end.character);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.severity, d.range.start.line]),
      [
        ['misquotation', DiagnosticSeverity.Warning, 0],
        ['wrong-citation', DiagnosticSeverity.Warning, 1],
        ['quotation-not-found', DiagnosticSeverity.Information, 3],
      ],
      'the verbatim quotation on line 6 is not flagged',
    );
    // The misquotation points at the word that differs and says what the source has there; the source sentence is related information.
    assert.equal(quoted(diagnostics[0]), 'CIS');
    assert.match(String(diagnostics[0].message), /^Misquotation: the source says “CSTO”, not “CIS” \(Stanislav Zas: In the Republic of Kazakhstan.*, 30 May 2022\)\.$/);
    const sourceLine = readFileSync(join(SEED_CORPUS, '003_cd610519ad23afcb.txt'), 'utf8').split('\n').findIndex((l) => l.includes('The highest body is'));
    assert.deepEqual(
      diagnostics[0].relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line, r.message.slice(0, 40)]),
      [[session.uri('corpus/003_cd610519ad23afcb.txt'), sourceLine, 'The source: “The highest body is the Col']],
    );
    assert.equal(quoted(diagnostics[1]), '../corpus/003_cd610519ad23afcb.txt#L13');
    // The citation is a link to the passage, and hovering it shows the passage.
    const links = await session.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri } });
    assert.deepEqual(links!.map((l) => [l.range.start.line, l.target]), [[1, `${session.uri('corpus/003_cd610519ad23afcb.txt')}#L13`]]);
    const onCitation = await session.hover(uri, { line: 1, character: lines[1].indexOf('#L13') });
    assert.match((onCitation!.contents as MarkupContent).value, /^> On September 30, 2024, in Almaty, under the chairmanship .*\n\nStanislav Zas: .*, 1 Oct 2024, line 13$/s);
    const line = readFileSync(join(SEED_CORPUS, '003_cd610519ad23afcb.txt'), 'utf8').split('\n').findIndex((l) => l.includes('The highest body is')) + 1;
    // A verbatim quotation says where it is from.
    const onQuote = await session.hover(uri, { line: 5, character: 10 });
    assert.match((onQuote!.contents as MarkupContent).value, new RegExp(`^\\*Quoted verbatim from\\* \\[Stanislav Zas: .*, 30 May 2022\\]\\(.*003_cd610519ad23afcb\\.txt#L${line}\\), line ${line}$`));
    // Each fix, applied, leaves the note as the source has it.
    const [restore] = await session.codeActions(uri, [diagnostics[0]]);
    assert.equal(restore.title, 'Replace with the source text');
    await session.runAction(restore);
    const [correct] = await session.codeActions(uri, [diagnostics[1]]);
    assert.equal(correct.title, 'Correct the citation');
    await session.runAction(correct);
    assert.deepEqual(session.openTexts.get(uri)!.split('\n').slice(0, 2), [
      '> The highest body is the Collective Security Council, which consists of the heads of state or government of the CSTO member States.',
      `> \u2014 [Stanislav Zas, 30 May 2022](../corpus/003_cd610519ad23afcb.txt#L${line})`,
    ]);
  });

  it('restores a misquotation from the text as it is now, when the editor asks with a diagnostic of an older version', async () => {
    const quote = '> The highest body is the Collective Security Council, which consists of the heads of state or government of the CIS member';
    const uri = await session.open('notes/typing.md', quote);
    await waitFor(async () => session.diagnostics.get(uri)?.some((d) => d.code === 'misquotation') ?? false);
    const stale = session.diagnostics.get(uri)!.find((d) => d.code === 'misquotation')!;
    // The analyst types on before the diagnostics come back: the editor still shows the old one.
    const typed = `${quote} States, a CIS at war.`;
    await session.replaceText(uri, typed);
    const actions = await session.codeActions(uri, [stale]);
    assert.deepEqual(actions.map((a) => a.title), ['Replace with the source text']);
    await session.runAction(actions[0]);
    assert.equal(
      session.openTexts.get(uri),
      '> The highest body is the Collective Security Council, which consists of the heads of state or government of the CSTO member States.',
      'the fix covers the whole quotation as typed, not the range of the old diagnostic, and keeps its full stop',
    );
    // Once the quotation is right, the old diagnostic offers nothing.
    assert.deepEqual(await session.codeActions(uri, [stale]), []);
  });

  it('completes a blockquote line with the corpus sentences holding its words, past a typo, inserting the sentence and its citation', async () => {
    const text = '# Quotes\n\n> heads of state or govrnment of the';
    const uri = await session.open('notes/completing.md', text);
    const list = (await session.completion(uri, { line: 2, character: text.split('\n')[2].length })) as CompletionList;
    const [first] = list.items;
    const source = 'The highest body is the Collective Security Council, which consists of the heads of state or government of the CSTO member States.';
    const line = readFileSync(join(SEED_CORPUS, '003_cd610519ad23afcb.txt'), 'utf8').split('\n').findIndex((l) => l.includes('The highest body is')) + 1;
    assert.match(first.detail!, /^Stanislav Zas: In the Republic of Kazakhstan.*, 30 May 2022$/);
    const edit = first.textEdit as TextEdit;
    assert.deepEqual(edit.range, { start: { line: 2, character: 2 }, end: { line: 2, character: text.split('\n')[2].length } });
    assert.equal(edit.newText.split('\n')[0], source);
    assert.match(edit.newText.split('\n')[1], new RegExp(`^> \u2014 \\[Stanislav Zas: .*, 30 May 2022\\]\\(\\.\\./corpus/003_cd610519ad23afcb\\.txt#L${line}\\)$`));
    assert.equal(first.filterText, 'heads of state or govrnment of the', 'the typed words keep every item in the list');
    assert.match((first.documentation as MarkupContent).value, /^> .*\*\*The highest body is the Collective Security Council, .* member States\.\*\*/, 'the passage, the sentence in bold');
    const names = (await session.completion(uri, { line: 2, character: 3 })) as CompletionList;
    assert.deepEqual(names.items, [], 'a blockquote line offers no names, and nothing before three words');
  });

  it('quotes a sentence, a passage or an entity\'s defining sentence for a note, with its citation', async () => {
    const source = session.uri(`corpus/${SEED_003}`);
    const text003 = seedName(SEED_003);
    const line = text003.split('\n').findIndex((l) => l.includes('The highest body is')) + 1;
    const at = { line: line - 1, character: text003.split('\n')[line - 1].indexOf('Collective Security Council') };
    const sentence = await session.connection.sendRequest(QuoteRequest, { uri: source, position: at, scope: 'sentence', noteUri: note });
    assert.equal(sentence!.text, 'The highest body is the Collective Security Council, which consists of the heads of state or government of the CSTO member States.');
    assert.match(sentence!.newText, new RegExp(`^The highest body .* member States\\.\\n> \u2014 \\[Stanislav Zas: .*, 30 May 2022\\]\\(\\.\\./corpus/${SEED_003.replace('.', '\\.')}#L${line}\\)$`));
    const defining = await session.connection.sendRequest(QuoteRequest, { entityId: 'collective-security-council', noteUri: note });
    assert.equal(defining!.text, sentence!.text, 'the card\'s sentence is the defining one');
    const firstNews = await session.connection.sendRequest(QuoteRequest, { uri: session.uri('corpus/000_edf73a125afd47f6.txt'), position: { line: 0, character: 0 }, scope: 'passage', noteUri: note });
    assert.match(firstNews!.text, /^On 24 April 2024, in Moscow, at the CSTO Secretariat consultations .* took place\.$/);
    const hover = await session.hover(note, positionOf(NOTE, 'Collective Security Council', 3));
    const args = encodeURIComponent(JSON.stringify([{ entityId: 'collective-security-council' }]));
    assert.ok((hover!.contents as MarkupContent).value.includes(`[Insert quote in note](command:corpusLens.insertQuote?${args})`));
  });

  it('quotes exactly the words selected in a source, a word the selection cuts taken whole, citing the line where they start', async () => {
    const source = session.uri(`corpus/${SEED_003}`);
    const lines = seedName(SEED_003).split('\n');
    const line = lines.findIndex((l) => l.includes('The highest body is'));
    const from = lines[line].indexOf('highest body') + 3; // inside "highest"
    const to = lines[line].indexOf('Collective Security Council') + 'Collective Security Coun'.length; // inside "Council"
    const quote = await session.connection.sendRequest(QuoteRequest, { uri: source, range: { start: { line, character: from }, end: { line, character: to } }, noteUri: note });
    assert.equal(quote!.text, 'highest body is the Collective Security Council');
    assert.match(quote!.newText, new RegExp(`^highest body is the Collective Security Council\\n> \u2014 \\[Stanislav Zas: .*, 30 May 2022\\]\\(\\.\\./corpus/${SEED_003.replace('.', '\\.')}#L${line + 1}\\)$`));
    assert.deepEqual(quote!.source.range, { start: { line, character: lines[line].indexOf('highest') }, end: { line, character: lines[line].indexOf('Council') + 'Council'.length } });
    const blank = await session.connection.sendRequest(QuoteRequest, { uri: source, range: { start: { line: line - 1, character: 0 }, end: { line: line - 1, character: 0 } }, noteUri: note });
    assert.equal(blank, null, 'a selection without a word quotes nothing');
  });

  it('offers the paragraphs of a passage to quote, never its heading, time and author line', async () => {
    const uri = session.uri('corpus/002_743dec8484922d2a.txt');
    const text = seedName('002_743dec8484922d2a.txt');
    const paragraphs = await session.connection.sendRequest(QuoteParagraphsRequest, { uri, position: { line: 0, character: 0 } });
    assert.ok(paragraphs.length >= 5, `the briefing's paragraphs (${paragraphs.length})`);
    assert.match(paragraphs[0].text, /^The Secretary General of the Collective Security Treaty Organization \(CSTO\) Stanislav Zas has given a briefing/);
    for (const paragraph of paragraphs) {
      assert.doesNotMatch(paragraph.text, /^Briefing by CSTO Secretary General|\d\d:\d\d \d\d\.\d\d\.\d{4}|editor$/, 'no heading, time or byline');
    }
    const passage = await session.connection.sendRequest(QuoteRequest, { uri, position: { line: 0, character: 0 }, scope: 'passage', noteUri: note });
    assert.match(passage!.text, /^The Secretary General of the Collective Security Treaty Organization/, 'Insert Quote on the passage takes its first paragraph, not the byline');
    assert.ok(text.includes('11:12 08.02.2021'));
  });

  it('answers the chronology of an exercise: dated passages, catalog editions at their year, filters, reprints once', async () => {
    const brotherhood = await session.connection.sendRequest(ChronologyRequest, { entityIds: ['indestructible-brotherhood'] });
    assert.equal(brotherhood.by, 'passage');
    assert.equal(brotherhood.passages, 3);
    assert.deepEqual(
      brotherhood.events.map((e) => [e.dateLabel, e.catalogOnly, e.entities[0].editions, e.documentTitle?.slice(0, 20)]),
      [
        ['8 Feb 2021', false, [2020], 'Briefing by CSTO Sec'],
        ['9 Jun 2021', false, [2021], 'Statement by the CST'],
        ['2022', true, [2022], undefined],
        ['2023', true, [2023], undefined],
        ['1 Oct 2024', false, [2024], 'Stanislav Zas: In th'],
      ],
    );
    const last = brotherhood.events[4];
    const lines = seedName(SEED_003).split('\n');
    assert.match(lines[last.passage!.range.start.line], /^01\.10\.2024$/, 'the event opens at its passage');
    assert.match(lines[last.at!.start.line].slice(last.at!.start.character), /^Indestructible Brotherhood/, 'and points at the mention');
    assert.equal(last.sentence, undefined, 'sentences only when asked for');
    const withSentences = await session.connection.sendRequest(ChronologyRequest, { entityIds: ['indestructible-brotherhood'], sentences: true });
    assert.match(withSentences.events[4].sentence!, /Indestructible Brotherhood/);
    const range = await session.connection.sendRequest(ChronologyRequest, { kinds: ['exercise'], from: '2024', to: '2024' });
    assert.ok(range.events.length && range.events.every((e) => e.date.startsWith('2024') && e.entities.every((x) => x.kind === 'exercise')));
    const secretariat = await session.connection.sendRequest(ChronologyRequest, { entityIds: ['secretariat'] });
    assert.equal(secretariat.events.filter((e) => e.date === '2024-04-24').length, 1, 'the news item printed on two pages is one event');
  });

  it('writes the chronology of an exercise as a Markdown table for a note, sources linked relative to it', async () => {
    const table = await session.connection.sendRequest(ChronologyTableRequest, { entityIds: ['indestructible-brotherhood'], noteUri: note });
    const lines = table.markdown.split('\n');
    assert.equal(lines[0], '*Chronology of Indestructible Brotherhood in the corpus: 3 passages.*');
    assert.deepEqual(lines.slice(2, 4), ['| Date | Entity | Event | Source |', '| --- | --- | --- | --- |']);
    assert.equal(table.rows, 5);
    assert.match(lines[4], /^\| 8 Feb 2021 \| Indestructible Brotherhood 2020 \| Nevertheless, .*“Inviolable Brotherhood 2020” in Belarus produced good results\. \| \[Briefing by CSTO Secretary General Stanislav Zas\]\(\.\.\/corpus\/002_\w+\.txt#L\d+\) \|$/);
    assert.equal(lines[6], '| 2022 | Indestructible Brotherhood 2022 | In the catalog; no dated passage of the corpus mentions this edition. | catalog |');
  });

  it('quotes in a chronology row the sentence of the passage\'s text, never its heading or the page title, and the whole title of the source', async () => {
    const table = await session.connection.sendRequest(ChronologyTableRequest, { entityIds: ['collective-security-council'], noteUri: note });
    const december = table.markdown.split('\n').find((l) => l.startsWith('| 2 Dec 2020 |'))!;
    assert.ok(december, table.markdown);
    assert.doesNotMatch(december, /^\| 2 Dec 2020 \| Collective Security Council \| The CSTO Collective Security Council adopted the Declaration/, 'not the page title');
    assert.match(december, /^\| 2 Dec 2020 \| Collective Security Council \| On December 2, this year, .*session of the Collective Security Council \(CSC\)/);
    assert.match(december, /\| \[The CSTO Collective Security Council adopted the Declaration and Statement on the Formation of a Just and Sustainable World Order\]\(/, 'the title whole');
  });

  it('gathers the chronology by month above the marks asked for, and ignores malformed filters rather than failing', async () => {
    const whole = await session.connection.sendRequest(ChronologyRequest, {});
    const gathered = await session.connection.sendRequest(ChronologyRequest, { maxEvents: 10 });
    assert.notEqual(gathered.by, 'passage');
    assert.ok(whole.passages > 10 && gathered.events.length <= 10);
    assert.equal(gathered.events.reduce((n, e) => n + e.passages, 0), whole.passages);
    const malformed = await session.connection.sendRequest(ChronologyRequest, { from: 'yesterday', by: 'week', kinds: ['exercise', 'bogus'], maxEvents: -3 } as never);
    assert.equal(malformed.by, 'passage');
    assert.ok(malformed.events.length && malformed.events.every((e) => e.entities.every((x) => x.kind === 'exercise')));
  });

  it('lists the mentions in notes nobody has opened after those in the corpus', async () => {
    const references = (await session.references(note, positionOf(NOTE, 'Hired guns', 3)))!;
    const unopened = session.uri('notes/2023/unopened.md');
    const inNotes = references.filter((l) => !l.uri.includes('/corpus/'));
    assert.deepEqual(
      inNotes.filter((l) => l.uri === unopened).map((l) => l.range.start),
      [positionOf(UNOPENED_NOTE, 'Mercenary'), positionOf(UNOPENED_NOTE, 'Naemnik')],
    );
    assert.ok(inNotes.some((l) => l.uri === note), 'the open note too');
    assert.ok(references.indexOf(inNotes[0]) > 0 && references.slice(0, references.indexOf(inNotes[0])).every((l) => l.uri.includes('/corpus/')), 'the corpus first');
  });

  it('completes "Indestr" with the exercise, replacing the typed word, with its card on resolve', async () => {
    const position = positionOf(NOTE, 'Indestr', 7);
    const list = (await session.completion(note, position)) as CompletionList;
    const item = list.items[0];
    assert.equal(item.label, 'Indestructible Brotherhood');
    assert.equal(item.kind, CompletionItemKind.Struct);
    assert.equal(item.detail, 'exercise · part of Combat Brotherhood · 3 mentions');
    assert.deepEqual(item.textEdit, { range: { start: positionOf(NOTE, 'Indestr'), end: position }, newText: 'Indestructible Brotherhood' });
    const resolved = await session.resolveCompletion(item);
    assert.match((resolved.documentation as { value: string }).value, /^\*\*Indestructible Brotherhood\*\* — exercise/);
  });

  it('completes an alias and says which entity it names', async () => {
    const text = 'We discussed Hired';
    const uri = await session.open('notes/alias.md', text);
    const list = (await session.completion(uri, { line: 0, character: text.length })) as CompletionList;
    assert.equal(list.items[0].label, 'Hired guns');
    assert.deepEqual(list.items[0].labelDetails, { description: 'operation', detail: ' \u2192 Mercenary' });
  });

  it('names a long parent by its abbreviation in a completion\'s detail, so that the detail is not cut', async () => {
    const text = 'The Rubezh';
    const uri = await session.open('notes/parent.md', text);
    const list = (await session.completion(uri, { line: 0, character: text.length })) as CompletionList;
    const rubezh = list.items.find((i) => i.label === 'Rubezh')!;
    assert.equal(rubezh.detail, 'exercise · part of CRDF · not in the corpus', 'not "part of Collective Rapid Deployment Forces of the Central Asian Region"');
  });

  it('lists entities as workspace symbols located at their definitions', async () => {
    const symbols = await session.workspaceSymbols('Mercenary');
    const mercenary = symbols!.find((s) => s.name === 'Mercenary')!;
    assert.equal(mercenary.kind, SymbolKind.Event);
    assert.equal(mercenary.containerName, 'operation · Collective Security Treaty Organization');
    assert.match(mercenary.location.uri, /000_edf73a125afd47f6\.txt$/, 'where its defining sentence is');
    const all = await session.workspaceSymbols('');
    const status = await session.connection.sendRequest(StatusRequest);
    assert.equal(all!.length, Math.min(200, status.catalogEntities + status.discoveredEntities), 'every entity, mentioned or not');
  });

  it('finds an entity the corpus never mentions at its catalog entry, and passages by their titles', async () => {
    const rubezh = (await session.workspaceSymbols('Rubezh'))!.find((s) => s.name === 'Rubezh')!;
    assert.equal(rubezh.containerName, 'exercise · Collective Rapid Deployment Forces of the Central Asian Region · not in the corpus');
    assert.match(rubezh.location.uri, /corpus\/catalog\.json$/);
    const catalogLine = readFileSync(URI.parse(rubezh.location.uri).fsPath, 'utf8').split('\n')[rubezh.location.range.start.line];
    assert.match(catalogLine, /"name": "Rubezh"/);
    const passages = (await session.workspaceSymbols('signal to the whole world'))!;
    assert.deepEqual(passages.map((s) => [s.name.slice(0, 40), s.containerName?.slice(0, 25)]), [['Stanislav Zas: In the Republic of Kazakh', '30 May 2022 · Stanislav Z']]);
  });

  it('outlines a corpus document as its dated passages', async () => {
    const symbols = await session.documentSymbols(session.uri('corpus/000_edf73a125afd47f6.txt'));
    assert.deepEqual(symbols!.map((s) => s.detail), ['news · 24 Apr 2024', 'news · 24 Apr 2024', 'news · 22 Apr 2024', 'article · 9 Jun 2021']);
    assert.equal(symbols![0].kind, SymbolKind.Event);
    assert.deepEqual(await session.documentSymbols(note), []);
  });

  it('gives the tree every document by its real title and date, and the entities by kind', async () => {
    const documents = await session.connection.sendRequest(DocumentsRequest, { passages: true });
    assert.deepEqual(documents.map((d) => [d.title.slice(0, 40), d.dateLabel]), [
      ['Stanislav Zas: In the Republic of Kazakh', '30 May 2022'],
      ['Statement by the CSTO Secretary General ', '9 Jun 2021'],
      ['Briefing by CSTO Secretary General Stani', '8 Feb 2021'],
      ['The CSTO Collective Security Council ado', '2 Dec 2020'],
      // No dateline: the years it names are what it tells of, not when it was written.
      ['CSTO is the key factor of maintaining st', 'undated'],
    ]);
    const reprinted = documents.find((d) => d.dateLabel === '2 Dec 2020')!.passages![0];
    const passages = await session.connection.sendRequest(PassagesRequest, { uri: documents[0].uri });
    assert.deepEqual(passages, documents[0].passages, 'a document expanded alone shows the same passages');
    assert.deepEqual(reprinted.reprintedIn.map((t) => t.slice(0, 12)), ['Statement by']);
    const entities = await session.connection.sendRequest(EntitiesRequest);
    const kinds = new Set(entities.map((e) => e.kind));
    for (const kind of ['body', 'operation', 'exercise'] as const) assert.ok(kinds.has(kind));
    const mentions = await session.connection.sendRequest(MentionsRequest, { entityId: 'indestructible-brotherhood' });
    assert.equal(mentions.total, 3);
    assert.deepEqual(mentions.items.map((m) => m.edition), [2020, 2021, 2024]);
  });

  it('lists the mentions of an entity by document, each dated by its passage, reprints marked and counted once', async () => {
    const secretariat = await session.connection.sendRequest(MentionsRequest, { entityId: 'secretariat' });
    assert.equal(secretariat.total, secretariat.counted + secretariat.reprinted + 0, 'no note mentions the Secretariat');
    assert.ok(secretariat.reprinted >= 2, 'the 24 Apr 2024 news items are printed on two pages');
    const onReprintingPage = secretariat.items.filter((m) => m.documentDateLabel === '2 Dec 2020');
    assert.ok(onReprintingPage.length >= 2);
    assert.ok(onReprintingPage.every((m) => m.reprint), 'the page of 2 Dec 2020 only reprints the Secretariat news');
    assert.deepEqual([...new Set(onReprintingPage.map((m) => m.dateLabel))], ['22 Apr 2024', '24 Apr 2024'], 'dated by their news items, oldest first');
    const [entity] = (await session.connection.sendRequest(EntitiesRequest)).filter((e) => e.id === 'secretariat');
    assert.equal(entity.mentionCount, secretariat.counted);
    const crrf = await session.connection.sendRequest(MentionsRequest, { entityId: 'collective-rapid-reaction-force' });
    assert.deepEqual(crrf.items.map((m) => m.via), ['Collective Rapid Reaction Force Command']);
  });

  it('finds passages by title, by any name of an entity they mention, and by their text; nothing for nonsense', async () => {
    const search = (query: string) => session.connection.sendRequest(SearchPassagesRequest, { query });
    const mercenary = await search('Mercenary');
    assert.ok(mercenary.items.length >= 3);
    assert.ok(mercenary.items.every((i) => i.reason === 'entity' || i.reason === 'text'));
    assert.ok(mercenary.items.some((i) => i.entityName === 'Mercenary' && /Hired guns|Mercenary/.test(i.snippet ?? '')));
    const hiredGuns = await search('hired guns');
    assert.ok(hiredGuns.items.some((i) => i.entityName === 'Mercenary'), 'an alias finds the passages of its entity');
    const text = await search('quarantine restrictions');
    assert.deepEqual(text.items.map((i) => [i.reason, i.dateLabel]), [['text', '2 Dec 2020']]);
    assert.match(text.items[0].snippet!, /quarantine restrictions/);
    // Words that are not in a row find the passages holding all of them, after those with the words in a row.
    const scattered = await search('recruitment channels terrorist');
    assert.ok(scattered.items.length >= 2, JSON.stringify(scattered.items.map((i) => i.title)));
    assert.ok(scattered.items.every((i) => i.reason === 'words'));
    assert.ok(scattered.items.some((i) => i.dateLabel === '2 Dec 2020'), 'the passage of "block recruitment channels … terrorist organizations"');
    assert.deepEqual((await search('zzzz qqqq')).items, []);
    assert.ok((await search('')).items.length > 5, 'the newest passages before anything is typed');
  });

  it('gives the card of an entity the corpus never mentions, with its catalog entry', async () => {
    const card = await session.connection.sendRequest(CardRequest, { entityId: 'rubezh' });
    assert.match(card!.markdown, /^\*\*Rubezh\*\* — exercise/);
    assert.match(card!.markdown, /Not mentioned in the indexed corpus/);
    assert.match(card!.catalog!.uri, /corpus\/catalog\.json$/);
    assert.equal(await session.connection.sendRequest(CardRequest, { entityId: 'no-such-entity' }), null);
  });
});

describe('the language server keeps its index in step with the workspace', () => {
  let root: string;
  let session: LspSession;

  before(async () => {
    root = makeWorkspace();
    session = await LspSession.start(root);
    await session.indexed();
  });
  after(async () => {
    await session.stop();
    removeWorkspace(root);
  });

  it('indexes a document added to the corpus, re-reads a changed one and forgets a deleted one', async () => {
    const added = join(root, 'corpus', 'new-exercise.md');
    writeFileSync(added, '# Echelon-2024\n\nThe special exercise “Echelon-2024” of the logistics units was held in Belarus.\n');
    await session.filesChanged([{ uri: URI.file(added).toString(), type: FileChangeType.Created }]);
    let status = await session.nextStatus();
    assert.equal(status.documents, 6);
    let mentions = await session.connection.sendRequest(MentionsRequest, { entityId: 'echelon' });
    assert.deepEqual(mentions.items.map((m) => m.edition), [2021, 2024, 2024]);

    writeFileSync(added, '# Echelon-2025\n\nThe special exercise “Echelon-2025” was held.\n');
    await session.filesChanged([{ uri: URI.file(added).toString(), type: FileChangeType.Changed }]);
    await session.nextStatus();
    mentions = await session.connection.sendRequest(MentionsRequest, { entityId: 'echelon' });
    assert.deepEqual(mentions.items.map((m) => m.edition), [2021, 2025, 2025]);

    rmSync(added);
    await session.filesChanged([{ uri: URI.file(added).toString(), type: FileChangeType.Deleted }]);
    status = await session.nextStatus();
    assert.equal(status.documents, 5);
  });

  it('flags a citation whose source was deleted, on its link, once the source is gone', async () => {
    const added = join(root, 'corpus', 'briefing-copy.txt');
    const sentence = 'The liaison officers of the three services met in Dushanbe to agree on the calendar of joint patrols for the spring.';
    writeFileSync(added, `MOSCOW, March 3, 2024.\n\n${sentence}\n`);
    await session.filesChanged([{ uri: URI.file(added).toString(), type: FileChangeType.Created }]);
    await session.nextStatus();
    const text = `> ${sentence}\n> \u2014 [Briefing copy, 3 Mar 2024](../corpus/briefing-copy.txt#L3)\n`;
    const uri = await session.open('notes/cites-deleted.md', text);
    await waitFor(async () => (await session.hover(uri, { line: 0, character: 10 })) !== null, 20000);
    assert.deepEqual(session.diagnostics.get(uri) ?? [], [], 'a verbatim quotation with a right citation is not flagged');
    rmSync(added);
    await session.filesChanged([{ uri: URI.file(added).toString(), type: FileChangeType.Deleted }]);
    await waitFor(async () => session.diagnostics.get(uri)?.some((d) => d.code === 'dead-citation') ?? false, 20000);
    const dead = session.diagnostics.get(uri)!.find((d) => d.code === 'dead-citation')!;
    assert.equal(dead.severity, DiagnosticSeverity.Warning);
    assert.equal(text.split('\n')[1].slice(dead.range.start.character, dead.range.end.character), '../corpus/briefing-copy.txt#L3');
    assert.match(String(dead.message), /^The cited source \.\.\/corpus\/briefing-copy\.txt is not in the corpus: it was deleted, moved or renamed/);
    await session.close(uri);
  });

  it('follows unsaved edits of an open corpus document, and drops them when it is closed unsaved', async () => {
    const path = join(root, 'corpus', '002_743dec8484922d2a.txt');
    const text = readFileSync(path, 'utf8');
    const uri = await session.open('corpus/002_743dec8484922d2a.txt', text, 'corpus-document');
    await session.replaceText(uri, `${text}\nThe “Search-2025” exercise was announced.\n`);
    const added = { line: text.split('\n').length, character: 8 };
    const hover = await session.hover(uri, added);
    assert.match((hover?.contents as { value: string }).value, /^\*\*Search\*\* — exercise · 2025 edition/);
    await session.close(uri);
    await session.nextStatus();
    assert.equal(await session.hover(uri, added), null);
    const mentions = await session.connection.sendRequest(MentionsRequest, { entityId: 'search' });
    assert.deepEqual(mentions.items.map((m) => m.edition), [2021]);
  });

  it('ignores events for files outside the corpus globs', async () => {
    const stray = join(root, 'notes.txt');
    writeFileSync(stray, 'The CSC met.');
    await session.filesChanged([{ uri: URI.file(stray).toString(), type: FileChangeType.Created }]);
    const status = await session.connection.sendRequest(StatusRequest);
    assert.equal(status.documents, 5);
  });
});

describe('the language server with nothing configured', () => {
  it('serves the bundled corpus to a client with no capabilities and no workspace corpus', async () => {
    const root = makeWorkspace({ 'my-note.md': 'The Collective Security Council met.' }, { seed: false });
    const session = await LspSession.start(root, { minimalClient: true });
    try {
      await waitFor(async () => (await session.connection.sendRequest(StatusRequest)).documents === 5);
      const status = await session.connection.sendRequest(StatusRequest);
      assert.equal(status.embedded, true);
      const uri = await session.open('my-note.md', 'The Collective Security Council met.');
      const definition = (await session.definition(uri, { line: 0, character: 10 })) as { uri: string }[];
      assert.equal(definition[0].uri, URI.file(join(SEED_CORPUS, SEED_003)).toString());
      assert.deepEqual(session.registrations, []);
    } finally {
      await session.stop();
      removeWorkspace(root);
    }
  });
});

function lineText(uri: string, line: number): string {
  return readFileSync(URI.parse(uri).fsPath, 'utf8').split('\n')[line];
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 15000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
