// The short, deterministic fuzz run of include globs that `npm test` runs (the
// long one: `npm run fuzz -- --globs`). See glob-fuzz.ts for the properties.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  anySegmentArb, checkAnySegment, checkHostileCase, checkSegmentCase, checkTreeCase, hostileCaseArb, segmentCaseArb, treeCaseArb,
} from './glob-fuzz.js';

void describe('fuzzing include globs', () => {
  void it('the linear matcher agrees with a RegExp reference on 500 generated patterns', () => {
    fc.assert(fc.property(segmentCaseArb, (c) => assert.deepEqual(checkSegmentCase(c), [])), { seed: 11, numRuns: 500 });
  });

  void it('60 star-heavy patterns against long almost-matching names: each under a second', () => {
    fc.assert(fc.property(hostileCaseArb, (c) => assert.deepEqual(checkHostileCase(c), [])), { seed: 12, numRuns: 60 });
  });

  void it('any text as a segment compiles or is refused with a message, never throws', () => {
    fc.assert(fc.property(anySegmentArb, fc.string({ maxLength: 12 }), (seg, name) => assert.deepEqual(checkAnySegment(seg, name), [])), { seed: 13, numRuns: 500 });
  });

  void it('200 include entries over generated folder trees: no throw, targets inside, sorted, matching', () => {
    fc.assert(fc.property(treeCaseArb, (c) => assert.deepEqual(checkTreeCase(c), [])), { seed: 14, numRuns: 200 });
  });
});
