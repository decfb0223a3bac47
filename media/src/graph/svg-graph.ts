// The dependency graph drawn by the preview itself (layered.ts lays it out),
// for the workstream view and for item graphs too big for mermaid to draw
// quickly. Same conventions as the mermaid drawing: `g.node` elements carry
// `data-item-id` for clicks, `.crit` marks the critical path, and every user
// string is a text node (labels, and full names in <title> tooltips).
import type { ViewModel } from '../../../server/src/view/view-model.js';
import { s } from '../dom.js';
import { GAP_X, NODE_H, NODE_W, edgePath, layeredLayout } from './layered.js';
import { edgePathDown, topDownLayout } from './layered-tb.js';

export interface GraphNode {
  readonly itemId: string;
  readonly label: string;
  /** The tooltip: full name and id. */
  readonly title: string;
  readonly kind: 'task' | 'milestone' | 'workstream';
  readonly critical: boolean;
  readonly lane: number;
}
export interface GraphEdge {
  readonly from: number;
  readonly to: number;
  readonly critical: boolean;
  /** `SS`, `FF+2d`…; empty for a plain finish-to-start. */
  readonly label: string;
  readonly title: string;
}
export interface GraphModel {
  readonly nodes: GraphNode[];
  readonly edges: GraphEdge[];
  readonly lanes: string[];
}

function depTag(type: string, lagDays: number): string {
  return `${type === 'FS' ? '' : type}${lagDays ? `${lagDays > 0 ? '+' : ''}${lagDays}d` : ''}`;
}

/**
 * Tasks and milestones (all, or those in `only`): milestones in the top lane,
 * then one lane per workstream. A dependency on a whole workstream is drawn
 * from that workstream's last tasks (those with no successor inside it).
 */
export function itemGraph(vm: ViewModel, only: Set<string> | null): GraphModel {
  const include = (id: string): boolean => only === null || only.has(id);
  const nodes: GraphNode[] = [];
  const at = new Map<string, number>();
  const lanes = ['Milestones'];
  for (const m of vm.milestones) {
    if (!include(m.id)) continue;
    at.set(m.id, nodes.length);
    nodes.push({ itemId: m.id, label: `◆ ${m.name ?? m.id}`, title: `◆ ${m.name ?? m.id} (${m.id})`, kind: 'milestone', critical: m.critical, lane: 0 });
  }
  const taskById = new Map(vm.tasks.map((t) => [t.id, t]));
  const wsTasks = new Map<string, string[]>();
  const addTask = (id: string, lane: number): void => {
    const t = taskById.get(id);
    if (!t || at.has(id) || !include(id)) return;
    at.set(id, nodes.length);
    nodes.push({ itemId: id, label: t.name ?? id, title: `${t.name ?? id} (${id})`, kind: 'task', critical: t.critical, lane });
  };
  for (const ws of vm.workstreams) {
    wsTasks.set(ws.id, ws.taskIds);
    const lane = lanes.length;
    const before = nodes.length;
    for (const id of ws.taskIds) addTask(id, lane);
    if (nodes.length > before) lanes.push(ws.name ?? ws.id);
  }
  const lane = lanes.length;
  const before = nodes.length;
  for (const t of vm.tasks) addTask(t.id, lane);
  if (nodes.length > before) lanes.push('No workstream');

  // A workstream's last tasks: no successor among its own tasks.
  const inWs = new Map<string, Set<string>>();
  for (const [ws, ids] of wsTasks) inWs.set(ws, new Set(ids));
  const hasInnerSucc = new Set<string>();
  for (const d of vm.dependencies) {
    if (d.fromKind !== 'task') continue;
    const t = taskById.get(d.to);
    if (t?.workstreamId && inWs.get(t.workstreamId)?.has(d.from)) hasInnerSucc.add(d.from);
  }
  const edges: GraphEdge[] = [];
  for (const d of vm.dependencies) {
    const b = at.get(d.to);
    if (b === undefined) continue;
    const tag = depTag(d.type, d.lagDays);
    if (d.fromKind === 'workstream') {
      for (const id of wsTasks.get(d.from) ?? []) {
        const a = at.get(id);
        if (a !== undefined && !hasInnerSucc.has(id)) edges.push({ from: a, to: b, critical: d.critical, label: tag, title: `${d.to} depends on workstream ${d.from}` });
      }
      continue;
    }
    const a = at.get(d.from);
    if (a !== undefined) edges.push({ from: a, to: b, critical: d.critical, label: tag, title: `${d.from} → ${d.to}${tag ? ` (${tag})` : ''}` });
  }
  return { nodes, edges, lanes };
}

