// The Status tab's data: the status report (program-format.md, "Status
// reports") made ready to draw, plus the format's sections the other tabs do
// not show (budget lines, KPIs, stakeholders with their RACI, every change
// request). Plain JSON; this file imports nothing, so the webview, the client
// and the server share it without pulling in the core.

export type RagView = 'green' | 'amber' | 'red';

/** Where an item is defined: its id token (0-based lines, UTF-16 characters). */
export interface StatusLocation {
  readonly uri: string;
  readonly line: number;
  readonly character: number;
  readonly endLine: number;
  readonly endCharacter: number;
}

export interface RatedView {
  readonly rag: RagView;
  /** Why it has that colour; ids in backticks. */
  readonly reasons: string[];
}

export interface StatusMilestoneView extends RatedView {
  readonly id: string;
  readonly name: string | null;
  readonly target: string | null;
  readonly forecast: string | null;
  readonly p80: string | null;
  readonly slip: number | null;
  readonly baselineForecast: string | null;
  /** Signed working days since the baseline; null when new or without a baseline. */
  readonly variance: number | null;
}

export interface StatusWorkstreamView extends RatedView {
  readonly id: string;
  readonly name: string | null;
  /** 0..100, weighted by working days. */
  readonly progress: number;
  readonly done: number;
  readonly tasks: number;
  /** Money, formatted (with the currency). */
  readonly bac: string;
  readonly ev: string;
  readonly ac: string;
  readonly spiT: string;
  readonly cpi: string;
}

export interface StatusBudgetLineView {
  readonly id: string;
  readonly name: string | null;
  readonly category: string | null;
  readonly workstream: string | null;
  readonly planned: string;
  readonly actual: string;
  /** Earned value of the line's workstream, shared by its lines in proportion to their plan. */
  readonly earned: string;
  /** Actual above planned (a `budget-over-plan` warning). */
  readonly overPlan: boolean;
}

export interface StatusKpiView {
  readonly id: string;
  readonly name: string | null;
  readonly current: string;
  readonly target: string;
  /** `higher is better`, `lower is better` or null. */
  readonly better: string | null;
  readonly onTarget: boolean | null;
}

export interface StatusStakeholderView {
  readonly id: string;
  readonly name: string | null;
  readonly role: string | null;
  readonly influence: string | null;
  readonly interest: string | null;
}

/** One row of the RACI matrix: an item and the stakeholders in each role. */
export interface RaciRowView {
  readonly id: string;
  readonly kind: 'milestone' | 'task' | 'workstream';
  readonly name: string | null;
  readonly r: string[];
  readonly a: string[];
  readonly c: string[];
  readonly i: string[];
  /** For milestones: no Accountable stakeholder, or more than one. */
  readonly problem: 'no-accountable' | 'many-accountable' | null;
}

export interface StatusChangeView {
  readonly id: string;
  readonly title: string | null;
  readonly status: string;
  readonly requestedBy: string | null;
  /** `+5 working days on api`, or null without a schedule impact. */
  readonly impact: string | null;
  readonly cost: string | null;
  /** What applying it would move (pending changes with a schedule impact), else why it is not evaluated. */
  readonly effect: string | null;
  readonly costAtCompletion: string | null;
  readonly pending: boolean;
}

export interface StatusView {
  readonly program: string | null;
  readonly programName: string | null;
  readonly statusDate: string;
  readonly baseline: { readonly revision: string; readonly commit: string } | null;
  /** One line when there is no baseline comparison: none set, or why it could not be read. */
  readonly baselineNote: string | null;
  /** Where the P80 dates come from, or why there are none. */
  readonly forecastNote: string | null;
  readonly overall: RatedView;
  readonly parts: (RatedView & { readonly part: string })[];
  readonly milestones: StatusMilestoneView[];
  readonly workstreams: StatusWorkstreamView[];
  readonly riskSummary: RatedView;
  readonly risks: { readonly id: string; readonly title: string | null; readonly score: number; readonly level: string; readonly owner: string | null; readonly mitigation: string | null }[];
  readonly budget: RatedView & { readonly currency: string | null; readonly planned: string; readonly actual: string; readonly lines: StatusBudgetLineView[] };
  /** [metric, meaning, value] rows and why any value is n/a. */
  readonly evm: { readonly rows: [string, string, string][]; readonly notes: string[] };
  readonly schedule: RatedView & { readonly finish: string | null; readonly baselineFinish: string | null; readonly finishVariance: number | null; readonly criticalPath: string[] };
  readonly kpis: StatusKpiView[];
  readonly stakeholders: StatusStakeholderView[];
  readonly raci: RaciRowView[];
  readonly changes: StatusChangeView[];
  readonly changedSinceBaseline: { readonly id: string; readonly kind: string; readonly status: string; readonly endVariance: number | null; readonly changed: string[] }[];
  readonly upcoming: { readonly id: string; readonly name: string | null; readonly event: string; readonly date: string }[];
  readonly overdue: { readonly id: string; readonly name: string | null; readonly workstream: string; readonly end: string; readonly daysOverdue: number; readonly progress: number }[];
  /** Every id the tab can reveal (all kinds), to its definition. */
  readonly locations: Record<string, StatusLocation>;
}
