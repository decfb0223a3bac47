// Baseline and report benchmark: a generated 10,000-task program in a real git
// repository whose history is 1,000 commits deep (made in one `git fast-import`
// run: the first commit holds the whole program, each later one lengthens one
// task in one fragment). First `diff` against the first commit (HEAD~999) and
// `report` of the program as users run them, which the targets judge: a cold
// `node dist/cli.js diff|report` process each (start-up, bundle load, git,
// both programs), the median of COLD_RUNS runs, since one run on a shared
// machine can be 30% off. Then the same in-process, for the figures beside.
// Run: npm run build && node --import tsx bench/baseline.ts
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runDiff } from '../server/src/cli/diff-command.js';
import { runReport } from '../server/src/cli/report-command.js';
import { parseWithYaml } from '../server/src/program/parse.js';
import { fastParseDocument } from '../server/src/program/yaml-fast.js';
import { generateProgram, writeProgram } from './generate.js';

export interface BaselineFigures {
  readonly tasks: number;
  readonly commits: number;
  readonly setupMs: number;
  readonly diffMs: number;
  /** CPU time of this process for the same step (git's own processes not counted): the figure on a busy machine. */
  readonly diffCpuMs: number;
  readonly reportCpuMs: number;
  readonly diffChangedItems: number;
  readonly reportMs: number;
  readonly reportHtmlMs: number;
  readonly reportWithBaselineMs: number;
  /** The commands as users run them, each a cold process (dist/cli.js): median of COLD_RUNS runs, wall, and CPU of all its threads. */
  readonly diffCommandMs: number;
  /** Fastest and slowest of those runs (the machine is shared: the spread says how much). */
  readonly diffCommandRange: [number, number];
  readonly reportCommandRange: [number, number];
  /** Parsing the program's fragments (2 MB of YAML), in process, best of 5: the fast path, and yaml's own parser. */
  readonly parseFastMs: number;
  readonly parseYamlMs: number;
  readonly diffCommandCpuMs: number;
  readonly reportCommandMs: number;
  readonly reportCommandCpuMs: number;
}

const CLI = join(__dirname, '../dist/cli.js');

/** How many cold processes each command row takes the median of. */
export const COLD_RUNS = 5;

/**
 * The command as users run it, COLD_RUNS times: the median wall time, the
 * fastest and slowest, and one run's output; then once more with the CPU
 * probe preloaded for the CPU figure (the probe's `--import` starts Node's
 * ESM loader, about 80 ms the command itself never spends, so it is kept out
 * of the wall times).
 */
function timeCommandMedian(args: string[], cwd: string): { ms: number; cpuMs: number; stdout: string; range: [number, number] } {
  const runs = Array.from({ length: COLD_RUNS }, () => timeCommand(args, cwd, false)).sort((a, b) => a.ms - b.ms);
  const mid = runs[Math.floor(runs.length / 2)] as ReturnType<typeof timeCommand>;
  const { cpuMs } = timeCommand(args, cwd, true);
  return { ...mid, cpuMs, range: [(runs[0] as { ms: number }).ms, (runs[runs.length - 1] as { ms: number }).ms] };
}

