// Baselines from real git repositories built in a temporary folder: commits,
// tags, a renamed fragment, a removed task, a changed include glob; `diff`,
// `validate --baseline` and `report` checked against hand-computed dates, and
// the errors for a revision, a root or a repository that is not there.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Lexer } from 'marked';
import type { Token, Tokens } from 'marked';
import { commitAll, git as gitIn } from '../helpers/git.js';
import { runCli, tempDir, writeIn } from '../helpers/cli.js';

let repo: string;

function git(...args: string[]): string {
  return gitIn(repo, ...args);
}
const write = (rel: string, text: string): string => writeIn(repo, rel, text);
const run = (args: string[], cwd = repo) => runCli(args, cwd);

const ROOT = (glob: string) => [
  'version: 1',
  'program: { id: demo, name: Demo <b>launch</b>, start: 2026-01-05, status_date: 2026-01-05 }',
  `include: ["${glob}"]`,
  'milestones:',
  '  - { id: m, name: Launch, depends_on: [b], date: 2026-01-16 }',
  '',
].join('\n');
const CORE_V1 = [
  'version: 1',
  'workstreams:',
  '  - id: core',
  '    name: Core',
  '    tasks:',
  '      - { id: a, name: A, duration: 5d }',
  '      - { id: b, name: B, duration: 3d, depends_on: [a] }',
  '      - { id: old, name: Old, duration: 2d }',
  '',
].join('\n');
const CORE_V2 = [
  'version: 1',
  'workstreams:',
  '  - id: core',
  '    name: Core',
  '    tasks:',
  '      - { id: a, name: A, duration: 8d }',
  '      - { id: b, name: B, duration: 3d, depends_on: [a] }',
  '      - { id: c, name: C, duration: 2d, depends_on: [b] }',
  '',
].join('\n');

before(() => {
  repo = tempDir('pac-baseline-');
  git('init', '-q', '-b', 'main');
  // v1: a Jan 5-9, b Jan 12-14, old Jan 5-6; m forecast Jan 14 (target Jan 16).
  write('plan.program.yaml', ROOT('parts/*.program.yaml'));
  write('parts/core.program.yaml', CORE_V1);
  commitAll(repo, 'v1', 'v1');
  // v2: the fragment renamed, `old` removed, a 5d -> 8d, c added after b, m depends on b and c.
  renameSync(join(repo, 'parts/core.program.yaml'), join(repo, 'parts/backend.program.yaml'));
  write('parts/backend.program.yaml', CORE_V2);
  write('plan.program.yaml', ROOT('parts/*.program.yaml').replace('depends_on: [b]', 'depends_on: [b, c]'));
  commitAll(repo, 'v2', 'v2');
  // Then: the include glob changes and the fragment moves under it; a second root appears.
  mkdirSync(join(repo, 'fragments/team'), { recursive: true });
  renameSync(join(repo, 'parts/backend.program.yaml'), join(repo, 'fragments/team/backend.program.yaml'));
  rmSync(join(repo, 'parts'), { recursive: true, force: true });
  write('plan.program.yaml', ROOT('fragments/**/*.program.yaml').replace('depends_on: [b]', 'depends_on: [b, c]'));
  write('other.program.yaml', 'version: 1\nprogram: { id: other, name: Other, start: 2026-01-05 }\n');
  commitAll(repo, 'glob');
});

