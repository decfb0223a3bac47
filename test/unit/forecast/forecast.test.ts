// The forecast against cases whose answer is known in closed form, and every
// rule of program-format.md's "Estimates and schedule risk".
//
// Tolerances come from the number of iterations N: an estimated mean may be off
// by 5 standard errors (5·sd/sqrt(N)) and an estimated share p by
// 5·sqrt(p(1-p)/N). For a percentile (the k-th smallest of N), "correct" means
// the true CDF F satisfies F(k) >= nn% and F(k-1) < nn%; allowing for sampling
// we accept F(k) >= nn% - 5·se and F(k-1) < nn% + 5·se with se = sqrt(q(1-q)/N),
// q = nn/100. The true distribution of a task's whole days, ceil(X), is computed
// here from the Beta density by numerical integration (Simpson, 20,000 steps:
// error far below the tolerances), so means and variances are exact targets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCalendar } from '../../../server/src/program/calendar.js';
import { formatDate, parseDate } from '../../../server/src/program/dates.js';
import { runForecast } from '../../../server/src/program/forecast/forecast.js';
import type { ForecastResult } from '../../../server/src/program/forecast/forecast.js';
import { pertShape } from '../../../server/src/program/forecast/random.js';
import { averageRanks, integerRankCorrelation, percentile, rankCorrelation } from '../../../server/src/program/forecast/stats.js';
import { scheduleProgram } from '../../../server/src/program/schedule.js';
import { lines, programFromYaml } from '../../helpers/program.js';

const START = '2026-01-05';
const cal = createCalendar({ workdays: [1, 2, 3, 4, 5], holidays: [] });
const day0 = parseDate(START) as number;
/** The date of working day k (1-based) counted from the program start. */
const wd = (k: number): string => formatDate(cal.next(day0, k - 1));
const N = 20_000;

function forecast(body: string[], iterations = N, seed = 1): ForecastResult {
  const model = programFromYaml(lines('version: 1', `program: { id: f, name: F, start: ${START} }`, ...body));
  return runForecast(model, { iterations, seed });
}

/** P(X <= x) for X = a + (b - a)·Beta(alpha, beta), by Simpson's rule. */
function pertCdf(a: number, m: number, b: number): (x: number) => number {
  const { alpha, beta } = pertShape(a, m, b);
  const steps = 20_000;
  const pdf = (t: number) => (t <= 0 || t >= 1 ? (t <= 0 ? (alpha === 1 ? 1 : 0) : beta === 1 ? 1 : 0) : t ** (alpha - 1) * (1 - t) ** (beta - 1));
  const cum = new Float64Array(steps + 1);
  const h = 1 / steps;
  for (let i = 0; i < steps; i++) {
    const t = i * h;
    cum[i + 1] = (cum[i] as number) + (h / 6) * (pdf(t) + 4 * pdf(t + h / 2) + pdf(t + h));
  }
  const total = cum[steps] as number;
  return (x) => {
    const t = (x - a) / (b - a);
    if (t <= 0) return 0;
    if (t >= 1) return 1;
    const i = Math.floor(t * steps);
    return ((cum[i] as number) + ((cum[i + 1] as number) - (cum[i] as number)) * (t * steps - i)) / total;
  };
}

/** Mean and variance of ceil(X), from its CDF on the whole days a..b. */
function ceilMoments(cdf: (x: number) => number, a: number, b: number): { mean: number; variance: number } {
  let mean = 0; let second = 0;
  for (let k = Math.max(1, a); k <= b; k++) {
    const p = cdf(k) - cdf(k - 1);
    mean += k * p; second += k * k * p;
  }
  return { mean, variance: second - mean * mean };
}

function workingDayOf(date: string | null): number {
  assert.ok(date);
  return cal.workingDaysInclusive(day0, parseDate(date) as number);
}

test('one task with a PERT estimate: the finish percentiles are its duration\'s, and the mean is E[ceil X]', () => {
  const r = forecast(['workstreams:', '  - id: w', '    name: W', '    tasks:', '      - { id: a, name: A, estimate: { optimistic: 3d, likely: 5d, pessimistic: 15d } }']);
  const F = pertCdf(3, 5, 15);
  for (const [nn, p] of [[10, r.finish.p10], [50, r.finish.p50], [80, r.finish.p80], [90, r.finish.p90]] as const) {
    const k = workingDayOf(p === null ? null : formatDate(p));
    const q = nn / 100;
    const se = Math.sqrt((q * (1 - q)) / N);
    assert.ok(F(k) >= q - 5 * se && F(k - 1) < q + 5 * se, `P${nn} = working day ${k}: F(k) = ${F(k)}, F(k-1) = ${F(k - 1)}`);
  }
  const { mean, variance } = ceilMoments(F, 3, 15);
  assert.ok(Math.abs((r.finish.mean as number) - mean) < 5 * Math.sqrt(variance / N), `mean ${r.finish.mean} vs ${mean}`);
  assert.equal(formatDate(r.finish.deterministic as number), wd(5), 'the plan uses `likely` without a duration');
  assert.equal(r.tasks[0]?.criticality, 1);
  assert.ok((r.tasks[0]?.sensitivity as number) > 0.99, 'the only task drives the finish');
});

