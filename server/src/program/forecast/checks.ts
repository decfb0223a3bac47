// Checks on the forecast's inputs (program-format.md, "Estimates and schedule
// risk"): a three-point estimate must be ordered, and a schedule impact on a
// risk that is over (occurred or closed) is pointed out as ignored. Whole-day
// checks of each value are in duration-checks.ts with the other durations;
// `chance` outside 0..1 and a bad `forecast:` section are the schema's.
import { diagnostic } from '../diagnostic.js';
import type { ProgramModel } from '../model.js';
import type { Diagnostic, Duration, Estimate, Span } from '../types.js';
import { durationDays } from '../duration-checks.js';

function show(d: Duration): string {
  return `${d.amount}${d.unit}`;
}

/** The first pair out of order, or undefined when optimistic <= likely <= pessimistic (in working days). */
function disorder(e: Estimate, daysPerWeek: number): string | undefined {
  const o = durationDays(e.optimistic, daysPerWeek);
  const l = durationDays(e.likely, daysPerWeek);
  const p = durationDays(e.pessimistic, daysPerWeek);
  if (o > l) return `optimistic ${show(e.optimistic)} is more than likely ${show(e.likely)}`;
  if (l > p) return `likely ${show(e.likely)} is more than pessimistic ${show(e.pessimistic)}`;
  return undefined;
}

function orderDiagnostic(uri: string, span: Span, what: string, problem: string): Diagnostic {
  return diagnostic('estimate-out-of-order', uri, span,
    `The three-point estimate of ${what} must have optimistic <= likely <= pessimistic, but ${problem}.`);
}

export function checkForecastInputs(model: ProgramModel): Diagnostic[] {
  const out: Diagnostic[] = [];
  const perWeek = model.calendar.workdays.length > 0 ? model.calendar.workdays.length : 5;
  for (const t of model.tasks) {
    if (!t.estimate) continue;
    const problem = disorder(t.estimate, perWeek);
    if (problem) out.push(orderDiagnostic(t.entity.uri, t.estimate.span, `task \`${t.id}\``, problem));
  }
  for (const r of model.risks) {
    const impact = r.scheduleImpact;
    if (!impact) continue;
    if (!('amount' in impact)) {
      const problem = disorder(impact, perWeek);
      if (problem) out.push(orderDiagnostic(r.entity.uri, impact.span, `the schedule impact of risk \`${r.id}\``, problem));
    }
    if (r.status === 'occurred' || r.status === 'closed') {
      out.push(diagnostic('schedule-impact-ignored', r.entity.uri, r.spans.schedule_impact ?? r.entity.idSpan,
        r.status === 'closed'
          ? `Risk \`${r.id}\` is closed, so its \`schedule_impact\` is ignored by the forecast.`
          : `Risk \`${r.id}\` has occurred, so its \`schedule_impact\` is ignored by the forecast: put the delay into the plan (the affected tasks' durations) instead.`,
        { unnecessary: true }));
    }
  }
  return out;
}
