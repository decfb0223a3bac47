// `npm start`: build, then open the Orion example in a real VS Code with the
// extension loaded. The desktop `code` when it is on PATH (as an extension
// development host); otherwise VS Code in the browser: code-server 4.100.3
// (installed once into .cache/code-server), bound to 127.0.0.1 without auth,
// with the freshly packaged .vsix installed. Runs until Ctrl+C.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  CACHE_DIR, codeServerInstalled, ensureCodeServer, freePort, installExtension, missingPrerequisites, prerequisitesMessage,
  REPO_ROOT, startCodeServer, writeUserSettings,
} from './e2e/code-server.mjs';

const started = Date.now();

const example = join(REPO_ROOT, 'examples', 'orion');
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: REPO_ROOT, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

const hasCode = spawnSync('sh', ['-c', 'command -v code'], { encoding: 'utf8' }).stdout.trim() !== '';
if (hasCode) {
  run(process.execPath, ['scripts/build.mjs']);
  console.log('Opening examples/orion in VS Code (extension development host)…');
  run('code', ['--new-window', `--extensionDevelopmentPath=${REPO_ROOT}`, example, join(example, 'orion.program.yaml')]);
  process.exit(0);
}

// The browser route. Check what building code-server needs before anything
// else, so a missing Debian package is reported in seconds with the line that
// installs it, not as a node-gyp error minutes later.
if (!codeServerInstalled()) {
  const missing = missingPrerequisites();
  if (missing.length) {
    console.error(`\nnpm start: the desktop \`code\` is not on PATH, so it runs VS Code in the browser.\n${prerequisitesMessage(missing)}\n`);
    process.exit(1);
  }
}
// It installs the real package, as a user would.
run(process.execPath, ['scripts/package.mjs']);
const vsix = readdirSync(REPO_ROOT).filter((f) => /^program-as-code-.*\.vsix$/.test(f)).sort().pop();
if (!vsix) throw new Error('npm run package made no .vsix');
let bin;
try {
  bin = ensureCodeServer();
} catch (e) {
  console.error(`\nnpm start: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
}
const profile = join(CACHE_DIR, 'start');
const userDataDir = join(profile, 'user-data');
const extensionsDir = join(profile, 'extensions');
mkdirSync(extensionsDir, { recursive: true });
writeUserSettings(userDataDir, { 'workbench.colorTheme': 'Default Light Modern', 'git.openRepositoryInParentFolders': 'never' });
installExtension(bin, { userDataDir, extensionsDir, vsix: join(REPO_ROOT, vsix) });
const port = Number(process.env.PORT ?? 0) || await freePort();
const server = await startCodeServer(bin, {
  port, userDataDir, extensionsDir, folder: example, logFile: join(profile, 'code-server.log'),
});
console.log(`\nProgram as Code is running in VS Code for the browser (ready in ${((Date.now() - started) / 1000).toFixed(1)} s):\n\n  ${server.url}/?folder=${encodeURIComponent(example)}\n\n`
  + 'Open orion.program.yaml, then "Program: Open Preview to the Side" (Ctrl+K V). Ctrl+C stops the server.');
const stop = () => { server.stop(); process.exit(0); };
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
// Keep running for as long as code-server does.
server.child.on('exit', (code) => process.exit(code ?? 0));
