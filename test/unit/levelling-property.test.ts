// Property: for random programs (people with leave, pools, needs, priorities,
// FS/SS/FF with lags, started tasks), the levelled schedule never breaks a
// dependency, never has a person on two tasks or a pool above its units on any
// day, never starts a task earlier than the critical-path schedule, and is the
// same every time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatDate } from '../../server/src/program/dates.js';
import { scheduleProgram } from '../../server/src/program/schedule.js';
import { programFromYaml } from '../helpers/program.js';

const taskArb = (i: number) => fc.record({
  days: fc.integer({ min: 1, max: 6 }),
  people: fc.subarray([0, 1, 2], { maxLength: 2 }),
  needs: fc.array(fc.record({ pool: fc.integer({ min: 0, max: 1 }), units: fc.integer({ min: 1, max: 3 }) }), { maxLength: 2 }),
  priority: fc.option(fc.integer({ min: 1, max: 1000 }), { nil: undefined }),
  deps: fc.array(fc.record({ on: fc.integer({ min: 0, max: Math.max(0, i - 1) }), type: fc.constantFrom('FS', 'FS', 'SS', 'FF'), lag: fc.integer({ min: 0, max: 2 }) }), { maxLength: i === 0 ? 0 : 2 }),
  started: fc.boolean().map((b) => b && i % 4 === 0),
});

const programArb = fc.integer({ min: 2, max: 10 }).chain((n) => fc.record({
  tasks: fc.tuple(...Array.from({ length: n }, (_, i) => taskArb(i))),
  leave: fc.array(fc.record({ who: fc.integer({ min: 0, max: 2 }), at: fc.integer({ min: 0, max: 30 }), days: fc.integer({ min: 0, max: 4 }) }), { maxLength: 3 }),
  units: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })),
  milestone: fc.boolean(),
}));

const START = 20458; // 2026-01-05, a Monday

function render(p: fc.Arbitrary<unknown> extends never ? never : ReturnType<typeof programArb.generate>['value']): string {
  const out = ['version: 1', 'program: { id: p, name: P, start: 2026-01-05, status_date: 2026-01-07 }', 'scheduling: { levelling: true }', 'people:'];
  for (let k = 0; k < 3; k++) {
    const leave = p.leave.filter((l) => l.who === k).map((l) => `{ from: ${formatDate(START + l.at)}, to: ${formatDate(START + l.at + l.days)} }`);
    out.push(`  - { id: u${k}, name: U${k}${leave.length > 0 ? `, leave: [${leave.join(', ')}]` : ''} }`);
  }
  out.push('pools:', `  - { id: q0, name: Q0, units: ${p.units[0]} }`, `  - { id: q1, name: Q1, units: ${p.units[1]} }`);
  out.push('workstreams:', '  - id: ws', '    name: WS', '    tasks:');
  p.tasks.forEach((t, i) => {
    const deps = [...new Map(t.deps.filter((d) => d.on < i).map((d) => [d.on, d])).values()].map((d) => `{ id: t${d.on}, type: ${d.type}, lag: ${d.lag}d }`);
    const needs = [...new Map(t.needs.map((nd) => [nd.pool, nd])).values()].map((nd) => `q${nd.pool}: ${Math.min(nd.units, p.units[nd.pool] as number)}`);
    out.push(`      - { id: t${i}, name: T${i}, duration: ${t.days}d`
      + (t.people.length > 0 ? `, assignees: [${t.people.map((k) => `u${k}`).join(', ')}]` : '')
      + (needs.length > 0 ? `, needs: { ${needs.join(', ')} }` : '')
      + (t.priority !== undefined ? `, priority: ${t.priority}` : '')
      + (t.started ? ', actual_start: 2026-01-05' : '')
      + (deps.length > 0 ? `, depends_on: [${deps.join(', ')}]` : '') + ' }');
  });
  if (p.milestone) out.push('milestones:', `  - { id: m, name: M, depends_on: [t${p.tasks.length - 1}] }`);
  return `${out.join('\n')}\n`;
}

void test('levelling never breaks a dependency, a person or a pool, never starts before the CPM schedule, and is deterministic', () => {
  fc.assert(fc.property(programArb, (p) => {
    const text = render(p);
    const model = programFromYaml(text);
    assert.deepEqual(model.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message), [], text);
    const s = scheduleProgram(model);
    const cpm = scheduleProgram(model, { level: false });
    const again = scheduleProgram(model);
    const cal = s.calendar;
    const use = new Map<string, number>();
    // Started tasks first: they are never moved, and two of them may clash (that is the user's data).
    const tasks = [...model.tasks].sort((a, b) => Number(b.actualStart !== undefined) - Number(a.actualStart !== undefined));
    for (const t of tasks) {
      const fixed = t.actualStart !== undefined;
      const it = s.items.get(t.id)!;
      const base = cpm.items.get(t.id)!;
      if (it.start === null || it.end === null) continue; // no working day (leave): reported, undated
      assert.equal(again.items.get(t.id)?.start, it.start, `deterministic ${t.id}\n${text}`);
      assert.ok(it.start >= (base.start as number), `${t.id} starts ${formatDate(it.start)} before its CPM start ${formatDate(base.start as number)}\n${text}`);
      for (const d of fixed ? [] : t.dependsOn) { // actual dates replace what dependencies would give
        const pred = s.items.get(d.targetId)!;
        if (pred.start === null || pred.end === null) continue;
        const lag = d.lag?.amount ?? 0;
        if (d.type === 'FS') assert.ok(it.start >= cal.next(pred.end, 1 + lag), `FS ${d.targetId} -> ${t.id}\n${text}`);
        else if (d.type === 'SS') assert.ok(it.start >= cal.next(pred.start, lag), `SS ${d.targetId} -> ${t.id}\n${text}`);
        else assert.ok(it.end >= cal.next(pred.end, lag), `FF ${d.targetId} -> ${t.id}\n${text}`);
      }
      const own = s.calendars.of(t);
      for (let day = own.first(it.start); day <= it.end; day = own.next(day, 1)) {
        for (const who of new Set(t.assignees)) {
          const key = `${who}@${day}`;
          use.set(key, (use.get(key) ?? 0) + 1);
          assert.ok(fixed || (use.get(key) as number) <= 1, `${who} on two tasks on ${formatDate(day)}\n${text}`);
        }
        for (const nd of t.needs ?? []) {
          const key = `${nd.pool}@${day}`;
          use.set(key, (use.get(key) ?? 0) + nd.units);
          const units = model.pools?.find((q) => q.id === nd.pool)?.units ?? 0;
          assert.ok(fixed || (use.get(key) as number) <= units, `${nd.pool} above ${units} units on ${formatDate(day)}\n${text}`);
        }
      }
    }
  }), { numRuns: 150, seed: 13 });
});
