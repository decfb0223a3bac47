// The status report as data (program-format.md, "Status reports"): every part
// with its colour and the reasons for it, computed from the scheduled program
// now and, optionally, its baseline. The Markdown, HTML and JSON faces render
// this and compute nothing.
import { formatDate } from '../dates.js';
import { isOpenRisk, riskBand, riskScore } from '../rules.js';
import { scheduleProgram } from '../schedule.js';
import type { BaselineComparison, DiffItem, ScheduledProgram } from '../running/baseline-diff.js';
import { changeImpacts } from '../running/change-impact.js';
import type { ChangeImpact } from '../running/change-impact.js';
import type { Forecaster } from '../running/what-if-forecast.js';
import { computeEvm, earnedShare } from '../running/evm.js';
import type { Evm } from '../running/evm.js';
import { percent, ragThresholds, rateHigh, rateLow, worst } from '../running/rag.js';
import type { Rag, Rated } from '../running/rag.js';
import type { Day, Task } from '../types.js';
import type { ForecastResult } from '../forecast/forecast.js';

export interface ReportPart extends Rated {
  readonly part: string;
}

export interface ReportMilestone extends Rated {
  readonly id: string;
  readonly name: string | null;
  readonly target: string | null;
  readonly forecast: string | null;
  readonly slip: number | null;
  /** Forecast at the baseline and the drift since (null without a baseline). */
  readonly baselineForecast: string | null;
  readonly variance: number | null;
  /** P80 from the Monte Carlo forecast (null without one, or for a milestone without both `depends_on` and a `date`). */
  readonly p80: string | null;
}

export interface ReportWorkstream extends Rated {
  readonly id: string;
  readonly name: string | null;
  /** Mean task progress weighted by working days, 0..100. */
  readonly progress: number;
  readonly tasks: number;
  readonly done: number;
  readonly evm: Evm;
}

export interface ReportRisk {
  readonly id: string;
  readonly title: string | null;
  readonly score: number;
  readonly level: string;
  readonly status: string;
  readonly owner: string | null;
  readonly mitigation: string | null;
}

export interface ReportKpi {
  readonly id: string;
  readonly name: string | null;
  readonly unit: string | null;
  readonly target: number | null;
  readonly current: number | null;
  readonly direction: 'up' | 'down' | null;
  readonly onTarget: boolean | null;
}

export interface ReportEvent {
  readonly id: string;
  readonly kind: 'task' | 'milestone';
  readonly name: string | null;
  readonly event: 'starts' | 'ends' | 'due';
  readonly date: string;
}

export interface ReportOverdue {
  readonly id: string;
  readonly name: string | null;
  readonly workstream: string;
  readonly end: string;
  /** Working days from the planned end to the status date. */
  readonly daysOverdue: number;
  readonly progress: number;
}

export interface StatusReport {
  readonly program: string | null;
  readonly programName: string | null;
  readonly statusDate: string;
  readonly baseline: { readonly revision: string; readonly commit: string } | null;
  /** The Monte Carlo forecast the P80 dates come from (null when the program has no estimate or schedule risk). */
  readonly forecast: { readonly iterations: number; readonly seed: number; readonly distribution: string; readonly finishP80: string | null } | null;
  readonly overall: Rated & { readonly parts: ReportPart[] };
  readonly milestones: ReportMilestone[];
  readonly workstreams: ReportWorkstream[];
  readonly risks: ReportRisk[];
  readonly riskSummary: Rated;
  readonly evm: Evm;
  readonly budget: Rated & {
    readonly currency: string | null;
    readonly planned: number;
    readonly actual: number;
    readonly lines: { id: string; name: string | null; workstream: string | null; planned: number | null; actual: number | null }[];
  };
  readonly schedule: Rated & { readonly finish: string | null; readonly baselineFinish: string | null; readonly finishVariance: number | null; readonly criticalPath: string[] };
  readonly kpis: ReportKpi[];
  readonly changes: ChangeImpact[];
  readonly changedSinceBaseline: DiffItem[];
  readonly upcoming: ReportEvent[];
  readonly overdue: ReportOverdue[];
}

export interface ReportInput {
  readonly current: ScheduledProgram;
  readonly baseline?: ScheduledProgram & { readonly comparison: BaselineComparison; readonly label: string };
  readonly statusDate: Day;
  readonly scheduleOf: Forecaster;
  /** The Monte Carlo forecast of `current` (see reportForecast), for the P80 dates. */
  readonly forecast?: ForecastResult;
}

