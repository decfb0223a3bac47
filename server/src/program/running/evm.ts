// Earned value (program-format.md, "Earned value"): planned cost per task, the
// planned-value curve over working days, and the metrics at the status date,
// for the whole program or one workstream. Ratios whose divisor is 0 are null
// with a note saying why, never infinite.
import type { WorkCalendar } from '../calendar.js';
import { perObject } from '../memo.js';
import type { ProgramModel } from '../model.js';
import type { Schedule } from '../schedule.js';
import type { Day, Task } from '../types.js';

export interface Evm {
  readonly bac: number;
  readonly pv: number;
  readonly ev: number;
  readonly ac: number;
  readonly sv: number;
  readonly cv: number;
  readonly spi: number | null;
  readonly cpi: number | null;
  readonly eac: number | null;
  readonly etc: number | null;
  readonly vac: number | null;
  readonly tcpi: number | null;
  readonly es: number;
  readonly at: number;
  readonly spiT: number | null;
  readonly pvFrom: 'baseline' | 'current';
  /** Why each null metric is null. */
  readonly notes: string[];
}

/**
 * Planned cost of each task: its `cost`; otherwise the `planned` of the budget
 * lines naming its workstream, spread over that workstream's tasks without a
 * `cost` in proportion to their working days. Cancelled tasks plan nothing.
 */
export function plannedCosts(model: ProgramModel, schedule: Schedule): Map<string, number> {
  // Per (model, schedule): a report asks once for the program and once per workstream.
  return costsOf(model)(schedule);
}

const costsOf = perObject((model: ProgramModel) => perObject((schedule: Schedule) => computeCosts(model, schedule)));

function computeCosts(model: ProgramModel, schedule: Schedule): Map<string, number> {
  const out = new Map<string, number>();
  const pools = new Map<string, number>();
  for (const line of model.budgetLines) {
    if (line.workstream !== undefined && line.planned !== undefined && Number.isFinite(line.planned)) {
      pools.set(line.workstream, (pools.get(line.workstream) ?? 0) + line.planned);
    }
  }
  const spread = new Map<string, Task[]>();
  for (const t of model.tasks) {
    if (out.has(t.id)) continue;
    if (t.status === 'cancelled') out.set(t.id, 0);
    else if (t.cost !== undefined) out.set(t.id, t.cost);
    else {
      out.set(t.id, 0);
      const list = spread.get(t.workstreamId) ?? [];
      list.push(t);
      spread.set(t.workstreamId, list);
    }
  }
  for (const [ws, tasks] of spread) {
    const pool = pools.get(ws);
    if (!pool) continue;
    const days = tasks.map((t) => schedule.items.get(t.id)?.durationDays ?? 0);
    const total = days.reduce((a, b) => a + b, 0);
    if (total <= 0) continue;
    tasks.forEach((t, i) => out.set(t.id, (pool * (days[i] as number)) / total));
  }
  return out;
}

/** The tasks (first of each id) of each workstream, and of the whole program under `undefined`. */
const taskGroups = perObject((model: ProgramModel): Map<string | undefined, Task[]> => {
  const groups = new Map<string | undefined, Task[]>();
  const all: Task[] = [];
  const seen = new Set<string>();
  for (const t of model.tasks) {
    if (seen.has(t.id)) continue;
    seen.add(t.id);
    all.push(t);
    const list = groups.get(t.workstreamId) ?? [];
    list.push(t);
    groups.set(t.workstreamId, list);
  }
  groups.set(undefined, all);
  return groups;
});

/** The tasks (first of each id) of one workstream, or of the whole program for `undefined`. */
function tasksIn(model: ProgramModel, workstream: string | undefined): Task[] {
  return taskGroups(model).get(workstream) ?? [];
}

/** Share of a task's work that is earned: done 100%, not started 0, else its progress. */
export function earnedShare(t: Task): number {
  if (t.status === 'done') return 1;
  if (t.status === 'not-started' || t.status === 'cancelled') return 0;
  return (t.progress ?? 0) / 100;
}

/**
 * Cumulative planned value by working day: curve[n] is the planned cost of
 * working days 1..n counted from `origin` (day 1 is the first working day on
 * or after it), each task's cost spread evenly over its working days.
 */
