// The leveller's search, remembered. The language server levels the whole
// program again after every keystroke, and most keystrokes (a name, a
// description, a comment) change nothing the leveller reads. The search is a
// pure function of its problem (typed arrays) and options, so an answer is
// kept for the last few problems and given again when a new problem is equal
// to one of them, value for value (a hash finds the candidate; the whole
// signature is compared, so a collision can never return a wrong answer).
import { searchSchedule } from './level-search.js';
import type { SearchOptions, SearchResult } from './level-search.js';
import type { SgsProblem } from './level-sgs.js';

const KEEP = 2;

interface Entry {
  readonly hash: number;
  readonly signature: Float64Array;
  readonly result: SearchResult;
}

const recent: Entry[] = [];

/** Everything the search reads, as one list of numbers. */
function signatureOf(p: SgsProblem, o: SearchOptions): Float64Array {
  const parts: ArrayLike<number>[] = [
    [p.n, o.budget ?? -1, o.lowerBound ?? -Infinity, o.seed ?? -1, o.rules.length],
    p.kind, p.dur, p.release, p.fixedStart, p.fixedEnd, p.predStart, p.predFrom, p.predType, p.predLag,
    p.demStart, p.demRes, p.demUnits, p.capacity, p.priority, ...o.rules,
  ];
  for (const b of p.blocked) parts.push(b ? [b.length, ...b] : [-1]);
  let size = 0;
  for (const a of parts) size += a.length + 1;
  const out = new Float64Array(size);
  let k = 0;
  for (const a of parts) {
    out[k++] = a.length; // lengths keep [1, 2][3] apart from [1][2, 3]
    for (let i = 0; i < a.length; i++) out[k++] = a[i] as number;
  }
  return out;
}

function hashOf(sig: Float64Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < sig.length; i++) {
    const x = sig[i] as number;
    h = Math.imul(h ^ (x | 0), 16777619);
    h = Math.imul(h ^ Math.round((x - Math.trunc(x)) * 1e6), 16777619);
  }
  return h >>> 0;
}

function equal(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

/** `searchSchedule(p, options)`, answered from memory when the same problem was levelled lately. */
export function searchScheduleMemo(p: SgsProblem, options: SearchOptions): SearchResult {
  const signature = signatureOf(p, options);
  const hash = hashOf(signature);
  const i = recent.findIndex((e) => e.hash === hash && equal(e.signature, signature));
  if (i >= 0) {
    const [hit] = recent.splice(i, 1) as [Entry];
    recent.unshift(hit);
    return hit.result;
  }
  const result = searchSchedule(p, options);
  recent.unshift({ hash, signature, result });
  recent.length = Math.min(recent.length, KEEP);
  return result;
}
