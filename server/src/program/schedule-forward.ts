// Forward pass: early dates, in topological order (program-format.md,
// "Scheduling"). Items in a cycle stay undated, and edges from undated
// predecessors are ignored, so everything else is still scheduled.
import { MAX_DURATION_DAYS } from './duration-checks.js';
import type { WorkCalendar } from './calendar.js';
import { NO_DAY_HORIZON } from './own-calendar.js';
import { DEP_FF, DEP_SS } from './dependency-codes.js';
import { typeName } from './schedule-graph.js';
import type { Components, ScheduleGraph } from './schedule-graph.js';
import type { Day, DependencyType, Person, Task } from './types.js';

// Local copies for the per-edge loops: an imported binding is a property read
// on every use where the code runs unbundled (tsx, the tests, the bench).
const SS: number = DEP_SS;
const FF: number = DEP_FF;
const nameOfType = typeName;

export type Driver =
  | { readonly kind: 'dependency'; readonly from: string; readonly type: DependencyType; readonly lagDays: number }
  | { readonly kind: 'program-start' }
  | { readonly kind: 'start-constraint' }
  | { readonly kind: 'actual' }
  | { readonly kind: 'fixed-date' }
  | { readonly kind: 'status-date' }
  | { readonly kind: 'leave' }
  | { readonly kind: 'none' };

export interface EarlyDates {
  /** Early start / end (milestones: both the forecast or fixed date); NaN when undated. */
  readonly es: Float64Array;
  readonly ef: Float64Array;
  /** Tasks: the working days the task occupies (0 when cancelled), for the backward pass. */
  readonly len: Float64Array;
  /** Tasks: the planned duration in working days. */
  readonly dur: Float64Array;
  readonly driver: Driver[];
  /** Milestones with dependencies and a date: the date. */
  readonly target: (Day | null)[];
  /** Milestones with only a date. */
  readonly fixed: Uint8Array;
  /** Workstreams: the task that sets their start / end (first in file order on ties), or -1. */
  readonly firstTask: Int32Array;
  readonly lastTask: Int32Array;
  /** Tasks whose own calendar has no day within ten years of the date the rules give (undated). */
  readonly noDay: Uint8Array;
  /** Tasks: the start the rules give before levelling forced a date (NaN otherwise). */
  readonly lb: Float64Array;
}

const NONE: Driver = { kind: 'none' };
const PROGRAM_START: Driver = { kind: 'program-start' };
const START_CONSTRAINT: Driver = { kind: 'start-constraint' };
const ACTUAL: Driver = { kind: 'actual' };
const FIXED: Driver = { kind: 'fixed-date' };
const STATUS_DATE: Driver = { kind: 'status-date' };
const LEAVE: Driver = { kind: 'leave' };

/** Planned working days of a task: `duration`, or `ceil(effort / sum of capacity)`; 1 when neither is usable. */
export function taskDuration(t: Task, cal: WorkCalendar, people: ReadonlyMap<string, Person>): number {
  // Capped at 10,000 years (reported as out-of-range): a capacity of 1e-300
  // would otherwise give dates printed as `3.83e+298-03-01`.
  if (t.duration) return Math.min(cal.wholeDays(t.duration, 1).days, MAX_DURATION_DAYS);
  if (t.effort) {
    const effort = cal.durationDays(t.effort);
    let capacity = 0;
    for (const id of new Set(t.assignees)) {
      const p = people.get(id);
      if (p) capacity += p.capacity > 0 && Number.isFinite(p.capacity) ? p.capacity : 1;
    }
    if (capacity <= 0) capacity = 1; // no known assignees: the loader reports it
    const days = Math.ceil(effort / capacity - 1e-9);
    return Number.isFinite(days) && days >= 1 ? Math.min(days, MAX_DURATION_DAYS) : 1;
  }
  // Only an estimate: its most likely value is the plan (program-format.md, "Estimates").
  if (t.estimate) return cal.wholeDays(t.estimate.likely, 1).days;
  return 1;
}

