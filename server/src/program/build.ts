// One parsed file -> entities, references and typed records, each with the
// ranges of its text. Reads the AST only through yaml-nodes helpers, so any
// shape of input is tolerated: what does not fit is skipped here and reported
// by the schema check.
import type { Document, YAMLMap } from 'yaml';
import { formatDate, parseDate } from './dates.js';
import { diagnostic } from './diagnostic.js';
import type { ParsedFile } from './parse.js';
import type { Team } from './model.js';
import type {
  BudgetLine, Change, DayRange, Diagnostic, Dependency, DependencyType, Duration, Entity, EntityKind, Kpi,
  Estimate, ForecastSettings, Milestone, Person, Pool, PoolNeed, ProgramInfo, SchedulingSpec, Reference, ReferenceField, Risk, RiskStatus, Span, Stakeholder, Task, TaskStatus, Workstream,
} from './types.js';
import {
  asMap, asScalar, itemsOf, nodeSpan, numberOf, pairOf, stringOf, tokenSpan, valueOf,
} from './yaml-nodes.js';
import type { AnyNode } from './yaml-nodes.js';

/** Which entity kinds each reference field accepts (program-format.md, "References"). */
export const FIELD_KINDS: Readonly<Record<ReferenceField, readonly EntityKind[]>> = {
  depends_on: ['task', 'milestone', 'workstream'],
  assignees: ['person'],
  owner: ['person'],
  team: ['team'],
  lead: ['person'],
  affects: ['task', 'milestone', 'workstream'],
  workstream: ['workstream'],
  requested_by: ['person', 'stakeholder'],
  raci: ['task', 'milestone', 'workstream'],
  needs: ['pool'],
};

const WEEKDAYS: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };
const DURATION_RE = /^([0-9]+(?:\.[0-9]+)?)([dw])$/;

/** Everything collected from the files of one program, in file order. */
export interface Collected {
  program?: ProgramInfo;
  workdays?: number[];
  holidays: DayRange[];
  includeNodes: { uri: string; span: Span; pattern: string }[];
  entities: Entity[];
  references: Reference[];
  people: Person[];
  teams: Team[];
  workstreams: Workstream[];
  tasks: Task[];
  milestones: Milestone[];
  risks: Risk[];
  budgetLines: BudgetLine[];
  budgetCurrency?: string;
  stakeholders: Stakeholder[];
  kpis: Kpi[];
  changes: Change[];
  pools: Pool[];
  scheduling?: SchedulingSpec;
  /** What the builder itself finds wrong (a holiday that ends before it starts). */
  problems: Diagnostic[];
  /** The root's `forecast:` settings (root only). */
  forecast?: ForecastSettings;
}

export function emptyCollected(): Collected {
  return {
    problems: [], holidays: [], includeNodes: [], entities: [], references: [], people: [], teams: [], workstreams: [],
    tasks: [], milestones: [], risks: [], budgetLines: [], stakeholders: [], kpis: [], changes: [], pools: [],
  };
}

export function parseDuration(doc: Document, node: AnyNode): Duration | undefined {
  const s = asScalar(doc, node);
  if (!s || typeof s.value !== 'string') return undefined;
  const m = DURATION_RE.exec(s.value.trim());
  const span = nodeSpan(s);
  if (!m || !span) return undefined;
  return { amount: Number(m[1]), unit: m[2] as 'd' | 'w', span };
}

/** `{ optimistic, likely, pessimistic }`, when all three are durations (the schema check reports the rest). */
export function parseEstimate(doc: Document, node: AnyNode): Estimate | undefined {
  const m = asMap(doc, node);
  const span = nodeSpan(m);
  if (!m || !span) return undefined;
  const optimistic = parseDuration(doc, valueOf(m, 'optimistic'));
  const likely = parseDuration(doc, valueOf(m, 'likely'));
  const pessimistic = parseDuration(doc, valueOf(m, 'pessimistic'));
  return optimistic && likely && pessimistic ? { optimistic, likely, pessimistic, span } : undefined;
}