test('one task with a triangular estimate: percentiles against the closed-form CDF', () => {
  const model = programFromYaml(lines('version: 1', `program: { id: f, name: F, start: ${START} }`, 'forecast: { distribution: triangular, iterations: 20000, seed: 3 }',
    'workstreams:', '  - id: w', '    name: W', '    tasks:', '      - { id: a, name: A, duration: 6d, estimate: { optimistic: 2d, likely: 6d, pessimistic: 12d } }'));
  const r = runForecast(model);
  assert.equal(r.distribution, 'triangular');
  assert.equal(r.iterations, 20_000);
  assert.equal(r.seed, 3);
  const [a, m, b] = [2, 6, 12];
  const F = (x: number) => (x <= a ? 0 : x >= b ? 1 : x <= m ? ((x - a) ** 2) / ((b - a) * (m - a)) : 1 - ((b - x) ** 2) / ((b - a) * (b - m)));
  for (const [nn, p] of [[10, r.finish.p10], [50, r.finish.p50], [80, r.finish.p80], [90, r.finish.p90]] as const) {
    const k = workingDayOf(formatDate(p as number));
    const q = nn / 100;
    const se = Math.sqrt((q * (1 - q)) / N);
    assert.ok(F(k) >= q - 5 * se && F(k - 1) < q + 5 * se, `P${nn} = working day ${k}`);
  }
});

test('a chain of independent PERT tasks: the mean finish is the sum of their means', () => {
  const specs = [[2, 4, 9], [5, 5, 8], [1, 3, 3], [4, 8, 20], [3, 6, 10]] as const;
  const body = ['workstreams:', '  - id: w', '    name: W', '    tasks:'];
  specs.forEach(([a, m, b], i) => body.push(`      - { id: t${i}, name: T, estimate: { optimistic: ${a}d, likely: ${m}d, pessimistic: ${b}d }${i > 0 ? `, depends_on: [t${i - 1}]` : ''} }`));
  const r = forecast(body);
  let mean = 0; let variance = 0;
  for (const [a, m, b] of specs) {
    const x = ceilMoments(pertCdf(a, m, b), a, b);
    mean += x.mean; variance += x.variance;
  }
  assert.ok(Math.abs((r.finish.mean as number) - mean) < 5 * Math.sqrt(variance / N), `mean ${r.finish.mean} vs ${mean}`);
  assert.ok(r.tasks.every((t) => t.criticality === 1));
  // The widest estimate drives the finish most.
  const top = [...r.tasks].sort((x, y) => (y.sensitivity ?? 0) - (x.sensitivity ?? 0))[0];
  assert.equal(top?.id, 't3');
});

test('a risk with chance p and a fixed impact on the only critical task moves the finish by the impact in a share p of iterations', () => {
  const r = forecast([
    'workstreams:', '  - id: w', '    name: W', '    tasks:', '      - { id: a, name: A, duration: 10d }',
    'risks:', '  - { id: R1, title: R, probability: 1, impact: 2, affects: [a], schedule_impact: 5d, chance: 0.3 }',
  ]);
  const mean = r.finish.mean as number;
  const share = (mean - 10) / 5; // finish is 10 or 15 working days
  assert.ok(Math.abs(share - 0.3) < 5 * Math.sqrt((0.3 * 0.7) / N), `share ${share}`);
  assert.equal(formatDate(r.finish.p50 as number), wd(10));
  assert.equal(formatDate(r.finish.p80 as number), wd(15));
  assert.deepEqual(r.risks, [{ id: 'R1', chance: 0.3, meanDelay: 5 }]);
});

test('a risk on a task with ample float has no effect on the finish', () => {
  const r = forecast([
    'workstreams:', '  - id: w', '    name: W', '    tasks:', '      - { id: long, name: L, duration: 20d }', '      - { id: short, name: S, duration: 2d }',
    'risks:', '  - { id: R1, title: R, probability: 3, impact: 2, affects: [short], schedule_impact: 5d }',
  ]);
  assert.equal(r.finish.mean, 20);
  assert.equal(formatDate(r.finish.p90 as number), wd(20));
  assert.deepEqual(r.risks, [{ id: 'R1', chance: 0.5, meanDelay: 0 }], 'probability 3 is a chance of 0.5');
  assert.deepEqual(r.tasks.map((t) => [t.id, t.criticality, t.sensitivity]), [['long', 1, null], ['short', 0, null]]);
});

