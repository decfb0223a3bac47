// The critical path method over the program (program-format.md, "Scheduling
// (normative)"): a forward pass for early dates, a backward pass for late
// dates and float, then the critical path, milestone slips, date checks and
// over-allocation. Linear in the size of the program (plus O(log holidays) per
// calendar step): maps, one topological order, no quadratic scans.
import type { WorkCalendar } from './calendar.js';
import { findCriticalPath, drivingChain } from './critical-path.js';
import { dayFromCivil, formatDate } from './dates.js';
import { diagnostic } from './diagnostic.js';
import type { ProgramModel } from './model.js';
import { backwardPass } from './schedule-backward.js';
import { earlySchedule } from './schedule-early.js';
import type { ScheduleOptions } from './schedule-early.js';
import { forwardPass } from './schedule-forward.js';
import type { Driver, EarlyDates } from './schedule-forward.js';
import { cycleDiagnostics } from './schedule-cycles.js';
import type { Components, ScheduleGraph } from './schedule-graph.js';
import { overAllocation } from './schedule-load.js';
import type { Hold, Levelled } from './level-program.js';
import type { OwnCalendars, Pause } from './own-calendar.js';
import { poolDiagnostics, statusDiagnostics } from './schedule-status.js';
import type { Day, Diagnostic, Task } from './types.js';

export type { Driver } from './schedule-forward.js';
export type { ScheduleOptions } from './schedule-early.js';
export type { Hold } from './level-program.js';
export type { Pause } from './own-calendar.js';
export { drivingChain } from './critical-path.js';

export interface ItemSchedule {
  readonly id: string;
  readonly kind: 'task' | 'milestone' | 'workstream';
  /** Early start and end; a milestone's start = end = its forecast (or fixed date). Null in a cycle. */
  readonly start: Day | null;
  readonly end: Day | null;
  readonly lateStart: Day | null;
  readonly lateEnd: Day | null;
  /** Working days from early start to late start (milestones: from date to latest date). */
  readonly totalFloat: number | null;
  readonly critical: boolean;
  /** Milestones with `depends_on` and `date`: the date. */
  readonly target: Day | null;
  /** Working days in (target, forecast], 0 when on time; null without a target. */
  readonly slip: number | null;
  /** Working days the item occupies (tasks: 0 when cancelled; milestones: 0). */
  readonly durationDays: number | null;
  /** What set the start (for a milestone: its date). */
  readonly driver: Driver;
  /** Workstreams: the task that sets their start, and the one that sets their end. */
  readonly firstTask?: string;
  readonly lastTask?: string;
  /** Tasks under levelling: working days the leveller delayed the start (0 when not); null without levelling. */
  readonly levellingDelay: number | null;
  /** Tasks the leveller delayed: the resources and the tasks that held them (empty otherwise). */
  readonly heldBy: readonly Hold[];
  /** Tasks: the runs of working days inside them on which they pause (their assignees' leave). */
  readonly pauses: readonly Pause[];
}

export interface Schedule {
  /** first(program.start), or null when the program has no start. */
  readonly programStart: Day | null;
  /** The latest end of all tasks and milestones, or null when nothing is dated. */
  readonly finish: Day | null;
  readonly items: Map<string, ItemSchedule>;
  /** Tasks and milestones in entity (file) order. */
  readonly order: string[];
  /** Critical tasks and milestones, start to finish. */
  readonly criticalPath: string[];
  /** Each cycle's ids (a strongly connected component, in file order). */
  readonly cycles: string[][];
  readonly diagnostics: Diagnostic[];
  readonly calendar: WorkCalendar;
  /** Whether resources were levelled. */
  readonly levelled: boolean;
  /** The leveller's problem and result, when levelled (the forecast levels each iteration the same way). */
  readonly levelling?: Levelled;
  /** first(status date) the remaining work was forecast from, or null when none was given. */
  readonly progressDate: Day | null;
  /** Each task's own calendar (the program calendar minus its assignees' leave). */
  readonly calendars: OwnCalendars;
}

const NO_HOLDS: readonly Hold[] = [];
const NO_PAUSES: readonly Pause[] = [];

const CHAIN_NAMED = 12;

