// Rename and quick fixes through the bundled server over stdio, on the files
// of issue 11: ids written as block scalars (M4) and through YAML aliases
// (M5), new names YAML reads as null or a boolean (M6), and the
// self-dependency fix next to a comment. The edits the client gets must apply
// as they are (no overlap), leave a file that parses to the same program, and
// touch nothing but the id or the item.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { applyEdits, positionOf } from '../helpers/caret.js';
import { lspSession } from './fixture.js';

const HEAD = 'version: 1\nprogram: { id: p, name: P, start: 2026-01-05 }\nworkstreams:\n  - id: core\n    name: Core\n    tasks:\n';
const FILE = 'edits.program.yaml';

function overlapFree(edits: readonly TextEdit[]): boolean {
  const key = (p: { line: number; character: number }) => p.line * 1e6 + p.character;
  const sorted = [...edits].sort((a, b) => key(a.range.start) - key(b.range.start));
  return sorted.every((e, i) => i === 0 || key((sorted[i - 1] as TextEdit).range.end) <= key(e.range.start));
}

void describe('lsp: rename and quick fixes on hostile files', () => {
  const s = lspSession({ initializationOptions: { programAsCode: { diagnostics: { delay: 5 } } } });

  async function renameTo(text: string, at: { line: number; character: number }, newName: string): Promise<string> {
    const uri = await s.open(FILE, text);
    await s.waitForDiagnostics(FILE);
    const prepared = await s.request<{ placeholder: string }>('textDocument/prepareRename', { textDocument: { uri }, position: at });
    const edit = await s.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position: at, newName });
    const edits = edit.changes?.[uri] ?? [];
    assert.ok(overlapFree(edits), JSON.stringify(edits));
    const out = applyEdits(text, edits);
    // The renamed file, opened fresh: no syntax error, no unknown reference.
    s.forget(FILE);
    await s.change(FILE, out);
    const ds = await s.waitForDiagnostics(FILE);
    assert.deepEqual(ds.filter((d) => d.code === 'yaml-syntax' || d.code === 'unknown-reference').map((d) => d.message), []);
    assert.equal(prepared.placeholder.length > 0, true);
    await s.close(FILE);
    return out;
  }

  void it('M4: ids written as |- and >- block scalars keep their header and line breaks', { timeout: 60_000 }, async () => {
    const text = `${HEAD}      - id: |-\n          alpha\n        name: A\n        duration: 1d\n      - id: >-\n          beta\n        name: B\n        duration: 1d\n        depends_on:\n          - |-\n            alpha\n`;
    assert.equal(await renameTo(text, positionOf(text, 'alpha'), 'omega'), text.replace(/alpha/g, 'omega'));
    assert.equal(await renameTo(text, positionOf(text, 'alpha', 1), 'omega'), text.replace(/alpha/g, 'omega'));
  });

  void it('M5: through aliases, one edit on the anchor\'s value and none on the aliases', { timeout: 60_000 }, async () => {
    const text = `${HEAD}      - { id: &first alpha, name: A, duration: 1d }\n      - { id: beta, name: B, duration: 1d, depends_on: [*first, *first] }\n      - { id: gamma, name: G, duration: 1d, depends_on: [*first] }\n`;
    assert.equal(await renameTo(text, positionOf(text, 'alpha'), 'omega'), text.replace('alpha', 'omega'));
  });

  void it('M6: NULL, true, FALSE are refused by rename with a clear error; rename and prepareRename refuse an id written with escapes, naming the place', { timeout: 60_000 }, async () => {
    const text = `${HEAD}      - { id: alpha, name: A, duration: 1d }\n      - { id: beta, name: B, duration: 1d, depends_on: ["al\\x70ha"] }\n`;
    const uri = await s.open(FILE, text);
    await s.waitForDiagnostics(FILE);
    const position = positionOf(text, 'alpha');
    for (const newName of ['NULL', 'true', 'FALSE', 'null', '~', '.inf', '12']) {
      await assert.rejects(s.request('textDocument/rename', { textDocument: { uri }, position, newName }), (e: { code: number; message: string }) => {
        assert.equal(e.code, -32600, newName);
        assert.match(e.message, /cannot be an id: YAML reads it as|is not a valid id/);
        return true;
      });
    }
    // The escaped reference cannot be edited minimally: the rename is refused, naming the place.
    await assert.rejects(s.request('textDocument/rename', { textDocument: { uri }, position, newName: 'omega' }), (e: { message: string }) => {
      assert.equal(e.message, '`alpha` cannot be renamed: at edits.program.yaml:8:58 it is written with escapes or over several lines. Write it as a plain id first.');
      return true;
    });
    await assert.rejects(s.request('textDocument/prepareRename', { textDocument: { uri }, position: positionOf(text, 'al\\x70ha') }), /cannot be renamed here: it is written with escapes/);
    await s.close(FILE);
  });

  void it('the self-dependency fix keeps a comment line between the key and the item', { timeout: 60_000 }, async () => {
    const text = `${HEAD}      - id: a\n        name: A\n        duration: 1d\n        depends_on:\n          # a waits for the vendor, see the risk\n          - a\n        start: 2026-01-05\n`;
    const uri = await s.open(FILE, text);
    const ds = await s.waitForDiagnostics(FILE, (d) => d.some((x) => x.code === 'self-dependency'));
    const d = ds.find((x) => x.code === 'self-dependency') as Diagnostic;
    const actions = await s.request<{ title: string; edit: WorkspaceEdit }[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    const fix = actions.find((a) => a.title === 'Remove the dependency of `a` on itself');
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    const out = applyEdits(text, fix.edit.changes?.[uri] ?? []);
    assert.equal(out, text.replace('        depends_on:\n          # a waits', '        depends_on: []\n          # a waits').replace('          - a\n', ''));
    await s.close(FILE);
  });
});
