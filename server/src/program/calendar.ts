// Working-day arithmetic over an unbounded date range.
//
// Everything is built on one monotone counting function
//   N(d) = number of working days in [ORIGIN, d)   (signed, ORIGIN = day 0)
// which is computed in O(log holidays): whole weeks times workdays-per-week,
// plus a per-weekday table for the partial week, minus the holidays (merged
// into disjoint ranges, with prefix counts of the holiday days that fall on
// workdays, so a holiday on a weekend is never counted twice).
// `next`, `prev` and `first` invert N with one binary search over the holiday
// ranges and closed-form week arithmetic, so there is no day-by-day loop and
// no table over a fixed window: a chain of 100,000 tasks may span centuries.
import type { CalendarSpec, Day, DayRange, Duration } from './types.js';

export const DEFAULT_WORKDAYS: readonly number[] = [1, 2, 3, 4, 5];

/** A duration converted to working days. */
export interface DurationDays {
  /** Whole working days to schedule with: the exact value rounded up, at least the minimum. */
  readonly days: number;
  /** The exact value (a week is `daysPerWeek` days), possibly fractional. */
  readonly exact: number;
  /** Set when the exact value is not a whole number or is below the minimum. */
  readonly problem?: 'not-whole' | 'too-short';
}

export interface WorkCalendar {
  /** Worked weekdays (0 = Sunday … 6 = Saturday), sorted; Mon–Fri when the spec had none. */
  readonly workdays: readonly number[];
  /** False when the spec named no workdays at all and Mon–Fri was used instead. */
  readonly hasWorkdays: boolean;
  /** Workdays per week: 5 for Mon–Fri, 6 for Mon–Sat. */
  readonly daysPerWeek: number;
  /** Holiday ranges, sorted and merged. */
  readonly holidays: readonly DayRange[];
  isWorkingDay(d: Day): boolean;
  /** The k-th working day after d; next(d, 0) = d. A negative k goes backwards. */
  next(d: Day, k: number): Day;
  /** The k-th working day before d; prev(d, 0) = d. */
  prev(d: Day, k: number): Day;
  /** d if it is a working day, else the next working day. */
  first(d: Day): Day;
  /** d if it is a working day, else the previous working day. */
  last(d: Day): Day;
  /** Working days in [a, b) when a <= b, minus the working days in [b, a) otherwise. */
  workdaysBetween(a: Day, b: Day): number;
  /** Working days in the half-open range (a, b]; 0 when b <= a. */
  workingDaysIn(a: Day, b: Day): number;
  /** Working days in the closed range [a, b]; 0 when b < a. */
  workingDaysInclusive(a: Day, b: Day): number;
  /** Exact days of a duration: d → amount, w → amount × daysPerWeek. */
  durationDays(duration: Duration): number;
  /** A duration as whole working days, with a problem when it is fractional or below `minimum`. */
  wholeDays(duration: Duration, minimum?: number): DurationDays;
}

const EPSILON = 1e-9;

function weekdayOf(d: Day): number {
  return (((d + 4) % 7) + 7) % 7;
}

/** Sorts and merges holiday ranges (overlapping or adjacent ranges become one). */
function mergeRanges(ranges: readonly DayRange[]): DayRange[] {
  const valid = ranges
    .filter((r) => Number.isFinite(r.from) && Number.isFinite(r.to) && r.from <= r.to)
    .map((r) => ({ from: Math.floor(r.from), to: Math.floor(r.to) }))
    .sort((a, b) => a.from - b.from || a.to - b.to);
  const out: { from: number; to: number }[] = [];
  for (const r of valid) {
    const lastRange = out[out.length - 1];
    if (lastRange && r.from <= lastRange.to + 1) {
      if (r.to > lastRange.to) lastRange.to = r.to;
    } else {
      out.push({ from: r.from, to: r.to });
    }
  }
  return out;
}

