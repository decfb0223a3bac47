// The dependency network the scheduler runs on: one node per task, milestone
// and workstream (first definition of each id), edges pointing from a
// predecessor to the item that depends on it, and a workstream pseudo-node
// that depends on each of its tasks (its dates are its tasks' dates).
// Strongly connected components come from an iterative Tarjan (no recursion:
// a chain of 100,000 tasks must not overflow the stack); its emission order is
// a topological order of the rest, predecessors first.
//
// Edges live in flat typed arrays (one slot per edge), not one object each: a
// 100,000-task program has some 300,000 edges, and as objects they cost more
// in allocation and garbage collection than every pass over them together.
import type { WorkCalendar } from './calendar.js';
import { DEP_FF, DEP_FS, dependencyCode } from './dependency-codes.js';
import type { ProgramModel } from './model.js';
import type { Dependency, DependencyType, Entity, Milestone, Task, Workstream } from './types.js';

// Local copies for the per-edge loops: an imported binding is a property read
// on every use where the code runs unbundled (tsx, the tests, the bench).
const FS: number = DEP_FS;
const FF: number = DEP_FF;
const codeOf = dependencyCode;

export type NodeKind = 'task' | 'milestone' | 'workstream';

/** One edge as an object, for cold paths (cycle messages): see `edgeAt`. */
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
}

/** The edges of a graph, edge k in slot k of each array. */
export interface EdgeArrays {
  readonly edgeCount: number;
  /** The predecessor. */
  readonly edgeFrom: Int32Array;
  /** The item that depends on it (or the workstream a task belongs to). */
  readonly edgeTo: Int32Array;
  /** The effective type as a dependency code (DEP_FS, DEP_SS, DEP_FF): FS whenever a milestone is at either end. */
  readonly edgeType: Uint8Array;
  /** Lag in whole working days. */
  readonly edgeLag: Float64Array;
  /**
   * Where the written dependency is in the dependent's `depends_on` (see
   * `edgeDependency`); -1 for a task's membership in its workstream and for links.
   */
  readonly edgeDepAt: Int32Array;
}

export interface ScheduleGraph extends EdgeArrays {
  readonly size: number;
  readonly ids: string[];
  readonly kinds: NodeKind[];
  readonly tasks: (Task | undefined)[];
  readonly milestones: (Milestone | undefined)[];
  readonly workstreams: (Workstream | undefined)[];
  /** For workstream nodes: their task nodes, in file order (empty for other nodes). */
  readonly members: readonly (readonly number[])[];
  readonly index: Map<string, number>;
  /** Incoming edges of v, in `depends_on` order: edges predStart[v] .. predStart[v + 1] - 1. */
  readonly predStart: Int32Array;
  /** Outgoing edges of v: edges succEdge[k] for k in succStart[v] .. succStart[v + 1] - 1. */
  readonly succStart: Int32Array;
  readonly succEdge: Int32Array;
  /** Milestones: whether at least one dependency names a schedulable item. */
  readonly hasDeps: boolean[];
}

const NO_MEMBERS: readonly number[] = [];

const TYPE_NAMES: readonly DependencyType[] = ['FS', 'SS', 'FF'];
/** A dependency code (edgeType) as the type it stands for. */
export const typeName = (code: number): DependencyType => TYPE_NAMES[code] ?? 'FS';

/** The written dependency behind edge k; undefined for a membership or a link. */
export function edgeDependency(g: ScheduleGraph, k: number): Dependency | undefined {
  const at = g.edgeDepAt[k] as number;
  if (at < 0) return undefined;
  const to = g.edgeTo[k] as number;
  return (g.tasks[to]?.dependsOn ?? g.milestones[to]?.dependsOn)?.[at];
}

/** Edge k as an object (allocates: for cold paths only). */
export function edgeAt(g: ScheduleGraph, k: number): Edge {
  const dep = edgeDependency(g, k);
  return { from: g.edgeFrom[k] as number, to: g.edgeTo[k] as number, type: typeName(g.edgeType[k] as number), lag: g.edgeLag[k] as number, ...(dep && { dep }) };
}

/** Edges appended one by one into typed arrays that grow by doubling. */
export class EdgeList implements EdgeArrays {
  edgeCount = 0;
  edgeFrom: Int32Array;
  edgeTo: Int32Array;
  edgeType: Uint8Array;
  edgeLag: Float64Array;
  edgeDepAt: Int32Array;

