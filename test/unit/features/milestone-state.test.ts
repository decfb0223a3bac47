// One word for one state (server/src/program/milestone-state.ts): the same
// milestones read the same in hover, code lens, inlay hints, the outline, the
// view model (the preview's Milestones tab and Gantt tooltip) and the status
// bar's count. The CLI's table is checked in test/cli/milestone-state.test.ts,
// the tab in test/webview/preview.test.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { provideCodeLenses } from '../../../server/src/features/code-lens.js';
import { programSummary } from '../../../server/src/features/dependency-list.js';
import { entityDetail } from '../../../server/src/features/document-symbols.js';
import { provideHover } from '../../../server/src/features/hover.js';
import { provideInlayHints } from '../../../server/src/features/inlay-hints.js';
import { milestoneState, milestoneStateWords, slippingCount } from '../../../server/src/program/milestone-state.js';
import { buildViewModel } from '../../../server/src/view/build-view-model.js';
import { positionOf } from '../../helpers/caret.js';
import { contextOf } from '../../helpers/feature.js';
import { lines } from '../../helpers/program.js';

const TEXT = lines(
  'version: 1', 'program: { id: p, name: P, start: 2026-01-05, status_date: 2026-01-05 }',
  'workstreams:', '  - id: w', '    name: W', '    tasks:',
  '      - { id: a, name: A, duration: 2d }',
  '      - { id: x, name: X, duration: 1d, depends_on: [y] }',
  '      - { id: y, name: Y, duration: 1d, depends_on: [stuck] }',
  'milestones:',
  '  - { id: ontime, name: On time, depends_on: [a], date: 2026-01-09 }',
  '  - { id: late, name: Late, depends_on: [a], date: 2026-01-05 }',
  '  - { id: fixed, name: Fixed, date: 2026-02-20 }',
  '  - { id: open, name: Open, depends_on: [a] }',
  '  - { id: stuck, name: Stuck, depends_on: [x] }',
  '  - { id: risky, name: Risky, depends_on: [a], date: 2026-01-07 }',
  'risks:',
  '  - { id: R1, title: T, probability: 5, impact: 4, owner: o, mitigation: m, affects: [risky] }',
);
const ctx = contextOf(TEXT);
const analysis = ctx.analysis!;
const IDS = ['ontime', 'late', 'fixed', 'open', 'stuck'];
const WORDS = ['on time', 'slipping 1 working day', 'fixed', 'no target', 'no forecast'];

void describe('milestone state words', () => {
  void it('the core names each state once', () => {
    assert.deepEqual(IDS.map((id) => milestoneState(analysis.schedule.items.get(id)!)), ['on-time', 'slipping', 'fixed', 'no-target', 'no-forecast']);
    assert.equal(milestoneStateWords('slipping', 3), 'slipping 3 working days');
    assert.equal(slippingCount(2), '2 slipping');
  });

  void it('view model (Milestones tab, Gantt tooltip): the same words; a small margin or a high risk is not a state', () => {
    const vm = buildViewModel(analysis);
    assert.deepEqual(vm.milestones.map((m) => [m.id, m.status, m.state]), [
      ...IDS.map((id, i) => [id, milestoneState(analysis.schedule.items.get(id)!), WORDS[i]]),
      ['risky', 'on-time', 'on time'],
    ]);
    assert.equal(vm.tasks.find((t) => t.id === 'x')?.start, null, 'behind the cycle: no dates');
  });

  void it('code lens: the same words', () => {
    const titles = provideCodeLenses(ctx).filter((l) => IDS.includes(l.command?.arguments?.[2] as string)).map((l) => l.command?.title);
    assert.deepEqual(titles, [
      'forecast 2026-01-06 · target 2026-01-09 · on time · float 33 · 0 dependents',
      'forecast 2026-01-06 · target 2026-01-05 · slipping 1 working day · float 33 · 0 dependents',
      'fixed 2026-02-20 · float 0 · critical · 0 dependents',
      'forecast 2026-01-06 · no target · float 33 · 0 dependents',
      'no forecast (dependency cycle) · 1 dependent',
    ]);
  });

  void it('hover: the same words', () => {
    const second = (id: string) => {
      const h = provideHover(ctx, positionOf(TEXT, `id: ${id},`, 0, 4));
      return ((h?.contents as { value: string }).value.split('\n').filter((l) => l !== ''))[1];
    };
    assert.deepEqual(IDS.map(second), [
      'Forecast 2026-01-06 · target 2026-01-09 · on time · float 33',
      'Forecast 2026-01-06 · target 2026-01-05 · **slipping 1 working day** · float 33',
      'Fixed on 2026-02-20 · float 0 · **critical**',
      'Forecast 2026-01-06 · no target · float 33',
      'No forecast: it is in a dependency cycle.',
    ]);
  });

  void it('inlay hints after a milestone date: the same words', () => {
    const hints = provideInlayHints(ctx, { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } });
    assert.deepEqual(hints.filter((h) => String(h.label).startsWith(' forecast')).map((h) => h.label), [
      ' forecast 2026-01-06 · on time',
      ' forecast 2026-01-06 · slipping 1 working day',
      ' forecast 2026-01-06 · on time',
    ]);
  });

  void it('outline detail and the status bar count: the same words', () => {
    const late = analysis.model.byId.get('late')!;
    assert.equal(entityDetail(analysis, late), 'Late · forecast 2026-01-06 · slipping 1 working day');
    assert.equal(slippingCount(programSummary(analysis).slippingMilestones), '1 slipping');
  });
});
