// Durations and lags must come to whole working days (a week is as many days
// as the calendar works in a week), and effort needs someone to do it.
import type { Collected } from './build.js';
import { diagnostic } from './diagnostic.js';
import type { Diagnostic, Duration, Estimate } from './types.js';

function estimateParts(e: Estimate): Duration[] {
  return [e.optimistic, e.likely, e.pessimistic];
}

export function durationDays(d: Duration, daysPerWeek: number): number {
  return d.unit === 'w' ? d.amount * daysPerWeek : d.amount;
}

/** 10,000 years of days: a duration, effort or lag beyond it cannot give a date in 0000-9999. */
export const MAX_DURATION_DAYS = 3_652_425;

export function checkDurations(c: Collected, daysPerWeek: number): Diagnostic[] {
  const out: Diagnostic[] = [];
  /** False (and reported) when the amount cannot give a date: infinite, or longer than 10,000 years. */
  const bounded = (uri: string, d: Duration, what: string): boolean => {
    const days = durationDays(d, daysPerWeek);
    if (Number.isFinite(days) && Math.abs(days) <= MAX_DURATION_DAYS) return true;
    out.push(diagnostic('out-of-range', uri, d.span,
      `This ${what} is longer than ${MAX_DURATION_DAYS.toLocaleString('en-US')} working days (10,000 years), so no date could come of it.`));
    return false;
  };
  const whole = (uri: string, d: Duration, what: string, min: number) => {
    if (!bounded(uri, d, what)) return;
    const days = durationDays(d, daysPerWeek);
    const rounded = Math.round(days * 1e9) / 1e9;
    if (Number.isInteger(rounded) && rounded >= min) return;
    const weekNote = d.unit === 'w' ? ` (${d.amount}w is ${rounded} working days with ${daysPerWeek} workdays a week)` : '';
    out.push(diagnostic('duration-not-whole', uri, d.span,
      rounded <= 0 && min > 0
        ? `A ${what} must be at least 1 working day${weekNote}${what === 'duration' ? '; a zero-length event is a milestone' : ''}.`
        : `A ${what} must be a whole number of working days${weekNote}: write ${roundings(rounded, min)}.`));
  };
  for (const t of c.tasks) {
    if (t.duration) whole(t.entity.uri, t.duration, 'duration', 1);
    if (t.effort) bounded(t.entity.uri, t.effort, 'effort');
    if (t.effort && t.assignees.length === 0) {
      out.push(diagnostic('effort-without-assignees', t.entity.uri, t.effort.span,
        `Task \`${t.id}\` gives \`effort\` but no \`assignees\`: effort is divided by the assignees' capacity to get a duration. Add assignees, or use \`duration\`.`));
    }
    for (const dep of t.dependsOn) if (dep.lag) whole(dep.uri, dep.lag, 'lag', 0);
    if (t.estimate) for (const d of estimateParts(t.estimate)) whole(t.entity.uri, d, 'value of a three-point estimate', 1);
  }
  for (const r of c.risks) {
    const impact = r.scheduleImpact;
    if (impact && 'amount' in impact) whole(r.entity.uri, impact, 'schedule impact', 1);
    else if (impact) for (const d of estimateParts(impact)) whole(r.entity.uri, d, 'value of a schedule impact', 1);
  }
  for (const m of c.milestones) for (const dep of m.dependsOn) if (dep.lag) whole(dep.uri, dep.lag, 'lag', 0);
  return out;
}

/** `\`2d\`` or `\`1d\` or \`2d\``: the whole numbers of days around a fraction, at least `min`. */
function roundings(days: number, min: number): string {
  const down = Math.floor(days);
  const up = Math.ceil(days);
  return down >= min && down !== up ? `\`${down}d\` or \`${up}d\`` : `\`${up}d\``;
}
