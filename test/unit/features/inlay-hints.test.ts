import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { provideInlayHints } from '../../../server/src/features/inlay-hints.js';
import { contextOf } from '../../helpers/feature.js';
import { SAMPLE } from '../../helpers/sample.js';
import { positionOf } from '../../helpers/caret.js';
import { lines } from '../../helpers/program.js';

const ALL = { start: { line: 0, character: 0 }, end: { line: 1000, character: 0 } };

void describe('inlay hints', () => {
  void it('shows dates after each duration and the forecast after a milestone date', () => {
    const hints = provideInlayHints(contextOf(SAMPLE), ALL);
    assert.deepEqual(hints.map((h) => h.label), [
      ' 2026-01-05 → 2026-01-09',
      ' 2026-01-12 → 2026-01-23',
      ' 2026-01-15 → 2026-01-21',
      ' forecast 2026-01-23 · slipping 2 working days',
    ]);
    assert.deepEqual(hints[0]?.position, positionOf(SAMPLE, 'duration: 5d', 0, 'duration: 5d'.length));
    assert.deepEqual(hints[3]?.position, positionOf(SAMPLE, 'date: 2026-01-21', 0, 'date: 2026-01-21'.length));
  });

  void it('only within the range', () => {
    const line = positionOf(SAMPLE, 'duration: 10d').line;
    const hints = provideInlayHints(contextOf(SAMPLE), { start: { line, character: 0 }, end: { line, character: 100 } });
    assert.deepEqual(hints.map((h) => h.label), [' 2026-01-12 → 2026-01-23']);
  });

  void it('adds the working days an effort comes to', () => {
    const t = lines(
      'version: 1', 'program: { id: p, name: P, start: 2026-01-05 }',
      'people:', '  - { id: a, name: A, capacity: 0.5 }', '  - { id: b, name: B }',
      'workstreams:', '  - id: w', '    name: W', '    tasks:',
      '      - id: t', '        name: T', '        effort: 6d', '        assignees: [a, b]',
      'milestones:', '  - { id: m, name: M, depends_on: [t], date: 2026-01-09 }',
    );
    assert.deepEqual(provideInlayHints(contextOf(t), ALL).map((h) => h.label), [
      ' 2026-01-05 → 2026-01-08 (4 working days)',
      ' forecast 2026-01-08 · on time',
    ]);
  });
});
