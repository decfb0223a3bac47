// The forecast messages from the host, checked before use (the webview draws
// what it is sent; anything malformed is ignored with a console warning, as
// every other message).
import type { ForecastDriver, ForecastSeries, ForecastView } from './forecast-types.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isDate = (v: unknown): v is string | null => v === null || (typeof v === 'string' && DATE.test(v));
const isShare = (v: unknown): boolean => v === null || (typeof v === 'number' && v >= 0 && v <= 1);

function isSeries(v: unknown): v is ForecastSeries {
  if (!isObject(v) || !(v.id === null || typeof v.id === 'string') || typeof v.name !== 'string') return false;
  if (!['target', 'deterministic', 'p10', 'p50', 'p80', 'p90'].every((k) => isDate(v[k]))) return false;
  if (!isShare(v.onTimeProbability) || !isShare(v.planProbability) || !Array.isArray(v.curve)) return false;
  return v.curve.every((p) => isObject(p) && isDate(p.day) && p.day !== null && typeof p.share === 'number' && isShare(p.share));
}

function isDriver(v: unknown): v is ForecastDriver {
  return isObject(v) && (v.kind === 'task' || v.kind === 'risk') && typeof v.id === 'string' && typeof v.name === 'string'
    && typeof v.value === 'number' && Number.isFinite(v.value) && isShare(v.share);
}

export function isForecastView(v: unknown): v is ForecastView {
  if (!isObject(v)) return false;
  if (v.status === 'no-uncertainty' || v.status === 'error' || v.status === 'skipped') return typeof v.message === 'string';
  if (v.status !== 'ready') return false;
  return typeof v.iterations === 'number' && typeof v.requestedIterations === 'number' && typeof v.seed === 'number'
    && (v.distribution === 'pert' || v.distribution === 'triangular') && (v.meanDays === null || typeof v.meanDays === 'number')
    && isSeries(v.finish) && Array.isArray(v.milestones) && v.milestones.every(isSeries)
    && Array.isArray(v.tasks) && v.tasks.every(isDriver) && Array.isArray(v.risks) && v.risks.every(isDriver);
}

/** A progress report of the running forecast: 0..100 and the runner's words ("2,000 of 5,000 iterations"). */
export function isForecastProgress(v: Record<string, unknown>): boolean {
  return typeof v.percentage === 'number' && v.percentage >= 0 && v.percentage <= 100 && typeof v.message === 'string' && v.message.length <= 200;
}
