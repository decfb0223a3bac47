// A task's own calendar on network positions (network.ts): program working
// days are whole positions, and a task whose assignees have leave skips the
// runs in its `blocked` list (sorted, disjoint, inclusive [a0, b0, a1, b1, …],
// merged so two runs are always at least one free day apart). The same
// representation as the leveller's (level-sgs.ts), so first day and end of
// work are its functions; here are the backward pass's.
export { endFrom, firstOwn } from '../level-sgs.js';

/** The last free day on or before whole position t. */
export function lastOwn(bl: Int32Array, t: number): number {
  for (let j = bl.length - 2; j >= 0; j -= 2) {
    if (t > (bl[j + 1] as number)) return t;
    if (t >= (bl[j] as number)) return (bl[j] as number) - 1;
  }
  return t;
}

/** The free day k free days before free day t (k >= 0). */
export function prevOwn(bl: Int32Array, t: number, k: number): number {
  let left = k;
  for (let j = bl.length - 2; j >= 0 && left > 0; j -= 2) {
    const a = bl[j] as number;
    const b = bl[j + 1] as number;
    if (a > t) continue;
    const free = t - b - 1; // free days strictly between this run and t
    if (free >= left) return t - left;
    left -= free + 1;
    t = a - 1;
  }
  return t - left;
}

/** Free days in [s, e] (positions; 0 when e < s). */
export function ownDaysIn(bl: Int32Array | undefined, s: number, e: number): number {
  const lo = Math.ceil(s);
  const hi = Math.floor(e);
  if (hi < lo) return 0;
  let days = hi - lo + 1;
  if (bl) {
    for (let j = 0; j < bl.length; j += 2) {
      const a = Math.max(lo, bl[j] as number);
      const b = Math.min(hi, bl[j + 1] as number);
      if (b >= a) days -= b - a + 1;
    }
  }
  return days;
}
