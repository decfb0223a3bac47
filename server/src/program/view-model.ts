// The view model: everything the preview (Gantt, dependency graph, risk
// register, milestones) and the exports draw, as plain JSON-serialisable data
// computed once from an analysis. The preview never re-derives dates, ids or
// criticality: it draws this.
//
// A milestone's `status` (diamond and badge colours) and `state` (the words
// shown) come from milestone-state.ts, the one vocabulary of every face.
import type { ProgramAnalysis } from './analyze.js';
import { formatDate } from './dates.js';
import { LineIndex } from './line-index.js';
import { milestoneState, milestoneStateWords } from './milestone-state.js';
import type { MilestoneState } from './milestone-state.js';
import { drivingChain } from './schedule.js';
import type { ItemSchedule } from './schedule.js';
import { findDefinition } from './resolve.js';
import { isOpenRisk, riskBand, riskScore } from './rules.js';
import type { RiskBand } from './rules.js';
import type { DependencyType, Entity, EntityKind, Span } from './types.js';

/** The source of an item: its id token, 0-based lines, UTF-16 characters. */
export interface SourceLocation {
  readonly uri: string;
  readonly line: number;
  readonly character: number;
  readonly endLine: number;
  readonly endCharacter: number;
}

/** `YYYY-MM-DD`, or null when there is no date. */
export type DateString = string | null;

export interface ViewHoliday {
  readonly from: string;
  readonly to: string;
  readonly name: string | null;
}

export interface ViewProgram {
  readonly id: string | null;
  readonly name: string | null;
  readonly start: DateString;
  readonly finish: DateString;
  readonly statusDate: string;
  readonly calendar: {
    /** Worked weekdays as `mon` … `sun`. */
    readonly workdays: string[];
    readonly holidays: ViewHoliday[];
  };
  readonly location: SourceLocation | null;
}

export interface ViewWorkstream {
  readonly id: string;
  readonly name: string | null;
  readonly owner: string | null;
  readonly ownerName: string | null;
  readonly taskIds: string[];
  readonly start: DateString;
  readonly end: DateString;
  readonly critical: boolean;
  readonly location: SourceLocation;
}

export type TaskStatusView = 'not-started' | 'in-progress' | 'blocked' | 'done' | 'cancelled';

export interface ViewTask {
  readonly id: string;
  readonly name: string | null;
  readonly workstreamId: string | null;
  readonly start: DateString;
  readonly end: DateString;
  readonly lateStart: DateString;
  readonly lateEnd: DateString;
  readonly durationDays: number | null;
  readonly totalFloat: number | null;
  readonly critical: boolean;
  /** Percent complete, 0..100 (done → 100, otherwise the file's `progress` or 0). */
  readonly progress: number;
  readonly status: TaskStatusView;
  /** Assignees' names (their ids when they have no name). */
  readonly assignees: string[];
  readonly assigneeIds: string[];
  /** The workstream's owner. */
  readonly owner: string | null;
  readonly deliverable: string | null;
  readonly location: SourceLocation;
}

export type MilestoneStatus = MilestoneState;

export interface ViewMilestone {
  readonly id: string;
  readonly name: string | null;
  /** The forecast, or the fixed date. */
  readonly date: DateString;
  /** The target date (a milestone with dependencies and a `date`). */
  readonly target: DateString;
  /** Working days late (0 when on time); null without a target. */
  readonly slip: number | null;
  readonly totalFloat: number | null;
  readonly critical: boolean;
  readonly status: MilestoneStatus;
  /** The state in words: `on time`, `slipping 3 working days`, `fixed`, `no target`, `no forecast`. */
  readonly state: string;
  readonly owner: string | null;
  readonly ownerName: string | null;
  /** The ids whose dates drive this milestone's date, first to last (the milestone itself excluded). */
  readonly drivingChain: string[];
  readonly location: SourceLocation;
}

