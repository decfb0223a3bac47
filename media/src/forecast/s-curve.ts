// One S-curve of the Forecast tab: the cumulative probability of a date (the
// share of iterations ending on or before each day) as a step line, with the
// P10/P50/P80/P90 points labelled on it, the target and the plan's date as
// vertical lines, and where the target meets the curve (the on-time
// probability). Drawn in CSS pixels for the width it is given, so its text
// stays 11 px at any panel width. Every label is a text node (dom.ts `s`).
import type { ForecastSeries } from '../../../server/src/view/forecast-types.js';
import { s } from '../dom.js';

const DAY_MS = 86_400_000;
export const PERCENTILES = [10, 50, 80, 90] as const;
const HEIGHT = 250;
const M = { left: 42, right: 14, top: 44, bottom: 30 };
/** Average width of an 11 px character, for keeping labels inside the chart. */
const CHAR = 6.4;

export function dayNumber(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
}

function isoOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function percent(share: number): string {
  const p = share * 100;
  return `${p > 0 && p < 1 ? '<1' : p < 100 && p > 99 ? '>99' : Math.round(p)}%`;
}

/** The percentile date of a series: `p10`…`p90`. */
export function percentileOf(series: ForecastSeries, nn: (typeof PERCENTILES)[number]): string | null {
  return series[`p${nn}`];
}

/**
 * Where a percentile's label goes. Its point is the first day on which the
 * curve reaches nn%, so left of it and above is clear (the curve is still
 * lower there): the label goes there, ending 7 px before the point. When the
 * point is too near the left edge for that, it goes right of the point and
 * below it: right of the point the curve is at nn% or higher, so below the
 * point's height is under the curve, never on it (above, the step rising
 * after the point would run through the text).
 */
export function pctLabelAt(px: number, py: number, textWidth: number, width: number): { x: number; y: number; anchor: 'start' | 'end' } {
  if (px - 7 - textWidth >= M.left + 2) return { x: px - 7, y: py - 4, anchor: 'end' };
  return { x: Math.min(px + 7, width - M.right - textWidth), y: py + 14, anchor: 'start' };
}

export function sCurve(series: ForecastSeries, width: number): SVGSVGElement {
  const W = Math.max(300, Math.floor(width));
  const plotW = W - M.left - M.right;
  const plotH = HEIGHT - M.top - M.bottom;
  const days = series.curve.map((p) => dayNumber(p.day));
  for (const d of [series.target, series.deterministic]) if (d) days.push(dayNumber(d));
  let lo = Math.min(...days);
  let hi = Math.max(...days);
  const pad = Math.max(1, Math.round((hi - lo) * 0.04));
  lo -= pad;
  hi += pad;
  const x = (day: number): number => M.left + ((day - lo) / (hi - lo)) * plotW;
  const y = (share: number): number => M.top + (1 - share) * plotH;
  const svg = s('svg', {
    class: 's-curve', width: W, height: HEIGHT, viewBox: `0 0 ${W} ${HEIGHT}`, role: 'img',
    'aria-label': `Cumulative probability of ${series.name}`,
  });

  // Grid and axes.
  for (const share of [0, 0.25, 0.5, 0.75, 1]) {
    svg.append(s('line', { class: 'fc-grid', x1: M.left, x2: M.left + plotW, y1: y(share), y2: y(share) }));
    svg.append(s('text', { class: 'fc-axis-label', x: M.left - 6, y: y(share) + 4, 'text-anchor': 'end' }, `${share * 100}%`));
  }
  const count = Math.max(2, Math.min(8, Math.floor(plotW / 110)));
  const step = Math.max(1, Math.ceil((hi - lo) / count));
  for (let t = lo + Math.ceil(step / 2); t < hi; t += step) {
    const tx = x(t);
    const half = (10 * CHAR) / 2;
    const anchor = tx - half < 2 ? 'start' : tx + half > W - 2 ? 'end' : 'middle';
    svg.append(s('line', { class: 'fc-tick', x1: tx, x2: tx, y1: M.top + plotH, y2: M.top + plotH + 4 }));
    svg.append(s('text', { class: 'fc-axis-label fc-x-label', x: tx, y: HEIGHT - 10, 'text-anchor': anchor }, isoOf(t)));
  }
  svg.append(s('line', { class: 'fc-axis', x1: M.left, x2: M.left + plotW, y1: M.top + plotH, y2: M.top + plotH }));

  // The curve: a step up at each day on which iterations end.
  if (series.curve.length > 0) {
    let d = `M${x(lo).toFixed(1)} ${y(0).toFixed(1)}`;
    for (const p of series.curve) d += `H${x(dayNumber(p.day)).toFixed(1)}V${y(p.share).toFixed(1)}`;
    d += `H${x(hi).toFixed(1)}`;
    svg.append(s('path', { class: 'fc-area', d: `${d}V${y(0).toFixed(1)}Z` }), s('path', { class: 'fc-curve', d }));
  }

  // The target and the plan: vertical lines, labelled above the plot on two rows so they never overlap.
  const marker = (cls: string, label: string, day: string, row: number): void => {
    const mx = x(dayNumber(day));
    const text = `${label} ${day}`;
    const half = plotW / 2 + M.left;
    const anchor = mx > half ? 'end' : 'start';
    const tx = anchor === 'end' ? Math.max(mx, text.length * CHAR + 2) : Math.min(mx, W - 2 - text.length * CHAR);
    svg.append(s('line', { class: `fc-marker ${cls}`, x1: mx, x2: mx, y1: M.top - 4 - 14 * (1 - row), y2: M.top + plotH }));
    svg.append(s('text', { class: `fc-marker-label ${cls}`, x: anchor === 'end' ? tx - 3 : tx + 3, y: M.top - 8 - 14 * (1 - row), 'text-anchor': anchor }, text));
  };
  if (series.target) marker('fc-target', 'Target', series.target, 0);
  if (series.deterministic) marker('fc-plan', 'Plan', series.deterministic, 1);
  if (series.target && series.onTimeProbability !== null) {
    const tx = x(dayNumber(series.target));
    const ty = y(series.onTimeProbability);
    svg.append(s('circle', { class: 'fc-on-time', cx: tx, cy: ty, r: 4 }));
    svg.append(s('text', { class: 'fc-on-time-label', x: tx + 7, y: ty + 14 }, percent(series.onTimeProbability)));
  }

  // The percentiles: a guide from the axis to the curve, a dot, and "P80 2026-03-20" beside it.
  for (const nn of PERCENTILES) {
    const day = percentileOf(series, nn);
    if (!day) continue;
    const px = x(dayNumber(day));
    const py = y(nn / 100);
    const text = `P${nn} ${day}`;
    svg.append(s('line', { class: 'fc-guide', x1: M.left, x2: px, y1: py, y2: py }));
    svg.append(s('circle', { class: 'fc-pct', cx: px, cy: py, r: 3.5, 'data-percentile': nn }));
    const at = pctLabelAt(px, py, text.length * CHAR, W);
    svg.append(s('text', { class: 'fc-pct-label', x: at.x, y: at.y, 'text-anchor': at.anchor, 'data-percentile': nn }, text));
  }
  return svg;
}
