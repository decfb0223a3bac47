// The loader and resolver: entities, references, includes, ids, and the
// reference rules, each checked for code, severity, message and exact range.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadProgram } from '../../server/src/program/load.js';
import { memoryHost } from '../../server/src/program/host.js';
import { lines, programFromYaml, ROOT_URI, spanText, uriOf, withCode, WORKSPACE } from '../helpers/program.js';
import { APOLLO_DIR } from '../helpers/shared.js';

const HEAD = lines('version: 1', 'program:', '  id: p', '  name: P', '  start: 2026-01-05', '  owner: jane');
const PEOPLE = lines('people:', '  - { id: jane, name: Jane }', '  - { id: bob, name: Bob }');

test('entities and references keep the exact ranges of their ids', () => {
  const text = HEAD + PEOPLE + lines(
    'workstreams:',
    '  - id: backend',
    '    name: Backend',
    '    owner: bob',
    '    tasks:',
    '      - id: api',
    '        name: API',
    '        duration: 5d',
    '        assignees: [jane, "bob"]',
    '      - id: ui',
    '        name: UI',
    '        duration: 1w',
    "        depends_on: [api, { id: 'api', type: SS, lag: 2d }]",
  );
  const m = programFromYaml(text);
  assert.deepEqual(m.diagnostics.filter((d) => d.severity === 'error'), []);
  const api = m.entities.find((e) => e.id === 'api');
  assert.ok(api);
  assert.equal(api.kind, 'task');
  assert.equal(api.parentId, 'backend');
  assert.equal(spanText(text, api.idSpan), 'api');
  const refs = m.references.filter((r) => r.targetId === 'bob');
  assert.deepEqual(refs.map((r) => [r.field, spanText(text, r.span)]), [['owner', 'bob'], ['assignees', 'bob']]);
  // Quotes stay out of the token, so a rename keeps the user's quoting.
  const quoted = m.references.filter((r) => r.field === 'depends_on');
  assert.deepEqual(quoted.map((r) => spanText(text, r.span)), ['api', 'api']);
  assert.deepEqual(quoted.map((r) => spanText(text, r.itemSpan!)), ['api', "{ id: 'api', type: SS, lag: 2d }"]);
  const ui = m.tasks.find((t) => t.id === 'ui');
  assert.deepEqual(ui?.dependsOn.map((d) => [d.type, d.lag?.amount ?? 0]), [['FS', 0], ['SS', 2]]);
  assert.equal(ui?.duration?.unit, 'w');
});

test('duplicate ids are reported on every duplicate with related information', () => {
  const text = HEAD + PEOPLE + lines(
    'workstreams:',
    '  - id: w',
    '    name: W',
    '    tasks:',
    '      - { id: api, name: A, duration: 1d }',
    'milestones:',
    '  - { id: api, name: M, date: 2026-02-02 }',
  );
  const d = withCode(programFromYaml(text).diagnostics, 'duplicate-id');
  assert.equal(d.length, 2);
  for (const x of d) {
    assert.equal(x.severity, 'error');
    assert.equal(spanText(text, x.span), 'api');
    assert.match(x.message, /The id `api` is defined twice \(task, milestone\)/);
    assert.equal(x.related?.length, 1);
    assert.notEqual(x.related?.[0]?.span.start, x.span.start);
  }
});

test('a team and a workstream may share an id, and each field resolves to the right one', () => {
  const text = HEAD + PEOPLE + lines(
    'teams:', '  - { id: web, name: Web, lead: jane }',
    'workstreams:', '  - id: web', '    name: Web', '    team: web', '    tasks:', '      - { id: t, name: T, duration: 1d }',
    'risks:', '  - { id: R1, title: R, probability: 1, impact: 1, affects: [web] }',
  );
  const m = programFromYaml(text);
  assert.deepEqual(m.diagnostics, []);
  assert.equal(m.byId.get('web')?.kind, 'workstream');
});

