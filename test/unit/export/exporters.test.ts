// The pure exporters: Gantt SVG, risks CSV, Markdown, the standalone HTML page,
// and the preview's flowchart text. User text must come out escaped.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { buildViewModel } from '../../../server/src/view/build-view-model.js';
import type { ViewModel } from '../../../server/src/view/view-model.js';
import { ganttSvg } from '../../../server/src/view/gantt-svg.js';
import { arrowPath, buildRows, makeScale, toDay } from '../../../server/src/view/gantt-layout.js';
import { csvCell } from '../../../server/src/view/csv.js';
import { risksCsv } from '../../../server/src/view/risks-csv.js';
import { markdownCell, programMarkdown } from '../../../server/src/view/markdown.js';
import { jsonForScript, standaloneHtml } from '../../../server/src/node/standalone-html.js';
import { flowchartText, focusSet } from '../../../media/src/graph/flowchart-text.js';
import { contextOf } from '../../helpers/feature.js';
import { SAMPLE } from '../../helpers/sample.js';

const base = buildViewModel(contextOf(SAMPLE).analysis!);
function hostile(): ViewModel {
  const vm = JSON.parse(JSON.stringify(base)) as ViewModel;
  (vm.tasks[0] as { name: string }).name = '<img src=x onerror=alert(1)> & "q"';
  (vm.risks[0] as { title: string }).title = '</script><script>alert(1)</script> | =HYPERLINK("x")';
  (vm.risks[0] as { mitigation: string }).mitigation = '=cmd|calc';
  return vm;
}

void describe('gantt layout', () => {
  void it('puts rows under workstreams and maps days to pixels', () => {
    const { rows, index } = buildRows(base, new Set(), false);
    assert.deepEqual(rows.map((r) => `${r.kind}:${r.id}`), ['group:#milestones', 'milestone:beta', 'group:backend', 'task:design', 'task:api', 'group:web', 'task:ui']);
    assert.equal(index.get('api'), 4);
    const collapsed = buildRows(base, new Set(['backend']), false);
    assert.deepEqual(collapsed.rows.map((r) => r.id), ['#milestones', 'beta', 'backend', 'web', 'ui']);
    const scale = makeScale(base, 'day');
    assert.equal(scale.x(toDay('2026-01-05')!) % 24, 0);
    assert.equal(scale.x(toDay('2026-01-06')!) - scale.x(toDay('2026-01-05')!), 24);
  });

  void it('draws FS from end to start, SS start to start, FF end to end', () => {
    const a = { x1: 10, x2: 50, y: 12 };
    const b = { x1: 80, x2: 120, y: 60 };
    assert.match(arrowPath('FS', a, b), /^M50,12.*H80$/);
    assert.match(arrowPath('SS', a, b), /^M10,12.*H80$/);
    assert.match(arrowPath('FF', a, b), /^M50,12.*H120$/);
  });
});

void describe('gantt svg', () => {
  void it('draws every task and escapes names', () => {
    const svg = ganttSvg(hostile());
    assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
    assert.equal((svg.match(/<g class="task /g) ?? []).length, base.tasks.length);
    assert.ok(svg.includes('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot;'));
    assert.ok(!svg.includes('<img'));
    assert.ok(svg.includes('class="milestone status-slipping'));
  });
});

void describe('risks csv', () => {
  void it('quotes, defuses formulas and puts open risks first', () => {
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('=1+1'), "'=1+1");
    const csv = risksCsv(hostile());
    const [head, row] = csv.split('\r\n');
    assert.equal(head, 'id,title,probability,impact,score,band,status,owner,mitigation,contingency,affects,review_by');
    assert.ok(row!.startsWith('R-vendor,"</script><script>alert(1)</script> | =HYPERLINK(""x"")",4,3,12,high,open,Alice Chen,\'=cmd|calc,'));
  });
});

void describe('markdown', () => {
  void it('has mermaid gantt and flowchart blocks and an escaped risk table', () => {
    const md = programMarkdown(hostile());
    assert.equal((md.match(/```mermaid\n(gantt|flowchart LR)/g) ?? []).length, 2);
    assert.ok(md.includes('| ID | Title | Score |'));
    assert.ok(md.includes('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; \\| =HYPERLINK("x")'));
    assert.equal(markdownCell('a|b*c_'), 'a\\|b\\*c\\_');
  });
});

void describe('standalone html', () => {
  void it('embeds the view model so no string can close its script, with a hash-only CSP', () => {
    assert.equal(jsonForScript({ a: '</script>&\u2028' }), '{"a":"\\u003c/script\\u003e\\u0026\\u2028"}');
    const vm = hostile();
    const html = standaloneHtml(vm, { previewJs: 'console.log("</script>")', previewCss: 'body{}', mermaidJs: 'var m=1' });
    assert.equal((html.match(/<\/script>/gi) ?? []).length, 3, 'three script elements, nothing else closes one');
    const json = /<script type="application\/json" id="view-model">(.*?)<\/script>/s.exec(html)![1]!;
    assert.deepEqual(JSON.parse(json), vm);
    const csp = /content="([^"]*)"/.exec(html)![1]!.replace(/&#39;/g, "'");
    const hashes = [...csp.matchAll(/'sha256-([^']+)'/g)].map((m) => m[1]);
    // The preview runs at once; mermaid waits in deferred blocks that the preview joins and runs on first use.
    const deferred = [...html.matchAll(/<script type="text\/x-pac-deferred" class="pac-mermaid">(.*?)<\/script>/gs)].map((m) => m[1]!).join('');
    assert.equal(deferred, 'var m=1');
    const scripts = [...[...html.matchAll(/<script>(.*?)<\/script>/gs)].map((m) => m[1]!), deferred].map((t) => createHash('sha256').update(t).digest('base64'));
    assert.deepEqual(hashes, scripts, 'every inline script, and only those, is allowed by hash');
    assert.match(csp, /^default-src 'none'; script-src /);
    assert.ok(html.includes('<\\/script>'), 'inlined code cannot end its element');
  });
});

void describe('flowchart text', () => {
  void it('uses generated ids, escaped labels and marks the critical path', () => {
    const vm = hostile();
    const fc = flowchartText(vm, 'full', null, 2);
    assert.match(fc.text, /^flowchart LR\n {2}subgraph w0\["Backend"\]/);
    assert.ok(fc.text.includes('#lt;img src=x onerror=alert(1)#gt; & #quot;q#quot;'));
    assert.equal(fc.nodeCount, vm.tasks.length + vm.milestones.length);
    assert.match(fc.text, /class [n\d,]+ crit/);
    assert.equal(fc.items.get('n0'), vm.tasks.find((t) => t.workstreamId === 'backend')!.id);
    const ws = flowchartText(vm, 'workstreams', null, 2);
    assert.equal(ws.nodeCount, vm.workstreams.length + vm.milestones.length);
    assert.deepEqual([...focusSet(vm, 'api', 1)].sort(), ['api', 'beta', 'design', 'ui'], 'api, its predecessor design, its successors beta and ui');
  });
});