/** Adds everything in `file` to `out`. */
export function collectFile(file: ParsedFile, out: Collected): void {
  const doc = file.doc;
  if (!doc || file.value === undefined) return;
  const root = asMap(doc, doc.contents);
  if (!root) return;
  const b = new FileBuilder(doc, file.uri, out);
  b.root(root, file.isRoot);
}

class FileBuilder {
  constructor(private readonly doc: Document, private readonly uri: string, private readonly out: Collected) {}

  root(root: YAMLMap, isRoot: boolean): void {
    const d = this.doc;
    if (isRoot) {
      const program = asMap(d, valueOf(root, 'program'));
      if (program) this.program(program);
      const calendar = asMap(d, valueOf(root, 'calendar'));
      if (calendar) this.calendar(calendar);
      const scheduling = asMap(d, valueOf(root, 'scheduling'));
      if (scheduling && !this.out.scheduling) {
        const levelling = valueOf(scheduling, 'levelling');
        const span = nodeSpan(levelling);
        this.out.scheduling = { levelling: asScalar(d, levelling)?.value === true, ...(span && { levellingSpan: span }) };
      }
      const forecast = asMap(d, valueOf(root, 'forecast'));
      if (forecast) this.forecast(forecast);
      for (const item of itemsOf(d, valueOf(root, 'include'))) {
        const s = asScalar(d, item);
        const span = s && tokenSpan(s);
        if (s && typeof s.value === 'string' && span) this.out.includeNodes.push({ uri: this.uri, span, pattern: s.value });
      }
    }
    this.list(root, 'people', (m) => this.person(m));
    this.list(root, 'teams', (m) => this.team(m));
    this.list(root, 'workstreams', (m) => this.workstream(m));
    this.list(root, 'milestones', (m) => this.milestone(m));
    this.list(root, 'risks', (m) => this.risk(m));
    const budget = asMap(d, valueOf(root, 'budget'));
    if (budget) {
      const currency = stringOf(d, valueOf(budget, 'currency'));
      if (currency !== undefined && this.out.budgetCurrency === undefined) this.out.budgetCurrency = currency;
      this.list(budget, 'lines', (m) => this.budgetLine(m));
    }
    this.list(root, 'stakeholders', (m) => this.stakeholder(m));
    this.list(root, 'kpis', (m) => this.kpi(m));
    this.list(root, 'changes', (m) => this.change(m));
    this.list(root, 'pools', (m) => this.pool(m));
  }

  private pool(m: YAMLMap): void {
    const e = this.entity('pool', m);
    if (!e) return;
    const units = this.num(m, 'units');
    this.out.pools.push({ id: e.id, entity: e, ...opt('name', e.name), units: units !== undefined && Number.isInteger(units) && units >= 0 ? units : 0 });
  }

  /** `needs: { pool: units }`: each key is a reference to a pool. */
  private needs(m: YAMLMap, from: Entity | undefined): PoolNeed[] {
    const out: PoolNeed[] = [];
    const map = asMap(this.doc, valueOf(m, 'needs'));
    for (const pair of map?.items ?? []) {
      const pool = this.refNode(pair.key, 'needs', from);
      const units = numberOf(this.doc, pair.value);
      const keyScalar = asScalar(this.doc, pair.key);
      const span = keyScalar && tokenSpan(keyScalar);
      const unitsSpan = nodeSpan(pair.value);
      if (pool === undefined || !span || units === undefined || !Number.isFinite(units) || units <= 0) continue;
      out.push({ pool, units, span, ...(unitsSpan && { unitsSpan }) });
    }
    return out;
  }

  private list(parent: YAMLMap, key: string, each: (m: YAMLMap) => void): void {
    for (const item of itemsOf(this.doc, valueOf(parent, key))) {
      const m = asMap(this.doc, item);
      if (m) each(m);
    }
  }

