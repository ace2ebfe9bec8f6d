// One build script for both bundles (and the compiled tests).
//   node esbuild.mjs               development build of dist/extension.js and dist/server.js
//   node esbuild.mjs --production  minified build, as shipped in the .vsix
//   node esbuild.mjs --watch       rebuild both bundles on every change
//   node esbuild.mjs --tests       compile the tests, the editor suite and the eval script into out/test
import * as esbuild from 'esbuild';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');
const tests = args.has('--tests');

/**
 * `import states from 'corpus-lens:states'`: the UN member states of the world-countries package,
 * reduced at build time to what the server reads (about 40 kB instead of 1.4 MB): the short name,
 * the official long form, other English spellings and the adjective.
 * @type {import('esbuild').Plugin}
 */
const statesData = {
  name: 'states-data',
  setup(build) {
    build.onResolve({ filter: /^corpus-lens:states$/ }, () => ({ path: 'states', namespace: 'corpus-lens-data' }));
    build.onLoad({ filter: /.*/, namespace: 'corpus-lens-data' }, () => {
      const file = createRequire(import.meta.url).resolve('world-countries/countries.json');
      // English spellings only: one word ("Kirghizia"), or a long form in English ("Republic of
      // Korea"); native forms ("República Argentina") would be looked up at every such word.
      const english = (s) => /^[A-Za-z'’ .()-]+$/.test(s) && s.length > 3 && s !== s.toUpperCase() && (!/ /.test(s) || /\b(?:of|Republic|Kingdom|States|Union|Federation|Islands)\b/.test(s)) && /^\p{Lu}/u.test(s) && !/^(?:The|Most) /.test(s);
      const states = JSON.parse(readFileSync(file, 'utf8'))
        .filter((c) => c.unMember)
        .map((c) => ({
          code: c.cca3.toLowerCase(),
          name: c.name.common,
          // "Most Serene Republic of San Marino" would be looked up at every "most".
          official: c.name.official.replace(/^Most Serene /, ''),
          other: [...new Set(c.altSpellings.filter(english))].filter((n) => n !== c.name.common && n !== c.name.official),
          // Not "I-Kiribati", which every "I" would start.
          adjectives: adjectivesOf(c),
          initials: initialismsOf(c),
        }));
      return { contents: JSON.stringify(states), loader: 'json', watchFiles: [file] };
    });
  },
};

/**
 * A state's English adjectives: the data's demonym ("Iranian"), and for a "-stan" state the stem
 * the press writes ("Kazakh", "Tajik", "Uzbek", "Kyrgyz", "Afghan") where the data gives another
 * form ("Kazakhstani", "Tadzhik"); a stem under five letters ("Pak") is no adjective.
 */
function adjectivesOf(country) {
  const demonym = country.demonyms?.eng?.m ?? '';
  const stem = /^(\p{Lu}\p{Ll}{4,}?)i?stan$/u.exec(country.name.common)?.[1] ?? '';
  return [...new Set([demonym, stem])].filter((a) => /^\p{Lu}\p{Ll}/u.test(a));
}

/**
 * A state's initials as the press writes them ("UAE", "DPRK", "USA"): the data's spellings in
 * capitals of three to five letters that are the initials of its common or official name. Of the
 * two-letter ones, only "US" and "UK": the data's others are ISO codes that happen to be initials
 * and are words or other things in English text ("SA", "SS", "AR", "FR").
 */
function initialismsOf(country) {
  const initials = (name) => name.split(/[ -]+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
  const names = [initials(country.name.common), initials(country.name.official)];
  return country.altSpellings.filter((s) => (/^[A-Z]{3,5}$/.test(s) && names.includes(s)) || ((s === 'US' || s === 'UK') && names.includes(s)));
}

/** @type {import('esbuild').BuildOptions} */
const common = {
  plugins: [statesData],
  bundle: true,
  platform: 'node',
  // Not 'node20': esbuild then writes a regular expression with a Unicode property outside
  // brackets (/^\p{Lu}/u) as `new RegExp(...)`, made again at every call (five times the cost of
  // the literal, in loops of the analysis); ES2022 is what Node 20 runs, literals kept.
  target: 'es2022',
  format: 'cjs',
  // jsonc-parser's UMD entry hides its imports from the bundler; its ES module entry does not.
  mainFields: ['module', 'main'],
  sourcemap: true,
  sourcesContent: false,
  minify: production,
  logLevel: 'warning',
  define: { 'process.env.CORPUS_LENS_PRODUCTION': JSON.stringify(String(production)) },
};

const bundles = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js' },
  // The Chronology view's page runs in a webview: a browser script.
  { ...common, entryPoints: ['client/webview/timeline.ts'], outfile: 'dist/chronology.js', platform: 'browser', format: 'iife', target: 'es2022' },
];

function listFiles(dir, accept) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...listFiles(path, accept));
    else if (accept(path)) found.push(path);
  }
  return found;
}

async function buildTests() {
  rmSync('out/test', { recursive: true, force: true });
  const entryPoints = listFiles('test', (p) => p.endsWith('.test.ts') || /test[\\/](vscode|eval)[\\/].*\.ts$/.test(p) || /test[\\/]bench[\\/](bench|analysis)\.ts$/.test(p) || /test[\\/]stress[\\/](adversarial|soak|hostileNotes)\.ts$/.test(p));
  await esbuild.build({
    ...common,
    entryPoints,
    outdir: 'out/test',
    outbase: 'test',
    // The VS Code suite runs inside the editor, which provides these modules; the test tools
    // are loaded from node_modules as they are.
    external: ['vscode', 'mocha', '@vscode/test-electron', 'playwright-core'],
  });
}

if (tests) {
  await buildTests();
} else if (watch) {
  const contexts = await Promise.all(bundles.map((options) => esbuild.context(options)));
  await Promise.all(contexts.map((context) => context.watch()));
  console.log('[watch] watching client/ and server/ for changes');
} else {
  await Promise.all(bundles.map((options) => esbuild.build(options)));
}
