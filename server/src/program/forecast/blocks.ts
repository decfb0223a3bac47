// The forecast's iterations, in fixed blocks of BLOCK_ITERATIONS. Block b
// covers iterations [b·B, (b + 1)·B) and draws from its own stream (the seed's
// generator after b jumps, random.ts), so what a block computes depends only on
// the plan and b: blocks can run in any thread, in any order, and their
// tallies put together (Tally: per-iteration values by position, and counts
// and sums of whole numbers, exact in any order) give the same forecast.
//
// Random numbers within an iteration are drawn in one fixed order: first each
// task with an estimate (file order, one sample), then each risk that takes
// part (file order, one uniform for "does it occur", then one sample of its
// impact when it occurs and the impact is three-point).
import { packTables, sampleTable, sampleTablesInto } from './days-table.js';
import type { DaysTable } from './days-table.js';
import { createIterationLeveller } from './level-iteration.js';
import type { IterationLeveller } from './level-iteration.js';
import type { Levelled } from '../level-program.js';
import type { IterationNetwork } from './network.js';
import type { RiskPlan } from './plan.js';
import { backwardPass, createBuffers, forwardPass } from './passes.js';
import type { Forced } from './passes.js';
import { Xoshiro128 } from './random.js';

export const BLOCK_ITERATIONS = 128;

/** What running blocks needs of a forecast plan (plan.ts: BlockPlan is one). */
export interface BlockPlan {
  readonly iterations: number;
  readonly settings: { readonly seed: number };
  readonly net: IterationNetwork;
  readonly estAt: Int32Array;
  readonly estTables: readonly DaysTable[];
  readonly risks: readonly RiskPlan[];
  readonly reported: readonly { readonly i: number }[];
  readonly leveller: IterationLeveller | undefined;
}

/** A block plan as plain data (typed arrays and objects): what a worker thread is started with. */
export interface BlockPlanData extends Omit<BlockPlan, 'leveller'> {
  readonly levelling: Pick<Levelled, 'problem' | 'keys'> | undefined;
}

export function blockPlanData(plan: BlockPlan & { readonly schedule: { readonly levelling?: Levelled | undefined } }): BlockPlanData {
  const { calendar: _calendar, ...net } = plan.net as IterationNetwork & { calendar?: unknown };
  const l = plan.schedule.levelling;
  return {
    iterations: plan.iterations, settings: { seed: plan.settings.seed }, net, estAt: plan.estAt, estTables: plan.estTables,
    risks: plan.risks, reported: plan.reported.map((m) => ({ i: m.i })), levelling: plan.leveller && l ? { problem: l.problem, keys: l.keys } : undefined,
  };
}

export function blockPlanFrom(data: BlockPlanData): BlockPlan {
  return { ...data, leveller: data.levelling && data.net.n > 0 ? createIterationLeveller(data.net, data.levelling) : undefined };
}

export function blockCount(iterations: number): number {
  return Math.ceil(iterations / BLOCK_ITERATIONS);
}

/**
 * What iterations [from, from + count) found. Every field is a typed array
 * (transferable between threads): per iteration by position, or whole-number
 * sums.
 */
export interface Tally {
  readonly from: number;
  readonly count: number;
  /** Program finish (position) per iteration. */
  readonly finishes: Float64Array;
  /** Each reported milestone's date (position), milestone-major: [j·count + it]. */
  readonly milestones: Float64Array;
  /** Sampled whole days of each estimated task, iteration-major: [it·nEst + e]. */
  readonly samples: Int32Array;
  /** Per compiled node: iterations with float <= 0. */
  readonly critical: Int32Array;
  /** [sum of finish days, then per risk: finish days when it occurred, iterations it occurred, finish days when not]. */
  readonly sums: Float64Array;
}

export function createTally(plan: BlockPlan, from: number, count: number): Tally {
  return {
    from, count,
    finishes: new Float64Array(count),
    milestones: new Float64Array(plan.reported.length * count),
    samples: new Int32Array(plan.estAt.length * count),
    critical: new Int32Array(plan.net.n),
    sums: new Float64Array(1 + 3 * plan.risks.length),
  };
}

/** Adds a tally of part of the iterations into one that covers them (exact: positions and whole numbers). */
export function addTally(into: Tally, part: Tally): void {
  const at = part.from - into.from;
  into.finishes.set(part.finishes, at);
  into.samples.set(part.samples, at * (into.samples.length / Math.max(1, into.count)));
  const ms = into.milestones.length / Math.max(1, into.count);
  for (let j = 0; j < ms; j++) into.milestones.set(part.milestones.subarray(j * part.count, (j + 1) * part.count), j * into.count + at);
  for (let i = 0; i < into.critical.length; i++) into.critical[i] = (into.critical[i] as number) + (part.critical[i] as number);
  for (let k = 0; k < into.sums.length; k++) into.sums[k] = (into.sums[k] as number) + (part.sums[k] as number);
}

/** Block b's generator: the seed's, jumped b times (streams are cached so consecutive blocks jump once each). */
export class Streams {
  private readonly base: Xoshiro128;
  private at = 0;
  private cur: Xoshiro128;

