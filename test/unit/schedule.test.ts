// The scheduler against the format page's examples and hand-checked cases.
// Every expected date below was worked out by hand on a 2026 calendar:
// Mon 2026-01-05, 12, 19, 26; Feb 2, 9, 16, 23; Mar 2, 9, 16, 23, 30.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { generateScheduleModel } from '../../bench/schedule.js';
import { formatDate } from '../../server/src/program/dates.js';
import type { ProgramModel } from '../../server/src/program/model.js';
import { drivingChain, scheduleProgram } from '../../server/src/program/schedule.js';
import type { ItemSchedule, Schedule } from '../../server/src/program/schedule.js';
import type { Dependency, Task } from '../../server/src/program/types.js';
import { ROOT_URI, programFromYaml, spanText, uriOf, withCode } from '../helpers/program.js';

interface ProgramSpec {
  start?: string;
  statusDate?: string;
  calendar?: string[];
  people?: string[];
  /** Workstream id -> tasks as flow-map bodies without `name` (e.g. `id: a, duration: 5d`). */
  workstreams?: Record<string, string[]>;
  /** Tasks of a single workstream `ws`. */
  tasks?: string[];
  milestones?: string[];
}

/** `id: a, duration: 5d` -> `{ id: a, name: a, duration: 5d }`. */
function item(body: string): string {
  const m = /^id: ([^,\s]+)(.*)$/.exec(body);
  return m ? `{ id: ${m[1]}, name: ${m[1]}${m[2]} }` : `{ ${body} }`;
}

function yamlOf(p: ProgramSpec): string {
  const out = ['version: 1', `program: { id: p, name: P, start: ${p.start ?? '2026-01-05'}${p.statusDate ? `, status_date: ${p.statusDate}` : ''} }`];
  if (p.calendar) out.push('calendar:', ...p.calendar.map((l) => `  ${l}`));
  if (p.people) out.push('people:', ...p.people.map((x) => `  - ${item(x)}`));
  const ws = p.workstreams ?? (p.tasks ? { ws: p.tasks } : {});
  if (Object.keys(ws).length > 0) {
    out.push('workstreams:');
    for (const [id, tasks] of Object.entries(ws)) {
      out.push(`  - id: ${id}`, `    name: ${id}`, '    tasks:', ...tasks.map((t) => `      - ${item(t)}`));
    }
  }
  if (p.milestones) out.push('milestones:', ...p.milestones.map((m) => `  - ${item(m)}`));
  return `${out.join('\n')}\n`;
}

interface Run {
  readonly text: string;
  readonly model: ProgramModel;
  readonly s: Schedule;
}

/** Loads and schedules; the program must load without errors unless `allowErrors`. */
function run(p: ProgramSpec | string, allowErrors = false): Run {
  const text = typeof p === 'string' ? p : yamlOf(p);
  const model = programFromYaml(text);
  if (!allowErrors) {
    const errors = model.diagnostics.filter((d) => d.severity === 'error');
    assert.deepEqual(errors.map((d) => `${d.code}: ${d.message}`), [], 'the test program loads cleanly');
  }
  return { text, model, s: scheduleProgram(model) };
}

const F = (d: number | null): string => (d === null ? 'null' : formatDate(d));

function get(s: Schedule, id: string): ItemSchedule {
  const it = s.items.get(id);
  assert.ok(it, `no schedule for ${id}`);
  return it;
}

/** `start..end` of an item. */
function dates(s: Schedule, id: string): string {
  const it = get(s, id);
  return `${F(it.start)}..${F(it.end)}`;
}

function late(s: Schedule, id: string): string {
  const it = get(s, id);
  return `${F(it.lateStart)}..${F(it.lateEnd)}`;
}

function float(s: Schedule, id: string): number | null {
  return get(s, id).totalFloat;
}

/** The tasks of the format page's scheduling examples (its examples and the float tests use them). */
const SPEC_TASKS = [
  'id: a, duration: 5d',
  'id: b, duration: 3d, depends_on: [a]',
  'id: c, duration: 2d, depends_on: [{ id: a, lag: 2d }]',
  'id: d, duration: 2d, depends_on: [{ id: a, type: SS, lag: 1d }]',
];

void describe('Scheduling (normative): the page\'s examples', () => {
  void test('spec example: a 5d runs 2026-01-05 .. 2026-01-09', () => {
    const { s } = run({ tasks: SPEC_TASKS });
    assert.equal(dates(s, 'a'), '2026-01-05..2026-01-09');
    assert.deepEqual(get(s, 'a').driver, { kind: 'program-start' });
    assert.equal(get(s, 'a').durationDays, 5);
    assert.equal(F(s.programStart), '2026-01-05');
  });

  void test('spec example: b 3d after a runs 2026-01-12 .. 2026-01-14', () => {
    const { s } = run({ tasks: SPEC_TASKS });
    assert.equal(dates(s, 'b'), '2026-01-12..2026-01-14');
    assert.deepEqual(get(s, 'b').driver, { kind: 'dependency', from: 'a', type: 'FS', lagDays: 0 });
  });

  void test('spec example: c 2d, FS lag 2d after a, runs 2026-01-14 .. 2026-01-15', () => {
    const { s } = run({ tasks: SPEC_TASKS });
    assert.equal(dates(s, 'c'), '2026-01-14..2026-01-15');
    assert.deepEqual(get(s, 'c').driver, { kind: 'dependency', from: 'a', type: 'FS', lagDays: 2 });
  });

  void test('spec example: d 2d, SS lag 1d on a, runs 2026-01-06 .. 2026-01-07', () => {
    const { s } = run({ tasks: SPEC_TASKS });
    assert.equal(dates(s, 'd'), '2026-01-06..2026-01-07');
    assert.deepEqual(get(s, 'd').driver, { kind: 'dependency', from: 'a', type: 'SS', lagDays: 1 });
  });

  void test('spec example: milestone m after b and c has forecast 2026-01-15', () => {
    const { s } = run({ tasks: SPEC_TASKS, milestones: ['id: m, depends_on: [b, c]'] });
    const m = get(s, 'm');
    assert.equal(F(m.start), '2026-01-15');
    assert.equal(F(m.end), '2026-01-15');
    assert.equal(m.target, null);
    assert.equal(m.slip, null);
    assert.deepEqual(m.driver, { kind: 'dependency', from: 'c', type: 'FS', lagDays: 0 });
    assert.equal(withCode(s.diagnostics, 'milestone-slip').length, 0);
  });

  void test('spec example: m with date 2026-01-14 slips by 1 working day, with a warning naming the chain', () => {
    const { s, text } = run({ tasks: SPEC_TASKS, milestones: ['id: m, date: 2026-01-14, depends_on: [b, c]'] });
    const m = get(s, 'm');
    assert.equal(F(m.target), '2026-01-14');
    assert.equal(F(m.end), '2026-01-15');
    assert.equal(m.slip, 1);
    const slips = withCode(s.diagnostics, 'milestone-slip');
    assert.equal(slips.length, 1);
    const d = slips[0]!;
    assert.equal(d.severity, 'warning');
    assert.equal(d.uri, ROOT_URI);
    assert.equal(spanText(text, d.span), 'm');
    assert.equal(d.message, 'Milestone `m` slips 1 working day past its target 2026-01-14 (forecast 2026-01-15), driven by a -> c.');
  });

  void test('spec example: float and the critical path', () => {
    const { s } = run({ tasks: SPEC_TASKS, milestones: ['id: m, depends_on: [b, c]'] });
    assert.equal(F(s.finish), '2026-01-15');
    assert.equal(float(s, 'a'), 0);
    assert.equal(float(s, 'c'), 0);
    assert.equal(float(s, 'm'), 0);
    assert.equal(float(s, 'b'), 1); // may end 01-15 instead of 01-14
    assert.equal(late(s, 'b'), '2026-01-13..2026-01-15');
    assert.equal(float(s, 'd'), 6); // may start 01-14 instead of 01-06
    assert.equal(late(s, 'd'), '2026-01-14..2026-01-15');
    assert.deepEqual(['a', 'b', 'c', 'd', 'm'].filter((id) => get(s, id).critical), ['a', 'c', 'm']);
    assert.deepEqual(s.criticalPath, ['a', 'c', 'm']);
    assert.deepEqual(s.order, ['a', 'b', 'c', 'd', 'm']);
  });
});

