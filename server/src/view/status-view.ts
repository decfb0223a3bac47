// Builds the Status tab's data (status-types.ts) from the status report and
// the program: the report's parts with their colours and reasons, and the
// format's sections no other tab shows (budget lines with earned value, KPIs,
// stakeholders and the RACI matrix, every change request). Money and ratios
// are formatted here, once, so the webview and the exported page only draw.
import { LineIndex } from '../program/line-index.js';
import type { ProgramModel } from '../program/model.js';
import { evmRows, forecastNote, num } from './report-markdown.js';
import type { StatusReport } from '../program/report/report-model.js';
import { money, movementText } from '../program/running/changes-format.js';
import type { Entity } from '../program/types.js';
import type { RaciRowView, StatusBudgetLineView, StatusLocation, StatusView } from './status-types.js';

export interface StatusViewOptions {
  /** Why there is no baseline comparison (none set, not a repository, …); ignored when the report has one. */
  readonly baselineNote?: string;
  /** Why there are no P80 dates (no estimates, still computing); ignored when the report has a forecast. */
  readonly forecastNote?: string;
}

const ROLES = ['R', 'A', 'C', 'I'] as const;

export function buildStatusView(report: StatusReport, model: ProgramModel, options: StatusViewOptions = {}): StatusView {
  const cur = report.budget.currency;
  const m = (n: number | null | undefined) => (n === null || n === undefined ? '–' : money(n, cur));

  // Each workstream's earned value, shared among its budget lines by their plan.
  const wsEv = new Map(report.workstreams.map((w) => [w.id, w.evm.ev]));
  const plannedByWs = new Map<string, number>();
  for (const l of report.budget.lines) if (l.workstream) plannedByWs.set(l.workstream, (plannedByWs.get(l.workstream) ?? 0) + (l.planned ?? 0));
  const category = new Map(model.budgetLines.map((l) => [l.id, l.category ?? null]));
  const lines: StatusBudgetLineView[] = report.budget.lines.map((l) => {
    const ev = l.workstream ? wsEv.get(l.workstream) : undefined;
    const share = l.workstream && ev !== undefined ? (plannedByWs.get(l.workstream) ?? 0) : 0;
    return {
      id: l.id, name: l.name, category: category.get(l.id) ?? null, workstream: l.workstream, planned: m(l.planned), actual: m(l.actual),
      earned: ev === undefined ? '–' : m(share > 0 ? (ev * (l.planned ?? 0)) / share : 0),
      overPlan: l.planned !== null && l.actual !== null && l.actual > l.planned,
    };
  });

  const pending = new Map(report.changes.map((c) => [c.id, c]));
  const seenChange = new Set<string>();
  const changes = model.changes.filter((c) => (seenChange.has(c.id) ? false : (seenChange.add(c.id), true))).map((c) => {
    const impact = pending.get(c.id);
    const days = impact?.scheduleImpact ?? null;
    const status = c.status ?? 'proposed';
    return {
      id: c.id, title: c.title ?? null, status, requestedBy: c.requestedBy ?? null,
      impact: c.scheduleImpact ? `+${days !== null ? `${days} working day${days === 1 ? '' : 's'}` : `${c.scheduleImpact.amount}${c.scheduleImpact.unit}`} on ${c.affects.join(', ') || '(nothing)'}` : null,
      cost: c.costImpact === undefined ? null : m(c.costImpact),
      effect: impact
        ? (impact.scheduleImpact !== null ? `If applied: ${movementText(impact)}` : 'No schedule impact given.')
        : status === 'implemented' ? 'Implemented: it is in the plan.' : 'Rejected.',
      costAtCompletion: impact?.costAtCompletion === null || impact === undefined ? null : m(impact.costAtCompletion),
      pending: impact !== undefined,
    };
  });

  // Every kind but tasks is few; of the tasks, only those the tab names (a 10,000-task program stays small).
  const shownTasks = new Set<string>([
    ...report.schedule.criticalPath, ...report.upcoming.map((e) => e.id), ...report.overdue.map((o) => o.id),
    ...report.changedSinceBaseline.map((i) => i.id), ...report.changes.flatMap((c) => c.affects),
  ]);
  const raci = raciRows(model);
  for (const r of raci) shownTasks.add(r.id);
  const locations = locationsOf(model, (e) => e.kind !== 'task' || shownTasks.has(e.id));
  return {
    program: report.program, programName: report.programName, statusDate: report.statusDate, baseline: report.baseline,
    baselineNote: report.baseline ? null : (options.baselineNote ?? 'No baseline: set `programAsCode.baseline` (or run Program: Pick Baseline) to compare with a git revision.'),
    forecastNote: report.forecast ? forecastNote(report.forecast) : (options.forecastNote ?? null),
    overall: { rag: report.overall.rag, reasons: report.overall.reasons },
    parts: report.overall.parts,
    milestones: report.milestones.map((x) => ({
      id: x.id, name: x.name, target: x.target, forecast: x.forecast, p80: x.p80, slip: x.slip,
      baselineForecast: x.baselineForecast, variance: x.variance, rag: x.rag, reasons: x.reasons,
    })),
    workstreams: report.workstreams.map((w) => ({
      id: w.id, name: w.name, progress: Math.round(w.progress), done: w.done, tasks: w.tasks,
      bac: m(w.evm.bac), ev: m(w.evm.ev), ac: m(w.evm.ac), spiT: w.evm.bac > 0 ? num(w.evm.spiT) : 'n/a', cpi: num(w.evm.cpi), rag: w.rag, reasons: w.reasons,
    })),
    riskSummary: report.riskSummary,
    risks: report.risks.map((r) => ({ id: r.id, title: r.title, score: r.score, level: r.level, owner: r.owner, mitigation: r.mitigation })),
    budget: { rag: report.budget.rag, reasons: report.budget.reasons, currency: cur, planned: m(report.budget.planned), actual: m(report.budget.actual), lines },
    evm: { rows: evmRows(report.evm, cur), notes: report.evm.notes },
    schedule: report.schedule,
    kpis: report.kpis.map((k) => {
      const u = k.unit ? ` ${k.unit}` : '';
      return {
        id: k.id, name: k.name, current: k.current === null ? '–' : `${k.current}${u}`, target: k.target === null ? '–' : `${k.target}${u}`,
        better: k.direction === 'up' ? 'higher is better' : k.direction === 'down' ? 'lower is better' : null, onTarget: k.onTarget,
      };
    }),
    stakeholders: unique(model.stakeholders).map((s) => ({ id: s.id, name: s.name ?? null, role: s.role ?? null, influence: s.influence ?? null, interest: s.interest ?? null })),
    raci,
    changes,
    changedSinceBaseline: report.changedSinceBaseline.map((i) => ({ id: i.id, kind: i.kind, status: i.status, endVariance: i.endVariance, changed: [...i.changed] })),
    upcoming: report.upcoming.map((e) => ({ id: e.id, name: e.name, event: e.kind === 'milestone' ? 'milestone due' : e.event, date: e.date })),
    overdue: report.overdue,
    locations,
  };
}

