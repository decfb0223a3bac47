// Fuzzing of the core (issue 7): fast-check arbitraries for valid programs of
// varied shape, mutators that break them the way hands and chat clients do,
// and runCoreInput, which pushes one input through everything the language
// server would run on it — parse, incremental re-parse, load, analyse, view
// model, exports and every feature function at random positions — and
// records each exception and each call slower than CALL_LIMIT_MS.
//
// Used by test/fuzz/core.test.ts (a short seeded run in `npm test`, plus the
// regression fixtures) and scripts/fuzz.ts (the long run, `npm run fuzz`).
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Position, Range } from 'vscode-languageserver-types';
import { analyzeProgram } from '../../server/src/program/analyze.js';
import type { ProgramAnalysis } from '../../server/src/program/analyze.js';
import { formatDate, parseDate } from '../../server/src/program/dates.js';
import { memoryHost } from '../../server/src/program/host.js';
import { LineIndex } from '../../server/src/program/line-index.js';
import { loadProgram } from '../../server/src/program/load.js';
import { parseFile } from '../../server/src/program/parse.js';
import type { ParsedFile } from '../../server/src/program/parse.js';
import { reparse } from '../../server/src/program/reparse.js';
import { buildViewModel } from '../../server/src/view/build-view-model.js';
import { ganttSvg } from '../../server/src/view/gantt-svg.js';
import { programMarkdown, risksMarkdownTable } from '../../server/src/view/markdown.js';
import { programAsMermaidFlowchart, programAsMermaidGantt, programAsMermaidMarkdown } from '../../server/src/view/mermaid.js';
import { risksCsv } from '../../server/src/view/risks-csv.js';
import { incomingCalls, outgoingCalls, prepareCallHierarchy } from '../../server/src/features/call-hierarchy.js';
import { provideCodeActions } from '../../server/src/features/code-actions.js';
import { provideCodeLenses } from '../../server/src/features/code-lens.js';
import { provideCompletionList } from '../../server/src/features/completion.js';
import type { FeatureContext } from '../../server/src/features/context.js';
import { provideDefinition } from '../../server/src/features/definition.js';
import { listDependencies, listDependents, programSummary } from '../../server/src/features/dependency-list.js';
import { provideDiagnostics } from '../../server/src/features/diagnostics.js';
import { provideDocumentHighlights } from '../../server/src/features/document-highlight.js';
import { provideDocumentSymbols } from '../../server/src/features/document-symbols.js';
import { provideFoldingRanges } from '../../server/src/features/folding-ranges.js';
import { provideHover } from '../../server/src/features/hover.js';
import { provideInlayHints } from '../../server/src/features/inlay-hints.js';
import { provideReferences } from '../../server/src/features/references.js';
import { prepareRename, provideRename } from '../../server/src/features/rename.js';
import { provideSelectionRanges } from '../../server/src/features/selection-ranges.js';
import { provideSemanticTokens } from '../../server/src/features/semantic-tokens.js';
import { provideWorkspaceSymbols } from '../../server/src/features/workspace-symbols.js';
import { mulberry32 } from '../../bench/random.js';

export const WORKSPACE = 'file:///fuzz/';
export const ROOT_URI = `${WORKSPACE}root.program.yaml`;
export const FRAGMENT_PATH = 'ws/part.program.yaml';
export const FRAGMENT_URI = `${WORKSPACE}${FRAGMENT_PATH}`;
/** "Today" for programs without status_date, so every run is the same. */
export const TODAY = parseDate('2026-03-02') as number;
/** Any single call slower than this is a failure. */
export const CALL_LIMIT_MS = 2000;

// ------------------------------------------------------------------ small rng


function pickOf<T>(rng: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rng() * xs.length)] as T;
}

// ------------------------------------------------------------------ program specs

export type DepType = 'FS' | 'SS' | 'FF';
export type Style = 'block' | 'flow-item' | 'flow-refs';

export interface DepSpec {
  /** Picks a target among the items generated before (modulo their count). */
  readonly pick: number;
  readonly type: DepType;
  readonly lag: number;
  readonly weeks: boolean;
  /** Write `{ id: x }` even for a plain FS link without lag. */
  readonly object: boolean;
}

export interface TaskSpec {
  readonly size: { kind: 'd' | 'w' | 'effort'; amount: number; half: boolean };
  readonly deps: readonly DepSpec[];
  readonly assignees: readonly number[];
  readonly state: 'none' | 'not-started' | 'in-progress' | 'done' | 'blocked' | 'cancelled';
  /** Working days after the program start for actual_start (in-progress / done only, when actuals are on). */
  readonly actualAt: number | null;
  /** Start no earlier than this many days after the program start. */
  readonly startAfter: number | null;
  readonly style: Style;
  readonly nameIndex: number;
  readonly tags: boolean;
}

export interface WorkstreamSpec {
  readonly tasks: readonly TaskSpec[];
  readonly owner: number | null;
  readonly flowList: boolean;
  /** Goes to the fragment file when the program has one. */
  readonly inFragment: boolean;
}

export interface MilestoneSpec {
  /** After how many tasks (in generation order) it is placed; it may depend only on items before it. */
  readonly after: number;
  readonly deps: readonly DepSpec[];
  /** Target / fixed date, days after the program start. */
  readonly dateAfter: number | null;
  readonly owner: number | null;
  readonly style: Style;
}

export interface RiskSpec {
  readonly probability: number;
  readonly impact: number;
  readonly owner: number | null;
  readonly mitigation: boolean;
  readonly status: 'open' | 'mitigating' | 'accepted' | 'occurred' | 'closed' | null;
  readonly affects: readonly number[];
  readonly reviewAfter: number | null;
  readonly style: Style;
}

export interface PersonSpec {
  readonly capacity: number;
  readonly leave: { after: number; days: number } | null;
  readonly nameIndex: number;
}

export interface ProgramSpec {
  readonly startOffset: number;
  readonly statusAfter: number | null;
  readonly calendar: 'default' | 'mon-fri' | 'sun-thu' | 'mon-sat' | 'tue-sat' | 'every-day';
  readonly holidays: readonly { after: number; days: number; named: boolean }[];
  readonly people: readonly PersonSpec[];
  readonly workstreams: readonly WorkstreamSpec[];
  readonly milestones: readonly MilestoneSpec[];
  readonly risks: readonly RiskSpec[];
  readonly fragment: boolean;
  readonly comments: boolean;
  readonly idStyle: 'plain' | 'dotted' | 'quoted';
  readonly extras: boolean;
}

