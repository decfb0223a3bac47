// The serial schedule-generation scheme (SGS) the leveller is built on: a
// resource-constrained scheduling problem in whole time units, and a decoder
// that turns a priority (one key per activity) into a feasible schedule.
//
// Time is an index of program working days (program-format.md, "Resources and
// levelling"): lags count program working days, and a task with assignees on
// leave has "blocked" indices over which it pauses (its own calendar). The
// network keeps the program's shapes: tasks, milestones (an instant: the
// latest of what they depend on, or a fixed index) and workstreams (they start
// with their first task and end with their last), with FS/SS/FF edges and lags.
//
// Decoding: activities are taken one at a time, each when all its
// predecessors are placed; among those ready, the highest `priority` first,
// then the highest key. Each is placed at the earliest start that its
// predecessors, its release (never earlier than the critical-path schedule)
// and its own calendar allow, and on which every day of its work fits in
// every resource it uses. Nothing is ever split by levelling.

import { DEP_FF, DEP_SS } from './dependency-codes.js';
// Local copies for the inner loop: unbundled (tsx, tests, bench) an imported binding is a getter call per use.
const FF: number = DEP_FF;
const SS: number = DEP_SS;

// Edge types: the shared dependency codes (dependency-codes.ts), under short names.
export { DEP_FF as FF, DEP_FS as FS, DEP_SS as SS } from './dependency-codes.js';

export const TASK = 0;
export const MILESTONE = 1;
export const GROUP = 2;
/** A task whose dates are given (started, done, cancelled): placed as is, its usage counted. */
export const FIXED = 3;
/** Undated (in a cycle, or no working day): ignored, and so are edges from it. */
export const SKIP = 4;

export interface SgsProblem {
  readonly n: number;
  readonly kind: Uint8Array;
  /** Tasks: working days of work. */
  readonly dur: Int32Array;
  /** Tasks: earliest start index. Milestones without dated predecessors: their index. */
  readonly release: Int32Array;
  /** FIXED tasks: start and end indices (end = start - 1 when it takes no time). */
  readonly fixedStart: Int32Array;
  readonly fixedEnd: Int32Array;
  /** Incoming edges of v: predFrom/predType/predLag[predStart[v] .. predStart[v + 1]). Groups: their members. */
  readonly predStart: Int32Array;
  readonly predFrom: Int32Array;
  readonly predType: Uint8Array;
  readonly predLag: Int32Array;
  /** Units used per day of work: demRes/demUnits[demStart[v] .. demStart[v + 1]). */
  readonly demStart: Int32Array;
  readonly demRes: Int32Array;
  readonly demUnits: Int32Array;
  /** Units of each resource per day. */
  readonly capacity: Int32Array;
  /** Tasks on leave: sorted, disjoint, inclusive index ranges [a0, b0, a1, b1, …] they do not work on. */
  readonly blocked: readonly (Int32Array | undefined)[];
  /** 1..1000: higher is taken first when several activities are ready. */
  readonly priority: Int32Array;
  readonly delay?: Int32Array; // milestones: working days a forecast iteration's risks move each later
}

export interface SgsResult {
  /** Start and end index of each node (tasks: first and last day of work; milestones: both its index). */
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** Tasks: the earliest start precedence and release allowed (before resources). */
  readonly lower: Int32Array;
  /** Order in which tasks were placed (their rank), -1 for others. */
  readonly seq: Int32Array;
  /** Latest end over tasks and milestones. */
  readonly makespan: number;
}

const NEG = -2147483647;

/** Successor lists and in-degrees, computed once per problem. */
export interface SgsIndex {
  readonly succStart: Int32Array;
  readonly succ: Int32Array;
  readonly indeg: Int32Array;
  /** The index tables start with (they grow when a placement goes beyond). */
  readonly horizon: number;
}

export function indexProblem(p: SgsProblem): SgsIndex {
  const { n } = p;
  const succStart = new Int32Array(n + 1);
  const indeg = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    if (p.kind[v] === SKIP) continue;
    for (let k = p.predStart[v] as number; k < (p.predStart[v + 1] as number); k++) {
      const u = p.predFrom[k] as number;
      if (p.kind[u] === SKIP) continue;
      succStart[u + 1] = (succStart[u + 1] as number) + 1;
      indeg[v] = (indeg[v] as number) + 1;
    }
  }
  for (let v = 0; v < n; v++) succStart[v + 1] = (succStart[v + 1] as number) + (succStart[v] as number);
  const fill = succStart.slice(0, n);
  const succ = new Int32Array(succStart[n] as number);
  for (let v = 0; v < n; v++) {
    if (p.kind[v] === SKIP) continue;
    for (let k = p.predStart[v] as number; k < (p.predStart[v + 1] as number); k++) {
      const u = p.predFrom[k] as number;
      if (p.kind[u] === SKIP) continue;
      succ[fill[u] as number] = v;
      fill[u] = (fill[u] as number) + 1;
    }
  }
  // A first guess at the last index in use; the decoder grows its tables past it when needed.
  let horizon = 0;
  let work = 0;
  for (let v = 0; v < n; v++) {
    const k = p.kind[v];
    if (k === SKIP) continue;
    horizon = Math.max(horizon, p.release[v] as number, k === FIXED ? (p.fixedEnd[v] as number) + 1 : 0);
    if (k === TASK) work += p.dur[v] as number;
  }
  return { succStart, succ, indeg, horizon: horizon + Math.min(work, 4096) + 64 };
}