export function createCalendar(spec: CalendarSpec): WorkCalendar {
  const requested = [...new Set(spec.workdays.filter((w) => Number.isInteger(w) && w >= 0 && w <= 6))].sort();
  const hasWorkdays = requested.length > 0;
  const workdays = hasWorkdays ? requested : [...DEFAULT_WORKDAYS];
  const worked: boolean[] = [0, 1, 2, 3, 4, 5, 6].map((w) => workdays.includes(w));
  const perWeek = workdays.length;

  // P[r]: worked weekdays among the offsets [0, r) of a week that starts on day 0 (a Thursday).
  const P: number[] = [0];
  for (let r = 0; r < 7; r++) P.push((P[r] ?? 0) + (worked[weekdayOf(r)] ? 1 : 0));
  // R[k]: the smallest r with P[r] >= k, for k = 1..perWeek.
  const R: number[] = [0];
  for (let k = 1; k <= perWeek; k++) {
    let r = 0;
    while ((P[r] ?? 0) < k) r++;
    R.push(r);
  }

  /** Worked weekdays (ignoring holidays) in [0, y), signed. */
  const C = (y: Day): number => {
    const w = Math.floor(y / 7);
    return w * perWeek + (P[y - w * 7] ?? 0);
  };
  /** The smallest y with C(y) >= t. */
  const Cinv = (t: number): Day => {
    const w = Math.floor((t - 1) / perWeek);
    return w * 7 + (R[t - w * perWeek] ?? 0);
  };

  const holidays = mergeRanges(spec.holidays);
  const hFrom = holidays.map((h) => h.from);
  const hTo = holidays.map((h) => h.to);
  // prefix[i]: worked-weekday holiday days in ranges 0..i-1.
  const prefix: number[] = [0];
  for (let i = 0; i < holidays.length; i++) {
    prefix.push((prefix[i] ?? 0) + C((hTo[i] ?? 0) + 1) - C(hFrom[i] ?? 0));
  }
  // N at the (exclusive) end of each range: monotone, searched by the inverse.
  const nAtEnd = holidays.map((_, i) => C((hTo[i] ?? 0) + 1) - (prefix[i + 1] ?? 0));

  /** The last range index i with from_i <= d, or -1. */
  const rangeAtOrBefore = (d: Day): number => {
    let lo = 0;
    let hi = hFrom.length - 1;
    let ans = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((hFrom[mid] ?? 0) <= d) { ans = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return ans;
  };

  const isHoliday = (d: Day): boolean => {
    const i = rangeAtOrBefore(d);
    return i >= 0 && d <= (hTo[i] ?? 0);
  };

  /** Working days in [0, y), signed. */
  const N = (y: Day): number => {
    const i = rangeAtOrBefore(y - 1);
    if (i < 0) return C(y);
    const end = Math.min(y, (hTo[i] ?? 0) + 1);
    return C(y) - (prefix[i] ?? 0) - (C(end) - C(hFrom[i] ?? 0));
  };

  /** The smallest y with N(y) >= t. */
  const Ninv = (t: number): Day => {
    // The last range j whose end count is still below t: the answer lies in the gap after it.
    let lo = 0;
    let hi = nAtEnd.length - 1;
    let j = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((nAtEnd[mid] ?? 0) < t) { j = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return Cinv(t + (prefix[j + 1] ?? 0));
  };

  const isWorkingDay = (d: Day): boolean => (worked[weekdayOf(d)] ?? false) && !isHoliday(d);

  const next = (d: Day, k: number): Day => {
    const steps = Math.trunc(k);
    if (steps === 0) return d;
    if (steps < 0) return prev(d, -steps);
    return Ninv(N(d + 1) + steps) - 1;
  };
  const prev = (d: Day, k: number): Day => {
    const steps = Math.trunc(k);
    if (steps === 0) return d;
    if (steps < 0) return next(d, -steps);
    return Ninv(N(d) - steps + 1) - 1;
  };

  const durationDays = (duration: Duration): number =>
    duration.unit === 'w' ? duration.amount * perWeek : duration.amount;

  return {
    workdays,
    hasWorkdays,
    daysPerWeek: perWeek,
    holidays,
    isWorkingDay,
    next,
    prev,
    first: (d) => (isWorkingDay(d) ? d : next(d, 1)),
    last: (d) => (isWorkingDay(d) ? d : prev(d, 1)),
    workdaysBetween: (a, b) => N(b) - N(a),
    workingDaysIn: (a, b) => (b > a ? N(b + 1) - N(a + 1) : 0),
    workingDaysInclusive: (a, b) => (b >= a ? N(b + 1) - N(a) : 0),
    durationDays,
    wholeDays(duration, minimum = 1) {
      const exact = durationDays(duration);
      if (!Number.isFinite(exact)) return { days: minimum, exact, problem: 'not-whole' };
      const rounded = Math.round(exact);
      const whole = Math.abs(exact - rounded) < EPSILON;
      const days = Math.max(minimum, whole ? rounded : Math.ceil(exact));
      if (!whole) return { days, exact, problem: 'not-whole' };
      if (rounded < minimum) return { days, exact, problem: 'too-short' };
      return { days, exact };
    },
  };
}
