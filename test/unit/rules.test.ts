// The warning rules the format names: progress vs status, risks without an
// owner or mitigation, overdue reviews, budget over plan, KPIs off target.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RULES, riskBand } from '../../server/src/program/rules.js';
import { parseDate } from '../../server/src/program/dates.js';
import { lines, programFromYaml, spanText } from '../helpers/program.js';

const HEAD = lines('version: 1', 'program: { id: p, name: P, start: 2026-01-05, status_date: 2026-03-02 }', 'people:', '  - { id: bob, name: Bob }');

function warnings(text: string) {
  const m = programFromYaml(text);
  const status = parseDate('2026-03-02')!;
  return RULES.flatMap((r) => r(m, status)).map((d) => ({ code: d.code, severity: d.severity, at: spanText(text, d.span), message: d.message }));
}

test('progress and status must agree', () => {
  const text = HEAD + lines(
    'workstreams:', '  - id: w', '    name: W', '    tasks:',
    '      - { id: a, name: A, duration: 1d, status: in-progress, progress: 100 }',
    '      - { id: b, name: B, duration: 1d, status: done, progress: 80 }',
    '      - { id: c, name: C, duration: 1d, status: done, progress: 100 }',
    '      - { id: d, name: D, duration: 1d, status: done }',
  );
  assert.deepEqual(warnings(text), [
    { code: 'progress-status-mismatch', severity: 'warning', at: '100', message: 'Task `a` is 100% complete but its status is `in-progress`; set `status: done` or lower the progress.' },
    { code: 'progress-status-mismatch', severity: 'warning', at: '80', message: 'Task `b` is `done` but only 80% complete; set `progress: 100` or change the status.' },
  ]);
});

test('open high and critical risks need an owner and a mitigation; reviews must be current', () => {
  const text = HEAD + lines(
    'risks:',
    '  - { id: R-high, title: H, probability: 3, impact: 4 }',
    '  - { id: R-med, title: M, probability: 3, impact: 3 }',
    '  - { id: R-closed, title: C, probability: 5, impact: 5, status: closed }',
    '  - { id: R-ok, title: O, probability: 5, impact: 4, owner: bob, mitigation: Do it, review_by: 2026-02-15 }',
    '  - { id: R-fresh, title: F, probability: 1, impact: 1, status: open, review_by: 2026-03-02 }',
  );
  assert.deepEqual(warnings(text).map((w) => [w.code, w.at]), [
    ['risk-without-owner', 'R-high'],
    ['risk-without-mitigation', 'R-high'],
    ['risk-review-overdue', '2026-02-15'],
  ]);
  assert.match(warnings(text)[0]!.message, /is high \(score 12\) and open, but nobody owns it/);
});

test('risk bands follow the format: 1-4 low, 5-9 medium, 10-16 high, 17-25 critical', () => {
  assert.deepEqual([1, 4, 5, 9, 10, 16, 17, 25].map(riskBand), ['low', 'low', 'medium', 'medium', 'high', 'high', 'critical', 'critical']);
});

test('budget lines over plan and KPIs on the wrong side of their target', () => {
  const text = HEAD + lines(
    'budget:', '  currency: USD', '  lines:',
    '    - { id: cloud, name: Cloud, planned: 90000, actual: 95000 }',
    '    - { id: eng, name: Eng, planned: 100, actual: 100 }',
    'kpis:',
    '  - { id: p95, name: Latency, unit: ms, target: 200, current: 240, direction: down }',
    '  - { id: up, name: Migrated, target: 100, current: 12, direction: up }',
    '  - { id: fine, name: Fine, target: 100, current: 120, direction: up }',
  );
  assert.deepEqual(warnings(text), [
    { code: 'budget-over-plan', severity: 'warning', at: '95000', message: 'Budget line `cloud` has spent 95,000 USD, 5,000 USD over its plan of 90,000 USD (6%).' },
    { code: 'kpi-off-target', severity: 'warning', at: '240', message: 'KPI `p95` is at 240 ms, above its target of 200 ms (lower is better).' },
    { code: 'kpi-off-target', severity: 'warning', at: '12', message: 'KPI `up` is at 12, below its target of 100 (higher is better).' },
  ]);
});
