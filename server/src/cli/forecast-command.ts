// `program-as-code forecast FILE`: the Monte Carlo forecast as a table for
// people, or JSON in the shape program-format.md specifies.
import { join } from 'node:path';
import { runForecastThreads } from '../node/forecast-threads.js';
import { MAX_ITERATIONS, prepareForecast } from '../program/forecast/forecast.js';
import { forecastJson, forecastTable } from '../program/forecast/report.js';
import { analyzeOneProgram } from './one-program.js';

export type ForecastFormat = 'table' | 'json';

export interface ForecastCommandOptions {
  readonly file: string;
  readonly format: ForecastFormat;
  readonly cwd: string;
  readonly iterations?: number;
  readonly seed?: number;
  readonly today?: number;
  /** --status-date: remaining work is forecast from it (instead of program.status_date). */
  readonly statusDate?: number;
  /** --level: level resources in every iteration, as if the file set scheduling.levelling. */
  readonly level?: boolean;
  /** --workers: worker threads beside this one (0: all iterations here); default by size and cores. */
  readonly workers?: number;
}

/** Parses --iterations / --seed; a message when the value is not allowed. */
export function parseCount(flag: string, text: string, lo: number, hi: number): number | string {
  const n = /^[0-9]+$/.test(text.trim()) ? Number(text.trim()) : NaN;
  if (!Number.isSafeInteger(n) || n < lo || n > hi) return `${flag} takes a whole number from ${lo} to ${hi.toLocaleString('en-US').replace(/,/g, '')}`;
  return n;
}

export const ITERATIONS_RANGE = [1, MAX_ITERATIONS] as const;
export const SEED_RANGE = [0, 0xffffffff] as const;
export const WORKERS_RANGE = [0, 16] as const;

export async function runForecastCommand(opts: ForecastCommandOptions): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  const one = analyzeOneProgram(opts.file, opts.cwd, {
    ...(opts.today !== undefined && { today: opts.today }), ...(opts.statusDate !== undefined && { statusDate: opts.statusDate }), ...(opts.level && { level: true }),
  }, 'forecasting');
  if (!one.ok) return one.result;
  const { model, analysis } = one;
  const plan = prepareForecast(model, {
    schedule: analysis.schedule, statusDate: analysis.statusDate,
    ...(opts.iterations !== undefined && { iterations: opts.iterations }),
    ...(opts.seed !== undefined && { seed: opts.seed }),
  });
  // The iterations run on as many cores as pay (the same result whatever the number).
  const result = await runForecastThreads(plan, { workerPath: join(__dirname, 'forecast-blocks.js'), ...(opts.workers !== undefined && { workers: opts.workers }) });
  const errors = analysis.diagnostics.filter((x) => x.severity === 'error').length;
  let stderr = errors > 0 ? `program-as-code: the program has ${errors} error${errors === 1 ? '' : 's'}; the forecast may be incomplete (run 'program-as-code validate ${opts.file}').\n` : '';
  if (result.iterations < result.requestedIterations) {
    stderr += `program-as-code: ran ${result.iterations} of the ${result.requestedIterations} iterations asked for: `
      + `the forecast keeps at most 25,000,000 sampled task durations (iterations × tasks with an estimate).\n`;
  }
  const stdout = opts.format === 'json'
    ? `${JSON.stringify(forecastJson(result), null, 2)}\n`
    : forecastTable(result, model.program?.name ?? model.program?.id ?? 'Program', (id) => model.byId.get(id)?.name ?? model.risks.find((r) => r.id === id)?.title ?? '');
  return { exitCode: errors > 0 ? 1 : 0, stdout, stderr };
}
