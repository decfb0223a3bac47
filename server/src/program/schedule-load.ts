// Over-allocation: does anyone have more task-days in a week than they can work?
//
// Interpretation (the format page only says "a person's tasks in a week need
// more than their capacity"):
// - Every assignee of a task works on it on each of the task's working days,
//   at their capacity share (a part-timer on one task is never over-allocated;
//   that is how effort-based durations are computed in the first place).
// - A person's demand in an ISO week (Monday..Sunday) is the number of
//   (task, day) pairs in that week where the day is a working day inside the
//   task's scheduled start..end and of its own calendar (a task pauses over
//   its assignees' leave, so a paused day asks nothing); their availability is the working days of
//   that week that are not on their leave. Both are reported in person-days
//   (days x capacity), so "need" and "allows" compare like with like.
// - Demand above availability is over-allocation (leave under a task counts).
// - Cancelled and undated tasks (cycles) take no one's time; unknown assignees
//   are ignored (the loader reports them).
// - Over-allocated weeks that follow each other are one period, reported once
//   per person (allocation-report.ts says where and why).
// Work is per (task, assignee, week), not per day, and is capped so a huge
// program cannot hang the check.
import { overAllocationReports } from './allocation-report.js';
import type { LoadTask, LoadWeek } from './allocation-report.js';
import type { WorkCalendar } from './calendar.js';
import type { ProgramModel } from './model.js';
import type { EarlyDates } from './schedule-forward.js';
import type { Components, ScheduleGraph } from './schedule-graph.js';
import type { Day, DayRange, Diagnostic, Person, Span, Task } from './types.js';

/** Skip the check beyond this many (task, assignee, week) triples. */
export const MAX_LOAD_CELLS = 5_000_000;
/** Dense per-person week tables up to this many weeks in all (else a map per person). */
const MAX_DENSE_WEEKS = 4_000_000;

interface OverWeek {
  readonly wk: Day;
  readonly need: number;
  readonly avail: number;
  readonly leave: number;
  readonly tasks: number[];
}

