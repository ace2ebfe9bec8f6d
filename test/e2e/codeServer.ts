// A real VS Code for the end-to-end suite: code-server (installed and cached by setup.sh) with the
// packaged extension installed, driven by Debian's chromium through playwright-core.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach } from 'node:test';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { REPO_ROOT, removeWorkspace } from '../protocol/lspSession';

export interface EditorEnvironment {
  node: string;
  codeServer: string;
  chromium: string;
}

/** Runs setup.sh (which returns at once when everything is cached) and reads what it installed. */
export function prepareEditor(): EditorEnvironment {
  const setup = spawnSync('bash', [join(REPO_ROOT, 'test', 'e2e', 'setup.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (setup.status !== 0) throw new Error('test/e2e/setup.sh failed');
  const cache = setup.stdout.trim().split('\n').pop()!;
  const env = Object.fromEntries(
    readFileSync(join(cache, 'env.sh'), 'utf8')
      .split('\n')
      .filter((l) => l.includes('='))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1).replace(/^"|"$/g, '')]),
  );
  return { node: env.CORPUS_LENS_E2E_NODE, codeServer: env.CORPUS_LENS_E2E_CODE_SERVER, chromium: env.CORPUS_LENS_E2E_CHROMIUM };
}

const EDITOR_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'chat.disableAIFeatures': true,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'editor.minimap.enabled': false,
  'editor.hover.delay': 200,
  'window.restoreWindows': 'none',
};

export class CodeServer {
  private process: ChildProcess | undefined;
  private log = '';
  readonly home = mkdtempSync(join(tmpdir(), 'corpus-lens-e2e-'));
  port = 0;

  constructor(private readonly env: EditorEnvironment) {}

  private run(args: string[]): void {
    const result = spawnSync(this.env.node, [this.env.codeServer, ...this.dirs(), ...args], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`code-server ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  }

  private dirs(): string[] {
    return ['--user-data-dir', join(this.home, 'user-data'), '--extensions-dir', join(this.home, 'extensions')];
  }

  installExtension(vsix: string): void {
    mkdirSync(join(this.home, 'user-data', 'User'), { recursive: true });
    writeFileSync(join(this.home, 'user-data', 'User', 'settings.json'), JSON.stringify(EDITOR_SETTINGS, null, 2));
    this.run(['--install-extension', vsix]);
  }

  async start(folder: string): Promise<void> {
    this.port = await freePort();
    this.process = spawn(
      this.env.node,
      // CORPUS_LENS_E2E_LOG=trace keeps the LSP traffic in the logs (with corpusLens.trace.server set).
      [this.env.codeServer, '--auth', 'none', '--bind-addr', `127.0.0.1:${this.port}`, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', ...(process.env.CORPUS_LENS_E2E_LOG ? ['--log', process.env.CORPUS_LENS_E2E_LOG] : []), ...this.dirs(), folder],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.process.stdout!.on('data', (d: Buffer) => (this.log += d.toString()));
    this.process.stderr!.on('data', (d: Buffer) => (this.log += d.toString()));
    const deadline = Date.now() + 60000;
    while (Date.now() < deadline) {
      try {
        const response = await fetch(`http://127.0.0.1:${this.port}/healthz`);
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`code-server did not start:\n${this.log}`);
  }

  url(folder: string): string {
    return `http://127.0.0.1:${this.port}/?folder=${encodeURIComponent(folder)}`;
  }

  get output(): string {
    return this.log;
  }

  /** Stops code-server; its logs (the Corpus Lens output channel among them) are kept in `keepLogsIn` first. */
  stop(keepLogsIn?: string): void {
    this.process?.kill();
    if (keepLogsIn) {
      rmSync(keepLogsIn, { recursive: true, force: true });
      try {
        cpSync(join(this.home, 'user-data', 'logs'), keepLogsIn, { recursive: true });
      } catch {
        // No logs written: nothing to keep.
      }
    }
    rmSync(this.home, { recursive: true, force: true });
  }
}

