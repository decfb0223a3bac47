// The view model's `resources` part (server/src/view/resources-view.ts) on a
// hand-computed fixture: per person and pool and week, demand, availability
// (holidays, leave, part time), the week's state and the tasks behind it; and
// the Gantt's leave pauses and levelling delays.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeProgram } from '../../server/src/program/analyze.js';
import { buildResourcesView } from '../../server/src/view/resources-view.js';
import { buildViewModel } from '../../server/src/view/build-view-model.js';
import { programMarkdown } from '../../server/src/view/markdown.js';
import { tasksInWeek } from '../../server/src/view/resources-runs.js';
import type { ViewLoadRow, ViewResources } from '../../server/src/view/resources-types.js';
import { lines, programFromYaml } from '../helpers/program.js';
import { LOAD_FIXTURE } from '../helpers/resources-fixture.js';

// The fixture and its hand-computed figures: test/helpers/resources-fixture.ts.
const FIXTURE = LOAD_FIXTURE;

function view(text: string): ViewResources {
  return buildResourcesView(analyzeProgram(programFromYaml(text)));
}

function row(v: ViewResources, id: string): ViewLoadRow {
  const r = v.rows.find((x) => x.id === id);
  assert.ok(r, `no row ${id}`);
  return r;
}

function taskNames(v: ViewResources, r: ViewLoadRow): string[][] {
  return r.demand.map((_d, w) => tasksInWeek(r, w).map((i) => v.taskIds[i]!));
}

void test('resources view: weeks, working days and holidays', () => {
  const v = view(FIXTURE);
  assert.deepEqual(v.weeks, ['2026-01-05', '2026-01-12', '2026-01-19']);
  assert.deepEqual(v.workingDays, [5, 4, 5]);
  assert.deepEqual(v.holidays, [0, 1, 0]);
  assert.deepEqual(v.rows.map((r) => `${r.kind}:${r.id}`), ['person:al', 'person:bo', 'pool:lab']);
  assert.equal(v.levelled, false);
});

void test('resources view: a full-time person with a holiday, leave, a day clash and an over-allocated week', () => {
  const v = view(FIXTURE);
  const al = row(v, 'al');
  // Week 1: a 3 + b 2 = 5 of 5, but a and b both on Mon and Tue: a day clash (2). Week 2: d on Mon, Tue = 2 of
  // 4 working days minus 2 of leave = 2: within (1). Week 3: d 1 + e 2 + f 5 = 8 > 5: over (3).
  assert.deepEqual(al.demand, [5, 2, 8]);
  assert.deepEqual(al.available, [5, 2, 5]);
  assert.deepEqual(al.leave, [0, 2, 0]);
  assert.deepEqual(al.peak, [2, 1, 3]);
  assert.deepEqual(al.state, [2, 1, 3]);
  assert.equal(al.overWeeks, 1);
  assert.deepEqual(taskNames(v, al), [['a', 'b'], ['d'], ['d', 'e', 'f']]);
  // As runs: a and b in week 0, d in weeks 1..2, e and f in week 2 (task indexes in file order).
  assert.deepEqual(al.tasks, [0, 0, 0, 1, 0, 0, 2, 1, 2, 3, 2, 2, 4, 2, 2]);
  assert.deepEqual(v.taskIds, ['a', 'b', 'd', 'e', 'f', 'c']);
  assert.equal(al.name, 'Al');
  assert.equal(al.capacity, 1);
  assert.deepEqual(al.location && [al.location.line, al.location.character], [4, 10]);
});

void test('resources view: a part-time person and a pool', () => {
  const v = view(FIXTURE);
  const bo = row(v, 'bo');
  // b: 2 days at 0.5 = 1 person-day of 5 × 0.5 = 2.5; then nothing (4 × 0.5 = 2, 5 × 0.5 = 2.5 available).
  assert.deepEqual(bo.demand, [1, 0, 0]);
  assert.deepEqual(bo.available, [2.5, 2, 2.5]);
  assert.deepEqual(bo.state, [1, 0, 0]);
  const lab = row(v, 'lab');
  // b and c each need 1 unit on Mon and Tue: 4 unit-days of 5 available, but 2 units on a day of a 1-unit pool: over.
  assert.deepEqual(lab.demand, [4, 0, 0]);
  assert.deepEqual(lab.available, [5, 4, 5]);
  assert.deepEqual(lab.peak, [2, 0, 0]);
  assert.deepEqual(lab.state, [3, 0, 0]);
  assert.deepEqual(taskNames(v, lab), [['b', 'c'], [], []]);
});

