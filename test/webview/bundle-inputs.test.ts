// What the webview and the extension bundles are made of, from esbuild's
// metafile (issue 12): the webview draws a view model and must not carry the
// core's parser (`yaml`, 33.5 KB of a 90 KB preview.js before the view layer
// moved out of the core) nor any core module but the leaves named below; the
// extension asks the server and carries neither `yaml`, the core nor a view
// writer. The bundles are built here, in memory, from the sources (what goes
// in depends only on the import graph, not on minifying), so a stale dist/
// cannot hide a regression; a probe entry that reaches into the core shows
// the check fails.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import * as esbuild from 'esbuild';

const REPO = resolve(__dirname, '../..');

/**
 * Core modules the webview may carry: leaves that import nothing at run time
 * (dates.ts imports only a type). dates.ts is the one date codec the Gantt
 * layout reads view-model dates with; milestone-state.ts is the one vocabulary
 * of milestone states, which the legend shows (through view/milestone-state.ts).
 */
const CORE_LEAVES = new Set(['server/src/program/dates.ts', 'server/src/program/milestone-state.ts']);

async function inputsOf(entry: string, platform: 'browser' | 'node'): Promise<string[]> {
  const result = await esbuild.build({
    absWorkingDir: REPO, entryPoints: [entry], bundle: true, platform, format: platform === 'browser' ? 'iife' : 'cjs',
    external: ['vscode'], write: false, metafile: true, logLevel: 'silent',
  });
  return Object.keys(result.metafile.inputs);
}

/** What must not be in a bundle: `yaml`, and core modules other than the allowed leaves. */
function forbidden(inputs: readonly string[], coreLeaves: ReadonlySet<string>): string[] {
  return inputs.filter((i) => /(^|\/)node_modules\/yaml\//.test(i) || (i.startsWith('server/src/program/') && !coreLeaves.has(i)));
}

describe('bundle inputs (esbuild metafile)', () => {
  it('the webview bundle holds no yaml and no core module but the date codec and the milestone vocabulary', async () => {
    const inputs = await inputsOf('media/src/main.ts', 'browser');
    assert.ok(inputs.includes('media/src/main.ts') && inputs.includes('server/src/view/gantt-layout.ts'), 'the metafile lists the webview sources');
    assert.deepEqual(forbidden(inputs, CORE_LEAVES), []);
    assert.deepEqual(inputs.filter((i) => i.startsWith('node_modules/')), [], 'the webview bundles no package (mermaid is its own bundle)');
  });

  it('the extension bundle holds no yaml, no core module and no view writer: it asks the server', async () => {
    const inputs = await inputsOf('client/src/extension.ts', 'node');
    assert.ok(inputs.includes('client/src/extension.ts'), 'the metafile lists the client sources');
    assert.deepEqual(forbidden(inputs, new Set()), []);
    // From the server's tree, only the custom requests, the webview protocol
    // (with its per-tab message checks) and the wire form it forwards (decoded
    // for the item under the cursor).
    assert.deepEqual(inputs.filter((i) => i.startsWith('server/')).sort(), [
      'server/src/node-options.ts', 'server/src/protocol.ts', 'server/src/view/forecast-message.ts', 'server/src/view/status-message.ts', 'server/src/view/webview-protocol.ts', 'server/src/view/wire.ts',
    ]);
  });

  it('a webview module that reaches into the core fails the check (probe)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pac-probe-'));
    const probe = join(dir, 'probe.ts');
    const resolveTs = relative(dir, join(REPO, 'server/src/program/resolve.js')).split('\\').join('/');
    writeFileSync(probe, `import { findDefinition } from '${resolveTs}';\nconsole.log(findDefinition);\n`);
    const bad = forbidden(await inputsOf(probe, 'browser'), CORE_LEAVES);
    assert.ok(bad.includes('server/src/program/resolve.ts'), bad.join(', '));
    assert.ok(bad.some((i) => /(^|\/)node_modules\/yaml\//.test(i)), `yaml is reached through the core: ${bad.join(', ')}`);
  });
});
