// `program-as-code forecast` run from the built CLI: the JSON shape exactly as
// program-format.md specifies, the table, reproducibility across processes,
// the bounds on --iterations and --seed, and exit codes.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir } from '../helpers/cli.js';

let dir: string;

const run = (args: string[]) => runCli(args, dir);

const PLAN = [
  'version: 1',
  'program: { id: fc, name: Forecast demo, start: 2026-01-05 }',
  'forecast: { iterations: 3000, seed: 4 }',
  'workstreams:',
  '  - id: w',
  '    name: W',
  '    tasks:',
  '      - { id: design, name: Design, duration: 5d, estimate: { optimistic: 3d, likely: 5d, pessimistic: 10d } }',
  '      - { id: api, name: API, duration: 10d, depends_on: [design], estimate: { optimistic: 8d, likely: 10d, pessimistic: 20d } }',
  '      - { id: docs, name: Docs, duration: 3d, depends_on: [design] }',
  'milestones:',
  '  - { id: beta, name: Beta, depends_on: [api, docs], date: 2026-02-06 }',
  '  - { id: kickoff, name: Kickoff, date: 2026-01-05 }',
  'risks:',
  '  - { id: R-vendor, title: Vendor late, probability: 4, impact: 3, affects: [api], schedule_impact: 5d, chance: 0.3 }',
  '  - { id: R-docs, title: Docs late, probability: 2, impact: 3, affects: [docs], schedule_impact: { optimistic: 1d, likely: 2d, pessimistic: 4d } }',
  '  - { id: R-old, title: Old, probability: 2, impact: 3, status: closed, affects: [docs], schedule_impact: 4d }',
  '',
].join('\n');

before(() => {
  dir = tempDir('pac-forecast-');
  writeFileSync(join(dir, 'plan.program.yaml'), PLAN);
  writeFileSync(join(dir, 'broken.program.yaml'), PLAN.replace('depends_on: [design] }', 'depends_on: [desing] }'));
});