  constructor(capacity: number) {
    const n = Math.max(4, capacity);
    this.edgeFrom = new Int32Array(n);
    this.edgeTo = new Int32Array(n);
    this.edgeType = new Uint8Array(n);
    this.edgeLag = new Float64Array(n);
    this.edgeDepAt = new Int32Array(n);
  }

  /** `depAt`: the dependency's position in the dependent's `depends_on`, or -1. */
  push(from: number, to: number, type: number, lag: number, depAt: number): void {
    const k = this.edgeCount;
    if (k === this.edgeFrom.length) this.grow();
    this.edgeFrom[k] = from;
    this.edgeTo[k] = to;
    this.edgeType[k] = type;
    this.edgeLag[k] = lag;
    this.edgeDepAt[k] = depAt;
    this.edgeCount = k + 1;
  }

  private grow(): void {
    const n = this.edgeFrom.length * 2;
    const widen = <A extends Int32Array | Uint8Array | Float64Array>(a: A, make: (n: number) => A): A => { const b = make(n); b.set(a); return b; };
    this.edgeFrom = widen(this.edgeFrom, (m) => new Int32Array(m));
    this.edgeTo = widen(this.edgeTo, (m) => new Int32Array(m));
    this.edgeType = widen(this.edgeType, (m) => new Uint8Array(m));
    this.edgeLag = widen(this.edgeLag, (m) => new Float64Array(m));
    this.edgeDepAt = widen(this.edgeDepAt, (m) => new Int32Array(m));
  }

  /** The arrays cut to the edges pushed (views, no copy). */
  done(): EdgeArrays {
    const n = this.edgeCount;
    return {
      edgeCount: n, edgeFrom: this.edgeFrom.subarray(0, n), edgeTo: this.edgeTo.subarray(0, n),
      edgeType: this.edgeType.subarray(0, n), edgeLag: this.edgeLag.subarray(0, n), edgeDepAt: this.edgeDepAt.subarray(0, n),
    };
  }
}

