// The Resources tab: per person and pool (rows), per ISO week (columns), the
// work asked of them against what they have, coloured by the week's state
// (the view model's, by the over-allocation warning's rules). A click on a
// week lists the tasks behind it; each reveals its definition.
//
// Built for the side panel first: the name column sticks to the left, the
// weeks share the rest (12 to 44 px) and only the grid scrolls sideways. Only
// the rows in and around the viewport are in the DOM (200 people over two
// years is 20,800 cells; a window of 40 rows is about 4,000). Printing puts
// every row in the DOM, the weeks sized for the page (setPrinting).
import type { SourceLocation, ViewModel } from '../../../server/src/view/view-model.js';
import type { ViewLoadRow, ViewResources } from '../../../server/src/view/resources-types.js';
import { tasksInWeek } from '../../../server/src/view/resources-runs.js';
import { clear, h } from '../dom.js';
import { HEAD_HEIGHT, ROW_HEIGHT, columns, monthLabels, printScale, weekIndexOf } from './grid.js';
import { STATE_WORDS, availabilityWords, cellWords, rowTitle, unitOf } from '../../../server/src/view/resources-words.js';
import type { Columns } from './grid.js';
import { PRINT_WIDTH_PX } from '../gantt/print.js';

const OVERSCAN = 6;

export interface ResourcesCallbacks {
  reveal(id: string): void;
  revealLocation(location: SourceLocation, id: string): void;
  change(patch: { resourcesOverOnly: boolean }): void;
}

export class ResourcesView {
  readonly root = h('div', { class: 'resources' });
  private readonly summary = h('div', { class: 'res-summary' });
  private readonly overOnly = h('input', { type: 'checkbox', class: 'res-over-only' });
  private readonly scroller = h('div', { class: 'res-scroll', tabindex: 0 });
  private readonly grid = h('div', { class: 'res-grid' });
  private readonly head = h('div', { class: 'res-head' });
  private readonly body = h('div', { class: 'res-body' });
  private readonly rowsEl = h('div', { class: 'res-rows' });
  private readonly statusLine = h('div', { class: 'res-status-line', 'aria-hidden': 'true' });
  private readonly details = h('div', { class: 'res-details', 'aria-live': 'polite' });
  private res: ViewResources | undefined;
  private vm: ViewModel | undefined;
  private rows: ViewLoadRow[] = [];
  private cols: Columns = { nameWidth: 0, weekWidth: 0, width: 0 };
  private drawn: [number, number] = [-1, -1];
  private selected: { row: string; week: number } | null = null;
  private frame = 0;
  /** The panel width the columns were computed for. */
  private width = 0;
  /** Printing: every row drawn, the weeks sized for the printable width. */
  private printing = false;

  constructor(private readonly cb: ResourcesCallbacks) {
    const controls = h('div', { class: 'res-controls' }, this.summary, h('label', { class: 'check' }, this.overOnly, ' Over-allocated only'));
    this.overOnly.addEventListener('change', () => cb.change({ resourcesOverOnly: this.overOnly.checked }));
    this.body.append(this.statusLine, this.rowsEl);
    this.grid.append(this.head, this.body);
    this.scroller.append(this.grid);
    this.root.append(controls, this.scroller, this.details, legend());
    this.scroller.addEventListener('scroll', () => this.onScroll(), { passive: true });
    this.grid.addEventListener('click', (e) => this.onClick(e));
    this.scroller.addEventListener('keydown', (e) => this.onKey(e));
    // A side panel is often resized: the weeks share the new width (only when it really changed).
    new ResizeObserver(() => {
      const w = this.root.clientWidth;
      if (this.vm && w > 0 && Math.abs(w - this.width) > 24) this.update(this.vm, this.overOnly.checked);
    }).observe(this.root);
    // The rows drawn depend on the scroller's height: a taller panel, or the page back from print media, needs another window.
    new ResizeObserver(() => { if (!this.printing) this.renderWindow(); }).observe(this.scroller);
    this.details.addEventListener('click', (e) => {
      const id = e.target instanceof Element ? e.target.closest('[data-reveal]')?.getAttribute('data-reveal') : null;
      if (id) { e.preventDefault(); cb.reveal(id); }
    });
  }

