// Deterministic generator of realistic program files, for benchmarks and fuzzing.
//
// The output is block-style YAML the way a person writes it, and always a valid
// program: every reference resolves, and a task depends only on tasks (or whole
// workstreams) generated before it, so there is no cycle. Milestone targets and
// the status date come from a forward pass over working days, so some milestones
// slip and roughly the first fifth of the work is done or in progress.
//
// CLI: node --import tsx bench/generate.ts --tasks 1000 --out /tmp/gen
//      [--seed 1] [--fragments 4] [--workstream-size 50] [--risks 4] [--files 10]
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { mulberry32 } from './random.js';

export interface GenerateOptions {
  tasks: number;
  seed?: number;
  /** Tasks per workstream; default 50. */
  workstreamSize?: number;
  /** Default 4. */
  risksPer100Tasks?: number;
  /** 0 = one file; k = workstreams split across k files `ws/part-1.program.yaml`… (at most one per workstream). */
  fragments?: number;
  /** Default `gen`. */
  programId?: string;
  programName?: string;
}

export interface GeneratedProgram {
  root: string;
  /** Relative path -> text. */
  fragments: Record<string, string>;
  taskIds: string[];
  milestoneIds: string[];
  personIds: string[];
}

const PROGRAM_START = Date.UTC(2026, 0, 5) / 864e5; // Monday 2026-01-05, as days since the epoch
const MILESTONE_EVERY = 100;
const CROSS_GROUP = 8; // cross-workstream dependencies stay within groups of this many workstreams

const HOLIDAYS: readonly (string | { from: string; to: string; name: string })[] = [
  '2026-05-25',
  { from: '2026-12-24', to: '2027-01-01', name: 'Winter break' },
  '2027-05-31',
  { from: '2027-12-24', to: '2028-01-01', name: 'Winter break' },
];

const AREAS = ['Backend', 'Web', 'Mobile', 'Data', 'Infrastructure', 'Security', 'Payments', 'Search', 'Identity', 'Observability', 'Billing', 'Support tools'];
const VERBS = ['Design', 'Build', 'Implement', 'Test', 'Review', 'Migrate', 'Document', 'Deploy', 'Harden', 'Load-test', 'Refactor', 'Prototype'];
const OBJECTS = ['the ingestion service', 'account settings', 'the billing API', 'search indexing', 'the audit log', 'SSO login', 'the export job', 'rate limiting', 'the admin console', 'notifications', 'the data model', 'backups', 'the mobile onboarding', 'feature flags', 'the reporting pipeline', 'caching'];
const FIRST = ['Alice', 'Bob', 'Chen', 'Dana', 'Eve', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kemi', 'Lena', 'Mateo', 'Nora', 'Omar', 'Priya', 'Quinn', 'Rosa', 'Sven', 'Tara'];
const LAST = ['Chen', 'Silva', 'Okafor', 'Ruiz', 'Martin', 'Weber', 'Tanaka', 'Patel', 'Novak', 'Berg', 'Haddad', 'Keller', 'Lindqvist', 'Mensah', 'Petrova'];
const RISKS = ['Vendor SDK ships late', 'Key engineer leaves', 'Load target not met', 'Data migration corrupts records', 'Security review finds blockers', 'Scope grows after beta feedback', 'Cloud costs exceed plan', 'Dependency on another team slips'];


class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)] as T;
  }
}

function isoDate(day: number): string {
  return new Date(day * 864e5).toISOString().slice(0, 10);
}

/** Working days (Mon-Fri minus HOLIDAYS) by index from the program start, extended on demand. */
class WorkCalendar {
  private readonly dates: string[] = [];
  private readonly holidays = new Set<string>();
  private cursor = PROGRAM_START;
  constructor() {
    for (const h of HOLIDAYS) {
      if (typeof h === 'string') this.holidays.add(h);
      else for (let d = Date.parse(h.from) / 864e5; d <= Date.parse(h.to) / 864e5; d++) this.holidays.add(isoDate(d));
    }
  }
  date(index: number): string {
    while (this.dates.length <= index) {
      const weekday = new Date(this.cursor * 864e5).getUTCDay();
      const iso = isoDate(this.cursor);
      if (weekday !== 0 && weekday !== 6 && !this.holidays.has(iso)) this.dates.push(iso);
      this.cursor++;
    }
    return this.dates[index] as string;
  }
}

