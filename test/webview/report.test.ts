// The status report's HTML page in headless Chromium: it reads at 560 px
// (nothing but its tables scrolls sideways) and at 1,280 px, and it prints on
// A4 and on Letter without anything running off the paper. Screenshots and
// PDFs go to test-results/ to be looked at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { analyzeProgram } from '../../server/src/program/analyze.js';
import type { ProgramModel } from '../../server/src/program/model.js';
import { buildReport } from '../../server/src/program/report/report-model.js';
import { reportHtml } from '../../server/src/view/report-html.js';
import { reportForecast } from '../../server/src/program/report/report-forecast.js';
import { scheduleProgram } from '../../server/src/program/schedule.js';
import { openPrograms } from '../../server/src/cli/programs.js';
import { APOLLO_DIR } from '../helpers/shared.js';
import { launch } from './harness.js';

const RESULTS = join(__dirname, '../../test-results');
let browser: Browser;
let html: string;

before(async () => {
  browser = await launch();
  mkdirSync(RESULTS, { recursive: true });
  const opened = openPrograms([join(APOLLO_DIR, 'apollo.program.yaml')], APOLLO_DIR);
  assert.ok(opened.ok);
  const model = opened.models[0] as ProgramModel;
  const a = analyzeProgram(model);
  const report = buildReport({ current: { model, schedule: a.schedule }, statusDate: a.statusDate, scheduleOf: (m) => scheduleProgram(m, { statusDate: a.statusDate }) });
  html = reportHtml(report);
});
after(async () => { await browser?.close(); });

async function open(width: number, media: 'screen' | 'print' = 'screen'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const requests: string[] = [];
  page.on('request', (r) => { if (!r.url().startsWith('data:') && r.url() !== 'about:blank') requests.push(r.url()); });
  await page.emulateMedia({ media });
  await page.setContent(html, { waitUntil: 'load' });
  assert.deepEqual(requests, [], 'the page loads nothing');
  return page;
}

/** How far the page itself (not a table's own scroller) is wider than the window. */
function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

for (const width of [560, 1280]) {
  test(`at ${width} px the report reads without sideways scrolling of the page`, async () => {
    const page = await open(width);
    assert.equal(await overflow(page), 0);
    assert.equal(await page.locator('h1').textContent(), 'Apollo Launch: status on 2026-03-02');
    assert.ok(await page.locator('.overall .rag').isVisible());
    await page.screenshot({ path: join(RESULTS, `report-${width}.png`), fullPage: true });
    await page.close();
  });
}

// Printable width = paper width minus the 12 mm side margins of the print stylesheet, in CSS px (96 per inch).
for (const [format, paperMm] of [['A4', 210], ['Letter', 215.9]] as const) {
  test(`prints on ${format}: nothing runs off the paper, tables keep their rows`, async () => {
    const printable = Math.floor(((paperMm - 24) / 25.4) * 96);
    const page = await open(printable, 'print');
    assert.equal(await overflow(page), 0);
    const wide = await page.evaluate((w) => Array.from(document.querySelectorAll('table')).filter((t) => t.getBoundingClientRect().right > w + 1).length, printable);
    assert.equal(wide, 0, 'a table wider than the paper');
    const pdf = await page.pdf({ format, printBackground: true });
    writeFileSync(join(RESULTS, `report-${format}.pdf`), pdf);
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    assert.ok(pages >= 1 && pages <= 6, `${pages} pages`);
    await page.close();
  });
}

// A program with a three-point estimate: the report shows P80 beside each
// milestone's forecast and says how many iterations it ran (test/fixtures/status).
test('P80 beside the forecast, at 560 and 1,280 px, light and dark (screenshots)', async () => {
  const dir = join(__dirname, '../fixtures/status');
  const opened = openPrograms([join(dir, 'lumen.program.yaml')], dir);
  assert.ok(opened.ok);
  const model = opened.models[0] as ProgramModel;
  const a = analyzeProgram(model);
  const forecast = reportForecast(model, a.schedule, a.statusDate);
  assert.ok(forecast);
  const page0 = reportHtml(buildReport({ current: { model, schedule: a.schedule }, statusDate: a.statusDate, forecast, scheduleOf: (m) => scheduleProgram(m, { statusDate: a.statusDate }) }));
  for (const theme of ['light', 'dark'] as const) {
    for (const width of [560, 1280]) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: theme });
      await page.setContent(page0, { waitUntil: 'load' });
      assert.equal(await overflow(page), 0);
      const head = await page.locator('h2:text("Milestones") + .scroll th').allInnerTexts();
      assert.deepEqual(head.slice(0, 5), ['Milestone', 'Target', 'Forecast', 'P80', 'Slip']);
      const ga = await page.locator('h2:text("Milestones") + .scroll tr:has(code:text-is("ga")) td').allInnerTexts();
      assert.deepEqual(ga.slice(1, 4), ['2026-01-30', '2026-01-30', '2026-02-04']);
      assert.match(await page.locator('h2:text("Milestones") ~ p.note').first().innerText(), /^P80: the date by which 80% of 5,000 Monte Carlo iterations finish \(seed 1, pert;/);
      await page.screenshot({ path: join(RESULTS, `report-p80-${width}-${theme}.png`), fullPage: true });
      await page.close();
    }
  }
});
