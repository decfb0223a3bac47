// Levelling inside the forecast (program-format.md: "Each iteration is then
// scheduled by the rules above (levelling included when it is on)"). Each
// iteration runs the deterministic leveller's serial schedule-generation
// scheme (level-sgs.ts) once, on the iteration's sampled dates, with the
// priority keys of the deterministic leveller's best schedule: the order the
// plan was levelled in is the order each iteration is levelled in, so with
// every estimate at its plan an iteration is exactly the levelled schedule
// (a test checks it). The search itself (level-search.ts, hundreds of
// decodes) is not repeated per iteration: it would multiply the forecast's
// cost by its budget for an order that rarely changes. A risk's delay on a
// milestone goes into the decode too (SgsProblem.delay): the tasks after the
// milestone are placed after its delayed date, not only after what it follows.
//
// As in the core (schedule.ts): the levelled starts and ends replace the
// computed ones in a second forward pass, and each hold (a task that kept a
// resource from a delayed one) is a finish-to-start link for float, so
// criticality is resource-constrained.
import { forEachHolder, ownDelay, resourceUsers } from '../level-program.js';
import type { Levelled } from '../level-program.js';
import { createDecoder, FIXED, TASK } from '../level-sgs.js';
import type { SgsProblem } from '../level-sgs.js';
import { KIND_MILESTONE, KIND_TASK, KIND_WORKSTREAM } from './network.js';
import type { IterationNetwork as Network } from './network.js';
import type { Forced, HoldLinks, PassBuffers } from './passes.js';

export interface IterationLeveller {
  /**
   * Levels the early dates in `b` (a forward pass's, with milestone delays
   * `delay`): fills `forced`, and returns the holds as links for the backward pass.
   */
  level(b: PassBuffers, forced: Forced, delay: Int32Array): HoldLinks | undefined;
}

