// SVG pieces of the Gantt: one function per kind of mark. Classes carry the
// meaning (status, critical, kind) so the CSS colours them from the theme and
// tests can find them.
import type { Box, Row, Scale, Tick } from '../../../server/src/view/gantt-layout.js';
import { BAR_HEIGHT, HEADER_HEIGHT, ROW_HEIGHT, cancelMarkPath, toDay, weekday } from '../../../server/src/view/gantt-layout.js';
import { s } from '../dom.js';
import { delayMarker, pauseBoxes } from '../../../server/src/view/gantt-marks.js';
import type { TaskMarks } from '../../../server/src/view/gantt-marks.js';

export function drawBar(row: Row, box: Box, scale: Scale, marks?: TaskMarks): SVGGElement {
  const top = box.y - BAR_HEIGHT / 2;
  if (row.kind === 'task') {
    const t = row.task;
    const g = s('g', { class: `bar task status-${t.status}${t.critical ? ' critical' : ''}`, 'data-id': t.id, 'data-start': t.start, 'data-end': t.end });
    if (t.status === 'cancelled') {
      // It takes no time (its end is the day before its start): a cross where it would have started, not a bar.
      g.append(
        s('rect', { class: 'hit', x: box.x1 - 6, y: top, width: 70, height: BAR_HEIGHT }),
        s('path', { class: 'cancel-mark', d: cancelMarkPath(box.x1, box.y) }),
        s('text', { class: 'cancel-label', x: box.x1 + 8, y: box.y + 4 }, 'cancelled'),
      );
      return g;
    }
    const w = Math.max(box.x2 - box.x1, 2);
    g.append(
      s('rect', { class: 'bar-bg', x: box.x1, y: top, width: w, height: BAR_HEIGHT, rx: 3 }),
      s('rect', { class: 'bar-progress', x: box.x1, y: top, width: (w * t.progress) / 100, height: BAR_HEIGHT, rx: 3 }),
    );
    drawMarks(g, marks, box, scale);
    return g;
  }
  if (row.kind === 'milestone') return drawMilestone(row, box, scale);
  const g = s('g', { class: `bar summary${row.critical ? ' critical' : ''}`, 'data-id': row.ws?.id ?? row.id });
  const y = box.y - 3;
  g.append(s('path', { class: 'summary-bar', d: `M${box.x1},${y + 9}V${y}H${box.x2}V${y + 9}L${box.x2 - 4},${y + 5}H${box.x1 + 4}Z` }));
  return g;
}

/** Leave pauses inside the bar (hatched), and a levelling delay's bracket before it (a click reveals the holder). */
function drawMarks(g: SVGGElement, marks: TaskMarks | undefined, box: Box, scale: Scale): void {
  if (!marks) return;
  for (const p of pauseBoxes(marks, scale, box)) {
    g.append(s('rect', { class: 'pause', x: p.x, y: p.y, width: p.width, height: p.height, 'data-from': p.pause.from, 'data-to': p.pause.to }));
  }
  const d = marks.delay;
  if (!d) return;
  const m = delayMarker(box, scale, d.days);
  g.append(s('g', { class: 'delay-marker', 'data-id': d.heldBy[0]?.task ?? null, 'data-days': d.days },
    s('path', { class: 'delay-bracket', d: m.path }),
    s('text', { class: 'delay-label', x: m.labelX, y: m.labelY, 'text-anchor': 'end' }, m.label)));
}

function diamond(x: number, y: number, r: number): string {
  return `M${x},${y - r}L${x + r},${y}L${x},${y + r}L${x - r},${y}Z`;
}

