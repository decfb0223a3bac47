// Diagnostics that come with the status date and with resources:
// - `late-start` and `overdue` ("Progress from the status date"): a task that
//   should have started, or ended, by the status date in the plan as it would
//   be without the status date, and has not. Counted in working days before
//   the status date (work on the status date itself is still to do). A task
//   that should have ended and has not even started is `overdue` (the message
//   says it has not started), not both.
// - `no-working-day`: a task whose own calendar (its assignees' leave removed)
//   has no day within ten years: an error, and it gets no dates.
// - `need-above-units`: a task asks for more of a pool than the pool has.
// - `over-allocation` for pools, without levelling: a week in which on some
//   day the pool's tasks ask for more units than it has; once per pool and
//   run of such weeks, like people's (allocation-report.ts).
import { overAllocationReports } from './allocation-report.js';
import type { LoadTask, LoadWeek, ResourceLoad } from './allocation-report.js';
import type { WorkCalendar } from './calendar.js';
import { formatDate, mondayOf } from './dates.js';
import { diagnostic } from './diagnostic.js';
import type { ProgramModel } from './model.js';
import type { OwnCalendars } from './own-calendar.js';
import { notStarted } from './schedule-forward.js';
import type { EarlyDates } from './schedule-forward.js';
import type { ScheduleGraph } from './schedule-graph.js';
import type { Day, Diagnostic, Person, Pool, Task } from './types.js';


function days(n: number): string {
  return `${n} working day${n === 1 ? '' : 's'}`;
}

export function statusDiagnostics(
  g: ScheduleGraph, now: EarlyDates, plan: EarlyDates | undefined, cal: WorkCalendar, s: Day | undefined,
  people: ReadonlyMap<string, Person>,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (let v = 0; v < g.size; v++) {
    const t = g.tasks[v];
    if (!t) continue;
    if (now.noDay[v]) out.push(noWorkingDay(t, people));
    if (!plan || s === undefined || t.status === 'done' || t.status === 'cancelled' || t.actualEnd !== undefined) continue;
    const ps = plan.es[v] as number;
    const pe = plan.ef[v] as number;
    if (Number.isNaN(ps)) continue;
    const forecast = Number.isNaN(now.ef[v] as number) ? '' : `; it now ends ${formatDate(now.ef[v] as number)}`;
    const overdue = pe < s ? cal.workdaysBetween(pe + 1, s) : 0;
    if (overdue > 0) {
      out.push(diagnostic('overdue', t.entity.uri, t.entity.idSpan,
        `Task \`${t.id}\` is overdue by ${days(overdue)}: planned to end ${formatDate(pe)}, `
          + `${notStarted(t) ? 'not started' : 'not done'} by the status date ${formatDate(s)}${forecast}.`,
        { data: { id: t.id } }));
      continue;
    }
    const late = notStarted(t) && ps < s ? cal.workdaysBetween(ps, s) : 0;
    if (late > 0) {
      out.push(diagnostic('late-start', t.entity.uri, t.entity.idSpan,
        `Task \`${t.id}\` starts ${days(late)} late: planned to start ${formatDate(ps)}, not started by the status date ${formatDate(s)}${forecast}.`,
        { data: { id: t.id } }));
    }
  }
  return out;
}