void describe('Dependencies: FS, SS and FF with lags (the forward pass)', () => {
  void test('FS with a lag in weeks: 1w = 5 working days', () => {
    const { s } = run({ tasks: ['id: a, duration: 5d', 'id: x, duration: 1d, depends_on: [{ id: a, lag: 1w }]'] });
    assert.equal(dates(s, 'x'), '2026-01-19..2026-01-19');
    assert.deepEqual(get(s, 'x').driver, { kind: 'dependency', from: 'a', type: 'FS', lagDays: 5 });
  });

  void test('SS without lag starts with the predecessor', () => {
    const { s } = run({ tasks: ['id: a, duration: 5d', 'id: e, duration: 2d, depends_on: [{ id: a, type: SS }]'] });
    assert.equal(dates(s, 'e'), '2026-01-05..2026-01-06');
    assert.deepEqual(get(s, 'e').driver, { kind: 'dependency', from: 'a', type: 'SS', lagDays: 0 });
    assert.equal(float(s, 'e'), 3);
  });

  void test('FF without lag ends with the predecessor', () => {
    const { s } = run({ tasks: ['id: a, duration: 5d', 'id: f, duration: 2d, depends_on: [{ id: a, type: FF }]'] });
    assert.equal(dates(s, 'f'), '2026-01-08..2026-01-09');
    assert.equal(float(s, 'f'), 0);
  });

  void test('FF with lag ends lag working days after the predecessor', () => {
    const { s } = run({ tasks: ['id: a, duration: 5d', 'id: g, duration: 3d, depends_on: [{ id: a, type: FF, lag: 2d }]'] });
    assert.equal(dates(s, 'g'), '2026-01-09..2026-01-13');
    assert.equal(F(s.finish), '2026-01-13');
    assert.equal(late(s, 'a'), '2026-01-05..2026-01-09');
    assert.equal(float(s, 'a'), 0);
  });

  void test('FF that would start before the program start is held at the program start', () => {
    const { s } = run({ tasks: ['id: a, duration: 5d', 'id: h, duration: 10d, depends_on: [{ id: a, type: FF }]'] });
    assert.equal(dates(s, 'h'), '2026-01-05..2026-01-16');
    assert.deepEqual(get(s, 'h').driver, { kind: 'program-start' });
    assert.equal(float(s, 'a'), 5); // only needs to end by h's end
  });

  void test('SS with lag across a weekend, and FS without lag across a weekend', () => {
    const { s } = run({
      tasks: [
        'id: a, duration: 3d, start: 2026-01-07', // Wed..Fri
        'id: b, duration: 1d, depends_on: [{ id: a, type: SS, lag: 3d }]',
        'id: c, duration: 1d, depends_on: [a]',
      ],
    });
    assert.equal(dates(s, 'a'), '2026-01-07..2026-01-09');
    assert.deepEqual(get(s, 'a').driver, { kind: 'start-constraint' });
    assert.equal(dates(s, 'b'), '2026-01-12..2026-01-12');
    assert.equal(dates(s, 'c'), '2026-01-12..2026-01-12');
  });

  void test('the latest constraint wins; on a tie a dependency beats the start constraint', () => {
    const { s } = run({
      tasks: [
        'id: a, duration: 5d',
        'id: b, duration: 1d, start: 2026-01-12, depends_on: [a]', // tie: 01-12 both ways
        'id: c, duration: 1d, start: 2026-01-14, depends_on: [a]', // constraint later
        'id: d, duration: 1d, start: 2026-01-10, depends_on: [a]', // Saturday -> 01-12, tie again
        'id: e, duration: 1d, depends_on: [a, { id: a, lag: 0d }]', // two equal dependencies: the first
      ],
    });
    assert.equal(dates(s, 'b'), '2026-01-12..2026-01-12');
    assert.equal(get(s, 'b').driver.kind, 'dependency');
    assert.equal(dates(s, 'c'), '2026-01-14..2026-01-14');
    assert.deepEqual(get(s, 'c').driver, { kind: 'start-constraint' });
    assert.equal(dates(s, 'd'), '2026-01-12..2026-01-12');
    assert.equal(get(s, 'd').driver.kind, 'dependency');
    assert.deepEqual(get(s, 'e').driver, { kind: 'dependency', from: 'a', type: 'FS', lagDays: 0 });
  });
});

