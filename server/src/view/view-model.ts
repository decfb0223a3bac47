// The view model's types: everything the preview (Gantt, dependency graph,
// risk register, milestones) and the exports draw, as plain JSON-serialisable
// data. This file imports nothing but the types of resources-types.ts (which imports nothing), so the client, the webview and every writer
// can share it without pulling in the core. build-view-model.ts fills it from
// an analysis; the compiler checks there that the unions below (risk band,
// dependency type, milestone state) still agree with the core's.
//
// Dates are `YYYY-MM-DD` strings (the text users read, and what the JSON, the
// CSV and the Markdown print as is); code that needs day numbers parses them
// with the core's one date codec (program/dates.ts).

import type { ViewResources } from './resources-types.js';

/** A risk's band by score (rules.ts in the core). */
export type RiskBand = 'low' | 'medium' | 'high' | 'critical';

/** The source of an item: its id token, 0-based lines, UTF-16 characters. */
export interface SourceLocation {
  readonly uri: string;
  readonly line: number;
  readonly character: number;
  readonly endLine: number;
  readonly endCharacter: number;
}

/** `YYYY-MM-DD`, or null when there is no date. */
export type DateString = string | null;

export interface ViewHoliday {
  readonly from: string;
  readonly to: string;
  readonly name: string | null;
}

export interface ViewProgram {
  readonly id: string | null;
  readonly name: string | null;
  readonly start: DateString;
  readonly finish: DateString;
  readonly statusDate: string;
  readonly calendar: {
    /** Worked weekdays as `mon` … `sun`. */
    readonly workdays: string[];
    readonly holidays: ViewHoliday[];
  };
  readonly location: SourceLocation | null;
}

export interface ViewWorkstream {
  readonly id: string;
  readonly name: string | null;
  readonly owner: string | null;
  readonly ownerName: string | null;
  readonly taskIds: string[];
  readonly start: DateString;
  readonly end: DateString;
  readonly critical: boolean;
  readonly location: SourceLocation;
}

export type TaskStatusView = 'not-started' | 'in-progress' | 'blocked' | 'done' | 'cancelled';

export interface ViewTask {
  readonly id: string;
  readonly name: string | null;
  readonly workstreamId: string | null;
  readonly start: DateString;
  readonly end: DateString;
  readonly lateStart: DateString;
  readonly lateEnd: DateString;
  readonly durationDays: number | null;
  readonly totalFloat: number | null;
  readonly critical: boolean;
  /** Percent complete, 0..100 (done → 100, otherwise the file's `progress` or 0). */
  readonly progress: number;
  readonly status: TaskStatusView;
  /** Assignees' names (their ids when they have no name). */
  readonly assignees: string[];
  readonly assigneeIds: string[];
  /** The workstream's owner. */
  readonly owner: string | null;
  readonly deliverable: string | null;
  readonly location: SourceLocation;
}

/** A milestone's state (milestone-state.ts in the core; the builder checks the two agree). */
export type MilestoneStatus = 'on-time' | 'slipping' | 'fixed' | 'no-target' | 'no-forecast';

export interface ViewMilestone {
  readonly id: string;
  readonly name: string | null;
  /** The forecast, or the fixed date. */
  readonly date: DateString;
  /** The target date (a milestone with dependencies and a `date`). */
  readonly target: DateString;
  /** Working days late (0 when on time); null without a target. */
  readonly slip: number | null;
  readonly totalFloat: number | null;
  readonly critical: boolean;
  readonly status: MilestoneStatus;
  /** The state in words: `on time`, `slipping 3 working days`, `fixed`, `no target`, `no forecast`. */
  readonly state: string;
  readonly owner: string | null;
  readonly ownerName: string | null;
  /** The ids whose dates drive this milestone's date, first to last (the milestone itself excluded). */
  readonly drivingChain: string[];
  readonly location: SourceLocation;
}

export interface ViewDependency {
  /** The predecessor. */
  readonly from: string;
  readonly fromKind: 'task' | 'milestone' | 'workstream';
  /** The successor (a task or milestone). */
  readonly to: string;
  readonly type: 'FS' | 'SS' | 'FF';
  readonly lagDays: number;
  /** Both ends are critical and on the critical path. */
  readonly critical: boolean;
}

export interface ViewRisk {
  readonly id: string;
  readonly title: string | null;
  readonly description: string | null;
  readonly probability: number | null;
  readonly impact: number | null;
  readonly score: number | null;
  readonly band: RiskBand | null;
  readonly status: string;
  readonly open: boolean;
  readonly owner: string | null;
  readonly ownerName: string | null;
  readonly mitigation: string | null;
  readonly contingency: string | null;
  readonly affects: string[];
  readonly reviewBy: DateString;
  readonly location: SourceLocation;
}

export interface ViewModel {
  /** The program's root file. */
  readonly uri: string;
  readonly program: ViewProgram;
  readonly workstreams: ViewWorkstream[];
  readonly tasks: ViewTask[];
  readonly milestones: ViewMilestone[];
  readonly dependencies: ViewDependency[];
  readonly risks: ViewRisk[];
  /** Critical tasks and milestones, start to finish. */
  readonly criticalPath: string[];
  readonly diagnosticsSummary: { readonly errors: number; readonly warnings: number };
  /** Every file of the program (root first): the preview reveals locations only in these. */
  readonly files: string[];
  /**
   * The band of each heat-map cell: `riskMatrix[probability - 1][impact - 1]`,
   * so the preview colours empty cells without re-deriving the banding rule.
   */
  readonly riskMatrix: RiskBand[][];
  /** People's and pools' weekly load (the Resources tab), leave pauses and levelling delays (the Gantt). */
  readonly resources: ViewResources;
  /** The baseline (`programAsCode.baseline`) when it is loaded: the Gantt's shadow bars. */
  readonly baseline?: ViewBaseline;
}

/** Each task's and milestone's dates at a git revision, for the Gantt's baseline shadow bars. */
export interface ViewBaseline {
  readonly revision: string;
  readonly commit: string;
  readonly items: { readonly id: string; readonly start: DateString; readonly end: DateString }[];
}

/** The Gantt's time scale (the preview's zoom, and the SVG export's). */
export type Zoom = 'day' | 'week' | 'month' | 'quarter';
