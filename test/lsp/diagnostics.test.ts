// Diagnostics pushed by the real server: as the user types, for the other
// files of the program, with codes, related information and tags, and
// cleared when fixed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { FIXTURE_DIR, FRAGMENT, FRAGMENT_TEXT, lspSession, ROOT, ROOT_TEXT } from './fixture.js';

const codes = (d: Diagnostic[]) => d.map((x) => x.code);
const BROKEN = 'version: 1\nprogram:\n  id: lone\n  name: Lone\n  start: 2026-01-05\n  owner: nobody\n';

void describe('lsp: diagnostics', () => {
  const s = lspSession({ copyFrom: FIXTURE_DIR, files: { 'broken.program.yaml': BROKEN } });

  void it('indexes the workspace with progress and checks files nobody opened', async () => {
    const d = await s.waitForDiagnostics('broken.program.yaml', (x) => x.length > 0);
    assert.deepEqual(codes(d), ['unknown-reference']);
    assert.deepEqual(d[0]?.range, { start: { line: 5, character: 9 }, end: { line: 5, character: 15 } });
    assert.equal(d[0]?.source, 'program-as-code');
    const kindsOf = () => s.progress.map((p) => (p as { value: { kind: string } }).value.kind);
    await s.until(() => kindsOf().includes('end'), 'the end of indexing');
    const kinds = kindsOf();
    assert.equal(kinds[0], 'begin');
    assert.ok(kinds.includes('end'));
    assert.equal(s.registrations.length, 1, 'a file watcher is registered');
  });

  void it('publishes an empty list for a clean program', async () => {
    await s.open(ROOT, ROOT_TEXT);
    assert.deepEqual(await s.waitForDiagnostics(ROOT), []);
    assert.deepEqual(await s.waitForDiagnostics(FRAGMENT), []);
  });

  void it('reports an unknown reference as the user types, with suggestions kept for quick fixes', async () => {
    await s.change(ROOT, ROOT_TEXT.replace('depends_on: [design]', 'depends_on: [desing]'));
    const d = await s.waitForDiagnostics(ROOT, (x) => x.length > 0);
    assert.deepEqual(codes(d), ['unknown-reference']);
    assert.deepEqual(d[0]?.range, { start: { line: 23, character: 21 }, end: { line: 23, character: 27 } });
    assert.deepEqual((d[0]?.data as { suggestions: string[] }).suggestions, ['design']);
    assert.equal(d[0]?.severity, 1);
  });

  void it('clears the diagnostics when fixed', async () => {
    await s.change(ROOT, ROOT_TEXT);
    assert.deepEqual(await s.waitForDiagnostics(ROOT, (x) => x.length === 0), []);
  });

  void it('an edit to a fragment breaks its root, and the root gets the diagnostic', async () => {
    await s.open(FRAGMENT, FRAGMENT_TEXT);
    await s.change(FRAGMENT, FRAGMENT_TEXT.replace('id: ui', 'id: ux'));
    const d = await s.waitForDiagnostics(ROOT, (x) => x.length > 0);
    assert.deepEqual(codes(d), ['unknown-reference']);
    // `"ui"` on the milestone: the range is the id inside the quotes.
    assert.deepEqual(d[0]?.range, { start: { line: 27, character: 25 }, end: { line: 27, character: 27 } });
    await s.change(FRAGMENT, FRAGMENT_TEXT);
    await s.waitForDiagnostics(ROOT, (x) => x.length === 0);
  });

  void it('a duplicate id across files carries related information pointing at the other definition', async () => {
    await s.change(FRAGMENT, FRAGMENT_TEXT.replace('id: ui', 'id: build'));
    const inFragment = await s.waitForDiagnostics(FRAGMENT, (x) => x.some((y) => y.code === 'duplicate-id'));
    const dup = inFragment.find((x) => x.code === 'duplicate-id');
    assert.deepEqual(dup?.relatedInformation?.map((r) => r.location), [
      { uri: s.uri(ROOT), range: { start: { line: 20, character: 12 }, end: { line: 20, character: 17 } } },
    ]);
    const inRoot = await s.waitForDiagnostics(ROOT, (x) => x.some((y) => y.code === 'duplicate-id'));
    assert.ok(inRoot.some((x) => x.code === 'duplicate-id' && x.relatedInformation?.[0]?.location.uri === s.uri(FRAGMENT)));
    await s.change(FRAGMENT, FRAGMENT_TEXT);
    await s.waitForDiagnostics(FRAGMENT, (x) => x.length === 0);
  });

  void it('tags a self-dependency as unnecessary', async () => {
    await s.change(ROOT, ROOT_TEXT.replace('depends_on: [design]', 'depends_on: [build]'));
    const d = await s.waitForDiagnostics(ROOT, (x) => x.some((y) => y.code === 'self-dependency'));
    const self = d.find((x) => x.code === 'self-dependency');
    assert.deepEqual(self?.tags, [1]);
    await s.change(ROOT, ROOT_TEXT);
    await s.waitForDiagnostics(ROOT, (x) => x.length === 0);
  });

  void it('keeps a workspace file\'s diagnostics when it is closed (checked from disk)', async () => {
    await s.open('broken.program.yaml', BROKEN);
    await s.close('broken.program.yaml');
    await s.close(ROOT);
    await s.close(FRAGMENT);
    assert.equal(s.alive, true);
    assert.equal((await s.waitForDiagnostics('broken.program.yaml')).length, 1);
  });
});

void describe('lsp: diagnostics settings', () => {
  const s = lspSession({
      copyFrom: FIXTURE_DIR,
      initializationOptions: { programAsCode: { diagnostics: { delay: 0, severity: { 'unknown-reference': 'warning', 'duplicate-id': 'off' } } } },
    });

  void it('applies severity overrides and hides codes turned off', async () => {
    await s.open(ROOT, ROOT_TEXT.replace('depends_on: [design]', 'depends_on: [desing]').replace('id: build', 'id: design'));
    const d = await s.waitForDiagnostics(ROOT, (x) => x.length > 0);
    assert.ok(!d.some((x) => x.code === 'duplicate-id'));
    const unknown = d.find((x) => x.code === 'unknown-reference');
    assert.equal(unknown?.severity, 2);
  });
});
