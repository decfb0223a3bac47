// The Dependencies tab: the flowchart drawn by mermaid (strict security, no
// auto-start, parse before render, a fresh id per render), clicks wired by DOM
// listeners on the rendered nodes, errors shown in the panel.
// Mermaid costs ~4 ms a node and ~8 ms an edge here (300 tasks: over 5 s,
// mostly config cloning and layout), so the workstream view and item graphs
// of more than MERMAID_MAX_NODES nodes are drawn by the preview's own layered
// layout (svg-graph.ts): same clicks, classes and critical path, in lanes.
import type { ViewModel } from '../../../server/src/view/view-model.js';
import { clear, h } from '../dom.js';
import type { GraphMode, UiState } from '../state.js';
import type { FlowchartText, GraphView as View } from './flowchart-text.js';
import { flowchartText } from './flowchart-text.js';
import { focusSet } from './flowchart-text.js';
import { loadMermaid, mermaidTheme } from './mermaid-loader.js';
import type { GraphModel } from './svg-graph.js';
import { drawGraph, itemGraph, standaloneSvg, workstreamGraph } from './svg-graph.js';

/** Item graphs up to this many nodes are drawn by mermaid; bigger ones by the preview's own layout. */
export const MERMAID_MAX_NODES = 100;

/** Above this many tasks and milestones, "auto" opens the workstream view. */
export const AUTO_WORKSTREAM_THRESHOLD = 150;

/** Below this panel width (a side preview), "auto" shows less than every item: the item under the cursor, or the workstreams. */
export const AUTO_NARROW_PANEL = 900;

/** A graph this small is drawn whole at any width: a few nodes fit a side panel as they are. */
export const AUTO_SMALL_GRAPH = 12;

/** The smallest text (CSS px on screen) the automatic zoom allows. */
export const MIN_READABLE_PX = 11;
/** The largest automatic zoom: a small graph is not blown up. */
const MAX_AUTO_SCALE = 1.25;

export interface GraphCallbacks {
  reveal(id: string): void;
  change(patch: Partial<UiState>): void;
  rendered(): void;
}

let renderCount = 0;

export class GraphView {
  readonly root = h('div', { class: 'graph' });
  private readonly modeSelect = h('select', { class: 'graph-mode', 'aria-label': 'Graph view' },
    h('option', { value: 'auto' }, 'Automatic'), h('option', { value: 'full' }, 'All items'),
    h('option', { value: 'focus' }, 'Focus'), h('option', { value: 'workstreams' }, 'Workstreams'));
  private readonly depthInput = h('input', { type: 'number', min: 1, max: 9, class: 'graph-depth', 'aria-label': 'Focus depth' });
  private readonly focusInput = h('input', { type: 'search', class: 'graph-focus', placeholder: 'Focus on id…', 'aria-label': 'Focus item id' });
  private readonly zoomSelect = h('select', { class: 'graph-zoom', 'aria-label': 'Graph zoom' },
    h('option', { value: 'auto' }, 'Readable'), h('option', { value: 'fit' }, 'Fit width'), h('option', { value: '0.5' }, '50%'),
    h('option', { value: '0.75' }, '75%'), h('option', { value: '1' }, '100%'), h('option', { value: '1.5' }, '150%'));
  private readonly note = h('span', { class: 'graph-note' });
  private zoom: UiState['graphZoom'] = 'auto';
  /** The item under the editor's cursor, for the automatic view in a narrow panel. */
  private cursorId: string | null = null;
  private drag: { x: number; y: number; left: number; top: number } | null = null;
  private readonly canvas = h('div', { class: 'graph-canvas' });
  private lastKey = '';
  private current: FlowchartText | undefined;
  private pending = Promise.resolve();

  constructor(private readonly cb: GraphCallbacks, private readonly nonce: string | undefined) {
    this.root.append(h('div', { class: 'graph-controls' }, this.modeSelect, h('label', {}, 'Depth ', this.depthInput), this.focusInput, this.zoomSelect, this.note), this.canvas);
    this.zoomSelect.addEventListener('change', () => this.cb.change({ graphZoom: this.zoomSelect.value as UiState['graphZoom'] }));
    this.modeSelect.addEventListener('change', () => this.cb.change({ graphMode: this.modeSelect.value as GraphMode | 'auto' }));
    this.depthInput.addEventListener('change', () => {
      const n = Math.round(Number(this.depthInput.value));
      if (n >= 1 && n <= 9) this.cb.change({ graphDepth: n });
    });
    this.focusInput.addEventListener('change', () => {
      const id = this.focusInput.value.trim();
      if (id) this.cb.change({ focusId: id, graphMode: 'focus' });
    });
    this.canvas.addEventListener('click', (e) => this.onClick(e));
    this.wirePanAndZoom();
  }

