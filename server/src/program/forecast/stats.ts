// The forecast's statistics, to the letter of program-format.md ("Estimates
// and schedule risk"): percentiles as "the earliest value on or before which
// at least nn% of the iterations end", and Spearman's rank correlation with
// tied values given their average rank.

/**
 * The nn-th percentile of ascending `sorted` values: the smallest value v with
 * #{x <= v} >= nn% of them, i.e. sorted[ceil(nn·N/100) - 1] (integer
 * arithmetic, so 10% of 5,000 is exactly the 500th value). NaN when empty.
 */
export function percentile(sorted: Float64Array, nn: number): number {
  const count = sorted.length;
  if (count === 0) return NaN;
  const k = Math.max(1, Math.floor((nn * count + 99) / 100));
  return sorted[Math.min(count, k) - 1] as number;
}

/** Ranks 1..N of `values`, ties sharing the average of the ranks they span. */
export function averageRanks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  idx.sort((a, b) => (values[a] as number) - (values[b] as number) || a - b);
  const ranks = new Float64Array(n);
  for (let i = 0; i < n; ) {
    let j = i + 1;
    const v = values[idx[i] as number];
    while (j < n && values[idx[j] as number] === v) j++;
    const r = (i + 1 + j) / 2; // average of ranks i+1 .. j
    for (let k = i; k < j; k++) ranks[idx[k] as number] = r;
    i = j;
  }
  return ranks;
}

/**
 * Spearman's rho: Pearson's correlation of two rank vectors. Null when either
 * is constant (the correlation is undefined: 0/0) or there are fewer than 2.
 */
export function rankCorrelation(rx: Float64Array, ry: Float64Array): number | null {
  const n = rx.length;
  if (n < 2 || ry.length !== n) return null;
  const mean = (n + 1) / 2; // the mean of average ranks, exactly
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (rx[i] as number) - mean;
    const dy = (ry[i] as number) - mean;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  const r = sxy / Math.sqrt(sxx * syy);
  return r > 1 ? 1 : r < -1 ? -1 : r;
}

/**
 * Spearman's rho of whole numbers in [lo, hi] (one task's sampled days) with
 * precomputed ranks `ry`, without allocating: the average rank of each value
 * comes from counts kept in `counts` (at least hi - lo + 1 long), and the
 * ranks are written to `ranks` (as long as `values`). The same value as
 * rankCorrelation(averageRanks(values), ry).
 */
export function integerRankCorrelation(values: Int32Array, lo: number, hi: number, ry: Float64Array, counts: Float64Array, ranks: Float64Array): number | null {
  const n = values.length;
  const range = hi - lo + 1;
  if (!(range >= 1) || range > counts.length || ranks.length !== n) return rankCorrelation(averageRanks(values), ry);
  counts.fill(0, 0, range);
  for (let i = 0; i < n; i++) {
    const k = (values[i] as number) - lo;
    if (k < 0 || k >= range) return rankCorrelation(averageRanks(values), ry);
    counts[k] = (counts[k] as number) + 1;
  }
  let below = 0;
  for (let k = 0; k < range; k++) {
    const c = counts[k] as number;
    counts[k] = below + (c + 1) / 2; // the average of ranks below + 1 .. below + c
    below += c;
  }
  for (let i = 0; i < n; i++) ranks[i] = counts[(values[i] as number) - lo] as number;
  return rankCorrelation(ranks, ry);
}