export interface SpecOptions {
  /** actual_start / actual_end on some tasks (default true). */
  readonly actuals?: boolean;
  /** Milestones with only a date (default true). */
  readonly fixedMilestones?: boolean;
  /** Tasks with `start` (start no earlier than; default true). */
  readonly startConstraints?: boolean;
  /** Cancelled tasks (default true). */
  readonly cancelled?: boolean;
  /** A fragment file with some workstreams (default true). */
  readonly fragments?: boolean;
  /** Upper bounds on the counts. */
  readonly maxWorkstreams?: number;
  readonly maxTasks?: number;
  readonly maxMilestones?: number;
  readonly maxRisks?: number;
  readonly maxPeople?: number;
}

const styleArb: fc.Arbitrary<Style> = fc.constantFrom('block', 'block', 'flow-item', 'flow-refs');

function depArb(): fc.Arbitrary<DepSpec> {
  return fc.record({
    pick: fc.nat({ max: 1000 }),
    type: fc.constantFrom<DepType>('FS', 'FS', 'FS', 'SS', 'FF'),
    lag: fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 1, max: 4 })),
    weeks: fc.boolean(),
    object: fc.boolean(),
  });
}

export function programSpecArb(options: SpecOptions = {}): fc.Arbitrary<ProgramSpec> {
  const actuals = options.actuals ?? true;
  const fixedMs = options.fixedMilestones ?? true;
  const startConstraints = options.startConstraints ?? true;
  const cancelled = options.cancelled ?? true;
  const taskArb: fc.Arbitrary<TaskSpec> = fc.record({
    size: fc.record({ kind: fc.constantFrom<'d' | 'w' | 'effort'>('d', 'd', 'w', 'effort'), amount: fc.integer({ min: 1, max: 8 }), half: fc.boolean() }),
    deps: fc.array(depArb(), { maxLength: 3 }),
    assignees: fc.array(fc.nat({ max: 100 }), { maxLength: 2 }),
    state: cancelled
      ? fc.constantFrom<TaskSpec['state']>('none', 'none', 'not-started', 'in-progress', 'done', 'blocked', 'cancelled')
      : fc.constantFrom<TaskSpec['state']>('none', 'none', 'not-started', 'in-progress', 'done', 'blocked'),
    actualAt: actuals ? fc.option(fc.nat({ max: 30 }), { freq: 2 }) : fc.constant(null),
    startAfter: startConstraints ? fc.option(fc.nat({ max: 25 }), { freq: 6 }) : fc.constant(null),
    style: styleArb,
    nameIndex: fc.nat({ max: 1000 }),
    tags: fc.boolean(),
  });
  return fc.record({
    startOffset: fc.nat({ max: 800 }),
    statusAfter: fc.option(fc.nat({ max: 120 }), { freq: 3 }),
    calendar: fc.constantFrom<ProgramSpec['calendar']>('default', 'mon-fri', 'mon-fri', 'sun-thu', 'mon-sat', 'tue-sat', 'every-day'),
    holidays: fc.array(fc.record({ after: fc.nat({ max: 120 }), days: fc.integer({ min: 1, max: 5 }), named: fc.boolean() }), { maxLength: 3 }),
    people: fc.array(
      fc.record({
        capacity: fc.constantFrom(1, 1, 0.5, 0.8),
        leave: fc.option(fc.record({ after: fc.nat({ max: 60 }), days: fc.nat({ max: 6 }) }), { freq: 4 }),
        nameIndex: fc.nat({ max: 1000 }),
      }),
      { maxLength: options.maxPeople ?? 4 },
    ),
    workstreams: fc.array(
      fc.record({
        tasks: fc.array(taskArb, { maxLength: options.maxTasks ?? 6 }),
        owner: fc.option(fc.nat({ max: 100 })),
        flowList: fc.boolean(),
        inFragment: fc.boolean(),
      }),
      { minLength: 1, maxLength: options.maxWorkstreams ?? 3 },
    ),
    milestones: fc.array(
      fc.record({
        after: fc.nat({ max: 30 }),
        deps: fc.array(depArb(), { minLength: fixedMs ? 0 : 1, maxLength: 3 }),
        dateAfter: fc.option(fc.nat({ max: 80 })),
        owner: fc.option(fc.nat({ max: 100 })),
        style: styleArb,
      }),
      { maxLength: options.maxMilestones ?? 3 },
    ),
    risks: fc.array(
      fc.record({
        probability: fc.integer({ min: 1, max: 5 }),
        impact: fc.integer({ min: 1, max: 5 }),
        owner: fc.option(fc.nat({ max: 100 }), { freq: 4 }),
        mitigation: fc.boolean(),
        status: fc.option(fc.constantFrom<NonNullable<RiskSpec['status']>>('open', 'mitigating', 'accepted', 'occurred', 'closed')),
        affects: fc.array(fc.nat({ max: 1000 }), { maxLength: 2 }),
        reviewAfter: fc.option(fc.nat({ max: 90 })),
        style: styleArb,
      }),
      { maxLength: options.maxRisks ?? 3 },
    ),
    fragment: (options.fragments ?? true) ? fc.boolean() : fc.constant(false),
    comments: fc.boolean(),
    idStyle: fc.constantFrom<ProgramSpec['idStyle']>('plain', 'plain', 'dotted', 'quoted'),
    extras: fc.boolean(),
  });
}

// ------------------------------------------------------------------ rendering

const WORDS = ['Design', 'Build', 'Test', 'Review', 'Migrate', 'Deploy', 'Harden', 'Café rollout', 'Ünïcode', '設計レビュー', 'API 🚀', 'Löad-test', 'naïve cache', 'Ship v2', 'Audit log', 'SSO'];
const PEOPLE = ['Alice', 'Bob', 'Chen Wei', 'Dana', 'Émile', '李雷', 'Zoë 🙂', 'Farid'];
const RISK_TITLES = ['Vendor ships late', 'Key engineer leaves', 'Load target not met', '数据迁移失败', 'Scope grows 📈'];
const MITIGATIONS = ['Weekly review with the owner', 'Second vendor on standby', 'Load-test early'];

