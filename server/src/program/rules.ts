// The warning rules the format names, one small function each, so a rule can
// be read, tested and (later) configured on its own.
import type { ProgramModel } from './model.js';
import { formatDate } from './dates.js';
import { diagnostic } from './diagnostic.js';
import { checkForecastInputs } from './forecast/checks.js';
import type { Day, Diagnostic, Risk } from './types.js';
import { raciDiagnostics } from './running/raci.js';

export type Rule = (model: ProgramModel, statusDate: Day) => Diagnostic[];

export function riskScore(r: Pick<Risk, 'probability' | 'impact'>): number | undefined {
  return r.probability !== undefined && r.impact !== undefined ? r.probability * r.impact : undefined;
}

export type RiskBand = 'low' | 'medium' | 'high' | 'critical';

export function riskBand(score: number): RiskBand {
  return score >= 17 ? 'critical' : score >= 10 ? 'high' : score >= 5 ? 'medium' : 'low';
}

/** Risks still in play: open or being mitigated (no status means open). */
export function isOpenRisk(r: Risk): boolean {
  return r.status === undefined || r.status === 'open' || r.status === 'mitigating';
}

export const progressMatchesStatus: Rule = (model) => {
  const out: Diagnostic[] = [];
  for (const t of model.tasks) {
    if (t.progress === 100 && t.status !== undefined && t.status !== 'done' && t.status !== 'cancelled') {
      out.push(diagnostic('progress-status-mismatch', t.entity.uri, t.spans.progress ?? t.entity.idSpan,
        `Task \`${t.id}\` is 100% complete but its status is \`${t.status}\`; set \`status: done\` or lower the progress.`));
    } else if (t.progress === 100 && t.status === undefined) {
      out.push(diagnostic('progress-status-mismatch', t.entity.uri, t.spans.progress ?? t.entity.idSpan,
        `Task \`${t.id}\` is 100% complete but has no status; add \`status: done\`.`));
    } else if (t.status === 'done' && t.progress !== undefined && t.progress < 100) {
      out.push(diagnostic('progress-status-mismatch', t.entity.uri, t.spans.progress ?? t.spans.status ?? t.entity.idSpan,
        `Task \`${t.id}\` is \`done\` but only ${t.progress}% complete; set \`progress: 100\` or change the status.`));
    }
  }
  return out;
};

export const risksHaveOwnerAndMitigation: Rule = (model) => {
  const out: Diagnostic[] = [];
  for (const r of model.risks) {
    const score = riskScore(r);
    if (score === undefined || score < 10 || !isOpenRisk(r)) continue;
    const band = riskBand(score);
    if (r.owner === undefined) {
      out.push(diagnostic('risk-without-owner', r.entity.uri, r.entity.idSpan,
        `Risk \`${r.id}\` is ${band} (score ${score}) and open, but nobody owns it; add an \`owner\`.`,
        { data: { missingKey: 'owner' } }));
    }
    if (r.mitigation === undefined) {
      out.push(diagnostic('risk-without-mitigation', r.entity.uri, r.entity.idSpan,
        `Risk \`${r.id}\` is ${band} (score ${score}) and open, but has no \`mitigation\`; say how it will be reduced.`,
        { data: { missingKey: 'mitigation' } }));
    }
  }
  return out;
};

export const riskReviewsAreCurrent: Rule = (model, statusDate) => {
  const out: Diagnostic[] = [];
  for (const r of model.risks) {
    if (r.reviewBy === undefined || !isOpenRisk(r) || r.reviewBy >= statusDate) continue;
    out.push(diagnostic('risk-review-overdue', r.entity.uri, r.spans.review_by ?? r.entity.idSpan,
      `Risk \`${r.id}\` was due for review on ${formatDate(r.reviewBy)}, before the status date ${formatDate(statusDate)}; review it and move \`review_by\`.`));
  }
  return out;
};

export const budgetWithinPlan: Rule = (model) => {
  const out: Diagnostic[] = [];
  const currency = model.budgetCurrency ? ` ${model.budgetCurrency}` : '';
  for (const b of model.budgetLines) {
    if (b.actual === undefined || b.planned === undefined || b.actual <= b.planned) continue;
    const over = b.actual - b.planned;
    const pct = b.planned > 0 ? ` (${Math.round((over / b.planned) * 100)}%)` : '';
    out.push(diagnostic('budget-over-plan', b.entity.uri, b.spans.actual ?? b.entity.idSpan,
      `Budget line \`${b.id}\` has spent ${fmt(b.actual)}${currency}, ${fmt(over)}${currency} over its plan of ${fmt(b.planned)}${currency}${pct}.`));
  }
  return out;
};

export const kpisOnTarget: Rule = (model) => {
  const out: Diagnostic[] = [];
  for (const k of model.kpis) {
    if (k.current === undefined || k.target === undefined || k.direction === undefined) continue;
    const off = k.direction === 'up' ? k.current < k.target : k.current > k.target;
    if (!off) continue;
    const unit = k.unit ? ` ${k.unit}` : '';
    out.push(diagnostic('kpi-off-target', k.entity.uri, k.spans.current ?? k.entity.idSpan,
      `KPI \`${k.id}\` is at ${fmt(k.current)}${unit}, ${k.direction === 'up' ? 'below' : 'above'} its target of ${fmt(k.target)}${unit} (${k.direction === 'up' ? 'higher' : 'lower'} is better).`));
  }
  return out;
};

export const RULES: readonly Rule[] = [
  progressMatchesStatus, risksHaveOwnerAndMitigation, riskReviewsAreCurrent, budgetWithinPlan, kpisOnTarget, raciDiagnostics,
  checkForecastInputs,
];

function fmt(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}
