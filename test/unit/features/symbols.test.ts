// Document symbols, workspace symbols, folding and selection ranges, and the
// dependents/dependencies lists, as pure functions.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { listDependencies, listDependents, programSummary } from '../../../server/src/features/dependency-list.js';
import { provideDocumentSymbols } from '../../../server/src/features/document-symbols.js';
import { provideFoldingRanges } from '../../../server/src/features/folding-ranges.js';
import { provideSelectionRanges } from '../../../server/src/features/selection-ranges.js';
import { fuzzyScore, provideWorkspaceSymbols } from '../../../server/src/features/workspace-symbols.js';
import type { DocumentSymbol, SelectionRange } from 'vscode-languageserver-types';
import { positionOf, textIn } from '../../helpers/caret.js';
import { contextOf } from '../../helpers/feature.js';
import { lines } from '../../helpers/program.js';

const ROOT = lines(
  '# Header comment',
  '# second line',
  'version: 1',
  'program: { id: p, name: P, start: 2026-01-05 }',
  'workstreams:',
  '  - id: core',
  '    name: Core',
  '    tasks:',
  '      - id: a',
  '        name: "First"',
  '        duration: 2d',
  '      - id: b',
  '        duration: 1d',
  '        depends_on: [a]',
  'milestones:',
  '  - { id: m, name: M, depends_on: [a, b], date: 2026-01-06 }',
  'risks:',
  '  - { id: R1, title: Risky, probability: 2, impact: 3, owner: nobody, affects: [a] }',
);
const ctx = contextOf(ROOT);

const names = (symbols: DocumentSymbol[] | undefined): unknown[] =>
  (symbols ?? []).map((s) => (s.children ? [s.name, names(s.children)] : s.name));

void test('document symbols: sections holding entities, workstreams › tasks', () => {
  const symbols = provideDocumentSymbols(ctx);
  assert.deepEqual(names(symbols), ['version', 'p', ['workstreams', [['core', ['a', 'b']]]], ['milestones', ['m']], ['risks', ['R1']]]);
  const a = symbols[2]?.children?.[0]?.children?.[0];
  assert.equal(a?.detail, 'First · 2026-01-05 → 2026-01-06 · critical');
  assert.equal(textIn(ROOT, a!.selectionRange), 'a');
  assert.equal(textIn(ROOT, a!.range), 'id: a\n        name: "First"\n        duration: 2d');
  assert.match(symbols[3]?.children?.[0]?.detail ?? '', /forecast 2026-01-07 · slipping 1 working day/);
  assert.equal(symbols[4]?.children?.[0]?.detail, 'Risky · score 6 · owner nobody');
  assert.deepEqual(provideDocumentSymbols({ ...ctx, analysis: undefined }), []);
});

void test('workspace symbols: fuzzy match on ids and names, best first', () => {
  assert.deepEqual(provideWorkspaceSymbols([ctx.analysis!], 'co').map((s) => s.name), ['core']);
  assert.deepEqual(provideWorkspaceSymbols([ctx.analysis!], 'first').map((s) => s.name), ['a']);
  assert.equal(provideWorkspaceSymbols([ctx.analysis!, ctx.analysis!], '').length, 6, 'a file shared by two programs is listed once');
  assert.ok(fuzzyScore('cr', 'core') > fuzzyScore('co', 'core'));
  assert.equal(fuzzyScore('xyz', 'core'), -1);
});

void test('folding: comment runs and multi-line blocks, one per start line', () => {
  const folds = provideFoldingRanges(ctx);
  assert.deepEqual(folds[0], { startLine: 0, endLine: 1, kind: 'comment' });
  assert.ok(folds.some((f) => f.startLine === 4 && f.endLine === 13), 'workstreams');
  assert.ok(folds.some((f) => f.startLine === 8 && f.endLine === 10), 'task a');
  assert.ok(!folds.some((f) => f.startLine === 15), 'a one-line flow map does not fold');
  assert.equal(new Set(folds.map((f) => f.startLine)).size, folds.length);
});

void test('folding and selection work on a buffer with no analysis and on broken YAML', () => {
  const broken = { uri: ctx.uri, text: 'a:\n  - [\n  b: {\n', analysis: undefined };
  assert.doesNotThrow(() => provideFoldingRanges(broken));
  assert.equal(provideSelectionRanges(broken, [{ line: 1, character: 3 }]).length, 1);
});

void test('selection ranges: token without quotes, scalar, pair, map, list, …, document', () => {
  const [sel] = provideSelectionRanges(ctx, [positionOf(ROOT, 'First', 0, 2)]);
  const chain: string[] = [];
  for (let r: SelectionRange | undefined = sel; r; r = r.parent) chain.push(textIn(ROOT, r.range));
  assert.deepEqual(chain.slice(0, 3), ['First', '"First"', 'name: "First"']);
  assert.ok((chain[3] ?? '').startsWith('id: a\n'));
  assert.equal(chain[chain.length - 1], ROOT);
});

void test('dependents and dependencies of the item under the cursor, and the program summary', () => {
  const dependents = listDependents(ctx, positionOf(ROOT, 'id: a', 0, 4));
  assert.deepEqual(dependents.map((d) => [d.id, d.kind, d.start, d.end]), [['b', 'task', '2026-01-07', '2026-01-07'], ['m', 'milestone', '2026-01-07', '2026-01-07']]);
  const deps = listDependencies(ctx, positionOf(ROOT, 'id: m', 0, 4));
  assert.deepEqual(deps.map((d) => d.id), ['a', 'b']);
  assert.deepEqual(listDependencies(ctx, positionOf(ROOT, 'duration')), []);
  assert.deepEqual(programSummary(ctx.analysis), { programId: 'p', finish: '2026-01-07', slippingMilestones: 1 });
  assert.deepEqual(programSummary(undefined), { programId: null, finish: null, slippingMilestones: 0 });
});