  /** Registers the entity defined by map `m`; undefined when it has no usable id. */
  private entity(kind: EntityKind, m: YAMLMap, parentId?: string): Entity | undefined {
    const idNode = asScalar(this.doc, valueOf(m, 'id'));
    const span = nodeSpan(m);
    if (!idNode || typeof idNode.value !== 'string' || !span) return undefined;
    const idSpan = tokenSpan(idNode);
    if (!idSpan || idNode.value === '') return undefined;
    const name = this.str(m, kind === 'risk' || kind === 'change' ? 'title' : 'name');
    const e: Entity = { kind, id: idNode.value, uri: this.uri, span, idSpan, ...(name !== undefined && { name }), ...(parentId !== undefined && { parentId }) };
    this.out.entities.push(e);
    return e;
  }

  private str(m: YAMLMap, key: string): string | undefined {
    return stringOf(this.doc, valueOf(m, key));
  }

  private num(m: YAMLMap, key: string): number | undefined {
    return numberOf(this.doc, valueOf(m, key));
  }

  private date(m: YAMLMap, key: string): number | undefined {
    const s = this.str(m, key);
    return s === undefined ? undefined : parseDate(s);
  }

  private span(m: YAMLMap, key: string): Span | undefined {
    return nodeSpan(valueOf(m, key));
  }

  /** A single-id reference field; returns the id when it is a string. */
  private ref(m: YAMLMap, key: ReferenceField, from: Entity | undefined): string | undefined {
    return this.refNode(valueOf(m, key), key, from);
  }

  private refNode(node: AnyNode, field: ReferenceField, from: Entity | undefined, itemSpan?: Span): string | undefined {
    const s = asScalar(this.doc, node);
    if (!s || typeof s.value !== 'string') return undefined;
    const span = tokenSpan(s);
    if (!span) return undefined;
    this.out.references.push({
      uri: this.uri, span, targetId: s.value, field, expected: FIELD_KINDS[field],
      ...(from && { from: { kind: from.kind, id: from.id } }),
      ...(itemSpan && { itemSpan }),
    });
    return s.value;
  }

  private refList(m: YAMLMap, key: ReferenceField, from: Entity | undefined): string[] {
    const ids: string[] = [];
    for (const item of itemsOf(this.doc, valueOf(m, key))) {
      const id = this.refNode(item, key, from, nodeSpan(item));
      if (id !== undefined) ids.push(id);
    }
    return ids;
  }

  private dependencies(m: YAMLMap, from: Entity | undefined): Dependency[] {
    const deps: Dependency[] = [];
    for (const item of itemsOf(this.doc, valueOf(m, 'depends_on'))) {
      const itemSpan = nodeSpan(item);
      if (!itemSpan) continue;
      const asMapItem = asMap(this.doc, item);
      const idNode = asMapItem ? valueOf(asMapItem, 'id') : item;
      const targetId = this.refNode(idNode, 'depends_on', from, itemSpan);
      const idScalar = asScalar(this.doc, idNode);
      const span = idScalar && tokenSpan(idScalar);
      if (targetId === undefined || !span) continue;
      let type: DependencyType = 'FS';
      let typeSpan: Span | undefined;
      let lag: Duration | undefined;
      if (asMapItem) {
        const t = this.str(asMapItem, 'type');
        if (t === 'FS' || t === 'SS' || t === 'FF') {
          type = t;
          typeSpan = this.span(asMapItem, 'type');
        }
        lag = parseDuration(this.doc, valueOf(asMapItem, 'lag'));
      }
      deps.push({ targetId, type, uri: this.uri, span, itemSpan, ...(lag && { lag }), ...(typeSpan && { typeSpan }) });
    }
    return deps;
  }

