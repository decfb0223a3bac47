// Red / amber / green by the thresholds in `reporting.rag`
// (program-format.md, "Status reports"), each colour with the reason that set it.
import type { ProgramModel } from '../model.js';

export type Rag = 'green' | 'amber' | 'red';

export interface Rated {
  readonly rag: Rag;
  readonly reasons: string[];
}

export interface Thresholds {
  readonly amber: number;
  readonly red: number;
}

export interface RagThresholds {
  readonly milestoneSlip: Thresholds;
  readonly budgetOverrun: Thresholds;
  readonly riskScore: Thresholds;
  readonly scheduleIndex: Thresholds;
}

export const DEFAULT_RAG: RagThresholds = {
  milestoneSlip: { amber: 1, red: 5 },
  budgetOverrun: { amber: 0.05, red: 0.15 },
  riskScore: { amber: 10, red: 17 },
  scheduleIndex: { amber: 0.95, red: 0.85 },
};

const RANK: Record<Rag, number> = { green: 0, amber: 1, red: 2 };

export function worst(list: readonly Rag[]): Rag {
  return list.reduce<Rag>((a, b) => (RANK[b] > RANK[a] ? b : a), 'green');
}

/** `reporting.rag` from the root file, each threshold falling back to its default. */
export function ragThresholds(model: ProgramModel): RagThresholds {
  const root = model.files[0]?.isRoot ? model.files[0].value : undefined;
  const rag = get(get(root, 'reporting'), 'rag');
  const pick = (key: string, d: Thresholds): Thresholds => {
    const t = get(rag, key);
    const num = (k: 'amber' | 'red') => {
      const v = get(t, k);
      return typeof v === 'number' && Number.isFinite(v) ? v : d[k];
    };
    return { amber: num('amber'), red: num('red') };
  };
  return {
    milestoneSlip: pick('milestone_slip', DEFAULT_RAG.milestoneSlip),
    budgetOverrun: pick('budget_overrun', DEFAULT_RAG.budgetOverrun),
    riskScore: pick('risk_score', DEFAULT_RAG.riskScore),
    scheduleIndex: pick('schedule_index', DEFAULT_RAG.scheduleIndex),
  };
}

function get(v: unknown, key: string): unknown {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>)[key] : undefined;
}

/** Colour of a value where higher is worse (slip, overrun, score). */
export function rateHigh(value: number, t: Thresholds): Rag {
  return value >= t.red ? 'red' : value >= t.amber ? 'amber' : 'green';
}

/** Colour of a value where lower is worse (SPI(t)). */
export function rateLow(value: number, t: Thresholds): Rag {
  return value <= t.red ? 'red' : value <= t.amber ? 'amber' : 'green';
}

export function percent(x: number): string {
  return `${(x * 100).toFixed(1).replace(/\.0$/, '')}%`;
}
