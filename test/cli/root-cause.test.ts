// `validate` on a copy of the orion example with one mistake: the root cause is
// the first line printed, an error, and its consequences are not printed
// (the same list the language server publishes; see test/lsp/root-cause.test.ts).
import assert from 'node:assert/strict';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { CLI, runCli, tempDir } from '../helpers/cli.js';

const ORION = join(__dirname, '../../examples/orion');
let dir: string;

const run = (args: string[]) => runCli(args, dir);

function edit(path: string, from: string, to: string): void {
  const text = readFileSync(path, 'utf8');
  assert.ok(text.includes(from), `${path} has ${from}`);
  writeFileSync(path, text.replace(from, to));
}

before(() => {
  assert.ok(existsSync(CLI), 'run `npm run build` first');
  dir = tempDir('pac-root-cause-');
  cpSync(ORION, join(dir, 'glob'), { recursive: true });
  edit(join(dir, 'glob', 'orion.program.yaml'), '- workstreams/*.program.yaml', '- workstream/*.program.yaml');
  cpSync(ORION, join(dir, 'tab'), { recursive: true });
  edit(join(dir, 'tab', 'workstreams', 'foundation.program.yaml'), '        depends_on: [lz-design]\n', '\tdepends_on: [lz-design]\n');
});

test('a typo in the include glob: one error, printed first, with the corrected pattern (was 118 errors, 8 warnings)', () => {
  const r = run(['validate', 'glob']);
  assert.equal(r.code, 1);
  const out = r.stdout.trim().split('\n');
  assert.equal(out[0], 'glob/orion.program.yaml:37:5: error: No file matches `workstream/*.program.yaml`; did you mean `workstreams/*.program.yaml`? Fix this first: 29 references to ids the program does not define are held back until then. [include-not-found]');
  assert.equal(out.length, 6);
  assert.equal(out.filter((l) => l.endsWith('[fragment-not-included]')).length, 4);
  assert.equal(r.stderr, '1 error, 5 warnings in 5 files (5 programs).\n');
  const json = JSON.parse(run(['validate', 'glob/orion.program.yaml', '--format', 'json']).stdout) as { summary: { errors: number; warnings: number }; diagnostics: { startLine: number; startColumn: number; endLine: number; endColumn: number; severity: string; code: string }[] };
  assert.deepEqual(json.summary, { errors: 1, warnings: 1, files: 1, programs: 1 });
  const first = json.diagnostics[0];
  assert.deepEqual([first?.severity, first?.code, first?.startLine, first?.startColumn, first?.endLine, first?.endColumn], ['error', 'include-not-found', 37, 5, 37, 30]);
});

test('one tab in a fragment: one error, printed first, before the root file\'s lines (was 32 errors, 2 warnings)', () => {
  const r = run(['validate', 'tab']);
  assert.equal(r.code, 1);
  assert.deepEqual(r.stdout.trim().split('\n'), [
    'tab/workstreams/foundation.program.yaml:22:1: error: Tabs cannot indent YAML; use spaces. Fix this first: 14 later problems in this file and 17 references to ids defined in it are held back until then. [yaml-syntax]',
    'tab/orion.program.yaml:202:119: warning: Budget line `b-interconnect` has spent 64,500 EUR, 4,500 EUR over its plan of 60,000 EUR (8%). [budget-over-plan]',
    'tab/workstreams/data.program.yaml:177:9: warning: Milestone `m-dual-run` slips 5 working days past its target 2026-05-22 (forecast 2026-06-01), driven by pl-cdc -> pl-port-streaming -> pl-dq. [milestone-slip]',
  ]);
  assert.equal(r.stderr, '1 error, 2 warnings in 5 files (1 program).\n');
});