export function overAllocation(
  model: ProgramModel, g: ScheduleGraph, c: Components, early: EarlyDates, cal: WorkCalendar,
  /** A task node's own calendar (the program's minus its assignees' leave). */
  nodeCal: (v: number) => WorkCalendar,
): Diagnostic[] {
  const people = new Map<string, Person>();
  for (const p of model.people) if (!people.has(p.id) && model.byId.get(p.id) === p.entity) people.set(p.id, p);
  if (people.size === 0) return [];

  const personList = [...people.values()];
  const personIndex = new Map<string, number>();
  personList.forEach((p, i) => personIndex.set(p.id, i));

  // The tasks that take someone's time (node order), each with its known
  // assignees once: persons of taskNode[a] at pairPerson[pairStart[a] .. pairStart[a + 1]).
  // Flat typed arrays sized up front: at 100,000 tasks, growing lists (and the
  // garbage collector copying them) cost more than the arithmetic.
  let pairs = 0;
  for (let v = 0; v < g.size; v++) pairs += g.tasks[v]?.assignees.length ?? 0;
  const taskNode = new Int32Array(g.size);
  const pairStart = new Int32Array(g.size + 1);
  const pairPerson = new Int32Array(pairs);
  let tasksIn = 0;
  let pairsIn = 0;
  let weekCells = 0;
  let cells = 0;
  for (let v = 0; v < g.size; v++) {
    const t = g.tasks[v];
    if (!t || c.cyclic[v] || t.status === 'cancelled' || t.assignees.length === 0) continue;
    const s = early.es[v] as number;
    const f = early.ef[v] as number;
    if (Number.isNaN(s) || f < s) continue;
    const before = pairsIn;
    for (const id of t.assignees) {
      const i = personIndex.get(id);
      if (i === undefined) continue;
      let seen = false;
      for (let k = before; k < pairsIn; k++) if (pairPerson[k] === i) seen = true;
      if (!seen) pairPerson[pairsIn++] = i;
    }
    const n = pairsIn - before;
    if (n === 0) continue;
    weekCells += Math.floor((f - s) / 7) + 2;
    cells += n * (Math.floor((f - s) / 7) + 2);
    if (cells > MAX_LOAD_CELLS) return [];
    taskNode[tasksIn++] = v;
    pairStart[tasksIn] = pairsIn;
  }

  // Each task's working days per ISO week (its Monday), on its own calendar (it
  // pauses over its assignees' leave and asks nothing then): computed once, read by both passes below.
  const recTask = new Int32Array(weekCells);
  const recWeek = new Int32Array(weekCells);
  const recDays = new Int32Array(weekCells);
  let recs = 0;
  const spanLo = new Float64Array(personList.length).fill(Infinity);
  const spanHi = new Float64Array(personList.length).fill(-Infinity);
  for (let a = 0; a < tasksIn; a++) {
    const v = taskNode[a] as number;
    const s = (early.es[v] as number) | 0;
    const f = (early.ef[v] as number) | 0;
    const own = nodeCal(v);
    for (let wk = mondayOf(s); wk <= f; wk += 7) {
      const days = own.workingDaysInclusive(Math.max(s, wk), Math.min(f, wk + 6));
      if (days > 0) { recTask[recs] = a; recWeek[recs] = wk; recDays[recs] = days; recs++; }
    }
    const lo = mondayOf(s);
    const hi = mondayOf(f);
    for (let k = pairStart[a] as number; k < (pairStart[a + 1] as number); k++) {
      const i = pairPerson[k] as number;
      if (lo < (spanLo[i] as number)) spanLo[i] = lo;
      if (hi > (spanHi[i] as number)) spanHi[i] = hi;
    }
  }

  // Pass 1, per person: week -> task-days, in a dense table over the weeks the
  // person's tasks span (a Map per person when that would be too large), and
  // the weeks in the order first met (the report's order).
  const weeksOf = (i: number): number => ((spanHi[i] as number) >= (spanLo[i] as number) ? ((spanHi[i] as number) - (spanLo[i] as number)) / 7 + 1 : 0);
  let dense = 0;
  for (let i = 0; i < personList.length; i++) dense += weeksOf(i);
  const tables = dense <= MAX_DENSE_WEEKS ? personList.map((_, i) => new Float64Array(weeksOf(i))) : undefined;
  const maps = tables ? undefined : personList.map(() => new Map<number, number>());
  const firstMet: number[][] = personList.map(() => []);
  for (let r = 0; r < recs; r++) {
    const a = recTask[r] as number;
    const wk = recWeek[r] as number;
    const days = recDays[r] as number;
    for (let k = pairStart[a] as number; k < (pairStart[a + 1] as number); k++) {
      const i = pairPerson[k] as number;
      if (tables) {
        const t = tables[i] as Float64Array;
        const at = (wk - (spanLo[i] as number)) / 7;
        if (t[at] === 0) (firstMet[i] as number[]).push(wk);
        t[at] = (t[at] as number) + days;
      } else {
        const m = (maps as Map<number, number>[])[i] as Map<number, number>;
        const cur = m.get(wk);
        if (cur === undefined) (firstMet[i] as number[]).push(wk);
        m.set(wk, (cur ?? 0) + days);
      }
    }
  }
  const loadOf = (i: number, wk: number): number => (tables
    ? (tables[i] as Float64Array)[(wk - (spanLo[i] as number)) / 7] as number
    : ((maps as Map<number, number>[])[i] as Map<number, number>).get(wk) as number);
  // Then the weeks where demand exceeds availability, and (pass 2) the tasks in them.
  const over: Map<number, OverWeek>[] = personList.map((person, pi) => {
    const found = new Map<number, OverWeek>();
    const leave = mergeLeave(person.leave);
    for (const wk of firstMet[pi] as number[]) {
      const need = loadOf(pi, wk);
      const away = leaveDays(leave, wk, cal);
      const avail = cal.workingDaysInclusive(wk, wk + 6) - away;
      if (need > avail) found.set(wk, { wk, need, avail, leave: away, tasks: [] });
    }
    return found;
  });
  if (over.every((m) => m.size === 0)) return [];
  for (let r = 0; r < recs; r++) {
    const a = recTask[r] as number;
    for (let k = pairStart[a] as number; k < (pairStart[a + 1] as number); k++) {
      const m = over[pairPerson[k] as number] as Map<number, OverWeek>;
      if (m.size > 0) m.get(recWeek[r] as number)?.tasks.push(taskNode[a] as number);
    }
  }

  const tokens = assigneeTokens(model);
  const out: Diagnostic[] = [];
  for (let pi = 0; pi < personList.length; pi++) {
    const person = personList[pi] as Person;
    const weeks = [...(over[pi] as Map<number, OverWeek>).values()];
    if (weeks.length === 0) continue;
    const capacity = person.capacity > 0 && Number.isFinite(person.capacity) ? person.capacity : 1;
    const tasks: LoadTask[] = [];
    const indexOf = new Map<number, number>();
    const taskIndex = (v: number): number => {
      let i = indexOf.get(v);
      if (i === undefined) {
        const task = g.tasks[v] as Task;
        const token = tokens.get(task.id)?.get(person.id);
        i = tasks.length;
        indexOf.set(v, i);
        tasks.push({
          id: task.id, start: early.es[v] as number, end: early.ef[v] as number,
          at: { uri: token?.uri ?? task.entity.uri, span: token?.span ?? task.spans.assignees ?? task.entity.idSpan },
        });
      }
      return i;
    };
    const load: LoadWeek[] = weeks.map((w) => ({
      week: w.wk, demand: w.need * capacity, available: w.avail * capacity, leaveDays: w.leave, tasks: w.tasks.map(taskIndex),
    }));
    out.push(...overAllocationReports({
      id: person.id, capacity, tasks, weeks: load, definition: { uri: person.entity.uri, span: person.entity.idSpan },
    }));
  }
  return out;
}