/** Whether a task counts as not started for the status date ("Progress from the status date"). */
export function notStarted(t: Task): boolean {
  return t.actualStart === undefined && t.actualEnd === undefined && !((t.progress ?? 0) > 0)
    && (t.status === undefined || t.status === 'not-started');
}

export interface ForwardOptions {
  /** A task's own calendar (program calendar minus its assignees' leave); default the program calendar. */
  readonly calOf?: (t: Task, v: number) => WorkCalendar;
  /** first(status date) on the program calendar: remaining work is forecast from it. */
  readonly progressFrom?: Day;
  /** Levelled dates that replace the computed ones (NaN where not forced). */
  readonly forced?: { readonly start: Float64Array; readonly end: Float64Array };
}

export function forwardPass(
  g: ScheduleGraph, c: Components, cal: WorkCalendar, anchor: Day, people: ReadonlyMap<string, Person>,
  options: ForwardOptions = {},
): EarlyDates {
  const out = emptyDates(g.size);
  const place = placer(g, cal, anchor, people, options, out);
  for (const v of c.order) {
    if (!c.cyclic[v]) place(v);
  }
  return out;
}

/**
 * The forward pass again after some nodes changed (`seeds`: their task or
 * milestone, or the lags and types of their incoming edges), from the dates
 * of `base`: only the seeds and what their new dates move are placed again,
 * by the same rules, so the result is the full pass's. `g` has the nodes and
 * the topology of the graph `base` was computed on.
 */
export function forwardPassFrom(
  base: EarlyDates, seeds: Iterable<number>,
  g: ScheduleGraph, c: Components, cal: WorkCalendar, anchor: Day, people: ReadonlyMap<string, Person>,
  options: ForwardOptions = {},
  /**
   * Dates to reuse instead of a fresh copy of `base` (what-if-forecast.ts asks
   * dozens of variants in a row): the nodes the last pass placed are reset to
   * `base` first, so a pass costs what it places, not the program's size.
   */
  scratch?: ScratchDates,
): EarlyDates {
  const out = scratch ? scratch.reset(base) : copyDates(base);
  const place0 = placer(g, cal, anchor, people, options, out);
  const place = scratch ? (v: number) => { scratch.placed.push(v); place0(v); } : place0;
  const dirty = new Uint8Array(g.size);
  for (const v of seeds) dirty[v] = 1;
  const { es, ef } = out;
  const same = (a: number, b: number): boolean => a === b || (Number.isNaN(a) && Number.isNaN(b));
  for (const v of c.order) {
    if (!dirty[v] || c.cyclic[v]) continue;
    const s0 = es[v] as number;
    const f0 = ef[v] as number;
    place(v);
    if (same(s0, es[v] as number) && same(f0, ef[v] as number)) continue;
    // A node's placement reads only its predecessors' starts and ends.
    for (let k = g.succStart[v] as number; k < (g.succStart[v + 1] as number); k++) dirty[g.edgeTo[g.succEdge[k] as number] as number] = 1;
  }
  return out;
}

function copyDates(base: EarlyDates): EarlyDates {
  return {
    es: base.es.slice(), ef: base.ef.slice(), len: base.len.slice(), dur: base.dur.slice(), driver: base.driver.slice(),
    target: base.target.slice(), fixed: base.fixed.slice(), firstTask: base.firstTask.slice(), lastTask: base.lastTask.slice(),
    noDay: base.noDay.slice(), lb: base.lb.slice(),
  };
}

/** Dates reused by successive forwardPassFrom calls over the same base (see there). */
export class ScratchDates {
  private dates: EarlyDates | undefined;
  private from: EarlyDates | undefined;
  /** The nodes placed since the last reset. */
  readonly placed: number[] = [];

