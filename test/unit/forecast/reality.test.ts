// Each forecast iteration is scheduled like the deterministic schedule
// (program-format.md, "Estimates and schedule risk": "by the rules above,
// levelling included"): remaining work from the status date, tasks pausing
// over their assignees' leave, and levelling. Hand-computed fixtures on a
// Mon-Fri calendar from Monday 2026-01-05 (working day k is wd(k)).
//
// Zero-width estimates (optimistic = likely = pessimistic) and no risks make
// every iteration the plan: every percentile must be the deterministic date,
// exactly. The analytic cases use a triangular estimate {2d, 4d, 6d}, whose
// whole days W = ceil(X) take 3, 4, 5, 6 with P(W <= k) = F(k): F(3) = 1/8,
// F(4) = 1/2, F(5) = 7/8 (closed form), so P10 is W = 3, P80 W = 5, P90 W = 6
// (each at least 0.025 from the boundary: with N = 20,000 iterations a share's
// standard error is at most 0.0036, so 5 standard errors stay inside), and
// E[W] = 4.5 with sd(W) = sqrt(0.75): a mean within 5·sd/sqrt(N) = 0.031.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCalendar } from '../../../server/src/program/calendar.js';
import { formatDate, parseDate } from '../../../server/src/program/dates.js';
import { runForecast } from '../../../server/src/program/forecast/forecast.js';
import type { ForecastResult } from '../../../server/src/program/forecast/forecast.js';
import { scheduleProgram } from '../../../server/src/program/schedule.js';
import { lines, programFromYaml } from '../../helpers/program.js';
import { randomProgram } from './random-program.js';

const START = '2026-01-05';
const cal = createCalendar({ workdays: [1, 2, 3, 4, 5], holidays: [] });
const wd = (k: number): string => formatDate(cal.next(parseDate(START) as number, k - 1));
const N = 20_000;
const TRI = 'estimate: { optimistic: 2d, likely: 4d, pessimistic: 6d }';

function program(head: string[], tasks: string[], tail: string[] = []) {
  return programFromYaml(lines('version: 1', ...head, 'workstreams:', '  - id: w', '    name: W', '    tasks:', ...tasks.map((t) => `      - ${t}`), ...tail));
}

const show = (r: ForecastResult) => ({
  finish: [r.finish.p10, r.finish.p50, r.finish.p80, r.finish.p90].map((d) => (d === null ? null : formatDate(d))),
  milestones: r.milestones.map((m) => [m.id, ...[m.p10, m.p50, m.p80, m.p90].map((d) => (d === null ? null : formatDate(d))), m.onTimeProbability]),
});

/** Every percentile of the finish (and of each milestone) is the deterministic date; criticality is the deterministic flag. */
function assertIsThePlan(model: ReturnType<typeof programFromYaml>, finish: string, milestones: [string, string, number][] = []): void {
  const s = scheduleProgram(model);
  assert.equal(formatDate(s.finish as number), finish, 'the hand-computed finish is the deterministic one');
  const r = runForecast(model, { iterations: 300, seed: 3 });
  assert.deepEqual(show(r), {
    finish: [finish, finish, finish, finish],
    milestones: milestones.map(([id, date, onTime]) => [id, date, date, date, date, onTime]),
  });
  for (const [id, date] of milestones) assert.equal(formatDate(s.items.get(id)?.end as number), date);
  assert.deepEqual(r.tasks.map((t) => [t.id, t.criticality]), r.tasks.map((t) => [t.id, s.items.get(t.id)?.critical ? 1 : 0]));
}

const zero = (d: number) => `estimate: { optimistic: ${d}d, likely: ${d}d, pessimistic: ${d}d }`;