  private dayRanges(node: AnyNode): DayRange[] {
    const ranges: DayRange[] = [];
    for (const item of itemsOf(this.doc, node)) {
      const single = stringOf(this.doc, item);
      if (single !== undefined) {
        const day = parseDate(single);
        if (day !== undefined) ranges.push({ from: day, to: day });
        continue;
      }
      const m = asMap(this.doc, item);
      if (!m) continue;
      const from = this.date(m, 'from');
      const to = this.date(m, 'to');
      const name = this.str(m, 'name');
      if (from !== undefined && to !== undefined && to >= from) ranges.push({ from, to, ...(name !== undefined && { name }) });
      else if (from !== undefined && to !== undefined) {
        // Silently dropping it would schedule work on days the team is off.
        const span = this.span(m, 'to') ?? nodeSpan(m);
        if (span) {
          this.out.problems.push(diagnostic('invalid-value', this.uri, span,
            `This range ends (${formatDate(to)}) before it starts (${formatDate(from)}), so it is ignored; swap \`from\` and \`to\`.`));
        }
      }
    }
    return ranges;
  }

  private program(m: YAMLMap): void {
    const e = this.entity('program', m);
    const owner = this.ref(m, 'owner', e);
    if (!e || this.out.program) return;
    const objectives = itemsOf(this.doc, valueOf(m, 'objectives'))
      .map((n) => stringOf(this.doc, n)).filter((s): s is string => s !== undefined);
    this.out.program = {
      id: e.id, entity: e, objectives,
      ...opt('name', e.name), ...opt('start', this.date(m, 'start')), ...opt('owner', owner),
      ...opt('statusDate', this.date(m, 'status_date')), ...opt('description', this.str(m, 'description')),
    };
  }

  private calendar(m: YAMLMap): void {
    const workdays = itemsOf(this.doc, valueOf(m, 'workdays'))
      .map((n) => WEEKDAYS[(stringOf(this.doc, n) ?? '').toLowerCase()])
      .filter((n): n is number => n !== undefined);
    if (pairOf(m, 'workdays')) this.out.workdays = [...new Set(workdays)].sort();
    this.out.holidays.push(...this.dayRanges(valueOf(m, 'holidays')));
  }

  private forecast(m: YAMLMap): void {
    const iterations = this.num(m, 'iterations');
    const seed = this.num(m, 'seed');
    const distribution = oneOf(this.str(m, 'distribution'), ['pert', 'triangular'] as const);
    this.out.forecast = {
      ...opt('iterations', intIn(iterations, 1, 100_000)), ...opt('seed', intIn(seed, 0, 0xffffffff)), ...opt('distribution', distribution),
    };
  }

  private person(m: YAMLMap): void {
    const e = this.entity('person', m);
    const team = this.ref(m, 'team', e);
    if (!e) return;
    const capacity = this.num(m, 'capacity');
    this.out.people.push({
      id: e.id, entity: e, ...opt('name', e.name), ...opt('team', team),
      capacity: capacity !== undefined && capacity > 0 && capacity <= 1 ? capacity : 1,
      leave: this.dayRanges(valueOf(m, 'leave')),
    });
  }

  private team(m: YAMLMap): void {
    const e = this.entity('team', m);
    const lead = this.ref(m, 'lead', e);
    if (e) this.out.teams.push({ id: e.id, entity: e, ...opt('name', e.name), ...opt('lead', lead) });
  }

  private workstream(m: YAMLMap): void {
    const e = this.entity('workstream', m);
    const team = this.ref(m, 'team', e);
    const owner = this.ref(m, 'owner', e);
    const taskIds: string[] = [];
    this.list(m, 'tasks', (t) => {
      const id = this.task(t, e?.id ?? '');
      if (id !== undefined) taskIds.push(id);
    });
    if (e) this.out.workstreams.push({ id: e.id, entity: e, ...opt('name', e.name), ...opt('owner', owner), ...opt('team', team), taskIds });
  }

