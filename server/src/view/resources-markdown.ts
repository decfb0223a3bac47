// The `Resources` section of the Markdown export (CLI `export --format
// markdown` and the preview's Markdown button): per person and pool the work
// asked of them against what they have over the program, the weeks it is too
// much, and then each over-allocated week with the tasks behind it. From the
// view model's `resources` part; user text escaped for GitHub.
import { markdownCell } from './markdown-text.js';
import { tasksInWeek } from './resources-runs.js';
import type { ViewResources } from './resources-types.js';
import { cellWords, num, rowTitle, unitOf } from './resources-words.js';

const MAX_WEEKS = 6;
const MAX_LISTED = 30;
const MAX_TASKS = 8;

export function resourcesMarkdown(res: ViewResources | undefined): string {
  if (!res || res.rows.length === 0) return '';
  const out = [
    '## Resources', '',
    'Per person and pool: the work asked of them against what they have (working days, holidays, leave and part time counted), the weeks (Mondays) in which it is more than they have, and the weeks in which a person has two tasks on one day although the week fits.', '',
    '| Resource | Kind | Per day | Demand | Available | Over-allocated weeks | Two tasks on a day |',
    '| --- | --- | ---: | ---: | ---: | --- | ---: |',
  ];
  const listed: string[] = [];
  let unlisted = 0;
  for (const r of res.rows) {
    let demand = 0;
    let available = 0;
    let clashes = 0;
    const over: string[] = [];
    r.demand.forEach((d, w) => {
      demand += d;
      available += r.available[w] ?? 0;
      if (r.state[w] === 2) clashes++;
      if (r.state[w] !== 3) return;
      over.push(res.weeks[w] ?? '');
      if (listed.length >= MAX_LISTED) { unlisted++; return; }
      const ids = tasksInWeek(r, w).map((i) => res.taskIds[i] ?? '');
      const tasks = ids.slice(0, MAX_TASKS).map((id) => `\`${id.replace(/`/g, '')}\``).join(', ') + (ids.length > MAX_TASKS ? ` and ${ids.length - MAX_TASKS} more` : '');
      listed.push(`- ${markdownCell(rowTitle(r))}, week of ${res.weeks[w]}: ${markdownCell(cellWords(res, r, w))} — ${tasks}`);
    });
    const weeks = over.length === 0 ? '—' : `${over.slice(0, MAX_WEEKS).join(', ')}${over.length > MAX_WEEKS ? ` and ${over.length - MAX_WEEKS} more` : ''}`;
    out.push(`| ${markdownCell(rowTitle(r))} | ${r.kind} | ${num(r.capacity)} | ${num(Math.round(demand * 100) / 100)} ${unitOf(r)} | ${num(Math.round(available * 100) / 100)} | ${weeks} | ${r.kind === 'person' ? clashes : '—'} |`);
  }
  if (listed.length > 0) {
    out.push('', '### Over-allocated weeks', '', ...listed);
    if (unlisted > 0) out.push(`- … and ${unlisted} more`);
  }
  return `${out.join('\n')}\n`;
}
