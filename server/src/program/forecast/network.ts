// The schedule network compiled once for thousands of iterations: the core
// scheduler's graph (schedule-graph.ts) flattened into typed arrays in
// topological order, with every date turned into a *position* on the working
// calendar so that next(d, k) and prev(d, k) are arithmetic, not calendar
// searches.
//
// Positions. O = first(program start). A working day d has position
// pos(d) = working days in [O, d) (O is 0, the next working day 1, …). A
// non-working day (a weekend or holiday; only fixed dates can be one: a fixed
// milestone, an actual date, a target) lies strictly between its neighbours:
// pos = pos(previous working day) + (d - previous) / (next - previous). The
// map is strictly increasing, so max/min/compare agree with dates, and the
// calendar rules become (k >= 1):
//   next(x, k) = floor(x) + k      prev(x, k) = ceil(x) - k
//   first(x)   = ceil(x)           last(x)    = floor(x)
//   working days in [a, b)   = ceil(b) - ceil(a)
//   working days in [a, b]   = floor(b) + 1 - ceil(a)
// which is exactly the core calendar's N(d) bookkeeping (calendar.ts) shifted
// by N(O). A test checks that this network, with the planned durations, gives
// the core scheduler's dates and floats on the examples and on random programs.
//
// What the core scheduler does beyond the critical path, mirrored here:
// - the status date ("Progress from the status date"): a not-started task's
//   earliest start `notBefore` includes first(status date) (compile time); a
//   started one (F_REMAINING) ends no earlier than its remaining work,
//   ceil(sampled days × (100 − progress) / 100), resumed on the status date.
// - leave ("Resources and levelling"): a task whose assignees have leave gets
//   an index into `blocked`, the merged runs of program working days (as
//   positions) on which it pauses; its start, end and late dates step over
//   them (own-days.ts). Tasks without leave pay nothing for it.
// - levelling is not a network property (holds depend on the sampled
//   durations): forecast/level-iteration.ts runs the leveller's serial scheme
//   on each iteration's dates.
import type { WorkCalendar } from '../calendar.js';
import { notStarted, taskDuration } from '../schedule-forward.js';
import type { Components, ScheduleGraph } from '../schedule-graph.js';
import type { Day, Person } from '../types.js';

export const KIND_TASK = 0;
export const KIND_MILESTONE = 1;
export const KIND_WORKSTREAM = 2;

export const F_ACTUAL_START = 1;
export const F_ACTUAL_END = 2;
export const F_CANCELLED = 4;
/** Started and not done, with a status date: ends no earlier than its remaining work resumed on it. */
export const F_REMAINING = 8;

export { DEP_FF, DEP_FS, DEP_SS } from '../dependency-codes.js';

export interface Network {
  /** Dated nodes (not in a cycle), in topological order: predecessors first. */
  readonly n: number;
  /** The core graph's node index of each compiled node. */
  readonly node: Int32Array;
  readonly kind: Uint8Array;
  /** Compiled index of each core graph node, or -1 when it is undated (in a cycle, or an empty workstream). */
  readonly indexOf: Int32Array;
  /** Tasks: planned working days (duration, effort, or the estimate's likely value). */
  readonly baseDays: Int32Array;
  readonly flags: Uint8Array;
  /** Tasks: the earliest start from the program start and `start` (positions). */
  readonly notBefore: Float64Array;
  readonly actualStart: Float64Array;
  readonly actualEnd: Float64Array;
  /** Milestones: the fixed date (used when no predecessor is dated), else NaN; and the target, else NaN. */
  readonly fixedDate: Float64Array;
  readonly target: Float64Array;
  /** Incoming dependencies of node i: pred/predType/predLag[predStart[i] .. predStart[i + 1]). */
  readonly predStart: Int32Array;
  readonly pred: Int32Array;
  readonly predType: Uint8Array;
  readonly predLag: Int32Array;
  /** Tasks (F_REMAINING): percent done. */
  readonly progress: Float64Array;
  /** first(status date) as a position, NaN without a status date. */
  readonly progressFrom: number;
  /** Tasks on leave: an index into `blocked` (sorted, disjoint, inclusive position runs [a0, b0, a1, b1, …]); -1 otherwise. */
  readonly calIdx: Int32Array;
  readonly blocked: readonly Int32Array[];
  /** Workstreams: their dated tasks, member[memberStart[i] .. memberStart[i + 1]). */
  readonly memberStart: Int32Array;
  readonly member: Int32Array;
  /** The calendar and its origin, to turn positions back into dates. */
  readonly origin: Day;
  readonly calendar: WorkCalendar;
}