test('status date, zero-width estimates: every percentile is the deterministic date (started, not started, done)', () => {
  // s = 2026-01-21 (wd 13). a: 10d from 01-05, 50% done: 5 days remain from s -> 01-27 (not its planned 01-16).
  // b after a: 01-28..01-30. c, not started, planned 01-05: starts on s, 01-21..01-22. d done: kept 01-05..01-08.
  const model = program([`program: { id: p, name: P, start: ${START}, status_date: 2026-01-21 }`], [
    `{ id: a, name: A, duration: 10d, ${zero(10)}, actual_start: ${START}, progress: 50 }`,
    `{ id: b, name: B, duration: 3d, ${zero(3)}, depends_on: [a] }`,
    `{ id: c, name: C, duration: 2d, ${zero(2)} }`,
    `{ id: d, name: D, duration: 4d, ${zero(4)}, status: done }`,
  ], ['milestones:', '  - { id: m, name: M, depends_on: [b], date: 2026-01-23 }']);
  const s = scheduleProgram(model);
  assert.deepEqual(['a', 'b', 'c', 'd'].map((id) => [id, formatDate(s.items.get(id)?.start as number), formatDate(s.items.get(id)?.end as number)]), [
    ['a', '2026-01-05', '2026-01-27'], ['b', '2026-01-28', '2026-01-30'], ['c', '2026-01-21', '2026-01-22'], ['d', '2026-01-05', '2026-01-08'],
  ]);
  assertIsThePlan(model, '2026-01-30', [['m', '2026-01-30', 0]]);
});

test('status date, analytic: a not-started task starts on the status date, so the finish is s + W - 1', () => {
  const model = program([`program: { id: p, name: P, start: ${START}, status_date: 2026-01-21 }`, 'forecast: { distribution: triangular }'], [`{ id: t, name: T, ${TRI} }`]);
  const r = runForecast(model, { iterations: N, seed: 5 });
  // s is wd(13): W = 3 ends wd(15), W = 5 wd(17), W = 6 wd(18).
  assert.deepEqual([r.finish.p10, r.finish.p80, r.finish.p90].map((d) => formatDate(d as number)), [wd(15), wd(17), wd(18)]);
  assert.ok(Math.abs((r.finish.mean as number) - (12 + 4.5)) < 0.031, `mean ${r.finish.mean}`);
});

test('status date, analytic: a started task ends no earlier than its sampled remaining work resumed on the status date', () => {
  // 50% done: ceil(W / 2) days remain from s = wd(13): W = 3, 4 -> 2 days (wd 14); W = 5, 6 -> 3 days (wd 15).
  // Its planned end from 01-05 (wd W) is earlier, so P(finish = wd 14) = F(4) = 1/2, and P90 is wd 15.
  const model = program([`program: { id: p, name: P, start: ${START}, status_date: 2026-01-21 }`, 'forecast: { distribution: triangular }'],
    [`{ id: t, name: T, ${TRI}, actual_start: ${START}, progress: 50 }`]);
  const r = runForecast(model, { iterations: N, seed: 6 });
  assert.deepEqual([r.finish.p10, r.finish.p90].map((d) => formatDate(d as number)), [wd(14), wd(15)]);
  assert.ok(Math.abs((r.finish.mean as number) - 14.5) < 5 * 0.5 / Math.sqrt(N), `mean ${r.finish.mean}`);
});

test('leave, zero-width estimates: the task pauses over its assignee\'s leave in every iteration', () => {
  // ann is away Wed 01-07 and Thu 01-08: a (5d) works 05, 06, 09, 12, 13; b after a, 01-14..01-15.
  const model = program([`program: { id: p, name: P, start: ${START} }`, 'people:', '  - { id: ann, name: Ann, leave: [{ from: 2026-01-07, to: 2026-01-08 }] }', '  - { id: bob, name: Bob }'], [
    `{ id: a, name: A, duration: 5d, ${zero(5)}, assignees: [ann] }`,
    `{ id: b, name: B, duration: 2d, ${zero(2)}, depends_on: [a], assignees: [bob] }`,
  ], ['milestones:', '  - { id: m, name: M, depends_on: [b], date: 2026-01-15 }']);
  assert.equal(formatDate(scheduleProgram(model).items.get('a')?.end as number), '2026-01-13');
  assertIsThePlan(model, '2026-01-15', [['m', '2026-01-15', 1]]);
});

