// The forecast's random numbers: the generator against the reference C code,
// and the PERT and triangular samples against their closed-form mean and
// variance. Tolerances are 5 standard errors of the estimate for the number of
// samples drawn: the mean's standard error is sigma/sqrt(N); the sample
// variance's is sigma^2·sqrt((kurtosis - 1)/N), and these bounded
// distributions have kurtosis below 3, so sigma^2·sqrt(2/N) bounds it. A
// correct sampler fails such a check about once in 1.7 million runs, and the
// runs are seeded, so a pass is stable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sampleThreePoint, threePoint, threePointMoments, Xoshiro128 } from '../../../server/src/program/forecast/random.js';

test('xoshiro128** seeded by SplitMix64 gives the reference implementation\'s numbers', () => {
  // From https://prng.di.unimi.it/xoshiro128starstar.c and splitmix64.c compiled with gcc:
  // state = the two SplitMix64 outputs for the seed, low word first.
  const expected: Record<number, number[]> = {
    1: [1695105466, 1423115009, 634581793, 1068227753, 716759206, 4186505319, 3777694425, 2710820970],
    42: [1776835114, 4165204688, 17111135, 2317295270, 2792088233, 2554630222, 2940343271, 2244566231],
    4294967295: [331202089, 2303545133, 2732085799, 1755962312, 20464611, 435992899, 115300070, 2552219694],
  };
  for (const [seed, values] of Object.entries(expected)) {
    const rng = new Xoshiro128(Number(seed));
    assert.deepEqual(values.map(() => rng.nextUint32()), values, `seed ${seed}`);
  }
});

test('uniform() is in [0, 1) with mean 1/2 and variance 1/12', () => {
  const rng = new Xoshiro128(3);
  const n = 200_000;
  let s = 0; let s2 = 0;
  for (let i = 0; i < n; i++) {
    const u = rng.uniform();
    assert.ok(u >= 0 && u < 1);
    s += u; s2 += u * u;
  }
  const mean = s / n;
  assert.ok(Math.abs(mean - 0.5) < 5 * Math.sqrt(1 / 12 / n));
  assert.ok(Math.abs(s2 / n - mean * mean - 1 / 12) < 5 * (1 / 12) * Math.sqrt(2 / n));
});

function checkMoments(kind: 'pert' | 'triangular', a: number, m: number, b: number, seed: number): void {
  const rng = new Xoshiro128(seed);
  const dist = threePoint(a, m, b, kind);
  const want = threePointMoments(a, m, b, kind);
  const n = 200_000;
  let s = 0; let s2 = 0;
  for (let i = 0; i < n; i++) {
    const x = sampleThreePoint(rng, dist);
    assert.ok(x >= a && x <= b, `${kind} sample ${x} outside [${a}, ${b}]`);
    s += x; s2 += x * x;
  }
  const mean = s / n;
  const variance = s2 / n - mean * mean;
  const sd = Math.sqrt(want.variance);
  assert.ok(Math.abs(mean - want.mean) < 5 * sd / Math.sqrt(n), `${kind}(${a}, ${m}, ${b}) mean ${mean} vs ${want.mean}`);
  assert.ok(Math.abs(variance - want.variance) < 5 * want.variance * Math.sqrt(2 / n), `${kind}(${a}, ${m}, ${b}) variance ${variance} vs ${want.variance}`);
}

test('PERT samples have the Beta-PERT mean (a + 4m + b)/6 and variance', () => {
  const { mean } = threePointMoments(8, 10, 20, 'pert');
  assert.ok(Math.abs(mean - (8 + 40 + 20) / 6) < 1e-12);
  checkMoments('pert', 8, 10, 20, 1);
  checkMoments('pert', 1, 1, 9, 2); // mode at the lower end: alpha = 1
  checkMoments('pert', 2, 9, 9, 3); // mode at the upper end: beta = 1
  checkMoments('pert', 0, 50, 100, 4); // symmetric
});

test('triangular samples have mean (a + m + b)/3 and variance (a² + b² + m² - ab - am - bm)/18', () => {
  checkMoments('triangular', 8, 10, 20, 5);
  checkMoments('triangular', 1, 1, 9, 6);
  checkMoments('triangular', 2, 9, 9, 7);
});

test('all three values equal: that value, with no random number drawn', () => {
  const rng = new Xoshiro128(9);
  const twin = new Xoshiro128(9);
  for (const kind of ['pert', 'triangular'] as const) assert.equal(sampleThreePoint(rng, threePoint(7, 7, 7, kind)), 7);
  assert.equal(rng.nextUint32(), twin.nextUint32());
});