export function scheduleProgram(model: ProgramModel, options: ScheduleOptions = {}): Schedule {
  const {
    cal, people, programStart, anchor, g, comps, calendars, nodeCal, progressFrom, cpm, early, graph, graphComps, levelled, level, finish,
  } = earlySchedule(model, options);
  const calOf = (t: Task, v: number): WorkCalendar => (g.tasks[v] === t ? nodeCal(v) : calendars.of(t));

  const late = Number.isNaN(finish) ? undefined : backwardPass(graph, graphComps, cal, early, finish, nodeCal);

  /** A task the leveller delayed is driven by the holder that ended last (a hold is a finish-to-start link). */
  const lastHolder = new Map<number, number>();
  for (const [h, to] of levelled?.holds ?? []) {
    const cur = lastHolder.get(to);
    if (cur === undefined || (early.ef[h] as number) > (early.ef[cur] as number)) lastHolder.set(to, h);
  }
  const heldDriver = (v: number): Driver | undefined => {
    const from = lastHolder.get(v);
    return from === undefined ? undefined : { kind: 'dependency', from: g.ids[from] as string, type: 'FS', lagDays: 0 };
  };
  const items = new Map<string, ItemSchedule>();
  const order: string[] = [];
  const nullable = (x: number | undefined): number | null => (x === undefined || Number.isNaN(x) ? null : x);
  for (let v = 0; v < g.size; v++) {
    const kind = g.kinds[v] as ItemSchedule['kind'];
    const id = g.ids[v] as string;
    if (kind !== 'workstream') order.push(id);
    const start = nullable(early.es[v]);
    const end = nullable(early.ef[v]);
    const totalFloat = nullable(late?.float[v]);
    const target = early.target[v] ?? null;
    let durationDays: number | null = null;
    if (start !== null && end !== null) {
      durationDays = kind === 'task' ? (early.len[v] as number) : kind === 'milestone' ? 0 : cal.workingDaysInclusive(start, end);
    }
    const item: ItemSchedule = {
      id,
      kind,
      start,
      end,
      lateStart: nullable(late?.ls[v]),
      lateEnd: nullable(late?.lf[v]),
      totalFloat,
      critical: totalFloat !== null && totalFloat <= 0,
      target,
      slip: target !== null && end !== null ? (end > target ? cal.workingDaysIn(target, end) : 0) : null,
      durationDays,
      driver: heldDriver(v) ?? (early.driver[v] as Driver),
      // Same shape for every item (fast property access on 100,000 of them).
      firstTask: kind === 'workstream' && (early.firstTask[v] as number) >= 0 ? g.ids[early.firstTask[v] as number] : undefined,
      lastTask: kind === 'workstream' && (early.lastTask[v] as number) >= 0 ? g.ids[early.lastTask[v] as number] : undefined,
      levellingDelay: levelled && kind === 'task' ? Math.max(0, levelled.delay[v] as number) : null,
      heldBy: levelled?.heldBy.get(v) ?? NO_HOLDS,
      // A task with someone on leave pauses only if its own calendar works fewer days than the program's (no lists made otherwise).
      pauses: kind === 'task' && start !== null && end !== null && nodeCal(v) !== cal
        && nodeCal(v).workingDaysInclusive(start, end) !== cal.workingDaysInclusive(start, end)
        ? calendars.pauses(g.tasks[v] as Task, start, end) : NO_PAUSES,
    };
    items.set(id, item);
  }

  const partial: Schedule = {
    programStart: programStart === undefined ? null : cal.first(programStart),
    finish: Number.isNaN(finish) ? null : finish,
    items,
    order,
    criticalPath: [],
    cycles: comps.cycles.map((scc) => scc.map((v) => g.ids[v] as string)),
    diagnostics: [],
    calendar: cal,
    levelled: levelled !== undefined,
    ...(levelled && { levelling: levelled }),
    progressDate: progressFrom ?? null,
    calendars,
  };
  // Candidates for the end of the critical path: critical items on the finish, in file order.
  const ends: ItemSchedule[] = [];
  for (let v = 0; v < g.size; v++) {
    if (g.kinds[v] === 'workstream' || early.ef[v] !== finish || !((late?.float[v] as number) <= 0)) continue;
    ends.push(items.get(g.ids[v] as string) as ItemSchedule);
  }
  const schedule: Schedule = { ...partial, criticalPath: findCriticalPath(partial, sinks(g, comps, early), ends) };
  if (options.diagnostics === false) return schedule;
  // Appended one by one: spreading a list of 100,000 diagnostics into push() overflows the stack.
  // The plan as it would be without the status date, for late-start and overdue.
  const plan = progressFrom === undefined ? undefined : forwardPass(g, comps, cal, anchor, people, { calOf });
  const lists = [
    cycleDiagnostics(g, comps), dateDiagnostics(g, early, schedule, programStart),
    statusDiagnostics(g, cpm, plan, cal, progressFrom, people),
    poolDiagnostics(model, g, early, calendars, level, cal), outOfRangeDates(model, g, early, items),
  ];
  if (!level) lists.push(overAllocation(model, g, comps, early, cal, nodeCal));
  for (const list of lists) {
    for (const d of list) schedule.diagnostics.push(d);
  }
  return schedule;
}

const FIRST_DAY = dayFromCivil(0, 1, 1);
const LAST_DAY = dayFromCivil(9999, 12, 31);

/**
 * Items the schedule puts outside the years 0000-9999 (a capacity of 1e-300,
 * a lag of a million years): their dates are not dates anyone can use, and
 * printed they read `3.83e+298-03-01`. Reported on the item's id.
 */