function noWorkingDay(t: Task, people: ReadonlyMap<string, Person>): Diagnostic {
  const away = [...new Set(t.assignees)].filter((id) => (people.get(id)?.leave.length ?? 0) > 0);
  return diagnostic('no-working-day', t.entity.uri, t.spans.assignees ?? t.entity.idSpan,
    `Task \`${t.id}\` has no working day within ten years: ${away.length > 1 ? 'its assignees have no common working day' : 'its assignee is on leave'}`
      + ` (${away.map((id) => `\`${id}\``).join(', ')}). It gets no dates; shorten the leave or change the assignees.`,
    { data: { id: t.id } });
}

export function poolDiagnostics(
  model: ProgramModel, g: ScheduleGraph, early: EarlyDates, calendars: OwnCalendars, levelled: boolean, cal: WorkCalendar,
): Diagnostic[] {
  const pools = new Map<string, Pool>();
  for (const p of model.pools ?? []) if (!pools.has(p.id)) pools.set(p.id, p);
  if (pools.size === 0) return [];
  const out: Diagnostic[] = [];
  // Per pool: day -> units used, and week -> the tasks in it.
  const perDay = new Map<string, Map<Day, number>>();
  const weekTasks = new Map<string, Map<Day, number[]>>();
  for (let v = 0; v < g.size; v++) {
    const t = g.tasks[v];
    if (!t?.needs) continue;
    for (const need of t.needs) {
      const pool = pools.get(need.pool);
      if (!pool) continue;
      if (need.units > pool.units) {
        out.push(diagnostic('need-above-units', t.entity.uri, need.unitsSpan ?? need.span,
          `Task \`${t.id}\` needs ${need.units} units of pool \`${pool.id}\`, which has ${pool.units}; it can never run`
            + `${levelled ? ' (levelled as if it needed all of them)' : ''}.`,
          { data: { id: pool.id } }));
      }
    }
    if (levelled) continue;
    const s = early.es[v] as number;
    const f = early.ef[v] as number;
    if (Number.isNaN(s) || f < s || t.status === 'cancelled') continue;
    const oc = calendars.of(t);
    for (let d = oc.first(s); d <= f; d = oc.next(d, 1)) {
      for (const need of t.needs) {
        if (!pools.has(need.pool)) continue;
        let days = perDay.get(need.pool);
        if (!days) { days = new Map(); perDay.set(need.pool, days); }
        days.set(d, (days.get(d) ?? 0) + Math.min(need.units, (pools.get(need.pool) as Pool).units)); // above the units: need-above-units
        let weeks = weekTasks.get(need.pool);
        if (!weeks) { weeks = new Map(); weekTasks.set(need.pool, weeks); }
        const wk = mondayOf(d);
        const list = weeks.get(wk);
        if (!list) weeks.set(wk, [v]);
        else if (list[list.length - 1] !== v) list.push(v);
      }
    }
  }
  // Grouped like people's (allocation-report.ts): one warning per pool and run of
  // over-allocated weeks, on the `needs` entry of the task that starts first in it.
  for (const [id, days] of perDay) {
    const pool = pools.get(id) as Pool;
    const weeks = new Map<Day, { demand: number; peak: number; peakDay: Day }>();
    for (const [d, used] of days) {
      const wk = mondayOf(d);
      const w = weeks.get(wk);
      if (!w) weeks.set(wk, { demand: used, peak: used, peakDay: d });
      else {
        w.demand += used;
        if (used > w.peak || (used === w.peak && d < w.peakDay)) { w.peak = used; w.peakDay = d; }
      }
    }
    const tasks: LoadTask[] = [];
    const indexOf = new Map<number, number>();
    const taskIndex = (v: number): number => {
      let i = indexOf.get(v);
      if (i === undefined) {
        const t = g.tasks[v] as Task;
        const need = t.needs?.find((nd) => nd.pool === id);
        i = tasks.length;
        indexOf.set(v, i);
        tasks.push({ id: t.id, start: early.es[v] as number, end: early.ef[v] as number, at: { uri: t.entity.uri, span: need?.span ?? t.entity.idSpan } });
      }
      return i;
    };
    const load: LoadWeek[] = [];
    for (const [wk, w] of weeks) {
      if (w.peak <= pool.units) continue;
      load.push({
        week: wk, demand: w.demand, available: pool.units * cal.workingDaysInclusive(wk, wk + 6), leaveDays: 0,
        tasks: (weekTasks.get(id)?.get(wk) ?? []).map(taskIndex), peak: w.peak, peakDay: w.peakDay,
      });
    }
    const r: ResourceLoad = { id, kind: 'pool', capacity: pool.units, tasks, weeks: load, definition: { uri: pool.entity.uri, span: pool.entity.idSpan } };
    for (const d of overAllocationReports(r)) out.push(d);
  }
  return out;
}