  update(vm: ViewModel, overOnly: boolean): void {
    const first = this.res === undefined;
    this.vm = vm;
    // An older or malformed message may lack the part: an empty grid, not an exception.
    const res = isResources(vm.resources) ? vm.resources : EMPTY;
    this.res = res;
    this.overOnly.checked = overOnly;
    this.rows = overOnly ? res.rows.filter((r) => r.overWeeks > 0) : res.rows;
    const panel = this.printing ? PRINT_WIDTH_PX : this.root.clientWidth || this.scroller.clientWidth || window.innerWidth;
    this.width = this.root.clientWidth;
    this.cols = columns(panel, res.weeks.length);
    // On paper a grid wider than the page (years of weeks) is scaled to fit rather than cut off.
    this.grid.style.zoom = this.printing ? String(printScale(this.cols.width, PRINT_WIDTH_PX)) : '';
    this.summary.textContent = summaryOf(res);
    if (res.rows.length === 0) {
      clear(this.head); clear(this.rowsEl); clear(this.details);
      this.body.style.height = '0';
      this.grid.style.width = '0';
      this.details.append(h('p', { class: 'empty-note' }, 'No one has work planned: give tasks `assignees` (people) or `needs` (pools) to see their load here.'));
      return;
    }
    this.grid.style.width = `${this.cols.width}px`;
    this.grid.style.setProperty('--res-name', `${this.cols.nameWidth}px`);
    this.grid.style.setProperty('--res-week', `${this.cols.weekWidth}px`);
    this.body.style.height = `${this.rows.length * ROW_HEIGHT}px`;
    this.drawHead(res, vm.program.statusDate);
    if (this.selected && !this.rows.some((r) => r.id === this.selected?.row)) this.selected = null;
    const now = weekIndexOf(res.weeks, vm.program.statusDate);
    this.statusLine.hidden = now < 0;
    this.statusLine.style.left = `${this.cols.nameWidth + now * this.cols.weekWidth}px`;
    this.drawn = [-1, -1];
    this.renderWindow();
    this.showDetails();
    if (first) {
      // Opens at the status date's week, a third in: what was, and what comes.
      const at = weekIndexOf(res.weeks, vm.program.statusDate);
      if (at > 0) this.scroller.scrollLeft = Math.max(0, at * this.cols.weekWidth - (this.scroller.clientWidth - this.cols.nameWidth) / 3);
    }
  }

  private drawHead(res: ViewResources, statusDate: string): void {
    clear(this.head);
    const { weekWidth } = this.cols;
    const corner = h('div', { class: 'res-corner' }, `${countOf(res, 'person', 'person', 'people')} · ${countOf(res, 'pool', 'pool', 'pools')}`);
    const months = h('div', { class: 'res-months' });
    for (const m of monthLabels(res.weeks, weekWidth)) {
      months.append(h('span', { class: 'res-month', style: `left:${m.index * weekWidth}px` }, m.label));
    }
    const weeks = h('div', { class: 'res-weekline' });
    const now = weekIndexOf(res.weeks, statusDate);
    res.weeks.forEach((w, i) => {
      const cls = `res-week${i === now ? ' status-week' : ''}${(res.holidays[i] ?? 0) > 0 ? ' holiday-week' : ''}`;
      const day = weekWidth >= 18 ? String(Number(w.slice(8, 10))) : '';
      const title = `Week of ${w}: ${res.workingDays[i]} working days${(res.holidays[i] ?? 0) > 0 ? `, ${res.holidays[i]} holiday${res.holidays[i] === 1 ? '' : 's'}` : ''}${i === now ? ' (status date)' : ''}`;
      weeks.append(h('span', { class: cls, title }, day));
    });
    this.head.append(corner, h('div', { class: 'res-scale' }, months, weeks));
    this.head.style.height = `${HEAD_HEIGHT}px`;
  }

  /**
   * Printing (File > Print of the exported page, or the webview's print):
   * every row, not only the viewport's, and weeks sized for a landscape page.
   */
  setPrinting(on: boolean): void {
    if (this.printing === on) return;
    this.printing = on;
    if (this.vm) this.update(this.vm, this.overOnly.checked);
  }