/** What the iterations use: the network without its calendar (plain data, cloneable into a worker thread). */
export type IterationNetwork = Omit<Network, 'calendar'>;

/** A date's position on the working calendar (see the header). */
export function positionOf(cal: WorkCalendar, origin: Day, d: Day): number {
  const before = cal.workdaysBetween(origin, d);
  if (cal.isWorkingDay(d)) return before;
  const p = cal.prev(d, 1);
  const q = cal.next(d, 1);
  return before - 1 + (d - p) / (q - p);
}

/** The date at a position (the inverse of positionOf). */
export function dayAt(cal: WorkCalendar, origin: Day, x: number): Day {
  const i = Math.floor(x);
  const p = cal.next(origin, i);
  if (x === i) return p;
  const q = cal.next(origin, i + 1);
  return p + Math.round((x - i) * (q - p));
}

export interface CompileOptions {
  /** first(status date): remaining work is forecast from it (the core's progressFrom). */
  readonly progressFrom?: Day;
  /** Nodes the core scheduler leaves undated beyond cycles (a task with no working day). */
  readonly undated?: (v: number) => boolean;
}

export function compileNetwork(
  g: ScheduleGraph, c: Components, cal: WorkCalendar, anchor: Day, people: ReadonlyMap<string, Person>,
  options: CompileOptions = {},
): Network {
  const origin = cal.first(anchor);
  const pos = (d: Day): number => positionOf(cal, origin, d);
  const skip = (v: number): boolean => c.cyclic[v] === 1 || (options.undated?.(v) ?? false);
  const pf = options.progressFrom === undefined ? NaN : pos(options.progressFrom);
  // Which nodes get dates: everything outside a cycle, except a workstream without a dated task.
  const indexOf = new Int32Array(g.size).fill(-1);
  const order: number[] = [];
  for (const v of c.order) {
    if (skip(v)) continue;
    if (g.kinds[v] === 'workstream' && !(g.members[v] ?? []).some((t) => !skip(t))) continue;
    indexOf[v] = order.length;
    order.push(v);
  }
  const n = order.length;
  const node = Int32Array.from(order);
  const kind = new Uint8Array(n);
  const baseDays = new Int32Array(n);
  const flags = new Uint8Array(n);
  const notBefore = new Float64Array(n);
  const actualStart = new Float64Array(n).fill(NaN);
  const actualEnd = new Float64Array(n).fill(NaN);
  const fixedDate = new Float64Array(n).fill(NaN);
  const target = new Float64Array(n).fill(NaN);
  const progress = new Float64Array(n);
  const calIdx = new Int32Array(n).fill(-1);
  const blocked: Int32Array[] = [];
  const calKeys = new Map<string, number>();
  const predStart = new Int32Array(n + 1);
  const memberStart = new Int32Array(n + 1);
  const pred: number[] = [];
  const predType: number[] = [];
  const predLag: number[] = [];
  const member: number[] = [];

  for (let i = 0; i < n; i++) {
    const v = order[i] as number;
    predStart[i] = pred.length;
    memberStart[i] = member.length;
    const k = g.kinds[v];
    if (k === 'workstream') {
      kind[i] = KIND_WORKSTREAM;
      for (const t of g.members[v] ?? []) if ((indexOf[t] as number) >= 0) member.push(indexOf[t] as number);
      continue;
    }
    for (let e = g.predStart[v] as number; e < (g.predStart[v + 1] as number); e++) {
      const p = indexOf[g.edgeFrom[e] as number] as number;
      if (p < 0) continue; // an undated predecessor is ignored, as in the core
      pred.push(p);
      predType.push(g.edgeType[e] as number);
      predLag.push(g.edgeLag[e] as number);
    }
    if (k === 'milestone') {
      kind[i] = KIND_MILESTONE;
      const m = g.milestones[v];
      if (m?.date !== undefined) {
        fixedDate[i] = pos(m.date);
        // With no dated predecessor the date is fixed; it is still a target when it has dependencies (core: forwardPass).
        if (g.hasDeps[v]) target[i] = pos(m.date);
      }
      continue;
    }
    kind[i] = KIND_TASK;
    const t = g.tasks[v];
    if (!t) continue;
    baseDays[i] = taskDuration(t, cal, people);
    let nb = 0;
    if (t.start !== undefined) nb = Math.max(nb, Math.ceil(pos(t.start)));
    // Not-started work never starts before the status date.
    if (pf === pf && notStarted(t)) nb = Math.max(nb, pf);
    notBefore[i] = nb;
    if (t.status !== 'cancelled') calIdx[i] = leaveIndex(t.assignees, people, cal, pos, blocked, calKeys);
    let f = 0;
    if (t.actualStart !== undefined) { f |= F_ACTUAL_START; actualStart[i] = pos(t.actualStart); }
    if (t.actualEnd !== undefined) { f |= F_ACTUAL_END; actualEnd[i] = pos(t.actualEnd); }
    if (t.status === 'cancelled') f |= F_CANCELLED;
    else if (pf === pf && t.actualEnd === undefined && t.status !== 'done' && !notStarted(t)) { f |= F_REMAINING; progress[i] = t.progress ?? 0; }
    flags[i] = f;
  }
  predStart[n] = pred.length;
  memberStart[n] = member.length;
  return {
    n, node, kind, indexOf, baseDays, flags, notBefore, actualStart, actualEnd, fixedDate, target, progress, progressFrom: pf, calIdx, blocked,
    predStart, pred: Int32Array.from(pred), predType: Uint8Array.from(predType), predLag: Int32Array.from(predLag),
    memberStart, member: Int32Array.from(member), origin, calendar: cal,
  };
}

