// One tooltip element for the whole chart, filled with text nodes on hover.
import type { Row } from '../../../server/src/view/gantt-layout.js';
import { clear, h } from '../dom.js';
import { delayWords, pauseWords } from '../../../server/src/view/gantt-marks.js';
import type { TaskMarks } from '../../../server/src/view/gantt-marks.js';

/** Why the task ends when it does: its leave pauses (the first few) and its levelling delay. */
function marksWords(m: TaskMarks): string[] {
  const shown = m.pauses.slice(0, 3).map(pauseWords);
  if (m.pauses.length > 3) shown.push(`and ${m.pauses.length - 3} more pauses`);
  return [...shown, ...(m.delay ? [delayWords(m.delay)] : [])];
}

export class Tooltip {
  readonly el = h('div', { class: 'tooltip', role: 'tooltip', hidden: true });

  show(row: Row, clientX: number, clientY: number, ownerOf: OwnerOf = () => null, marks?: TaskMarks): void {
    this.showLines([...describe(row, ownerOf), ...(marks ? marksWords(marks) : [])], clientX, clientY);
  }

  /** A title line and the lines under it, near the pointer. */
  showLines(lines: readonly string[], clientX: number, clientY: number): void {
    clear(this.el);
    for (const [i, line] of lines.entries()) this.el.append(h('div', { class: i === 0 ? 'tooltip-title' : 'tooltip-line' }, line));
    this.el.hidden = false;
    // Keep it inside the panel: flip to the left/top near the edges.
    const w = this.el.offsetWidth;
    const hgt = this.el.offsetHeight;
    const x = clientX + 14 + w > window.innerWidth ? clientX - w - 8 : clientX + 14;
    const y = clientY + 14 + hgt > window.innerHeight ? clientY - hgt - 8 : clientY + 14;
    this.el.style.left = `${Math.max(0, x)}px`;
    this.el.style.top = `${Math.max(0, y)}px`;
  }

  hide(): void {
    this.el.hidden = true;
  }
}

function days(n: number | null): string {
  return n === null ? '—' : `${n} working day${n === 1 ? '' : 's'}`;
}

/** A workstream's owner as a person's name (their id only when they have no name). */
export type OwnerOf = (workstreamId: string) => string | null;

export function describe(row: Row, ownerOf: OwnerOf = () => null): string[] {
  if (row.kind === 'task') {
    const t = row.task;
    const owner = (t.workstreamId ? ownerOf(t.workstreamId) : null) ?? t.owner;
    if (t.status === 'cancelled') {
      return [`${t.name ?? t.id} (${t.id})`, 'Cancelled: takes no time', ...(t.assignees.length ? [`Assignees: ${t.assignees.join(', ')}`] : [])];
    }
    return [
      `${t.name ?? t.id} (${t.id})`,
      `${t.start ?? '?'} → ${t.end ?? '?'} · ${days(t.durationDays)}`,
      `Float: ${days(t.totalFloat)}${t.critical ? ' · critical' : ''}`,
      `Status: ${t.status} · ${t.progress}% done`,
      ...(owner ? [`Owner: ${owner}`] : []),
      ...(t.assignees.length ? [`Assignees: ${t.assignees.join(', ')}`] : []),
    ];
  }
  if (row.kind === 'milestone') {
    const m = row.milestone;
    return [
      `◆ ${m.name ?? m.id} (${m.id})`,
      `Forecast: ${m.date ?? m.state}${m.target ? ` · target ${m.target}` : ''}`,
      `State: ${m.state}`,
      `Float: ${days(m.totalFloat)}${m.critical ? ' · critical' : ''}`,
      ...(m.ownerName || m.owner ? [`Owner: ${m.ownerName ?? m.owner}`] : []),
    ];
  }
  const ws = row.ws;
  return [
    `${row.label}${ws ? ` (${ws.id})` : ''}`,
    ...(ws ? [`${ws.start ?? '?'} → ${ws.end ?? '?'}`] : []),
    `${row.count} item${row.count === 1 ? '' : 's'}`,
    ...(ws?.ownerName || ws?.owner ? [`Owner: ${ws.ownerName ?? ws.owner}`] : []),
  ];
}
