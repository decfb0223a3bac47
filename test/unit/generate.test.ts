// Tests for the benchmark generator (bench/generate.ts) and a self-contained
// reference check of the Orion example. The real validator lives in the core;
// these checks only make sure the inputs we hand it are what we claim.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { isMap, isSeq, parse, parseDocument, visit } from 'yaml';
import { generateProgram, generateWorkspace, writeProgram } from '../../bench/generate';
import type { GeneratedProgram } from '../../bench/generate';

type Obj = Record<string, unknown>;

const ORION_DIR = join(__dirname, '..', '..', 'examples', 'orion');

function list(v: unknown): Obj[] {
  return Array.isArray(v) ? (v as Obj[]) : [];
}

function depId(d: unknown): string {
  return typeof d === 'string' ? d : String((d as Obj).id);
}

/** `*` within one path segment, as used by `include:`. */
function globToRegExp(glob: string): RegExp {
  const body = glob.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*');
  return new RegExp(`^${body}$`);
}

/** Parses a YAML text strictly: any parse error or duplicate key fails the test. */
function parseStrict(text: string, name: string): Obj {
  const doc = parseDocument(text, { uniqueKeys: true });
  assert.deepEqual(doc.errors.map((e) => e.message), [], `${name} has YAML errors`);
  return doc.toJS() as Obj;
}

/** Root first, then the fragments its `include:` globs match, in include order. */
function loadFromDisk(rootPath: string): { docs: Obj[]; files: string[] } {
  const dir = dirname(rootPath);
  const root = parseStrict(readFileSync(rootPath, 'utf8'), rootPath);
  const docs = [root];
  const files = [rootPath];
  for (const inc of (root.include as string[] | undefined) ?? []) {
    const incDir = join(dir, dirname(inc));
    const re = globToRegExp(inc);
    for (const name of readdirSync(incDir).sort()) {
      const rel = relative(dir, join(incDir, name)).split('\\').join('/');
      if (!re.test(rel)) continue;
      const path = join(incDir, name);
      docs.push(parseStrict(readFileSync(path, 'utf8'), path));
      files.push(path);
    }
  }
  return { docs, files };
}

function loadGenerated(p: GeneratedProgram): Obj[] {
  return [parseStrict(p.root, 'root'), ...Object.entries(p.fragments).map(([path, text]) => parseStrict(text, path))];
}

interface Model {
  kinds: Map<string, string>;
  /** Tasks in definition order. */
  tasks: Obj[];
  taskOrder: Map<string, number>;
  workstreams: Obj[];
  milestones: Obj[];
  docs: Obj[];
}

/** Collects every id in the merged program; fails on a duplicate. */
function model(docs: Obj[]): Model {
  const kinds = new Map<string, string>();
  const m: Model = { kinds, tasks: [], taskOrder: new Map(), workstreams: [], milestones: [], docs };
  const define = (id: unknown, kind: string): void => {
    assert.equal(typeof id, 'string', `${kind} without a string id`);
    assert.ok(!kinds.has(id as string), `duplicate id ${String(id)}`);
    kinds.set(id as string, kind);
  };
  for (const d of docs) {
    if (d.program) define((d.program as Obj).id, 'program');
    for (const p of list(d.people)) define(p.id, 'person');
    for (const t of list(d.teams)) define(t.id, 'team');
    for (const ws of list(d.workstreams)) {
      define(ws.id, 'workstream');
      m.workstreams.push(ws);
      for (const t of list(ws.tasks)) {
        define(t.id, 'task');
        m.taskOrder.set(t.id as string, m.tasks.length);
        m.tasks.push(t);
      }
    }
    for (const ms of list(d.milestones)) {
      define(ms.id, 'milestone');
      m.milestones.push(ms);
    }
    for (const r of list(d.risks)) define(r.id, 'risk');
    for (const l of list((d.budget as Obj | undefined)?.lines)) define(l.id, 'budget-line');
    for (const s of list(d.stakeholders)) define(s.id, 'stakeholder');
    for (const k of list(d.kpis)) define(k.id, 'kpi');
    for (const c of list(d.changes)) define(c.id, 'change');
  }
  return m;
}