/** Best of five parses of `texts`, in ms. */
function bestParse(texts: readonly string[], parse: (text: string) => unknown): number {
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < 5; r++) {
    const t = performance.now();
    for (const text of texts) parse(text);
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

/** One cold command: its wall time, and its CPU time as the process itself counts it (bench/cpu-at-exit.mjs). */
function timeCommand(args: string[], cwd: string, probe: boolean): { ms: number; cpuMs: number; stdout: string } {
  const cpuFile = join(cwd, '.bench-cpu');
  const pre = probe ? ['--import', pathToFileURL(join(__dirname, 'cpu-at-exit.mjs')).href] : [];
  const t = performance.now();
  const r = spawnSync(process.execPath, [...pre, CLI, ...args], {
    cwd, env: { ...process.env, ...(probe && { PAC_BENCH_CPU_FILE: cpuFile }) }, maxBuffer: 1 << 28, encoding: 'utf8',
  });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed (${String(r.status)}): ${r.stderr}`);
  const cpuMs = probe ? Number(readFileSync(cpuFile, 'utf8')) : Number.NaN;
  rmSync(cpuFile, { force: true });
  return { ms, cpuMs, stdout: r.stdout };
}

const GIT_ENV = {
  ...process.env, GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.com',
  GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.com', GIT_CONFIG_NOSYSTEM: '1',
};

/** One fast-import stream: commit 1 with every file, then one edited fragment per commit. */
function history(files: Record<string, string>, commits: number): { stream: string; final: Record<string, string> } {
  const current = { ...files };
  const fragments = Object.keys(files).filter((p) => p.startsWith('ws/')).sort();
  const out: string[] = [];
  const data = (s: string) => `data ${Buffer.byteLength(s)}\n${s}`;
  const commit = (n: number, changes: [string, string][]) => {
    out.push('commit refs/heads/main', `mark :${n}`, `committer bench <bench@example.com> ${1_700_000_000 + n * 60} +0000`, data(`change ${n}`));
    if (n > 1) out.push(`from :${n - 1}`);
    for (const [path, text] of changes) out.push(`M 100644 inline ${path}`, data(text));
  };
  commit(1, Object.entries(current));
  for (let n = 2; n <= commits; n++) {
    const path = fragments[n % fragments.length] as string;
    const text = current[path] as string;
    // Lengthen the k-th task of that fragment by a day (a real plan change).
    let k = Math.floor(n / fragments.length);
    current[path] = text.replace(/duration: (\d+)d/g, (m, d: string) => (k-- === 0 ? `duration: ${Number(d) + 1}d` : m));
    commit(n, [[path, current[path] as string]]);
  }
  out.push('done', '');
  return { stream: out.join('\n'), final: current };
}

export async function benchBaseline(tasks = 10_000, commits = 1000): Promise<BaselineFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'pac-bench-baseline-'));
  try {
    const t0 = performance.now();
    const program = generateProgram({ tasks, seed: 7, fragments: 20 });
    const files: Record<string, string> = { 'generated.program.yaml': program.root, ...program.fragments };
    const { stream, final } = history(files, commits);
    execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir, env: GIT_ENV });
    execFileSync('git', ['fast-import', '--quiet', '--done'], { cwd: dir, env: GIT_ENV, input: stream, maxBuffer: 1 << 28 });
    execFileSync('git', ['reset', '-q', '--hard', 'main'], { cwd: dir, env: GIT_ENV });
    // The working tree is the last commit: the same text the stream ended with.
    writeProgram(dir, { ...program, root: final['generated.program.yaml'] as string, fragments: Object.fromEntries(Object.entries(final).filter(([p]) => p.startsWith('ws/'))) });
    const setupMs = performance.now() - t0;
    const file = join(dir, 'generated.program.yaml');
    const revision = `HEAD~${commits - 1}`;

    // The cold commands first, while this process is idle: after the in-process runs below its own
    // garbage collector works through their heap in the background and slows the children by 15-20%.
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
    const diffCommand = timeCommandMedian(['diff', revision, file, '--format', 'json'], dir);
    const reportCommand = timeCommandMedian(['report', file], dir);

    const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
    const t1 = performance.now();
    const c1 = cpu();
    const diff = await runDiff({ revision, file, format: 'json', cwd: dir });
    const diffMs = performance.now() - t1;
    const diffCpuMs = cpu() - c1;
    if (diff.exitCode !== 0) throw new Error(`diff failed: ${diff.stderr}`);
    const parsed = JSON.parse(diff.stdout) as { items: { status: string }[] };

    const t2 = performance.now();
    const c2 = cpu();
    const md = await runReport({ file, format: 'markdown', cwd: dir });
    const reportMs = performance.now() - t2;
    const reportCpuMs = cpu() - c2;
    if (md.exitCode !== 0) throw new Error(`report failed: ${md.stderr}`);
    const t3 = performance.now();
    await runReport({ file, format: 'html', cwd: dir });
    const reportHtmlMs = performance.now() - t3;
    const t4 = performance.now();
    await runReport({ file, format: 'markdown', cwd: dir, baseline: revision });
    const reportWithBaselineMs = performance.now() - t4;
    if (diffCommand.stdout !== diff.stdout) throw new Error('the diff command printed something else than runDiff');
    const fragments = Object.entries(final).filter(([p]) => p.startsWith('ws/')).map(([, text]) => text);
    const parseFastMs = bestParse(fragments, (t) => fastParseDocument(t, 64, 1e7));
    const parseYamlMs = bestParse(fragments, (t) => parseWithYaml(t, 64, { maxNodes: 1e7, maxAliases: 1000 }));
    if (reportCommand.stdout !== md.stdout) throw new Error('the report command printed something else than runReport');
    const figures = {
      tasks, commits, setupMs, diffMs, diffCpuMs, reportCpuMs, diffChangedItems: parsed.items.filter((i) => i.status === 'changed').length,
      reportMs, reportHtmlMs, reportWithBaselineMs,
      diffCommandMs: diffCommand.ms, diffCommandCpuMs: diffCommand.cpuMs, reportCommandMs: reportCommand.ms, reportCommandCpuMs: reportCommand.cpuMs,
      diffCommandRange: diffCommand.range, reportCommandRange: reportCommand.range, parseFastMs, parseYamlMs,
    };
    console.log(JSON.stringify(figures, null, 2));
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchBaseline().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
