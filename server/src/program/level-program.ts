// Levelling a program (program-format.md, "Resources and levelling"): the
// critical-path schedule becomes an SGS problem over program working days
// (people: one task per day; pools: their units; leave: days a task pauses),
// the search finds a schedule, and the result comes back as forced dates for
// the forward pass plus, for each delayed task, its delay and what held it.
//
// Rules kept from the format page: a task never starts earlier than the
// critical-path schedule starts it (its release), started (`actual_start`),
// finished and cancelled tasks are never moved (they are placed first and use
// their resources), a need above a pool's units is clamped (reported as an
// error elsewhere) so the rest is still scheduled.
import type { WorkCalendar } from './calendar.js';
import { defaultBudget } from './level-search.js';
import { searchScheduleMemo } from './level-memo.js';
import { FIXED, forEachDay, GROUP, MILESTONE, SKIP, TASK } from './level-sgs.js';
import type { SgsProblem, SgsResult } from './level-sgs.js';
import type { LateDates } from './schedule-backward.js';
import type { EarlyDates } from './schedule-forward.js';
import type { Components, ScheduleGraph } from './schedule-graph.js';
import type { Day, Person, Pool, Task } from './types.js';

export interface Hold {
  /** A person's or a pool's id. */
  readonly resource: string;
  /** The task that held it. */
  readonly task: string;
}

export interface Levelled {
  /** Forced start and end day per node (NaN where the forward pass decides). */
  readonly forced: { readonly start: Float64Array; readonly end: Float64Array };
  /** Tasks: working days the leveller delayed the start; -1 for other nodes. */
  readonly delay: Int32Array;
  /** Delayed tasks: what held them. */
  readonly heldBy: Map<number, Hold[]>;
  /** (holder, held) node pairs: finish-to-start links for resource-constrained float. */
  readonly holds: [number, number][];
  readonly decodes: number;
  /** The problem the leveller solved and the keys of its best schedule (the forecast levels each iteration with them). */
  readonly problem: SgsProblem;
  readonly keys: Float64Array;
}

export interface LevelInput {
  readonly g: ScheduleGraph;
  readonly comps: Components;
  readonly cal: WorkCalendar;
  /** first(anchor): index 0. */
  readonly origin: Day;
  readonly early: EarlyDates;
  readonly late?: LateDates;
  readonly people: ReadonlyMap<string, Person>;
  readonly pools: ReadonlyMap<string, Pool>;
  readonly calOf: (t: Task) => WorkCalendar;
  readonly budget?: number;
}

const MAX_HOLDERS = 10;

