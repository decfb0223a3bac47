// Outline, workspace symbols, folding and selection ranges from the real server.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DocumentSymbol, FoldingRange, SelectionRange, SymbolInformation } from 'vscode-languageserver-protocol';
import { FIXTURE_DIR, FRAGMENT, FRAGMENT_TEXT, lspSession, ROOT, ROOT_TEXT } from './fixture.js';

const range = (l1: number, c1: number, l2: number, c2: number) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });

interface Shape { name: string; kind: number; detail?: string; children?: Shape[] }
const shape = (symbols: DocumentSymbol[]): Shape[] => symbols.map((s) => ({
  name: s.name, kind: s.kind, ...(s.detail !== undefined && { detail: s.detail }), ...(s.children && { children: shape(s.children) }),
}));

void describe('lsp: symbols, folding, selection', () => {
  const s = lspSession({ copyFrom: FIXTURE_DIR, open: { [ROOT]: ROOT_TEXT, [FRAGMENT]: FRAGMENT_TEXT } });
  const root = s.uri(ROOT);
  const fragment = s.uri(FRAGMENT);

  void it('outlines the file: sections, workstreams › tasks, with dates in the detail', async () => {
    const symbols = await s.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: root } });
    assert.deepEqual(shape(symbols), [
      { name: 'version', kind: 14 },
      { name: 'demo', kind: 2, detail: 'Demo' },
      { name: 'include', kind: 18 },
      { name: 'people', kind: 4, children: [{ name: 'alice', kind: 19, detail: 'Alice' }] },
      { name: 'workstreams', kind: 4, children: [{
        name: 'core', kind: 3, detail: 'Core · 2026-01-05 → 2026-01-14 · critical', children: [
          { name: 'design', kind: 12, detail: 'Design · 2026-01-05 → 2026-01-09 · critical' },
          { name: 'build', kind: 12, detail: 'Build · 2026-01-12 → 2026-01-14 · critical' },
        ],
      }] },
      { name: 'milestones', kind: 4, children: [{ name: 'launch', kind: 24, detail: 'Launch · 2026-01-14 · critical' }] },
    ]);
    const core = symbols[4]?.children?.[0];
    assert.deepEqual(core?.range, range(13, 4, 23, 43));
    assert.deepEqual(core?.selectionRange, range(13, 8, 13, 12));
  });

  void it('lists workspace symbols matching a query, across files', async () => {
    const found = await s.request<SymbolInformation[]>('workspace/symbol', { query: 'des' });
    assert.deepEqual(found.map((x) => [x.name, x.location.uri, x.location.range]), [['design', root, range(16, 12, 16, 18)]]);
    const fuzzy = await s.request<SymbolInformation[]>('workspace/symbol', { query: 'lnch' });
    assert.deepEqual(fuzzy.map((x) => x.name), ['launch']);
    const all = await s.request<SymbolInformation[]>('workspace/symbol', { query: '' });
    assert.deepEqual(all.map((x) => x.name).sort(), ['alice', 'build', 'core', 'demo', 'design', 'launch', 'ui', 'web']);
  });

  void it('folds block maps and lists that span lines', async () => {
    const folds = await s.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: fragment } });
    assert.deepEqual(folds.map((f) => [f.startLine, f.endLine]), [[1, 10], [2, 10], [3, 10], [5, 10], [6, 10]]);
  });

  void it('folds runs of comment lines', async () => {
    const text = `# one\n# two\n# three\n${FRAGMENT_TEXT}`;
    await s.change(FRAGMENT, text);
    const folds = await s.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: fragment } });
    assert.deepEqual(folds[0], { startLine: 0, endLine: 3, kind: 'comment' });
    await s.change(FRAGMENT, FRAGMENT_TEXT);
  });

  void it('expands the selection from the id to the list, the pair, the task, and up to the document', async () => {
    const [sel] = await s.request<SelectionRange[]>('textDocument/selectionRange', { textDocument: { uri: fragment }, positions: [{ line: 9, character: 23 }] });
    const chain: unknown[] = [];
    for (let r: SelectionRange | undefined = sel; r; r = r.parent) chain.push(r.range);
    assert.deepEqual(chain.slice(0, 5), [
      range(9, 21, 9, 27), // design
      range(9, 20, 9, 28), // [design]
      range(9, 8, 9, 28), // depends_on: [design]
      range(6, 8, 11, 0), // the task's map
      range(6, 6, 11, 0), // the tasks list
    ]);
    assert.deepEqual(chain[chain.length - 1], range(0, 0, 11, 0));
  });
});