/** Every reference field of the format points at a defined entity of an allowed kind. */
function checkReferences(m: Model): void {
  const expect = (id: unknown, allowed: string[], where: string): void => {
    const kind = m.kinds.get(String(id));
    assert.ok(kind !== undefined, `${where}: unknown id ${String(id)}`);
    assert.ok(allowed.includes(kind), `${where}: ${String(id)} is a ${kind}, expected ${allowed.join(' or ')}`);
  };
  const schedulable = ['task', 'milestone', 'workstream'];
  for (const d of m.docs) {
    if (d.program) expect((d.program as Obj).owner, ['person'], 'program.owner');
    for (const p of list(d.people)) if (p.team !== undefined) expect(p.team, ['team'], `${String(p.id)}.team`);
    for (const t of list(d.teams)) if (t.lead !== undefined) expect(t.lead, ['person'], `${String(t.id)}.lead`);
    for (const ws of list(d.workstreams)) {
      if (ws.team !== undefined) expect(ws.team, ['team'], `${String(ws.id)}.team`);
      if (ws.owner !== undefined) expect(ws.owner, ['person'], `${String(ws.id)}.owner`);
    }
    for (const r of list(d.risks)) {
      if (r.owner !== undefined) expect(r.owner, ['person'], `${String(r.id)}.owner`);
      for (const a of (r.affects as unknown[] | undefined) ?? []) expect(a, schedulable, `${String(r.id)}.affects`);
    }
    for (const l of list((d.budget as Obj | undefined)?.lines)) if (l.workstream !== undefined) expect(l.workstream, ['workstream'], `${String(l.id)}.workstream`);
    for (const s of list(d.stakeholders)) for (const k of Object.keys((s.raci as Obj | undefined) ?? {})) expect(k, schedulable, `${String(s.id)}.raci`);
    for (const c of list(d.changes)) {
      if (c.requested_by !== undefined) expect(c.requested_by, ['person', 'stakeholder'], `${String(c.id)}.requested_by`);
      for (const a of (c.affects as unknown[] | undefined) ?? []) expect(a, schedulable, `${String(c.id)}.affects`);
    }
  }
  for (const t of m.tasks) {
    for (const a of (t.assignees as unknown[] | undefined) ?? []) expect(a, ['person'], `${String(t.id)}.assignees`);
    for (const dep of (t.depends_on as unknown[] | undefined) ?? []) {
      expect(depId(dep), schedulable, `${String(t.id)}.depends_on`);
      assert.notEqual(depId(dep), t.id, `${String(t.id)} depends on itself`);
    }
  }
  for (const ms of m.milestones) {
    if (ms.owner !== undefined) expect(ms.owner, ['person'], `${String(ms.id)}.owner`);
    for (const dep of (ms.depends_on as unknown[] | undefined) ?? []) expect(depId(dep), schedulable, `${String(ms.id)}.depends_on`);
  }
}

/** The generator's invariant: a task depends only on what was generated before it, so there is no cycle. */
function checkOnlyEarlierDependencies(m: Model): void {
  const wsTasks = new Map(m.workstreams.map((ws) => [ws.id as string, list(ws.tasks).map((t) => t.id as string)]));
  for (const [i, t] of m.tasks.entries()) {
    for (const dep of (t.depends_on as unknown[] | undefined) ?? []) {
      const id = depId(dep);
      const kind = m.kinds.get(id);
      if (kind === 'task') assert.ok((m.taskOrder.get(id) as number) < i, `${String(t.id)} depends on later task ${id}`);
      else if (kind === 'workstream') {
        for (const member of wsTasks.get(id) ?? []) assert.ok((m.taskOrder.get(member) as number) < i, `${String(t.id)} depends on workstream ${id}, which has a later task`);
      } else assert.fail(`${String(t.id)} depends on a ${kind}: ${id}`);
    }
  }
  for (const [i, ms] of m.milestones.entries()) {
    for (const dep of (ms.depends_on as unknown[] | undefined) ?? []) {
      const id = depId(dep);
      if (m.kinds.get(id) === 'milestone') assert.ok(m.milestones.findIndex((x) => x.id === id) < i, `${String(ms.id)} depends on a later milestone`);
      assert.equal(typeof dep, 'string', 'milestone dependencies are plain finish-to-start');
    }
  }
}