  constructor(seed: number) {
    this.base = new Xoshiro128(seed);
    this.cur = this.base.clone();
  }

  of(block: number): Xoshiro128 {
    if (block < this.at) { this.cur = this.base.clone(); this.at = 0; }
    while (this.at < block) { this.cur.jump(); this.at++; }
    return this.cur.clone();
  }
}

/**
 * Runs blocks [b0, b1) of the plan's iterations into `into` (a tally that
 * covers them: written in place, no copy), or a new tally of just them.
 */
export function runBlocks(plan: BlockPlan, b0: number, b1: number, streams = new Streams(plan.settings.seed), into?: Tally): Tally {
  const total = plan.iterations;
  const from = Math.min(total, b0 * BLOCK_ITERATIONS);
  const to = Math.min(total, b1 * BLOCK_ITERATIONS);
  const tally = into ?? createTally(plan, from, to - from);
  if (from < tally.from || to > tally.from + tally.count) throw new RangeError(`iterations ${from}..${to} are outside the tally`);
  const state = stateOf(plan);
  for (let b = b0; b < b1; b++) {
    const start = b * BLOCK_ITERATIONS;
    const end = Math.min(total, start + BLOCK_ITERATIONS);
    if (start >= end) break;
    const rng = streams.of(b);
    for (let it = start; it < end; it++) runIteration(plan, state, rng, tally, it - tally.from);
  }
  return tally;
}

interface IterationState {
  readonly b: ReturnType<typeof createBuffers>;
  readonly dur: Int32Array;
  readonly delay: Int32Array;
  readonly occurred: Uint8Array;
  readonly forced: Forced;
  readonly tables: ReturnType<typeof packTables>;
}

/** One iteration state per plan (a plan runs in one thread at a time), made on first use. */
const states = new WeakMap<BlockPlan, IterationState>();

function stateOf(plan: BlockPlan): IterationState {
  let s = states.get(plan);
  if (!s) { s = iterationState(plan); states.set(plan, s); }
  return s;
}

function iterationState(plan: BlockPlan): IterationState {
  const n = plan.net.n;
  return {
    b: createBuffers(n), dur: new Int32Array(n), delay: new Int32Array(n), occurred: new Uint8Array(plan.risks.length),
    forced: { start: new Float64Array(n).fill(NaN), end: new Float64Array(n) },
    tables: packTables(plan.estTables),
  };
}

function runIteration(plan: BlockPlan, s: IterationState, rng: Xoshiro128, tally: Tally, k: number): void {
  const { net, risks, estAt, reported, leveller } = plan;
  const { b, dur, delay, occurred } = s;
  const nEst = estAt.length;
  const n = net.n;
  dur.set(net.baseDays);
  // Iteration-major: each iteration's samples are contiguous (sequential writes).
  const row = k * nEst;
  const samples = tally.samples;
  sampleTablesInto(rng, s.tables, nEst, samples, row);
  for (let e = 0; e < nEst; e++) dur[estAt[e] as number] = samples[row + e] as number;
  for (let r = 0; r < risks.length; r++) {
    const plan = risks[r] as RiskPlan;
    const hit = rng.uniform() < plan.chance;
    occurred[r] = hit ? 1 : 0;
    if (!hit) continue;
    const impact = plan.table ? sampleTable(rng, plan.table) : plan.fixed;
    for (let j = 0; j < plan.tasks.length; j++) { const i = plan.tasks[j] as number; dur[i] = (dur[i] as number) + impact; }
    for (let j = 0; j < plan.milestones.length; j++) { const i = plan.milestones[j] as number; delay[i] = (delay[i] as number) + impact; }
  }
  if (n === 0) return;
  let finish = forwardPass(net, dur, delay, b);
  let holds;
  if (leveller) {
    holds = leveller.level(b, s.forced, delay);
    finish = forwardPass(net, dur, delay, b, s.forced);
  }
  backwardPass(net, dur, finish, b, holds);
  // Milestone delays are reset only where a risk put one.
  for (let r = 0; r < risks.length; r++) {
    if (!occurred[r]) continue;
    const ms = (risks[r] as RiskPlan).milestones;
    for (let j = 0; j < ms.length; j++) delay[ms[j] as number] = 0;
  }
  tally.finishes[k] = finish;
  const days = finish >= 0 ? Math.floor(finish) + 1 : 0; // working days from first(start) through the finish
  const sums = tally.sums;
  sums[0] = (sums[0] as number) + days;
  for (let j = 0; j < reported.length; j++) {
    const i = (reported[j] as { i: number }).i;
    if (i >= 0) tally.milestones[j * tally.count + k] = b.ef[i] as number;
  }
  const float = b.float;
  const critical = tally.critical;
  for (let i = 0; i < n; i++) if ((float[i] as number) <= 0) critical[i] = (critical[i] as number) + 1;
  const R = risks.length;
  for (let r = 0; r < R; r++) {
    if (occurred[r]) { sums[1 + r] = (sums[1 + r] as number) + days; sums[1 + R + r] = (sums[1 + R + r] as number) + 1; }
    else sums[1 + 2 * R + r] = (sums[1 + 2 * R + r] as number) + days;
  }
}
