// The forecast's random numbers: one seeded generator with a named algorithm,
// and the distributions the format page names, so the same file and seed give
// the same forecast on every machine.
//
// Generator: xoshiro128** 1.1 (David Blackman and Sebastiano Vigna, "Scrambled
// linear pseudorandom number generators", ACM TOMS 47(4), 2021;
// reference code https://prng.di.unimi.it/xoshiro128starstar.c). It is 32-bit
// integer arithmetic only (Math.imul, shifts, xor), exact in every JavaScript
// engine. Its 128-bit state is filled from the seed by SplitMix64 (Steele, Lea
// and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014;
// https://prng.di.unimi.it/splitmix64.c), as the authors recommend, using
// BigInt once per seed.
//
// Streams: the iterations run in fixed blocks (blocks.ts), and block b draws
// from the generator's state after b calls of the reference jump() (each
// equivalent to 2^64 outputs; "it can be used to generate 2^64
// non-overlapping subsequences for parallel computations", ibid.), so a
// block's numbers depend only on the seed and its index: the forecast is the
// same whichever thread runs which block.
//
// What the sampling path relies on beyond integer arithmetic: +, -, *, / and
// Math.sqrt are correctly rounded IEEE 754 operations (identical everywhere);
// Math.log is not required to be by ECMAScript, but V8 (Node) computes it with
// its port of fdlibm (src/base/ieee754.cc) on every platform, so it is the same
// on every machine running Node. No Math.random, no trigonometry, no Math.pow.

const TWO_POW_26 = 67108864;
const TWO_POW_53 = 9007199254740992;
const TWO_POW_M32 = 1 / 4294967296;
const MASK64 = (1n << 64n) - 1n;
const JUMP = [0x8764000b, 0xf542d2d3, 0x6fa035c3, 0x77f2db5b] as const;

export class Xoshiro128 {
  // Public only for sampleDaysInto below, which keeps them in locals over a batch.
  s0: number;
  s1: number;
  s2: number;
  s3: number;
  /** Marsaglia's polar method makes normals in pairs: the spare one, or NaN. */
  spare = NaN;

  constructor(seed: number) {
    let x = BigInt.asUintN(64, BigInt(Math.trunc(seed)));
    const words: number[] = [];
    for (let i = 0; i < 2; i++) {
      // SplitMix64
      x = (x + 0x9e3779b97f4a7c15n) & MASK64;
      let z = x;
      z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
      z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
      z ^= z >> 31n;
      // As signed 32-bit integers (the same bits): the state fields stay small integers in V8.
      words.push(Number(z & 0xffffffffn) | 0, Number(z >> 32n) | 0);
    }
    [this.s0, this.s1, this.s2, this.s3] = words as [number, number, number, number];
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1; // the all-zero state is a fixed point
  }

  /** A generator at the same point of the same stream. */
  clone(): Xoshiro128 {
    const c = new Xoshiro128(0);
    c.s0 = this.s0; c.s1 = this.s1; c.s2 = this.s2; c.s3 = this.s3; c.spare = this.spare;
    return c;
  }

  /** The reference jump(): the state 2^64 outputs ahead (xoshiro128starstar.c, JUMP polynomial verbatim). */
  jump(): void {
    let t0 = 0; let t1 = 0; let t2 = 0; let t3 = 0;
    for (const word of JUMP) {
      for (let b = 0; b < 32; b++) {
        if ((word >>> b) & 1) { t0 ^= this.s0; t1 ^= this.s1; t2 ^= this.s2; t3 ^= this.s3; }
        this.nextUint32();
      }
    }
    this.s0 = t0; this.s1 = t1; this.s2 = t2; this.s3 = t3;
    this.spare = NaN;
  }