  private task(m: YAMLMap, workstreamId: string): string | undefined {
    const e = this.entity('task', m, workstreamId || undefined);
    const dependsOn = this.dependencies(m, e);
    const assignees = this.refList(m, 'assignees', e);
    const needs = this.needs(m, e);
    if (!e) return undefined;
    const status = this.str(m, 'status');
    const progress = this.num(m, 'progress');
    const priority = this.num(m, 'priority');
    const tags = itemsOf(this.doc, valueOf(m, 'tags')).map((n) => stringOf(this.doc, n)).filter((s): s is string => s !== undefined);
    const spans: Task['spans'] = {};
    for (const key of ['duration', 'effort', 'progress', 'status', 'start', 'actual_start', 'actual_end', 'assignees', 'needs', 'priority'] as const) {
      const s = this.span(m, key);
      if (s) (spans as Record<string, Span>)[key] = s;
    }
    this.out.tasks.push({
      id: e.id, entity: e, workstreamId, dependsOn, assignees, spans,
      ...opt('name', e.name),
      ...opt('duration', parseDuration(this.doc, valueOf(m, 'duration'))),
      ...opt('effort', parseDuration(this.doc, valueOf(m, 'effort'))),
      ...opt('estimate', parseEstimate(this.doc, valueOf(m, 'estimate'))),
      ...opt('status', oneOf(status, TASK_STATUSES)),
      ...opt('progress', progress !== undefined && progress >= 0 && progress <= 100 ? progress : undefined),
      ...opt('start', this.date(m, 'start')),
      ...opt('actualStart', this.date(m, 'actual_start')),
      ...opt('actualEnd', this.date(m, 'actual_end')),
      ...opt('deliverable', this.str(m, 'deliverable')),
      ...(tags.length > 0 && { tags }),
      ...(needs.length > 0 && { needs }),
      ...opt('priority', intIn(priority, 1, 1000)),
      ...opt('cost', costOf(this.num(m, 'cost'))),
    });
    return e.id;
  }

  private milestone(m: YAMLMap): void {
    const e = this.entity('milestone', m);
    const dependsOn = this.dependencies(m, e);
    const owner = this.ref(m, 'owner', e);
    if (!e) return;
    const spans: Milestone['spans'] = {};
    const dateSpan = this.span(m, 'date');
    const depsSpan = this.span(m, 'depends_on');
    if (dateSpan) (spans as Record<string, Span>).date = dateSpan;
    if (depsSpan) (spans as Record<string, Span>).depends_on = depsSpan;
    this.out.milestones.push({
      id: e.id, entity: e, dependsOn, spans, ...opt('name', e.name), ...opt('date', this.date(m, 'date')), ...opt('owner', owner),
    });
  }

  private risk(m: YAMLMap): void {
    const e = this.entity('risk', m);
    const owner = this.ref(m, 'owner', e);
    const affects = this.refList(m, 'affects', e);
    if (!e) return;
    const status = this.str(m, 'status');
    const spans: Risk['spans'] = {};
    for (const key of ['review_by', 'probability', 'impact', 'schedule_impact', 'chance'] as const) {
      const s = this.span(m, key);
      if (s) (spans as Record<string, Span>)[key] = s;
    }
    this.out.risks.push({
      id: e.id, entity: e, affects, spans,
      ...opt('title', e.name), ...opt('description', this.str(m, 'description')),
      ...opt('probability', intIn(this.num(m, 'probability'), 1, 5)), ...opt('impact', intIn(this.num(m, 'impact'), 1, 5)),
      ...opt('owner', owner),
      ...opt('status', oneOf(status, RISK_STATUSES)),
      ...opt('mitigation', nonBlank(this.str(m, 'mitigation'))), ...opt('contingency', nonBlank(this.str(m, 'contingency'))),
      ...opt('reviewBy', this.date(m, 'review_by')),
      ...opt('scheduleImpact', parseDuration(this.doc, valueOf(m, 'schedule_impact')) ?? parseEstimate(this.doc, valueOf(m, 'schedule_impact'))),
      ...opt('chance', chanceOf(this.num(m, 'chance'))),
    });
  }

