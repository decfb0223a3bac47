// What a JSON path is about, in the words a message uses: "task `api`",
// "dependency on `db` of task `api`", "`status` in task `api`", "an item of
// `tags` in task `api`". The path is read against the sections of the format
// (which lists hold which kind of item) and the file's plain value (for ids).
import { clip } from './phrasing.js';

interface Section {
  /** What one item (or the section itself) is called in a message. */
  readonly kind: string;
  /** The section is a list of such items. */
  readonly list?: boolean;
  readonly children?: Readonly<Record<string, Section>>;
}

const DEPENDENCY: Section = { kind: 'dependency', list: true };
const SECTIONS: Readonly<Record<string, Section>> = {
  program: { kind: 'program' },
  calendar: { kind: 'calendar', children: { holidays: { kind: 'holiday', list: true } } },
  people: { kind: 'person', list: true, children: { leave: { kind: 'leave entry', list: true } } },
  teams: { kind: 'team', list: true },
  workstreams: {
    kind: 'workstream',
    list: true,
    children: { tasks: { kind: 'task', list: true, children: { depends_on: DEPENDENCY } } },
  },
  milestones: { kind: 'milestone', list: true, children: { depends_on: DEPENDENCY } },
  risks: { kind: 'risk', list: true },
  budget: { kind: 'budget', children: { lines: { kind: 'budget line', list: true } } },
  stakeholders: { kind: 'stakeholder', list: true },
  kpis: { kind: 'KPI', list: true },
  changes: { kind: 'change', list: true },
};

/** An item the path passes through (a task, its dependency, the file itself). */
export interface PathItem {
  readonly kind: string;
  /** Number of path segments that lead to the item. */
  readonly depth: number;
  readonly id?: string;
}

export interface PathContext {
  readonly segs: readonly string[];
  /** Innermost first. The file itself is the last. */
  readonly items: readonly PathItem[];
  readonly isRoot: boolean;
}

function valueAt(value: unknown, segs: readonly string[]): unknown {
  let v = value;
  for (const s of segs) {
    if (Array.isArray(v)) v = v[Number(s)];
    else if (v !== null && typeof v === 'object') v = (v as Record<string, unknown>)[s];
    else return undefined;
  }
  return v;
}

export function contextOf(segs: readonly string[], value: unknown, isRoot: boolean): PathContext {
  const found: PathItem[] = [];
  let level: Readonly<Record<string, Section>> | undefined = SECTIONS;
  let i = 0;
  while (i < segs.length && level) {
    const seg = segs[i] as string;
    const section: Section | undefined = Object.prototype.hasOwnProperty.call(level, seg) ? level[seg] : undefined;
    if (!section) break;
    let depth: number;
    if (section.list) {
      const next = segs[i + 1];
      if (next === undefined || !/^\d+$/.test(next)) break;
      depth = i + 2;
    } else {
      depth = i + 1;
    }
    const v = valueAt(value, segs.slice(0, depth));
    const id = v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>)['id'] : undefined;
    found.push({ kind: section.kind, depth, ...(typeof id === 'string' || typeof id === 'number' ? { id: String(id) } : {}) });
    level = section.children;
    i = depth;
  }
  found.reverse();
  found.push({ kind: isRoot ? 'root file' : 'fragment', depth: 0 });
  return { segs, items: found, isRoot };
}

function itemLabel(e: PathItem): string {
  if (e.id === undefined) return e.kind;
  // A dependency's `id` names what it depends on, not itself.
  return e.kind === 'dependency' ? `dependency on \`${clip(e.id)}\`` : `${e.kind} \`${clip(e.id)}\``;
}

/** "task `api`", "dependency of task `api`", "the root file". */
export function labelAt(ctx: PathContext, depth: number): string {
  const inner = ctx.items.filter((e) => e.depth <= depth);
  const first = inner[0];
  if (!first) return 'the file';
  if (first.depth === 0) return `the ${first.kind}`;
  const parent = inner[1];
  if ((first.id === undefined || first.kind === 'dependency') && parent && parent.depth > 0) {
    return `${itemLabel(first)} of ${itemLabel(parent)}`;
  }
  return itemLabel(first);
}

/** The field a value is under, e.g. `status`, or `tags` for an item of `tags`. */
export function fieldName(segs: readonly string[]): { field: string; item: boolean } | undefined {
  const last = segs[segs.length - 1];
  if (last === undefined) return undefined;
  if (/^\d+$/.test(last)) {
    const parent = segs[segs.length - 2];
    return parent === undefined ? undefined : { field: parent, item: true };
  }
  return { field: last, item: false };
}

/** "`status` in task `api`", "an item of `tags` in task `api`", "`beta` in the raci of stakeholder `cto`". */
export function subject(ctx: PathContext): string {
  const f = fieldName(ctx.segs);
  const where = labelAt(ctx, ctx.segs.length);
  if (!f) return where;
  const own = ctx.items[0];
  if (own && own.depth === ctx.segs.length && own.depth > 0) return `a ${where}`;
  if (f.item) return `an item of \`${f.field}\` in ${where}`;
  if (ctx.segs[ctx.segs.length - 2] === 'raci') return `\`${clip(f.field)}\` in the \`raci\` of ${where}`;
  return `\`${f.field}\` in ${where}`;
}

/** The item whose own map is at `base` (not an ancestor's), if any. */
export function ownItem(ctx: PathContext, base: readonly string[]): PathItem | undefined {
  const own = ctx.items[0];
  return own && own.depth === base.length && own.depth > 0 ? own : undefined;
}

/** The kind of the item whose own map is at `base`, or `program` for the program section. */
export function ownKind(ctx: PathContext, base: readonly string[]): string | undefined {
  const own = ownItem(ctx, base);
  if (own) return own.kind;
  return base.length === 1 && base[0] === 'program' ? 'program' : undefined;
}
