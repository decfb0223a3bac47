// `program-as-code export` end to end: the built CLI (dist/cli.js) run as a child process.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir } from '../helpers/cli.js';

const ORION = join(__dirname, '../../examples/orion');

const run = (args: string[], cwd = ORION) => runCli(args, cwd);

test('export writes every format to stdout', () => {
  const svg = run(['export', 'orion.program.yaml', '--format', 'svg']);
  assert.equal(svg.code, 0, svg.stderr);
  assert.match(svg.stdout, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  const csv = run(['export', 'orion.program.yaml', '--format', 'csv']);
  assert.match(csv.stdout, /^id,title,probability,impact,score,band,status,owner,mitigation,contingency,affects,review_by\r\nR-/);
  const md = run(['export', 'orion.program.yaml', '--format', 'markdown']);
  assert.match(md.stdout, /```mermaid\ngantt/);
  assert.match(md.stdout, /\| ID \| Title \|/);
  const mm = run(['export', 'orion.program.yaml', '--format', 'mermaid']);
  assert.match(mm.stdout, /```mermaid\nflowchart LR/);
});

test('export --format html --out writes one self-contained page', () => {
  const dir = tempDir('pac-export-');
  const out = join(dir, 'plan.html');
  const r = run(['export', 'orion.program.yaml', '--format', 'html', '--out', out]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, '');
  const html = readFileSync(out, 'utf8');
  assert.match(html, /<script type="application\/json" id="view-model">\{/);
  assert.match(html, /Content-Security-Policy" content="default-src &#39;none&#39;; script-src &#39;sha256-/);
  assert.ok(!/<(script|link)[^>]+src=/.test(html), 'nothing loaded from elsewhere');
  assert.ok(html.includes('pacMermaid'), 'mermaid inlined for the Dependencies tab');
});

test('export without a format or with a bad one is a usage error', () => {
  assert.equal(run(['export', 'orion.program.yaml']).code, 2);
  assert.equal(run(['export', 'orion.program.yaml', '--format', 'pdf']).code, 2);
  assert.equal(run(['export', '--format', 'svg']).code, 2);
  assert.match(run(['--help']).stdout, /export FILE --format html\|svg\|csv\|markdown\|mermaid/);
});

test('export --format html embeds the forecast of the file\'s seed: P80 per milestone as `forecast` computes it, the same page every time', () => {
  const dir = join(__dirname, '../fixtures/forecast');
  const out = tempDir('pac-export-');
  // The page is a few MB: written to a file, not read from a pipe.
  const html = (file: string, cwd: string, name: string): string => {
    const r = run(['export', file, '--format', 'html', '--out', join(out, name)], cwd);
    assert.equal(r.code, 0, r.stderr);
    return readFileSync(join(out, name), 'utf8');
  };
  const page = html('launch.program.yaml', dir, 'a.html');
  const embedded = /<script type="application\/json" id="forecast">(.*?)<\/script>/.exec(page)?.[1];
  assert.ok(embedded, 'the page embeds a forecast');
  const forecast = JSON.parse(embedded) as { status: string; seed: number; iterations: number; milestones: { id: string; p80: string; deterministic: string }[] };
  const cli = JSON.parse(run(['forecast', 'launch.program.yaml', '--format', 'json'], dir).stdout) as { seed: number; iterations: number; milestones: { id: string; p80: string; deterministic: string }[] };
  assert.deepEqual([forecast.status, forecast.seed, forecast.iterations], ['ready', 7, 2000]);
  assert.deepEqual(forecast.milestones.map((m) => [m.id, m.deterministic, m.p80]), cli.milestones.map((m) => [m.id, m.deterministic, m.p80]));
  assert.equal(html('launch.program.yaml', dir, 'b.html'), page, 'reproducible');
  // Without estimates or schedule risks the page says what to add.
  assert.match(html('orion.program.yaml', ORION, 'orion.html'), /id="forecast">\{"status":"no-uncertainty"/);
});

test('export --format html --no-forecast skips the forecast, and the page says so; the flag goes only with html export', () => {
  const dir = join(__dirname, '../fixtures/forecast');
  const out = join(tempDir('pac-export-'), 'fast.html');
  const r = run(['export', 'launch.program.yaml', '--format', 'html', '--no-forecast', '--out', out], dir);
  assert.equal(r.code, 0, r.stderr);
  const page = readFileSync(out, 'utf8');
  const embedded = /<script type="application\/json" id="forecast">(.*?)<\/script>/.exec(page)?.[1];
  assert.ok(embedded, 'the page still carries a forecast entry: the sentence its Forecast tab shows');
  assert.ok(page.includes('No P80: the forecast was skipped (this page was exported with `--no-forecast`).'), 'the Status tab says why it has no P80');
  const forecast = JSON.parse(embedded) as { status: string; message: string };
  assert.equal(forecast.status, 'skipped');
  assert.match(forecast.message, /^The forecast was skipped: this page was exported with `--no-forecast`\./);
  const svg = run(['export', 'launch.program.yaml', '--format', 'svg', '--no-forecast'], dir);
  assert.deepEqual([svg.code, svg.stdout], [2, '']);
  assert.match(svg.stderr, /--no-forecast goes with export --format html/);
  assert.equal(run(['schedule', 'launch.program.yaml', '--no-forecast'], dir).code, 2);
  assert.match(run(['--help']).stdout, /--no-forecast {6}with html: skip the Monte Carlo forecast/);
});