  /** The dates, equal to `base` again. */
  reset(base: EarlyDates): EarlyDates {
    if (!this.dates || this.from !== base) {
      this.dates = copyDates(base);
      this.from = base;
    } else {
      const d = this.dates;
      for (const v of this.placed) {
        d.es[v] = base.es[v] as number; d.ef[v] = base.ef[v] as number; d.len[v] = base.len[v] as number; d.dur[v] = base.dur[v] as number;
        d.driver[v] = base.driver[v] as Driver; d.target[v] = base.target[v] ?? null; d.fixed[v] = base.fixed[v] as number;
        d.firstTask[v] = base.firstTask[v] as number; d.lastTask[v] = base.lastTask[v] as number;
        d.noDay[v] = base.noDay[v] as number; d.lb[v] = base.lb[v] as number;
      }
    }
    this.placed.length = 0;
    return this.dates;
  }
}

function emptyDates(n: number): EarlyDates {
  return {
    es: new Float64Array(n).fill(NaN), ef: new Float64Array(n).fill(NaN), len: new Float64Array(n), dur: new Float64Array(n),
    driver: new Array<Driver>(n).fill(NONE), target: new Array<Day | null>(n).fill(null), fixed: new Uint8Array(n),
    firstTask: new Int32Array(n).fill(-1), lastTask: new Int32Array(n).fill(-1), noDay: new Uint8Array(n), lb: new Float64Array(n).fill(NaN),
  };
}

/** Places one node (its predecessors placed first) into `out`, first clearing what an earlier placement left. */
/** The drivers made for a graph's edges, by its edge-type array (a variant with other types or lags has its own arrays). */
const madeDrivers = new WeakMap<Uint8Array, { lag: Float64Array; drivers: Driver[] }>();

