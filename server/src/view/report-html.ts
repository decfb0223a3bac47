// The status report as one self-contained HTML page: inline CSS, no script, no
// external resource, every piece of user text escaped. Reads at phone width
// (tables scroll sideways) and prints on A4 and Letter (the print stylesheet
// lets the paper size decide, keeps rows whole and drops the scrolling).
import { signed } from '../program/running/diff-format.js';
import { money, movementText } from '../program/running/changes-format.js';
import type { Rag } from '../program/running/rag.js';
import { evmRows, forecastNote, num } from './report-markdown.js';
import type { StatusReport } from '../program/report/report-model.js';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

const RAG_TEXT: Record<Rag, string> = { green: 'Green', amber: 'Amber', red: 'Red' };

function rag(r: Rag): string {
  return `<span class="rag ${r}">${RAG_TEXT[r]}</span>`;
}

/** Core-written reasons name ids in backticks: those become <code>. */
function reason(s: string): string {
  return s.split('`').map((part, i) => (i % 2 === 1 ? `<code>${escapeHtml(part)}</code>` : escapeHtml(part))).join('');
}

const e = (s: string | null | undefined): string => (s === null || s === undefined ? '–' : escapeHtml(s));
/** A date never breaks at its hyphens. */
const dt = (s: string | null | undefined): string => (s === null || s === undefined ? '–' : `<span class="nw">${escapeHtml(s)}</span>`);
const id = (s: string) => `<code>${escapeHtml(s)}</code>`;
const named = (i: string, name: string | null) => `${id(i)}${name ? ` ${escapeHtml(name)}` : ''}`;

