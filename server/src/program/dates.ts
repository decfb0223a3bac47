// Calendar dates as whole days since 1970-01-01 (UTC): the one date codec of
// every layer (core, view writers, the webview's Gantt). Pure integer arithmetic
// (proleptic Gregorian, any year), so there is no time-zone or DST surprise and
// no dependency on the host's Date parsing.
import type { Day } from './types.js';

/** Days from 1970-01-01 to the given civil date (month 1..12). */
export function dayFromCivil(year: number, month: number, dayOfMonth: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + dayOfMonth - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date of a day number. */
export function civilFromDay(day: Day): { year: number; month: number; day: number } {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d };
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (MONTH_DAYS[month - 1] ?? 0);
}

/** The day of a civil date (month 1..12); undefined unless it is a real one (no 2026-02-30). */
export function civilDay(year: number, month: number, dayOfMonth: number): Day | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(dayOfMonth)) return undefined;
  if (month < 1 || month > 12) return undefined;
  if (dayOfMonth < 1 || dayOfMonth > daysInMonth(year, month)) return undefined;
  return dayFromCivil(year, month, dayOfMonth);
}

/** True for `YYYY-MM-DD` text that names a real day (the schema's `format: date`). */
export function isCalendarDate(text: string): boolean {
  return parseDate(text) !== undefined;
}

/**
 * Parses `YYYY-MM-DD`; undefined unless it is a real calendar date (no 2026-02-30).
 * Hand-parsed, not a regular expression: the preview parses every date of
 * every task with this on the way to its first paint.
 */
export function parseDate(text: string): Day | undefined {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const dayOfMonth = digits(text, 8, 10);
  if (year < 0) return undefined;
  return civilDay(year, month, dayOfMonth);
}

/** The ASCII digits text[from..to) as a number; -1 if any is not a digit. */
function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

function pad(n: number, width: number): string {
  const s = String(Math.abs(n)).padStart(width, '0');
  return n < 0 ? `-${s}` : s;
}

/** `YYYY-MM-DD` (years outside 0..9999 get more digits or a sign). */
export function formatDate(day: Day): string {
  const c = civilFromDay(day);
  return `${pad(c.year, 4)}-${pad(c.month, 2)}-${pad(c.day, 2)}`;
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
export function weekday(day: Day): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The current UTC date. Only the CLI and the server's default status date call this. */
export function today(): Day {
  return Math.floor(Date.now() / 86_400_000);
}

/** The Monday of d's ISO week. */
export function mondayOf(d: Day): Day {
  return (d - ((weekday(d) + 6) % 7)) | 0;
}
