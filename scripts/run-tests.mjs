// Runs every node:test file under test/ (unit, cli, lsp, …) in one `node --test`
// run, so CI reads a single pass/fail summary. Node 20 has no --test glob, so we
// list the files here. Pass folder names to run a subset: `npm run test:unit -- unit`.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const roots = process.argv.slice(2).length ? process.argv.slice(2).map((d) => join('test', d)) : ['test'];
const skip = new Set(['fixtures', 'e2e', 'webview-app']);
const files = [];
function walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) { if (!skip.has(name)) walk(p); }
    else if (name.endsWith('.test.ts')) files.push(p);
  }
}
roots.forEach(walk);
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
