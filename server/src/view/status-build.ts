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

export function statusViewFor(analysis: ProgramAnalysis, input: StatusInput = {}): StatusView {
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

const cache = new WeakMap<ProgramAnalysis, { key: string; view: StatusView }>();

/**
 * The same, remembered per analysis while its inputs are the same: the tab
 * asks again after every redraw and while the forecast runs, and a large
 * program's report takes a while (its change requests are scheduled as
 * what-ifs). `key` names the inputs besides the analysis (baseline commit,
 * forecast state, notes).
 */
export function cachedStatusView(analysis: ProgramAnalysis, input: StatusInput, key: string): StatusView {
  const hit = cache.get(analysis);
  if (hit && hit.key === key) return hit.view;
  const view = statusViewFor(analysis, input);
  cache.set(analysis, { key, view });
  return view;
}
