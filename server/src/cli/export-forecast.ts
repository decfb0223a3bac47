// The forecast the exported page embeds (its Forecast tab, and P80 beside each
// milestone's deterministic forecast): the same run as `program-as-code
// forecast` on the same file (the file's `forecast` seed and iterations, or the
// defaults), so the page is reproducible and agrees with the command.
import type { ProgramAnalysis } from '../program/analyze.js';
import { runForecast } from '../program/forecast/forecast.js';
import type { ForecastResult } from '../program/forecast/forecast.js';
import type { ForecastView } from '../view/forecast-types.js';
import { forecastView, noUncertaintyView, skippedForecastView } from '../view/forecast-view.js';
import { hasUncertainty } from '../program/forecast/job.js';

export function exportedForecast(analysis: ProgramAnalysis, skip = false): ForecastView {
  return exportedForecastRun(analysis, skip).view;
}

/**
 * The run itself too (`result`, undefined without uncertainty or when
 * skipped): the page's Status tab takes its P80s from the same run.
 * `skip` (`--no-forecast`): the page says so instead of running it (about
 * 1 s of CPU at 1,000 estimated tasks).
 */
export function exportedForecastRun(analysis: ProgramAnalysis, skip = false): { view: ForecastView; result?: ForecastResult } {
  if (skip) return { view: skippedForecastView() };
  const model = analysis.model;
  if (!hasUncertainty(model)) return { view: noUncertaintyView() };
  const result = runForecast(model, { schedule: analysis.schedule, statusDate: analysis.statusDate });
  return { view: forecastView(result, model), result };
}
