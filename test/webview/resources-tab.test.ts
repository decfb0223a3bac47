// The Resources tab in headless Chromium, beside the editor (560 px) and full
// width (1,280 px), light and dark: on the hand-computed fixture
// (test/helpers/resources-fixture.ts) each week's cell has the state the
// numbers give, a click on a week lists the tasks behind it and each reveals
// its definition, and nothing but the grid scrolls sideways. Then 200 people
// over two years: virtualised rows, render time printed. Screenshots go to
// test-results/.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { analyzeProgram } from '../../server/src/program/analyze.js';
import { buildViewModel } from '../../server/src/view/build-view-model.js';
import { encodeViewModel } from '../../server/src/view/wire.js';
import type { ViewModel } from '../../server/src/view/view-model.js';
import { levelProgramYaml } from '../../bench/level.js';
import { lines, programFromYaml } from '../helpers/program.js';
import { ganttSvg } from '../../server/src/view/gantt-svg.js';
import { LOAD_FIXTURE } from '../helpers/resources-fixture.js';
import { launch, openStandalone, openWebview, post, posted, showTab, vmOfFile, webviewHtml } from './harness.js';

const RESULTS = join(__dirname, '../../test-results');
const FIXTURE = buildViewModel(analyzeProgram(programFromYaml(LOAD_FIXTURE)));
const ORION = vmOfFile('orion.program.yaml', join(__dirname, '../../examples/orion'));
// b (priority 800) takes al first (01-05..01-06); a waits 2 working days (01-07..01-09), held by b.
// c pauses over bo's leave on Wed 01-07 and Thu 01-08: 01-05..01-12.
const MARKS = buildViewModel(analyzeProgram(programFromYaml(lines(
  'version: 1',
  'program: { id: g, name: Gantt marks, start: 2026-01-05, status_date: 2026-01-05 }',
  'scheduling: { levelling: true }',
  'people:',
  '  - { id: al, name: Al }',
  '  - { id: bo, name: Bo, leave: [{ from: 2026-01-07, to: 2026-01-08 }] }',
  'workstreams:',
  '  - id: ws',
  '    name: WS',
  '    tasks:',
  '      - { id: a, name: Build, duration: 3d, assignees: [al] }',
  '      - { id: b, name: Design, duration: 2d, assignees: [al], priority: 800 }',
  '      - { id: c, name: Docs, duration: 4d, assignees: [bo] }',
))));
let browser: Browser;

before(async () => { browser = await launch(); mkdirSync(RESULTS, { recursive: true }); });
after(async () => { await browser?.close(); });

/** Each drawn row's cells as state classes: `s0` idle … `s3` over-allocated. */
async function cellStates(page: Page): Promise<Record<string, string[]>> {
  return page.$$eval('.res-row', (rows) => Object.fromEntries(rows.map((r) => [
    r.getAttribute('data-row'), Array.from(r.querySelectorAll('.res-cell')).map((c) => /\bs(\d)\b/.exec(c.className)?.[0] ?? '?'),
  ])));
}

/** Sideways overflow a user would see outside the grid: the page and the tab's panel. */
async function pageOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const de = document.documentElement;
    if (de.scrollWidth > de.clientWidth) out.push(`page ${de.scrollWidth} > ${de.clientWidth}`);
    const panel = document.querySelector<HTMLElement>('section.panel:not([hidden])')!;
    if (panel.scrollWidth > panel.clientWidth + 1) out.push(`panel ${panel.scrollWidth} > ${panel.clientWidth}`);
    for (const sel of ['.res-controls', '.res-details', '.res-legend']) {
      const el = document.querySelector<HTMLElement>(sel)!;
      if (el.scrollWidth > el.clientWidth + 1) out.push(`${sel} ${el.scrollWidth} > ${el.clientWidth}`);
      if (el.getBoundingClientRect().right > window.innerWidth + 0.5) out.push(`${sel} runs past the window`);
    }
    return out;
  });
}

