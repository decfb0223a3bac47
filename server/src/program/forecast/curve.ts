// The empirical cumulative distribution of a forecast date (the S-curve the
// preview's Forecast tab draws): for each distinct date the iterations end on,
// the share of iterations that end on or before it. Its points agree with the
// Pnn rule (stats.ts `percentile`): Pnn is the first point whose share is at
// least nn%.
import type { Day } from '../types.js';

export interface CurvePoint {
  readonly day: Day;
  /** Share (0..1) of all iterations ending on or before `day`. */
  readonly share: number;
}

/** The curve of ascending `sorted` positions; `toDay` maps a position to its date (null: no date, skipped). */
export function cumulativeCurve(sorted: Float64Array, toDay: (x: number) => Day | null): CurvePoint[] {
  const n = sorted.length;
  const out: CurvePoint[] = [];
  for (let i = 0; i < n; ) {
    const v = sorted[i] as number;
    let j = i + 1;
    while (j < n && sorted[j] === v) j++;
    const day = toDay(v);
    if (day !== null) {
      const last = out[out.length - 1];
      // Positions between working days can map to the same date: one point per date.
      if (last && last.day === day) out[out.length - 1] = { day, share: j / n };
      else out.push({ day, share: j / n });
    }
    i = j;
  }
  return out;
}
