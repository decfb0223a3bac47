// The whole Gantt as one static SVG string (every row, no virtualisation), for
// the CLI's `export --format svg`, the preview's "Export SVG" and PNG. It uses
// the same layout as the preview, with fixed light colours so the file looks
// the same wherever it is opened. All user text is XML-escaped.
import type { ViewModel } from './view-model.js';
import type { Box, Row, Scale, Zoom } from './gantt-layout.js';
import {
  BAR_HEIGHT, HEADER_HEIGHT, LABEL_WIDTH, ROW_HEIGHT, arrowPath, buildRows, cancelMarkPath, formatDay, holidayRanges, makeScale, offWeekdays, rowBox, timeTicks, toDay, weekday,
} from './gantt-layout.js';
import { escapeXml as x } from './xml.js';
import { SHADOW_HEIGHT, baselineIndex, shadowDiamond, shadowOf } from './baseline-bars.js';
import { taskMarks } from './gantt-marks.js';
import { MARKS_DEFS, MARKS_STYLE, holdsSvg, marksSvg } from './gantt-marks-svg.js';

const STYLE = `
text{font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;font-size:11px;fill:#1f2328}
.bg{fill:#ffffff}.group-row{fill:#f0f2f5}.group-name{font-weight:600}.tick{stroke:#d0d7de;stroke-width:1}
.tick-label{fill:#57606a}.nonworking{fill:#f6f8fa}.holiday{fill:#fff1e5}.status-line{stroke:#0969da;stroke-width:1.5;stroke-dasharray:4 3}
.bar-bg{fill:#b6c8e8}.bar-progress{fill:#3b6fd1}.status-done .bar-bg{fill:#9fd3ae}.status-done .bar-progress{fill:#2da44e}
.status-blocked .bar-bg{fill:#f2b8b5}.status-blocked .bar-progress{fill:#cf222e}.status-cancelled .bar-bg{fill:#d0d7de}.status-cancelled .bar-progress{fill:#8c959f}
.critical .bar-bg{stroke:#cf222e;stroke-width:1.5}.summary-bar{fill:#57606a}.critical .summary-bar{fill:#cf222e}
.diamond{fill:#8250df}.milestone.critical .diamond{fill:#cf222e}.milestone.status-slipping .diamond{fill:#cf222e}
.target-marker{fill:none;stroke:#57606a;stroke-width:1.2}.slip-line{stroke:#cf222e;stroke-width:1.5;stroke-dasharray:3 2}.slip-label{fill:#cf222e;font-weight:600}
.dep{fill:none;stroke:#8c959f;stroke-width:1.2}.dep.critical{stroke:#cf222e;stroke-width:1.6}.arrow-head{fill:#8c959f}.arrow-head.critical{fill:#cf222e}
.label-name.critical{fill:#cf222e}.cut-note{fill:#cf222e;font-weight:600}.cancel-mark{stroke:#8c959f;stroke-width:2;fill:none}.cancel-label{fill:#8c959f;font-style:italic}
.label-name.cancelled{fill:#8c959f;text-decoration:line-through}
.baseline-shadow{fill:#8c959f;fill-opacity:.55}.milestone-shadow{fill:none;stroke:#57606a;stroke-width:1.2;stroke-dasharray:2 1.5}`;

/**
 * The widest timeline an SVG draws, in pixels: 1,333 days at day zoom, 4,000
 * (about 11 years) at week zoom, 12,800 at month zoom and 35,555 (about 97
 * years) at quarter zoom. A program spanning the years 0000-9999 otherwise
 * made a 170 MB file; past the limit the chart shows this window from the
 * program's start and says what it leaves out (issue 11, M10).
 */
export const MAX_SVG_TIMELINE_PX = 32_000;