interface Person { id: string; name: string; team: string; capacity: number; leave?: [number, number] }
interface Team { id: string; name: string; lead: string; members: string[] }
interface Dep { id: string; type: 'FS' | 'SS' | 'FF'; lag: number }
interface GenTask {
  id: string;
  name: string;
  /** Working days. */
  days: number;
  durationText?: string;
  effortText?: string;
  deps: Dep[];
  assignees: string[];
  noEarlierThan?: number;
  cancelled: boolean;
  start: number;
  end: number;
}
interface GenWorkstream { id: string; name: string; team: Team; tasks: GenTask[] }
interface GenMilestone { id: string; name: string; deps: string[]; forecast: number; target: number; owner: string }

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function generateProgram(opts: GenerateOptions): GeneratedProgram {
  const taskCount = Math.max(0, Math.floor(opts.tasks));
  const seed = opts.seed ?? 1;
  const wsSize = Math.max(1, Math.floor(opts.workstreamSize ?? 50));
  const risksPer100 = opts.risksPer100Tasks ?? 4;
  const programId = opts.programId ?? 'gen';
  const rng = new Rng(seed);
  const cal = new WorkCalendar();
  const taskWidth = Math.max(5, String(taskCount).length);

  // People and teams: about one person per ten tasks, teams of about eight.
  const personCount = Math.max(3, Math.round(taskCount / 10));
  const personWidth = Math.max(4, String(personCount).length);
  const teamCount = Math.max(1, Math.round(personCount / 8));
  const teams: Team[] = [];
  for (let i = 0; i < teamCount; i++) {
    teams.push({ id: `team${pad(i + 1, 2)}`, name: `${AREAS[i % AREAS.length]} team ${i + 1}`, lead: '', members: [] });
  }
  const people: Person[] = [];
  for (let i = 0; i < personCount; i++) {
    const team = teams[i % teamCount] as Team;
    const roll = rng.next();
    const capacity = roll < 0.15 ? 0.5 : roll < 0.22 ? 0.8 : 1;
    const p: Person = { id: `p${pad(i + 1, personWidth)}`, name: `${rng.pick(FIRST)} ${rng.pick(LAST)}`, team: team.id, capacity };
    if (rng.chance(0.1)) {
      const from = rng.int(10, 200);
      p.leave = [from, from + rng.int(0, 9)];
    }
    people.push(p);
    team.members.push(p.id);
    if (!team.lead) team.lead = p.id;
  }
  const capacityOf = new Map(people.map((p) => [p.id, p.capacity]));
  const personIndex = new Map(people.map((p, i) => [p.id, i]));
  const bookings: number[][] = people.map(() => []); // per person: start, end, start, end, …

  // Workstreams and tasks, in generation order, with a forward pass in working-day indices.
  const wsCount = taskCount === 0 ? 0 : Math.ceil(taskCount / wsSize);
  const workstreams: GenWorkstream[] = [];
  const taskIds: string[] = [];
  const taskById = new Map<string, GenTask>();
  let n = 0;
  for (let w = 0; w < wsCount; w++) {
    const team = teams[w % teamCount] as Team;
    const ws: GenWorkstream = { id: `ws${pad(w + 1, 3)}`, name: `${AREAS[w % AREAS.length]} ${w + 1}`, team, tasks: [] };
    const size = Math.min(wsSize, taskCount - n);
    const prevWs = w % CROSS_GROUP === 0 ? undefined : workstreams[w - 1];
    const depWs = w % CROSS_GROUP >= 2 && rng.chance(0.3) ? workstreams[w - 2] : undefined;
    for (let j = 0; j < size; j++) {
      n++;
      const id = `t${pad(n, taskWidth)}`;
      const deps: Dep[] = [];
      const addDep = (depId: string, type: Dep['type'], lag: number): void => {
        if (!deps.some((d) => d.id === depId)) deps.push({ id: depId, type, lag });
      };
      if (j === 0 && depWs) addDep(depWs.id, 'SS', rng.int(5, 15)); // start once that workstream is under way
      if (j > 0) {
        const want = rng.chance(0.6) ? 1 : rng.chance(0.7) ? 2 : 3;
        for (let k = 0; k < want; k++) {
          const back = k === 0 && rng.chance(0.5) ? 1 : rng.int(1, Math.min(j, 8));
          const pred = ws.tasks[j - back] as GenTask;
          const roll = rng.next();
          if (roll < 0.05) addDep(pred.id, 'SS', rng.int(0, 3));
          else if (roll < 0.08) addDep(pred.id, 'FF', rng.int(0, 2));
          else if (roll < 0.12) addDep(pred.id, 'FS', rng.int(1, 3));
          else addDep(pred.id, 'FS', 0);
        }
      }
      if (prevWs && rng.chance(0.1)) {
        // Cross-workstream: an earlier-stage task of the previous workstream.
        const pred = prevWs.tasks[rng.int(0, Math.min(j >> 1, prevWs.tasks.length - 1))] as GenTask;
        addDep(pred.id, 'FS', 0);
      }
      const task: GenTask = { id, name: `${rng.pick(VERBS)} ${rng.pick(OBJECTS)} (${ws.name})`, days: 1, deps, assignees: [], cancelled: false, start: 0, end: 0 };
      let effort = 0;
      if (rng.chance(0.2)) {
        effort = rng.chance(0.2) ? rng.int(2, 20) + 0.5 : rng.int(2, 20);
        task.effortText = `${effort}d`;
        task.days = Math.ceil(effort); // at capacity 1; fixed below once the assignees are known
      } else if (rng.chance(0.12)) {
        const weeks = rng.int(1, 3);
        task.durationText = `${weeks}w`;
        task.days = weeks * 5;
      } else {
        task.days = rng.int(1, 8);
        task.durationText = `${task.days}d`;
      }
      if (j === 0 && rng.chance(0.2)) task.noEarlierThan = rng.int(1, 20);
      // Forward pass (all indices are working days, so next(d, k) is d + k).
      const earliestStart = (): number => {
        let start = task.noEarlierThan ?? 0;
        for (const d of deps) {
          const p = taskById.get(d.id);
          const ps = p ? p.start : wsStart(workstreams, d.id);
          const pe = p ? p.end : wsEnd(workstreams, d.id);
          if (d.type === 'FS') start = Math.max(start, pe + 1 + d.lag);
          else if (d.type === 'SS') start = Math.max(start, ps + d.lag);
          else start = Math.max(start, pe + d.lag - (task.days - 1));
        }
        return start;
      };
      task.start = earliestStart();
      // Staff it like a lead would: someone free then and not on leave, else whoever frees up first.
      const wanted = rng.chance(0.25) ? 2 : 1;
      const pool = rng.chance(0.1) ? people : team.members.map((m) => people[personIndex.get(m) as number] as Person);
      pickAssignees(task, pool, wanted, bookings, personIndex, rng);
      if (task.effortText) {
        const capacity = task.assignees.reduce((sum, a) => sum + (capacityOf.get(a) ?? 1), 0);
        task.days = Math.max(1, Math.ceil(effort / capacity));
        task.start = earliestStart();
      }
      task.end = task.start + task.days - 1;
      for (const a of task.assignees) (bookings[personIndex.get(a) as number] as number[]).push(task.start, task.end);
      ws.tasks.push(task);
      taskIds.push(id);
      taskById.set(id, task);
    }
    workstreams.push(ws);
  }

  // Status date: about a fifth of the tasks have ended by then.
  const ends = Int32Array.from(workstreams.flatMap((ws) => ws.tasks.map((t) => t.end))).sort();
  const statusIndex = ends.length ? Math.max(0, ends[Math.floor(ends.length * 0.2)] as number) : 10;
  for (const ws of workstreams) {
    for (const t of ws.tasks) {
      if (t.start > statusIndex && rng.chance(0.005)) {
        t.cancelled = true;
        t.end = t.start - 1; // takes no time; only matters for milestone targets below
      }
    }
  }
  // Successors of a cancelled task may move earlier; targets below are only "realistic", not exact.

  // Milestones every ~100 tasks, on the last tasks of the workstreams that ended in that stretch.
  const milestoneCount = taskCount === 0 ? 0 : Math.max(1, Math.round(taskCount / MILESTONE_EVERY));
  const milestones: GenMilestone[] = [];
  let wsCursor = 0;
  for (let m = 0; m < milestoneCount; m++) {
    const boundary = Math.round(((m + 1) * taskCount) / milestoneCount); // tasks 1..boundary are before it
    const deps: string[] = [];
    while (wsCursor < workstreams.length) {
      const ws = workstreams[wsCursor] as GenWorkstream;
      const last = ws.tasks[ws.tasks.length - 1] as GenTask;
      if (Number(last.id.slice(1)) > boundary) break;
      deps.push(rng.chance(0.3) ? ws.id : last.id);
      wsCursor++;
    }
    if (deps.length === 0) deps.push(taskIds[boundary - 1] as string);
    if (m > 0 && rng.chance(0.3)) deps.push((milestones[m - 1] as GenMilestone).id);
    let forecast = 0;
    for (const d of deps) {
      const t = taskById.get(d);
      const prevMs = milestones.find((x) => x.id === d);
      forecast = Math.max(forecast, t ? t.end : prevMs ? prevMs.forecast : wsEnd(workstreams, d));
    }
    milestones.push({
      id: `m${pad(m + 1, 3)}`,
      name: m === milestoneCount - 1 ? 'General availability' : `Release ${m + 1}`,
      deps,
      forecast,
      target: Math.max(0, forecast + rng.int(-4, 12)),
      owner: (teams[m % teamCount] as Team).lead,
    });
  }

  // ---- Render ----
  const fragCount = Math.min(Math.max(0, Math.floor(opts.fragments ?? 0)), workstreams.length);
  const out: string[] = [];
  out.push(`# Generated by bench/generate.ts: ${taskCount} tasks, seed ${seed}. Do not edit by hand.`);
  out.push('version: 1', 'program:', `  id: ${programId}`, `  name: ${opts.programName ?? `Generated program ${programId}`}`);
  out.push('  start: 2026-01-05', `  owner: ${(people[0] as Person).id}`, `  status_date: ${cal.date(statusIndex)}`);
  out.push('  description: Synthetic program for benchmarks and fuzzing.', '  objectives:', '    - Ship every workstream', '    - Keep the budget within plan');
  out.push('calendar:', '  workdays:');
  for (const d of ['mon', 'tue', 'wed', 'thu', 'fri']) out.push(`    - ${d}`);
  out.push('  holidays:');
  for (const h of HOLIDAYS) {
    if (typeof h === 'string') out.push(`    - ${h}`);
    else out.push(`    - from: ${h.from}`, `      to: ${h.to}`, `      name: ${h.name}`);
  }
  if (fragCount > 0) out.push('include:', '  - ws/*.program.yaml');

  out.push('people:');
  for (const p of people) {
    out.push(`  - id: ${p.id}`, `    name: ${p.name}`, `    team: ${p.team}`);
    if (p.capacity !== 1) out.push(`    capacity: ${p.capacity}`);
    if (p.leave) out.push('    leave:', `      - from: ${cal.date(p.leave[0])}`, `        to: ${cal.date(p.leave[1])}`);
  }
  out.push('teams:');
  for (const t of teams) out.push(`  - id: ${t.id}`, `    name: ${t.name}`, `    lead: ${t.lead}`);

  const fragments: Record<string, string> = {};
  if (fragCount === 0) {
    if (workstreams.length) out.push('workstreams:');
    for (const ws of workstreams) renderWorkstream(out, ws, cal, statusIndex, rng);
  } else {
    for (let f = 0; f < fragCount; f++) {
      const lines = [`# Part ${f + 1} of ${fragCount} of the workstreams of ${programId}.`, 'version: 1', 'workstreams:'];
      const from = Math.floor((f * workstreams.length) / fragCount);
      const to = Math.floor(((f + 1) * workstreams.length) / fragCount);
      for (let w = from; w < to; w++) renderWorkstream(lines, workstreams[w] as GenWorkstream, cal, statusIndex, rng);
      fragments[`ws/part-${f + 1}.program.yaml`] = lines.join('\n') + '\n';
    }
  }

  if (milestones.length) out.push('milestones:');
  for (const m of milestones) {
    out.push(`  - id: ${m.id}`, `    name: ${m.name}`, `    date: ${cal.date(m.target)}`, '    depends_on:');
    for (const d of m.deps) out.push(`      - ${d}`);
    out.push(`    owner: ${m.owner}`);
  }

  const affectable = [...taskIds, ...milestones.map((m) => m.id), ...workstreams.map((w) => w.id)];
  const riskCount = affectable.length ? Math.round((taskCount * risksPer100) / 100) : 0;
  if (riskCount) out.push('risks:');
  const statuses = ['open', 'open', 'open', 'open', 'mitigating', 'mitigating', 'accepted', 'closed'] as const;
  for (let r = 0; r < riskCount; r++) {
    const status = rng.pick(statuses);
    out.push(`  - id: R-${pad(r + 1, 4)}`, `    title: ${rng.pick(RISKS)}`, `    probability: ${rng.int(1, 5)}`, `    impact: ${rng.int(1, 5)}`);
    out.push(`    owner: ${(rng.pick(people) as Person).id}`, `    status: ${status}`, `    mitigation: Weekly review with the owner; escalate at the steering meeting.`);
    if (rng.chance(0.5)) out.push('    contingency: Cut scope to the must-have features for the next milestone.');
    out.push('    affects:', `      - ${rng.pick(affectable)}`);
    if (rng.chance(0.3)) out.push(`      - ${rng.pick(affectable)}`);
    if (status === 'open' || status === 'mitigating') out.push(`    review_by: ${cal.date(statusIndex + rng.int(5, 60))}`);
  }

  out.push('budget:', '  currency: USD');
  if (workstreams.length) out.push('  lines:');
  for (const ws of workstreams) {
    const planned = rng.int(50, 500) * 1000;
    out.push(`    - id: b-${ws.id}`, `      name: ${ws.name} engineering`, '      category: labor', `      planned: ${planned}`);
    out.push(`      actual: ${Math.round(planned * rng.next() * 0.6)}`, `      workstream: ${ws.id}`);
  }

  out.push('stakeholders:');
  const lastMs = milestones[milestones.length - 1];
  const stakeholders = [['sponsor', 'Sam Patel', 'Sponsor', 'high', 'high', 'A'], ['cfo', 'Rita Gomez', 'CFO', 'high', 'medium', 'I'], ['support', 'Lee Park', 'Head of Support', 'medium', 'high', 'C']];
  for (const [id, name, role, influence, interest, letter] of stakeholders) {
    out.push(`  - id: ${id}`, `    name: ${name}`, `    role: ${role}`, `    influence: ${influence}`, `    interest: ${interest}`);
    if (lastMs) out.push('    raci:', `      ${lastMs.id}: ${letter}`);
  }
  out.push('kpis:');
  out.push('  - id: kpi-p95', '    name: API p95 latency', '    unit: ms', '    target: 200', '    current: 180', '    direction: down');
  out.push('  - id: kpi-uptime', '    name: Monthly availability', "    unit: '%'", '    target: 99.9', '    current: 99.95', '    direction: up');
  if (taskIds.length) {
    out.push('changes:', '  - id: CR-0001', '    title: Add single sign-on', '    status: approved', '    requested_by: sponsor', '    schedule_impact: 5d', '    cost_impact: 20000', '    affects:', `      - ${rng.pick(taskIds)}`);
  }

  return { root: out.join('\n') + '\n', fragments, taskIds, milestoneIds: milestones.map((m) => m.id), personIds: people.map((p) => p.id) };
}

