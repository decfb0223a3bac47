// The critical path and driving chains, read off the drivers the forward pass
// recorded: each item's driver names the predecessor that set its date, so a
// chain is a walk back along drivers. Through a workstream the walk goes on to
// the task that set the date used: its first-starting task for SS, its
// last-ending task otherwise.
import type { ItemSchedule, Schedule } from './schedule.js';

/** The item whose date set `item`'s (a workstream is returned as itself). */
function driverOf(schedule: Schedule, item: ItemSchedule): ItemSchedule | undefined {
  return item.driver.kind === 'dependency' ? schedule.items.get(item.driver.from) : undefined;
}

/** Inside a workstream, the task that set the date a successor used. */
function throughWorkstream(schedule: Schedule, ws: ItemSchedule, type: string): ItemSchedule | undefined {
  const id = type === 'SS' ? ws.firstTask : ws.lastTask;
  return id === undefined ? undefined : schedule.items.get(id);
}

/** One step back along the driving chain, skipping over a workstream to its task. */
function stepBack(schedule: Schedule, item: ItemSchedule): ItemSchedule | undefined {
  const prev = driverOf(schedule, item);
  if (!prev || prev.kind !== 'workstream') return prev;
  return throughWorkstream(schedule, prev, item.driver.kind === 'dependency' ? item.driver.type : 'FS');
}

/**
 * The chain of items that drives `id`'s date, from the first item (one set by
 * the program start, a start constraint, actuals or a fixed date) to `id`
 * itself, workstreams included where the chain passes through one. With
 * `maxLength`, only the last `maxLength` items (the ones nearest to `id`).
 */
export function drivingChain(schedule: Schedule, id: string, maxLength = Infinity): ItemSchedule[] {
  const chain: ItemSchedule[] = [];
  const seen = new Set<string>();
  let cur = schedule.items.get(id);
  while (cur && !seen.has(cur.id) && chain.length < maxLength) {
    seen.add(cur.id);
    chain.push(cur);
    const prev = driverOf(schedule, cur);
    if (prev && prev.kind === 'workstream' && !seen.has(prev.id) && chain.length < maxLength) {
      seen.add(prev.id);
      chain.push(prev);
    }
    cur = stepBack(schedule, cur);
  }
  return chain.reverse();
}

/**
 * Critical tasks and milestones from start to finish. The end of the path is
 * the first critical item (file order) on the program finish that has no
 * successors (`isSink`), else one that drives no other such item (so a
 * closing milestone wins over the tasks that feed it); from there the path
 * follows critical drivers back. Workstreams are passed through, not listed.
 * `candidates` (critical items on the finish, in file order) saves a scan.
 */
export function findCriticalPath(
  schedule: Schedule, isSink: (id: string) => boolean = () => true, candidates?: readonly ItemSchedule[],
): string[] {
  if (schedule.finish === null) return [];
  let ends: readonly ItemSchedule[] = candidates ?? [];
  if (!candidates) {
    const found: ItemSchedule[] = [];
    for (const id of schedule.order) {
      const it = schedule.items.get(id);
      if (it && it.critical && it.end === schedule.finish) found.push(it);
    }
    ends = found;
  }
  let end = ends.find((it) => isSink(it.id));
  if (!end) {
    // Mark everything that drives a candidate; each item is walked at most once.
    const driving = new Set<string>();
    for (const it of ends) {
      for (let cur = stepBack(schedule, it); cur && !driving.has(cur.id); cur = stepBack(schedule, cur)) driving.add(cur.id);
    }
    end = ends.find((it) => !driving.has(it.id)) ?? ends[0];
  }
  const path: string[] = [];
  const seen = new Set<string>();
  for (let cur: ItemSchedule | undefined = end; cur && cur.critical && !seen.has(cur.id); cur = stepBack(schedule, cur)) {
    seen.add(cur.id);
    path.push(cur.id);
  }
  return path.reverse();
}