export interface ViewDependency {
  /** The predecessor. */
  readonly from: string;
  readonly fromKind: 'task' | 'milestone' | 'workstream';
  /** The successor (a task or milestone). */
  readonly to: string;
  readonly type: DependencyType;
  readonly lagDays: number;
  /** Both ends are critical and on the critical path. */
  readonly critical: boolean;
}

export interface ViewRisk {
  readonly id: string;
  readonly title: string | null;
  readonly description: string | null;
  readonly probability: number | null;
  readonly impact: number | null;
  readonly score: number | null;
  readonly band: RiskBand | null;
  readonly status: string;
  readonly open: boolean;
  readonly owner: string | null;
  readonly ownerName: string | null;
  readonly mitigation: string | null;
  readonly contingency: string | null;
  readonly affects: string[];
  readonly reviewBy: DateString;
  readonly location: SourceLocation;
}

export interface ViewModel {
  /** The program's root file. */
  readonly uri: string;
  readonly program: ViewProgram;
  readonly workstreams: ViewWorkstream[];
  readonly tasks: ViewTask[];
  readonly milestones: ViewMilestone[];
  readonly dependencies: ViewDependency[];
  readonly risks: ViewRisk[];
  /** Critical tasks and milestones, start to finish. */
  readonly criticalPath: string[];
  readonly diagnosticsSummary: { readonly errors: number; readonly warnings: number };
  /** Every file of the program (root first): the preview reveals locations only in these. */
  readonly files: string[];
  /**
   * The band of each heat-map cell: `riskMatrix[probability - 1][impact - 1]`,
   * so the preview colours empty cells without re-deriving the banding rule.
   */
  readonly riskMatrix: RiskBand[][];
  /** The baseline (`programAsCode.baseline`) when it is loaded: the Gantt's shadow bars. */
  readonly baseline?: ViewBaseline;
}

/** Each task's and milestone's dates at a git revision, for the Gantt's baseline shadow bars. */
export interface ViewBaseline {
  readonly revision: string;
  readonly commit: string;
  readonly items: { readonly id: string; readonly start: DateString; readonly end: DateString }[];
}

const WEEKDAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

function date(d: number | null | undefined): DateString {
  return d === null || d === undefined ? null : formatDate(d);
}