export function levelProgram(input: LevelInput): Levelled {
  const { g, comps, cal, origin, early, people, pools } = input;
  const n = g.size;
  const idx = (d: Day): number => cal.workdaysBetween(origin, d);
  /** The index of the last working day on or before d (a milestone is at the end of its date). */
  const idxEnd = (d: Day): number => cal.workdaysBetween(origin, d + 1) - 1;
  const dayOf = (i: number): Day => (i >= 0 ? cal.next(origin, i) : cal.prev(origin, -i));

  // Resources: people first (capacity 1: one task per day), then pools.
  const resIndex = new Map<string, number>();
  const resName: string[] = [];
  const capacity: number[] = [];
  const resourceOf = (key: string, name: string, cap: number): number => {
    let r = resIndex.get(key);
    if (r === undefined) { r = resName.length; resIndex.set(key, r); resName.push(name); capacity.push(cap); }
    return r;
  };

  const kind = new Uint8Array(n);
  const dur = new Int32Array(n);
  const release = new Int32Array(n);
  const fixedStart = new Int32Array(n);
  const fixedEnd = new Int32Array(n);
  const priority = new Int32Array(n).fill(500);
  const blocked: (Int32Array | undefined)[] = new Array<Int32Array | undefined>(n).fill(undefined);
  const demStart = new Int32Array(n + 1);
  const demRes: number[] = [];
  const demUnits: number[] = [];
  for (let v = 0; v < n; v++) {
    demStart[v] = demRes.length;
    const es = early.es[v] as number;
    if (comps.cyclic[v] || Number.isNaN(es)) { kind[v] = SKIP; continue; }
    const k = g.kinds[v];
    if (k === 'workstream') { kind[v] = GROUP; continue; }
    if (k === 'milestone') { kind[v] = MILESTONE; release[v] = idxEnd(es); continue; }
    const t = g.tasks[v] as Task;
    for (const id of new Set(t.assignees)) {
      if (!people.has(id)) continue;
      demRes.push(resourceOf(`p:${id}`, id, 1));
      demUnits.push(1);
    }
    for (const need of t.needs ?? []) {
      const pool = pools.get(need.pool);
      if (!pool || pool.units <= 0) continue;
      demRes.push(resourceOf(`u:${pool.id}`, pool.id, pool.units));
      demUnits.push(Math.min(need.units, pool.units));
    }
    const own = input.calOf(t);
    if (own !== cal) blocked[v] = leaveIndices(t, people, cal, idx, idxEnd);
    priority[v] = t.priority ?? 500;
    const ef = early.ef[v] as number;
    if (t.actualStart !== undefined || t.actualEnd !== undefined || t.status === 'done' || t.status === 'cancelled') {
      kind[v] = FIXED;
      fixedStart[v] = idx(es);
      fixedEnd[v] = t.status === 'cancelled' ? (fixedStart[v] as number) - 1 : idxEnd(ef);
      continue;
    }
    kind[v] = TASK;
    release[v] = idx(es);
    dur[v] = early.len[v] as number;
  }
  demStart[n] = demRes.length;

  const predFrom = Int32Array.from(g.edgeFrom);
  const predType = Uint8Array.from(g.edgeType);
  const predLag = Int32Array.from(g.edgeLag);
  const predStart = Int32Array.from(g.predStart);
  const problem: SgsProblem = {
    n, kind, dur, release, fixedStart, fixedEnd, predStart, predFrom, predType, predLag,
    demStart, demRes: Int32Array.from(demRes), demUnits: Int32Array.from(demUnits), capacity: Int32Array.from(capacity),
    blocked, priority,
  };

  // Priority rules (higher key first): latest finish, latest start, work that follows, earliest start, file order.
  const rules: Float64Array[] = [];
  const late = input.late;
  if (late) {
    rules.push(Float64Array.from({ length: n }, (_, v) => -keyOf(late.lf[v], idx)));
    rules.push(Float64Array.from({ length: n }, (_, v) => -keyOf(late.ls[v], idx)));
  }
  const follows = new Float64Array(n);
  for (let k = 0; k < g.edgeCount; k++) {
    const from = g.edgeFrom[k] as number;
    follows[from] = (follows[from] as number) + (dur[g.edgeTo[k] as number] as number);
  }
  rules.push(Float64Array.from({ length: n }, (_, v) => (follows[v] as number) + (dur[v] as number)));
  rules.push(Float64Array.from({ length: n }, (_, v) => -(release[v] as number)));
  rules.push(Float64Array.from({ length: n }, (_, v) => -v));

  let lowerBound = -Infinity;
  let tasks = 0;
  for (let v = 0; v < n; v++) {
    if (kind[v] === TASK) tasks++;
    if (kind[v] === TASK || kind[v] === FIXED) lowerBound = Math.max(lowerBound, idxEnd(early.ef[v] as number));
    else if (kind[v] === MILESTONE) lowerBound = Math.max(lowerBound, idxEnd(early.ef[v] as number));
  }
  const { best, keys, decodes } = searchScheduleMemo(problem, { rules, lowerBound, budget: input.budget ?? defaultBudget(tasks) });

  const start = new Float64Array(n).fill(NaN);
  const end = new Float64Array(n).fill(NaN);
  const delay = new Int32Array(n).fill(-1);
  const heldBy = new Map<number, Hold[]>();
  const holds: [number, number][] = [];
  const users = resourceUsers(problem, resName.length);
  for (let v = 0; v < n; v++) {
    if (kind[v] !== TASK) continue;
    const s = best.start[v] as number;
    start[v] = dayOf(s);
    end[v] = (dur[v] as number) > 0 ? dayOf(best.end[v] as number) : cal.prev(start[v] as number, 1);
    const d = ownDelay(problem, best, v);
    delay[v] = d;
    if (d <= 0) continue;
    const list: Hold[] = [];
    const seen = new Set<number>();
    forEachHolder(problem, best, users, v, (r, h) => {
      list.push({ resource: resName[r] as string, task: g.ids[h] as string });
      if (!seen.has(h)) { seen.add(h); holds.push([h, v]); }
    });
    heldBy.set(v, list);
  }
  return { forced: { start, end }, delay, heldBy, holds, decodes, problem, keys };
}