/** The first index >= t that is not blocked for v. */
export function firstOwn(blocked: Int32Array | undefined, t: number): number {
  if (!blocked) return t;
  for (let i = 0; i < blocked.length; i += 2) {
    if (t < (blocked[i] as number)) return t;
    if (t <= (blocked[i + 1] as number)) t = (blocked[i + 1] as number) + 1;
  }
  return t;
}

/** The index of the last of `days` working days starting at own day s. */
export function endFrom(blocked: Int32Array | undefined, s: number, days: number): number {
  if (days <= 0) return s - 1;
  if (!blocked) return s + days - 1;
  let t = s;
  let left = days;
  for (let i = 0; i < blocked.length; i += 2) {
    const a = blocked[i] as number;
    const b = blocked[i + 1] as number;
    if (b < t) continue;
    const free = a - t; // own days before this block
    if (free >= left) return t + left - 1;
    left -= free;
    t = b + 1;
  }
  return t + left - 1;
}

/** The latest own start whose work of `days` days ends on or after `end` (FF). */
function startForEnd(blocked: Int32Array | undefined, end: number, days: number): number {
  let e = firstOwn(blocked, end);
  if (!blocked) return e - days + 1;
  // Walk back days - 1 own days.
  for (let left = days - 1; left > 0; ) {
    e--;
    let inBlock = false;
    for (let i = 0; i < blocked.length; i += 2) if (e >= (blocked[i] as number) && e <= (blocked[i + 1] as number)) { e = (blocked[i] as number); inBlock = true; break; }
    if (!inBlock) left--;
  }
  return e;
}

export interface Decoder {
  /** Places every activity, ready ones by (priority, key) descending. */
  decode(key: Float64Array): SgsResult;
  /** Counts the fixed tasks' usage again, after their dates in the problem changed (a forecast iteration). */
  refix(): void;
}

