import { test } from 'node:test';
import assert from 'node:assert/strict';
import { civilFromDay, dayFromCivil, formatDate, parseDate, today, weekday } from '../../server/src/program/dates.js';

void test('parseDate: epoch and known dates', () => {
  assert.equal(parseDate('1970-01-01'), 0);
  assert.equal(parseDate('1970-01-02'), 1);
  assert.equal(parseDate('1969-12-31'), -1);
  assert.equal(parseDate('2026-01-05'), Date.UTC(2026, 0, 5) / 86_400_000);
  assert.equal(parseDate('2000-02-29'), Date.UTC(2000, 1, 29) / 86_400_000);
});

void test('parseDate: strict, real calendar dates only', () => {
  for (const bad of ['2026-02-29', '2026-02-30', '2026-13-01', '2026-00-10', '2026-01-00', '2026-04-31',
    '1900-02-29', '2026-1-5', '26-01-05', '2026-01-05T00:00:00Z', ' 2026-01-05', '2026-01-05 ', '', 'tomorrow',
    '2026/01/05', '+2026-01-05']) {
    assert.equal(parseDate(bad), undefined, bad);
  }
  assert.notEqual(parseDate('2024-02-29'), undefined);
  assert.notEqual(parseDate('2000-02-29'), undefined);
});

void test('formatDate round-trips parseDate and matches Date for many days', () => {
  for (let d = -800_000; d <= 800_000; d += 37) {
    const iso = new Date(d * 86_400_000).toISOString().slice(0, 10);
    const text = formatDate(d);
    if (d >= -719_162 && d <= 2_932_896) assert.equal(text, iso, String(d)); // years 0001..9999
    if (d >= -719_528) assert.equal(parseDate(text), d, text);
  }
});

void test('civil conversion round-trips every day over four centuries', () => {
  for (let d = dayFromCivil(1899, 12, 1); d <= dayFromCivil(2301, 1, 31); d++) {
    const c = civilFromDay(d);
    assert.equal(dayFromCivil(c.year, c.month, c.day), d);
  }
});

void test('weekday: 0 = Sunday … 6 = Saturday, also before 1970', () => {
  assert.equal(weekday(0), 4); // 1970-01-01 Thursday
  assert.equal(weekday(parseDate('2026-01-05')!), 1); // Monday
  assert.equal(weekday(parseDate('2026-01-04')!), 0); // Sunday
  assert.equal(weekday(parseDate('2026-01-10')!), 6); // Saturday
  for (let d = -3000; d < 3000; d += 7) assert.equal(weekday(d), new Date(d * 86_400_000).getUTCDay());
  for (let d = -20; d < 20; d++) assert.equal(weekday(d), new Date(d * 86_400_000).getUTCDay());
});

void test('today is the current UTC day', () => {
  const t = today();
  const expected = Math.floor(Date.now() / 86_400_000);
  assert.ok(t === expected || t === expected - 1);
  assert.equal(formatDate(t), new Date(t * 86_400_000).toISOString().slice(0, 10));
});
