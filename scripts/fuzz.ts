// The long fuzz run of the core (issue 7): `npm run fuzz -- --inputs 100000 --seed 1`.
//
// Generates valid programs (test/fuzz/core-fuzz.ts), mutates them, and runs
// each through parse, re-parse, load, analyse, view model, exports and every
// feature function at random positions. Prints progress, the inputs tried,
// the failures (exceptions, re-parse mismatches, calls over 2 s) and the
// slowest call. Each distinct failure is shrunk to a short input that still
// fails the same way and saved under test/fixtures/fuzz-regressions/, which
// test/fuzz/core.test.ts replays. Exit code 1 when anything failed.
//
// Options: --inputs N (default 100000), --seed S (default 1), --batch N
// (inputs generated at a time, default 500), --full (bigger programs, more
// positions per file; slower), --no-save (do not write fixtures).
import fc from 'fast-check';
import { performance } from 'node:perf_hooks';
import {
  failureKey, fuzzInputArb, runCoreInput, saveRegression, shrinkText, FRAGMENT_PATH,
} from '../test/fuzz/core-fuzz.js';
import { mulberry32 } from '../bench/random.js';
import type { CallFailure, FuzzInput, RunOptions, SpecOptions } from '../test/fuzz/core-fuzz.js';
import { numberArg } from './number-arg.js';

const arg = numberArg;

const inputs = arg('inputs', 100_000);
const seed = arg('seed', 1);
const batch = Math.max(1, arg('batch', 500));
const full = process.argv.includes('--full');
const save = !process.argv.includes('--no-save');

// Small programs by default, so 100,000 inputs take minutes, not hours.
const spec: SpecOptions = full ? {} : { maxWorkstreams: 2, maxTasks: 4, maxMilestones: 2, maxRisks: 2, maxPeople: 3 };
const run: RunOptions = full ? {} : { positions: 2, staleChance: 0.3, noAnalysisChance: 0.25 };
const arb = fuzzInputArb(spec);

/** The rng of input i: the same positions on every run with the same seed. */
const rngOf = (i: number): (() => number) => mulberry32((seed * 1_000_003 + i) | 0);

interface Found { key: string; index: number; first: CallFailure; count: number; saved?: string }
const found = new Map<string, Found>();
let failures = 0;
let calls = 0;
let slowest = { call: '', ms: 0, index: -1 };
const t0 = performance.now();
let lastReport = t0;

function report(done: number): void {
  const s = (performance.now() - t0) / 1000;
  console.log(`[fuzz] ${done}/${inputs} inputs, ${calls} calls, ${failures} failures (${found.size} distinct), `
    + `slowest ${slowest.call} ${slowest.ms.toFixed(1)} ms, ${s.toFixed(0)} s (${(done / s).toFixed(0)} inputs/s)`);
}

/** Shrinks the mutated file of a failing input and saves it as a regression fixture. */
function shrinkAndSave(input: FuzzInput, index: number, key: string, slow: boolean): string {
  const onFragment = input.before !== undefined && input.before.fragments[FRAGMENT_PATH] !== input.fragments[FRAGMENT_PATH];
  const withText = (t: string): FuzzInput => (onFragment ? { ...input, fragments: { ...input.fragments, [FRAGMENT_PATH]: t } } : { ...input, root: t });
  const fails = (t: string): boolean => runCoreInput(withText(t), rngOf(index), run).failures.some((f) => failureKey(f) === key);
  const text = onFragment ? (input.fragments[FRAGMENT_PATH] as string) : input.root;
  const small = shrinkText(text, fails, slow ? 10 : 400);
  return saveRegression(withText(small));
}

for (let b = 0; b * batch < inputs; b++) {
  const n = Math.min(batch, inputs - b * batch);
  const sample = fc.sample(arb, { seed: (seed * 7919 + b) | 0, numRuns: n });
  for (let k = 0; k < sample.length; k++) {
    const index = b * batch + k;
    const input = sample[k] as FuzzInput;
    const r = runCoreInput(input, rngOf(index), run);
    calls += r.calls;
    if (r.slowest.ms > slowest.ms) slowest = { ...r.slowest, index };
    for (const f of r.failures) {
      failures++;
      const key = failureKey(f);
      const known = found.get(key);
      if (known) { known.count++; continue; }
      const entry: Found = { key, index, first: f, count: 1 };
      found.set(key, entry);
      console.log(`[fuzz] FAILURE at input ${index}: ${f.call} (${f.kind}) ${f.message.split('\n')[0]}`);
      if (f.stack) console.log(f.stack.split('\n').slice(1, 6).join('\n'));
      if (save) {
        entry.saved = shrinkAndSave(input, index, key, f.kind === 'slow');
        console.log(`[fuzz]   shortest failing input saved to ${entry.saved}`);
      }
    }
    if (performance.now() - lastReport > 10_000) {
      lastReport = performance.now();
      report(index + 1);
    }
  }
}

report(inputs);
console.log('');
console.log(`inputs tried:  ${inputs} (seed ${seed}${full ? ', --full' : ''})`);
console.log(`calls:         ${calls}`);
console.log(`failures:      ${failures} (${found.size} distinct)`);
for (const f of found.values()) console.log(`  - ${f.first.call} ${f.first.kind} x${f.count}: ${f.first.message.split('\n')[0]}${f.saved ? ` -> ${f.saved}` : ''}`);
console.log(`slowest call:  ${slowest.call} ${slowest.ms.toFixed(1)} ms (input ${slowest.index})`);
console.log(`time:          ${((performance.now() - t0) / 1000).toFixed(0)} s`);
process.exit(failures > 0 ? 1 : 0);