/** One node per workstream (with its task count) and per milestone; one edge per pair with a dependency between them. */
export function workstreamGraph(vm: ViewModel): GraphModel {
  const nodes: GraphNode[] = [];
  const at = new Map<string, number>();
  const wsOfTask = new Map<string, string>();
  for (const m of vm.milestones) {
    at.set(m.id, nodes.length);
    nodes.push({ itemId: m.id, label: `◆ ${m.name ?? m.id}`, title: `◆ ${m.name ?? m.id} (${m.id})`, kind: 'milestone', critical: m.critical, lane: 0 });
  }
  for (const ws of vm.workstreams) {
    at.set(ws.id, nodes.length);
    for (const t of ws.taskIds) if (!wsOfTask.has(t)) wsOfTask.set(t, ws.id);
    const n = ws.taskIds.length;
    nodes.push({ itemId: ws.id, label: `${ws.name ?? ws.id} (${n})`, title: `${ws.name ?? ws.id} (${ws.id}) · ${n} task${n === 1 ? '' : 's'}`, kind: 'workstream', critical: ws.critical, lane: 1 });
  }
  const pairs = new Map<number, boolean>();
  const groupOf = (id: string): number | undefined => at.get(wsOfTask.get(id) ?? id);
  const n = nodes.length;
  for (const d of vm.dependencies) {
    const a = groupOf(d.from);
    const b = groupOf(d.to);
    if (a === undefined || b === undefined || a === b) continue;
    const k = a * n + b;
    pairs.set(k, (pairs.get(k) ?? false) || d.critical);
  }
  const edges: GraphEdge[] = [];
  for (const [k, critical] of pairs) {
    const a = Math.floor(k / n);
    const b = k % n;
    edges.push({ from: a, to: b, critical, label: '', title: `${nodes[a]!.itemId} → ${nodes[b]!.itemId}` });
  }
  return { nodes, edges, lanes: ['Milestones', 'Workstreams'] };
}

/** The label cut to the characters that fit a node this wide (12 px text, ~6.6 px a character); the tooltip has it whole. */
function fit(text: string, nodeW: number): string {
  const chars = Math.floor((nodeW - 16) / 6.6);
  return text.length > chars ? `${text.slice(0, chars - 1)}…` : text;
}

export interface DrawOptions {
  /**
   * Lay the graph out top to bottom, exactly this wide (SVG units): for a
   * narrow panel, where left to right cuts nodes off at a readable zoom.
   */
  readonly topDownWidth?: number;
}

export function drawGraph(model: GraphModel, opts: DrawOptions = {}): SVGSVGElement {
  return opts.topDownWidth === undefined ? drawLeftToRight(model) : drawTopDown(model, opts.topDownWidth);
}

