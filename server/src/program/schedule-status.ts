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
//   day the pool's tasks ask for more units than it has (per pool and week,
//   on each task's `needs` key, once per run of weeks, like people's).
import type { WorkCalendar } from './calendar.js';
import { formatDate, mondayOf } from './dates.js';
import { diagnostic } from './diagnostic.js';
import type { ProgramModel } from './model.js';
import type { OwnCalendars } from './own-calendar.js';
import { notStarted } from './schedule-forward.js';
import type { EarlyDates } from './schedule-forward.js';
import type { ScheduleGraph } from './schedule-graph.js';
import type { Day, Diagnostic, Person, Pool, Task } from './types.js';

const MAX_LISTED = 10;

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
  model: ProgramModel, g: ScheduleGraph, early: EarlyDates, calendars: OwnCalendars, levelled: boolean,
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
  for (const [id, days] of perDay) {
    const pool = pools.get(id) as Pool;
    const peaks = new Map<Day, number>();
    for (const [d, used] of days) {
      if (used <= pool.units) continue;
      const wk = mondayOf(d);
      peaks.set(wk, Math.max(peaks.get(wk) ?? 0, used));
    }
    const weeks = [...peaks.keys()].sort((a, b) => a - b);
    const reported = new Set<number>();
    for (let i = 0; i < weeks.length; ) {
      let j = i + 1;
      while (j < weeks.length && (weeks[j] as number) - (weeks[j - 1] as number) === 7) j++;
      const run = weeks.slice(i, j);
      i = j;
      const tasks = [...new Set(run.flatMap((wk) => weekTasks.get(id)?.get(wk) ?? []))].sort((a, b) => a - b);
      const peak = Math.max(...run.map((wk) => peaks.get(wk) ?? 0));
      const first = formatDate(run[0] as Day);
      const when = run.length === 1 ? `the week of ${first}` : `the weeks of ${first} to ${formatDate(run[run.length - 1] as Day)}`;
      const names = tasks.slice(0, MAX_LISTED).map((v) => g.ids[v] as string).join(', ') + (tasks.length > MAX_LISTED ? ', …' : '');
      const message = `Pool \`${id}\` is over-allocated in ${when}: its tasks ask for up to ${peak} units on a day, it has ${pool.units} (${names}).`;
      for (const v of tasks) {
        if (reported.has(v)) continue;
        reported.add(v);
        const t = g.tasks[v] as Task;
        const need = t.needs?.find((nd) => nd.pool === id);
        out.push(diagnostic('over-allocation', t.entity.uri, need?.span ?? t.entity.idSpan, message, { data: { id } }));
      }
    }
  }
  return out;
}