export function plannedValueCurve(
  schedule: Schedule, costs: ReadonlyMap<string, number>, cal: WorkCalendar, origin: Day, taskIds: Iterable<string>,
): Float64Array {
  const spans: { from: number; days: number; perDay: number }[] = [];
  let last = 0;
  for (const id of taskIds) {
    const cost = costs.get(id) ?? 0;
    if (cost <= 0) continue;
    const it = schedule.items.get(id);
    if (!it || it.kind !== 'task' || it.start === null || it.end === null) continue;
    const days = cal.workingDaysInclusive(it.start, it.end);
    if (days <= 0) continue;
    const from = Math.max(1, cal.workingDaysInclusive(origin, it.start));
    spans.push({ from, days, perDay: cost / days });
    last = Math.max(last, from + days - 1);
  }
  const delta = new Float64Array(last + 2);
  for (const s of spans) {
    delta[s.from] = (delta[s.from] as number) + s.perDay;
    delta[s.from + s.days] = (delta[s.from + s.days] as number) - s.perDay;
  }
  const curve = new Float64Array(last + 1);
  let rate = 0;
  let sum = 0;
  for (let n = 1; n <= last; n++) {
    rate += delta[n] as number;
    sum += rate;
    curve[n] = sum;
  }
  return curve;
}

/** Planned value through working day `n` (the curve is flat after its end). */
function valueAt(curve: Float64Array, n: number): number {
  if (n <= 0 || curve.length === 0) return 0;
  return curve[Math.min(n, curve.length - 1)] as number;
}

/** The working day (fractional, linear between days) at which the curve reaches `ev`. */
export function earnedSchedule(curve: Float64Array, ev: number): number {
  if (ev <= 0 || curve.length <= 1) return 0;
  let lo = 1;
  let hi = curve.length - 1;
  if ((curve[hi] as number) < ev) return hi; // more earned than was ever planned: the plan's whole length
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((curve[mid] as number) >= ev) hi = mid;
    else lo = mid + 1;
  }
  const before = curve[lo - 1] as number;
  const at = curve[lo] as number;
  return lo - 1 + (at > before ? (ev - before) / (at - before) : 1);
}

export interface EvmInput {
  readonly current: { readonly model: ProgramModel; readonly schedule: Schedule };
  /** The baseline: PV (and earned schedule) then come from its schedule and costs. */
  readonly baseline?: { readonly model: ProgramModel; readonly schedule: Schedule };
  readonly statusDate: Day;
  /** Restrict to one workstream's tasks and budget lines. */
  readonly workstream?: string;
}

export function computeEvm(input: EvmInput): Evm {
  const { current, baseline, statusDate, workstream } = input;
  const cal = current.schedule.calendar;
  const origin = current.schedule.programStart ?? cal.first(current.model.program?.start ?? statusDate);
  const nowCosts = plannedCosts(current.model, current.schedule);
  const nowTasks = tasksIn(current.model, workstream);
  let bac = 0;
  let ev = 0;
  for (const t of nowTasks) {
    const c = nowCosts.get(t.id) ?? 0;
    bac += c;
    ev += c * earnedShare(t);
  }
  let ac = 0;
  for (const line of current.model.budgetLines) {
    if (line.workstream === undefined || (workstream !== undefined && line.workstream !== workstream)) continue;
    if (line.actual !== undefined && Number.isFinite(line.actual)) ac += line.actual;
  }
  const pvSource = baseline ?? current;
  const pvCosts = baseline ? plannedCosts(baseline.model, baseline.schedule) : nowCosts;
  const ids = (baseline ? tasksIn(baseline.model, workstream) : nowTasks).map((t) => t.id);
  const curve = plannedValueCurve(pvSource.schedule, pvCosts, cal, origin, ids);
  const at = statusDate < origin ? 0 : cal.workingDaysInclusive(origin, statusDate);
  const pv = valueAt(curve, at);
  const es = earnedSchedule(curve, ev);

  const notes: string[] = [];
  const ratio = (name: string, num: number, den: number, why: string): number | null => {
    if (den === 0 || !Number.isFinite(den)) {
      notes.push(`${name} is null: ${why}.`);
      return null;
    }
    return num / den;
  };
  const spi = ratio('SPI', ev, pv, 'no value was planned by the status date (PV = 0)');
  const cpi = ratio('CPI', ev, ac, 'no actual cost is recorded (AC = 0)');
  let eac: number | null = null;
  if (cpi === null) notes.push('EAC, ETC and VAC are null: they need CPI.');
  else eac = ratio('EAC', bac, cpi, 'nothing is earned yet (CPI = 0)');
  const tcpi = ratio('TCPI', bac - ev, bac - ac, 'the actual cost equals the budget at completion (BAC − AC = 0)');
  const spiT = ratio('SPI(t)', es, at, 'the status date is before the program start (AT = 0)');
  return {
    bac, pv, ev, ac, sv: ev - pv, cv: ev - ac, spi, cpi, eac,
    etc: eac === null ? null : eac - ac,
    vac: eac === null ? null : bac - eac,
    tcpi, es, at, spiT, pvFrom: baseline ? 'baseline' : 'current', notes,
  };
}
