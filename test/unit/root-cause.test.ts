// Root causes first, consequences held back (server/src/program/root-cause.ts),
// on a copy of the orion example (a root and four fragments) with the two
// mistakes users make most: a typo in the `include:` glob, and one tab in a
// fragment. Before: 118 errors and 8 warnings for the typo (27 errors and 2
// warnings in the root's own program), 32 errors and 2 warnings for the tab.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyzeProgram } from '../../server/src/program/analyze.js';
import type { ProgramAnalysis } from '../../server/src/program/analyze.js';
import { loadPrograms } from '../../server/src/program/discover.js';
import { memoryHost } from '../../server/src/program/host.js';
import { loadProgram } from '../../server/src/program/load.js';
import type { Diagnostic } from '../../server/src/program/types.js';
import { lines, spanText } from '../helpers/program.js';

const ORION = join(__dirname, '../../examples/orion');
const WS = 'file:///ws/';
const ROOT = `${WS}orion.program.yaml`;
const TODAY = Date.UTC(2026, 3, 20) / 86_400_000;

function orionFiles(): Map<string, string> {
  const files = new Map<string, string>([[ROOT, readFileSync(join(ORION, 'orion.program.yaml'), 'utf8')]]);
  for (const name of readdirSync(join(ORION, 'workstreams')).sort()) {
    files.set(`${WS}workstreams/${name}`, readFileSync(join(ORION, 'workstreams', name), 'utf8'));
  }
  return files;
}

function analyzeRoot(files: Map<string, string>): ProgramAnalysis {
  return analyzeProgram(loadProgram(ROOT, memoryHost(files), { workspaceRoot: WS }), { today: TODAY });
}

/** Every program among the files, as `validate <folder>` and the language server's index load them. */
function analyzeAll(files: Map<string, string>): Diagnostic[] {
  return loadPrograms([...files.keys()], memoryHost(files), { workspaceRoot: WS }).models.flatMap((m) => analyzeProgram(m, { today: TODAY }).diagnostics);
}

const summary = (list: readonly Diagnostic[]) => list.map((d) => `${d.severity} ${d.code}`);

test('the orion example is clean before we break it', () => {
  assert.deepEqual(summary(analyzeRoot(orionFiles()).diagnostics), ['warning budget-over-plan', 'warning milestone-slip']);
});

test('a typo in the include glob is one error, first, with the corrected pattern; no unknown references', () => {
  const files = orionFiles();
  const text = (files.get(ROOT) as string).replace('- workstreams/*.program.yaml', '- workstream/*.program.yaml');
  files.set(ROOT, text);
  const d = analyzeRoot(files).diagnostics;
  assert.deepEqual(summary(d), ['error include-not-found', 'warning budget-over-plan']);
  const [cause] = d as [Diagnostic];
  assert.equal(cause.message, 'No file matches `workstream/*.program.yaml`; did you mean `workstreams/*.program.yaml`? Fix this first: 29 references to ids the program does not define are held back until then.');
  assert.equal(cause.severity, 'error');
  assert.equal(cause.rootCause, true);
  assert.equal(cause.uri, ROOT);
  assert.equal(spanText(text, cause.span), 'workstream/*.program.yaml');
  assert.equal(cause.span.start, text.indexOf('workstream/*'));

  // The fragments, no longer included, are each checked alone: one warning each, no cascade.
  const all = analyzeAll(files);
  assert.deepEqual(summary(all), [
    'error include-not-found', 'warning budget-over-plan',
    'warning fragment-not-included', 'warning fragment-not-included', 'warning fragment-not-included', 'warning fragment-not-included',
  ]);
  const data = all.find((x) => x.uri === `${WS}workstreams/data.program.yaml`) as Diagnostic;
  assert.equal(data.message, 'No root file includes this fragment, so it is checked on its own: references to ids defined elsewhere (38 references held back) and its schedule are not checked. Add it to a root file\'s `include:`.');
  assert.equal(spanText(files.get(data.uri) as string, data.span), 'version');
});

test('a file without `program:` checked on its own never shows an unknown reference, whatever its shape', () => {
  // resolve.ts suffixes such references in the loaded model with "(this
  // fragment is not included by any root file…)" (load.test.ts reads it there),
  // but no face shows it: every lone fragment that can hold a reference has
  // them all held back here, behind one fragment-not-included.
  const shapes = [
    'version: 1\nworkstreams:\n  - id: w\n    name: W\n    tasks:\n      - { id: t, name: T, duration: 1d, depends_on: [elsewhere] }\n',
    'base: &b { id: t, name: T, duration: 1d, depends_on: [elsewhere] }\nworkstreams:\n  - { id: w, name: W, tasks: [*b] }\n',
    '--- !!map\nworkstreams: [{ id: w, name: W, owner: nobody, tasks: [] }]\n',
    '? workstreams\n: [{ id: w, name: W, team: nowhere, tasks: [] }]\nrisks: [{ id: r, title: R, affects: [gone] }]\n',
    '- id: t\n  depends_on: [elsewhere]\n',
    'workstreams: !!omap\n  - a: { id: w, name: W, tasks: [] }\n',
    '',
  ];
  for (const text of shapes) {
    const uri = `${WS}alone.program.yaml`;
    const model = loadProgram(uri, memoryHost(new Map([[uri, text]])), { workspaceRoot: WS });
    assert.equal(model.files[0]?.isRoot, false);
    const shown = analyzeProgram(model, { today: TODAY }).diagnostics;
    assert.deepEqual(shown.filter((d) => d.code === 'unknown-reference'), [], text);
    const unknownInModel = model.diagnostics.filter((d) => d.code === 'unknown-reference').length;
    if (unknownInModel > 0) {
      const note = shown.find((d) => d.code === 'fragment-not-included');
      assert.ok(note?.message.includes(`(${unknownInModel} reference${unknownInModel === 1 ? '' : 's'} held back)`), text);
    }
  }
});

