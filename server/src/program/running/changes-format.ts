// Change requests and their what-if impact, as text for a terminal.
import type { ChangeImpact } from './change-impact.js';
import { signed } from './diff-format.js';

export function money(n: number, currency?: string | null): string {
  const s = n.toLocaleString('en-US', { maximumFractionDigits: 0 });
  return currency ? `${s} ${currency}` : s;
}

/** "beta +3, ga +5; finish +5" for the milestones a change moves (only those that move). */
export function movementText(c: ChangeImpact): string {
  const ms = c.milestones.filter((m) => (m.movement ?? 0) !== 0).map((m) => `${m.id} ${signed(m.movement)}`);
  const finish = c.finish ? `finish ${signed(c.finish.movement)}${c.finish.after ? ` (${c.finish.after})` : ''}` : '';
  return [ms.length > 0 ? ms.join(', ') : 'no milestone moves', finish].filter(Boolean).join('; ');
}

export function changesText(list: readonly ChangeImpact[], currency: string | null): string {
  if (list.length === 0) return 'No change requests.\n';
  const out: string[] = [];
  for (const c of list) {
    const impact = c.scheduleImpact === null ? 'no schedule impact given' : `+${c.scheduleImpact} working day${c.scheduleImpact === 1 ? '' : 's'} on ${c.affects.join(', ') || '(nothing)'}`;
    const cost = c.costImpact === null ? '' : `, cost ${money(c.costImpact, currency)}`;
    out.push(`${c.id}  ${c.status ?? 'proposed'}  ${c.title ?? ''}`.trimEnd());
    out.push(`  ${impact}${cost}`);
    if (!c.pending) out.push(`  not evaluated: ${c.status === 'implemented' ? 'already implemented (it is in the plan)' : 'rejected'}`);
    else {
      if (c.scheduleImpact !== null) out.push(`  if applied: ${movementText(c)}`);
      if (c.costAtCompletion !== null) out.push(`  budget at completion with it: ${money(c.costAtCompletion, currency)}`);
    }
  }
  return `${out.join('\n')}\n`;
}