void describe('Scheduling (normative): working days (calendar.workdays, holidays)', () => {
  void test('holidays inside a task and at its edges', () => {
    const { s } = run({
      calendar: ['holidays:', '  - 2026-01-07', '  - { from: 2026-01-16, to: 2026-01-19, name: Long weekend }', '  - 2026-01-10'],
      tasks: [
        'id: a, duration: 5d', // 05, 06, (07 off), 08, 09, 12
        'id: b, duration: 3d, depends_on: [a]', // 13, 14, 15; 16 is off
        'id: c, duration: 1d, depends_on: [b]', // 16..19 off -> 20
        'id: d, duration: 2d, start: 2026-01-16', // starts on a holiday -> 20, 21
      ],
    });
    assert.equal(dates(s, 'a'), '2026-01-05..2026-01-12');
    assert.equal(dates(s, 'b'), '2026-01-13..2026-01-15');
    assert.equal(dates(s, 'c'), '2026-01-20..2026-01-20');
    assert.equal(dates(s, 'd'), '2026-01-20..2026-01-21');
    assert.equal(get(s, 'a').durationDays, 5);
  });

  void test('a program starting on a holiday starts on the next working day', () => {
    const { s } = run({
      start: '2026-01-01',
      calendar: ['holidays:', '  - { from: 2026-01-01, to: 2026-01-02 }'],
      tasks: ['id: a, duration: 1d'],
    });
    assert.equal(F(s.programStart), '2026-01-05');
    assert.equal(dates(s, 'a'), '2026-01-05..2026-01-05');
  });

  void test('a holiday range across the year end', () => {
    const { s } = run({
      calendar: ['holidays:', '  - { from: 2026-12-24, to: 2027-01-01, name: Winter break }'],
      tasks: ['id: a, duration: 5d, start: 2026-12-21', 'id: b, duration: 1d, depends_on: [{ id: a, type: FF, lag: 1d }]'],
    });
    assert.equal(dates(s, 'a'), '2026-12-21..2027-01-05'); // 21, 22, 23, Jan 4, 5
    assert.equal(dates(s, 'b'), '2027-01-06..2027-01-06');
  });

  void test('Mon–Sat calendar: a week is 6 working days', () => {
    const { s } = run({
      calendar: ['workdays: [mon, tue, wed, thu, fri, sat]'],
      tasks: ['id: a, duration: 1w', 'id: b, duration: 2d, depends_on: [{ id: a, lag: 1w }]'],
    });
    assert.equal(dates(s, 'a'), '2026-01-05..2026-01-10');
    assert.equal(dates(s, 'b'), '2026-01-19..2026-01-20'); // 6 lag days: 12..17
    assert.equal(get(s, 'a').durationDays, 6);
  });

  void test('Sun–Thu calendar', () => {
    const { s } = run({
      start: '2026-01-04',
      calendar: ['workdays: [sun, mon, tue, wed, thu]'],
      tasks: ['id: a, duration: 5d', 'id: b, duration: 1d, depends_on: [a]'],
    });
    assert.equal(dates(s, 'a'), '2026-01-04..2026-01-08');
    assert.equal(dates(s, 'b'), '2026-01-11..2026-01-11');
  });
});

void describe('Milestones: fixed dates, targets and slip', () => {
  void test('fixed milestone: its date, no target, no slip; a successor starts the next working day', () => {
    const { s } = run({
      tasks: ['id: t, duration: 2d, depends_on: [kick]', 'id: u, duration: 1d, depends_on: [sat]'],
      milestones: ['id: kick, date: 2026-01-09', 'id: sat, date: 2026-01-10'],
    });
    const kick = get(s, 'kick');
    assert.equal(F(kick.start), '2026-01-09');
    assert.equal(F(kick.end), '2026-01-09');
    assert.equal(kick.target, null);
    assert.equal(kick.slip, null);
    assert.deepEqual(kick.driver, { kind: 'fixed-date' });
    assert.equal(dates(s, 't'), '2026-01-12..2026-01-13');
    assert.equal(dates(s, 'u'), '2026-01-12..2026-01-12'); // after a Saturday milestone
    assert.equal(float(s, 'kick'), 0);
    assert.equal(float(s, 'sat'), 1); // u may end on the finish, 01-13
    assert.equal(float(s, 'u'), 1);
  });

  void test('milestones: lag, a milestone after a milestone, on time (slip 0, no warning)', () => {
    const { s } = run({
      tasks: ['id: a, duration: 5d'],
      milestones: [
        'id: m2, depends_on: [{ id: a, lag: 2d }]',
        'id: m3, depends_on: [m2], date: 2026-01-20',
        'id: m4, depends_on: [{ id: m2, lag: 1d }], date: 2026-01-13',
      ],
    });
    assert.equal(dates(s, 'm2'), '2026-01-13..2026-01-13');
    assert.equal(dates(s, 'm3'), '2026-01-13..2026-01-13');
    assert.equal(F(get(s, 'm3').target), '2026-01-20');
    assert.equal(get(s, 'm3').slip, 0);
    assert.equal(dates(s, 'm4'), '2026-01-14..2026-01-14');
    assert.equal(get(s, 'm4').slip, 1);
    assert.equal(F(s.finish), '2026-01-14');
    assert.equal(float(s, 'm3'), 1);
    assert.equal(float(s, 'm2'), 0);
    const slips = withCode(s.diagnostics, 'milestone-slip');
    assert.deepEqual(slips.map((d) => d.message), [
      'Milestone `m4` slips 1 working day past its target 2026-01-13 (forecast 2026-01-14), driven by a -> m2.',
    ]);
  });

  void test('a slip of several working days counts only working days', () => {
    const { s } = run({
      calendar: ['holidays: [2026-01-13]'],
      tasks: ['id: a, duration: 10d'], // 05..19 (13th off)
      milestones: ['id: m, depends_on: [a], date: 2026-01-09'],
    });
    assert.equal(dates(s, 'a'), '2026-01-05..2026-01-19');
    assert.equal(get(s, 'm').slip, 5); // 12, 14, 15, 16, 19
    assert.match(withCode(s.diagnostics, 'milestone-slip')[0]!.message, /slips 5 working days past its target 2026-01-09 \(forecast 2026-01-19\), driven by a\.$/);
  });

  void test('a fixed milestone before the program start is a warning on its date', () => {
    const { s, text } = run({ tasks: ['id: a, duration: 1d'], milestones: ['id: old, date: 2025-12-01', 'id: ok, date: 2026-01-05'] });
    const ds = withCode(s.diagnostics, 'milestone-before-start');
    assert.equal(ds.length, 1);
    assert.equal(ds[0]!.severity, 'warning');
    assert.equal(spanText(text, ds[0]!.span), '2025-12-01');
    assert.match(ds[0]!.message, /`old`/);
  });

  void test('a fixed milestone as the program finish holds float on the tasks', () => {
    const { s } = run({ tasks: ['id: a, duration: 3d'], milestones: ['id: launch, date: 2026-01-16'] });
    assert.equal(F(s.finish), '2026-01-16');
    assert.equal(float(s, 'a'), 7);
    assert.equal(get(s, 'a').critical, false);
    assert.equal(get(s, 'launch').critical, true);
    assert.deepEqual(s.criticalPath, ['launch']);
  });
});

