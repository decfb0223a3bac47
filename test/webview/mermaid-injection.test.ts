// Issue 11, M2: every mermaid text we produce (the Markdown export, the
// mermaid export, the preview's flowcharts) is read by the real mermaid
// (dist/media/mermaid.js, the bundle the preview loads) in headless Chromium:
// names that start with a Gantt keyword or hold a `%%{init}%%` directive must
// parse, draw every task, and come out as the same text.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { analyzeProgram } from '../../server/src/program/analyze.js';
import { programMarkdown } from '../../server/src/view/markdown.js';
import { programAsMermaidFlowchart, programAsMermaidGantt, programAsMermaidMarkdown } from '../../server/src/view/mermaid.js';
import { buildViewModel } from '../../server/src/view/build-view-model.js';
import { flowchartText } from '../../media/src/graph/flowchart-text.js';
import { lines, programFromYaml } from '../helpers/program.js';
import { launch, open } from './harness.js';

const NAMES = [
  'Click tracking', 'Section 508 audit', 'Title screen design', 'Includes review', 'Excludes list cleanup',
  'dateFormat migration', 'todayMarker off', 'axisFormat %Y', 'call back', 'weekday monday',
  "%%{init:{'theme':'forest'}}%%", 'Budget {draft} at 100%', 'A: b; c # d', 'Fix #amp; and #35;',
];
const WORKSTREAM = "%%{init: {'theme':'dark'}}%% Core";

const vm = buildViewModel(analyzeProgram(programFromYaml(lines(
  'version: 1',
  `program: { id: p, name: ${JSON.stringify('Title %%{init}%% plan')}, start: 2026-03-02 }`,
  'workstreams:',
  '  - id: ws',
  `    name: ${JSON.stringify(WORKSTREAM)}`,
  '    tasks:',
  ...NAMES.map((n, i) => `      - { id: t${i}, name: ${JSON.stringify(n)}, duration: 2d${i > 0 ? `, depends_on: [t${i - 1}]` : ''} }`),
  'milestones:',
  `  - { id: m, name: "Click me", depends_on: [t${NAMES.length - 1}] }`,
))));

/**
 * Label text as drawn, compared without the word joiners the escaping adds and
 * without white space (mermaid wraps a long label over several tspans, even mid-word).
 */
const visible = (s: string): string => s.replace(/[\u2060\s]/g, '');

/** The mermaid code blocks of a Markdown text. */
function blocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```mermaid\n([\s\S]*?)\n```$/gm)].map((m) => m[1] as string);
}

let browser: Browser;
let page: Page;

before(async () => {
  browser = await launch();
  const o = await open(browser, '<!doctype html><html><body><script src="/media/mermaid.js"></script></body></html>', 'light');
  page = o.page;
  await page.waitForFunction(() => (window as unknown as { pacMermaid?: unknown }).pacMermaid !== undefined);
  await page.evaluate(() => {
    const m = (window as unknown as { pacMermaid: { initialize(c: unknown): void } }).pacMermaid;
    m.initialize({ startOnLoad: false, securityLevel: 'strict', htmlLabels: false, flowchart: { htmlLabels: false } });
  });
});

after(async () => {
  await browser.close();
});

/** Parses and renders `text`; the texts of the drawn labels and the theme the SVG was drawn with. */
async function render(text: string): Promise<{ ok: boolean; error?: string; labels: string[]; taskCount: number; directive: boolean }> {
  return page.evaluate(async (src) => {
    const m = (window as unknown as { pacMermaid: {
      parse(t: string): Promise<unknown>;
      render(id: string, t: string): Promise<{ svg: string }>;
    } }).pacMermaid;
    try {
      await m.parse(src);
      const { svg } = await m.render(`g${Math.random().toString(36).slice(2)}`, src);
      const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
      // A label's words may be split over tspans: a whole <text> is one label.
      const labels = Array.from(doc.querySelectorAll('text')).map((n) => Array.from(n.querySelectorAll('tspan')).filter((t) => t.children.length === 0).map((t) => t.textContent ?? '').join(' ').replace(/\s+/g, ' ').trim() || (n.textContent ?? '').trim());
      // A directive switching to the forest or dark theme changes the colours in the SVG's own stylesheet.
      const style = Array.from(doc.querySelectorAll('style')).map((n) => n.textContent ?? '').join('');
      const directive = /#cde498|#1f2020/i.test(style);
      return { ok: true, labels, taskCount: doc.querySelectorAll('rect.task').length, directive };
    } catch (e) {
      return { ok: false, error: String(e), labels: [], taskCount: 0, directive: false };
    }
  }, text);
}

void describe('mermaid outputs parsed by mermaid itself', () => {
  void it('the Gantt (mermaid export): keyword-led names stay tasks, every task is drawn with its own name', async () => {
    const gantt = programAsMermaidGantt(vm);
    const r = await render(gantt);
    assert.ok(r.ok, `${r.error}\n${gantt}`);
    assert.equal(r.taskCount, NAMES.length + 1, `${r.taskCount} bars for ${NAMES.length} tasks and a milestone`);
    for (const name of [...NAMES, 'Click me']) assert.ok(r.labels.some((l) => l.trim() === name.replace(/\s+/g, ' ')), `task "${name}" not drawn as itself: ${JSON.stringify(r.labels)}`);
    assert.equal(r.directive, false);
  });

  void it('the flowchart (mermaid export): `%`, `{`, `}` are text, no directive runs', async () => {
    const flow = programAsMermaidFlowchart(vm);
    const r = await render(flow);
    assert.ok(r.ok, `${r.error}\n${flow}`);
    const text = visible(r.labels.join('\n'));
    for (const name of NAMES) assert.ok(text.includes(visible(name)), `label "${name}" missing`);
    assert.ok(text.includes(visible(WORKSTREAM)));
    assert.equal(r.directive, false, 'a %%{init}%% in a label switched the theme');
  });

  void it('the Markdown export and "Copy as Mermaid": every block parses', async () => {
    const all = [...blocks(programMarkdown(vm)), ...blocks(programAsMermaidMarkdown(vm))];
    assert.equal(all.length, 4);
    for (const b of all) {
      const r = await render(b);
      assert.ok(r.ok, `${r.error}\n${b}`);
      assert.equal(r.directive, false);
    }
  });

  void it("the preview's graphs (full, focus, workstreams) parse, and a label that is only a directive still draws", async () => {
    const views = [flowchartText(vm, 'full', null, 1), flowchartText(vm, 'focus', 't10', 2), flowchartText(vm, 'workstreams', null, 1)];
    for (const fc of views) {
      const r = await render(fc.text);
      assert.ok(r.ok, `${r.error}\n${fc.text}`);
      assert.equal(r.directive, false);
    }
    const focus = await render(views[1]!.text);
    assert.ok(focus.labels.some((l) => visible(l).includes(visible("%%{init:{'theme':'forest'}}%%"))), JSON.stringify(focus.labels));
  });
});