  /** Drag to pan (the canvas scrolls both ways); Ctrl/⌘ + wheel steps the zoom. */
  private wirePanAndZoom(): void {
    let moved = false;
    this.canvas.addEventListener('mousedown', (e) => {
      if (e.button !== 0) return;
      this.drag = { x: e.clientX, y: e.clientY, left: this.canvas.scrollLeft, top: this.canvas.scrollTop };
      moved = false;
    });
    window.addEventListener('mousemove', (e) => {
      if (!this.drag) return;
      const dx = e.clientX - this.drag.x;
      const dy = e.clientY - this.drag.y;
      if (!moved && Math.abs(dx) + Math.abs(dy) < 4) return;
      moved = true;
      this.canvas.classList.add('panning');
      this.canvas.scrollLeft = this.drag.left - dx;
      this.canvas.scrollTop = this.drag.top - dy;
    });
    window.addEventListener('mouseup', () => { this.drag = null; this.canvas.classList.remove('panning'); });
    // A drag is not a click on the node it ends over.
    this.canvas.addEventListener('click', (e) => { if (moved) { e.stopImmediatePropagation(); moved = false; } }, true);
    this.canvas.addEventListener('wheel', (e) => {
      if (!e.ctrlKey && !e.metaKey) return;
      e.preventDefault();
      const steps: UiState['graphZoom'][] = ['0.5', '0.75', '1', '1.5'];
      const now = this.currentScale();
      const next = e.deltaY < 0 ? steps.find((z) => Number(z) > now + 0.01) : [...steps].reverse().find((z) => Number(z) < now - 0.01);
      if (next) this.cb.change({ graphZoom: next });
    }, { passive: false });
  }

  /** The editor's cursor is on this item (or on none). Returns whether the automatic view depends on it. */
  setCursor(id: string | null): boolean {
    if (id === null || id === this.cursorId) return false;
    this.cursorId = id;
    return true;
  }

  /**
   * The view "auto" means for this program in a panel this wide: every item
   * when it is small enough and the panel wide enough to read it; in a side
   * panel, the neighbourhood of the item under the cursor, or else one node
   * per workstream (both stay readable at 500-700 px).
   */
  static effectiveMode(vm: ViewModel, st: UiState, panelWidth = Infinity, cursorId: string | null = null): View {
    if (st.graphMode !== 'auto') return st.graphMode;
    if (vm.tasks.length + vm.milestones.length > AUTO_WORKSTREAM_THRESHOLD) return 'workstreams';
    if (panelWidth >= AUTO_NARROW_PANEL || vm.tasks.length + vm.milestones.length <= AUTO_SMALL_GRAPH) return 'full';
    return cursorId !== null && focusSet(vm, cursorId, st.graphDepth).size > 1 ? 'focus' : 'workstreams';
  }

  /** Whether the automatic view follows the cursor (so a cursor move redraws). */
  followsCursor(vm: ViewModel, st: UiState): boolean {
    return st.graphMode === 'auto' && GraphView.effectiveMode(vm, st, this.panelWidth(), null) !== 'full'
      && vm.tasks.length + vm.milestones.length <= AUTO_WORKSTREAM_THRESHOLD;
  }

  private panelWidth(): number {
    return this.canvas.clientWidth || this.root.clientWidth || window.innerWidth;
  }

