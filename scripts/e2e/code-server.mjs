// code-server (VS Code 1.100.3 server + web workbench) from the npm registry,
// installed once into a cache folder and started on 127.0.0.1 with no auth.
// Used by `npm start` (no desktop `code` on PATH) and by the offline e2e
// harness. Every fix below is for an offline machine where only the npm
// registry and Debian apt are reachable (see the team's vscode-e2e recipe).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3'; // the last release whose engines say node 20
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CACHE_DIR = process.env.PAC_CODE_SERVER_CACHE ?? join(REPO_ROOT, '.cache', 'code-server');

const log = (msg) => console.log(`[code-server] ${msg}`);

/** Environment that keeps code-server, node-gyp and npm state out of $HOME. */
export function isolatedEnv(cacheDir = CACHE_DIR) {
  const env = { ...process.env };
  env.XDG_CONFIG_HOME = join(cacheDir, 'xdg', 'config');
  env.XDG_DATA_HOME = join(cacheDir, 'xdg', 'data');
  env.XDG_CACHE_HOME = join(cacheDir, 'xdg', 'cache');
  for (const d of [env.XDG_CONFIG_HOME, env.XDG_DATA_HOME, env.XDG_CACHE_HOME]) mkdirSync(d, { recursive: true });
  return env;
}

export function codeServerBin(cacheDir = CACHE_DIR) {
  return join(cacheDir, 'install', 'node_modules', '.bin', 'code-server');
}

function installedVersion(bin) {
  if (!existsSync(bin)) return null;
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8', env: isolatedEnv() });
  // The first run may print an "info Wrote default config" line before the version.
  return r.status === 0 ? (/^(\d+\.\d+\.\d+) /m.exec(r.stdout)?.[1] ?? null) : null;
}

