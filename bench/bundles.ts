// Bundle sizes (issue 12): the webview (dist/media/preview.js) and the
// extension (dist/extension.js), built here as `npm run package` ships them
// (minified), with the bytes each takes from `yaml` and from the core
// (server/src/program/). Before the view layer left the core the webview was
// 90 KB of which yaml 33.5 KB, and the extension carried 115 KB from yaml
// (the figures of issue 12); the target is no yaml in either.
// Run: node --import tsx bench/bundles.ts
import { resolve } from 'node:path';
import * as esbuild from 'esbuild';

export interface BundleFigures {
  readonly bundle: 'preview.js' | 'extension.js';
  readonly bytes: number;
  /** yaml's modules in the bundle, and their bytes in it. */
  readonly yamlInputs: number;
  readonly yamlBytes: number;
  readonly coreBytes: number;
  readonly cpuMs: number;
}

const REPO = resolve(__dirname, '..');

async function measure(bundle: BundleFigures['bundle'], entry: string, platform: 'browser' | 'node'): Promise<BundleFigures> {
  const cpu0 = process.cpuUsage();
  const result = await esbuild.build({
    absWorkingDir: REPO, entryPoints: [entry], bundle: true, platform, minify: true, write: false, metafile: true, logLevel: 'silent',
    outfile: `dist/${bundle}`, ...(platform === 'browser' ? { format: 'iife', target: 'es2022' } : { format: 'cjs', target: 'node20', external: ['vscode'] }),
  });
  const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint !== undefined);
  if (!output) throw new Error(`esbuild wrote no ${bundle}`);
  let yamlInputs = 0;
  let yamlBytes = 0;
  let coreBytes = 0;
  for (const [path, input] of Object.entries(output.inputs)) {
    if (/(^|\/)node_modules\/yaml\//.test(path)) { yamlInputs++; yamlBytes += input.bytesInOutput; }
    if (path.startsWith('server/src/program/')) coreBytes += input.bytesInOutput;
  }
  const cpu = process.cpuUsage(cpu0);
  return { bundle, bytes: output.bytes, yamlInputs, yamlBytes, coreBytes, cpuMs: (cpu.user + cpu.system) / 1000 };
}

export async function benchBundles(): Promise<BundleFigures[]> {
  const figures = [await measure('preview.js', 'media/src/main.ts', 'browser'), await measure('extension.js', 'client/src/extension.ts', 'node')];
  for (const f of figures) {
    console.log(`${f.bundle}: ${(f.bytes / 1024).toFixed(1)} KB, yaml ${f.yamlInputs} modules / ${f.yamlBytes} B, core ${f.coreBytes} B (esbuild CPU ${f.cpuMs.toFixed(0)} ms)`);
  }
  return figures;
}

if (require.main === module) void benchBundles();
