// The Gantt's baseline shadow bars: where each task and milestone was at the
// baseline revision, drawn as a thin bar (a hollow diamond for a milestone)
// under the current one. One geometry for the preview and the SVG export.
import type { Row, Scale } from './gantt-layout.js';
import { BAR_HEIGHT, toDay } from './gantt-layout.js';
import type { ViewBaseline, ViewModel } from './view-model.js';
import type { Schedule } from '../program/schedule.js';
import { formatDate } from '../program/dates.js';

export const SHADOW_HEIGHT = 5;

export interface Shadow {
  readonly id: string;
  readonly milestone: boolean;
  /** For a task: its extent; for a milestone: x1 = x2 = the diamond's centre. */
  readonly x1: number;
  readonly x2: number;
  /** Top of the shadow bar, or the diamond's centre. */
  readonly y: number;
  readonly start: string | null;
  readonly end: string | null;
}

/** The baseline's dates of the view model's tasks and milestones, from the baseline's schedule. */
export function viewBaseline(vm: ViewModel, revision: string, commit: string, schedule: Schedule): ViewBaseline {
  const items: ViewBaseline['items'] = [];
  const d = (x: number | null) => (x === null ? null : formatDate(x));
  for (const list of [vm.tasks, vm.milestones]) {
    for (const it of list) {
      const then = schedule.items.get(it.id);
      if (then && then.kind !== 'workstream') items.push({ id: it.id, start: d(then.start), end: d(then.end) });
    }
  }
  return { revision, commit, items };
}

export type BaselineIndex = ReadonlyMap<string, ViewBaseline['items'][number]>;

export function baselineIndex(vm: ViewModel): BaselineIndex | undefined {
  return vm.baseline ? new Map(vm.baseline.items.map((i) => [i.id, i])) : undefined;
}

/** The shadow of a row (y is the row's centre line), or null when the item has no baseline dates. */
export function shadowOf(index: BaselineIndex | undefined, row: Row, scale: Scale, y: number): Shadow | null {
  if (!index || (row.kind !== 'task' && row.kind !== 'milestone')) return null;
  const then = index.get(row.id);
  if (!then) return null;
  const s = toDay(then.start);
  const e = toDay(then.end);
  if (row.kind === 'milestone') {
    if (e === null) return null;
    const x = scale.x(e + 1);
    return { id: row.id, milestone: true, x1: x, x2: x, y, start: then.start, end: then.end };
  }
  if (s === null || e === null || e < s) return null;
  return { id: row.id, milestone: false, x1: scale.x(s), x2: scale.x(e + 1), y: y + BAR_HEIGHT / 2 - 2, start: then.start, end: then.end };
}

export function shadowDiamond(x: number, y: number, r = 6): string {
  return `M${x},${y - r}L${x + r},${y}L${x},${y + r}L${x - r},${y}Z`;
}