export function buildViewModel(analysis: ProgramAnalysis): ViewModel {
  const { model, schedule } = analysis;
  const indexes = new Map<string, LineIndex>();
  const locate = (e: Entity): SourceLocation => locationOf(indexes, analysis, e.uri, e.idSpan);
  const item = (e: Entity): ItemSchedule | undefined => {
    const it = schedule.items.get(e.id);
    return it && it.kind === e.kind ? it : undefined;
  };
  const nameOf = (id: string | undefined, kinds: readonly EntityKind[] = ['person']): string | null => {
    if (id === undefined) return null;
    return findDefinition(model.definitions, id, kinds)?.name ?? null;
  };

  const p = model.program;
  const program: ViewProgram = {
    id: p?.id ?? null,
    name: p?.name ?? null,
    start: date(schedule.programStart ?? p?.start),
    finish: date(schedule.finish),
    statusDate: formatDate(analysis.statusDate),
    calendar: {
      workdays: schedule.calendar.workdays.map((d) => WEEKDAY_NAMES[d] as string),
      holidays: model.calendar.holidays.map((h) => ({ from: formatDate(h.from), to: formatDate(h.to), name: h.name ?? null })),
    },
    location: p ? locate(p.entity) : null,
  };

  const criticalSet = new Set(schedule.criticalPath);
  const workstreamOwner = new Map<string, string>();
  const workstreams: ViewWorkstream[] = model.workstreams.map((w) => {
    const it = item(w.entity);
    if (w.owner !== undefined && !workstreamOwner.has(w.id)) workstreamOwner.set(w.id, w.owner);
    return {
      id: w.id, name: w.name ?? null, owner: w.owner ?? null, ownerName: nameOf(w.owner), taskIds: [...w.taskIds],
      start: date(it?.start), end: date(it?.end), critical: it?.critical ?? false, location: locate(w.entity),
    };
  });

  const tasks: ViewTask[] = model.tasks.map((t) => {
    const it = item(t.entity);
    const status: TaskStatusView = t.status ?? (t.progress !== undefined && t.progress > 0 ? 'in-progress' : 'not-started');
    const progress = t.status === 'done' ? 100 : Math.max(0, Math.min(100, t.progress ?? 0));
    const owner = workstreamOwner.get(t.workstreamId) ?? null;
    return {
      id: t.id, name: t.name ?? null, workstreamId: t.workstreamId || null,
      start: date(it?.start), end: date(it?.end), lateStart: date(it?.lateStart), lateEnd: date(it?.lateEnd),
      durationDays: it?.durationDays ?? null, totalFloat: it?.totalFloat ?? null, critical: it?.critical ?? false,
      progress, status,
      assignees: t.assignees.map((a) => nameOf(a) ?? a), assigneeIds: [...t.assignees],
      owner, deliverable: t.deliverable ?? null, location: locate(t.entity),
    };
  });

  const risks: ViewRisk[] = model.risks.map((r) => {
    const score = riskScore(r) ?? null;
    return {
      id: r.id, title: r.title ?? null, description: r.description ?? null,
      probability: r.probability ?? null, impact: r.impact ?? null, score, band: score === null ? null : riskBand(score),
      status: r.status ?? 'open', open: isOpenRisk(r),
      owner: r.owner ?? null, ownerName: nameOf(r.owner), mitigation: r.mitigation ?? null, contingency: r.contingency ?? null,
      affects: [...r.affects], reviewBy: date(r.reviewBy), location: locate(r.entity),
    };
  });
  const milestones: ViewMilestone[] = model.milestones.map((m) => {
    const it = item(m.entity);
    const chain = it ? drivingChain(schedule, m.id).slice(0, -1).map((c) => c.id) : [];
    const status = it ? milestoneState(it) : 'no-forecast';
    return {
      id: m.id, name: m.name ?? null, date: date(it?.end), target: date(it?.target), slip: it?.slip ?? null,
      totalFloat: it?.totalFloat ?? null, critical: it?.critical ?? false,
      status, state: milestoneStateWords(status, it?.slip ?? null),
      owner: m.owner ?? null, ownerName: nameOf(m.owner), drivingChain: chain, location: locate(m.entity),
    };
  });

  const dependencies: ViewDependency[] = [];
  const cal = schedule.calendar;
  for (const succ of [...model.tasks, ...model.milestones]) {
    if (!item(succ.entity)) continue;
    for (const d of succ.dependsOn) {
      const pred = findDefinition(model.definitions, d.targetId, ['task', 'milestone', 'workstream']);
      if (!pred || pred.id === succ.id) continue;
      const predItem = item(pred);
      const succItem = item(succ.entity);
      dependencies.push({
        from: pred.id, fromKind: pred.kind as ViewDependency['fromKind'], to: succ.id, type: d.type,
        lagDays: d.lag ? cal.wholeDays(d.lag, 0).days : 0,
        critical: !!predItem?.critical && !!succItem?.critical && criticalSet.has(pred.id) && criticalSet.has(succ.id),
      });
    }
  }

  let errors = 0;
  let warnings = 0;
  for (const d of analysis.diagnostics) {
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
  }

  return {
    uri: model.rootUri, program, workstreams, tasks, milestones, dependencies, risks,
    criticalPath: [...schedule.criticalPath], diagnosticsSummary: { errors, warnings },
    files: model.files.map((f) => f.uri),
    riskMatrix: [1, 2, 3, 4, 5].map((pr) => [1, 2, 3, 4, 5].map((im) => riskBand(pr * im))),
  };
}