function placer(
  g: ScheduleGraph, cal: WorkCalendar, anchor: Day, people: ReadonlyMap<string, Person>,
  options: ForwardOptions, out: EarlyDates,
): (v: number) => void {
  const { calOf, progressFrom, forced } = options;
  const { es, ef, len, dur, driver, target, fixed, firstTask, lastTask, noDay, lb } = out;
  const start0 = cal.first(anchor);

  // One driver per edge, made once per graph's edges and shared (drivers are never changed): what-if
  // forecasts place thousands of nodes dozens of times over the same edges.
  let made = madeDrivers.get(g.edgeType);
  if (!made || made.lag !== g.edgeLag) madeDrivers.set(g.edgeType, (made = { lag: g.edgeLag, drivers: [] }));
  const drivers = made.drivers;
  const depDriver = (k: number): Driver => (drivers[k] ??=
    { kind: 'dependency', from: g.ids[g.edgeFrom[k] as number] as string, type: nameOfType(g.edgeType[k] as number), lagDays: g.edgeLag[k] as number });

  return (v: number): void => {
    es[v] = NaN; ef[v] = NaN; len[v] = 0; dur[v] = 0; driver[v] = NONE; target[v] = null;
    fixed[v] = 0; firstTask[v] = -1; lastTask[v] = -1; noDay[v] = 0; lb[v] = NaN;
    const kind = g.kinds[v];
    if (kind === 'workstream') {
      let lo = NaN;
      let hi = NaN;
      for (const t of g.members[v] ?? []) {
        const s = es[t] as number;
        const f = ef[t] as number;
        if (Number.isNaN(s)) continue;
        if (Number.isNaN(lo) || s < lo) { lo = s; firstTask[v] = t; }
        if (Number.isNaN(hi) || f > hi) { hi = f; lastTask[v] = t; }
      }
      es[v] = lo;
      ef[v] = hi;
      return;
    }

    if (kind === 'milestone') {
      const m = g.milestones[v];
      let best = NaN;
      let bestEdge = -1;
      for (let k = g.predStart[v] as number; k < (g.predStart[v + 1] as number); k++) {
        const pEnd = ef[g.edgeFrom[k] as number] as number;
        if (Number.isNaN(pEnd)) continue;
        const at = cal.next(pEnd, g.edgeLag[k] as number);
        if (Number.isNaN(best) || at > best) { best = at; bestEdge = k; }
      }
      if (bestEdge >= 0) {
        driver[v] = depDriver(bestEdge);
        target[v] = m?.date ?? null;
      } else if (m?.date !== undefined) {
        best = m.date;
        driver[v] = FIXED;
        if (g.hasDeps[v]) target[v] = m.date; // its predecessors are all in cycles
        else fixed[v] = 1;
      } else {
        best = start0;
        driver[v] = PROGRAM_START;
      }
      es[v] = best;
      ef[v] = best;
      return;
    }

    const t = g.tasks[v] as Task;
    const oc = calOf ? calOf(t, v) : cal;
    const d = taskDuration(t, cal, people);
    dur[v] = d;
    let start: number;
    if (t.actualStart !== undefined) {
      start = t.actualStart;
      driver[v] = ACTUAL;
    } else {
      // Latest of the constraints; on a tie a dependency (first in file order)
      // beats a start-no-earlier-than, which beats the program start.
      // Lags count program working days; the task then starts on the first
      // day of its own calendar (its assignees' leave removed).
      start = start0;
      let rank = 0;
      let why: Driver = PROGRAM_START;
      let whyEdge = -1;
      if (t.start !== undefined) {
        const s = cal.first(t.start);
        if (s >= start) { start = s; why = START_CONSTRAINT; rank = 1; }
      }
      for (let k = g.predStart[v] as number; k < (g.predStart[v + 1] as number); k++) {
        const p = g.edgeFrom[k] as number;
        if (Number.isNaN(es[p] as number)) continue;
        const type = g.edgeType[k];
        const lag = g.edgeLag[k] as number;
        let at: number;
        if (type === SS) at = cal.next(es[p] as number, lag);
        // FF on the program calendar: counting d days of a (sparser) own calendar from there ends no earlier.
        else if (type === FF) at = cal.prev(cal.first(cal.next(ef[p] as number, lag)), d - 1);
        else at = cal.next(ef[p] as number, 1 + lag);
        // The driver object is made once, after the loop: only the winning edge needs one.
        if (at > start || (at === start && rank < 2)) { start = at; whyEdge = k; rank = 2; }
      }
      if (whyEdge >= 0) why = depDriver(whyEdge);
      // Not started work never starts before the status date.
      if (progressFrom !== undefined && notStarted(t) && progressFrom > start) { start = progressFrom; why = STATUS_DATE; }
      const own = oc.first(start);
      if (own - start > NO_DAY_HORIZON) { noDay[v] = 1; return; } // no dates: reported by the caller
      // Its assignees' leave holds it back, like a start-no-earlier-than.
      if (own > start && oc !== cal && own > cal.first(start)) why = LEAVE;
      start = own;
      driver[v] = why;
    }
    es[v] = start;
    if (t.status === 'cancelled') {
      // Takes no time: ends on the working day before its start.
      ef[v] = cal.prev(start, 1);
      len[v] = 0;
    } else if (t.actualEnd !== undefined) {
      ef[v] = t.actualEnd;
      len[v] = Math.max(0, oc.workingDaysInclusive(start, t.actualEnd));
    } else {
      let end = oc.next(oc.first(start), d - 1);
      if (progressFrom !== undefined && t.status !== 'done' && !notStarted(t)) {
        // Started: the remaining work, resumed on the status date, ends no earlier than this.
        const remaining = Math.max(1, Math.ceil(d * (100 - (t.progress ?? 0)) / 100 - 1e-9));
        const resumed = oc.next(oc.first(progressFrom), remaining - 1);
        if (resumed > end) end = resumed;
      }
      ef[v] = end;
      len[v] = end !== oc.next(oc.first(start), d - 1) || t.actualStart !== undefined ? oc.workingDaysInclusive(start, end) : d;
    }
    lb[v] = es[v] as number;
    const fs = forced?.start[v];
    if (fs !== undefined && !Number.isNaN(fs)) {
      es[v] = fs;
      ef[v] = forced?.end[v] as number;
      len[v] = oc.workingDaysInclusive(fs, ef[v] as number);
    }
  };
}
