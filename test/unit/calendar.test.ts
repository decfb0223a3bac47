import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCalendar } from '../../server/src/program/calendar.js';
import type { WorkCalendar } from '../../server/src/program/calendar.js';
import { formatDate, parseDate } from '../../server/src/program/dates.js';
import type { CalendarSpec, Day, DayRange, Duration } from '../../server/src/program/types.js';

const D = (s: string): Day => {
  const d = parseDate(s);
  if (d === undefined) throw new Error(`bad date ${s}`);
  return d;
};
const F = formatDate;
const range = (from: string, to: string = from): DayRange => ({ from: D(from), to: D(to) });
const dur = (amount: number, unit: 'd' | 'w'): Duration => ({ amount, unit, span: { start: 0, end: 0 } });

const MON_FRI = [1, 2, 3, 4, 5];

/** A day-by-day reference implementation, obviously right and slow. */
function naive(spec: CalendarSpec) {
  const isWorking = (d: Day): boolean =>
    spec.workdays.includes(new Date(d * 86_400_000).getUTCDay()) && !spec.holidays.some((h) => d >= h.from && d <= h.to);
  const next = (d: Day, k: number): Day => {
    let x = d;
    for (let i = 0; i < k; i++) { x++; while (!isWorking(x)) x++; }
    return x;
  };
  const prev = (d: Day, k: number): Day => {
    let x = d;
    for (let i = 0; i < k; i++) { x--; while (!isWorking(x)) x--; }
    return x;
  };
  const between = (a: Day, b: Day): number => {
    let n = 0;
    for (let x = Math.min(a, b); x < Math.max(a, b); x++) if (isWorking(x)) n++;
    return a <= b ? n : 0 - n || 0;
  };
  return { isWorking, next, prev, first: (d: Day) => (isWorking(d) ? d : next(d, 1)), between };
}

function compareWithNaive(spec: CalendarSpec, from: Day, to: Day, step = 1): void {
  const cal = createCalendar(spec);
  const ref = naive(spec);
  for (let d = from; d <= to; d += step) {
    assert.equal(cal.isWorkingDay(d), ref.isWorking(d), `isWorkingDay ${F(d)}`);
    assert.equal(cal.first(d), ref.first(d), `first ${F(d)}`);
    for (const k of [0, 1, 2, 3, 7, 12]) {
      assert.equal(F(cal.next(d, k)), F(ref.next(d, k)), `next(${F(d)}, ${k})`);
      assert.equal(F(cal.prev(d, k)), F(ref.prev(d, k)), `prev(${F(d)}, ${k})`);
    }
    for (const delta of [-9, -1, 0, 1, 4, 15]) {
      assert.equal(cal.workdaysBetween(d, d + delta), ref.between(d, d + delta), `between ${F(d)} +${delta}`);
    }
  }
}

void test('Mon–Fri: weekends are not working days', () => {
  const cal = createCalendar({ workdays: MON_FRI, holidays: [] });
  assert.equal(cal.daysPerWeek, 5);
  assert.equal(cal.isWorkingDay(D('2026-01-05')), true); // Monday
  assert.equal(cal.isWorkingDay(D('2026-01-09')), true); // Friday
  assert.equal(cal.isWorkingDay(D('2026-01-10')), false); // Saturday
  assert.equal(cal.isWorkingDay(D('2026-01-11')), false); // Sunday
  assert.equal(F(cal.next(D('2026-01-09'), 1)), '2026-01-12');
  assert.equal(F(cal.next(D('2026-01-05'), 4)), '2026-01-09');
  assert.equal(F(cal.next(D('2026-01-05'), 5)), '2026-01-12');
  assert.equal(F(cal.next(D('2026-01-10'), 0)), '2026-01-10'); // next(d, 0) = d, even on a weekend
  assert.equal(F(cal.next(D('2026-01-10'), 1)), '2026-01-12');
  assert.equal(F(cal.prev(D('2026-01-12'), 1)), '2026-01-09');
  assert.equal(F(cal.prev(D('2026-01-11'), 1)), '2026-01-09');
  assert.equal(F(cal.first(D('2026-01-10'))), '2026-01-12');
  assert.equal(F(cal.first(D('2026-01-07'))), '2026-01-07');
  assert.equal(F(cal.last(D('2026-01-11'))), '2026-01-09');
  assert.equal(cal.workdaysBetween(D('2026-01-05'), D('2026-01-12')), 5);
  assert.equal(cal.workdaysBetween(D('2026-01-12'), D('2026-01-05')), -5);
  assert.equal(cal.workingDaysIn(D('2026-01-09'), D('2026-01-12')), 1); // (Fri, Mon]
  assert.equal(cal.workingDaysInclusive(D('2026-01-05'), D('2026-01-16')), 10);
});

