import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { provideCodeLenses } from '../../../server/src/features/code-lens.js';
import { contextOf, ROOT_URI } from '../../helpers/feature.js';
import { SAMPLE } from '../../helpers/sample.js';
import { textIn } from '../../helpers/caret.js';
import { lines } from '../../helpers/program.js';

void describe('code lenses', () => {
  void it('puts one lens on each task and milestone id', () => {
    const lenses = provideCodeLenses(contextOf(SAMPLE));
    assert.deepEqual(lenses.map((l) => textIn(SAMPLE, l.range)), ['design', 'api', 'ui', 'beta']);
    assert.deepEqual(lenses.map((l) => l.command?.title), [
      'ends 2026-01-09 · float 0 · critical · 1 dependent',
      'ends 2026-01-23 · float 0 · critical · 2 dependents',
      'ends 2026-01-21 · float 2 · 1 dependent',
      'forecast 2026-01-23 · target 2026-01-21 · slipping 2 working days · float 0 · critical · 0 dependents',
    ]);
    const api = lenses[1];
    assert.equal(api?.command?.command, 'programAsCode.showDependents');
    assert.deepEqual(api?.command?.arguments, [ROOT_URI, api?.range.start, 'api']);
  });

  void it('says on time and fixed (the core milestone words)', () => {
    const t = lines(
      'version: 1', 'program: { id: p, name: P, start: 2026-01-05 }',
      'workstreams:', '  - id: w', '    name: W', '    tasks:', '      - { id: a, name: A, duration: 2d }',
      'milestones:', '  - { id: m, name: M, depends_on: [a], date: 2026-01-09 }', '  - { id: f, name: F, date: 2026-01-20 }',
    );
    const titles = provideCodeLenses(contextOf(t, { today: '2026-01-05' })).map((l) => l.command?.title);
    assert.equal(titles[1], 'forecast 2026-01-06 · target 2026-01-09 · on time · float 10 · 0 dependents');
    assert.equal(titles[2], 'fixed 2026-01-20 · float 0 · critical · 0 dependents');
  });
});
