// The load view's numbers: for each person and pool, per ISO week (Monday to
// Sunday), the demand of the scheduled tasks against what is available.
// - A person works on each working day of each task they are assigned to, at
//   their capacity share; available = working days not on leave × capacity
//   (holidays and leave come off; as the over-allocation check counts it).
// - A pool's demand is the units its tasks ask for on each day they run;
//   available = units × working days.
// - `peak` is the most used on one day (tasks for a person, units for a pool):
//   above 1 task or above the units is a clash on that day even when the week
//   as a whole fits.
// Tasks pause over their assignees' leave, so a paused day uses nothing.
// Computed on demand (CLI, export, the view model), not in every analysis; at
// most MAX_LOAD_WEEKS weeks from the first with work.
import { mondayOf } from './dates.js';
import type { ProgramModel } from './model.js';
import type { Schedule } from './schedule.js';
import type { Day, Person, Pool, Task } from './types.js';

export interface LoadWeek {
  /** The Monday. */
  readonly week: Day;
  readonly demand: number;
  readonly available: number;
  /** The most used on a single day: tasks for a person, units for a pool. */
  readonly peak: number;
  /**
   * Days of the week with a clash: a person on more than one task, or a pool
   * asked for more units than it has (what `peak` flags, counted per day).
   */
  readonly clashDays: number;
  /** Ids of the tasks behind the demand, in file order. */
  readonly tasks: readonly string[];
  /** A person's working days on leave that week (0 for a pool). */
  readonly leave: number;
}

export interface ResourceLoadRow {
  readonly id: string;
  readonly kind: 'person' | 'pool';
  readonly name?: string;
  /** Per working day: a person's capacity share, a pool's units. */
  readonly capacity: number;
  /** One entry per week of the program, Monday to Sunday, in order. */
  readonly weeks: readonly LoadWeek[];
}

export interface ResourceLoad {
  /** The Mondays from the first task's week to the last one's. */
  readonly weeks: readonly Day[];
  readonly rows: readonly ResourceLoadRow[];
}

/** Per resource: demand per week, use per day, the tasks per week (indexed from the first week). */
interface Acc {
  readonly demand: Float64Array;
  readonly perDay: Float64Array;
  readonly tasks: (string[] | undefined)[];
}

/**
 * At most this many weeks (ten years) from the first week with work: a file
 * whose dates run to the year 9999 gets a bounded grid, not millions of weeks.
 */
export const MAX_LOAD_WEEKS = 522;

/** Calls fn for each day task `t` works between start and end (its own calendar). */
export function workDays(schedule: Schedule, t: Task, start: Day, end: Day, fn: (d: Day) => void): void {
  const oc = schedule.calendars.of(t);
  for (let d = oc.first(start); d <= end; d = oc.next(d, 1)) fn(d);
}

