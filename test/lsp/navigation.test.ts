// Definition, references, highlight and rename against the real server,
// across the root and its fragment.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DocumentHighlight, Location, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { applyEdits, positionOf } from '../helpers/caret.js';
import { FIXTURE_DIR, FRAGMENT, FRAGMENT_TEXT, lspSession, ROOT, ROOT_TEXT } from './fixture.js';

const range = (line: number, from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });

void describe('lsp: navigation and rename', () => {
  const s = lspSession({ copyFrom: FIXTURE_DIR, open: { [ROOT]: ROOT_TEXT, [FRAGMENT]: FRAGMENT_TEXT } });
  const root = s.uri(ROOT);
  const fragment = s.uri(FRAGMENT);

  void it('goes to the definition across files (fragment -> root)', async () => {
    const position = positionOf(FRAGMENT_TEXT, 'design', 0, 2);
    const def = await s.request<Location>('textDocument/definition', { textDocument: { uri: fragment }, position });
    assert.deepEqual(def, { uri: root, range: range(16, 12, 18) });
  });

  void it('goes to the definition of a quoted reference (root -> fragment)', async () => {
    const position = positionOf(ROOT_TEXT, '"ui"', 0, 1);
    const def = await s.request<Location>('textDocument/definition', { textDocument: { uri: root }, position });
    assert.deepEqual(def, { uri: fragment, range: range(6, 12, 14) });
  });

  void it('answers null off an id', async () => {
    const def = await s.request('textDocument/definition', { textDocument: { uri: root }, position: positionOf(ROOT_TEXT, 'name: Design', 0, 1) });
    assert.equal(def, null);
  });

  void it('finds references in every file, with and without the declaration', async () => {
    const position = positionOf(ROOT_TEXT, 'id: design', 0, 5);
    const withDecl = await s.request<Location[]>('textDocument/references', { textDocument: { uri: root }, position, context: { includeDeclaration: true } });
    assert.deepEqual(withDecl, [
      { uri: root, range: range(16, 12, 18) },
      { uri: root, range: range(23, 21, 27) },
      { uri: fragment, range: range(9, 21, 27) },
    ]);
    const without = await s.request<Location[]>('textDocument/references', { textDocument: { uri: root }, position, context: { includeDeclaration: false } });
    assert.deepEqual(without, withDecl.slice(1));
  });

  void it('highlights the definition (write) and references (read) in the file', async () => {
    const position = positionOf(ROOT_TEXT, '[design]', 0, 3);
    const hl = await s.request<DocumentHighlight[]>('textDocument/documentHighlight', { textDocument: { uri: root }, position });
    assert.deepEqual(hl, [{ range: range(16, 12, 18), kind: 3 }, { range: range(23, 21, 27), kind: 2 }]);
  });

  void it('prepares a rename on an id, with the id as placeholder', async () => {
    const r = await s.request('textDocument/prepareRename', { textDocument: { uri: fragment }, position: positionOf(FRAGMENT_TEXT, 'design', 0, 0) });
    assert.deepEqual(r, { range: range(9, 21, 27), placeholder: 'design' });
  });

  void it('refuses to prepare a rename off an id', async () => {
    const r = await s.request('textDocument/prepareRename', { textDocument: { uri: root }, position: positionOf(ROOT_TEXT, 'duration', 0, 2) });
    assert.equal(r, null);
  });

  void it('renames across root and fragment, touching only id tokens (comments kept)', async () => {
    const edit = await s.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: fragment }, position: positionOf(FRAGMENT_TEXT, 'design', 0, 1), newName: 'blueprint' });
    const changes = edit.changes ?? {};
    assert.deepEqual(Object.keys(changes).sort(), [fragment, root].sort());
    assert.deepEqual(changes[root], [
      { range: range(16, 12, 18), newText: 'blueprint' },
      { range: range(23, 21, 27), newText: 'blueprint' },
    ]);
    assert.equal(applyEdits(ROOT_TEXT, changes[root] ?? []), ROOT_TEXT.replace('id: design', 'id: blueprint').replace('[design] # after design', '[blueprint] # after design'));
    assert.equal(applyEdits(FRAGMENT_TEXT, changes[fragment] ?? []), FRAGMENT_TEXT.replace('[design]', '[blueprint]'));
  });

  void it('keeps the quotes of a quoted reference when renaming', async () => {
    const edit = await s.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: root }, position: positionOf(ROOT_TEXT, '"ui"', 0, 2), newName: 'user-ui' });
    const changes = edit.changes ?? {};
    assert.equal(applyEdits(ROOT_TEXT, changes[root] ?? []), ROOT_TEXT.replace('"ui"', '"user-ui"'));
    assert.equal(applyEdits(FRAGMENT_TEXT, changes[fragment] ?? []), FRAGMENT_TEXT.replace('id: ui', 'id: user-ui'));
  });

  void it('rejects an invalid new name and a name already taken', async () => {
    const position = positionOf(ROOT_TEXT, 'id: design', 0, 5);
    await assert.rejects(s.request('textDocument/rename', { textDocument: { uri: root }, position, newName: '9lives' }), /not a valid id/);
    await assert.rejects(s.request('textDocument/rename', { textDocument: { uri: root }, position, newName: 'build' }), /already used by a task/);
  });

  void it('answers for unsaved edits: definition follows the buffer, not the disk', async () => {
    const edited = FRAGMENT_TEXT.replace('depends_on: [design]', 'depends_on: [build]');
    await s.change(FRAGMENT, edited);
    const def = await s.request<Location>('textDocument/definition', { textDocument: { uri: fragment }, position: positionOf(edited, '[build]', 0, 2) });
    assert.deepEqual(def, { uri: root, range: range(20, 12, 17) });
    await s.change(FRAGMENT, FRAGMENT_TEXT);
  });
});
