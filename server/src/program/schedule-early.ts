// The first half of scheduling: the calendars, the dependency graph and the
// early dates (critical-path, or levelled), up to the program finish. Every
// date a what-if needs (a milestone's forecast, the finish) is decided here;
// the rest of `scheduleProgram` (late dates, float, critical path,
// diagnostics) only reads it.
import { createCalendar } from './calendar.js';
import type { WorkCalendar } from './calendar.js';
import { today } from './dates.js';
import type { ProgramModel } from './model.js';
import { backwardPass } from './schedule-backward.js';
import { forwardPass } from './schedule-forward.js';
import type { EarlyDates } from './schedule-forward.js';
import { buildGraph, findComponents, withLinks } from './schedule-graph.js';
import type { Components, ScheduleGraph } from './schedule-graph.js';
import { levelProgram } from './level-program.js';
import type { Levelled } from './level-program.js';
import { ownCalendars } from './own-calendar.js';
import type { OwnCalendars } from './own-calendar.js';
import type { Day, Person, Pool, Task } from './types.js';

export interface ScheduleOptions {
  /** Anchors the schedule when the program has no start (default: program.status_date, then today). */
  readonly statusDate?: Day;
  /**
   * The status date the remaining work is forecast from (program-format.md,
   * "Progress from the status date"). Default: program.status_date; null: none.
   */
  readonly progressDate?: Day | null;
  /** Level resources (default: the program's `scheduling.levelling`). */
  readonly level?: boolean;
  /** Schedules the leveller may try (default: by size; more is slower and rarely shorter). */
  readonly levelBudget?: number;
  /**
   * false: dates, float and the critical path only, no diagnostics (a baseline,
   * or `diff`, which report none): skips the over-allocation tally and the
   * plan without the status date, a third of the time at 10,000 tasks.
   */
  readonly diagnostics?: boolean;
}

export interface EarlySchedule {
  readonly cal: WorkCalendar;
  readonly people: ReadonlyMap<string, Person>;
  readonly programStart: Day | undefined;
  readonly anchor: Day;
  readonly g: ScheduleGraph;
  readonly comps: Components;
  readonly calendars: OwnCalendars;
  /** Node v's own calendar (tasks: `calendars.of`; other nodes: the program calendar), looked up once per node. */
  readonly nodeCal: (v: number) => WorkCalendar;
  /** first(status date) the remaining work is forecast from, when there is one. */
  readonly progressFrom: Day | undefined;
  /** The critical-path early dates. */
  readonly cpm: EarlyDates;
  /** The dates of the schedule: `cpm`, or the levelled dates. */
  readonly early: EarlyDates;
  /** `g` (and its components) with the leveller's holds as finish-to-start links. */
  readonly graph: ScheduleGraph;
  readonly graphComps: Components;
  readonly levelled: Levelled | undefined;
  readonly level: boolean;
  /** The latest end of all tasks and milestones; NaN when nothing is dated. */
  readonly finish: number;
}

/** The latest end of all tasks and milestones (NaN when none is dated). */
export function latestEnd(g: ScheduleGraph, dates: EarlyDates): number {
  let f = NaN;
  for (let v = 0; v < g.size; v++) {
    if (g.kinds[v] === 'workstream') continue;
    const e = dates.ef[v] as number;
    if (!Number.isNaN(e) && (Number.isNaN(f) || e > f)) f = e;
  }
  return f;
}

/** The people by id (first definition wins). */
export function peopleById(model: ProgramModel): Map<string, Person> {
  const people = new Map<string, Person>();
  for (const p of model.people) if (!people.has(p.id)) people.set(p.id, p);
  return people;
}

/** The status date the remaining work is forecast from, on the program calendar (undefined: none). */
export function progressFromOf(model: ProgramModel, cal: WorkCalendar, options: ScheduleOptions): Day | undefined {
  const given = options.progressDate === undefined ? model.program?.statusDate : options.progressDate ?? undefined;
  return given === undefined ? undefined : cal.first(given);
}

/** The schedule's anchor: the program start, else the status date, else today. */
export function anchorOf(model: ProgramModel, options: ScheduleOptions): Day {
  return model.program?.start ?? options.statusDate ?? model.program?.statusDate ?? today();
}

/**
 * The early schedule of `model` under `options`, computed once per model and
 * options: a command schedules the program for its checks, then prepares its
 * what-if forecasts (slip attribution, change impact) from the same dates.
 * Models are immutable values, so the answer for one model object never
 * changes; it is forgotten with the model.
 */
export function earlySchedule(model: ProgramModel, options: ScheduleOptions = {}): EarlySchedule {
  const given = options.progressDate === undefined ? model.program?.statusDate : options.progressDate ?? undefined;
  const key = `${anchorOf(model, options)}|${given ?? ''}|${options.level ?? ''}|${options.levelBudget ?? ''}`;
  let byOptions = memo.get(model);
  if (!byOptions) memo.set(model, (byOptions = new Map()));
  let e = byOptions.get(key);
  if (!e) byOptions.set(key, (e = computeEarlySchedule(model, options)));
  return e;
}

const memo = new WeakMap<ProgramModel, Map<string, EarlySchedule>>();

function computeEarlySchedule(model: ProgramModel, options: ScheduleOptions): EarlySchedule {
  const cal = createCalendar(model.calendar);
  const people = peopleById(model);
  const programStart = model.program?.start;
  const anchor = anchorOf(model, options);

  const g = buildGraph(model, cal);
  const comps = findComponents(g);
  const calendars = ownCalendars(model.calendar, cal, people);
  // Every pass asks for a task's calendar; finding it means a lookup per assignee, so it is done once per node.
  const nodeCals = g.tasks.map((t) => (t ? calendars.of(t) : cal));
  const nodeCal = (v: number): WorkCalendar => nodeCals[v] ?? cal;
  const calOf = (t: Task, v: number): WorkCalendar => nodeCals[v] ?? calendars.of(t);
  const progressFrom = progressFromOf(model, cal, options);
  const cpm = forwardPass(g, comps, cal, anchor, people, { calOf, ...(progressFrom !== undefined && { progressFrom }) });

  let early = cpm;
  let graph = g;
  let graphComps = comps;
  let levelled: Levelled | undefined;
  const level = options.level ?? model.scheduling?.levelling ?? false;
  if (level) {
    const cpmFinish = latestEnd(g, cpm);
    const cpmLate = Number.isNaN(cpmFinish) ? undefined : backwardPass(g, comps, cal, cpm, cpmFinish, nodeCal);
    const pools = new Map<string, Pool>();
    for (const p of model.pools ?? []) if (!pools.has(p.id)) pools.set(p.id, p);
    levelled = levelProgram({
      g, comps, cal, origin: cal.first(anchor), early: cpm, ...(cpmLate && { late: cpmLate }), people, pools, calOf: (t) => calendars.of(t),
      ...(options.levelBudget !== undefined && { budget: options.levelBudget }),
    });
    early = forwardPass(g, comps, cal, anchor, people, { calOf, forced: levelled.forced, ...(progressFrom !== undefined && { progressFrom }) });
    // Resource-constrained float: each hold is a finish-to-start link.
    graph = withLinks(g, levelled.holds);
    graphComps = levelled.holds.length > 0 ? findComponents(graph) : comps;
  }
  return {
    cal, people, programStart, anchor, g, comps, calendars, nodeCal, progressFrom, cpm, early, graph, graphComps, levelled, level,
    finish: latestEnd(g, early),
  };
}