test('the probability scale, and which risks take part', () => {
  const r = forecast([
    'workstreams:', '  - id: w', '    name: W', '    tasks:', '      - { id: a, name: A, duration: 10d }',
    'risks:',
    ...[1, 2, 3, 4, 5].map((p) => `  - { id: P${p}, title: R, probability: ${p}, impact: 2, affects: [a], schedule_impact: 1d }`),
    '  - { id: C, title: R, probability: 5, impact: 2, affects: [a], schedule_impact: 1d, chance: 0.05 }',
    '  - { id: Mit, title: R, probability: 1, impact: 2, status: mitigating, affects: [a], schedule_impact: 1d }',
    '  - { id: Acc, title: R, probability: 1, impact: 2, status: accepted, affects: [a], schedule_impact: 1d }',
    '  - { id: Closed, title: R, probability: 5, impact: 2, status: closed, affects: [a], schedule_impact: 1d }',
    '  - { id: Occ, title: R, probability: 5, impact: 2, status: occurred, affects: [a], schedule_impact: 1d }',
    '  - { id: NoImpact, title: R, probability: 5, impact: 2, affects: [a] }',
  ], 2000);
  assert.deepEqual(r.risks.map((x) => [x.id, x.chance]), [['P1', 0.1], ['P2', 0.3], ['P3', 0.5], ['P4', 0.7], ['P5', 0.9], ['C', 0.05], ['Mit', 0.1], ['Acc', 0.1]]);
});

test('a milestone in affects moves later by the impact, fixed ones too; on-time probability against the target', () => {
  const r = forecast([
    'workstreams:', '  - id: w', '    name: W', '    tasks:', '      - { id: a, name: A, duration: 5d }',
    'milestones:',
    `  - { id: m, name: M, depends_on: [a], date: ${wd(6)} }`,
    `  - { id: fixed, name: F, date: ${wd(8)} }`,
    'risks:', '  - { id: R1, title: R, probability: 1, impact: 2, affects: [m, fixed], schedule_impact: 2d, chance: 0.25 }',
  ]);
  const m = r.milestones[0];
  assert.equal(r.milestones.length, 1, 'only milestones with depends_on and a date are listed');
  assert.equal(m?.id, 'm');
  assert.equal(formatDate(m?.deterministic as number), wd(5));
  assert.equal(formatDate(m?.p50 as number), wd(5));
  assert.equal(formatDate(m?.p90 as number), wd(7));
  assert.ok(Math.abs((m?.onTimeProbability as number) - 0.75) < 5 * Math.sqrt((0.25 * 0.75) / N));
  // The fixed milestone sets the finish: working day 8, or 10 when the risk occurs.
  assert.equal(formatDate(r.finish.p50 as number), wd(8));
  assert.equal(formatDate(r.finish.p90 as number), wd(10));
});

test('a workstream in affects adds the impact to each of its tasks that no other task of it depends on', () => {
  const r = forecast([
    'workstreams:', '  - id: w', '    name: W', '    tasks:',
    '      - { id: a, name: A, duration: 5d }', '      - { id: b, name: B, duration: 5d, depends_on: [a] }', '      - { id: c, name: C, duration: 3d }',
    'risks:', '  - { id: R1, title: R, probability: 1, impact: 2, affects: [w], schedule_impact: 4d, chance: 1 }',
  ], 500);
  // b and c grow by 4 (a does not: b depends on it): max(5 + 9, 7) = 14 working days.
  assert.equal(formatDate(r.finish.p10 as number), wd(14));
  assert.equal(formatDate(r.finish.p90 as number), wd(14));
  assert.deepEqual(r.risks, [{ id: 'R1', chance: 1, meanDelay: null }], 'a risk that always occurs has no "did not occur" to compare with');
});

test('actual dates are kept: an actual end fixes the task, an actual start fixes its start', () => {
  const r = forecast([
    'workstreams:', '  - id: w', '    name: W', '    tasks:',
    `      - { id: done, name: D, duration: 5d, estimate: { optimistic: 1d, likely: 5d, pessimistic: 30d }, actual_start: ${wd(1)}, actual_end: ${wd(4)} }`,
    `      - { id: started, name: S, duration: 3d, depends_on: [done], estimate: { optimistic: 3d, likely: 3d, pessimistic: 3d }, actual_start: ${wd(2)} }`,
    'risks:', '  - { id: R1, title: R, probability: 1, impact: 2, affects: [done, started], schedule_impact: 2d, chance: 1 }',
  ], 500);
  // `done` keeps its dates whatever is sampled; `started` keeps its start (day 2) and takes 3 + 2 days: days 2..6.
  assert.equal(formatDate(r.finish.p10 as number), wd(6));
  assert.equal(formatDate(r.finish.p90 as number), wd(6));
});

