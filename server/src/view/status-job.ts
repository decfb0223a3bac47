// The Status tab's report as one job of plain data: the texts of the program's
// files (and of the baseline's, as git gave them), the settings, the forecast
// result and the notes, so it can cross into a worker thread (structured
// clone) and be built there: a 10,000-task program's report takes most of a
// second (a second whole schedule for the overdue plan, the change requests
// as what-ifs, earned value per workstream), which the language server's main
// loop must not spend. runStatusJob is the whole job, so the worker and a test
// in this thread give the same view.
import { loadProgram } from '../program/load.js';
import { memoryHost } from '../program/host.js';
import type { ForecastJob } from '../program/forecast/job.js';
import { modelOfJob } from '../program/forecast/job.js';
import type { ForecastResult } from '../program/forecast/forecast.js';
import { scheduleProgram } from '../program/schedule.js';
import { diffPrograms } from '../program/running/baseline-diff.js';
import { scheduleBaseline } from '../program/running/baseline-source.js';
import { whatIfForecaster } from '../program/running/what-if-forecast.js';
import { statusViewFor } from './status-build.js';
import type { StatusViewOptions } from './status-view.js';
import type { StatusView } from './status-types.js';

export interface StatusJob {
  /** The current program: its files' texts and the analysis' settings (as a forecast job carries them). */
  readonly current: ForecastJob;
  /** The program at the baseline revision, as git gave it. */
  readonly baseline?: {
    readonly revision: string;
    readonly commit: string;
    readonly rootUri: string;
    readonly workspaceRoot: string;
    readonly files: Readonly<Record<string, string>>;
  };
  /** The Monte Carlo forecast of exactly these texts, when it is done (P80). */
  readonly forecast?: ForecastResult;
  readonly notes: StatusViewOptions;
}

export type StatusWorkerMessage =
  | { readonly id: number; readonly type: 'result'; readonly view: StatusView }
  | { readonly id: number; readonly type: 'error'; readonly message: string };

/** The Status tab's view of a job: the same as the editor's analysis and baseline comparison would give. */
export function runStatusJob(job: StatusJob): StatusView {
  const c = job.current;
  const model = modelOfJob(c);
  const statusDate = c.statusDate;
  const schedule = scheduleProgram(model, {
    statusDate, ...(c.progressDate !== undefined && { progressDate: c.progressDate }), ...(c.level && { level: true }),
  });
  const current = { model, schedule, statusDate };
  let baseline;
  if (job.baseline) {
    const b = job.baseline;
    const bModel = loadProgram(b.rootUri, memoryHost(b.files), { workspaceRoot: b.workspaceRoot });
    // As the editor's baseline cache schedules it: with the baseline's own status date.
    const bSchedule = scheduleBaseline(bModel);
    const comparison = diffPrograms(current, { model: bModel, schedule: bSchedule }, { revision: b.revision, commit: b.commit }, whatIfForecaster(model, { statusDate }), { attribute: false });
    baseline = { model: bModel, schedule: bSchedule, comparison, label: b.revision };
  }
  return statusViewFor(current, { ...(baseline && { baseline }), ...(job.forecast && { forecast: job.forecast }), ...job.notes });
}