void describe('Workstreams and tasks: effort, actuals, cancelled tasks', () => {
  void test('effort divided by the assignees\' capacity, rounded up', () => {
    const { s } = run({
      people: ['id: alice', 'id: bob, capacity: 0.5', 'id: carol, capacity: 0.7'],
      tasks: [
        'id: t1, effort: 12d, assignees: [bob]', // 24 days
        'id: t2, effort: 3d, assignees: [alice, bob]', // 3 / 1.5 = 2
        'id: t3, effort: 1.5w, assignees: [alice]', // 7.5 -> 8
        'id: t4, effort: 7d, assignees: [carol]', // 7 / 0.7 = 10, not 11
        'id: t5, effort: 2d, assignees: [alice, alice]', // a person counts once
      ],
    });
    assert.equal(dates(s, 't1'), '2026-01-05..2026-02-05');
    assert.equal(get(s, 't1').durationDays, 24);
    assert.equal(dates(s, 't2'), '2026-01-05..2026-01-06');
    assert.equal(dates(s, 't3'), '2026-01-05..2026-01-14');
    assert.equal(dates(s, 't4'), '2026-01-05..2026-01-16');
    assert.equal(dates(s, 't5'), '2026-01-05..2026-01-06');
  });

  void test('actuals: start only, end only, both', () => {
    const { s } = run({
      tasks: [
        'id: a1, duration: 5d, actual_start: 2026-01-07',
        'id: a2, duration: 5d, actual_end: 2026-01-08',
        'id: a3, duration: 5d, actual_start: 2026-01-06, actual_end: 2026-01-20',
        'id: b, duration: 1d, depends_on: [a3]',
        'id: c, duration: 2d, depends_on: [a1], actual_start: 2026-01-05, actual_end: 2026-01-21',
      ],
    });
    assert.equal(dates(s, 'a1'), '2026-01-07..2026-01-13');
    assert.deepEqual(get(s, 'a1').driver, { kind: 'actual' });
    assert.equal(dates(s, 'a2'), '2026-01-05..2026-01-08');
    assert.deepEqual(get(s, 'a2').driver, { kind: 'program-start' });
    assert.equal(dates(s, 'a3'), '2026-01-06..2026-01-20');
    assert.equal(get(s, 'a3').durationDays, 11);
    assert.equal(dates(s, 'b'), '2026-01-21..2026-01-21');
    assert.equal(float(s, 'a3'), 0);
    // c ran 01-05..01-21 (the finish) although it depends on a1: a1 would have had
    // to end by 01-02, so its late start is 2025-12-29, 7 working days before its start.
    assert.equal(dates(s, 'c'), '2026-01-05..2026-01-21');
    assert.equal(late(s, 'a1'), '2025-12-29..2026-01-02');
    assert.equal(float(s, 'a1'), -7);
    assert.equal(get(s, 'a1').critical, true);
    assert.equal(s.diagnostics.filter((d) => d.code.startsWith('actual')).length, 0);
  });

  void test('actual dates before the program start warn; an actual end before the actual start is an error', () => {
    const { s, text } = run({
      tasks: [
        'id: early, duration: 5d, actual_start: 2025-12-29, actual_end: 2026-01-02',
        'id: bad, duration: 2d, actual_start: 2026-01-12, actual_end: 2026-01-08',
      ],
    });
    const before = withCode(s.diagnostics, 'actual-before-program-start');
    assert.deepEqual(before.map((d) => [d.severity, spanText(text, d.span)]), [['warning', '2025-12-29'], ['warning', '2026-01-02']]);
    const order = withCode(s.diagnostics, 'actual-end-before-start');
    assert.equal(order.length, 1);
    assert.equal(order[0]!.severity, 'error');
    assert.equal(spanText(text, order[0]!.span), '2026-01-08');
    assert.equal(dates(s, 'early'), '2025-12-29..2026-01-02');
  });

  void test('a cancelled task takes no time: an FS successor starts the day it would have started', () => {
    const { s } = run({
      tasks: [
        'id: a, duration: 5d',
        'id: x, duration: 3d, depends_on: [a], status: cancelled',
        'id: y, duration: 2d, depends_on: [x]',
        'id: z, duration: 1d, depends_on: [{ id: x, type: SS }]',
      ],
    });
    assert.equal(F(get(s, 'x').start), '2026-01-12');
    assert.equal(F(get(s, 'x').end), '2026-01-09');
    assert.equal(get(s, 'x').durationDays, 0);
    assert.equal(dates(s, 'y'), '2026-01-12..2026-01-13');
    assert.equal(dates(s, 'z'), '2026-01-12..2026-01-12');
    assert.equal(float(s, 'a'), 0);
    assert.equal(float(s, 'x'), 0);
    assert.equal(get(s, 'x').critical, true);
    assert.deepEqual(s.criticalPath, ['a', 'x', 'y']);
  });
});