export function buildGraph(model: ProgramModel, cal: WorkCalendar): ScheduleGraph {
  // Sized up front (at most one node per item) and cut to length at the end: growing five lists of 100,000 costs more.
  const most = model.tasks.length + model.milestones.length + model.workstreams.length;
  const ids = new Array<string>(most);
  const kinds = new Array<NodeKind>(most);
  const tasks = new Array<Task | undefined>(most);
  const milestones = new Array<Milestone | undefined>(most);
  const workstreams = new Array<Workstream | undefined>(most);
  let size = 0;
  const index = new Map<string, number>();
  const add = (kind: NodeKind, item: Task | Milestone | Workstream): void => {
    if (index.has(item.id)) return; // a duplicate id: the first definition wins
    index.set(item.id, size);
    ids[size] = item.id;
    kinds[size] = kind;
    tasks[size] = kind === 'task' ? (item as Task) : undefined;
    milestones[size] = kind === 'milestone' ? (item as Milestone) : undefined;
    workstreams[size] = kind === 'workstream' ? (item as Workstream) : undefined;
    size++;
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

  for (const list of [ids, kinds, tasks, milestones, workstreams]) list.length = size;
  let capacity = 0;
  for (let v = 0; v < size; v++) capacity += workstreams[v]?.taskIds.length ?? tasks[v]?.dependsOn.length ?? milestones[v]?.dependsOn.length ?? 0;
  const edges = new EdgeList(capacity);
  const predStart = new Int32Array(size + 1);
  const members: (readonly number[])[] = new Array<readonly number[]>(size).fill(NO_MEMBERS);
  const hasDeps: boolean[] = new Array<boolean>(size).fill(false);

  const inWorkstream = new Uint8Array(size);
  for (let v = 0; v < size; v++) {
    predStart[v] = edges.edgeCount;
    const w = workstreams[v];
    if (w) {
      const list: number[] = [];
      // A workstream's tasks usually follow it in file order: try the node after
      // the last member (past a few milestones) before a lookup by id.
      let near = v + 1;
      for (const tid of w.taskIds) {
        for (let skip = 0; skip < 4 && near < size && kinds[near] !== 'task'; skip++) near++;
        const t = ids[near] === tid ? near : index.get(tid);
        if (t === undefined || kinds[t] !== 'task' || tasks[t]?.workstreamId !== w.id) continue;
        if (inWorkstream[t]) continue;
        inWorkstream[t] = 1;
        list.push(t);
        near = t + 1;
        edges.push(t, v, FF, 0, -1);
      }
      members[v] = list;
      continue;
    }
    const deps = tasks[v]?.dependsOn ?? milestones[v]?.dependsOn ?? [];
    if (pushDependencyEdges(edges, v, deps, kinds, index, cal) > 0 && kinds[v] === 'milestone') hasDeps[v] = true;
  }
  predStart[size] = edges.edgeCount;
  const arrays = edges.done();
  const { succStart, succEdge } = successors(size, arrays);
  return { size, ids, kinds, tasks, milestones, workstreams, members, index, ...arrays, predStart, succStart, succEdge, hasDeps };
}

/** Appends node v's edges for its `depends_on` to `out`; returns how many. */
export function pushDependencyEdges(
  out: EdgeList, v: number, deps: readonly Dependency[], kinds: readonly NodeKind[], index: ReadonlyMap<string, number>, cal: WorkCalendar,
): number {
  let count = 0;
  const toMilestone = kinds[v] === 'milestone';
  for (let at = 0; at < deps.length; at++) {
    const dep = deps[at] as Dependency;
    const p = index.get(dep.targetId);
    // Unknown ids, other kinds and self-dependencies are the loader's to report.
    if (p === undefined || p === v) continue;
    const type = toMilestone || kinds[p] === 'milestone' ? FS : codeOf(dep.type);
    const lag = dep.lag ? cal.wholeDays(dep.lag, 0).days : 0;
    out.push(p, v, type, lag, at);
    count++;
  }
  return count;
}

/** Outgoing edges by a counting sort on `from`. */
function successors(size: number, edges: EdgeArrays): { succStart: Int32Array; succEdge: Int32Array } {
  const succStart = new Int32Array(size + 1);
  const { edgeFrom, edgeCount } = edges;
  for (let k = 0; k < edgeCount; k++) {
    const i = (edgeFrom[k] as number) + 1;
    succStart[i] = (succStart[i] as number) + 1;
  }
  for (let v = 0; v < size; v++) succStart[v + 1] = (succStart[v + 1] as number) + (succStart[v] as number);
  const fill = succStart.slice(0, size);
  const succEdge = new Int32Array(edgeCount);
  for (let k = 0; k < edgeCount; k++) {
    const from = edgeFrom[k] as number;
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
  const edges = new EdgeList(g.edgeCount + links.length);
  const predStart = new Int32Array(g.size + 1);
  for (let v = 0; v < g.size; v++) {
    predStart[v] = edges.edgeCount;
    for (let k = g.predStart[v] as number; k < (g.predStart[v + 1] as number); k++) {
      edges.push(g.edgeFrom[k] as number, v, g.edgeType[k] as number, g.edgeLag[k] as number, g.edgeDepAt[k] as number);
    }
    for (const from of extra[v] ?? []) edges.push(from, v, FS, 0, -1);
  }
  predStart[g.size] = edges.edgeCount;
  const arrays = edges.done();
  return { ...g, ...arrays, predStart, ...successors(g.size, arrays) };
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
        const w = g.edgeFrom[ei] as number;
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
      // Nearly every component is one node: no list is made for those.
      if (stack[stack.length - 1] === v) {
        stack.pop();
        onStack[v] = 0;
        comp[v] = compCount++;
        let selfLoop = false;
        for (let k = g.predStart[v] as number; k < (g.predStart[v + 1] as number); k++) if (g.edgeFrom[k] === v) selfLoop = true;
        if (selfLoop) { cyclic[v] = 1; cycles.push([v]); }
        order.push(v);
        continue;
      }
      const members: number[] = [];
      let w: number;
      do {
        w = stack.pop() as number;
        onStack[w] = 0;
        comp[w] = compCount;
        members.push(w);
      } while (w !== v);
      compCount++;
      members.sort((a, b) => a - b);
      for (const m of members) cyclic[m] = 1;
      cycles.push(members);
      for (const m of members) order.push(m);
    }
  }
  return { comp, cyclic, order, cycles };
}
