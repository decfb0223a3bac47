// The Gantt tab: a scrollable grid with a sticky time scale on top, sticky
// labels on the left and the chart body. Only the rows in (and just around) the
// viewport are in the DOM, so 10,000 tasks scroll as lightly as 50; the rows
// are rebuilt when the scroll window changes, not on every scroll event.
import type { ViewModel } from '../../../server/src/view/view-model.js';
import type { Box, Row, RowSet, Scale } from '../../../server/src/view/gantt-layout.js';
import {
  HEADER_HEIGHT, LABEL_WIDTH, ROW_HEIGHT, arrowPath, buildRows, holidayRanges, makeScale, offWeekdays, rowBox, timeTicks, toDay,
} from '../../../server/src/view/gantt-layout.js';
import { clear, h, s } from '../dom.js';
import type { UiState } from '../state.js';
import { drawArrow, drawBar, drawDefs, drawHeader, drawHold } from './draw.js';
import { delayHoverWords, holdLinks, taskMarks } from '../../../server/src/view/gantt-marks.js';
import type { TaskMarks } from '../../../server/src/view/gantt-marks.js';
import { ganttLegend } from './legend.js';
import { drawShadow } from './baseline-shadow.js';
import { baselineIndex, shadowOf } from '../../../server/src/view/baseline-bars.js';
import type { BaselineIndex } from '../../../server/src/view/baseline-bars.js';
import { Tooltip } from './tooltip.js';

/** Rows drawn above and below the viewport, so a short scroll shows no gap. */
const OVERSCAN = 20;
/** Below this panel width the name column narrows, so the chart keeps room beside it. */
const NARROW_PANEL = 720;

export interface GanttCallbacks {
  reveal(id: string): void;
  toggleGroup(groupId: string): void;
  scrolled(top: number, left: number): void;
}

interface DepRow { from: number; to: number; type: string; critical: boolean; fromId: string; toId: string }

export class GanttView {
  readonly root = h('div', { class: 'gantt' });
  /** The scrolling area; the name column and the time scale stick to its edges. */
  readonly scroller = h('div', { class: 'gantt-scroll', tabindex: 0 });
  private readonly grid = h('div', { class: 'gantt-grid' });
  private readonly corner = h('div', { class: 'gantt-corner' });
  private readonly header = s('svg', { class: 'gantt-header' });
  private readonly labels = s('svg', { class: 'gantt-labels' });
  private readonly body = s('svg', { class: 'gantt-body' });
  private readonly bodyStatic = s('g', { class: 'static' });
  private readonly bodyRows = s('g', { class: 'rows' });
  private readonly bodyArrows = s('g', { class: 'arrows' });
  private readonly bodyBars = s('g', { class: 'bars' });
  private readonly tooltip = new Tooltip();
  private rowSet: RowSet = { rows: [], index: new Map(), groupOf: new Map() };
  private deps: DepRow[] = [];
  /** Leave pauses and levelling delays by task, and the links from holding tasks (row pairs). */
  private marks = new Map<string, TaskMarks>();
  private holds: { from: number; to: number; holder: string; task: string }[] = [];
  private scale: Scale | undefined;
  private drawn: [number, number] = [-1, -1];
  private readonly legend = ganttLegend();
  private baseline: { index: BaselineIndex; revision: string } | undefined;
  private highlighted: string | null = null;
  private frame = 0;
  /** Width of the sticky name column: narrower in a side panel. */
  private labelWidth = LABEL_WIDTH;
  /** Every row in the DOM (for printing), not just the viewport's. */
  private allRows = false;
  /** Workstream id → its owner's name, for the tooltips. */
  private ownerNames = new Map<string, string>();
  /** The tasks, for naming a delay's holders on hover (looked up then, not indexed on every update). */
  private tasks: ViewModel['tasks'] = [];

  constructor(private readonly cb: GanttCallbacks) {
    this.corner.append(h('span', { class: 'corner-title' }, 'Task'));
    this.bodyRows.append();
    this.body.append(this.bodyStatic, this.bodyRows, this.bodyArrows, this.bodyBars);
    this.grid.append(this.corner, this.header, this.labels, this.body);
    this.scroller.append(this.grid);
    this.root.append(this.scroller, this.legend, this.tooltip.el);
    this.scroller.addEventListener('scroll', () => this.onScroll(), { passive: true });
    this.body.addEventListener('click', (e) => this.onBodyClick(e));
    this.labels.addEventListener('click', (e) => this.onLabelClick(e));
    this.labels.addEventListener('mousemove', (e) => this.onHover(e));
    this.labels.addEventListener('mouseleave', () => this.tooltip.hide());
    this.body.addEventListener('mousemove', (e) => this.onHover(e));
    this.body.addEventListener('mouseleave', () => this.tooltip.hide());
  }

