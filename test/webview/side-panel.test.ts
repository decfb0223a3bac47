// The preview as a user meets it beside the editor (560 px, "Open Preview to
// the Side") and full width (1,280 px), in light and dark: a screenshot of
// every tab into test-results/, and what a user would notice asserted on each
// (the name column stays in view, the Gantt opens at the status date, the
// first graph is readable, no table is cut off). Then cancelled work, the
// Markdown export's gantt in the real mermaid, and printing the export to PDF.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ganttSvg } from '../../server/src/view/gantt-svg.js';
import { programMarkdown } from '../../server/src/view/markdown.js';
import { generatedVm, launch, loadMermaidInto, openStandalone, openWebview, post, posted, showTab, vmOfFile } from './harness.js';

const ORION = vmOfFile('orion.program.yaml', join(__dirname, '../../examples/orion'));
const RESULTS = join(__dirname, '../../test-results');
const WIDTHS = [560, 1280] as const;
let browser: Browser;

before(async () => { browser = await launch(); mkdirSync(RESULTS, { recursive: true }); });
after(async () => { await browser?.close(); });

/** Horizontal overflow anywhere a user would see it: the page, the tab's panel, and every table's box. */
async function overflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const de = document.documentElement;
    if (de.scrollWidth > de.clientWidth) out.push(`page ${de.scrollWidth} > ${de.clientWidth}`);
    const panel = document.querySelector<HTMLElement>('section.panel:not([hidden])');
    for (const el of [panel, ...Array.from(panel?.querySelectorAll<HTMLElement>('.risks, .milestones, .register, .table-wrap, table') ?? [])]) {
      if (el && el.scrollWidth > el.clientWidth + 1) out.push(`${el.className || el.tagName} ${el.scrollWidth} > ${el.clientWidth}`);
    }
    for (const t of Array.from(document.querySelectorAll('table'))) {
      const r = t.getBoundingClientRect();
      if (r.width > 0 && r.right > window.innerWidth) out.push(`table right ${r.right} > ${window.innerWidth}`);
    }
    return out;
  });
}

/**
 * On-screen size (CSS px) of the graph's label text, how many nodes are fully
 * in view, and the nodes that stick out of the canvas's width (left or right
 * edge outside [0, clientWidth] of the canvas, however far it is scrolled down).
 */
async function graphReadability(page: Page): Promise<{ minFontPx: number; nodesInView: number; labels: string[]; nodes: number; outside: string[] }> {
  return page.evaluate(() => {
    const canvas = document.querySelector('.graph-canvas')!;
    const svg = canvas.querySelector('svg')!;
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    const view = canvas.getBoundingClientRect();
    let minFontPx = Infinity;
    let nodesInView = 0;
    const labels: string[] = [];
    const outside: string[] = [];
    const all = Array.from(svg.querySelectorAll('g.node'));
    for (const node of all) {
      const r = node.getBoundingClientRect();
      const text = node.querySelector('text');
      if (!text) continue;
      const left = r.left - view.left - canvas.clientLeft;
      if (left < 0 || left + r.width > canvas.clientWidth) outside.push(`${text.textContent ?? ''} [${left.toFixed(0)}, ${(left + r.width).toFixed(0)}] of ${canvas.clientWidth}`);
      minFontPx = Math.min(minFontPx, parseFloat(getComputedStyle(text).fontSize) * scale);
      if (r.left >= view.left && r.right <= view.right && r.top >= view.top && r.bottom <= view.bottom && r.width > 0) {
        nodesInView++;
        labels.push(text.textContent ?? '');
      }
    }
    return { minFontPx, nodesInView, labels, nodes: all.length, outside };
  });
}

