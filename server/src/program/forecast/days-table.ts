// Sampling whole days exactly, fast. A task's sampled duration is
// W = max(1, ceil(X)) with X the three-point distribution over [a, b]
// (program-format.md), so W takes the whole values ceil(a) .. ceil(b) with
// P(W <= k) = F(k), F the CDF of X. This module computes those probabilities
// from F in closed form (triangular) or from the regularized incomplete beta
// function (PERT: I_t(alpha, beta) by its continued fraction, Numerical Recipes
// 3rd ed. §6.4, with ln Γ by Lanczos' approximation, g = 7, n = 9), and draws W
// by Walker's alias method (Vose's construction, "A linear algorithm for
// generating random numbers with a given distribution", IEEE TSE 17(9), 1991):
// one 53-bit uniform per sample, no logarithm, no loop. The distribution of W
// is the one the format page defines (to about 1e-15 per value); the
// continuous sampler (random.ts: sampleThreePoint) stays as its reference and
// for the moments tests.
//
// Only IEEE-exact arithmetic and Math.exp / Math.log (fdlibm ports in V8 on
// every platform) are used, so a table, and the forecast, is the same on every
// machine running Node.
import type { ThreePoint, Xoshiro128 } from './random.js';
import { pertShape } from './random.js';

const TWO_POW_M32 = 1 / 4294967296;

export interface DaysTable {
  /** The smallest value, and how many consecutive whole values W takes. */
  readonly lo: number;
  readonly count: number;
  /** P(W = lo + k). */
  readonly p: Float64Array;
  /** Alias table: keep k when the fraction is below prob[k], else take alias[k]. */
  readonly prob: Float64Array;
  readonly alias: Int32Array;
}

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x >= 1/2 (Lanczos, g = 7; PERT's shapes are 1 .. 5). */
export function logGamma(x: number): number {
  const z = x - 1;
  let s = LANCZOS[0] as number;
  for (let i = 1; i < 9; i++) s += (LANCZOS[i] as number) / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(s);
}

/** The continued fraction of the incomplete beta function (modified Lentz). */
function betaFraction(a: number, b: number, x: number): number {
  const TINY = 1e-300;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 1000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d; if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c; if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d; if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c; if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return h;
}

/** The regularized incomplete beta function I_x(a, b). */
export function incompleteBeta(a: number, b: number, x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2) ? (front * betaFraction(a, b, x)) / a : 1 - (front * betaFraction(b, a, 1 - x)) / b;
}

/** P(X <= x) for the three-point distribution. */
export function threePointCdf(t: ThreePoint, x: number): number {
  const { a, m, b } = t;
  if (x <= a) return 0;
  if (x >= b) return 1;
  if (t.kind === 'triangular') {
    return x <= m ? ((x - a) * (x - a)) / ((b - a) * (m - a)) : 1 - ((b - x) * (b - x)) / ((b - a) * (b - m));
  }
  const { alpha, beta } = pertShape(a, m, b);
  return incompleteBeta(alpha, beta, (x - a) / (b - a));
}

/** The exact distribution of max(1, ceil(X)), with its alias table. */
export function daysTable(t: ThreePoint): DaysTable {
  if (!(t.b > t.a)) {
    const v = Math.max(1, Math.ceil(t.a));
    return { lo: v, count: 1, p: Float64Array.of(1), prob: Float64Array.of(1), alias: Int32Array.of(0) };
  }
  const lo = Math.max(1, Math.ceil(t.a));
  const hi = Math.max(1, Math.ceil(t.b));
  const count = hi - lo + 1;
  const p = new Float64Array(count);
  let below = 0; // F(lo - 1 + k), with everything at or below 1 gathered on 1
  for (let k = 0; k < count; k++) {
    const F = k === count - 1 ? 1 : threePointCdf(t, lo + k);
    p[k] = Math.max(0, F - below);
    below = F;
  }
  const { prob, alias } = aliasTable(p);
  return { lo, count, p, prob, alias };
}