/**
 * The index in `blocked` of the merged leave of these assignees (positions of
 * the program working days they are away), shared by every task with the same
 * people on leave; -1 when none of them has leave on a working day.
 */
function leaveIndex(
  assignees: readonly string[], people: ReadonlyMap<string, Person>, cal: WorkCalendar, pos: (d: Day) => number,
  blocked: Int32Array[], keys: Map<string, number>,
): number {
  const who = [...new Set(assignees)].filter((id) => (people.get(id)?.leave.length ?? 0) > 0).sort();
  if (who.length === 0) return -1;
  const key = who.join('\u0000');
  const known = keys.get(key);
  if (known !== undefined) return known;
  const runs: [number, number][] = [];
  for (const id of who) {
    for (const r of people.get(id)?.leave ?? []) {
      if (r.to < r.from || cal.workingDaysInclusive(r.from, r.to) === 0) continue;
      runs.push([Math.ceil(pos(r.from)), Math.floor(pos(r.to))]);
    }
  }
  runs.sort((x, y) => x[0] - y[0]);
  const out: number[] = [];
  for (const [a, b] of runs) {
    const last = out.length - 1;
    if (last >= 1 && a <= (out[last] as number) + 1) out[last] = Math.max(out[last] as number, b);
    else out.push(a, b);
  }
  const index = out.length === 0 ? -1 : blocked.push(Int32Array.from(out)) - 1;
  keys.set(key, index);
  return index;
}
