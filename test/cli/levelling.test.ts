// The CLI's schedule flags for issue 13: --level, --status-date, --compare and
// the load CSV, on a small hand-checked program (built CLI, as CI runs it).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir } from '../helpers/cli.js';
import { LOAD_FIXTURE } from '../helpers/resources-fixture.js';

let dir: string;

const run = (args: string[]) => runCli(args, dir);

before(() => {
  dir = tempDir('pac-level-');
  writeFileSync(join(dir, 'p.program.yaml'), [
    'version: 1',
    'program: { id: p, name: P, start: 2026-01-05 }',
    'people:',
    '  - { id: al, name: Al }',
    'pools:',
    '  - { id: lab, name: Lab, units: 1 }',
    'workstreams:',
    '  - id: ws',
    '    name: WS',
    '    tasks:',
    '      - { id: a, name: A, duration: 3d, assignees: [al] }',
    '      - { id: b, name: B, duration: 2d, assignees: [al], needs: { lab: 1 }, priority: 800 }',
    'milestones:',
    '  - { id: m, name: M, depends_on: [a, b], date: 2026-01-08 }',
    '',
  ].join('\n'));
});

void test('schedule --level --format json: levellingDelay and heldBy; null without levelling', () => {
  const plain = JSON.parse(run(['schedule', 'p.program.yaml', '--format', 'json']).stdout) as { items: { id: string; levellingDelay: number | null; heldBy: unknown[] }[] };
  assert.deepEqual(plain.items.map((i) => [i.id, i.levellingDelay, i.heldBy]), [['a', null, []], ['b', null, []], ['m', null, []]]);
  const r = run(['schedule', 'p.program.yaml', '--format', 'json', '--level']);
  assert.equal(r.code, 0);
  const json = JSON.parse(r.stdout) as { finish: string; items: { id: string; start: string; end: string; levellingDelay: number | null; heldBy: unknown[] }[] };
  assert.deepEqual(json.items.map((i) => [i.id, i.start, i.end, i.levellingDelay, i.heldBy]), [
    ['a', '2026-01-07', '2026-01-09', 2, [{ resource: 'al', task: 'b' }]],
    ['b', '2026-01-05', '2026-01-06', 0, []],
    ['m', '2026-01-09', '2026-01-09', null, []],
  ]);
});

void test('schedule --level --compare lists the finish and milestone changes', () => {
  const r = run(['schedule', 'p.program.yaml', '--level', '--compare']);
  assert.equal(r.code, 0);
  assert.equal(r.stdout, [
    'What levelling would do to P',
    '',
    'Finish: 2026-01-07 → 2026-01-09 (+2 working days)',
    'Milestones that move (1 of 1):',
    '  m: 2026-01-07 → 2026-01-09 (+2 working days); target 2026-01-08: on time → slips 1d',
    'Tasks delayed (1):',
    '  a: +2 working days (al held by b)',
    '',
  ].join('\n'));
  assert.equal(run(['schedule', 'p.program.yaml', '--compare']).code, 2);
});

void test('--status-date forecasts from that date; a bad date is a usage error', () => {
  const json = JSON.parse(run(['schedule', 'p.program.yaml', '--format', 'json', '--status-date', '2026-01-12']).stdout) as { items: { id: string; start: string }[] };
  assert.deepEqual(json.items.map((i) => [i.id, i.start]), [['a', '2026-01-12'], ['b', '2026-01-12'], ['m', '2026-01-14']]);
  const v = run(['validate', 'p.program.yaml', '--status-date', '2026-01-12']);
  assert.match(v.stdout, /warning: Task `a` is overdue by 2 working days: planned to end 2026-01-07, not started by the status date 2026-01-12; it now ends 2026-01-14\. \[overdue\]/);
  const bad = run(['schedule', 'p.program.yaml', '--status-date', '2026-02-30']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--status-date takes a date written YYYY-MM-DD/);
});

void test('schedule --format load-csv: per person and pool and week, read as the Resources tab reads it', () => {
  const r = run(['schedule', 'p.program.yaml', '--format', 'load-csv']);
  assert.equal(r.stdout, [
    'resource,kind,name,week,demand,available,peak_per_day,capacity_per_day,over,state,clash_days,tasks',
    // al is on a and b on Mon and Tue, but the week fits (5 of 5): a clash on 2 days, not over-allocated.
    'al,person,Al,2026-01-05,5,5,2,1,false,clash,2,a b',
    'lab,pool,Lab,2026-01-05,2,5,1,1,false,within,0,b',
    '',
  ].join('\r\n'));
});

void test('schedule --format load-csv on the Resources tab\'s hand-computed fixture: the same states as the tab (clash, within, over), the clash days counted', () => {
  // test/helpers/resources-fixture.ts gives the figures; the tab's cells are al: clash, within, over; bo: within, idle, idle; lab: over, idle, idle.
  writeFileSync(join(dir, 'load.program.yaml'), LOAD_FIXTURE);
  const r = run(['schedule', 'load.program.yaml', '--format', 'load-csv']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, [
    'resource,kind,name,week,demand,available,peak_per_day,capacity_per_day,over,state,clash_days,tasks',
    'al,person,Al,2026-01-05,5,5,2,1,false,clash,2,a b',
    'al,person,Al,2026-01-12,2,2,1,1,false,within,0,d',
    // Mon 01-19: d, e and f; Tue: e and f. 8 asked of 5: over-allocated.
    'al,person,Al,2026-01-19,8,5,3,1,true,over,2,d e f',
    'bo,person,Bo,2026-01-05,1,2.5,1,0.5,false,within,0,b',
    'bo,person,Bo,2026-01-12,0,2,0,0.5,false,idle,0,',
    'bo,person,Bo,2026-01-19,0,2.5,0,0.5,false,idle,0,',
    // Two units asked of one on Mon and Tue: a pool is shared by the day, so the week is over-allocated.
    'lab,pool,Lab,2026-01-05,4,5,2,1,true,over,2,b c',
    'lab,pool,Lab,2026-01-12,0,4,0,1,false,idle,0,',
    'lab,pool,Lab,2026-01-19,0,5,0,1,false,idle,0,',
    '',
  ].join('\r\n'));
});
