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
// Hooks for what the core scheduler is gaining (issue 13):
// - status date: a not-started task's earliest start is `notBefore` (today the
//   later of the program start and its own `start`); the status date joins that
//   max at compile time, and a started task's remaining work replaces its
//   planned duration in `baseDays`.
// - own calendars (leave): a task with assignees would carry an index into a
//   table of per-calendar position maps; its own start/end are `first` and
//   `next` on that calendar, translated back to program positions. Only tasks
//   with leave pay for the lookup.
// - levelling: resource holds are not a network property (they depend on the
//   sampled durations), so with `scheduling.levelling` on the forecast must
//   call the core scheduler once per iteration instead (slower, see forecast.ts).
import type { WorkCalendar } from '../calendar.js';
import { dependencyCode } from '../dependency-codes.js';
import { taskDuration } from '../schedule-forward.js';
import type { Components, Edge, ScheduleGraph } from '../schedule-graph.js';
import type { Day, Person } from '../types.js';

export const KIND_TASK = 0;
export const KIND_MILESTONE = 1;
export const KIND_WORKSTREAM = 2;

export const F_ACTUAL_START = 1;
export const F_ACTUAL_END = 2;
export const F_CANCELLED = 4;

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
  /** Workstreams: their dated tasks, member[memberStart[i] .. memberStart[i + 1]). */
  readonly memberStart: Int32Array;
  readonly member: Int32Array;
  /** The calendar and its origin, to turn positions back into dates. */
  readonly origin: Day;
  readonly calendar: WorkCalendar;
}

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

export function compileNetwork(
  g: ScheduleGraph, c: Components, cal: WorkCalendar, anchor: Day, people: ReadonlyMap<string, Person>,
): Network {
  const origin = cal.first(anchor);
  const pos = (d: Day): number => positionOf(cal, origin, d);
  // Which nodes get dates: everything outside a cycle, except a workstream without a dated task.
  const indexOf = new Int32Array(g.size).fill(-1);
  const order: number[] = [];
  for (const v of c.order) {
    if (c.cyclic[v]) continue;
    if (g.kinds[v] === 'workstream' && !(g.members[v] ?? []).some((t) => !c.cyclic[t])) continue;
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
      const edge = g.edges[e] as Edge;
      const p = indexOf[edge.from] as number;
      if (p < 0) continue; // an undated predecessor is ignored, as in the core
      pred.push(p);
      predType.push(dependencyCode(edge.type));
      predLag.push(edge.lag);
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
    notBefore[i] = nb;
    let f = 0;
    if (t.actualStart !== undefined) { f |= F_ACTUAL_START; actualStart[i] = pos(t.actualStart); }
    if (t.actualEnd !== undefined) { f |= F_ACTUAL_END; actualEnd[i] = pos(t.actualEnd); }
    if (t.status === 'cancelled') f |= F_CANCELLED;
    flags[i] = f;
  }
  predStart[n] = pred.length;
  memberStart[n] = member.length;
  return {
    n, node, kind, indexOf, baseDays, flags, notBefore, actualStart, actualEnd, fixedDate, target,
    predStart, pred: Int32Array.from(pred), predType: Uint8Array.from(predType), predLag: Int32Array.from(predLag),
    memberStart, member: Int32Array.from(member), origin, calendar: cal,
  };
}