  private onScroll(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => { this.frame = 0; this.renderWindow(); });
  }

  private renderWindow(): void {
    const res = this.res;
    if (!res) return;
    const view = this.scroller.clientHeight || 600;
    const top = Math.max(0, this.scroller.scrollTop - HEAD_HEIGHT);
    const first = this.printing ? 0 : Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
    const last = this.printing ? this.rows.length : Math.min(this.rows.length, Math.ceil((top + view) / ROW_HEIGHT) + OVERSCAN);
    if (first === this.drawn[0] && last === this.drawn[1]) return;
    this.drawn = [first, last];
    clear(this.rowsEl);
    const frag = document.createDocumentFragment();
    for (let i = first; i < last; i++) frag.append(this.drawRow(res, this.rows[i] as ViewLoadRow, i));
    this.rowsEl.append(frag);
  }

  private drawRow(res: ViewResources, row: ViewLoadRow, i: number): HTMLElement {
    const el = h('div', { class: `res-row ${row.kind}`, 'data-row': row.id, style: `top:${i * ROW_HEIGHT}px` });
    const name = h('div', { class: 'res-name', title: `${rowTitle(row)}: ${row.kind === 'person' ? `capacity ${row.capacity}` : `${row.capacity} units`}${row.overWeeks ? `, over-allocated ${row.overWeeks} week${row.overWeeks === 1 ? '' : 's'}` : ''}` },
      h('span', { class: 'res-kind', 'aria-hidden': 'true' }, row.kind === 'person' ? '●' : '▦'),
      h('span', { class: 'res-label' }, row.name ?? row.id),
      row.overWeeks > 0 ? h('span', { class: 'res-badge', title: 'Weeks over-allocated' }, String(row.overWeeks)) : null);
    const cells = h('div', { class: 'res-cells' });
    const wide = this.cols.weekWidth >= 26;
    for (let w = 0; w < res.weeks.length; w++) {
      const st = row.state[w] ?? 0;
      const demand = row.demand[w] ?? 0;
      const available = row.available[w] ?? 0;
      const fill = st === 1 ? (demand >= available ? ' full' : demand * 2 > available ? ' half' : ' light') : '';
      const sel = this.selected?.row === row.id && this.selected.week === w ? ' selected' : '';
      const cell = h('div', {
        class: `res-cell s${st}${fill}${(row.leave[w] ?? 0) > 0 ? ' leave' : ''}${sel}`, 'data-week': w,
        title: `${rowTitle(row)}, week of ${res.weeks[w]}: ${cellWords(res, row, w)}`,
      }, wide && st > 0 ? fmt(demand) : null);
      cells.append(cell);
    }
    el.append(name, cells);
    return el;
  }

  private onClick(e: MouseEvent): void {
    const target = e.target instanceof Element ? e.target : null;
    const rowEl = target?.closest('[data-row]');
    const row = this.rows.find((r) => r.id === rowEl?.getAttribute('data-row'));
    if (!row) return;
    if (target?.closest('.res-name')) { if (row.location) this.cb.revealLocation(row.location, row.id); return; }
    const w = Number(target?.closest('[data-week]')?.getAttribute('data-week'));
    if (!Number.isInteger(w)) return;
    this.selected = { row: row.id, week: w };
    for (const el of Array.from(this.body.querySelectorAll('.res-cell.selected'))) el.classList.remove('selected');
    target?.closest('.res-cell')?.classList.add('selected');
    this.showDetails();
  }

  /** Arrow keys move the selected week (Home/End: first and last week); Enter reveals its first task. */
  private onKey(e: KeyboardEvent): void {
    const res = this.res;
    if (!res || this.rows.length === 0) return;
    const sel = this.selected ?? { row: this.rows[0]!.id, week: Math.max(0, weekIndexOf(res.weeks, this.vm?.program.statusDate ?? '')) };
    let r = Math.max(0, this.rows.findIndex((x) => x.id === sel.row));
    let w = sel.week;
    switch (e.key) {
      case 'ArrowLeft': w--; break;
      case 'ArrowRight': w++; break;
      case 'ArrowUp': r--; break;
      case 'ArrowDown': r++; break;
      case 'Home': w = 0; break;
      case 'End': w = res.weeks.length - 1; break;
      case 'Enter': {
        const first = this.details.querySelector<HTMLElement>('[data-reveal]')?.getAttribute('data-reveal');
        if (first) this.cb.reveal(first);
        e.preventDefault();
        return;
      }
      default: return;
    }
    e.preventDefault();
    r = Math.max(0, Math.min(this.rows.length - 1, r));
    w = Math.max(0, Math.min(res.weeks.length - 1, w));
    this.selected = { row: this.rows[r]!.id, week: w };
    // Keep the cell in view (under the sticky header and beside the sticky names), then redraw the window.
    const top = HEAD_HEIGHT + r * ROW_HEIGHT;
    if (top - HEAD_HEIGHT < this.scroller.scrollTop) this.scroller.scrollTop = top - HEAD_HEIGHT;
    else if (top + ROW_HEIGHT > this.scroller.scrollTop + this.scroller.clientHeight) this.scroller.scrollTop = top + ROW_HEIGHT - this.scroller.clientHeight;
    const left = w * this.cols.weekWidth;
    const room = this.scroller.clientWidth - this.cols.nameWidth;
    if (left < this.scroller.scrollLeft) this.scroller.scrollLeft = left;
    else if (left + this.cols.weekWidth > this.scroller.scrollLeft + room) this.scroller.scrollLeft = left + this.cols.weekWidth - room;
    this.drawn = [-1, -1];
    this.renderWindow();
    this.showDetails();
  }

  /** The selected week: its figures, and the tasks behind it (each jumps to its definition). */
  private showDetails(): void {
    clear(this.details);
    const res = this.res;
    const row = this.selected && this.rows.find((r) => r.id === this.selected?.row);
    if (!res || !row || !this.selected) {
      if (res && res.rows.length > 0) this.details.append(h('p', { class: 'res-hint' }, 'Click a week to see the tasks behind it.'));
      return;
    }
    const w = this.selected.week;
    const st = row.state[w] ?? 0;
    const tasks = new Map((this.vm?.tasks ?? []).map((t) => [t.id, t]));
    this.details.append(
      h('div', { class: 'res-details-title' }, `${rowTitle(row)} · week of ${res.weeks[w]}`),
      h('div', { class: `res-details-line s${st}` },
        h('strong', {}, `${fmt(row.demand[w] ?? 0)} ${unitOf(row)}`), ` asked, ${availabilityWords(res, row, w)}: `,
        h('span', { class: `res-state s${st}` }, STATE_WORDS[st])),
    );
    const ids = tasksInWeek(row, w).map((i) => res.taskIds[i] as string);
    if (ids.length === 0) return;
    const list = h('ul', { class: 'res-tasks' });
    for (const id of ids) {
      const t = tasks.get(id);
      list.append(h('li', {},
        h('a', { class: 'reveal', href: '#', 'data-reveal': id }, t?.name ?? id),
        h('span', { class: 'res-task-meta' }, ` ${id}${t?.start ? ` · ${t.start} → ${t.end}` : ''}`)));
    }
    this.details.append(list);
  }
}

