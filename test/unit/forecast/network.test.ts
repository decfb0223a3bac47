// The compiled network (forecast/network.ts + passes.ts) must give exactly the
// core scheduler's dates and floats when every duration is its plan: on the
// shared example and on random programs that use every scheduling rule (SS/FF/FS
// with lags, workstream dependencies, start constraints, actual dates on any day,
// cancelled tasks, fixed milestones on weekends, holidays, cycles).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { createCalendar } from '../../../server/src/program/calendar.js';
import { formatDate } from '../../../server/src/program/dates.js';
import { loadProgram } from '../../../server/src/program/load.js';
import type { ProgramModel } from '../../../server/src/program/model.js';
import { scheduleProgram } from '../../../server/src/program/schedule.js';
import { buildGraph, findComponents } from '../../../server/src/program/schedule-graph.js';
import { compileNetwork, dayAt, positionOf } from '../../../server/src/program/forecast/network.js';
import { backwardPass, createBuffers, forwardPass } from '../../../server/src/program/forecast/passes.js';
import type { Person } from '../../../server/src/program/types.js';
import { nodeHost, pathToUri } from '../../../server/src/node/node-host.js';
import { mulberry32 } from '../../../bench/random.js';
import { APOLLO_DIR } from '../../helpers/shared.js';
import { programFromYaml } from '../../helpers/program.js';

const TODAY = Date.UTC(2026, 2, 2) / 864e5;

/** Every item's start, end and float from the network, next to the core's. */
function compare(model: ProgramModel, label: string): number {
  // With the program's status date (remaining work from it), and its people's leave.
  const schedule = scheduleProgram(model, { statusDate: TODAY });
  const cal = createCalendar(model.calendar);
  const people = new Map<string, Person>(model.people.map((p) => [p.id, p]));
  const g = buildGraph(model, cal);
  const c = findComponents(g);
  const anchor = model.program?.start ?? TODAY;
  const net = compileNetwork(g, c, cal, anchor, people, {
    ...(schedule.progressDate !== null && { progressFrom: schedule.progressDate }),
    undated: (v) => schedule.items.get(g.ids[v] as string)?.start === null,
  });
  const b = createBuffers(net.n);
  const dur = Int32Array.from(net.baseDays);
  const finish = forwardPass(net, dur, new Int32Array(net.n), b);
  if (net.n > 0) backwardPass(net, dur, finish, b);
  const show = (x: number | null) => (x === null ? 'null' : formatDate(x));
  const day = (x: number) => dayAt(cal, net.origin, x);
  assert.equal(net.n > 0 ? show(day(finish)) : 'null', show(schedule.finish), `${label}: finish`);
  let checked = 0;
  for (let v = 0; v < g.size; v++) {
    const item = schedule.items.get(g.ids[v] as string);
    if (!item) continue;
    const i = net.indexOf[v] as number;
    if (i < 0) {
      assert.equal(item.start, null, `${label}: ${item.id} is undated in the network but dated in the core`);
      continue;
    }
    const got = { start: show(day(b.es[i] as number)), end: show(day(b.ef[i] as number)), float: item.kind === 'workstream' ? item.totalFloat : b.float[i] };
    const want = { start: show(item.start), end: show(item.end), float: item.totalFloat };
    assert.deepEqual(got, want, `${label}: ${item.kind} ${item.id}`);
    checked++;
  }
  return checked;
}

test('positions: every day maps to a position and back, in order, on a calendar with holidays', () => {
  const cal = createCalendar({ workdays: [1, 2, 3, 4, 6], holidays: [{ from: 20460, to: 20470 }, { from: 20500, to: 20500 }] });
  const origin = cal.first(20450);
  let last = -Infinity;
  for (let d = 20400; d < 20600; d++) {
    const x = positionOf(cal, origin, d);
    assert.ok(x > last, `position of ${formatDate(d)} increases`);
    last = x;
    assert.equal(dayAt(cal, origin, x), d);
    assert.equal(Number.isInteger(x), cal.isWorkingDay(d));
  }
});

test('the network gives the core scheduler\'s dates and floats on the shared example', () => {
  const uri = pathToUri(resolve(APOLLO_DIR, 'apollo.program.yaml'));
  const model = loadProgram(uri, nodeHost(), { workspaceRoot: pathToUri(APOLLO_DIR) });
  assert.ok(compare(model, 'apollo') > 10);
});