/** Days of [start, end] a person is already booked (or on leave). */
function bookedDays(p: Person, booked: readonly number[], start: number, end: number): number {
  let days = 0;
  for (let i = 0; i < booked.length; i += 2) {
    days += Math.max(0, Math.min(end, booked[i + 1] as number) - Math.max(start, booked[i] as number) + 1);
  }
  if (p.leave) days += Math.max(0, Math.min(end, p.leave[1]) - Math.max(start, p.leave[0]) + 1);
  return days;
}

/** Picks up to `wanted` people from `pool` who are free for the whole task; else the least booked one. */
function pickAssignees(task: GenTask, pool: readonly Person[], wanted: number, bookings: number[][], personIndex: Map<string, number>, rng: Rng): void {
  const end = task.start + task.days - 1;
  const offset = rng.int(0, pool.length - 1);
  let fallback: Person | undefined;
  let fallbackDays = Infinity;
  for (let i = 0; i < pool.length && task.assignees.length < wanted; i++) {
    const p = pool[(offset + i) % pool.length] as Person;
    if (task.assignees.includes(p.id)) continue;
    const days = bookedDays(p, bookings[personIndex.get(p.id) as number] as number[], task.start, end);
    if (days === 0) task.assignees.push(p.id);
    else if (days < fallbackDays) {
      fallback = p;
      fallbackDays = days;
    }
  }
  if (task.assignees.length === 0 && fallback) task.assignees.push(fallback.id);
}