function sh(cmd, args, opts) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${(r.stderr || r.stdout || '').slice(-3000)}`);
  return r.stdout;
}

/**
 * @vscode/ripgrep's postinstall downloads `rg` from api.github.com. It first
 * looks in os.tmpdir()/vscode-ripgrep-cache-<pkg version>/, so seed that with
 * Debian's rg packed the way the release tarball is.
 */
function seedRipgrepCache(dl, tmp) {
  const rg = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim();
  if (!rg) throw new Error(prerequisitesMessage([{ what: 'rg (ripgrep)', pkg: 'ripgrep' }]));
  sh('npm', ['pack', '-q', `code-server@${CODE_SERVER_VERSION}`], { cwd: dl });
  const shrink = JSON.parse(sh('tar', ['-xzOf', `code-server-${CODE_SERVER_VERSION}.tgz`, 'package/lib/vscode/npm-shrinkwrap.json'], { cwd: dl, maxBuffer: 64 << 20 }));
  const rgVersion = shrink.packages['node_modules/@vscode/ripgrep'].version;
  sh('npm', ['pack', '-q', `@vscode/ripgrep@${rgVersion}`], { cwd: dl });
  const postinstall = sh('tar', ['-xzOf', `vscode-ripgrep-${rgVersion}.tgz`, 'package/lib/postinstall.js'], { cwd: dl });
  const tag = /^const VERSION = '(.*)';/m.exec(postinstall)?.[1];
  if (!tag) throw new Error('could not read the ripgrep tag from @vscode/ripgrep');
  const target = process.arch === 'arm64' ? 'aarch64-unknown-linux-musl' : 'x86_64-unknown-linux-musl';
  const cache = join(tmp, `vscode-ripgrep-cache-${rgVersion}`);
  mkdirSync(join(dl, 'rg'), { recursive: true });
  mkdirSync(cache, { recursive: true });
  cpSync(rg, join(dl, 'rg', 'rg'));
  sh('tar', ['-czf', join(cache, `ripgrep-${tag}-${target}.tar.gz`), '-C', join(dl, 'rg'), 'rg']);
}

/** True when the cache already holds the right code-server (nothing to build). */
export function codeServerInstalled(cacheDir = CACHE_DIR) {
  return installedVersion(codeServerBin(cacheDir)) === CODE_SERVER_VERSION;
}

const onPath = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).stdout.trim() !== '';

/**
 * What building code-server's native modules needs, as [what is missing, the
 * Debian package that provides it]. Checked before anything is downloaded, so
 * a missing package costs seconds, not a node-gyp error after 90.
 */
export function missingPrerequisites() {
  const checks = [
    ['rg (ripgrep, for search in VS Code)', 'ripgrep', () => onPath('rg')],
    ['gssapi/gssapi.h (Kerberos headers, for the kerberos module)', 'libkrb5-dev',
      () => ['/usr/include/gssapi/gssapi.h', '/usr/local/include/gssapi/gssapi.h'].some((f) => existsSync(f))],
    ['make and g++ (to compile native modules)', 'build-essential', () => onPath('make') && onPath('g++')],
    ['pkg-config', 'pkg-config', () => onPath('pkg-config')],
    ['python3 (for node-gyp)', 'python3', () => onPath('python3')],
  ];
  return checks.filter(([, , ok]) => !ok()).map(([what, pkg]) => ({ what, pkg }));
}

/** One message naming everything missing and the exact command that installs it. */
export function prerequisitesMessage(missing) {
  const sudo = typeof process.getuid === 'function' && process.getuid() !== 0 ? 'sudo ' : '';
  return [
    `VS Code for the browser (code-server ${CODE_SERVER_VERSION}) is built on this machine once, and that needs:`,
    ...missing.map((m) => `  - ${m.what}`),
    'Install them with (Debian/Ubuntu):',
    '',
    `  ${sudo}apt-get install -y ${missing.map((m) => m.pkg).join(' ')}`,
    '',
    'then run the command again.',
  ].join('\n');
}

/** Installs code-server into the cache unless the right version is already there; returns its binary. */
export function ensureCodeServer(cacheDir = CACHE_DIR) {
  const bin = codeServerBin(cacheDir);
  if (installedVersion(bin) === CODE_SERVER_VERSION) return bin;
  const missing = missingPrerequisites();
  if (missing.length) throw new Error(prerequisitesMessage(missing));
  const started = Date.now();
  log(`installing code-server@${CODE_SERVER_VERSION} into ${cacheDir} (about a minute, once)`);
  const install = join(cacheDir, 'install');
  const dl = join(cacheDir, 'dl');
  const tmp = join(cacheDir, 'tmp');
  rmSync(install, { recursive: true, force: true });
  for (const d of [install, dl, tmp]) mkdirSync(d, { recursive: true });
  seedRipgrepCache(dl, tmp);
  writeFileSync(join(install, 'package.json'), '{"name":"code-server-host","private":true}\n');
  const env = { ...isolatedEnv(cacheDir), TMPDIR: tmp };
  env.npm_config_yes = 'true'; // node-pty's postinstall runs `npx node-gyp`
  env.npm_config_unsafe_perm = 'true'; // code-server's postinstall refuses root without it
  env.npm_config_audit = 'false';
  env.npm_config_fund = 'false';
  env.npm_config_update_notifier = 'false';
  // node-gyp must find Node's headers locally instead of downloading them.
  const prefix = resolve(dirname(process.execPath), '..');
  if (existsSync(join(prefix, 'include', 'node', 'node_api.h'))) env.npm_config_nodedir = prefix;
  const logFile = join(cacheDir, 'install.log');
  const r = spawnSync('npm', ['install', '--unsafe-perm', '--foreground-scripts', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: install, env, encoding: 'utf8', maxBuffer: 256 << 20,
  });
  writeFileSync(logFile, `${r.stdout}\n${r.stderr}`);
  if (r.status !== 0 || installedVersion(bin) !== CODE_SERVER_VERSION) {
    throw new Error(`code-server install failed; log: ${logFile}\n${(r.stderr || '').slice(-3000)}`);
  }
  log(`installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return bin;
}

export function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

/** Settings that make a fresh profile quiet and offline. */
export function writeUserSettings(userDataDir, extra = {}) {
  const dir = join(userDataDir, 'User');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    'workbench.enableExperiments': false,
    ...extra,
  }, null, 2));
}

export function installExtension(bin, { userDataDir, extensionsDir, vsix, cacheDir = CACHE_DIR }) {
  sh(bin, ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix, '--force'], { env: isolatedEnv(cacheDir) });
}

/**
 * Starts code-server in its own process group (so stop() takes its children:
 * the extension host and our language server) and resolves once /healthz answers.
 */
export async function startCodeServer(bin, { port, userDataDir, extensionsDir, folder, logFile, cacheDir = CACHE_DIR, extraArgs = [] }) {
  const configFile = join(cacheDir, 'config.yaml');
  writeFileSync(configFile, 'auth: none\ncert: false\n');
  const out = createWriteStream(logFile);
  const child = spawn(bin, [
    '--config', configFile, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir,
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    ...extraArgs, folder,
  ], { env: isolatedEnv(cacheDir), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  let exited = false;
  child.on('exit', () => { exited = true; });
  const stop = () => {
    if (exited || child.pid === undefined) return;
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (exited) break;
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.status) return { url, port, child, stop };
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  stop();
  throw new Error(`code-server did not come up; log:\n${existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-3000) : '(none)'}`);
}

// `node scripts/e2e/code-server.mjs` only installs (CI warms the cache this way).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    console.log(ensureCodeServer());
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
