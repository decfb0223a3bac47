// The Monte Carlo forecast (program-format.md, "Estimates and schedule risk"):
// sample every estimate and every risk, schedule each iteration by the core's
// rules on the compiled network (status date, leave and levelling included),
// and summarise: Pnn dates, on-time probability, criticality, sensitivity and
// risks' mean delay. Pure and deterministic: the same model, seed and
// iterations give the same result, whether the blocks of iterations
// (blocks.ts) run here or in worker threads (node/forecast-threads.ts), which
// call prepareForecast, runBlocks and summariseForecast as runForecast does.
import type { Day } from '../types.js';
import { BLOCK_ITERATIONS, blockCount, createTally, runBlocks, Streams } from './blocks.js';
import type { Tally } from './blocks.js';
import { dayAt } from './network.js';
import { prepareForecast, wholeDays } from './plan.js';
import type { Distribution, ForecastOptions, ForecastPlan } from './plan.js';
import type { ThreePoint } from './random.js';
import { averageRanks, integerRankCorrelation, percentile } from './stats.js';
import { cumulativeCurve } from './curve.js';
import type { CurvePoint } from './curve.js';

export {
  DEFAULT_ITERATIONS, DEFAULT_SEED, forecastSettings, MAX_ITERATIONS, MAX_TASK_SAMPLES, prepareForecast, PROBABILITY_SCALE,
  riskChance, riskTakesPart,
} from './plan.js';
export type { Distribution, ForecastOptions, ForecastPlan } from './plan.js';

import type { ProgramModel } from '../model.js';

export interface Percentiles {
  /** The cumulative distribution (curve.ts): the S-curve of the preview's Forecast tab. */
  readonly curve: readonly CurvePoint[];
  readonly p10: Day | null;
  readonly p50: Day | null;
  readonly p80: Day | null;
  readonly p90: Day | null;
}

export interface MilestoneForecast extends Percentiles {
  readonly id: string;
  readonly target: Day;
  readonly deterministic: Day | null;
  /** Share of iterations with the forecast on or before the target; null when it has no dates (a cycle). */
  readonly onTimeProbability: number | null;
}

export interface TaskForecast {
  readonly id: string;
  /** Share of iterations with total float <= 0; null for a task without dates (in a cycle). */
  readonly criticality: number | null;
  /** Spearman's rho of its sampled duration and the finish; null without an estimate (or when undefined). */
  readonly sensitivity: number | null;
}

export interface RiskForecast {
  readonly id: string;
  /** The chance used: `chance`, else the probability scale. */
  readonly chance: number;
  /** Mean finish (working days) when it occurred minus when it did not; null when either never happened. */
  readonly meanDelay: number | null;
}

export interface ForecastResult {
  readonly program: string | null;
  /** Iterations run (the requested number, reduced when MAX_TASK_SAMPLES would be exceeded). */
  readonly iterations: number;
  readonly requestedIterations: number;
  readonly seed: number;
  readonly distribution: Distribution;
  readonly finish: Percentiles & { readonly deterministic: Day | null; readonly mean: number | null };
  readonly milestones: readonly MilestoneForecast[];
  readonly tasks: readonly TaskForecast[];
  readonly risks: readonly RiskForecast[];
}

/** Where a program's forecast stands in the editor: computed for the current text, under way, or not asked for. */
export type ForecastState =
  | { readonly state: 'done'; readonly result: ForecastResult }
  | { readonly state: 'running' }
  | { readonly state: 'none' };


/** The whole forecast in this thread: every block in order, then the summary. */
export function runForecast(model: ProgramModel, options: ForecastOptions = {}): ForecastResult {
  const plan = prepareForecast(model, options);
  const total = plan.iterations;
  const blocks = blockCount(total);
  const tally = createTally(plan, 0, total);
  const streams = new Streams(plan.settings.seed);
  const step = Math.max(1, Math.ceil(blocks / 50));
  let done = 0;
  for (let b0 = 0; b0 < blocks; b0 += step) {
    const b1 = Math.min(blocks, b0 + step);
    runBlocks(plan, b0, b1, streams, tally);
    done = Math.min(total, b1 * BLOCK_ITERATIONS);
    options.onProgress?.(done, total);
  }
  return summariseForecast(plan, tally);
}

/** Columns gathered per block when transposing the samples (a cache-friendly transpose). */
const BLOCK = 128;