const TOP_RISKS = 5;
const LOOKAHEAD_DAYS = 10;

const d = (x: number | null | undefined): string | null => (x === null || x === undefined ? null : formatDate(x));
const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
const money = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });

export function buildReport(input: ReportInput): StatusReport {
  const { current, baseline, statusDate } = input;
  const { model, schedule } = current;
  const cal = schedule.calendar;
  const t = ragThresholds(model);
  const base = baseline ? { model: baseline.model, schedule: baseline.schedule } : undefined;
  const evm = computeEvm({ current, ...(base && { baseline: base }), statusDate });
  const drift = new Map((baseline?.comparison.diff.milestones ?? []).map((m) => [m.id, m]));
  const p80Of = new Map((input.forecast?.milestones ?? []).map((m) => [m.id, m.p80]));

  const milestones: ReportMilestone[] = [];
  for (const m of unique(model.milestones)) {
    const it = schedule.items.get(m.id);
    const dr = drift.get(m.id);
    let rated: Rated;
    if (!it || it.end === null) rated = { rag: 'red', reasons: [`\`${m.id}\` has no forecast (it is in a dependency cycle).`] };
    else if (it.target === null) rated = { rag: 'green', reasons: [`\`${m.id}\` has no target date to slip against (forecast ${formatDate(it.end)}).`] };
    else {
      const slip = it.slip ?? 0;
      const rag = rateHigh(slip, t.milestoneSlip);
      rated = {
        rag,
        reasons: [slip > 0
          ? `\`${m.id}\` slips ${plural(slip, 'working day')} past its target ${formatDate(it.target)} (amber at ${t.milestoneSlip.amber}, red at ${t.milestoneSlip.red}).`
          : `\`${m.id}\` is forecast on ${formatDate(it.end)}, on or before its target ${formatDate(it.target)}.`],
      };
    }
    milestones.push({
      id: m.id, name: m.name ?? null, target: d(it?.target), forecast: d(it?.end), slip: it?.slip ?? null,
      baselineForecast: dr?.baseline ?? null, variance: dr?.variance ?? null, p80: d(p80Of.get(m.id)), ...rated,
    });
  }

  // Overdue against the plan as it would be without the status date: the
  // forecast itself moves unfinished work past the status date, so it never is.
  const plan = schedule.progressDate === null ? schedule : scheduleProgram(model, { statusDate, progressDate: null });
  const overdue: ReportOverdue[] = [];
  for (const task of unique(model.tasks)) {
    const it = plan.items.get(task.id);
    if (!it || it.end === null || task.status === 'done' || task.status === 'cancelled' || task.actualEnd !== undefined) continue;
    if (it.end >= statusDate) continue;
    overdue.push({
      id: task.id, name: task.name ?? null, workstream: task.workstreamId, end: formatDate(it.end),
      daysOverdue: cal.workingDaysIn(it.end, statusDate), progress: Math.round(earnedShare(task) * 100),
    });
  }

  const workstreams: ReportWorkstream[] = [];
  const tasksOf = new Map<string, Task[]>();
  for (const x of unique(model.tasks)) {
    const list = tasksOf.get(x.workstreamId) ?? [];
    list.push(x);
    tasksOf.set(x.workstreamId, list);
  }
  for (const ws of unique(model.workstreams)) {
    const tasks = tasksOf.get(ws.id) ?? [];
    let weighted = 0;
    let days = 0;
    for (const x of tasks) {
      const n = schedule.items.get(x.id)?.durationDays ?? 0;
      weighted += earnedShare(x) * n;
      days += n;
    }
    const wsEvm = computeEvm({ current, ...(base && { baseline: base }), statusDate, workstream: ws.id });
    const parts: Rated[] = [];
    if (wsEvm.spiT !== null && wsEvm.bac > 0) parts.push(scheduleIndexRag(wsEvm.spiT, t.scheduleIndex));
    const overrun = overrunOf(wsEvm);
    if (overrun !== null) parts.push(overrunRag(overrun, wsEvm, t.budgetOverrun));
    const late = overdue.filter((o) => o.workstream === ws.id);
    if (late.length > 0) parts.push({ rag: 'amber', reasons: [`${plural(late.length, 'task')} overdue (${late.slice(0, 5).map((o) => o.id).join(', ')}).`] });
    workstreams.push({
      id: ws.id, name: ws.name ?? null, progress: days > 0 ? (weighted / days) * 100 : 0,
      tasks: tasks.length, done: tasks.filter((x) => x.status === 'done').length, evm: wsEvm,
      ...combine(parts, 'On plan: no overdue task, and earned value (where there is cost data) within thresholds.'),
    });
  }

  const openRisks = unique(model.risks).filter(isOpenRisk)
    .map((r) => ({ r, score: riskScore(r) ?? 0 }))
    .sort((a, b) => b.score - a.score);
  const risks: ReportRisk[] = openRisks.slice(0, TOP_RISKS).map(({ r, score }) => ({
    id: r.id, title: r.title ?? null, score, level: riskBand(score), status: r.status ?? 'open', owner: r.owner ?? null, mitigation: r.mitigation ?? null,
  }));
  const top = openRisks[0];
  const riskSummary: Rated = top && top.score > 0
    ? {
      rag: rateHigh(top.score, t.riskScore),
      reasons: [rateHigh(top.score, t.riskScore) === 'green'
        ? `The highest open risk, \`${top.r.id}\`, scores ${top.score} (amber at ${t.riskScore.amber}).`
        : `Open risk \`${top.r.id}\` scores ${top.score} (amber at ${t.riskScore.amber}, red at ${t.riskScore.red})${openRisks.filter((x) => x.score >= t.riskScore.amber).length > 1 ? `; ${openRisks.filter((x) => x.score >= t.riskScore.amber).length - 1} more at or above amber` : ''}.`],
    }
    : { rag: 'green', reasons: ['No open risk is scored.'] };

  const overrun = overrunOf(evm);
  const budget = {
    currency: model.budgetCurrency ?? null,
    planned: sum(model.budgetLines.map((l) => l.planned ?? 0)),
    actual: sum(model.budgetLines.map((l) => l.actual ?? 0)),
    lines: unique(model.budgetLines).map((l) => ({ id: l.id, name: l.name ?? null, workstream: l.workstream ?? null, planned: l.planned ?? null, actual: l.actual ?? null })),
    ...(overrun !== null ? overrunRag(overrun, evm, t.budgetOverrun) : { rag: 'green' as Rag, reasons: [`No forecast of the cost at completion: ${evm.notes.find((n) => n.startsWith('EAC') || n.startsWith('CPI')) ?? 'no planned cost (BAC = 0).'}`] }),
  };

  const comparison = baseline?.comparison.diff;
  const scheduleRated: Rated = evm.spiT !== null && evm.bac > 0
    ? scheduleIndexRag(evm.spiT, t.scheduleIndex)
    : { rag: 'green', reasons: [evm.bac > 0 ? (evm.notes.find((n) => n.startsWith('SPI(t)')) ?? 'SPI(t) is not available.') : 'No schedule index: no planned cost (add `cost` to tasks or budget lines with a `workstream`).'] };
  const scheduleRag = {
    finish: d(schedule.finish), baselineFinish: comparison?.finish.baseline ?? null, finishVariance: comparison?.finish.variance ?? null,
    criticalPath: [...schedule.criticalPath], ...scheduleRated,
  };

  const parts: ReportPart[] = [
    ...milestones.map((m) => ({ part: `milestone ${m.id}`, rag: m.rag, reasons: m.reasons })),
    ...workstreams.map((w) => ({ part: `workstream ${w.id}`, rag: w.rag, reasons: w.reasons })),
    { part: 'budget', rag: budget.rag, reasons: budget.reasons },
    { part: 'risks', rag: riskSummary.rag, reasons: riskSummary.reasons },
    { part: 'schedule', rag: scheduleRag.rag, reasons: scheduleRag.reasons },
  ];
  const overallRag = worst(parts.map((p) => p.rag));
  const overall = {
    rag: overallRag,
    reasons: overallRag === 'green' ? ['Every milestone, workstream, the budget, the risks and the schedule are green.'] : parts.filter((p) => p.rag === overallRag).flatMap((p) => p.reasons.map((x) => `${p.part[0]?.toUpperCase()}${p.part.slice(1)}: ${x}`)),
    parts,
  };

  const windowEnd = cal.next(cal.first(statusDate), LOOKAHEAD_DAYS);
  const upcoming: ReportEvent[] = [];
  const inWindow = (x: number | null): x is number => x !== null && x >= statusDate && x <= windowEnd;
  const taskById = new Map(unique(model.tasks).map((x) => [x.id, x]));
  const msById = new Map(unique(model.milestones).map((x) => [x.id, x]));
  for (const id of schedule.order) {
    const it = schedule.items.get(id);
    if (!it || it.kind === 'workstream') continue;
    if (it.kind === 'milestone') {
      if (inWindow(it.end)) upcoming.push({ id, kind: 'milestone', name: msById.get(id)?.name ?? null, event: 'due', date: formatDate(it.end) });
      continue;
    }
    const task = taskById.get(id);
    if (!task || task.status === 'done' || task.status === 'cancelled') continue;
    if (inWindow(it.start) && task.actualStart === undefined && earnedShare(task) === 0) upcoming.push({ id, kind: 'task', name: task.name ?? null, event: 'starts', date: formatDate(it.start) });
    if (inWindow(it.end) && task.actualEnd === undefined) upcoming.push({ id, kind: 'task', name: task.name ?? null, event: 'ends', date: formatDate(it.end) });
  }
  // By date; on one day, what tasks do before the milestones they lead to.
  upcoming.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : (a.kind === 'milestone' ? 1 : 0) - (b.kind === 'milestone' ? 1 : 0)));

  const changes = changeImpacts(current, input.scheduleOf, evm.bac).filter((c) => c.pending);
  const kpis: ReportKpi[] = unique(model.kpis).map((k) => ({
    id: k.id, name: k.name ?? null, unit: k.unit ?? null, target: k.target ?? null, current: k.current ?? null, direction: k.direction ?? null,
    onTarget: k.target === undefined || k.current === undefined || k.direction === undefined ? null : k.direction === 'up' ? k.current >= k.target : k.current <= k.target,
  }));

  return {
    program: model.program?.id ?? null,
    programName: model.program?.name ?? null,
    statusDate: formatDate(statusDate),
    baseline: baseline ? { revision: baseline.comparison.diff.baseline.revision, commit: baseline.comparison.diff.baseline.commit } : null,
    forecast: input.forecast
      ? { iterations: input.forecast.iterations, seed: input.forecast.seed, distribution: input.forecast.distribution, finishP80: d(input.forecast.finish.p80) }
      : null,
    overall, milestones, workstreams, risks, riskSummary, evm, budget, schedule: scheduleRag, kpis, changes,
    changedSinceBaseline: (comparison?.items ?? []).filter((i) => i.status !== 'unchanged' || (i.endVariance ?? 0) !== 0),
    upcoming, overdue,
  };
}