void test('single-date holidays, and a holiday on a weekend is not counted twice', () => {
  const cal = createCalendar({ workdays: MON_FRI, holidays: [range('2026-04-03'), range('2026-04-04')] });
  assert.equal(cal.isWorkingDay(D('2026-04-03')), false); // Good Friday
  assert.equal(F(cal.next(D('2026-04-02'), 1)), '2026-04-06');
  assert.equal(F(cal.prev(D('2026-04-06'), 1)), '2026-04-02');
  // Mon 03-30 .. Fri 04-10: 10 weekdays, 1 holiday on a weekday; the Saturday holiday changes nothing.
  assert.equal(cal.workingDaysInclusive(D('2026-03-30'), D('2026-04-10')), 9);
  assert.equal(cal.workdaysBetween(D('2026-03-30'), D('2026-04-13')), 9);
  assert.equal(F(cal.next(D('2026-03-30'), 9)), '2026-04-13');
});

void test('holiday ranges across a year end, overlapping and adjacent ranges', () => {
  const spec: CalendarSpec = {
    workdays: MON_FRI,
    holidays: [range('2026-12-24', '2027-01-01'), range('2026-12-28', '2026-12-30'), range('2027-01-02', '2027-01-04')],
  };
  const cal = createCalendar(spec);
  assert.equal(F(cal.next(D('2026-12-23'), 1)), '2027-01-05');
  assert.equal(F(cal.prev(D('2027-01-05'), 1)), '2026-12-23');
  assert.equal(F(cal.first(D('2026-12-25'))), '2027-01-05');
  assert.equal(F(cal.last(D('2027-01-04'))), '2026-12-23');
  assert.equal(cal.workdaysBetween(D('2026-12-21'), D('2027-01-08')), 3 + 3); // [Dec 21, Jan 8): 21-23 Dec, 5-7 Jan
  assert.equal(cal.holidays.length, 1); // merged into 2026-12-24 .. 2027-01-04
  compareWithNaive(spec, D('2026-11-20'), D('2027-02-10'));
});

void test('custom workdays Sun–Thu', () => {
  const spec: CalendarSpec = { workdays: [0, 1, 2, 3, 4], holidays: [range('2026-03-19', '2026-03-22')] };
  const cal = createCalendar(spec);
  assert.equal(cal.daysPerWeek, 5);
  assert.equal(cal.isWorkingDay(D('2026-01-04')), true); // Sunday
  assert.equal(cal.isWorkingDay(D('2026-01-09')), false); // Friday
  assert.equal(F(cal.next(D('2026-01-08'), 1)), '2026-01-11'); // Thu -> Sun
  compareWithNaive(spec, D('2026-02-01'), D('2026-05-01'));
});

void test('Mon–Sat: six-day weeks, 1w = 6d', () => {
  const spec: CalendarSpec = { workdays: [1, 2, 3, 4, 5, 6], holidays: [range('2026-05-25')] };
  const cal = createCalendar(spec);
  assert.equal(cal.daysPerWeek, 6);
  assert.equal(cal.durationDays(dur(1, 'w')), 6);
  assert.deepEqual(cal.wholeDays(dur(2, 'w')), { days: 12, exact: 12 });
  assert.equal(F(cal.next(D('2026-01-09'), 1)), '2026-01-10'); // Fri -> Sat
  assert.equal(F(cal.next(D('2026-01-10'), 1)), '2026-01-12'); // Sat -> Mon
  compareWithNaive(spec, D('2026-04-01'), D('2026-07-01'));
});