export function resourceLoad(model: ProgramModel, schedule: Schedule): ResourceLoad {
  const people = new Map<string, Person>();
  for (const p of model.people) if (!people.has(p.id)) people.set(p.id, p);
  const pools = new Map<string, Pool>();
  for (const p of model.pools ?? []) if (!pools.has(p.id)) pools.set(p.id, p);
  // First the tasks that ask anything of anyone, and the span they cover.
  const work: { t: Task; start: Day; end: Day; who: Person[]; needs: { pool: string; units: number }[] }[] = [];
  let lo = Infinity;
  let hi = -Infinity;
  for (const t of model.tasks) {
    const it = schedule.items.get(t.id);
    if (!it || it.kind !== 'task' || it.start === null || it.end === null || t.status === 'cancelled' || it.end < it.start) continue;
    const who = [...new Set(t.assignees)].map((id) => people.get(id)).filter((p): p is Person => p !== undefined);
    const needs = (t.needs ?? []).filter((nd) => pools.has(nd.pool));
    if (who.length === 0 && needs.length === 0) continue;
    lo = Math.min(lo, it.start);
    hi = Math.max(hi, it.end);
    work.push({ t, start: it.start, end: it.end, who, needs });
  }
  const first = lo === Infinity ? 0 : mondayOf(lo);
  const n = lo === Infinity ? 0 : Math.min(MAX_LOAD_WEEKS, Math.floor((hi - first) / 7) + 1);
  const last = first + n * 7 - 1;
  const acc = new Map<string, Acc>();
  const get = (key: string): Acc => {
    let a = acc.get(key);
    if (!a) { a = { demand: new Float64Array(n), perDay: new Float64Array(n * 7), tasks: new Array<string[] | undefined>(n) }; acc.set(key, a); }
    return a;
  };
  for (const { t, start, end, who, needs } of work) {
    if (start > last) continue;
    const targets: { a: Acc; amount: number; perDay: number }[] = [
      ...who.map((p) => ({ a: get(`p:${p.id}`), amount: capacityOf(p), perDay: 1 })),
      ...needs.map((nd) => ({ a: get(`u:${nd.pool}`), amount: nd.units, perDay: nd.units })),
    ];
    workDays(schedule, t, start, Math.min(end, last), (d) => {
      const day = d - first;
      const w = Math.floor(day / 7);
      for (const { a, amount, perDay } of targets) {
        a.demand[w] = (a.demand[w] as number) + amount;
        a.perDay[day] = (a.perDay[day] as number) + perDay;
        const list = a.tasks[w];
        if (!list) a.tasks[w] = [t.id];
        else if (list[list.length - 1] !== t.id) list.push(t.id);
      }
    });
  }
  const weeks: Day[] = [];
  for (let w = 0; w < n; w++) weeks.push(first + w * 7);
  const cal = schedule.calendar;
  const working = weeks.map((wk) => cal.workingDaysInclusive(wk, wk + 6));
  const rows: ResourceLoadRow[] = [];
  const row = (key: string, id: string, kind: 'person' | 'pool', name: string | undefined, capacity: number, leave: (wk: Day) => number): void => {
    const a = acc.get(key);
    rows.push({
      id, kind, ...(name !== undefined && { name }), capacity,
      weeks: weeks.map((wk, w) => {
        let peak = 0;
        let clashDays = 0;
        const limit = kind === 'person' ? 1 : capacity;
        if (a) {
          for (let d = w * 7; d < w * 7 + 7; d++) {
            const used = a.perDay[d] as number;
            if (used > peak) peak = used;
            if (used > limit) clashDays++;
          }
        }
        const away = leave(wk);
        return { week: wk, demand: round(a?.demand[w] ?? 0), available: round(((working[w] as number) - away) * capacity), peak, clashDays, tasks: a?.tasks[w] ?? [], leave: away };
      }),
    });
  };
  for (const p of people.values()) {
    row(`p:${p.id}`, p.id, 'person', p.name, capacityOf(p), (wk) => (p.leave.length === 0 ? 0 : leaveDays(p, wk, cal.isWorkingDay)));
  }
  for (const p of pools.values()) row(`u:${p.id}`, p.id, 'pool', p.name, p.units, () => 0);
  return { weeks, rows };
}

/**
 * How a week reads, by the rules of the `over-allocation` warning:
 * - `over`: more asked than available that week; for a pool also more units
 *   than it has on some day (a pool is shared by the day);
 * - `day`: a person on more than one task on some day while the week as a
 *   whole fits (no warning: work can be juggled within a week, but it is a
 *   clash worth seeing);
 * - `ok`: work within what is available; `idle`: nothing asked.
 */
export type LoadState = 'idle' | 'ok' | 'day' | 'over';

export function loadState(row: Pick<ResourceLoadRow, 'kind' | 'capacity'>, w: Pick<LoadWeek, 'demand' | 'available' | 'peak'>): LoadState {
  if (w.demand > w.available || (row.kind === 'pool' && w.peak > row.capacity)) return 'over';
  if (row.kind === 'person' && w.peak > 1) return 'day';
  return w.demand > 0 ? 'ok' : 'idle';
}

function capacityOf(p: Person): number {
  return p.capacity > 0 && Number.isFinite(p.capacity) ? p.capacity : 1;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

function leaveDays(p: Person, wk: Day, isWorkingDay: (d: Day) => boolean): number {
  let days = 0;
  for (let d = wk; d < wk + 7; d++) if (isWorkingDay(d) && p.leave.some((r) => d >= r.from && d <= r.to)) days++;
  return days;
}
