// Preview safety in headless Chromium: a corpus of XSS payloads put in every
// piece of user text the preview shows (task, workstream, milestone and person
// names, risk title, description, mitigation and contingency, the program
// name), written as a program file and rendered on every tab, both in the page
// VS Code shows (same HTML builder and CSP) and in the CLI's standalone HTML
// export (`program-as-code export --format html`, dist/cli.js). Nothing may run
// (no dialog, no `window.__pwned`, no inline handler or script element made
// from user text), no request may leave the page, and the text must show as
// text. The Status tab gets the same payloads in budget lines, stakeholders,
// KPIs and change requests. Also: the CSPs, and malformed messages to the webview.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { previewCsp, previewHtml } from '../../client/src/preview/preview-html.js';
import type { ViewModel } from '../../server/src/view/view-model.js';
import type { Opened } from './harness.js';
import { launch, NONCE, open, openWebview, post, vmOfFile } from './harness.js';
import { analyzeProgram } from '../../server/src/program/analyze.js';
import { openPrograms } from '../../server/src/cli/programs.js';
import { statusViewFor } from '../../server/src/view/status-build.js';
import type { StatusView } from '../../server/src/view/status-types.js';

const CLI = resolve('dist/cli.js');
const TABS = ['gantt', 'graph', 'risks', 'milestones', 'resources', 'forecast'] as const;
const EVIL = 'http://evil.test';
const tpl = (body: string) => `$${'{'}${body}}`; // a template-literal placeholder, spelled so lint sees no template

/** Each payload, if it ever ran, would set `window.__pwned` (or open a dialog, or fetch from evil.test). */
export const PAYLOADS: readonly string[] = [
  // Classic HTML
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=2">',
  '<svg onload="window.__pwned=3">',
  '<svg><script>window.__pwned=4</script></svg>',
  '<body onload="window.__pwned=5">',
  '<input autofocus onfocus="window.__pwned=6">',
  '<details open ontoggle="window.__pwned=7">',
  '<video><source onerror="window.__pwned=8"></video>',
  '<iframe src="javascript:parent.__pwned=9"></iframe>',
  '<iframe srcdoc="<script>parent.__pwned=10</script>"></iframe>',
  '<object data="javascript:parent.__pwned=11"></object>',
  '<embed src="data:text/html,<script>parent.__pwned=12</script>">',
  '<svg><animate onbegin="window.__pwned=13" attributeName=x dur=1s>',
  '<svg><a href="javascript:window.__pwned=14"><text x=20 y=20>XSS</text></a></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__pwned=15>',
  '<noscript><p title="</noscript><img src=x onerror=window.__pwned=16>">',
  '<xmp><img src=x onerror=window.__pwned=17></xmp>',
  '<marquee onstart="alert(18)">x</marquee>',
  // javascript: and data: URLs
  'javascript:window.__pwned=19',
  'JaVaScRiPt:alert(20)',
  '<a href="javascript:window.__pwned=21">click me</a>',
  'data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0yMjwvc2NyaXB0Pg==',
  // Breaking out of script, style, title and attribute contexts
  '</script><script>window.__pwned=23</script>',
  '</SCRIPT ><script>window.__pwned=24</script>',
  '</style><script>window.__pwned=25</script>',
  '</title><script>window.__pwned=26</script>',
  '</textarea><script>window.__pwned=27</script>',
  '"><img src=x onerror=window.__pwned=28>',
  "'><img src=x onerror=window.__pwned=29>",
  '" onmouseover="window.__pwned=30" x="',
  "' onfocus='window.__pwned=31' autofocus='",
  '<!--<img src="--><img src=x onerror=window.__pwned=32>-->',
  '<!--',
  '--><script>window.__pwned=34</script>',
  '<![CDATA[<script>window.__pwned=35</script>]]>',
  // CSS injection and requests
  `<style>body{background:url(${EVIL}/36)}</style>`,
  `<div style="background-image:url(${EVIL}/37)">x</div>`,
  `<link rel=stylesheet href=${EVIL}/38.css>`,
  `<img src="${EVIL}/39.png">`,
  `<meta http-equiv="refresh" content="0;url=${EVIL}/40">`,
  `<base href="${EVIL}/41/">`,
  `@import url(${EVIL}/42.css);`,
  'expression(window.__pwned=43)',
  // Template and JavaScript string contexts
  tpl('window.__pwned=44'),
  '`;window.__pwned=45;`',
  "{{constructor.constructor('window.__pwned=46')()}}",
  '";window.__pwned=47;//',
  "'-alert(48)-'",
  // Mermaid: directives, click, classDef, class shorthand, breaking out of a label or node
  'x"]\n  click n0 call alert(49)\n  n99["',
  '%%{init: {"securityLevel":"loose"}}%%\nclick n0 href "javascript:window.__pwned=50"',
  "%%{init: {'securityLevel':'loose', 'flowchart': {'htmlLabels': true}}}%%<img src=x onerror=window.__pwned=51>",
  `%%{init: {'themeCSS': 'svg{background:url(${EVIL}/52)}'}}%%`,
  `x"]\n  classDef evil fill:#f00,stroke:url(${EVIL}/53)\n  class n0 evil\n  n98["`,
  'n0:::evil',
  'x"] --> B[<img src=x onerror=window.__pwned=55>]',
  `]) ; style n0 fill:url(${EVIL}/56)`,
  'subgraph "<img src=x onerror=window.__pwned=57>"\nend',
  '#lt;img src=x onerror=window.__pwned=58#gt;',
  // Unicode tricks
  '\u2028window.__pwned=59\u2029<script>window.__pwned=59</script>',
  '\u202e<svg onload=window.__pwned=60>',
  '＜script＞window.__pwned=61＜/script＞',
  '\\u003cscript\\u003ewindow.__pwned=62\\u003c/script\\u003e',
  '<\u0000script>window.__pwned=63</script>',
  '😀<img src=x onerror=window.__pwned=64>日本語',
  '\ufeff<scr\u200bipt>window.__pwned=65</script>',
  // Entities and Markdown
  '&lt;img src=x onerror=window.__pwned=66&gt;',
  '&#60;script&#62;window.__pwned=67&#60;/script&#62;',
  '[click](javascript:window.__pwned=68)',
  `![x](${EVIL}/69.png)`,
  `<${EVIL}/70>`,
  '[a]: javascript:window.__pwned=71',
];

