// Issue 11 (H1, H2, H3, H4) in the language server: a workspace holding a
// 5-million-item file, a glob that backtracked forever, a malformed glob and
// 50,000 anchors is indexed at start-up without the server dying or hanging;
// each hostile file gets its diagnostic and the innocent program its own.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { lspSession } from './fixture.js';

const HEAD = 'version: 1\nprogram: { id: p, name: P, start: 2026-01-05 }\n';
const has = (code: string) => (ds: Diagnostic[]) => ds.some((d) => d.code === code);

void describe('lsp: start-up indexing of a hostile workspace', () => {
  const s = lspSession(() => {
    const anchors: string[] = [HEAD];
    for (let i = 0; i < 50_000; i++) anchors.push(`x-a${i}: &a${i} 1\nx-b${i}: *a${i}\n`);
    return {
      files: {
        'big/big.program.yaml': `x-a: [${'1,'.repeat(5_000_000)}1]\n`,
        [`stars/parts/${'a'.repeat(60)}`]: '',
        'stars/stars.program.yaml': `${HEAD}include: ["parts/${'*a'.repeat(20)}*b"]\n`,
        'bad/bad.program.yaml': `${HEAD}include: ["[z-a].program.yaml"]\n`,
        'anchors/anchors.program.yaml': anchors.join(''),
        'ok/ok.program.yaml': `${HEAD}workstreams:\n  - id: w\n    name: W\n    tasks:\n      - { id: a, name: A, duration: 1d, depends_on: [nope] }\n`,
      },
      initializationOptions: { programAsCode: { diagnostics: { delay: 5 } } },
    };
  });

  void it('every file gets its diagnostic and the server stays up', { timeout: 120_000 }, async () => {
    const ok = await s.waitForDiagnostics('ok/ok.program.yaml', has('unknown-reference'), 110_000);
    assert.ok(ok.length > 0);
    await s.waitForDiagnostics('big/big.program.yaml', has('too-many-nodes'), 60_000);
    await s.waitForDiagnostics('stars/stars.program.yaml', has('include-not-found'), 30_000);
    await s.waitForDiagnostics('bad/bad.program.yaml', has('include-invalid-pattern'), 30_000);
    await s.waitForDiagnostics('anchors/anchors.program.yaml', has('alias-limit'), 30_000);
    assert.equal(s.alive, true);
    const symbols = await s.request('workspace/symbol', { query: 'a' });
    assert.ok(Array.isArray(symbols));
  });
});
