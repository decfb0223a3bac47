// Messages that name the likely intent (server/src/program/intent-hints.ts):
// for each mistake, the whole list of diagnostics the user gets, with text,
// code, severity and the text its range covers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeProgram } from '../../server/src/program/analyze.js';
import { dateIntent, durationIntent, keyIntent } from '../../server/src/program/intent-hints.js';
import { lines, programFromYaml, spanText } from '../helpers/program.js';

const TODAY = Date.UTC(2026, 0, 5) / 86_400_000;

function check(body: string[]): [string, string, string, string][] {
  const text = lines(
    'version: 1',
    'program: { id: p, name: P, start: 2026-01-05 }',
    'people:',
    '  - { id: alice, name: Alice }',
    'workstreams:',
    '  - id: w',
    '    name: W',
    '    tasks:',
    '      - { id: a, name: A, duration: 5d }',
    ...body,
  );
  return analyzeProgram(programFromYaml(text), { today: TODAY }).diagnostics.map((d) => [d.code, d.severity, spanText(text, d.span), d.message]);
}

const task = (extra: string) => [`      - { id: t, name: T, ${extra} }`];

const CASES: [string, string[], [string, string, string, string][]][] = [
  ['a lead (negative lag)', task('duration: 5d, depends_on: [{ id: a, lag: -2d }]'), [
    ['invalid-duration', 'error', '-2d', '`-2d` is a lead (a negative lag), which is not supported: a lag only delays. To start before the predecessor ends, use `type: SS` with a lag counted from its start (e.g. `{ id: …, type: SS, lag: 3d }`), or split the predecessor and depend on its first part.'],
  ]],
  ['`owner` on a task', task('duration: 5d, owner: alice'), [
    ['unknown-key', 'error', 'owner', 'Unknown key `owner` in task `t`: tasks take `assignees`, a list of people (`assignees: [alice]`); the `owner` belongs to the workstream.'],
  ]],
  ['`assignee` on a task', task('duration: 5d, assignee: alice'), [
    ['unknown-key', 'error', 'assignee', 'Unknown key `assignee` in task `t`: tasks take `assignees`, a list of people: `assignees: [alice]`.'],
  ]],
  ['one assignee without brackets', task('duration: 5d, assignees: alice'), [
    ['wrong-type', 'error', 'alice', '`assignees` in task `t` should be a list, not text `alice`. Write `[alice]`.'],
  ]],
  ...['dependencies', 'depends-on', 'deps'].map((key): [string, string[], [string, string, string, string][]] => [`\`${key}\` on a task`, task(`duration: 5d, ${key}: [a]`), [
    ['unknown-key', 'error', key, `Unknown key \`${key}\` in task \`t\`: dependencies go in \`depends_on\`, e.g. \`depends_on: [design]\`.`],
  ]]),
  ['`end` on a task', task('duration: 5d, end: 2026-02-01'), [
    ['unknown-key', 'error', 'end', 'Unknown key `end` in task `t`: a task\'s end is computed from its `duration` (or `effort`), its dependencies and the calendar. Record a real end with `actual_end`; for a date the work must meet, add a milestone with a `date` that depends on the task.'],
  ]],
  ['`duration: 5` without a unit', task('duration: 5'), [
    ['invalid-duration', 'error', '5', '`5` has no unit: write `5d` for working days or `5w` for weeks.'],
  ]],
  ['`duration: 2 days`', task('duration: 2 days'), [
    ['invalid-duration', 'error', '2 days', '`2 days` is not a duration: write `2d` (working days).'],
  ]],
  ['`duration: 3 weeks`', task('duration: 3 weeks'), [
    ['invalid-duration', 'error', '3 weeks', '`3 weeks` is not a duration: write `3w` (weeks of working days).'],
  ]],
  ['`duration: 1.5d`', task('duration: 1.5d'), [
    ['duration-not-whole', 'error', '1.5d', 'A duration must be a whole number of working days: write `1d` or `2d`.'],
  ]],
  ['a date with slashes', task('duration: 5d, start: 2026/01/05'), [
    ['invalid-date', 'error', '2026/01/05', '`2026/01/05` is not a calendar date (YYYY-MM-DD): write `2026-01-05` for 5 January 2026.'],
  ]],
  ['a day.month.year date', task('duration: 5d, start: 05.01.2026'), [
    ['invalid-date', 'error', '05.01.2026', '`05.01.2026` is not a calendar date (YYYY-MM-DD): write `2026-01-05` for 5 January 2026.'],
  ]],
  ['an ambiguous month/day date', task('duration: 5d, start: 01/05/2026'), [
    ['invalid-date', 'error', '01/05/2026', '`01/05/2026` is not a calendar date (YYYY-MM-DD), and it could be read two ways: write `2026-05-01` for 1 May 2026 or `2026-01-05` for 5 January 2026.'],
  ]],
  ['a date with a month name', task('duration: 5d, start: 5 Jan 2026'), [
    ['invalid-date', 'error', '5 Jan 2026', '`5 Jan 2026` is not a calendar date (YYYY-MM-DD): write `2026-01-05` for 5 January 2026.'],
  ]],
  ['`due` on a milestone (and no "needs a date" beside it)', ['milestones:', '  - { id: m, name: M, due: 2026-03-01 }'], [
    ['unknown-key', 'error', 'due', 'Unknown key `due` in milestone `m`: a milestone\'s date (its target when it has `depends_on`, else a fixed date) is `date`, e.g. `date: 2026-03-20`.'],
  ]],
  ['`deadline` on a milestone with dependencies', ['milestones:', '  - { id: m, name: M, depends_on: [a], deadline: 2026-03-01 }'], [
    ['unknown-key', 'error', 'deadline', 'Unknown key `deadline` in milestone `m`: a milestone\'s date (its target when it has `depends_on`, else a fixed date) is `date`, e.g. `date: 2026-03-20`.'],
  ]],
  ['`dependencies` on a milestone (and no "needs depends_on" beside it)', ['milestones:', '  - { id: m, name: M, dependencies: [a] }'], [
    ['unknown-key', 'error', 'dependencies', 'Unknown key `dependencies` in milestone `m`: dependencies go in `depends_on`, e.g. `depends_on: [design]`.'],
  ]],
];

