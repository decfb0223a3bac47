// The built webview in headless Chromium: the Gantt's geometry against the
// view model's dates, arrows, critical marks, collapsing, the risk heat map and
// table, clicks posted to the host, virtualisation, and user text that tries
// to be HTML. Screenshots of every tab in light and dark land in test-results/.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { ViewModel } from '../../server/src/view/view-model.js';
import { packViewModel, unpackViewModel } from '../../server/src/view/wire.js';
import { toDay } from '../../server/src/view/gantt-layout.js';
import { generatedVm, launch, openStandalone, openWebview, post, posted, showTab, vmOfFile } from './harness.js';

const ORION = vmOfFile('orion.program.yaml', join(__dirname, '../../examples/orion'));
const RESULTS = join(__dirname, '../../test-results');
let browser: Browser;
/** Tall enough that every row of Orion (and the overscan) is in the DOM. */
const TALL = { width: 1280, height: 2000 };

before(async () => { browser = await launch(); mkdirSync(RESULTS, { recursive: true }); });
after(async () => { await browser?.close(); });

function clone(vm: ViewModel): ViewModel {
  return JSON.parse(JSON.stringify(vm)) as ViewModel;
}

void describe('Gantt', () => {
  void it('draws one bar per task at the x of its dates', async () => {
    const o = await openWebview(browser, ORION, 'light', TALL);
    const { page } = o;
    await page.waitForFunction(() => document.body.dataset.rendered === 'gantt');
    const bars = await page.$$eval('g.bar.task', (gs) => gs.map((g) => ({
      id: g.getAttribute('data-id'), start: g.getAttribute('data-start'), end: g.getAttribute('data-end'),
      x: Number(g.querySelector('.bar-bg')?.getAttribute('x')), w: Number(g.querySelector('.bar-bg')?.getAttribute('width')),
      critical: g.classList.contains('critical'),
    })));
    const { origin, ppd } = await page.$eval('svg.gantt-body', (s) => ({ origin: Number((s as SVGElement).dataset.origin), ppd: Number((s as SVGElement).dataset.pxPerDay) }));
    assert.equal(bars.length, ORION.tasks.filter((t) => t.start).length, 'every dated task has a bar (45 rows fit the window)');
    for (const b of bars) {
      const t = ORION.tasks.find((x) => x.id === b.id)!;
      if (t.status === 'cancelled') continue; // a cross, not a bar (side-panel.test.ts)
      assert.equal(b.x, (toDay(t.start)! - origin) * ppd, `${t.id} starts at its start date`);
      // Zero-length work still gets a 2 px sliver.
      assert.equal(b.w, Math.max((Math.max(toDay(t.end)!, toDay(t.start)! - 1) + 1 - toDay(t.start)!) * ppd, 2), `${t.id} ends after its end date`);
      assert.equal(b.critical, t.critical, `${t.id} critical class`);
    }
    const arrows = await page.$$eval('path.dep', (ps) => ps.map((p) => ({ d: p.getAttribute('d')!, from: p.getAttribute('data-from'), critical: p.classList.contains('critical') })));
    assert.ok(arrows.length >= ORION.dependencies.length * 0.9, `arrows drawn (${arrows.length} of ${ORION.dependencies.length})`);
    assert.ok(arrows.some((a) => a.critical), 'critical arrows marked');
    // An FS arrow leaves its predecessor's right end.
    const fs = ORION.dependencies.find((d) => d.type === 'FS' && ORION.tasks.some((t) => t.id === d.from))!;
    const pred = bars.find((b) => b.id === fs.from)!;
    const arrow = arrows.find((a) => a.from === fs.from)!;
    assert.match(arrow.d, new RegExp(`^M${pred.x + pred.w},`));
    assert.ok(await page.$('line.status-line'), 'status-date line');
    assert.ok(await page.$('rect.holiday') || ORION.program.calendar.holidays.length === 0, 'holidays shaded');
    assert.ok(await page.$('rect.weekends'), 'weekends shaded');
    assert.ok(await page.$('g.milestone .diamond'), 'milestone diamonds');
    const late = ORION.milestones.find((m) => m.status === 'slipping');
    if (late) assert.ok(await page.$(`g.milestone[data-id="${late.id}"] .slip-line`), 'slip drawn for a late milestone');
    assert.deepEqual([o.errors, o.leaks, o.dialogs], [[], [], []]);
    await page.close();
  });

  void it('collapses a workstream, posts reveal on click and highlights on request', async () => {
    const { page } = await openWebview(browser, ORION, 'light', TALL);
    await page.waitForFunction(() => document.body.dataset.rendered === 'gantt');
    const ws = ORION.workstreams[0]!;
    const before = await page.$$eval('g.bar.task', (g) => g.length);
    await page.click(`g.label-row.group[data-group="${ws.id}"]`);
    const afterCollapse = await page.$$eval('g.bar.task', (g) => g.length);
    assert.equal(afterCollapse, before - ws.taskIds.length);
    assert.ok(await page.$(`g.label-row.group.collapsed[data-group="${ws.id}"]`));
    const state = await page.evaluate(() => (window as unknown as { __state: { collapsed: string[] } }).__state);
    assert.deepEqual(state.collapsed, [ws.id], 'collapsed groups are kept in setState');

    const task = ORION.tasks.find((t) => t.workstreamId !== ws.id && t.start)!;
    await page.click(`g.bar.task[data-id="${task.id}"] .bar-bg`);
    const reveal = (await posted(page)).filter((m) => m.type === 'reveal');
    assert.deepEqual(reveal.at(-1), { type: 'reveal', location: task.location });

    await post(page, { type: 'highlight', id: task.id });
    assert.ok(await page.waitForSelector(`g.bar.task.highlighted[data-id="${task.id}"]`));
    await page.close();
  });

  void it('zooms, and keeps the zoom in the state', async () => {
    const { page } = await openWebview(browser, ORION);
    await page.waitForFunction(() => document.body.dataset.rendered === 'gantt');
    for (const [zoom, ppd] of [['day', 24], ['month', 2.5], ['quarter', 0.9]] as const) {
      await page.selectOption('select.zoom', zoom);
      assert.equal(await page.$eval('svg.gantt-body', (s) => Number((s as SVGElement).dataset.pxPerDay)), ppd);
    }
    assert.equal(await page.evaluate(() => (window as unknown as { __state: { zoom: string } }).__state.zoom), 'quarter');
    await page.click('input.critical-only');
    const crit = await page.$$eval('g.bar.task', (g) => g.map((x) => x.classList.contains('critical')));
    assert.ok(crit.length > 0 && crit.every(Boolean), 'critical-path filter shows critical tasks only');
    await page.close();
  });

  void it('keeps only the visible rows of 10,000 tasks in the DOM', async () => {
    const vm = generatedVm(10_000);
    const { page } = await openWebview(browser, vm);
    await page.waitForFunction(() => document.body.dataset.rendered === 'gantt');
    const count = await page.$$eval('g.bar', (g) => g.length);
    assert.ok(count > 10 && count < 200, `${count} bars in the DOM`);
    await page.$eval('.gantt-scroll', (el) => { el.scrollTop = 100_000; });
    await page.waitForFunction(() => Array.from(document.querySelectorAll('g.label-row')).some((g) => Number(g.querySelector('rect')?.getAttribute('y')) > 99_000));
    assert.ok(await page.$$eval('g.bar', (g) => g.length) < 200);
    await page.close();
  });
});