function drawMilestone(row: Extract<Row, { kind: 'milestone' }>, box: Box, scale: Scale): SVGGElement {
  const m = row.milestone;
  const x = (box.x1 + box.x2) / 2;
  const g = s('g', { class: `bar milestone status-${m.status}${m.critical ? ' critical' : ''}`, 'data-id': m.id, 'data-date': m.date });
  const target = toDay(m.target);
  if (target !== null) {
    const tx = scale.x(target + 1);
    if (m.slip !== null && m.slip > 0) {
      g.append(s('line', { class: 'slip-line', x1: tx, y1: box.y, x2: x, y2: box.y }));
      g.append(s('text', { class: 'slip-label', x: x + 10, y: box.y + 4 }, `+${m.slip}d`));
    }
    g.append(s('path', { class: 'target-marker', d: diamond(tx, box.y, 5), 'data-target': m.target }));
  }
  g.append(s('path', { class: 'diamond', d: diamond(x, box.y, 7) }));
  return g;
}

/** The link from a task that held a resource to the task it delayed (dashed, as finish-to-start). */
export function drawHold(d: string, holder: string, task: string): SVGPathElement {
  return s('path', { class: 'hold-link', d, 'marker-end': 'url(#pac-arrow-hold)', 'data-from': holder, 'data-to': task });
}

export function drawArrow(d: string, type: string, critical: boolean, from: string, to: string): SVGPathElement {
  return s('path', { class: `dep dep-${type.toLowerCase()}${critical ? ' critical' : ''}`, d, 'marker-end': critical ? 'url(#pac-arrow-crit)' : 'url(#pac-arrow)', 'data-from': from, 'data-to': to });
}

/** Markers and the repeating weekend pattern, aligned so x = 0 is the scale's origin. */
export function drawDefs(scale: Scale, offDays: readonly number[]): SVGDefsElement {
  const defs = s('defs');
  for (const [id, cls] of [['pac-arrow', 'arrow-head'], ['pac-arrow-crit', 'arrow-head critical'], ['pac-arrow-hold', 'arrow-head hold']] as const) {
    const marker = s('marker', { id, viewBox: '0 0 8 8', refX: 7, refY: 4, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' });
    marker.append(s('path', { class: cls, d: 'M0,0L8,4L0,8Z' }));
    defs.append(marker);
  }
  const pattern = s('pattern', { id: 'pac-weekend', patternUnits: 'userSpaceOnUse', x: 0, y: 0, width: 7 * scale.pxPerDay, height: ROW_HEIGHT });
  const first = weekday(scale.origin);
  for (const wd of offDays) {
    const offset = (wd - first + 7) % 7;
    pattern.append(s('rect', { class: 'nonworking', x: offset * scale.pxPerDay, y: 0, width: scale.pxPerDay, height: ROW_HEIGHT }));
  }
  defs.append(pattern);
  // Leave inside a bar: diagonal hatching over the page's background (a gap that says why).
  const pause = s('pattern', { id: 'pac-pause', patternUnits: 'userSpaceOnUse', width: 5, height: 5, patternTransform: 'rotate(45)' });
  pause.append(s('rect', { class: 'pause-bg', x: 0, y: 0, width: 5, height: 5 }), s('line', { class: 'pause-hatch', x1: 1, y1: 0, x2: 1, y2: 5 }));
  defs.append(pause);
  return defs;
}

export function drawHeader(ticks: { upper: Tick[]; lower: Tick[] }, scale: Scale, statusDay: number | null): SVGGElement {
  const g = s('g', { class: 'timescale' });
  const half = HEADER_HEIGHT / 2;
  for (const [tier, y] of [[ticks.upper, 0], [ticks.lower, half]] as const) {
    for (const t of tier) {
      const x = scale.x(t.day);
      const w = scale.x(t.endDay) - x;
      g.append(s('line', { class: 'tick', x1: x, y1: y, x2: x, y2: y + half }));
      if (w >= t.label.length * 6.5 + 6) g.append(s('text', { class: 'tick-label', x: x + 3, y: y + half - 6 }, t.label));
    }
  }
  g.append(s('line', { class: 'tick', x1: 0, y1: half, x2: scale.width, y2: half }));
  if (statusDay !== null) {
    const x = scale.x(statusDay);
    g.append(s('path', { class: 'status-marker', d: `M${x - 5},${HEADER_HEIGHT - 6}L${x + 5},${HEADER_HEIGHT - 6}L${x},${HEADER_HEIGHT}Z` }));
  }
  return g;
}
