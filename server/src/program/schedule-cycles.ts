// Dependency cycles, reported: one error on every written dependency inside a
// cycle (the strongly connected components of schedule-graph.ts), naming a
// cycle through it. Cold path: edges are materialised as objects here only.
import { diagnostic } from './diagnostic.js';
import { edgeAt } from './schedule-graph.js';
import type { Components, Edge, ScheduleGraph } from './schedule-graph.js';
import type { Dependency, Diagnostic, RelatedInfo } from './types.js';

/** Longest cycle named in full; longer ones are shortened with an ellipsis. */
const MAX_NAMED = 40;
const MAX_RELATED = 20;

/**
 * One `dependency-cycle` error on every written dependency inside a cycle. For
 * the edge "X depends on Y" the message names a cycle through it: X, Y, then a
 * path from Y back to X inside the component (via a root r: Y ⇝ r along
 * dependents' BFS tree, r ⇝ X along predecessors' BFS tree, loops cut out), so
 * the work is linear per component plus at most MAX_NAMED steps per edge.
 */
export function cycleDiagnostics(g: ScheduleGraph, c: Components): Diagnostic[] {
  const out: Diagnostic[] = [];
  const up = new Map<number, Edge>(); // r ⇝ node: the edge from its parent (edge.to = parent)
  const down = new Map<number, Edge>(); // node ⇝ r: the edge to its parent (edge.from = parent)
  for (const scc of c.cycles) {
    const root = scc[0] as number;
    const compId = c.comp[root];
    up.clear(); down.clear();
    bfs(root, (v) => predEdges(g, v), (e) => e.from, compId, c.comp, up);
    bfs(root, (v) => succEdges(g, v), (e) => e.to, compId, c.comp, down);
    for (const v of scc) {
      for (const e of predEdges(g, v)) {
        if (!e.dep || c.comp[e.from] !== compId) continue;
        out.push(cycleDiagnostic(g, e, namedCycle(e, root, up, down)));
      }
    }
  }
  return out;
}

/** v's incoming edges as objects (allocates: for cold paths only). */
function predEdges(g: ScheduleGraph, v: number): Edge[] {
  const out: Edge[] = [];
  for (let k = g.predStart[v] as number; k < (g.predStart[v + 1] as number); k++) out.push(edgeAt(g, k));
  return out;
}

/** v's outgoing edges as objects (allocates: for cold paths only). */
function succEdges(g: ScheduleGraph, v: number): Edge[] {
  const out: Edge[] = [];
  for (let k = g.succStart[v] as number; k < (g.succStart[v + 1] as number); k++) out.push(edgeAt(g, g.succEdge[k] as number));
  return out;
}

function bfs(
  root: number, edgesOf: (v: number) => Edge[], other: (e: Edge) => number,
  compId: number | undefined, comp: Int32Array, parent: Map<number, Edge>,
): void {
  const queue = [root];
  const seen = new Set<number>([root]);
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head] as number;
    for (const e of edgesOf(v)) {
      const w = other(e);
      if (comp[w] !== compId || seen.has(w)) continue;
      seen.add(w);
      parent.set(w, e);
      queue.push(w);
    }
  }
}

interface NamedCycle {
  /** Node ids X, Y, …, X (an undefined entry stands for an elided stretch). */
  readonly nodes: (number | undefined)[];
  readonly edges: Edge[];
}

/** The edges from `start` to `root` following `links` (a node's edge, and the node it leads to), at most MAX_NAMED + 1. */
function toRoot(start: number, root: number, links: Map<number, Edge>, next: (e: Edge) => number): Edge[] {
  const out: Edge[] = [];
  for (let cur = start; cur !== root && out.length <= MAX_NAMED; ) {
    const e = links.get(cur);
    if (!e) break;
    out.push(e);
    cur = next(e);
  }
  return out;
}

function namedCycle(e: Edge, root: number, up: Map<number, Edge>, down: Map<number, Edge>): NamedCycle {
  const x = e.to;
  const y = e.from;
  // Y ⇝ root along `down`, then root ⇝ X along `up` (collected backwards from X).
  const first = toRoot(y, root, down, (d) => d.from);
  const second = toRoot(x, root, up, (u) => u.to).reverse();
  if (first.length + second.length > MAX_NAMED) {
    // Too long to name in full: its start and its end, with the middle elided.
    const head = first.slice(0, MAX_NAMED / 2);
    const tail = second.slice(-MAX_NAMED / 2);
    const nodes: (number | undefined)[] = [x, y, ...head.map((d) => d.from), undefined, ...tail.map((u) => u.from)];
    if (nodes[nodes.length - 1] !== x) nodes.push(x);
    return { nodes, edges: [e, ...head, ...tail] };
  }
  // Walk Y … X, cutting loops so each id appears once.
  const walkNodes: number[] = [y];
  const walkEdges: Edge[] = [];
  const pos = new Map<number, number>([[y, 0]]);
  const step = (edge: Edge, node: number): void => {
    const seen = pos.get(node);
    if (seen !== undefined) {
      for (let i = seen + 1; i < walkNodes.length; i++) pos.delete(walkNodes[i] as number);
      walkNodes.length = seen + 1;
      walkEdges.length = seen;
      return;
    }
    pos.set(node, walkNodes.length);
    walkNodes.push(node);
    walkEdges.push(edge);
  };
  for (const d of first) step(d, d.from);
  for (const u of second) step(u, u.from);
  return { nodes: [x, ...walkNodes], edges: [e, ...walkEdges] };
}

function cycleDiagnostic(g: ScheduleGraph, e: Edge, named: NamedCycle): Diagnostic {
  const dep = e.dep as Dependency;
  const cycle = named.nodes.map((n) => (n === undefined ? '…' : (g.ids[n] as string)));
  const related: RelatedInfo[] = [];
  for (const other of named.edges.slice(1, MAX_RELATED + 1)) {
    const dependent = g.ids[other.to] as string;
    const predecessor = g.ids[other.from] as string;
    if (other.dep) {
      related.push({ uri: other.dep.uri, span: other.dep.span, message: `\`${dependent}\` depends on \`${predecessor}\`` });
    } else {
      const t = g.tasks[other.from];
      if (t) related.push({ uri: t.entity.uri, span: t.entity.idSpan, message: `\`${predecessor}\` is a task of workstream \`${dependent}\`` });
    }
  }
  return diagnostic('dependency-cycle', dep.uri, dep.span,
    `Dependency cycle: ${cycle.map((id) => (id === '…' ? id : `\`${id}\``)).join(' -> ')}. The items in it get no dates; remove one of these dependencies.`,
    { related, data: { cycle, itemSpan: dep.itemSpan } });
}