void describe('Risks and milestones', () => {
  void it('counts risks in the heat map, filters on a cell, and sorts the table', async () => {
    const { page } = await openWebview(browser, ORION);
    await showTab(page, 'risks');
    const cells = await page.$$eval('.heat-cell', (cs) => cs.map((c) => ({ p: Number(c.getAttribute('data-p')), i: Number(c.getAttribute('data-i')), n: Number(c.textContent || 0), band: c.className })));
    assert.equal(cells.length, 25);
    for (const c of cells) {
      assert.equal(c.n, ORION.risks.filter((r) => r.probability === c.p && r.impact === c.i).length, `cell P${c.p} I${c.i}`);
      assert.ok(c.band.includes(`band-${ORION.riskMatrix[c.p - 1]![c.i - 1]}`));
    }
    const rows = () => page.$$eval('tr.risk-row', (rs) => rs.map((r) => r.getAttribute('data-id')));
    const defaultOrder = await rows();
    assert.equal(defaultOrder.length, ORION.risks.length);
    const firstClosed = defaultOrder.findIndex((id) => !ORION.risks.find((r) => r.id === id)!.open);
    if (firstClosed >= 0) assert.ok(defaultOrder.slice(firstClosed).every((id) => !ORION.risks.find((r) => r.id === id)!.open), 'open risks first');
    await page.click('button.sort[data-sort="score"]');
    const scores = (await rows()).map((id) => ORION.risks.find((r) => r.id === id)!.score ?? -1);
    assert.deepEqual(scores, [...scores].sort((a, b) => b - a), 'score sorts highest first');
    await page.click('button.sort[data-sort="score"]');
    const asc = (await rows()).map((id) => ORION.risks.find((r) => r.id === id)!.score ?? -1);
    assert.deepEqual(asc, [...asc].sort((a, b) => a - b), 'a second click sorts ascending');
    const cell = cells.find((c) => c.n > 0)!;
    await page.click(`.heat-cell[data-p="${cell.p}"][data-i="${cell.i}"]`);
    assert.equal((await rows()).length, cell.n, 'a cell filters the table');
    await page.click(`.heat-cell[data-p="${cell.p}"][data-i="${cell.i}"]`);
    await page.fill('input.risk-filter', ORION.risks[0]!.id);
    assert.ok((await rows()).includes(ORION.risks[0]!.id));
    const affected = ORION.risks[0]!.affects[0]!;
    await page.click(`tr.risk-row[data-id="${ORION.risks[0]!.id}"] a[data-reveal="${affected}"]`);
    const last = (await posted(page)).filter((m) => m.type === 'reveal').at(-1) as { location: { uri: string; line: number } };
    const target = [...ORION.tasks, ...ORION.milestones, ...ORION.workstreams].find((x) => x.id === affected)!;
    assert.deepEqual(last.location, target.location, 'affects links reveal');
    await page.close();
  });

  void it('lists milestones with target, forecast, slip, status and driving chain', async () => {
    const { page } = await openWebview(browser, ORION);
    await showTab(page, 'milestones');
    const rows = await page.$$eval('tr.milestone-row', (rs) => rs.map((r) => Array.from(r.querySelectorAll('td:not(.more)'), (td) => td.textContent)));
    assert.equal(rows.length, ORION.milestones.length);
    // The state in the core's words (milestone-state.ts), as the CLI, hover and code lens say it.
    const late = ORION.milestones.findIndex((m) => m.status === 'slipping');
    assert.ok(late >= 0, 'the orion example has a slipping milestone');
    const m = ORION.milestones[late]!;
    assert.deepEqual(rows[late]!.slice(0, 6), [m.id, m.name, m.target, m.date, `+${m.slip}d`, `slipping ${m.slip} working days`]);
    assert.ok(m.drivingChain.length > 0 && rows[late]![7]!.includes('→'));
    const states = new Set(rows.map((r) => r[5]));
    assert.ok(states.has('on time'), 'an on-time milestone says "on time"');
    assert.ok([...states].every((w) => /^(on time|slipping \d+ working days?|fixed|no target|no forecast)$/.test(w ?? '')), [...states].join(', '));
    await page.close();
  });
});

