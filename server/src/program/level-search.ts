// The leveller's search: many serial-SGS passes, keep the best. One pass with
// one priority rule is far from the best schedule (about 13% above the best
// known on PSPLIB's 120-job set), so it runs:
// 1. one pass per classic priority rule (latest finish, latest start, most
//    work after it, earliest start, file order);
// 2. forward-backward improvement (justification) of each: schedule the
//    mirrored network with the latest-ending activities first, then forward
//    again with the earliest-starting ones of that first; repeated while it helps;
// 3. a small genetic search over activity lists (two-point crossover of two
//    good schedules' start orders; mutation: neighbour swaps and one random
//    shift of an activity, which keeps the population from settling on one
//    schedule), each child justified again.
// The number of passes is a budget of decodes that depends only on the size,
// and the random numbers come from a fixed seed, so the same file always gives
// the same schedule (no time limit, which would depend on the machine).
// Candidates compare by the latest end, then the sum of task ends (no needless delay).
// It stops early at a lower bound: the critical path, or the work a resource
// must carry at its units.
import { createDecoder, FF, FS, GROUP, indexProblem, MILESTONE, SKIP, SS, TASK } from './level-sgs.js';
import type { SgsProblem, SgsResult } from './level-sgs.js';

export interface SearchOptions {
  /** Priority rules: one key per node each (higher goes first). */
  readonly rules: readonly Float64Array[];
  /** Decodes allowed (default: by size). */
  readonly budget?: number;
  /** Stop when the makespan reaches this (a lower bound, e.g. the critical-path finish). */
  readonly lowerBound?: number;
  readonly seed?: number;
}

export interface SearchResult {
  readonly best: SgsResult;
  /** The keys whose (forward) decode gave `best`: decoding them again gives it again (the forecast re-decodes them per iteration). */
  readonly keys: Float64Array;
  readonly decodes: number;
}

/**
 * Decodes for a problem of `tasks` tasks: 2,000 up to 120 tasks (PSPLIB's
 * sizes: at most 50 ms at 30 jobs, 300 ms at 120), then fewer as a decode
 * costs more (a decode is linear in the size): as 1/tasks² down to the
 * 120,000 / tasks of a fixed time per search at 240 tasks, and a handful for
 * 10,000 tasks (the language server levels on every edit).
 */
export function defaultBudget(tasks: number): number {
  const n = Math.max(1, tasks);
  return Math.max(4, Math.min(2000, Math.max(Math.floor(120_000 / n), Math.floor(28_800_000 / (n * n)))));
}

/**
 * The last index any schedule can end on, by resources alone: the tasks start
 * no earlier than the earliest release, and each resource carries all of its
 * tasks' work (duration × units) at no more than its units a day.
 */
export function resourceBound(p: SgsProblem): number {
  const work = new Float64Array(p.capacity.length);
  let first = Infinity;
  for (let v = 0; v < p.n; v++) {
    if (p.kind[v] !== TASK) continue;
    first = Math.min(first, p.release[v] as number);
    for (let k = p.demStart[v] as number; k < (p.demStart[v + 1] as number); k++) {
      const r = p.demRes[k] as number;
      work[r] = (work[r] as number) + (p.dur[v] as number) * (p.demUnits[k] as number);
    }
  }
  let bound = -Infinity;
  for (let r = 0; r < work.length; r++) {
    const cap = p.capacity[r] as number;
    if (cap > 0 && (work[r] as number) > 0) bound = Math.max(bound, first + Math.ceil((work[r] as number) / cap) - 1);
  }
  return bound;
}

function score(p: SgsProblem, r: SgsResult): number {
  let sum = 0;
  for (let v = 0; v < p.n; v++) if (p.kind[v] === TASK) sum += r.end[v] as number;
  return sum;
}

