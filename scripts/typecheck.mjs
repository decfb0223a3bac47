// Type-checks the whole tree, then each part under its own globals (ARCHITECTURE.md):
// the core and the view layer without DOM or Node, the webview with the DOM only,
// the client with Node and `vscode`, the server with Node. A part that uses a
// global it may not (say `process` in the core) fails here even though the
// whole-tree check, which must see every global at once, passes.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const projects = ['.', 'server/src/program', 'server/src/view', 'media', 'client', 'server'];
let failed = 0;
for (const project of projects) {
  if (!existsSync(`${project}/tsconfig.json`)) continue;
  const started = Date.now();
  const r = spawnSync(process.execPath, [tsc, '-p', project, '--noEmit'], { stdio: 'inherit' });
  const ok = r.status === 0;
  if (!ok) failed++;
  console.log(`typecheck ${project === '.' ? 'whole tree' : project}: ${ok ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
process.exit(failed ? 1 : 0);