export function createDecoder(p: SgsProblem, ix: SgsIndex = indexProblem(p)): Decoder {
  const { n } = p;
  const R = p.capacity.length;
  let H = ix.horizon;
  let use = new Int32Array(R * H);
  let base = new Int32Array(R * H);
  /** Makes index t fit in the tables (rows are per resource, so growing copies each row). */
  const ensure = (t: number): void => {
    if (t < H) return;
    const h = Math.max(2 * H, t + 1);
    const nu = new Int32Array(R * h);
    const nb = new Int32Array(R * h);
    for (let r = 0; r < R; r++) {
      nu.set(use.subarray(r * H, (r + 1) * H), r * h);
      nb.set(base.subarray(r * H, (r + 1) * H), r * h);
    }
    use = nu; base = nb; H = h;
  };
  // The fixed tasks' usage, set once (and again by refix).
  const fillBase = (): void => {
    base.fill(0);
    for (let v = 0; v < n; v++) {
      if (p.kind[v] !== FIXED) continue;
      if (p.demStart[v] === p.demStart[v + 1]) continue;
      ensure(p.fixedEnd[v] as number);
      forEachDay(p.blocked[v], p.fixedStart[v] as number, p.fixedEnd[v] as number, (t) => {
        if (t < 0) return;
        for (let k = p.demStart[v] as number; k < (p.demStart[v + 1] as number); k++) {
          const r = p.demRes[k] as number;
          base[r * H + t] = (base[r * H + t] as number) + (p.demUnits[k] as number);
        }
      });
    }
  };
  fillBase();
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  const lower = new Int32Array(n);
  const seq = new Int32Array(n);
  const left = new Int32Array(n);
  const heap = new Int32Array(n);

  const evalNode = (v: number): void => {
    const kind = p.kind[v];
    const a = p.predStart[v] as number;
    const b = p.predStart[v + 1] as number;
    if (kind === GROUP) {
      let lo = Infinity;
      let hi = -Infinity;
      for (let k = a; k < b; k++) {
        const u = p.predFrom[k] as number;
        if (p.kind[u] === SKIP) continue;
        if ((start[u] as number) < lo) lo = start[u] as number;
        if ((end[u] as number) > hi) hi = end[u] as number;
      }
      start[v] = lo === Infinity ? NEG : lo;
      end[v] = hi === -Infinity ? NEG : hi;
      return;
    }
    if (kind === MILESTONE) {
      let at = NEG;
      for (let k = a; k < b; k++) {
        const u = p.predFrom[k] as number;
        if (p.kind[u] === SKIP || end[u] === NEG) continue;
        const x = (end[u] as number) + (p.predLag[k] as number);
        if (x > at) at = x;
      }
      if (at === NEG) at = p.release[v] as number;
      if (p.delay) at += p.delay[v] as number;
      start[v] = at;
      end[v] = at;
      return;
    }
    if (kind === FIXED) {
      start[v] = p.fixedStart[v] as number;
      end[v] = p.fixedEnd[v] as number;
      return;
    }
    // A task.
    const bl = p.blocked[v];
    const d = p.dur[v] as number;
    let s = p.release[v] as number;
    for (let k = a; k < b; k++) {
      const u = p.predFrom[k] as number;
      if (p.kind[u] === SKIP || end[u] === NEG) continue;
      const type = p.predType[k];
      const lag = p.predLag[k] as number;
      let x: number;
      if (p.kind[u] === MILESTONE) x = (end[u] as number) + 1 + lag;
      else if (type === SS) x = (start[u] as number) + lag;
      else if (type === FF) x = startForEnd(bl, (end[u] as number) + lag, d);
      else x = (end[u] as number) + 1 + lag;
      if (x > s) s = x;
    }
    s = firstOwn(bl, s);
    lower[v] = s;
    const da = p.demStart[v] as number;
    const db = p.demStart[v + 1] as number;
    if (da < db && d > 0) {
      for (;;) {
        let conflict = -1;
        let t = s;
        ensure(endFrom(bl, s, d));
        for (let done = 0; done < d && conflict < 0; t++) {
          if (bl && firstOwn(bl, t) !== t) continue;
          for (let k = da; k < db; k++) {
            const r = p.demRes[k] as number;
            if ((use[r * H + t] as number) + (p.demUnits[k] as number) > (p.capacity[r] as number)) { conflict = t; break; }
          }
          done++;
        }
        if (conflict < 0) break;
        s = firstOwn(bl, conflict + 1);
      }
    }
    start[v] = s;
    end[v] = endFrom(bl, s, d);
    if (da < db) {
      const e = end[v] as number;
      ensure(e);
      for (let t = Math.max(0, s); t <= e; t++) {
        if (bl && firstOwn(bl, t) !== t) continue;
        for (let k = da; k < db; k++) {
          const r = p.demRes[k] as number;
          use[r * H + t] = (use[r * H + t] as number) + (p.demUnits[k] as number);
        }
      }
    }
  };

  // Decoding state shared by the helpers below (hoisted: no closures per decode).
  let key: Float64Array = new Float64Array(n);
  let size = 0;
  const stack = new Int32Array(n);
  let top = 0;
  const before = (x: number, y: number): boolean => {
    const px = p.priority[x] as number;
    const py = p.priority[y] as number;
    if (px !== py) return px > py;
    const kx = key[x] as number;
    const ky = key[y] as number;
    return kx !== ky ? kx > ky : x < y;
  };
  const push = (v: number): void => {
    let i = size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(v, heap[parent] as number)) break;
      heap[i] = heap[parent] as number;
      i = parent;
    }
    heap[i] = v;
  };
  const pop = (): number => {
    const first = heap[0] as number;
    const last = heap[--size] as number;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && before(heap[c + 1] as number, heap[c] as number)) c++;
      if (!before(heap[c] as number, last)) break;
      heap[i] = heap[c] as number;
      i = c;
    }
    heap[i] = last;
    return first;
  };
  // Non-task nodes are evaluated as soon as they are ready (a stack), tasks wait in the heap.
  const ready = (v: number): void => {
    if (p.kind[v] === TASK) push(v);
    else stack[top++] = v;
  };
  const release = (v: number): void => {
    for (let k = ix.succStart[v] as number; k < (ix.succStart[v + 1] as number); k++) {
      const w = ix.succ[k] as number;
      left[w] = (left[w] as number) - 1;
      if (left[w] === 0) ready(w);
    }
  };

  return {
    refix: fillBase,
    decode(keys) {
      key = keys;
      use.set(base);
      left.set(ix.indeg);
      seq.fill(-1);
      start.fill(NEG);
      end.fill(NEG);
      lower.fill(NEG);
      size = 0;
      top = 0;
      for (let v = 0; v < n; v++) if (p.kind[v] !== SKIP && left[v] === 0) ready(v);
      let placed = 0;
      for (;;) {
        while (top > 0) {
          const v = stack[--top] as number;
          evalNode(v);
          release(v);
        }
        if (size === 0) break;
        const v = pop();
        evalNode(v);
        seq[v] = placed++;
        release(v);
      }
      let makespan = NEG;
      for (let v = 0; v < n; v++) {
        const k = p.kind[v];
        if ((k === TASK || k === FIXED || k === MILESTONE) && (end[v] as number) > makespan) makespan = end[v] as number;
      }
      return { start: start.slice(), end: end.slice(), lower: lower.slice(), seq: seq.slice(), makespan };
    },
  };
}

/** Calls fn for each day of work from s to e (inclusive), skipping blocked days. */
export function forEachDay(blocked: Int32Array | undefined, s: number, e: number, fn: (t: number) => void): void {
  let i = 0;
  for (let t = s; t <= e; t++) {
    if (blocked) {
      while (i < blocked.length && (blocked[i + 1] as number) < t) i += 2;
      if (i < blocked.length && t >= (blocked[i] as number)) { t = blocked[i + 1] as number; continue; }
    }
    fn(t);
  }
}
