// The Status tab's sections, one function each, in the order a TPM reads a
// status report: overall colour and why, milestones, workstreams, schedule,
// budget and earned value, KPIs, risks, change requests, stakeholders and
// RACI, what changed since the baseline, what is next and what is overdue.
// Columns are few and short so a side panel (560 px) never scrolls sideways;
// the reasons wrap under their row.
import { h } from '../dom.js';
import type { StatusView } from '../../../server/src/view/status-types.js';
import type { Reveal } from './status-dom.js';
import { link, named, note, ragBadge, reasonText, section, signed, table } from './status-dom.js';

export interface SectionContext {
  readonly s: StatusView;
  readonly reveal: Reveal;
  readonly known: (id: string) => boolean;
}

function reasons(c: SectionContext, list: readonly string[]): HTMLElement {
  return h('div', { class: 'reasons' }, ...list.map((r) => reasonText(c.reveal, r, c.known)));
}

export function headerSection(c: SectionContext): HTMLElement {
  const { s } = c;
  const base = s.baseline
    ? note(`Compared with baseline ${s.baseline.revision} (${s.baseline.commit.slice(0, 12)}).`, 'status-note baseline-line')
    : note(reasonText(c.reveal, s.baselineNote ?? 'No baseline.', c.known), 'status-note baseline-line no-baseline');
  return h('header', { class: 'status-head' },
    h('h1', {}, `${s.programName ?? s.program ?? 'Program'}: status on ${s.statusDate}`),
    h('div', { class: `overall rag-box-${s.overall.rag}` }, h('strong', {}, 'Overall '), ragBadge(s.overall.rag), h('ul', { class: 'overall-reasons' },
      ...s.overall.reasons.map((r) => h('li', {}, reasonText(c.reveal, r, c.known))))),
    base,
    s.forecastNote ? note(reasonText(c.reveal, s.forecastNote, c.known), 'status-note forecast-line') : null);
}

export function milestonesSection(c: SectionContext): HTMLElement {
  const { s } = c;
  if (s.milestones.length === 0) return section('Milestones', 'status-milestones', note('No milestones.'));
  const p80 = s.milestones.some((m) => m.p80 !== null);
  const head = ['Milestone', 'Target', 'Forecast', ...(p80 ? ['P80'] : []), ...(s.baseline ? ['Drift'] : []), 'RAG'];
  const rows = s.milestones.map((m) => [
    [named(c.reveal, m.id, m.name), reasons(c, m.reasons)],
    m.target ?? '–', m.forecast ?? '–', ...(p80 ? [m.p80 ?? '–'] : []),
    ...(s.baseline ? [m.variance === null ? 'new' : h('span', { title: `was ${m.baselineForecast ?? '–'}` }, `${signed(m.variance)}d`, h('span', { class: 'sub' }, ` was ${m.baselineForecast ?? '–'}`))] : []),
    ragBadge(m.rag),
  ]);
  return section('Milestones', 'status-milestones', table('milestones-status', head, rows));
}

export function workstreamsSection(c: SectionContext): HTMLElement {
  const { s } = c;
  if (s.workstreams.length === 0) return section('Workstreams', 'status-workstreams', note('No workstreams.'));
  const rows = s.workstreams.map((w) => [
    [named(c.reveal, w.id, w.name), reasons(c, w.reasons)],
    h('span', { class: 'progress' }, h('span', { class: 'progress-bar' }, h('span', { class: 'progress-fill', style: `width:${Math.max(0, Math.min(100, w.progress))}%` })), ` ${w.progress}%`),
    `${w.done}/${w.tasks}`, w.spiT, w.cpi, ragBadge(w.rag),
  ]);
  return section('Workstreams', 'status-workstreams', table('workstreams-status', ['Workstream', 'Progress', 'Done', 'SPI(t)', 'CPI', 'RAG'], rows, [2, 3, 4]));
}

export function scheduleSection(c: SectionContext): HTMLElement {
  const sc = c.s.schedule;
  const path = h('span', { class: 'critical-path' });
  sc.criticalPath.forEach((id, i) => { if (i > 0) path.append(' → '); path.append(link(c.reveal, id)); });
  return section('Schedule', 'status-schedule',
    h('p', {}, ragBadge(sc.rag), ' ', reasons(c, sc.reasons)),
    h('p', {}, `Finish ${sc.finish ?? '–'}`, sc.baselineFinish ? ` (baseline ${sc.baselineFinish}, ${signed(sc.finishVariance)} working days)` : '', '.'),
    h('p', { class: 'status-note' }, 'Critical path: ', sc.criticalPath.length ? path : '(none)'));
}

export function budgetSection(c: SectionContext): HTMLElement {
  const b = c.s.budget;
  const lines = b.lines.length === 0 ? note('No budget lines.') : table('budget-lines', ['Line', 'Planned', 'Actual', 'EV'], [
    ...b.lines.map((l) => [
      [named(c.reveal, l.id, l.name), h('div', { class: 'sub' }, [l.category, l.workstream ? `workstream ${l.workstream}` : 'outside earned value'].filter(Boolean).join(' · '))],
      l.planned, h('span', { class: l.overPlan ? 'over-plan' : null, title: l.overPlan ? 'Actual above planned' : null }, l.overPlan ? `⚠ ${l.actual}` : l.actual), l.earned,
    ]),
    [h('strong', {}, 'Total'), b.planned, b.actual, ''],
  ], [1, 2, 3]);
  const evm = h('dl', { class: 'evm-grid' });
  for (const [k, meaning, v] of c.s.evm.rows) evm.append(h('div', { class: 'evm-item' }, h('dt', { title: meaning }, k, h('span', { class: 'sub' }, ` ${meaning}`)), h('dd', { 'data-metric': k }, v)));
  return section('Budget and earned value', 'status-budget',
    h('p', {}, ragBadge(b.rag), ' ', reasons(c, b.reasons)), lines, evm,
    ...c.s.evm.notes.map((n) => note(n)));
}

