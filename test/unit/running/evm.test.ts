// Earned value against hand-computed figures (program-format.md, "Earned
// value"). Calendar Mon-Fri, program start Monday 2026-01-05 = working day 1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDate } from '../../../server/src/program/dates.js';
import { computeEvm, plannedCosts } from '../../../server/src/program/running/evm.js';
import { scheduleProgram } from '../../../server/src/program/schedule.js';
import { lines, programFromYaml } from '../../helpers/program.js';

const day = (s: string) => parseDate(s) as number;
const close = (actual: number | null, expected: number, what: string) => {
  assert.ok(actual !== null && Math.abs(actual - expected) < 1e-9, `${what}: ${actual} ≠ ${expected}`);
};
function scheduled(yaml: string) {
  const model = programFromYaml(yaml);
  return { model, schedule: scheduleProgram(model) };
}

// a: days 1-5 (Jan 5-9), cost 1000, done. b: days 6-10 (Jan 12-16), cost 2000, 50%.
// c: days 11-20, no cost: the budget line's 3000 for workstream w is spread over
// it (the only task of w without its own cost). AC 2500. Status date Jan 14 = day 8.
const MID = lines(
  'version: 1',
  'program: { id: p, name: P, start: 2026-01-05, status_date: 2026-01-14 }',
  'workstreams:',
  '  - id: w',
  '    name: W',
  '    tasks:',
  '      - { id: a, name: A, duration: 5d, cost: 1000, status: done, progress: 100 }',
  '      - { id: b, name: B, duration: 5d, cost: 2000, depends_on: [a], status: in-progress, progress: 50 }',
  '      - { id: c, name: C, duration: 2w, depends_on: [b] }',
  'budget:',
  '  currency: USD',
  '  lines:',
  '    - { id: eng, name: Engineering, planned: 3000, actual: 2500, workstream: w }',
  '    - { id: travel, name: Travel, planned: 9999, actual: 9999 }',
);

test('every metric, mid-program, by hand', () => {
  const cur = scheduled(MID);
  assert.deepEqual([...plannedCosts(cur.model, cur.schedule)], [['a', 1000], ['b', 2000], ['c', 3000]]);
  const e = computeEvm({ current: cur, statusDate: day('2026-01-14') });
  assert.equal(e.bac, 6000); // 1000 + 2000 + 3000; the travel line names no workstream
  assert.equal(e.at, 8); // Jan 5..14 = 8 working days
  close(e.pv, 2200, 'PV'); // a 1000 + b 3 of 5 days x 2000
  assert.equal(e.ev, 2000); // 1000 x 100% + 2000 x 50% + 3000 x 0
  assert.equal(e.ac, 2500); // only lines that name a workstream
  close(e.sv, -200, 'SV');
  assert.equal(e.cv, -500);
  close(e.spi, 2000 / 2200, 'SPI');
  close(e.cpi, 0.8, 'CPI');
  close(e.eac, 7500, 'EAC'); // 6000 / 0.8
  close(e.etc, 5000, 'ETC'); // 7500 - 2500
  close(e.vac, -1500, 'VAC'); // 6000 - 7500
  close(e.tcpi, 4000 / 3500, 'TCPI'); // (6000 - 2000) / (6000 - 2500)
  // PV by day: 200/day on days 1-5 (1000 by day 5), 400/day on days 6-10: day 7 = 1800, day 8 = 2200.
  // EV 2000 lies halfway between day 7 and day 8.
  close(e.es, 7.5, 'ES');
  close(e.spiT, 7.5 / 8, 'SPI(t)');
  assert.equal(e.pvFrom, 'current');
  assert.deepEqual(e.notes, []);
});

test('per workstream: only its tasks and its budget lines', () => {
  const cur = scheduled(MID.replace("      - { id: c, name: C, duration: 2w, depends_on: [b] }", "      - { id: c, name: C, duration: 2w, depends_on: [b] }\n  - id: x\n    name: X\n    tasks:\n      - { id: x1, name: X1, duration: 1d, cost: 50 }"));
  const w = computeEvm({ current: cur, statusDate: day('2026-01-14'), workstream: 'w' });
  const x = computeEvm({ current: cur, statusDate: day('2026-01-14'), workstream: 'x' });
  assert.equal(w.bac, 6000);
  assert.equal(x.bac, 50);
  close(x.pv, 50, 'PV of x'); // its one day is day 1
  assert.equal(x.ev, 0);
  assert.equal(x.ac, 0);
  assert.equal(x.cpi, null);
  assert.equal(x.spi, 0);
});