function findWs(workstreams: readonly GenWorkstream[], id: string): GenWorkstream {
  const ws = workstreams.find((w) => w.id === id);
  if (!ws) throw new Error(`generator bug: unknown workstream ${id}`);
  return ws;
}
function wsStart(workstreams: readonly GenWorkstream[], id: string): number {
  return Math.min(...findWs(workstreams, id).tasks.map((t) => t.start));
}
function wsEnd(workstreams: readonly GenWorkstream[], id: string): number {
  return Math.max(...findWs(workstreams, id).tasks.map((t) => t.end));
}

function renderWorkstream(out: string[], ws: GenWorkstream, cal: WorkCalendar, statusIndex: number, rng: Rng): void {
  out.push(`  - id: ${ws.id}`, `    name: ${ws.name}`, `    team: ${ws.team.id}`, `    owner: ${ws.team.lead}`, '    tasks:');
  for (const t of ws.tasks) {
    out.push(`      - id: ${t.id}`, `        name: ${t.name}`);
    if (t.effortText) out.push(`        effort: ${t.effortText}`);
    else out.push(`        duration: ${t.durationText}`);
    if (t.noEarlierThan !== undefined) out.push(`        start: ${cal.date(t.noEarlierThan)}`);
    if (t.deps.length) {
      out.push('        depends_on:');
      for (const d of t.deps) {
        if (d.type === 'FS' && d.lag === 0) out.push(`          - ${d.id}`);
        else {
          out.push(`          - id: ${d.id}`);
          if (d.type !== 'FS') out.push(`            type: ${d.type}`);
          if (d.lag) out.push(`            lag: ${d.lag}d`);
        }
      }
    }
    out.push('        assignees:');
    for (const a of t.assignees) out.push(`          - ${a}`);
    if (t.cancelled) out.push('        status: cancelled');
    else if (t.end <= statusIndex) {
      out.push('        status: done', '        progress: 100', `        actual_start: ${cal.date(t.start)}`, `        actual_end: ${cal.date(t.end)}`);
    } else if (t.start <= statusIndex) {
      const progress = Math.min(95, Math.max(5, Math.round((100 * (statusIndex - t.start + 1)) / t.days)));
      out.push(`        status: ${rng.chance(0.1) ? 'blocked' : 'in-progress'}`, `        progress: ${progress}`, `        actual_start: ${cal.date(t.start)}`);
    }
  }
}

