// Backward pass: late dates and total float, in reverse topological order.
// The forward rules, reversed (for a successor s of p with lag L):
//   FS: p.lateEnd   <= prev(s.lateStart, 1 + L)
//   SS: p.lateStart <= prev(s.lateStart, L)
//   FF: p.lateEnd   <= prev(s.lateEnd, L)
//   a milestone m (always FS): p.lateEnd <= prev(m.lateDate, L), and as a
//   predecessor its late date takes the FS bound on an end.
// A bound on a workstream's end bounds every task in it; a bound on its start
// bounds the tasks that start it (early start = the workstream's, each on ties).
// Task late ends snap back to a working day (a task cannot end on a Saturday);
// milestone late dates do not (a milestone is an instant at the end of a date).
import type { WorkCalendar } from './calendar.js';
import type { EarlyDates } from './schedule-forward.js';
import { DEP_FS, DEP_SS } from './dependency-codes.js';
import type { Components, ScheduleGraph } from './schedule-graph.js';
import type { Day } from './types.js';

// Local copies for the per-edge loops: an imported binding is a property read
// on every use where the code runs unbundled (tsx, the tests, the bench).
const FS: number = DEP_FS;
const SS: number = DEP_SS;

export interface LateDates {
  readonly ls: Float64Array;
  readonly lf: Float64Array;
  /** Working days from early to late start (milestones: from date to latest date); NaN when undated. */
  readonly float: Float64Array;
}

export function backwardPass(
  g: ScheduleGraph, c: Components, cal: WorkCalendar, early: EarlyDates, finish: Day,
  /** A task's own calendar (its assignees' leave removed); default the program calendar. */
  calOf?: (v: number) => WorkCalendar,
): LateDates {
  const n = g.size;
  const { es, len, dur } = early;
  const ls = new Float64Array(n).fill(NaN);
  const lf = new Float64Array(n).fill(NaN);
  const float = new Float64Array(n).fill(NaN);
  const endBound = new Float64Array(n).fill(Infinity);
  const startBound = new Float64Array(n).fill(Infinity);
  const bound = (arr: Float64Array, i: number, value: number): void => {
    if (value < (arr[i] as number)) arr[i] = value;
  };

  for (let k = c.order.length - 1; k >= 0; k--) {
    const v = c.order[k] as number;
    if (c.cyclic[v] || Number.isNaN(es[v] as number)) continue;
    const kind = g.kinds[v];

    if (kind === 'workstream') {
      const eb = endBound[v] as number;
      const sb = startBound[v] as number;
      for (const t of g.members[v] ?? []) {
        if (Number.isNaN(es[t] as number)) continue;
        bound(endBound, t, eb);
        if (es[t] === es[v]) bound(startBound, t, sb);
      }
      continue; // its own late dates come from its tasks, after the pass
    }

    if (kind === 'milestone') {
      const late = Math.min(finish, endBound[v] as number);
      ls[v] = late;
      lf[v] = late;
      float[v] = cal.workdaysBetween((es[v] as number) + 1, late + 1);
      for (let k = g.predStart[v] as number; k < (g.predStart[v + 1] as number); k++) {
        bound(endBound, g.edgeFrom[k] as number, cal.prev(late, g.edgeLag[k] as number));
      }
      continue;
    }

    // A task.
    const days = len[v] as number;
    const oc = calOf && days >= 1 ? calOf(v) : cal;
    let lateEnd = oc.last(Math.min(finish, endBound[v] as number));
    let lateStart = days >= 1 ? oc.prev(lateEnd, days - 1) : cal.next(lateEnd, 1);
    const sb = startBound[v] as number;
    if (sb < lateStart) {
      lateStart = oc.last(sb);
      lateEnd = days >= 1 ? oc.next(lateStart, days - 1) : cal.prev(lateStart, 1);
    }
    ls[v] = lateStart;
    lf[v] = lateEnd;
    float[v] = cal.workdaysBetween(es[v] as number, lateStart);
    for (let k = g.predStart[v] as number; k < (g.predStart[v + 1] as number); k++) {
      const p = g.edgeFrom[k] as number;
      const type = g.edgeType[k];
      const lag = g.edgeLag[k] as number;
      if (type === FS || g.kinds[p] === 'milestone') bound(endBound, p, cal.prev(lateStart, 1 + lag));
      else if (type === SS) bound(startBound, p, cal.prev(lateStart, lag));
      // FF holds back the planned end (the forward pass places a cancelled task as if it took
      // its duration, then gives it none), so a cancelled task's empty end does not count.
      else bound(endBound, p, cal.prev(days >= 1 ? lateEnd : cal.next(lateStart, Math.max(1, dur[v] as number) - 1), lag));
    }
  }

  // Workstreams span their tasks: late start is the earliest task late start, late end the latest.
  for (let v = 0; v < n; v++) {
    if (g.kinds[v] !== 'workstream' || c.cyclic[v] || Number.isNaN(es[v] as number)) continue;
    let lo = Infinity;
    let hi = -Infinity;
    for (const t of g.members[v] ?? []) {
      if (Number.isNaN(ls[t] as number)) continue;
      lo = Math.min(lo, ls[t] as number);
      hi = Math.max(hi, lf[t] as number);
    }
    if (lo === Infinity) continue;
    ls[v] = lo;
    lf[v] = hi;
    float[v] = cal.workdaysBetween(es[v] as number, lo);
  }
  return { ls, lf, float };
}
