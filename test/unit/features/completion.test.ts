import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem } from 'vscode-languageserver-types';
import { provideCompletion } from '../../../server/src/features/completion.js';
import { contextAtCaret } from '../../helpers/feature.js';
import { sampleWith } from '../../helpers/sample.js';
import { applyEdits } from '../../helpers/caret.js';

/** Completion with the caret placed in `extra` lines inserted before `before` in the sample; the analysis is of the sample without them (the last good analysis, as while typing). */
function completeIn(before: string, extra: string[]): { items: CompletionItem[]; text: string } {
  const { ctx, position, text } = contextAtCaret(sampleWith(before, extra), { analysedText: sampleWith(before, []) });
  return { items: provideCompletion(ctx, position), text };
}

function labels(items: CompletionItem[]): string[] {
  return items.map((i) => i.label);
}

function newText(item: CompletionItem | undefined): string {
  assert.ok(item?.textEdit && 'range' in item.textEdit, 'item has a text edit');
  return item.textEdit.newText;
}

function apply(text: string, item: CompletionItem | undefined): string {
  assert.ok(item?.textEdit && 'range' in item.textEdit);
  return applyEdits(text, [item.textEdit]);
}

void describe('completion: ids where a reference goes', () => {
  void it('offers tasks, milestones and workstreams in a half-typed flow list `depends_on: [de`, excluding the task itself', () => {
    const { items, text } = completeIn('  - id: web', ['      - id: docs', '        name: Docs', '        duration: 2d', '        depends_on: [de|']);
    const ids = labels(items);
    assert.deepEqual([...ids].sort(), ['api', 'backend', 'beta', 'design', 'ui', 'web']);
    assert.ok(!ids.includes('docs'));
    assert.ok(!ids.includes('alice'), 'people are not dependencies');
    const design = items.find((i) => i.label === 'design');
    assert.equal(design?.detail, 'Design the API · task · 2026-01-05 → 2026-01-09');
    assert.equal(items.find((i) => i.label === 'beta')?.detail, 'Public beta · milestone · 2026-01-23');
    // The partial word is replaced.
    assert.match(apply(text, design), /depends_on: \[design\n/);
  });

  void it('sorts items of the same workstream first', () => {
    const { items } = completeIn('  - id: web', ['      - id: docs', '        name: Docs', '        duration: 2d', '        depends_on: [|']);
    const sorted = [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? '')).map((i) => i.label);
    assert.deepEqual(sorted.slice(0, 3), ['api', 'backend', 'design']);
    assert.ok(sorted.indexOf('ui') < sorted.indexOf('web'), 'other tasks before other workstreams');
  });

  void it('offers ids after an empty `depends_on: [`', () => {
    const { items } = completeIn('  - id: web', ['      - id: docs', '        name: Docs', '        duration: 2d', '        depends_on: [|']);
    assert.ok(labels(items).includes('api'));
  });

  void it('offers ids for `{ id: ` inside a flow depends_on item', () => {
    const { items } = completeIn('  - id: web', ['      - id: docs', '        name: Docs', '        duration: 2d', '        depends_on: [design, { id: |']);
    assert.ok(labels(items).includes('api'));
    assert.ok(!labels(items).includes('docs'));
  });

  void it('offers ids on a new `- ` list item under a block depends_on', () => {
    const { items } = completeIn('  - id: web', ['      - id: docs', '        name: Docs', '        duration: 2d', '        depends_on:', '          - |']);
    assert.ok(labels(items).includes('api'));
    assert.equal(newText(items.find((i) => i.label === 'api')), 'api');
  });

  void it('inserts the `- ` marker on an empty line under a block depends_on', () => {
    const { items } = completeIn('  - id: web', ['      - id: docs', '        name: Docs', '        duration: 2d', '        depends_on:', '          - design', '          |']);
    assert.equal(newText(items.find((i) => i.label === 'api')), '- api');
  });

  void it('offers only people for `assignees: [al`', () => {
    const { items, text } = completeIn('  - id: web', ['      - id: docs', '        name: Docs', '        duration: 2d', '        assignees: [al|']);
    assert.deepEqual(labels(items).sort(), ['alice', 'bob']);
    assert.equal(items.find((i) => i.label === 'alice')?.detail, 'Alice Chen · person');
    assert.match(apply(text, items.find((i) => i.label === 'alice')), /assignees: \[alice\n/);
  });

  void it('offers people for a milestone owner and tasks for risk affects', () => {
    const owner = completeIn('risks:', ['  - id: ga', '    name: GA', '    date: 2026-03-02', '    owner: |']);
    assert.deepEqual(labels(owner.items).sort(), ['alice', 'bob']);
    const affects = completeIn('    affects: [api]', ['    review_by: 2026-02-01', '    contingency: x', '    description: |']);
    assert.deepEqual(affects.items, [], 'free text gets nothing');
  });
});

void describe('completion: keys, enums, dates, durations', () => {
  void it('offers the task keys not already present, with descriptions', () => {
    const { items, text } = completeIn('  - id: web', ['      - id: docs', '        name: Docs', '        duration: 2d', '        st|']);
    const keys = labels(items);
    for (const k of ['status', 'start', 'depends_on', 'assignees', 'progress']) assert.ok(keys.includes(k), k);
    for (const k of ['id', 'name', 'duration']) assert.ok(!keys.includes(k), `${k} is already there`);
    const status = items.find((i) => i.label === 'status');
    assert.ok(status?.documentation && typeof status.documentation !== 'string');
    assert.match(status.documentation.value, /not-started/);
    assert.equal(apply(text, status).split('\n').find((l) => l.includes('status:')), '        status: $0');
    const deps = items.find((i) => i.label === 'depends_on');
    assert.equal(newText(deps), 'depends_on:\n          - $0');
  });

  void it('offers keys on an empty line in a map', () => {
    const { items } = completeIn('  - id: web', ['      - id: docs', '        name: Docs', '        |', '        duration: 2d']);
    const keys = labels(items);
    assert.ok(keys.includes('effort'));
    assert.ok(!keys.includes('duration'), 'a key below the cursor counts as present');
  });

  void it('offers enum values for status', () => {
    const { items } = completeIn('  - id: web', ['      - id: docs', '        name: Docs', '        duration: 2d', '        status: |']);
    assert.deepEqual(labels(items), ['not-started', 'in-progress', 'blocked', 'done', 'cancelled']);
  });

  void it('offers dependency types inside a flow item', () => {
    const { items } = completeIn('  - id: web', ['      - id: docs', '        name: Docs', '        duration: 2d', '        depends_on: [{ id: api, type: |']);
    assert.deepEqual(labels(items), ['FS', 'SS', 'FF']);
  });

  void it('offers raci values and raci keys', () => {
    const { items } = completeIn('risks:', ['stakeholders:', '  - id: cto', '    raci:', '      beta: |']);
    assert.deepEqual(labels(items), ['R', 'A', 'C', 'I']);
    const keys = completeIn('risks:', ['stakeholders:', '  - id: cto', '    raci:', '      |']);
    assert.ok(labels(keys.items).includes('api'));
    assert.equal(newText(keys.items.find((i) => i.label === 'api')), 'api: ');
    assert.ok(!labels(keys.items).includes('alice'));
  });

  void it('offers today and the status date where a date goes', () => {
    const { items } = completeIn('  - id: web', ['      - id: docs', '        name: Docs', '        duration: 2d', '        start: |']);
    const today = items.find((i) => i.label === 'today');
    assert.match(newText(today), /^\d{4}-\d{2}-\d{2}$/);
    const status = items.find((i) => i.label === 'status date');
    assert.equal(newText(status), '2026-01-05');
    assert.equal(status?.labelDetails?.detail, ' 2026-01-05');
  });

  void it('offers durations where a duration goes', () => {
    const { items } = completeIn('  - id: web', ['      - id: docs', '        name: Docs', '        effort: |']);
    for (const d of ['5d', '10d', '2w']) assert.ok(labels(items).includes(d), d);
  });

  void it('offers weekdays in the calendar', () => {
    const { items } = completeIn('people:', ['calendar:', '  workdays: [mon, |']);
    assert.ok(labels(items).includes('sat'));
  });
});

void describe('completion: snippets for new entities', () => {
  void it('offers a new task snippet on a `- ` item under tasks, indented to the item', () => {
    const { items } = completeIn('  - id: web', ['      - |']);
    const snippet = items.find((i) => i.label === 'new task');
    const d = '$';
    assert.equal(newText(snippet), `id: ${d}{1:task-id}\n        name: ${d}{2:Task name}\n        duration: ${d}{3:5d}\n        depends_on: [${d}4]`);
  });

  void it('adds the dash on an empty line at the item column', () => {
    const { items } = completeIn('  - id: web', ['      |']);
    assert.match(newText(items.find((i) => i.label === 'new task')), /^- id: \$\{1:task-id\}\n {8}name:/);
  });

  void it('offers milestone, risk and workstream snippets in their sections', () => {
    assert.ok(labels(completeIn('risks:', ['  - |']).items).includes('new milestone'));
    assert.ok(labels(completeIn('    affects: [api]', ['    review_by: 2026-02-01', '  - |']).items).includes('new risk'));
    assert.ok(labels(completeIn('milestones:', ['  - |']).items).includes('new workstream'));
  });

  void it('offers top-level sections not yet present', () => {
    const { items } = completeIn('milestones:', ['|']);
    const keys = labels(items);
    assert.ok(keys.includes('calendar'));
    assert.ok(keys.includes('stakeholders'));
    assert.ok(!keys.includes('people'));
  });
});

void describe('completion: robustness', () => {
  void it('answers (possibly empty) at every offset of a broken file without throwing', () => {
    const text = sampleWith('milestones:', ['      - id: x', '        depends_on: [a, {id: ', '  -', ': :', '{[']);
    const { ctx } = contextAtCaret(`|${text}`);
    for (let line = 0; line < text.split('\n').length; line++) {
      for (const character of [0, 2, 5, 9, 40]) provideCompletion(ctx, { line, character });
    }
  });

  void it('gives nothing inside a comment', () => {
    const { items } = completeIn('milestones:', ['# depends_on: [|']);
    assert.deepEqual(items, []);
  });
});

void describe('completion: large programs', () => {
  void it('caps id lists, keeps what matches the typed word, and marks the list incomplete', async () => {
    const { generateProgram } = await import('../../../bench/generate.js');
    const { analyzeProgram } = await import('../../../server/src/program/analyze.js');
    const { loadProgram } = await import('../../../server/src/program/load.js');
    const { memoryHost } = await import('../../../server/src/program/host.js');
    const { LineIndex } = await import('../../../server/src/program/line-index.js');
    const { provideCompletionList, MAX_ID_ITEMS } = await import('../../../server/src/features/completion.js');
    const text = generateProgram({ tasks: 1000, seed: 7 }).root;
    const uri = 'file:///ws/p.program.yaml';
    const analysis = analyzeProgram(loadProgram(uri, memoryHost({ [uri]: text }), { workspaceRoot: 'file:///ws/' }));
    const dep = text.indexOf('        depends_on:\n          - t', text.length >> 1) + '        depends_on:\n          - '.length;
    // Cursor after the first four characters of an existing id (`t005`): only ids matching them come back.
    const word = text.slice(dep, dep + 4);
    assert.match(word, /^t\d{3}$/);
    const list = provideCompletionList({ uri, text, analysis }, new LineIndex(text).positionAt(dep + 4));
    assert.equal(list.isIncomplete, true);
    assert.ok(list.items.length > 0 && list.items.length <= MAX_ID_ITEMS);
    for (const item of list.items) assert.match(item.label, new RegExp(word.split('').join('.*')), item.label);
    assert.ok(list.items.some((i) => i.label.startsWith(word)));
    const small = provideCompletionList({ uri, text, analysis }, new LineIndex(text).positionAt(dep));
    assert.equal(small.isIncomplete, true);
    assert.equal(small.items.length, MAX_ID_ITEMS);
  });
});