test('one tab in a fragment is one error, first; the references to its ids are not unknown', () => {
  const files = orionFiles();
  const uri = `${WS}workstreams/foundation.program.yaml`;
  const fragment = (files.get(uri) as string).replace('        depends_on: [lz-design]\n', '\tdepends_on: [lz-design]\n');
  files.set(uri, fragment);
  const d = analyzeRoot(files).diagnostics;
  assert.deepEqual(summary(d), ['error yaml-syntax', 'warning budget-over-plan', 'warning milestone-slip']);
  const [cause] = d as [Diagnostic];
  assert.equal(cause.message, 'Tabs cannot indent YAML; use spaces. Fix this first: 14 later problems in this file and 17 references to ids defined in it are held back until then.');
  assert.equal(cause.uri, uri);
  assert.equal(cause.rootCause, true);
  assert.equal(cause.span.start, fragment.indexOf('\tdepends_on'));
  assert.equal(spanText(fragment, cause.span), '\t');
});

const HEAD = lines('version: 1', 'program: { id: p, name: P, start: 2026-01-05 }');

test('a real typo elsewhere is still reported next to a damaged fragment; a repeated key is always shown', () => {
  const root = HEAD + lines(
    'include: [part.program.yaml]',
    'milestones:',
    '  - { id: m, name: M, depends_on: [bild, t1] }',
  );
  const part = lines(
    'version: 1',
    'workstreams:',
    '  - id: w',
    '    name: W',
    '    name: Again',
    '    tasks:',
    '      - { id: t1, name: T1, duration: 1d }',
    '      - id: t2',
    '\tname: T2',
    '        duration: 1d',
  );
  const files = new Map([[`${WS}root.program.yaml`, root], [`${WS}part.program.yaml`, part]]);
  const a = analyzeProgram(loadProgram(`${WS}root.program.yaml`, memoryHost(files), { workspaceRoot: WS }), { today: TODAY });
  assert.deepEqual(a.diagnostics.map((d) => [d.code, d.severity, spanText(d.uri.endsWith('root.program.yaml') ? root : part, d.span)]), [
    ['yaml-syntax', 'error', '\t'],
    ['yaml-syntax', 'error', 'name'],
    ['unknown-reference', 'error', 'bild'],
  ]);
  assert.match(a.diagnostics[0]?.message ?? '', /^Tabs cannot indent YAML; use spaces\. Fix this first: /);
  assert.equal(a.diagnostics[1]?.message, 'This key appears twice in the same map; the second would silently win.');
});

test('an include naming a file with the other extension or a misspelt name gets the corrected path', () => {
  const frag = lines('version: 1', 'people:', '  - { id: ann, name: Ann }');
  const cases: [string, string, string][] = [
    ['parts/ann.program.yaml', 'parts/ann.program.yml', 'The included file parts/ann.program.yaml does not exist or cannot be read; did you mean `parts/ann.program.yml`?'],
    ['prts/ann.program.yml', 'parts/ann.program.yml', 'The included file prts/ann.program.yml does not exist or cannot be read; did you mean `parts/ann.program.yml`?'],
    ['part/*.program.yml', 'parts/ann.program.yml', 'No file matches `part/*.program.yml`; did you mean `parts/*.program.yml`?'],
    ['parts/*.program.yaml', 'parts/ann.program.yml', 'No file matches `parts/*.program.yaml`; did you mean `parts/*.program.yml`?'],
    ['elsewhere/*.program.yaml', 'parts/ann.program.yml', 'No file matches `elsewhere/*.program.yaml`.'],
  ];
  for (const [pattern, real, message] of cases) {
    const root = HEAD + lines(`include: [${pattern}]`);
    const files = new Map([[`${WS}root.program.yaml`, root], [WS + real, frag]]);
    const d = analyzeProgram(loadProgram(`${WS}root.program.yaml`, memoryHost(files), { workspaceRoot: WS }), { today: TODAY }).diagnostics;
    assert.deepEqual(d.map((x) => [x.code, x.message, spanText(root, x.span)]), [['include-not-found', message, pattern]], pattern);
  }
});

test('a glob matching nothing stays a warning while every reference resolves', () => {
  const root = HEAD + lines('include: [later/*.program.yaml]', 'milestones:', '  - { id: m, name: M, date: 2026-02-02 }');
  const d = analyzeProgram(loadProgram(`${WS}root.program.yaml`, memoryHost({ [`${WS}root.program.yaml`]: root }), { workspaceRoot: WS }), { today: TODAY }).diagnostics;
  assert.deepEqual(d.map((x) => [x.code, x.severity, x.message, x.rootCause]), [['include-not-found', 'warning', 'No file matches `later/*.program.yaml`.', undefined]]);
});