void test('resources view: the Gantt\'s leave pause, and no delays without levelling', () => {
  const v = view(FIXTURE);
  assert.deepEqual(v.pauses, [{ task: 'd', from: '2026-01-15', to: '2026-01-16', days: 2, people: ['al'] }]);
  assert.deepEqual(v.delays, []);
});

void test('resources view: levelling delays with the resource and the task that held it', () => {
  const v = view(lines(
    'version: 1',
    'program: { id: p, name: P, start: 2026-01-05 }',
    'scheduling: { levelling: true }',
    'people:',
    '  - { id: al, name: Al }',
    'workstreams:',
    '  - id: ws',
    '    name: WS',
    '    tasks:',
    '      - { id: a, name: A, duration: 3d, assignees: [al] }',
    '      - { id: b, name: B, duration: 2d, assignees: [al], priority: 800 }',
  ));
  // b (priority 800) goes first on 01-05..01-06; a waits 2 working days.
  assert.equal(v.levelled, true);
  assert.deepEqual(v.delays, [{ task: 'a', days: 2, heldBy: [{ resource: 'al', task: 'b' }], moreHolds: 0 }]);
  assert.deepEqual(row(v, 'al').state, [1]); // 5 of 5 days, one task a day
});

void test('resources view: a program without people or pools has an empty grid', () => {
  const v = view(lines('version: 1', 'program: { id: p, name: P, start: 2026-01-05 }', 'workstreams:', '  - { id: ws, name: WS, tasks: [{ id: a, name: A, duration: 2d }] }'));
  assert.deepEqual([v.weeks, v.rows, v.taskIds], [[], [], []]);
});

void test('the Markdown export\'s Resources section: totals, over-allocated weeks and their tasks', () => {
  const md = programMarkdown(buildViewModel(analyzeProgram(programFromYaml(FIXTURE))));
  const section = md.slice(md.indexOf('## Resources'));
  // Totals over the three weeks: al 5 + 2 + 8 = 15 of 5 + 2 + 5 = 12; bo 1 of 2.5 + 2 + 2.5 = 7; lab 4 of 5 + 4 + 5 = 14.
  assert.match(section, /\| Al \(al\) \| person \| 1 \| 15 person-days \| 12 \| 2026-01-19 \| 1 \|/);
  assert.match(section, /\| Bo \(bo\) \| person \| 0\.5 \| 1 person-days \| 7 \| — \| 0 \|/);
  assert.match(section, /\| Lab \(lab\) \| pool \| 1 \| 4 unit-days \| 14 \| 2026-01-05 \| — \|/);
  assert.match(section, /- Al \(al\), week of 2026-01-19: 8 person-days asked, 5 available \(5 working days, capacity 1\); up to 3 tasks on one day: over-allocated — `d`, `e`, `f`/);
  assert.match(section, /- Lab \(lab\), week of 2026-01-05: 4 unit-days asked, 5 available \(5 working days, 1 unit\); up to 2 units on one day: over-allocated — `b`, `c`/);
});

void test('resources view: work decades apart gives at most ten years of weeks (bounded on every refresh)', () => {
  const v = view(lines(
    'version: 1',
    'program: { id: p, name: P, start: 2026-01-05 }',
    'people:',
    '  - { id: al, name: Al }',
    'workstreams:',
    '  - id: ws',
    '    name: WS',
    '    tasks:',
    '      - { id: a, name: A, duration: 2d, assignees: [al] }',
    '      - { id: b, name: B, duration: 2d, assignees: [al], start: 2999-01-07 }',
  ));
  assert.equal(v.weeks.length, 522);
  assert.equal(v.weeks[0], '2026-01-05');
  assert.deepEqual(row(v, 'al').demand.slice(0, 2), [2, 0]);
});