function outOfRangeDates(model: ProgramModel, g: ScheduleGraph, early: EarlyDates, items: ReadonlyMap<string, ItemSchedule>): Diagnostic[] {
  // Almost always nothing is: one pass over the dates says so without a lookup per entity.
  let any = false;
  for (let v = 0; v < g.size && !any; v++) any = g.kinds[v] !== 'workstream' && ((early.es[v] as number) < FIRST_DAY || (early.ef[v] as number) > LAST_DAY);
  if (!any) return [];
  const out: Diagnostic[] = [];
  for (const e of [...model.tasks.map((t) => t.entity), ...model.milestones.map((m) => m.entity)]) {
    const it = items.get(e.id);
    if (!it || it.start === null || it.end === null) continue;
    const before = it.start < FIRST_DAY;
    if (!before && it.end <= LAST_DAY) continue;
    out.push(diagnostic('out-of-range', e.uri, e.idSpan,
      `\`${e.id.length > 80 ? `${e.id.slice(0, 80)}…` : e.id}\` is scheduled ${before ? 'before 0000-01-01' : 'after 9999-12-31'}; check its duration or effort, its assignees' capacity and the lags before it.`));
  }
  return out;
}

/** Whether a dated task or milestone has no dated successor (directly or through its workstream). */
function sinks(g: ScheduleGraph, comps: Components, early: EarlyDates): (id: string) => boolean {
  const dated = (v: number): boolean => !comps.cyclic[v] && !Number.isNaN(early.es[v] as number);
  const feeds = new Uint8Array(g.size);
  // Workstreams first: does anything depend on them?
  for (let v = 0; v < g.size; v++) {
    if (g.kinds[v] !== 'workstream') continue;
    for (let k = g.succStart[v] as number; k < (g.succStart[v + 1] as number); k++) {
      const e = g.succEdge[k] as number;
      if ((g.edgeDepAt[e] as number) >= 0 && dated(g.edgeTo[e] as number)) { feeds[v] = 1; break; }
    }
  }
  for (let v = 0; v < g.size; v++) {
    if (g.kinds[v] === 'workstream') continue;
    for (let k = g.succStart[v] as number; k < (g.succStart[v + 1] as number); k++) {
      const e = g.succEdge[k] as number;
      const to = g.edgeTo[e] as number;
      if (!dated(to)) continue;
      if ((g.edgeDepAt[e] as number) >= 0 || feeds[to]) { feeds[v] = 1; break; }
    }
  }
  return (id) => {
    const v = g.index.get(id);
    return v !== undefined && !feeds[v];
  };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function actualBeforeStart(out: Diagnostic[], t: Task, key: 'actual_start' | 'actual_end', day: Day, programStart: Day): void {
  out.push(diagnostic('actual-before-program-start', t.entity.uri, t.spans[key] ?? t.entity.idSpan,
    `Task \`${t.id}\` has \`${key}\` ${formatDate(day)}, before the program start ${formatDate(programStart)}.`));
}

/** Actual dates out of order or before the start, fixed milestones before the start, milestone slips. */
function dateDiagnostics(
  g: ScheduleGraph, early: EarlyDates, schedule: Schedule, programStart: Day | undefined,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (let v = 0; v < g.size; v++) {
    const t = g.tasks[v];
    if (t) {
      const uri = t.entity.uri;
      if (t.actualStart !== undefined && t.actualEnd !== undefined && t.actualEnd < t.actualStart) {
        out.push(diagnostic('actual-end-before-start', uri, t.spans.actual_end ?? t.entity.idSpan,
          `Task \`${t.id}\` has \`actual_end\` ${formatDate(t.actualEnd)} before its \`actual_start\` ${formatDate(t.actualStart)}.`));
      }
      if (programStart !== undefined) {
        // Written out for each key: a list of pairs per task is 300,000 allocations at 100,000 tasks.
        if (t.actualStart !== undefined && t.actualStart < programStart) actualBeforeStart(out, t, 'actual_start', t.actualStart, programStart);
        if (t.actualEnd !== undefined && t.actualEnd < programStart) actualBeforeStart(out, t, 'actual_end', t.actualEnd, programStart);
      }
      continue;
    }
    const m = g.milestones[v];
    if (!m) continue;
    if (early.fixed[v] && programStart !== undefined && m.date !== undefined && m.date < programStart) {
      out.push(diagnostic('milestone-before-start', m.entity.uri, m.spans.date ?? m.entity.idSpan,
        `Milestone \`${m.id}\` is fixed on ${formatDate(m.date)}, before the program start ${formatDate(programStart)}.`));
    }
    const item = schedule.items.get(m.id);
    if (!item || item.slip === null || item.slip <= 0 || item.target === null || item.end === null) continue;
    const chain = drivingChain(schedule, m.id, CHAIN_NAMED + 2).slice(0, -1).map((it) => it.id);
    const named = chain.length > CHAIN_NAMED ? ['…', ...chain.slice(-CHAIN_NAMED)] : chain;
    const driven = named.length > 0 ? `, driven by ${named.join(' -> ')}` : '';
    out.push(diagnostic('milestone-slip', m.entity.uri, m.entity.idSpan,
      `Milestone \`${m.id}\` slips ${plural(item.slip, 'working day')} past its target ${formatDate(item.target)} `
        + `(forecast ${formatDate(item.end)})${driven}.`,
      { data: { id: m.id } }));
  }
  return out;
}
