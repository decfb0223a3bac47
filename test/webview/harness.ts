// Headless Chromium (Debian's /usr/bin/chromium via playwright-core, never a
// downloaded browser) loading the built webview. Two ways in:
// - `openWebview`: the page VS Code would show (same HTML builder and CSP),
//   with a stub acquireVsCodeApi that records what the webview posts;
// - `openStandalone`: the CLI's self-contained HTML export.
// Every request is served from memory; anything else is recorded as a leak.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { previewHtml } from '../../client/src/preview/preview-html.js';
import { standaloneHtml } from '../../server/src/node/standalone-html.js';
import { analyzeProgram } from '../../server/src/program/analyze.js';
import { buildViewModel } from '../../server/src/view/build-view-model.js';
import { encodeViewModel } from '../../server/src/view/wire.js';
import type { ViewModel } from '../../server/src/view/view-model.js';
import { openPrograms } from '../../server/src/cli/programs.js';
import { programFromYaml } from '../helpers/program.js';
import { generateProgram } from '../../bench/generate.js';

export const ORIGIN = 'http://pac.test';
export const MEDIA = join(__dirname, '../../dist/media');
export const NONCE = 'testNonce0123456789abcdefABCDEF';

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export interface Opened {
  page: Page;
  /** Requests that went anywhere but our in-memory origin. */
  leaks: string[];
  dialogs: string[];
  errors: string[];
  warnings: string[];
  /** CSP violations the page reported (`securitypolicyviolation`): directive and blocked URI. */
  violations: () => Promise<string[]>;
}

export type Theme = 'light' | 'dark';

export async function open(browser: Browser, html: string, theme: Theme, size = { width: 1280, height: 800 }): Promise<Opened> {
  const page = await browser.newPage({ viewport: size, colorScheme: theme });
  const o: Opened = {
    page, leaks: [], dialogs: [], errors: [], warnings: [],
    violations: () => page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []),
  };
  // Runs before the page's own scripts and outside its CSP: records what the CSP blocked.
  await page.addInitScript(() => {
    const list: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = list;
    document.addEventListener('securitypolicyviolation', (e) => list.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sample}`));
  });
  page.on('dialog', (d) => { o.dialogs.push(d.message()); void d.dismiss(); });
  page.on('console', (m) => {
    if (m.type() === 'error') o.errors.push(m.text());
    if (m.type() === 'warning') o.warnings.push(m.text());
  });
  page.on('pageerror', (e) => o.errors.push(e.message));
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (url === `${ORIGIN}/index.html`) return route.fulfill({ contentType: 'text/html; charset=utf-8', body: html });
    if (url.startsWith(`${ORIGIN}/media/`)) {
      const name = url.slice(`${ORIGIN}/media/`.length);
      if (/^[\w.-]+$/.test(name)) {
        const type = name.endsWith('.css') ? 'text/css' : 'text/javascript';
        return route.fulfill({ contentType: type, body: readFileSync(join(MEDIA, name)) });
      }
    }
    o.leaks.push(url);
    return route.abort();
  });
  await page.goto(`${ORIGIN}/index.html`);
  return o;
}

/** The VS Code page, with a recording acquireVsCodeApi. */
export function webviewHtml(theme: Theme, state?: unknown): string {
  const html = previewHtml({
    cspSource: ORIGIN, nonce: NONCE, scriptUri: `${ORIGIN}/media/preview.js`, styleUri: `${ORIGIN}/media/preview.css`,
    mermaidUri: `${ORIGIN}/media/mermaid.js`, defaultZoom: 'week',
  });
  const stub = `<script nonce="${NONCE}">
window.__posted = []; window.__state = ${JSON.stringify(state ?? null)};
window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(m), getState: () => window.__state, setState: (s) => { window.__state = s; } });
</script>`;
  // VS Code sets the theme class and --vscode-* variables; the standalone fallbacks stand in for the variables.
  const bodyClass = theme === 'dark' ? 'pac-standalone vscode-dark' : 'pac-standalone vscode-light';
  return html.replace('<body ', `<body class="${bodyClass}" `).replace('<script nonce', `${stub}\n<script nonce`);
}

export async function openWebview(browser: Browser, vm: ViewModel | null, theme: Theme = 'light', size?: { width: number; height: number }): Promise<Opened> {
  const o = await open(browser, webviewHtml(theme), theme, size);
  // As the panel sends it: the server's wire form, as is.
  if (vm) await post(o.page, { type: 'update', viewModel: encodeViewModel(vm), documentUri: vm.uri });
  return o;
}

export function standaloneAssets(): { previewJs: string; previewCss: string; mermaidJs: string } {
  return {
    previewJs: readFileSync(join(MEDIA, 'preview.js'), 'utf8'),
    previewCss: readFileSync(join(MEDIA, 'preview.css'), 'utf8'),
    mermaidJs: readFileSync(join(MEDIA, 'mermaid.js'), 'utf8'),
  };
}

export async function openStandalone(browser: Browser, vm: ViewModel, theme: Theme = 'light'): Promise<Opened & { html: string }> {
  const html = standaloneHtml(vm, standaloneAssets());
  const o = await open(browser, html, theme);
  return { ...o, html };
}

export async function post(page: Page, message: unknown): Promise<void> {
  await page.evaluate((m) => window.postMessage(m, '*'), message);
}

export async function posted(page: Page): Promise<Record<string, unknown>[]> {
  return page.evaluate(() => (window as unknown as { __posted: Record<string, unknown>[] }).__posted);
}

export async function showTab(page: Page, tab: string): Promise<void> {
  await page.click(`button.tab[data-tab="${tab}"]`);
  await page.waitForFunction((t) => document.body.dataset.rendered === t, tab);
}

/** The view model of a program file on disk, as the server would send it. */
export function vmOfFile(file: string, cwd: string): ViewModel {
  const opened = openPrograms([file], cwd);
  if (!opened.ok || !opened.models[0]) throw new Error(`cannot open ${file}`);
  return buildViewModel(analyzeProgram(opened.models[0]));
}

export function generatedVm(tasks: number, seed = 1): ViewModel {
  const g = generateProgram({ tasks, seed });
  return buildViewModel(analyzeProgram(programFromYaml(g.root, g.fragments)));
}

/** Runs the built mermaid bundle in an opened webview page (window.pacMermaid), as the Dependencies tab loads it. */
export async function loadMermaidInto(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve, reject) => {
    const s = document.createElement('script');
    s.nonce = document.querySelector('script[nonce]')?.getAttribute('nonce') ?? '';
    s.src = document.body.dataset.mermaidSrc!;
    s.onload = () => resolve();
    s.onerror = () => reject(new Error('mermaid did not load'));
    document.head.append(s);
  }));
}
