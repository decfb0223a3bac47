// The server's workspace: open buffers over the disk, the include graph,
// and the analysis and parse caches.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { memoryHost } from '../../../server/src/program/host.js';
import { includePatterns } from '../../../server/src/program/include-guess.js';
import { ProgramWorkspace } from '../../../server/src/workspace/workspace.js';
import { lines } from '../../helpers/program.js';

const WS = 'file:///ws/';
const ROOT = `${WS}root.program.yaml`;
const FRAG = `${WS}parts/a.program.yaml`;
const LONE = `${WS}lone.program.yaml`;
const ROOT_TEXT = lines(
  'version: 1',
  'program: { id: p, name: P, start: 2026-01-05 }',
  'include:',
  '  - parts/*.program.yaml  # every part',
  'workstreams:',
  '  - id: w',
  '    name: W',
  '    tasks:',
  '      - { id: t, name: T, duration: 1d }',
);
const FRAG_TEXT = lines('version: 1', 'milestones:', '  - { id: m, name: M, depends_on: [t] }');

function setup() {
  const disk = new Map<string, string>([[ROOT, ROOT_TEXT], [FRAG, FRAG_TEXT], [LONE, lines('version: 1', 'people:', '  - { id: x, name: X }')]]);
  const open = new Map<string, { getText(): string; version: number }>();
  const ws = new ProgramWorkspace({ get: (uri) => open.get(uri) }, memoryHost(disk));
  ws.setFolders([WS]);
  const edit = (uri: string, text: string) => open.set(uri, { getText: () => text, version: (open.get(uri)?.version ?? 0) + 1 });
  return { disk, open, ws, edit };
}

void test('include lines are read without parsing YAML (block and flow)', () => {
  assert.deepEqual(includePatterns(ROOT_TEXT), ['parts/*.program.yaml']);
  assert.deepEqual(includePatterns('include: [a.program.yaml, "b/*.program.yml"]\n'), ['a.program.yaml', 'b/*.program.yml']);
  assert.deepEqual(includePatterns('version: 1\n'), []);
});

void test('a fragment belongs to the root that includes it before anything is indexed; a lone file is its own program', () => {
  const { ws } = setup();
  assert.deepEqual(ws.programsOf(FRAG), [ROOT]);
  assert.deepEqual(ws.programsOf(LONE), [LONE]);
  const ctx = ws.contextFor(FRAG);
  assert.equal(ctx?.analysis?.model.rootUri, ROOT);
  assert.deepEqual(ctx?.analysis?.diagnostics, []);
});

void test('the analysis is reused until a file of the program changes; unchanged files are not re-parsed', () => {
  const { ws, edit } = setup();
  const first = ws.analysisOf(ROOT);
  assert.equal(ws.analysisOf(ROOT), first, 'cached');
  edit(FRAG, FRAG_TEXT.replace('[t]', '[nope]'));
  const second = ws.analysisOf(ROOT);
  assert.notEqual(second, first);
  assert.deepEqual(second?.diagnostics.map((d) => d.code), ['unknown-reference']);
  assert.equal(second?.model.files[0], first?.model.files[0], 'the root\'s parse is reused');
});

void test('open buffers win over the disk, and the disk is read again after a watcher event', () => {
  const { ws, disk, edit, open } = setup();
  edit(ROOT, `${ROOT_TEXT}# edited\n`);
  assert.equal(ws.readFile(ROOT), `${ROOT_TEXT}# edited\n`);
  open.delete(ROOT);
  assert.equal(ws.readFile(ROOT), ROOT_TEXT);
  disk.set(ROOT, ROOT_TEXT.replace('id: t', 'id: u'));
  assert.equal(ws.readFile(ROOT), ROOT_TEXT, 'cached until told');
  assert.deepEqual(ws.fileChanged(ROOT, 'changed'), [ROOT]);
  assert.deepEqual(ws.analysisOf(ROOT)?.diagnostics.map((d) => d.code), ['unknown-reference']);
});

void test('a new fragment on disk joins the program matched by the glob', () => {
  const { ws, disk } = setup();
  ws.analysisOf(ROOT);
  const B = `${WS}parts/b.program.yaml`;
  disk.set(B, lines('version: 1', 'milestones:', '  - { id: m2, name: M2, depends_on: [m] }'));
  assert.ok(ws.fileChanged(B, 'created').includes(ROOT));
  assert.deepEqual(ws.analysisOf(ROOT)?.model.files.map((f) => f.uri), [ROOT, FRAG, B]);
  assert.deepEqual(ws.programsOf(B), [ROOT]);
});

void test('indexing analyses every program and lists them', async () => {
  const { ws } = setup();
  const seen: string[] = [];
  const reports: number[] = [];
  await ws.index({ report: (p) => reports.push(p) }, (root) => seen.push(root));
  assert.deepEqual(seen, [ROOT, LONE]);
  assert.equal(reports[reports.length - 1], 100);
  assert.equal(ws.isIndexed, true);
  assert.equal(ws.allAnalyses().length, 2);
});

void test('a fragment no longer included becomes a program of its own', () => {
  const { ws, edit } = setup();
  assert.equal(ws.contextFor(FRAG)?.analysis?.model.rootUri, ROOT);
  edit(ROOT, ROOT_TEXT.replace('  - parts/*.program.yaml  # every part\n', '  - nothing.program.yaml\n'));
  ws.analysisOf(ROOT);
  assert.deepEqual(ws.programsOf(FRAG), [FRAG]);
  // On its own, its reference to `t` (defined in the root) is not "unknown": one warning says why.
  const root = ws.analysisOf(ROOT);
  assert.deepEqual(root?.diagnostics.map((d) => [d.code, d.severity, d.message]), [
    ['include-not-found', 'error', 'The included file nothing.program.yaml does not exist or cannot be read.'],
  ]);
  const diagnostics = ws.contextFor(FRAG)?.analysis?.diagnostics ?? [];
  assert.deepEqual(diagnostics.map((d) => [d.code, d.severity, d.message, d.span]), [[
    'fragment-not-included', 'warning',
    'No root file includes this fragment, so it is checked on its own: references to ids defined elsewhere (1 reference held back) and its schedule are not checked. Add it to a root file\'s `include:`.',
    { start: 0, end: 'version'.length },
  ]]);
});
