// The Status tab's data from a program, by hand: a workstream's earned value
// shared among its budget lines by their plan, the RACI rows and their
// markers (only for a program that uses RACI), every change request with what
// it would do, and reveal locations for what the tab names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeProgram } from '../../../server/src/program/analyze.js';
import { statusViewFor } from '../../../server/src/view/status-build.js';
import { programFromYaml } from '../../helpers/program.js';

const PROGRAM = `version: 1
program: { id: p, name: P, start: 2026-01-05, status_date: 2026-01-09 }
workstreams:
  - id: w
    name: W
    tasks:
      - { id: a, name: A, duration: 5d, status: done }
      - { id: b, name: B, duration: 5d, depends_on: [a] }
milestones:
  - { id: m, name: M, depends_on: [b], date: 2026-01-16 }
budget:
  currency: EUR
  lines:
    - { id: l1, planned: 3000, actual: 1000, workstream: w }
    - { id: l2, planned: 1000, actual: 1500, workstream: w }
    - { id: l3, planned: 500 }
changes:
  - { id: C1, title: More B, status: approved, schedule_impact: 2d, cost_impact: 700, affects: [b] }
  - { id: C2, title: Never, status: rejected, affects: [a] }
`;

test('budget lines: planned, actual, over plan, and the workstream earned value shared by plan', () => {
  const s = statusViewFor(analyzeProgram(programFromYaml(PROGRAM)));
  // BAC = 4,000 spread over a and b (5 days each): a done earns 2,000; l1 gets 3/4 of it, l2 1/4.
  assert.deepEqual(s.budget.lines.map((l) => [l.id, l.planned, l.actual, l.earned, l.overPlan]), [
    ['l1', '3,000 EUR', '1,000 EUR', '1,500 EUR', false],
    ['l2', '1,000 EUR', '1,500 EUR', '500 EUR', true],
    ['l3', '500 EUR', '–', '–', false],
  ]);
  assert.deepEqual([s.budget.planned, s.budget.actual], ['4,500 EUR', '2,500 EUR']);
  assert.deepEqual(Object.fromEntries(s.evm.rows.map(([k, , v]) => [k, v])).EV, '2,000 EUR');
});

test('change requests: a pending one with its what-if, a rejected one said so', () => {
  const s = statusViewFor(analyzeProgram(programFromYaml(PROGRAM)));
  assert.deepEqual(s.changes.map((c) => [c.id, c.status, c.impact, c.cost, c.effect, c.costAtCompletion, c.pending]), [
    ['C1', 'approved', '+2 working days on b', '700 EUR', 'If applied: m +2; finish +2 (2026-01-20)', '4,700 EUR', true],
    ['C2', 'rejected', null, null, 'Rejected.', null, false],
  ]);
});

test('RACI: no rows for a program that does not use it; markers for none and many Accountable', () => {
  assert.deepEqual(statusViewFor(analyzeProgram(programFromYaml(PROGRAM))).raci, []);
  const raci = `${PROGRAM.replace('date: 2026-01-16 }\n', 'date: 2026-01-16 }\n  - { id: m2, name: M2, date: 2026-02-02 }\n')}stakeholders:
  - { id: s1, name: S1, raci: { m: A, b: R, w: I } }
  - { id: s2, name: S2, raci: { m: A } }
`;
  const s = statusViewFor(analyzeProgram(programFromYaml(raci)));
  assert.deepEqual(s.raci.map((r) => [r.id, r.kind, r.a, r.r, r.i, r.problem]), [
    ['m', 'milestone', ['s1', 's2'], [], [], 'many-accountable'],
    ['m2', 'milestone', [], [], [], 'no-accountable'],
    ['b', 'task', [], ['s1'], [], null],
    ['w', 'workstream', [], [], ['s1'], null],
  ]);
  // Everything the rows name can be revealed.
  for (const id of ['m', 'm2', 'b', 'w', 's1', 's2', 'l1', 'C1']) assert.ok(s.locations[id], id);
});
