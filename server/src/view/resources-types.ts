// The view model's `resources` part: what people and pools do to the plan.
// - The Resources tab's grid: per person and pool, per ISO week, the demand
//   against what is available, and the tasks behind it.
// - The Gantt's marks: leave pauses inside bars, levelling delays and the
//   tasks that held them.
// Plain JSON data (no imports): the webview, the exported page and the
// writers read it as it is. Weekly figures are columns (one array per field,
// one entry per week) so 200 people over two years is a few compact arrays,
// not 20,000 objects.

/** The source of a definition: 0-based lines, UTF-16 characters (as the view model's SourceLocation). */
export interface ResourceLocation {
  readonly uri: string;
  readonly line: number;
  readonly character: number;
  readonly endLine: number;
  readonly endCharacter: number;
}

/**
 * How a week reads (the `over-allocation` warning's rules):
 * 0 idle (nothing asked), 1 within what is available, 2 a person on more than
 * one task on some day while the week fits, 3 over-allocated.
 */
export type ViewLoadState = 0 | 1 | 2 | 3;
export const LOAD_IDLE = 0;
export const LOAD_OK = 1;
export const LOAD_DAY_CLASH = 2;
export const LOAD_OVER = 3;

export interface ViewLoadRow {
  readonly id: string;
  readonly kind: 'person' | 'pool';
  readonly name: string | null;
  /** Per working day: a person's capacity share (1 = full time), a pool's units. */
  readonly capacity: number;
  /** Where the person or pool is defined. */
  readonly location: ResourceLocation | null;
  /** Per week (same order as ViewResources.weeks): person-days or unit-days asked. */
  readonly demand: number[];
  /** Per week: person-days or unit-days available (working days minus holidays and leave, times capacity or units). */
  readonly available: number[];
  /** Per week: the most used on one day (tasks for a person, units for a pool). */
  readonly peak: number[];
  /** Per week: working days on leave (people; 0 for pools). */
  readonly leave: number[];
  /** Per week: a ViewLoadState. */
  readonly state: ViewLoadState[];
  /**
   * The tasks behind the demand, as runs of consecutive weeks: flat triples
   * [task, first week, last week] (task: an index into ViewResources.taskIds;
   * weeks: indexes into ViewResources.weeks), by task in file order. A run
   * per stretch a task works (a whole week of leave splits it); far smaller
   * than a list per week (a task spans a few weeks).
   */
  readonly tasks: number[];
  /** Weeks with state 3 (over-allocated). */
  readonly overWeeks: number;
}

/** A run of working days inside a task on which it does not work: its assignees' leave. */
export interface ViewPause {
  readonly task: string;
  /** First and last day of the pause, `YYYY-MM-DD`. */
  readonly from: string;
  readonly to: string;
  /** Program working days in the pause. */
  readonly days: number;
  /** The assignees on leave then (ids). */
  readonly people: string[];
}

/** A task the leveller started later than its dependencies allow. */
export interface ViewDelay {
  readonly task: string;
  /** Working days of delay. */
  readonly days: number;
  /** The resources, and the tasks that held them: the first few (a pool can be held by dozens). */
  readonly heldBy: { readonly resource: string; readonly task: string }[];
  /** How many more holds there are beyond `heldBy`. */
  readonly moreHolds: number;
}

export interface ViewResources {
  /** The Mondays from the first week with work for a person or pool to the last, `YYYY-MM-DD`. */
  readonly weeks: string[];
  /** Per week: program working days (holidays removed). */
  readonly workingDays: number[];
  /** Per week: weekdays that would be worked but are holidays. */
  readonly holidays: number[];
  /** People first, then pools, in file order. */
  readonly rows: ViewLoadRow[];
  /** The tasks the rows refer to (by index). */
  readonly taskIds: string[];
  /** Whether the schedule is levelled (`scheduling.levelling` or `--level`). */
  readonly levelled: boolean;
  readonly pauses: ViewPause[];
  readonly delays: ViewDelay[];
}