/** Spearman's rho of each estimated task's sampled days (iteration-major `samples`) with the finish ranks. */
function sensitivities(samples: Int32Array, nEst: number, iterations: number, dists: readonly ThreePoint[], finishRanks: Float64Array): (number | null)[] {
  const out: (number | null)[] = new Array<number | null>(nEst).fill(null);
  const block = new Int32Array(BLOCK * iterations);
  const column = new Int32Array(iterations);
  const counts = new Float64Array(4 * iterations + 1024);
  const ranks = new Float64Array(iterations);
  for (let e0 = 0; e0 < nEst; e0 += BLOCK) {
    const width = Math.min(BLOCK, nEst - e0);
    for (let it = 0; it < iterations; it++) {
      const row = it * nEst + e0;
      for (let k = 0; k < width; k++) block[k * iterations + it] = samples[row + k] as number;
    }
    for (let k = 0; k < width; k++) {
      column.set(block.subarray(k * iterations, (k + 1) * iterations));
      const dist = dists[e0 + k] as ThreePoint;
      out[e0 + k] = integerRankCorrelation(column, wholeDays(dist.a), wholeDays(dist.b), finishRanks, counts, ranks);
    }
  }
  return out;
}

/** The forecast from the tally of all the plan's iterations. */
export function summariseForecast(plan: ForecastPlan, tally: Tally): ForecastResult {
  const { net, g, schedule, reported, risks, estOf, settings } = plan;
  const iterations = tally.count;
  const cal = net.calendar;
  const hasDates = net.n > 0;
  const nEst = plan.estAt.length;
  const toDay = (x: number): Day | null => (Number.isFinite(x) ? dayAt(cal, net.origin, x) : null);
  const pct = (values: Float64Array): Percentiles => {
    const sorted = Float64Array.from(values).sort();
    return { curve: cumulativeCurve(sorted, toDay), p10: toDay(percentile(sorted, 10)), p50: toDay(percentile(sorted, 50)), p80: toDay(percentile(sorted, 80)), p90: toDay(percentile(sorted, 90)) };
  };
  const none: Percentiles = { curve: [], p10: null, p50: null, p80: null, p90: null };
  const finishRanks = hasDates && nEst > 0 ? averageRanks(tally.finishes) : undefined;

  const milestones: MilestoneForecast[] = reported.map(({ v, i, target }, j) => {
    const det = schedule.items.get(g.ids[v] as string)?.end ?? null;
    if (i < 0) return { id: g.ids[v] as string, target, deterministic: det, ...none, onTimeProbability: null };
    const values = tally.milestones.subarray(j * iterations, (j + 1) * iterations);
    const targetPos = net.target[i] === net.target[i] ? (net.target[i] as number) : (net.fixedDate[i] as number);
    let onTime = 0;
    for (let it = 0; it < iterations; it++) if ((values[it] as number) <= targetPos) onTime++;
    return { id: g.ids[v] as string, target, deterministic: det, ...pct(values), onTimeProbability: onTime / iterations };
  });

  const sensitivity = finishRanks ? sensitivities(tally.samples, nEst, iterations, plan.estDist, finishRanks) : undefined;
  const tasks: TaskForecast[] = [];
  for (let v = 0; v < g.size; v++) {
    if (g.kinds[v] !== 'task') continue;
    const i = net.indexOf[v] as number;
    const e = estOf[v] as number;
    tasks.push({
      id: g.ids[v] as string,
      criticality: i >= 0 ? (tally.critical[i] as number) / iterations : null,
      sensitivity: e >= 0 && sensitivity ? (sensitivity[e] ?? null) : null,
    });
  }

  const R = risks.length;
  const riskOut: RiskForecast[] = risks.map((r, k) => {
    const w = tally.sums[1 + R + k] as number;
    const wo = iterations - w;
    const meanDelay = hasDates && w > 0 && wo > 0 ? (tally.sums[1 + k] as number) / w - (tally.sums[1 + 2 * R + k] as number) / wo : null;
    return { id: r.id, chance: r.chance, meanDelay };
  });

  return {
    program: plan.model.program?.id ?? null,
    iterations,
    requestedIterations: settings.iterations,
    seed: settings.seed,
    distribution: settings.distribution,
    finish: {
      deterministic: schedule.finish,
      mean: hasDates ? (tally.sums[0] as number) / iterations : null,
      ...(hasDates ? pct(tally.finishes) : none),
    },
    milestones,
    tasks,
    risks: riskOut,
  };
}
