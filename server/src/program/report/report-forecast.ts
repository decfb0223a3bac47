// The Monte Carlo forecast behind the report's P80 dates: run with the file's
// own `forecast:` settings (iterations, seed, distribution; defaults 5000, 1,
// pert), so the same file gives the same report on every machine. A program
// without a three-point estimate or a risk with a schedule impact has no
// uncertainty to sample: its P80 would only repeat the plan, so none is run.
import { riskChance, runForecast } from '../forecast/forecast.js';
import type { ForecastResult } from '../forecast/forecast.js';
import type { ProgramModel } from '../model.js';
import type { Schedule } from '../schedule.js';
import type { Day } from '../types.js';

export function hasScheduleUncertainty(model: ProgramModel): boolean {
  return model.tasks.some((t) => t.estimate !== undefined) || model.risks.some((r) => riskChance(r) !== undefined);
}

export function reportForecast(model: ProgramModel, schedule: Schedule, statusDate: Day): ForecastResult | undefined {
  if (!hasScheduleUncertainty(model)) return undefined;
  return runForecast(model, { schedule, statusDate });
}