function svgRoot(width: number, height: number, direction: 'lr' | 'tb'): SVGSVGElement {
  const svg = s('svg', { class: `layered-graph ${direction}`, xmlns: 'http://www.w3.org/2000/svg', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img' });
  const defs = s('defs');
  for (const [id, cls] of [['pac-garrow', 'garrow'], ['pac-garrow-crit', 'garrow critical']] as const) {
    const marker = s('marker', { id, viewBox: '0 0 8 8', refX: 7, refY: 4, markerWidth: 7, markerHeight: 7, orient: 'auto' });
    marker.append(s('path', { class: cls, d: 'M0,0L8,4L0,8Z' }));
    defs.append(marker);
  }
  svg.append(defs);
  return svg;
}

function nodeElement(nd: GraphNode, x: number, y: number, w: number): SVGGElement {
  const half = NODE_H / 2;
  const g = s('g', { class: `node gnode ${nd.kind}${nd.critical ? ' crit' : ''} clickable`, 'data-item-id': nd.itemId, transform: `translate(${x},${y})` });
  const shape = nd.kind === 'milestone'
    ? s('path', { class: 'gshape', d: `M8,0H${w - 8}L${w},${half}L${w - 8},${NODE_H}H8L0,${half}Z` })
    : s('rect', { class: 'gshape', width: w, height: NODE_H, rx: nd.kind === 'workstream' ? 2 : 5 });
  g.append(s('title', {}, nd.title), shape, s('text', { class: 'glabel', x: w / 2, y: half + 4, 'text-anchor': 'middle' }, fit(nd.label, w)));
  return g;
}

function edgeElement(e: GraphEdge, d: string): SVGElement {
  return s('path', { class: `gedge${e.critical ? ' critical' : ''}`, d, 'marker-end': e.critical ? 'url(#pac-garrow-crit)' : 'url(#pac-garrow)' }, s('title', {}, e.title));
}

/**
 * Layers as rows, no lane bands (a band per workstream would not fit a side
 * panel): milestones and workstreams are told apart by their shapes, and
 * each node's tooltip names it in full.
 */
function drawTopDown(model: GraphModel, width: number): SVGSVGElement {
  const { nodes, edges } = model;
  const L = topDownLayout(nodes, edges, width);
  const svg = svgRoot(L.width, L.height, 'tb');
  const edgeG = s('g', { class: 'gedges' });
  for (const e of edges) {
    const w1 = L.w[e.from]!;
    const w2 = L.w[e.to]!;
    const x1 = L.x[e.from]! + w1 / 2;
    const y1 = L.y[e.from]! + NODE_H;
    const x2 = L.x[e.to]! + w2 / 2;
    const y2 = L.y[e.to]!;
    edgeG.append(edgeElement(e, edgePathDown(x1, y1, x2, y2 - 1, w1, w2, L.width)));
    if (e.label) edgeG.append(s('text', { class: 'gedge-label', x: x2 + 6, y: y2 - 6, 'text-anchor': 'start' }, e.label));
  }
  for (const p of Array.from(edgeG.querySelectorAll('.gedge.critical'))) edgeG.append(p);
  const nodeG = s('g', { class: 'gnodes' });
  nodes.forEach((nd, i) => nodeG.append(nodeElement(nd, L.x[i]!, L.y[i]!, L.w[i]!)));
  svg.append(edgeG, nodeG);
  return svg;
}

function drawLeftToRight(model: GraphModel): SVGSVGElement {
  const { nodes, edges, lanes } = model;
  const L = layeredLayout(nodes, edges, lanes.length);
  const svg = svgRoot(L.width, L.height, 'lr');
  const laneG = s('g', { class: 'lanes' });
  lanes.forEach((label, i) => {
    const h = L.laneHeight[i]!;
    if (!h) return;
    const y = L.laneTop[i]!;
    laneG.append(
      s('rect', { class: `lane${i % 2 ? ' lane-odd' : ''}`, x: 0, y, width: L.width, height: h }),
      s('text', { class: 'lane-label', x: 8, y: y + 17 }, label),
    );
  });
  const edgeG = s('g', { class: 'gedges' });
  const half = NODE_H / 2;
  for (const e of edges) {
    const x1 = L.x[e.from]! + NODE_W;
    const y1 = L.y[e.from]! + half;
    const x2 = L.x[e.to]!;
    const y2 = L.y[e.to]! + half;
    edgeG.append(edgeElement(e, edgePath(x1, y1, x2 - 1, y2)));
    if (e.label) {
      const lx = x2 > x1 ? x2 - Math.min(GAP_X, (x2 - x1)) / 2 : x2 - 12;
      edgeG.append(s('text', { class: 'gedge-label', x: lx, y: y2 - 5, 'text-anchor': 'middle' }, e.label));
    }
  }
  // Critical edges on top of the others.
  for (const p of Array.from(edgeG.querySelectorAll('.gedge.critical'))) edgeG.append(p);
  const nodeG = s('g', { class: 'gnodes' });
  nodes.forEach((nd, i) => nodeG.append(nodeElement(nd, L.x[i]!, L.y[i]!, NODE_W)));
  svg.append(laneG, edgeG, nodeG);
  return svg;
}

/** A standalone copy of a drawn graph: the theme's computed colours written onto the elements. */
export function standaloneSvg(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const src = [svg, ...Array.from(svg.querySelectorAll('*'))];
  const dst = [copy, ...Array.from(copy.querySelectorAll('*'))];
  const props = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'font-family', 'font-size', 'font-weight', 'opacity'];
  src.forEach((el, i) => {
    const cs = getComputedStyle(el);
    const d = dst[i] as SVGElement;
    for (const p of props) {
      const v = cs.getPropertyValue(p);
      if (v) d.style.setProperty(p, v);
    }
  });
  copy.style.backgroundColor = getComputedStyle(document.body).backgroundColor;
  return new XMLSerializer().serializeToString(copy);
}