/** The tasks using each resource (people, then pools), for "who held it". */
export function resourceUsers(p: SgsProblem, resources: number): number[][] {
  const users: number[][] = Array.from({ length: resources }, () => []);
  for (let v = 0; v < p.n; v++) {
    if (p.kind[v] !== TASK && p.kind[v] !== FIXED) continue;
    for (let k = p.demStart[v] as number; k < (p.demStart[v + 1] as number); k++) users[p.demRes[k] as number]?.push(v);
  }
  return users;
}

/** Days of its own calendar a task waited for resources (leave in between is not the leveller's doing). */
export function ownDelay(p: SgsProblem, best: SgsResult, v: number): number {
  const s = best.start[v] as number;
  const lo = best.lower[v] as number;
  let d = 0;
  if (s > lo) forEachDay(p.blocked[v], lo, s - 1, () => { d++; });
  return d;
}

/**
 * Calls fn(resource, holder) for each task that held a resource of delayed
 * task v (at most MAX_HOLDERS): placed before it, working on the resource
 * between the day v could have started and the day it did.
 */
export function forEachHolder(p: SgsProblem, best: SgsResult, users: readonly number[][], v: number, fn: (r: number, h: number) => void): void {
  const s = best.start[v] as number;
  const lo = best.lower[v] as number;
  let count = 0;
  for (let k = p.demStart[v] as number; k < (p.demStart[v + 1] as number) && count < MAX_HOLDERS; k++) {
    const r = p.demRes[k] as number;
    for (const h of users[r] ?? []) {
      if (h === v || count >= MAX_HOLDERS) continue;
      const fixed = p.kind[h] === FIXED;
      const placedBefore = fixed || (best.seq[h] as number) < (best.seq[v] as number);
      const hs = fixed ? (p.fixedStart[h] as number) : (best.start[h] as number);
      const he = fixed ? (p.fixedEnd[h] as number) : (best.end[h] as number);
      if (!placedBefore || he < lo || hs >= s || he >= s || !usesBetween(p.blocked[h], hs, he, lo, s - 1)) continue;
      fn(r, h);
      count++;
    }
  }
}

function keyOf(day: number | undefined, idx: (d: Day) => number): number {
  return day === undefined || Number.isNaN(day) ? 0 : idx(day);
}

/** Whether a task working hs..he (minus blocked days) works on a day in lo..hi. */
function usesBetween(blocked: Int32Array | undefined, hs: number, he: number, lo: number, hi: number): boolean {
  const a = Math.max(hs, lo);
  const b = Math.min(he, hi);
  if (a > b) return false;
  let any = false;
  forEachDay(blocked, a, b, () => { any = true; });
  return any;
}

/** The task's assignees' leave as merged index ranges of program working days. */
function leaveIndices(
  t: Task, people: ReadonlyMap<string, Person>, cal: WorkCalendar, idx: (d: Day) => number, idxEnd: (d: Day) => number,
): Int32Array | undefined {
  const ranges: [number, number][] = [];
  for (const id of new Set(t.assignees)) {
    for (const r of people.get(id)?.leave ?? []) {
      if (cal.workingDaysInclusive(r.from, r.to) === 0) continue;
      ranges.push([idx(r.from), idxEnd(r.to)]);
    }
  }
  if (ranges.length === 0) return undefined;
  ranges.sort((x, y) => x[0] - y[0]);
  const out: number[] = [];
  for (const [a, b] of ranges) {
    const last = out.length - 1;
    if (last > 0 && a <= (out[last] as number) + 1) out[last] = Math.max(out[last] as number, b);
    else out.push(a, b);
  }
  return Int32Array.from(out);
}
