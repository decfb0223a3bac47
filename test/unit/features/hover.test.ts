import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Hover } from 'vscode-languageserver-types';
import { provideHover } from '../../../server/src/features/hover.js';
import { contextOf } from '../../helpers/feature.js';
import { SAMPLE } from '../../helpers/sample.js';
import { positionOf, textIn } from '../../helpers/caret.js';

const ctx = contextOf(SAMPLE);

function hoverAt(needle: string, nth = 0, delta = 0): { hover: Hover; lines: string[] } {
  const hover = provideHover(ctx, positionOf(SAMPLE, needle, nth, delta));
  assert.ok(hover, `a hover at ${needle}`);
  const value = (hover.contents as { value: string }).value;
  return { hover, lines: value.split('\n').filter((l) => l !== '') };
}

void describe('hover on ids', () => {
  void it('shows a task at its definition: dates, float, critical, people, dependents, risks, why', () => {
    const { hover, lines } = hoverAt('- id: api', 0, 7);
    assert.equal(textIn(SAMPLE, hover.range!), 'api');
    assert.deepEqual(lines, [
      '**Build the public API** · task `api`',
      '2026-01-12 → 2026-01-23 · 10 working days · float 0 · **critical**',
      'Workstream: `backend`  ',
      'Assignees: Alice Chen (`alice`), Bob &lt;b&gt;Stone&lt;/b&gt; (`bob`)',
      '2 items depend on it: `ui`, `beta`',
      'Risks:',
      '- `R-vendor` Vendor SDK ships late — score 12 (high)',
      '**Why this date:** `design` → `api` (FS) — `design`: starts with the program',
    ]);
  });

  void it('shows the same at a reference, with the reference token as range', () => {
    const { hover, lines } = hoverAt('[api, ui]', 0, 2);
    assert.equal(textIn(SAMPLE, hover.range!), 'api');
    assert.equal(lines[0], '**Build the public API** · task `api`');
  });

  void it('shows a milestone forecast, target and slip, and the driving chain with types and lags', () => {
    assert.deepEqual(hoverAt('- id: beta', 0, 7).lines.slice(0, 2), [
      '**Public beta** · milestone `beta`',
      'Forecast 2026-01-23 · target 2026-01-21 · **slipping 2 working days** · float 0 · **critical**',
    ]);
    const ui = hoverAt('- id: ui', 0, 7).lines;
    assert.ok(ui.includes('2026-01-15 → 2026-01-21 · 5 working days · float 2'));
    assert.ok(ui.includes('**Why this date:** `design` → `api` (FS) → `ui` (SS +3d) — `design`: starts with the program'));
  });

  void it('shows a risk with its score and band', () => {
    const { lines } = hoverAt('- id: R-vendor', 0, 7);
    assert.equal(lines[0], '**Vendor SDK ships late** · risk `R-vendor`');
    assert.equal(lines[1], 'Score 12 (high): probability 4 × impact 3  ');
  });

  void it('escapes user text', () => {
    const { lines } = hoverAt('- id: bob', 0, 7);
    assert.equal(lines[0], '**Bob &lt;b&gt;Stone&lt;/b&gt;** · person `bob`');
  });
});

void describe('hover on keys', () => {
  void it('shows the schema description of a key, with allowed values', () => {
    const { hover, lines } = hoverAt('    duration: 5d', 0, 9);
    assert.equal(textIn(SAMPLE, hover.range!), 'duration');
    assert.equal(lines[0], '**duration**');
    assert.match(lines[1] ?? '', /working days/i);
    const status = contextOf(SAMPLE.replace('        duration: 5d\n', '        duration: 5d\n        status: done\n'));
    const h = provideHover(status, positionOf(status.text, 'status: done', 0, 2));
    assert.match((h?.contents as { value: string }).value, /Allowed values: `not-started`/);
  });

  void it('gives nothing on free text', () => {
    assert.equal(provideHover(ctx, positionOf(SAMPLE, 'Weekly vendor', 0, 3)), null);
  });
});
