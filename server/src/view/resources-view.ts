// Builds the view model's `resources` part from an analysis: the core's load
// computation (program/resource-load.ts: demand, availability, peak per person
// and pool and ISO week) as compact columns, each week's state by the core's
// rule (loadState, the over-allocation warning's rule), and the schedule's
// leave pauses and levelling delays for the Gantt. Nothing is re-derived here.
import type { ProgramAnalysis } from '../program/analyze.js';
import { formatDate, weekday } from '../program/dates.js';
import type { LineIndex } from '../program/line-index.js';
import { loadState, resourceLoad } from '../program/resource-load.js';
import type { LoadState } from '../program/resource-load.js';
import type { Entity } from '../program/types.js';
import { locationOf } from './build-view-model.js';
import type { ResourceLocation, ViewDelay, ViewLoadRow, ViewLoadState, ViewPause, ViewResources } from './resources-types.js';

/** Holds listed per delayed task (the rest are counted): the schedule's JSON has them all. */
const MAX_HOLDS = 3;

const STATE: Record<LoadState, ViewLoadState> = { idle: 0, ok: 1, day: 2, over: 3 };

export function buildResourcesView(analysis: ProgramAnalysis): ViewResources {
  const { model, schedule } = analysis;
  const load = resourceLoad(model, schedule);
  const cal = schedule.calendar;
  const worked = new Set(cal.workdays);
  const taskIds: string[] = [];
  const taskIndex = new Map<string, number>();
  const indexOf = (id: string): number => {
    let i = taskIndex.get(id);
    if (i === undefined) { i = taskIds.length; taskIds.push(id); taskIndex.set(id, i); }
    return i;
  };
  const definitions = new Map<string, Entity>();
  for (const p of model.people) if (!definitions.has(`person:${p.id}`)) definitions.set(`person:${p.id}`, p.entity);
  for (const p of model.pools ?? []) if (!definitions.has(`pool:${p.id}`)) definitions.set(`pool:${p.id}`, p.entity);
  const locate = locator(analysis);

  const rows: ViewLoadRow[] = load.rows.map((r) => {
    const n = r.weeks.length;
    const row = {
      id: r.id, kind: r.kind, name: r.name ?? null, capacity: r.capacity,
      location: ((e) => (e ? locate(e) : null))(definitions.get(`${r.kind}:${r.id}`)),
      demand: new Array<number>(n), available: new Array<number>(n), peak: new Array<number>(n), leave: new Array<number>(n),
      state: new Array<ViewLoadState>(n), tasks: [] as number[], overWeeks: 0,
    };
    /** Task index → position of its open run's last week in row.tasks. */
    const open = new Map<number, number>();
    r.weeks.forEach((w, i) => {
      row.demand[i] = w.demand;
      row.available[i] = w.available;
      row.peak[i] = w.peak;
      row.leave[i] = w.leave;
      const st = STATE[loadState(r, w)];
      row.state[i] = st;
      if (st === 3) row.overWeeks++;
      for (const id of w.tasks) {
        const t = indexOf(id);
        const at = open.get(t);
        if (at !== undefined && row.tasks[at] === i - 1) row.tasks[at] = i;
        else { row.tasks.push(t, i, i); open.set(t, row.tasks.length - 1); }
      }
    });
    sortRuns(row.tasks);
    return row;
  });

  const workingDays: number[] = [];
  const holidays: number[] = [];
  for (const wk of load.weeks) {
    let weekdays = 0;
    for (let d = wk; d < wk + 7; d++) if (worked.has(weekday(d))) weekdays++;
    const working = cal.workingDaysInclusive(wk, wk + 6);
    workingDays.push(working);
    holidays.push(weekdays - working);
  }

  const pauses: ViewPause[] = [];
  const delays: ViewDelay[] = [];
  for (const t of model.tasks) {
    const it = schedule.items.get(t.id);
    if (!it || it.kind !== 'task') continue;
    for (const p of it.pauses) pauses.push({ task: t.id, from: formatDate(p.from), to: formatDate(p.to), days: p.days, people: [...p.people] });
    if (it.levellingDelay !== null && it.levellingDelay > 0) {
      const heldBy = it.heldBy.slice(0, MAX_HOLDS).map((h) => ({ resource: h.resource, task: h.task }));
      delays.push({ task: t.id, days: it.levellingDelay, heldBy, moreHolds: it.heldBy.length - heldBy.length });
    }
  }

  return {
    weeks: load.weeks.map(formatDate), workingDays, holidays, rows, taskIds,
    levelled: schedule.levelled, pauses, delays,
  };
}

/** Orders the [task, from, to] triples by task (file order), then week. */
function sortRuns(flat: number[]): void {
  const runs: [number, number, number][] = [];
  for (let i = 0; i < flat.length; i += 3) runs.push([flat[i] as number, flat[i + 1] as number, flat[i + 2] as number]);
  runs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  runs.forEach((r, i) => { flat[i * 3] = r[0]; flat[i * 3 + 1] = r[1]; flat[i * 3 + 2] = r[2]; });
}

function locator(analysis: ProgramAnalysis): (e: Entity) => ResourceLocation {
  const indexes = new Map<string, LineIndex>();
  return (e) => locationOf(indexes, analysis, e.uri, e.idSpan);
}
