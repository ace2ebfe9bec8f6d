// `npm start`: prepares a workspace to try Corpus Lens in (workspace/, beside the repository's
// files: the bundled corpus under corpus/, a welcome note under notes/) and opens it in VS Code
// with the extension in development mode. Where no `code` command exists, builds the .vsix
// instead and says exactly how to install it and open the workspace. Nothing of the analyst's is
// ever overwritten: files that exist are kept as they are.
// (esbuild.mjs has already built dist/ when this runs.)

import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const workspace = join(repo, 'workspace');
const editors = ['code', 'code-insiders', 'codium'];

function which(command) {
  const probe = spawnSync(process.platform === 'win32' ? 'where' : 'which', [command], { encoding: 'utf8' });
  return probe.status === 0 ? probe.stdout.split(/\r?\n/)[0].trim() : undefined;
}

/** Copies a file unless the target exists (a note the analyst wrote in, a source they replaced). */
function copyMissing(from, to) {
  if (existsSync(to)) return false;
  copyFileSync(from, to);
  return true;
}

function prepareWorkspace() {
  mkdirSync(join(workspace, 'corpus'), { recursive: true });
  mkdirSync(join(workspace, 'notes'), { recursive: true });
  const sources = readdirSync(join(repo, 'corpus')).filter((name) => /\.(txt|md)$/.test(name));
  const copied = sources.filter((name) => copyMissing(join(repo, 'corpus', name), join(workspace, 'corpus', name))).length;
  const welcome = copyMissing(join(repo, 'client', 'media', 'welcome.md'), join(workspace, 'notes', 'welcome.md'));
  console.log(`Workspace ${workspace}: ${sources.length} sources in corpus/ (${copied} copied now), notes/welcome.md ${welcome ? 'written' : 'kept as you left it'}.`);
}

prepareWorkspace();
const welcomeNote = join(workspace, 'notes', 'welcome.md');
const editor = editors.map(which).find(Boolean);
if (editor) {
  console.log(`Opening it in VS Code with Corpus Lens in development mode (${editor}).`);
  const child = spawn(editor, ['--new-window', `--extensionDevelopmentPath=${repo}`, workspace, welcomeNote], { stdio: 'inherit' });
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
1. Install it in VS Code with either of:
     code --install-extension ${join(repo, vsix)}
     Extensions view > ... (Views and More Actions) > Install from VSIX...
2. Open the folder ${workspace} (File > Open Folder...): your sources are in corpus/, your notes in notes/.
3. Open notes/welcome.md and hover a coloured name; "Corpus Lens" in the activity bar lists the sources.
(Or, in VS Code: Help > Welcome > Walkthroughs > "Get Started with Corpus Lens".)`);
}