export interface RenderedProgram {
  readonly root: string;
  /** Relative path -> text. */
  readonly fragments: Record<string, string>;
  readonly taskIds: string[];
  readonly milestoneIds: string[];
  readonly workstreamIds: string[];
  readonly personIds: string[];
  readonly riskIds: string[];
  /** Per task (generation order), the ids its depends_on lists. */
  readonly taskDeps: string[][];
}

interface Item { id: string; kind: 'task' | 'milestone' | 'workstream'; ws?: number }

function calendarDays(c: ProgramSpec['calendar']): string[] | null {
  switch (c) {
    case 'default': return null;
    case 'mon-fri': return ['mon', 'tue', 'wed', 'thu', 'fri'];
    case 'sun-thu': return ['sun', 'mon', 'tue', 'wed', 'thu'];
    case 'mon-sat': return ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
    case 'tue-sat': return ['tue', 'wed', 'thu', 'fri', 'sat'];
    case 'every-day': return ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
  }
}

/** Lines of a file being written. */
class Writer {
  readonly lines: string[] = [];
  push(...ls: string[]): void {
    this.lines.push(...ls);
  }
}

type Value = string | string[] | Record<string, string>[] | (string | Record<string, string>)[];

function flowValue(v: Value): string {
  if (typeof v === 'string') return v;
  return `[${v.map((x) => (typeof x === 'string' ? x : `{ ${Object.entries(x).map(([k, y]) => `${k}: ${y}`).join(', ')} }`)).join(', ')}]`;
}

/** Writes one entity as a list item: block, block with flow lists, or one flow map. */
function writeItem(w: Writer, indent: number, entries: [string, Value][], style: Style, comment?: string): void {
  const pad = ' '.repeat(indent);
  const tail = comment ? `  # ${comment}` : '';
  if (style === 'flow-item') {
    w.push(`${pad}- { ${entries.map(([k, v]) => `${k}: ${flowValue(v)}`).join(', ')} }${tail}`);
    return;
  }
  entries.forEach(([k, v], i) => {
    const lead = i === 0 ? `${pad}- ` : `${pad}  `;
    const c = i === 0 ? tail : '';
    if (typeof v === 'string') w.push(`${lead}${k}: ${v}${c}`);
    else if (style === 'flow-refs' || v.length === 0) w.push(`${lead}${k}: ${flowValue(v)}${c}`);
    else {
      w.push(`${lead}${k}:${c}`);
      for (const x of v) {
        if (typeof x === 'string') w.push(`${pad}    - ${x}`);
        else {
          const xs = Object.entries(x);
          xs.forEach(([a, b], j) => w.push(`${pad}    ${j === 0 ? '- ' : '  '}${a}: ${b}`));
        }
      }
    }
  });
}

/** Mistakes to write into an otherwise valid program (for the code-action invariants). */
export interface Injection {
  /** Task index -> ids appended to its depends_on (its own id: a self-dependency; a successor's: a cycle). */
  readonly extraDeps?: ReadonlyMap<number, readonly string[]>;
  /** Risk indices written open and scored 16, without an owner (`owner: false`) and/or a mitigation. */
  readonly bareRisks?: ReadonlyMap<number, { readonly owner: boolean; readonly mitigation: boolean }>;
}

