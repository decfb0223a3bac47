// One forecast job as plain data: the texts of a program's files and the
// settings, so it can cross into a worker thread (structured clone) and be
// run there exactly as it would be run here. runForecastJob is the whole job,
// shared by the worker and the in-process path, so both give the same answer.
import { loadProgram } from '../load.js';
import { memoryHost } from '../host.js';
import { runForecast } from './forecast.js';
import type { ForecastOptions, ForecastResult } from './forecast.js';
import type { ProgramAnalysis } from '../analyze.js';
import type { ProgramModel } from '../model.js';

export interface ForecastJob {
  readonly rootUri: string;
  /** The folder includes may not leave: the common folder of the program's files. */
  readonly workspaceRoot: string;
  /** Every file of the program, root first: uri -> text. */
  readonly files: Readonly<Record<string, string>>;
  /** The status date the analysis used (anchors a program without a start). */
  readonly statusDate: number;
  /** first(status date) the analysis forecast remaining work from, null for none (default: the file's status_date). */
  readonly progressDate?: number | null;
  /** Level resources even when the file does not (the CLI's --level). */
  readonly level?: boolean;
  /** Override the file's forecast settings (the CLI's --iterations and --seed). */
  readonly iterations?: number;
  readonly seed?: number;
}

export type WorkerMessage =
  | { readonly id: number; readonly type: 'progress'; readonly done: number; readonly total: number }
  | { readonly id: number; readonly type: 'result'; readonly result: ForecastResult }
  | { readonly id: number; readonly type: 'error'; readonly message: string };

/** The folder holding every one of `uris` (includes may not leave it). */
export function commonFolder(uris: readonly string[]): string {
  let prefix = uris[0] ?? '';
  for (const u of uris) while (!u.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix.slice(0, prefix.lastIndexOf('/') + 1);
}

export function jobOf(analysis: ProgramAnalysis): ForecastJob {
  const files: Record<string, string> = {};
  for (const f of analysis.model.files) files[f.uri] = f.text;
  const uris = Object.keys(files);
  return {
    rootUri: analysis.model.rootUri, workspaceRoot: commonFolder(uris), files, statusDate: analysis.statusDate,
    progressDate: analysis.schedule.progressDate, ...(analysis.schedule.levelled && { level: true }),
  };
}

/** The job's program, loaded from its texts (the same model in every thread). */
export function modelOfJob(job: ForecastJob): ProgramModel {
  return loadProgram(job.rootUri, memoryHost(job.files), { workspaceRoot: job.workspaceRoot });
}

/** The forecast options a job stands for (its schedule is computed by prepareForecast, the same in every thread). */
export function optionsOfJob(job: ForecastJob): ForecastOptions {
  return {
    statusDate: job.statusDate,
    ...(job.progressDate !== undefined && { progressDate: job.progressDate }),
    ...(job.level && { level: true }),
    ...(job.iterations !== undefined && { iterations: job.iterations }),
    ...(job.seed !== undefined && { seed: job.seed }),
  };
}

/** Whether a forecast can say more than the plan: some estimate, or some risk with a schedule impact. */
export function hasUncertainty(model: ProgramModel): boolean {
  return model.tasks.some((t) => t.estimate !== undefined) || model.risks.some((r) => r.scheduleImpact !== undefined);
}

export function runForecastJob(job: ForecastJob, onProgress?: (done: number, total: number) => void): ForecastResult {
  return runForecast(modelOfJob(job), { ...optionsOfJob(job), ...(onProgress && { onProgress }) });
}