test('an estimate without duration or effort plans with `likely`, in the core scheduler too', () => {
  const model = programFromYaml(lines('version: 1', `program: { id: f, name: F, start: ${START} }`, 'workstreams:', '  - id: w', '    name: W', '    tasks:',
    '      - { id: a, name: A, estimate: { optimistic: 1w, likely: 2w, pessimistic: 4w } }'));
  assert.deepEqual(model.diagnostics, []);
  const s = scheduleProgram(model);
  assert.equal(formatDate(s.items.get('a')?.end as number), wd(10));
});

test('the same file and seed give the same forecast; another seed another one', () => {
  const body = ['workstreams:', '  - id: w', '    name: W', '    tasks:',
    '      - { id: a, name: A, duration: 5d, estimate: { optimistic: 3d, likely: 5d, pessimistic: 12d } }',
    '      - { id: b, name: B, duration: 5d, depends_on: [a], estimate: { optimistic: 3d, likely: 5d, pessimistic: 12d } }',
    'risks:', '  - { id: R1, title: R, probability: 3, impact: 2, affects: [b], schedule_impact: { optimistic: 1d, likely: 2d, pessimistic: 6d } }'];
  const one = forecast(body, 3000, 11);
  assert.deepEqual(forecast(body, 3000, 11), one);
  assert.notDeepEqual(forecast(body, 3000, 12), one);
  // Pinned (the reproducibility contract: these are the numbers on every machine). A change in
  // the generator, the sampling or the order of draws shows here; if it is intended, say so
  // in the release notes, since users' forecasts change with it.
  assert.deepEqual(
    { mean: one.finish.mean, p80: formatDate(one.finish.p80 as number), sensitivity: one.tasks.map((t) => t.sensitivity), meanDelay: one.risks[0]?.meanDelay },
    { mean: 14.236, p80: '2026-01-27', sensitivity: [0.5528392339897187, 0.5499247833851075], meanDelay: 3.0274937732337044 },
  );
});

test('without estimates or risks every iteration is the plan: percentiles = the deterministic finish, criticality = critical', () => {
  const model = programFromYaml(lines('version: 1', `program: { id: f, name: F, start: ${START} }`, 'workstreams:', '  - id: w', '    name: W', '    tasks:',
    '      - { id: a, name: A, duration: 5d }', '      - { id: b, name: B, duration: 3d, depends_on: [{ id: a, type: SS, lag: 1d }] }', '      - { id: c, name: C, duration: 2d, depends_on: [a] }',
    'milestones:', `  - { id: m, name: M, depends_on: [c], date: ${wd(6)} }`));
  const r = runForecast(model, { iterations: 50 });
  const s = scheduleProgram(model);
  for (const p of [r.finish.p10, r.finish.p50, r.finish.p80, r.finish.p90]) assert.equal(p, s.finish);
  assert.deepEqual(r.tasks.map((t) => t.criticality), ['a', 'b', 'c'].map((id) => (s.items.get(id)?.critical ? 1 : 0)));
  assert.deepEqual(r.milestones.map((m) => [m.id, m.onTimeProbability]), [['m', 0]]);
});

test('percentiles: the earliest value on or before which at least nn% of the iterations end', () => {
  const sorted = Float64Array.from({ length: 10 }, (_, i) => i + 1);
  assert.deepEqual([10, 50, 80, 90, 100].map((nn) => percentile(sorted, nn)), [1, 5, 8, 9, 10]);
  const big = Float64Array.from({ length: 5000 }, (_, i) => i);
  assert.equal(percentile(big, 10), 499, 'the 500th of 5,000');
  assert.equal(percentile(Float64Array.from([7, 7, 7]), 10), 7);
});

test('Spearman with ties uses average ranks', () => {
  assert.deepEqual([...averageRanks([1, 2, 2, 3])], [1, 2.5, 2.5, 4]);
  const rho = rankCorrelation(averageRanks([1, 2, 2, 3]), averageRanks([1, 2, 3, 4]));
  assert.ok(Math.abs((rho as number) - 4.5 / Math.sqrt(22.5)) < 1e-12);
  const ry = averageRanks([10, 30, 20, 40, 50]);
  const x = Int32Array.from([3, 5, 5, 4, 9]);
  assert.equal(integerRankCorrelation(x, 3, 9, ry, new Float64Array(16), new Float64Array(5)), rankCorrelation(averageRanks(x), ry));
  assert.equal(rankCorrelation(averageRanks([2, 2, 2]), averageRanks([1, 2, 3])), null, 'a constant has no rank correlation');
});
