// The dependency network the scheduler runs on: one node per task, milestone
// and workstream (first definition of each id), edges pointing from a
// predecessor to the item that depends on it, and a workstream pseudo-node
// that depends on each of its tasks (its dates are its tasks' dates).
// Strongly connected components come from an iterative Tarjan (no recursion:
// a chain of 100,000 tasks must not overflow the stack); its emission order is
// a topological order of the rest, predecessors first.
import type { WorkCalendar } from './calendar.js';
import { diagnostic } from './diagnostic.js';
import type { ProgramModel } from './model.js';
import type { Dependency, DependencyType, Diagnostic, Entity, Milestone, RelatedInfo, Task, Workstream } from './types.js';

export type NodeKind = 'task' | 'milestone' | 'workstream';

export interface Edge {
  /** The predecessor. */
  readonly from: number;
  /** The item that depends on it (or the workstream a task belongs to). */
  readonly to: number;
  /** The effective type: FS whenever a milestone is at either end. */
  readonly type: DependencyType;
  /** Lag in whole working days. */
  readonly lag: number;
  /** The written dependency; undefined for a task's membership in its workstream. */
  readonly dep?: Dependency;
  /** Position in the dependent's `depends_on`, for file-order tie-breaking. */
  readonly rank: number;
}

export interface ScheduleGraph {
  readonly size: number;
  readonly ids: string[];
  readonly kinds: NodeKind[];
  readonly tasks: (Task | undefined)[];
  readonly milestones: (Milestone | undefined)[];
  readonly workstreams: (Workstream | undefined)[];
  /** For workstream nodes: their task nodes, in file order (empty for other nodes). */
  readonly members: readonly (readonly number[])[];
  readonly index: Map<string, number>;
  /**
   * Edges in compressed form (flat arrays, no per-node arrays: a 100,000-task
   * program would otherwise spend most of its time allocating them).
   * Incoming edges of v, in `depends_on` order: edges[predStart[v] .. predStart[v + 1]).
   */
  readonly edges: Edge[];
  readonly predStart: Int32Array;
  /** Outgoing edges of v: edges[succEdge[k]] for k in succStart[v] .. succStart[v + 1]. */
  readonly succStart: Int32Array;
  readonly succEdge: Int32Array;
  /** Milestones: whether at least one dependency names a schedulable item. */
  readonly hasDeps: boolean[];
}

const NO_MEMBERS: readonly number[] = [];

export function buildGraph(model: ProgramModel, cal: WorkCalendar): ScheduleGraph {
  const ids: string[] = [];
  const kinds: NodeKind[] = [];
  const tasks: (Task | undefined)[] = [];
  const milestones: (Milestone | undefined)[] = [];
  const workstreams: (Workstream | undefined)[] = [];
  const index = new Map<string, number>();
  const add = (kind: NodeKind, item: Task | Milestone | Workstream): void => {
    if (index.has(item.id)) return; // a duplicate id: the first definition wins
    index.set(item.id, ids.length);
    ids.push(item.id);
    kinds.push(kind);
    tasks.push(kind === 'task' ? (item as Task) : undefined);
    milestones.push(kind === 'milestone' ? (item as Milestone) : undefined);
    workstreams.push(kind === 'workstream' ? (item as Workstream) : undefined);
  };
  // Entity order across files, so "file order" means the same thing everywhere.
  // The typed lists follow entity order, so three cursors walk them in step;
  // a model where they do not (hand-built) falls back to a lookup by entity.
  const lists = { task: model.tasks, milestone: model.milestones, workstream: model.workstreams } as const;
  const cursor = { task: 0, milestone: 0, workstream: 0 };
  let byEntity: Map<Entity, Task | Milestone | Workstream> | undefined;
  for (const e of model.entities) {
    if (e.kind !== 'task' && e.kind !== 'milestone' && e.kind !== 'workstream') continue;
    const list: readonly (Task | Milestone | Workstream)[] = lists[e.kind];
    let item = list[cursor[e.kind]];
    if (item?.entity === e) {
      cursor[e.kind]++;
    } else {
      if (!byEntity) {
        byEntity = new Map();
        for (const x of [...model.tasks, ...model.milestones, ...model.workstreams]) byEntity.set(x.entity, x);
      }
      item = byEntity.get(e);
    }
    if (item) add(e.kind, item);
  }
  // Anything the entity list missed (a hand-built model), in list order.
  if (cursor.task < model.tasks.length || cursor.milestone < model.milestones.length || cursor.workstream < model.workstreams.length) {
    for (const t of model.tasks) add('task', t);
    for (const m of model.milestones) add('milestone', m);
    for (const w of model.workstreams) add('workstream', w);
  }

  const size = ids.length;
  const edges: Edge[] = [];
  const predStart = new Int32Array(size + 1);
  const members: (readonly number[])[] = new Array<readonly number[]>(size).fill(NO_MEMBERS);
  const hasDeps: boolean[] = new Array<boolean>(size).fill(false);

  const inWorkstream = new Uint8Array(size);
  for (let v = 0; v < size; v++) {
    predStart[v] = edges.length;
    const w = workstreams[v];
    if (w) {
      const list: number[] = [];
      for (const tid of w.taskIds) {
        const t = index.get(tid);
        if (t === undefined || kinds[t] !== 'task' || tasks[t]?.workstreamId !== w.id) continue;
        if (inWorkstream[t]) continue;
        inWorkstream[t] = 1;
        list.push(t);
        edges.push({ from: t, to: v, type: 'FF', lag: 0, rank: list.length });
      }
      members[v] = list;
      continue;
    }
    const deps = tasks[v]?.dependsOn ?? milestones[v]?.dependsOn ?? [];
    if (pushDependencyEdges(edges, v, deps, kinds, index, cal) > 0 && kinds[v] === 'milestone') hasDeps[v] = true;
  }
  predStart[size] = edges.length;
  const { succStart, succEdge } = successors(size, edges);
  return { size, ids, kinds, tasks, milestones, workstreams, members, index, edges, predStart, succStart, succEdge, hasDeps };
}

