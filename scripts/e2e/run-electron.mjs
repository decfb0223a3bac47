// `npm run test:e2e:electron`: the same in-extension-host suite under desktop
// VS Code through @vscode/test-electron, for machines that can download VS
// Code (it fetches the build from update.code.visualstudio.com; offline, use
// `npm run test:e2e`). Runs against engines.vscode's minimum and stable, like
// rust-analyzer, unless PAC_E2E_VSCODE names one version.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { buildSuite } from './build-suite.mjs';
import { REPO_ROOT } from './code-server.mjs';
import { createRunDirs } from './workspace.mjs';

const versions = process.env.PAC_E2E_VSCODE ? [process.env.PAC_E2E_VSCODE] : ['1.100.3', 'stable'];

const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' });
if (build.status !== 0) process.exit(1);
const extensionTestsPath = await buildSuite();

let failed = 0;
for (const version of versions) {
  const dirs = createRunDirs();
  console.log(`[e2e:electron] VS Code ${version}`);
  try {
    await runTests({
      version,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath,
      launchArgs: [dirs.workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes',
        '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions],
      cachePath: join(REPO_ROOT, '.cache', 'vscode-test'),
    });
  } catch (e) {
    failed++;
    console.error(`[e2e:electron] VS Code ${version}: ${e instanceof Error ? e.message : e}`);
  } finally {
    rmSync(dirs.root, { recursive: true, force: true });
  }
}
console.log(`${versions.length - failed} passed, ${failed} failed (VS Code versions)`);
process.exit(failed ? 1 : 0);
