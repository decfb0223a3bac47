// `validate` on the largest inputs the limits allow (issue 11), run as the
// built CLI in a child process, with its wall time and peak memory (read by
// test/helpers/peak-rss.cjs from process.resourceUsage()):
// - the largest realistic file: a generated program with as many tasks as fit
//   under the node limit (500,000 YAML values per file);
// - the cheapest values: `x-a: [1,1,…]` just under the node limit;
// - a file just over it (5 million values, under the 10 MB size limit), which
//   is refused at the 500,001st value;
// - a file over the size limit (50 MB), which is refused after reading 30 MB at most.
//
// Run alone: node --import tsx bench/limits.ts   (needs `npm run build` first)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { countNodes, DEFAULT_LIMITS } from '../server/src/program/parse.js';
import { generateProgram } from './generate.js';

const ROOT = resolve(__dirname, '..');
const CLI = join(ROOT, 'dist/cli.js');
const PEAK_RSS = join(ROOT, 'test/helpers/peak-rss.cjs');

/** Targets for the largest accepted input (a 2-core CI machine). */
export const LIMIT_TARGETS = { ms: 20_000, peakMb: 1500 } as const;

export interface LimitFigure {
  input: string;
  chars: number;
  nodes: number;
  ms: number;
  peakMb: number;
  exitCode: number | null;
  /** The codes of the diagnostics printed (first few). */
  codes: string[];
}

function validate(file: string, cwd: string): { ms: number; peakMb: number; exitCode: number | null; codes: string[] } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--require', PEAK_RSS, CLI, 'validate', file, '--format', 'json'], {
    cwd, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024, timeout: 600_000,
  });
  const ms = performance.now() - t0;
  const m = /PEAK_RSS_KB=(\d+)/.exec(r.stderr);
  let codes: string[] = [];
  try {
    const json = JSON.parse(r.stdout) as { diagnostics: { code: string }[] };
    codes = [...new Set(json.diagnostics.map((d) => d.code))].slice(0, 5);
  } catch {
    codes = [r.stderr.split('\n')[0] ?? ''];
  }
  return { ms, peakMb: m ? Number(m[1]) / 1024 : NaN, exitCode: r.status, codes };
}

/** The generated program with the most tasks whose file stays under the node limit. */
function largestGenerated(): { text: string; tasks: number; nodes: number } {
  let tasks = 19_000;
  for (;;) {
    const text = generateProgram({ tasks, seed: 3 }).root;
    const nodes = countNodes(text, DEFAULT_LIMITS.maxNodes + 1);
    if (nodes <= DEFAULT_LIMITS.maxNodes) return { text, tasks, nodes };
    tasks = Math.floor(tasks * 0.97);
  }
}

export function benchLimits(): LimitFigure[] {
  const dir = mkdtempSync(join(tmpdir(), 'pac-limits-'));
  const out: LimitFigure[] = [];
  const measure = (input: string, name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    const nodes = countNodes(text, DEFAULT_LIMITS.maxNodes + 1);
    const r = validate(name, dir);
    const f: LimitFigure = { input, chars: text.length, nodes, ...r };
    console.log(`limits ${input}: ${(f.chars / 1024 / 1024).toFixed(1)} MB, ${f.nodes.toLocaleString('en-US')} values, ${(f.ms / 1000).toFixed(1)} s, peak ${f.peakMb.toFixed(0)} MB, exit ${f.exitCode} ${f.codes.join(' ')}`);
    out.push(f);
  };
  try {
    const big = largestGenerated();
    measure(`largest generated program (${big.tasks.toLocaleString('en-US')} tasks)`, 'tasks.program.yaml', big.text);
    const head = 'version: 1\nprogram: { id: p, name: P, start: 2026-01-05 }\nx-a: [';
    const n = DEFAULT_LIMITS.maxNodes - countNodes(`${head}]\n`, DEFAULT_LIMITS.maxNodes) - 1;
    measure('x-a: [1,1,…] just under the node limit', 'flow.program.yaml', `${head}${'1,'.repeat(n)}1]\n`);
    measure('5 million values (over the node limit)', 'over.program.yaml', `x-a: [${'1,'.repeat(5_000_000)}1]\n`);
    measure('50 MB (over the size limit)', 'huge.program.yaml', `# ${'x'.repeat(50 * 1024 * 1024)}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

if (require.main === module) benchLimits();
