// Validation of the forecast's inputs: code, severity, message and the exact
// text each diagnostic covers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeProgram } from '../../../server/src/program/analyze.js';
import { lines, programFromYaml, spanText } from '../../helpers/program.js';

const HEAD = ['version: 1', 'program: { id: f, name: F, start: 2026-01-05 }'];
const TODAY = Date.UTC(2026, 0, 5) / 864e5;

function check(text: string, fragments: Record<string, string> = {}) {
  const model = programFromYaml(text, fragments);
  return analyzeProgram(model, { today: TODAY }).diagnostics.map((d) => ({
    code: d.code, severity: d.severity, text: spanText(d.uri.endsWith('root.program.yaml') ? text : (fragments['frag.program.yaml'] ?? ''), d.span), message: d.message,
  }));
}

const task = (estimate: string, extra = '') => lines(...HEAD, 'workstreams:', '  - id: w', '    name: W', '    tasks:', `      - { id: api, name: API${extra}, estimate: ${estimate} }`);

test('an ordered estimate alone is a valid task (its likely value is the plan)', () => {
  assert.deepEqual(check(task('{ optimistic: 8d, likely: 10d, pessimistic: 4w }')), []);
});

test('optimistic > likely, or likely > pessimistic, is an error on the estimate', () => {
  assert.deepEqual(check(task('{ optimistic: 10d, likely: 8d, pessimistic: 20d }')), [{
    code: 'estimate-out-of-order', severity: 'error', text: '{ optimistic: 10d, likely: 8d, pessimistic: 20d }',
    message: 'The three-point estimate of task `api` must have optimistic <= likely <= pessimistic, but optimistic 10d is more than likely 8d.',
  }]);
  const weeks = check(task('{ optimistic: 1d, likely: 2w, pessimistic: 9d }'));
  assert.deepEqual(weeks.map((d) => [d.code, d.message]), [['estimate-out-of-order', 'The three-point estimate of task `api` must have optimistic <= likely <= pessimistic, but likely 2w is more than pessimistic 9d.']]);
});

test('each value is a duration of whole working days, at least 1', () => {
  assert.deepEqual(check(task('{ optimistic: 0.5d, likely: 2d, pessimistic: 3d }')).map((d) => [d.code, d.text, d.message]), [
    ['duration-not-whole', '0.5d', 'A value of a three-point estimate must be a whole number of working days: write `1d`.'],
  ]);
  assert.deepEqual(check(task('{ optimistic: 1d, likely: soon, pessimistic: 3d }')).map((d) => [d.code, d.text]), [['invalid-duration', 'soon']]);
  assert.deepEqual(check(task('{ optimistic: 1d, likely: 2d }')).map((d) => [d.code, d.message]), [['missing-key', 'Missing required key `pessimistic` in task `api`.']]);
});

test('a task with duration and estimate, or effort and estimate, is fine; neither of the three is an error naming all three', () => {
  assert.deepEqual(check(task('{ optimistic: 1d, likely: 2d, pessimistic: 3d }', ', duration: 2d')), []);
  const none = check(lines(...HEAD, 'workstreams:', '  - id: w', '    name: W', '    tasks:', '      - { id: api, name: API }'));
  assert.equal(none[0]?.code, 'duration-and-effort');
  assert.match(none[0]?.message ?? '', /or an `estimate`/);
});

const risk = (fields: string) => lines(...HEAD, 'workstreams:', '  - id: w', '    name: W', '    tasks:', '      - { id: api, name: API, duration: 5d }',
  'risks:', `  - { id: R1, title: R, probability: 2, impact: 2, affects: [api], ${fields} }`);

test('schedule_impact: a duration or a three-point estimate; chance from 0 to 1', () => {
  assert.deepEqual(check(risk('schedule_impact: 5d, chance: 0.35')), []);
  assert.deepEqual(check(risk('schedule_impact: { optimistic: 1d, likely: 2d, pessimistic: 5d }, chance: 0')), []);
  assert.deepEqual(check(risk('schedule_impact: 5d, chance: 1.5')).map((d) => [d.code, d.severity, d.text, d.message]), [
    ['out-of-range', 'error', '1.5', '`chance` in risk `R1` must be from 0 to 1; `1.5` is out of range.'],
  ]);
  assert.deepEqual(check(risk('schedule_impact: 5d, chance: -0.1')).map((d) => d.code), ['out-of-range']);
  assert.deepEqual(check(risk('schedule_impact: { optimistic: 5d, likely: 2d, pessimistic: 9d }')).map((d) => [d.code, d.message]), [
    ['estimate-out-of-order', 'The three-point estimate of the schedule impact of risk `R1` must have optimistic <= likely <= pessimistic, but optimistic 5d is more than likely 2d.'],
  ]);
  assert.deepEqual(check(risk('schedule_impact: 2.5d')).map((d) => [d.code, d.text]), [['duration-not-whole', '2.5d']]);
  assert.deepEqual(check(risk('schedule_impact: five days')).map((d) => d.code), ['invalid-duration']);
});

test('an impact on a closed or occurred risk is a hint that the forecast ignores it', () => {
  assert.deepEqual(check(risk('status: closed, schedule_impact: 5d')), [{
    code: 'schedule-impact-ignored', severity: 'hint', text: '5d',
    message: 'Risk `R1` is closed, so its `schedule_impact` is ignored by the forecast.',
  }]);
  assert.deepEqual(check(risk('status: occurred, schedule_impact: 5d')).map((d) => [d.code, d.message]), [
    ['schedule-impact-ignored', 'Risk `R1` has occurred, so its `schedule_impact` is ignored by the forecast: put the delay into the plan (the affected tasks\' durations) instead.'],
  ]);
  for (const status of ['open', 'mitigating', 'accepted']) assert.deepEqual(check(risk(`status: ${status}, schedule_impact: 5d`)), []);
});

test('forecast settings: root only, with bounded iterations and seed and a known distribution', () => {
  const root = (settings: string) => lines(...HEAD, `forecast: ${settings}`);
  assert.deepEqual(check(root('{ iterations: 10000, seed: 42, distribution: triangular }')), []);
  assert.deepEqual(check(root('{ iterations: 0 }')).map((d) => [d.code, d.text]), [['out-of-range', '0']]);
  assert.deepEqual(check(root('{ iterations: 100001 }')).map((d) => d.code), ['out-of-range']);
  assert.deepEqual(check(root('{ seed: 1.5 }')).map((d) => d.code), ['out-of-range']);
  assert.deepEqual(check(root('{ distribution: normal }')).map((d) => [d.code, d.message]), [['invalid-value', 'Unknown distribution `normal` in the root file. Allowed: pert, triangular.']]);
  assert.deepEqual(check(root('{ iteration: 5 }')).map((d) => d.code), ['unknown-key']);
  const inFragment = check(lines(...HEAD, 'include: [frag.program.yaml]'), { 'frag.program.yaml': lines('version: 1', 'forecast: { seed: 2 }') });
  assert.deepEqual(inFragment.map((d) => [d.code, d.text, d.message]), [['unknown-key', 'forecast', '`forecast` belongs in the root file (the one with `program:`), not in a fragment.']]);
});
