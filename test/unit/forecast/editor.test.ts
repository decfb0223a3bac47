// The new fields get completion and hover like every other field (both come
// from the JSON Schema), and a milestone's hover shows its forecast.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem } from 'vscode-languageserver-types';
import { provideCompletionList } from '../../../server/src/features/completion.js';
import { provideHover } from '../../../server/src/features/hover.js';
import { runForecast } from '../../../server/src/program/forecast/forecast.js';
import { contextAtCaret, contextOf } from '../../helpers/feature.js';
import { lines } from '../../helpers/program.js';

const HEAD = ['version: 1', 'program: { id: f, name: F, start: 2026-01-05 }'];

function complete(...body: string[]): string[] {
  const { ctx, position } = contextAtCaret(lines(...HEAD, ...body));
  const list = provideCompletionList(ctx, position);
  return (Array.isArray(list) ? list : list.items).map((i: CompletionItem) => i.label);
}

function hoverText(text: string, needle: string, delta = 1): string {
  const ctx = contextOf(text);
  const offset = text.indexOf(needle) + delta;
  const before = text.slice(0, offset).split('\n');
  const h = provideHover(ctx, { line: before.length - 1, character: (before[before.length - 1] ?? '').length });
  return (h?.contents as { value: string } | undefined)?.value ?? '';
}

test('completion offers estimate on a task, its three keys inside it, schedule_impact and chance on a risk, forecast at the root', () => {
  const task = ['workstreams:', '  - id: w', '    name: W', '    tasks:', '      - id: a', '        name: A', '        duration: 5d'];
  assert.ok(complete(...task, '        |').includes('estimate'));
  assert.deepEqual(complete(...task, '        estimate:', '          |').sort(), ['likely', 'optimistic', 'pessimistic']);
  const risk = ['risks:', '  - id: R1', '    title: R', '    probability: 2', '    impact: 2'];
  const riskKeys = complete(...risk, '    |');
  assert.ok(riskKeys.includes('schedule_impact') && riskKeys.includes('chance'), riskKeys.join(', '));
  assert.ok(complete('|').includes('forecast'));
  assert.deepEqual(complete('forecast:', '  |').sort(), ['distribution', 'iterations', 'seed']);
  assert.deepEqual(complete('forecast:', '  distribution: |').sort(), ['pert', 'triangular']);
});

test('hover on the new keys gives their schema descriptions', () => {
  const text = lines(...HEAD, 'forecast:', '  seed: 3', 'workstreams:', '  - id: w', '    name: W', '    tasks:',
    '      - id: a', '        name: A', '        estimate:', '          optimistic: 1d', '          likely: 2d', '          pessimistic: 3d',
    'risks:', '  - id: R1', '    title: R', '    probability: 2', '    impact: 2', '    affects: [a]', '    schedule_impact: 2d', '    chance: 0.2');
  assert.match(hoverText(text, 'estimate:'), /Three-point estimate/);
  assert.match(hoverText(text, 'pessimistic'), /longest credible duration/);
  assert.match(hoverText(text, 'schedule_impact'), /Working days the risk adds/);
  assert.match(hoverText(text, 'chance'), /probability. scale/);
  assert.match(hoverText(text, 'seed'), /same file and seed give the same forecast/);
});

test('hover on a milestone shows its forecast: P50, P80 and the chance of meeting the target; "running" while it runs', () => {
  const text = lines(...HEAD, 'workstreams:', '  - id: w', '    name: W', '    tasks:',
    '      - { id: a, name: A, duration: 5d, estimate: { optimistic: 3d, likely: 5d, pessimistic: 12d } }',
    'milestones:', '  - { id: beta, name: Beta, depends_on: [a], date: 2026-01-12 }');
  const ctx = contextOf(text);
  const result = runForecast(ctx.analysis!.model, { iterations: 2000 });
  const m = result.milestones[0]!;
  const line = text.split('\n').findIndex((l) => l.includes('id: beta'));
  const at = { line, character: text.split('\n')[line]!.indexOf('beta') + 1 };
  const done = (provideHover({ ...ctx, forecast: { state: 'done', result } }, at)?.contents as { value: string }).value;
  assert.match(done, new RegExp(`\\*\\*Forecast\\*\\* \\(2,000 iterations\\): P50 \\d{4}-\\d\\d-\\d\\d · P80 \\d{4}-\\d\\d-\\d\\d · ${Math.round(m.onTimeProbability! * 100)}% chance of meeting the target 2026-01-12`));
  const running = (provideHover({ ...ctx, forecast: { state: 'running' } }, at)?.contents as { value: string }).value;
  assert.match(running, /_Forecast: running…_/);
  const none = (provideHover(ctx, at)?.contents as { value: string }).value;
  assert.doesNotMatch(none, /Forecast:|\*\*Forecast\*\*/);
});