/**
 * The RACI matrix as rows: every milestone (the check's subject: exactly one
 * Accountable), then the other items stakeholders name. Markers follow the
 * `raci-no-accountable` / `raci-many-accountable` rule: only a program that
 * uses RACI at all is held to it.
 */
export function raciRows(model: ProgramModel): RaciRowView[] {
  const stakeholders = unique(model.stakeholders);
  const uses = stakeholders.some((s) => Object.keys(s.raci).length > 0);
  if (!uses) return [];
  const roles = new Map<string, Record<(typeof ROLES)[number], string[]>>();
  const order: string[] = [];
  for (const s of stakeholders) {
    for (const [id, role] of Object.entries(s.raci)) {
      if (!(ROLES as readonly string[]).includes(role)) continue;
      let r = roles.get(id);
      if (!r) { roles.set(id, (r = { R: [], A: [], C: [], I: [] })); order.push(id); }
      r[role as (typeof ROLES)[number]].push(s.id);
    }
  }
  const rows: RaciRowView[] = [];
  const row = (id: string, kind: RaciRowView['kind'], name: string | null, milestone: boolean): RaciRowView => {
    const r = roles.get(id) ?? { R: [], A: [], C: [], I: [] };
    const problem = !milestone ? null : r.A.length === 0 ? 'no-accountable' : r.A.length > 1 ? 'many-accountable' : null;
    return { id, kind, name, r: r.R, a: r.A, c: r.C, i: r.I, problem };
  };
  const milestones = unique(model.milestones);
  const isMilestone = new Set(milestones.map((x) => x.id));
  for (const x of milestones) rows.push(row(x.id, 'milestone', x.name ?? null, true));
  for (const id of order) {
    if (isMilestone.has(id)) continue;
    const e = model.byId.get(id);
    if (!e || (e.kind !== 'task' && e.kind !== 'workstream')) continue;
    rows.push(row(id, e.kind, e.name ?? null, false));
  }
  return rows;
}

function locationsOf(model: ProgramModel, wanted: (e: Entity) => boolean): Record<string, StatusLocation> {
  const indexes = new Map<string, LineIndex>();
  const out: Record<string, StatusLocation> = Object.create(null) as Record<string, StatusLocation>;
  const put = (e: Entity) => {
    if (Object.hasOwn(out, e.id) || !wanted(e)) return;
    let index = indexes.get(e.uri);
    if (!index) indexes.set(e.uri, (index = new LineIndex(model.files.find((f) => f.uri === e.uri)?.text ?? '')));
    const s = index.positionAt(e.idSpan.start);
    const t = index.positionAt(e.idSpan.end);
    out[e.id] = { uri: e.uri, line: s.line, character: s.character, endLine: t.line, endCharacter: t.character };
  };
  // Tasks, milestones and workstreams first: a bare id means them when kinds share it.
  for (const e of model.byId.values()) put(e);
  for (const e of model.entities) put(e);
  return out;
}

function unique<T extends { id: string }>(list: readonly T[]): T[] {
  const seen = new Set<string>();
  return list.filter((x) => (seen.has(x.id) ? false : (seen.add(x.id), true)));
}