/** The scale an SVG draws at `zoom`, and what it leaves out when the program is longer than the limit. */
export function svgScale(vm: ViewModel, zoom: Zoom): { scale: Scale; note?: string } {
  const full = makeScale(vm, zoom);
  const maxDays = Math.floor(MAX_SVG_TIMELINE_PX / full.pxPerDay);
  if (full.end - full.origin <= maxDays) return { scale: full };
  const start = toDay(vm.program.start);
  let origin = start === null ? full.origin : Math.max(full.origin, start - 7);
  origin -= (weekday(origin) + 6) % 7; // back to Monday, as makeScale does
  const end = origin + maxDays;
  const px = full.pxPerDay;
  const scale: Scale = {
    origin, end, pxPerDay: px, width: Math.ceil(maxDays * px),
    x: (day) => (day - origin) * px,
    dayAt: (xp) => Math.floor(xp / px) + origin,
  };
  const outside = (from: string | null, to: string | null) => {
    const a = toDay(from);
    const b = toDay(to) ?? a;
    return a !== null && b !== null && (a < origin || b >= end);
  };
  const left = vm.tasks.filter((t) => outside(t.start, t.end)).length + vm.milestones.filter((m) => outside(m.date, m.date)).length;
  const note = `Only ${formatDay(origin)} to ${formatDay(end - 1)} is drawn (at most ${MAX_SVG_TIMELINE_PX.toLocaleString('en-US')} px at ${zoom} zoom); ${left} item${left === 1 ? '' : 's'} fall${left === 1 ? 's' : ''} partly or wholly outside it.`;
  return { scale, note };
}

export interface GanttSvgOptions {
  zoom?: Zoom;
}

