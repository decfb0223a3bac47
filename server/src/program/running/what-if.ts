// Variants of a program for what-if scheduling: the same model with some
// tasks' or milestones' fields replaced. The model is never mutated; only the
// replaced items are new objects, so a variant costs one shallow copy of the
// task and milestone lists.
import type { WorkCalendar } from '../calendar.js';
import type { ProgramModel } from '../model.js';
import { taskDuration } from '../schedule-forward.js';
import type { Day, Duration, Milestone, Person, Task } from '../types.js';

export type TaskPatch = Partial<Omit<Task, 'id' | 'entity'>>;
export type MilestonePatch = Partial<Omit<Milestone, 'id' | 'entity'>>;

/** The model with the given tasks and milestones patched (a key set to undefined removes that field). */
export function patchModel(
  model: ProgramModel,
  tasks: ReadonlyMap<string, TaskPatch>,
  milestones: ReadonlyMap<string, MilestonePatch> = new Map(),
): ProgramModel {
  const apply = <T extends object>(item: T, patch: object | undefined): T => {
    if (!patch) return item;
    const out: Record<string, unknown> = { ...(item as Record<string, unknown>) };
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined) delete out[k];
      else out[k] = v;
    }
    return out as T;
  };
  return {
    ...model,
    tasks: tasks.size === 0 ? model.tasks : model.tasks.map((t) => apply(t, tasks.get(t.id))),
    milestones: milestones.size === 0 ? model.milestones : model.milestones.map((m) => apply(m, milestones.get(m.id))),
  };
}

/** A duration of whole working days, for a patched task. */
export function daysDuration(days: number, span: Duration['span'] = { start: 0, end: 0 }): Duration {
  return { amount: days, unit: 'd', span };
}

/**
 * The model with `days` working days of schedule impact on `affects`, by the
 * rule the format gives a risk's schedule impact: each affected task takes
 * `days` longer; an affected milestone is moved later by `days` (a lag added
 * to each of its dependencies, or its fixed date moved); an affected
 * workstream adds `days` to each of its tasks that no other task of the same
 * workstream depends on.
 */
export function withScheduleImpact(model: ProgramModel, cal: WorkCalendar, affects: readonly string[], days: number): ProgramModel {
  if (days <= 0 || affects.length === 0) return model;
  const people = new Map<string, Person>();
  for (const p of model.people) if (!people.has(p.id)) people.set(p.id, p);
  const taskById = new Map<string, Task>();
  for (const t of model.tasks) if (!taskById.has(t.id)) taskById.set(t.id, t);
  const extra = new Map<string, number>();
  const add = (id: string) => extra.set(id, (extra.get(id) ?? 0) + days);
  const msPatch = new Map<string, MilestonePatch>();
  for (const id of new Set(affects)) {
    if (taskById.has(id)) { add(id); continue; }
    const ws = model.workstreams.find((w) => w.id === id);
    if (ws) {
      const members = new Set(ws.taskIds);
      const depended = new Set<string>();
      for (const tid of ws.taskIds) for (const d of taskById.get(tid)?.dependsOn ?? []) if (members.has(d.targetId)) depended.add(d.targetId);
      for (const tid of ws.taskIds) if (!depended.has(tid)) add(tid);
      continue;
    }
    const m = model.milestones.find((x) => x.id === id);
    if (!m) continue;
    if (m.dependsOn.length > 0) {
      msPatch.set(m.id, {
        dependsOn: m.dependsOn.map((d) => ({ ...d, lag: daysDuration((d.lag ? cal.wholeDays(d.lag, 0).days : 0) + days) })),
      });
    } else if (m.date !== undefined) {
      msPatch.set(m.id, { date: cal.next(m.date as Day, days) });
    }
  }
  const taskPatch = new Map<string, TaskPatch>();
  for (const [id, more] of extra) {
    const t = taskById.get(id) as Task;
    // An effort-based task becomes a duration-based one of its planned days plus the impact.
    taskPatch.set(id, { duration: daysDuration(taskDuration(t, cal, people) + more), effort: undefined });
  }
  return patchModel(model, taskPatch, msPatch);
}
