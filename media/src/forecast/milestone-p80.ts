// The Milestones tab's P80 column: 80% of the forecast's iterations reach the
// milestone on or before this date (the deterministic forecast is beside it).
import type { ForecastSeries, ForecastView } from '../../../server/src/view/forecast-types.js';
import { h } from '../dom.js';
import { percent } from './s-curve.js';

export const P80_TITLE = 'P80: 80% of the Monte Carlo forecast’s iterations reach the milestone on or before this date';

/** Milestone id → its forecast, when there is a forecast with milestones. */
export function p80Of(forecast: ForecastView | undefined): Map<string, ForecastSeries> | undefined {
  if (forecast?.status !== 'ready' || forecast.milestones.length === 0) return undefined;
  return new Map(forecast.milestones.map((m) => [m.id ?? '', m]));
}

export function p80Cell(m: ForecastSeries | undefined): HTMLTableCellElement {
  if (!m?.p80) return h('td', { class: 'nowrap p80', title: m ? 'No dates: in or behind a dependency cycle' : 'Not forecast: it needs both depends_on and a target date' }, '—');
  const odds = m.onTimeProbability === null ? '' : ` · ${percent(m.onTimeProbability)} chance of meeting the target`;
  return h('td', { class: 'nowrap p80', title: `P50 ${m.p50 ?? '—'} · P80 ${m.p80} · P90 ${m.p90 ?? '—'}${odds}` }, m.p80);
}