/** Appends node v's edges for its `depends_on` to `out`; returns how many. */
export function pushDependencyEdges(
  out: Edge[], v: number, deps: readonly Dependency[], kinds: readonly NodeKind[], index: ReadonlyMap<string, number>, cal: WorkCalendar,
): number {
  let rank = 0;
  for (const dep of deps) {
    const p = index.get(dep.targetId);
    // Unknown ids, other kinds and self-dependencies are the loader's to report.
    if (p === undefined || p === v) continue;
    const type: DependencyType = kinds[v] === 'milestone' || kinds[p] === 'milestone' ? 'FS' : dep.type;
    const lag = dep.lag ? cal.wholeDays(dep.lag, 0).days : 0;
    out.push({ from: p, to: v, type, lag, dep, rank: rank++ });
  }
  return rank;
}

/** Outgoing edges by a counting sort on `from`. */
function successors(size: number, edges: readonly Edge[]): { succStart: Int32Array; succEdge: Int32Array } {
  const succStart = new Int32Array(size + 1);
  for (const e of edges) succStart[e.from + 1] = (succStart[e.from + 1] as number) + 1;
  for (let v = 0; v < size; v++) succStart[v + 1] = (succStart[v + 1] as number) + (succStart[v] as number);
  const fill = succStart.slice(0, size);
  const succEdge = new Int32Array(edges.length);
  for (let k = 0; k < edges.length; k++) {
    const from = (edges[k] as Edge).from;
    succEdge[fill[from] as number] = k;
    fill[from] = (fill[from] as number) + 1;
  }
  return { succStart, succEdge };
}

/**
 * The graph with extra finish-to-start links (no written dependency), e.g. the
 * leveller's holds, appended after each dependent's own edges.
 */
export function withLinks(g: ScheduleGraph, links: readonly (readonly [number, number])[]): ScheduleGraph {
  if (links.length === 0) return g;
  const extra: number[][] = [];
  for (const [from, to] of links) (extra[to] ??= []).push(from);
  const edges: Edge[] = [];
  const predStart = new Int32Array(g.size + 1);
  for (let v = 0; v < g.size; v++) {
    predStart[v] = edges.length;
    for (let k = g.predStart[v] as number; k < (g.predStart[v + 1] as number); k++) edges.push(g.edges[k] as Edge);
    let rank = (g.predStart[v + 1] as number) - (g.predStart[v] as number);
    for (const from of extra[v] ?? []) edges.push({ from, to: v, type: 'FS', lag: 0, rank: rank++ });
  }
  predStart[g.size] = edges.length;
  return { ...g, edges, predStart, ...successors(g.size, edges) };
}

