// One forecast job as plain data: the texts of a program's files and the
// settings, so it can cross into a worker thread (structured clone) and be
// run there exactly as it would be run here. runForecastJob is the whole job,
// shared by the worker and the in-process path, so both give the same answer.
import { loadProgram } from '../program/load.js';
import { memoryHost } from '../program/host.js';
import { runForecast } from '../program/forecast/forecast.js';
import type { ForecastResult } from '../program/forecast/forecast.js';
import type { ProgramAnalysis } from '../program/analyze.js';
import type { ProgramModel } from '../program/model.js';

export interface ForecastJob {
  readonly rootUri: string;
  /** The folder includes may not leave: the common folder of the program's files. */
  readonly workspaceRoot: string;
  /** Every file of the program, root first: uri -> text. */
  readonly files: Readonly<Record<string, string>>;
  /** The status date the analysis used (anchors a program without a start). */
  readonly statusDate: number;
}

export type WorkerMessage =
  | { readonly id: number; readonly type: 'progress'; readonly done: number; readonly total: number }
  | { readonly id: number; readonly type: 'result'; readonly result: ForecastResult }
  | { readonly id: number; readonly type: 'error'; readonly message: string };

function commonFolder(uris: readonly string[]): string {
  let prefix = uris[0] ?? '';
  for (const u of uris) while (!u.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix.slice(0, prefix.lastIndexOf('/') + 1);
}

export function jobOf(analysis: ProgramAnalysis): ForecastJob {
  const files: Record<string, string> = {};
  for (const f of analysis.model.files) files[f.uri] = f.text;
  const uris = Object.keys(files);
  return { rootUri: analysis.model.rootUri, workspaceRoot: commonFolder(uris), files, statusDate: analysis.statusDate };
}

/** Whether a forecast can say more than the plan: some estimate, or some risk with a schedule impact. */
export function hasUncertainty(model: ProgramModel): boolean {
  return model.tasks.some((t) => t.estimate !== undefined) || model.risks.some((r) => r.scheduleImpact !== undefined);
}

export function runForecastJob(job: ForecastJob, onProgress?: (done: number, total: number) => void): ForecastResult {
  const model = loadProgram(job.rootUri, memoryHost(job.files), { workspaceRoot: job.workspaceRoot });
  return runForecast(model, { statusDate: job.statusDate, ...(onProgress && { onProgress }) });
}
