// Definition, references, highlights and rename as pure functions.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { provideDefinition } from '../../../server/src/features/definition.js';
import { provideDocumentHighlights } from '../../../server/src/features/document-highlight.js';
import { provideReferences } from '../../../server/src/features/references.js';
import { isRenameRejection, prepareRename, provideRename } from '../../../server/src/features/rename.js';
import { applyEdits, positionOfText, textIn } from '../../helpers/caret.js';
import { contextOf, ROOT_URI, uriOf } from '../../helpers/feature.js';
import { lines } from '../../helpers/program.js';

const ROOT = lines(
  'version: 1',
  'program: { id: p, name: P, start: 2026-01-05 }',
  'include: [web.program.yaml]',
  'people:',
  '  - { id: ann, name: Ann }',
  'teams:',
  '  - { id: web, name: Web team, lead: ann }',
  'workstreams:',
  '  - id: core',
  '    tasks:',
  '      - id: a  # the first task',
  '        duration: 2d',
  '      - id: b',
  '        duration: 1d',
  "        depends_on: ['a']",
);
const WEB = lines(
  'version: 1',
  'workstreams:',
  '  - id: web',
  '    team: web',
  '    tasks:',
  '      - { id: c, duration: 1d, depends_on: [a, b] }',
);
const WEB_URI = uriOf('web.program.yaml');
const ctx = contextOf(ROOT, { fragments: { 'web.program.yaml': WEB } });
const webCtx = { ...ctx, uri: WEB_URI, text: WEB };

void test('definition: from a fragment to the root, and from a quoted reference', () => {
  const def = provideDefinition(webCtx, positionOfText(WEB, '[a,', 0, 1));
  assert.equal(def?.uri, ROOT_URI);
  assert.equal(textIn(ROOT, def!.range), 'a');
  assert.deepEqual(def?.range.start, { line: 10, character: 12 });
  const quoted = provideDefinition(ctx, positionOfText(ROOT, "'a'", 0, 1));
  assert.deepEqual(quoted?.range.start, { line: 10, character: 12 });
  assert.equal(provideDefinition(ctx, positionOfText(ROOT, 'duration')), null);
});

void test('definition honours the kinds a field takes: `team: web` goes to the team, not the workstream', () => {
  const def = provideDefinition(webCtx, positionOfText(WEB, 'team: web', 0, 7));
  assert.equal(def?.uri, ROOT_URI);
  assert.deepEqual(def?.range.start, positionOfText(ROOT, 'id: web', 0, 4));
});

void test('references: every file, declaration on request', () => {
  const refs = provideReferences(ctx, positionOfText(ROOT, 'id: a  #', 0, 4), true);
  assert.deepEqual(refs.map((r) => [r.uri, r.range.start.line, r.range.start.character]), [
    [ROOT_URI, 10, 12], [ROOT_URI, 14, 22], [WEB_URI, 5, 44],
  ]);
  assert.equal(provideReferences(ctx, positionOfText(ROOT, 'id: a  #', 0, 4), false).length, 2);
});

void test('highlights: write on the definition, read on references, this file only', () => {
  const hl = provideDocumentHighlights(ctx, positionOfText(ROOT, 'id: a  #', 0, 4));
  assert.deepEqual(hl.map((h) => [h.range.start.line, h.kind]), [[10, 3], [14, 2]]);
});

void test('rename: id tokens only, quotes and comments kept, in every file', () => {
  const edit = provideRename(ctx, positionOfText(ROOT, 'id: a  #', 0, 4), 'alpha');
  assert.ok(edit && !isRenameRejection(edit));
  assert.equal(applyEdits(ROOT, edit.changes?.[ROOT_URI] ?? []), ROOT.replace('id: a  #', 'id: alpha  #').replace("['a']", "['alpha']"));
  assert.equal(applyEdits(WEB, edit.changes?.[WEB_URI] ?? []), WEB.replace('[a, b]', '[alpha, b]'));
});

void test('rename: invalid names and names taken in the same namespace are rejected; other namespaces are fine', () => {
  const at = positionOfText(ROOT, 'id: a  #', 0, 4);
  assert.match((provideRename(ctx, at, '1a') as { rejected: string }).rejected, /not a valid id/);
  assert.match((provideRename(ctx, at, 'b') as { rejected: string }).rejected, /already used by a task/);
  // A task may share an id with a person (different namespaces).
  assert.ok(!isRenameRejection(provideRename(ctx, at, 'ann')));
});

void test('prepareRename: the token and its text, or null off an id', () => {
  assert.deepEqual(prepareRename(ctx, positionOfText(ROOT, "'a'", 0, 1)), {
    range: { start: { line: 14, character: 22 }, end: { line: 14, character: 23 } }, placeholder: 'a',
  });
  assert.equal(prepareRename(ctx, positionOfText(ROOT, 'duration')), null);
  assert.equal(prepareRename({ ...ctx, analysis: undefined }, positionOfText(ROOT, 'id: a  #', 0, 4)), null);
});
