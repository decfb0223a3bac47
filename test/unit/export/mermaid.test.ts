// The Mermaid export: both diagrams from a view model, with user text that
// would break Mermaid's syntax escaped as entity codes.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyzeProgram } from '../../../server/src/program/analyze.js';
import {
  escapeFlowchartLabel, escapeGanttText, programAsMermaidFlowchart, programAsMermaidGantt, programAsMermaidMarkdown,
} from '../../../server/src/view/mermaid.js';
import { buildViewModel } from '../../../server/src/view/build-view-model.js';
import { lines, programFromYaml } from '../../helpers/program.js';

const vm = buildViewModel(analyzeProgram(programFromYaml(lines(
  'version: 1',
  'program: { id: p, name: "Tiny: #1; 100%", start: 2026-03-02 }',
  'workstreams:',
  '  - id: ws',
  '    name: "Core; work"',
  '    tasks:',
  '      - { id: end, name: "Design: it", duration: 3d, status: done }',
  '      - { id: b, name: Build it, duration: 5d, depends_on: [end] }',
  '      - { id: c, name: "Docs \\"quoted\\" <b>", duration: 1d, depends_on: [{ id: end, type: SS, lag: 1d }] }',
  'milestones:',
  '  - { id: m, name: "Release: v1", depends_on: [b] }',
))));

test('Gantt text escapes the characters that end a task name, its data or the line', () => {
  assert.equal(escapeGanttText('a: b; #c 100%\nnext'), 'a#58; b#59; #35;c 100#37; next');
  assert.equal(escapeGanttText('  '), '(unnamed)');
});

test('flowchart labels escape quotes, markup and entity starts', () => {
  assert.equal(escapeFlowchartLabel('say "hi" <b> #1 `x`'), 'say #quot;hi#quot; #lt;b#gt; #1 #96;x#96;');
  // Entity-like text and directive openers are broken up by a word joiner, so they stay text.
  assert.equal(escapeFlowchartLabel("#amp; %%{init:{'theme':'forest'}}%%"), "#\u2060amp; %\u2060%{init:{'theme':'forest'}}%\u2060%");
});

test('the Gantt has one section per workstream, exclusive end dates and milestones', () => {
  const gantt = programAsMermaidGantt(vm);
  assert.equal(gantt.split('\n').slice(0, 4).join('\n'), 'gantt\n  title Tiny#58; #35;1#59; 100#37;\n  dateFormat YYYY-MM-DD\n  section Core#59; work');
  assert.match(gantt, /^ {4}Design#58; it :crit, done, 2026-03-02, 2026-03-05$/m);
  assert.match(gantt, /^ {4}Build it :crit, 2026-03-05, 2026-03-12$/m);
  assert.match(gantt, /^ {2}section Milestones\n {4}Release#58; v1 :milestone, crit, 2026-03-11, 0d$/m);
});

test('the flowchart uses generated node ids, so an id like `end` cannot break it', () => {
  const flow = programAsMermaidFlowchart(vm);
  assert.match(flow, /^flowchart LR\n {2}subgraph n0\["Core; work"\]\n {4}n1\["Design: it"\]/);
  assert.doesNotMatch(flow, /\bend\[/);
  assert.match(flow, /n1 ==> n2/, 'critical edges are thick');
  assert.match(flow, /n1 -->\|"SS \+1d"\| n3/);
  assert.match(flow, /n4\{\{"Release: v1"\}\}/);
  assert.match(flow, /Docs #quot;quoted#quot; #lt;b#gt;/);
});

test('the Markdown wraps both diagrams in mermaid code blocks', () => {
  const md = programAsMermaidMarkdown(vm);
  assert.equal(md.match(/^```mermaid$/gm)?.length, 2);
  assert.equal(md.match(/^```$/gm)?.length, 2);
});
