// A scripted editing session against the real server: typing a task
// character by character, deleting lines, pasting garbage and binary. After
// every change, the usual requests must all answer and the server must stay up.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FIXTURE_DIR, FRAGMENT, FRAGMENT_TEXT, lspSession, ROOT, ROOT_TEXT } from './fixture.js';

function endPosition(text: string): { line: number; character: number } {
  const lines = text.split('\n');
  return { line: lines.length - 1, character: (lines[lines.length - 1] ?? '').length };
}

void describe('lsp: robustness under a scripted editing session', () => {
  const s = lspSession({ copyFrom: FIXTURE_DIR, initializationOptions: { programAsCode: { diagnostics: { delay: 5 } } } });
  let answered = 0;

  /** Sends the requests an editor sends while typing; every one must answer (null/[] is fine). */
  async function poke(rel: string, text: string, position = endPosition(text)): Promise<void> {
    const textDocument = { uri: s.uri(rel) };
    const requests: [string, unknown][] = [
      ['textDocument/completion', { textDocument, position }],
      ['textDocument/hover', { textDocument, position }],
      ['textDocument/definition', { textDocument, position }],
      ['textDocument/documentSymbol', { textDocument }],
      ['textDocument/documentHighlight', { textDocument, position }],
      ['textDocument/foldingRange', { textDocument }],
      ['textDocument/selectionRange', { textDocument, positions: [position] }],
      ['textDocument/codeLens', { textDocument }],
      ['textDocument/prepareRename', { textDocument, position }],
    ];
    const results = await Promise.allSettled(requests.map(([m, p]) => s.request(m, p)));
    results.forEach((r, i) => assert.equal(r.status, 'fulfilled', `${requests[i]?.[0]} failed: ${r.status === 'rejected' ? String(r.reason) : ''}`));
    answered += results.length;
    assert.equal(s.alive, true, 'the server is still running');
  }

  void it('answers every request while a task is typed character by character', { timeout: 180_000 }, async () => {
    await s.open(ROOT, ROOT_TEXT);
    await s.open(FRAGMENT, FRAGMENT_TEXT);
    const addition = '      - id: api2\n        name: Typed task\n        duration: 3d\n        depends_on: [ui, { id: design, type: SS, lag: 1d }]\n        assignees: [alice]\n';
    let text = FRAGMENT_TEXT;
    for (const ch of addition) {
      text += ch;
      await s.change(FRAGMENT, text);
      await poke(FRAGMENT, text);
    }
    // The finished task is valid: the fragment ends clean.
    const d = await s.waitForDiagnostics(FRAGMENT, (x) => x.length === 0);
    assert.deepEqual(d, []);
  });

  void it('answers while lines are deleted one by one from the root', { timeout: 120_000 }, async () => {
    const lines = ROOT_TEXT.split('\n');
    while (lines.length > 1) {
      lines.splice(Math.floor(lines.length / 2), 1);
      const text = lines.join('\n');
      await s.change(ROOT, text);
      await poke(ROOT, text, { line: Math.floor(lines.length / 2), character: 4 });
    }
  });

  void it('answers after garbage, binary and hostile pastes', { timeout: 120_000 }, async () => {
    const pastes = [
      '\u0000\u0001\u0002\uffff\ud800garbage\u0000',
      '{{{{[[[[::::----\t\t\t',
      `${'['.repeat(5000)}`,
      'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n',
      `program:\n  id: x\ninclude: ['../../../../etc/*', '**/*.program.yaml']\nworkstreams:\n  - id: w\n    tasks:\n      - id: t\n        depends_on: [t, t, t]\n`,
      'version: 1\nprogram: {id: p, name: P, start: 2026-02-30}\nmilestones:\n  - {id: m, depends_on: [m]}\n',
      '',
      Array.from({ length: 2000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join(''),
    ];
    for (const paste of pastes) {
      await s.change(FRAGMENT, paste);
      await poke(FRAGMENT, paste);
      await poke(FRAGMENT, paste, { line: 0, character: 1 });
      await s.change(ROOT, ROOT_TEXT + paste);
      await poke(ROOT, ROOT_TEXT + paste);
    }
    await s.change(FRAGMENT, FRAGMENT_TEXT);
    await s.change(ROOT, ROOT_TEXT);
    assert.deepEqual(await s.waitForDiagnostics(ROOT, (x) => x.length === 0), []);
    assert.ok(answered > 1000, `answered ${answered} requests`);
    assert.equal(s.alive, true);
  });
});
