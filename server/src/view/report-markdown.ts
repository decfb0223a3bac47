// The status report as GitHub-flavoured Markdown: headings, lists and tables
// only (no raw HTML, every piece of user text escaped), so it renders as is in
// an issue, a pull request, a wiki or an email client that reads Markdown.
import { mdCode, mdEscape, signed } from '../program/running/diff-format.js';
import { money, movementText } from '../program/running/changes-format.js';
import type { Evm } from '../program/running/evm.js';
import type { Rag } from '../program/running/rag.js';
import type { StatusReport } from '../program/report/report-model.js';

const RAG_MARK: Record<Rag, string> = { green: '🟢 Green', amber: '🟡 Amber', red: '🔴 Red' };

export function ragLabel(rag: Rag): string {
  return RAG_MARK[rag];
}

/** Reasons are written by the core and name ids in backticks; everything else in them is escaped. */
function reason(s: string): string {
  return s.split('`').map((part, i) => (i % 2 === 1 && /^[A-Za-z][A-Za-z0-9_.-]*$/.test(part) ? `\`${part}\`` : mdEscape(part))).join('');
}

export function num(n: number | null, digits = 2): string {
  return n === null ? 'n/a' : n.toFixed(digits);
}

export function evmRows(e: Evm, currency: string | null): [string, string, string][] {
  const m = (n: number | null) => (n === null ? 'n/a' : money(n, currency));
  return [
    ['BAC', 'Budget at completion', m(e.bac)],
    ['PV', `Planned value (from the ${e.pvFrom} schedule)`, m(e.pv)],
    ['EV', 'Earned value', m(e.ev)],
    ['AC', 'Actual cost', m(e.ac)],
    ['SV', 'Schedule variance (EV − PV)', m(e.sv)],
    ['CV', 'Cost variance (EV − AC)', m(e.cv)],
    ['SPI', 'Schedule performance index', num(e.spi)],
    ['CPI', 'Cost performance index', num(e.cpi)],
    ['EAC', 'Estimate at completion', m(e.eac)],
    ['ETC', 'Estimate to complete', m(e.etc)],
    ['VAC', 'Variance at completion', m(e.vac)],
    ['TCPI', 'To-complete performance index', num(e.tcpi)],
    ['ES', 'Earned schedule (working days)', num(e.es, 1)],
    ['AT', 'Actual time (working days)', String(e.at)],
    ['SPI(t)', 'Earned-schedule index', num(e.spiT)],
  ];
}

/** Where the P80 dates come from, so a reader can reproduce them. */
export function forecastNote(f: NonNullable<StatusReport['forecast']>): string {
  return `P80: the date by which 80% of ${f.iterations.toLocaleString('en-US')} Monte Carlo iterations finish (seed ${f.seed}, ${f.distribution}; the file's \`forecast\` settings or their defaults); program finish P80 ${f.finishP80 ?? '–'}.`;
}

