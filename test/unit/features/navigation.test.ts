// Definition, references, highlights and rename as pure functions.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { provideDefinition } from '../../../server/src/features/definition.js';
import { provideDocumentHighlights } from '../../../server/src/features/document-highlight.js';
import { provideReferences } from '../../../server/src/features/references.js';
import { isRenameRejection, prepareRename, provideRename } from '../../../server/src/features/rename.js';
import type { Range } from 'vscode-languageserver-types';
import { applyEdits, positionOf, textIn } from '../../helpers/caret.js';
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
  const def = provideDefinition(webCtx, positionOf(WEB, '[a,', 0, 1));
  assert.equal(def?.uri, ROOT_URI);
  assert.equal(textIn(ROOT, def!.range), 'a');
  assert.deepEqual(def?.range.start, { line: 10, character: 12 });
  const quoted = provideDefinition(ctx, positionOf(ROOT, "'a'", 0, 1));
  assert.deepEqual(quoted?.range.start, { line: 10, character: 12 });
  assert.equal(provideDefinition(ctx, positionOf(ROOT, 'duration')), null);
});

void test('definition honours the kinds a field takes: `team: web` goes to the team, not the workstream', () => {
  const def = provideDefinition(webCtx, positionOf(WEB, 'team: web', 0, 7));
  assert.equal(def?.uri, ROOT_URI);
  assert.deepEqual(def?.range.start, positionOf(ROOT, 'id: web', 0, 4));
});

void test('references: every file, declaration on request', () => {
  const refs = provideReferences(ctx, positionOf(ROOT, 'id: a  #', 0, 4), true);
  assert.deepEqual(refs.map((r) => [r.uri, r.range.start.line, r.range.start.character]), [
    [ROOT_URI, 10, 12], [ROOT_URI, 14, 22], [WEB_URI, 5, 44],
  ]);
  assert.equal(provideReferences(ctx, positionOf(ROOT, 'id: a  #', 0, 4), false).length, 2);
});

void test('highlights: write on the definition, read on references, this file only', () => {
  const hl = provideDocumentHighlights(ctx, positionOf(ROOT, 'id: a  #', 0, 4));
  assert.deepEqual(hl.map((h) => [h.range.start.line, h.kind]), [[10, 3], [14, 2]]);
});

void test('rename: id tokens only, quotes and comments kept, in every file', () => {
  const edit = provideRename(ctx, positionOf(ROOT, 'id: a  #', 0, 4), 'alpha');
  assert.ok(edit && !isRenameRejection(edit));
  assert.equal(applyEdits(ROOT, edit.changes?.[ROOT_URI] ?? []), ROOT.replace('id: a  #', 'id: alpha  #').replace("['a']", "['alpha']"));
  assert.equal(applyEdits(WEB, edit.changes?.[WEB_URI] ?? []), WEB.replace('[a, b]', '[alpha, b]'));
});

void test('rename: invalid names and names taken in the same namespace are rejected; other namespaces are fine', () => {
  const at = positionOf(ROOT, 'id: a  #', 0, 4);
  assert.match((provideRename(ctx, at, '1a') as { rejected: string }).rejected, /not a valid id/);
  assert.match((provideRename(ctx, at, 'b') as { rejected: string }).rejected, /already used by a task/);
  // A task may share an id with a person (different namespaces).
  assert.ok(!isRenameRejection(provideRename(ctx, at, 'ann')));
});

void test('prepareRename: the token and its text, or null off an id', () => {
  assert.deepEqual(prepareRename(ctx, positionOf(ROOT, "'a'", 0, 1)), {
    range: { start: { line: 14, character: 22 }, end: { line: 14, character: 23 } }, placeholder: 'a',
  });
  assert.equal(prepareRename(ctx, positionOf(ROOT, 'duration')), null);
  assert.equal(prepareRename({ ...ctx, analysis: undefined }, positionOf(ROOT, 'id: a  #', 0, 4)), null);
});

// ---- rename edits only the id's own characters (issue 11: M4, M5, M6)

/**
 * Renames the id at `needle` and returns the new text, after checking that it
 * parses to the same problems as before (the id's name aside) and that every
 * reference follows.
 */