test('--format json has exactly the specified keys, items in file order, dates as YYYY-MM-DD', () => {
  const r = run(['forecast', 'plan.program.yaml', '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const j = JSON.parse(r.stdout) as Record<string, unknown> & { finish: Record<string, unknown>; milestones: Record<string, unknown>[]; tasks: Record<string, unknown>[]; risks: Record<string, unknown>[] };
  assert.deepEqual(Object.keys(j), ['program', 'iterations', 'seed', 'finish', 'milestones', 'tasks', 'risks']);
  assert.deepEqual([j.program, j.iterations, j.seed], ['fc', 3000, 4]);
  assert.deepEqual(Object.keys(j.finish), ['deterministic', 'mean', 'p10', 'p50', 'p80', 'p90']);
  assert.equal(j.finish.deterministic, '2026-01-23');
  for (const k of ['p10', 'p50', 'p80', 'p90']) assert.match(String(j.finish[k]), /^\d{4}-\d{2}-\d{2}$/);
  assert.equal(typeof j.finish.mean, 'number');
  assert.deepEqual(j.milestones.map((m) => Object.keys(m)), [['id', 'target', 'deterministic', 'p10', 'p50', 'p80', 'p90', 'onTimeProbability']]);
  assert.deepEqual([j.milestones[0]?.id, j.milestones[0]?.target, j.milestones[0]?.deterministic], ['beta', '2026-02-06', '2026-01-23']);
  assert.deepEqual(j.tasks.map((t) => Object.keys(t)), [['id', 'criticality', 'sensitivity'], ['id', 'criticality', 'sensitivity'], ['id', 'criticality', 'sensitivity']]);
  assert.deepEqual(j.tasks.map((t) => t.id), ['design', 'api', 'docs']);
  assert.equal(j.tasks[2]?.sensitivity, null, 'no estimate: null');
  assert.deepEqual(j.risks.map((x) => [x.id, x.chance, Object.keys(x)]), [
    ['R-vendor', 0.3, ['id', 'chance', 'meanDelay']], ['R-docs', 0.3, ['id', 'chance', 'meanDelay']],
  ]);
});

test('the same file and seed give the same output in another process; --seed and --iterations override the file', () => {
  const a = run(['forecast', 'plan.program.yaml', '--format', 'json']);
  const b = run(['forecast', 'plan.program.yaml', '--format', 'json']);
  assert.equal(a.stdout, b.stdout);
  const c = JSON.parse(run(['forecast', 'plan.program.yaml', '--format', 'json', '--seed', '9', '--iterations', '500']).stdout) as { seed: number; iterations: number };
  assert.deepEqual([c.seed, c.iterations], [9, 500]);
});

// A program with what every iteration honours (a status date with started work, leave, levelling a
// shared person, a risk's delay on a milestone carried to the levelled tasks after it) and enough
// iterations for many blocks of 128.
const REALITY = [
  'version: 1',
  'program: { id: real, name: Reality, start: 2026-01-05, status_date: 2026-01-21 }',
  'scheduling: { levelling: true }',
  'forecast: { iterations: 2000, seed: 7 }',
  'people:',
  '  - { id: ann, name: Ann, leave: [{ from: 2026-02-02, to: 2026-02-06 }] }',
  '  - { id: bob, name: Bob }',
  'workstreams:',
  '  - id: w',
  '    name: W',
  '    tasks:',
  '      - { id: a, name: A, duration: 10d, actual_start: 2026-01-05, progress: 40, estimate: { optimistic: 8d, likely: 10d, pessimistic: 16d }, assignees: [ann] }',
  '      - { id: b, name: B, duration: 5d, depends_on: [a], estimate: { optimistic: 3d, likely: 5d, pessimistic: 9d }, assignees: [bob], priority: 800 }',
  '      - { id: c, name: C, duration: 6d, estimate: { optimistic: 4d, likely: 6d, pessimistic: 12d }, assignees: [bob] }',
  '      - { id: d, name: D, duration: 4d, depends_on: [c], estimate: { optimistic: 2d, likely: 4d, pessimistic: 8d }, assignees: [ann] }',
  '      - { id: e, name: E, duration: 2d, depends_on: [mid], assignees: [bob] }',
  'milestones:',
  '  - { id: mid, name: Mid, depends_on: [a], date: 2026-02-06 }',
  '  - { id: done, name: Done, depends_on: [b, d, e], date: 2026-02-20 }',
  'risks:',
  '  - { id: R1, title: R, probability: 3, impact: 3, affects: [c], schedule_impact: { optimistic: 1d, likely: 3d, pessimistic: 7d } }',
  '  - { id: R2, title: R, probability: 3, impact: 3, affects: [mid], schedule_impact: 2d, chance: 0.5 }',
  '',
].join('\n');

test('the same JSON in this thread and with 1 or 2 worker threads (status date, leave and levelling in every iteration)', () => {
  writeFileSync(join(dir, 'reality.program.yaml'), REALITY);
  const outputs = ['0', '1', '2'].map((w) => run(['forecast', 'reality.program.yaml', '--format', 'json', '--workers', w]));
  for (const o of outputs) assert.equal(o.code, 0, o.stderr);
  assert.equal(outputs[1]?.stdout, outputs[0]?.stdout, '1 worker = in-process');
  assert.equal(outputs[2]?.stdout, outputs[0]?.stdout, '2 workers = in-process');
  const j = JSON.parse(outputs[0]?.stdout ?? '') as { iterations: number; finish: { p10: string } };
  assert.equal(j.iterations, 2000);
  assert.ok(j.finish.p10 > '2026-01-21', 'nothing ends before the status date');
  assert.match(run(['forecast', 'reality.program.yaml', '--workers', '17']).stderr, /--workers takes a whole number from 0 to 16/);
});

test('the table: finish percentiles, milestones with target and on-time probability, drivers and risks', () => {
  const r = run(['forecast', 'plan.program.yaml']);
  assert.equal(r.code, 0, r.stderr);
  const j = JSON.parse(run(['forecast', 'plan.program.yaml', '--format', 'json']).stdout) as { finish: Record<string, string>; milestones: { onTimeProbability: number; p50: string; p80: string }[] };
  const lines = r.stdout.split('\n');
  assert.equal(lines[0], 'Forecast demo: forecast from 3,000 iterations (seed 4, PERT)');
  assert.match(r.stdout, new RegExp(`program\\s+2026-01-23\\s+${j.finish.p10}\\s+${j.finish.p50}\\s+${j.finish.p80}\\s+${j.finish.p90}`));
  const beta = j.milestones[0];
  assert.ok(beta);
  assert.match(r.stdout, new RegExp(`◆ beta\\s+2026-02-06\\s+2026-01-23\\s+${beta.p50}\\s+${beta.p80}\\s+\\S+\\s+${(beta.onTimeProbability * 100).toFixed(1)}%`));
  assert.match(r.stdout, /Most often critical/);
  assert.match(r.stdout, /Drivers of the finish/);
  assert.match(r.stdout, /R-vendor\s+Vendor late\s+30\.0%\s+\d+\.\dd/);
  assert.doesNotMatch(r.stdout, /R-old/);
});

test('bad usage exits 2 with a message; a program with errors exits 1 and says so', () => {
  for (const [args, message] of [
    [['--iterations', '0'], '--iterations takes a whole number from 1 to 100000'],
    [['--iterations', '100001'], '--iterations takes a whole number from 1 to 100000'],
    [['--iterations', 'lots'], '--iterations takes a whole number from 1 to 100000'],
    [['--seed=-1'], '--seed takes a whole number from 0 to 4294967295'],
    [['--seed', '4294967296'], '--seed takes a whole number from 0 to 4294967295'],
    [['--format', 'csv'], "unknown format 'csv' for forecast (table or json)"],
  ] as const) {
    const r = run(['forecast', 'plan.program.yaml', ...args]);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, new RegExp(message.replace(/[()]/g, '\\$&')));
  }
  assert.equal(run(['forecast']).code, 2);
  const broken = run(['forecast', 'broken.program.yaml', '--format', 'json']);
  assert.equal(broken.code, 1);
  assert.match(broken.stderr, /the program has 1 error; the forecast may be incomplete/);
  assert.doesNotThrow(() => JSON.parse(broken.stdout));
});
