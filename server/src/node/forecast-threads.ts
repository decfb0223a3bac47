// The forecast on several cores: this thread and `workers` worker threads
// (forecast-blocks-worker.ts, bundled to dist/forecast-blocks.js) take the
// next block of iterations from one shared counter (Atomics.add on a
// SharedArrayBuffer) until none is left; each worker posts each block's tally
// back, and this thread puts them in place (forecast/blocks.ts: a block's
// numbers depend only on the plan and its index, and tallies add up exactly in
// any order). So the result is identical with 0, 1 or 2 workers, and to
// runForecast in one thread; which thread ran which block only changes the
// time. Workers get the plan's iteration data (typed arrays, cloned once), not
// the program: they parse and schedule nothing, so they start at once and add
// little memory.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { addTally, BLOCK_ITERATIONS, blockCount, blockPlanData, createTally, runBlocks, Streams } from '../program/forecast/blocks.js';
import type { BlockPlanData, Tally } from '../program/forecast/blocks.js';
import { prepareForecast, summariseForecast } from '../program/forecast/forecast.js';
import type { ForecastPlan, ForecastResult } from '../program/forecast/forecast.js';
import { modelOfJob, optionsOfJob } from '../program/forecast/job.js';
import type { ForecastJob } from '../program/forecast/job.js';

/** Below this many task-iterations a worker's start (loading, parsing, scheduling) costs more than it saves. */
export const THREADS_FROM_TASK_ITERATIONS = 2_000_000;

export interface ThreadOptions {
  /** The worker script (dist/forecast-blocks.js beside the bundle). */
  readonly workerPath: string;
  /** Worker threads beside this one; default: one fewer than the cores (at most 3), when the forecast is big enough. */
  readonly workers?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

/** Messages from a blocks worker. */
export type BlocksMessage =
  | { readonly type: 'block'; readonly block: number; readonly tally: Tally }
  | { readonly type: 'done' }
  | { readonly type: 'error'; readonly message: string };

/** What a blocks worker is started with (workerData). */
export interface BlocksWorkerData {
  readonly plan: BlockPlanData;
  /** One Int32: the next block to take. */
  readonly next: SharedArrayBuffer;
}

export function defaultWorkers(taskIterations: number): number {
  if (taskIterations < THREADS_FROM_TASK_ITERATIONS) return 0;
  return Math.max(0, Math.min(3, availableParallelism() - 1));
}

/** A job's forecast (the server's worker): its program loaded from the texts, then runForecastThreads. */
export function runJobThreads(job: ForecastJob, options: ThreadOptions): Promise<ForecastResult> {
  return runForecastThreads(prepareForecast(modelOfJob(job), optionsOfJob(job)), options);
}

export async function runForecastThreads(plan: ForecastPlan, options: ThreadOptions): Promise<ForecastResult> {
  const total = plan.iterations;
  const blocks = blockCount(total);
  const tally = createTally(plan, 0, total);
  const workers = Math.min(Math.max(0, blocks - 1), options.workers ?? defaultWorkers(plan.net.n * total));
  const next = new SharedArrayBuffer(4);
  const counter = new Int32Array(next);
  let done = 0;
  const progress = (count: number): void => { done += count; options.onProgress?.(done, total); };

  const threads: Worker[] = [];
  const finished: Promise<void>[] = [];
  const shipped = workers > 0 ? blockPlanData(plan) : undefined;
  for (let w = 0; w < workers; w++) {
    const data: BlocksWorkerData = { plan: shipped as BlockPlanData, next };
    const worker = new Worker(options.workerPath, { workerData: data });
    threads.push(worker);
    finished.push(new Promise<void>((resolve, reject) => {
      worker.on('message', (m: BlocksMessage) => {
        if (m.type === 'block') { addTally(tally, m.tally); progress(m.tally.count); }
        else if (m.type === 'done') resolve();
        else reject(new Error(m.message));
      });
      worker.on('error', reject);
      worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`forecast worker stopped (exit code ${code})`))));
    }));
  }
  try {
    const streams = new Streams(plan.settings.seed);
    for (;;) {
      const b = Atomics.add(counter, 0, 1);
      if (b >= blocks) break;
      runBlocks(plan, b, b + 1, streams, tally);
      progress(Math.min(total, (b + 1) * BLOCK_ITERATIONS) - b * BLOCK_ITERATIONS);
      // Let the workers' tallies in (and progress out) between blocks.
      if (workers > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    }
    await Promise.all(finished);
  } finally {
    for (const t of threads) void t.terminate();
  }
  return summariseForecast(plan, tally);
}
