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
import { APOLLO_DIR } from '../../helpers/shared.js';
import { programFromYaml } from '../../helpers/program.js';
import { randomProgram } from './random-program.js';

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