  /** The next 32 random bits, as an unsigned integer. */
  nextUint32(): number {
    const s1 = this.s1;
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** A uniform double in [0, 1) with 53 random bits (two outputs: 27 high bits and 26 low bits). */
  uniform(): number {
    const hi = this.nextUint32() >>> 5;
    const lo = this.nextUint32() >>> 6;
    return (hi * TWO_POW_26 + lo) / TWO_POW_53;
  }

  /** A uniform double in (0, 1) from one 32-bit output: (k + 1/2) / 2^32. Enough resolution for sampling durations. */
  open01(): number {
    return (this.nextUint32() + 0.5) * TWO_POW_M32;
  }

  /** A standard normal deviate (Marsaglia's polar method: no trigonometry). */
  normal(): number {
    const spare = this.spare;
    if (spare === spare) { // not NaN
      this.spare = NaN;
      return spare;
    }
    for (;;) {
      const u = 2 * this.open01() - 1;
      const v = 2 * this.open01() - 1;
      const s = u * u + v * v;
      if (s >= 1 || s === 0) continue;
      const f = Math.sqrt((-2 * Math.log(s)) / s);
      this.spare = v * f;
      return u * f;
    }
  }

  /**
   * A Gamma(alpha, 1) deviate for alpha >= 1 by Marsaglia and Tsang, "A simple
   * method for generating gamma variables", ACM TOMS 26(3), 2000. `d` is
   * alpha - 1/3 and `c` is 1 / sqrt(9d), precomputed by the caller.
   */
  gamma(d: number, c: number): number {
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.open01();
      const x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2) return d * v;
      if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
    }
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** A three-point distribution, precomputed for fast sampling. */
export interface ThreePoint {
  readonly a: number;
  readonly m: number;
  readonly b: number;
  readonly kind: 'pert' | 'triangular';
  /** PERT: Marsaglia-Tsang constants of Gamma(alpha) and Gamma(beta). */
  readonly dA: number;
  readonly cA: number;
  readonly dB: number;
  readonly cB: number;
  /** Triangular: the CDF at the mode, (m - a) / (b - a). */
  readonly fm: number;
}

/** PERT shape parameters (program-format.md): alpha = 1 + 4(m - a)/(b - a), beta = 1 + 4(b - m)/(b - a). */
export function pertShape(a: number, m: number, b: number): { alpha: number; beta: number } {
  return { alpha: 1 + (4 * (m - a)) / (b - a), beta: 1 + (4 * (b - m)) / (b - a) };
}

export function threePoint(a: number, m: number, b: number, kind: 'pert' | 'triangular'): ThreePoint {
  let dA = 0; let cA = 0; let dB = 0; let cB = 0; let fm = 0;
  if (b > a) {
    const { alpha, beta } = pertShape(a, m, b);
    dA = alpha - 1 / 3; cA = 1 / Math.sqrt(9 * dA);
    dB = beta - 1 / 3; cB = 1 / Math.sqrt(9 * dB);
    fm = (m - a) / (b - a);
  }
  return { a, m, b, kind, dA, cA, dB, cB, fm };
}

/**
 * One sample from [a, b] with mode m. PERT: a + (b - a)·X/(X + Y) with
 * X ~ Gamma(alpha), Y ~ Gamma(beta) (a Beta(alpha, beta) deviate). Triangular:
 * the inverse of its CDF at a uniform u. All three equal: that value, and no
 * random number is drawn.
 */
export function sampleThreePoint(rng: Xoshiro128, t: ThreePoint): number {
  const { a, b } = t;
  if (!(b > a)) return a;
  if (t.kind === 'pert') {
    const x = rng.gamma(t.dA, t.cA);
    const y = rng.gamma(t.dB, t.cB);
    return a + ((b - a) * x) / (x + y);
  }
  const u = rng.open01();
  if (u < t.fm) return a + Math.sqrt(u * (b - a) * (t.m - a));
  return b - Math.sqrt((1 - u) * (b - a) * (b - t.m));
}

/** The closed-form mean and variance of a three-point distribution (for tests and documentation). */
export function threePointMoments(a: number, m: number, b: number, kind: 'pert' | 'triangular'): { mean: number; variance: number } {
  if (!(b > a)) return { mean: a, variance: 0 };
  if (kind === 'triangular') {
    return { mean: (a + m + b) / 3, variance: (a * a + b * b + m * m - a * b - a * m - b * m) / 18 };
  }
  const { alpha, beta } = pertShape(a, m, b);
  const s = alpha + beta;
  return { mean: a + ((b - a) * alpha) / s, variance: ((b - a) ** 2 * alpha * beta) / (s * s * (s + 1)) };
}