export function ganttSvg(vm: ViewModel, options: GanttSvgOptions = {}): string {
  const zoom = options.zoom ?? 'week';
  const { rows, index } = buildRows(vm, new Set(), false);
  const { scale, note } = svgScale(vm, zoom);
  const noteHeight = note ? ROW_HEIGHT : 0;
  const bodyHeight = rows.length * ROW_HEIGHT;
  const width = LABEL_WIDTH + scale.width;
  const height = HEADER_HEIGHT + bodyHeight + noteHeight;
  const out: string[] = [];
  const title = vm.program.name ?? vm.program.id ?? 'Program';
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${x(`Gantt chart: ${title}`)}">`);
  out.push(`<title>${x(`Gantt chart: ${title}`)}</title>${note ? `<desc>${x(note)}</desc>` : ''}<style>${STYLE}${MARKS_STYLE}</style>`);
  out.push('<defs><marker id="a" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path class="arrow-head" d="M0,0L8,4L0,8Z"/></marker>');
  out.push('<marker id="ac" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path class="arrow-head critical" d="M0,0L8,4L0,8Z"/></marker>');
  // Nothing is drawn outside the timeline (bars of items beyond a cut window).
  out.push(`<clipPath id="timeline"><rect x="0" y="0" width="${scale.width}" height="${bodyHeight}"/></clipPath>`);
  // Non-working weekdays as one repeating pattern, whatever the span: one
  // element instead of one per day (a week is 7 days wide in user space).
  const off = zoom === 'day' || zoom === 'week' ? offWeekdays(vm) : [];
  if (off.length > 0) {
    const cells = off.map((wd) => `<rect class="nonworking" x="${((wd - weekday(scale.origin) + 7) % 7) * scale.pxPerDay}" y="0" width="${scale.pxPerDay}" height="${Math.max(bodyHeight, 1)}"/>`).join('');
    out.push(`<pattern id="nonworking" patternUnits="userSpaceOnUse" x="0" y="0" width="${7 * scale.pxPerDay}" height="${Math.max(bodyHeight, 1)}">${cells}</pattern>`);
  }
  out.push(`${MARKS_DEFS}</defs>`);
  out.push(`<rect class="bg" width="${width}" height="${height}"/>`);

  // Time scale.
  out.push(`<g transform="translate(${LABEL_WIDTH},0)">`);
  const ticks = timeTicks(scale, zoom);
  const half = HEADER_HEIGHT / 2;
  for (const [tier, y] of [[ticks.upper, 0], [ticks.lower, half]] as const) {
    for (const t of tier) {
      const tx = scale.x(t.day);
      out.push(`<line class="tick" x1="${tx}" y1="${y}" x2="${tx}" y2="${y + half}"/>`);
      if (scale.x(t.endDay) - tx >= t.label.length * 6.5 + 6) out.push(`<text class="tick-label" x="${tx + 3}" y="${y + half - 6}">${x(t.label)}</text>`);
    }
  }
  out.push(`<line class="tick" x1="0" y1="${HEADER_HEIGHT}" x2="${scale.width}" y2="${HEADER_HEIGHT}"/></g>`);

  // Body: shading, rows, arrows, bars.
  out.push(`<g transform="translate(${LABEL_WIDTH},${HEADER_HEIGHT})" clip-path="url(#timeline)">`);
  if (off.length > 0) out.push(`<rect fill="url(#nonworking)" x="0" y="0" width="${scale.width}" height="${bodyHeight}"/>`);
  for (const hol of holidayRanges(vm)) {
    if (hol.to < scale.origin || hol.from >= scale.end) continue;
    out.push(`<rect class="holiday" x="${scale.x(hol.from)}" y="0" width="${scale.x(hol.to + 1) - scale.x(hol.from)}" height="${bodyHeight}"><title>${x(hol.name ?? 'Holiday')}</title></rect>`);
  }
  rows.forEach((row, i) => {
    if (row.kind === 'group') out.push(`<rect class="group-row" x="0" y="${i * ROW_HEIGHT}" width="${scale.width}" height="${ROW_HEIGHT}"/>`);
  });
  const statusDay = toDay(vm.program.statusDate);
  if (statusDay !== null) out.push(`<line class="status-line" x1="${scale.x(statusDay)}" y1="0" x2="${scale.x(statusDay)}" y2="${bodyHeight}"/>`);
  const boxes = rows.map((r, i) => rowBox(r, scale, i));
  for (const d of vm.dependencies) {
    const a = index.get(d.from);
    const b = index.get(d.to);
    const ba = a === undefined ? null : boxes[a];
    const bb = b === undefined ? null : boxes[b];
    if (!ba || !bb) continue;
    out.push(`<path class="dep${d.critical ? ' critical' : ''}" d="${arrowPath(d.type, ba, bb)}" marker-end="url(#${d.critical ? 'ac' : 'a'})"/>`);
  }
  // The baseline's shadows first, so the current bars lie over them.
  const shadows = baselineIndex(vm);
  if (shadows) {
    rows.forEach((row, i) => {
      const sh = shadowOf(shadows, row, scale, i * ROW_HEIGHT + ROW_HEIGHT / 2);
      if (!sh) return;
      out.push(sh.milestone
        ? `<path class="baseline-shadow milestone-shadow" d="${shadowDiamond(sh.x1, sh.y)}"/>`
        : `<rect class="baseline-shadow" x="${sh.x1}" y="${sh.y}" width="${Math.max(sh.x2 - sh.x1, 2)}" height="${SHADOW_HEIGHT}" rx="1"/>`);
    });
  }
  const marks = taskMarks(vm.resources);
  out.push(holdsSvg(marks, (id) => index.get(id), boxes));
  // Names for the delay brackets' titles, indexed only when a task was delayed.
  let names: Map<string, string | null> | undefined;
  const nameOf = (id: string): string => {
    names ??= new Map(vm.tasks.map((t) => [t.id, t.name]));
    const name = names.get(id);
    return name && name !== id ? `${name} (${id})` : id;
  };
  rows.forEach((row, i) => {
    const box = boxes[i];
    if (box) out.push(barSvg(row, box, scale.x) + (row.kind === 'task' && row.task.status !== 'cancelled' ? marksSvg(marks.get(row.id), box, scale, nameOf) : ''));
  });
  out.push('</g>');

  // Labels.
  out.push(`<g transform="translate(0,${HEADER_HEIGHT})">`);
  out.push(`<rect class="bg" x="0" y="0" width="${LABEL_WIDTH}" height="${bodyHeight}"/>`);
  rows.forEach((row, i) => {
    const y = i * ROW_HEIGHT + ROW_HEIGHT / 2 + 4;
    if (row.kind === 'group') {
      out.push(`<rect class="group-row" x="0" y="${i * ROW_HEIGHT}" width="${LABEL_WIDTH}" height="${ROW_HEIGHT}"/>`);
      out.push(`<text class="group-name" x="8" y="${y}">${x(clip(`${row.label} (${row.count})`))}</text>`);
    } else {
      const item = row.kind === 'task' ? row.task : row.milestone;
      const cancelled = row.kind === 'task' && row.task.status === 'cancelled';
      out.push(`<text class="label-name${item.critical ? ' critical' : ''}${cancelled ? ' cancelled' : ''}" x="20" y="${y}">${x(clip(`${row.kind === 'milestone' ? '◆ ' : ''}${item.name ?? item.id}`))}</text>`);
    }
  });
  out.push('</g>');
  if (note) out.push(`<text class="cut-note" x="8" y="${HEADER_HEIGHT + bodyHeight + ROW_HEIGHT / 2 + 4}">${x(note)}</text>`);
  out.push('</svg>\n');
  return out.join('');
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function diamond(cx: number, cy: number, r: number): string {
  return `M${cx},${cy - r}L${cx + r},${cy}L${cx},${cy + r}L${cx - r},${cy}Z`;
}

function barSvg(row: Row, box: Box, xOf: (day: number) => number): string {
  const top = box.y - BAR_HEIGHT / 2;
  if (row.kind === 'task') {
    const t = row.task;
    if (t.status === 'cancelled') {
      return `<g class="task status-cancelled"><title>${x(`${t.name ?? t.id} (${t.id}): cancelled, takes no time`)}</title>`
        + `<path class="cancel-mark" d="${cancelMarkPath(box.x1, box.y)}"/><text class="cancel-label" x="${box.x1 + 8}" y="${box.y + 4}">cancelled</text></g>`;
    }
    const w = Math.max(box.x2 - box.x1, 2);
    return `<g class="task status-${x(t.status)}${t.critical ? ' critical' : ''}"><title>${x(`${t.name ?? t.id} (${t.id}): ${t.start} → ${t.end}`)}</title>`
      + `<rect class="bar-bg" x="${box.x1}" y="${top}" width="${w}" height="${BAR_HEIGHT}" rx="3"/>`
      + `<rect class="bar-progress" x="${box.x1}" y="${top}" width="${(w * t.progress) / 100}" height="${BAR_HEIGHT}" rx="3"/></g>`;
  }
  if (row.kind === 'milestone') {
    const m = row.milestone;
    const cx = (box.x1 + box.x2) / 2;
    let s = `<g class="milestone status-${x(m.status)}${m.critical ? ' critical' : ''}"><title>${x(`${m.name ?? m.id} (${m.id}): ${m.date ?? m.state}`)}</title>`;
    const target = toDay(m.target);
    if (target !== null) {
      const tx = xOf(target + 1);
      if (m.slip !== null && m.slip > 0) s += `<line class="slip-line" x1="${tx}" y1="${box.y}" x2="${cx}" y2="${box.y}"/><text class="slip-label" x="${cx + 10}" y="${box.y + 4}">+${m.slip}d</text>`;
      s += `<path class="target-marker" d="${diamond(tx, box.y, 5)}"/>`;
    }
    return `${s}<path class="diamond" d="${diamond(cx, box.y, 7)}"/></g>`;
  }
  const y = box.y - 3;
  return `<path class="summary-bar${row.critical ? ' critical' : ''}" d="M${box.x1},${y + 9}V${y}H${box.x2}V${y + 9}L${box.x2 - 4},${y + 5}H${box.x1 + 4}Z"/>`;
}