export async function launchBrowser(env: EditorEnvironment): Promise<Browser> {
  return chromium.launch({
    executablePath: env.chromium,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * Opens the workbench and waits until it and the extension are up, and (unless `indexed` is false)
 * until the first index is complete.
 */
export async function openWorkbench(browser: Browser, url: string, indexed = true): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(url);
  await page.waitForSelector('.monaco-workbench', { timeout: 90000 });
  if (!indexed) {
    await page.locator('.statusbar-item', { hasText: 'Corpus Lens' }).first().waitFor({ timeout: 90000 });
    return page;
  }
  // The status bar item says "N docs · M entities" without "Corpus Lens:" once the first index,
  // notes included, is complete (while indexing, and from the server's start, it reads
  // "Corpus Lens: N docs · …").
  await page.waitForFunction(
    "[...document.querySelectorAll('.statusbar-item')].some((e) => /\\bdocs? \\u00b7/.test(e.textContent ?? '') && !(e.textContent ?? '').includes('Corpus Lens:'))",
    undefined,
    { timeout: 90000 },
  );
  return page;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * code-server with the packaged extension on `workspace`, a browser on it, and the Corpus Lens views
 * shown; with `indexed` false, without waiting for the first index to end.
 */
export async function openCorpusLens(workspace: string, vsix: string, indexed = true): Promise<{ server: CodeServer; browser: Browser; page: Page }> {
  const env = prepareEditor();
  const server = new CodeServer(env);
  server.installExtension(vsix);
  await server.start(workspace);
  const browser = await launchBrowser(env);
  const page = await openWorkbench(browser, server.url(workspace), indexed);
  await page.click('.activitybar [aria-label^="Corpus Lens"]');
  await page.waitForSelector('.pane-header[aria-label^="Documents"]');
  return { server, browser, page };
}

/** What a suite opened and must close. */
export interface EditorSession {
  server: CodeServer;
  browser: Browser;
  page: Page;
  workspace: string;
}

/**
 * What every suite does around its steps: the screen at the end of each step saved in
 * `results`/steps (for finding out why one failed), and at the end the browser closed, code-server
 * stopped with its logs (the Corpus Lens output among them) kept in `results`/logs, and the
 * workspace removed.
 */
export function recordSteps(results: string, opened: () => Partial<EditorSession>): void {
  let step = 0;
  afterEach(async () => {
    mkdirSync(join(results, 'steps'), { recursive: true });
    await opened().page?.screenshot({ path: join(results, 'steps', `${String(++step).padStart(2, '0')}.png`) }).catch(() => undefined);
  });
  after(async () => {
    const { browser, server, workspace } = opened();
    await browser?.close();
    server?.stop(join(results, 'logs'));
    if (workspace) removeWorkspace(workspace);
  });
}

/**
 * Ctrl+. where the cursor is, and the quick fix titled so in the menu. VS Code asks every provider
 * (Markdown's own among them) and shows the menu when all have answered; a change of the file's
 * markers or a move of the cursor makes it ask again on its own 250 ms later, and that request
 * replaces one of Ctrl+. still waiting for a provider, whose menu then never opens. The cursor is
 * let settle first; when no menu comes, Ctrl+. is pressed again, as a person would.
 */
export async function quickFixAtCursor(page: Page, title: string): Promise<Locator> {
  const mod = process.platform === 'darwin' ? 'Meta' : 'Control';
  const fix = page.locator('.action-widget .monaco-list-row', { hasText: title }).first();
  await page.waitForTimeout(600);
  for (let tries = 1; ; tries++) {
    await page.keyboard.press(`${mod}+.`);
    try {
      await fix.waitFor({ timeout: 5000 });
      return fix;
    } catch (error) {
      if (tries === 3) throw error;
      console.log(`Ctrl+. brought no menu with "${title}" within 5 s; pressed again.`);
      await page.keyboard.press('Escape');
    }
  }
}
