// Pools as ids in the editor (definition, references, rename, hover), hover's
// pauses and levelling delays, and the "Turn on levelling" code action.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Hover, TextEdit } from 'vscode-languageserver-types';
import { provideDefinition } from '../../../server/src/features/definition.js';
import { provideHover } from '../../../server/src/features/hover.js';
import { levellingActions } from '../../../server/src/features/levelling-action.js';
import { provideReferences } from '../../../server/src/features/references.js';
import { isRenameRejection, provideRename } from '../../../server/src/features/rename.js';
import { contextOf } from '../../helpers/feature.js';
import { positionOf } from '../../helpers/caret.js';

const TEXT = `version: 1
program: { id: p, name: P, start: 2026-01-05 }
people:
  - { id: al, name: Al, leave: [{ from: 2026-01-07, to: 2026-01-08 }] }
pools:
  - { id: lab, name: Lab, units: 1 }
workstreams:
  - id: ws
    name: WS
    tasks:
      - { id: a, name: A, duration: 3d, assignees: [al], needs: { lab: 1 } }
      - { id: b, name: B, duration: 2d, needs: { lab: 1 }, priority: 900 }
`;

function markdown(h: Hover | null): string {
  return h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '';
}

void test('a pool id in needs: definition, references and rename', () => {
  const ctx = contextOf(TEXT);
  const use = positionOf(TEXT, 'lab: 1', 0, 1);
  const def = provideDefinition(ctx, use);
  assert.deepEqual(def?.range.start, positionOf(TEXT, 'lab, name'));
  assert.equal(provideReferences(ctx, use, true).length, 3);
  const edit = provideRename(ctx, use, 'perf-lab');
  assert.ok(edit && !isRenameRejection(edit));
  const edits = Object.values(edit.changes ?? {}).flat() as TextEdit[];
  assert.equal(edits.length, 3);
  assert.ok(edits.every((e) => e.newText === 'perf-lab'));
});

void test('hover: a pause over leave, and a pool with the tasks that need it', () => {
  const ctx = contextOf(TEXT);
  const a = markdown(provideHover(ctx, positionOf(TEXT, 'id: a,', 0, 4)));
  // a: Mon 05, Tue 06, (al away Wed–Thu), Fri 09.
  assert.match(a, /2026-01-05 → 2026-01-09/);
  assert.match(a, /Paused 2 days: `al` on leave 2026-01-07\.\.2026-01-08/);
  const lab = markdown(provideHover(ctx, positionOf(TEXT, 'lab, name')));
  assert.match(lab, /Units: 1 a working day/);
  assert.match(lab, /Needed by 2 tasks: `a`, `b`/);
});

void test('hover explains a levelling delay; the code action shows what levelling would do and switches it on', () => {
  const levelled = TEXT.replace('people:', 'scheduling: { levelling: true }\npeople:');
  const h = markdown(provideHover(contextOf(levelled), positionOf(levelled, 'id: a,', 0, 4)));
  // b (priority 900) has the lab on 05 and 06; al is away 07–08; a works 09, 12, 13: it waited 2 of its days.
  assert.match(h, /2026-01-09 → 2026-01-13/);
  assert.match(h, /\*\*Delayed 2 working days by levelling\*\*: `lab` held by `b`/);

  const ctx = contextOf(TEXT);
  const at = positionOf(TEXT, 'id: p', 0, 4);
  const actions = levellingActions(ctx, { start: at, end: at });
  assert.equal(actions.length, 1);
  assert.equal(actions[0]?.title, 'Turn on levelling: finish 2026-01-09 → 2026-01-13 (+2 working days); 0 of 0 milestones move; 1 task delayed');
  const edits = Object.values(actions[0]?.edit?.changes ?? {}).flat() as TextEdit[];
  assert.deepEqual(edits.map((e) => e.newText), ['scheduling:\n  levelling: true\n']);
  assert.deepEqual(levellingActions(contextOf(levelled), { start: at, end: at }), []);
});
