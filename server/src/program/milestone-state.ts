// The one vocabulary for a milestone's state, used by every face: the CLI's
// schedule table, hover, code lens, inlay hints, the outline, the status bar,
// the preview's Milestones tab and Gantt tooltip, and the exports.
//
// - `on time`: the forecast meets the target `date`;
// - `slipping N working days`: the forecast is N working days after it;
// - `fixed`: the milestone has only a `date` (no `depends_on`), so it cannot slip;
// - `no target`: it has `depends_on` but no `date`: a forecast, nothing to meet;
// - `no forecast`: it is in or behind a dependency cycle, so it has no date.
// Each is a fact of the schedule a user can check by hand. The preview's
// former "at risk" (within 2 days of the target, or under a high risk) is not
// a state: it was a heuristic no other face could show or explain; the margin
// is in the float, and the risks are in hover and the Risks tab.
//
// This module imports nothing, so the client and the webview may use it too.

export type MilestoneState = 'on-time' | 'slipping' | 'fixed' | 'no-target' | 'no-forecast';

/** The schedule facts a state is read from (an ItemSchedule fits). */
export interface MilestoneFacts {
  readonly end: number | null;
  readonly target: number | null;
  readonly slip: number | null;
  readonly driver?: { readonly kind: string };
}

export function milestoneState(m: MilestoneFacts): MilestoneState {
  if (m.end === null) return 'no-forecast';
  if (m.target !== null) return (m.slip ?? 0) > 0 ? 'slipping' : 'on-time';
  return m.driver?.kind === 'fixed-date' ? 'fixed' : 'no-target';
}

/** `on time`, `slipping 3 working days`, `fixed`, `no target`, `no forecast`. */
export function milestoneStateWords(state: MilestoneState, slip: number | null): string {
  switch (state) {
    case 'slipping': return `slipping ${slip ?? 0} working day${slip === 1 ? '' : 's'}`;
    case 'on-time': return 'on time';
    case 'fixed': return 'fixed';
    case 'no-target': return 'no target';
    default: return 'no forecast';
  }
}

/** The words for a milestone's schedule facts. */
export function milestoneStateOf(m: MilestoneFacts): string {
  return milestoneStateWords(milestoneState(m), m.slip);
}

/** The status bar's count: `2 slipping`. */
export function slippingCount(n: number): string {
  return `${n} slipping`;
}
