// What people and pools do to the Gantt's bars, shared by the preview and the
// SVG export: the pauses inside a bar (its assignees' leave) and a levelling
// delay, with a link from the task that held the resource. Pure (view types
// and the Gantt layout only): the webview bundle imports it.
import type { Box, Scale } from './gantt-layout.js';
import { BAR_HEIGHT, toDay } from './gantt-layout.js';
import type { ViewDelay, ViewPause, ViewResources } from './resources-types.js';

export interface TaskMarks {
  readonly pauses: ViewPause[];
  readonly delay: ViewDelay | null;
}

/** Task id → its pauses and delay (only tasks that have either). */
export function taskMarks(res: ViewResources | undefined): Map<string, TaskMarks> {
  const out = new Map<string, TaskMarks>();
  if (!res) return out;
  const get = (id: string): { pauses: ViewPause[]; delay: ViewDelay | null } => {
    let m = out.get(id) as { pauses: ViewPause[]; delay: ViewDelay | null } | undefined;
    if (!m) { m = { pauses: [], delay: null }; out.set(id, m); }
    return m;
  };
  for (const p of Array.isArray(res.pauses) ? res.pauses : []) get(p.task).pauses.push(p);
  for (const d of Array.isArray(res.delays) ? res.delays : []) get(d.task).delay = d;
  return out;
}

/** The links from holding tasks to the tasks they delayed, as row pairs (both rows drawn). */
export function holdLinks(marks: ReadonlyMap<string, TaskMarks>, rowOf: (id: string) => number | undefined): { from: number; to: number; holder: string; task: string }[] {
  const out = [];
  for (const [id, m] of marks) {
    const to = rowOf(id);
    if (!m.delay || to === undefined) continue;
    for (const h of m.delay.heldBy) {
      const from = rowOf(h.task);
      if (from !== undefined) out.push({ from, to, holder: h.task, task: id });
    }
  }
  return out;
}

/** A pause as a segment of the bar: x from its first day to the end of its last. */
export function pauseBoxes(marks: TaskMarks | undefined, scale: Scale, box: Box): { x: number; width: number; y: number; height: number; pause: ViewPause }[] {
  if (!marks) return [];
  const out = [];
  for (const p of marks.pauses) {
    const from = toDay(p.from);
    const to = toDay(p.to);
    if (from === null || to === null) continue;
    const x1 = Math.max(box.x1, scale.x(from));
    const x2 = Math.min(box.x2, scale.x(to + 1));
    if (x2 > x1) out.push({ x: x1, width: x2 - x1, y: box.y - BAR_HEIGHT / 2, height: BAR_HEIGHT, pause: p });
  }
  return out;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "Paused 3 working days: bob on leave 2026-03-02..2026-03-04", as hover says it. */
export function pauseWords(p: ViewPause): string {
  return `Paused ${plural(p.days, 'working day')}: ${p.people.join(', ')} on leave ${p.from}..${p.to}`;
}

/** "Delayed 2 working days by levelling: al held by b". */
export function delayWords(d: ViewDelay): string {
  const holds = d.heldBy.map((h) => `${h.resource} held by ${h.task}`).join(', ');
  return `Delayed ${plural(d.days, 'working day')} by levelling${holds ? `: ${holds}` : ''}${d.moreHolds > 0 ? ` and ${d.moreHolds} more` : ''}`;
}

/**
 * What hovering a delay bracket says, about the delayed task (the bracket
 * belongs to it; a click on it goes to the holder): "Build (b) delayed 2
 * working days, held by Design (a)", then each resource and who held it.
 */
export function delayHoverWords(d: ViewDelay, nameOf: (id: string) => string): string[] {
  const holders = [...new Set(d.heldBy.map((h) => h.task))].map(nameOf);
  const more = d.moreHolds > 0 ? ` and ${d.moreHolds} more` : '';
  return [
    `${nameOf(d.task)} delayed ${plural(d.days, 'working day')}${holders.length ? `, held by ${holders.join(', ')}${more}` : ''}`,
    ...d.heldBy.map((h) => `Levelling: ${h.resource} held by ${nameOf(h.task)}`),
    ...(holders.length ? [`Click to go to ${holders[0] as string}`] : []),
  ];
}

/** The delay marker: a bracket before the bar's start, `days` working days wide at most, and its label. */
export function delayMarker(box: Box, scale: Scale, days: number): { path: string; labelX: number; labelY: number; label: string } {
  // Working days are not calendar days: the bracket shows the size roughly (7/5), never past the row's left edge.
  const w = Math.max(6, Math.min(box.x1, Math.round((days * 7 * scale.pxPerDay) / 5)));
  const y = box.y + BAR_HEIGHT / 2 - 1;
  return {
    path: `M${box.x1 - w},${y - 4}V${y}H${box.x1}`,
    labelX: box.x1 - w - 2,
    labelY: box.y + 4,
    label: `+${days}d`,
  };
}
