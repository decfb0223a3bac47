// Bundles the in-extension-host mocha suite (test/e2e/) to out/e2e/ for both
// runners. `vscode` is provided by the host; mocha is loaded from node_modules
// (the bundle stays inside the repo, so require('mocha') resolves).
import * as esbuild from 'esbuild';
import { join } from 'node:path';
import { REPO_ROOT } from './code-server.mjs';

export const SUITE_DIR = join(REPO_ROOT, 'out', 'e2e');
export const SUITE_ENTRY = join(SUITE_DIR, 'index.js');

export async function buildSuite() {
  await esbuild.build({
    absWorkingDir: REPO_ROOT,
    entryPoints: { index: 'test/e2e/index.ts', 'extension.test': 'test/e2e/extension.test.ts', 'preview-tabs.test': 'test/e2e/preview-tabs.test.ts' },
    outdir: SUITE_DIR,
    bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: 'inline',
    external: ['vscode', 'mocha'], logLevel: 'warning',
  });
  return SUITE_ENTRY;
}
