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
// What the sampling path relies on beyond integer arithmetic: +, -, *, / and
// Math.sqrt are correctly rounded IEEE 754 operations (identical everywhere);
// Math.log is not required to be by ECMAScript, but V8 (Node) computes it with
// its port of fdlibm (src/base/ieee754.cc) on every platform, so it is the same
// on every machine running Node. No Math.random, no trigonometry, no Math.pow.

const TWO_POW_26 = 67108864;
const TWO_POW_53 = 9007199254740992;
const MASK64 = (1n << 64n) - 1n;

export class Xoshiro128 {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  /** Marsaglia's polar method makes normals in pairs: the spare one, or NaN. */
  private spare = NaN;

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
      words.push(Number(z & 0xffffffffn), Number(z >> 32n));
    }
    [this.s0, this.s1, this.s2, this.s3] = words as [number, number, number, number];
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1; // the all-zero state is a fixed point
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

  /** A standard normal deviate (Marsaglia's polar method: no trigonometry). */
  normal(): number {
    const spare = this.spare;
    if (spare === spare) { // not NaN
      this.spare = NaN;
      return spare;
    }
    for (;;) {
      const u = 2 * this.uniform() - 1;
      const v = 2 * this.uniform() - 1;
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
      const u = this.uniform();
      const x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2) return d * v;
      if (u > 0 && Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
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
  const u = rng.uniform();
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
