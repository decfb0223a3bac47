// "What levelling would do": the program scheduled without and with
// levelling, and what changes that a TPM cares about before switching it on:
// the finish, each milestone's forecast (and slip), and the tasks it delays.
import { formatDate } from './dates.js';
import type { ProgramModel } from './model.js';
import { scheduleProgram } from './schedule.js';
import type { Hold, Schedule, ScheduleOptions } from './schedule.js';
import type { Day } from './types.js';

export interface DateChange {
  readonly id: string;
  readonly before: Day | null;
  readonly after: Day | null;
  /** Working days later (negative: earlier); null when either is undated. */
  readonly days: number | null;
  readonly target: Day | null;
  readonly slipBefore: number | null;
  readonly slipAfter: number | null;
}

export interface LevellingComparison {
  readonly before: Schedule;
  readonly after: Schedule;
  readonly finish: DateChange;
  /** Every milestone, file order. */
  readonly milestones: readonly DateChange[];
  /** Tasks the leveller delays, longest delay first. */
  readonly delayed: readonly { readonly id: string; readonly delay: number; readonly heldBy: readonly Hold[] }[];
}

export function compareLevelling(model: ProgramModel, options: ScheduleOptions = {}): LevellingComparison {
  const before = scheduleProgram(model, { ...options, level: false });
  const after = scheduleProgram(model, { ...options, level: true });
  const cal = after.calendar;
  const change = (id: string, b: Day | null, a: Day | null, target: Day | null, slipBefore: number | null, slipAfter: number | null): DateChange => ({
    id, before: b, after: a, days: b === null || a === null ? null : cal.workdaysBetween(b, a), target, slipBefore, slipAfter,
  });
  const milestones: DateChange[] = [];
  const delayed: { id: string; delay: number; heldBy: readonly Hold[] }[] = [];
  for (const id of after.order) {
    const a = after.items.get(id);
    const b = before.items.get(id);
    if (!a || !b) continue;
    if (a.kind === 'milestone') milestones.push(change(id, b.end, a.end, a.target, b.slip, a.slip));
    else if (a.kind === 'task' && (a.levellingDelay ?? 0) > 0) delayed.push({ id, delay: a.levellingDelay as number, heldBy: a.heldBy });
  }
  delayed.sort((x, y) => y.delay - x.delay);
  return { before, after, finish: change('finish', before.finish, after.finish, null, null, null), milestones, delayed };
}

function shift(days: number | null): string {
  if (days === null) return 'undated';
  if (days === 0) return 'no change';
  return `${days > 0 ? '+' : ''}${days} working day${Math.abs(days) === 1 ? '' : 's'}`;
}

const d = (day: Day | null): string => (day === null ? '—' : formatDate(day));

/** The comparison as plain lines (the CLI prints them; the editor shows them as Markdown). */
export function comparisonLines(c: LevellingComparison, maxDelayed = 10): string[] {
  const out = [`Finish: ${d(c.finish.before)} → ${d(c.finish.after)} (${shift(c.finish.days)})`];
  const moved = c.milestones.filter((m) => m.days !== 0);
  if (c.milestones.length === 0) out.push('No milestones.');
  else if (moved.length === 0) out.push(`Milestones: none moves (${c.milestones.length}).`);
  else {
    out.push(`Milestones that move (${moved.length} of ${c.milestones.length}):`);
    for (const m of moved) {
      const slip = m.target === null ? '' : `; target ${d(m.target)}: ${slipText(m.slipBefore)} → ${slipText(m.slipAfter)}`;
      out.push(`  ${m.id}: ${d(m.before)} → ${d(m.after)} (${shift(m.days)})${slip}`);
    }
  }
  if (c.delayed.length === 0) out.push('No task is delayed: nobody and no pool is asked for more than they have.');
  else {
    out.push(`Tasks delayed (${c.delayed.length}):`);
    for (const t of c.delayed.slice(0, maxDelayed)) {
      const held = t.heldBy.map((h) => `${h.resource} held by ${h.task}`).join(', ');
      out.push(`  ${t.id}: +${t.delay} working day${t.delay === 1 ? '' : 's'}${held ? ` (${held})` : ''}`);
    }
    if (c.delayed.length > maxDelayed) out.push(`  … and ${c.delayed.length - maxDelayed} more`);
  }
  return out;
}

function slipText(slip: number | null): string {
  return slip === null ? '—' : slip > 0 ? `slips ${slip}d` : 'on time';
}
