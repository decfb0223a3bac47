// Everything a forecast's iterations need, prepared once from the model: the
// compiled network (with the deterministic schedule's status date and undated
// tasks), the estimated tasks and their sampling table, the risks that take
// part, the milestones reported and, under levelling, the per-iteration
// leveller. Deterministic: every thread that prepares the same model and
// options gets the same plan, so blocks run anywhere give the same numbers.
import { createCalendar } from '../calendar.js';
import type { WorkCalendar } from '../calendar.js';
import { today } from '../dates.js';
import type { ProgramModel } from '../model.js';
import { scheduleProgram } from '../schedule.js';
import type { Schedule } from '../schedule.js';
import { buildGraph, findComponents } from '../schedule-graph.js';
import type { ScheduleGraph } from '../schedule-graph.js';
import type { Day, Duration, Estimate, Person, Risk } from '../types.js';
import { createIterationLeveller } from './level-iteration.js';
import type { IterationLeveller } from './level-iteration.js';
import { compileNetwork } from './network.js';
import type { Network } from './network.js';
import { daysTable } from './days-table.js';
import type { DaysTable } from './days-table.js';
import { threePoint } from './random.js';
import type { ThreePoint } from './random.js';

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
  /**
   * The status date remaining work is forecast from (default: the schedule's,
   * else program.status_date; null: none), as in scheduleProgram.
   */
  readonly progressDate?: Day | null;
  /** Level resources even when the file does not (as scheduleProgram's `level`). */
  readonly level?: boolean;
  /** The deterministic schedule, when the caller has it already (its status date and levelling are used). */
  readonly schedule?: Schedule;
  /** Called about 50 times while the iterations run. */
  readonly onProgress?: (done: number, total: number) => void;
}

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
export function wholeDays(x: number): number {
  const d = Math.ceil(x);
  return d >= 1 ? d : 1;
}

export interface RiskPlan {
  readonly id: string;
  readonly chance: number;
  /** Fixed impact in working days, or a three-point impact (its whole-days table). */
  readonly fixed: number;
  readonly table: DaysTable | undefined;
  readonly tasks: Int32Array;
  readonly milestones: Int32Array;
}

export interface ReportedMilestone {
  readonly v: number;
  /** Compiled index, -1 when undated. */
  readonly i: number;
  readonly target: Day;
}

export interface ForecastPlan {
  readonly model: ProgramModel;
  readonly settings: { readonly iterations: number; readonly seed: number; readonly distribution: Distribution };
  /** Iterations to run (the requested number, reduced when MAX_TASK_SAMPLES would be exceeded). */
  readonly iterations: number;
  readonly schedule: Schedule;
  readonly g: ScheduleGraph;
  readonly net: Network;
  /** Estimated tasks in file order: compiled index, distribution, and each one's whole-days table. */
  readonly estAt: Int32Array;
  readonly estDist: readonly ThreePoint[];
  readonly estTables: readonly DaysTable[];
  /** Core node -> estimate number, -1 without one. */
  readonly estOf: Int32Array;
  readonly risks: readonly RiskPlan[];
  readonly reported: readonly ReportedMilestone[];
  /** Under levelling: levels one iteration's dates the way the deterministic leveller did. */
  readonly leveller: IterationLeveller | undefined;
}

export function prepareForecast(model: ProgramModel, options: ForecastOptions = {}): ForecastPlan {
  const settings = forecastSettings(model, options);
  const cal = createCalendar(model.calendar);
  const people = new Map<string, Person>();
  for (const p of model.people) if (!people.has(p.id)) people.set(p.id, p);
  const anchor = model.program?.start ?? options.statusDate ?? model.program?.statusDate ?? today();
  const schedule = options.schedule ?? scheduleProgram(model, {
    ...(options.statusDate !== undefined && { statusDate: options.statusDate }),
    ...(options.progressDate !== undefined && { progressDate: options.progressDate }),
    ...(options.level && { level: true }),
  });
  const g = buildGraph(model, cal);
  const comps = findComponents(g);
  const net = compileNetwork(g, comps, cal, anchor, people, {
    ...(schedule.progressDate !== null && { progressFrom: schedule.progressDate }),
    // What the core leaves undated (cycles, and tasks with no working day) is undated here too.
    undated: (v) => schedule.items.get(g.ids[v] as string)?.start === null,
  });

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
  const tables = new Map<string, DaysTable>();
  const tableOf = (d: ThreePoint): DaysTable => {
    const key = `${d.a}/${d.m}/${d.b}`;
    let t = tables.get(key);
    if (!t) { t = daysTable(d); tables.set(key, t); }
    return t;
  };

  // Milestones reported: those with both depends_on and a date, in file order.
  const reported: ReportedMilestone[] = [];
  for (let v = 0; v < g.size; v++) {
    const m = g.milestones[v];
    if (m && m.dependsOn.length > 0 && m.date !== undefined) reported.push({ v, i: net.indexOf[v] as number, target: m.date });
  }
  const levelling = schedule.levelling;
  return {
    model, settings, iterations, schedule, g, net,
    estAt: Int32Array.from(estNode), estDist, estTables: estDist.map(tableOf), estOf,
    risks: planRisks(model, net, g, cal, settings.distribution, tableOf),
    reported,
    leveller: levelling && net.n > 0 ? createIterationLeveller(net, levelling) : undefined,
  };
}

function planRisks(
  model: ProgramModel, net: Network, g: ScheduleGraph, cal: WorkCalendar, kind: Distribution, tableOf: (d: ThreePoint) => DaysTable,
): RiskPlan[] {
  // Tasks some other task of the same workstream depends on (they do not end the workstream).
  const fed = new Uint8Array(g.size);
  for (let v = 0; v < g.size; v++) {
    const t = g.tasks[v];
    if (!t) continue;
    for (let k = g.predStart[v] as number; k < (g.predStart[v + 1] as number); k++) {
      const from = g.edgeFrom[k] as number;
      if (g.tasks[from]?.workstreamId === t.workstreamId && from !== v) fed[from] = 1;
    }
  }
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
      const k = g.kinds[v];
      if (k === 'task') { if (i >= 0) tasks.add(i); }
      else if (k === 'milestone') { if (i >= 0) milestones.add(i); }
      else {
        // A workstream (dated or not): each of its tasks that no other task of the workstream depends on.
        for (const t of g.members[v] ?? []) if (!fed[t] && (net.indexOf[t] as number) >= 0) tasks.add(net.indexOf[t] as number);
      }
    }
    const fixed = 'amount' in impact ? wholeDays(cal.durationDays(impact as Duration)) : 0;
    const table = 'amount' in impact ? undefined : tableOf(threePointOf(impact, cal, kind));
    plans.push({ id: r.id, chance, fixed, table, tasks: Int32Array.from(tasks), milestones: Int32Array.from(milestones) });
  }
  return plans;
}
