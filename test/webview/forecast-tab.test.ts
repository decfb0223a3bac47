// The Forecast tab in headless Chromium, beside the editor (560 px) and full
// width (1,280 px), light and dark: the S-curves with the percentiles, target
// and plan of a fixture forecast, readable and inside the panel; the progress
// of a running forecast; a tornado bar revealing its item; the sentence for a
// program with nothing to forecast; and the exported page's embedded forecast
// (its Forecast tab, and P80 beside each milestone's deterministic forecast),
// or the sentence that says it was skipped (export --no-forecast).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { analyzeProgram } from '../../server/src/program/analyze.js';
import { standaloneHtml } from '../../server/src/node/standalone-html.js';
import { buildViewModel } from '../../server/src/view/build-view-model.js';
import { openPrograms } from '../../server/src/cli/programs.js';
import { exportedForecast } from '../../server/src/cli/export-forecast.js';
import type { ForecastReady, ForecastSeries } from '../../server/src/view/forecast-types.js';
import { NO_UNCERTAINTY } from '../../server/src/view/forecast-view.js';
import { launch, open, openWebview, post, posted, showTab, standaloneAssets } from './harness.js';
import { encodeViewModel } from '../../server/src/view/wire.js';

const RESULTS = join(__dirname, '../../test-results');
const opened = openPrograms(['launch.program.yaml'], join(__dirname, '../fixtures/forecast'));
if (!opened.ok || !opened.models[0]) throw new Error('the forecast fixture does not open');
const ANALYSIS = analyzeProgram(opened.models[0]);
const VM = buildViewModel(ANALYSIS);
let browser: Browser;

before(async () => { browser = await launch(); mkdirSync(RESULTS, { recursive: true }); });
after(async () => { await browser?.close(); });

const FINISH_CURVE: [string, number][] = [
  ['2026-04-01', 0.04], ['2026-04-02', 0.08], ['2026-04-03', 0.12], ['2026-04-06', 0.2], ['2026-04-07', 0.28], ['2026-04-08', 0.35],
  ['2026-04-09', 0.41], ['2026-04-10', 0.47], ['2026-04-13', 0.55], ['2026-04-14', 0.62], ['2026-04-15', 0.68], ['2026-04-16', 0.73],
  ['2026-04-17', 0.77], ['2026-04-20', 0.83], ['2026-04-21', 0.88], ['2026-04-22', 0.92], ['2026-04-23', 0.96], ['2026-04-24', 1],
];

function series(id: string | null, name: string, target: string | null, deterministic: string, curve: [string, number][], p: [string, string, string, string], onTime: number | null, plan: number): ForecastSeries {
  return {
    id, name, target, deterministic, p10: p[0], p50: p[1], p80: p[2], p90: p[3], onTimeProbability: onTime, planProbability: plan,
    curve: curve.map(([day, share]) => ({ day, share })),
  };
}

/** A forecast whose every number is known: the finish's P10..P90 are 04-03, 04-13, 04-20 and 04-22. */
const FIXTURE: ForecastReady = {
  status: 'ready', program: 'launch', iterations: 2000, requestedIterations: 2000, seed: 7, distribution: 'pert', meanDays: 33.6,
  finish: series(null, 'Program finish', null, '2026-04-06', FINISH_CURVE, ['2026-04-03', '2026-04-13', '2026-04-20', '2026-04-22'], null, 0.2),
  milestones: [
    series('beta', 'Private beta', '2026-04-03', '2026-03-27', [['2026-03-27', 0.15], ['2026-03-31', 0.3], ['2026-04-03', 0.6], ['2026-04-08', 0.85], ['2026-04-10', 1]],
      ['2026-03-27', '2026-04-03', '2026-04-08', '2026-04-10'], 0.6, 0.15),
    series('ga', 'General availability', '2026-04-17', '2026-04-06', FINISH_CURVE, ['2026-04-03', '2026-04-13', '2026-04-20', '2026-04-22'], 0.77, 0.2),
  ],
  tasks: [
    { kind: 'task', id: 'api', name: 'Build the payments API', value: 0.58, share: 0.994 },
    { kind: 'task', id: 'design', name: 'Architecture and API design', value: 0.21, share: 1 },
    { kind: 'task', id: 'ledger', name: 'Ledger service', value: -0.03, share: 0.011 },
  ],
  risks: [
    { kind: 'risk', id: 'R-pci', name: 'PCI audit finds gaps', value: 5.3, share: 0.5 },
    { kind: 'risk', id: 'R-bank', name: 'Partner bank sandbox late', value: 4.6, share: 0.25 },
  ],
};

