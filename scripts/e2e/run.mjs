// `npm run test:e2e`: the in-extension-host mocha suite (test/e2e/) in a real
// VS Code, offline: code-server 4.100.3 (VS Code 1.100.3, cached under
// .cache/code-server) on a free 127.0.0.1 port, its workbench opened in
// Debian's headless chromium through playwright-core. The extension under test
// is the .vsix that `npm run package` makes, installed into that VS Code the
// way a user installs it (so a packaging break fails here); the workbench
// URL's `payload` carries extensionTestsPath and, because VS Code wants one,
// an empty extension as extensionDevelopmentPath. The workbench reports the
// suite's exit code through window.codeAutomationExit and its console through
// window.codeAutomationLog, through which the suite also asks for screenshots
// and for clicks inside the preview's webview (webview-steps.mjs).
//
// Env: PAC_E2E_TIMEOUT_MS (default 600000), CHROMIUM (default /usr/bin/chromium),
// PAC_E2E_KEEP=1 keeps the temp folder, PAC_E2E_FROM_SOURCE=1 loads the
// built repository as an extension development path instead of the .vsix
// (quicker while working on the suite), PAC_E2E_SKIP_BUILD=1 (with it) uses
// dist/ as it is.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { chromium } from 'playwright-core';
import { buildSuite } from './build-suite.mjs';
import { ensureCodeServer, freePort, installExtension, REPO_ROOT, startCodeServer, writeUserSettings } from './code-server.mjs';
import { answerWebviewRequest } from './webview-steps.mjs';
import { createRunDirs } from './workspace.mjs';

const started = Date.now();
const TIMEOUT_MS = Number(process.env.PAC_E2E_TIMEOUT_MS ?? 600_000);
const RESULTS = join(REPO_ROOT, 'test-results');
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
const say = (msg) => console.log(`[e2e +${elapsed()}] ${msg}`);

/** Extension-host chatter that says nothing about our extension. */
const NOISE = /Creating a socket|connection token|open-vsx\.org|Service Worker|ChatSession|builtin extensions|vsda|\[perf\]/;

const FROM_SOURCE = process.env.PAC_E2E_FROM_SOURCE === '1';