/** A program that puts payload i in every text field of task i, workstream i, milestone i, risk i and person i. */
function hostileProgram(): string {
  const q = (s: string) => JSON.stringify(s); // a JSON string is a YAML double-quoted scalar
  const out = [
    'version: 1',
    'program:',
    '  id: xss',
    `  name: ${q('</title><script>window.__pwned=1000</script><img src=x onerror=window.__pwned=1001>')}`,
    '  start: 2026-03-02',
    '  status_date: 2026-03-09',
    'people:',
  ];
  PAYLOADS.forEach((p, i) => out.push(`  - id: p${i}`, `    name: ${q(p)}`));
  out.push('workstreams:');
  PAYLOADS.forEach((p, i) => out.push(
    `  - id: ws${i}`, `    name: ${q(p)}`, `    owner: p${i}`, '    tasks:',
    `      - id: t${i}`, `        name: ${q(p)}`, '        duration: 2d', `        assignees: [p${i}]`,
    // Estimates and schedule impacts: the exported page's Forecast tab names tasks and risks too.
    '        estimate: { optimistic: 1d, likely: 2d, pessimistic: 4d }',
    ...(i > 0 ? [`        depends_on: [t${i - 1}]`] : []),
  ));
  out.push('milestones:');
  PAYLOADS.forEach((p, i) => out.push(`  - id: m${i}`, `    name: ${q(p)}`, `    depends_on: [t${i}]`, `    owner: p${i}`, '    target: 2026-04-01'));
  out.push('risks:');
  PAYLOADS.forEach((p, i) => out.push(
    `  - id: R${i}`, `    title: ${q(p)}`, `    description: ${q(p)}`, `    probability: ${1 + (i % 5)}`, `    impact: ${1 + ((i * 3) % 5)}`,
    `    owner: p${i}`, `    mitigation: ${q(p)}`, `    contingency: ${q(p)}`, `    affects: [t${i}]`, '    schedule_impact: 2d',
  ));
  // The Status tab's sections: budget lines, stakeholders with RACI, KPIs and change requests.
  out.push('budget:', `  currency: ${q(PAYLOADS[0]!)}`, '  lines:');
  PAYLOADS.forEach((p, i) => out.push(`    - { id: b${i}, name: ${q(p)}, category: ${q(p)}, planned: 100, actual: ${i % 2 ? 150 : 50}, workstream: ws${i} }`));
  out.push('stakeholders:');
  PAYLOADS.forEach((p, i) => out.push(`  - { id: s${i}, name: ${q(p)}, role: ${q(p)}, influence: high, interest: low, raci: { m${i}: A, t${i}: R } }`));
  out.push('kpis:');
  PAYLOADS.forEach((p, i) => out.push(`  - { id: k${i}, name: ${q(p)}, unit: ${q(p)}, target: 10, current: 12, direction: up }`));
  out.push('changes:');
  PAYLOADS.forEach((p, i) => out.push(`  - { id: CR${i}, title: ${q(p)}, status: ${i % 2 ? 'proposed' : 'rejected'}, requested_by: s${i}, cost_impact: 10, affects: [t${i}] }`));
  return `${out.join('\n')}\n`;
}