export function kpisSection(c: SectionContext): HTMLElement {
  const { kpis } = c.s;
  if (kpis.length === 0) return section('KPIs', 'status-kpis', note('No KPIs.'));
  return section('KPIs', 'status-kpis', table('kpis', ['KPI', 'Current', 'Target', 'On target'], kpis.map((k) => [
    [named(c.reveal, k.id, k.name), k.better ? h('div', { class: 'sub' }, k.better) : ''],
    k.current, k.target,
    k.onTarget === null ? '–' : h('span', { class: k.onTarget ? 'on-target' : 'off-target' }, k.onTarget ? '✓ yes' : '✗ no'),
  ]), [1, 2]));
}

export function risksSection(c: SectionContext): HTMLElement {
  const { risks, riskSummary } = c.s;
  return section('Top risks', 'status-risks', h('p', {}, ragBadge(riskSummary.rag), ' ', reasons(c, riskSummary.reasons)),
    risks.length === 0 ? null : table('top-risks', ['Risk', 'Score', 'Owner / mitigation'], risks.map((r) => [
      named(c.reveal, r.id, r.title), `${r.score} ${r.level}`,
      [r.owner ? link(c.reveal, r.owner) : h('strong', {}, 'no owner'), h('div', { class: 'sub' }, r.mitigation ?? 'no mitigation')],
    ]), [1]));
}

export function changesSection(c: SectionContext): HTMLElement {
  const { changes } = c.s;
  if (changes.length === 0) return section('Change requests', 'status-changes', note('No change requests.'));
  return section('Change requests', 'status-changes', table('changes', ['Change', 'Status', 'Impact and effect'], changes.map((x) => [
    [named(c.reveal, x.id, x.title), x.requestedBy ? h('div', { class: 'sub' }, 'requested by ', link(c.reveal, x.requestedBy)) : ''],
    h('span', { class: `change-status change-${x.status}` }, x.status),
    [
      h('div', {}, [x.impact ?? 'no schedule impact', x.cost].filter(Boolean).join(', ')),
      x.effect ? h('div', { class: 'sub' }, x.effect) : '',
      x.costAtCompletion ? h('div', { class: 'sub' }, `Budget at completion with it: ${x.costAtCompletion}`) : '',
    ],
  ])));
}

export function stakeholdersSection(c: SectionContext): HTMLElement {
  const { stakeholders, raci } = c.s;
  if (stakeholders.length === 0) return section('Stakeholders and RACI', 'status-raci', note('No stakeholders.'));
  const people = table('stakeholders', ['Stakeholder', 'Role', 'Influence / interest'], stakeholders.map((x) => [
    named(c.reveal, x.id, x.name), x.role ?? '–', `${x.influence ?? '–'} / ${x.interest ?? '–'}`,
  ]));
  const ids = (list: string[]) => {
    const out: (string | Node)[] = [];
    list.forEach((id, i) => { if (i > 0) out.push(', '); out.push(link(c.reveal, id)); });
    return out.length ? out : ['–'];
  };
  const matrix = raci.length === 0 ? note('No stakeholder has a `raci`: nobody is Accountable for any milestone.') : table('raci', ['Item', 'A', 'R', 'C', 'I'], raci.map((r) => [
    [named(c.reveal, r.id, r.name), h('span', { class: 'sub' }, ` ${r.kind}`),
      r.problem ? h('div', { class: 'raci-problem', 'data-problem': r.problem }, r.problem === 'no-accountable' ? '⚠ no Accountable stakeholder' : `⚠ ${r.a.length} Accountable stakeholders: exactly one should be`) : ''],
    ids(r.a), ids(r.r), ids(r.c), ids(r.i),
  ]));
  return section('Stakeholders and RACI', 'status-raci', people, h('h3', {}, 'RACI: who is Accountable, Responsible, Consulted, Informed'), matrix);
}

export function baselineChangesSection(c: SectionContext): HTMLElement | null {
  const { s } = c;
  if (!s.baseline) return null;
  return section(`What changed since ${s.baseline.revision}`, 'status-since', s.changedSinceBaseline.length === 0 ? note('Nothing.') : table('since', ['Item', 'Status', 'End moved'], s.changedSinceBaseline.map((i) => [
    [link(c.reveal, i.id), h('span', { class: 'sub' }, ` ${i.kind}`), i.changed.length ? h('div', { class: 'sub' }, `changed: ${i.changed.join(', ')}`) : ''],
    i.status, i.endVariance === null ? '–' : `${signed(i.endVariance)}d`,
  ]), [2]));
}

export function upcomingSection(c: SectionContext): HTMLElement {
  const { upcoming, overdue } = c.s;
  return h('div', {},
    section('Next ten working days', 'status-upcoming', upcoming.length === 0 ? note('Nothing starts, ends or is due.') : table('upcoming', ['Date', 'Item', 'Event'], upcoming.map((e) => [e.date, named(c.reveal, e.id, e.name), e.event]))),
    section('Overdue', 'status-overdue', overdue.length === 0 ? note('Nothing is overdue.') : table('overdue', ['Task', 'Planned end', 'Late by'], overdue.map((o) => [
      [named(c.reveal, o.id, o.name), h('div', { class: 'sub' }, `${o.progress}% done · workstream ${o.workstream}`)], o.end, `${o.daysOverdue} working days`,
    ]), [2])));
}