function renameIn(text: string, needle: string, to: string, delta = 0): string {
  const c = contextOf(text);
  const at = positionOf(text, needle, 0, delta);
  const from = prepareRename(c, at);
  assert.ok(from && !isRenameRejection(from), JSON.stringify(from));
  const edit = provideRename(c, at, to);
  assert.ok(edit && !isRenameRejection(edit), JSON.stringify(edit));
  const out = applyEdits(text, edit.changes?.[ROOT_URI] ?? []);
  const problems = (t: string, id: string) => contextOf(t).analysis!.model.diagnostics.map((d) => `${d.code}: ${d.message.split(`\`${id}\``).join('`ID`')}`);
  assert.deepEqual(problems(out, to), problems(text, from.placeholder), out);
  const refs = (t: string, id: string) => contextOf(t).analysis!.model.references.filter((r) => r.targetId === id).length;
  assert.equal(refs(out, to), refs(text, from.placeholder));
  assert.equal(refs(out, from.placeholder), 0);
  return out;
}

/** A program whose one workstream's tasks follow. */
const TASKS = ['version: 1', 'program: { id: p, name: P, start: 2026-01-05 }', 'workstreams:', '  - id: core', '    tasks:'];

const BLOCK = lines(
  ...TASKS,
  '      - id: |-',
  '          alpha',
  '        duration: 2d',
  '      - id: >-',
  '          beta',
  '        duration: 1d',
  '        depends_on:',
  '          - |-',
  '            alpha',
  '      - id: gamma',
  '        depends_on: [beta, alpha]',
);

void test('rename: an id written as a block scalar (|-, >-) keeps its header and line breaks', () => {
  // From the definition, from a reference written as a block scalar, from a plain reference.
  const fromDef = renameIn(BLOCK, 'alpha', 'omega');
  assert.equal(fromDef, BLOCK.replace(/alpha/g, 'omega'));
  assert.equal(renameIn(BLOCK, 'beta', 'delta'), BLOCK.replace(/beta/g, 'delta'));
  assert.equal(renameIn(BLOCK, '[beta', 'delta', 1), BLOCK.replace(/beta/g, 'delta'));
  assert.deepEqual(prepareRename(contextOf(BLOCK), positionOf(BLOCK, 'alpha', 1)), {
    range: { start: { line: 13, character: 12 }, end: { line: 13, character: 17 } }, placeholder: 'alpha',
  });
});

void test('rename: a block scalar folded over several lines is refused with the place, not corrupted', () => {
  const text = lines(
    ...TASKS,
    '      - id: t1',
    '        duration: 2d',
    '      - id: t2',
    '        duration: 1d',
    '        depends_on: ["t\\x31"]',
  );
  const r = provideRename(contextOf(text), positionOf(text, 'id: t1', 0, 4), 'first');
  assert.deepEqual(r, { rejected: '`t1` cannot be renamed: at root.program.yaml:10:23 it is written with escapes or over several lines. Write it as a plain id first.' });
});

void test('rename through a YAML alias: one edit on the anchor\'s value, none on the alias, no overlap', () => {
  const text = lines(
    ...TASKS,
    '      - id: &first alpha',
    '        duration: 2d',
    '      - id: beta',
    '        depends_on: [*first, *first]',
    '      - id: gamma',
    '        depends_on: [*first]',
  );
  const c = contextOf(text);
  const edit = provideRename(c, positionOf(text, 'alpha'), 'omega');
  assert.ok(edit && !isRenameRejection(edit));
  const edits = edit.changes?.[ROOT_URI] ?? [];
  assert.equal(edits.length, 1, JSON.stringify(edits));
  assert.equal(textIn(text, (edits[0] as { range: Range }).range), 'alpha');
  assert.equal(renameIn(text, 'alpha', 'omega'), text.replace('alpha', 'omega'));
});

void test('rename refuses names YAML would not read back as text (null, booleans), and the id pattern', () => {
  const at = positionOf(ROOT, 'id: a  #', 0, 4);
  for (const name of ['NULL', 'null', 'Null', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']) {
    const r = provideRename(ctx, at, name);
    assert.ok(isRenameRejection(r), name);
    assert.match(r.rejected, new RegExp(`^\`${name}\` cannot be an id: YAML reads it as (null|the boolean (true|false)), not as a name\\. Choose another name\\.$`));
  }
  for (const name of ['~', '', '1', '0x1f', '.inf', '.nan', '-.Inf', '12e3', 'a b', 'a:b', '"q"']) {
    const r = provideRename(ctx, at, name);
    assert.ok(isRenameRejection(r), name);
    assert.match(r.rejected, /is not a valid id: an id starts with a letter/);
  }
  // Words YAML 1.1 read as booleans are plain text in YAML 1.2's core schema (the parser's): accepted.
  for (const name of ['yes', 'no', 'on', 'off', 'y', 'n', 'nulls', 'trueish', 'Inf', 'NaN']) assert.ok(!isRenameRejection(provideRename(ctx, at, name)), name);
});
