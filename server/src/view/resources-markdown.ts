// The `resources` section of `export --format markdown`: per person and pool,
// the demand against what is available over the whole program, and the weeks
// in which it is over-allocated (demand above availability, or more than one
// task a day for a person / more than the units on a day for a pool).
import { formatDate } from '../program/dates.js';
import type { ResourceLoad } from '../program/resource-load.js';

const MAX_WEEKS = 6;

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
}

export function resourcesMarkdown(load: ResourceLoad): string {
  if (load.rows.length === 0) return '';
  const out = ['## Resources', '', 'Per person and pool, the work asked of them against what they have (working days, leave and holidays counted), and the weeks (Mondays) in which it is too much.', ''];
  out.push('| Resource | Kind | Per day | Demand | Available | Over-allocated weeks |', '| --- | --- | --- | ---: | ---: | --- |');
  for (const r of load.rows) {
    let demand = 0;
    let available = 0;
    const over: string[] = [];
    for (const w of r.weeks) {
      demand += w.demand;
      available += w.available;
      if (w.demand > w.available || w.peak > (r.kind === 'person' ? 1 : r.capacity)) over.push(formatDate(w.week));
    }
    const weeks = over.length === 0 ? '—' : `${over.slice(0, MAX_WEEKS).join(', ')}${over.length > MAX_WEEKS ? ` and ${over.length - MAX_WEEKS} more` : ''}`;
    const unit = r.kind === 'person' ? 'person-days' : 'unit-days';
    out.push(`| ${cell(r.name ? `${r.name} (\`${r.id}\`)` : `\`${r.id}\``)} | ${r.kind} | ${r.capacity} | ${Math.round(demand * 100) / 100} ${unit} | ${Math.round(available * 100) / 100} | ${weeks} |`);
  }
  return `${out.join('\n')}\n`;
}
