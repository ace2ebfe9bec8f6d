// The layout the README draws, checked on the sources: no import cycle (type-only imports
// included, which the lint's import/no-cycle passes over), no file over 400 lines, handlers that
// only convert (no value from the core's rooms but the model and the text utilities, no other
// handler but the shared context and kinds), and a facade that is a table.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from './helpers';

const SERVER = join(REPO_ROOT, 'server', 'src');
const CLIENT = join(REPO_ROOT, 'client', 'src');

function sources(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

interface Import {
  target: string;
  typeOnly: boolean;
}

/** The project files a file imports (or re-exports from), and whether only types are taken. */
function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  const found: Import[] = [];
  for (const match of text.matchAll(/^(?:import|export)\s+(type\s+)?([^;]*?)\s*from\s+'(\.[^']+)'/gm)) {
    const target = resolveImport(file, match[3]);
    if (!target) continue;
    const names = match[2].replace(/^\{|\}$/g, '').split(',').map((n) => n.trim()).filter(Boolean);
    const typeOnly = !!match[1] || (names.length > 0 && names.every((n) => n.startsWith('type ')));
    found.push({ target, typeOnly });
  }
  return found;
}

function resolveImport(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec);
  return [`${base}.ts`, join(base, 'index.ts')].find((candidate) => existsSync(candidate));
}

const all = [...sources(SERVER), ...sources(CLIENT)];
const name = (file: string) => relative(REPO_ROOT, file);

describe('the layout of the sources', () => {
  it('has no import cycle, type-only imports included', () => {
    const graph = new Map(all.map((file) => [file, importsOf(file).map((i) => i.target)]));
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...path.slice(path.indexOf(file)), file].map(name).join(' -> '));
        return;
      }
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of all) visit(file, []);
    assert.deepEqual(cycles, []);
  });

  it('has no source file over 400 lines', () => {
    const long = all.map((file) => [name(file), readFileSync(file, 'utf8').split('\n').length] as const).filter(([, lines]) => lines > 400);
    assert.deepEqual(long, []);
  });

  it('keeps the handlers to converting: values only from the facade\'s model and text utilities, no other handler', () => {
    const features = join(SERVER, 'features');
    const wrong: string[] = [];
    for (const file of sources(features)) {
      for (const { target, typeOnly } of importsOf(file)) {
        const to = relative(SERVER, target).split('\\').join('/');
        if (to.startsWith('features/')) {
          if (!['features/context.ts', 'features/kinds.ts'].includes(to)) wrong.push(`${name(file)} imports ${to}`);
        } else if (to.startsWith('core/') && !typeOnly && to !== 'core/model.ts' && !to.startsWith('core/text/')) {
          wrong.push(`${name(file)} takes a value from ${to}`);
        } else if (to.startsWith('node/')) wrong.push(`${name(file)} reaches into ${to}`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  it('has a facade that is a table: at most 250 lines, no class, no cache', () => {
    const facade = readFileSync(join(SERVER, 'core', 'languageService.ts'), 'utf8');
    assert.ok(facade.split('\n').length <= 250, `${facade.split('\n').length} lines`);
    assert.doesNotMatch(facade, /\bclass\s|new (Map|Set|WeakMap)\b|\blet\s/);
    assert.match(facade, /return Object\.freeze\(service\);/);
  });

  it('keeps the core free of who hosts it, and the client to the shared protocol', () => {
    const wrong: string[] = [];
    for (const file of all) {
      for (const { target } of importsOf(file)) {
        const from = relative(REPO_ROOT, file).split('\\').join('/');
        const to = relative(REPO_ROOT, target).split('\\').join('/');
        if (from.startsWith('server/src/core/') && !to.startsWith('server/src/core/')) wrong.push(`${from} imports ${to}`);
        if (from.startsWith('client/') && to.startsWith('server/') && !to.startsWith('server/src/shared/')) wrong.push(`${from} imports ${to}`);
      }
    }
    assert.deepEqual(wrong, []);
  });
});
