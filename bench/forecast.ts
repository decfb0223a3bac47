// Monte Carlo forecast benchmark (issue 15): 1,000 tasks × 10,000 iterations
// and 10,000 tasks × 1,000 iterations, each run in a child process so its peak
// memory (maxRSS) is the forecast's own, as the CLI runs it: this thread plus
// worker threads (dist/forecast-blocks.js: run `npm run build` first) taking
// blocks of iterations. Printed: wall time, CPU time of the whole process (all
// threads: on a shared machine, closer to what the run costs than the wall
// time), task-samples per second, peak memory, and the CPU cost of one
// iteration against one deterministic schedule of the same program.
// Every task gets a three-point estimate around its planned duration, and 4
// risks per 100 tasks carry a schedule impact (half fixed, half three-point).
// Run: node --import tsx bench/forecast.ts
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { runForecastThreads } from '../server/src/node/forecast-threads.js';
import { prepareForecast } from '../server/src/program/forecast/forecast.js';
import type { ProgramModel } from '../server/src/program/model.js';
import { scheduleProgram } from '../server/src/program/schedule.js';
import type { Duration, Entity, Risk, Task } from '../server/src/program/types.js';
import { defaultWorkers } from '../server/src/node/forecast-threads.js';
import { mulberry32 } from './random.js';
import { generateScheduleModel } from './schedule.js';

const NO_SPAN = { start: 0, end: 0 };
const days = (amount: number): Duration => ({ amount, unit: 'd', span: NO_SPAN });

/** The scheduler bench's program with estimates on every task and risks with schedule impacts. */
export function forecastModel(size: number, seed = 42): ProgramModel {
  const base = generateScheduleModel(size, seed);
  const rand = mulberry32(seed + 1);
  const tasks: Task[] = base.tasks.map((t) => {
    const plan = t.duration ? t.duration.amount * (t.duration.unit === 'w' ? 5 : 1) : 1 + Math.floor(rand() * 10);
    const optimistic = Math.max(1, Math.round(plan * 0.8));
    const pessimistic = Math.ceil(plan * (1.3 + rand()));
    return { ...t, estimate: { optimistic: days(optimistic), likely: days(plan), pessimistic: days(pessimistic), span: NO_SPAN } };
  });
  const risks: Risk[] = [];
  const entities: Entity[] = [...base.entities];
  for (let r = 0; r < Math.ceil(size / 25); r++) {
    const id = `R-${r}`;
    const entity: Entity = { kind: 'risk', id, uri: base.rootUri, span: NO_SPAN, idSpan: NO_SPAN };
    entities.push(entity);
    const affects = [1, 2, 3].slice(0, 1 + Math.floor(rand() * 3)).map(() => `t-${Math.floor(rand() * size)}`);
    const impact = rand() < 0.5 ? days(2 + Math.floor(rand() * 8)) : { optimistic: days(2), likely: days(5), pessimistic: days(15), span: NO_SPAN };
    risks.push({
      id, entity, probability: 1 + Math.floor(rand() * 5), impact: 3, status: 'open', affects, spans: {},
      scheduleImpact: impact, ...(rand() < 0.5 ? { chance: Math.round(rand() * 100) / 100 } : {}),
    });
  }
  return { ...base, tasks, risks, entities };
}

export interface ForecastFigures {
  tasks: number;
  iterations: number;
  /** Worker threads beside the main one. */
  workers: number;
  ms: number;
  /** CPU time of the process (every thread) during the run: on a shared machine, closer to what the run costs than the wall time. */
  cpuMs: number;
  /** Tasks × iterations per second of wall time. */
  samplesPerSecond: number;
  peakMb: number;
  /** CPU time of one deterministic schedule of the same program (best of 5), and the ratio of one iteration's CPU time to it. */
  scheduleMs: number;
  perIterationRatio: number;
}

const cpuNow = (): number => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };

async function child(size: number, iterations: number, workers: number | undefined): Promise<void> {
  const model = forecastModel(size);
  const t0 = performance.now();
  const c0 = cpuNow();
  const plan = prepareForecast(model, { iterations, seed: 1, statusDate: model.program?.start ?? 0 });
  const result = await runForecastThreads(plan, { workerPath: join(__dirname, '../dist/forecast-blocks.js'), ...(workers !== undefined && { workers }) });
  const ms = performance.now() - t0;
  const cpuMs = cpuNow() - c0;
  const peakMb = process.resourceUsage().maxRSS / 1024;
  scheduleProgram(model);
  let scheduleMs = Infinity;
  for (let r = 0; r < 5; r++) {
    const s0 = cpuNow();
    scheduleProgram(model);
    scheduleMs = Math.min(scheduleMs, cpuNow() - s0);
  }
  if (result.iterations !== iterations) throw new Error(`ran ${result.iterations} iterations, not ${iterations}`);
  const used = workers ?? defaultWorkers(size * iterations);
  process.stdout.write(JSON.stringify({
    tasks: size, iterations, workers: used, ms, cpuMs, samplesPerSecond: (size * iterations) / (ms / 1000), peakMb, scheduleMs, perIterationRatio: cpuMs / iterations / scheduleMs,
  }));
}

/** Runs each case in a fresh child process (so maxRSS is the forecast's alone). */
export function benchForecast(cases: readonly [number, number][] = [[1000, 10_000], [10_000, 1000]]): ForecastFigures[] {
  const out: ForecastFigures[] = [];
  for (const [size, iterations] of cases) {
    const text = execFileSync(process.execPath, ['--import', 'tsx', __filename, '--child', String(size), String(iterations)], { encoding: 'utf8', maxBuffer: 1 << 20, stdio: ['ignore', 'pipe', 'inherit'] });
    const f = JSON.parse(text) as ForecastFigures;
    console.log(`forecast ${size} tasks × ${iterations} iterations (${f.workers + 1} threads): ${f.ms.toFixed(0)} ms wall (target < ${size === 1000 ? 2000 : 3000} ms), `
      + `CPU ${f.cpuMs.toFixed(0)} ms, ${(f.samplesPerSecond / 1e6).toFixed(2)} M task-samples/s, peak ${f.peakMb.toFixed(0)} MB (target < 300 MB); `
      + `one schedule ${f.scheduleMs.toFixed(1)} ms CPU, one iteration = ${f.perIterationRatio.toFixed(3)} of it`);
    out.push(f);
  }
  return out;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  if (args[0] === '--child') void child(Number(args[1]), Number(args[2]), args[3] !== undefined ? Number(args[3]) : undefined);
  else benchForecast();
}