test('leave, analytic: a sampled task skips its assignee\'s leave', () => {
  // W = 3 ends Fri 01-09 (not Wed 01-07), W = 5 Tue 01-13, W = 6 Wed 01-14.
  const model = program([`program: { id: p, name: P, start: ${START} }`, 'forecast: { distribution: triangular }', 'people:', '  - { id: ann, name: Ann, leave: [{ from: 2026-01-07, to: 2026-01-08 }] }'],
    [`{ id: t, name: T, ${TRI}, assignees: [ann] }`]);
  const r = runForecast(model, { iterations: N, seed: 7 });
  assert.deepEqual([r.finish.p10, r.finish.p80, r.finish.p90].map((d) => formatDate(d as number)), ['2026-01-09', '2026-01-13', '2026-01-14']);
  // Working days through the finish: W + 2 (the two days of leave are program working days).
  assert.ok(Math.abs((r.finish.mean as number) - 6.5) < 0.031, `mean ${r.finish.mean}`);
});

const levelled = (a: string, b: string) => program([`program: { id: p, name: P, start: ${START} }`, 'scheduling: { levelling: true }', 'forecast: { distribution: triangular }', 'people:', '  - { id: bob, name: Bob }', '  - { id: cy, name: Cy }'], [
  `{ id: a, name: A, ${a}, assignees: [bob], priority: 700 }`,
  `{ id: b, name: B, ${b}, assignees: [bob] }`,
  `{ id: c, name: C, duration: 2d, ${zero(2)}, depends_on: [b], assignees: [cy] }`,
], ['milestones:', `  - { id: m, name: M, depends_on: [c], date: 2026-01-16 }`]);

test('levelling, zero-width estimates: a shared person, every iteration is the levelled schedule (holds make a critical)', () => {
  // bob does a first (priority 700): a 01-05..01-09, b 01-12..01-14, c 01-15..01-16.
  const model = levelled(`duration: 5d, ${zero(5)}`, `duration: 3d, ${zero(3)}`);
  const s = scheduleProgram(model);
  assert.deepEqual(['a', 'b', 'c'].map((id) => [id, formatDate(s.items.get(id)?.start as number), s.items.get(id)?.critical]), [
    ['a', '2026-01-05', true], ['b', '2026-01-12', true], ['c', '2026-01-15', true],
  ]);
  assertIsThePlan(model, '2026-01-16', [['m', '2026-01-16', 1]]);
});

test('levelling, analytic: the shared person\'s second task waits for the sampled first one', () => {
  // finish = wd(W + 3 + 2): W = 3 -> wd 8, W = 5 -> wd 10, W = 6 -> wd 11. Without levelling it would be wd 5 at P10.
  const model = levelled(TRI, 'duration: 3d');
  const r = runForecast(model, { iterations: N, seed: 8 });
  assert.deepEqual([r.finish.p10, r.finish.p80, r.finish.p90].map((d) => formatDate(d as number)), [wd(8), wd(10), wd(11)]);
  assert.ok(Math.abs((r.finish.mean as number) - 9.5) < 0.031, `mean ${r.finish.mean}`);
  // a is always critical through its hold on b.
  assert.equal(r.tasks.find((t) => t.id === 'a')?.criticality, 1);
});