const EMPTY: ViewResources = { weeks: [], workingDays: [], holidays: [], rows: [], taskIds: [], levelled: false, pauses: [], delays: [] };

/** Enough of the shape to draw without throwing: every row's columns as long as the weeks. */
function isResources(v: unknown): v is ViewResources {
  const r = v as Partial<ViewResources> | undefined;
  if (!r || !Array.isArray(r.weeks) || !Array.isArray(r.rows) || !Array.isArray(r.taskIds) || !Array.isArray(r.workingDays) || !Array.isArray(r.holidays)) return false;
  const n = r.weeks.length;
  return r.rows.every((row) => typeof row?.id === 'string' && Array.isArray(row.tasks) && (['demand', 'available', 'peak', 'leave', 'state'] as const).every((k) => Array.isArray(row[k]) && row[k].length === n));
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(1).replace(/\.0$/, '');
}

function countOf(res: ViewResources, kind: 'person' | 'pool', one: string, many: string): string {
  const n = res.rows.filter((r) => r.kind === kind).length;
  return `${n} ${n === 1 ? one : many}`;
}

function summaryOf(res: ViewResources): string {
  const over = res.rows.filter((r) => r.overWeeks > 0);
  if (res.rows.length === 0) return 'No people or pools';
  if (over.length === 0) return `No one is over-allocated${res.levelled ? ' (levelled)' : ''}.`;
  const top = [...over].sort((a, b) => b.overWeeks - a.overWeeks).slice(0, 3).map((r) => `${r.name ?? r.id} ${r.overWeeks}`);
  return `${over.length} of ${res.rows.length} over-allocated (weeks: ${top.join(', ')}${over.length > 3 ? ', …' : ''})`;
}

function legend(): HTMLElement {
  const item = (cls: string, label: string): HTMLElement => h('span', { class: 'legend-item' }, h('span', { class: `res-cell res-swatch ${cls}` }), label);
  return h('div', { class: 'res-legend' },
    item('s1 light', 'Within'), item('s1 full', 'Full (stronger: fuller)'),
    item('s2', 'Two tasks on a day'),
    item('s3', 'Over-allocated'),
    item('s1 half leave', 'Leave that week'),
    h('span', { class: 'legend-item' }, h('span', { class: 'res-swatch res-week holiday-week' }), 'Holiday week'),
    h('span', { class: 'legend-item' }, h('span', { class: 'res-swatch res-week status-week' }), 'Status date'));
}
