// Geometry of the Resources grid, without the DOM: column widths for a panel
// width, and the month labels over the weeks (the words are resources-words.ts).
// Kept apart from the view so the rules can be read (and tested) on their own.

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

/** The scale that fits a grid `width` px wide into `page` px (1 when it fits already; never below 0.4). */
export function printScale(width: number, page: number): number {
  return width <= page ? 1 : Math.max(0.4, Math.floor((page / width) * 1000) / 1000);
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
