// The baseline in the editor: hover lines ("+3 working days vs v1 (was
// 2026-03-06)"), an inlay hint with each milestone's drift, and a change
// request's what-if impact. Pure functions of the analysis and the baseline
// the server has loaded (none while git is still being read).
import type { InlayHint, Range } from 'vscode-languageserver-types';
import type { ProgramAnalysis } from '../program/analyze.js';
import { formatDate } from '../program/dates.js';
import type { BaselineComparison } from '../program/running/baseline-diff.js';
import { changeImpacts } from '../program/running/change-impact.js';
import { computeEvm } from '../program/running/evm.js';
import { signed } from '../program/running/diff-format.js';
import { whatIfForecaster } from '../program/running/what-if-forecast.js';
import type { Schedule } from '../program/schedule.js';
import type { ProgramModel } from '../program/model.js';
import type { Entity } from '../program/types.js';
import { fileOf, toRange } from './context.js';
import type { FeatureContext } from './context.js';
import { code, plural } from './feature-util.js';

/** A loaded baseline, compared with the analysis it was computed for. */
export interface BaselineView {
  readonly revision: string;
  readonly commit: string;
  readonly schedule: Schedule;
  readonly comparison: BaselineComparison;
  /** The program as it was at the revision (earned value's planned value comes from it). */
  readonly model?: ProgramModel;
}

function drift(days: number, revision: string, was: number | null): string {
  const amount = days === 0 ? 'on the same date as' : `${signed(days)} working day${Math.abs(days) === 1 ? '' : 's'} vs`;
  return `${amount} ${revision}${was !== null ? ` (was ${formatDate(was)})` : ''}`;
}

/** Hover lines for a task or milestone against the baseline. */
export function baselineHoverLines(view: BaselineView | undefined, e: Entity): string[] {
  if (!view || (e.kind !== 'task' && e.kind !== 'milestone')) return [];
  const item = view.comparison.diff.items.find((i) => i.id === e.id && i.kind === e.kind);
  if (!item) return [];
  if (item.status === 'added') return [`Baseline: new since ${code(view.revision)}.`];
  const then = view.schedule.items.get(e.id);
  const end = item.endVariance ?? 0;
  const changed = item.changed.length > 0 ? `; changed: ${item.changed.map(code).join(', ')}` : '';
  return [`Baseline: ${drift(end, view.revision, then?.end ?? null)}${changed}.`];
}

/** Inlay hints after each milestone's id in this file: its drift from the baseline. */
export function baselineInlayHints(ctx: FeatureContext, view: BaselineView | undefined, range: Range): InlayHint[] {
  const analysis = ctx.analysis;
  const file = fileOf(ctx, ctx.uri);
  if (!view || !analysis || !file || file.text !== ctx.text) return [];
  const out: InlayHint[] = [];
  const byId = new Map(view.comparison.diff.milestones.map((m) => [m.id, m]));
  for (const m of analysis.model.milestones) {
    if (m.entity.uri !== ctx.uri) continue;
    const d = byId.get(m.id);
    if (!d) continue;
    const position = toRange(file, m.entity.idSpan).end;
    if (position.line < range.start.line || position.line > range.end.line) continue;
    const label = d.variance === null ? ` new since ${view.revision}` : ` ${d.variance === 0 ? '±0' : signed(d.variance)}d vs ${view.revision}`;
    out.push({
      position, label, paddingLeft: false,
      tooltip: d.variance === null ? `Not in the baseline ${view.revision}.` : `Forecast ${d.current ?? 'none'}; at ${view.revision} it was ${d.baseline ?? 'none'}.`,
    });
  }
  return out;
}

/** Hover lines for a change request: what it would move if applied. */
export function changeHoverLines(analysis: ProgramAnalysis, e: Entity): string[] {
  if (e.kind !== 'change') return [];
  const only = { ...analysis.model, changes: analysis.model.changes.filter((c) => c.id === e.id).slice(0, 1) };
  const scheduleOf = whatIfForecaster(only, { statusDate: analysis.statusDate });
  const bac = computeEvm({ current: analysis, statusDate: analysis.statusDate }).bac;
  const impact = changeImpacts({ model: only, schedule: analysis.schedule }, scheduleOf, bac)[0];
  if (!impact) return [];
  if (!impact.pending) return [`Impact: not evaluated, the change is ${impact.status ?? 'closed'}.`];
  if (impact.scheduleImpact === null) return ['Impact: no `schedule_impact` given, so nothing to evaluate.'];
  const moved = impact.milestones.filter((m) => (m.movement ?? 0) !== 0);
  const lines = [`If applied (${plural(impact.scheduleImpact, 'working day')} on ${impact.affects.map(code).join(', ') || 'nothing'}):`];
  for (const m of moved) lines.push(`- ${code(m.id)} ${signed(m.movement)} working days (${m.before} → ${m.after})`);
  if (moved.length === 0) lines.push('- no milestone moves');
  if (impact.finish) lines.push(`- finish ${signed(impact.finish.movement)} working days (${impact.finish.before} → ${impact.finish.after})`);
  if (impact.costAtCompletion !== null && impact.costImpact !== null) lines.push(`- budget at completion ${impact.costAtCompletion.toLocaleString('en-US', { maximumFractionDigits: 0 })} (+${impact.costImpact.toLocaleString('en-US')})`);
  return [lines.join('\n')];
}
