// The real server on a copy of the orion example with one mistake each: it
// publishes the same root cause as `validate` (test/cli/root-cause.test.ts),
// with nothing cascading from it, and clears it all when the mistake is fixed.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { lspSession } from './fixture.js';

const ORION = join(__dirname, '../../examples/orion');
const FRAGMENTS = readdirSync(join(ORION, 'workstreams')).sort();

function orion(folder: string, change: (rel: string, text: string) => string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const rel of ['orion.program.yaml', ...FRAGMENTS.map((f) => `workstreams/${f}`)]) {
    files[`${folder}/${rel}`] = change(rel, readFileSync(join(ORION, rel), 'utf8'));
  }
  return files;
}

const GLOB_ROOT_TEXT = readFileSync(join(ORION, 'orion.program.yaml'), 'utf8');
const summary = (d: Diagnostic[]) => d.map((x) => `${x.severity} ${String(x.code)}`);

void describe('lsp: root causes first', () => {
  const s = lspSession({
      files: {
        ...orion('glob', (rel, text) => (rel === 'orion.program.yaml' ? text.replace('- workstreams/*.program.yaml', '- workstream/*.program.yaml') : text)),
        ...orion('tab', (rel, text) => (rel === 'workstreams/foundation.program.yaml' ? text.replace('        depends_on: [lz-design]\n', '\tdepends_on: [lz-design]\n') : text)),
      },
    });

  void it('a typo in the include glob: one error on the pattern, the fragments one warning each', async () => {
    const d = await s.waitForDiagnostics('glob/orion.program.yaml', (x) => x.length > 0);
    assert.deepEqual(summary(d), ['1 include-not-found', '2 budget-over-plan']);
    assert.equal(d[0]?.message, 'No file matches `workstream/*.program.yaml`; did you mean `workstreams/*.program.yaml`? Fix this first: 29 references to ids the program does not define are held back until then.');
    assert.deepEqual(d[0]?.range, { start: { line: 36, character: 4 }, end: { line: 36, character: 29 } });
    for (const f of FRAGMENTS) {
      const frag = await s.waitForDiagnostics(`glob/workstreams/${f}`, (x) => x.length > 0);
      assert.deepEqual(summary(frag), ['2 fragment-not-included'], f);
    }
  });

  void it('fixing the glob clears the error and the fragments\' warnings', async () => {
    await s.open('glob/orion.program.yaml', GLOB_ROOT_TEXT.replace('- workstreams/*.program.yaml', '- workstream/*.program.yaml'));
    await s.change('glob/orion.program.yaml', GLOB_ROOT_TEXT);
    const d = await s.waitForDiagnostics('glob/orion.program.yaml', (x) => x.length === 1);
    assert.deepEqual(summary(d), ['2 budget-over-plan']);
    assert.deepEqual(await s.waitForDiagnostics('glob/workstreams/foundation.program.yaml', (x) => x.length === 0), []);
  });

  void it('one tab in a fragment: one error on the tab; no unknown references in the root', async () => {
    const d = await s.waitForDiagnostics('tab/workstreams/foundation.program.yaml', (x) => x.length > 0);
    assert.deepEqual(summary(d), ['1 yaml-syntax']);
    assert.equal(d[0]?.message, 'Tabs cannot indent YAML; use spaces. Fix this first: 14 later problems in this file and 17 references to ids defined in it are held back until then.');
    assert.deepEqual(d[0]?.range, { start: { line: 21, character: 0 }, end: { line: 21, character: 1 } });
    assert.deepEqual(summary(await s.waitForDiagnostics('tab/orion.program.yaml', (x) => x.length > 0)), ['2 budget-over-plan']);
    assert.deepEqual(summary(await s.waitForDiagnostics('tab/workstreams/data.program.yaml', (x) => x.length > 0)), ['2 milestone-slip']);
  });
});
