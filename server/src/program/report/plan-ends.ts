// The plan as it would be without the status date, for the report's overdue
// list: only its early dates, so the report does not pay for a second whole
// schedule (late pass, critical path, diagnostics, over-allocation).
import type { ProgramModel } from '../model.js';
import { earlySchedule } from '../schedule-early.js';
import type { Day } from '../types.js';

/**
 * Each item's end in the plan without the status date, by id as a schedule's
 * items give it (the last definition of an id wins). Only the early dates:
 * the late pass and the diagnostics of a whole schedule are not needed here.
 */
export function planEnds(model: ProgramModel, statusDate: Day): (id: string) => Day | null | undefined {
  const { g, early } = earlySchedule(model, { statusDate, progressDate: null });
  const ends = new Map<string, Day | null>();
  for (let v = 0; v < g.size; v++) {
    const end = early.ef[v] as number;
    ends.set(g.ids[v] as string, Number.isNaN(end) ? null : end);
  }
  return (id) => ends.get(id);
}