void describe('side panel and full width: every tab, light and dark', () => {
  for (const width of WIDTHS) {
    for (const theme of ['light', 'dark'] as const) {
      void it(`${width} px, ${theme}`, { timeout: 120_000 }, async () => {
        const o = await openWebview(browser, ORION, theme, { width, height: 800 });
        const { page } = o;
        await page.waitForFunction(() => document.body.dataset.rendered === 'gantt');

        // Gantt: opens at the status date, in the chart's visible part.
        const at = await page.evaluate(() => {
          const sc = document.querySelector('.gantt-scroll')!.getBoundingClientRect();
          const labels = document.querySelector('svg.gantt-labels')!.getBoundingClientRect();
          const line = document.querySelector('line.status-line')!.getBoundingClientRect();
          return { x: line.left, from: labels.right, to: sc.right, scrollLeft: document.querySelector('.gantt-scroll')!.scrollLeft };
        });
        assert.ok(at.x > at.from && at.x < at.to, `the status-date line is in view (${at.x} in ${at.from}..${at.to})`);
        if (width === 560) assert.ok(at.scrollLeft > 0, 'a side panel opens scrolled to the status date, not the program start');
        assert.ok(await page.$('.gantt-legend .legend-critical') && await page.$('.gantt-legend .legend-cancelled') && await page.$('.gantt-legend .legend-status-date'), 'a legend');
        await page.screenshot({ path: join(RESULTS, `panel-gantt-${width}-${theme}.png`) });
        // Scrolled sideways, the names stay in view at the left edge.
        await page.$eval('.gantt-scroll', (el) => { el.scrollLeft += 600; });
        await page.waitForTimeout(50);
        const names = await page.evaluate(() => {
          const sc = document.querySelector('.gantt-scroll')!.getBoundingClientRect();
          const row = document.querySelector('g.label-row.task .label-name')!.getBoundingClientRect();
          const hit = document.elementFromPoint(row.left + 4, row.top + row.height / 2);
          return { left: row.left - sc.left, hitLabel: !!hit?.closest('svg.gantt-labels') };
        });
        assert.ok(names.left >= 0 && names.left < 40 && names.hitLabel, `the name column stays in view after scrolling (${JSON.stringify(names)})`);
        await page.screenshot({ path: join(RESULTS, `panel-gantt-scrolled-${width}-${theme}.png`) });

        // Dependencies: the first view is readable.
        await showTab(page, 'graph');
        await page.waitForSelector('.graph-canvas svg g.node');
        const g = await graphReadability(page);
        assert.ok(g.minFontPx >= 11, `graph text is ${g.minFontPx.toFixed(1)} px on screen (>= 11)`);
        assert.ok(g.nodesInView >= 2, `whole nodes in the first view: ${g.labels.join(' | ')}`);
        if (width === 560) {
          // Top to bottom in a side panel: every node within the panel's width, no sideways scrolling.
          assert.equal(await page.$eval('.graph-canvas svg', (el) => el.classList.contains('tb')), true, 'a side panel lays the graph out top to bottom');
          assert.ok(g.nodes >= 3, `the workstream view has its nodes (${g.nodes})`);
          assert.deepEqual(g.outside, [], 'no node is cut off at the left or right edge');
          assert.equal(await page.$eval('.graph-canvas', (c) => c.scrollWidth <= c.clientWidth + 1), true, 'no sideways scroll');
        } else {
          assert.equal(await page.$eval('.graph-canvas svg', (el) => el.classList.contains('lr')), true, 'a wide panel keeps left to right');
        }
        await page.screenshot({ path: join(RESULTS, `panel-graph-${width}-${theme}.png`) });

        for (const tab of ['risks', 'milestones'] as const) {
          await showTab(page, tab);
          assert.deepEqual(await overflow(page), [], `${tab}: nothing cut off, no sideways scroll`);
          await page.screenshot({ path: join(RESULTS, `panel-${tab}-${width}-${theme}.png`) });
        }
        if (width === 560) {
          // The columns left out open under their row.
          await page.click('tr.milestone-row .more-toggle');
          assert.ok(await page.isVisible('.milestones tr.details .row-details'), 'a milestone row opens its details');
          assert.match((await page.textContent('.milestones tr.details'))!, /Driving chain/);
          assert.deepEqual(await overflow(page), []);
          await page.screenshot({ path: join(RESULTS, `panel-milestones-details-${width}-${theme}.png`) });
          await page.click('button.tab[data-tab="risks"]'); // drawn already: no new render
          assert.equal(await page.isVisible('th:has-text("Mitigation")'), false, 'mitigation is on demand in a side panel');
        } else {
          await page.click('button.tab[data-tab="risks"]'); // drawn already: no new render
          assert.equal(await page.isVisible('th:has-text("Mitigation")'), true, 'every column at full width');
          assert.equal(await page.isVisible('.more-toggle'), false);
        }
        assert.deepEqual([o.errors, o.leaks, o.dialogs], [[], [], []]);
        await page.close();
      });
    }
  }

  void it('in a side panel, the graph follows the item under the cursor, with pan and zoom', { timeout: 60_000 }, async () => {
    const { page } = await openWebview(browser, ORION, 'light', { width: 560, height: 800 });
    await showTab(page, 'graph');
    await page.waitForSelector('.graph-canvas svg g.node.workstream');
    const task = ORION.tasks.find((t) => ORION.dependencies.some((d) => d.to === t.id) && ORION.dependencies.some((d) => d.from === t.id))!;
    await post(page, { type: 'highlight', id: task.id });
    await page.waitForSelector(`.graph-canvas svg g.node[data-item-id="${task.id}"]`);
    assert.match((await page.textContent('.graph-note'))!, new RegExp(`around ${task.id}`));
    const g = await graphReadability(page);
    assert.ok(g.minFontPx >= 11, `focused graph text ${g.minFontPx} px`);
    assert.ok(g.nodes >= 3, `the neighbourhood has the item and its neighbours (${g.nodes})`);
    assert.deepEqual(g.outside, [], 'no neighbour is cut off at the left or right edge');
    assert.equal(await page.$eval('.graph-canvas svg g.node.focused', (n) => n.getAttribute('data-item-id')), task.id, 'the item under the cursor is marked');
    await page.screenshot({ path: join(RESULTS, 'panel-graph-focus-560-light.png') });
    // Clicking a node reveals its item in the editor.
    const other = await page.$eval(`.graph-canvas svg g.node:not([data-item-id="${task.id}"])`, (n) => n.getAttribute('data-item-id')!);
    await page.click(`.graph-canvas svg g.node[data-item-id="${other}"]`);
    const loc = [...ORION.tasks, ...ORION.milestones].find((t) => t.id === other)!.location;
    assert.deepEqual((await posted(page)).filter((m) => m.type === 'reveal').at(-1), { type: 'reveal', location: loc });
    // Ctrl + wheel zooms in; a drag pans.
    const before = await page.$eval('.graph-canvas svg', (s) => s.getBoundingClientRect().width);
    await page.mouse.move(280, 400);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -100);
    await page.keyboard.up('Control');
    await page.waitForFunction((w) => document.querySelector('.graph-canvas svg')!.getBoundingClientRect().width > w, before);
    const left0 = await page.$eval('.graph-canvas', (c) => c.scrollLeft);
    await page.mouse.move(400, 400);
    await page.mouse.down();
    await page.mouse.move(200, 400, { steps: 5 });
    await page.mouse.up();
    assert.ok(await page.$eval('.graph-canvas', (c) => c.scrollLeft) > left0, 'dragging pans the graph');
    await page.close();
  });

  void it('the Gantt tooltip names people, not ids', async () => {
    const { page } = await openWebview(browser, ORION, 'light', { width: 1280, height: 2000 });
    await page.waitForFunction(() => document.body.dataset.rendered === 'gantt');
    const ws = ORION.workstreams.find((w) => w.ownerName && w.ownerName !== w.owner && ORION.tasks.some((t) => t.workstreamId === w.id && t.start && t.status !== 'cancelled'))!;
    const task = ORION.tasks.find((t) => t.workstreamId === ws.id && t.start && t.status !== 'cancelled')!;
    await page.$eval('.gantt-scroll', (el) => { el.scrollLeft = 0; });
    await page.hover(`g.bar.task[data-id="${task.id}"] .bar-bg`, { force: true });
    const tip = (await page.textContent('.tooltip'))!;
    assert.match(tip, new RegExp(`Owner: ${ws.ownerName}`));
    assert.doesNotMatch(tip, new RegExp(`Owner: ${ws.owner}\\b`));
    await page.close();
  });
});