for (const [name, body, expected] of CASES) {
  test(`names the intent: ${name}`, () => {
    assert.deepEqual(check(body), expected);
  });
}

test('the key the user meant is the only suggestion in the data (for editors and a future quick fix)', () => {
  const text = lines('version: 1', 'program: { id: p, name: P, start: 2026-01-05 }', 'milestones:', '  - { id: m, name: M, deadline: 2026-03-01 }');
  const d = analyzeProgram(programFromYaml(text), { today: TODAY }).diagnostics;
  assert.deepEqual(d.map((x) => x.data?.suggestions), [['date']]);
});

test('the hints stay out of the way of real values and unknown words', () => {
  assert.equal(keyIntent('task', 'x-owner'), undefined);
  assert.equal(keyIntent(undefined, 'owner'), undefined);
  assert.equal(keyIntent('task', 'constructor'), undefined);
  assert.equal(durationIntent('duration', '2 fortnights'), undefined);
  assert.equal(durationIntent('duration', 0), undefined);
  assert.equal(dateIntent('2026-02-30'), undefined, 'a real shape but no such day: the generic message says so');
  assert.equal(dateIntent('31/02/2026'), undefined);
  assert.equal(dateIntent('someday'), undefined);
  assert.equal(dateIntent('0/5/2026'), undefined, 'month 0 is no reading: the generic message says so');
  assert.equal(dateIntent('2026-1-5'), '`2026-1-5` is not a calendar date (YYYY-MM-DD): write `2026-01-05` for 5 January 2026.');
  assert.equal(dateIntent('13/01/2026'), '`13/01/2026` is not a calendar date (YYYY-MM-DD): write `2026-01-13` for 13 January 2026.');
  assert.equal(durationIntent('lag', -2), durationIntent('lag', '-2'));
});