export function createIterationLeveller(net: Network, levelled: Pick<Levelled, 'problem' | 'keys'>): IterationLeveller {
  const base = levelled.problem;
  // The iteration's own copy of what changes between iterations.
  const p: SgsProblem = {
    ...base, dur: Int32Array.from(base.dur), release: Int32Array.from(base.release),
    fixedStart: Int32Array.from(base.fixedStart), fixedEnd: Int32Array.from(base.fixedEnd),
    // A risk's delay on a milestone: the decoder places the milestone, and so what follows it, that much later.
    delay: new Int32Array(base.n),
  };
  const msDelay = p.delay as Int32Array;
  const decoder = createDecoder(p);
  const keys = levelled.keys;
  const users = resourceUsers(p, p.capacity.length);
  const { n } = net;
  let fixedUse = false;
  for (let v = 0; v < p.n; v++) if (p.kind[v] === FIXED && (p.demStart[v] as number) < (p.demStart[v + 1] as number)) fixedUse = true;

  // Successors in the network (a workstream follows its tasks), for a topological order with the holds.
  const succCount = new Int32Array(n + 1);
  const addEdges = (fn: (from: number, to: number) => void): void => {
    for (let i = 0; i < n; i++) {
      if (net.kind[i] === KIND_WORKSTREAM) for (let j = net.memberStart[i] as number; j < (net.memberStart[i + 1] as number); j++) fn(net.member[j] as number, i);
      for (let j = net.predStart[i] as number; j < (net.predStart[i + 1] as number); j++) fn(net.pred[j] as number, i);
    }
  };
  addEdges((from) => { succCount[from + 1] = (succCount[from + 1] as number) + 1; });
  for (let i = 0; i < n; i++) succCount[i + 1] = (succCount[i + 1] as number) + (succCount[i] as number);
  const succ = new Int32Array(succCount[n] as number);
  const fill = succCount.slice(0, n);
  addEdges((from, to) => { succ[fill[from] as number] = to; fill[from] = (fill[from] as number) + 1; });

  const order = new Int32Array(n);
  const cyclicOf = new Uint8Array(n);
  const index = new Int32Array(n);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  const callNode = new Int32Array(n);
  const callEdge = new Int32Array(n);
  const holdStart = new Int32Array(n + 1);
  const heldOf: number[] = [];
  const holderOf: number[] = [];

  return {
    level(b, forced, delay) {
      const { es, ef, len } = b;
      for (let i = 0; i < n; i++) {
        forced.start[i] = NaN;
        if (net.kind[i] === KIND_MILESTONE) { msDelay[net.node[i] as number] = delay[i] as number; continue; }
        if (net.kind[i] !== KIND_TASK) continue;
        const v = net.node[i] as number;
        const k = p.kind[v];
        if (k === TASK) { p.dur[v] = len[i] as number; p.release[v] = Math.ceil(es[i] as number); }
        else if (k === FIXED) { p.fixedStart[v] = Math.ceil(es[i] as number); p.fixedEnd[v] = Math.floor(ef[i] as number); }
      }
      if (fixedUse) decoder.refix();
      const best = decoder.decode(keys);
      heldOf.length = 0;
      holderOf.length = 0;
      for (let i = 0; i < n; i++) {
        if (net.kind[i] !== KIND_TASK) continue;
        const v = net.node[i] as number;
        if (p.kind[v] !== TASK) continue;
        forced.start[i] = best.start[v] as number;
        forced.end[i] = best.end[v] as number;
        if (ownDelay(p, best, v) <= 0) continue;
        let last = -1;
        forEachHolder(p, best, users, v, (_r, h) => {
          const hi = net.indexOf[h] as number;
          if (hi < 0 || hi === last) return;
          last = hi;
          heldOf.push(i);
          holderOf.push(hi);
        });
      }
      if (heldOf.length === 0) return undefined;
      return links(heldOf, holderOf);
    },
  };

  /** The holds in CSR (holders of each held task), a topological order of the network with them, and its cycles. */
  function links(held: readonly number[], holders: readonly number[]): HoldLinks {
    holdStart.fill(0);
    for (const i of held) holdStart[i + 1] = (holdStart[i + 1] as number) + 1;
    for (let i = 0; i < n; i++) holdStart[i + 1] = (holdStart[i + 1] as number) + (holdStart[i] as number);
    const at = holdStart.slice(0, n);
    const holder = new Int32Array(held.length);
    const extra = new Map<number, number[]>(); // holders' extra successors (few)
    for (let k = 0; k < held.length; k++) {
      const i = held[k] as number;
      const h = holders[k] as number;
      holder[at[i] as number] = h;
      at[i] = (at[i] as number) + 1;
      let list = extra.get(h);
      if (!list) { list = []; extra.set(h, list); }
      list.push(i);
    }
    return { order, start: holdStart, holder, cyclic: components(extra) };
  }

  /**
   * Strongly connected components of the network with the holds (Tarjan,
   * iterative): fills `order` with a topological order (components in the
   * reverse of the order Tarjan closes them) and returns which nodes lie on a
   * cycle. Holds can close one through SS/FF links; the core then leaves those
   * nodes without float (schedule.ts: findComponents of the graph with the
   * links), and so does the backward pass here.
   */
  function components(extra: ReadonlyMap<number, readonly number[]>): Uint8Array {
    index.fill(-1);
    onStack.fill(0);
    cyclicOf.fill(0);
    let counter = 0;
    let sp = 0;
    let filled = n;
    const degree = (v: number): number => (succCount[v + 1] as number) - (succCount[v] as number) + (extra.get(v)?.length ?? 0);
    const nth = (v: number, k: number): number => {
      const own = (succCount[v + 1] as number) - (succCount[v] as number);
      return k < own ? (succ[(succCount[v] as number) + k] as number) : ((extra.get(v) as readonly number[])[k - own] as number);
    };
    for (let root = 0; root < n; root++) {
      if (index[root] !== -1) continue;
      let depth = 0;
      callNode[0] = root; callEdge[0] = 0;
      index[root] = counter; low[root] = counter; counter++;
      stack[sp++] = root; onStack[root] = 1;
      while (depth >= 0) {
        const v = callNode[depth] as number;
        const k = callEdge[depth] as number;
        if (k < degree(v)) {
          callEdge[depth] = k + 1;
          const w = nth(v, k);
          if (index[w] === -1) {
            index[w] = counter; low[w] = counter; counter++;
            stack[sp++] = w; onStack[w] = 1;
            depth++; callNode[depth] = w; callEdge[depth] = 0;
          } else if (onStack[w] && (index[w] as number) < (low[v] as number)) low[v] = index[w] as number;
          continue;
        }
        if (low[v] === index[v]) {
          // A component closes (every component it reaches has closed before): it goes before them in the order.
          const top = sp;
          let w: number;
          do { w = stack[--sp] as number; onStack[w] = 0; } while (w !== v);
          for (let q = top - 1; q >= sp; q--) order[--filled] = stack[q] as number;
          if (top - sp > 1) for (let q = sp; q < top; q++) cyclicOf[stack[q] as number] = 1;
        }
        depth--;
        if (depth >= 0) { const u = callNode[depth] as number; if ((low[v] as number) < (low[u] as number)) low[u] = low[v] as number; }
      }
    }
    return cyclicOf;
  }
}