  /** Redraws for a new view model or view state, keeping the scroll position. */
  update(vm: ViewModel, state: UiState): void {
    const oldScale = this.scale;
    const oldLabelWidth = this.labelWidth;
    const centreDay = oldScale ? oldScale.dayAt(this.scroller.scrollLeft + this.scroller.clientWidth / 2 - oldLabelWidth) : null;
    const panel = this.scroller.clientWidth || window.innerWidth;
    this.labelWidth = panel < NARROW_PANEL ? Math.max(150, Math.round(panel * 0.34)) : LABEL_WIDTH;
    const lw = this.labelWidth;
    this.ownerNames = new Map();
    for (const ws of vm.workstreams) if (ws.ownerName ?? ws.owner) this.ownerNames.set(ws.id, (ws.ownerName ?? ws.owner)!);
    this.rowSet = buildRows(vm, new Set(state.collapsed), state.criticalOnly);
    const index = baselineIndex(vm);
    this.baseline = index && vm.baseline ? { index, revision: vm.baseline.revision } : undefined;
    const baselineItem = this.legend.querySelector<HTMLElement>('.legend-baseline');
    if (baselineItem) {
      baselineItem.hidden = !this.baseline;
      baselineItem.lastChild!.textContent = `Baseline ${vm.baseline?.revision ?? ''} (where it was)`;
    }
    const scale = makeScale(vm, state.zoom);
    this.scale = scale;
    this.deps = this.resolveDeps(vm);
    this.marks = taskMarks(vm.resources);
    this.tasks = vm.tasks;
    this.holds = holdLinks(this.marks, (id) => this.rowSet.index.get(id));
    const height = this.rowSet.rows.length * ROW_HEIGHT;
    this.grid.style.gridTemplateColumns = `${lw}px ${scale.width}px`;
    this.grid.style.gridTemplateRows = `${HEADER_HEIGHT}px ${height}px`;
    for (const [el, w, hh] of [[this.header, scale.width, HEADER_HEIGHT], [this.labels, lw, height], [this.body, scale.width, height]] as const) {
      el.setAttribute('width', String(w));
      el.setAttribute('height', String(hh));
    }
    this.body.dataset.origin = String(scale.origin);
    this.body.dataset.pxPerDay = String(scale.pxPerDay);
    const statusDay = toDay(vm.program.statusDate);
    clear(this.header);
    this.header.append(drawHeader(timeTicks(scale, state.zoom), scale, statusDay));
    this.drawStatic(vm, scale, height, statusDay, state.zoom === 'day' || state.zoom === 'week');
    this.corner.firstChild!.textContent = `${vm.tasks.length} tasks · ${vm.milestones.length} milestones`;
    if (oldScale && centreDay !== null && oldScale.pxPerDay !== scale.pxPerDay) {
      this.scroller.scrollLeft = Math.max(0, scale.x(centreDay) - this.scroller.clientWidth / 2 + lw);
    } else if (!oldScale && statusDay !== null) {
      // The first view opens at "today" (the status date), a third into the chart: what is done on the left, what comes next on the right.
      this.scroller.scrollLeft = Math.max(0, scale.x(statusDay) - (this.scroller.clientWidth - lw) / 3);
    }
    this.drawn = [-1, -1];
    this.renderWindow();
  }

  restoreScroll(top: number, left: number): void {
    this.scroller.scrollTop = top;
    this.scroller.scrollLeft = left;
    this.renderWindow();
  }

  /** Puts every row in the DOM (printing shows the whole chart), or back to the viewport's rows. */
  setAllRows(all: boolean): void {
    if (this.allRows === all) return;
    this.allRows = all;
    this.drawn = [-1, -1];
    this.renderWindow();
  }