function scheduleIndexRag(spiT: number, th: { amber: number; red: number }): Rated {
  const rag = rateLow(spiT, th);
  return {
    rag,
    reasons: [rag === 'green'
      ? `SPI(t) is ${spiT.toFixed(2)}, above ${th.amber}.`
      : `SPI(t) is ${spiT.toFixed(2)}: work is running behind plan (amber at ${th.amber}, red at ${th.red}).`],
  };
}

function overrunOf(evm: Evm): number | null {
  return evm.eac === null || evm.bac <= 0 ? null : (evm.eac - evm.bac) / evm.bac;
}

function overrunRag(overrun: number, evm: Evm, th: { amber: number; red: number }): Rated {
  const rag = rateHigh(overrun, th);
  return {
    rag,
    reasons: [`Cost at completion forecast ${money(evm.eac ?? 0)} against a budget of ${money(evm.bac)}: ${overrun >= 0 ? `${percent(overrun)} over` : `${percent(-overrun)} under`} (amber at ${percent(th.amber)}, red at ${percent(th.red)}).`],
  };
}

function combine(parts: Rated[], greenReason: string): Rated {
  const rag = worst(parts.map((p) => p.rag));
  if (rag === 'green') return { rag, reasons: parts.length > 0 ? parts.flatMap((p) => p.reasons) : [greenReason] };
  return { rag, reasons: parts.filter((p) => p.rag === rag).flatMap((p) => p.reasons) };
}

function unique<T extends { id: string }>(list: readonly T[]): T[] {
  const seen = new Set<string>();
  return list.filter((x) => (seen.has(x.id) ? false : (seen.add(x.id), true)));
}

function sum(list: number[]): number {
  return list.reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0);
}
