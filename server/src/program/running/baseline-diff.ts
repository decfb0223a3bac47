// The program now against a baseline (program-format.md, "Baselines"): per
// item variance in working days, added / removed / changed items and which
// fields changed, milestone drift with slip attribution, the finish variance
// and the critical path then and now. Pure: both programs come in scheduled.
import { formatDate } from '../dates.js';
import type { ProgramModel } from '../model.js';
import type { Schedule } from '../schedule.js';
import type { Milestone, Task } from '../types.js';
import { attributeSlips, FINISH } from './slip-attribution.js';
import type { Attribution, ItemChange } from './slip-attribution.js';
import { changedMilestoneFields, changedTaskFields, variance } from './variance.js';
import type { ComparedField } from './variance.js';
import type { Forecaster } from './what-if-forecast.js';

export interface ScheduledProgram {
  readonly model: ProgramModel;
  readonly schedule: Schedule;
}

export interface DiffItem {
  readonly id: string;
  readonly kind: 'task' | 'milestone';
  readonly status: ItemChange['status'];
  readonly startVariance: number | null;
  readonly endVariance: number | null;
  readonly changed: ComparedField[];
}

export interface MilestoneDrift {
  readonly id: string;
  /** Forecast (or fixed date) then and now, YYYY-MM-DD; null when the milestone did not exist or has no date. */
  readonly baseline: string | null;
  readonly current: string | null;
  readonly variance: number | null;
  readonly attribution: Attribution[];
}

export interface BaselineDiff {
  readonly program: string | null;
  readonly baseline: { readonly revision: string; readonly commit: string };
  readonly finish: { readonly baseline: string | null; readonly current: string | null; readonly variance: number | null };
  readonly items: DiffItem[];
  readonly milestones: MilestoneDrift[];
  readonly criticalPath: { readonly baseline: string[]; readonly current: string[] };
}

/** The diff plus what the JSON shape leaves out: the finish's attribution. */
export interface BaselineComparison {
  readonly diff: BaselineDiff;
  readonly finishAttribution: Attribution[];
}

const dateOrNull = (d: number | null | undefined): string | null => (d === null || d === undefined ? null : formatDate(d));

function firstById<T extends { id: string }>(list: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const x of list) if (!map.has(x.id)) map.set(x.id, x);
  return map;
}

export function diffPrograms(
  current: ScheduledProgram,
  baseline: ScheduledProgram,
  revision: { revision: string; commit: string },
  scheduleOf: Forecaster,
  options: { readonly attribute?: boolean } = {},
): BaselineComparison {
  const cal = current.schedule.calendar;
  const baseCal = baseline.schedule.calendar;
  const nowTasks = firstById(current.model.tasks);
  const nowMs = firstById(current.model.milestones);
  const baseTasks = firstById(baseline.model.tasks);
  const baseMs = firstById(baseline.model.milestones);

  const changes = new Map<string, ItemChange>();
  const items: DiffItem[] = [];
  for (const id of current.schedule.order) {
    const now = current.schedule.items.get(id);
    if (!now || now.kind === 'workstream') continue;
    const kind = now.kind;
    const thenTask = kind === 'task' ? baseTasks.get(id) : undefined;
    const thenMs = kind === 'milestone' ? baseMs.get(id) : undefined;
    const then = baseline.schedule.items.get(id);
    let change: ItemChange;
    if ((!thenTask && !thenMs) || !then) {
      change = { status: 'added', changed: [] };
    } else {
      const fields = kind === 'task'
        ? changedTaskFields(thenTask as Task, baseCal, nowTasks.get(id) as Task, cal)
        : changedMilestoneFields(thenMs as Milestone, baseCal, nowMs.get(id) as Milestone, cal);
      change = { status: fields.length > 0 ? 'changed' : 'unchanged', changed: fields };
    }
    changes.set(id, change);
    const added = change.status === 'added';
    items.push({
      id, kind, status: change.status,
      startVariance: added ? null : variance(cal, then?.start, now.start),
      endVariance: added ? null : variance(cal, then?.end, now.end),
      changed: [...change.changed],
    });
  }
  // Removed items, in baseline order. An id that changed kind counts as removed and added.
  for (const id of baseline.schedule.order) {
    const then = baseline.schedule.items.get(id);
    if (!then || then.kind === 'workstream') continue;
    const now = current.schedule.items.get(id);
    if (now && now.kind === then.kind) continue;
    items.push({ id, kind: then.kind, status: 'removed', startVariance: null, endVariance: null, changed: [] });
  }

  const drifts: { id: string; then: number | null; now: number | null; variance: number | null }[] = [];
  for (const m of current.model.milestones) {
    if (drifts.some((d) => d.id === m.id)) continue;
    const now = current.schedule.items.get(m.id);
    const then = baseMs.has(m.id) ? baseline.schedule.items.get(m.id) : undefined;
    drifts.push({ id: m.id, then: then?.end ?? null, now: now?.end ?? null, variance: variance(cal, then?.end, now?.end) });
  }
  const finishVariance = variance(cal, baseline.schedule.finish, current.schedule.finish);
  const slipped = drifts.filter((d) => d.variance !== null && d.variance > 0).map((d) => d.id);
  // Attribution re-schedules once per changed chain item: the editor, answering while the user types, skips it.
  const attribution = options.attribute !== false && (slipped.length > 0 || (finishVariance ?? 0) > 0)
    ? attributeSlips(current, baseline.model, slipped, (finishVariance ?? 0) > 0, changes, scheduleOf)
    : new Map<string, Attribution[]>();

  return {
    diff: {
      program: current.model.program?.id ?? null,
      baseline: { revision: revision.revision, commit: revision.commit },
      finish: { baseline: dateOrNull(baseline.schedule.finish), current: dateOrNull(current.schedule.finish), variance: finishVariance },
      items,
      milestones: drifts.map((d) => ({
        id: d.id, baseline: dateOrNull(d.then), current: dateOrNull(d.now), variance: d.variance, attribution: attribution.get(d.id) ?? [],
      })),
      criticalPath: { baseline: [...baseline.schedule.criticalPath], current: [...current.schedule.criticalPath] },
    },
    finishAttribution: attribution.get(FINISH) ?? [],
  };
}
