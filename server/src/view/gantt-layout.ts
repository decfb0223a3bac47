// The Gantt's layout, shared by the preview (which draws it virtualised) and
// the static SVG export (which draws all of it): rows, day <-> pixel scale and
// the time-scale ticks. Dates in the view model are `YYYY-MM-DD`; the layout
// works in whole days since 1970-01-01 (UTC), so positions are integer math.
// Dates are read and written only with the core's one codec (dates.ts): no
// second parser here, and no host `Date` (whose Date.UTC reads the years 0-99
// as 1900-1999).
// x(day) is the left edge of that day, so a task from `start` to `end`
// (inclusive) spans x(start)..x(end + 1).
import { civilFromDay, dayFromCivil, formatDate, parseDate, weekday } from '../program/dates.js';
import type { ViewMilestone, ViewModel, ViewTask, ViewWorkstream, Zoom } from './view-model.js';

export { weekday };
export type { Zoom };

/** The day number of a view-model date; null when there is none (or it is not `YYYY-MM-DD`). */
export function toDay(date: string | null | undefined): number | null {
  return date ? (parseDate(date) ?? null) : null;
}

export function formatDay(day: number): string {
  return formatDate(day);
}

/** The first day of month `m` (0-based, may run past 11) of year `y`. */
function monthStart(y: number, m: number): number {
  return dayFromCivil(y + Math.floor(m / 12), (((m % 12) + 12) % 12) + 1, 1);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export function monthName(month: number): string {
  return MONTHS[month] ?? '';
}

export const PX_PER_DAY: Readonly<Record<Zoom, number>> = { day: 24, week: 8, month: 2.5, quarter: 0.9 };

export interface Scale {
  /** First day drawn (a Monday, so week ticks line up). */
  readonly origin: number;
  /** Day after the last day drawn. */
  readonly end: number;
  readonly pxPerDay: number;
  readonly width: number;
  x(day: number): number;
  /** The day under a pixel (for tests and tooltips). */
  dayAt(x: number): number;
}

export function makeScale(vm: ViewModel, zoom: Zoom): Scale {
  // `YYYY-MM-DD` strings sort as dates: compare strings, convert only the extremes.
  let lo: string | null = null;
  let hi: string | null = null;
  const see = (d: string | null | undefined): void => {
    if (!d || d.length !== 10 || d.charCodeAt(4) !== 45) return;
    if (lo === null || d < lo) lo = d;
    if (hi === null || d > hi) hi = d;
  };
  see(vm.program.start);
  see(vm.program.finish);
  see(vm.program.statusDate);
  for (const t of vm.tasks) { see(t.start); see(t.end); }
  for (const m of vm.milestones) { see(m.date); see(m.target); }
  let min = toDay(lo) ?? Infinity;
  let max = toDay(hi) ?? -Infinity;
  if (!Number.isFinite(min)) { min = toDay(vm.program.statusDate) ?? 0; max = min + 30; }
  // A week of margin before, two after, so arrows and the last diamond have room.
  let origin = min - 7;
  origin -= (weekday(origin) + 6) % 7; // back to Monday
  const end = max + 15;
  const pxPerDay = PX_PER_DAY[zoom];
  return {
    origin, end, pxPerDay, width: Math.ceil((end - origin) * pxPerDay),
    x: (day) => (day - origin) * pxPerDay,
    dayAt: (x) => Math.floor(x / pxPerDay) + origin,
  };
}

export const MILESTONES_GROUP = '#milestones';
export const UNASSIGNED_GROUP = '#unassigned';

export type Row =
  | { kind: 'group'; id: string; label: string; ws: ViewWorkstream | null; collapsed: boolean; count: number; critical: boolean }
  | { kind: 'task'; id: string; task: ViewTask; group: string }
  | { kind: 'milestone'; id: string; milestone: ViewMilestone; group: string };

export interface RowSet {
  readonly rows: Row[];
  /** Row index by item id (tasks, milestones, and workstream ids for their header). */
  readonly index: Map<string, number>;
  /** The group holding each task or milestone, visible or not. */
  readonly groupOf: Map<string, string>;
}

export function buildRows(vm: ViewModel, collapsed: ReadonlySet<string>, criticalOnly: boolean): RowSet {
  const rows: Row[] = [];
  const index = new Map<string, number>();
  const groupOf = new Map<string, string>();
  const keepTask = (t: ViewTask): boolean => !criticalOnly || t.critical;

  const milestones = vm.milestones.filter((m) => !criticalOnly || m.critical);
  if (milestones.length > 0) {
    const isCollapsed = collapsed.has(MILESTONES_GROUP);
    rows.push({ kind: 'group', id: MILESTONES_GROUP, label: 'Milestones', ws: null, collapsed: isCollapsed, count: milestones.length, critical: milestones.some((m) => m.critical) });
    for (const m of milestones) {
      groupOf.set(m.id, MILESTONES_GROUP);
      if (isCollapsed) continue;
      index.set(m.id, rows.length);
      rows.push({ kind: 'milestone', id: m.id, milestone: m, group: MILESTONES_GROUP });
    }
  }

  // Tasks not placed yet: a task leaves the map when its workstream takes it (one map, no "placed" set beside it).
  const taskById = new Map<string, ViewTask>();
  for (const t of vm.tasks) taskById.set(t.id, t);
  const addGroup = (id: string, label: string, ws: ViewWorkstream | null, tasks: ViewTask[]): void => {
    const kept = tasks.filter(keepTask);
    if (kept.length === 0 && (criticalOnly || ws === null)) return;
    const isCollapsed = collapsed.has(id);
    index.set(id, rows.length);
    rows.push({ kind: 'group', id, label, ws, collapsed: isCollapsed, count: kept.length, critical: ws?.critical ?? kept.some((t) => t.critical) });
    for (const t of kept) {
      groupOf.set(t.id, id);
      if (isCollapsed) continue;
      index.set(t.id, rows.length);
      rows.push({ kind: 'task', id: t.id, task: t, group: id });
    }
  };
  for (const ws of vm.workstreams) {
    const tasks: ViewTask[] = [];
    for (const id of ws.taskIds) {
      const t = taskById.get(id);
      if (t) { tasks.push(t); taskById.delete(id); }
    }
    addGroup(ws.id, ws.name ?? ws.id, ws, tasks);
  }
  const rest = taskById.size === 0 ? [] : vm.tasks.filter((t) => taskById.has(t.id));
  addGroup(UNASSIGNED_GROUP, 'No workstream', null, rest);
  return { rows, index, groupOf };
}

export interface Tick {
  /** First day of the interval. */
  readonly day: number;
  /** Day after the interval. */
  readonly endDay: number;
  readonly label: string;
}

/** The two tiers of the time scale at a zoom: a coarse upper tier and a finer lower one. */
export function timeTicks(scale: Scale, zoom: Zoom): { upper: Tick[]; lower: Tick[] } {
  const months = monthTicks(scale, (y, m) => (zoom === 'day' || zoom === 'week' ? `${monthName(m)} ${y}` : monthName(m)));
  const years = yearTicks(scale);
  if (zoom === 'day') return { upper: months, lower: rangeTicks(scale, 1, (d) => String(civilFromDay(d).day)) };
  if (zoom === 'week') return { upper: months, lower: rangeTicks(scale, 7, (d) => String(civilFromDay(d).day)) };
  if (zoom === 'month') return { upper: years, lower: months };
  const quarters = monthTicks(scale, (_y, m) => `Q${Math.floor(m / 3) + 1}`, 3);
  return { upper: years, lower: quarters };
}

/** At most this many ticks per tier: the scale of a decade-long file stays bounded. */
const MAX_TICKS = 5000;

function rangeTicks(scale: Scale, step: number, label: (day: number) => string): Tick[] {
  const ticks: Tick[] = [];
  for (let d = scale.origin; d < scale.end && ticks.length < MAX_TICKS; d += step) ticks.push({ day: d, endDay: d + step, label: label(d) });
  return ticks;
}

function monthTicks(scale: Scale, label: (year: number, month: number) => string, every = 1): Tick[] {
  const ticks: Tick[] = [];
  const first = civilFromDay(scale.origin);
  let y = first.year;
  let m = first.month - 1 - ((first.month - 1) % every);
  while (ticks.length < MAX_TICKS) {
    const day = monthStart(y, m);
    if (day >= scale.end) break;
    const next = monthStart(y, m + every);
    ticks.push({ day: Math.max(day, scale.origin), endDay: Math.min(next, scale.end), label: label(y, m) });
    m += every;
    if (m >= 12) { m -= 12; y++; }
  }
  return ticks;
}

function yearTicks(scale: Scale): Tick[] {
  const ticks: Tick[] = [];
  for (let y = civilFromDay(scale.origin).year; ticks.length < MAX_TICKS; y++) {
    const day = monthStart(y, 0);
    if (day >= scale.end) break;
    ticks.push({ day: Math.max(day, scale.origin), endDay: Math.min(monthStart(y + 1, 0), scale.end), label: String(y) });
  }
  return ticks;
}

/** Non-working days to shade: holidays as day ranges (weekends are a repeating pattern). */
export function holidayRanges(vm: ViewModel): { from: number; to: number; name: string | null }[] {
  const out: { from: number; to: number; name: string | null }[] = [];
  for (const h of vm.program.calendar.holidays) {
    const from = toDay(h.from);
    const to = toDay(h.to);
    if (from !== null && to !== null && to >= from) out.push({ from, to, name: h.name });
  }
  return out;
}

const WEEKDAY_CODES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
/** Weekdays (0 = Sunday) that are not worked. */
export function offWeekdays(vm: ViewModel): number[] {
  const worked = new Set(vm.program.calendar.workdays);
  return WEEKDAY_CODES.map((c, i) => (worked.has(c) ? -1 : i)).filter((i) => i >= 0);
}

export const ROW_HEIGHT = 24;
export const BAR_HEIGHT = 14;
export const HEADER_HEIGHT = 40;
export const LABEL_WIDTH = 260;

/** Where a row's item sits: left and right x, and its vertical centre. */
export interface Box {
  readonly x1: number;
  readonly x2: number;
  readonly y: number;
}

/** The horizontal extent of a row's bar, diamond or summary; null when it has no dates. */
export function rowBox(row: Row, scale: Scale, rowIndex: number): Box | null {
  const y = rowIndex * ROW_HEIGHT + ROW_HEIGHT / 2;
  if (row.kind === 'milestone') {
    const d = toDay(row.milestone.date);
    if (d === null) return null;
    // A milestone is reached at the end of its day; the diamond is centred there.
    const x = scale.x(d + 1);
    return { x1: x - 6, x2: x + 6, y };
  }
  const start = row.kind === 'task' ? row.task.start : row.ws?.start;
  const end = row.kind === 'task' ? row.task.end : row.ws?.end;
  const s = toDay(start);
  const e = toDay(end);
  if (s === null || e === null) return null;
  return { x1: scale.x(s), x2: scale.x(Math.max(e, s - 1) + 1), y };
}

/**
 * The mark of a cancelled task (it takes no time, so it has no bar): a cross
 * at its start day, `r` pixels from the centre to a corner.
 */
export function cancelMarkPath(x: number, y: number, r = 4): string {
  return `M${x - r},${y - r}L${x + r},${y + r}M${x - r},${y + r}L${x + r},${y - r}`;
}

/** Gap an arrow keeps from the bars it joins before turning. */
const ARROW_GAP = 6;

/**
 * The elbow path of a dependency arrow: FS leaves the predecessor's end and
 * enters the successor's start, SS start → start, FF end → end, SF start → end.
 */
export function arrowPath(type: string, from: Box, to: Box): string {
  const leavesEnd = type !== 'SS' && type !== 'SF';
  const entersStart = type !== 'FF' && type !== 'SF';
  const sx = leavesEnd ? from.x2 : from.x1;
  const tx = entersStart ? to.x1 : to.x2;
  const out = leavesEnd ? ARROW_GAP : -ARROW_GAP;
  const inn = entersStart ? -ARROW_GAP : ARROW_GAP;
  const p1 = sx + out;
  const p3 = tx + inn;
  const r = (n: number): string => String(Math.round(n * 10) / 10);
  // Straight elbow when the turn point lies on the right side of the target.
  if (entersStart ? p1 <= p3 : p1 >= p3) {
    const xm = entersStart ? Math.max(p1, sx) : Math.min(p1, sx);
    return `M${r(sx)},${r(from.y)}H${r(entersStart ? Math.min(xm, p3) : Math.max(xm, p3))}V${r(to.y)}H${r(tx)}`;
  }
  const ymid = to.y + (to.y >= from.y ? -ROW_HEIGHT / 2 : ROW_HEIGHT / 2);
  return `M${r(sx)},${r(from.y)}H${r(p1)}V${r(ymid)}H${r(p3)}V${r(to.y)}H${r(tx)}`;
}
