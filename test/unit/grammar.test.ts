// The TextMate grammars, tokenized by the same engine VS Code uses (vscode-textmate + oniguruma).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { REPO_ROOT, seed } from './helpers';

const grammarFiles: Record<string, string> = {
  'text.corpus-document': 'syntaxes/corpus-document.tmLanguage.json',
  'corpus-lens.markdown.codenames': 'syntaxes/corpus-notes.injection.tmLanguage.json',
};
/** A stand-in for VS Code's Markdown grammar: only its scope name matters to the injection. */
const MARKDOWN_STAND_IN = { scopeName: 'text.html.markdown', patterns: [] };

let registry: textmate.Registry;

before(async () => {
  const wasm = readFileSync(join(REPO_ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName) => {
      if (scopeName === 'text.html.markdown') return textmate.parseRawGrammar(JSON.stringify(MARKDOWN_STAND_IN), 'markdown.json');
      const file = grammarFiles[scopeName];
      return file ? textmate.parseRawGrammar(readFileSync(join(REPO_ROOT, file), 'utf8'), join(REPO_ROOT, file)) : null;
    },
    getInjections: (scopeName) => (scopeName === 'text.html.markdown' ? ['corpus-lens.markdown.codenames'] : undefined),
  });
});

/** The scopes of each token of one line: [text, innermost scope]. */
async function tokens(scopeName: string, line: string): Promise<[string, string][]> {
  const grammar = (await registry.loadGrammar(scopeName))!;
  const result = grammar.tokenizeLine(line, textmate.INITIAL);
  return result.tokens.map((t) => [line.slice(t.startIndex, t.endIndex), t.scopes[t.scopes.length - 1]]);
}

async function scopeOf(scopeName: string, line: string, part: string): Promise<string> {
  const all = await tokens(scopeName, line);
  const found = all.find(([text]) => text === part);
  assert.ok(found, `no token "${part}" in ${JSON.stringify(all)}`);
  return found[1];
}

const doc = 'text.corpus-document';
const md = 'text.html.markdown';

describe('the corpus document grammar', () => {
  it('colours a news item date line as a date', async () => {
    const line = seed('000').text.split('\n')[0];
    assert.equal(line, '24.04.2024');
    assert.equal(await scopeOf(doc, line, '24.04.2024'), 'constant.numeric.date.corpus-document');
  });

  it('colours a quoted code name, with its year as a year', async () => {
    const line = 'the CSTO “Indestructible Brotherhood-2024” was held.';
    assert.equal(await scopeOf(doc, line, 'Indestructible Brotherhood'), 'entity.name.tag.codename.corpus-document');
    assert.equal(await scopeOf(doc, line, '2024'), 'constant.numeric.year.corpus-document');
    assert.equal(await scopeOf(doc, 'titled «Hired guns» is being', 'Hired guns'), 'entity.name.tag.codename.corpus-document');
    assert.equal(await scopeOf(doc, 'with Combat Brotherhood-2021 in', 'Combat Brotherhood'), 'entity.name.tag.codename.corpus-document');
  });

  it('greys out the site navigation', async () => {
    for (const line of ['Go back', 'Back to the all news', 'read more in our Telegram-channel', 'Search']) {
      assert.equal(await scopeOf(doc, line, line), 'comment.line.boilerplate.corpus-document', line);
    }
  });

  it('marks bylines and interview questions', async () => {
    const byline = '11:12 08.02.2021 • Yuri Menshikov , editor';
    assert.equal(await scopeOf(doc, byline, '08.02.2021'), 'constant.numeric.date.corpus-document');
    assert.equal(await scopeOf(doc, byline, 'Yuri Menshikov , editor'), 'entity.name.person.corpus-document');
    const question = '- What is the role of interparliamentary cooperation in CSTO activities?';
    assert.equal(await scopeOf(doc, question, question), 'markup.heading.question.corpus-document');
  });

  it('leaves an ordinary sentence plain', async () => {
    assert.deepEqual(await tokens(doc, 'The situation is gradually stabilizing.'), [['The situation is gradually stabilizing.', 'text.corpus-document']]);
  });
});

describe('the code-name injection into Markdown notes', () => {
  it('colours a quoted code name with a year', async () => {
    const line = 'the “Indestructible Brotherhood-2024” drills';
    assert.equal(await scopeOf(md, line, 'Indestructible Brotherhood'), 'entity.name.tag.codename.corpus-lens');
    assert.equal(await scopeOf(md, line, '2024'), 'constant.numeric.year.corpus-lens');
  });

  it('leaves a quoted sentence without a year alone', async () => {
    const line = 'he said “we will not leave our ally”';
    assert.deepEqual(await tokens(md, line), [[line, 'text.html.markdown']]);
  });
});