  private budgetLine(m: YAMLMap): void {
    const e = this.entity('budget-line', m);
    const workstream = this.ref(m, 'workstream', e);
    if (!e) return;
    const actualSpan = this.span(m, 'actual');
    this.out.budgetLines.push({
      id: e.id, entity: e, spans: actualSpan ? { actual: actualSpan } : {},
      ...opt('name', e.name), ...opt('category', this.str(m, 'category')),
      ...opt('planned', this.num(m, 'planned')), ...opt('actual', this.num(m, 'actual')), ...opt('workstream', workstream),
    });
  }

  private stakeholder(m: YAMLMap): void {
    const e = this.entity('stakeholder', m);
    const raci: Record<string, string> = {};
    const raciMap = asMap(this.doc, valueOf(m, 'raci'));
    for (const pair of raciMap?.items ?? []) {
      const id = this.refNode(pair.key, 'raci', e);
      const v = stringOf(this.doc, pair.value);
      if (id !== undefined && v !== undefined) raci[id] = v;
    }
    if (!e) return;
    const level = (k: string) => oneOf(this.str(m, k), ['low', 'medium', 'high'] as const);
    this.out.stakeholders.push({
      id: e.id, entity: e, raci,
      ...opt('name', e.name), ...opt('role', this.str(m, 'role')), ...opt('influence', level('influence')), ...opt('interest', level('interest')),
    });
  }

  private kpi(m: YAMLMap): void {
    const e = this.entity('kpi', m);
    if (!e) return;
    const direction = this.str(m, 'direction');
    const currentSpan = this.span(m, 'current');
    this.out.kpis.push({
      id: e.id, entity: e, spans: currentSpan ? { current: currentSpan } : {},
      ...opt('name', e.name), ...opt('unit', this.str(m, 'unit') ?? numberToString(this.num(m, 'unit'))),
      ...opt('target', this.num(m, 'target')), ...opt('current', this.num(m, 'current')),
      ...opt('direction', oneOf(direction, ['up', 'down'] as const)),
    });
  }

  private change(m: YAMLMap): void {
    const e = this.entity('change', m);
    const requestedBy = this.ref(m, 'requested_by', e);
    const affects = this.refList(m, 'affects', e);
    if (!e) return;
    const status = this.str(m, 'status');
    this.out.changes.push({
      id: e.id, entity: e, affects,
      ...opt('title', e.name), ...opt('requestedBy', requestedBy),
      ...opt('status', oneOf(status, ['proposed', 'approved', 'rejected', 'implemented'] as const)),
      ...opt('scheduleImpact', parseDuration(this.doc, valueOf(m, 'schedule_impact'))),
      ...opt('costImpact', this.num(m, 'cost_impact')),
    });
  }
}

/** `{ [key]: value }` when value is defined, else `{}`: keeps optional fields truly absent. */
function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}

/** `value` when it is one of `allowed`, else undefined (the schema check reports it). */
function oneOf<T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined {
  return value !== undefined && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

const TASK_STATUSES: readonly TaskStatus[] = ['not-started', 'in-progress', 'blocked', 'done', 'cancelled'];
const RISK_STATUSES: readonly RiskStatus[] = ['open', 'mitigating', 'accepted', 'occurred', 'closed'];

function intIn(n: number | undefined, lo: number, hi: number): number | undefined {
  return n !== undefined && Number.isInteger(n) && n >= lo && n <= hi ? n : undefined;
}

function chanceOf(n: number | undefined): number | undefined {
  return n !== undefined && Number.isFinite(n) && n >= 0 && n <= 1 ? n : undefined;
}

function nonBlank(s: string | undefined): string | undefined {
  return s !== undefined && s.trim() !== '' ? s : undefined;
}

function numberToString(n: number | undefined): string | undefined {
  return n === undefined ? undefined : String(n);
}

/** A usable planned cost: a finite number, 0 or more (the schema reports the rest). */
function costOf(n: number | undefined): number | undefined {
  return n !== undefined && Number.isFinite(n) && n >= 0 ? n : undefined;
}