void describe('cancelled work', () => {
  const cancelled = ORION.tasks.find((t) => t.status === 'cancelled')!;

  void it('is drawn as cancelled in the preview and the SVG export, not as a bar that ends before it starts', async () => {
    assert.ok(cancelled && cancelled.end! < cancelled.start!, 'Orion has a cancelled task (end before start)');
    const { page } = await openWebview(browser, ORION, 'light', { width: 1280, height: 2000 });
    await page.waitForFunction(() => document.body.dataset.rendered === 'gantt');
    const mark = await page.$eval(`g.bar.task[data-id="${cancelled.id}"]`, (g) => ({
      cls: g.getAttribute('class'), cross: !!g.querySelector('path.cancel-mark'), bar: !!g.querySelector('.bar-bg'), text: g.textContent,
    }));
    assert.deepEqual(mark, { cls: 'bar task status-cancelled', cross: true, bar: false, text: 'cancelled' });
    assert.ok(await page.$(`g.label-row.cancelled[data-id="${cancelled.id}"]`), 'the name is struck through');
    await page.close();
    const svg = ganttSvg(ORION);
    const g = new RegExp(`<g class="task status-cancelled"><title>[^<]*\\(${cancelled.id}\\): cancelled, takes no time</title><path class="cancel-mark"`);
    assert.match(svg, g);
    assert.doesNotMatch(svg, /width="-/);
  });

  void it('the Markdown export draws in the real mermaid with no negative width', { timeout: 180_000 }, async () => {
    // Also a cancelled task that would have started on a Monday: its end (the day
    // before its start) is the Friday before, which once gave mermaid a negative width.
    const monday = JSON.parse(JSON.stringify(ORION)) as typeof ORION;
    Object.assign(monday.tasks.find((t) => t.status === 'cancelled')!, { start: '2026-03-16', end: '2026-03-13' });
    for (const [vm, both] of [[ORION, true], [monday, false]] as const) {
      const md = programMarkdown(vm);
      const blocks = [...md.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1]!);
      assert.equal(blocks.length, 2);
      if (!both) blocks.pop();
      const o = await openWebview(browser, null);
      await loadMermaidInto(o.page);
      const result = await o.page.evaluate(async (texts) => {
        const m = (window as unknown as { pacMermaid: { initialize(c: object): void; render(id: string, t: string): Promise<{ svg: string }> } }).pacMermaid;
        m.initialize({ startOnLoad: false, securityLevel: 'strict', maxTextSize: 10_000_000, maxEdges: 50_000 });
        const out: { negative: string[]; cancelled: boolean }[] = [];
        for (const [i, t] of texts.entries()) {
          const { svg } = await m.render(`md-${i}`, t);
          out.push({ negative: svg.match(/(?:width|height)="-[^"]*"/g) ?? [], cancelled: svg.includes('(cancelled)') });
        }
        return out;
      }, blocks);
      assert.deepEqual(result.map((r) => r.negative), blocks.map(() => []), 'no negative sizes');
      assert.equal(result[0]!.cancelled, vm.tasks.some((t) => t.status === 'cancelled'), 'cancelled tasks are named as cancelled');
      assert.deepEqual(o.errors.filter((e) => /negative|attribute/i.test(e)), [], 'no "negative width" errors');
      await o.page.close();
    }
  });
});

void describe('printing the exported page', () => {
  void it('prints every Gantt row on A4 and Letter pages, without the toolbar', { timeout: 120_000 }, async () => {
    const vm = generatedVm(150);
    const o = await openStandalone(browser, vm);
    const { page } = o;
    await page.waitForFunction(() => document.body.dataset.rendered === 'gantt');
    const rows = await page.evaluate(() => Number(document.querySelector('svg.gantt-labels')!.getAttribute('height')) / 24);
    for (const format of ['A4', 'Letter'] as const) {
      const pdf = (await page.pdf({ format, preferCSSPageSize: true, printBackground: true })).toString('latin1');
      const pages = (pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf)!;
      assert.ok(Number(box[1]) > Number(box[2]), `${format}: landscape pages (${box[1]} × ${box[2]} pt)`);
      // A landscape page holds ~30 rows of 24 px: every row printed needs at least this many pages.
      assert.ok(pages > 0 && pages >= Math.floor((rows * 24) / 800), `${format}: ${pages} pages for ${rows} rows`);
    }
    await page.emulateMedia({ media: 'print' });
    await page.waitForFunction((n) => document.querySelectorAll('g.label-row').length === n, rows);
    assert.equal(await page.$eval('.toolbar', (t) => getComputedStyle(t).display), 'none', 'no toolbar in print');
    assert.equal(await page.$eval('.gantt-scroll', (t) => getComputedStyle(t).overflow), 'visible', 'the chart is not clipped to a scroll box');
    await page.emulateMedia({ media: 'screen' });
    await page.waitForFunction(() => document.querySelectorAll('g.label-row').length < 100);
    assert.deepEqual(o.errors, []);
    await page.close();
  });
});