  /** Marks an item (the one under the editor's cursor) and brings it into view. */
  highlight(id: string | null): void {
    this.highlighted = id;
    const idx = id === null ? undefined : this.rowSet.index.get(id);
    if (idx !== undefined) {
      const top = idx * ROW_HEIGHT;
      const viewTop = this.scroller.scrollTop;
      const viewBottom = viewTop + this.scroller.clientHeight - HEADER_HEIGHT;
      if (top < viewTop || top + ROW_HEIGHT > viewBottom) this.scroller.scrollTop = Math.max(0, top - this.scroller.clientHeight / 3);
      const box = this.scale ? rowBox(this.rowSet.rows[idx]!, this.scale, idx) : null;
      if (box) {
        const left = this.scroller.scrollLeft;
        const width = this.scroller.clientWidth - this.labelWidth;
        if (box.x1 < left || box.x1 > left + width) this.scroller.scrollLeft = Math.max(0, box.x1 - width / 3);
      }
    }
    this.drawn = [-1, -1];
    this.renderWindow();
  }

  /** The group an item is in (to expand it before highlighting). */
  groupOf(id: string): string | undefined {
    return this.rowSet.groupOf.get(id);
  }

  visibleRowCount(): number {
    return this.rowSet.rows.length;
  }

  private resolveDeps(vm: ViewModel): DepRow[] {
    const out: DepRow[] = [];
    const idx = this.rowSet.index;
    for (const d of vm.dependencies) {
      const from = idx.get(d.from);
      const to = idx.get(d.to);
      if (from === undefined || to === undefined) continue;
      out.push({ from, to, type: d.type, critical: d.critical, fromId: d.from, toId: d.to });
    }
    return out;
  }

  private drawStatic(vm: ViewModel, scale: Scale, height: number, statusDay: number | null, shadeDays: boolean): void {
    clear(this.bodyStatic);
    this.bodyStatic.append(drawDefs(scale, offWeekdays(vm)));
    if (shadeDays) {
      this.bodyStatic.append(s('rect', { class: 'weekends', x: 0, y: 0, width: scale.width, height, fill: 'url(#pac-weekend)' }));
    }
    for (const hol of holidayRanges(vm)) {
      const x = scale.x(hol.from);
      const r = s('rect', { class: 'holiday', x, y: 0, width: Math.max(scale.x(hol.to + 1) - x, 1), height });
      r.append(s('title', {}, hol.name ?? 'Holiday'));
      this.bodyStatic.append(r);
    }
    if (statusDay !== null) {
      const x = scale.x(statusDay);
      this.bodyStatic.append(s('line', { class: 'status-line', x1: x, y1: 0, x2: x, y2: height, 'data-date': vm.program.statusDate }));
    }
  }

