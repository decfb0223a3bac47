// The README's route for a user's own plan repository: `npm pack` in this
// repository, `npm install --save-dev <tarball>` in theirs, then
// `npx program-as-code validate` and the language server from
// node_modules/.bin. Both installs run with --offline and an empty npm cache,
// which proves the tarball needs nothing from the registry (the bins are
// self-contained bundles). The tarball is packed from the dist/ that
// `npm run build` made (--ignore-scripts: its prepack rebuild would rewrite
// dist/ under the other test files that are running at the same time).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';
import type { InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

const REPO = resolve(__dirname, '../..');
const PLAN = [
  'version: 1',
  'program:',
  '  id: app',
  '  name: App launch',
  '  start: 2026-01-05',
  'workstreams:',
  '  - id: core',
  '    name: Core',
  '    tasks:',
  '      - id: build',
  '        name: Build it',
  '        duration: 5d',
  '        depends_on: [desing]',
  'milestones:',
  '  - { id: ship, name: Ship, depends_on: [build] }',
  '',
].join('\n');

let work: string;
let tarball: string;
let userRepo: string;

/** npm without the settings an outer `npm test` passes down, with a cache of its own. */
function npm(args: string[], cwd: string) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  const r = spawnSync('npm', [...args, '--cache', join(work, 'npm-cache'), '--no-audit', '--no-fund', '--no-update-notifier'], {
    cwd, env, encoding: 'utf8', timeout: 120_000,
  });
  assert.equal(r.status, 0, `npm ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

before(() => {
  assert.ok(existsSync(join(REPO, 'dist/cli.js')) && existsSync(join(REPO, 'dist/server.js')), 'run `npm run build` first');
  work = mkdtempSync(join(tmpdir(), 'pac-install-'));
  npm(['pack', '--ignore-scripts', '--pack-destination', work], REPO);
  const packed = readdirSync(work).filter((f) => /^program-as-code-.*\.tgz$/.test(f));
  assert.equal(packed.length, 1, `npm pack made ${packed.join(', ') || 'nothing'}`);
  tarball = join(work, packed[0]!);
  userRepo = join(work, 'my-plans');
  mkdirSync(join(userRepo, 'plans'), { recursive: true });
  writeFileSync(join(userRepo, 'package.json'), '{ "name": "my-plans", "private": true }\n');
  writeFileSync(join(userRepo, 'plans', 'app.program.yaml'), PLAN);
  npm(['install', '--save-dev', '--offline', tarball], userRepo);
});

after(() => { if (work) rmSync(work, { recursive: true, force: true }); });

function npx(args: string[]) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  const r = spawnSync('npx', ['--offline', '--cache', join(work, 'npm-cache'), ...args], { cwd: userRepo, env, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('npx program-as-code validate in the user repository reports the broken reference and exits 1', () => {
  const r = npx(['program-as-code', 'validate', 'plans']);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stdout.trim(), /^plans\/app\.program\.yaml:13:22: error: .*`desing`.* \[unknown-reference\]$/);
  assert.equal(r.stderr.trim(), '1 error, 0 warnings in 1 file (1 program).');
});

/** The installed command itself (what npx runs), without npx's start-up cost. */
function bin(args: string[]) {
  const r = spawnSync(join(userRepo, 'node_modules', '.bin', 'program-as-code'), args, { cwd: userRepo, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('after the fix, validate exits 0 and schedule prints the plan', () => {
  writeFileSync(join(userRepo, 'plans', 'app.program.yaml'), PLAN.replace('depends_on: [desing]', 'depends_on: []'));
  const v = bin(['validate', 'plans']);
  assert.equal(v.code, 0, v.stdout + v.stderr);
  assert.equal(v.stderr.trim(), '0 errors, 0 warnings in 1 file (1 program).');
  const s = bin(['schedule', 'plans/app.program.yaml', '--format', 'csv']);
  assert.equal(s.code, 0, s.stderr);
  assert.match(s.stdout, /^build,.*2026-01-05,2026-01-09/m);
  writeFileSync(join(userRepo, 'plans', 'app.program.yaml'), PLAN);
});

test('export html from the installed package finds the preview app it ships', () => {
  const out = join(work, 'plan.html');
  const r = bin(['export', 'plans/app.program.yaml', '--format', 'html', '--out', out]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(readFileSync(out, 'utf8'), /<title>[^<]*App launch/);
});

test('a global install (npm install -g) puts both commands on PATH', () => {
  const prefix = join(work, 'global');
  npm(['install', '--global', '--prefix', prefix, '--offline', tarball], work);
  const bin = join(prefix, 'bin');
  for (const name of ['program-as-code', 'program-as-code-language-server']) assert.ok(existsSync(join(bin, name)), `${name} is not in ${bin}`);
  const r = spawnSync(join(bin, 'program-as-code'), ['validate', 'plans'], { cwd: userRepo, encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stdout, /\[unknown-reference\]/);
});

test('the installed language server answers initialize over stdio and publishes the diagnostic', async () => {
  const server = spawn(join(userRepo, 'node_modules', '.bin', 'program-as-code-language-server'), ['--stdio'], { cwd: userRepo, stdio: ['pipe', 'pipe', 'pipe'] });
  const conn = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  const uri = pathToFileURL(join(userRepo, 'plans', 'app.program.yaml')).href;
  const published = new Promise<PublishDiagnosticsParams>((res) => {
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => { if (p.uri === uri && p.diagnostics.length) res(p); });
  });
  conn.onRequest(() => null); // workspace/configuration, registrations
  conn.listen();
  try {
    const init = await conn.sendRequest<InitializeResult>('initialize', {
      processId: process.pid, rootUri: pathToFileURL(userRepo).href, capabilities: {},
      workspaceFolders: [{ uri: pathToFileURL(userRepo).href, name: 'my-plans' }],
    });
    assert.ok(init.capabilities.completionProvider, 'no completion capability');
    assert.ok(init.capabilities.definitionProvider, 'no definition capability');
    await conn.sendNotification('initialized', {});
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'program-yaml', version: 1, text: PLAN } });
    const p = await published;
    const d = p.diagnostics.find((x) => x.code === 'unknown-reference');
    assert.ok(d, JSON.stringify(p.diagnostics));
    assert.deepEqual(d.range.start, { line: 12, character: 21 });
    await conn.sendRequest('shutdown');
    await conn.sendNotification('exit');
  } finally {
    conn.dispose();
    server.kill();
  }
});
