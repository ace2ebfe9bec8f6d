// Runs the editor suite in a real VS Code downloaded by @vscode/test-electron:
//   npm run test:vscode
// It needs a network that can reach update.code.visualstudio.com (not this project's CI machine).

import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { NOTE_TEXT } from './suite/fixture';

async function main(): Promise<void> {
  const repo = resolve(__dirname, '..', '..', '..');
  const workspace = mkdtempSync(join(tmpdir(), 'corpus-lens-vscode-'));
  mkdirSync(join(workspace, 'corpus'));
  mkdirSync(join(workspace, 'notes'));
  for (const name of readdirSync(join(repo, 'corpus'))) {
    if (name.endsWith('.txt')) cpSync(join(repo, 'corpus', name), join(workspace, 'corpus', name));
  }
  writeFileSync(join(workspace, 'notes', 'analysis.md'), NOTE_TEXT);
  try {
    await runTests({
      extensionDevelopmentPath: repo,
      extensionTestsPath: join(__dirname, 'suite', 'index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
    });
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