/** Texts of a card's labels, and what a reader would notice: overlaps, labels outside the chart or on the curve, small text, sideways scroll. */
async function chartReport(page: Page, card: string): Promise<{ percentiles: string[]; markers: string[]; odds: string; problems: string[] }> {
  return page.evaluate((sel) => {
    const fig = document.querySelector(sel)!;
    const svg = fig.querySelector('svg.s-curve')!;
    const box = svg.getBoundingClientRect();
    const problems: string[] = [];
    const texts = Array.from(svg.querySelectorAll('text'));
    for (const t of texts) {
      const r = t.getBoundingClientRect();
      if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5) problems.push(`outside the chart: ${t.textContent}`);
      if (parseFloat(getComputedStyle(t).fontSize) < 11) problems.push(`small text: ${t.textContent}`);
    }
    // (No helper functions in here: the test bundler would name them with a helper the page lacks.)
    for (const list of [Array.from(svg.querySelectorAll('.fc-pct-label, .fc-marker-label')), Array.from(svg.querySelectorAll('.fc-x-label'))]) {
      for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) {
        const a = list[i]!.getBoundingClientRect();
        const b = list[j]!.getBoundingClientRect();
        if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) problems.push(`overlap: ${list[i]!.textContent} / ${list[j]!.textContent}`);
      }
    }
    // A percentile label sitting on the curve (the step line drawn through its text) is hard to read.
    const curve = svg.querySelector<SVGPathElement>('path.fc-curve');
    if (curve) {
      const length = curve.getTotalLength();
      const points: { x: number; y: number }[] = [];
      for (let l = 0; l <= length; l += 1) { const p = curve.getPointAtLength(l); points.push({ x: box.left + p.x, y: box.top + p.y }); }
      for (const t of Array.from(svg.querySelectorAll('.fc-pct-label'))) {
        const r = t.getBoundingClientRect();
        if (points.some((p) => p.x > r.left + 0.5 && p.x < r.right - 0.5 && p.y > r.top + 0.5 && p.y < r.bottom - 0.5)) problems.push(`on the curve: ${t.textContent}`);
      }
    }
    const de = document.documentElement;
    if (de.scrollWidth > de.clientWidth) problems.push(`page scrolls sideways: ${de.scrollWidth} > ${de.clientWidth}`);
    const panel = document.querySelector<HTMLElement>('.forecast')!;
    if (panel.scrollWidth > panel.clientWidth + 1) problems.push(`panel scrolls sideways: ${panel.scrollWidth} > ${panel.clientWidth}`);
    return {
      percentiles: Array.from(svg.querySelectorAll('.fc-pct-label')).map((t) => t.textContent ?? ''),
      markers: Array.from(svg.querySelectorAll('.fc-marker-label')).map((t) => t.textContent ?? ''),
      odds: fig.querySelector('.fc-odds')?.textContent ?? '',
      problems,
    };
  }, card);
}