void describe('Scheduling (normative): a workstream spans its tasks (bounds on its start and end)', () => {
  const WS_PROGRAM: ProgramSpec = {
    workstreams: {
      ws1: ['id: p1, duration: 3d', 'id: p2, duration: 5d, start: 2026-01-07'],
      ws2: [
        'id: q1, duration: 2d, depends_on: [ws1]',
        'id: q2, duration: 2d, depends_on: [{ id: ws1, type: SS, lag: 1d }]',
        'id: q3, duration: 2d, depends_on: [{ id: ws1, type: FF }]',
      ],
    },
    milestones: ['id: m, depends_on: [ws1]'],
  };

  void test('a workstream spans its tasks; FS, SS and FF on it use those dates', () => {
    const { s } = run(WS_PROGRAM);
    assert.equal(dates(s, 'p1'), '2026-01-05..2026-01-07');
    assert.equal(dates(s, 'p2'), '2026-01-07..2026-01-13');
    assert.equal(dates(s, 'ws1'), '2026-01-05..2026-01-13');
    assert.equal(get(s, 'ws1').kind, 'workstream');
    assert.equal(get(s, 'ws1').firstTask, 'p1');
    assert.equal(get(s, 'ws1').lastTask, 'p2');
    assert.equal(dates(s, 'q1'), '2026-01-14..2026-01-15');
    assert.deepEqual(get(s, 'q1').driver, { kind: 'dependency', from: 'ws1', type: 'FS', lagDays: 0 });
    assert.equal(dates(s, 'q2'), '2026-01-06..2026-01-07');
    assert.equal(dates(s, 'q3'), '2026-01-12..2026-01-13');
    assert.equal(dates(s, 'm'), '2026-01-13..2026-01-13');
    assert.equal(dates(s, 'ws2'), '2026-01-06..2026-01-15');
    assert.deepEqual(s.order, ['p1', 'p2', 'q1', 'q2', 'q3', 'm']);
  });

  void test('a bound on a workstream\'s end bounds every task in it', () => {
    const { s } = run(WS_PROGRAM);
    assert.equal(F(s.finish), '2026-01-15');
    assert.equal(late(s, 'p2'), '2026-01-07..2026-01-13');
    assert.equal(float(s, 'p2'), 0);
    assert.equal(late(s, 'p1'), '2026-01-09..2026-01-13');
    assert.equal(float(s, 'p1'), 4);
    assert.equal(float(s, 'q1'), 0);
    assert.equal(float(s, 'q2'), 6);
    assert.equal(float(s, 'q3'), 2);
    assert.equal(float(s, 'm'), 2);
    assert.deepEqual(s.criticalPath, ['p2', 'q1']);
    assert.deepEqual(drivingChain(s, 'q1').map((it) => it.id), ['p2', 'ws1', 'q1']);
  });

  void test('a bound on a workstream\'s start bounds the tasks that start it (each on a tie)', () => {
    const { s } = run({
      workstreams: {
        ws3: ['id: r1, duration: 2d', 'id: r2, duration: 2d', 'id: r3, duration: 2d, depends_on: [r1]'],
        ws4: ['id: s1, duration: 10d, depends_on: [{ id: ws3, type: SS }]'],
      },
    });
    assert.equal(dates(s, 's1'), '2026-01-05..2026-01-16');
    assert.equal(dates(s, 'r3'), '2026-01-07..2026-01-08');
    assert.equal(float(s, 'r1'), 0);
    assert.equal(float(s, 'r2'), 0);
    assert.equal(float(s, 'r3'), 6);
    assert.equal(get(s, 'r3').critical, false);
    assert.deepEqual(s.criticalPath, ['r1', 's1']);
  });
});

void describe('Dependencies: cycles', () => {
  void test('a cycle next to a healthy subgraph: cycle items undated, the rest scheduled, an error on every edge', () => {
    const { s, text } = run({
      tasks: [
        'id: base, duration: 2d',
        'id: api, duration: 3d, depends_on: [base, ui]',
        'id: ui, duration: 2d, depends_on: [api]',
        'id: after, duration: 1d, depends_on: [ui, base]',
        'id: solo, duration: 1d',
      ],
    });
    for (const id of ['api', 'ui']) {
      const it = get(s, id);
      assert.equal(it.start, null);
      assert.equal(it.end, null);
      assert.equal(it.lateStart, null);
      assert.equal(it.totalFloat, null);
      assert.equal(it.critical, false);
    }
    assert.equal(dates(s, 'base'), '2026-01-05..2026-01-06');
    assert.equal(dates(s, 'after'), '2026-01-07..2026-01-07');
    assert.equal(dates(s, 'solo'), '2026-01-05..2026-01-05');
    assert.deepEqual(s.cycles, [['api', 'ui']]);
    const cyc = withCode(s.diagnostics, 'dependency-cycle');
    assert.equal(cyc.length, 2);
    const [onApi, onUi] = cyc;
    assert.equal(onApi!.severity, 'error');
    assert.equal(onApi!.uri, ROOT_URI);
    assert.equal(onApi!.message, 'Dependency cycle: `api` -> `ui` -> `api`. The items in it get no dates; remove one of these dependencies.');
    assert.deepEqual(onApi!.data?.cycle, ['api', 'ui', 'api']);
    assert.equal(spanText(text, onApi!.span), 'ui');
    assert.equal(onUi!.message, 'Dependency cycle: `ui` -> `api` -> `ui`. The items in it get no dates; remove one of these dependencies.');
    assert.equal(spanText(text, onUi!.span), 'api');
    assert.deepEqual(onApi!.related?.map((r) => [spanText(text, r.span), r.message]), [['api', '`ui` depends on `api`']]);
    assert.deepEqual(onUi!.related?.map((r) => [spanText(text, r.span), r.message]), [['ui', '`api` depends on `ui`']]);
  });

  void test('cycle diagnostics carry the whole depends_on item for a quick fix', () => {
    const { s, text } = run({
      tasks: ['id: a, duration: 1d, depends_on: [{ id: b, type: SS, lag: 1d }]', 'id: b, duration: 1d, depends_on: [a]'],
    });
    const cyc = withCode(s.diagnostics, 'dependency-cycle');
    assert.equal(cyc.length, 2);
    assert.equal(spanText(text, cyc[0]!.span), 'b');
    assert.equal(spanText(text, cyc[0]!.data!.itemSpan!), '{ id: b, type: SS, lag: 1d }');
    assert.equal(spanText(text, cyc[1]!.data!.itemSpan!), 'a');
  });

  void test('a component with several cycles names one through each edge', () => {
    const { s } = run({
      tasks: [
        'id: k1, duration: 1d, depends_on: [k3]',
        'id: k2, duration: 1d, depends_on: [k1]',
        'id: k3, duration: 1d, depends_on: [k2, k1]',
      ],
    });
    const messages = withCode(s.diagnostics, 'dependency-cycle').map((d) => d.message).sort();
    assert.deepEqual(messages, [
      'Dependency cycle: `k1` -> `k3` -> `k1`. The items in it get no dates; remove one of these dependencies.',
      'Dependency cycle: `k2` -> `k1` -> `k3` -> `k2`. The items in it get no dates; remove one of these dependencies.',
      'Dependency cycle: `k3` -> `k1` -> `k3`. The items in it get no dates; remove one of these dependencies.',
      'Dependency cycle: `k3` -> `k2` -> `k1` -> `k3`. The items in it get no dates; remove one of these dependencies.',
    ]);
    assert.deepEqual(s.cycles, [['k1', 'k2', 'k3']]);
  });

  void test('a task that depends on its own workstream is a cycle (task -> workstream -> task)', () => {
    const { s, text } = run({ workstreams: { w2: ['id: t1, duration: 1d, depends_on: [w2]', 'id: t2, duration: 1d'] } });
    assert.equal(get(s, 't1').start, null);
    assert.equal(get(s, 'w2').start, null);
    assert.equal(dates(s, 't2'), '2026-01-05..2026-01-05');
    const cyc = withCode(s.diagnostics, 'dependency-cycle');
    assert.equal(cyc.length, 1);
    assert.equal(cyc[0]!.message, 'Dependency cycle: `t1` -> `w2` -> `t1`. The items in it get no dates; remove one of these dependencies.');
    assert.equal(spanText(text, cyc[0]!.span), 'w2');
    assert.deepEqual(cyc[0]!.related?.map((r) => [spanText(text, r.span), r.message]), [['t1', '`t1` is a task of workstream `w2`']]);
  });

  void test('a cycle across files reports each edge in its own file', () => {
    const root = [
      'version: 1', 'program: { id: p, name: P, start: 2026-01-05 }', 'include: [ws/*.program.yaml]',
      'workstreams:', '  - id: one', '    name: One', '    tasks:', '      - { id: a, name: A, duration: 1d, depends_on: [b] }', '',
    ].join('\n');
    const frag = ['version: 1', 'workstreams:', '  - id: two', '    name: Two', '    tasks:', '      - { id: b, name: B, duration: 1d, depends_on: [a] }', ''].join('\n');
    const model = programFromYaml(root, { 'ws/two.program.yaml': frag });
    const s = scheduleProgram(model);
    const cyc = withCode(s.diagnostics, 'dependency-cycle');
    assert.deepEqual(cyc.map((d) => [d.uri, d.message]), [
      [ROOT_URI, 'Dependency cycle: `a` -> `b` -> `a`. The items in it get no dates; remove one of these dependencies.'],
      [uriOf('ws/two.program.yaml'), 'Dependency cycle: `b` -> `a` -> `b`. The items in it get no dates; remove one of these dependencies.'],
    ]);
    assert.equal(cyc[0]!.related?.[0]?.uri, uriOf('ws/two.program.yaml'));
  });

  void test('a huge cycle is reported quickly, with long cycles shortened', () => {
    const base = generateScheduleModel(3000, 7);
    const first = base.tasks[0]!;
    const last = base.tasks[base.tasks.length - 1]!;
    // t-0 now depends on the last task, so every task that (transitively) leads to it forms one big cycle.
    const closing: Dependency = { targetId: last.id, type: 'FS', uri: first.entity.uri, span: { start: 0, end: 0 }, itemSpan: { start: 0, end: 0 } };
    const tasks: Task[] = [{ ...first, dependsOn: [closing] }, ...base.tasks.slice(1)];
    const t0 = Date.now();
    const s = scheduleProgram({ ...base, tasks });
    assert.ok(Date.now() - t0 < 5000);
    assert.equal(s.cycles.length, 1);
    assert.ok(s.cycles[0]!.length > 100);
    const cyc = withCode(s.diagnostics, 'dependency-cycle');
    assert.ok(cyc.length > 100);
    for (const d of cyc) {
      const ids = d.data!.cycle!;
      assert.equal(ids[0], ids[ids.length - 1]);
      assert.ok(ids.length <= 50);
      assert.ok((d.related?.length ?? 0) <= 20);
    }
    assert.equal(get(s, last.id).start, null);
  });
});