  /** Renders if the graph text or theme changed; resolves when drawn. */
  update(vm: ViewModel, st: UiState, force = false): Promise<void> {
    const mode = GraphView.effectiveMode(vm, st, this.panelWidth(), this.cursorId);
    const focusId = st.graphMode === 'auto' && mode === 'focus' ? this.cursorId : st.focusId;
    const why = st.graphMode !== 'auto' ? '' : mode === 'workstreams' && vm.tasks.length + vm.milestones.length <= AUTO_WORKSTREAM_THRESHOLD
      ? ' · narrow panel: one node per workstream (choose "All items" for every task)'
      : mode === 'focus' ? ` · around ${focusId} (under the cursor)` : '';
    this.modeSelect.value = st.graphMode;
    this.zoomSelect.value = st.graphZoom;
    this.zoom = st.graphZoom;
    this.applyZoom();
    this.depthInput.value = String(st.graphDepth);
    if (document.activeElement !== this.focusInput) this.focusInput.value = st.focusId ?? '';
    if (mode === 'focus' && !focusId) {
      const key = 'pick';
      if (!force && key === this.lastKey) return this.pending;
      this.lastKey = key;
      this.note.textContent = 'Pick an item: click a node, a bar, or type an id.';
      this.pending = this.pending.then(() => { this.showMessage('Nothing to draw here.', false); this.cb.rendered(); });
      return this.pending;
    }
    // The built-in layout for the workstream view and for big item graphs.
    const own = mode === 'workstreams' ? workstreamGraph(vm) : itemGraph(vm, mode === 'focus' ? focusSet(vm, focusId, st.graphDepth) : null);
    // The automatic views use the lanes layout too: mermaid's subgraph layout of a
    // real program is several screens wide and mostly empty boxes at a readable zoom.
    const autoFull = st.graphMode === 'auto';
    if (mode === 'workstreams' || autoFull || own.nodes.length > MERMAID_MAX_NODES) {
      const topDown = this.topDownWidth();
      const key = `own\n${mode}\n${topDown ?? 'lr'}\n${modelKey(own)}`;
      if (!force && key === this.lastKey) return this.pending;
      this.lastKey = key;
      this.current = undefined;
      this.note.textContent = `${own.nodes.length} nodes · ${own.edges.length} edges${mode === 'workstreams' || autoFull ? '' : ` · built-in layout (mermaid draws up to ${MERMAID_MAX_NODES} nodes)`}${why}`;
      this.pending = this.pending.then(() => this.renderOwn(own, key, mode === 'focus' ? focusId : null, topDown));
      return this.pending;
    }
    const fc = flowchartText(vm, mode, focusId, st.graphDepth);
    const theme = mermaidTheme();
    const key = `${theme}\n${fc.text}`;
    if (!force && key === this.lastKey) return this.pending;
    this.lastKey = key;
    this.current = fc;
    this.note.textContent = `${fc.nodeCount} nodes · ${fc.edgeCount} edges${why}`;
    this.pending = this.pending.then(() => this.render(fc, theme, key));
    return this.pending;
  }

  /**
   * In a narrow panel the built-in layout runs top to bottom, as wide as the
   * canvas's content box (rounded down to 16 px so a scrollbar coming and
   * going rarely redraws): the first view then fits the width at a readable
   * zoom and scrolls down. Wide panels keep left to right.
   */
  private topDownWidth(): number | undefined {
    const panel = this.panelWidth();
    if (panel >= AUTO_NARROW_PANEL) return undefined;
    const content = (this.canvas.clientWidth || panel) - 16; // the canvas's padding
    return Math.max(200, Math.floor(content / 16) * 16);
  }

  private renderOwn(model: GraphModel, key: string, focusId: string | null, topDownWidth: number | undefined): void {
    if (key !== this.lastKey) return;
    if (model.nodes.length === 0) {
      this.showMessage('Nothing to draw here.', false);
    } else {
      clear(this.canvas);
      this.canvas.append(drawGraph(model, { topDownWidth }));
      this.applyZoom();
      if (focusId !== null) this.centreOn(focusId);
    }
    this.cb.rendered();
  }

  /** Marks the focused item and scrolls the canvas to put it in the middle. */
  private centreOn(id: string): void {
    const node = Array.from(this.canvas.querySelectorAll<SVGGElement>('g.node')).find((n) => n.dataset.itemId === id);
    if (!node) return;
    node.classList.add('focused');
    const c = this.canvas.getBoundingClientRect();
    const r = node.getBoundingClientRect();
    this.canvas.scrollLeft += r.left + r.width / 2 - (c.left + c.width / 2);
    this.canvas.scrollTop += r.top + r.height / 2 - (c.top + c.height / 2);
  }

  /** The rendered graph's SVG markup, for export. */
  svgMarkup(): string | undefined {
    const svg = this.canvas.querySelector('svg');
    if (!svg) return undefined;
    return svg.classList.contains('layered-graph') ? standaloneSvg(svg) : new XMLSerializer().serializeToString(svg);
  }