void describe('Forecast tab', () => {
  for (const width of [560, 1280] as const) {
    for (const theme of ['light', 'dark'] as const) {
      void it(`${width} px, ${theme}: asks for the forecast, shows progress, draws the curves and the tornado`, { timeout: 60_000 }, async () => {
        const o = await openWebview(browser, VM, theme, { width, height: 1300 });
        const { page } = o;
        await showTab(page, 'forecast');
        assert.deepEqual((await posted(page)).filter((m) => m.type === 'forecastWanted'), [{ type: 'forecastWanted' }], 'showing the tab asks the host for the forecast, once');
        await post(page, { type: 'forecastProgress', percentage: 40, message: '800 of 2,000 iterations' });
        assert.equal(await page.textContent('.fc-progress-text'), 'Forecast running: 40% (800 of 2,000 iterations)');
        assert.equal(await page.isVisible('.fc-progress-bar'), true);

        await post(page, { type: 'forecast', forecast: FIXTURE });
        await page.waitForSelector('.fc-card[data-series=""] svg.s-curve');
        assert.equal(await page.isVisible('.fc-progress'), false, 'the progress goes when the forecast arrives');
        const finish = await chartReport(page, '.fc-card[data-series=""]');
        assert.deepEqual(finish.percentiles, ['P10 2026-04-03', 'P50 2026-04-13', 'P80 2026-04-20', 'P90 2026-04-22']);
        assert.deepEqual(finish.markers, ['Plan 2026-04-06']);
        assert.equal(finish.odds, '20% by the plan’s 2026-04-06');
        assert.deepEqual(finish.problems, []);
        // The first milestone is chosen; its target and on-time probability are marked.
        const ga = await chartReport(page, '.fc-card[data-series="beta"]');
        assert.deepEqual(ga.markers, ['Target 2026-04-03', 'Plan 2026-03-27']);
        assert.deepEqual(ga.percentiles, ['P10 2026-03-27', 'P50 2026-04-03', 'P80 2026-04-08', 'P90 2026-04-10']);
        assert.equal(ga.odds, '60% chance of meeting the target 2026-04-03 · 15% by the plan’s 2026-03-27');
        assert.deepEqual(ga.problems, []);
        assert.equal(await page.textContent('.fc-card[data-series=""] .fc-percentiles'), 'P102026-04-03P502026-04-13P802026-04-20P902026-04-22Plan2026-04-06');
        assert.equal(await page.textContent('.fc-summary'), '2,000 iterations · seed 7 · PERT · mean finish 33.6 working days');
        // The tornado: tasks by sensitivity, risks by mean delay, in the order given.
        assert.deepEqual(await page.$$eval('.fc-driver', (els) => els.map((e) => `${e.getAttribute('data-id')} ${e.querySelector('.fc-value')!.textContent}`)),
          ['api 0.58', 'design 0.21', 'ledger -0.03', 'R-pci +5.3d', 'R-bank +4.6d']);
        await page.screenshot({ path: join(RESULTS, `forecast-${width}-${theme}.png`) });

        // Another milestone from the selector.
        await page.selectOption('select.fc-milestone', 'ga');
        await page.waitForSelector('.fc-card[data-series="ga"] svg.s-curve');
        const chosen = await chartReport(page, '.fc-card[data-series="ga"]');
        assert.deepEqual(chosen.markers, ['Target 2026-04-17', 'Plan 2026-04-06']);
        assert.match(chosen.odds, /^77% chance of meeting the target 2026-04-17/);
        assert.deepEqual(chosen.problems, []);

        // A bar reveals its task or risk where it is defined.
        await page.click('.fc-driver[data-id="api"]');
        await page.click('.fc-driver[data-id="R-pci"]');
        const reveals = (await posted(page)).filter((m) => m.type === 'reveal');
        assert.deepEqual(reveals.slice(-2), [
          { type: 'reveal', location: VM.tasks.find((t) => t.id === 'api')!.location },
          { type: 'reveal', location: VM.risks.find((r) => r.id === 'R-pci')!.location },
        ]);
        assert.deepEqual([o.errors, o.leaks, o.dialogs], [[], [], []]);
        await page.close();
      });
    }
  }

  for (const theme of ['light', 'dark'] as const) {
    void it(`a program with nothing to forecast gets one sentence of what to add, not an empty chart (560 px, ${theme})`, async () => {
      const { page, errors } = await openWebview(browser, VM, theme, { width: 560, height: 500 });
      await showTab(page, 'forecast');
      await post(page, { type: 'forecast', forecast: { status: 'no-uncertainty', message: NO_UNCERTAINTY } });
      await page.waitForSelector('.fc-message code');
      assert.equal(await page.textContent('.forecast .fc-message'), NO_UNCERTAINTY.replace(/`/g, ''));
      assert.deepEqual(await page.$$eval('.forecast .fc-message code', (c) => c.map((e) => e.textContent)), ['estimate: { optimistic: 8d, likely: 10d, pessimistic: 20d }', 'schedule_impact: 10d', 'affects']);
      assert.equal(await page.$$eval('.forecast svg, .fc-driver', (e) => e.length), 0);
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), true);
      await page.screenshot({ path: join(RESULTS, `forecast-none-560-${theme}.png`) });
      assert.deepEqual(errors, []);
      await page.close();
    });
  }

  void it('an edit (a new view model) dims the forecast shown and asks again; user text stays text', async () => {
    const { page } = await openWebview(browser, VM, 'light', { width: 1280, height: 900 });
    await showTab(page, 'forecast');
    const evil = '<img src=x onerror="document.body.dataset.pwned=1">';
    const hostile = {
      ...FIXTURE,
      milestones: [{ ...FIXTURE.milestones[0]!, name: `${evil}</option><script>1</script>` }],
      tasks: [{ kind: 'task', id: 'api', name: evil, value: 0.5, share: 1 }],
    };
    await post(page, { type: 'forecast', forecast: hostile });
    await page.waitForSelector('svg.s-curve');
    assert.equal(await page.textContent('.fc-driver[data-id="api"] .fc-driver-name'), evil);
    assert.equal(await page.textContent('select.fc-milestone option'), `${evil}</option><script>1</script> (beta)`);
    assert.equal(await page.$$eval('.forecast img, .forecast script', (e) => e.length), 0);
    assert.equal(await page.evaluate(() => document.body.dataset.pwned), undefined);
    // Narrowed to a side panel, the charts are drawn again for the new width.
    await page.setViewportSize({ width: 560, height: 900 });
    await page.waitForFunction(() => Array.from(document.querySelectorAll('svg.s-curve')).every((svg) => svg.getBoundingClientRect().right <= 560));
    await post(page, { type: 'update', viewModel: encodeViewModel(VM), documentUri: VM.uri });
    await page.waitForSelector('.forecast.stale');
    assert.equal((await posted(page)).filter((m) => m.type === 'forecastWanted').length, 2, 'asked again for the new text');
    // A malformed forecast is ignored.
    await post(page, { type: 'forecast', forecast: { status: 'ready', finish: 'x' } });
    assert.equal(await page.$eval('.forecast', (e) => e.classList.contains('stale')), true);
    await page.close();
  });

  void it('the Milestones tab asks for the forecast too and shows P80 beside the forecast; after an edit, dimmed until the new one', async () => {
    const { page, errors } = await openWebview(browser, VM, 'light', { width: 560, height: 600 });
    await showTab(page, 'milestones');
    assert.equal((await posted(page)).filter((m) => m.type === 'forecastWanted').length, 1);
    assert.equal(await page.$$eval('.milestone-table th', (th) => th.some((t) => t.textContent === 'P80')), false, 'no P80 column before a forecast');
    await post(page, { type: 'forecast', forecast: FIXTURE });
    await page.waitForSelector('td.p80');
    const p80 = (): Promise<string[]> => page.$$eval('.milestone-table tr.milestone-row td.p80', (td) => td.map((t) => t.textContent ?? ''));
    assert.deepEqual(await p80(), ['2026-04-08', '2026-04-20']);
    assert.equal(await page.getAttribute('tr.milestone-row[data-id="beta"] td.p80', 'title'), 'P50 2026-04-03 · P80 2026-04-08 · P90 2026-04-10 · 60% chance of meeting the target');
    await post(page, { type: 'update', viewModel: encodeViewModel(VM), documentUri: VM.uri });
    await page.waitForSelector('.milestone-table.p80-stale');
    assert.deepEqual(await p80(), ['2026-04-08', '2026-04-20'], 'the column stays (no jump while typing), dimmed');
    assert.equal((await posted(page)).filter((m) => m.type === 'forecastWanted').length, 2);
    await post(page, { type: 'forecast', forecast: FIXTURE });
    await page.waitForFunction(() => !document.querySelector('.milestone-table.p80-stale'));
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), true, 'no sideways scroll at 560 px');
    await page.screenshot({ path: join(RESULTS, 'forecast-milestones-p80-560-light.png') });
    assert.deepEqual(errors, []);
    await page.close();
  });

  void it('a page exported with --no-forecast says in its Forecast tab that the forecast was skipped, and has no P80 column', async () => {
    const html = standaloneHtml(VM, standaloneAssets(), { forecast: exportedForecast(ANALYSIS, true) });
    const { page, errors } = await open(browser, html, 'light', { width: 560, height: 900 });
    await page.waitForFunction(() => document.body.dataset.rendered === 'gantt');
    await showTab(page, 'forecast');
    const message = await page.textContent('.forecast .fc-message');
    assert.equal(message, 'The forecast was skipped: this page was exported with --no-forecast. Export it again without that flag for the P10–P90 dates, the curves, what drives the finish and each milestone’s P80, or run program-as-code forecast.');
    assert.deepEqual(await page.$$eval('.forecast .fc-message code', (c) => c.map((x) => x.textContent)), ['--no-forecast', 'program-as-code forecast']);
    assert.equal(await page.$$eval('.forecast svg', (s) => s.length), 0, 'no curve');
    await page.screenshot({ path: join(RESULTS, 'export-forecast-skipped-560.png') });
    await showTab(page, 'milestones');
    assert.equal(await page.$$eval('.milestone-table th', (th) => th.some((t) => t.textContent === 'P80')), false);
    assert.deepEqual(errors, []);
    await page.close();
  });

  void it('the exported page embeds its forecast: the Forecast tab, and P80 beside each milestone\'s forecast', { timeout: 60_000 }, async () => {
    const forecast = exportedForecast(ANALYSIS);
    assert.equal(forecast.status, 'ready');
    const ready = forecast as ForecastReady;
    const html = standaloneHtml(VM, standaloneAssets(), { forecast });
    for (const width of [560, 1280]) {
      const { page, errors } = await open(browser, html, 'light', { width, height: 1300 });
      await page.waitForFunction(() => document.body.dataset.rendered === 'gantt');
      await showTab(page, 'milestones');
      const head = await page.$$eval('.milestone-table thead th', (th) => th.map((t) => t.textContent));
      assert.equal(head[head.indexOf('Forecast') + 1], 'P80', 'P80 right beside the deterministic forecast');
      const rows = await page.$$eval('.milestone-table tr.milestone-row', (trs) => trs.map((tr) => [tr.getAttribute('data-id'), tr.querySelector('td.p80')?.textContent]));
      assert.deepEqual(rows, VM.milestones.map((m) => [m.id, ready.milestones.find((x) => x.id === m.id)?.p80 ?? '—']));
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), true, 'no sideways scroll');
      await page.screenshot({ path: join(RESULTS, `export-milestones-p80-${width}.png`) });
      await showTab(page, 'forecast');
      const finish = await chartReport(page, '.fc-card[data-series=""]');
      assert.deepEqual(finish.percentiles, [`P10 ${ready.finish.p10}`, `P50 ${ready.finish.p50}`, `P80 ${ready.finish.p80}`, `P90 ${ready.finish.p90}`]);
      assert.deepEqual(finish.problems, []);
      await page.screenshot({ path: join(RESULTS, `export-forecast-${width}.png`) });
      assert.deepEqual(errors, []);
      await page.close();
    }
  });
});
