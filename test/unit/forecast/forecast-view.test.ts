// The Forecast tab's data: the cumulative curve agrees with the Pnn rule and
// with the on-time probability, the tornado ranks the drivers, and a program
// whose only schedule impact cannot take part has nothing to forecast.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDate } from '../../../server/src/program/dates.js';
import { cumulativeCurve } from '../../../server/src/program/forecast/curve.js';
import { runForecast } from '../../../server/src/program/forecast/forecast.js';
import { forecastView, NO_UNCERTAINTY, shareBy } from '../../../server/src/view/forecast-view.js';
import type { ForecastReady } from '../../../server/src/view/forecast-types.js';
import { lines, programFromYaml } from '../../helpers/program.js';

const d = (s: string): number => parseDate(s)!;

test('the curve has one point per date, the share of iterations on or before it; shareBy reads it between points', () => {
  const curve = cumulativeCurve(Float64Array.from([0, 0, 1, 1, 1, 3, 3.5, 4, 4, 9]), (x) => (x === 3.5 ? d('2026-01-08') : d('2026-01-05') + Math.floor(x)));
  assert.deepEqual(curve.map((p) => [p.day - d('2026-01-05'), p.share]), [[0, 0.2], [1, 0.5], [3, 0.7], [4, 0.9], [9, 1]]);
  assert.equal(shareBy(curve, d('2026-01-04')), 0);
  assert.equal(shareBy(curve, d('2026-01-07')), 0.5);
  assert.equal(shareBy(curve, d('2026-01-09')), 0.9);
  assert.equal(shareBy(curve, d('2027-01-01')), 1);
});

const PLAN = lines(
  'version: 1',
  'program: { id: v, name: V, start: 2026-01-05 }',
  'forecast: { iterations: 3000, seed: 11 }',
  'workstreams:',
  '  - id: w',
  '    name: W',
  '    tasks:',
  '      - { id: small, name: Small, duration: 2d, estimate: { optimistic: 1d, likely: 2d, pessimistic: 3d } }',
  '      - { id: big, name: Big, duration: 10d, depends_on: [small], estimate: { optimistic: 5d, likely: 10d, pessimistic: 30d } }',
  '      - { id: side, name: Side, duration: 2d, estimate: { optimistic: 1d, likely: 2d, pessimistic: 4d } }',
  'milestones:',
  '  - { id: m, name: Done, depends_on: [big, side], date: 2026-01-20 }',
  'risks:',
  '  - { id: R-rare, title: Rare, probability: 1, impact: 2, affects: [big], schedule_impact: 2d }',
  '  - { id: R-often, title: Often, probability: 5, impact: 2, affects: [big], schedule_impact: 8d }',
  '  - { id: R-side, title: Side, probability: 5, impact: 2, affects: [side], schedule_impact: 1d }',
);

test('the view: percentiles are the first curve points at 10/50/80/90%, on-time as the engine counts it, drivers ranked', () => {
  const model = programFromYaml(PLAN);
  const result = runForecast(model);
  const view = forecastView(result, model) as ForecastReady;
  assert.equal(view.status, 'ready');
  for (const s of [view.finish, ...view.milestones]) {
    for (const nn of [10, 50, 80, 90] as const) assert.equal(s.curve.find((p) => p.share >= nn / 100)?.day, s[`p${nn}`], `P${nn} of ${s.name}`);
    assert.equal(s.curve.at(-1)?.share, 1);
  }
  const m = view.milestones[0]!;
  assert.deepEqual([m.id, m.name, m.target], ['m', 'Done', '2026-01-20']);
  assert.equal(m.onTimeProbability, result.milestones[0]!.onTimeProbability);
  assert.equal(view.finish.target, null);
  assert.equal(view.finish.onTimeProbability, null);
  assert.ok(view.finish.planProbability !== null && view.finish.planProbability < 0.5, 'the plan date is optimistic against long-tailed estimates');
  // Big dominates the finish; risks by mean delay, the largest first.
  assert.equal(view.tasks[0]?.id, 'big');
  assert.deepEqual(view.tasks.map((t) => t.name), view.tasks.map((t) => ({ big: 'Big', small: 'Small', side: 'Side' })[t.id]));
  assert.deepEqual(view.risks.map((r) => r.id), ['R-often', 'R-rare', 'R-side']);
  assert.equal(view.risks[0]!.name, 'Often');
  assert.equal(view.risks[0]!.share, 0.9);
  assert.ok(view.risks[0]!.value > 5 && view.risks[0]!.value >= view.risks[1]!.value && view.risks[1]!.value >= view.risks[2]!.value, JSON.stringify(view.risks));
});

test('nothing to forecast: no estimate, and the only schedule impact is on a closed risk', () => {
  const model = programFromYaml(lines(
    'version: 1',
    'program: { id: v, name: V, start: 2026-01-05 }',
    'workstreams:',
    '  - { id: w, name: W, tasks: [{ id: a, name: A, duration: 5d }] }',
    'risks:',
    '  - { id: R, title: Gone, probability: 3, impact: 2, status: closed, affects: [a], schedule_impact: 4d }',
  ));
  assert.deepEqual(forecastView(runForecast(model), model), { status: 'no-uncertainty', message: NO_UNCERTAINTY });
});
