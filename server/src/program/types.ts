// Plain data shared by every stage of the core. Offsets are UTF-16 code-unit
// offsets into the file's text (JavaScript string indices), so they map to LSP
// positions through one LineIndex and nowhere else.
import type { DiagnosticCode } from './codes.js';

/** A half-open range [start, end) of offsets in one file's text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** A place in some file, used by diagnostics' related information and by navigation. */
export interface Location {
  readonly uri: string;
  readonly span: Span;
}

export interface RelatedInfo extends Location {
  readonly message: string;
}

/** Extra, machine-readable facts a quick fix needs (never shown as text). */
export interface DiagnosticData {
  /** Close matches for an unknown reference, best first. */
  suggestions?: string[];
  /** The id that was referenced or duplicated. */
  id?: string;
  /** Kinds of entity the field accepts. */
  expected?: EntityKind[];
  /** The ids of a dependency cycle, in order, first id repeated at the end. */
  cycle?: string[];
  /** Span of a whole `depends_on` item (for "remove this dependency"). */
  itemSpan?: Span;
  /** The missing key, for "add missing …" fixes. */
  missingKey?: string;
}

export interface Diagnostic {
  readonly uri: string;
  readonly span: Span;
  readonly severity: Severity;
  /** A stable, documented code: the registry (codes.ts) lists them; diagnostic.ts makes them. */
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly related?: RelatedInfo[];
  /** Render faded (LSP DiagnosticTag.Unnecessary). */
  readonly unnecessary?: boolean;
  readonly data?: DiagnosticData;
  /** Other diagnostics were withheld because of this one (root-cause.ts): it is listed first. */
  readonly rootCause?: boolean;
}

export type EntityKind =
  | 'program'
  | 'person'
  | 'team'
  | 'workstream'
  | 'task'
  | 'milestone'
  | 'risk'
  | 'budget-line'
  | 'stakeholder'
  | 'kpi'
  | 'change'
  | 'pool';

/** Days since 1970-01-01 (UTC). Scheduling works on whole days only. */
export type Day = number;

export interface DayRange {
  readonly from: Day;
  /** Inclusive. */
  readonly to: Day;
  readonly name?: string;
}

export interface Duration {
  readonly amount: number;
  readonly unit: 'd' | 'w';
  readonly span: Span;
}

export type DependencyType = 'FS' | 'SS' | 'FF';

/** A three-point estimate (program-format.md, "Estimates and schedule risk"). */
export interface Estimate {
  readonly optimistic: Duration;
  readonly likely: Duration;
  readonly pessimistic: Duration;
  /** The whole `{ optimistic, likely, pessimistic }` map. */
  readonly span: Span;
}

/** The root's `forecast:` section; absent keys take their defaults in the forecast. */
export interface ForecastSettings {
  readonly iterations?: number;
  readonly seed?: number;
  readonly distribution?: 'pert' | 'triangular';
}

/** One entity definition: a map under a list section (or `program:`). */
export interface Entity {
  readonly kind: EntityKind;
  readonly id: string;
  readonly uri: string;
  /** The whole definition (the YAML map). */
  readonly span: Span;
  /** The id's value token, without quotes. */
  readonly idSpan: Span;
  readonly name?: string;
  /** The enclosing workstream's id, for tasks. */
  readonly parentId?: string;
}

export type ReferenceField =
  | 'depends_on'
  | 'assignees'
  | 'owner'
  | 'team'
  | 'lead'
  | 'affects'
  | 'workstream'
  | 'requested_by'
  | 'raci'
  | 'needs';

/** One use of an id in a reference field. */
export interface Reference {
  readonly uri: string;
  /** The id token, without quotes. */
  readonly span: Span;
  readonly targetId: string;
  readonly field: ReferenceField;
  readonly expected: readonly EntityKind[];
  /** The entity whose field this is (undefined only for malformed input). */
  readonly from?: { readonly kind: EntityKind; readonly id: string };
  /** For depends_on: the whole list item, e.g. `{ id: a, type: SS }`. */
  readonly itemSpan?: Span;
}

export interface Dependency {
  readonly targetId: string;
  readonly type: DependencyType;
  readonly lag?: Duration;
  readonly uri: string;
  /** The id token. */
  readonly span: Span;
  /** The whole list item. */
  readonly itemSpan: Span;
  /** Span of the `type:` value when it was written. */
  readonly typeSpan?: Span;
}

export type TaskStatus = 'not-started' | 'in-progress' | 'blocked' | 'done' | 'cancelled';

