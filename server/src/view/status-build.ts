// The Status tab's data for one analysis: the status report (with the
// baseline and the Monte Carlo forecast when the caller has them) turned into
// a StatusView. Shared by the language server (the preview's request) and the
// CLI (the exported page), so both show the same report as `report`.
import type { ProgramAnalysis } from '../program/analyze.js';
import type { ForecastResult } from '../program/forecast/forecast.js';
import { buildReport } from '../program/report/report-model.js';
import type { ReportInput } from '../program/report/report-model.js';
import { whatIfForecaster } from '../program/running/what-if-forecast.js';
import { buildStatusView } from './status-view.js';
import type { StatusViewOptions } from './status-view.js';
import type { StatusView } from './status-types.js';

/** The forecast note of a program without uncertainty to sample. */
export const NO_P80_NOTE = 'No P80: no task has an `estimate` and no open risk has a `schedule_impact`.';

export interface StatusInput extends StatusViewOptions {
  readonly baseline?: ReportInput['baseline'];
  readonly forecast?: ForecastResult;
}

/** `analysis`: what the report reads of an analysis (its model, schedule and status date). */
export function statusViewFor(analysis: Pick<ProgramAnalysis, 'model' | 'schedule' | 'statusDate'>, input: StatusInput = {}): StatusView {
  const statusDate = analysis.statusDate;
  const report = buildReport({
    current: { model: analysis.model, schedule: analysis.schedule },
    ...(input.baseline && { baseline: input.baseline }),
    ...(input.forecast && { forecast: input.forecast }),
    statusDate,
    // Change requests are what-ifs: answered incrementally, as `report` does.
    scheduleOf: whatIfForecaster(analysis.model, { statusDate }),
  });
  return buildStatusView(report, analysis.model, input);
}
