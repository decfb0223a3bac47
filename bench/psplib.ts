// The leveller on PSPLIB (Kolisch & Sprecher 1997): each single-mode RCPSP
// instance becomes a program file as ../shared/data/psplib/README.md maps it
// (one pool per resource with its units, one task per non-dummy job with its
// duration, `needs` and predecessors, a seven-day calendar, levelling on),
// goes through the same loader and scheduler as any program, and the schedule
// is checked (precedence, units per day) and compared with the best-known
// bounds. The instances are read from ../shared, never copied here.
// The acceptance sets (J30 with its optima, J120 with its best-known upper
// bounds) are not in ../shared: put them in a folder with `j30/` and `j120/`
// beside each other (each its `.sm` files and a bounds.csv as j60's) and name
// it in PSPLIB_EXTRA; `npm run bench` then measures them too.
// Run: node --import tsx bench/psplib.ts [limit] [folder]   (folder: a set, default J60)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { formatDate } from '../server/src/program/dates.js';
import { memoryHost } from '../server/src/program/host.js';
import { loadProgram } from '../server/src/program/load.js';
import { scheduleProgram } from '../server/src/program/schedule.js';

export interface SmInstance {
  /** Jobs 1..N (index 0 = job 1, the dummy source; the last is the dummy sink). */
  readonly jobs: { duration: number; requests: number[]; successors: number[] }[];
  readonly capacity: number[];
}

/** Parses the PSPLIB `.sm` format (single mode, renewable resources). */
export function parseSm(text: string): SmInstance {
  const lines = text.split(/\r?\n/);
  const at = (title: string): number => lines.findIndex((l) => l.startsWith(title));
  const numbers = (l: string): number[] => l.trim().split(/\s+/).filter((x) => x !== '').map(Number);
  const jobs: SmInstance['jobs'] = [];
  for (let i = at('PRECEDENCE RELATIONS:') + 2; i < lines.length && !(lines[i] ?? '').startsWith('*'); i++) {
    const n = numbers(lines[i] as string);
    if (n.length < 3) continue;
    jobs[(n[0] as number) - 1] = { duration: 0, requests: [], successors: n.slice(3).map((j) => j - 1) };
  }
  for (let i = at('REQUESTS/DURATIONS:') + 3; i < lines.length && !(lines[i] ?? '').startsWith('*'); i++) {
    const n = numbers(lines[i] as string);
    if (n.length < 3) continue;
    const job = jobs[(n[0] as number) - 1];
    if (job) { job.duration = n[2] as number; job.requests = n.slice(3); }
  }
  const capacity = numbers(lines[at('RESOURCEAVAILABILITIES:') + 2] as string);
  return { jobs, capacity };
}

/** The instance as a program file (README's mapping). */
export function smToProgram(inst: SmInstance, id: string): string {
  const last = inst.jobs.length - 1;
  const preds: number[][] = inst.jobs.map(() => []);
  inst.jobs.forEach((j, i) => { for (const s of j.successors) preds[s]?.push(i); });
  const out = [
    'version: 1',
    `program: { id: ${id}, name: PSPLIB ${id}, start: 2026-01-05 }`,
    'calendar: { workdays: [mon, tue, wed, thu, fri, sat, sun] }',
    'scheduling: { levelling: true }',
    'pools:',
    ...inst.capacity.map((u, r) => `  - { id: r${r + 1}, name: R${r + 1}, units: ${u} }`),
    'workstreams:',
    '  - id: jobs',
    '    name: Jobs',
    '    tasks:',
  ];
  for (let i = 1; i < last; i++) {
    const j = inst.jobs[i] as SmInstance['jobs'][number];
    const needs = j.requests.map((u, r) => (u > 0 ? `r${r + 1}: ${u}` : '')).filter((x) => x !== '');
    const deps = (preds[i] ?? []).filter((p) => p !== 0).map((p) => `j${p + 1}`);
    out.push(`      - { id: j${i + 1}, name: Job ${i + 1}, duration: ${Math.max(1, j.duration)}d`
      + `${needs.length > 0 ? `, needs: { ${needs.join(', ')} }` : ''}${deps.length > 0 ? `, depends_on: [${deps.join(', ')}]` : ''} }`);
  }
  return `${out.join('\n')}\n`;
}

