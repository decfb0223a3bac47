// The baseline in the editor, on the real server over stdio: a git repository
// in the workspace folder, `programAsCode.baseline` set, then hover, inlay
// hints, the status bar's summary and a change request's impact; and one
// clear message (not one per request) when there is no baseline to read.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Hover, InlayHint } from 'vscode-languageserver-protocol';
import { positionOf } from '../helpers/caret.js';
import { commitAll, git } from '../helpers/git.js';
import type { LspSession } from './harness.js';
import { lspSession } from './fixture.js';

const V1 = [
  'version: 1',
  'program: { id: demo, name: Demo, start: 2026-01-05 }',
  'workstreams:',
  '  - id: core',
  '    name: Core',
  '    tasks:',
  '      - { id: a, name: A, duration: 5d }',
  '      - { id: b, name: B, duration: 3d, depends_on: [a] }',
  'milestones:',
  '  - { id: m, name: Launch, depends_on: [b] }',
  '',
].join('\n');
// Now: a takes 8 days, so b runs Jan 15-19 and m lands on Jan 19 instead of Jan 14 (+3 working days).
const NOW = `${V1.replace('duration: 5d', 'duration: 8d')}changes:\n  - { id: CR-1, title: More B, status: proposed, schedule_impact: 2d, affects: [b] }\n`;