  private onScroll(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.renderWindow();
      this.cb.scrolled(this.scroller.scrollTop, this.scroller.scrollLeft);
    });
  }

  /** Draws the rows in the viewport (plus overscan) if that window changed. */
  renderWindow(): void {
    const scale = this.scale;
    if (!scale) return;
    const rows = this.rowSet.rows;
    const viewHeight = this.scroller.clientHeight || 600;
    const first = this.allRows ? 0 : Math.max(0, Math.floor(this.scroller.scrollTop / ROW_HEIGHT) - OVERSCAN);
    const last = this.allRows ? rows.length : Math.min(rows.length, Math.ceil((this.scroller.scrollTop + viewHeight) / ROW_HEIGHT) + OVERSCAN);
    if (first === this.drawn[0] && last === this.drawn[1]) return;
    this.drawn = [first, last];
    clear(this.bodyRows);
    clear(this.bodyBars);
    clear(this.bodyArrows);
    clear(this.labels);
    const boxes = new Map<number, Box | null>();
    const boxAt = (i: number): Box | null => {
      if (!boxes.has(i)) boxes.set(i, rowBox(rows[i]!, scale, i));
      return boxes.get(i) ?? null;
    };
    for (let i = first; i < last; i++) {
      const row = rows[i]!;
      const y = i * ROW_HEIGHT;
      const isHi = this.highlighted !== null && (row.id === this.highlighted || (row.kind === 'group' && row.ws?.id === this.highlighted));
      if (row.kind === 'group' || isHi) {
        this.bodyRows.append(s('rect', { class: `row-bg${row.kind === 'group' ? ' group-row' : ''}${isHi ? ' highlighted' : ''}`, x: 0, y, width: scale.width, height: ROW_HEIGHT }));
      }
      this.labels.append(this.drawLabel(row, y, isHi));
      const box = boxAt(i);
      const shadow = this.baseline && shadowOf(this.baseline.index, row, scale, y + ROW_HEIGHT / 2);
      if (shadow) this.bodyBars.append(drawShadow(shadow, this.baseline!.revision));
      if (box) {
        const bar = drawBar(row, box, scale, this.marks.get(row.id));
        if (isHi) bar.classList.add('highlighted');
        this.bodyBars.append(bar);
      }
    }
    // An arrow is drawn when its span crosses the window, even if one end is off screen.
    for (const d of this.deps) {
      const lo = Math.min(d.from, d.to);
      const hi = Math.max(d.from, d.to);
      if (hi < first || lo >= last) continue;
      const a = boxAt(d.from);
      const b = boxAt(d.to);
      if (a && b) this.bodyArrows.append(drawArrow(arrowPath(d.type, a, b), d.type, d.critical, d.fromId, d.toId));
    }
    for (const l of this.holds) {
      if (Math.max(l.from, l.to) < first || Math.min(l.from, l.to) >= last) continue;
      const a = boxAt(l.from);
      const b = boxAt(l.to);
      if (a && b) this.bodyArrows.append(drawHold(arrowPath('FS', a, b), l.holder, l.task));
    }
  }

  private drawLabel(row: Row, y: number, highlighted: boolean): SVGGElement {
    const ty = y + ROW_HEIGHT / 2 + 4;
    const lw = this.labelWidth;
    // About 6 px a character at 11 px: clip names to the column.
    const maxChars = Math.max(12, Math.floor((lw - 30) / 6));
    if (row.kind === 'group') {
      const g = s('g', { class: `label-row group${row.collapsed ? ' collapsed' : ''}${row.critical ? ' critical' : ''}`, 'data-group': row.id, role: 'button', 'aria-expanded': String(!row.collapsed) });
      g.append(
        s('rect', { class: 'label-bg group-row', x: 0, y, width: lw, height: ROW_HEIGHT }),
        s('text', { class: 'chevron', x: 6, y: ty }, row.collapsed ? '▸' : '▾'),
        s('text', { class: 'group-name', x: 20, y: ty }, truncate(`${row.label} (${row.count})`, maxChars)),
      );
      return g;
    }
    const item = row.kind === 'task' ? row.task : row.milestone;
    const cancelled = row.kind === 'task' && row.task.status === 'cancelled';
    const g = s('g', { class: `label-row ${row.kind}${item.critical ? ' critical' : ''}${cancelled ? ' cancelled' : ''}${highlighted ? ' highlighted' : ''}`, 'data-id': row.id });
    const name = item.name ?? item.id;
    const text = s('text', { class: 'label-name', x: 24, y: ty }, truncate(`${row.kind === 'milestone' ? '◆ ' : ''}${name}`, maxChars));
    g.append(s('rect', { class: `label-bg${highlighted ? ' highlighted' : ''}`, x: 0, y, width: lw, height: ROW_HEIGHT }), text);
    return g;
  }

  private rowOf(target: EventTarget | null): Row | undefined {
    const el = target instanceof Element ? target.closest('[data-id]') : null;
    const id = el?.getAttribute('data-id');
    if (!id) return undefined;
    const idx = this.rowSet.index.get(id);
    return idx === undefined ? undefined : this.rowSet.rows[idx];
  }

  private onBodyClick(e: MouseEvent): void {
    const el = e.target instanceof Element ? e.target.closest('[data-id]') : null;
    const id = el?.getAttribute('data-id');
    if (id) this.cb.reveal(id);
  }

  private onLabelClick(e: MouseEvent): void {
    const target = e.target instanceof Element ? e.target : null;
    const group = target?.closest('[data-group]')?.getAttribute('data-group');
    if (group) { this.cb.toggleGroup(group); return; }
    const id = target?.closest('[data-id]')?.getAttribute('data-id');
    if (id) this.cb.reveal(id);
  }

  private onHover(e: MouseEvent): void {
    // The delay bracket carries its holder's id (a click goes there), but it speaks of the delayed task.
    const marker = e.target instanceof Element ? e.target.closest('.delay-marker') : null;
    const delay = marker && this.marks.get(marker.closest('.bar')?.getAttribute('data-id') ?? '')?.delay;
    if (delay) {
      const nameOf = (id: string): string => { const t = this.tasks.find((x) => x.id === id); return t?.name && t.name !== id ? `${t.name} (${id})` : id; };
      this.tooltip.showLines(delayHoverWords(delay, nameOf), e.clientX, e.clientY);
      return;
    }
    const row = this.rowOf(e.target);
    if (row) this.tooltip.show(row, e.clientX, e.clientY, (wsId) => this.ownerNames.get(wsId) ?? null, this.marks.get(row.id));
    else this.tooltip.hide();
  }
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
