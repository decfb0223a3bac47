// Geometry and words of the Resources grid, without the DOM: column widths
// for a panel width, the month labels over the weeks, and what a cell says.
// Kept apart from the view so the rules can be read (and tested) on their own.
import type { ViewLoadRow, ViewResources } from '../../../server/src/view/resources-types.js';

/** Below this panel width (a side panel) the name column narrows. */
export const NARROW_PANEL = 720;
export const ROW_HEIGHT = 26;
export const HEAD_HEIGHT = 38;
const MIN_WEEK = 12;
const MAX_WEEK = 44;

export interface Columns {
  readonly nameWidth: number;
  readonly weekWidth: number;
  readonly width: number;
}

/** Weeks share what the name column leaves, between 12 and 44 px each: past that, the grid scrolls inside itself. */
export function columns(panelWidth: number, weeks: number): Columns {
  const nameWidth = panelWidth < NARROW_PANEL ? Math.max(110, Math.min(170, Math.round(panelWidth * 0.28))) : 220;
  const room = Math.max(0, panelWidth - nameWidth - 2);
  const weekWidth = Math.max(MIN_WEEK, Math.min(MAX_WEEK, Math.floor(room / Math.max(1, weeks))));
  return { nameWidth, weekWidth, width: nameWidth + weekWidth * weeks };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A label over the first week of each month (with the year in January and on the first), where it fits. */
export function monthLabels(weeks: readonly string[], weekWidth: number): { index: number; label: string }[] {
  const out: { index: number; label: string }[] = [];
  let lastMonth = '';
  let lastAt = -Infinity;
  weeks.forEach((w, i) => {
    const month = w.slice(0, 7);
    if (month === lastMonth) return;
    lastMonth = month;
    const m = Number(w.slice(5, 7)) - 1;
    const label = out.length === 0 || m === 0 ? `${MONTHS[m]} ${w.slice(0, 4)}` : (MONTHS[m] ?? '');
    // A label needs about 7 px a character; skip one that would run into the previous.
    if ((i - lastAt) * weekWidth < (out[out.length - 1]?.label.length ?? 0) * 7 + 6) return;
    out.push({ index: i, label });
    lastAt = i;
  });
  return out;
}

function num(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(2).replace(/0+$/, '').replace(/\.$/, '');
}

export function unitOf(row: ViewLoadRow): string {
  return row.kind === 'person' ? 'person-days' : 'unit-days';
}

export const STATE_WORDS = ['nothing planned', 'within availability', 'more than one task on a day (the week fits)', 'over-allocated'] as const;

/** What is available in a week, and why it is less than a full week. */
export function availabilityWords(res: ViewResources, row: ViewLoadRow, w: number): string {
  const why: string[] = [`${res.workingDays[w] ?? 0} working day${res.workingDays[w] === 1 ? '' : 's'}`];
  if ((res.holidays[w] ?? 0) > 0) why.push(`${res.holidays[w]} holiday${res.holidays[w] === 1 ? '' : 's'}`);
  if ((row.leave[w] ?? 0) > 0) why.push(`${row.leave[w]} on leave`);
  why.push(row.kind === 'person' ? `capacity ${num(row.capacity)}` : `${num(row.capacity)} unit${row.capacity === 1 ? '' : 's'}`);
  return `${num(row.available[w] ?? 0)} available (${why.join(', ')})`;
}

/** The one-line summary of a cell: for the tooltip and the details' heading. */
export function cellWords(res: ViewResources, row: ViewLoadRow, w: number): string {
  const peak = row.peak[w] ?? 0;
  const onDay = row.kind === 'person'
    ? (peak > 1 ? `; up to ${peak} tasks on one day` : '')
    : (peak > 0 ? `; up to ${num(peak)} unit${peak === 1 ? '' : 's'} on one day` : '');
  return `${num(row.demand[w] ?? 0)} ${unitOf(row)} asked, ${availabilityWords(res, row, w)}${onDay}: ${STATE_WORDS[row.state[w] ?? 0]}`;
}

/** The row's label: its name, and its id when the name differs. */
export function rowTitle(row: ViewLoadRow): string {
  return row.name && row.name !== row.id ? `${row.name} (${row.id})` : row.id;
}

/** The index of the week holding `date` (`YYYY-MM-DD`), or -1. */
export function weekIndexOf(weeks: readonly string[], date: string): number {
  for (let i = weeks.length - 1; i >= 0; i--) if ((weeks[i] as string) <= date) return date <= addDays(weeks[i] as string, 6) ? i : -1;
  return -1;
}

function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