export interface PsplibRun {
  readonly name: string;
  readonly makespan: number;
  readonly feasible: boolean;
  readonly problem?: string;
  readonly ms: number;
}

const programId = (name: string): string => name.replace(/\.sm$/, '').replace(/[^A-Za-z0-9_.-]/g, '-');

/** Schedules one instance through the loader and the scheduler, and checks the result. */
export function runInstance(name: string, text: string): PsplibRun {
  const inst = parseSm(text);
  const yaml = smToProgram(inst, programId(name));
  const uri = `file:///psplib/${name}.program.yaml`;
  // CPU time of this thread (the machine is shared: wall time would measure the neighbours).
  const c0 = process.cpuUsage();
  const model = loadProgram(uri, memoryHost({ [uri]: yaml }));
  const schedule = scheduleProgram(model);
  const used = process.cpuUsage(c0);
  const ms = (used.user + used.system) / 1000;
  const start = model.program?.start as number;
  const s: number[] = [];
  const e: number[] = [];
  let problem: string | undefined;
  const last = inst.jobs.length - 1;
  for (let i = 1; i < last; i++) {
    const it = schedule.items.get(`j${i + 1}`);
    if (!it || it.start === null || it.end === null) { problem = `j${i + 1} has no dates`; break; }
    s[i] = it.start - start;
    e[i] = it.end - start + 1; // exclusive
    if (it.end - it.start + 1 !== Math.max(1, (inst.jobs[i] as SmInstance['jobs'][number]).duration)) problem ??= `j${i + 1} is split or stretched`;
  }
  let makespan = 0;
  if (!problem) {
    for (let i = 1; i < last; i++) {
      makespan = Math.max(makespan, e[i] as number);
      for (const k of inst.jobs[i]?.successors ?? []) if (k !== last && (s[k] as number) < (e[i] as number)) problem ??= `j${k + 1} starts before j${i + 1} ends`;
    }
    const use = inst.capacity.map(() => new Array<number>(makespan + 1).fill(0));
    for (let i = 1; i < last; i++) {
      const req = inst.jobs[i]?.requests ?? [];
      for (let t = s[i] as number; t < (e[i] as number); t++) {
        req.forEach((u, r) => {
          const row = use[r] as number[];
          row[t] = (row[t] as number) + u;
          if ((row[t] as number) > (inst.capacity[r] as number)) problem ??= `R${r + 1} over its ${inst.capacity[r]} units on day ${t}`;
        });
      }
    }
  }
  return { name, makespan, feasible: problem === undefined, ...(problem !== undefined && { problem }), ms };
}

export interface PsplibFigures {
  /** The set's name from its folder (J30, J60, J120). */
  readonly set: string;
  readonly instances: number;
  readonly feasible: number;
  /** Mean of (makespan - upper bound) / upper bound, in percent. */
  readonly meanGapPct: number;
  /** Share of instances at the upper bound (optimal or best known), percent. */
  readonly atBoundPct: number;
  readonly meanMs: number;
  readonly maxMs: number;
  /** The slowest instance. */
  readonly slowest: string;
}

export const PSPLIB_DIR = resolve(__dirname, '..', '..', 'shared', 'data', 'psplib', 'j60');

/** The folder holding the acceptance sets (`j30/`, `j120/`), from PSPLIB_EXTRA; undefined when not set. */
export function extraSetsDir(): string | undefined {
  const dir = process.env.PSPLIB_EXTRA;
  return dir !== undefined && dir !== '' ? resolve(dir) : undefined;
}

/** The set's name: its folder's name in capitals (j30 → J30). */
export function setName(dir: string): string {
  return basename(resolve(dir)).toUpperCase();
}

function readBounds(dir: string): Map<string, number> {
  if (!existsSync(join(dir, 'bounds.csv'))) throw new Error(`no PSPLIB instances in ${dir} (no bounds.csv)`);
  const bounds = new Map<string, number>();
  for (const line of readFileSync(join(dir, 'bounds.csv'), 'utf8').split(/\r?\n/).slice(1)) {
    const [file, value] = line.split(',');
    if (!file || !value) continue;
    const upper = Number(value.includes('..') ? value.split('..')[1] : value);
    bounds.set(file, upper);
  }
  return bounds;
}

function instanceFiles(dir: string, bounds: ReadonlyMap<string, number>, limit: number): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.sm') && bounds.has(f)).sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).slice(0, limit);
}

