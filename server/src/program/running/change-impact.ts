// Change impact (program-format.md, "Change impact"): each change request
// awaiting a decision, or approved and not yet implemented, with a
// `schedule_impact`, scheduled as a what-if. The plan itself never changes.
import { formatDate } from '../dates.js';
import type { ProgramModel } from '../model.js';
import type { Schedule } from '../schedule.js';
import type { Change } from '../types.js';
import { variance } from './variance.js';
import { withScheduleImpact } from './what-if.js';
import type { Forecaster } from './what-if-forecast.js';

export interface Movement {
  readonly id: string;
  /** Forecast without and with the change, YYYY-MM-DD. */
  readonly before: string | null;
  readonly after: string | null;
  /** Signed working days (positive: later with the change). */
  readonly movement: number | null;
}

export interface ChangeImpact {
  readonly id: string;
  readonly title: string | null;
  readonly status: Change['status'] | null;
  /** Whether the change awaits a decision (proposed) or implementation (approved). */
  readonly pending: boolean;
  /** Working days of `schedule_impact`, null when it has none. */
  readonly scheduleImpact: number | null;
  readonly costImpact: number | null;
  readonly affects: readonly string[];
  /** Every milestone's movement (pending changes with a schedule impact; else empty). */
  readonly milestones: Movement[];
  readonly finish: Movement | null;
  /** The budget at completion with the change's cost added (pending changes only). */
  readonly costAtCompletion: number | null;
}

/** A change still to be applied: proposed (or without a status), or approved and not implemented. */
export function isPending(c: Change): boolean {
  return c.status === undefined || c.status === 'proposed' || c.status === 'approved';
}

export function changeImpacts(
  current: { model: ProgramModel; schedule: Schedule },
  scheduleOf: Forecaster,
  bac: number,
): ChangeImpact[] {
  const cal = current.schedule.calendar;
  const out: ChangeImpact[] = [];
  const seen = new Set<string>();
  for (const c of current.model.changes) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    const pending = isPending(c);
    const days = c.scheduleImpact ? cal.wholeDays(c.scheduleImpact, 0).days : null;
    let milestones: Movement[] = [];
    let finish: Movement | null = null;
    if (pending && days !== null) {
      const what = scheduleOf(withScheduleImpact(current.model, cal, c.affects, days));
      const move = (id: string, before: number | null, after: number | null): Movement => ({
        id, before: before === null ? null : formatDate(before), after: after === null ? null : formatDate(after), movement: variance(cal, before, after),
      });
      const ids = new Set<string>();
      for (const m of current.model.milestones) {
        if (ids.has(m.id)) continue;
        ids.add(m.id);
        milestones.push(move(m.id, current.schedule.items.get(m.id)?.end ?? null, what.items.get(m.id)?.end ?? null));
      }
      finish = move('finish', current.schedule.finish, what.finish);
    } else {
      milestones = [];
    }
    out.push({
      id: c.id, title: c.title ?? null, status: c.status ?? null, pending, scheduleImpact: days, costImpact: c.costImpact ?? null,
      affects: c.affects, milestones, finish,
      costAtCompletion: pending ? bac + (c.costImpact ?? 0) : null,
    });
  }
  return out;
}