test('unknown references suggest close ids of the right kind', () => {
  const text = HEAD + PEOPLE + lines(
    'workstreams:', '  - id: w', '    name: W', '    tasks:',
    '      - { id: api, name: A, duration: 1d }',
    '      - { id: ui, name: U, duration: 1d, depends_on: [apii], assignees: [jnae] }',
  );
  const d = withCode(programFromYaml(text).diagnostics, 'unknown-reference');
  assert.equal(d.length, 2);
  const [dep, person] = d;
  assert.equal(spanText(text, dep!.span), 'apii');
  assert.equal(dep!.message, 'Unknown task, milestone or workstream `apii`. Did you mean `api`?');
  assert.deepEqual(dep!.data?.suggestions, ['api']);
  assert.equal(spanText(text, person!.span), 'jnae');
  assert.equal(person!.message, 'Unknown person `jnae`. Did you mean `jane`?');
});

test('references to the wrong kind of entity name both kinds', () => {
  const text = HEAD + PEOPLE + lines(
    'workstreams:', '  - id: backend', '    name: B', '    tasks:',
    '      - { id: api, name: A, duration: 1d, assignees: [backend] }',
  );
  const [d, ...rest] = withCode(programFromYaml(text).diagnostics, 'wrong-kind-reference');
  assert.equal(rest.length, 0);
  assert.equal(d!.severity, 'error');
  assert.equal(d!.message, '`backend` is a workstream, but `assignees` takes a person.');
  assert.equal(text.slice(d!.span.start, d!.span.end), 'backend');
  assert.equal(d!.span.start, text.indexOf('[backend]') + 1);
});

test('self-dependencies are errors on the whole item, marked unnecessary', () => {
  const text = HEAD + PEOPLE + lines(
    'workstreams:', '  - id: w', '    name: W', '    tasks:',
    '      - id: api', '        name: A', '        duration: 1d', '        depends_on:', '          - api',
  );
  const [d] = withCode(programFromYaml(text).diagnostics, 'self-dependency');
  assert.ok(d);
  assert.equal(d.unnecessary, true);
  assert.equal(spanText(text, d.span), 'api');
  assert.equal(d.span.start, text.lastIndexOf('api'));
  assert.equal(d.message, '`api` depends on itself; remove this dependency.');
});

test('milestones take finish-to-start dependencies only', () => {
  const text = HEAD + PEOPLE + lines(
    'workstreams:', '  - id: w', '    name: W', '    tasks:',
    '      - { id: a, name: A, duration: 1d }',
    '      - { id: b, name: B, duration: 1d, depends_on: [{ id: m1, type: FF }] }',
    'milestones:',
    '  - { id: m1, name: M, depends_on: [{ id: a, type: SS }] }',
  );
  const d = withCode(programFromYaml(text).diagnostics, 'milestone-dependency-type');
  assert.equal(d.length, 2);
  assert.deepEqual(d.map((x) => spanText(text, x.span)).sort(), ['FF', 'SS']);
});

test('durations must come to whole working days; effort needs assignees', () => {
  const text = HEAD + PEOPLE + lines(
    'calendar:', '  workdays: [mon, tue, wed, thu, fri, sat]',
    'workstreams:', '  - id: w', '    name: W', '    tasks:',
    '      - { id: a, name: A, duration: 2.5d }',
    '      - { id: b, name: B, duration: 1.5w }',
    '      - { id: c, name: C, duration: 0d }',
    '      - { id: d, name: D, effort: 3d }',
    '      - { id: e, name: E, duration: 1d, depends_on: [{ id: a, lag: 0.5d }] }',
  );
  const m = programFromYaml(text);
  const d = withCode(m.diagnostics, 'duration-not-whole');
  assert.deepEqual(d.map((x) => spanText(text, x.span)), ['2.5d', '0d', '0.5d']);
  assert.deepEqual(d.map((x) => x.message), [
    'A duration must be a whole number of working days: write `2d` or `3d`.',
    'A duration must be at least 1 working day; a zero-length event is a milestone.',
    'A lag must be a whole number of working days: write `0d` or `1d`.',
  ]);
  const [effort] = withCode(m.diagnostics, 'effort-without-assignees');
  assert.equal(spanText(text, effort!.span), '3d');
});

