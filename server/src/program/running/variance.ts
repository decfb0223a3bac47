// Signed working-day distances and the fields of an item that a baseline
// comparison looks at, shared by the diff, slip attribution and change impact.
import type { WorkCalendar } from '../calendar.js';
import type { Dependency, Milestone, Task } from '../types.js';

/** Working days from `from` to `to`, signed: positive when `to` is later. */
export function signedWorkingDays(cal: WorkCalendar, from: number, to: number): number {
  return to >= from ? cal.workingDaysIn(from, to) : -cal.workingDaysIn(to, from);
}

/** The same, null when either date is unknown. */
export function variance(cal: WorkCalendar, from: number | null | undefined, to: number | null | undefined): number | null {
  return from === null || from === undefined || to === null || to === undefined ? null : signedWorkingDays(cal, from, to);
}

/** A field compared between baseline and now, by its format name. */
export type ComparedField =
  | 'duration' | 'effort' | 'depends_on' | 'assignees' | 'start' | 'actual_start' | 'actual_end' | 'cost' | 'workstream' | 'date';

/** Fields whose change can move the item's own dates: what slip attribution reverts. */
export const SCHEDULE_FIELDS: ReadonlySet<ComparedField> = new Set(['duration', 'effort', 'depends_on', 'start', 'actual_start', 'actual_end', 'date']);

function durationKey(cal: WorkCalendar, d: Task['duration']): string {
  return d ? String(cal.durationDays(d)) : '';
}

function depsKey(cal: WorkCalendar, deps: readonly Dependency[]): string {
  return deps.map((d) => `${d.targetId}\u0000${d.type}\u0000${d.lag ? cal.durationDays(d.lag) : 0}`).sort().join('\u0001');
}

/** Whether two dependency lists link the same items the same way (as sets; lags in working days). */
function sameDeps(thenCal: WorkCalendar, then: readonly Dependency[], nowCal: WorkCalendar, now: readonly Dependency[]): boolean {
  if (then.length !== now.length) return false;
  // Nearly always the same list in the same order: compared item by item without building keys.
  let inOrder = true;
  for (let i = 0; i < then.length && inOrder; i++) {
    const a = then[i] as Dependency;
    const b = now[i] as Dependency;
    inOrder = a.targetId === b.targetId && a.type === b.type
      && (a.lag ? thenCal.durationDays(a.lag) : 0) === (b.lag ? nowCal.durationDays(b.lag) : 0);
  }
  return inOrder || depsKey(thenCal, then) === depsKey(nowCal, now);
}

/** The changed fields of a task, in a fixed order (durations compared in working days, `2w` = `10d`). */
export function changedTaskFields(then: Task, thenCal: WorkCalendar, now: Task, nowCal: WorkCalendar): ComparedField[] {
  const out: ComparedField[] = [];
  if (durationKey(thenCal, then.duration) !== durationKey(nowCal, now.duration)) out.push('duration');
  if (durationKey(thenCal, then.effort) !== durationKey(nowCal, now.effort)) out.push('effort');
  if (!sameDeps(thenCal, then.dependsOn, nowCal, now.dependsOn)) out.push('depends_on');
  if ([...then.assignees].sort().join('\u0000') !== [...now.assignees].sort().join('\u0000')) out.push('assignees');
  if (then.start !== now.start) out.push('start');
  if (then.actualStart !== now.actualStart) out.push('actual_start');
  if (then.actualEnd !== now.actualEnd) out.push('actual_end');
  if (then.cost !== now.cost) out.push('cost');
  if (then.workstreamId !== now.workstreamId) out.push('workstream');
  return out;
}

/** The changed fields of a milestone: its dependencies and its target (or fixed) date. */
export function changedMilestoneFields(then: Milestone, thenCal: WorkCalendar, now: Milestone, nowCal: WorkCalendar): ComparedField[] {
  const out: ComparedField[] = [];
  if (!sameDeps(thenCal, then.dependsOn, nowCal, now.dependsOn)) out.push('depends_on');
  if (then.date !== now.date) out.push('date');
  return out;
}
