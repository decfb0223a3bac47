// The report's P80 (the Monte Carlo forecast run with the file's `forecast`
// settings, defaults 5,000 iterations and seed 1, so the report is the same on
// every run) and the exported page's Status tab data, on the hand-computed
// fixture test/fixtures/status/lumen.program.yaml (see test/webview/status.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commitAll, git } from '../helpers/git.js';

const CLI = join(__dirname, '../../dist/cli.js');
const DIR = join(__dirname, '../fixtures/status');

function run(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: DIR, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('report: P80 beside each milestone with a target, the iterations named, the same on every run', () => {
  const json = run(['report', 'lumen.program.yaml', '--format', 'json']);
  assert.equal(json.code, 0, json.stderr);
  const out = JSON.parse(json.stdout);
  assert.deepEqual(out.milestones.map((m: { id: string; forecast: string; p80: string | null }) => [m.id, m.forecast, m.p80]),
    [['beta', '2026-01-23', '2026-01-23'], ['ga', '2026-01-30', '2026-02-04'], ['m3', '2026-02-06', null]]);
  assert.equal(run(['report', 'lumen.program.yaml', '--format', 'json']).stdout, json.stdout, 'reproducible');
  const md = run(['report', 'lumen.program.yaml']).stdout;
  assert.match(md, /\| Milestone \| Target \| Forecast \| P80 \| Slip \| Status \|/);
  assert.match(md, /\| `ga` General availability \| 2026-01-30 \| 2026-01-30 \| 2026-02-04 \| 0 \| 🟢 Green \|/);
  assert.match(md, /_P80: the date by which 80% of 5,000 Monte Carlo iterations finish \(seed 1, pert;/);
  const html = run(['report', 'lumen.program.yaml', '--format', 'html']).stdout;
  assert.match(html, /<th>P80<\/th>/);
  assert.match(html, /5,000 Monte Carlo iterations/);
});

test('report: no P80 column for a program without estimates or schedule risks', () => {
  const md = run(['report', join(__dirname, '../../examples/orion/orion.program.yaml')]).stdout;
  assert.doesNotMatch(md, /\| P80 \|/);
});

test('export --format html carries the Status tab: budget, KPIs, stakeholders with RACI, change requests', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'pac-status-')), 'page.html');
  const r = run(['export', 'lumen.program.yaml', '--format', 'html', '--out', out]);
  assert.equal(r.code, 0, r.stderr);
  const block = /<script type="application\/json" id="status-view">(.*?)<\/script>/s.exec(readFileSync(out, 'utf8'));
  assert.ok(block, 'the page carries the status report');
  const st = JSON.parse(block[1] as string);
  assert.equal(st.overall.rag, 'red');
  assert.deepEqual(st.budget.lines.map((l: { id: string; planned: string; actual: string; earned: string; overPlan: boolean }) => [l.id, l.planned, l.actual, l.earned, l.overPlan]),
    [['eng', '30,000 USD', '25,000 USD', '20,000 USD', false], ['tools', '5,000 USD', '6,000 USD', '–', true]]);
  assert.deepEqual(st.kpis.map((k: { id: string; onTarget: boolean }) => [k.id, k.onTarget]), [['p95', false], ['uptime', true]]);
  assert.deepEqual(st.raci.map((x: { id: string; a: string[]; problem: string | null }) => [x.id, x.a, x.problem]),
    [['beta', ['cto'], null], ['ga', [], 'no-accountable'], ['m3', ['cto', 'vp'], 'many-accountable'], ['build', [], null]]);
  assert.deepEqual(st.changes.map((c: { id: string; status: string; pending: boolean }) => [c.id, c.status, c.pending]), [['CR-1', 'proposed', true], ['CR-2', 'implemented', false]]);
  assert.equal(st.milestones.find((m: { id: string }) => m.id === 'ga').p80, '2026-02-04');
});

test('export --baseline REV: the Gantt\'s shadow bars and the Status tab compared with the revision; a revision git cannot give is one message', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pac-export-baseline-'));
  const text = readFileSync(join(DIR, 'lumen.program.yaml'), 'utf8');
  git(dir, 'init', '-q', '-b', 'main');
  // At v1, build was 7 days; it is 10 now.
  writeFileSync(join(dir, 'lumen.program.yaml'), text.replace('{ id: build, name: Build, duration: 10d', '{ id: build, name: Build, duration: 7d'));
  commitAll(dir, 'plan v1', 'v1');
  writeFileSync(join(dir, 'lumen.program.yaml'), text);
  const cli = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', timeout: 120_000 });

  const page = cli(['export', 'lumen.program.yaml', '--format', 'html', '--baseline', 'v1', '--out', 'page.html']);
  assert.equal(page.status, 0, page.stderr);
  const html = readFileSync(join(dir, 'page.html'), 'utf8');
  const embedded = (id: string) => JSON.parse((new RegExp(`<script type="application/json" id="${id}">(.*?)</script>`, 's').exec(html) as RegExpExecArray)[1] as string);
  const vm = embedded('view-model');
  assert.equal(vm.baseline.revision, 'v1');
  assert.equal(vm.baseline.commit, git(dir, 'rev-parse', 'v1').trim());
  const then = vm.baseline.items.find((i: { id: string }) => i.id === 'build');
  const now = vm.tasks.find((t: { id: string }) => t.id === 'build');
  assert.ok(then.end < now.end, `build ended earlier at v1 (${then.end}) than now (${now.end})`);
  const st = embedded('status-view');
  assert.equal(st.baselineNote, null, 'the page is compared with v1');
  // The page's drift is the report's: the same core, the same revision.
  const report = JSON.parse(cli(['report', 'lumen.program.yaml', '--format', 'json', '--baseline', 'v1']).stdout);
  const drift = (list: { id: string; variance: number | null }[]) => list.map((m) => [m.id, m.variance]);
  assert.deepEqual(drift(st.milestones), drift(report.milestones));
  assert.ok((st.milestones.find((m: { id: string }) => m.id === 'beta').variance as number) > 0, 'beta moved later since v1');

  const svg = cli(['export', 'lumen.program.yaml', '--format', 'svg', '--baseline', 'v1']);
  assert.equal(svg.status, 0, svg.stderr);
  assert.ok((svg.stdout.match(/class="baseline-shadow"/g) ?? []).length >= 2, 'a shadow under each task bar');
  assert.doesNotMatch(cli(['export', 'lumen.program.yaml', '--format', 'svg']).stdout, /class="baseline-shadow/, 'no shadow without a baseline');

  const missing = cli(['export', 'lumen.program.yaml', '--format', 'html', '--baseline', 'no-such-tag']);
  assert.equal(missing.status, 2);
  assert.equal(missing.stdout, '');
  assert.match(missing.stderr, /^program-as-code: .*no-such-tag/);
  const csv = cli(['export', 'lumen.program.yaml', '--format', 'csv', '--baseline', 'v1']);
  assert.equal(csv.status, 2);
  assert.match(csv.stderr, /--baseline goes with export --format html or svg/);
});
