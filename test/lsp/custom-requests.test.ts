// The custom requests of protocol.ts, plus the other engineer's features as
// wired in server.ts (hover, completion, code lens), on the real server; among
// them the ones the extension makes instead of importing the core (issue 12):
// the preview's model in its wire form, the exports, the status bar's words.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { CodeLens, CompletionItem, Hover } from 'vscode-languageserver-protocol';
import type { ViewModel } from '../../server/src/view/view-model.js';
import { decodeViewModel } from '../../server/src/view/wire.js';
import { positionOf } from '../helpers/caret.js';
import { APOLLO } from './harness.js';
import { FIXTURE_DIR, FRAGMENT, lspSession, ROOT, ROOT_TEXT } from './fixture.js';

void describe('lsp: custom requests', () => {
  const s = lspSession({ copyFrom: FIXTURE_DIR, open: { [ROOT]: ROOT_TEXT } });
  const root = s.uri(ROOT);

  void it('programAsCode/dependents lists what depends on the item, with dates and locations', async () => {
    const list = await s.request<{ id: string; start?: string; end?: string; location: { uri: string } }[]>('programAsCode/dependents', { uri: root, position: positionOf(ROOT_TEXT, 'id: design', 0, 5) });
    assert.deepEqual(list.map((x) => [x.id, x.start, x.end, x.location.uri]), [
      ['build', '2026-01-12', '2026-01-14', root],
      ['ui', '2026-01-12', '2026-01-13', s.uri(FRAGMENT)],
    ]);
  });

  void it('programAsCode/dependencies lists what the item depends on', async () => {
    const list = await s.request<{ id: string; kind: string }[]>('programAsCode/dependencies', { uri: root, position: positionOf(ROOT_TEXT, 'id: launch', 0, 5) });
    assert.deepEqual(list.map((x) => [x.id, x.kind]), [['build', 'task'], ['ui', 'task']]);
  });

  void it('programAsCode/programSummary gives the finish for the status bar, from any file of the program', async () => {
    assert.deepEqual(await s.request('programAsCode/programSummary', { uri: s.uri(FRAGMENT) }), { programId: 'demo', finish: '2026-01-14', slippingMilestones: 0 });
  });

  void it('answers null/[] for a file that is not a program file', async () => {
    assert.equal(await s.request('programAsCode/programSummary', { uri: s.uri('notes.yaml') }), null);
    assert.deepEqual(await s.request('programAsCode/dependents', { uri: s.uri('notes.yaml'), position: { line: 0, character: 0 } }), []);
  });

  void it('wires hover, completion and code lenses', async () => {
    const hover = await s.request<Hover>('textDocument/hover', { textDocument: { uri: root }, position: positionOf(ROOT_TEXT, 'id: design', 0, 5) });
    assert.match(JSON.stringify(hover.contents), /Design/);
    const list = await s.request<{ isIncomplete: boolean; items: CompletionItem[] }>('textDocument/completion', { textDocument: { uri: root }, position: positionOf(ROOT_TEXT, '[design]', 0, 1) });
    assert.equal(list.isIncomplete, false);
    assert.ok(list.items.some((i) => i.label === 'design'));
    const lenses = await s.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: root } });
    assert.ok(lenses.some((l) => l.command?.command === 'programAsCode.showDependents'));
  });

  void it('programAsCode/previewModel answers the wire form, which decodes to exactly programAsCode/viewModel', async () => {
    const plain = await s.request<ViewModel>('programAsCode/viewModel', { uri: root });
    const wire = await s.request<{ v: number; tasks: { n: number } }>('programAsCode/previewModel', { uri: s.uri(FRAGMENT) });
    assert.equal(wire.v, 1);
    assert.equal(wire.tasks.n, 3, 'the tasks travel as columns');
    assert.deepEqual(decodeViewModel(wire), plain);
    assert.ok(JSON.stringify(wire).length < JSON.stringify(plain).length, 'the wire form is the smaller');
    assert.equal(await s.request('programAsCode/previewModel', { uri: s.uri('notes.yaml') }), null);
  });

  void it('programAsCode/export draws the Mermaid Markdown, the risk CSV and the Gantt SVG', async () => {
    const mermaid = await s.request<{ text: string }>('programAsCode/export', { uri: root, format: 'mermaid-markdown' });
    assert.match(mermaid.text, /^## Demo\n\n### Schedule\n\n```mermaid\ngantt\n {2}title Demo\n/);
    assert.ok(mermaid.text.includes('    Design :crit, 2026-01-05, 2026-01-10\n'), mermaid.text);
    assert.ok(mermaid.text.includes('    UI :2026-01-12, 2026-01-14\n'), mermaid.text);
    assert.match(mermaid.text, /```mermaid\nflowchart LR\n/);

    const csv = await s.request<{ text: string }>('programAsCode/export', { uri: s.uri(FRAGMENT), format: 'risks-csv' });
    assert.equal(csv.text, 'id,title,probability,impact,score,band,status,owner,mitigation,contingency,affects,review_by\r\n');

    const week = await s.request<{ text: string }>('programAsCode/export', { uri: root, format: 'gantt-svg' });
    const day = await s.request<{ text: string }>('programAsCode/export', { uri: root, format: 'gantt-svg', zoom: 'day' });
    for (const svg of [week.text, day.text]) {
      assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="\d+"/);
      assert.ok(svg.includes('<title>Design (design): 2026-01-05 → 2026-01-09</title>'), 'a bar with its dates');
    }
    const width = (svg: string) => Number(/width="(\d+)"/.exec(svg)?.[1]);
    assert.ok(width(day.text) > width(week.text), 'the zoom is honoured: a day is wider than a week');
  });

  void it('programAsCode/export answers null for a file that is not a program and for an unknown format', async () => {
    assert.equal(await s.request('programAsCode/export', { uri: s.uri('notes.yaml'), format: 'risks-csv' }), null);
    assert.equal(await s.request('programAsCode/export', { uri: root, format: 'pdf' }), null);
  });

  void it('programAsCode/programStatus gives the status bar its words', async () => {
    assert.deepEqual(await s.request('programAsCode/programStatus', { uri: s.uri(FRAGMENT) }), {
      programId: 'demo', finish: '2026-01-14', slippingMilestones: 0, text: 'finish 2026-01-14 · 0 slipping',
    });
    assert.equal(await s.request('programAsCode/programStatus', { uri: s.uri('notes.yaml') }), null);
  });
});

void describe('lsp: view model of apollo', () => {
  const s = lspSession({ copyFrom: APOLLO });

  void it('programAsCode/viewModel returns the program the preview draws, from the root or a fragment', async () => {
    const text = readFileSync(join(APOLLO, 'workstreams/web.program.yaml'), 'utf8');
    const uri = await s.open('workstreams/web.program.yaml', text);
    const vm = await s.request<{ tasks: { id: string }[]; milestones: { id: string }[] } | null>('programAsCode/viewModel', { uri });
    assert.ok(vm);
    assert.ok(vm.tasks.some((t) => t.id === 'api'), 'the root\'s tasks are in a fragment\'s view model');
    assert.ok(vm.tasks.some((t) => t.id === 'web-app'));
    assert.ok(vm.milestones.some((m) => m.id === 'ga'));
  });
});