export function searchSchedule(p: SgsProblem, options: SearchOptions): SearchResult {
  let tasks = 0;
  for (let v = 0; v < p.n; v++) if (p.kind[v] === TASK) tasks++;
  const budget = options.budget ?? defaultBudget(tasks);
  const lb = Math.max(options.lowerBound ?? -Infinity, resourceBound(p));
  const forward = createDecoder(p, indexProblem(p));
  const mirror = mirrorProblem(p);
  const backward = mirror ? createDecoder(mirror, indexProblem(mirror)) : undefined;
  let decodes = 0;
  let best: SgsResult | undefined;
  let bestScore = Infinity;
  // The population: activity lists (every node, in start order), best first.
  const POOL = 16;
  const pool: { list: Int32Array; makespan: number; score: number }[] = [];
  const order = new Int32Array(p.n);
  for (let v = 0; v < p.n; v++) order[v] = v;

  const listOf = (r: SgsResult): Int32Array => {
    const list = Int32Array.from(order);
    list.sort((x, y) => (r.start[x] as number) - (r.start[y] as number) || (r.seq[x] as number) - (r.seq[y] as number) || x - y);
    return list;
  };
  const keysOf = (list: Int32Array): Float64Array => {
    const keys = new Float64Array(p.n);
    for (let i = 0; i < list.length; i++) keys[list[i] as number] = -i;
    return keys;
  };
  const consider = (r: SgsResult): void => {
    const sc = score(p, r);
    if (!best || r.makespan < best.makespan || (r.makespan === best.makespan && sc < bestScore)) { best = r; bestScore = sc; }
    if (pool.some((x) => x.makespan === r.makespan && x.score === sc)) return; // keep the population diverse
    if (pool.length >= POOL) {
      const worst = pool[pool.length - 1] as { makespan: number; score: number };
      if (r.makespan > worst.makespan || (r.makespan === worst.makespan && sc >= worst.score)) return;
      pool.pop();
    }
    pool.push({ list: listOf(r), makespan: r.makespan, score: sc });
    pool.sort((x, y) => x.makespan - y.makespan || x.score - y.score);
  };
  const done = (): boolean => decodes >= budget || (best !== undefined && best.makespan <= lb);
  const keysOfResult = new WeakMap<SgsResult, Float64Array>();
  const run = (keys: Float64Array): SgsResult => { decodes++; const r = forward.decode(keys); keysOfResult.set(r, keys); return r; };
  /** Forward-backward improvement (double justification) until it stops helping. */
  const justify = (r: SgsResult): SgsResult => {
    if (!backward || !mirror) return r;
    let cur = r;
    for (let round = 0; round < 3 && !done(); round++) {
      const bkeys = new Float64Array(p.n);
      for (let v = 0; v < p.n; v++) bkeys[v] = cur.end[v] as number;
      decodes++;
      const back = backward.decode(bkeys);
      const fkeys = new Float64Array(p.n);
      for (let v = 0; v < p.n; v++) fkeys[v] = back.end[v] as number; // a late mirrored end is an early real start
      const next = run(fkeys);
      if (next.makespan >= cur.makespan) { if (next.makespan === cur.makespan && score(p, next) < score(p, cur)) cur = next; break; }
      cur = next;
    }
    return cur;
  };

  for (const rule of options.rules) {
    if (done()) break;
    const r = run(rule);
    consider(r);
    if (!done()) consider(justify(r));
  }
  let state = (options.seed ?? 0x2545f491) >>> 0;
  const rand = (): number => {
    // xorshift32: small, fast and the same everywhere.
    state ^= state << 13; state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5; state >>>= 0;
    return state / 4294967296;
  };
  const taken = new Uint8Array(p.n);
  const pick = (): Int32Array => {
    // Tournament of two, biased towards the better (the pool is sorted).
    const a = Math.floor(rand() * pool.length);
    const b = Math.floor(rand() * pool.length);
    return (pool[Math.min(a, b)] as { list: Int32Array }).list;
  };
  while (!done() && pool.length > 0) {
    // Two-point crossover of activity lists (Hartmann): the mother's head, the
    // father's order for the middle, the mother's order for the rest.
    const mother = pick();
    const father = pick();
    const n = p.n;
    const q1 = Math.floor(rand() * n);
    const q2 = q1 + Math.floor(rand() * (n - q1));
    const child = new Int32Array(n);
    taken.fill(0);
    let k = 0;
    for (let i = 0; i < q1; i++) { const v = mother[i] as number; child[k++] = v; taken[v] = 1; }
    for (let i = 0; i < n && k < q2; i++) { const v = father[i] as number; if (!taken[v]) { child[k++] = v; taken[v] = 1; } }
    for (let i = 0; i < n; i++) { const v = mother[i] as number; if (!taken[v]) { child[k++] = v; taken[v] = 1; } }
    // Mutation: swap neighbours now and then, and move one activity to a
    // random place (the decoder keeps precedence: a move past a predecessor
    // or successor only changes the order among what is ready).
    for (let i = 0; i + 1 < n; i++) {
      if (rand() < 0.3) { const t = child[i] as number; child[i] = child[i + 1] as number; child[i + 1] = t; }
    }
    const from = Math.floor(rand() * n);
    const to = Math.floor(rand() * n);
    const moved = child[from] as number;
    if (from < to) child.copyWithin(from, from + 1, to + 1); else child.copyWithin(to + 1, to, from);
    child[to] = moved;
    consider(justify(run(keysOf(child))));
  }
  return { best: best as SgsResult, keys: keysOfResult.get(best as SgsResult) as Float64Array, decodes };
}