export function renderProgram(spec: ProgramSpec, inject: Injection = {}): RenderedProgram {
  const start = (parseDate('2025-06-02') as number) + spec.startOffset;
  const date = (after: number): string => formatDate(start + after);
  const q = (id: string): string => (spec.idStyle === 'quoted' ? `"${id}"` : id);
  const idOf = (base: string): string => (spec.idStyle === 'dotted' ? base.replace(/(\d+)$/, '.$1') : base);

  const personIds = spec.people.map((_, i) => idOf(`p${i + 1}`));
  const person = (n: number | null): string | undefined => (n === null || personIds.length === 0 ? undefined : personIds[n % personIds.length]);

  // Items in generation order: tasks (workstream by workstream), workstreams
  // once all their tasks are out, milestones at their `after` position.
  const items: Item[] = [];
  const taskIds: string[] = [];
  const workstreamIds = spec.workstreams.map((_, i) => idOf(`ws${i + 1}`));
  const milestoneIds = spec.milestones.map((_, i) => idOf(`m${i + 1}`));
  const riskIds = spec.risks.map((_, i) => idOf(`R-${i + 1}`));
  const msAt = new Map<number, number[]>();
  spec.milestones.forEach((m, i) => {
    const list = msAt.get(m.after) ?? [];
    list.push(i);
    msAt.set(m.after, list);
  });
  const msDeps = new Map<number, Item[]>(); // milestone index -> items available before it
  const taskDeps: Item[][] = [];
  let taskCount = 0;
  const placeMilestones = (): void => {
    for (const i of msAt.get(taskCount) ?? []) {
      msDeps.set(i, [...items]);
      items.push({ id: milestoneIds[i] as string, kind: 'milestone' });
    }
    msAt.delete(taskCount);
  };
  spec.workstreams.forEach((ws, w) => {
    ws.tasks.forEach(() => {
      placeMilestones();
      taskDeps.push([...items]);
      const id = idOf(`t${taskCount + 1}`);
      taskIds.push(id);
      items.push({ id, kind: 'task', ws: w });
      taskCount++;
    });
    items.push({ id: workstreamIds[w] as string, kind: 'workstream', ws: w });
  });
  // Milestones placed after more tasks than there are come last.
  for (const [, list] of [...msAt].sort((a, b) => a[0] - b[0])) {
    for (const i of list) {
      msDeps.set(i, [...items]);
      items.push({ id: milestoneIds[i] as string, kind: 'milestone' });
    }
  }

  const renderDeps = (deps: readonly DepSpec[], pool: Item[], forMilestone: boolean): (string | Record<string, string>)[] => {
    const out: (string | Record<string, string>)[] = [];
    const used = new Set<string>();
    for (const d of deps) {
      if (pool.length === 0) break;
      const target = pool[d.pick % pool.length] as Item;
      if (used.has(target.id)) continue;
      used.add(target.id);
      const type = forMilestone || target.kind === 'milestone' ? 'FS' : d.type;
      const lag = d.lag > 0 ? `${d.lag}${d.weeks ? 'w' : 'd'}` : undefined;
      if (type === 'FS' && !lag && !d.object) out.push(q(target.id));
      else {
        const o: Record<string, string> = { id: q(target.id) };
        if (type !== 'FS' || d.object) o.type = type;
        if (lag) o.lag = lag;
        out.push(o);
      }
    }
    return out;
  };

  const renderedDeps: string[][] = taskIds.map(() => []);
  const head: string[] = [];
  if (spec.comments) head.push('# Fuzz program: generated by test/fuzz/core-fuzz.ts.');
  head.push('version: 1', 'program:', `  id: ${q(idOf('prog1'))}`, `  name: ${pickOf(mulberry32(spec.startOffset), WORDS)} program`, `  start: ${date(0)}`);
  if (personIds.length > 0 && spec.extras) head.push(`  owner: ${q(personIds[0] as string)}`);
  if (spec.statusAfter !== null) head.push(`  status_date: ${date(spec.statusAfter)}`);
  if (spec.extras) head.push('  objectives:', '    - Ship it', '    - Keep the budget');
  const days = calendarDays(spec.calendar);
  if (days || spec.holidays.length > 0) {
    head.push('calendar:');
    if (days) head.push(`  workdays: [${days.join(', ')}]`);
    if (spec.holidays.length > 0) {
      head.push('  holidays:');
      for (const h of spec.holidays) {
        if (h.days === 1 && !h.named) head.push(`    - ${date(h.after)}`);
        else head.push(`    - { from: ${date(h.after)}, to: ${date(h.after + h.days - 1)}${h.named ? ', name: Break' : ''} }`);
      }
    }
  }
  const useFragment = spec.fragment && spec.workstreams.some((w) => w.inFragment);
  if (useFragment) head.push('include:', `  - ${spec.comments ? 'ws/*.program.yaml' : FRAGMENT_PATH}`);

  const root = new Writer();
  root.push(...head);
  if (spec.people.length > 0) {
    root.push('people:');
    spec.people.forEach((p, i) => {
      const e: [string, Value][] = [['id', q(personIds[i] as string)], ['name', pickOf(mulberry32(p.nameIndex), PEOPLE)]];
      if (p.capacity !== 1) e.push(['capacity', String(p.capacity)]);
      if (p.leave) e.push(['leave', [{ from: date(p.leave.after), to: date(p.leave.after + p.leave.days) }]]);
      writeItem(root, 2, e, 'block');
    });
  }

  const writeWorkstreams = (w: Writer, which: number[]): void => {
    if (which.length === 0) return;
    w.push('workstreams:');
    let t0 = 0;
    for (let i = 0; i < spec.workstreams.length; i++) {
      const ws = spec.workstreams[i] as WorkstreamSpec;
      const first = t0;
      t0 += ws.tasks.length;
      if (!which.includes(i)) continue;
      w.push(`  - id: ${q(workstreamIds[i] as string)}`, `    name: ${pickOf(mulberry32(i + 7), WORDS)} stream`);
      const owner = person(ws.owner);
      if (owner) w.push(`    owner: ${q(owner)}`);
      if (ws.tasks.length === 0) {
        w.push('    tasks: []');
        continue;
      }
      const tw = new Writer();
      ws.tasks.forEach((t, j) => {
        const n = first + j;
        const e: [string, Value][] = [['id', q(taskIds[n] as string)], ['name', pickOf(mulberry32(t.nameIndex), WORDS)]];
        const assignees = [...new Set(t.assignees.map((a) => person(a)).filter((a): a is string => a !== undefined))];
        const amount = t.size.amount;
        if (t.size.kind === 'effort' && assignees.length > 0) e.push(['effort', `${amount}${t.size.half ? '.5' : ''}d`]);
        else if (t.size.kind === 'w') e.push(['duration', `${Math.min(amount, 3)}w`]);
        else e.push(['duration', `${amount}d`]);
        const deps = renderDeps(t.deps, taskDeps[n] ?? [], false);
        for (const x of inject.extraDeps?.get(n) ?? []) {
          if (!deps.some((d) => (typeof d === 'string' ? d : d.id) === q(x))) deps.push(q(x));
        }
        renderedDeps[n] = deps.map((d) => (typeof d === 'string' ? d : (d.id as string)).replace(/"/g, ''));
        if (deps.length > 0) e.push(['depends_on', deps]);
        if (assignees.length > 0) e.push(['assignees', assignees.map(q)]);
        if (t.state !== 'none') e.push(['status', t.state]);
        if (t.state === 'done') e.push(['progress', '100']);
        if (t.state === 'in-progress') e.push(['progress', String(10 + (amount * 10) % 80)]);
        if (t.startAfter !== null) e.push(['start', date(t.startAfter)]);
        if (t.actualAt !== null && (t.state === 'in-progress' || t.state === 'done')) {
          e.push(['actual_start', date(t.actualAt)]);
          if (t.state === 'done') e.push(['actual_end', date(t.actualAt + amount)]);
        }
        if (t.tags) e.push(['tags', ['backend', 'q3']]);
        writeItem(tw, 6, e, ws.flowList ? 'flow-item' : t.style, spec.comments && j === 0 ? 'first task' : undefined);
      });
      if (ws.flowList) {
        // `tasks: [ {…}, {…} ]` over several lines.
        w.push('    tasks: [');
        tw.lines.forEach((l, k) => w.push(`${l.replace(/^(\s*)- /, '$1').replace(/\s+#.*$/, '')}${k < tw.lines.length - 1 ? ',' : ''}`));
        w.push('    ]');
      } else {
        w.push('    tasks:', ...tw.lines);
      }
    }
  };

  const inRoot: number[] = [];
  const inFrag: number[] = [];
  spec.workstreams.forEach((ws, i) => (useFragment && ws.inFragment ? inFrag : inRoot).push(i));
  writeWorkstreams(root, inRoot);

  if (spec.milestones.length > 0) {
    root.push('milestones:');
    spec.milestones.forEach((m, i) => {
      const e: [string, Value][] = [['id', q(milestoneIds[i] as string)], ['name', `${pickOf(mulberry32(i + 3), WORDS)} done`]];
      const deps = renderDeps(m.deps, msDeps.get(i) ?? [], true);
      if (deps.length > 0) e.push(['depends_on', deps]);
      if (m.dateAfter !== null || deps.length === 0) e.push(['date', date(m.dateAfter ?? 10)]);
      const owner = person(m.owner);
      if (owner) e.push(['owner', q(owner)]);
      writeItem(root, 2, e, m.style);
    });
  }
  if (spec.risks.length > 0) {
    root.push('risks:');
    spec.risks.forEach((r, i) => {
      const e: [string, Value][] = [['id', q(riskIds[i] as string)], ['title', pickOf(mulberry32(i + r.impact), RISK_TITLES)]];
      const bare = inject.bareRisks?.get(i);
      if (bare) {
        e.push(['probability', '4'], ['impact', '4']);
        if (bare.owner && personIds.length > 0) e.push(['owner', q(person(r.owner ?? 0) as string)]);
        if (r.status === 'open' || r.status === 'mitigating') e.push(['status', r.status]);
        if (bare.mitigation) e.push(['mitigation', pickOf(mulberry32(i), MITIGATIONS)]);
        writeItem(root, 2, e, r.style);
        return;
      }
      e.push(['probability', String(r.probability)], ['impact', String(r.impact)]);
      const owner = person(r.owner);
      const high = r.probability * r.impact >= 10;
      if (owner) e.push(['owner', q(owner)]);
      if (r.status) e.push(['status', r.status]);
      if (r.mitigation || high) e.push(['mitigation', pickOf(mulberry32(i), MITIGATIONS)]);
      const affects = [...new Set(r.affects.filter(() => items.length > 0).map((a) => (items[a % items.length] as Item).id))];
      if (affects.length > 0) e.push(['affects', affects.map(q)]);
      if (r.reviewAfter !== null) e.push(['review_by', date(r.reviewAfter)]);
      // A high risk must have an owner to be valid; without people, lower it.
      if (high && !owner) {
        e[2] = ['probability', '1'];
        e[3] = ['impact', String(Math.min(r.impact, 5))];
      }
      writeItem(root, 2, e, r.style);
    });
  }
  if (spec.extras) {
    root.push('budget:', '  currency: EUR', '  lines:', '    - id: b1', '      name: Labour', '      category: labor', '      planned: 1000', '      actual: 400');
    root.push('kpis:', '  - { id: kpi1, name: Uptime, unit: "%", target: 99.9, current: 99.95, direction: up }');
  }

  const fragments: Record<string, string> = {};
  if (useFragment) {
    const f = new Writer();
    if (spec.comments) f.push('# A fragment of the fuzz program.');
    f.push('version: 1');
    writeWorkstreams(f, inFrag);
    fragments[FRAGMENT_PATH] = `${f.lines.join('\n')}\n`;
  }
  return { root: `${root.lines.join('\n')}\n`, fragments, taskIds, milestoneIds, workstreamIds, personIds, riskIds, taskDeps: renderedDeps };
}

export function programArb(options: SpecOptions = {}): fc.Arbitrary<RenderedProgram> {
  return programSpecArb(options).map(renderProgram);
}

// ------------------------------------------------------------------ mutators

export type MutationKind =
  | 'delete-line' | 'duplicate-line' | 'indent-line' | 'dedent-line' | 'truncate' | 'swap-chars'
  | 'insert-bytes' | 'insert-unicode' | 'insert-nul' | 'insert-tab' | 'tab-indent' | 'crlf' | 'bom' | 'delete-range' | 'insert-yaml';

export interface Mutation {
  readonly kind: MutationKind;
  /** Where, as a fraction of the text (or of its lines). */
  readonly at: number;
  readonly at2: number;
  readonly payload: string;
}

const UNICODE = ['é', '日本語', '😀', '👩‍💻', '\u200b', '\u2028', '\u00a0', '𝔘', 'Ω', '\ufeff', '中', '\ud83d', '\udc00', '€'];
const YAML_BITS = ['- ', ': ', '{', '}', '[', ']', ',', '#', '&a ', '*a', '!!str ', '|', '>', '"', "'", '? ', '---\n', '...\n', '%YAML 1.2\n', '<<: *a', '-', ':', '\n', '  '];

export const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom<MutationKind>(
    'delete-line', 'delete-line', 'duplicate-line', 'indent-line', 'dedent-line', 'truncate', 'truncate', 'swap-chars',
    'insert-bytes', 'insert-unicode', 'insert-nul', 'insert-tab', 'tab-indent', 'crlf', 'bom', 'delete-range', 'insert-yaml', 'insert-yaml',
  ),
  at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
  at2: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
  payload: fc.oneof(
    fc.string({ maxLength: 6 }),
    fc.constantFrom(...UNICODE),
    fc.constantFrom(...YAML_BITS),
    fc.string({ unit: 'binary', maxLength: 4 }),
  ),
});

