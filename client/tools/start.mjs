// `npm start`: opens VS Code with Corpus Lens in development mode on the bundled corpus. Where no
// `code` command exists, builds the .vsix instead and says how to install it.
// (esbuild.mjs has already built dist/ when this runs.)

import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const corpus = join(repo, 'corpus');
const editors = ['code', 'code-insiders', 'codium'];

function which(command) {
  const probe = spawnSync(process.platform === 'win32' ? 'where' : 'which', [command], { encoding: 'utf8' });
  return probe.status === 0 ? probe.stdout.split(/\r?\n/)[0].trim() : undefined;
}

const editor = editors.map(which).find(Boolean);
if (editor) {
  console.log(`Opening ${corpus} in VS Code with Corpus Lens in development mode (${editor}).`);
  const child = spawn(editor, ['--new-window', `--extensionDevelopmentPath=${repo}`, corpus], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  const { version } = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
  const vsix = `corpus-lens-${version}.vsix`;
  console.log('No `code` command on PATH: building the extension package instead.');
  const vsce = join(repo, 'node_modules', '.bin', process.platform === 'win32' ? 'vsce.cmd' : 'vsce');
  const build = spawnSync(vsce, ['package', '--no-dependencies', '--no-rewrite-relative-links', '--out', vsix], { cwd: repo, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  console.log(`
Built ${join(repo, vsix)}.
Install it in VS Code with either of:
  code --install-extension ${join(repo, vsix)}
  Extensions view > ... (Views and More Actions) > Install from VSIX...
Then open the folder ${corpus} (or any folder with a corpus/ of its own) and look for
"Corpus Lens" in the activity bar. Open a Markdown note and hover a name such as "Hired guns".`);
}
