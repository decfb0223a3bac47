// Over-allocation, reported once per resource and per period: a run of
// consecutive over-allocated weeks is one problem ("alice has too much in
// these weeks"), not one warning per task and assignee. The input is plain
// per-week demand and availability with the tasks behind them, so any
// resource (a person today, a pool later) is reported the same way.
//
// Where: on the resource's token in the `assignees` of the period's first task
// (the one whose work starts first), so the warning sits where the overload
// begins, in the file where the work is planned; the other tasks and the
// resource's definition (capacity, leave) are its related information, one
// click away. Why: the tasks that overlap, and leave in the period; a
// part-time capacity is named beside the availability it shrinks.
import { formatDate } from './dates.js';
import type { DiagnosticCode } from './codes.js';
import { diagnostic } from './diagnostic.js';
import type { Day, Diagnostic, Location, RelatedInfo } from './types.js';

export interface LoadWeek {
  /** The Monday of the week. */
  readonly week: Day;
  /** What the tasks need, in person-days. */
  readonly demand: number;
  /** What the resource can give, in person-days. */
  readonly available: number;
  /** Working days of the week the resource is on leave. */
  readonly leaveDays: number;
  /** The tasks working in that week (indexes into ResourceLoad.tasks). */
  readonly tasks: readonly number[];
  /** Pools: the most units asked for on one day of the week, and the first such day. */
  readonly peak?: number;
  readonly peakDay?: Day;
}

export interface LoadTask {
  readonly id: string;
  /** Where the resource is named on the task (its `assignees` token). */
  readonly at: Location;
  /** Scheduled working span, inclusive. */
  readonly start: Day;
  readonly end: Day;
}

export interface ResourceLoad {
  readonly id: string;
  /** A person (the default) or a pool (capacity = its units; over when a day asks for more). */
  readonly kind?: 'person' | 'pool';
  /** Where the resource is defined, when it is. */
  readonly definition?: Location;
  /** Share of a full-time person (1 = full time). */
  readonly capacity: number;
  readonly tasks: readonly LoadTask[];
  /** The weeks whose demand exceeds availability, in any order. */
  readonly weeks: readonly LoadWeek[];
}

const MAX_LISTED = 5;

/**
 * formatDate, remembered: at 100,000 tasks the reports name the same few
 * thousand dates several hundred thousand times, and each new string is garbage
 * to collect or memory to keep.
 */
const dateTexts = new Map<Day, string>();
function dateText(day: Day): string {
  let text = dateTexts.get(day);
  if (text === undefined) {
    if (dateTexts.size >= 50_000) dateTexts.clear();
    text = formatDate(day);
    dateTexts.set(day, text);
  }
  return text;
}
const MAX_RELATED = 20;

/** One warning per run of consecutive over-allocated weeks. */
export function overAllocationReports(r: ResourceLoad, code: DiagnosticCode = 'over-allocation'): Diagnostic[] {
  const weeks = [...r.weeks].filter((w) => w.demand > w.available || (r.kind === 'pool' && (w.peak ?? 0) > r.capacity)).sort((a, b) => a.week - b.week);
  const out: Diagnostic[] = [];
  for (let i = 0; i < weeks.length;) {
    let j = i + 1;
    while (j < weeks.length && (weeks[j] as LoadWeek).week - (weeks[j - 1] as LoadWeek).week === 7) j++;
    const d = periodReport(r, weeks.slice(i, j), code);
    if (d) out.push(d);
    i = j;
  }
  return out;
}

