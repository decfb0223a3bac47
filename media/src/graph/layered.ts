// The preview's own graph layout, for graphs too big for mermaid to draw
// quickly (mermaid spends ~4 ms per node and ~8 ms per edge: 300 tasks took
// over 5 s). Left to right like mermaid's `flowchart LR`, in horizontal lanes
// (one per workstream, milestones on top, as in the Gantt):
// - layers: the longest dependency path to each node (so every arrow points
//   right), after setting aside the edges that close a cycle;
// - order: within each lane and layer, a few barycentre sweeps bring nodes
//   next to their neighbours, which keeps crossings down;
// - slots: a node takes the row of its predecessors when it is free, so a
//   chain of work reads as a straight line.
// Pure: no DOM, so it is unit-testable and its cost is easy to measure.

export interface LayoutNode {
  /** The lane (index into `lanes`). */
  readonly lane: number;
}
export interface LayoutEdge {
  readonly from: number;
  readonly to: number;
}

export interface GraphLayout {
  /** Top-left corner of each node, in the input order. */
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly layer: Int32Array;
  /** Each lane's top and height (a lane with no node has height 0). */
  readonly laneTop: number[];
  readonly laneHeight: number[];
  readonly width: number;
  readonly height: number;
}

export const NODE_W = 176;
export const NODE_H = 30;
export const GAP_X = 56;
export const GAP_Y = 12;
export const LANE_PAD = 10;

export function layeredLayout(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[], laneCount: number, left = 12): GraphLayout {
  const n = nodes.length;
  const { succ, pred } = adjacency(n, edges);

  const { layer, layers } = longestPathLayers(succ);

  // Cells: the nodes of one lane in one layer, ordered by barycentre sweeps.
  const cells = new Map<number, number[]>();
  const cellKey = (lane: number, l: number): number => lane * (layers + 1) + l;
  for (let i = 0; i < n; i++) {
    const k = cellKey(nodes[i]!.lane, layer[i]!);
    (cells.get(k) ?? cells.set(k, []).get(k)!).push(i);
  }
  const pos = new Float64Array(n); // global vertical order key: lane first, then rank in cell
  const renumber = (): void => {
    for (const [k, list] of cells) {
      const lane = Math.floor(k / (layers + 1));
      list.forEach((v, r) => { pos[v] = lane * 1e6 + r; });
    }
  };
  renumber();
  const byLayer: number[][] = Array.from({ length: layers }, () => []);
  for (const k of cells.keys()) byLayer[k % (layers + 1)]!.push(k);
  const bary = new Float64Array(n);
  const sweep = (neigh: number[][], from: number, to: number, step: number): void => {
    for (let l = from; l !== to; l += step) {
      for (const k of byLayer[l]!) {
        const list = cells.get(k)!;
        for (let r = 0; r < list.length; r++) {
          const v = list[r]!;
          let sum = 0;
          let cnt = 0;
          for (const w of neigh[v]!) { sum += pos[w]!; cnt++; }
          bary[v] = cnt ? sum / cnt : pos[v]!;
        }
        list.sort((a, b) => bary[a]! - bary[b]! || a - b);
        const lane = Math.floor(k / (layers + 1));
        list.forEach((v, r) => { pos[v] = lane * 1e6 + r; });
      }
    }
  };
  for (let it = 0; it < 2; it++) {
    sweep(pred, 1, layers, 1);
    sweep(succ, layers - 2, -1, -1);
  }
  sweep(pred, 1, layers, 1);

  // Slots: the row within the lane. A node wants the mean row of its
  // predecessors in the same lane; rows in a cell stay in sweep order.
  const slot = new Int32Array(n);
  for (let l = 0; l < layers; l++) {
    for (const k of byLayer[l]!) {
      let next = 0;
      for (const v of cells.get(k)!) {
        let sum = 0;
        let cnt = 0;
        for (const w of pred[v]!) if (nodes[w]!.lane === nodes[v]!.lane && layer[w]! < layer[v]!) { sum += slot[w]!; cnt++; }
        const want = cnt ? Math.round(sum / cnt) : next;
        slot[v] = Math.max(next, want);
        next = slot[v]! + 1;
      }
    }
  }
  const rows = new Array<number>(laneCount).fill(0);
  for (let i = 0; i < n; i++) rows[nodes[i]!.lane] = Math.max(rows[nodes[i]!.lane]!, slot[i]! + 1);
  const laneTop: number[] = [];
  const laneHeight: number[] = [];
  let y = 0;
  for (let lane = 0; lane < laneCount; lane++) {
    laneTop.push(y);
    const h = rows[lane] ? rows[lane]! * (NODE_H + GAP_Y) - GAP_Y + 2 * LANE_PAD + 16 : 0;
    laneHeight.push(h);
    y += h;
  }
  const x = new Float64Array(n);
  const ys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = left + layer[i]! * (NODE_W + GAP_X);
    ys[i] = laneTop[nodes[i]!.lane]! + LANE_PAD + 16 + slot[i]! * (NODE_H + GAP_Y);
  }
  return { x, y: ys, layer, laneTop, laneHeight, width: left + Math.max(1, layers) * (NODE_W + GAP_X) - GAP_X + 12, height: Math.max(y, NODE_H) };
}

