// The view model's builder: everything the preview and the exports draw,
// computed once from an analysis (types in view-model.ts). The preview never
// re-derives dates, ids or criticality: it draws this. Dates are formatted
// here, once, with the core's codec (program/dates.ts).
//
// A milestone's `status` (diamond and badge colours) and `state` (the words
// shown) come from milestone-state.ts, the one vocabulary of every face.
import type { ProgramAnalysis } from '../program/analyze.js';
import { formatDate } from '../program/dates.js';
import { LineIndex } from '../program/line-index.js';
import { milestoneState, milestoneStateWords } from '../program/milestone-state.js';
import type { MilestoneState } from '../program/milestone-state.js';
import { drivingChain } from '../program/schedule.js';
import type { ItemSchedule } from '../program/schedule.js';
import { findDefinition } from '../program/resolve.js';
import { isOpenRisk, riskBand, riskScore } from '../program/rules.js';
import type { RiskBand as CoreRiskBand } from '../program/rules.js';
import type { DependencyType, Entity, EntityKind, Span } from '../program/types.js';
import { buildResourcesView } from './resources-view.js';
import type {
  DateString, MilestoneStatus, RiskBand, SourceLocation, TaskStatusView, ViewDependency, ViewModel, ViewMilestone, ViewProgram, ViewRisk, ViewTask,
  ViewWorkstream,
} from './view-model.js';

// The view model's unions are written out (view-model.ts imports nothing):
// these fail to compile if the core's and the view's ever disagree.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const agree: [Same<MilestoneState, MilestoneStatus>, Same<CoreRiskBand, RiskBand>, Same<DependencyType, ViewDependency['type']>] = [true, true, true];
void agree;

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
    resources: buildResourcesView(analysis),
  };
}

export function locationOf(indexes: Map<string, LineIndex>, analysis: ProgramAnalysis, uri: string, span: Span): SourceLocation {
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
