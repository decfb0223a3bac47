// The wire form of a view model: what the server answers the preview with
// (programAsCode/previewModel) and the panel forwards to the webview as is, in
// its `update` message: encoded once, by the server, decoded once, by the
// webview. A 10,000-task model is ~6 MB of small objects, and structured
// cloning them (on post and again on receipt) cost more than drawing the
// Gantt. The wire form keeps the task and dependency lists as columns (one
// array per field, few-valued string columns as a dictionary and indexes,
// locations as five numbers with the file as an index into `locFiles`):
// 2.2 MB of JSON instead of 6.4 MB for 10,000 tasks, flat arrays that clone
// and parse quickly, and `decodeViewModel` rebuilds exactly the objects
// `buildViewModel` made (tested round trip).
import type { ViewDependency, ViewModel, ViewTask } from './view-model.js';

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

/** A view model on the wire (see `encodeViewModel`). */
export interface WireViewModel {
  readonly v: number;
  /** Everything but the tasks and dependencies, as `buildViewModel` made it (files, program, …). */
  readonly rest: Omit<ViewModel, 'tasks' | 'dependencies'>;
  readonly tasks: PackedColumns;
  readonly dependencies: PackedColumns;
  /** The files the task locations index into. */
  readonly locFiles: string[];
}

/** The view model as one compact JSON string (see `unpackViewModel`). */
export function packViewModel(vm: ViewModel): string {
  return JSON.stringify(encodeViewModel(vm));
}

/** The view model in its wire form (see `decodeViewModel`). */
export function encodeViewModel(vm: ViewModel): WireViewModel {
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
  return { v: PACKED_VERSION, rest, tasks, dependencies, locFiles: files };
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
  let wire: unknown;
  try { wire = JSON.parse(text); } catch { return undefined; }
  return decodeViewModel(wire);
}

/** The view model in its wire form; undefined if `wire` is not one (it may come from anywhere). */
export function decodeViewModel(wire: unknown): ViewModel | undefined {
  const p = wire as Partial<WireViewModel> & { locFiles?: unknown };
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