function randomProgram(seed: number): string {
  const rnd = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const date = (offset: number) => formatDate(20458 + offset); // 2026-01-05 + offset days
  const status = rnd() < 0.5 ? `, status_date: ${date(int(0, 30))}` : '';
  const out: string[] = ['version: 1', `program: { id: p${seed}, name: P, start: ${date(int(-3, 3))}${status} }`];
  // People, some with leave (runs over weekends and holidays, overlapping, one covering the horizon now and then).
  out.push('people:');
  const names = ['ann', 'bob', 'cy'];
  for (const name of names) {
    const leave: string[] = [];
    for (let k = 0; k < int(0, 3); k++) { const a = int(-5, 60); leave.push(`{ from: ${date(a)}, to: ${date(a + int(0, 9))} }`); }
    if (rnd() < 0.02) leave.push(`{ from: ${date(-10)}, to: ${date(5000)} }`);
    out.push(`  - { id: ${name}, name: ${name}${leave.length > 0 ? `, leave: [${leave.join(', ')}]` : ''} }`);
  }
  out.push(`calendar: { workdays: ${pick(['[mon, tue, wed, thu, fri]', '[mon, tue, wed, thu, fri, sat]', '[tue, thu]'])}, holidays: [${date(int(5, 40))}, { from: ${date(50)}, to: ${date(int(50, 60))} }] }`);
  const ids: string[] = [];
  const wsIds: string[] = [];
  const nWs = int(1, 4);
  out.push('workstreams:');
  for (let w = 0; w < nWs; w++) {
    const wid = `w${w}`;
    out.push(`  - id: ${wid}`, `    name: W${w}`, '    tasks:');
    const nTasks = int(1, 8);
    for (let k = 0; k < nTasks; k++) {
      const id = `t${w}_${k}`;
      const deps: string[] = [];
      const pool = [...ids, ...wsIds, ...(rnd() < 0.05 ? [`t${w}_${k + 1}`] : [])]; // sometimes a forward reference: a cycle may form
      for (let j = 0; j < int(0, 3) && pool.length > 0; j++) {
        const target = pick(pool);
        const r = rnd();
        deps.push(r < 0.5 ? target : `{ id: ${target}, type: ${pick(['FS', 'SS', 'FF'])}, lag: ${int(0, 4)}d }`);
      }
      const parts = [`id: ${id}`, `name: T`];
      const r = rnd();
      if (r < 0.1) parts.push(`estimate: { optimistic: ${int(1, 2)}d, likely: ${int(3, 4)}d, pessimistic: 9d }`);
      else parts.push(`duration: ${int(1, 12)}d`);
      if (deps.length > 0) parts.push(`depends_on: [${deps.join(', ')}]`);
      if (rnd() < 0.1) parts.push(`start: ${date(int(0, 40))}`);
      if (rnd() < 0.5) parts.push(`assignees: [${pick(names)}${rnd() < 0.3 ? `, ${pick(names)}` : ''}]`);
      const s = rnd();
      if (s < 0.08) parts.push('status: cancelled');
      else if (s < 0.13) parts.push(`progress: ${int(1, 99)}`);
      else if (s < 0.16) parts.push(`status: ${pick(['in-progress', 'blocked', 'done'])}`);
      else if (s < 0.18) parts.push(`actual_start: ${date(int(-2, 20))}, progress: ${int(0, 90)}`);
      else if (s < 0.16) parts.push(`actual_start: ${date(int(-2, 20))}`);
      else if (s < 0.22) { const a = int(-2, 20); parts.push(`actual_start: ${date(a)}`, `actual_end: ${date(a + int(0, 9))}`); }
      out.push(`      - { ${parts.join(', ')} }`);
      ids.push(id);
    }
    wsIds.push(wid);
  }
  out.push('milestones:');
  const nMs = int(1, 4);
  for (let m = 0; m < nMs; m++) {
    const parts = [`id: m${m}`, 'name: M'];
    const r = rnd();
    if (r < 0.3) parts.push(`date: ${date(int(-5, 60))}`); // fixed, any weekday
    else {
      parts.push(`depends_on: [${[pick([...ids, ...wsIds]), ...(rnd() < 0.5 ? [`{ id: ${pick(ids)}, lag: ${int(0, 3)}d }`] : [])].join(', ')}]`);
      if (rnd() < 0.6) parts.push(`date: ${date(int(0, 80))}`);
    }
    out.push(`  - { ${parts.join(', ')} }`);
    ids.push(`m${m}`);
  }
  return `${out.join('\n')}\n`;
}

test('the network gives the core scheduler\'s dates and floats on 150 random programs', () => {
  let checked = 0;
  for (let seed = 1; seed <= 150; seed++) {
    const text = randomProgram(seed);
    try {
      checked += compare(programFromYaml(text), `seed ${seed}`);
    } catch (e) {
      console.log(text);
      throw e;
    }
  }
  assert.ok(checked > 1500, `compared ${checked} items`);
});