function table(head: string[], rows: string[][], numeric: number[] = []): string {
  if (rows.length === 0) return '';
  const th = head.map((h, i) => `<th${numeric.includes(i) ? ' class="n"' : ''}>${h}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c, i) => `<td${numeric.includes(i) ? ' class="n"' : ''}>${c}</td>`).join('')}</tr>`).join('\n');
  return `<div class="scroll"><table><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

const CSS = `
:root { color-scheme: light dark; --fg: #1f2328; --bg: #ffffff; --head: #f6f8fa; --muted: #59636e; --line: #d1d9e0; --green: #1a7f37; --amber: #9a6700; --red: #cf222e; }
@media screen and (prefers-color-scheme: dark) {
  :root { --fg: #e6edf3; --bg: #0d1117; --head: #161b22; --muted: #9198a1; --line: #3d444d; --green: #238636; --amber: #9e6a03; --red: #da3633; }
}
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); margin: 0 auto; padding: 16px; max-width: 1100px; }
h1 { font-size: 1.5em; margin: 0 0 4px; } h2 { font-size: 1.15em; margin: 24px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
.meta { color: var(--muted); margin: 0 0 12px; overflow-wrap: anywhere; }
.overall { border: 1px solid var(--line); border-left-width: 6px; border-radius: 6px; padding: 8px 12px; margin: 8px 0; }
.overall.green { border-left-color: var(--green); } .overall.amber { border-left-color: var(--amber); } .overall.red { border-left-color: var(--red); }
.overall ul { margin: 4px 0 0; padding-left: 20px; }
.rag { display: inline-block; font-weight: 600; font-size: 0.85em; padding: 0 6px; border-radius: 10px; color: #fff; white-space: nowrap; }
.rag.green { background: var(--green); } .rag.amber { background: var(--amber); } .rag.red { background: var(--red); }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; margin: 4px 0 8px; }
th, td { border: 1px solid var(--line); padding: 3px 6px; text-align: left; vertical-align: top; overflow-wrap: break-word; }
.nw { white-space: nowrap; }
th { background: var(--head); font-weight: 600; } td.n, th.n { text-align: right; white-space: nowrap; }
code { font: 0.92em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; overflow-wrap: anywhere; }
.note { color: var(--muted); font-style: italic; margin: 2px 0; }
@media (max-width: 640px) { body { padding: 8px; font-size: 13px; } th, td { padding: 2px 4px; } }
@page { margin: 14mm 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  .scroll { overflow: visible; }
  h2 { break-after: avoid; } tr, .overall { break-inside: avoid; }
  thead { display: table-header-group; }
  .rag { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;

export function reportHtml(r: StatusReport): string {
  const cur = r.budget.currency;
  const m = (n: number | null) => (n === null ? '–' : escapeHtml(money(n, cur)));
  const title = r.programName ?? r.program ?? 'Program';
  const s: string[] = [];
  s.push(`<h1>${escapeHtml(title)}: status on ${e(r.statusDate)}</h1>`);
  s.push(`<p class="meta">${r.baseline ? `Compared with baseline <code>${escapeHtml(r.baseline.revision)}</code> (${escapeHtml(r.baseline.commit.slice(0, 12))}). ` : ''}Earned value's planned value from the ${r.evm.pvFrom} schedule.</p>`);
  s.push(`<div class="overall ${r.overall.rag}"><strong>Overall: ${rag(r.overall.rag)}</strong><ul>${r.overall.reasons.map((x) => `<li>${reason(x)}</li>`).join('')}</ul></div>`);
  s.push(table(['Part', 'Status', 'Why'], r.overall.parts.map((p) => [escapeHtml(p.part), rag(p.rag), p.reasons.map(reason).join(' ')])));

  s.push('<h2>Milestones</h2>');
  const p80 = r.forecast !== null;
  s.push(r.milestones.length === 0 ? '<p>No milestones.</p>' : table(
    ['Milestone', 'Target', 'Forecast', ...(p80 ? ['P80'] : []), 'Slip', ...(r.baseline ? ['Since baseline'] : []), 'Status'],
    r.milestones.map((x) => [named(x.id, x.name), dt(x.target), dt(x.forecast), ...(p80 ? [dt(x.p80)] : []), x.slip === null ? '–' : String(x.slip),
      ...(r.baseline ? [x.variance === null ? 'new' : `${signed(x.variance)} (was ${dt(x.baselineForecast)})`] : []), `${rag(x.rag)} ${x.reasons.map(reason).join(' ')}`]),
    [p80 ? 4 : 3],
  ));
  if (r.forecast) s.push(`<p class="note">${reason(forecastNote(r.forecast))}</p>`);

  s.push('<h2>Workstreams</h2>');
  s.push(r.workstreams.length === 0 ? '<p>No workstreams.</p>' : table(
    ['Workstream', 'Progress', 'Done', 'SPI(t)', 'CPI', 'Status'],
    r.workstreams.map((w) => [named(w.id, w.name), `${w.progress.toFixed(0)}%`, `${w.done} of ${w.tasks}`, (w.evm.bac > 0 ? num(w.evm.spiT) : 'n/a'), num(w.evm.cpi), `${rag(w.rag)} ${w.reasons.map(reason).join(' ')}`]),
    [1, 2, 3, 4],
  ));

  s.push('<h2>Top risks</h2>', `<p>${rag(r.riskSummary.rag)} ${r.riskSummary.reasons.map(reason).join(' ')}</p>`);
  s.push(table(['Risk', 'Score', 'Owner', 'Mitigation'], r.risks.map((x) => [named(x.id, x.title), `${x.score} (${x.level})`, x.owner ? id(x.owner) : '<strong>none</strong>', x.mitigation ? escapeHtml(x.mitigation) : '<strong>none</strong>']), [1]));

  s.push('<h2>Budget and earned value</h2>', `<p>${rag(r.budget.rag)} ${r.budget.reasons.map(reason).join(' ')}</p>`);
  s.push(table(['Budget line', 'Workstream', 'Planned', 'Actual'], [
    ...r.budget.lines.map((l) => [named(l.id, l.name), l.workstream ? id(l.workstream) : '–', m(l.planned), m(l.actual)]),
    ...(r.budget.lines.length > 0 ? [['<strong>Total</strong>', '', m(r.budget.planned), m(r.budget.actual)]] : []),
  ], [2, 3]));
  s.push(table(['Metric', 'Meaning', 'Value'], evmRows(r.evm, cur).map(([k, label, v]) => [k, escapeHtml(label), escapeHtml(v)]), [2]));
  for (const n of r.evm.notes) s.push(`<p class="note">${escapeHtml(n)}</p>`);

  s.push('<h2>Schedule</h2>', `<p>${rag(r.schedule.rag)} ${r.schedule.reasons.map(reason).join(' ')}</p>`);
  s.push(`<p>Finish ${e(r.schedule.finish)}${r.schedule.baselineFinish ? ` (baseline ${e(r.schedule.baselineFinish)}, ${signed(r.schedule.finishVariance)} working days)` : ''}. Critical path: ${r.schedule.criticalPath.map(id).join(' → ') || '(none)'}.</p>`);

  s.push('<h2>KPIs</h2>');
  s.push(r.kpis.length === 0 ? '<p>No KPIs.</p>' : table(['KPI', 'Current', 'Target', 'Better', 'On target'], r.kpis.map((k) => {
    const u = k.unit ? ` ${escapeHtml(k.unit)}` : '';
    return [named(k.id, k.name), `${k.current ?? '–'}${u}`, `${k.target ?? '–'}${u}`, k.direction === 'up' ? 'higher' : k.direction === 'down' ? 'lower' : '–', k.onTarget === null ? '–' : k.onTarget ? 'yes' : '<strong>no</strong>'];
  }), [1, 2]));

  s.push('<h2>Change requests awaiting a decision or implementation</h2>');
  s.push(r.changes.length === 0 ? '<p>None.</p>' : table(['Change', 'Status', 'Impact', 'If applied', 'Budget at completion'], r.changes.map((c) => [
    named(c.id, c.title), e(c.status ?? 'proposed'), `${c.scheduleImpact === null ? '–' : `+${c.scheduleImpact}d`}${c.costImpact === null ? '' : `, ${m(c.costImpact)}`}`,
    c.scheduleImpact === null ? '–' : escapeHtml(movementText(c)), m(c.costAtCompletion),
  ]), [4]));

  if (r.baseline) {
    s.push(`<h2>What changed since ${escapeHtml(r.baseline.revision)}</h2>`);
    s.push(r.changedSinceBaseline.length === 0 ? '<p>Nothing.</p>' : table(['Item', 'Kind', 'Status', 'End moved', 'Changed'],
      r.changedSinceBaseline.map((i) => [id(i.id), i.kind, i.status, signed(i.endVariance), escapeHtml(i.changed.join(', '))]), [3]));
  }
  s.push('<h2>Next ten working days</h2>');
  s.push(r.upcoming.length === 0 ? '<p>Nothing starts, ends or is due.</p>' : table(['Date', 'Item', 'Event'], r.upcoming.map((x) => [dt(x.date), named(x.id, x.name), x.kind === 'milestone' ? 'milestone due' : x.event])));
  s.push('<h2>Overdue</h2>');
  s.push(r.overdue.length === 0 ? '<p>Nothing is overdue.</p>' : table(['Task', 'Workstream', 'Planned end', 'Late by', 'Progress'],
    r.overdue.map((o) => [named(o.id, o.name), id(o.workstream), dt(o.end), `${o.daysOverdue} working days`, `${o.progress}%`]), [3, 4]));

  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}: status on ${e(r.statusDate)}</title>
<style>${CSS}</style>
</head>
<body>
${s.filter(Boolean).join('\n')}
</body>
</html>
`;
}
