// The kinds' colours in the active colour theme, as the editor draws their names: read from the
// theme's own files (an installed extension's, read-only) and the token colour settings, worked
// out by tokenColours.ts, and told again when the theme or those settings change.

import * as vscode from 'vscode';
import { parse } from 'jsonc-parser';
import { ENTITY_KIND_ORDER, type EntityKindName } from '../../../server/src/shared/protocol';
import { tokenColour, type ThemeLayer, type TokenTypeStyle } from './tokenColours';

export type KindColours = Partial<Record<EntityKindName, string>>;

interface ThemeContribution {
  id?: string;
  label?: string;
  uiTheme?: string;
  path?: string;
}

const UI_THEME: Record<vscode.ColorThemeKind, string> = {
  [vscode.ColorThemeKind.Light]: 'vs',
  [vscode.ColorThemeKind.Dark]: 'vs-dark',
  [vscode.ColorThemeKind.HighContrast]: 'hc-black',
  [vscode.ColorThemeKind.HighContrastLight]: 'hc-light',
};

/** How deep a theme's "include" chain is followed (Dark Modern includes Dark+, which includes Dark). */
const MAX_INCLUDES = 8;

/** The token types and scopes this extension contributes, by kind (from its package.json). */
function kindStyles(extension: vscode.Extension<unknown>): Map<EntityKindName, TokenTypeStyle> {
  const contributes = (extension.packageJSON as { contributes?: Record<string, unknown> }).contributes ?? {};
  const types = (contributes.semanticTokenTypes as { id: string; superType?: string }[] | undefined) ?? [];
  const scopes = ((contributes.semanticTokenScopes as { scopes: Record<string, string[]> }[] | undefined) ?? [])[0]?.scopes ?? {};
  const styles = new Map<EntityKindName, TokenTypeStyle>();
  for (const kind of ENTITY_KIND_ORDER) {
    const id = `corpus${kind[0].toUpperCase()}${kind.slice(1)}`;
    const type = types.find((t) => t.id === id);
    if (type) styles.set(kind, { type: id, superType: type.superType, scopes: scopes[id] ?? [] });
  }
  return styles;
}

/** The name of the theme in use: the configured one, or the preferred one of the active kind when the window follows the system. */
function activeThemeNames(): string[] {
  const workbench = vscode.workspace.getConfiguration('workbench');
  const kind = vscode.window.activeColorTheme.kind;
  const preferred =
    kind === vscode.ColorThemeKind.HighContrast
      ? workbench.get<string>('preferredHighContrastColorTheme')
      : kind === vscode.ColorThemeKind.HighContrastLight
        ? workbench.get<string>('preferredHighContrastLightColorTheme')
        : kind === vscode.ColorThemeKind.Light
          ? workbench.get<string>('preferredLightColorTheme')
          : workbench.get<string>('preferredDarkColorTheme');
  return [workbench.get<string>('colorTheme'), preferred].filter((n): n is string => !!n);
}

function findTheme(names: string[]): { extension: vscode.Extension<unknown>; theme: ThemeContribution; name: string } | undefined {
  const wanted = UI_THEME[vscode.window.activeColorTheme.kind];
  for (const name of names) {
    for (const extension of vscode.extensions.all) {
      const themes = (extension.packageJSON as { contributes?: { themes?: ThemeContribution[] } }).contributes?.themes ?? [];
      const theme = themes.find((t) => (t.id ?? t.label) === name || t.label === name);
      // The configured theme is the one drawn unless the window follows the system into another kind.
      if (theme?.path && (!theme.uiTheme || theme.uiTheme === wanted)) return { extension, theme, name };
    }
  }
  return undefined;
}

async function readLayers(file: vscode.Uri, depth = 0): Promise<ThemeLayer[]> {
  const json = parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file))) as (ThemeLayer & { include?: unknown }) | undefined;
  if (!json || typeof json !== 'object') return [];
  const included = typeof json.include === 'string' && depth < MAX_INCLUDES ? await readLayers(vscode.Uri.joinPath(file, '..', json.include), depth + 1) : [];
  return [...included, { tokenColors: json.tokenColors, semanticTokenColors: json.semanticTokenColors }];
}

/** The colour of each kind's names in the active theme; empty (the view's own palette) when the theme cannot be read. */
export async function kindColours(extension: vscode.Extension<unknown>, log?: (message: string) => void): Promise<KindColours> {
  const found = findTheme(activeThemeNames());
  if (!found?.theme.path) return {};
  let layers: ThemeLayer[];
  try {
    layers = await readLayers(vscode.Uri.joinPath(found.extension.extensionUri, found.theme.path));
  } catch (error) {
    log?.(`The Chronology keeps its own colours: the theme ${found.name} could not be read (${error instanceof Error ? error.message : String(error)}).`);
    return {};
  }
  const editor = vscode.workspace.getConfiguration('editor');
  const customizations = {
    textmate: editor.get<Record<string, unknown>>('tokenColorCustomizations'),
    semantic: editor.get<Record<string, unknown>>('semanticTokenColorCustomizations'),
  };
  const colours: KindColours = {};
  for (const [kind, style] of kindStyles(extension)) {
    // A kind the theme gives no colour has the editor's foreground, in the editor and so in the view.
    colours[kind] = tokenColour(style, layers, found.name, customizations) ?? 'var(--vscode-editor-foreground)';
  }
  return colours;
}

/** Calls back when the theme or a token colour setting changes. */
export function onDidChangeKindColours(listener: () => void): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.window.onDidChangeActiveColorTheme(listener),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (['workbench.colorTheme', 'editor.tokenColorCustomizations', 'editor.semanticTokenColorCustomizations'].some((s) => event.affectsConfiguration(s))) listener();
    }),
  );
}
