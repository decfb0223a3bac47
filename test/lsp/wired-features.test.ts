// The features wired in server.ts from the other feature files: call
// hierarchy, code actions, inlay hints and semantic tokens, over stdio.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type {
  CallHierarchyIncomingCall, CallHierarchyItem, CallHierarchyOutgoingCall, CodeAction, Diagnostic, InlayHint, SemanticTokens,
} from 'vscode-languageserver-protocol';
import { positionOf } from '../helpers/caret.js';
import { FIXTURE_DIR, FRAGMENT, lspSession, ROOT, ROOT_TEXT } from './fixture.js';

void describe('lsp: call hierarchy, code actions, inlay hints, semantic tokens', () => {
  const s = lspSession({ copyFrom: FIXTURE_DIR, open: { [ROOT]: ROOT_TEXT } });
  const root = s.uri(ROOT);

  void it('call hierarchy: incoming = dependents (across files), outgoing = dependencies', async () => {
    const [item] = await s.request<CallHierarchyItem[]>('textDocument/prepareCallHierarchy', { textDocument: { uri: root }, position: positionOf(ROOT_TEXT, 'id: design', 0, 5) });
    assert.equal(item?.name, 'design');
    const incoming = await s.request<CallHierarchyIncomingCall[]>('callHierarchy/incomingCalls', { item });
    assert.deepEqual(incoming.map((c) => [c.from.name, c.from.uri]).sort(), [['build', root], ['ui', s.uri(FRAGMENT)]]);
    const [launch] = await s.request<CallHierarchyItem[]>('textDocument/prepareCallHierarchy', { textDocument: { uri: root }, position: positionOf(ROOT_TEXT, 'id: launch', 0, 5) });
    const outgoing = await s.request<CallHierarchyOutgoingCall[]>('callHierarchy/outgoingCalls', { item: launch });
    assert.deepEqual(outgoing.map((c) => c.to.name).sort(), ['build', 'ui']);
  });

  void it('code actions offer the close match for an unknown reference', async () => {
    const broken = ROOT_TEXT.replace('depends_on: [design]', 'depends_on: [desing]');
    await s.change(ROOT, broken);
    const diagnostics = await s.waitForDiagnostics(ROOT, (d) => d.some((x) => x.code === 'unknown-reference'));
    const diagnostic = diagnostics.find((x) => x.code === 'unknown-reference') as Diagnostic;
    const actions = await s.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: root }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
    const fix = actions.find((a) => a.edit?.changes?.[root]?.some((e) => e.newText === 'design'));
    assert.ok(fix, `a fix to \`design\` among ${JSON.stringify(actions.map((a) => a.title))}`);
    await s.change(ROOT, ROOT_TEXT);
  });

  void it('inlay hints show computed dates', async () => {
    const hints = await s.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri: root }, range: { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } } });
    assert.ok(hints.some((h) => JSON.stringify(h.label).includes('2026-01-09')), JSON.stringify(hints.map((h) => h.label)));
  });

  void it('semantic tokens cover the ids', async () => {
    const tokens = await s.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: root } });
    assert.ok(tokens.data.length >= 5 * 8);
    assert.equal(tokens.data.length % 5, 0);
  });
});