/** Sets the baseline the way VS Code does (a configuration change the server pulls), and waits until it took. */
async function setBaseline(s: LspSession, revision: string, uri: string): Promise<void> {
  s.settings.set('programAsCode', { baseline: revision });
  await s.notify('workspace/didChangeConfiguration', { settings: null });
  for (let i = 0; i < 100; i++) {
    const summary = await s.request<{ revision: string } | null>('programAsCode/baselineSummary', { uri });
    if (summary?.revision === revision) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the server did not take the baseline ${revision}`);
}

const hoverText = async (s: LspSession, uri: string, text: string, needle: string) =>
  ((await s.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, needle, 0, 5) })).contents as { value: string }).value;

void describe('lsp: baseline', () => {
  const s = lspSession({ files: { 'plan.program.yaml': V1 } });
  const uri = s.uri('plan.program.yaml');
  before(async () => {
    git(s.dir, 'init', '-q');
    commitAll(s.dir, 'v1', 'v1');
    await s.open('plan.program.yaml', NOW);
    await setBaseline(s, 'v1', uri);
  });

  void it('programAsCode/baselineSummary gives the finish drift for the status bar', async () => {
    const summary = await s.request<{ revision: string; commit: string; finish: unknown; milestonesLater: number; error: null }>('programAsCode/baselineSummary', { uri });
    assert.equal(summary.revision, 'v1');
    assert.match(summary.commit, /^[0-9a-f]{40}$/);
    assert.deepEqual(summary.finish, { baseline: '2026-01-14', current: '2026-01-19', variance: 3 });
    assert.equal(summary.milestonesLater, 1);
    assert.equal(summary.error, null);
  });

  void it('hover on a task or milestone says how far it moved and what changed', async () => {
    assert.match(await hoverText(s, uri, NOW, 'id: a'), /Baseline: \+3 working days vs v1 \(was 2026-01-09\); changed: `duration`\./);
    assert.match(await hoverText(s, uri, NOW, 'id: m'), /Baseline: \+3 working days vs v1 \(was 2026-01-14\)\./);
  });

  void it('an inlay hint after each milestone shows its drift', async () => {
    const hints = await s.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } } });
    const drift = hints.filter((h) => String(h.label).includes('vs v1'));
    assert.deepEqual(drift.map((h) => [h.label, h.position]), [[' +3d vs v1', positionOf(NOW, 'id: m', 0, 5)]]);
  });

  void it('hover on a change request shows what it would move', async () => {
    const text = await hoverText(s, uri, NOW, 'id: CR-1');
    assert.match(text, /If applied \(2 working days on `b`\):/);
    assert.match(text, /- `m` \+2 working days \(2026-01-19 → 2026-01-21\)/);
    assert.match(text, /- finish \+2 working days/);
  });

  void it('the preview: the view model carries the baseline dates (shadow bars), the Status tab compares with v1', async () => {
    const vm = await s.request<{ baseline?: { revision: string; items: { id: string; start: string; end: string }[] } }>('programAsCode/viewModel', { uri });
    assert.equal(vm.baseline?.revision, 'v1');
    assert.deepEqual(vm.baseline?.items.find((i) => i.id === 'a'), { id: 'a', start: '2026-01-05', end: '2026-01-09' });
    const st = await s.request<{ baseline: { revision: string } | null; baselineNote: string | null; milestones: { id: string; variance: number; baselineForecast: string }[]; changedSinceBaseline: { id: string; changed: string[] }[] }>('programAsCode/statusView', { uri });
    assert.equal(st.baseline?.revision, 'v1');
    assert.equal(st.baselineNote, null);
    assert.deepEqual(st.milestones.map((m) => [m.id, m.variance, m.baselineForecast]), [['m', 3, '2026-01-14']]);
    assert.deepEqual(st.changedSinceBaseline.find((i) => i.id === 'a')?.changed, ['duration']);
  });

  void it('Pick Baseline lists the tags and recent commits', async () => {
    const r = await s.request<{ revisions: { revision: string; kind: string; subject: string }[]; error: null }>('programAsCode/baselineRevisions', { uri });
    assert.equal(r.error, null);
    assert.deepEqual(r.revisions.map((x) => [x.kind, x.subject]), [['tag', 'v1'], ['commit', 'v1']]);
    assert.equal(r.revisions[0]?.revision, 'v1');
  });

  void it('a revision that does not exist: no baseline, one message however often it is asked', async () => {
    await setBaseline(s, 'nope', uri);
    for (let i = 0; i < 3; i++) {
      const summary = await s.request<{ error: string; finish: null }>('programAsCode/baselineSummary', { uri });
      assert.match(summary.error, /^The revision 'nope' does not exist in the repository at /);
      assert.equal(summary.finish, null);
    }
    await s.until(() => s.messages.some((m) => m.includes("'nope'")), 'the message');
    assert.equal(s.messages.filter((m) => m.includes("'nope'")).length, 1);
    assert.doesNotMatch(await hoverText(s, uri, NOW, 'id: a'), /Baseline:/);
  });
});

void describe('lsp: baseline outside a repository', () => {
  const s = lspSession({ files: { 'plan.program.yaml': V1 } });

  void it('says once that the folder is not a repository', async () => {
    const uri = await s.open('plan.program.yaml', NOW);
    await setBaseline(s, 'v1', uri);
    for (let i = 0; i < 3; i++) {
      const summary = await s.request<{ error: string }>('programAsCode/baselineSummary', { uri });
      assert.match(summary.error, /is not in a git repository, so there is no baseline to compare with\.$/);
      await s.request('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } } });
    }
    await s.until(() => s.messages.length > 0, 'the message');
    assert.equal(s.messages.filter((m) => m.includes('not in a git repository')).length, 1);
    // The Status tab still shows the report, with one line saying why there is no baseline.
    const st = await s.request<{ baseline: null; baselineNote: string; milestones: { id: string; forecast: string; variance: number | null }[] }>('programAsCode/statusView', { uri });
    assert.equal(st.baseline, null);
    assert.match(st.baselineNote, /^No baseline v1: .* is not in a git repository, so there is no baseline to compare with\.$/);
    assert.deepEqual(st.milestones.map((m) => [m.id, m.forecast, m.variance]), [['m', '2026-01-19', null]]);
    assert.equal((await s.request<{ baseline?: unknown }>('programAsCode/viewModel', { uri })).baseline, undefined);
  });

  void it('without a baseline set, the Status tab says how to set one', async () => {
    const uri = await s.open('plan.program.yaml', NOW);
    s.settings.set('programAsCode', {});
    await s.notify('workspace/didChangeConfiguration', { settings: null });
    for (let i = 0; i < 100; i++) {
      const st = await s.request<{ baselineNote: string }>('programAsCode/statusView', { uri });
      if (st.baselineNote.startsWith('No baseline: set')) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.fail('the Status tab still names a baseline');
  });
});