void test('durations: days, weeks, fractions and zero', () => {
  const cal = createCalendar({ workdays: MON_FRI, holidays: [] });
  assert.equal(cal.durationDays(dur(3, 'd')), 3);
  assert.equal(cal.durationDays(dur(2, 'w')), 10);
  assert.deepEqual(cal.wholeDays(dur(0.4, 'w')), { days: 2, exact: 2 });
  assert.deepEqual(cal.wholeDays(dur(0.5, 'w')), { days: 3, exact: 2.5, problem: 'not-whole' });
  assert.deepEqual(cal.wholeDays(dur(1.5, 'd')), { days: 2, exact: 1.5, problem: 'not-whole' });
  assert.deepEqual(cal.wholeDays(dur(0, 'd')), { days: 1, exact: 0, problem: 'too-short' });
  assert.deepEqual(cal.wholeDays(dur(0, 'd'), 0), { days: 0, exact: 0 }); // a lag may be 0
  const six = createCalendar({ workdays: [1, 2, 3, 4, 5, 6], holidays: [] });
  assert.deepEqual(six.wholeDays(dur(0.5, 'w')), { days: 3, exact: 3 });
});

void test('a calendar without workdays falls back to Mon–Fri and never hangs', () => {
  const cal = createCalendar({ workdays: [], holidays: [] });
  assert.equal(cal.hasWorkdays, false);
  assert.equal(cal.daysPerWeek, 5);
  assert.equal(F(cal.next(D('2026-01-09'), 1)), '2026-01-12');
});

void test('a long holiday range and far-away dates stay exact and fast', () => {
  const spec: CalendarSpec = { workdays: MON_FRI, holidays: [range('2030-01-01', '2039-12-31'), range('2026-05-25')] };
  const cal = createCalendar(spec);
  assert.equal(F(cal.next(D('2029-12-31'), 1)), '2040-01-02');
  assert.equal(F(cal.prev(D('2040-01-02'), 1)), '2029-12-31');
  // 100,000 working days ahead and back again, centuries away.
  const start = D('2026-01-05');
  const far = cal.next(start, 100_000);
  assert.equal(cal.prev(far, 100_000), start);
  assert.equal(cal.workdaysBetween(start, far), 100_000);
  assert.ok(far > D('2400-01-01'));
  const t0 = Date.now();
  for (let i = 0; i < 200_000; i++) cal.next(start + (i % 5000), 1 + (i % 40));
  assert.ok(Date.now() - t0 < 2000);
});

void test('property: matches a day-by-day implementation over many dates and calendars', () => {
  const specs: CalendarSpec[] = [
    { workdays: MON_FRI, holidays: [] },
    { workdays: MON_FRI, holidays: [range('2026-04-03'), range('2026-05-25'), range('2026-07-03'), range('2026-07-04')] },
    { workdays: [2, 4], holidays: [range('2026-03-03', '2026-03-12')] },
    { workdays: [6], holidays: [range('2026-02-07')] },
    { workdays: [0, 1, 2, 3, 4, 5, 6], holidays: [range('2026-01-10', '2026-01-20'), range('2026-01-21')] },
    { workdays: [1, 3, 5], holidays: [range('1969-12-25', '1970-01-05')] },
  ];
  for (const spec of specs) {
    compareWithNaive(spec, D('2025-12-01'), D('2026-03-31'));
  }
  compareWithNaive(specs[5]!, D('1969-11-01'), D('1970-02-15'));
});

void test('round trips: prev(next(d, k), k) = last(d), next(prev(d, k), k) = d', () => {
  const cal: WorkCalendar = createCalendar({ workdays: MON_FRI, holidays: [range('2026-04-03'), range('2026-12-24', '2027-01-01')] });
  for (let d = D('2026-01-01'); d < D('2027-03-01'); d++) {
    for (const k of [1, 2, 5, 30]) {
      const n = cal.next(d, k);
      assert.equal(cal.isWorkingDay(n), true);
      assert.equal(cal.workingDaysIn(d, n), k);
      assert.equal(cal.prev(n, k), cal.last(d)); // d itself when it is a working day
      if (cal.isWorkingDay(d)) {
        assert.equal(cal.prev(n, k), d);
        assert.equal(cal.next(cal.prev(d, k), k), d);
        assert.equal(cal.workdaysBetween(d, n), k);
      }
    }
  }
});