void describe('Scheduling (normative): total float and the critical path', () => {
  void test('two parallel equal chains are both critical; the path follows the first', () => {
    const { s } = run({
      tasks: [
        'id: s, duration: 2d',
        'id: p1, duration: 3d, depends_on: [s]',
        'id: p2, duration: 3d, depends_on: [s]',
        'id: q, duration: 1d, depends_on: [s]',
      ],
      milestones: ['id: fin, depends_on: [p1, p2, q]'],
    });
    assert.equal(dates(s, 'p1'), '2026-01-07..2026-01-09');
    assert.equal(dates(s, 'p2'), '2026-01-07..2026-01-09');
    for (const id of ['s', 'p1', 'p2', 'fin']) assert.equal(get(s, id).critical, true, id);
    assert.equal(float(s, 'q'), 2);
    assert.equal(late(s, 'q'), '2026-01-09..2026-01-09');
    assert.equal(get(s, 'q').critical, false);
    assert.deepEqual(s.criticalPath, ['s', 'p1', 'fin']);
  });

  void test('float of non-critical items along a side branch', () => {
    const { s } = run({
      tasks: [
        'id: a, duration: 10d',
        'id: b, duration: 2d',
        'id: c, duration: 3d, depends_on: [b]',
        'id: d, duration: 1d, depends_on: [a, c]',
      ],
    });
    assert.equal(dates(s, 'c'), '2026-01-07..2026-01-09');
    assert.equal(dates(s, 'd'), '2026-01-19..2026-01-19');
    assert.equal(float(s, 'b'), 5);
    assert.equal(float(s, 'c'), 5);
    assert.equal(late(s, 'c'), '2026-01-14..2026-01-16');
    assert.equal(late(s, 'b'), '2026-01-12..2026-01-13');
    assert.deepEqual(s.criticalPath, ['a', 'd']);
  });

  void test('unknown and self dependencies are skipped (the loader reports them)', () => {
    const { s, model } = run({ tasks: ['id: a, duration: 2d, depends_on: [ghost, a]', 'id: b, duration: 1d, depends_on: [a, ws]'] }, true);
    assert.ok(model.diagnostics.some((d) => d.code === 'unknown-reference'));
    assert.equal(dates(s, 'a'), '2026-01-05..2026-01-06');
    assert.equal(get(s, 'b').start, null); // b depends on its own workstream: a cycle
    assert.equal(withCode(s.diagnostics, 'dependency-cycle').length, 1);
  });

  void test('drivingChain follows drivers back to the first item', () => {
    const { s } = run({ tasks: SPEC_TASKS, milestones: ['id: m, depends_on: [b, c]'] });
    assert.deepEqual(drivingChain(s, 'm').map((it) => it.id), ['a', 'c', 'm']);
    assert.deepEqual(drivingChain(s, 'a').map((it) => it.id), ['a']);
    assert.deepEqual(drivingChain(s, 'nope'), []);
  });
});