void test('generateProgram is deterministic for a seed', () => {
  const a = generateProgram({ tasks: 600, seed: 42, fragments: 3 });
  const b = generateProgram({ tasks: 600, seed: 42, fragments: 3 });
  assert.equal(a.root, b.root);
  assert.deepEqual(a.fragments, b.fragments);
  const c = generateProgram({ tasks: 600, seed: 43, fragments: 3 });
  assert.notEqual(a.root, c.root);
});

void test('generateProgram makes exactly the requested number of tasks', () => {
  for (const tasks of [0, 1, 37, 50, 251, 1000]) {
    const p = generateProgram({ tasks, seed: tasks + 1 });
    assert.equal(p.taskIds.length, tasks);
    const m = model(loadGenerated(p));
    assert.equal(m.tasks.length, tasks, `parsed task count for ${tasks}`);
    assert.deepEqual(m.tasks.map((t) => t.id), p.taskIds);
    assert.deepEqual(m.milestones.map((x) => x.id), p.milestoneIds);
    assert.equal(m.kinds.size > 0, true);
  }
});

void test('generated references resolve and point only backwards (no cycles)', () => {
  for (const seed of [1, 2, 3]) {
    for (const opts of [{ tasks: 1200 }, { tasks: 500, workstreamSize: 20, fragments: 4 }, { tasks: 300, workstreamSize: 200 }]) {
      const p = generateProgram({ ...opts, seed });
      const m = model(loadGenerated(p));
      checkReferences(m);
      checkOnlyEarlierDependencies(m);
      assert.deepEqual(p.personIds, [...m.kinds].filter(([, k]) => k === 'person').map(([id]) => id));
    }
  }
});

void test('generated program has the expected shape', () => {
  const p = generateProgram({ tasks: 1000, seed: 5 });
  const [root] = loadGenerated(p) as [Obj];
  assert.equal(root.version, 1);
  const program = root.program as Obj;
  assert.equal(program.start, '2026-01-05', 'dates stay strings (YAML 1.2 core schema)');
  assert.match(String(program.status_date), /^\d{4}-\d{2}-\d{2}$/);
  const m = model([root]);
  assert.equal(m.workstreams.length, 20);
  assert.ok(m.milestones.length >= 8 && m.milestones.length <= 12, `~1 milestone per 100 tasks, got ${m.milestones.length}`);
  assert.ok(p.personIds.length >= 80 && p.personIds.length <= 120, `~1 person per 10 tasks, got ${p.personIds.length}`);
  let done = 0;
  const types = new Set<string>();
  for (const t of m.tasks) {
    assert.ok((t.duration === undefined) !== (t.effort === undefined), `${String(t.id)}: exactly one of duration and effort`);
    if (t.duration !== undefined) assert.match(String(t.duration), /^[0-9]+[dw]$/);
    if (t.effort !== undefined) {
      assert.match(String(t.effort), /^[0-9]+(\.[0-9]+)?d$/);
      assert.ok(list(t.assignees).length > 0, 'effort needs assignees');
    }
    const deps = (t.depends_on as unknown[] | undefined) ?? [];
    assert.ok(deps.length <= 4);
    for (const d of deps) if (typeof d !== 'string') types.add(String((d as Obj).type ?? 'FS'));
    if (t.status === 'done') {
      done++;
      assert.equal(t.progress, 100);
      assert.ok(t.actual_start && t.actual_end && String(t.actual_start) <= String(t.actual_end));
      assert.ok(String(t.actual_end) <= String(program.status_date), 'done before the status date');
    }
    if (t.status === 'in-progress') assert.ok(Number(t.progress) > 0 && Number(t.progress) < 100);
  }
  assert.ok(done > 100 && done < 350, `about a fifth done, got ${done}`);
  assert.ok(types.has('SS') && types.has('FF') && types.has('FS'), 'some SS/FF dependencies and lags');
  for (const ms of m.milestones) assert.match(String(ms.date), /^\d{4}-\d{2}-\d{2}$/);
  for (const r of list(root.risks)) {
    assert.ok(Number(r.probability) >= 1 && Number(r.probability) <= 5);
    assert.ok(r.owner && r.mitigation);
    if (r.review_by !== undefined) assert.ok(String(r.review_by) >= String(program.status_date));
  }
  assert.equal(list(root.risks).length, 40);
  assert.equal(list((root.budget as Obj).lines).length, 20);
});