test('includes: globs in order, missing files, escaping the workspace, including the root itself', () => {
  const frag = (id: string) => lines('version: 1', 'people:', `  - { id: ${id}, name: ${id} }`);
  const root = HEAD + lines(
    'include:',
    '  - ws/*.program.yaml',
    '  - missing.program.yaml',
    '  - ../outside.program.yaml',
    '  - "*.program.yaml"',
    '  - empty/*.program.yaml',
  ) + PEOPLE;
  const m = programFromYaml(root, { 'ws/b.program.yaml': frag('bee'), 'ws/a.program.yaml': frag('ay'), 'ws/notes.yaml': 'x: 1' });
  assert.deepEqual(m.files.map((f) => f.uri), [ROOT_URI, uriOf('ws/a.program.yaml'), uriOf('ws/b.program.yaml')]);
  const codes = m.diagnostics.map((d) => [d.code, d.severity, spanText(root, d.span)]);
  assert.deepEqual(codes, [
    ['include-not-found', 'error', 'missing.program.yaml'],
    ['include-outside-workspace', 'error', '../outside.program.yaml'],
    ['include-cycle', 'error', '*.program.yaml'],
    ['include-not-found', 'warning', 'empty/*.program.yaml'],
  ]);
  assert.equal(m.includes[0]?.targets.length, 2);
  assert.ok(m.byId.has('ay') && m.byId.has('bee'));
});

test('an included root file is an error on the include entry', () => {
  const root = HEAD + lines('include: [other.program.yaml]') + PEOPLE;
  const other = lines('version: 1', 'program: { id: q, name: Q, start: 2026-01-05 }');
  const m = programFromYaml(root, { 'other.program.yaml': other });
  const [d] = withCode(m.diagnostics, 'include-not-fragment');
  assert.equal(spanText(root, d!.span), 'other.program.yaml');
});

test('a fragment checked alone reports what it cannot resolve, and does not crash', () => {
  const frag = lines('version: 1', 'workstreams:', '  - id: w', '    name: W', '    owner: dana', '    tasks:', '      - { id: t, name: T, duration: 1d, depends_on: [beta] }');
  const uri = uriOf('alone.program.yaml');
  const m = loadProgram(uri, memoryHost({ [uri]: frag }), { workspaceRoot: WORKSPACE });
  const d = withCode(m.diagnostics, 'unknown-reference');
  assert.deepEqual(d.map((x) => spanText(frag, x.span)), ['dana', 'beta']);
  assert.match(d[0]!.message, /not included by any root file/);
});

test('a file that cannot be read gives a diagnostic, not an exception', () => {
  const m = loadProgram('file:///ws/nope.program.yaml', memoryHost({}), {});
  assert.equal(m.diagnostics[0]?.code, 'file-unreadable');
});

test('the shared apollo example and our own examples load with no errors', () => {
  for (const dir of [APOLLO_DIR, join(__dirname, '../../examples/orion')]) {
    const files: Record<string, string> = {};
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(d, e.name));
        else if (e.name.endsWith('.yaml')) files[`file://${join(d, e.name)}`] = readFileSync(join(d, e.name), 'utf8');
      }
    };
    walk(dir);
    const rootUri = Object.keys(files).find((u) => /^program:/m.test(files[u]!))!;
    const m = loadProgram(rootUri, memoryHost(files), { workspaceRoot: `file://${dir}/` });
    assert.deepEqual(m.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message), [], dir);
    assert.ok(m.files.length >= 3, dir);
  }
});