/** Text as the eye reads it: no whitespace or invisible characters, so wrapping and escaping do not matter. */
function visible(s: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is dropped
  return s.replace(/[\s\u0000-\u001f\u200b\u200e\u200f\u202a-\u202e\ufeff\ufffd]/g, '');
}

let browser: Browser;
let dir: string;
let file: string;
let vm: ViewModel;
let status: StatusView;

before(async () => {
  browser = await launch();
  dir = mkdtempSync(join(tmpdir(), 'pac-xss-'));
  file = join(dir, 'xss.program.yaml');
  writeFileSync(file, hostileProgram());
  vm = vmOfFile('xss.program.yaml', dir);
  const opened = openPrograms([file], dir);
  assert.ok(opened.ok && opened.models[0]);
  status = statusViewFor(analyzeProgram(opened.models[0]));
});
after(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What a page must never show: a payload having run or reached the network. */
async function assertNothingRan(o: Opened, where: string): Promise<void> {
  const { page } = o;
  const pwned = await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
  assert.equal(pwned, undefined, `${where}: a payload ran`);
  assert.deepEqual(o.dialogs, [], `${where}: dialogs`);
  assert.deepEqual(o.leaks, [], `${where}: requests that left the page`);
  assert.deepEqual(o.errors, [], `${where}: console errors`);
  // Nothing in the DOM that could run: event-handler attributes, javascript: links, frames, extra scripts.
  const active = await page.evaluate(() => {
    const found: string[] = [];
    for (const el of Array.from(document.querySelectorAll('*'))) {
      const tag = el.tagName.toLowerCase();
      if (['iframe', 'object', 'embed', 'base', 'meta', 'link', 'img', 'video', 'audio', 'source', 'foreignobject', 'animate', 'set'].includes(tag) && !el.closest('head')) found.push(`<${tag}>`);
      if (tag === 'script' && !el.hasAttribute('nonce') && el.getAttribute('type') !== 'application/json' && !el.closest('head')) {
        // The standalone page's own scripts are inline and allowed by hash: they are the last body children.
        if (el.parentElement !== document.body) found.push('<script> inside content');
      }
      for (const a of Array.from(el.attributes)) {
        if (/^on/i.test(a.name)) found.push(`${tag}[${a.name}]`);
        if (/^\s*(javascript|data:text\/html)/i.test(a.value) && /href|src|action|data/i.test(a.name)) found.push(`${tag}[${a.name}=${a.value.slice(0, 40)}]`);
        if (/evil\.test/.test(a.value) && a.name !== 'data-id' && !/^(aria-label|title)$/.test(a.name)) found.push(`${tag}[${a.name}=${a.value.slice(0, 60)}]`);
      }
    }
    return found;
  });
  assert.deepEqual(active, [], `${where}: active elements or attributes made from user text`);
  const scripts = (await o.violations()).filter((v) => /^script/.test(v));
  assert.deepEqual(scripts, [], `${where}: the CSP had to block a script (user text became markup)`);
}

/** Every payload shows as text somewhere on the tab. */
async function assertVisibleAsText(page: Page, tab: string, where: string): Promise<void> {
  if (tab === 'forecast') {
    // The tornado shows the top drivers only (none until a forecast is there): each name shown is a payload, as text.
    const names = await page.$$eval('.fc-driver-name', (els) => els.map((e) => e.textContent ?? ''));
    const known = new Set(PAYLOADS.map(visible));
    assert.deepEqual(names.filter((n) => !known.has(visible(n))), [], `${where}: driver names shown as text`);
    if (where.startsWith('export')) assert.ok(names.length >= 10, `${where}: the exported page's tornado names its drivers (${names.length})`);
    return;
  }
  const text = visible(await page.evaluate((t) => document.querySelector(`[data-panel="${t}"]`)?.textContent ?? '', tab));
  // The Gantt's labels are cut at 40 characters and the graph's at 48; the tables show the whole text.
  const missing = PAYLOADS.map((p, i) => [i, visible(tab === 'graph' || tab === 'gantt' ? p.slice(0, 30) : p)] as const)
    .filter(([, p]) => p.length > 0 && !text.includes(p));
  assert.deepEqual(missing.map(([i]) => `#${i} ${JSON.stringify(PAYLOADS[i])}`), [], `${where}: payloads not shown as text`);
}

async function showTab(page: Page, tab: string): Promise<void> {
  await page.click(`button.tab[data-tab="${tab}"]`);
  await page.waitForFunction((t) => document.body.dataset.rendered === t, tab, { timeout: 60_000, polling: 100 });
}

async function exerciseTabs(o: Opened, where: string): Promise<void> {
  const { page } = o;
  // Polling by interval: requestAnimationFrame polling stalls on this very tall page.
  await page.waitForFunction(() => document.body.dataset.rendered === 'gantt', undefined, { timeout: 30_000, polling: 100 });
  for (const tab of TABS) {
    if (tab !== 'gantt') await showTab(page, tab);
    await assertVisibleAsText(page, tab, `${where}, ${tab}`);
    // Hover and click a few items, as a person would: handlers must not turn text into markup.
    for (const sel of ['[data-id]', '[data-item-id]', 'a[data-reveal]', 'tr']) {
      const els = await page.$$(`[data-panel="${tab}"] ${sel}`);
      for (const el of els.slice(0, 5)) await el.hover({ timeout: 2000 }).catch(() => undefined);
    }
    await assertNothingRan(o, `${where}, ${tab}`);
  }
  // The Status tab: in VS Code the panel answers its request with the report; the export carries it.
  await page.click('button.tab[data-tab="status"]');
  if (where === 'webview') {
    await page.waitForFunction(() => (window as unknown as { __posted: { type: string }[] }).__posted.some((m) => m.type === 'statusRequest'), undefined, { polling: 100 });
    await post(page, { type: 'status', status, forecastRunning: false });
  }
  await page.waitForFunction(() => document.body.dataset.rendered === 'status', undefined, { timeout: 60_000, polling: 100 });
  await assertVisibleAsText(page, 'status', `${where}, status`);
  for (const sel of ['a[data-reveal]', 'tr']) {
    const els = await page.$$(`[data-panel="status"] ${sel}`);
    for (const el of els.slice(0, 5)) await el.hover({ timeout: 2000 }).catch(() => undefined);
  }
  await assertNothingRan(o, `${where}, status`);
}

void describe('preview safety: XSS corpus', () => {
  void it(`has at least 50 payloads (${PAYLOADS.length})`, () => {
    assert.ok(PAYLOADS.length >= 50);
    // They really are in the view model, unchanged, in every field.
    assert.equal(vm.tasks.length, PAYLOADS.length);
    PAYLOADS.forEach((p, i) => {
      assert.equal(vm.tasks[i]!.name, p);
      assert.equal(vm.workstreams[i]!.name, p);
      assert.equal(vm.milestones[i]!.name, p);
      assert.equal(vm.milestones[i]!.ownerName, p);
      const r = vm.risks[i]!;
      assert.deepEqual([r.title, r.description, r.mitigation, r.contingency, r.ownerName], [p, p, p, p, p]);
    });
  });

  void it('runs nothing in the VS Code webview page, on any tab', { timeout: 300_000 }, async () => {
    const o = await openWebview(browser, vm, 'light', { width: 1600, height: 6000 });
    await exerciseTabs(o, 'webview');
    // The graph's other views label nodes with workstream names and a focus item.
    await o.page.click('button.tab[data-tab="graph"]'); // drawn already: shown again, not redrawn
    await o.page.selectOption('select.graph-mode', 'workstreams');
    await o.page.waitForFunction(() => document.querySelectorAll('.graph-canvas g.node').length > 0, undefined, { polling: 100 });
    await assertNothingRan(o, 'webview, graph by workstream');
    await o.page.close();
  });

  void it('runs nothing in the standalone HTML export (the CLI), on any tab', { timeout: 300_000 }, async () => {
    const out = join(dir, 'xss.html');
    execFileSync(process.execPath, [CLI, 'export', file, '--format', 'html', '--out', out], { stdio: 'pipe' });
    const html = readFileSync(out, 'utf8');
    // The embedded JSON cannot end its script element: only ours close (the view model,
    // the forecast, the status report, the preview, and mermaid's deferred blocks).
    const deferred = (html.match(/<script type="text\/x-pac-deferred" class="pac-mermaid">/g) ?? []).length;
    assert.equal((html.match(/<\/script/gi) ?? []).length, 4 + deferred, 'script elements in the export (the view model, the forecast, the status report, the preview)');
    assert.doesNotMatch(html.slice(0, html.indexOf('<body')), /<script|<img/i, 'no markup from the program in <head>');
    assert.match(html, /<title>&lt;\/title&gt;&lt;script&gt;/, 'the program name is escaped in <title>');
    const o = await open(browser, html, 'light', { width: 1600, height: 6000 });
    await exerciseTabs(o, 'export');
    assert.equal(await o.page.title(), '</title><script>window.__pwned=1000</script><img src=x onerror=window.__pwned=1001>');
    await o.page.close();
  });
});

void describe('preview safety: content security policy', () => {
  /** A CSP as directive -> sources. */
  function parseCsp(csp: string): Map<string, string[]> {
    return new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([k, ...v]) => [k!, v]));
  }

  function assertStrict(csp: string, where: string, scriptSource: RegExp): void {
    const p = parseCsp(csp);
    assert.deepEqual(p.get('default-src'), ["'none'"], `${where}: default-src 'none'`);
    const scripts = p.get('script-src') ?? [];
    assert.ok(scripts.length > 0 && scripts.every((s) => scriptSource.test(s)), `${where}: script-src by nonce or hash only: ${scripts.join(' ')}`);
    assert.doesNotMatch(csp, /unsafe-eval|unsafe-hashes|strict-dynamic|\*|https?:(?!\/\/pac\.test)/, `${where}: nothing loose`);
    for (const d of ['connect-src', 'frame-src', 'object-src', 'child-src', 'worker-src', 'form-action']) assert.ok(!p.has(d), `${where}: ${d} falls back to 'none'`);
  }

  void it("the panel's HTML builder: default-src 'none', scripts by nonce only, no unsafe-eval", () => {
    const html = previewHtml({ cspSource: 'https://file+.vscode-resource.vscode-cdn.net', nonce: NONCE, scriptUri: 'https://x/preview.js', styleUri: 'https://x/preview.css', mermaidUri: 'https://x/mermaid.js', defaultZoom: 'week' });
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1]?.replace(/&#39;/g, "'") ?? '';
    assert.equal(csp, previewCsp('https://file+.vscode-resource.vscode-cdn.net', NONCE));
    assertStrict(csp.replace(/https:\/\/file\+\.vscode-resource\.vscode-cdn\.net/g, 'SRC'), 'panel', new RegExp(`^'nonce-${NONCE}'$`));
    // Every script element carries the nonce.
    const tags = html.match(/<script\b[^>]*>/g) ?? [];
    assert.ok(tags.length > 0 && tags.every((t) => t.includes(`nonce="${NONCE}"`)), tags.join(' '));
    // Hostile option values cannot break out of their attributes.
    const evil = previewHtml({ cspSource: 'x" onload="y', nonce: NONCE, scriptUri: '"><script>1</script>', styleUri: 's', mermaidUri: 'm', defaultZoom: '"><b>' });
    assert.equal((evil.match(/<script\b/g) ?? []).length, 1);
    assert.doesNotMatch(evil, /" onload=|"><b>/);
  });

  void it("the exported page: default-src 'none', scripts by hash only, no unsafe-eval, and the hashes match", () => {
    const out = join(dir, 'csp.html');
    execFileSync(process.execPath, [CLI, 'export', file, '--format', 'html', '--out', out], { stdio: 'pipe' });
    const html = readFileSync(out, 'utf8');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1]?.replace(/&#39;/g, "'").replace(/&quot;/g, '"') ?? '';
    assertStrict(csp, 'export', /^'sha256-[A-Za-z0-9+/]+=*'$/);
    // Exactly the inline scripts that execute are allowed: the preview, and mermaid's
    // deferred block, which the preview runs as an inline script on first use.
    const blocks = [...html.matchAll(/<script type="text\/x-pac-deferred" class="pac-mermaid">([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    assert.ok(blocks.length > 10, 'mermaid in small deferred blocks');
    const executable = [...[...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!), blocks.join('')];
    assert.equal(executable.length, 2, 'the preview and mermaid');
    const hashes = parseCsp(csp).get('script-src')!;
    assert.equal(executable.length, hashes.length);
    for (const code of executable) {
      const h = `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`;
      assert.ok(hashes.includes(h), 'an inline script without its hash');
    }
  });
});

void describe('preview safety: malformed messages to the webview', () => {
  void it('ignores each with a console warning, keeps drawing, and posts nothing back for them', { timeout: 60_000 }, async () => {
    const o = await openWebview(browser, vm);
    const { page } = o;
    await page.waitForFunction(() => document.body.dataset.rendered === 'gantt', undefined, { polling: 100 });
    const postedBefore = await page.evaluate(() => (window as unknown as { __posted: unknown[] }).__posted.length);
    const bad: unknown[] = [
      null, undefined, 42, 'update', [], [{ type: 'update' }], true,
      {}, { type: 42 }, { type: null }, { type: 'launchMissiles' }, { type: 'UPDATE' }, { type: '__proto__' }, { type: 'constructor' },
      { type: 'update' }, { type: 'update', viewModel: null }, { type: 'update', viewModel: 'vm' }, { type: 'update', viewModel: { tasks: 'x' } },
      { type: 'update', viewModel: { ...vm, tasks: null } }, { type: 'update', packed: 42 }, { type: 'update', packed: '{not json' },
      { type: 'showTab', tab: 'settings' }, { type: 'showTab' }, { type: 'showTab', tab: 'x'.repeat(5_000_000) },
      { type: 'highlight' }, { type: 'highlight', id: 7 }, { type: 'highlight', id: { toString: 'x' } },
      { type: 'exportRequest' }, { type: 'exportRequest', requestId: 1, what: 'pdf' }, { type: 'exportRequest', requestId: '1', what: 'gantt-svg' },
      { type: 'x'.repeat(1_000_000) },
    ];
    const warningsBefore = o.warnings.length;
    for (const m of bad) await post(page, m);
    // Messages arrive asynchronously; wait until every one was looked at.
    const deadline = Date.now() + 10_000;
    while (o.warnings.length - warningsBefore < bad.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const ignored = o.warnings.slice(warningsBefore).filter((w) => /ignored/i.test(w));
    assert.equal(ignored.length, bad.length, `one warning per malformed message: ${ignored.length} of ${bad.length}`);
    assert.deepEqual(o.errors, []);
    // Still drawing the last good view model, and still responsive to good messages.
    assert.equal(await page.$$eval('[data-panel="gantt"] g.bar', (g) => g.length > 0), true);
    await post(page, { type: 'showTab', tab: 'risks' });
    await page.waitForFunction(() => document.body.dataset.rendered === 'risks', undefined, { polling: 100 });
    const postedAfter = await page.evaluate(() => (window as unknown as { __posted: { type: string }[] }).__posted.slice(0));
    assert.deepEqual(postedAfter.slice(postedBefore).map((m) => m.type), ['rendered'], 'only the render of the good message was posted');
    await assertNothingRan(o, 'malformed messages');
    await page.close();
  });
});
