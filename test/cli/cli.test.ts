// The built CLI (dist/cli.js) run as a child process, as CI would run it:
// every output format, exit codes, fragments checked through their root.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import { APOLLO_DIR } from '../helpers/shared.js';
import { CLI, runCli, tempDir } from '../helpers/cli.js';

const APOLLO = APOLLO_DIR;
let dir: string;

const run = (args: string[], cwd = dir) => runCli(args, cwd);

const BROKEN = [
  'version: 1',
  'program:',
  '  id: demo',
  '  name: Demo',
  '  start: 2026-01-05',
  '  nmae: typo',
  'include: [parts/*.program.yaml]',
  'people:',
  '  - { id: ann, name: Ann }',
  'workstreams:',
  '  - id: core',
  '    name: Core',
  '    tasks:',
  '      - { id: a, name: A, duration: 5d }',
  '      - { id: b, name: B, duration: 3d, depends_on: [aa] }',
  '',
].join('\n');
const PART = [
  'version: 1',
  'milestones:',
  '  - { id: done, name: Done, depends_on: [b, a], date: 2026-01-08 }',
  '',
].join('\n');

before(() => {
  assert.ok(existsSync(CLI), 'run `npm run build` first');
  dir = tempDir('pac-cli-');
  cpSync(APOLLO, join(dir, 'apollo'), { recursive: true });
  writeFileSync(join(dir, 'demo.program.yaml'), BROKEN);
  cpSync(join(dir, 'demo.program.yaml'), join(dir, 'broken', 'demo.program.yaml'), { recursive: true });
  writeFileSync(join(dir, 'broken', 'parts.tmp'), '');
  cpSync(join(dir, 'broken', 'parts.tmp'), join(dir, 'broken', 'parts', 'keep.tmp'), { recursive: true });
  writeFileSync(join(dir, 'broken', 'parts', 'end.program.yaml'), PART);
});

test('validate on the example: no errors, exit 0, problem-matcher lines', () => {
  const r = run(['validate', 'apollo']);
  assert.equal(r.code, 0, r.stderr);
  for (const line of r.stdout.trim().split('\n')) assert.match(line, /^apollo\/\S+\.program\.yaml:\d+:\d+: (warning|info): .+ \[[a-z-]+\]$/);
  assert.match(r.stderr, /^0 errors, \d+ warnings in 3 files \(1 program\)\.$/m);
});

test('validate text output: exact places, codes, exit 1 on errors', () => {
  const r = run(['validate', 'broken']);
  assert.equal(r.code, 1);
  const lines = r.stdout.trim().split('\n');
  assert.ok(lines.includes('broken/demo.program.yaml:6:3: error: Unknown key `nmae` in program `demo`. Did you mean `name`? Keys starting with `x-` are free for your own use. [unknown-key]'), r.stdout);
  assert.ok(lines.includes('broken/demo.program.yaml:15:54: error: Unknown task, milestone or workstream `aa`. Did you mean `a`? [unknown-reference]'), r.stdout);
  assert.ok(lines.some((l) => l.startsWith('broken/parts/end.program.yaml:3:') && l.includes('[milestone-slip]')), r.stdout);
});

test('a fragment named on its own is checked as part of its root', () => {
  const r = run(['validate', 'broken/parts/end.program.yaml']);
  assert.equal(r.code, 1);
  // The root's error shows, and the fragment's references resolve (no unknown `b`).
  assert.match(r.stdout, /broken\/demo\.program\.yaml:15:54: error: Unknown task/);
  assert.doesNotMatch(r.stdout, /Unknown task, milestone or workstream `b`/);
});

test('--max-warnings turns warnings into exit 1', () => {
  assert.equal(run(['validate', 'apollo', '--max-warnings', '100']).code, 0);
  const r = run(['validate', 'apollo', '--max-warnings', '0']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /more than --max-warnings 0/);
});

test('bad usage exits 2 with a message', () => {
  assert.equal(run(['validate', 'nope']).code, 2);
  assert.equal(run(['validate', '--format', 'xml']).code, 2);
  assert.equal(run(['frobnicate']).code, 2);
  assert.equal(run(['validate', '--max-warnings', 'many']).code, 2);
  const help = run(['--help']);
  assert.equal(help.code, 0);
  for (const word of ['validate', 'schedule', '--format', 'sarif', '--max-warnings', 'Exit status']) assert.ok(help.stdout.includes(word), word);
});

test('validate --format json lists files, summary and diagnostics with ranges', () => {
  const r = run(['validate', 'broken', '--format', 'json']);
  assert.equal(r.code, 1);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(out.files.sort(), ['broken/demo.program.yaml', 'broken/parts/end.program.yaml']);
  const unknown = out.diagnostics.find((d: { code: string }) => d.code === 'unknown-reference');
  assert.deepEqual(
    { file: unknown.file, startLine: unknown.startLine, startColumn: unknown.startColumn, endLine: unknown.endLine, endColumn: unknown.endColumn, severity: unknown.severity },
    { file: 'broken/demo.program.yaml', startLine: 15, startColumn: 54, endLine: 15, endColumn: 56, severity: 'error' },
  );
  assert.equal(out.summary.errors, out.diagnostics.filter((d: { severity: string }) => d.severity === 'error').length);
});