export function benchPsplib(limit = Infinity, dir = PSPLIB_DIR, log: (s: string) => void = console.log): PsplibFigures {
  const bounds = readBounds(dir);
  const files = instanceFiles(dir, bounds, limit);
  // The set's last instance first, not counted: the times are of a warm
  // process (as the language server is after its first schedule), not of
  // compiling the code. (The last: the leveller remembers its latest answers.)
  const warm = instanceFiles(dir, bounds, Infinity).at(-1);
  if (warm !== undefined) runInstance(warm, readFileSync(join(dir, warm), 'utf8'));
  let feasible = 0;
  let slowest = '';
  let gap = 0;
  let atBound = 0;
  let total = 0;
  let maxMs = 0;
  for (const f of files) {
    const r = runInstance(f, readFileSync(join(dir, f), 'utf8'));
    const ub = bounds.get(f) as number;
    if (r.feasible) feasible++;
    else log(`  ${f}: INFEASIBLE: ${r.problem}`);
    gap += (r.makespan - ub) / ub;
    if (r.makespan <= ub) atBound++;
    total += r.ms;
    if (r.ms > maxMs) { maxMs = r.ms; slowest = f; }
  }
  const n = files.length;
  return { set: setName(dir), instances: n, feasible, meanGapPct: (100 * gap) / n, atBoundPct: (100 * atBound) / n, meanMs: total / n, maxMs, slowest };
}

export interface CliCheck {
  readonly instances: number;
  /** Instances whose schedule through the built CLI equals the bench's direct call, task for task. */
  readonly same: number;
}

/**
 * The real path: the first `count` instances written as program files and
 * scheduled by the built CLI (`schedule --format json`), each task's dates
 * compared with the bench's direct call (the same loader and scheduler in
 * this process). A difference would mean the bench does not measure what
 * users get.
 */
export function checkCliPath(count: number, dir = PSPLIB_DIR, log: (s: string) => void = console.log): CliCheck {
  const cli = resolve(__dirname, '..', 'dist', 'cli.js');
  if (!existsSync(cli)) throw new Error(`no built CLI at ${cli} (npm run build)`);
  const files = instanceFiles(dir, readBounds(dir), count);
  const tmp = mkdtempSync(join(tmpdir(), 'pac-psplib-'));
  let same = 0;
  try {
    for (const f of files) {
      const text = readFileSync(join(dir, f), 'utf8');
      const id = programId(f);
      const file = join(tmp, `${id}.program.yaml`);
      writeFileSync(file, smToProgram(parseSm(text), id));
      const r = spawnSync(process.execPath, [cli, 'schedule', file, '--format', 'json'], { encoding: 'utf8', timeout: 60_000 });
      const items = r.status === 0 ? (JSON.parse(r.stdout) as { items: { id: string; start: string | null; end: string | null }[] }).items : [];
      const uri = `file:///psplib/${f}.program.yaml`;
      const direct = scheduleProgram(loadProgram(uri, memoryHost({ [uri]: smToProgram(parseSm(text), id) })));
      const iso = (d: number | null | undefined): string | null => (d === null || d === undefined ? null : formatDate(d));
      const differs = items.length === 0 || items.some((it) => {
        const d = direct.items.get(it.id);
        return !d || iso(d.start) !== it.start || iso(d.end) !== it.end;
      });
      if (differs) log(`  ${f}: the CLI's schedule differs from the direct call${r.status !== 0 ? ` (exit ${r.status}: ${r.stderr.slice(0, 200)})` : ''}`);
      else same++;
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return { instances: files.length, same };
}

export function describePsplib(f: PsplibFigures): string {
  return `PSPLIB ${f.set}: ${f.instances} instances, ${f.feasible} feasible, mean gap ${f.meanGapPct.toFixed(2)}% to the best-known upper bound, `
    + `${f.atBoundPct.toFixed(1)}% at the bound, ${f.meanMs.toFixed(1)} ms per instance (max ${f.maxMs.toFixed(0)} ms, ${f.slowest})`;
}

if (require.main === module) {
  const limit = process.argv[2] ? Number(process.argv[2]) : Infinity;
  console.log(describePsplib(benchPsplib(limit, process.argv[3] ?? PSPLIB_DIR)));
}
