// Change requests as what-ifs, RAG colours with reasons, and RACI warnings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeProgram } from '../../../server/src/program/analyze.js';
import { parseDate } from '../../../server/src/program/dates.js';
import type { ProgramModel } from '../../../server/src/program/model.js';
import { changeImpacts } from '../../../server/src/program/running/change-impact.js';
import { ragThresholds } from '../../../server/src/program/running/rag.js';
import { buildReport } from '../../../server/src/program/report/report-model.js';
import { scheduleProgram } from '../../../server/src/program/schedule.js';
import { lines, programFromYaml, withCode } from '../../helpers/program.js';

// a Jan 5-9, b Jan 12-14, m (target Jan 16) forecast Jan 14.
const BASE = [
  'version: 1',
  'program: { id: p, name: P, start: 2026-01-05, status_date: 2026-01-05 }',
  'workstreams:',
  '  - id: w',
  '    name: W',
  '    tasks:',
  '      - { id: a, name: A, duration: 5d, cost: 500 }',
  '      - { id: b, name: B, duration: 3d, depends_on: [a], cost: 300 }',
  'milestones:',
  '  - { id: m, name: M, depends_on: [b], date: 2026-01-16 }',
  '  - { id: fixed, name: Fixed, date: 2026-01-07 }',
];
const scheduleOf = (model: ProgramModel) => scheduleProgram(model);

test('each pending change with a schedule impact moves milestones and the finish as a what-if', () => {
  const model = programFromYaml(lines(...BASE,
    'changes:',
    '  - { id: CR-1, title: Longer A, status: proposed, schedule_impact: 2d, cost_impact: 1000, affects: [a] }',
    '  - { id: CR-2, title: Later M, status: approved, schedule_impact: 3d, affects: [m] }',
    '  - { id: CR-3, title: Whole W, schedule_impact: 1w, affects: [w] }',
    '  - { id: CR-4, title: Done already, status: implemented, schedule_impact: 9d, affects: [a] }',
    '  - { id: CR-5, title: Fixed later, status: proposed, schedule_impact: 1d, affects: [fixed] }',
  ));
  const list = changeImpacts({ model, schedule: scheduleOf(model) }, scheduleOf, 800);
  const by = new Map(list.map((c) => [c.id, c]));
  const moves = (id: string) => Object.fromEntries((by.get(id)?.milestones ?? []).map((m) => [m.id, m.movement]));
  // CR-1: a takes 7 days, so b and m move 2 working days (Jan 14 -> Jan 16).
  assert.deepEqual(moves('CR-1'), { m: 2, fixed: 0 });
  assert.deepEqual(by.get('CR-1')?.finish, { id: 'finish', before: '2026-01-14', after: '2026-01-16', movement: 2 });
  assert.equal(by.get('CR-1')?.costAtCompletion, 1800);
  // CR-2: a milestone in affects moves later by the impact.
  assert.deepEqual(moves('CR-2'), { m: 3, fixed: 0 });
  // CR-3: a workstream adds the impact to its tasks no other task of it depends on (b only): +5.
  assert.deepEqual(moves('CR-3'), { m: 5, fixed: 0 });
  assert.equal(by.get('CR-3')?.status, null);
  assert.equal(by.get('CR-3')?.pending, true);
  // Implemented changes are in the plan already: not evaluated.
  assert.equal(by.get('CR-4')?.pending, false);
  assert.deepEqual(by.get('CR-4')?.milestones, []);
  assert.equal(by.get('CR-4')?.costAtCompletion, null);
  // A fixed milestone moves by its impact too.
  assert.deepEqual(moves('CR-5'), { m: 0, fixed: 1 });
  // The plan itself never changes.
  assert.equal(scheduleOf(model).items.get('m')?.end, parseDate('2026-01-14'));
});

