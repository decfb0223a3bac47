// The Status tab in headless Chromium, in the VS Code page (the report posted
// as the panel posts it) and in the exported page (the report it carries), at
// 560 px (a side panel) and 1,280 px, light and dark. The fixture's figures
// are computed by hand in test/fixtures/status/lumen.program.yaml's terms:
// design (done, 10,000) and build (50%, 20,000) give BAC 30,000, EV 20,000,
// PV 20,000 after ten working days; `eng` spent 25,000, so CPI 0.8 and EAC
// 37,500, 25% over budget: red. Screenshots go to test-results/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { analyzeProgram } from '../../server/src/program/analyze.js';
import { standaloneHtml } from '../../server/src/node/standalone-html.js';
import { ganttSvg } from '../../server/src/view/gantt-svg.js';
import { reportForecast } from '../../server/src/program/report/report-forecast.js';
import { buildViewModel } from '../../server/src/view/build-view-model.js';
import type { ViewModel } from '../../server/src/view/view-model.js';
import { encodeViewModel } from '../../server/src/view/wire.js';
import { openPrograms } from '../../server/src/cli/programs.js';
import { statusViewFor } from '../../server/src/view/status-build.js';
import type { StatusView } from '../../server/src/view/status-types.js';
import { launch, open, openWebview, post, posted, standaloneAssets, showTab } from './harness.js';
import type { Theme } from './harness.js';

const RESULTS = join(__dirname, '../../test-results');
const FIXTURE = join(__dirname, '../fixtures/status');
let browser: Browser;
let vm: ViewModel;
let status: StatusView;

before(async () => {
  browser = await launch();
  mkdirSync(RESULTS, { recursive: true });
  const opened = openPrograms([join(FIXTURE, 'lumen.program.yaml')], FIXTURE);
  assert.ok(opened.ok && opened.models[0]);
  const model = opened.models[0];
  const a = analyzeProgram(model);
  vm = buildViewModel(a);
  const forecast = reportForecast(model, a.schedule, a.statusDate);
  status = statusViewFor(a, { ...(forecast && { forecast }), baselineNote: 'No baseline: set `programAsCode.baseline` to compare with a git revision.' });
});
after(async () => { await browser?.close(); });

async function statusTab(theme: Theme, width: number): Promise<Page> {
  const o = await openWebview(browser, vm, theme, { width, height: 900 });
  const page = o.page;
  await page.click('button.tab[data-tab="status"]');
  // The tab asks the host for the report (it may wait for git); the panel answers with a message.
  await page.waitForFunction(() => (window as unknown as { __posted: { type: string }[] }).__posted.some((m) => m.type === 'statusRequest'));
  await post(page, { type: 'status', status, forecastRunning: false });
  await page.waitForFunction(() => document.body.dataset.rendered === 'status');
  assert.deepEqual(o.errors, []);
  return page;
}

/** Elements (tables, the tab itself) wider than their box: nothing may scroll sideways. */
function sideways(page: Page): Promise<string[]> {
  return page.evaluate(() => Array.from(document.querySelectorAll('.status, .status table'))
    .filter((el) => el.scrollWidth > el.clientWidth + 1 || el.getBoundingClientRect().right > window.innerWidth + 1)
    .map((el) => `${el.className}: ${el.scrollWidth} > ${el.clientWidth}`));
}

