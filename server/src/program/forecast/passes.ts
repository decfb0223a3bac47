// One iteration's schedule on the compiled network: the core scheduler's
// forward and backward passes (schedule-forward.ts, schedule-backward.ts) with
// the same rules in the same order, over typed arrays and calendar positions
// (network.ts), allocating nothing. Kept rule for rule beside the core's so a
// change there is easy to mirror here; the equivalence test catches a miss.
import * as N from './network.js';
import type { IterationNetwork as Network } from './network.js';
import * as O from './own-days.js';

// Copied into module constants once: read through an import they may compile
// to property getters (CommonJS interop, e.g. under tsx), costly in the loops.
const DEP_FF = N.DEP_FF;
const DEP_SS = N.DEP_SS;
const F_ACTUAL_END = N.F_ACTUAL_END;
const F_ACTUAL_START = N.F_ACTUAL_START;
const F_CANCELLED = N.F_CANCELLED;
const F_REMAINING = N.F_REMAINING;
const endFrom = O.endFrom;
const firstOwn = O.firstOwn;
const lastOwn = O.lastOwn;
const ownDaysIn = O.ownDaysIn;
const prevOwn = O.prevOwn;
const KIND_MILESTONE = N.KIND_MILESTONE;
const KIND_WORKSTREAM = N.KIND_WORKSTREAM;

export interface PassBuffers {
  /** Early start / end positions. */
  readonly es: Float64Array;
  readonly ef: Float64Array;
  /** Tasks: working days occupied (0 when cancelled). */
  readonly len: Float64Array;
  readonly endBound: Float64Array;
  readonly startBound: Float64Array;
  /** Late start / end positions and total float (working days). */
  readonly ls: Float64Array;
  readonly lf: Float64Array;
  readonly float: Float64Array;
}

export function createBuffers(n: number): PassBuffers {
  return {
    es: new Float64Array(n), ef: new Float64Array(n), len: new Float64Array(n),
    endBound: new Float64Array(n), startBound: new Float64Array(n),
    ls: new Float64Array(n), lf: new Float64Array(n), float: new Float64Array(n),
  };
}

/** Levelled dates (positions) that replace the computed ones; NaN where the pass decides. */
export interface Forced {
  readonly start: Float64Array;
  readonly end: Float64Array;
}

/**
 * Levelling's holds as finish-to-start links (resource-constrained float):
 * holder[start[i] .. start[i + 1]) kept a resource from task i; `order` is a
 * topological order of the network with them.
 */
export interface HoldLinks {
  readonly order: Int32Array;
  readonly start: Int32Array;
  readonly holder: Int32Array;
  /** Nodes on a cycle through holds: no late dates and no float, as in the core. */
  readonly cyclic: Uint8Array;
}

// Calendar arithmetic on positions (network.ts): k >= 0.
function next(x: number, k: number): number {
  return k === 0 ? x : Math.floor(x) + k;
}
function prev(x: number, k: number): number {
  return k === 0 ? x : Math.ceil(x) - k;
}

/**
 * Early dates for durations `dur` (working days per task) and milestone delays
 * `delay` (working days a milestone is moved later; 0 for none). Returns the
 * program finish (the latest end of all tasks and milestones), NaN when the
 * network is empty.
 */
export function forwardPass(net: Network, dur: Int32Array, delay: Int32Array, b: PassBuffers, forced?: Forced): number {
  const { n, kind, predStart, pred, predType, predLag, flags, calIdx, blocked } = net;
  const { es, ef, len } = b;
  let finish = -Infinity;
  for (let i = 0; i < n; i++) {
    const k = kind[i];
    if (k === KIND_WORKSTREAM) {
      let lo = Infinity;
      let hi = -Infinity;
      for (let j = net.memberStart[i] as number; j < (net.memberStart[i + 1] as number); j++) {
        const t = net.member[j] as number;
        if ((es[t] as number) < lo) lo = es[t] as number;
        if ((ef[t] as number) > hi) hi = ef[t] as number;
      }
      es[i] = lo;
      ef[i] = hi;
      continue;
    }
    const p0 = predStart[i] as number;
    const p1 = predStart[i + 1] as number;
    if (k === KIND_MILESTONE) {
      let best = -Infinity;
      for (let j = p0; j < p1; j++) {
        const at = next(ef[pred[j] as number] as number, predLag[j] as number);
        if (at > best) best = at;
      }
      if (p1 === p0) {
        const fixed = net.fixedDate[i] as number;
        best = fixed === fixed ? fixed : 0; // no dated predecessor: its date, else the program start
      }
      const d = delay[i] as number;
      if (d > 0) best = next(best, d);
      es[i] = best;
      ef[i] = best;
      if (best > finish) finish = best;
      continue;
    }
    // A task.
    const d = dur[i] as number;
    const f = flags[i] as number;
    const ci = calIdx[i] as number;
    const bl = ci >= 0 ? blocked[ci] : undefined;
    let start: number;
    if (f & F_ACTUAL_START) {
      start = net.actualStart[i] as number;
    } else {
      start = net.notBefore[i] as number;
      for (let j = p0; j < p1; j++) {
        const p = pred[j] as number;
        const type = predType[j];
        const lag = predLag[j] as number;
        let at: number;
        if (type === DEP_SS) at = next(es[p] as number, lag);
        else if (type === DEP_FF) at = prev(Math.ceil(next(ef[p] as number, lag)), d - 1);
        else at = next(ef[p] as number, 1 + lag);
        if (at > start) start = at;
      }
      start = Math.ceil(start);
      if (bl) start = firstOwn(bl, start);
    }
    let end: number;
    if (f & F_CANCELLED) {
      end = prev(start, 1);
      len[i] = 0;
    } else if (f & F_ACTUAL_END) {
      end = net.actualEnd[i] as number;
      len[i] = ownDaysIn(bl, start, end);
    } else {
      const s0 = bl ? firstOwn(bl, Math.ceil(start)) : Math.ceil(start);
      end = bl ? endFrom(bl, s0, d) : next(s0, d - 1);
      let moved = false;
      if (f & F_REMAINING) {
        // Started: the remaining work, resumed on the status date, ends no earlier than this.
        const remaining = Math.max(1, Math.ceil((d * (100 - (net.progress[i] as number))) / 100 - 1e-9));
        const pf = net.progressFrom;
        const resumed = bl ? endFrom(bl, firstOwn(bl, pf), remaining) : pf + remaining - 1;
        if (resumed > end) { end = resumed; moved = true; }
      }
      len[i] = moved || f & F_ACTUAL_START ? ownDaysIn(bl, start, end) : d;
    }
    if (forced) {
      const fs = forced.start[i] as number;
      if (fs === fs) { start = fs; end = forced.end[i] as number; len[i] = ownDaysIn(bl, start, end); }
    }
    es[i] = start;
    ef[i] = end;
    if (end > finish) finish = end;
  }
  return finish === -Infinity ? NaN : finish;
}

