// Property: a what-if forecast (the prepared program, with only the changed
// items placed again) gives every item the end, and the program the finish,
// that scheduling the changed program in full gives, whatever is changed:
// durations, efforts, start constraints, actual dates, cancellations, lags
// and types of the same links, other links (a full re-schedule), milestone
// dates; with leave, a status date, progress and cycles in the program.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatDate } from '../../../server/src/program/dates.js';
import type { ProgramModel } from '../../../server/src/program/model.js';
import { patchModel, daysDuration } from '../../../server/src/program/running/what-if.js';
import type { MilestonePatch, TaskPatch } from '../../../server/src/program/running/what-if.js';
import { whatIfForecaster } from '../../../server/src/program/running/what-if-forecast.js';
import { scheduleProgram } from '../../../server/src/program/schedule.js';
import type { Dependency } from '../../../server/src/program/types.js';
import { programFromYaml } from '../../helpers/program.js';

const START = 20458; // 2026-01-05, a Monday

const taskArb = (i: number) => fc.record({
  days: fc.integer({ min: 1, max: 6 }),
  effort: fc.boolean(),
  people: fc.subarray([0, 1, 2], { maxLength: 2 }),
  deps: fc.array(fc.record({ on: fc.integer({ min: 0, max: 11 }), type: fc.constantFrom('FS', 'FS', 'SS', 'FF'), lag: fc.integer({ min: 0, max: 2 }) }), { maxLength: i === 0 ? 0 : 2 }),
  state: fc.constantFrom('none', 'none', 'none', 'progress', 'started', 'done', 'cancelled'),
  start: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
});

const programArb = fc.integer({ min: 2, max: 12 }).chain((n) => fc.record({
  tasks: fc.tuple(...Array.from({ length: n }, (_, i) => taskArb(i))),
  leave: fc.array(fc.record({ who: fc.integer({ min: 0, max: 2 }), at: fc.integer({ min: 0, max: 30 }), days: fc.integer({ min: 0, max: 4 }) }), { maxLength: 3 }),
  statusDate: fc.option(fc.integer({ min: 0, max: 15 }), { nil: undefined }),
  milestones: fc.array(fc.record({ on: fc.array(fc.integer({ min: 0, max: 11 }), { minLength: 0, maxLength: 2 }), date: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }) }), { maxLength: 3 }),
  // A cycle (t_{last} -> t0 edge) now and then: its items stay undated.
  cycle: fc.boolean().map((b) => b && n > 2),
}));

type Program = ReturnType<typeof programArb.generate>['value'];

function render(p: Program): string {
  const day = (k: number) => formatDate(START + k);
  const out = ['version: 1', `program: { id: p, name: P, start: ${day(0)}${p.statusDate !== undefined ? `, status_date: ${day(p.statusDate)}` : ''} }`, 'people:'];
  for (let k = 0; k < 3; k++) {
    const leave = p.leave.filter((l) => l.who === k).map((l) => `{ from: ${day(l.at)}, to: ${day(l.at + l.days)} }`);
    out.push(`  - { id: u${k}, name: U${k}${k === 2 ? ', capacity: 0.5' : ''}${leave.length > 0 ? `, leave: [${leave.join(', ')}]` : ''} }`);
  }
  out.push('workstreams:', '  - id: ws', '    name: WS', '    tasks:');
  const n = p.tasks.length;
  p.tasks.forEach((t, i) => {
    const deps = [...new Map(t.deps.filter((d) => d.on < i).map((d) => [d.on, d])).values()].map((d) => `{ id: t${d.on}, type: ${d.type}, lag: ${d.lag}d }`);
    if (p.cycle && i === 0) deps.push(`t${n - 1}`);
    const state = {
      none: '', progress: ', progress: 40, status: in-progress', started: `, actual_start: ${day(1)}, progress: 20`,
      done: `, actual_start: ${day(0)}, actual_end: ${day(2)}, status: done`, cancelled: ', status: cancelled',
    }[t.state];
    out.push(`      - { id: t${i}, name: T${i}, ${t.effort && t.people.length > 0 ? 'effort' : 'duration'}: ${t.days}d`
      + (t.people.length > 0 ? `, assignees: [${t.people.map((k) => `u${k}`).join(', ')}]` : '')
      + (t.start !== undefined ? `, start: ${day(t.start)}` : '') + state
      + (deps.length > 0 ? `, depends_on: [${deps.join(', ')}]` : '') + ' }');
  });
  if (p.milestones.length > 0) out.push('milestones:');
  p.milestones.forEach((m, i) => {
    const on = [...new Set(m.on.filter((k) => k < n))].map((k) => `t${k}`);
    out.push(`  - { id: m${i}, name: M${i}${on.length > 0 ? `, depends_on: [${on.join(', ')}]` : ''}${m.date !== undefined || on.length === 0 ? `, date: ${day(m.date ?? 10)}` : ''} }`);
  });
  return `${out.join('\n')}\n`;
}