test('levelling, zero-width estimates, 120 random programs (pools, priorities, leave, status dates, actual dates): every iteration is the levelled schedule', () => {
  let levelledPrograms = 0;
  for (let seed = 1; seed <= 120; seed++) {
    const text = randomProgram(seed, { level: true, exact: true });
    const model = programFromYaml(text);
    const s = scheduleProgram(model, { statusDate: parseDate('2026-03-02') as number });
    if (s.levelling?.delay.some((d) => d > 0)) levelledPrograms++;
    const r = runForecast(model, { iterations: 2, seed, statusDate: parseDate('2026-03-02') as number });
    const day = (d: number | null) => (d === null ? null : formatDate(d));
    try {
      assert.deepEqual([day(r.finish.p10), day(r.finish.p90)], [day(s.finish), day(s.finish)]);
      for (const m of r.milestones) assert.deepEqual([m.id, day(m.p10), day(m.p90)], [m.id, day(s.items.get(m.id)?.end ?? null), day(s.items.get(m.id)?.end ?? null)]);
      for (const t of r.tasks) {
        const item = s.items.get(t.id);
        assert.equal(t.criticality, item?.start === null ? null : item?.critical ? 1 : 0, `criticality of ${t.id}`);
      }
    } catch (e) {
      console.log(text);
      throw e;
    }
  }
  assert.ok(levelledPrograms > 30, `${levelledPrograms} programs had a levelling delay`);
});

// A risk under levelling (issue 15): its delay reaches everything after it in every iteration.
// bob does z first (priority 900, 01-05..01-09), then a (01-12..01-16): a is held by z for 5
// days. m follows a (01-16); b (cy) follows m, 01-19..01-21; c (cy) follows b, 01-22..01-23;
// e follows c (01-23), the finish. A risk with chance 1 and a fixed 3d impact moves m by 3
// working days (to 01-21), whether it lengthens a (a 01-12..01-21) or sits on m itself; b then
// runs 01-22..01-26, c 01-27..01-28, and e and the finish move by exactly 3 too (01-28). The
// milestone case used to lose the delay: a's levelling delay (5) covered it, b kept 01-19.
const riskUnderLevelling = (risk: string) => program([`program: { id: p, name: P, start: ${START} }`, 'scheduling: { levelling: true }', 'people:', '  - { id: bob, name: Bob }', '  - { id: cy, name: Cy }'], [
  '{ id: z, name: Z, duration: 5d, assignees: [bob], priority: 900 }',
  '{ id: a, name: A, duration: 5d, assignees: [bob] }',
  '{ id: b, name: B, duration: 3d, depends_on: [m], assignees: [cy] }',
  '{ id: c, name: C, duration: 2d, depends_on: [b], assignees: [cy] }',
], ['milestones:', '  - { id: m, name: M, depends_on: [a], date: 2026-01-16 }', '  - { id: e, name: E, depends_on: [c], date: 2026-01-23 }',
  'risks:', `  - { id: R, title: R, probability: 3, impact: 3, ${risk} }`]);

test('levelling, a risk with chance 1 on a task before a milestone, or on the milestone: the milestone and all after it move by exactly the impact', () => {
  for (const affects of ['a', 'm']) {
    const model = riskUnderLevelling(`affects: [${affects}], schedule_impact: 3d, chance: 1`);
    const s = scheduleProgram(model);
    assert.deepEqual(['z', 'a', 'b', 'c'].map((id) => [id, formatDate(s.items.get(id)?.start as number), formatDate(s.items.get(id)?.end as number)]), [
      ['z', '2026-01-05', '2026-01-09'], ['a', '2026-01-12', '2026-01-16'], ['b', '2026-01-19', '2026-01-21'], ['c', '2026-01-22', '2026-01-23'],
    ], 'the deterministic plan ignores risks');
    assert.deepEqual(show(runForecast(model, { iterations: 200, seed: 2 })), {
      finish: ['2026-01-28', '2026-01-28', '2026-01-28', '2026-01-28'],
      milestones: [['m', '2026-01-21', '2026-01-21', '2026-01-21', '2026-01-21', 0], ['e', '2026-01-28', '2026-01-28', '2026-01-28', '2026-01-28', 0]],
    }, `risk on ${affects}`);
  }
});

test('levelling, the same risk with chance 0: every percentile is the levelled plan', () => {
  for (const affects of ['a', 'm']) assertIsThePlan(riskUnderLevelling(`affects: [${affects}], schedule_impact: 3d, chance: 0`), '2026-01-23', [['m', '2026-01-16', 1], ['e', '2026-01-23', 1]]);
});