export function reportMarkdown(r: StatusReport): string {
  const out: string[] = [];
  const cur = r.budget.currency;
  const title = r.programName ?? r.program ?? 'Program';
  out.push(`# ${mdEscape(title)}: status on ${r.statusDate}`, '');
  out.push(`**Overall: ${ragLabel(r.overall.rag)}**${r.baseline ? ` · compared with baseline \`${r.baseline.revision.replace(/[`\r\n]/g, '')}\` (\`${r.baseline.commit.slice(0, 12)}\`)` : ''}`, '');
  for (const x of r.overall.reasons) out.push(`- ${reason(x)}`);
  out.push('', '| Part | Status | Why |', '| --- | --- | --- |');
  for (const p of r.overall.parts) out.push(`| ${mdEscape(p.part)} | ${ragLabel(p.rag)} | ${p.reasons.map(reason).join(' ')} |`);

  out.push('', '## Milestones', '');
  if (r.milestones.length === 0) out.push('No milestones.');
  else {
    const p80 = r.forecast !== null;
    out.push(`| Milestone | Target | Forecast | ${p80 ? 'P80 | ' : ''}Slip | ${r.baseline ? 'Since baseline | ' : ''}Status |`, `| --- | --- | --- | ${p80 ? '--- | ' : ''}---: | ${r.baseline ? '---: | ' : ''}--- |`);
    for (const m of r.milestones) {
      const since = r.baseline ? ` ${m.variance === null ? 'new' : `${signed(m.variance)} (was ${m.baselineForecast ?? '–'})`} |` : '';
      out.push(`| ${mdCode(m.id)} ${m.name ? mdEscape(m.name) : ''} | ${m.target ?? '–'} | ${m.forecast ?? '–'} |${p80 ? ` ${m.p80 ?? '–'} |` : ''} ${m.slip ?? '–'} |${since} ${ragLabel(m.rag)} |`);
    }
    if (r.forecast) out.push('', `_${forecastNote(r.forecast)}_`);
  }

  out.push('', '## Workstreams', '');
  if (r.workstreams.length === 0) out.push('No workstreams.');
  else {
    out.push('| Workstream | Progress | Tasks done | SPI(t) | CPI | Status |', '| --- | ---: | ---: | ---: | ---: | --- |');
    for (const w of r.workstreams) {
      out.push(`| ${mdCode(w.id)} ${w.name ? mdEscape(w.name) : ''} | ${w.progress.toFixed(0)}% | ${w.done} of ${w.tasks} | ${(w.evm.bac > 0 ? num(w.evm.spiT) : 'n/a')} | ${num(w.evm.cpi)} | ${ragLabel(w.rag)}: ${w.reasons.map(reason).join(' ')} |`);
    }
  }

  out.push('', '## Top risks', '', `${ragLabel(r.riskSummary.rag)}: ${r.riskSummary.reasons.map(reason).join(' ')}`, '');
  if (r.risks.length > 0) {
    out.push('| Risk | Score | Owner | Mitigation |', '| --- | ---: | --- | --- |');
    for (const x of r.risks) out.push(`| ${mdCode(x.id)} ${x.title ? mdEscape(x.title) : ''} | ${x.score} (${x.level}) | ${x.owner ? mdCode(x.owner) : '**none**'} | ${x.mitigation ? mdEscape(x.mitigation) : '**none**'} |`);
  }

  out.push('', '## Budget and earned value', '', `${ragLabel(r.budget.rag)}: ${r.budget.reasons.map(reason).join(' ')}`, '');
  if (r.budget.lines.length > 0) {
    out.push('| Budget line | Workstream | Planned | Actual |', '| --- | --- | ---: | ---: |');
    for (const l of r.budget.lines) out.push(`| ${mdCode(l.id)} ${l.name ? mdEscape(l.name) : ''} | ${l.workstream ? mdCode(l.workstream) : '–'} | ${l.planned === null ? '–' : money(l.planned, cur)} | ${l.actual === null ? '–' : money(l.actual, cur)} |`);
    out.push(`| **Total** | | ${money(r.budget.planned, cur)} | ${money(r.budget.actual, cur)} |`, '');
  }
  out.push('| Metric | Meaning | Value |', '| --- | --- | ---: |');
  for (const [k, label, v] of evmRows(r.evm, cur)) out.push(`| ${k} | ${label} | ${v} |`);
  for (const n of r.evm.notes) out.push('', `_${mdEscape(n)}_`);

  out.push('', '## Schedule', '', `${ragLabel(r.schedule.rag)}: ${r.schedule.reasons.map(reason).join(' ')}`, '');
  out.push(`- Finish: ${r.schedule.finish ?? '–'}${r.schedule.baselineFinish ? ` (baseline ${r.schedule.baselineFinish}, ${signed(r.schedule.finishVariance)} working days)` : ''}`);
  out.push(`- Critical path: ${r.schedule.criticalPath.map(mdCode).join(' → ') || '(none)'}`);

  out.push('', '## KPIs', '');
  if (r.kpis.length === 0) out.push('No KPIs.');
  else {
    out.push('| KPI | Current | Target | Better | On target |', '| --- | ---: | ---: | --- | --- |');
    for (const k of r.kpis) {
      const u = k.unit ? ` ${mdEscape(k.unit)}` : '';
      out.push(`| ${mdCode(k.id)} ${k.name ? mdEscape(k.name) : ''} | ${k.current ?? '–'}${u} | ${k.target ?? '–'}${u} | ${k.direction === 'up' ? 'higher' : k.direction === 'down' ? 'lower' : '–'} | ${k.onTarget === null ? '–' : k.onTarget ? 'yes' : '**no**'} |`);
    }
  }

  out.push('', '## Change requests awaiting a decision or implementation', '');
  if (r.changes.length === 0) out.push('None.');
  else {
    out.push('| Change | Status | Impact | If applied | Budget at completion |', '| --- | --- | --- | --- | ---: |');
    for (const c of r.changes) {
      out.push(`| ${mdCode(c.id)} ${c.title ? mdEscape(c.title) : ''} | ${c.status ?? 'proposed'} | ${c.scheduleImpact === null ? '–' : `+${c.scheduleImpact}d`}${c.costImpact === null ? '' : `, ${money(c.costImpact, cur)}`} | ${c.scheduleImpact === null ? '–' : mdEscape(movementText(c))} | ${c.costAtCompletion === null ? '–' : money(c.costAtCompletion, cur)} |`);
    }
  }

  if (r.baseline) {
    out.push('', `## What changed since ${mdEscape(r.baseline.revision)}`, '');
    if (r.changedSinceBaseline.length === 0) out.push('Nothing.');
    else {
      out.push('| Item | Kind | Status | End moved | Changed |', '| --- | --- | --- | ---: | --- |');
      for (const i of r.changedSinceBaseline) out.push(`| ${mdCode(i.id)} | ${i.kind} | ${i.status} | ${signed(i.endVariance)} | ${i.changed.join(', ')} |`);
    }
  }

  out.push('', '## Next ten working days', '');
  if (r.upcoming.length === 0) out.push('Nothing starts, ends or is due.');
  else {
    out.push('| Date | Item | Event |', '| --- | --- | --- |');
    for (const e of r.upcoming) out.push(`| ${e.date} | ${mdCode(e.id)} ${e.name ? mdEscape(e.name) : ''} | ${e.kind === 'milestone' ? 'milestone due' : e.event} |`);
  }

  out.push('', '## Overdue', '');
  if (r.overdue.length === 0) out.push('Nothing is overdue.');
  else {
    out.push('| Task | Workstream | Planned end | Late by | Progress |', '| --- | --- | --- | ---: | ---: |');
    for (const o of r.overdue) out.push(`| ${mdCode(o.id)} ${o.name ? mdEscape(o.name) : ''} | ${mdCode(o.workstream)} | ${o.end} | ${o.daysOverdue} working days | ${o.progress}% |`);
  }
  return `${out.join('\n')}\n`;
}
