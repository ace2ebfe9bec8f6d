// The colour the editor gives a kind's names, worked out the way VS Code styles a semantic token:
// the semantic rules (the theme's semanticTokenColors, then editor.semanticTokenColorCustomizations)
// by token type or its super type, else the TextMate rules (the theme's tokenColors, then
// editor.tokenColorCustomizations) that best match the scope the extension maps the type to.
// The Chronology draws each kind's lane and marks in that colour, so a name and its marks agree.
// No vscode import: the theme files and settings are passed in, and this is unit-tested as it is.

export interface TextMateRule {
  scope?: string | string[];
  settings?: { foreground?: string };
}

/** A semantic rule's value: a colour, or a style with a foreground. */
export type SemanticStyle = string | { foreground?: string };

/** One theme file's token colours (an included file comes before the file that includes it). */
export interface ThemeLayer {
  tokenColors?: TextMateRule[] | string | undefined;
  semanticTokenColors?: Record<string, SemanticStyle> | undefined;
}

/** editor.tokenColorCustomizations and editor.semanticTokenColorCustomizations, as read. */
export interface TokenCustomizations {
  textmate?: Record<string, unknown> | undefined;
  semantic?: Record<string, unknown> | undefined;
}

export interface TokenTypeStyle {
  /** The semantic token type, e.g. corpusBody. */
  type: string;
  /** Its super type, e.g. type. */
  superType?: string | undefined;
  /** The TextMate scopes package.json maps it to, best first. */
  scopes: string[];
}

// The shorthand keys of editor.tokenColorCustomizations and the scopes VS Code styles with each.
const SHORTHAND_SCOPES: Record<string, string[]> = {
  comments: ['comment', 'punctuation.definition.comment'],
  strings: ['string', 'meta.embedded.assembly'],
  keywords: ['keyword - keyword.operator', 'keyword.control', 'storage', 'storage.type'],
  numbers: ['constant.numeric'],
  types: ['entity.name.type', 'entity.name.class', 'support.type', 'support.class'],
  functions: ['entity.name.function', 'support.function'],
  variables: ['variable', 'entity.name.variable'],
};

const HEX = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;

function colourOf(style: unknown): string | undefined {
  if (typeof style === 'string') return HEX.test(style) ? style : undefined;
  if (style && typeof style === 'object') {
    const foreground = (style as { foreground?: unknown }).foreground;
    return typeof foreground === 'string' && HEX.test(foreground) ? foreground : undefined;
  }
  return undefined;
}

/** The settings object for the theme, then its "[Theme Name]" section (which wins). */
function sectionsFor(setting: Record<string, unknown> | undefined, themeName: string): Record<string, unknown>[] {
  if (!setting || typeof setting !== 'object') return [];
  const sections = [setting];
  for (const [key, value] of Object.entries(setting)) {
    if (!key.startsWith('[') || !value || typeof value !== 'object') continue;
    const names = key.slice(1, -1).split('][').map((n) => n.trim());
    if (names.some((name) => matchesThemeName(name, themeName))) sections.push(value as Record<string, unknown>);
  }
  return sections;
}

function matchesThemeName(pattern: string, themeName: string): boolean {
  if (!pattern.includes('*')) return pattern === themeName;
  const regex = new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return regex.test(themeName);
}

/** How well a semantic selector names the type: 2 for the type, 1 for its super type, 0 for "*"; undefined when it does not. */
function semanticScore(selector: string, style: TokenTypeStyle): number | undefined {
  // Rules that ask for a modifier or a language do not apply to a kind's plain colour.
  if (selector.includes('.') || selector.includes(':')) return undefined;
  if (selector === style.type) return 2;
  if (style.superType && selector === style.superType) return 1;
  if (selector === '*') return 0;
  return undefined;
}

/** How well a TextMate selector matches a lone scope: its length in segments, undefined when it does not match. */
function scopeScore(selector: string, scope: string): number | undefined {
  const s = selector.trim();
  // Selectors that need a parent scope or exclude one cannot match a token that has none.
  if (!s || /[\s,()|&]/.test(s) || s.startsWith('-')) return undefined;
  if (scope === s || scope.startsWith(`${s}.`)) return s.split('.').length;
  return undefined;
}

function rulesOf(layer: TextMateRule[] | string | undefined): TextMateRule[] {
  return Array.isArray(layer) ? layer : [];
}

function textmateColour(rules: TextMateRule[], scope: string): string | undefined {
  let best: { score: number; colour: string } | undefined;
  for (const rule of rules) {
    const colour = colourOf(rule.settings?.foreground);
    if (!colour || rule.scope === undefined) continue;
    const selectors = (Array.isArray(rule.scope) ? rule.scope : rule.scope.split(',')).map((s) => s.trim());
    for (const selector of selectors) {
      const score = scopeScore(selector, scope);
      // The later of two equally specific rules wins, as in the editor.
      if (score !== undefined && (!best || score >= best.score)) best = { score, colour };
    }
  }
  return best?.colour;
}

/**
 * The foreground the editor gives a token of this type in the theme, or undefined where the
 * theme gives it none (it then has the editor's foreground, which the caller knows).
 */
export function tokenColour(style: TokenTypeStyle, theme: ThemeLayer[], themeName: string, customizations: TokenCustomizations = {}): string | undefined {
  // Semantic rules: the theme's, then the settings' (general, then for this theme); the best match wins, later on a tie.
  let semantic: { score: number; colour: string } | undefined;
  const semanticLayers: Record<string, unknown>[] = theme.map((layer) => layer.semanticTokenColors ?? {});
  for (const section of sectionsFor(customizations.semantic, themeName)) {
    if (section.enabled === false) continue;
    const rules = section.rules;
    if (rules && typeof rules === 'object') semanticLayers.push(rules as Record<string, unknown>);
  }
  for (const layer of semanticLayers) {
    for (const [selector, value] of Object.entries(layer)) {
      const score = semanticScore(selector, style);
      const colour = colourOf(value);
      if (score !== undefined && colour && (!semantic || score >= semantic.score)) semantic = { score, colour };
    }
  }
  if (semantic) return semantic.colour;

  // TextMate rules: the theme's in order, then the settings' rules and shorthands, which come after and so win ties.
  const rules: TextMateRule[] = theme.flatMap((layer) => rulesOf(layer.tokenColors));
  for (const section of sectionsFor(customizations.textmate, themeName)) {
    for (const [key, value] of Object.entries(section)) {
      const shorthand = SHORTHAND_SCOPES[key];
      const colour = colourOf(value);
      if (shorthand && colour) rules.push({ scope: shorthand, settings: { foreground: colour } });
    }
    if (Array.isArray(section.textMateRules)) rules.push(...(section.textMateRules as TextMateRule[]));
  }
  for (const scope of style.scopes) {
    const colour = textmateColour(rules, scope);
    if (colour) return colour;
  }
  return undefined;
}