test('validate --format sarif is valid SARIF 2.1.0', () => {
  const r = run(['validate', 'broken', '--format', 'sarif']);
  assert.equal(r.code, 1);
  const sarif = JSON.parse(r.stdout);
  const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
  const ajv = new AjvDraft04({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
  const validate = ajv.compile(schema);
  assert.ok(validate(JSON.parse(r.stdout)), JSON.stringify(validate.errors?.slice(0, 3)));
  const results = sarif.runs[0].results as { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[];
  const unknown = results.find((x) => x.ruleId === 'unknown-reference');
  assert.equal(unknown?.level, 'error');
  assert.equal(unknown?.locations[0]?.physicalLocation.artifactLocation.uri, 'broken/demo.program.yaml');
  assert.equal(unknown?.locations[0]?.physicalLocation.region.startLine, 15);
  const ruleIds = sarif.runs[0].tool.driver.rules.map((x: { id: string }) => x.id);
  for (const res of results) assert.ok(ruleIds.includes(res.ruleId));
});

// The critical-path dates as planned: the status date set to the program start, so nothing is forecast
// from Apollo's own status date (2026-03-02; that forecast is tested in resources.test.ts and levelling.test.ts).
const AT_START = ['--status-date', '2026-01-05'];

test('schedule prints a table a program manager can read', () => {
  const r = run([...['schedule', 'apollo/apollo.program.yaml'], ...AT_START]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^Apollo Launch: 2026-01-05 → 2026-03-19$/m);
  assert.match(r.stdout, /^\*\s+api\s+Build the public API\s+2026-01-12\s+2026-01-30\s+0d$/m);
  assert.match(r.stdout, /^\s+infra\s+Production infrastructure\s+2026-01-12\s+2026-01-23\s+19d$/m);
  assert.match(r.stdout, /^Critical path: arch → api → billing → beta → migration-plan → migration → ga$/m);
});

test('schedule --format json has exactly the specified shape, items in file order', () => {
  const r = run([...['schedule', 'apollo/apollo.program.yaml', '--format', 'json'], ...AT_START]);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(out), ['program', 'start', 'finish', 'items']);
  assert.equal(out.program, 'apollo');
  assert.equal(out.start, '2026-01-05');
  assert.equal(out.finish, '2026-03-19');
  assert.deepEqual(out.items.map((i: { id: string }) => i.id), [
    'arch', 'api', 'billing', 'infra', 'load-test', 'design-done', 'beta', 'ga',
    'migration-plan', 'migration', 'all-migrated', 'design-system', 'web-app', 'docs-site',
  ]);
  for (const item of out.items) assert.deepEqual(Object.keys(item), ['id', 'kind', 'start', 'end', 'totalFloat', 'critical', 'target', 'slip', 'levellingDelay', 'heldBy']);
  assert.deepEqual(out.items.find((i: { id: string }) => i.id === 'beta'), {
    id: 'beta', kind: 'milestone', start: '2026-02-19', end: '2026-02-19', totalFloat: 0, critical: true, target: '2026-03-20', slip: 0, levellingDelay: null, heldBy: [],
  });
  assert.deepEqual(out.items.find((i: { id: string }) => i.id === 'web-app'), {
    id: 'web-app', kind: 'task', start: '2026-01-22', end: '2026-02-18', totalFloat: 1, critical: false, target: null, slip: null, levellingDelay: null, heldBy: [],
  });
});

test('schedule --format csv: a header and one row per item, fields quoted as CSV needs', () => {
  const r = run([...['schedule', 'apollo/apollo.program.yaml', '--format', 'csv'], ...AT_START]);
  assert.equal(r.code, 0);
  const rows = r.stdout.trim().split('\r\n');
  assert.equal(rows[0], 'id,kind,name,start,end,total_float,critical,target,slip,levelling_delay');
  assert.equal(rows.length, 15);
  assert.equal(rows[2], 'api,task,Build the public API,2026-01-12,2026-01-30,0,true,,,');
});

test('schedule: items in a cycle get null dates, the rest is scheduled, exit 1', () => {
  writeFileSync(join(dir, 'cycle.program.yaml'), [
    'version: 1', 'program: { id: c, name: C, start: 2026-01-05 }', 'workstreams:', '  - id: w', '    name: W', '    tasks:',
    '      - { id: a, name: A, duration: 2d, depends_on: [b] }',
    '      - { id: b, name: B, duration: 2d, depends_on: [a] }',
    '      - { id: ok, name: OK, duration: 2d }', '',
  ].join('\n'));
  const r = run(['schedule', 'cycle.program.yaml', '--format', 'json']);
  assert.equal(r.code, 1);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(out.items.map((i: { id: string; start: string | null }) => [i.id, i.start]), [['a', null], ['b', null], ['ok', '2026-01-05']]);
});

test('a folder with no program files is a usage error, not a silent pass', () => {
  const empty = tempDir('pac-empty-');
  const r = run(['validate', empty]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /no program files/);
});

test('a program file that cannot be read is reported, and fails the run', () => {
  const d = tempDir('pac-unreadable-');
  symlinkSync(join(d, 'nowhere'), join(d, 'gone.program.yaml'));
  const r = run(['validate', d]);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /gone\.program\.yaml:1:1: error: Cannot read .*gone\.program\.yaml\. \[file-unreadable\]/);
});

test('a root named from another folder still finds the fragments beside it', () => {
  const elsewhere = tempDir('pac-elsewhere-');
  const r = run(['validate', join(dir, 'apollo', 'apollo.program.yaml'), '--format', 'json'], elsewhere);
  assert.equal(r.code, 0, r.stdout);
  assert.equal(JSON.parse(r.stdout).files.length, 3);
});