void test('generated YAML is block style: no flow maps or sequences', () => {
  const p = generateProgram({ tasks: 400, seed: 9, fragments: 2 });
  for (const [name, text] of [['root', p.root], ...Object.entries(p.fragments)] as [string, string][]) {
    const doc = parseDocument(text);
    visit(doc, {
      Map(_, node) {
        assert.ok(!node.flow, `${name}: flow map`);
      },
      Seq(_, node) {
        assert.ok(!node.flow, `${name}: flow sequence`);
      },
    });
    assert.ok(!/^\s+-? ?[\w-]+: \{/m.test(text), `${name}: no { at the task level`);
    assert.ok(isMap(doc.contents));
  }
  const root = parseDocument(p.root);
  const milestones = root.get('milestones');
  assert.ok(isSeq(milestones));
});

void test('fragments option splits workstreams into files matching the include glob', () => {
  const p = generateProgram({ tasks: 700, seed: 3, fragments: 4 });
  const root = parse(p.root) as Obj;
  assert.deepEqual(root.include, ['ws/*.program.yaml']);
  assert.equal(root.workstreams, undefined, 'the root keeps no workstreams');
  const names = Object.keys(p.fragments).sort();
  assert.deepEqual(names, ['ws/part-1.program.yaml', 'ws/part-2.program.yaml', 'ws/part-3.program.yaml', 'ws/part-4.program.yaml']);
  const re = globToRegExp('ws/*.program.yaml');
  for (const n of names) {
    assert.match(n, re);
    const frag = parse(p.fragments[n] as string) as Obj;
    assert.equal(frag.program, undefined, 'a fragment has no program key');
    assert.ok(list(frag.workstreams).length > 0);
  }

  const dir = mkdtempSync(join(tmpdir(), 'pac-gen-'));
  try {
    const rootPath = writeProgram(dir, p);
    const { docs, files } = loadFromDisk(rootPath);
    assert.equal(files.length, 5);
    assert.equal(model(docs).tasks.length, 700);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

void test('generateWorkspace writes independent programs holding all the tasks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pac-ws-'));
  try {
    const paths = generateWorkspace(dir, { files: 6, totalTasks: 1003, seed: 11 });
    assert.equal(paths.length, 6);
    let total = 0;
    const ids = new Set<string>();
    for (const path of paths) {
      const { docs } = loadFromDisk(path);
      const m = model(docs);
      checkReferences(m);
      total += m.tasks.length;
      ids.add(String((docs[0]?.program as Obj).id));
    }
    assert.equal(total, 1003);
    assert.equal(ids.size, 6, 'each file is its own program');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

void test('generateProgram makes 10,000 tasks quickly', () => {
  const t0 = performance.now();
  const p = generateProgram({ tasks: 10_000, seed: 1 });
  const ms = performance.now() - t0;
  assert.equal(p.taskIds.length, 10_000);
  assert.ok(ms < 2000, `took ${ms.toFixed(0)} ms`);
});

void test('the Orion example parses and every reference in it is defined', () => {
  const { docs, files } = loadFromDisk(join(ORION_DIR, 'orion.program.yaml'));
  assert.ok(files.length >= 4, 'root plus 3-4 fragments');
  for (const d of docs.slice(1)) assert.equal(d.program, undefined, 'fragments have no program key');
  const m = model(docs);
  checkReferences(m);
  assert.ok(m.tasks.length >= 30 && m.tasks.length <= 45, `task count ${m.tasks.length}`);
  assert.ok(m.workstreams.length >= 5 && m.workstreams.length <= 6);
  assert.ok(m.milestones.length >= 5 && m.milestones.length <= 7);
  for (const ms of m.milestones) {
    for (const dep of (ms.depends_on as unknown[] | undefined) ?? []) {
      assert.ok(typeof dep === 'string' || ((dep as Obj).type ?? 'FS') === 'FS', `${String(ms.id)}: milestones take only FS`);
    }
  }
  for (const t of m.tasks) {
    for (const dep of (t.depends_on as unknown[] | undefined) ?? []) {
      const type = typeof dep === 'string' ? 'FS' : String((dep as Obj).type ?? 'FS');
      if (type !== 'FS') assert.notEqual(m.kinds.get(depId(dep)), 'milestone', `${String(t.id)}: ${type} on a milestone`);
    }
  }
});