/**
 * The network reversed in time, for the backward half of forward-backward
 * improvement: tasks only (milestones and workstreams expanded into the task
 * edges they imply), each edge reversed, SS and FF swapped. Leave, releases
 * and fixed tasks are left out: the backward pass only proposes an order, and
 * the forward pass that follows enforces everything.
 * Undefined when there is nothing to improve or the expansion would be too big.
 */
export function mirrorProblem(p: SgsProblem): SgsProblem | undefined {
  const { n } = p;
  const from: number[] = [];
  const to: number[] = [];
  const type: number[] = [];
  const lag: number[] = [];
  const limit = 4 * (p.predFrom.length + n);
  let tasks = 0;
  // Task-level predecessors of a non-task node, as (task, end-based lag) pairs.
  const memo = new Map<number, [number, number][]>();
  const viaNode = (u: number): [number, number][] => {
    const known = memo.get(u);
    if (known) return known;
    const out: [number, number][] = [];
    memo.set(u, out);
    for (let k = p.predStart[u] as number; k < (p.predStart[u + 1] as number); k++) {
      const w = p.predFrom[k] as number;
      const kw = p.kind[w];
      const l = p.kind[u] === GROUP ? 0 : (p.predLag[k] as number);
      if (kw === TASK) out.push([w, l]);
      else if (kw === MILESTONE || kw === GROUP) for (const [t, l2] of viaNode(w)) out.push([t, l + l2]);
      if (out.length > limit) break;
    }
    return out;
  };
  for (let v = 0; v < n; v++) {
    if (p.kind[v] !== TASK) continue;
    tasks++;
    for (let k = p.predStart[v] as number; k < (p.predStart[v + 1] as number); k++) {
      const u = p.predFrom[k] as number;
      const ku = p.kind[u];
      const t = p.predType[k] as number;
      const l = p.predLag[k] as number;
      if (ku === TASK) { from.push(v); to.push(u); type.push(t === SS ? FF : t === FF ? SS : FS); lag.push(l); continue; }
      if (ku !== MILESTONE && !(ku === GROUP && t !== SS)) continue; // SS on a workstream: its first task is not known in advance
      for (const [w, l2] of viaNode(u)) {
        from.push(v); to.push(w);
        if (ku === MILESTONE) { type.push(FS); lag.push(l + l2); } else { type.push(t === FF ? SS : FS); lag.push(l); }
      }
      if (from.length > limit) return undefined;
    }
  }
  if (tasks < 2) return undefined;
  // CSR by successor-in-mirror (= original predecessor).
  const predStart = new Int32Array(n + 1);
  for (const u of to) predStart[u + 1] = (predStart[u + 1] as number) + 1;
  for (let v = 0; v < n; v++) predStart[v + 1] = (predStart[v + 1] as number) + (predStart[v] as number);
  const fill = predStart.slice(0, n);
  const predFrom = new Int32Array(from.length);
  const predType = new Uint8Array(from.length);
  const predLag = new Int32Array(from.length);
  for (let i = 0; i < from.length; i++) {
    const u = to[i] as number;
    const at = fill[u] as number;
    predFrom[at] = from[i] as number;
    predType[at] = type[i] as number;
    predLag[at] = lag[i] as number;
    fill[u] = at + 1;
  }
  const kind = new Uint8Array(n);
  for (let v = 0; v < n; v++) kind[v] = p.kind[v] === TASK ? TASK : SKIP;
  return {
    n, kind, dur: p.dur, release: new Int32Array(n), fixedStart: p.fixedStart, fixedEnd: p.fixedEnd,
    predStart, predFrom, predType, predLag,
    demStart: p.demStart, demRes: p.demRes, demUnits: p.demUnits, capacity: p.capacity,
    blocked: new Array<undefined>(n).fill(undefined), priority: p.priority,
  };
}
