// Slip attribution: which changed items on a milestone's driving chain made it
// later, and by how many working days each.
//
// The algorithm (deterministic, and its parts add up):
// 1. For every milestone that moved later since the baseline (and for the
//    program finish), take its driving chain in the current schedule. The
//    candidates are the tasks and milestones on it that were added, or whose
//    duration, effort, start constraint, dependencies, actual dates (or, for a
//    milestone, fixed date) changed.
// 2. Order all candidates by their current start (then file order).
// 3. Starting from the current program, revert the candidates one at a time,
//    cumulatively, to their baseline values (an added task is made to take no
//    time, as if cancelled; an added milestone loses its dependencies), and
//    re-schedule after each step. (Computed by halving: see `split` below.)
// 4. A candidate's contribution to a milestone is how many working days the
//    milestone's forecast moved earlier when that candidate was reverted.
//    Each milestone lists the candidates on its own chain whose contribution
//    is not 0, in chain order.
// Because the reverts are cumulative, the contributions along a chain sum to
// the part of the slip that the chain's changes explain; the rest comes from
// elsewhere (changes off the chain, calendar, status date) and is not
// attributed. Beyond MAX_STEPS candidates the rest are not re-scheduled (each
// step is a full schedule) and not listed.
import type { WorkCalendar } from '../calendar.js';
import { drivingChain } from '../critical-path.js';
import type { ProgramModel } from '../model.js';
import type { Schedule } from '../schedule.js';
import type { Forecast, Forecaster } from './what-if-forecast.js';
import type { Milestone, Task } from '../types.js';
import { patchModel } from './what-if.js';
import type { MilestonePatch, TaskPatch } from './what-if.js';
import { signedWorkingDays, SCHEDULE_FIELDS } from './variance.js';
import type { ComparedField } from './variance.js';

export const MAX_STEPS = 64;

export interface Attribution {
  readonly id: string;
  readonly days: number;
}

export interface ItemChange {
  readonly status: 'added' | 'removed' | 'changed' | 'unchanged';
  readonly changed: readonly ComparedField[];
}

/** The id used for the program finish in the attribution map. */
export const FINISH = '\u0000finish';

