// The Monte Carlo forecast (program-format.md, "Estimates and schedule risk"):
// sample every estimate and every risk, schedule each iteration by the core's
// rules on the compiled network, and summarise: Pnn dates, on-time
// probability, criticality, sensitivity and risks' mean delay. Pure and
// deterministic: the same model, seed and iterations give the same result.
//
// Random numbers are drawn in one fixed order per iteration, so a forecast is
// reproducible: first each task with an estimate (file order, one three-point
// sample), then each risk that takes part (file order, one uniform for "does
// it occur", then one three-point sample of its impact when it occurs and the
// impact is three-point).
import { createCalendar } from '../calendar.js';
import type { WorkCalendar } from '../calendar.js';
import { today } from '../dates.js';
import type { ProgramModel } from '../model.js';
import { scheduleProgram } from '../schedule.js';
import type { Schedule } from '../schedule.js';
import { buildGraph, findComponents } from '../schedule-graph.js';
import type { ScheduleGraph } from '../schedule-graph.js';
import type { Day, Duration, Estimate, Person, Risk } from '../types.js';
import { compileNetwork, dayAt } from './network.js';
import type { Network } from './network.js';
import { backwardPass, createBuffers, forwardPass } from './passes.js';
import { sampleDaysInto, sampleThreePoint, tableEntry, threePoint, Xoshiro128 } from './random.js';
import type { ThreePoint } from './random.js';
import { averageRanks, integerRankCorrelation, percentile } from './stats.js';
import { cumulativeCurve } from './curve.js';
import type { CurvePoint } from './curve.js';

export type Distribution = 'pert' | 'triangular';

export const DEFAULT_ITERATIONS = 5000;
export const DEFAULT_SEED = 1;
/** The most iterations a forecast runs (the schema's and the CLI's bound). */
export const MAX_ITERATIONS = 100_000;
/**
 * Sensitivity keeps every sampled duration until the finish of every iteration
 * is known (4 bytes each). Above this many, the iterations are reduced so the
 * forecast stays within about 100 MB; the result says how many ran.
 */
export const MAX_TASK_SAMPLES = 25_000_000;

/** The probability scale of `probability` 1..5 (program-format.md). */
export const PROBABILITY_SCALE: readonly number[] = [0, 0.1, 0.3, 0.5, 0.7, 0.9];

export interface ForecastOptions {
  /** Overrides `forecast.iterations` (default 5000). */
  readonly iterations?: number;
  /** Overrides `forecast.seed` (default 1). */
  readonly seed?: number;
  readonly distribution?: Distribution;
  /** Anchors the schedule when the program has no start, as in scheduleProgram. */
  readonly statusDate?: Day;
  /** The deterministic schedule, when the caller has it already. */
  readonly schedule?: Schedule;
  /** Called about 50 times while the iterations run. */
  readonly onProgress?: (done: number, total: number) => void;
}

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

/** Whether a risk's status lets it take part (no status means open, as everywhere else). */
export function riskTakesPart(r: Risk): boolean {
  return r.status === undefined || r.status === 'open' || r.status === 'mitigating' || r.status === 'accepted';
}

/** The chance a risk occurs in an iteration, or undefined when it cannot take part. */
export function riskChance(r: Risk): number | undefined {
  if (!r.scheduleImpact || !riskTakesPart(r)) return undefined;
  if (r.chance !== undefined) return r.chance;
  return r.probability !== undefined ? PROBABILITY_SCALE[r.probability] : undefined;
}

/** Resolved settings: options, then the file's `forecast:`, then the defaults. */
export function forecastSettings(model: ProgramModel, options: ForecastOptions = {}): { iterations: number; seed: number; distribution: Distribution } {
  const iterations = Math.trunc(options.iterations ?? model.forecast?.iterations ?? DEFAULT_ITERATIONS);
  return {
    iterations: Math.min(MAX_ITERATIONS, Math.max(1, Number.isFinite(iterations) ? iterations : DEFAULT_ITERATIONS)),
    seed: Math.trunc(options.seed ?? model.forecast?.seed ?? DEFAULT_SEED),
    distribution: options.distribution ?? model.forecast?.distribution ?? 'pert',
  };
}

function threePointOf(e: Estimate, cal: WorkCalendar, kind: Distribution): ThreePoint {
  // Out-of-order values are an error (checks.ts); sorted here so the forecast still runs.
  const [a, m, b] = [cal.durationDays(e.optimistic), cal.durationDays(e.likely), cal.durationDays(e.pessimistic)].sort((x, y) => x - y) as [number, number, number];
  return threePoint(a, m, b, kind);
}

/** Whole working days of a sample: rounded up, at least 1. */
function wholeDays(x: number): number {
  const d = Math.ceil(x);
  return d >= 1 ? d : 1;
}

interface RiskPlan {
  readonly id: string;
  readonly chance: number;
  /** Fixed impact in working days, or a three-point impact. */
  readonly fixed: number;
  readonly dist: ThreePoint | undefined;
  readonly tasks: Int32Array;
  readonly milestones: Int32Array;
}