/** Luminance contrast (WCAG) of an element's background against the page's, as the page computes them. */
async function contrastOf(page: Page, selector: string): Promise<number> {
  // A string, not a function: the test's TypeScript transform would add helpers the page does not have.
  return page.evaluate(`(() => {
    const rgb = (c) => { const x = document.createElement('canvas').getContext('2d'); x.fillStyle = c; x.fillRect(0, 0, 1, 1); return Array.from(x.getImageData(0, 0, 1, 1).data.slice(0, 3)); };
    const lum = (v) => { const [r, g, b] = v.map((n) => { const s = n / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
    const a = lum(rgb(getComputedStyle(document.querySelector(${JSON.stringify(selector)})).backgroundColor));
    const b = lum(rgb(getComputedStyle(document.body).backgroundColor));
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  })()`);
}

void describe('Resources tab', () => {
  for (const width of [560, 1280] as const) {
    for (const theme of ['light', 'dark'] as const) {
      void it(`the hand-computed fixture at ${width} px, ${theme}`, { timeout: 60_000 }, async () => {
        const o = await openWebview(browser, FIXTURE, theme, { width, height: 600 });
        const { page } = o;
        await page.waitForFunction(() => document.body.dataset.rendered === 'gantt');
        await showTab(page, 'resources');
        // al: two tasks on Mon/Tue (week fits), within, over; bo: within, idle, idle; lab: 2 units on a day of 1.
        assert.deepEqual(await cellStates(page), { al: ['s2', 's1', 's3'], bo: ['s1', 's0', 's0'], lab: ['s3', 's0', 's0'] });
        assert.equal(await page.getAttribute('.res-row[data-row="al"] .res-cell[data-week="2"]', 'title'),
          'Al (al), week of 2026-01-19: 8 person-days asked, 5 available (5 working days, capacity 1); up to 3 tasks on one day: over-allocated');
        assert.equal(await page.getAttribute('.res-row[data-row="al"] .res-cell[data-week="1"]', 'title'),
          'Al (al), week of 2026-01-12: 2 person-days asked, 2 available (4 working days, 1 holiday, 2 on leave, capacity 1): within availability');
        assert.match((await page.textContent('.res-summary'))!, /2 of 3 over-allocated/);
        // The over-allocated colour stands out from the page in both themes (non-text contrast, WCAG 1.4.11: 3:1).
        const contrast = await contrastOf(page, '.res-row[data-row="lab"] .res-cell.s3');
        assert.ok(contrast >= 3, `over-allocated cell against the page: ${contrast.toFixed(2)}:1`);

        // A click on a week lists the tasks behind it; each jumps to its definition.
        await page.click('.res-row[data-row="al"] .res-cell[data-week="2"]');
        assert.deepEqual(await page.$$eval('.res-tasks a.reveal', (as) => as.map((a) => a.getAttribute('data-reveal'))), ['d', 'e', 'f']);
        assert.match((await page.textContent('.res-details'))!, /Al \(al\) · week of 2026-01-19.*8 person-days asked, 5 available.*over-allocated/s);
        await page.click('.res-tasks a[data-reveal="e"]');
        const e = FIXTURE.tasks.find((t) => t.id === 'e')!;
        const reveals = (await posted(page)).filter((m) => m.type === 'reveal');
        assert.deepEqual(reveals.at(-1), { type: 'reveal', location: e.location });
        await page.click('.res-row[data-row="lab"] .res-cell[data-week="0"]');
        assert.deepEqual(await page.$$eval('.res-tasks a.reveal', (as) => as.map((a) => a.getAttribute('data-reveal'))), ['b', 'c']);
        assert.equal(await page.$$eval('.res-cell.selected', (cs) => cs.length), 1, 'one week selected');
        // The name reveals the person's or pool's definition (people have no other tab to jump from).
        await page.click('.res-row[data-row="al"] .res-name');
        const al = (await posted(page)).filter((m) => m.type === 'reveal').at(-1) as { location: { line: number } };
        assert.equal(al.location.line, 4);

        assert.deepEqual(await pageOverflow(page), [], 'nothing but the grid scrolls sideways');
        await page.click('.res-row[data-row="lab"] .res-cell[data-week="0"]');
        // The keyboard moves the selected week: up twice to al, right once to the week of 01-12 (d only).
        for (const key of ['ArrowUp', 'ArrowUp', 'ArrowRight']) await page.keyboard.press(key);
        assert.deepEqual(await page.$$eval('.res-tasks a.reveal', (as) => as.map((a) => a.getAttribute('data-reveal'))), ['d']);
        assert.equal(await page.getAttribute('.res-cell.selected', 'data-week'), '1');
        await page.keyboard.press('Enter');
        assert.deepEqual((await posted(page)).filter((m) => m.type === 'reveal').at(-1), { type: 'reveal', location: FIXTURE.tasks.find((t) => t.id === 'd')!.location });
        for (const key of ['ArrowDown', 'ArrowDown', 'ArrowLeft']) await page.keyboard.press(key);
        await page.screenshot({ path: join(RESULTS, `resources-fixture-${width}-${theme}.png`) });
        assert.deepEqual([o.errors, o.leaks, o.dialogs], [[], [], []]);
        await page.close();
      });
    }
  }

  for (const width of [560, 1280] as const) {
    void it(`orion at ${width} px: names stay in view while the weeks scroll`, { timeout: 60_000 }, async () => {
      const o = await openWebview(browser, ORION, width === 560 ? 'dark' : 'light', { width, height: 800 });
      const { page } = o;
      await showTab(page, 'resources');
      assert.ok(ORION.resources.rows.length >= 5, 'orion has people');
      assert.equal(await page.$$eval('.res-row', (rs) => rs.length), ORION.resources.rows.length);
      assert.deepEqual(await pageOverflow(page), []);
      await page.screenshot({ path: join(RESULTS, `resources-orion-${width}.png`) });
      if (width === 560) {
        // Widening the panel gives the weeks the room.
        const before = await page.$eval('.res-grid', (g) => g.getBoundingClientRect().width);
        await page.setViewportSize({ width: 900, height: 800 });
        await page.waitForFunction((b) => document.querySelector('.res-grid')!.getBoundingClientRect().width > b + 100, before);
        assert.deepEqual(await pageOverflow(page), []);
        await page.setViewportSize({ width: 560, height: 800 });
        await page.waitForFunction((b) => Math.abs(document.querySelector('.res-grid')!.getBoundingClientRect().width - b) < 2, before);
      }
      await page.$eval('.res-scroll', (el) => { el.scrollLeft += 400; });
      await page.waitForTimeout(50);
      const name = await page.evaluate(() => {
        const sc = document.querySelector('.res-scroll')!.getBoundingClientRect();
        const n = document.querySelector('.res-row .res-name')!.getBoundingClientRect();
        return { left: n.left - sc.left, hit: !!document.elementFromPoint(n.left + 20, n.top + n.height / 2)?.closest('.res-name') };
      });
      assert.ok(Math.abs(name.left) < 1 && name.hit, `the name column stays at the left edge (${JSON.stringify(name)})`);
      await page.screenshot({ path: join(RESULTS, `resources-orion-scrolled-${width}.png`) });
      assert.deepEqual([o.errors, o.leaks], [[], []]);
      await page.close();
    });
  }

  for (const width of [560, 1280] as const) {
    for (const theme of ['light', 'dark'] as const) {
      void it(`Gantt: a leave pause inside the bar, a levelling delay linked to its holder (${width} px, ${theme})`, { timeout: 60_000 }, async () => {
        const o = await openWebview(browser, MARKS, theme, { width, height: 400 });
        const { page } = o;
        await page.waitForFunction(() => document.body.dataset.rendered === 'gantt');
        await page.selectOption('select.zoom', 'day');
        await page.waitForSelector('.bar[data-id="c"] rect.pause');
        assert.deepEqual(await page.$$eval('.bar[data-id="c"] rect.pause', (rs) => rs.map((r) => `${r.getAttribute('data-from')}..${r.getAttribute('data-to')}`)), ['2026-01-07..2026-01-08']);
        // The pause sits inside the bar, two days wide (day zoom: 24 px a day).
        const geo = await page.$eval('.bar[data-id="c"]', (g) => {
          const bar = g.querySelector('rect.bar-bg')!.getBoundingClientRect();
          const p = g.querySelector('rect.pause')!.getBoundingClientRect();
          return { inside: p.left > bar.left && p.right < bar.right, width: p.width };
        });
        assert.ok(geo.inside && Math.abs(geo.width - 48) < 1, JSON.stringify(geo));
        assert.equal(await page.getAttribute('.bar[data-id="a"] .delay-marker', 'data-id'), 'b');
        assert.equal(await page.textContent('.bar[data-id="a"] .delay-label'), '+2d');
        assert.equal(await page.$$eval('path.hold-link[data-from="b"][data-to="a"]', (ps) => ps.length), 1);
        // Hover says why; a click on the marker jumps to the task that held the resource.
        await page.hover('.bar[data-id="c"] rect.bar-bg', { position: { x: 4, y: 4 } });
        assert.match((await page.textContent('.tooltip'))!, /Paused 2 working days: bo on leave 2026-01-07\.\.2026-01-08/);
        await page.hover('.bar[data-id="a"] rect.bar-bg', { position: { x: 30, y: 4 } });
        assert.match((await page.textContent('.tooltip'))!, /Delayed 2 working days by levelling: al held by b/);
        // Hovering the bracket speaks of the delayed task (a), not of its holder (b), whose id the bracket carries for the click.
        await page.hover('.bar[data-id="a"] .delay-label');
        assert.deepEqual(await page.$$eval('.tooltip > div', (ds) => ds.map((d) => d.textContent)), [
          'Build (a) delayed 2 working days, held by Design (b)', 'Levelling: al held by Design (b)', 'Click to go to Design (b)',
        ]);
        await page.click('.bar[data-id="a"] .delay-label');
        assert.deepEqual((await posted(page)).filter((m) => m.type === 'reveal').at(-1), { type: 'reveal', location: MARKS.tasks.find((t) => t.id === 'b')!.location });
        assert.ok(await page.$('.gantt-legend .legend-pause') && await page.$('.gantt-legend .legend-delay'), 'the legend explains both');
        await page.mouse.move(0, 0);
        await page.screenshot({ path: join(RESULTS, `gantt-marks-${width}-${theme}.png`) });
        assert.deepEqual([o.errors, o.leaks], [[], []]);
        await page.close();
      });
    }
  }

  void it('the exported HTML page has the Resources tab, offline', { timeout: 60_000 }, async () => {
    const o = await openStandalone(browser, FIXTURE, 'dark');
    const { page } = o;
    await showTab(page, 'resources');
    assert.deepEqual(await cellStates(page), { al: ['s2', 's1', 's3'], bo: ['s1', 's0', 's0'], lab: ['s3', 's0', 's0'] });
    await page.click('.res-row[data-row="al"] .res-cell[data-week="2"]');
    await page.click('.res-tasks a[data-reveal="f"]');
    // No editor behind the page: the toolbar says where the task is defined.
    assert.equal(await page.textContent('.toolbar-message'), 'f: root.program.yaml:18');
    assert.deepEqual([o.errors, o.leaks], [[], []]);
    await page.close();
  });

  void it('the exported SVG has the pause, the delay and the link', () => {
    const svg = ganttSvg(MARKS, { zoom: 'day' });
    assert.match(svg, /<rect class="pause" fill="url\(#pause\)"[^>]*><title>Paused 2 working days: bo on leave 2026-01-07\.\.2026-01-08<\/title>/);
    assert.match(svg, /<g class="delay-marker"><title>Build \(a\) delayed 2 working days, held by Design \(b\)\. Levelling: al held by Design \(b\)<\/title>/);
    assert.equal(svg.match(/class="hold-link"/g)?.length, 1);
  });

  void it('printing the Resources tab prints every row, not only those drawn on screen, with the weeks fitted to a landscape page', { timeout: 120_000 }, async () => {
    const vm: ViewModel = buildViewModel(analyzeProgram(programFromYaml(levelProgramYaml())));
    const o = await openStandalone(browser, vm);
    const { page } = o;
    await page.waitForFunction(() => document.body.dataset.rendered === 'gantt');
    await showTab(page, 'resources');
    const onScreen = await page.$$eval('.res-row', (rs) => rs.length);
    assert.ok(onScreen < 220, `the screen draws a window of rows (${onScreen})`);
    await page.emulateMedia({ media: 'print' }); // what File > Print does first (beforeprint, print media)
    await page.waitForFunction(() => document.querySelectorAll('.res-row').length === 220);
    const printed = await page.evaluate(() => {
      const rows = Array.from(document.querySelectorAll('.res-row'));
      const boxes = rows.map((r) => r.getBoundingClientRect());
      return {
        ids: [rows[0]?.getAttribute('data-row'), rows[rows.length - 1]?.getAttribute('data-row')],
        stacked: boxes.every((b, i) => i === 0 || b.top >= boxes[i - 1]!.bottom - 0.5),
        // From the grid's left edge to the last week's right edge: what must fit across the page.
        width: document.querySelector('.res-row:last-child .res-cell:last-child')!.getBoundingClientRect().right - document.querySelector('.res-grid')!.getBoundingClientRect().left,
        weeks: document.querySelectorAll('.res-row:last-child .res-cell').length,
      };
    });
    // Landscape Letter with 10 mm margins is 980 CSS px across (media/src/gantt/print.ts).
    assert.deepEqual({ ...printed, width: printed.width <= 981 }, { ids: ['p0', 'q19'], stacked: true, width: true, weeks: vm.resources.weeks.length }, `printed ${JSON.stringify(printed)}`);
    await page.screenshot({ path: join(RESULTS, 'resources-print-preview.png') });
    const pdf = (await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true })).toString('latin1');
    const pages = (pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    // 220 rows of 26 px, scaled to fit the width (two-thirds), are more than three landscape pages.
    assert.ok(pages >= 4, `${pages} pages for 220 rows`);
    await page.emulateMedia({ media: 'screen' });
    await page.waitForFunction(() => document.querySelectorAll('.res-row').length < 220);
    assert.deepEqual(o.errors, []);
    await page.close();
  });

  void it('200 people and 20 pools over two years (levelled): virtualised, drawn quickly, scrolls only inside the grid', { timeout: 120_000 }, async () => {
    const vm: ViewModel = buildViewModel(analyzeProgram(programFromYaml(levelProgramYaml())));
    const weeks = vm.resources.weeks.length;
    assert.equal(vm.resources.rows.length, 220);
    assert.ok(weeks >= 90, `about two years of weeks (${weeks})`);
    for (const theme of ['light', 'dark'] as const) {
      const o = await openWebview(browser, null, theme, { width: 560, height: 800 });
      const { page } = o;
      // The model arrives while another tab shows (its unpacking is the Gantt's cost, measured in the bench);
      // then the tab is opened: from the click to the painted frame is the tab's own drawing.
      await page.setContent(webviewHtml(theme, { tab: 'milestones' }), { waitUntil: 'load' });
      await post(page, { type: 'update', viewModel: encodeViewModel(vm), documentUri: vm.uri });
      await page.waitForFunction(() => document.body.dataset.rendered === 'milestones');
      const ms = await page.evaluate(() => new Promise<number>((resolve) => {
        const t0 = performance.now();
        document.querySelector<HTMLElement>('button.tab[data-tab="resources"]')!.click();
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
      }));
      assert.equal(await page.evaluate(() => document.body.dataset.rendered), 'resources');
      console.log(`# Resources tab, 200 people + 20 pools × ${weeks} weeks (${theme}, 560 px): ${ms.toFixed(0)} ms from the click to the painted frame (machine load ${loadavg()[0]!.toFixed(1)})`);
      const drawn = await page.$$eval('.res-cell', (cs) => cs.length);
      assert.ok(drawn < 60 * weeks, `only the rows in view are in the DOM (${drawn} cells of ${220 * weeks})`);
      assert.deepEqual(await pageOverflow(page), []);
      // Scrolled to the last row, it is drawn.
      await page.$eval('.res-scroll', (el) => { el.scrollTop = el.scrollHeight; });
      await page.waitForFunction(() => !!document.querySelector('.res-row[data-row="q19"]'));
      await page.screenshot({ path: join(RESULTS, `resources-200-people-560-${theme}.png`) });
      assert.deepEqual(o.errors, []);
      await page.close();
    }
  });
});