void describe('Dependencies (mermaid)', () => {
  void it('draws the graph with critical nodes and posts reveal when a node is clicked', async () => {
    const o = await openWebview(browser, ORION);
    const { page } = o;
    await showTab(page, 'graph');
    await page.selectOption('select.graph-mode', 'full'); // "auto" draws Orion with the lanes layout
    await page.waitForSelector('.graph-canvas svg:not(.layered-graph) g.node');
    const nodes = await page.$$eval('.graph-canvas [data-item-id]', (ns) => ns.map((n) => n.getAttribute('data-item-id')));
    assert.ok(nodes.length >= ORION.tasks.length, `${nodes.length} clickable nodes`);
    assert.ok(await page.$('.graph-canvas g.node.crit'), 'critical nodes styled');
    const task = ORION.tasks[3]!;
    await page.click(`.graph-canvas g.node[data-item-id="${task.id}"]`);
    assert.deepEqual((await posted(page)).filter((m) => m.type === 'reveal').at(-1), { type: 'reveal', location: task.location });
    await page.selectOption('select.graph-mode', 'workstreams');
    await page.waitForFunction(() => document.querySelectorAll('.graph-canvas g.node').length > 0 && document.querySelectorAll('.graph-canvas g.node').length < 20);
    await page.selectOption('select.graph-mode', 'focus');
    await page.fill('input.graph-focus', task.id);
    await page.press('input.graph-focus', 'Enter');
    await page.waitForFunction((id) => document.querySelector(`.graph-canvas g.node[data-item-id="${id}"]`) !== null && document.querySelectorAll('.graph-canvas g.node').length < 20, task.id);
    assert.deepEqual([o.errors, o.leaks, o.dialogs], [[], [], []]);
    await page.close();
  });
});

