// The Forecast tab's view (forecast-types.ts) from the engine's result
// (program/forecast/forecast.ts): dates as text, names beside ids, the
// tornado's drivers ranked, and the two probabilities a TPM asks first (of
// meeting the target, of meeting the plan) read off each cumulative curve.
import { formatDate } from '../program/dates.js';
import type { CurvePoint } from '../program/forecast/curve.js';
import type { ForecastResult, Percentiles } from '../program/forecast/forecast.js';
import type { ProgramModel } from '../program/model.js';
import type { Day } from '../program/types.js';
import type { ForecastDriver, ForecastReady, ForecastSeries, ForecastUnavailable } from './forecast-types.js';

/** Bars per group in the tornado. */
export const DRIVERS = 10;

export const NO_UNCERTAINTY = 'Nothing to forecast yet: give a task a three-point estimate '
  + '(`estimate: { optimistic: 8d, likely: 10d, pessimistic: 20d }`) or an open risk a `schedule_impact: 10d` '
  + '(with `affects`), and this tab shows how likely each date is.';

export function noUncertaintyView(): ForecastUnavailable {
  return { status: 'no-uncertainty', message: NO_UNCERTAINTY };
}

/** What the exported page's Forecast tab says when it was exported with `--no-forecast`. */
export function skippedForecastView(): ForecastUnavailable {
  return {
    status: 'skipped',
    message: 'The forecast was skipped: this page was exported with `--no-forecast`. Export it again without that flag for the P10–P90 dates, the curves, what drives the finish and each milestone’s P80, or run `program-as-code forecast`.',
  };
}

export function forecastErrorView(message: string): ForecastUnavailable {
  return { status: 'error', message };
}

const text = (d: Day | null): string | null => (d === null ? null : formatDate(d));

/** The share of iterations ending on or before `day` (0 before the first point). */
export function shareBy(curve: readonly CurvePoint[], day: Day): number {
  let lo = 0;
  let hi = curve.length; // first point after `day`
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((curve[mid] as CurvePoint).day <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? 0 : (curve[lo - 1] as CurvePoint).share;
}

function series(id: string | null, name: string, target: Day | null, deterministic: Day | null, p: Percentiles, onTime: number | null): ForecastSeries {
  const dated = p.curve.length > 0;
  return {
    id, name, target: text(target), deterministic: text(deterministic),
    p10: text(p.p10), p50: text(p.p50), p80: text(p.p80), p90: text(p.p90),
    onTimeProbability: onTime ?? (target !== null && dated ? shareBy(p.curve, target) : null),
    planProbability: deterministic !== null && dated ? shareBy(p.curve, deterministic) : null,
    curve: p.curve.map((c) => ({ day: formatDate(c.day), share: c.share })),
  };
}

/** The view of a finished forecast; "nothing to forecast" when no estimate and no risk took part. */
export function forecastView(r: ForecastResult, model: ProgramModel): ForecastReady | ForecastUnavailable {
  const estimated = new Set(model.tasks.filter((t) => t.estimate !== undefined).map((t) => t.id));
  if (estimated.size === 0 && r.risks.length === 0) return noUncertaintyView();
  const nameOf = (id: string): string => model.byId.get(id)?.name ?? id;
  const titleOf = (id: string): string => model.risks.find((x) => x.id === id)?.title ?? id;
  const tasks: ForecastDriver[] = r.tasks
    .filter((t) => t.sensitivity !== null && estimated.has(t.id))
    .sort((a, b) => Math.abs(b.sensitivity ?? 0) - Math.abs(a.sensitivity ?? 0))
    .slice(0, DRIVERS)
    .map((t) => ({ kind: 'task', id: t.id, name: nameOf(t.id), value: t.sensitivity ?? 0, share: t.criticality }));
  const risks: ForecastDriver[] = r.risks
    .filter((x) => x.meanDelay !== null)
    .sort((a, b) => (b.meanDelay ?? 0) - (a.meanDelay ?? 0))
    .slice(0, DRIVERS)
    .map((x) => ({ kind: 'risk', id: x.id, name: titleOf(x.id), value: x.meanDelay ?? 0, share: x.chance }));
  return {
    status: 'ready',
    program: r.program,
    iterations: r.iterations,
    requestedIterations: r.requestedIterations,
    seed: r.seed,
    distribution: r.distribution,
    meanDays: r.finish.mean,
    finish: series(null, 'Program finish', null, r.finish.deterministic, r.finish, null),
    milestones: r.milestones.map((m) => series(m.id, nameOf(m.id), m.target, m.deterministic, m, m.onTimeProbability)),
    tasks,
    risks,
  };
}