const patchArb = fc.array(fc.record({
  item: fc.integer({ min: 0, max: 14 }),
  what: fc.constantFrom('duration', 'cancel', 'start', 'actual', 'lags', 'reverse-links', 'drop-links', 'date'),
  n: fc.integer({ min: 1, max: 8 }),
}), { minLength: 1, maxLength: 4 });

function patches(model: ProgramModel, list: ReturnType<typeof patchArb.generate>['value']): ProgramModel {
  const tasks = new Map<string, TaskPatch>();
  const milestones = new Map<string, MilestonePatch>();
  const relag = (deps: readonly Dependency[], n: number): Dependency[] => deps.map((d, k) => ({ ...d, lag: daysDuration((n + k) % 3), ...(k % 2 ? { type: 'SS' as const } : {}) }));
  for (const p of list) {
    const t = model.tasks[p.item];
    const m = model.milestones[p.item % Math.max(1, model.milestones.length)];
    if (t && p.what !== 'date') {
      const patch: TaskPatch = {
        duration: { duration: daysDuration(p.n), effort: undefined }, cancel: { status: 'cancelled' as const, actualStart: undefined, actualEnd: undefined },
        start: { start: START + p.n * 2 }, actual: { actualStart: START + p.n, progress: 10 * p.n },
        lags: { dependsOn: relag(t.dependsOn, p.n) }, 'reverse-links': { dependsOn: [...t.dependsOn].reverse() }, 'drop-links': { dependsOn: t.dependsOn.slice(1) },
      }[p.what] as TaskPatch;
      tasks.set(t.id, { ...tasks.get(t.id), ...patch });
    } else if (m) {
      milestones.set(m.id, p.what === 'date' ? { date: START + p.n * 3 } : { dependsOn: relag(m.dependsOn, p.n) });
    }
  }
  return patchModel(model, tasks, milestones);
}

void test('a what-if forecast equals the full schedule of the changed program', () => {
  fc.assert(fc.property(programArb, fc.array(patchArb, { minLength: 1, maxLength: 3 }), (p, variants) => {
    const text = render(p);
    const model = programFromYaml(text);
    const forecast = whatIfForecaster(model, { statusDate: START + 3 });
    for (const list of [[], ...variants]) {
      const changed = list.length === 0 ? model : patches(model, list);
      const fast = forecast(changed);
      const full = scheduleProgram(changed, { statusDate: START + 3 });
      assert.equal(fast.finish, full.finish, text);
      for (const [id, it] of full.items) assert.equal(fast.items.get(id)?.end, it.end, `${id} in\n${text}\nwith ${JSON.stringify(list)}`);
      assert.equal(fast.items.get('no-such-id'), undefined);
    }
  }), { numRuns: 150 });
});

void test('a variant with another calendar is forecast in full, and still right', () => {
  const model = programFromYaml(render({
    tasks: [{ days: 3, effort: false, people: [0], deps: [], state: 'none', start: undefined }, { days: 2, effort: false, people: [1], deps: [{ on: 0, type: 'FS', lag: 1 }], state: 'none', start: undefined }],
    leave: [{ who: 1, at: 4, days: 2 }], statusDate: undefined, milestones: [{ on: [1], date: undefined }], cycle: false,
  }));
  const forecast = whatIfForecaster(model);
  // Holidays on 2026-01-08..09 move t0's end by two working days, and t1 and m0 with it.
  const moved = { ...model, calendar: { ...model.calendar, holidays: [{ from: START + 3, to: START + 4 }] } };
  assert.equal(formatDate(forecast(moved).items.get('m0')?.end as number), formatDate(scheduleProgram(moved).items.get('m0')?.end as number));
  assert.equal(forecast(moved).finish, scheduleProgram(moved).finish);
  assert.equal(forecast(model).finish, scheduleProgram(model).finish);
});

void test('a forecast read after the next one was asked for throws, instead of giving the next dates', () => {
  const model = programFromYaml(render({
    tasks: [{ days: 3, effort: false, people: [], deps: [], state: 'none', start: undefined }, { days: 2, effort: false, people: [], deps: [{ on: 0, type: 'FS', lag: 0 }], state: 'none', start: undefined }],
    leave: [], statusDate: undefined, milestones: [], cycle: false,
  }));
  const forecast = whatIfForecaster(model);
  const first = forecast(patchModel(model, new Map([['t0', { duration: daysDuration(5) }]])));
  const firstEnd = first.items.get('t1')?.end;
  const second = forecast(patchModel(model, new Map([['t0', { duration: daysDuration(1) }]])));
  assert.equal(second.items.get('t1')?.end, scheduleProgram(patchModel(model, new Map([['t0', { duration: daysDuration(1) }]]))).items.get('t1')?.end);
  assert.notEqual(firstEnd, second.items.get('t1')?.end);
  assert.throws(() => first.items.get('t1'), /read after the next one/);
});