function periodReport(r: ResourceLoad, run: LoadWeek[], code: DiagnosticCode): Diagnostic | undefined {
  const first = (run[0] as LoadWeek).week;
  const last = (run[run.length - 1] as LoadWeek).week;
  const periodEnd = last + 6;
  const taskSet = new Set<number>();
  let demand = 0;
  let available = 0;
  let leave = 0;
  for (const w of run) {
    demand += w.demand;
    available += w.available;
    leave += w.leaveDays;
    for (const t of w.tasks) taskSet.add(t);
  }
  // First the task whose work starts first in the period (then file order).
  const tasks = [...taskSet].filter((t) => r.tasks[t] !== undefined)
    .sort((a, b) => Math.max((r.tasks[a] as LoadTask).start, first) - Math.max((r.tasks[b] as LoadTask).start, first) || a - b)
    .map((t) => r.tasks[t] as LoadTask);
  const head = tasks[0];
  if (!head) return undefined;

  const reasons: string[] = [];
  const overlapping = overlaps(tasks, first, periodEnd);
  if (overlapping.length > 1) reasons.push(`overlapping tasks (${listOf(overlapping.map((t) => `\`${t.id}\``))})`);
  if (leave > 0) reasons.push(`leave (${leave} working day${leave === 1 ? '' : 's'})`);
  const when = run.length === 1 ? `the week of ${dateText(first)}` : `the weeks of ${dateText(first)} to ${dateText(last)}`;
  if (r.kind === 'pool') return poolReport(r, run, tasks, reasons, when, code);
  const partTime = r.capacity < 1 ? ` (part-time, capacity ${num(r.capacity)})` : '';
  const message = `\`${r.id}\` is over-allocated in ${when}${reasons.length > 0 ? ` because of ${reasons.join(' and ')}` : ''}: `
    + `${tasks.length} ${tasks.length === 1 ? 'task needs' : 'tasks need'} ${num(demand)} person-days, \`${r.id}\` can give ${num(available)}${partTime}.`;

  const related: RelatedInfo[] = tasks.slice(1, MAX_RELATED).map((t) => ({
    ...t.at, message: `\`${t.id}\` (${dateText(t.start)} → ${dateText(t.end)}) also needs \`${r.id}\` in this period`,
  }));
  if (r.definition) {
    const facts = [`capacity ${num(r.capacity)}`, ...(leave > 0 ? [`on leave ${leave} working day${leave === 1 ? '' : 's'} in this period`] : [])];
    related.push({ ...r.definition, message: `\`${r.id}\` is defined here: ${facts.join(', ')}` });
  }
  return diagnostic(code, head.at.uri, head.at.span, message, { related, data: { id: r.id } });
}

/** A pool is shared by the day: the message leads with the busiest day. */
function poolReport(r: ResourceLoad, run: LoadWeek[], tasks: LoadTask[], reasons: string[], when: string, code: DiagnosticCode): Diagnostic {
  const head = tasks[0] as LoadTask;
  let peak = 0;
  let day: Day | undefined;
  for (const w of run) if ((w.peak ?? 0) > peak) { peak = w.peak ?? 0; day = w.peakDay; }
  const unit = (n: number): string => `${num(n)} unit${n === 1 ? '' : 's'}`;
  const message = `Pool \`${r.id}\` is over-allocated in ${when}${reasons.length > 0 ? ` because of ${reasons.join(' and ')}` : ''}: `
    + `${tasks.length === 1 ? 'its task asks' : `${tasks.length} tasks ask`} for up to ${unit(peak)} on a day${day === undefined ? '' : ` (${dateText(day)})`}, \`${r.id}\` has ${num(r.capacity)}.`;
  const related: RelatedInfo[] = tasks.slice(1, MAX_RELATED).map((t) => ({
    ...t.at, message: `\`${t.id}\` (${dateText(t.start)} → ${dateText(t.end)}) also needs \`${r.id}\` in this period`,
  }));
  if (r.definition) related.push({ ...r.definition, message: `\`${r.id}\` is defined here: ${unit(r.capacity)}` });
  return diagnostic(code, head.at.uri, head.at.span, message, { related, data: { id: r.id } });
}

/** The tasks that share a working stretch with another task of the period (clipped to it). */
function overlaps(tasks: readonly LoadTask[], from: Day, to: Day): LoadTask[] {
  const clipped = tasks.map((t) => ({ t, s: Math.max(t.start, from), e: Math.min(t.end, to) })).sort((a, b) => a.s - b.s || a.e - b.e);
  const hit = new Set<LoadTask>();
  let reach = Number.NEGATIVE_INFINITY;
  let reacher: LoadTask | undefined;
  for (const c of clipped) {
    if (c.s <= reach && reacher) { hit.add(reacher); hit.add(c.t); }
    if (c.e > reach) { reach = c.e; reacher = c.t; }
  }
  return tasks.filter((t) => hit.has(t));
}

function listOf(items: string[]): string {
  const shown = items.length > MAX_LISTED ? [...items.slice(0, MAX_LISTED - 1), `${items.length - MAX_LISTED + 1} more`] : items;
  return shown.length <= 1 ? shown.join('') : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

export function num(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(2).replace(/0+$/, '').replace(/\.$/, '');
}