void describe('Resources and levelling: over-allocation', () => {
  void test('over-allocation: once per person and period, on the first task\'s assignee token, saying why, with the tasks as related information', () => {
    const { s, text } = run({
      people: ['id: alice', 'id: bob, capacity: 0.5', 'id: eve, leave: [{ from: 2026-01-12, to: 2026-01-16 }]'],
      tasks: [
        'id: api, duration: 10d, assignees: [alice]',
        'id: infra, duration: 10d, assignees: [bob, alice]',
        'id: solo, duration: 10d, assignees: [bob]',
        'id: web, duration: 3d, start: 2026-01-14, assignees: [eve]',
        'id: gone, duration: 10d, status: cancelled, assignees: [eve]',
      ],
    });
    const over = withCode(s.diagnostics, 'over-allocation');
    const at = (span: { start: number; end: number }) => `${spanText(text, span)}@${text.slice(0, span.start).split('\n').length}`;
    assert.deepEqual(over.map((d) => [at(d.span), d.severity, d.message]), [
      ['alice@11', 'warning', '`alice` is over-allocated in the weeks of 2026-01-05 to 2026-01-12 because of overlapping tasks (`api` and `infra`): 2 tasks need 20 person-days, `alice` can give 10.'],
      ['bob@12', 'warning', '`bob` is over-allocated in the weeks of 2026-01-05 to 2026-01-12 because of overlapping tasks (`infra` and `solo`): 2 tasks need 10 person-days, `bob` can give 5 (part-time, capacity 0.5).'],
    ]);
    // Leave is honoured: web waits for eve to come back instead of being over-allocated on her leave.
    assert.equal(dates(s, 'web'), '2026-01-19..2026-01-21');
    assert.deepEqual(over[0]!.related?.map((r) => [at(r.span), r.message]), [
      ['alice@12', '`infra` (2026-01-05 → 2026-01-16) also needs `alice` in this period'],
      ['alice@4', '`alice` is defined here: capacity 1'],
    ]);
  });

  void test('over-allocation: two separate periods of one person are two warnings, each on its own first task', () => {
    const { s, text } = run({
      people: ['id: alice'],
      tasks: [
        'id: a1, duration: 5d, assignees: [alice]',
        'id: a2, duration: 5d, assignees: [alice]',
        'id: gap, duration: 10d, depends_on: [a1]',
        'id: b1, duration: 5d, depends_on: [gap], assignees: [alice]',
        'id: b2, duration: 5d, depends_on: [gap], assignees: [alice]',
      ],
    });
    const over = withCode(s.diagnostics, 'over-allocation');
    assert.deepEqual(over.map((d) => [text.slice(0, d.span.start).split('\n').length, d.message]), [
      [9, '`alice` is over-allocated in the week of 2026-01-05 because of overlapping tasks (`a1` and `a2`): 2 tasks need 10 person-days, `alice` can give 5.'],
      [12, '`alice` is over-allocated in the week of 2026-01-26 because of overlapping tasks (`b1` and `b2`): 2 tasks need 10 person-days, `alice` can give 5.'],
    ]);
  });

  void test('no over-allocation for a part-timer on one effort task, or for tasks in different weeks', () => {
    const { s } = run({
      people: ['id: bob, capacity: 0.5', 'id: alice'],
      tasks: ['id: b1, effort: 12d, assignees: [bob]', 'id: a1, duration: 5d, assignees: [alice]', 'id: a2, duration: 5d, depends_on: [a1], assignees: [alice]'],
    });
    assert.equal(withCode(s.diagnostics, 'over-allocation').length, 0);
  });
});

