import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SymbolKind } from 'vscode-languageserver-types';
import type { CallHierarchyItem } from 'vscode-languageserver-types';
import { incomingCalls, outgoingCalls, prepareCallHierarchy } from '../../../server/src/features/call-hierarchy.js';
import { contextOf, ROOT_URI } from '../../helpers/feature.js';
import { SAMPLE } from '../../helpers/sample.js';
import { positionOf, textIn } from '../../helpers/caret.js';

const ctx = contextOf(SAMPLE);

function prepare(needle: string, delta: number): CallHierarchyItem {
  const items = prepareCallHierarchy(ctx, positionOf(SAMPLE, needle, 0, delta));
  assert.equal(items?.length, 1);
  return items![0]!;
}

void describe('call hierarchy', () => {
  void it('prepares tasks, milestones and workstreams with data { uri, id }', () => {
    const api = prepare('- id: api', 7);
    assert.equal(api.name, 'api');
    assert.equal(api.kind, SymbolKind.Function);
    assert.deepEqual(api.data, { uri: ROOT_URI, id: 'api' });
    assert.equal(textIn(SAMPLE, api.selectionRange), 'api');
    assert.equal(api.detail, 'Build the public API · task · 2026-01-12 → 2026-01-23');
    assert.equal(prepare('- id: beta', 7).kind, SymbolKind.Event);
    assert.equal(prepare('- id: web', 7).kind, SymbolKind.Module);
    assert.equal(prepareCallHierarchy(ctx, positionOf(SAMPLE, '- id: alice', 0, 7)), null);
  });

  void it('incoming: what depends on it, with the reference ranges', () => {
    const calls = incomingCalls(ctx, prepare('- id: api', 7));
    assert.deepEqual(calls.map((c) => c.from.name), ['ui', 'beta']);
    assert.deepEqual(calls.map((c) => c.fromRanges.map((r) => textIn(SAMPLE, r))), [['api'], ['api']]);
    assert.equal(calls[1]?.fromRanges[0]?.start.line, positionOf(SAMPLE, '[api, ui]').line);
  });

  void it('outgoing: what it depends on', () => {
    assert.deepEqual(outgoingCalls(ctx, prepare('- id: beta', 7)).map((c) => c.to.name), ['api', 'ui']);
    assert.deepEqual(outgoingCalls(ctx, prepare('- id: design', 7)), []);
  });

  void it('workstreams: incoming from dependents, outgoing to dependencies outside it', () => {
    const web = prepare('- id: web', 7);
    assert.deepEqual(outgoingCalls(ctx, web).map((c) => c.to.name), ['api']);
    const backend = prepare('- id: backend', 7);
    assert.deepEqual(outgoingCalls(ctx, backend), [], 'design is inside backend');
    assert.deepEqual(incomingCalls(ctx, backend), []);
  });
});
