// Reading ViewLoadRow.tasks (runs of weeks per task) without the core: the
// webview and the writers use it to list the tasks behind a week.
import type { ViewLoadRow } from './resources-types.js';

/** The tasks of a row in week `w` (indexes into ViewResources.taskIds), in file order. */
export function tasksInWeek(row: Pick<ViewLoadRow, 'tasks'>, w: number): number[] {
  const out: number[] = [];
  for (let i = 0; i + 2 < row.tasks.length; i += 3) {
    if ((row.tasks[i + 1] as number) <= w && w <= (row.tasks[i + 2] as number)) out.push(row.tasks[i] as number);
  }
  return out;
}
