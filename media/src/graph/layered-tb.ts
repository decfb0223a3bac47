// The top-down variant of the preview's own layout, for a narrow (side)
// panel: left to right, a chain of four nodes is ~900 px wide, so at a
// readable zoom a 560 px panel cut nodes off at both edges and left most of
// its height empty. Here layers are rows (every arrow points down) and the
// nodes of a layer sit side by side, as many as the given width holds at a
// readable node width (wider, up to MAX_NODE_W, when fewer are needed);
// a wider layer wraps onto more rows. The drawing is
// exactly the given width, so it fits the panel and scrolls vertically.
// Pure: no DOM.
import { NODE_H, adjacency, longestPathLayers, type LayoutEdge, type LayoutNode } from './layered.js';

export interface TopDownLayout {
  /** Top-left corner of each node, in the input order. */
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly layer: Int32Array;
  /** Each node's width: the nodes of one row share the width, up to MAX_NODE_W. */
  readonly w: Float64Array;
  readonly width: number;
  readonly height: number;
}

/** The narrowest node worth drawing (~19 characters of 12 px text). */
export const MIN_NODE_W = 140;
/** The widest: with few columns a node takes more of the width, so fewer labels are cut short (~34 characters). */
export const MAX_NODE_W = 240;
const PAD = 8;
const GAP_X = 12;
/** Between the wrapped rows of one layer. */
const GAP_WRAP = 10;
/** Between layers: room for the arrows. */
export const GAP_LAYER = 36;

export function topDownLayout(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[], width: number): TopDownLayout {
  const n = nodes.length;
  const { succ, pred } = adjacency(n, edges);
  const { layer, layers } = longestPathLayers(succ);
  const rows: number[][] = Array.from({ length: layers }, () => []);
  for (let i = 0; i < n; i++) rows[layer[i]!]!.push(i);
  let widest = 1;
  for (const r of rows) widest = Math.max(widest, r.length);

  // Columns: as many as fit at MIN_NODE_W (at least one), no more than the widest layer needs.
  const inner = Math.max(MIN_NODE_W, width - 2 * PAD);
  const cols = Math.max(1, Math.min(widest, Math.floor((inner + GAP_X) / (MIN_NODE_W + GAP_X))));
  const widthOf = (k: number): number => Math.max(Math.min(MIN_NODE_W, inner), Math.min(MAX_NODE_W, Math.floor((inner - (k - 1) * GAP_X) / k)));
  const total = Math.max(width, 2 * PAD + cols * widthOf(cols) + (cols - 1) * GAP_X);

  // Order within a layer: lane first (milestones, then each workstream), then
  // barycentre sweeps on the neighbours' positions keep arrows short.
  const pos = new Float64Array(n);
  const number = (list: number[]): void => { list.forEach((v, r) => { pos[v] = list.length > 1 ? r / (list.length - 1) : 0.5; }); };
  for (const r of rows) { r.sort((a, b) => nodes[a]!.lane - nodes[b]!.lane || a - b); number(r); }
  const key = new Float64Array(n);
  const sweep = (neigh: number[][], from: number, to: number, step: number): void => {
    for (let l = from; l !== to; l += step) {
      const list = rows[l]!;
      for (const v of list) {
        let sum = 0;
        let cnt = 0;
        for (const w of neigh[v]!) { sum += pos[w]!; cnt++; }
        key[v] = cnt ? sum / cnt : pos[v]!;
      }
      list.sort((a, b) => key[a]! - key[b]! || nodes[a]!.lane - nodes[b]!.lane || a - b);
      number(list);
    }
  };
  for (let it = 0; it < 2; it++) {
    sweep(pred, 1, layers, 1);
    sweep(succ, layers - 2, -1, -1);
  }
  sweep(pred, 1, layers, 1);

  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const w = new Float64Array(n);
  let top = PAD;
  for (const list of rows) {
    for (let start = 0; start < list.length; start += cols) {
      const row = list.slice(start, start + cols);
      const nodeW = widthOf(row.length);
      const rowW = row.length * nodeW + (row.length - 1) * GAP_X;
      // A short row is centred, so a chain reads as a straight line down the middle.
      const left = Math.round((total - rowW) / 2);
      row.forEach((v, c) => { x[v] = left + c * (nodeW + GAP_X); y[v] = top; w[v] = nodeW; });
      top += NODE_H + (start + cols < list.length ? GAP_WRAP : 0);
    }
    top += GAP_LAYER;
  }
  return { x, y, layer, w, width: total, height: Math.max(NODE_H, top - GAP_LAYER + PAD) };
}

/**
 * An edge from the bottom centre of one node to the top centre of a lower one:
 * straight down, then a curve in the gap above the target (so an edge over
 * several layers runs down its source's column rather than across the nodes
 * between). An edge that closes a cycle loops round the right-hand side.
 */
export function edgePathDown(x1: number, y1: number, x2: number, y2: number, w1: number, w2: number, width: number): string {
  const r = (v: number): string => String(Math.round(v * 10) / 10);
  if (y2 > y1 + 8) {
    const turn = Math.max(y1, y2 - GAP_LAYER);
    const dy = (y2 - turn) / 2;
    return `M${r(x1)},${r(y1)}${turn > y1 ? `V${r(turn)}` : ''}C${r(x1)},${r(turn + dy)} ${r(x2)},${r(y2 - dy)} ${r(x2)},${r(y2)}`;
  }
  // Backwards: from the source's right side round to the target's right side.
  const sx = x1 + w1 / 2;
  const sy = y1 - NODE_H / 2;
  const tx = x2 + w2 / 2;
  const ty = y2 + NODE_H / 2;
  const out = Math.min(width - 2, Math.max(sx, tx) + 28);
  return `M${r(sx)},${r(sy)}C${r(out)},${r(sy)} ${r(out)},${r(ty)} ${r(tx)},${r(ty)}`;
}