void describe('Dependencies (built-in layout)', () => {
  void it('draws big graphs and the workstream view itself: every node, critical marks, arrows pointing right, clicks', async () => {
    const vm = generatedVm(300);
    const o = await openWebview(browser, vm);
    const { page } = o;
    await showTab(page, 'graph');
    await page.selectOption('select.graph-mode', 'full');
    await page.waitForFunction(() => document.querySelector('.graph-canvas svg.layered-graph g.node') !== null);
    const nodes = await page.$$eval('.graph-canvas svg.layered-graph g.node', (ns) => ns.map((n) => ({
      id: n.getAttribute('data-item-id')!, crit: n.classList.contains('crit'), x: Number(/translate\(([\d.]+)/.exec(n.getAttribute('transform')!)![1]),
      label: n.querySelector('text')!.textContent!, title: n.querySelector('title')!.textContent!,
    })));
    assert.equal(nodes.length, vm.tasks.length + vm.milestones.length, 'one node per task and milestone');
    const byId = new Map(nodes.map((n) => [n.id, n]));
    for (const t of vm.tasks) {
      assert.equal(byId.get(t.id)!.crit, t.critical, `${t.id} critical class`);
      assert.ok(byId.get(t.id)!.title.includes(t.name ?? t.id), 'the full name is in the tooltip');
    }
    for (const d of vm.dependencies.filter((x) => x.fromKind !== 'workstream')) {
      assert.ok(byId.get(d.from)!.x < byId.get(d.to)!.x, `${d.from} → ${d.to} points right`);
    }
    assert.ok(await page.$$eval('path.gedge.critical', (p) => p.length) > 0, 'critical edges');
    assert.match((await page.textContent('.graph-note'))!, /built-in layout/);
    const task = vm.tasks[7]!;
    await page.click(`.graph-canvas g.node[data-item-id="${task.id}"]`);
    assert.deepEqual((await posted(page)).filter((m) => m.type === 'reveal').at(-1), { type: 'reveal', location: task.location });
    await page.selectOption('select.graph-mode', 'workstreams');
    await page.waitForFunction((n) => document.querySelectorAll('.graph-canvas g.node').length === n, vm.workstreams.length + vm.milestones.length);
    assert.ok(await page.$('.graph-canvas g.node.workstream'));
    assert.deepEqual([o.errors, o.leaks, o.dialogs], [[], [], []]);
    await page.close();
  });

  void it('packs the view model for the message and unpacks the same objects', () => {
    for (const vm of [ORION, generatedVm(500)]) assert.deepEqual(unpackViewModel(packViewModel(vm)), JSON.parse(JSON.stringify(vm)));
    assert.equal(unpackViewModel('{"v":1}'), undefined);
    assert.equal(unpackViewModel('not json'), undefined);
  });
});

void describe('safety', () => {
  const hostile = clone(ORION);
  (hostile.tasks[0] as { name: string }).name = '<img src=x onerror=alert(1)>';
  (hostile.risks[0] as { title: string }).title = '</script><script>alert(1)</script>';
  (hostile.milestones[0] as { name: string }).name = '"]; click n0 call alert(1) %% <b>x</b>';

  void it('renders hostile names as text in the standalone export and runs nothing', async () => {
    const o = await openStandalone(browser, hostile);
    const { page, html } = o;
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1]?.replace(/&#39;/g, "'") ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'sha256-[^']+' 'sha256-[^']+'(;|$)/, 'scripts only by hash');
    assert.doesNotMatch(csp, /unsafe-eval|https?:/);
    const deferred = (html.match(/<script type="text\/x-pac-deferred" class="pac-mermaid">/g) ?? []).length;
    assert.equal((html.match(/<\/script>/g) ?? []).length, 2 + deferred, 'the embedded title cannot close a script element');
    await page.waitForFunction(() => document.body.dataset.rendered === 'gantt');
    assert.ok((await page.textContent('svg.gantt-labels'))!.includes('<img src=x onerror=alert(1)>'));
    await showTab(page, 'risks');
    assert.ok((await page.textContent('table.risk-table'))!.includes('</script><script>alert(1)</script>'));
    await showTab(page, 'graph');
    await showTab(page, 'milestones');
    assert.equal(await page.$$eval('img', (i) => i.length), 0, 'no element made from user text');
    // Reveal in the standalone page names the file and line.
    await page.click(`a[data-reveal="${hostile.milestones[0]!.id}"]`);
    assert.match((await page.textContent('.toolbar-message'))!, /orion\.program\.yaml:\d+|\.program\.yaml:\d+/);
    assert.deepEqual([o.dialogs, o.errors, o.leaks], [[], [], []]);
    await page.close();
  });

  void it('sets the VS Code page CSP and ignores malformed messages', async () => {
    const o = await openWebview(browser, hostile);
    const { page } = o;
    const csp = await page.$eval('meta[http-equiv="Content-Security-Policy"]', (m) => m.getAttribute('content')!);
    assert.match(csp, /^default-src 'none'; script-src 'nonce-[\w]+'; style-src http:\/\/pac\.test 'unsafe-inline'; img-src http:\/\/pac\.test data:; font-src http:\/\/pac\.test$/);
    await post(page, { type: 'update', viewModel: { nope: 1 } });
    await post(page, { type: 'launchMissiles' });
    await post(page, 'just a string');
    await page.waitForFunction(() => true);
    assert.equal(o.warnings.filter((w) => w.includes('ignored')).length, 3);
    await showTab(page, 'graph');
    assert.equal(await page.$$eval('.graph-canvas img, .graph-canvas foreignObject', (i) => i.length), 0);
    assert.deepEqual([o.dialogs, o.errors, o.leaks], [[], [], []]);
    await page.close();
  });
});

void describe('screenshots', () => {
  for (const theme of ['light', 'dark'] as const) {
    void it(`saves every tab in the ${theme} theme`, async () => {
      const { page } = await openStandalone(browser, ORION, theme);
      await page.evaluate((t) => document.body.classList.toggle('vscode-dark', t === 'dark'), theme);
      for (const tab of ['gantt', 'graph', 'risks', 'milestones']) {
        await showTab(page, tab);
        await page.screenshot({ path: join(RESULTS, `preview-${tab}-${theme}.png`) });
      }
      await page.close();
      // The built-in layout: a 1,000-task program's workstream view, and 300 tasks in full.
      for (const [name, tasks, mode] of [['workstreams', 1000, 'workstreams'], ['large', 300, 'full']] as const) {
        const o = await openWebview(browser, generatedVm(tasks), theme);
        await o.page.evaluate((t) => document.body.classList.toggle('vscode-dark', t === 'dark'), theme);
        await showTab(o.page, 'graph');
        await o.page.selectOption('select.graph-mode', mode);
        await o.page.selectOption('select.graph-zoom', '1');
        await o.page.waitForSelector('.graph-canvas svg.layered-graph');
        await o.page.screenshot({ path: join(RESULTS, `preview-graph-${name}-${theme}.png`) });
        await o.page.close();
      }
    });
  }
});
