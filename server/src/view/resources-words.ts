// What a week of the load view says, in words: the Resources tab's tooltips
// and details, and the Markdown export's list. Pure (view types only).
import type { ViewLoadRow, ViewResources } from './resources-types.js';

export function num(x: number): string {
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