function planRisks(
  model: ProgramModel, net: Network, g: ScheduleGraph, cal: WorkCalendar, kind: Distribution, fed: Uint8Array,
): RiskPlan[] {
  const kindOf = (v: number): string | undefined => g.kinds[v];
  const membersOf = (ws: number): readonly number[] => g.members[ws] ?? [];
  const plans: RiskPlan[] = [];
  const seen = new Set<string>();
  for (const r of model.risks) {
    if (seen.has(r.id)) continue; // a duplicate id: the first definition counts
    seen.add(r.id);
    const chance = riskChance(r);
    const impact = r.scheduleImpact;
    if (chance === undefined || !impact) continue;
    const tasks = new Set<number>();
    const milestones = new Set<number>();
    for (const id of r.affects) {
      const v = g.index.get(id);
      if (v === undefined) continue;
      const i = net.indexOf[v] as number;
      const k = kindOf(v);
      if (k === 'task') { if (i >= 0) tasks.add(i); }
      else if (k === 'milestone') { if (i >= 0) milestones.add(i); }
      else {
        // A workstream (dated or not): each of its tasks that no other task of the workstream depends on.
        for (const t of membersOf(v)) if (!fed[t] && (net.indexOf[t] as number) >= 0) tasks.add(net.indexOf[t] as number);
      }
    }
    const fixed = 'amount' in impact ? wholeDays(cal.durationDays(impact as Duration)) : 0;
    const dist = 'amount' in impact ? undefined : threePointOf(impact, cal, kind);
    plans.push({ id: r.id, chance, fixed, dist, tasks: Int32Array.from(tasks), milestones: Int32Array.from(milestones) });
  }
  return plans;
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

export function runForecast(model: ProgramModel, options: ForecastOptions = {}): ForecastResult {
  const settings = forecastSettings(model, options);
  const cal = createCalendar(model.calendar);
  const people = new Map<string, Person>();
  for (const p of model.people) if (!people.has(p.id)) people.set(p.id, p);
  const anchor = model.program?.start ?? options.statusDate ?? model.program?.statusDate ?? today();
  const schedule = options.schedule ?? scheduleProgram(model, options.statusDate !== undefined ? { statusDate: options.statusDate } : {});
  const g = buildGraph(model, cal);
  const comps = findComponents(g);
  const net = compileNetwork(g, comps, cal, anchor, people);
  const n = net.n;

  // Tasks with an estimate, in file order.
  const estNode: number[] = [];
  const estDist: ThreePoint[] = [];
  const estOf = new Int32Array(g.size).fill(-1);
  for (let v = 0; v < g.size; v++) {
    const t = g.tasks[v];
    const i = net.indexOf[v] as number;
    if (!t?.estimate || i < 0) continue;
    estOf[v] = estNode.length;
    estNode.push(i);
    estDist.push(threePointOf(t.estimate, cal, settings.distribution));
  }
  const nEst = estNode.length;
  const iterations = nEst > 0 ? Math.max(1, Math.min(settings.iterations, Math.floor(MAX_TASK_SAMPLES / nEst))) : settings.iterations;

  // Tasks some other task of the same workstream depends on (they do not end the workstream).
  const fed = new Uint8Array(g.size);
  for (let v = 0; v < g.size; v++) {
    const t = g.tasks[v];
    if (!t) continue;
    for (let k = g.predStart[v] as number; k < (g.predStart[v + 1] as number); k++) {
      const from = (g.edges[k] as { from: number }).from;
      if (g.tasks[from]?.workstreamId === t.workstreamId && from !== v) fed[from] = 1;
    }
  }
  const risks = planRisks(model, net, g, cal, settings.distribution, fed);

  // Milestones reported: those with both depends_on and a date, in file order.
  const reported: { v: number; i: number; target: Day }[] = [];
  for (let v = 0; v < g.size; v++) {
    const m = g.milestones[v];
    if (m && m.dependsOn.length > 0 && m.date !== undefined) reported.push({ v, i: net.indexOf[v] as number, target: m.date });
  }

  const rng = new Xoshiro128(settings.seed);
  const b = createBuffers(n);
  const dur = new Int32Array(n);
  const delay = new Int32Array(n);
  const samples = new Int32Array(nEst * iterations);
  const finishes = new Float64Array(iterations);
  const msPos = reported.map(() => new Float64Array(iterations));
  const critical = new Float64Array(n);
  const occurred = new Uint8Array(risks.length);
  const sumWith = new Float64Array(risks.length);
  const countWith = new Float64Array(risks.length);
  const sumWithout = new Float64Array(risks.length);
  let sumFinish = 0;
  const step = Math.max(1, Math.floor(iterations / 50));
  const hasDates = n > 0;

  const table = Float64Array.from(estDist.flatMap(tableEntry));
  const estAt = Int32Array.from(estNode);
  for (let it = 0; it < iterations; it++) {
    dur.set(net.baseDays);
    // Iteration-major: each iteration's samples are contiguous (sequential writes).
    const row = it * nEst;
    sampleDaysInto(rng, table, nEst, samples, row);
    for (let e = 0; e < nEst; e++) dur[estAt[e] as number] = samples[row + e] as number;
    for (let r = 0; r < risks.length; r++) {
      const plan = risks[r] as RiskPlan;
      const hit = rng.uniform() < plan.chance;
      occurred[r] = hit ? 1 : 0;
      if (!hit) continue;
      const impact = plan.dist ? wholeDays(sampleThreePoint(rng, plan.dist)) : plan.fixed;
      for (let k = 0; k < plan.tasks.length; k++) { const i = plan.tasks[k] as number; dur[i] = (dur[i] as number) + impact; }
      for (let k = 0; k < plan.milestones.length; k++) { const i = plan.milestones[k] as number; delay[i] = (delay[i] as number) + impact; }
    }
    if (!hasDates) continue;
    const finish = forwardPass(net, dur, delay, b);
    backwardPass(net, dur, finish, b);
    // Milestone delays are reset only where a risk put one.
    for (let r = 0; r < risks.length; r++) {
      if (!occurred[r]) continue;
      const ms = (risks[r] as RiskPlan).milestones;
      for (let k = 0; k < ms.length; k++) delay[ms[k] as number] = 0;
    }
    finishes[it] = finish;
    const days = finish >= 0 ? Math.floor(finish) + 1 : 0; // working days from first(start) through the finish
    sumFinish += days;
    for (let j = 0; j < reported.length; j++) {
      const i = (reported[j] as { i: number }).i;
      if (i >= 0) (msPos[j] as Float64Array)[it] = b.ef[i] as number;
    }
    const float = b.float;
    for (let i = 0; i < n; i++) if ((float[i] as number) <= 0) critical[i] = (critical[i] as number) + 1;
    for (let r = 0; r < risks.length; r++) {
      if (occurred[r]) { sumWith[r] = (sumWith[r] as number) + days; countWith[r] = (countWith[r] as number) + 1; }
      else sumWithout[r] = (sumWithout[r] as number) + days;
    }
    if (options.onProgress && (it + 1) % step === 0) options.onProgress(it + 1, iterations);
  }

  // Summaries.
  const toDay = (x: number): Day | null => (Number.isFinite(x) ? dayAt(cal, net.origin, x) : null);
  const pct = (values: Float64Array): Percentiles => {
    const sorted = Float64Array.from(values).sort();
    return { curve: cumulativeCurve(sorted, toDay), p10: toDay(percentile(sorted, 10)), p50: toDay(percentile(sorted, 50)), p80: toDay(percentile(sorted, 80)), p90: toDay(percentile(sorted, 90)) };
  };
  const none: Percentiles = { curve: [], p10: null, p50: null, p80: null, p90: null };
  const finishRanks = hasDates && nEst > 0 ? averageRanks(finishes) : undefined;

  const milestones: MilestoneForecast[] = reported.map(({ v, i, target }, j) => {
    const det = schedule.items.get(g.ids[v] as string)?.end ?? null;
    if (i < 0) return { id: g.ids[v] as string, target, deterministic: det, ...none, onTimeProbability: null };
    const values = msPos[j] as Float64Array;
    const targetPos = net.target[i] === net.target[i] ? (net.target[i] as number) : (net.fixedDate[i] as number);
    let onTime = 0;
    for (let it = 0; it < iterations; it++) if ((values[it] as number) <= targetPos) onTime++;
    return { id: g.ids[v] as string, target, deterministic: det, ...pct(values), onTimeProbability: onTime / iterations };
  });

  const sensitivity = finishRanks ? sensitivities(samples, nEst, iterations, estDist, finishRanks) : undefined;
  const tasks: TaskForecast[] = [];
  for (let v = 0; v < g.size; v++) {
    if (g.kinds[v] !== 'task') continue;
    const i = net.indexOf[v] as number;
    const e = estOf[v] as number;
    tasks.push({
      id: g.ids[v] as string,
      criticality: i >= 0 ? (critical[i] as number) / iterations : null,
      sensitivity: e >= 0 && sensitivity ? (sensitivity[e] ?? null) : null,
    });
  }

  const riskOut: RiskForecast[] = risks.map((plan, r) => {
    const w = countWith[r] as number;
    const wo = iterations - w;
    const meanDelay = hasDates && w > 0 && wo > 0 ? (sumWith[r] as number) / w - (sumWithout[r] as number) / wo : null;
    return { id: plan.id, chance: plan.chance, meanDelay };
  });

  return {
    program: model.program?.id ?? null,
    iterations,
    requestedIterations: settings.iterations,
    seed: settings.seed,
    distribution: settings.distribution,
    finish: {
      deterministic: schedule.finish,
      mean: hasDates ? sumFinish / iterations : null,
      ...(hasDates ? pct(finishes) : none),
    },
    milestones,
    tasks,
    risks: riskOut,
  };
}