async function main() {
  mkdirSync(RESULTS, { recursive: true });
  const dirs = createRunDirs();
  const vsix = join(dirs.root, 'program-as-code.vsix');
  if (!FROM_SOURCE) {
    say('packaging the extension (npm run package)');
    const pack = spawnSync(process.execPath, ['scripts/package.mjs', '--out', vsix], { cwd: REPO_ROOT, stdio: 'inherit' });
    if (pack.status !== 0) throw new Error('npm run package failed');
  } else if (process.env.PAC_E2E_SKIP_BUILD !== '1') {
    say('building the extension');
    const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('build failed');
  }
  const suite = await buildSuite();

  const bin = ensureCodeServer();
  writeUserSettings(dirs.userData);
  if (!FROM_SOURCE) {
    installExtension(bin, { userDataDir: dirs.userData, extensionsDir: dirs.extensions, vsix });
    say(`installed the .vsix into ${dirs.extensions}`);
    // The suite checks that the extension it drives is this installed copy.
    process.env.PAC_E2E_INSTALLED_IN = dirs.extensions;
  }
  // VS Code runs extensionTestsPath only alongside an extensionDevelopmentPath.
  // Against the .vsix, that is an empty extension of our own, so the extension
  // under test is the installed one, loaded as a user's would be.
  const devPath = FROM_SOURCE ? REPO_ROOT : join(dirs.root, 'runner');
  if (!FROM_SOURCE) {
    mkdirSync(devPath, { recursive: true });
    writeFileSync(join(devPath, 'package.json'), JSON.stringify({
      name: 'pac-e2e-runner', publisher: 'pac-e2e', version: '0.0.0', engines: { vscode: '^1.100.0' },
    }));
  }
  const port = await freePort();
  // The extension host inherits code-server's environment: this is how the
  // suite finds the folder where we acknowledge its screenshot requests.
  process.env.PAC_E2E_SIGNAL_DIR = dirs.signals;
  const logFile = join(dirs.root, 'code-server.log');
  say(`starting code-server on 127.0.0.1:${port}`);
  const server = await startCodeServer(bin, {
    port, userDataDir: dirs.userData, extensionsDir: dirs.extensions, folder: dirs.workspace, logFile,
  });
  say('code-server is up');
  // Ctrl+C must not leave code-server (its own process group) running.
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      server.stop();
      if (process.env.PAC_E2E_KEEP !== '1') rmSync(dirs.root, { recursive: true, force: true });
      process.exit(130);
    });
  }

  let browser;
  let result = null;
  let exitCode = 1;
  const timer = setTimeout(() => {
    console.error(`[e2e] overall timeout after ${TIMEOUT_MS} ms`);
    server.stop();
    process.exit(2);
  }, TIMEOUT_MS);
  try {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--no-first-run', '--disable-quic'],
    });
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    let finish;
    const exited = new Promise((r) => { finish = r; });
    await page.exposeFunction('codeAutomationLog', async (type, args) => {
      // The host forwards console.* arguments unformatted (mocha logs '%s' templates).
      const text = format(...(Array.isArray(args) ? args : [args]));
      if (NOISE.test(text)) return;
      for (const line of text.split('\n')) {
        const shot = /^E2E_SCREENSHOT (\S+)/.exec(line);
        const res = /^E2E_RESULT (.*)$/.exec(line);
        const steps = /^E2E_WEBVIEW (\S+) (.*)$/.exec(line);
        if (res) result = res[1];
        // Not awaited: the steps wait on the webview, which waits on the extension host's messages.
        if (steps) void answerWebviewRequest(page, dirs.signals, steps[1], steps[2], say);
        if (shot) {
          const file = join(RESULTS, `${shot[1]}.png`);
          await page.screenshot({ path: file }).catch((e) => say(`screenshot failed: ${e}`));
          writeFileSync(join(dirs.signals, `${shot[1]}.done`), '');
          say(`screenshot saved: ${file}`);
        }
      }
      console.log(type === 'error' ? `[exthost error] ${text}` : text);
    });
    await page.exposeFunction('codeAutomationExit', (code) => finish(code));
    const authority = `127.0.0.1:${port}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', `vscode-remote://${authority}${devPath}`],
      ['extensionTestsPath', `vscode-remote://${authority}${suite}`],
    ]);
    const url = `${server.url}/?folder=${encodeURIComponent(dirs.workspace)}&payload=${encodeURIComponent(payload)}`;
    say('opening the workbench');
    await page.goto(url);
    const code = await exited;
    say(`suite finished with exit code ${code}`);
    exitCode = code === 0 ? 0 : 1;
    if (exitCode !== 0) await page.screenshot({ path: join(RESULTS, 'e2e-failure.png') }).catch(() => {});
  } finally {
    clearTimeout(timer);
    await browser?.close().catch(() => {});
    server.stop();
    if (existsSync(logFile)) cpSync(logFile, join(RESULTS, 'e2e-code-server.log'));
    if (process.env.PAC_E2E_KEEP !== '1') rmSync(dirs.root, { recursive: true, force: true });
    else say(`kept ${dirs.root}`);
  }
  say(`done in ${elapsed()}`);
  // The last line, in the shape test-result parsers look for.
  console.log(result ?? (exitCode === 0 ? '0 passed, 0 failed' : '0 passed, 1 failed (the suite did not report)'));
  return exitCode;
}

main().then((code) => process.exit(code), (e) => {
  console.error(`[e2e] ${e instanceof Error ? e.stack : e}`);
  console.log('0 passed, 1 failed (harness error)');
  process.exit(1);
});