function locationOf(indexes: Map<string, LineIndex>, analysis: ProgramAnalysis, uri: string, span: Span): SourceLocation {
  let index = indexes.get(uri);
  if (!index) {
    const file = analysis.model.files.find((f) => f.uri === uri);
    index = new LineIndex(file?.text ?? '');
    indexes.set(uri, index);
  }
  const s = index.positionAt(span.start);
  const e = index.positionAt(span.end);
  return { uri, line: s.line, character: s.character, endLine: e.line, endCharacter: e.character };
}

// ---------------------------------------------------------------------------
// The wire form of a view model, for the preview's `update` message. A 10,000-
// task model is ~6 MB of small objects, and structured cloning them (on post
// and again on receipt) cost more than drawing the Gantt. The packed form is
// one JSON string whose task and dependency lists are columns (one array per
// field, locations as five numbers with the file as an index into `files`):
// posting a string is a copy, parsing flat arrays is quick, and `unpack`
// rebuilds exactly the objects `buildViewModel` made (tested round trip).

/** `ViewModel` fields sent as columns, in a fixed order. */
const TASK_FIELDS = [
  'id', 'name', 'workstreamId', 'start', 'end', 'lateStart', 'lateEnd', 'durationDays', 'totalFloat', 'critical',
  'progress', 'status', 'assignees', 'assigneeIds', 'owner', 'deliverable',
] as const satisfies readonly (keyof ViewTask)[];
const DEPENDENCY_FIELDS = ['from', 'fromKind', 'to', 'type', 'lagDays', 'critical'] as const satisfies readonly (keyof ViewDependency)[];

export const PACKED_VERSION = 1;

interface PackedColumns {
  readonly n: number;
  readonly cols: Record<string, unknown[]>;
}

interface PackedViewModel {
  readonly v: number;
  readonly rest: Omit<ViewModel, 'tasks' | 'dependencies'>;
  readonly tasks: PackedColumns;
  readonly dependencies: PackedColumns;
}

/** The view model as one compact JSON string (see `unpackViewModel`). */
export function packViewModel(vm: ViewModel): string {
  const fileIndex = new Map(vm.files.map((f, i) => [f, i]));
  const files = [...vm.files];
  const fileOf = (uri: string): number => {
    let i = fileIndex.get(uri);
    if (i === undefined) { i = files.length; files.push(uri); fileIndex.set(uri, i); }
    return i;
  };
  const tasks = columns(vm.tasks, TASK_FIELDS);
  const loc: number[] = new Array<number>(vm.tasks.length * 5);
  vm.tasks.forEach((t, i) => {
    const l = t.location;
    loc[i * 5] = fileOf(l.uri); loc[i * 5 + 1] = l.line; loc[i * 5 + 2] = l.character; loc[i * 5 + 3] = l.endLine; loc[i * 5 + 4] = l.endCharacter;
  });
  tasks.cols.location = loc;
  const { tasks: _t, dependencies: _d, ...rest } = vm;
  const dependencies = columns(vm.dependencies, DEPENDENCY_FIELDS);
  for (const c of [tasks, dependencies]) for (const k of Object.keys(c.cols)) c.cols[k] = dictEncode(c.cols[k]!) as unknown[];
  const packed: PackedViewModel & { locFiles: string[] } = { v: PACKED_VERSION, rest, tasks, dependencies, locFiles: files };
  return JSON.stringify(packed);
}

/** A column of few distinct strings (dates, statuses, workstream ids) as indexes into a dictionary. */
interface DictColumn { readonly dict: (string | null)[]; readonly idx: number[] }

function columns<T, K extends keyof T>(list: readonly T[], fields: readonly K[]): { n: number; cols: Record<string, unknown[]> } {
  const cols: Record<string, unknown[]> = {};
  for (const f of fields) {
    const col = new Array<unknown>(list.length);
    for (let i = 0; i < list.length; i++) col[i] = (list[i] as T)[f];
    cols[f as string] = col;
  }
  return { n: list.length, cols };
}

