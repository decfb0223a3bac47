// The short, deterministic fuzz run of the core that `npm test` runs (the
// long one is `npm run fuzz`), plus every saved regression input. See
// core-fuzz.ts for what one input goes through.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineIndex } from '../../server/src/program/line-index.js';
import { buildViewModel } from '../../server/src/view/build-view-model.js';
import { provideCompletionList } from '../../server/src/features/completion.js';
import { provideDocumentSymbols } from '../../server/src/features/document-symbols.js';
import { provideFoldingRanges } from '../../server/src/features/folding-ranges.js';
import { provideHover } from '../../server/src/features/hover.js';
import { provideSemanticTokens } from '../../server/src/features/semantic-tokens.js';
import { analyse, filesOf, fuzzInputArb, loadRegressions, programArb, ROOT_URI, runCoreInput } from './core-fuzz.js';
import { mulberry32 } from '../../bench/random.js';
import type { CoreRunResult } from './core-fuzz.js';

function describeFailures(r: CoreRunResult): string {
  return r.failures.map((f) => `${f.call} (${f.kind}, ${f.ms.toFixed(0)} ms): ${f.message}\n${f.stack ?? ''}`).join('\n\n');
}

void describe('fuzzing the core', () => {
  void it('generates valid programs: no errors before mutation', () => {
    fc.assert(
      fc.property(programArb(), (p) => {
        const errors = analyse(filesOf(p)).diagnostics.filter((d) => d.severity === 'error');
        assert.deepEqual(errors.map((d) => `${d.code}: ${d.message}`), [], `${p.root}\n${JSON.stringify(p.fragments)}`);
      }),
      { seed: 7, numRuns: 60 },
    );
  });

  void it('300 mutated programs through parse, analysis, exports and every feature: no exception, no call over 2 s', () => {
    let calls = 0;
    let slowest = { call: '', ms: 0 };
    let index = 0;
    fc.assert(
      fc.property(fuzzInputArb({ maxWorkstreams: 2, maxTasks: 5, maxMilestones: 2, maxRisks: 2, maxPeople: 3 }), (input) => {
        const r = runCoreInput(input, mulberry32(index++), { positions: 2, staleChance: 0.5 });
        calls += r.calls;
        if (r.slowest.ms > slowest.ms) slowest = r.slowest;
        assert.equal(r.failures.length, 0, `${describeFailures(r)}\n--- input ---\n${JSON.stringify(input)}`);
      }),
      { seed: 20260701, numRuns: 300, endOnFailure: true },
    );
    assert.ok(calls > 10_000, `${calls} calls`);
  });

  void it('a program typed from the first byte to the last: every prefix, as the buffer and as a stale analysis', () => {
    // The first sample of this seed with some substance (flow and block items, deps, risks).
    const programs = fc.sample(programArb({ maxWorkstreams: 2, maxTasks: 4, maxMilestones: 2, maxRisks: 2, maxPeople: 2, fragments: false }), { seed: 31, numRuns: 20 });
    const full = programs.map((p) => p.root).find((t) => t.length > 900 && t.includes('{ id:')) ?? '';
    assert.ok(full.length > 300, full);
    let previous = analyse({ [ROOT_URI]: '' });
    for (let n = 0; n <= full.length; n++) {
      const text = full.slice(0, n);
      const analysis = analyse({ [ROOT_URI]: text });
      buildViewModel(analysis);
      const end = new LineIndex(text).positionAt(n);
      for (const ctx of [{ uri: ROOT_URI, text, analysis }, { uri: ROOT_URI, text, analysis: previous }]) {
        provideCompletionList(ctx, end);
        provideHover(ctx, end);
        provideDocumentSymbols(ctx);
        provideSemanticTokens(ctx);
        provideFoldingRanges(ctx);
      }
      previous = analysis;
    }
  });

  void describe('regression inputs (test/fixtures/fuzz-regressions)', () => {
    const fixtures = loadRegressions();
    for (const { name, input } of fixtures) {
      void it(name, () => {
        for (let seed = 0; seed < 3; seed++) {
          const r = runCoreInput(input, mulberry32(seed), seed === 0 ? { everyOffset: true } : {});
          assert.equal(r.failures.length, 0, describeFailures(r));
        }
      });
    }
  });
});