export function attributeSlips(
  current: { model: ProgramModel; schedule: Schedule },
  baselineModel: ProgramModel,
  slipped: readonly string[],
  finishSlipped: boolean,
  changes: ReadonlyMap<string, ItemChange>,
  scheduleOf: Forecaster,
): Map<string, Attribution[]> {
  const cal: WorkCalendar = current.schedule.calendar;
  const chains = new Map<string, string[]>();
  const targets = [...slipped];
  for (const id of slipped) chains.set(id, chainIds(current.schedule, id));
  if (finishSlipped) {
    const last = current.schedule.criticalPath[current.schedule.criticalPath.length - 1];
    if (last !== undefined) {
      chains.set(FINISH, chainIds(current.schedule, last));
      targets.push(FINISH);
    }
  }
  const relevant = (id: string): boolean => {
    const c = changes.get(id);
    return !!c && (c.status === 'added' || (c.status === 'changed' && c.changed.some((f) => SCHEDULE_FIELDS.has(f))));
  };
  const candidates = [...new Set([...chains.values()].flat())].filter(relevant);
  const position = new Map(current.schedule.order.map((id, i) => [id, i]));
  candidates.sort((a, b) => ((current.schedule.items.get(a)?.start ?? 0) - (current.schedule.items.get(b)?.start ?? 0))
    || ((position.get(a) ?? 0) - (position.get(b) ?? 0)));

  const baseTasks = new Map<string, Task>();
  for (const t of baselineModel.tasks) if (!baseTasks.has(t.id)) baseTasks.set(t.id, t);
  const baseMilestones = new Map<string, Milestone>();
  for (const m of baselineModel.milestones) if (!baseMilestones.has(m.id)) baseMilestones.set(m.id, m);
  const kindOf = new Map<string, string>();
  for (const [id, it] of current.schedule.items) kindOf.set(id, it.kind);

  const forecastOf = (s: Forecast, id: string): number | null => (id === FINISH ? s.finish : s.items.get(id)?.end ?? null);
  const steps = candidates.slice(0, MAX_STEPS);
  // Only the fields that changed are reverted: the others are equal (dependencies as a set), and a
  // variant that keeps its dependency list needs no new edges (what-if-forecast.ts answers it fastest).
  const patchOf = (id: string): { task?: TaskPatch; milestone?: MilestonePatch } => {
    const change = changes.get(id);
    const added = change?.status === 'added';
    const f = new Set(change?.changed ?? []);
    if (kindOf.get(id) === 'task') {
      const b = baseTasks.get(id);
      return {
        task: added || !b
          ? { status: 'cancelled', actualStart: undefined, actualEnd: undefined }
          : {
            ...(f.has('duration') && { duration: b.duration }), ...(f.has('effort') && { effort: b.effort }),
            ...(f.has('start') && { start: b.start }), ...(f.has('actual_start') && { actualStart: b.actualStart }),
            ...(f.has('actual_end') && { actualEnd: b.actualEnd }), ...(f.has('depends_on') && { dependsOn: b.dependsOn }),
          },
      };
    }
    const b = baseMilestones.get(id);
    return {
      milestone: added || !b
        ? { dependsOn: [], date: undefined }
        : { ...(f.has('depends_on') && { dependsOn: b.dependsOn }), ...(f.has('date') && { date: b.date }) },
    };
  };
  /** Forecasts of every target with the first `k` candidates reverted. */
  const forecastsAfter = (k: number): (number | null)[] => {
    const taskPatches = new Map<string, TaskPatch>();
    const msPatches = new Map<string, MilestonePatch>();
    for (const id of steps.slice(0, k)) {
      const p = patchOf(id);
      if (p.task) taskPatches.set(id, p.task);
      if (p.milestone) msPatches.set(id, p.milestone);
    }
    const s = k === 0 ? current.schedule : scheduleOf(patchModel(current.model, taskPatches, msPatches));
    return targets.map((t) => forecastOf(s, t));
  };
  // Contribution of step k (1-based) to each target: F(k-1) - F(k). Each F is a
  // full schedule, so intervals are split in halves and an interval whose
  // reverts together move no target is not split further: its candidates
  // contributed nothing (a change that pulled a milestone in right next to one
  // that pushed it out by as much would both show 0; both are still "changed").
  const contribution = new Map<string, Map<string, number>>(); // candidate -> target -> days
  const same = (a: (number | null)[], b: (number | null)[]) => a.every((x, i) => x === b[i]);
  const split = (lo: number, hi: number, fLo: (number | null)[], fHi: (number | null)[]): void => {
    if (hi <= lo || same(fLo, fHi)) return;
    if (hi - lo === 1) {
      const perTarget = new Map<string, number>();
      targets.forEach((t, i) => {
        const before = fLo[i];
        const after = fHi[i];
        if (before !== null && before !== undefined && after !== null && after !== undefined) perTarget.set(t, signedWorkingDays(cal, after, before));
      });
      contribution.set(steps[lo] as string, perTarget);
      return;
    }
    const mid = (lo + hi) >> 1;
    const fMid = forecastsAfter(mid);
    split(lo, mid, fLo, fMid);
    split(mid, hi, fMid, fHi);
  };
  if (steps.length > 0) split(0, steps.length, forecastsAfter(0), forecastsAfter(steps.length));

  const out = new Map<string, Attribution[]>();
  for (const t of targets) {
    const list: Attribution[] = [];
    for (const id of chains.get(t) ?? []) {
      const days = contribution.get(id)?.get(t);
      if (days !== undefined && days !== 0) list.push({ id, days });
    }
    out.set(t, list);
  }
  return out;
}

/** Task and milestone ids on the driving chain of `id`, first to last. */
function chainIds(schedule: Schedule, id: string): string[] {
  return drivingChain(schedule, id).filter((it) => it.kind !== 'workstream').map((it) => it.id);
}
