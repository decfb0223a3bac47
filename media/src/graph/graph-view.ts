// The Dependencies tab: the flowchart drawn by mermaid (strict security, no
// auto-start, parse before render, a fresh id per render), clicks wired by DOM
// listeners on the rendered nodes, errors shown in the panel.
// Mermaid costs ~4 ms a node and ~8 ms an edge here (300 tasks: over 5 s,
// mostly config cloning and layout), so the workstream view and item graphs
// of more than MERMAID_MAX_NODES nodes are drawn by the preview's own layered
// layout (svg-graph.ts): same clicks, classes and critical path, in lanes.
import type { ViewModel } from '../../../server/src/program/view-model.js';
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
    h('option', { value: 'fit' }, 'Fit width'), h('option', { value: '0.5' }, '50%'), h('option', { value: '0.75' }, '75%'), h('option', { value: '1' }, '100%'));
  private readonly note = h('span', { class: 'graph-note' });
  private zoom: UiState['graphZoom'] = '0.75';
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
  }

  /** The view "auto" means for this program. */
  static effectiveMode(vm: ViewModel, st: UiState): View {
    if (st.graphMode !== 'auto') return st.graphMode;
    return vm.tasks.length + vm.milestones.length > AUTO_WORKSTREAM_THRESHOLD ? 'workstreams' : 'full';
  }

  /** Renders if the graph text or theme changed; resolves when drawn. */
  update(vm: ViewModel, st: UiState, force = false): Promise<void> {
    const mode = GraphView.effectiveMode(vm, st);
    this.modeSelect.value = st.graphMode;
    this.zoomSelect.value = st.graphZoom;
    this.zoom = st.graphZoom;
    this.applyZoom();
    this.depthInput.value = String(st.graphDepth);
    if (document.activeElement !== this.focusInput) this.focusInput.value = st.focusId ?? '';
    if (mode === 'focus' && !st.focusId) {
      const key = 'pick';
      if (!force && key === this.lastKey) return this.pending;
      this.lastKey = key;
      this.note.textContent = 'Pick an item: click a node, a bar, or type an id.';
      this.pending = this.pending.then(() => { this.showMessage('Nothing to draw here.', false); this.cb.rendered(); });
      return this.pending;
    }
    // The built-in layout for the workstream view and for big item graphs.
    const own = mode === 'workstreams' ? workstreamGraph(vm) : itemGraph(vm, mode === 'focus' ? focusSet(vm, st.focusId, st.graphDepth) : null);
    if (mode === 'workstreams' || own.nodes.length > MERMAID_MAX_NODES) {
      const key = `own\n${mode}\n${modelKey(own)}`;
      if (!force && key === this.lastKey) return this.pending;
      this.lastKey = key;
      this.current = undefined;
      this.note.textContent = `${own.nodes.length} nodes · ${own.edges.length} edges${mode === 'workstreams' ? '' : ` · built-in layout (mermaid draws up to ${MERMAID_MAX_NODES} nodes)`}`;
      this.pending = this.pending.then(() => this.renderOwn(own, key));
      return this.pending;
    }
    const fc = flowchartText(vm, mode, st.focusId, st.graphDepth);
    const theme = mermaidTheme();
    const key = `${theme}\n${fc.text}`;
    if (!force && key === this.lastKey) return this.pending;
    this.lastKey = key;
    this.current = fc;
    this.note.textContent = `${fc.nodeCount} nodes · ${fc.edgeCount} edges`;
    this.pending = this.pending.then(() => this.render(fc, theme, key));
    return this.pending;
  }

  private renderOwn(model: GraphModel, key: string): void {
    if (key !== this.lastKey) return;
    if (model.nodes.length === 0) {
      this.showMessage('Nothing to draw here.', false);
    } else {
      clear(this.canvas);
      this.canvas.append(drawGraph(model));
      this.applyZoom();
    }
    this.cb.rendered();
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
      svg.style.maxWidth = 'none';
      svg.setAttribute('width', String(Math.round(natural * Number(this.zoom))));
      svg.removeAttribute('height');
    }
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

/** What the drawing depends on, to skip redrawing an unchanged graph. */
function modelKey(m: GraphModel): string {
  const parts: string[] = [m.lanes.join('\u0001')];
  for (const n of m.nodes) parts.push(`${n.itemId}\u0001${n.label}\u0001${n.lane}${n.critical ? '!' : ''}`);
  for (const e of m.edges) parts.push(`${e.from}>${e.to}${e.critical ? '!' : ''}${e.label}`);
  return parts.join('\n');
}