/** The Monday of d's ISO week (the weekday arithmetic inline: this runs once per task and week). */
function mondayOf(d: Day): Day {
  return (d - ((((d + 4) % 7) + 7 + 6) % 7)) | 0;
}

/** Each task's assignee tokens (task id -> person id -> token), from the references the loader collected. */
function assigneeTokens(model: ProgramModel): Map<string, Map<string, { uri: string; span: Span }>> {
  const map = new Map<string, Map<string, { uri: string; span: Span }>>();
  for (const r of model.references) {
    if (r.field !== 'assignees' || r.from?.kind !== 'task') continue;
    let byPerson = map.get(r.from.id);
    if (!byPerson) { byPerson = new Map(); map.set(r.from.id, byPerson); }
    if (!byPerson.has(r.targetId)) byPerson.set(r.targetId, { uri: r.uri, span: r.span });
  }
  return map;
}

function mergeLeave(ranges: readonly DayRange[]): { from: Day; to: Day }[] {
  const sorted = ranges.filter((r) => r.from <= r.to).map((r) => ({ from: r.from, to: r.to })).sort((a, b) => a.from - b.from);
  const out: { from: Day; to: Day }[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.from <= last.to + 1) last.to = Math.max(last.to, r.to);
    else out.push(r);
  }
  return out;
}

/** Working days of the week starting `wk` that fall on leave. */
function leaveDays(leave: { from: Day; to: Day }[], wk: Day, cal: WorkCalendar): number {
  let lo = 0;
  let hi = leave.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((leave[mid]?.to as number) < wk) lo = mid + 1; else hi = mid;
  }
  let days = 0;
  for (let i = lo; i < leave.length; i++) {
    const r = leave[i] as { from: Day; to: Day };
    if (r.from > wk + 6) break;
    days += cal.workingDaysInclusive(Math.max(r.from, wk), Math.min(r.to, wk + 6));
  }
  return days;
}
