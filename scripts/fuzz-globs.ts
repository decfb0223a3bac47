// The long fuzz run of include globs (issue 11): `npm run fuzz:globs -- --inputs 100000 --seed 1`.
// Runs every property of test/fuzz/glob-fuzz.ts on generated inputs and prints
// each distinct failure with its input. Exit code 1 when anything failed.
import fc from 'fast-check';
import {
  anySegmentArb, checkAnySegment, checkHostileCase, checkSegmentCase, checkTreeCase, hostileCaseArb, segmentCaseArb, treeCaseArb,
} from '../test/fuzz/glob-fuzz.js';
import type { GlobFailure } from '../test/fuzz/glob-fuzz.js';
import { numberArg } from './number-arg.js';

const arg = numberArg;

const inputs = arg('inputs', 100_000);
const seed = arg('seed', 1);
const t0 = Date.now();
const seen = new Map<string, { first: GlobFailure; count: number }>();
let failures = 0;

const targets: [string, () => GlobFailure[][]][] = [
  ['segments vs reference', () => fc.sample(segmentCaseArb, { seed, numRuns: inputs }).map(checkSegmentCase)],
  ['star-heavy patterns', () => fc.sample(hostileCaseArb, { seed, numRuns: Math.ceil(inputs / 20) }).map(checkHostileCase)],
  ['any segment text', () => fc.sample(fc.tuple(anySegmentArb, fc.string({ maxLength: 12 })), { seed, numRuns: inputs }).map(([s, n]) => checkAnySegment(s, n))],
  ['include entries over trees', () => fc.sample(treeCaseArb, { seed, numRuns: Math.ceil(inputs / 5) }).map(checkTreeCase)],
];
for (const [name, runTarget] of targets) {
  const results = runTarget();
  for (const list of results) {
    for (const f of list) {
      failures++;
      const key = `${f.kind}: ${f.message.split(':')[0]}`;
      const known = seen.get(key);
      if (known) known.count++;
      else {
        seen.set(key, { first: f, count: 1 });
        console.log(`[fuzz:globs] ${name}: ${f.kind} ${f.message}`);
      }
    }
  }
  console.log(`[fuzz:globs] ${name}: ${results.length} inputs, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}
console.log(`failures: ${failures} (${seen.size} distinct), seed ${seed}`);
process.exit(failures > 0 ? 1 : 0);