/** Successor and predecessor lists, without self-loops or edges to nodes that do not exist. */
export function adjacency(n: number, edges: readonly LayoutEdge[]): { succ: number[][]; pred: number[][] } {
  const succ: number[][] = Array.from({ length: n }, () => []);
  const pred: number[][] = Array.from({ length: n }, () => []);
  for (const e of edges) {
    if (e.from === e.to || e.from < 0 || e.to < 0 || e.from >= n || e.to >= n) continue;
    succ[e.from]!.push(e.to);
    pred[e.to]!.push(e.from);
  }
  return { succ, pred };
}

/**
 * Layers by longest path over the edges that do not close a cycle (an
 * iterative DFS marks back edges; the view model may hold a cycle the
 * diagnostics report). Shared by the left-to-right and top-down layouts.
 */
export function longestPathLayers(succ: readonly number[][]): { layer: Int32Array; layers: number } {
  const n = succ.length;
  const layer = new Int32Array(n);
  const state = new Uint8Array(n); // 0 new, 1 on stack, 2 done
  const order: number[] = []; // reverse post-order = a topological order of the acyclic part
  const back = new Set<number>(); // from * n + to
  for (let root = 0; root < n; root++) {
    if (state[root]) continue;
    const stack: [number, number][] = [[root, 0]];
    state[root] = 1;
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const [v, i] = top;
      const out = succ[v]!;
      if (i < out.length) {
        top[1]++;
        const w = out[i]!;
        if (state[w] === 0) { state[w] = 1; stack.push([w, 0]); } else if (state[w] === 1) back.add(v * n + w);
      } else {
        state[v] = 2;
        order.push(v);
        stack.pop();
      }
    }
  }
  order.reverse();
  for (const v of order) {
    for (const w of succ[v]!) {
      if (back.has(v * n + w)) continue;
      if (layer[w]! < layer[v]! + 1) layer[w] = layer[v]! + 1;
    }
  }
  let layers = 0;
  for (let i = 0; i < n; i++) if (layer[i]! + 1 > layers) layers = layer[i]! + 1;
  return { layer, layers };
}

/** An edge from the right side of one node to the left side of another, as a smooth curve. */
export function edgePath(x1: number, y1: number, x2: number, y2: number): string {
  const r = (v: number): string => String(Math.round(v * 10) / 10);
  if (x2 > x1 + 8) {
    const dx = Math.min(GAP_X, (x2 - x1) / 2);
    return `M${r(x1)},${r(y1)}C${r(x1 + dx)},${r(y1)} ${r(x2 - dx)},${r(y2)} ${r(x2)},${r(y2)}`;
  }
  // Backwards (an edge that closes a cycle): loop out and round.
  const out = 24;
  const yl = Math.max(y1, y2) + NODE_H;
  return `M${r(x1)},${r(y1)}C${r(x1 + out)},${r(y1)} ${r(x1 + out)},${r(yl)} ${r(x1)},${r(yl)}H${r(x2)}C${r(x2 - out)},${r(yl)} ${r(x2 - out)},${r(y2)} ${r(x2)},${r(y2)}`;
}