/** Writes the root and its fragments under `dir`; returns the root's path. */
export function writeProgram(dir: string, program: GeneratedProgram, rootName = 'generated.program.yaml'): string {
  mkdirSync(dir, { recursive: true });
  for (const [rel, text] of Object.entries(program.fragments)) {
    const path = join(dir, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  const rootPath = join(dir, rootName);
  writeFileSync(rootPath, program.root);
  return rootPath;
}

/** A portfolio: `files` independent programs (one root file each) holding `totalTasks` in all. */
export function generateWorkspace(dir: string, opts: { files: number; totalTasks: number; seed?: number }): string[] {
  const files = Math.max(1, Math.floor(opts.files));
  const seed = opts.seed ?? 1;
  const width = Math.max(3, String(files).length);
  const paths: string[] = [];
  for (let i = 0; i < files; i++) {
    const tasks = Math.floor(((i + 1) * opts.totalTasks) / files) - Math.floor((i * opts.totalTasks) / files);
    const id = `prog-${pad(i + 1, width)}`;
    const program = generateProgram({ tasks, seed: seed + i * 7919, programId: id, programName: `Program ${i + 1}` });
    paths.push(writeProgram(dir, program, `${id}.program.yaml`));
  }
  return paths;
}

function main(argv: readonly string[]): void {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i] as string;
    if (!key.startsWith('--')) throw new Error(`unexpected argument ${key}`);
    args.set(key.slice(2), argv[++i] ?? '');
  }
  const num = (key: string, fallback?: number): number | undefined => {
    const v = args.get(key);
    if (v === undefined) return fallback;
    const x = Number(v);
    if (!Number.isFinite(x)) throw new Error(`--${key} needs a number, got ${JSON.stringify(v)}`);
    return x;
  };
  const out = resolve(args.get('out') ?? 'gen');
  const tasks = num('tasks', 1000) as number;
  const seed = num('seed', 1);
  const files = num('files');
  if (files !== undefined) {
    for (const p of generateWorkspace(out, { files, totalTasks: tasks, seed })) console.log(p);
    return;
  }
  const program = generateProgram({ tasks, seed, workstreamSize: num('workstream-size'), risksPer100Tasks: num('risks'), fragments: num('fragments', 0) });
  console.log(writeProgram(out, program));
}

if (require.main === module) main(process.argv.slice(2));
