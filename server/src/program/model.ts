// The resolved program: the root merged with its fragments, one id index, and
// typed lists of entities that the scheduler and the analyses read.
import type {
  BudgetLine, CalendarSpec, Pool, SchedulingSpec, Change, Diagnostic, Entity, ForecastSettings, Kpi, Milestone, Person, ProgramInfo,
  Reference, Risk, Span, Stakeholder, Task, Workstream,
} from './types.js';
import type { ParsedFile } from './parse.js';

export interface Team {
  readonly id: string;
  readonly entity: Entity;
  readonly name?: string;
  readonly lead?: string;
}

/** One `include:` entry and what it expanded to. */
export interface IncludeEntry {
  readonly uri: string;
  readonly span: Span;
  readonly pattern: string;
  readonly targets: readonly string[];
}

export interface ProgramModel {
  /** The root file's uri, or the lone fragment's when no root includes it. */
  readonly rootUri: string;
  /** Root first, then fragments in include order. */
  readonly files: readonly ParsedFile[];
  readonly includes: readonly IncludeEntry[];
  readonly program?: ProgramInfo;
  readonly calendar: CalendarSpec;
  /** Every entity in file order; ids may repeat (duplicates are diagnosed). */
  readonly entities: readonly Entity[];
  /**
   * The definition a bare id resolves to: when kinds share an id (a team and a
   * workstream both called `web`), tasks, milestones and workstreams win, so
   * `depends_on`/`affects` lookups are right. Use findDefinition for a field
   * that takes other kinds.
   */
  readonly byId: ReadonlyMap<string, Entity>;
  /** Every definition of each id, in file order. */
  readonly definitions: ReadonlyMap<string, readonly Entity[]>;
  readonly references: readonly Reference[];
  readonly people: readonly Person[];
  readonly teams: readonly Team[];
  readonly workstreams: readonly Workstream[];
  readonly tasks: readonly Task[];
  readonly milestones: readonly Milestone[];
  readonly risks: readonly Risk[];
  readonly budgetLines: readonly BudgetLine[];
  readonly budgetCurrency?: string;
  readonly stakeholders: readonly Stakeholder[];
  readonly kpis: readonly Kpi[];
  readonly changes: readonly Change[];
  /** Pools from the root and its fragments (may be absent in hand-built models). */
  readonly pools?: readonly Pool[];
  /** `scheduling:` from the root. */
  readonly scheduling?: SchedulingSpec;
  /** The root's `forecast:` settings, when it has them. */
  readonly forecast?: ForecastSettings;
  /** Diagnostics from parsing, the schema, includes, ids and references. */
  readonly diagnostics: readonly Diagnostic[];
}
