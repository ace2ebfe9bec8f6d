// The Chronology draws a kind in the colour the editor gives its names: the token colour worked
// out from the theme's files and the analyst's token colour settings, as VS Code does.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tokenColour, type ThemeLayer } from '../../client/src/chronology/tokenColours';

const BODY = { type: 'corpusBody', superType: 'type', scopes: ['entity.name.type.class.corpus-lens'] };
const EXERCISE = { type: 'corpusExercise', superType: 'type', scopes: ['entity.name.tag.corpus-lens'] };

// A base theme and one that includes it, in the order the files are read (the included first).
const BASE: ThemeLayer = {
  tokenColors: [
    { scope: 'entity.name.tag', settings: { foreground: '#569cd6' } },
    { scope: ['entity', 'support'], settings: { foreground: '#111111' } },
    { scope: 'source.css entity.name.type', settings: { foreground: '#badbad' } },
  ],
  semanticTokenColors: { numberLiteral: '#b5cea8' },
};
const CHILD: ThemeLayer = {
  tokenColors: [{ scope: 'support.class, entity.name.type', settings: { foreground: '#4EC9B0' } }],
};

describe('the colour of a kind in the theme', () => {
  it('takes the most specific TextMate rule of the scope the type maps to, across included files', () => {
    assert.equal(tokenColour(BODY, [BASE, CHILD], 'Dark'), '#4EC9B0');
    assert.equal(tokenColour(EXERCISE, [BASE, CHILD], 'Dark'), '#569cd6');
  });

  it('ignores rules that need a parent scope, which a lone token never has', () => {
    assert.equal(tokenColour(BODY, [BASE], 'Dark'), '#111111');
  });

  it('lets a later rule of the same specificity win', () => {
    const later: ThemeLayer = { tokenColors: [{ scope: 'entity.name.tag', settings: { foreground: '#00ff00' } }] };
    assert.equal(tokenColour(EXERCISE, [BASE, later], 'Dark'), '#00ff00');
  });

  it('prefers a semantic rule for the type, then its super type, over any TextMate rule', () => {
    assert.equal(tokenColour(BODY, [BASE, CHILD, { semanticTokenColors: { type: '#aa0000' } }], 'Dark'), '#aa0000');
    assert.equal(tokenColour(BODY, [BASE, CHILD, { semanticTokenColors: { corpusBody: { foreground: '#bb0000' }, type: '#aa0000' } }], 'Dark'), '#bb0000');
    // A rule for a modifier or a language is not the kind's plain colour.
    assert.equal(tokenColour(BODY, [BASE, CHILD, { semanticTokenColors: { 'corpusBody.discovered': '#cc0000' } }], 'Dark'), '#4EC9B0');
  });

  it("applies the analyst's settings over the theme, and a section for this theme over the general one", () => {
    const textmate = { textMateRules: [{ scope: 'entity.name.type.class.corpus-lens', settings: { foreground: '#123456' } }] };
    assert.equal(tokenColour(BODY, [BASE, CHILD], 'Dark', { textmate }), '#123456');
    assert.equal(tokenColour(BODY, [BASE, CHILD], 'Dark', { textmate: { types: '#654321' } }), '#654321');
    const semantic = { rules: { corpusBody: '#0000aa' }, '[Dark]': { rules: { corpusBody: '#0000bb' } }, '[Light]': { rules: { corpusBody: '#0000cc' } } };
    assert.equal(tokenColour(BODY, [BASE, CHILD], 'Dark', { semantic }), '#0000bb');
    assert.equal(tokenColour(BODY, [BASE, CHILD], 'Dark Modern', { semantic: { '[Dark*]': { rules: { type: '#0000dd' } } } }), '#0000dd');
    assert.equal(tokenColour(BODY, [BASE, CHILD], 'Dark', { semantic: { enabled: false, rules: { corpusBody: '#0000aa' } } }), '#4EC9B0');
  });

  it('gives nothing where the theme colours no such scope, and skips what is not a colour', () => {
    const person = { type: 'corpusPerson', superType: 'variable', scopes: ['variable.parameter.corpus-lens'] };
    assert.equal(tokenColour(person, [BASE, CHILD], 'Dark'), undefined);
    assert.equal(tokenColour(person, [{ tokenColors: [{ scope: 'variable', settings: { foreground: 'red; x' } }] }], 'Dark'), undefined);
    assert.equal(tokenColour(person, [{ tokenColors: './theme.tmTheme' }], 'Dark'), undefined);
  });
});