void describe('The Apollo example (examples/apollo in the design folder)', () => {
  const APOLLO_ROOT = `version: 1
program:
  id: apollo
  name: Apollo Launch
  start: 2026-01-05
  owner: jane
  status_date: 2026-03-02
calendar:
  workdays: [mon, tue, wed, thu, fri]
  holidays:
    - 2026-04-03
    - 2026-05-25
    - { from: 2026-07-03, to: 2026-07-03, name: Independence Day (observed) }
include:
  - workstreams/*.program.yaml
people:
  - { id: jane, name: Jane Okafor }
  - { id: alice, name: Alice Chen }
  - { id: bob, name: Bob Silva, capacity: 0.5 }
  - { id: chen, name: Chen Wei }
  - { id: dana, name: Dana Ruiz }
  - id: eve
    name: Eve Martin
    leave:
      - { from: 2026-03-02, to: 2026-03-06 }
workstreams:
  - id: backend
    name: Backend
    owner: alice
    tasks:
      - id: arch
        name: Architecture review
        duration: 5d
        assignees: [alice]
        status: done
        progress: 100
        actual_start: 2026-01-05
        actual_end: 2026-01-09
      - id: api
        name: Build the public API
        duration: 15d
        depends_on: [arch]
        assignees: [alice, bob]
        status: in-progress
        progress: 60
      - id: billing
        name: Billing integration
        effort: 12d
        assignees: [bob]
        depends_on:
          - { id: api, type: SS, lag: 5d }
        status: in-progress
        progress: 20
      - id: infra
        name: Production infrastructure
        duration: 10d
        depends_on: [arch]
        assignees: [alice]
        status: not-started
      - id: load-test
        name: Load test at 3x peak
        duration: 5d
        depends_on: [api, infra]
        assignees: [alice]
milestones:
  - id: design-done
    name: Design complete
    depends_on: [arch]
    date: 2026-01-09
  - id: beta
    name: Public beta
    depends_on: [api, web-app, billing]
    date: 2026-03-20
    owner: jane
  - id: ga
    name: General availability
    depends_on: [beta, load-test, migration]
    date: 2026-06-30
    owner: jane
`;

  const APOLLO_MIGRATION = `version: 1
workstreams:
  - id: migration-ws
    name: Customer migration
    owner: dana
    tasks:
      - id: migration-plan
        name: Migration runbook
        duration: 5d
        depends_on: [beta]
        assignees: [dana]
      - id: migration
        name: Migrate enterprise customers
        effort: 30d
        depends_on: [migration-plan, load-test]
        assignees: [dana, jane]
milestones:
  - id: all-migrated
    name: All customers migrated
    depends_on: [migration]
    date: 2026-06-15
`;

  const APOLLO_WEB = `version: 1
workstreams:
  - id: web
    name: Web
    owner: chen
    tasks:
      - id: design-system
        name: Design system refresh
        duration: 8d
        depends_on: [design-done]
        assignees: [eve]
        status: done
        progress: 100
      - id: web-app
        name: New web app
        duration: 4w
        depends_on: [design-system, { id: api, type: SS, lag: 3d }]
        assignees: [chen, eve]
        status: in-progress
        progress: 35
      - id: docs-site
        name: Developer docs site
        duration: 6d
        depends_on: [api]
        assignees: [chen]
`;

  function apollo(): Schedule {
    const model = programFromYaml(APOLLO_ROOT, {
      'workstreams/migration.program.yaml': APOLLO_MIGRATION,
      'workstreams/web.program.yaml': APOLLO_WEB,
    });
    assert.deepEqual(model.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message), []);
    // The critical-path rules alone: without forecasting from the status date (tested in status-date.test.ts).
    return scheduleProgram(model, { progressDate: null });
  }

  void test('apollo: task dates', () => {
    const s = apollo();
    assert.equal(dates(s, 'arch'), '2026-01-05..2026-01-09'); // actuals
    assert.deepEqual(get(s, 'arch').driver, { kind: 'actual' });
    assert.equal(dates(s, 'api'), '2026-01-12..2026-01-30'); // 15d FS arch
    assert.equal(dates(s, 'billing'), '2026-01-19..2026-02-19'); // SS api + 5d; 12d effort / 0.5 = 24d
    assert.equal(get(s, 'billing').durationDays, 24);
    assert.equal(dates(s, 'infra'), '2026-01-12..2026-01-23');
    assert.equal(dates(s, 'load-test'), '2026-02-02..2026-02-06');
    assert.equal(dates(s, 'design-system'), '2026-01-12..2026-01-21'); // FS design-done (01-09)
    assert.equal(dates(s, 'web-app'), '2026-01-22..2026-02-18'); // 4w = 20d; design-system beats SS api + 3d
    assert.equal(dates(s, 'docs-site'), '2026-02-02..2026-02-09');
    assert.equal(dates(s, 'migration-plan'), '2026-02-20..2026-02-26'); // FS beta
    assert.equal(dates(s, 'migration'), '2026-02-27..2026-03-19'); // 30d effort / 2 people = 15d
    assert.equal(dates(s, 'backend'), '2026-01-05..2026-02-19');
    assert.equal(dates(s, 'web'), '2026-01-12..2026-02-18');
    assert.equal(dates(s, 'migration-ws'), '2026-02-20..2026-03-19');
  });

  void test('apollo: milestones, float and the critical path', () => {
    const s = apollo();
    assert.equal(dates(s, 'design-done'), '2026-01-09..2026-01-09');
    assert.equal(get(s, 'design-done').slip, 0);
    assert.equal(dates(s, 'beta'), '2026-02-19..2026-02-19');
    assert.deepEqual(get(s, 'beta').driver, { kind: 'dependency', from: 'billing', type: 'FS', lagDays: 0 });
    assert.equal(get(s, 'beta').slip, 0);
    assert.equal(F(get(s, 'beta').target), '2026-03-20');
    assert.equal(dates(s, 'ga'), '2026-03-19..2026-03-19');
    assert.equal(dates(s, 'all-migrated'), '2026-03-19..2026-03-19');
    assert.equal(F(s.finish), '2026-03-19');
    assert.equal(withCode(s.diagnostics, 'milestone-slip').length, 0);
    assert.deepEqual(s.criticalPath, ['arch', 'api', 'billing', 'beta', 'migration-plan', 'migration', 'ga']);
    assert.equal(float(s, 'infra'), 19);
    assert.equal(float(s, 'load-test'), 14);
    assert.equal(float(s, 'web-app'), 1);
    assert.equal(float(s, 'design-system'), 1);
    assert.equal(float(s, 'design-done'), 1);
    assert.equal(float(s, 'docs-site'), 28);
    assert.equal(late(s, 'load-test'), '2026-02-20..2026-02-26');
    assert.deepEqual(s.cycles, []);
  });

  void test('apollo: over-allocation warnings', () => {
    const s = apollo();
    // One warning per person and period (there were six, one per task and assignee).
    assert.deepEqual(withCode(s.diagnostics, 'over-allocation').map((d) => d.message), [
      '`alice` is over-allocated in the weeks of 2026-01-12 to 2026-01-19 because of overlapping tasks (`api` and `infra`): 2 tasks need 20 person-days, `alice` can give 10.',
      '`bob` is over-allocated in the weeks of 2026-01-19 to 2026-01-26 because of overlapping tasks (`api` and `billing`): 2 tasks need 10 person-days, `bob` can give 5 (part-time, capacity 0.5).',
      '`chen` is over-allocated in the weeks of 2026-02-02 to 2026-02-09 because of overlapping tasks (`web-app` and `docs-site`): 2 tasks need 16 person-days, `chen` can give 10.',
    ]);
  });

  void test('apollo: a slipping beta names its driving chain', () => {
    const model = programFromYaml(APOLLO_ROOT.replace('date: 2026-03-20', 'date: 2026-02-13'), {
      'workstreams/migration.program.yaml': APOLLO_MIGRATION,
      'workstreams/web.program.yaml': APOLLO_WEB,
    });
    const s = scheduleProgram(model, { progressDate: null });
    assert.equal(get(s, 'beta').slip, 4); // (02-13, 02-19]: 16, 17, 18, 19
    assert.deepEqual(withCode(s.diagnostics, 'milestone-slip').map((d) => d.message), [
      'Milestone `beta` slips 4 working days past its target 2026-02-13 (forecast 2026-02-19), driven by arch -> api -> billing.',
    ]);
  });
});

void describe('Robustness: empty, long and wide programs', () => {
  void test('an empty program schedules nothing and does not throw', () => {
    const { s } = run('version: 1\nprogram: { id: p, name: P, start: 2026-01-05 }\n');
    assert.equal(s.finish, null);
    assert.deepEqual(s.criticalPath, []);
    assert.equal(s.items.size, 0);
  });

  void test('a long chain schedules without recursion limits', () => {
    const model = generateScheduleModel(20_000, 3);
    const s = scheduleProgram(model);
    assert.equal(s.cycles.length, 0);
    assert.ok(s.finish !== null);
    assert.ok(s.criticalPath.length > 100);
    for (const id of s.order) assert.notEqual(get(s, id).start, null);
  });

  void test('100,000 independent tasks on one finish day: no stack overflow in critical path or diagnostics', () => {
    const base = generateScheduleModel(1000, 5);
    const tasks: Task[] = [];
    for (let i = 0; i < 100_000; i++) {
      const t = base.tasks[i % base.tasks.length]!;
      tasks.push({ ...t, id: `x${i}`, entity: { ...t.entity, id: `x${i}` }, dependsOn: [], duration: { amount: 1, unit: 'd', span: t.entity.span }, effort: undefined, status: undefined });
    }
    const s = scheduleProgram({ ...base, tasks, milestones: [], workstreams: [], entities: tasks.map((t) => t.entity) });
    assert.equal(s.items.size, 100_000);
    assert.equal(F(s.finish), '2026-01-05');
    assert.deepEqual(s.criticalPath, ['x0']);
    assert.ok(withCode(s.diagnostics, 'over-allocation').length > 0);
  });
});