test('diff against v1: variances, added and removed items, changed fields, attribution, critical paths', () => {
  const r = run(['diff', 'v1', 'plan.program.yaml', '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(out), ['program', 'baseline', 'finish', 'items', 'milestones', 'criticalPath']);
  assert.equal(out.program, 'demo');
  assert.equal(out.baseline.revision, 'v1');
  assert.equal(out.baseline.commit, git('rev-parse', 'v1').trim());
  // Now: a Jan 5-14 (8d), b Jan 15-19, c Jan 20-21, m Jan 21.
  assert.deepEqual(out.finish, { baseline: '2026-01-14', current: '2026-01-21', variance: 5 });
  assert.deepEqual(out.items, [
    { id: 'm', kind: 'milestone', status: 'changed', startVariance: 5, endVariance: 5, changed: ['depends_on'] },
    { id: 'a', kind: 'task', status: 'changed', startVariance: 0, endVariance: 3, changed: ['duration'] },
    { id: 'b', kind: 'task', status: 'unchanged', startVariance: 3, endVariance: 3, changed: [] },
    { id: 'c', kind: 'task', status: 'added', startVariance: null, endVariance: null, changed: [] },
    { id: 'old', kind: 'task', status: 'removed', startVariance: null, endVariance: null, changed: [] },
  ]);
  // Reverting a (5d again) brings m from Jan 21 to Jan 16 (3 working days); removing c then to Jan 14 (2).
  assert.deepEqual(out.milestones, [
    { id: 'm', baseline: '2026-01-14', current: '2026-01-21', variance: 5, attribution: [{ id: 'a', days: 3 }, { id: 'c', days: 2 }] },
  ]);
  assert.deepEqual(out.criticalPath, { baseline: ['a', 'b', 'm'], current: ['a', 'b', 'c', 'm'] });
});

test('diff as text and Markdown says the same for people', () => {
  const text = run(['diff', 'v1', 'plan.program.yaml']);
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /^Finish: 2026-01-14 -> 2026-01-21 \(\+5 working days\)$/m);
  assert.match(text.stdout, /^ {2}m {5}2026-01-14 -> 2026-01-21 {2}\+5 working days {2}\(a \+3, c \+2\)$/m);
  assert.match(text.stdout, /^ {2}old {3}task {6}removed$/m);
  assert.match(text.stdout, /^Critical path now: {2}a -> b -> c -> m$/m);
  const md = run(['diff', 'v1', 'plan.program.yaml', '--format', 'markdown']);
  const tables = new Lexer().lex(md.stdout).filter((t): t is Tokens.Table => t.type === 'table');
  assert.equal(tables.length, 2);
  assert.deepEqual(tables[0]?.rows.map((row) => row.map((c) => c.text)), [['`m`', '2026-01-14', '2026-01-21', '+5', '`a` +3, `c` +2']]);
});

test('includes and globs are resolved as they were at the revision (renamed fragment, changed glob)', () => {
  // v2 had parts/*.program.yaml and parts/backend.program.yaml; now fragments/**: the same plan, so nothing moved.
  const out = JSON.parse(run(['diff', 'v2', 'plan.program.yaml', '--format', 'json']).stdout);
  assert.deepEqual(out.items.map((i: { id: string; status: string; endVariance: number }) => [i.id, i.status, i.endVariance]), [
    ['m', 'unchanged', 0], ['a', 'unchanged', 0], ['b', 'unchanged', 0], ['c', 'unchanged', 0],
  ]);
  assert.equal(out.finish.variance, 0);
  // An expression git understands, not only a name.
  const back = JSON.parse(run(['diff', 'HEAD~2', 'plan.program.yaml', '--format', 'json']).stdout);
  assert.equal(back.baseline.commit, git('rev-parse', 'v1').trim());
});

test('diff without FILE uses the one root below the folder, and refuses to guess between two', () => {
  const r = run(['diff', 'v1']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /2 root program files below the current folder; name the FILE/);
});

test('reading a baseline changes nothing in the repository or the working tree', () => {
  const head = git('rev-parse', 'HEAD');
  const status = git('status', '--porcelain');
  const index = statSync(join(repo, '.git', 'index')).mtimeMs;
  run(['diff', 'v1', 'plan.program.yaml', '--format', 'json']);
  run(['report', 'plan.program.yaml', '--baseline', 'v1']);
  assert.equal(git('rev-parse', 'HEAD'), head);
  assert.equal(git('status', '--porcelain'), status);
  assert.equal(statSync(join(repo, '.git', 'index')).mtimeMs, index);
});

test('a revision that does not exist, a root that did not exist, a folder outside any repository: clear errors', () => {
  const noRev = run(['diff', 'v9', 'plan.program.yaml']);
  assert.equal(noRev.code, 2);
  assert.equal(noRev.stderr, `program-as-code: The revision 'v9' does not exist in the repository at ${repo}.\n`);
  const option = run(['diff', '--', '--output=x', 'plan.program.yaml']);
  assert.equal(option.code, 2);
  assert.match(option.stderr, /is not a revision/);
  const noRoot = run(['diff', 'v1', 'other.program.yaml']);
  assert.equal(noRoot.code, 2);
  assert.equal(noRoot.stderr, `program-as-code: other.program.yaml did not exist at v1 (${git('rev-parse', 'v1').trim().slice(0, 12)}).\n`);
  const outside = tempDir('pac-norepo-');
  writeFileSync(join(outside, 'x.program.yaml'), 'version: 1\nprogram: { id: x, name: X, start: 2026-01-05 }\n');
  const noRepo = run(['report', 'x.program.yaml', '--baseline', 'v1'], outside);
  assert.equal(noRepo.code, 2);
  assert.equal(noRepo.stderr, `program-as-code: ${outside} is not in a git repository, so there is no baseline to compare with.\n`);
  const validate = run(['validate', '--baseline', 'v1', '--max-slip', '1'], outside);
  assert.equal(validate.code, 2);
  assert.match(validate.stderr, /is not in a git repository/);
});

test('validate --baseline --max-slip: baseline-slip on milestones that moved more than N working days (text, JSON, SARIF)', () => {
  const over = run(['validate', 'plan.program.yaml', '--baseline', 'v1', '--max-slip', '4']);
  assert.equal(over.code, 1);
  assert.match(over.stdout, /^plan\.program\.yaml:5:11: error: Milestone `m` is 5 working days later than at v1 \(2026-01-21, was 2026-01-14\), more than --max-slip 4; changed on its driving chain: a \+3, c \+2\. \[baseline-slip\]$/m);
  const within = run(['validate', 'plan.program.yaml', '--baseline', 'v1', '--max-slip', '5']);
  assert.doesNotMatch(within.stdout, /baseline-slip/);
  const json = JSON.parse(run(['validate', 'plan.program.yaml', '--baseline', 'v1', '--max-slip', '0', '--format', 'json']).stdout);
  const d = json.diagnostics.find((x: { code: string }) => x.code === 'baseline-slip');
  assert.deepEqual([d.file, d.startLine, d.severity], ['plan.program.yaml', 5, 'error']);
  const sarif = JSON.parse(run(['validate', 'plan.program.yaml', '--baseline', 'v1', '--max-slip', '0', '--format', 'sarif']).stdout);
  assert.ok(sarif.runs[0].results.some((x: { ruleId: string }) => x.ruleId === 'baseline-slip'));
  assert.equal(run(['validate', '--max-slip', '3']).code, 2);
});

test('report --baseline: hand-computed milestones, colours, changes since the baseline and the next ten days', () => {
  const r = run(['report', 'plan.program.yaml', '--baseline', 'v1', '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  // Exactly the keys program-format.md gives ("Status reports", "Earned value"), in its order.
  assert.deepEqual(Object.keys(out), ['program', 'statusDate', 'baseline', 'overall', 'milestones', 'workstreams', 'risks', 'evm', 'kpis', 'changes', 'changedSinceBaseline', 'upcoming', 'overdue']);
  assert.deepEqual(Object.keys(out.overall), ['rag', 'reasons']);
  assert.deepEqual(Object.keys(out.evm), ['bac', 'pv', 'ev', 'ac', 'sv', 'cv', 'spi', 'cpi', 'eac', 'etc', 'vac', 'tcpi', 'es', 'at', 'spiT', 'pvFrom']);
  assert.equal(out.statusDate, '2026-01-05');
  // m: target Jan 16, forecast Jan 21: 3 working days late (amber at 1, red at 5).
  assert.deepEqual(out.milestones[0], {
    id: 'm', name: 'Launch', target: '2026-01-16', forecast: '2026-01-21', slip: 3, baselineForecast: '2026-01-14', variance: 5, p80: null,
    rag: 'amber', reasons: ['`m` slips 3 working days past its target 2026-01-16 (amber at 1, red at 5).'],
  });
  assert.equal(out.overall.rag, 'amber');
  assert.deepEqual(out.overall.reasons, ['Milestone m: `m` slips 3 working days past its target 2026-01-16 (amber at 1, red at 5).']);
  assert.deepEqual(out.changedSinceBaseline.map((i: { id: string; status: string }) => `${i.id}:${i.status}`), ['m:changed', 'a:changed', 'b:unchanged', 'c:added', 'old:removed']);
  // Status date Mon Jan 5 (the program start, so nothing is forecast from it); ten working days on is Mon Jan 19.
  assert.deepEqual(out.upcoming.map((e: { id: string; event: string; date: string }) => `${e.date} ${e.id} ${e.event}`), [
    '2026-01-05 a starts', '2026-01-14 a ends', '2026-01-15 b starts', '2026-01-19 b ends',
  ]);
  assert.deepEqual(out.overdue, []);
  assert.equal(out.evm.pvFrom, 'baseline');
  // A later status date: a should have ended by Jan 14 and is not done.
  const later = JSON.parse(run(['report', 'plan.program.yaml', '--status-date', '2026-01-16', '--format', 'json']).stdout);
  assert.equal(later.statusDate, '2026-01-16');
  assert.deepEqual(later.overdue.map((o: { id: string; daysOverdue: number }) => [o.id, o.daysOverdue]), [['a', 2]]);
  assert.equal(later.baseline, null);
  assert.equal(run(['report', 'plan.program.yaml', '--status-date', '16/01/2026']).code, 2);
});

function walk(tokens: readonly Token[], visit: (t: Token) => void): void {
  for (const t of tokens) {
    visit(t);
    const nested = t as { tokens?: Token[]; items?: Token[]; header?: { tokens: Token[] }[]; rows?: { tokens: Token[] }[][] };
    if (nested.tokens) walk(nested.tokens, visit);
    if (nested.items) walk(nested.items, visit);
    for (const c of nested.header ?? []) walk(c.tokens, visit);
    for (const row of nested.rows ?? []) for (const c of row) walk(c.tokens, visit);
  }
}

test('the report Markdown renders on GitHub as is: tables parse, no raw HTML even from user text', () => {
  const md = run(['report', 'plan.program.yaml', '--baseline', 'v1']).stdout;
  const tokens = new Lexer({ gfm: true }).lex(md);
  const kinds: string[] = [];
  walk(tokens, (t) => kinds.push(t.type));
  assert.ok(!kinds.includes('html'), 'raw HTML in the report');
  assert.equal(tokens[0]?.type, 'heading');
  assert.equal((tokens[0] as Tokens.Heading).text, 'Demo \\<b\\>launch\\</b\\>: status on 2026-01-05');
  const tables = tokens.filter((t): t is Tokens.Table => t.type === 'table');
  const headers = tables.map((t) => t.header.map((h) => h.text).join('|'));
  assert.ok(headers.includes('Milestone|Target|Forecast|Slip|Since baseline|Status'), headers.join('\n'));
  const ms = tables.find((t) => t.header[0]?.text === 'Milestone');
  assert.deepEqual(ms?.rows[0]?.map((c) => c.text), ['`m` Launch', '2026-01-16', '2026-01-21', '3', '+5 (was 2026-01-14)', '🟡 Amber']);
  for (const t of tables) for (const row of t.rows) assert.equal(row.length, t.header.length);
});

test('the HTML report is one self-contained page with user text escaped', () => {
  const html = run(['report', 'plan.program.yaml', '--format', 'html']).stdout;
  assert.match(html, /^<!DOCTYPE html>/);
  assert.ok(html.includes('<title>Demo &lt;b&gt;launch&lt;/b&gt;: status on 2026-01-05</title>'));
  assert.ok(!html.includes('<b>launch'));
  assert.doesNotMatch(html, /<script|<link|src=|url\(/);
  assert.match(html, /@media print/);
});

test('changes FILE: what each pending change would move', () => {
  write('cr.program.yaml', [
    'version: 1',
    'program: { id: cr, name: CR, start: 2026-01-05 }',
    'workstreams:',
    '  - id: w',
    '    name: W',
    '    tasks:',
    '      - { id: t, name: T, duration: 5d, cost: 1000 }',
    'milestones:',
    '  - { id: done, name: Done, depends_on: [t] }',
    'changes:',
    '  - { id: CR-1, title: SSO, status: approved, schedule_impact: 3d, cost_impact: 500, affects: [t] }',
    '  - { id: CR-2, title: Old, status: rejected, schedule_impact: 3d, affects: [t] }',
    '',
  ].join('\n'));
  const r = run(['changes', 'cr.program.yaml']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, [
    'CR-1  approved  SSO',
    '  +3 working days on t, cost 500',
    '  if applied: done +3; finish +3 (2026-01-14)',
    '  budget at completion with it: 1,500',
    'CR-2  rejected  Old',
    '  +3 working days on t',
    '  not evaluated: rejected',
    '',
  ].join('\n'));
  const json = JSON.parse(run(['changes', 'cr.program.yaml', '--format', 'json']).stdout);
  assert.deepEqual(json.changes[0].milestones, [{ id: 'done', before: '2026-01-09', after: '2026-01-14', movement: 3 }]);
});
