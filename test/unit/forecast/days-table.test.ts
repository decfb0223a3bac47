// Whole-day sampling (forecast/days-table.ts): the exact distribution of
// W = max(1, ceil(X)) from the closed-form CDFs, and the alias sampler's
// frequencies against it. Tolerances: a frequency from N draws within
// 5·sqrt(p(1 - p)/N) of p; a CDF within 1e-12 of its closed form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Streams } from '../../../server/src/program/forecast/blocks.js';
import { daysTable, incompleteBeta, packTables, sampleTablesInto } from '../../../server/src/program/forecast/days-table.js';
import { threePoint, Xoshiro128 } from '../../../server/src/program/forecast/random.js';

test('the incomplete beta function against closed forms: Beta(1, 5), Beta(5, 1), Beta(3, 3) at its middle', () => {
  for (const x of [0.05, 0.2, 0.5, 0.77, 0.99]) {
    assert.ok(Math.abs(incompleteBeta(1, 5, x) - (1 - (1 - x) ** 5)) < 1e-12, `I(1,5) at ${x}`);
    assert.ok(Math.abs(incompleteBeta(5, 1, x) - x ** 5) < 1e-12, `I(5,1) at ${x}`);
    // I_x(2, 4) = P(Binomial(5, x) >= 2) = 1 - (1 - x)^5 - 5x(1 - x)^4.
    assert.ok(Math.abs(incompleteBeta(2, 4, x) - (1 - (1 - x) ** 5 - 5 * x * (1 - x) ** 4)) < 1e-12, `I(2,4) at ${x}`);
  }
  assert.ok(Math.abs(incompleteBeta(3, 3, 0.5) - 0.5) < 1e-14);
});

test('whole days of a PERT estimate: P(W = k) = F(k) - F(k - 1), everything at or below 1 on 1', () => {
  // a = 0, m = 0, b = 5: alpha = 1, beta = 5, F(x) = 1 - (1 - x/5)^5.
  const t = daysTable(threePoint(0, 0, 5, 'pert'));
  const F = (x: number) => 1 - (1 - x / 5) ** 5;
  assert.deepEqual([t.lo, t.count], [1, 5]);
  for (let k = 1; k <= 5; k++) assert.ok(Math.abs((t.p[k - 1] as number) - (F(k) - F(k - 1))) < 1e-12, `P(W = ${k})`);
  // Triangular 2, 4, 6: F(3) = 1/8, F(4) = 1/2, F(5) = 7/8.
  const tri = daysTable(threePoint(2, 4, 6, 'triangular'));
  assert.deepEqual([tri.lo, tri.count], [2, 5]);
  assert.deepEqual(Array.from(tri.p).map((p) => Math.round(p * 1e12) / 1e12), [0, 0.125, 0.375, 0.375, 0.125]);
  assert.deepEqual([daysTable(threePoint(7, 7, 7, 'pert')).lo, daysTable(threePoint(7, 7, 7, 'pert')).count], [7, 1]);
});

test('the alias sampler draws each whole day with its probability', () => {
  const tables = [daysTable(threePoint(8, 10, 20, 'pert')), daysTable(threePoint(1, 1, 9, 'triangular')), daysTable(threePoint(3, 3, 3, 'pert'))];
  const packed = packTables(tables);
  const rng = new Xoshiro128(42);
  const N = 100_000;
  const out = new Int32Array(tables.length * N);
  for (let i = 0; i < N; i++) sampleTablesInto(rng, packed, tables.length, out, i * tables.length);
  tables.forEach((t, e) => {
    const counts = new Float64Array(t.count);
    for (let i = 0; i < N; i++) { const k = (out[i * tables.length + e] as number) - t.lo; assert.ok(k >= 0 && k < t.count); counts[k] = (counts[k] as number) + 1; }
    for (let k = 0; k < t.count; k++) {
      const p = t.p[k] as number;
      assert.ok(Math.abs((counts[k] as number) / N - p) <= 5 * Math.sqrt((p * (1 - p)) / N) + 1e-9, `table ${e}, W = ${t.lo + k}: ${(counts[k] as number) / N} vs ${p}`);
    }
  });
});

test('block streams: block b is the seed\'s generator after b jumps, whatever was asked before', () => {
  const fresh = new Streams(9).of(5).nextUint32();
  const s = new Streams(9);
  for (const b of [0, 3, 7, 2]) s.of(b);
  assert.equal(s.of(5).nextUint32(), fresh);
  const g = new Xoshiro128(9);
  for (let i = 0; i < 5; i++) g.jump();
  assert.equal(g.nextUint32(), fresh);
  assert.notEqual(new Streams(9).of(4).nextUint32(), fresh);
});