function lineBounds(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

export function applyMutation(text: string, m: Mutation): string {
  const len = text.length;
  const pos = Math.floor(m.at * (len + 1));
  const starts = lineBounds(text);
  const li = Math.floor(m.at * starts.length);
  const ls = starts[li] ?? 0;
  const le = starts[li + 1] ?? len;
  switch (m.kind) {
    case 'delete-line': return text.slice(0, ls) + text.slice(le);
    case 'duplicate-line': return text.slice(0, le) + (text.slice(ls, le).endsWith('\n') ? '' : '\n') + text.slice(ls, le) + text.slice(le);
    case 'indent-line': return `${text.slice(0, ls)}${' '.repeat(1 + Math.floor(m.at2 * 4))}${text.slice(ls)}`;
    case 'dedent-line': {
      let e = ls;
      const want = 1 + Math.floor(m.at2 * 4);
      while (e < le && e - ls < want && text[e] === ' ') e++;
      return text.slice(0, ls) + text.slice(e);
    }
    case 'truncate': return text.slice(0, pos);
    case 'swap-chars': {
      const b = Math.floor(m.at2 * len);
      if (len < 2 || pos >= len || pos === b) return text;
      const [i, j] = pos < b ? [pos, b] : [b, pos];
      return text.slice(0, i) + (text[j] as string) + text.slice(i + 1, j) + (text[i] as string) + text.slice(j + 1);
    }
    case 'insert-bytes':
    case 'insert-yaml':
    case 'insert-unicode': return text.slice(0, pos) + m.payload + text.slice(pos);
    case 'insert-nul': return `${text.slice(0, pos)}\u0000${text.slice(pos)}`;
    case 'insert-tab': return `${text.slice(0, pos)}\t${text.slice(pos)}`;
    case 'tab-indent': return text.slice(0, ls) + text.slice(ls, le).replace(/^( {2})+/, (s) => '\t'.repeat(Math.max(1, s.length / 2)));
    case 'crlf': return m.at2 < 0.5 ? text.replace(/\n/g, '\r\n') : text.replace(/\n/g, m.at2 < 0.75 ? '\r' : '\r\n').slice(0, Math.max(pos, 1) * 2);
    case 'bom': return `\ufeff${text}`;
    case 'delete-range': {
      const b = Math.min(len, pos + 1 + Math.floor(m.at2 * 40));
      return text.slice(0, pos) + text.slice(b);
    }
  }
}

// ------------------------------------------------------------------ inputs

/** One fuzz input: the files of a program (a root and fragments), as text. */
export interface FuzzInput {
  readonly root: string;
  /** Relative path -> text. */
  readonly fragments: Record<string, string>;
  /** The unmutated texts (for the "while typing" context and the re-parse check); same keys. */
  readonly before?: { readonly root: string; readonly fragments: Record<string, string> };
}

/** A valid program (optionally with a fragment), then up to three mutations of one of its files. */
export function fuzzInputArb(options: SpecOptions = {}): fc.Arbitrary<FuzzInput> {
  return fc
  .record({
    program: programArb(options),
    mutations: fc.array(mutationArb, { maxLength: 3 }),
    target: fc.nat({ max: 3 }),
  })
  .map(({ program, mutations, target }) => {
    const frag = Object.keys(program.fragments);
    const onFragment = frag.length > 0 && target === 0;
    let text = onFragment ? (program.fragments[frag[0] as string] as string) : program.root;
    for (const m of mutations) text = applyMutation(text, m);
    return onFragment
      ? { root: program.root, fragments: { ...program.fragments, [frag[0] as string]: text }, before: { root: program.root, fragments: program.fragments } }
      : { root: text, fragments: program.fragments, before: { root: program.root, fragments: program.fragments } };
  });
}

// ------------------------------------------------------------------ running

export interface CallFailure {
  /** The call that threw or was slow, e.g. `hover@root`. */
  readonly call: string;
  readonly kind: 'exception' | 'slow' | 'mismatch';
  readonly message: string;
  readonly stack?: string;
  readonly ms: number;
}

export interface RunOptions {
  /** Random positions per context (default 4). */
  readonly positions?: number;
  /** Chance of also running the features on the stale "while typing" context (default 1). */
  readonly staleChance?: number;
  /** Chance of also running them with no analysis at all (a file no program could be built for; default 1). */
  readonly noAnalysisChance?: number;
  /** Ask at every offset of each file (up to 1,500 of them, evenly spread) instead of random positions: for replaying small regression inputs. */
  readonly everyOffset?: boolean;
  /** Adds each call's milliseconds under its name (without the context tag). */
  readonly timings?: Map<string, number>;
}

export interface CoreRunResult {
  readonly failures: CallFailure[];
  readonly calls: number;
  /** The slowest single call of this input. */
  readonly slowest: { call: string; ms: number };
}

function normalize(input: string | FuzzInput): FuzzInput {
  return typeof input === 'string' ? { root: input, fragments: {} } : input;
}

/** The program's files as a uri -> text map. */
export function filesOf(input: { root: string; fragments: Record<string, string> }): Record<string, string> {
  const files: Record<string, string> = { [ROOT_URI]: input.root };
  for (const [rel, text] of Object.entries(input.fragments)) files[WORKSPACE + rel] = text;
  return files;
}

export function analyse(files: Record<string, string>, rootUri = ROOT_URI, parse?: (uri: string, text: string) => ParsedFile): ProgramAnalysis {
  const model = loadProgram(rootUri, memoryHost(files), { workspaceRoot: WORKSPACE, ...(parse && { parse }) });
  return analyzeProgram(model, { today: TODAY });
}

function randomPosition(text: string, index: LineIndex, rng: () => number): Position {
  const r = rng();
  if (r < 0.05) return { line: index.lineCount + Math.floor(rng() * 3), character: Math.floor(rng() * 5) };
  if (r < 0.1) return { line: Math.floor(rng() * index.lineCount), character: 200 + Math.floor(rng() * 50) };
  // Prefer the places that matter: on ids and keys, right after `: ` and `- `.
  if (r < 0.5) {
    const m = [...text.matchAll(/[A-Za-z][\w.-]*|: |- |\[|,/g)];
    if (m.length > 0) {
      const hit = m[Math.floor(rng() * m.length)] as RegExpMatchArray;
      return index.positionAt((hit.index ?? 0) + Math.floor(rng() * ((hit[0].length ?? 0) + 1)));
    }
  }
  return index.positionAt(Math.floor(rng() * (text.length + 1)));
}

const NEW_NAMES = ['renamed', 'x', 'b.2', 'T_9', '1bad', '', 'has space', '日本', 'p1', 'ws1', 't1', 'm1'];

/**
 * Runs one input through the whole core and every feature. Never throws: each
 * call is wrapped, and an exception, a result that differs where it must not
 * (incremental re-parse vs. full parse) or a call over CALL_LIMIT_MS is
 * recorded as a failure.
 */
export function runCoreInput(raw: string | FuzzInput, rng: () => number, options: RunOptions = {}): CoreRunResult {
  const input = normalize(raw);
  const failures: CallFailure[] = [];
  let calls = 0;
  let slowest = { call: '', ms: 0 };
  const call = <T>(name: string, f: () => T): T | undefined => {
    calls++;
    const t0 = performance.now();
    let out: T | undefined;
    try {
      out = f();
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      failures.push({ call: name, kind: 'exception', message: err.message, stack: err.stack, ms: performance.now() - t0 });
    }
    const ms = performance.now() - t0;
    if (options.timings) {
      const key = name.replace(/@.*$/, '');
      options.timings.set(key, (options.timings.get(key) ?? 0) + ms);
    }
    if (ms > slowest.ms) slowest = { call: name, ms };
    if (ms > CALL_LIMIT_MS) failures.push({ call: name, kind: 'slow', message: `${name} took ${ms.toFixed(0)} ms`, ms });
    return out;
  };
  const mismatch = (name: string, message: string): void => {
    failures.push({ call: name, kind: 'mismatch', message, ms: 0 });
  };

  const files = filesOf(input);

  // Parsing, and the incremental re-parse against a full parse of the same text.
  // The "while typing" case (an analysis of the text before the edit) only on some inputs: it costs a second analysis.
  const before = input.before && rng() < (options.staleChance ?? 1) ? filesOf(input.before) : undefined;
  // Parses are shared with the loads below, as the server's parse cache shares them.
  const parsed = new Map<string, ParsedFile>();
  for (const [uri, text] of Object.entries(files)) {
    const full = call('parseFile', () => parseFile(uri, text));
    if (full) parsed.set(uri, full);
    const old = before?.[uri];
    if (old === undefined || old === text || !full) continue;
    const prev = call('parseFile(before)', () => parseFile(uri, old));
    if (!prev) continue;
    const inc = call('reparse', () => reparse(prev, text));
    if (!inc) continue;
    if (inc.isRoot !== full.isRoot) mismatch('reparse', `isRoot ${inc.isRoot} vs ${full.isRoot}`);
    const a = JSON.stringify(inc.value);
    const b = JSON.stringify(full.value);
    if (a !== b) mismatch('reparse', `value differs from a full parse:\n${a.slice(0, 300)}\n${b.slice(0, 300)}`);
    const da = JSON.stringify(inc.diagnostics.map((d) => [d.code, d.span.start, d.span.end]));
    const db = JSON.stringify(full.diagnostics.map((d) => [d.code, d.span.start, d.span.end]));
    if (da !== db) mismatch('reparse', `diagnostics differ from a full parse: ${da} vs ${db}`);
    if (inc.doc && full.doc && JSON.stringify(inc.doc.toJS({ maxAliasCount: 1000 })) !== b) mismatch('reparse', 'syntax tree differs from a full parse');
  }
  const cachedParse = (uri: string, text: string): ParsedFile => {
    const hit = parsed.get(uri);
    return hit && hit.text === text ? hit : parseFile(uri, text);
  };

  const analysis = call('load+analyze', () => analyse(files, ROOT_URI, cachedParse));
  const staleAnalysis = before ? call('load+analyze(before)', () => analyse(before)) : undefined;
  const fragmentUris = Object.keys(files).filter((u) => u !== ROOT_URI);
  const lone = fragmentUris[0] !== undefined ? call('load+analyze(fragment alone)', () => analyse(files, fragmentUris[0], cachedParse)) : undefined;

  for (const a of [analysis, lone]) {
    if (!a) continue;
    const vm = call('buildViewModel', () => buildViewModel(a));
    if (!vm) continue;
    call('JSON(viewModel)', () => JSON.stringify(vm));
    call('ganttSvg(week)', () => ganttSvg(vm));
    call(`ganttSvg(${pickOf(rng, ['day', 'month', 'quarter'] as const)})`, () => ganttSvg(vm, { zoom: pickOf(rng, ['day', 'month', 'quarter'] as const) }));
    call('risksCsv', () => risksCsv(vm));
    call('programMarkdown', () => programMarkdown(vm));
    call('risksMarkdownTable', () => risksMarkdownTable(vm));
    call('mermaidGantt', () => programAsMermaidGantt(vm));
    call('mermaidFlowchart', () => programAsMermaidFlowchart(vm));
    call('mermaidMarkdown', () => programAsMermaidMarkdown(vm));
  }

  // Features: the up-to-date context of every file, and the "while typing"
  // context (the buffer moved on, the analysis is of the text before).
  const contexts: [string, FeatureContext][] = [];
  for (const uri of Object.keys(files)) {
    const text = files[uri] as string;
    const tag = uri === ROOT_URI ? 'root' : 'fragment';
    contexts.push([tag, { uri, text, analysis }]);
    if (staleAnalysis && before?.[uri] !== text) contexts.push([`${tag}(stale)`, { uri, text, analysis: staleAnalysis }]);
  }
  if (lone && fragmentUris[0]) contexts.push(['fragment(alone)', { uri: fragmentUris[0], text: files[fragmentUris[0]] as string, analysis: lone }]);
  if (rng() < (options.noAnalysisChance ?? 1)) contexts.push(['no-analysis', { uri: ROOT_URI, text: input.root, analysis: undefined }]);

  for (const [tag, ctx] of contexts) {
    const index = new LineIndex(ctx.text);
    const at = (name: string): string => `${name}@${tag}`;
    const diagnostics = call(at('diagnostics'), () => provideDiagnostics(ctx)) ?? [];
    call(at('documentSymbols'), () => provideDocumentSymbols(ctx));
    call(at('foldingRanges'), () => provideFoldingRanges(ctx));
    call(at('semanticTokens'), () => provideSemanticTokens(ctx));
    call(at('codeLens'), () => provideCodeLenses(ctx));
    call(at('programSummary'), () => programSummary(ctx.analysis));
    const whole: Range = { start: { line: 0, character: 0 }, end: index.positionAt(ctx.text.length) };
    call(at('inlayHints(all)'), () => provideInlayHints(ctx, whole));
    call(at('codeActions(all)'), () => provideCodeActions(ctx, whole, diagnostics));
    const positions: Position[] = [];
    if (options.everyOffset) {
      const step = Math.max(1, Math.ceil((ctx.text.length + 1) / 1500));
      for (let o = 0; o <= ctx.text.length; o += step) positions.push(index.positionAt(o));
    } else {
      for (let k = 0; k < (options.positions ?? 4); k++) positions.push(randomPosition(ctx.text, index, rng));
    }
    call(at('selectionRanges'), () => provideSelectionRanges(ctx, positions));
    for (const p of positions) {
      const q = randomPosition(ctx.text, index, rng);
      const range: Range = p.line < q.line || (p.line === q.line && p.character <= q.character) ? { start: p, end: q } : { start: q, end: p };
      call(at('completion'), () => provideCompletionList(ctx, p));
      call(at('hover'), () => provideHover(ctx, p));
      call(at('definition'), () => provideDefinition(ctx, p));
      call(at('references'), () => provideReferences(ctx, p, rng() < 0.5));
      call(at('documentHighlight'), () => provideDocumentHighlights(ctx, p));
      call(at('prepareRename'), () => prepareRename(ctx, p));
      call(at('rename'), () => provideRename(ctx, p, pickOf(rng, NEW_NAMES)));
      call(at('dependents'), () => listDependents(ctx, p));
      call(at('dependencies'), () => listDependencies(ctx, p));
      call(at('inlayHints'), () => provideInlayHints(ctx, range));
      const inRange = diagnostics.filter((d) => d.range.start.line <= range.end.line && d.range.end.line >= range.start.line);
      call(at('codeActions'), () => provideCodeActions(ctx, range, inRange));
      const items = call(at('prepareCallHierarchy'), () => prepareCallHierarchy(ctx, p));
      for (const item of items ?? []) {
        call(at('incomingCalls'), () => incomingCalls(ctx, item));
        call(at('outgoingCalls'), () => outgoingCalls(ctx, item));
      }
    }
  }
  const analyses = [analysis, lone].filter((a): a is ProgramAnalysis => a !== undefined);
  const words = input.root.match(/[A-Za-z][\w.-]*/g) ?? [];
  for (const query of ['', pickOf(rng, words.length ? words : ['t']).slice(0, 1 + Math.floor(rng() * 4)), 'zzz']) {
    call('workspaceSymbols', () => provideWorkspaceSymbols(analyses, query));
  }
  return { failures, calls, slowest };
}

/** A stable name for a failure, so a shrunk input can be checked to fail the same way. */
export function failureKey(f: CallFailure): string {
  return `${f.call.replace(/@.*$/, '')}:${f.kind}:${f.kind === 'slow' ? '' : f.message.slice(0, 60)}`;
}

/**
 * Shrinks a failing text (one file of the input) to a shorter one that fails
 * the same way: lines, then chunks of characters, then single characters.
 * `fails` must be deterministic.
 */
export function shrinkText(text: string, fails: (t: string) => boolean, budget = 400): string {
  let best = text;
  let tries = 0;
  const attempt = (t: string): boolean => {
    if (tries++ >= budget) return false;
    if (t.length < best.length && fails(t)) {
      best = t;
      return true;
    }
    return false;
  };
  // Lines.
  for (let progress = true; progress && tries < budget;) {
    progress = false;
    const ls = best.split('\n');
    for (let chunk = Math.max(1, ls.length >> 1); chunk >= 1 && tries < budget; chunk >>= 1) {
      for (let i = 0; i + chunk <= ls.length && tries < budget;) {
        const cand = [...ls.slice(0, i), ...ls.slice(i + chunk)].join('\n');
        if (attempt(cand)) { progress = true; ls.splice(i, chunk); } else i += chunk;
      }
    }
  }
  // Characters.
  for (let chunk = 16; chunk >= 1 && tries < budget; chunk >>= 1) {
    for (let i = 0; i + chunk <= best.length && tries < budget;) {
      if (!attempt(best.slice(0, i) + best.slice(i + chunk))) i += chunk;
    }
  }
  return best;
}

// ------------------------------------------------------------------ regression fixtures
//
// test/fixtures/fuzz-regressions/<hash>.yaml is the root file of a failing
// input; <hash>.fragment.yaml is its fragment (ws/part.program.yaml) when it
// had one, and <hash>.before.yaml / <hash>.fragment.before.yaml the texts
// before the edit (for the re-parse and "while typing" checks).

/** Relative to the repository root (tests and `npm run fuzz` run from there). */
export const REGRESSION_DIR = resolve('test/fixtures/fuzz-regressions');

export function saveRegression(input: FuzzInput, dir = REGRESSION_DIR): string {
  mkdirSync(dir, { recursive: true });
  const frag = input.fragments[FRAGMENT_PATH];
  const hash = createHash('sha256').update(JSON.stringify([input.root, frag ?? null, input.before ?? null])).digest('hex').slice(0, 12);
  writeFileSync(join(dir, `${hash}.yaml`), input.root);
  if (frag !== undefined) writeFileSync(join(dir, `${hash}.fragment.yaml`), frag);
  if (input.before && input.before.root !== input.root) writeFileSync(join(dir, `${hash}.before.yaml`), input.before.root);
  const fragBefore = input.before?.fragments[FRAGMENT_PATH];
  if (fragBefore !== undefined && fragBefore !== frag) writeFileSync(join(dir, `${hash}.fragment.before.yaml`), fragBefore);
  return join(dir, `${hash}.yaml`);
}

export function loadRegressions(dir = REGRESSION_DIR): { name: string; input: FuzzInput }[] {
  if (!existsSync(dir)) return [];
  const out: { name: string; input: FuzzInput }[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.yaml') || name.includes('.before.') || name.includes('.fragment.')) continue;
    const base = name.slice(0, -'.yaml'.length);
    const read = (suffix: string): string | undefined => {
      const p = join(dir, `${base}${suffix}`);
      return existsSync(p) ? readFileSync(p, 'utf8') : undefined;
    };
    const root = read('.yaml') as string;
    const frag = read('.fragment.yaml');
    const fragments: Record<string, string> = frag === undefined ? {} : { [FRAGMENT_PATH]: frag };
    const rootBefore = read('.before.yaml');
    const fragBefore = read('.fragment.before.yaml');
    const before = rootBefore !== undefined || fragBefore !== undefined
      ? { root: rootBefore ?? root, fragments: fragBefore === undefined ? fragments : { [FRAGMENT_PATH]: fragBefore } }
      : undefined;
    out.push({ name, input: before ? { root, fragments, before } : { root, fragments } });
  }
  return out;
}
