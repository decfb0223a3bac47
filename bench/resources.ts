// The Resources tab at 200 people and 20 pools over about two years (the
// levelling bench's program, bench/level.ts): building its part of the view
// model in node (CPU time; the server does it on every preview refresh), and
// drawing the tab in headless Chromium at side-panel width, from the click on
// the tab to the painted frame (the view model already received). No target
// in the issue beyond "reads well at 200 people × 2 years"; printed as info,
// beside the Gantt's 10,000-task first paint (< 300 ms) for scale.
// Run: node --import tsx bench/resources.ts
import { analyzeProgram } from '../server/src/program/analyze.js';
import { buildViewModel } from '../server/src/view/build-view-model.js';
import { encodeViewModel } from '../server/src/view/wire.js';
import { buildResourcesView } from '../server/src/view/resources-view.js';
import { launch, openWebview, post, webviewHtml } from '../test/webview/harness.js';
import { programFromYaml } from '../test/helpers/program.js';
import { levelProgramYaml } from './level.js';

export interface ResourcesFigures {
  readonly rows: number;
  readonly weeks: number;
  /** buildResourcesView, CPU ms (median of 3). */
  readonly buildCpuMs: number;
  /** Click on the tab → painted frame, ms (median of 3 pages). */
  readonly drawMs: number;
}

function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
}

export async function benchResources(): Promise<ResourcesFigures> {
  const analysis = analyzeProgram(programFromYaml(levelProgramYaml()));
  const cpu: number[] = [];
  for (let i = 0; i < 3; i++) {
    const c = process.cpuUsage();
    buildResourcesView(analysis);
    const u = process.cpuUsage(c);
    cpu.push((u.user + u.system) / 1000);
  }
  const vm = buildViewModel(analysis);
  const wire = encodeViewModel(vm);
  const browser = await launch();
  const draw: number[] = [];
  try {
    for (let i = 0; i < 3; i++) {
      const { page } = await openWebview(browser, null, 'light', { width: 560, height: 800 });
      await page.setContent(webviewHtml('light', { tab: 'milestones' }), { waitUntil: 'load' });
      await post(page, { type: 'update', viewModel: wire, documentUri: vm.uri });
      await page.waitForFunction(() => document.body.dataset.rendered === 'milestones', undefined, { timeout: 120_000 });
      draw.push(await page.evaluate(() => new Promise<number>((resolve) => {
        const t0 = performance.now();
        document.querySelector<HTMLElement>('button.tab[data-tab="resources"]')!.click();
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
      })));
      await page.close();
    }
  } finally {
    await browser.close();
  }
  const r: ResourcesFigures = { rows: vm.resources.rows.length, weeks: vm.resources.weeks.length, buildCpuMs: median(cpu), drawMs: median(draw) };
  console.log(`resources tab, ${r.rows} people and pools × ${r.weeks} weeks: build ${r.buildCpuMs.toFixed(0)} ms CPU, draw ${r.drawMs.toFixed(0)} ms (560 px)`);
  return r;
}

if (require.main === module) void benchResources();
