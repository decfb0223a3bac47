// A task's own calendar (program-format.md, "Resources and levelling"): the
// program's working days minus the days any of its assignees is on leave. A
// task occupies `duration` days of its own calendar and pauses over leave.
//
// Each distinct set of assignees with leave gets one WorkCalendar whose
// "holidays" are the program holidays plus their leave, so every operation
// stays O(log ranges) (no day-by-day walk) and a 100,000-task program shares a
// few hundred calendars at most. Tasks whose assignees have no leave use the
// program calendar itself.
import { createCalendar } from './calendar.js';
import type { WorkCalendar } from './calendar.js';
import type { CalendarSpec, Day, DayRange, Person, Task } from './types.js';

/** Ten years in days: a task whose own calendar has no day within this gap gets an error, not a hang. */
export const NO_DAY_HORIZON = 3653;

/** A run of program working days inside a task on which it does not work (its assignees' leave). */
export interface Pause {
  readonly from: Day;
  readonly to: Day;
  /** Program working days in from..to. */
  readonly days: number;
  /** The assignees on leave then, in `assignees` order. */
  readonly people: readonly string[];
}

export interface OwnCalendars {
  /** The task's own calendar (the program calendar when no assignee has leave). */
  of(t: Task): WorkCalendar;
  /** The pauses inside start..end (both inclusive), in date order; empty when none. */
  pauses(t: Task, start: Day, end: Day): Pause[];
}

export function ownCalendars(spec: CalendarSpec, program: WorkCalendar, people: ReadonlyMap<string, Person>): OwnCalendars {
  const cache = new Map<string, WorkCalendar>();
  /** Assignees with leave, unique, in `assignees` order. */
  const onLeave = (t: Task): Person[] => {
    const out: Person[] = [];
    for (const id of t.assignees) {
      const p = people.get(id);
      if (p && p.leave.length > 0 && !out.includes(p)) out.push(p);
    }
    return out;
  };
  return {
    of(t) {
      // A cancelled task takes no time and nobody's: the program calendar places it.
      if (t.status === 'cancelled') return program;
      // Fast path, no allocation: most tasks have nobody with leave, or one such person.
      let one: Person | undefined;
      let several = false;
      for (const id of t.assignees) {
        const p = people.get(id);
        if (!p || p.leave.length === 0 || p === one) continue;
        if (one) several = true; else one = p;
      }
      if (!one) return program;
      const who = several ? onLeave(t) : [one];
      const key = several ? who.map((p) => p.id).sort().join('\u0000') : one.id;
      let cal = cache.get(key);
      if (!cal) {
        const holidays: DayRange[] = [...spec.holidays];
        for (const p of who) for (const r of p.leave) holidays.push(r);
        cal = createCalendar({ workdays: program.workdays, holidays });
        cache.set(key, cal);
      }
      return cal;
    },
    pauses(t, start, end) {
      const who = onLeave(t);
      if (who.length === 0 || end < start) return [];
      // Most tasks with someone on leave somewhere have none inside them: say so before allocating.
      if (!who.some((p) => p.leave.some((r) => r.to >= start && r.from <= end))) return [];
      // Leave inside the task, merged across assignees; each merged run that
      // covers a program working day is one pause.
      const ranges: { from: Day; to: Day }[] = [];
      for (const p of who) {
        for (const r of p.leave) if (r.to >= start && r.from <= end) ranges.push({ from: Math.max(r.from, start), to: Math.min(r.to, end) });
      }
      ranges.sort((a, b) => a.from - b.from);
      const merged: { from: Day; to: Day }[] = [];
      for (const r of ranges) {
        const last = merged[merged.length - 1];
        // Runs separated only by non-working days are one pause.
        if (last && program.workingDaysIn(last.to, r.from - 1) === 0) last.to = Math.max(last.to, r.to);
        else merged.push({ ...r });
      }
      const out: Pause[] = [];
      for (const r of merged) {
        const days = program.workingDaysInclusive(r.from, r.to);
        if (days === 0) continue;
        const from = program.first(r.from);
        const to = program.last(r.to);
        const names = who.filter((p) => p.leave.some((l) => l.to >= from && l.from <= to)).map((p) => p.id);
        out.push({ from, to, days, people: names });
      }
      return out;
    },
  };
}