/** Vose's alias table for probabilities p (summing to 1). */
function aliasTable(p: Float64Array): { prob: Float64Array; alias: Int32Array } {
  const n = p.length;
  const prob = new Float64Array(n);
  const alias = new Int32Array(n);
  const scaled = Float64Array.from(p, (x) => x * n);
  const small: number[] = [];
  const large: number[] = [];
  for (let i = 0; i < n; i++) ((scaled[i] as number) < 1 ? small : large).push(i);
  while (small.length > 0 && large.length > 0) {
    const s = small.pop() as number;
    const l = large.pop() as number;
    prob[s] = scaled[s] as number;
    alias[s] = l;
    scaled[l] = (scaled[l] as number) + (scaled[s] as number) - 1;
    ((scaled[l] as number) < 1 ? small : large).push(l);
  }
  for (const i of large) { prob[i] = 1; alias[i] = i; }
  for (const i of small) { prob[i] = 1; alias[i] = i; } // rounding leftovers
  return { prob, alias };
}

/** Many tables in flat arrays, for the sampling loop: entry e is off[e] .. off[e] + count[e] of prob/alias, plus lo[e]. */
export interface PackedTables {
  readonly lo: Int32Array;
  readonly count: Int32Array;
  readonly off: Int32Array;
  readonly prob: Float64Array;
  readonly alias: Int32Array;
}

export function packTables(tables: readonly DaysTable[]): PackedTables {
  const lo = new Int32Array(tables.length);
  const count = new Int32Array(tables.length);
  const off = new Int32Array(tables.length);
  const at = new Map<DaysTable, number>();
  let size = 0;
  for (const t of tables) if (!at.has(t)) { at.set(t, size); size += t.count; }
  const prob = new Float64Array(size);
  const alias = new Int32Array(size);
  for (const [t, o] of at) { prob.set(t.prob, o); alias.set(t.alias, o); }
  tables.forEach((t, e) => { lo[e] = t.lo; count[e] = t.count; off[e] = at.get(t) as number; });
  return { lo, count, off, prob, alias };
}

/**
 * The hot loop: one whole-days sample per entry of `t` (in order), into `out`
 * from `offset`. A table of one value draws nothing; any other draws one
 * 32-bit output r (the `// next32` block is Xoshiro128.nextUint32 verbatim,
 * the state kept in locals): with x = r·count/2^32, k = floor(x) is kept when
 * the fraction x − k is below prob[k], else alias[k]. Each value's
 * probability is then exact to within count/2^32 (one output's resolution,
 * as the continuous sampler's open01).
 */
export function sampleTablesInto(rng: Xoshiro128, t: PackedTables, entries: number, out: Int32Array, offset: number): void {
  let s0 = rng.s0; let s1 = rng.s1; let s2 = rng.s2; let s3 = rng.s3;
  let r = 0; let tt = 0;
  const { lo, count, off, prob, alias } = t;
  for (let e = 0; e < entries; e++) {
    const n = count[e] as number;
    let v = lo[e] as number;
    if (n > 1) {
      // next32
      r = Math.imul(s1, 5); r = Math.imul((r << 7) | (r >>> 25), 9) >>> 0; tt = s1 << 9; s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= tt; s3 = (s3 << 11) | (s3 >>> 21);
      const x = r * n * TWO_POW_M32; // exact: r·n < 2^53
      const k = Math.floor(x);
      const j = (off[e] as number) + k;
      v += x - k < (prob[j] as number) ? k : (alias[j] as number);
    }
    out[offset + e] = v;
  }
  rng.s0 = s0; rng.s1 = s1; rng.s2 = s2; rng.s3 = s3;
}

/** One whole-days sample from one table (risk impacts), drawn as in sampleTablesInto. */
export function sampleTable(rng: Xoshiro128, t: DaysTable): number {
  if (t.count === 1) return t.lo;
  const x = rng.nextUint32() * t.count * TWO_POW_M32;
  const k = Math.floor(x);
  return t.lo + (x - k < (t.prob[k] as number) ? k : (t.alias[k] as number));
}
