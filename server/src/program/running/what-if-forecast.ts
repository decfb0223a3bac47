// What-if forecasts without a whole schedule each. Slip attribution and change
// impact ask "what would the milestones and the finish be if these few items
// were different?" dozens of times on one program; each answer needs only the
// early dates. A forecaster prepares the program once (calendars, graph,
// early dates) and answers a variant made by `patchModel` (the same model
// with some tasks or milestones replaced) by placing again only the changed
// items and what their new dates move (`forwardPassFrom`), by the same rules
// as the full pass. Anything else (another calendar, new or removed
// dependencies, levelling, which places every task at once) gets the early
// dates computed in full: the answer is always the one `scheduleProgram`
// would give.
import type { ProgramModel } from '../model.js';
import { earlySchedule, latestEnd } from '../schedule-early.js';
import type { EarlySchedule, ScheduleOptions } from '../schedule-early.js';
import { forwardPassFrom, ScratchDates } from '../schedule-forward.js';
import type { EarlyDates } from '../schedule-forward.js';
import { EdgeList, pushDependencyEdges } from '../schedule-graph.js';
import type { ScheduleGraph } from '../schedule-graph.js';
import type { Day, Dependency, Milestone, Task } from '../types.js';

/**
 * The dates a what-if reads: what a `Schedule` gives, for items' ends and the
 * finish. A forecaster reuses its dates from one variant to the next, so a
 * variant's forecast is read before the next one is asked for; reading it
 * later throws rather than give the next variant's dates.
 */
export interface Forecast {
  readonly finish: Day | null;
  readonly items: { get(id: string): { readonly end: Day | null } | undefined };
}

/** The forecast of a program (a variant of the one it was made for answers fastest). */
export type Forecaster = (model: ProgramModel) => Forecast;

function view(g: ScheduleGraph, dates: EarlyDates, finish: number, current: () => boolean = () => true): Forecast {
  return {
    finish: Number.isNaN(finish) ? null : finish,
    items: {
      get(id) {
        if (!current()) throw new Error('A what-if forecast was read after the next one was asked for.');
        const v = g.index.get(id);
        if (v === undefined) return undefined;
        const end = dates.ef[v] as number;
        return { end: Number.isNaN(end) ? null : end };
      },
    },
  };
}

const full = (model: ProgramModel, options: ScheduleOptions): Forecast => {
  const e = earlySchedule(model, options);
  return view(e.g, e.early, e.finish);
};

/** A forecaster for `base` and its variants; `base` is prepared on the first call. */
export function whatIfForecaster(base: ProgramModel, options: ScheduleOptions = {}): Forecaster {
  let prepared: ((model: ProgramModel) => Forecast) | undefined;
  return (model) => {
    prepared ??= prepare(base, options);
    return prepared(model);
  };
}

function prepare(base: ProgramModel, options: ScheduleOptions): (model: ProgramModel) => Forecast {
  const e = earlySchedule(base, options);
  const baseView = view(e.g, e.early, e.finish);
  if (e.level) return (model) => (model === base ? baseView : full(model, options));
  const nodeOf = new Map<Task | Milestone, number>();
  for (let v = 0; v < e.g.size; v++) {
    const item = e.g.tasks[v] ?? e.g.milestones[v];
    if (item) nodeOf.set(item, v);
  }
  const keys = Object.keys(base) as (keyof ProgramModel)[];
  const scratch = new ScratchDates();
  let generation = 0;
  return (model) => {
    if (model === base) return baseView;
    const variant = variantOf(e, base, model, keys, nodeOf);
    if (!variant) return full(model, options);
    const { cal, comps, anchor, people, calendars, progressFrom } = e;
    const dates = forwardPassFrom(e.cpm, variant.seeds, variant.g, comps, cal, anchor, people, {
      calOf: (t) => calendars.of(t), ...(progressFrom !== undefined && { progressFrom }),
    }, scratch);
    const mine = ++generation;
    return view(variant.g, dates, latestEnd(variant.g, dates), () => generation === mine);
  };
}

/**
 * `model` as `base`'s graph with some tasks and milestones replaced (and their
 * edges' types and lags), with the nodes that changed; undefined when it
 * differs in any other way.
 */
function variantOf(
  e: EarlySchedule, base: ProgramModel, model: ProgramModel, keys: readonly (keyof ProgramModel)[], nodeOf: ReadonlyMap<Task | Milestone, number>,
): { g: ScheduleGraph; seeds: number[] } | undefined {
  if (Object.keys(model).length !== keys.length) return undefined;
  for (const k of keys) if (k !== 'tasks' && k !== 'milestones' && model[k] !== base[k]) return undefined;
  if (model.tasks.length !== base.tasks.length || model.milestones.length !== base.milestones.length) return undefined;
  const g = e.g;
  const seeds: number[] = [];
  let tasks: (Task | undefined)[] | undefined;
  let milestones: (Milestone | undefined)[] | undefined;
  // Copied on the first change: the types, lags and written dependencies may change, not the topology.
  let edges: { edgeType: Uint8Array; edgeLag: Float64Array; edgeDepAt: Int32Array } | undefined;
  /** Node v's new dependencies, when they link the same predecessors in the same order. */
  const sameLinks = (v: number, deps: readonly Dependency[]): boolean => {
    const fresh = new EdgeList(deps.length);
    pushDependencyEdges(fresh, v, deps, g.kinds, g.index, e.cal);
    const from = g.predStart[v] as number;
    if (fresh.edgeCount !== (g.predStart[v + 1] as number) - from) return false;
    for (let i = 0; i < fresh.edgeCount; i++) if (fresh.edgeFrom[i] !== g.edgeFrom[from + i]) return false;
    edges ??= { edgeType: g.edgeType.slice(), edgeLag: g.edgeLag.slice(), edgeDepAt: g.edgeDepAt.slice() };
    for (let i = 0; i < fresh.edgeCount; i++) {
      edges.edgeType[from + i] = fresh.edgeType[i] as number;
      edges.edgeLag[from + i] = fresh.edgeLag[i] as number;
      edges.edgeDepAt[from + i] = fresh.edgeDepAt[i] as number;
    }
    return true;
  };
  for (let i = 0; i < model.tasks.length; i++) {
    const now = model.tasks[i] as Task;
    const was = base.tasks[i] as Task;
    if (now === was) continue;
    const v = nodeOf.get(was);
    if (v === undefined || now.id !== was.id || now.entity !== was.entity || now.workstreamId !== was.workstreamId) return undefined;
    if (now.dependsOn !== was.dependsOn && !sameLinks(v, now.dependsOn)) return undefined;
    (tasks ??= g.tasks.slice())[v] = now;
    seeds.push(v);
  }
  for (let i = 0; i < model.milestones.length; i++) {
    const now = model.milestones[i] as Milestone;
    const was = base.milestones[i] as Milestone;
    if (now === was) continue;
    const v = nodeOf.get(was);
    if (v === undefined || now.id !== was.id || now.entity !== was.entity) return undefined;
    if (now.dependsOn !== was.dependsOn && !sameLinks(v, now.dependsOn)) return undefined;
    (milestones ??= g.milestones.slice())[v] = now;
    seeds.push(v);
  }
  return { g: { ...g, tasks: tasks ?? g.tasks, milestones: milestones ?? g.milestones, ...edges }, seeds };
}
