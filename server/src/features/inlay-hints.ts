// Inlay hints: the computed dates after each task's `duration`/`effort`
// (` 2026-01-12 → 2026-01-30`; effort also shows the working days it comes
// to) and the forecast after each milestone's `date`
// (` forecast 2026-03-24 · slipping 2 working days`, in milestone-state.ts's words).
import type { InlayHint, Position, Range } from 'vscode-languageserver-types';
import { formatDate } from '../program/dates.js';
import { milestoneStateOf } from '../program/milestone-state.js';
import type { Span } from '../program/types.js';
import { fileOf, toRange } from './context.js';
import type { FeatureContext } from './context.js';
import { plural, scheduleOf } from './feature-util.js';

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function within(p: Position, range: Range): boolean {
  return !before(p, range.start) && !before(range.end, p);
}

export function provideInlayHints(ctx: FeatureContext, range: Range): InlayHint[] {
  const analysis = ctx.analysis;
  const file = fileOf(ctx, ctx.uri);
  // Positions come from the analysed text; on a stale analysis they would drift.
  if (!analysis || !file || file.text !== ctx.text) return [];
  try {
    const out: InlayHint[] = [];
    const at = (span: Span) => toRange(file, span).end;
    for (const t of analysis.model.tasks) {
      if (t.entity.uri !== ctx.uri) continue;
      const span = t.spans.duration ?? t.spans.effort;
      if (!span) continue;
      const position = at(span);
      if (!within(position, range)) continue;
      const item = scheduleOf(analysis, t.entity);
      if (!item || item.start === null || item.end === null) continue;
      let label = ` ${formatDate(item.start)} → ${formatDate(item.end)}`;
      if (!t.spans.duration && t.spans.effort && item.durationDays !== null) label += ` (${plural(item.durationDays, 'working day')})`;
      out.push({ position, label, tooltip: `Computed ${t.spans.duration ? '' : 'from the effort and the assignees\' capacity, '}working days ${formatDate(item.start)} to ${formatDate(item.end)}, both inclusive.` });
    }
    for (const m of analysis.model.milestones) {
      if (m.entity.uri !== ctx.uri || !m.spans.date) continue;
      const position = at(m.spans.date);
      if (!within(position, range)) continue;
      const item = scheduleOf(analysis, m.entity);
      if (!item || item.end === null || item.target === null) continue;
      const early = item.end < item.target ? analysis.schedule.calendar.workingDaysIn(item.end, item.target) : 0;
      out.push({
        position, label: ` forecast ${formatDate(item.end)} · ${milestoneStateOf(item)}`,
        tooltip: item.slip ? `The forecast is ${plural(item.slip, 'working day')} after the target.`
          : early > 0 ? `The forecast meets the target with ${plural(early, 'working day')} to spare.` : 'The forecast meets the target.',
      });
    }
    return out.sort((a, b) => (before(a.position, b.position) ? -1 : before(b.position, a.position) ? 1 : 0));
  } catch {
    return [];
  }
}