// A late program: planned a days 1-5 and b days 6-10 (the baseline); both took
// longer and are done by the status date, Friday Jan 23 = day 15.
const PLAN = lines(
  'version: 1',
  'program: { id: p, name: P, start: 2026-01-05 }',
  'workstreams:',
  '  - id: w',
  '    name: W',
  '    tasks:',
  '      - { id: a, name: A, duration: 5d, cost: 5000 }',
  '      - { id: b, name: B, duration: 5d, cost: 5000, depends_on: [a] }',
  'budget:',
  '  lines:',
  '    - { id: eng, name: Engineering, actual: 12000, workstream: w }',
);
const LATE = PLAN
  .replace('cost: 5000 }', 'cost: 5000, status: done, progress: 100, actual_start: 2026-01-05, actual_end: 2026-01-14 }')
  .replace('depends_on: [a] }', 'depends_on: [a], status: done, progress: 100, actual_start: 2026-01-15, actual_end: 2026-01-23 }');

test('earned schedule on a late program: SPI returns to 1 at completion, SPI(t) does not', () => {
  const current = scheduled(LATE);
  const baseline = scheduled(PLAN);
  const e = computeEvm({ current, baseline, statusDate: day('2026-01-23') });
  assert.equal(e.pvFrom, 'baseline');
  assert.equal(e.bac, 10000);
  assert.equal(e.pv, 10000); // everything was planned by day 10
  assert.equal(e.ev, 10000);
  assert.equal(e.spi, 1); // the cost-based index forgives lateness at completion
  assert.equal(e.at, 15);
  assert.equal(e.es, 10); // the PV curve reaches 10000 on day 10
  close(e.spiT, 10 / 15, 'SPI(t)'); // ...earned schedule does not
  close(e.cpi, 10000 / 12000, 'CPI');
  close(e.eac, 12000, 'EAC');
  close(e.etc, 0, 'ETC');
  close(e.vac, -2000, 'VAC');
  close(e.tcpi, 0, 'TCPI'); // (10000 - 10000) / (10000 - 12000)
  // Without the baseline, PV would come from the actual dates: the late work looks on plan.
  const fromCurrent = computeEvm({ current, statusDate: day('2026-01-23') });
  assert.equal(fromCurrent.pvFrom, 'current');
  assert.equal(fromCurrent.es, 15);
});

test('a ratio whose divisor is 0 is null, with the reason', () => {
  const cur = scheduled(lines(
    'version: 1',
    'program: { id: p, name: P, start: 2026-01-05 }',
    'workstreams:',
    '  - id: w',
    '    name: W',
    '    tasks:',
    '      - { id: a, name: A, duration: 5d }',
  ));
  const e = computeEvm({ current: cur, statusDate: day('2026-01-02') }); // before the start
  assert.deepEqual(
    [e.bac, e.pv, e.ev, e.ac, e.sv, e.cv, e.spi, e.cpi, e.eac, e.etc, e.vac, e.tcpi, e.es, e.at, e.spiT],
    [0, 0, 0, 0, 0, 0, null, null, null, null, null, null, 0, 0, null],
  );
  assert.deepEqual(e.notes, [
    'SPI is null: no value was planned by the status date (PV = 0).',
    'CPI is null: no actual cost is recorded (AC = 0).',
    'EAC, ETC and VAC are null: they need CPI.',
    'TCPI is null: the actual cost equals the budget at completion (BAC − AC = 0).',
    'SPI(t) is null: the status date is before the program start (AT = 0).',
  ]);
});

test('EAC is null when nothing is earned yet but money is spent (CPI = 0)', () => {
  const cur = scheduled(PLAN);
  const e = computeEvm({ current: cur, statusDate: day('2026-01-07') });
  assert.equal(e.cpi, 0);
  assert.equal(e.eac, null);
  assert.ok(e.notes.includes('EAC is null: nothing is earned yet (CPI = 0).'));
});