function dictEncode(col: unknown[]): unknown[] | DictColumn {
  const at = new Map<string | null, number>();
  const dict: (string | null)[] = [];
  const idx = new Array<number>(col.length);
  for (let i = 0; i < col.length; i++) {
    const v = col[i];
    if (v !== null && typeof v !== 'string') return col;
    let k = at.get(v);
    if (k === undefined) {
      if (dict.length * 4 > col.length + 16) return col; // too many distinct values to gain anything
      k = dict.length; dict.push(v); at.set(v, k);
    }
    idx[i] = k;
  }
  return { dict, idx };
}

function dictDecode(c: unknown): unknown {
  if (Array.isArray(c) || typeof c !== 'object' || c === null) return c;
  const { dict, idx } = c as Partial<DictColumn>;
  if (!Array.isArray(dict) || !Array.isArray(idx)) return undefined;
  const out = new Array<string | null>(idx.length);
  for (let i = 0; i < idx.length; i++) out[i] = dict[idx[i]!] ?? null;
  return out;
}

/** The view model in a `packViewModel` string; undefined if it is not one. */
export function unpackViewModel(text: string): ViewModel | undefined {
  let p: Partial<PackedViewModel> & { locFiles?: unknown };
  try { p = JSON.parse(text) as typeof p; } catch { return undefined; }
  if (typeof p !== 'object' || p === null || p.v !== PACKED_VERSION || typeof p.rest !== 'object' || p.rest === null) return undefined;
  const files = Array.isArray(p.locFiles) ? p.locFiles as string[] : [];
  const tc = columnsOf(p.tasks, [...TASK_FIELDS, 'location']);
  const dc = columnsOf(p.dependencies, DEPENDENCY_FIELDS);
  if (!tc || !dc) return undefined;
  const loc = tc.location as number[];
  if (loc.length !== tc.id!.length * 5) return undefined;
  // Object literals in buildViewModel's field order (one shape, built quickly).
  const { id, name, workstreamId, start, end, lateStart, lateEnd, durationDays, totalFloat, critical, progress, status, assignees, assigneeIds, owner, deliverable } = tc as Record<(typeof TASK_FIELDS)[number], never[]>;
  const tasks = new Array<ViewTask>(id.length);
  for (let i = 0; i < id.length; i++) {
    const l = i * 5;
    tasks[i] = {
      id: id[i]!, name: name[i]!, workstreamId: workstreamId[i]!, start: start[i]!, end: end[i]!, lateStart: lateStart[i]!, lateEnd: lateEnd[i]!,
      durationDays: durationDays[i]!, totalFloat: totalFloat[i]!, critical: critical[i]!, progress: progress[i]!, status: status[i]!,
      assignees: assignees[i]!, assigneeIds: assigneeIds[i]!, owner: owner[i]!, deliverable: deliverable[i]!,
      location: { uri: String(files[loc[l]!] ?? ''), line: loc[l + 1]!, character: loc[l + 2]!, endLine: loc[l + 3]!, endCharacter: loc[l + 4]! },
    };
  }
  const d = dc as Record<(typeof DEPENDENCY_FIELDS)[number], never[]>;
  const dependencies = new Array<ViewDependency>(d.from.length);
  for (let i = 0; i < dependencies.length; i++) {
    dependencies[i] = { from: d.from[i]!, fromKind: d.fromKind[i]!, to: d.to[i]!, type: d.type[i]!, lagDays: d.lagDays[i]!, critical: d.critical[i]! };
  }
  return { ...p.rest, tasks, dependencies } as ViewModel;
}

/** The named columns, each an array of length n; undefined if any is missing. */
function columnsOf(packed: PackedColumns | undefined, fields: readonly string[]): Record<string, unknown[]> | undefined {
  if (!packed || typeof packed.n !== 'number' || typeof packed.cols !== 'object' || packed.cols === null) return undefined;
  const out: Record<string, unknown[]> = {};
  for (const f of fields) {
    const c = dictDecode(packed.cols[f]);
    if (!Array.isArray(c) || c.length !== (f === 'location' ? packed.n * 5 : packed.n)) return undefined;
    out[f] = c;
  }
  return out;
}