  private async render(fc: FlowchartText, theme: string, key: string): Promise<void> {
    if (fc.nodeCount === 0) {
      this.showMessage('Nothing to draw here.', false);
      this.cb.rendered();
      return;
    }
    try {
      const mermaid = await loadMermaid(this.nonce);
      mermaid.initialize({
        startOnLoad: false, securityLevel: 'strict', theme,
        // SVG text labels (no foreignObject): exports stay valid SVG and PNG conversion works.
        htmlLabels: false, flowchart: { htmlLabels: false, useMaxWidth: true },
        maxTextSize: 2_000_000, maxEdges: 50_000,
      });
      await mermaid.parse(fc.text);
      const { svg } = await mermaid.render(`pac-graph-${++renderCount}`, fc.text);
      if (key !== this.lastKey) return; // a newer update superseded this one
      // Mermaid's output is sanitised by mermaid (strict). Parse it as XML and
      // import the nodes rather than assigning innerHTML: a parsed <script>
      // never runs, and the CSP forbids inline script anyway.
      const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
      const root = doc.documentElement;
      if (root.nodeName !== 'svg') throw new Error('The graph renderer returned no SVG.');
      clear(this.canvas);
      this.canvas.append(document.importNode(root, true));
      this.wireNodes(fc);
      this.applyZoom();
    } catch (e) {
      if (key !== this.lastKey) return;
      this.showMessage(`Could not draw the graph: ${e instanceof Error ? e.message : String(e)}`, true);
    }
    this.cb.rendered();
  }

  /** Scales the SVG by CSS only: a zoom change never re-runs mermaid. */
  private applyZoom(): void {
    const svg = this.canvas.querySelector('svg');
    const natural = svg?.viewBox.baseVal?.width;
    if (!svg || !natural) return;
    if (this.zoom === 'fit') {
      svg.style.maxWidth = `${natural}px`;
      svg.setAttribute('width', '100%');
    } else {
      const scale = this.zoom === 'auto' ? this.readableScale(svg, natural) : Number(this.zoom);
      svg.style.maxWidth = 'none';
      svg.setAttribute('width', String(Math.round(natural * scale)));
      svg.removeAttribute('height');
    }
  }

  /**
   * The automatic zoom: the whole width when that keeps the text readable
   * (at least MIN_READABLE_PX on screen), else the smallest readable scale
   * (the rest is a drag or a scroll away).
   */
  private readableScale(svg: SVGSVGElement, natural: number): number {
    const avail = Math.max(200, this.canvas.clientWidth - 16);
    const fontPx = textSize(svg);
    const min = MIN_READABLE_PX / fontPx;
    return Math.max(min, Math.min(avail / natural, Math.max(1, min), MAX_AUTO_SCALE));
  }

  /** The scale the SVG is drawn at now (rendered width over natural width). */
  currentScale(): number {
    const svg = this.canvas.querySelector('svg');
    const natural = svg?.viewBox.baseVal?.width;
    return svg && natural ? svg.getBoundingClientRect().width / natural : 1;
  }

  /** Tags rendered nodes with the item they stand for (mermaid ids look like `<diagram>-flowchart-n12-3`). */
  private wireNodes(fc: FlowchartText): void {
    for (const el of Array.from(this.canvas.querySelectorAll<SVGGElement>('g.node, g.cluster'))) {
      const m = /(?:^|-)(?:flowchart-)?([nwm]\d+)(?:-\d+)?$/.exec(el.id);
      const item = m ? fc.items.get(m[1]!) : undefined;
      if (item === undefined) continue;
      el.dataset.itemId = item;
      el.classList.add('clickable');
    }
  }

  private onClick(e: MouseEvent): void {
    const el = e.target instanceof Element ? e.target.closest<SVGElement>('[data-item-id]') : null;
    const id = el?.dataset.itemId;
    if (!id) return;
    this.cb.reveal(id);
  }

  private showMessage(text: string, error: boolean): void {
    clear(this.canvas);
    this.canvas.append(h('div', { class: error ? 'graph-error' : 'empty-note', role: error ? 'alert' : null }, text));
  }
}

/** The font size of the graph's labels in SVG units (mermaid: 16, ours: 12). */
function textSize(svg: SVGSVGElement): number {
  const text = svg.querySelector('g.node text, text');
  const px = text ? parseFloat(getComputedStyle(text).fontSize) : NaN;
  return Number.isFinite(px) && px > 0 ? px : 16;
}

/** What the drawing depends on, to skip redrawing an unchanged graph. */
function modelKey(m: GraphModel): string {
  const parts: string[] = [m.lanes.join('\u0001')];
  for (const n of m.nodes) parts.push(`${n.itemId}\u0001${n.label}\u0001${n.lane}${n.critical ? '!' : ''}`);
  for (const e of m.edges) parts.push(`${e.from}>${e.to}${e.critical ? '!' : ''}${e.label}`);
  return parts.join('\n');
}