test('RAG thresholds come from reporting.rag, defaults otherwise, and every colour has a reason', () => {
  // Without costs, so earned value colours nothing and the milestone decides.
  const slipping = [...BASE.slice(0, 9).map((l) => l.replace(/, cost: \d+/, '')), '  - { id: m, name: M, depends_on: [b], date: 2026-01-13 }'];
  const run = (extra: string[]) => {
    const model = programFromYaml(lines(...slipping, ...extra));
    const a = analyzeProgram(model);
    return buildReport({ current: { model, schedule: a.schedule }, statusDate: a.statusDate, scheduleOf });
  };
  const byDefault = run([]);
  assert.equal(byDefault.milestones[0]?.rag, 'amber'); // 1 working day late, amber at 1
  assert.deepEqual(byDefault.milestones[0]?.reasons, ['`m` slips 1 working day past its target 2026-01-13 (amber at 1, red at 5).']);
  assert.equal(byDefault.overall.rag, 'amber');
  assert.deepEqual(byDefault.overall.reasons, ['Milestone m: `m` slips 1 working day past its target 2026-01-13 (amber at 1, red at 5).']);
  const strict = run(['reporting:', '  rag:', '    milestone_slip: { amber: 1, red: 1 }']);
  assert.equal(strict.milestones[0]?.rag, 'red');
  assert.equal(strict.overall.rag, 'red');
  assert.equal(withCode(analyzeProgram(programFromYaml(lines(...slipping, 'reporting:', '  rag:', '    milestone_slip: { amber: 1, red: 1 }'))).diagnostics, 'unknown-key').length, 0);
  const model = programFromYaml(lines(...slipping, 'reporting:', '  rag:', '    risk_score: { amber: 3 }'));
  assert.deepEqual(ragThresholds(model).riskScore, { amber: 3, red: 17 });
  // A risk at or above the threshold colours the risks part.
  const risky = run(['risks:', '  - { id: R1, title: Vendor, probability: 5, impact: 4, owner: x, mitigation: y }']);
  assert.equal(risky.riskSummary.rag, 'red');
  assert.deepEqual(risky.riskSummary.reasons, ['Open risk `R1` scores 20 (amber at 10, red at 17).']);
  assert.equal(risky.overall.rag, 'red');
});

test('RACI: a milestone with no A, or more than one, is a warning once the program uses RACI', () => {
  const noRaci = analyzeProgram(programFromYaml(lines(...BASE, 'stakeholders:', '  - { id: cto, name: CTO }')));
  assert.equal(withCode(noRaci.diagnostics, 'raci-no-accountable').length, 0);
  const a = analyzeProgram(programFromYaml(lines(...BASE,
    'stakeholders:',
    '  - { id: cto, name: CTO, raci: { m: A, fixed: A } }',
    '  - { id: vp, name: VP, raci: { m: A } }',
  )));
  assert.deepEqual(withCode(a.diagnostics, 'raci-many-accountable').map((d) => d.message), ['Milestone `m` has 2 Accountable stakeholders (cto, vp); exactly one should be.']);
  assert.equal(withCode(a.diagnostics, 'raci-no-accountable').length, 0);
  const b = analyzeProgram(programFromYaml(lines(...BASE, 'stakeholders:', '  - { id: cto, name: CTO, raci: { m: A } }')));
  const none = withCode(b.diagnostics, 'raci-no-accountable');
  assert.deepEqual(none.map((d) => [d.message, d.severity]), [['Milestone `fixed` has no Accountable stakeholder; give one stakeholder `raci: { fixed: A }`.', 'warning']]);
});

test('a task cost that is not a number, or negative, is a schema error', () => {
  const bad = analyzeProgram(programFromYaml(lines(...BASE.slice(0, 6), '      - { id: a, name: A, duration: 5d, cost: -1 }')));
  assert.equal(withCode(bad.diagnostics, 'out-of-range').length, 1);
  const text = analyzeProgram(programFromYaml(lines(...BASE.slice(0, 6), '      - { id: a, name: A, duration: 5d, cost: lots }')));
  assert.equal(withCode(text.diagnostics, 'wrong-type').length, 1);
});