/** Late dates and total float from the early dates in `b` and the finish (schedule-backward.ts, rule for rule). */
export function backwardPass(net: Network, dur: Int32Array, finish: number, b: PassBuffers, holds?: HoldLinks): void {
  const { n, kind, predStart, pred, predType, predLag, calIdx, blocked } = net;
  const { es, len, endBound, startBound, ls, lf, float } = b;
  endBound.fill(Infinity);
  startBound.fill(Infinity);
  for (let at = n - 1; at >= 0; at--) {
    const i = holds ? (holds.order[at] as number) : at;
    const k = kind[i];
    if (holds && holds.cyclic[i]) { ls[i] = NaN; lf[i] = NaN; float[i] = NaN; continue; }
    if (k === KIND_WORKSTREAM) {
      const eb = endBound[i] as number;
      const sb = startBound[i] as number;
      const s = es[i] as number;
      for (let j = net.memberStart[i] as number; j < (net.memberStart[i + 1] as number); j++) {
        const t = net.member[j] as number;
        if (eb < (endBound[t] as number)) endBound[t] = eb;
        if (es[t] === s && sb < (startBound[t] as number)) startBound[t] = sb;
      }
      continue;
    }
    const p0 = predStart[i] as number;
    const p1 = predStart[i + 1] as number;
    if (k === KIND_MILESTONE) {
      const eb = endBound[i] as number;
      const late = eb < finish ? eb : finish;
      ls[i] = late;
      lf[i] = late;
      float[i] = Math.floor(late) - Math.floor(es[i] as number);
      for (let j = p0; j < p1; j++) {
        const p = pred[j] as number;
        const bound = prev(late, predLag[j] as number);
        if (bound < (endBound[p] as number)) endBound[p] = bound;
      }
      continue;
    }
    const days = len[i] as number;
    const ci = calIdx[i] as number;
    const bl = days >= 1 && ci >= 0 ? blocked[ci] : undefined;
    const eb = endBound[i] as number;
    let lateEnd = Math.floor(eb < finish ? eb : finish);
    if (bl) lateEnd = lastOwn(bl, lateEnd);
    let lateStart = days >= 1 ? (bl ? prevOwn(bl, lateEnd, days - 1) : prev(lateEnd, days - 1)) : next(lateEnd, 1);
    const sb = startBound[i] as number;
    if (sb < lateStart) {
      lateStart = Math.floor(sb);
      if (bl) lateStart = lastOwn(bl, lateStart);
      lateEnd = days >= 1 ? (bl ? endFrom(bl, lateStart, days) : next(lateStart, days - 1)) : prev(lateStart, 1);
    }
    ls[i] = lateStart;
    lf[i] = lateEnd;
    float[i] = Math.ceil(lateStart) - Math.ceil(es[i] as number);
    for (let j = p0; j < p1; j++) {
      const p = pred[j] as number;
      const type = predType[j];
      const lag = predLag[j] as number;
      if (kind[p] === KIND_MILESTONE || (type !== DEP_SS && type !== DEP_FF)) {
        const bound = prev(lateStart, 1 + lag);
        if (bound < (endBound[p] as number)) endBound[p] = bound;
      } else if (type === DEP_SS) {
        const bound = prev(lateStart, lag);
        if (bound < (startBound[p] as number)) startBound[p] = bound;
      } else {
        const planned = days >= 1 ? lateEnd : next(lateStart, Math.max(1, dur[i] as number) - 1);
        const bound = prev(planned, lag);
        if (bound < (endBound[p] as number)) endBound[p] = bound;
      }
    }
    if (holds) {
      const bound = prev(lateStart, 1);
      for (let j = holds.start[i] as number; j < (holds.start[i + 1] as number); j++) {
        const h = holds.holder[j] as number;
        if (bound < (endBound[h] as number)) endBound[h] = bound;
      }
    }
  }
}