test('the Status tab shows the overall colour with its reasons, budget, EV, KPIs, RACI markers and changes', async () => {
  const page = await statusTab('light', 1280);
  const text = (sel: string) => page.locator(sel).innerText();
  assert.equal(await page.locator('.status-head h1').innerText(), 'Lumen Launch: status on 2026-01-16');
  assert.equal(await page.locator('.overall .rag').innerText(), 'Red');
  assert.match(await text('.overall-reasons'), /Budget: Cost at completion forecast 37,500 against a budget of 30,000: 25% over \(amber at 5%, red at 15%\)\./);
  assert.match(await text('.baseline-line'), /^No baseline: set programAsCode\.baseline/);
  assert.match(await text('.forecast-line'), /5,000 Monte Carlo iterations finish \(seed 1, pert/);
  // Milestones: forecast and P80 side by side.
  const ga = page.locator('.milestones-status tr', { hasText: 'General availability' });
  assert.deepEqual((await ga.locator('td').allInnerTexts()).slice(1, 4), ['2026-01-30', '2026-01-30', '2026-02-04']);
  // Budget lines: planned, actual (over plan marked), earned value of the line's workstream.
  assert.deepEqual(await page.locator('.budget-lines tbody tr').first().locator('td').allInnerTexts().then((c) => c.slice(1)), ['30,000 USD', '25,000 USD', '20,000 USD']);
  assert.equal(await page.locator('.budget-lines tr', { hasText: 'Tooling' }).locator('.over-plan').innerText(), '⚠ 6,000 USD');
  const metric = (k: string) => page.locator(`.evm-grid dd[data-metric="${k}"]`).innerText();
  assert.deepEqual(await Promise.all(['BAC', 'PV', 'EV', 'AC', 'CPI', 'EAC', 'VAC', 'TCPI', 'SPI(t)'].map(metric)),
    ['30,000 USD', '20,000 USD', '20,000 USD', '25,000 USD', '0.80', '37,500 USD', '-7,500 USD', '2.00', '1.00']);
  // KPIs: current against target, direction, on target or not.
  assert.deepEqual(await page.locator('.kpis tr', { hasText: 'API p95 latency' }).locator('td').allInnerTexts(), ['API p95 latency p95\nlower is better', '240 ms', '200 ms', '✗ no']);
  assert.equal(await page.locator('.kpis tr', { hasText: 'Uptime' }).locator('td').last().innerText(), '✓ yes');
  // RACI: beta has one Accountable; ga none; m3 two.
  const raci = (id: string) => page.locator(`.raci tr:has(a[data-reveal="${id}"])`).first();
  assert.equal(await raci('beta').locator('.raci-problem').count(), 0);
  assert.equal(await raci('beta').locator('td').nth(1).innerText(), 'cto');
  assert.equal(await raci('ga').locator('.raci-problem').innerText(), '⚠ no Accountable stakeholder');
  assert.equal(await raci('m3').locator('.raci-problem').innerText(), '⚠ 2 Accountable stakeholders: exactly one should be');
  // Change requests: the pending one with its what-if, the implemented one said so.
  assert.match(await page.locator('.changes tr', { hasText: 'Add single sign-on' }).innerText(), /\+5 working days on build, 8,000 USD[\s\S]*If applied: beta \+5, ga \+5; finish 0 \(2026-02-06\)[\s\S]*Budget at completion with it: 38,000 USD/);
  assert.match(await page.locator('.changes tr', { hasText: 'Drop the beta survey' }).innerText(), /Implemented: it is in the plan\./);
  await page.close();
});

test('a click on an item in the Status tab reveals its definition (a KPI, a milestone in a reason)', async () => {
  const page = await statusTab('light', 1280);
  await page.click('.kpis a[data-reveal="p95"]');
  let reveal = (await posted(page)).filter((m) => m.type === 'reveal').at(-1) as { location: { uri: string; line: number } };
  assert.equal(reveal.location.line, status.locations.p95?.line);
  assert.equal(reveal.location.uri, vm.uri);
  await page.click('.raci a[data-reveal="ga"]');
  reveal = (await posted(page)).filter((m) => m.type === 'reveal').at(-1) as { location: { uri: string; line: number } };
  assert.equal(reveal.location.line, vm.milestones.find((m) => m.id === 'ga')?.location.line);
  await page.close();
});

for (const theme of ['light', 'dark'] as const) {
  for (const width of [560, 1280]) {
    test(`Status tab at ${width} px, ${theme}: nothing scrolls sideways (screenshot)`, async () => {
      const page = await statusTab(theme, width);
      assert.deepEqual(await sideways(page), []);
      await page.locator('.status').evaluate((el) => { el.style.overflow = 'visible'; (el.parentElement as HTMLElement).style.overflow = 'visible'; });
      await page.setViewportSize({ width, height: await page.evaluate(() => document.querySelector('.status')!.scrollHeight + 60) });
      await page.screenshot({ path: join(RESULTS, `status-tab-${width}-${theme}.png`), fullPage: true });
      await page.close();
    });
  }
}

test('the exported page carries the report: its Status tab shows budget, KPIs, RACI and changes without a server', async () => {
  const html = standaloneHtml(vm, standaloneAssets(), { status });
  for (const theme of ['light', 'dark'] as const) {
    for (const width of [560, 1280]) {
      const o = await open(browser, html, theme, { width, height: 900 });
      await showTab(o.page, 'status');
      assert.equal(await o.page.locator('.overall .rag').innerText(), 'Red');
      assert.ok(await o.page.locator('.raci .raci-problem').count() === 2);
      assert.equal(await o.page.locator('.budget-lines tbody tr').count(), 3);
      assert.deepEqual(await sideways(o.page), []);
      await o.page.click('.kpis a[data-reveal="uptime"]');
      assert.match(await o.page.locator('.toolbar-message').innerText(), /^uptime: lumen\.program\.yaml:\d+$/);
      assert.deepEqual(o.errors, []);
      await o.page.screenshot({ path: join(RESULTS, `status-export-${width}-${theme}.png`), fullPage: true });
      await o.page.close();
    }
  }
});

// Baseline shadow bars: `build` ended on 2026-01-20 at v1 and `ga` was due on
// 2026-01-27; now they end on 2026-01-23 and 2026-01-30.
const BASELINE = {
  revision: 'v1', commit: 'a'.repeat(40),
  items: [{ id: 'design', start: '2026-01-05', end: '2026-01-09' }, { id: 'build', start: '2026-01-12', end: '2026-01-20' }, { id: 'ga', start: '2026-01-27', end: '2026-01-27' }],
};

for (const theme of ['light', 'dark'] as const) {
  test(`the Gantt draws the baseline's shadow under each bar, with the legend naming it (${theme}, screenshot)`, async () => {
    const o = await openWebview(browser, { ...vm, baseline: BASELINE }, theme, { width: 1280, height: 500 });
    const page = o.page;
    await page.waitForFunction(() => document.body.dataset.rendered === 'gantt');
    const geo = (sel: string) => page.locator(sel).evaluate((el) => { const r = el.getBoundingClientRect(); return { x1: Math.round(r.left), x2: Math.round(r.right), y: Math.round(r.top) }; });
    const shadow = await geo('.baseline-shadow[data-id="build"]');
    const bar = await geo('.bar.task[data-id="build"] .bar-bg');
    assert.equal(shadow.x1, bar.x1, 'same start');
    assert.ok(bar.x2 - shadow.x2 > 20, `the shadow ends three working days before the bar (${shadow.x2} vs ${bar.x2})`);
    assert.ok(shadow.y > bar.y, 'under the bar');
    assert.equal(await page.locator('.milestone-shadow[data-id="ga"]').getAttribute('data-end'), '2026-01-27');
    assert.equal(await page.locator('.baseline-shadow[data-id="launch-prep"]').count(), 0, 'no shadow for an item the baseline does not have');
    assert.equal(await page.locator('.legend-baseline').innerText(), 'Baseline v1 (where it was)');
    assert.ok(await page.locator('.legend-baseline').isVisible());
    await page.screenshot({ path: join(RESULTS, `gantt-baseline-${theme}.png`) });
    // Without a baseline, no shadow and no legend entry.
    await post(page, { type: 'update', viewModel: encodeViewModel(vm), documentUri: vm.uri });
    await page.waitForFunction(() => document.querySelectorAll('.baseline-shadow[data-id]').length === 0);
    assert.equal(await page.locator('.legend-baseline').isVisible(), false);
    assert.deepEqual(o.errors, []);
    await page.close();
  });
}

test('the exported SVG draws the same shadows under the bars', () => {
  const svg = ganttSvg({ ...vm, baseline: BASELINE });
  assert.equal((svg.match(/class="baseline-shadow"/g) ?? []).length, 2);
  assert.equal((svg.match(/class="baseline-shadow milestone-shadow"/g) ?? []).length, 1);
  assert.ok(svg.indexOf('baseline-shadow"') < svg.indexOf('class="bar-bg"'), 'shadows first, bars over them');
  assert.equal(ganttSvg(vm).includes('<rect class="baseline-shadow"'), false);
});