export interface Components {
  /** Component number of each node. */
  readonly comp: Int32Array;
  /** 1 when the node is in a cycle (a component of two or more, or a self loop). */
  readonly cyclic: Uint8Array;
  /** All nodes, every predecessor before its dependents (cycle members grouped). */
  readonly order: number[];
  /** The cyclic components, each in node order. */
  readonly cycles: number[][];
}

/** Tarjan's algorithm, iterative, over the depends-on direction (node -> its predecessors). */
export function findComponents(g: ScheduleGraph): Components {
  const n = g.size;
  const idx = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const comp = new Int32Array(n).fill(-1);
  const cyclic = new Uint8Array(n);
  const stack: number[] = [];
  const callV: number[] = [];
  const callE: number[] = [];
  const order: number[] = [];
  const cycles: number[][] = [];
  let counter = 0;
  let compCount = 0;
  for (let s = 0; s < n; s++) {
    if (idx[s] !== -1) continue;
    idx[s] = counter; low[s] = counter; counter++;
    stack.push(s); onStack[s] = 1; callV.push(s); callE.push(g.predStart[s] as number);
    while (callV.length > 0) {
      const top = callV.length - 1;
      const v = callV[top] as number;
      const ei = callE[top] as number;
      if (ei < (g.predStart[v + 1] as number)) {
        callE[top] = ei + 1;
        const w = (g.edges[ei] as Edge).from;
        if (idx[w] === -1) {
          idx[w] = counter; low[w] = counter; counter++;
          stack.push(w); onStack[w] = 1; callV.push(w); callE.push(g.predStart[w] as number);
        } else if (onStack[w] === 1 && (idx[w] as number) < (low[v] as number)) {
          low[v] = idx[w] as number;
        }
        continue;
      }
      callV.pop(); callE.pop();
      if (callV.length > 0) {
        const u = callV[callV.length - 1] as number;
        if ((low[v] as number) < (low[u] as number)) low[u] = low[v] as number;
      }
      if (low[v] !== idx[v]) continue;
      const members: number[] = [];
      let w: number;
      do {
        w = stack.pop() as number;
        onStack[w] = 0;
        comp[w] = compCount;
        members.push(w);
      } while (w !== v);
      compCount++;
      let selfLoop = false;
      if (members.length === 1) {
        for (let k = g.predStart[v] as number; k < (g.predStart[v + 1] as number); k++) if ((g.edges[k] as Edge).from === v) selfLoop = true;
      }
      if (members.length > 1 || selfLoop) {
        members.sort((a, b) => a - b);
        for (const m of members) cyclic[m] = 1;
        cycles.push(members);
      }
      for (const m of members) order.push(m);
    }
  }
  return { comp, cyclic, order, cycles };
}

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

/** v's incoming edges as an array (allocates: for cold paths only). */
export function predEdges(g: ScheduleGraph, v: number): Edge[] {
  return g.edges.slice(g.predStart[v] as number, g.predStart[v + 1] as number);
}

/** v's outgoing edges as an array (allocates: for cold paths only). */
export function succEdges(g: ScheduleGraph, v: number): Edge[] {
  const out: Edge[] = [];
  for (let k = g.succStart[v] as number; k < (g.succStart[v + 1] as number); k++) out.push(g.edges[g.succEdge[k] as number] as Edge);
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

function namedCycle(e: Edge, root: number, up: Map<number, Edge>, down: Map<number, Edge>): NamedCycle {
  const x = e.to;
  const y = e.from;
  // Y ⇝ root along `down`, then root ⇝ X along `up` (collected backwards from X).
  const first: Edge[] = [];
  for (let cur = y; cur !== root && first.length <= MAX_NAMED; ) {
    const d = down.get(cur);
    if (!d) break;
    first.push(d);
    cur = d.from;
  }
  const second: Edge[] = [];
  for (let cur = x; cur !== root && second.length <= MAX_NAMED; ) {
    const u = up.get(cur);
    if (!u) break;
    second.push(u);
    cur = u.to;
  }
  second.reverse();
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