export interface Task {
  readonly id: string;
  readonly entity: Entity;
  readonly workstreamId: string;
  readonly name?: string;
  readonly duration?: Duration;
  readonly effort?: Duration;
  /** Three-point estimate for the forecast. */
  readonly estimate?: Estimate;
  readonly dependsOn: readonly Dependency[];
  readonly assignees: readonly string[];
  readonly status?: TaskStatus;
  readonly progress?: number;
  /** Start no earlier than. */
  readonly start?: Day;
  readonly actualStart?: Day;
  readonly actualEnd?: Day;
  readonly deliverable?: string;
  readonly tags?: readonly string[];
  /** Units of each pool the task uses on each day it runs (pool id -> units), in file order. */
  readonly needs?: readonly PoolNeed[];
  /** 1..1000, default 500: higher goes first when resources are short (levelling). */
  readonly priority?: number;
  /** Planned cost (earned value); otherwise the workstream's budget lines are spread over its tasks. */
  readonly cost?: number;
  /** Spans of some keys' values, for diagnostics on them. */
  readonly spans: Readonly<Partial<Record<'duration' | 'effort' | 'progress' | 'status' | 'start' | 'actual_start' | 'actual_end' | 'assignees' | 'needs' | 'priority', Span>>>;
}

/** One `needs` entry: `pool: units`. */
export interface PoolNeed {
  readonly pool: string;
  readonly units: number;
  /** The pool id (the key token). */
  readonly span: Span;
  /** The units value. */
  readonly unitsSpan?: Span;
}

/** Anything counted in units: a lab, licences, unnamed engineers ("Resources and levelling"). */
export interface Pool {
  readonly id: string;
  readonly entity: Entity;
  readonly name?: string;
  /** Units available on each working day; 0 when missing or invalid (the schema check reports it). */
  readonly units: number;
}

/** `scheduling:` (root only). */
export interface SchedulingSpec {
  readonly levelling: boolean;
  readonly levellingSpan?: Span;
}

export interface Milestone {
  readonly id: string;
  readonly entity: Entity;
  readonly name?: string;
  readonly date?: Day;
  readonly dependsOn: readonly Dependency[];
  readonly owner?: string;
  readonly spans: Readonly<Partial<Record<'date' | 'depends_on', Span>>>;
}

export interface Workstream {
  readonly id: string;
  readonly entity: Entity;
  readonly name?: string;
  readonly owner?: string;
  readonly team?: string;
  readonly taskIds: readonly string[];
}

export interface Person {
  readonly id: string;
  readonly entity: Entity;
  readonly name?: string;
  readonly team?: string;
  /** Share of a full-time person, default 1. */
  readonly capacity: number;
  readonly leave: readonly DayRange[];
}

export type RiskStatus = 'open' | 'mitigating' | 'accepted' | 'occurred' | 'closed';

export interface Risk {
  readonly id: string;
  readonly entity: Entity;
  readonly title?: string;
  readonly description?: string;
  readonly probability?: number;
  readonly impact?: number;
  readonly owner?: string;
  readonly status?: RiskStatus;
  readonly mitigation?: string;
  readonly contingency?: string;
  readonly affects: readonly string[];
  readonly reviewBy?: Day;
  /** Working days added when the risk occurs in a forecast iteration: fixed or three-point. */
  readonly scheduleImpact?: Duration | Estimate;
  /** Chance of occurring in a forecast iteration, 0..1 (overrides the probability scale). */
  readonly chance?: number;
  readonly spans: Readonly<Partial<Record<'review_by' | 'probability' | 'impact' | 'schedule_impact' | 'chance', Span>>>;
}

export interface BudgetLine {
  readonly id: string;
  readonly entity: Entity;
  readonly name?: string;
  readonly category?: string;
  readonly planned?: number;
  readonly actual?: number;
  readonly workstream?: string;
  readonly spans: Readonly<Partial<Record<'actual', Span>>>;
}

export interface Kpi {
  readonly id: string;
  readonly entity: Entity;
  readonly name?: string;
  readonly unit?: string;
  readonly target?: number;
  readonly current?: number;
  readonly direction?: 'up' | 'down';
  readonly spans: Readonly<Partial<Record<'current', Span>>>;
}

export interface Stakeholder {
  readonly id: string;
  readonly entity: Entity;
  readonly name?: string;
  readonly role?: string;
  readonly influence?: 'low' | 'medium' | 'high';
  readonly interest?: 'low' | 'medium' | 'high';
  readonly raci: Readonly<Record<string, string>>;
}

export interface Change {
  readonly id: string;
  readonly entity: Entity;
  readonly title?: string;
  readonly status?: 'proposed' | 'approved' | 'rejected' | 'implemented';
  readonly requestedBy?: string;
  readonly scheduleImpact?: Duration;
  readonly costImpact?: number;
  readonly affects: readonly string[];
}

export interface ProgramInfo {
  readonly id: string;
  readonly entity: Entity;
  readonly name?: string;
  readonly start?: Day;
  readonly owner?: string;
  readonly statusDate?: Day;
  readonly description?: string;
  readonly objectives: readonly string[];
}

export interface CalendarSpec {
  /** Weekday numbers that are worked: 0 = Sunday … 6 = Saturday. */
  readonly workdays: readonly number[];
  readonly holidays: readonly DayRange[];
}
