// One parsed file -> entities, references and typed records, each with the
// ranges of its text. Reads the AST only through yaml-nodes helpers, so any
// shape of input is tolerated: what does not fit is skipped here and reported
// by the schema check. This file builds the record of each kind; reading a
// map's entity, references and dates is build-reader.ts, and the plain values
// (durations, statuses, bounded numbers) are build-values.ts.
import type { YAMLMap } from 'yaml';
import { EntityReader } from './build-reader.js';
import {
  chanceOf, costOf, intIn, nonBlank, numberToString, oneOf, opt, parseDuration, parseEstimate, RISK_STATUSES, TASK_STATUSES, WEEKDAYS,
} from './build-values.js';
import type { ParsedFile } from './parse.js';
import type { Team } from './model.js';
import type {
  BudgetLine, Change, DayRange, Diagnostic, Entity, Kpi, ForecastSettings, Milestone, Person, Pool, ProgramInfo, SchedulingSpec,
  Reference, Risk, Span, Stakeholder, Task, Workstream,
} from './types.js';
import { asMap, asScalar, itemsOf, nodeSpan, pairOf, stringOf, tokenSpan, valueOf } from './yaml-nodes.js';

export { FIELD_KINDS } from './build-reader.js';

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

/** Adds everything in `file` to `out`. */
export function collectFile(file: ParsedFile, out: Collected): void {
  const doc = file.doc;
  // No value means the tree could not be trusted (an alias bomb, a collection as a key), unless it was skipped on purpose.
  if (!doc || (file.value === undefined && !file.valueSkipped)) return;
  const root = asMap(doc, doc.contents);
  if (!root) return;
  const b = new FileBuilder(doc, file.uri, out);
  b.root(root, file.isRoot);
}

class FileBuilder extends EntityReader {
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
