// The forecast the exported page embeds (its Forecast tab, and P80 beside each
// milestone's deterministic forecast): the same run as `program-as-code
// forecast` on the same file (the file's `forecast` seed and iterations, or the
// defaults), so the page is reproducible and agrees with the command.
import type { ProgramAnalysis } from '../program/analyze.js';
import { runForecast } from '../program/forecast/forecast.js';
import type { ForecastResult } from '../program/forecast/forecast.js';
import type { ForecastView } from '../view/forecast-types.js';
import { forecastView, noUncertaintyView } from '../view/forecast-view.js';
import { hasUncertainty } from '../program/forecast/job.js';

export function exportedForecast(analysis: ProgramAnalysis): ForecastView {
  return exportedForecastRun(analysis).view;
}

/** The run itself too (`result`, undefined without uncertainty): the page's Status tab takes its P80s from the same run. */
export function exportedForecastRun(analysis: ProgramAnalysis): { view: ForecastView; result?: ForecastResult } {
  const model = analysis.model;
  if (!hasUncertainty(model)) return { view: noUncertaintyView() };
  const result = runForecast(model, { schedule: analysis.schedule, statusDate: analysis.statusDate });
  return { view: forecastView(result, model), result };
}
