// Levelling inside the forecast (program-format.md: "Each iteration is then
// scheduled by the rules above (levelling included when it is on)"). Each
// iteration runs the deterministic leveller's serial schedule-generation
// scheme (level-sgs.ts) once, on the iteration's sampled dates, with the
// priority keys of the deterministic leveller's best schedule: the order the
// plan was levelled in is the order each iteration is levelled in, so with
// every estimate at its plan an iteration is exactly the levelled schedule
// (a test checks it). The search itself (level-search.ts, hundreds of
// decodes) is not repeated per iteration: it would multiply the forecast's
// cost by its budget for an order that rarely changes.
//
// As in the core (schedule.ts): the levelled starts and ends replace the
// computed ones in a second forward pass, and each hold (a task that kept a
// resource from a delayed one) is a finish-to-start link for float, so
// criticality is resource-constrained.
import { forEachHolder, ownDelay, resourceUsers } from '../level-program.js';
import type { Levelled } from '../level-program.js';
import { createDecoder, FIXED, TASK } from '../level-sgs.js';
import type { SgsProblem } from '../level-sgs.js';
import { KIND_TASK, KIND_WORKSTREAM } from './network.js';
import type { Network } from './network.js';
import type { Forced, HoldLinks, PassBuffers } from './passes.js';

export interface IterationLeveller {
  /** Levels the early dates in `b` (a forward pass's): fills `forced`, and returns the holds as links for the backward pass. */
  level(b: PassBuffers, forced: Forced): HoldLinks | undefined;
}

export function createIterationLeveller(net: Network, levelled: Levelled): IterationLeveller {
  const base = levelled.problem;
  // The iteration's own copy of what changes between iterations.
  const p: SgsProblem = {
    ...base, dur: Int32Array.from(base.dur), release: Int32Array.from(base.release),
    fixedStart: Int32Array.from(base.fixedStart), fixedEnd: Int32Array.from(base.fixedEnd),
  };
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
  const indeg0 = new Int32Array(n);
  const fill = succCount.slice(0, n);
  addEdges((from, to) => { succ[fill[from] as number] = to; fill[from] = (fill[from] as number) + 1; indeg0[to] = (indeg0[to] as number) + 1; });

  const indeg = new Int32Array(n);
  const order = new Int32Array(n);
  const holdStart = new Int32Array(n + 1);
  const heldOf: number[] = [];
  const holderOf: number[] = [];

  return {
    level(b, forced) {
      const { es, ef, len } = b;
      for (let i = 0; i < n; i++) {
        forced.start[i] = NaN;
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

  /** The holds in CSR (holders of each held task) and a topological order of the network with them (Kahn). */
  function links(held: readonly number[], holders: readonly number[]): HoldLinks {
    holdStart.fill(0);
    for (const i of held) holdStart[i + 1] = (holdStart[i + 1] as number) + 1;
    for (let i = 0; i < n; i++) holdStart[i + 1] = (holdStart[i + 1] as number) + (holdStart[i] as number);
    const at = holdStart.slice(0, n);
    const holder = new Int32Array(held.length);
    indeg.set(indeg0);
    for (let k = 0; k < held.length; k++) {
      const i = held[k] as number;
      holder[at[i] as number] = holders[k] as number;
      at[i] = (at[i] as number) + 1;
      indeg[i] = (indeg[i] as number) + 1;
    }
    // Holders' extra successors: scanned through the holds (few) rather than a second CSR.
    const extra = new Map<number, number[]>();
    for (let k = 0; k < held.length; k++) {
      const h = holders[k] as number;
      let list = extra.get(h);
      if (!list) { list = []; extra.set(h, list); }
      list.push(held[k] as number);
    }
    let head = 0;
    let tail = 0;
    for (let i = 0; i < n; i++) if (indeg[i] === 0) order[tail++] = i;
    const release = (w: number): void => { indeg[w] = (indeg[w] as number) - 1; if (indeg[w] === 0) order[tail++] = w; };
    while (head < tail) {
      const i = order[head++] as number;
      for (let j = succCount[i] as number; j < (succCount[i + 1] as number); j++) release(succ[j] as number);
      for (const w of extra.get(i) ?? []) release(w);
    }
    // A cycle through holds (SS/FF links can allow one): the rest in network order, so every node is visited.
    if (tail < n) {
      const seen = new Uint8Array(n);
      for (let k = 0; k < tail; k++) seen[order[k] as number] = 1;
      for (let i = 0; i < n; i++) if (!seen[i]) order[tail++] = i;
    }
    return { order, start: holdStart, holder };
  }
}
