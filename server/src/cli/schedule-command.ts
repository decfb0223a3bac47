// `program-as-code schedule FILE`: the computed dates as a table for people,
// or JSON / CSV for machines.
import { formatDate } from '../program/dates.js';
import { compareLevelling, comparisonLines } from '../program/level-compare.js';
import { milestoneStateOf } from '../program/milestone-state.js';
import type { ProgramModel } from '../program/model.js';
import { loadState, resourceLoad } from '../program/resource-load.js';
import type { LoadState } from '../program/resource-load.js';
import type { Hold, Schedule } from '../program/schedule.js';
import { csvCell } from '../view/csv.js';
import { analyzeOptionsOf } from './programs.js';
import { analyzeOneProgram } from './one-program.js';
import type { AnalysisFlags } from './programs.js';
import { visibleText } from '../program/visible-text.js';

export type ScheduleFormat = 'table' | 'json' | 'csv' | 'load-csv';

export interface ScheduleRow {
  id: string;
  kind: 'task' | 'milestone';
  start: string | null;
  end: string | null;
  totalFloat: number | null;
  critical: boolean;
  target: string | null;
  slip: number | null;
  /** Working days the leveller delayed the task; null without levelling (and for milestones). */
  levellingDelay: number | null;
  heldBy: Hold[];
}

const d = (day: number | null | undefined): string | null => (day === null || day === undefined ? null : formatDate(day));

/** The machine-readable schedule: exactly the shape the issue specifies. */
export function scheduleJson(model: ProgramModel, schedule: Schedule): { program: string | null; start: string | null; finish: string | null; items: ScheduleRow[] } {
  const items: ScheduleRow[] = [];
  for (const id of schedule.order) {
    const it = schedule.items.get(id);
    if (!it || it.kind === 'workstream') continue;
    items.push({
      id, kind: it.kind, start: d(it.start), end: d(it.end), totalFloat: it.totalFloat, critical: it.critical, target: d(it.target), slip: it.slip,
      levellingDelay: it.levellingDelay, heldBy: [...it.heldBy],
    });
  }
  return { program: model.program?.id ?? null, start: d(schedule.programStart), finish: d(schedule.finish), items };
}

export interface ScheduleCommandOptions extends AnalysisFlags {
  readonly file: string;
  readonly format: ScheduleFormat;
  readonly cwd: string;
  /** Print what levelling would change (finish, milestones, delayed tasks) instead of the schedule. */
  readonly compare?: boolean;
}

export function runSchedule(opts: ScheduleCommandOptions): { exitCode: number; stdout: string; stderr: string } {
  const one = analyzeOneProgram(opts.file, opts.cwd, analyzeOptionsOf(opts), 'scheduling');
  if (!one.ok) return one.result;
  const { model, analysis } = one;
  if (opts.compare) {
    const c = compareLevelling(model, { statusDate: analysis.statusDate, progressDate: analysis.schedule.progressDate });
    const title = `What levelling would do to ${model.program?.name ?? model.program?.id ?? 'the program'}`;
    return { exitCode: 0, stdout: [title, '', ...comparisonLines(c, 50), ''].join('\n'), stderr: '' };
  }
  const json = scheduleJson(model, analysis.schedule);
  const errors = analysis.diagnostics.filter((x) => x.severity === 'error').length;
  const stderr = errors > 0 ? `program-as-code: the program has ${errors} error${errors === 1 ? '' : 's'}; dates may be incomplete (run 'program-as-code validate ${opts.file}').\n` : '';
  let stdout: string;
  if (opts.format === 'json') stdout = `${JSON.stringify(json, null, 2)}\n`;
  else if (opts.format === 'csv') stdout = toCsv(model, json.items);
  else if (opts.format === 'load-csv') stdout = loadCsv(model, analysis.schedule);
  else stdout = toTable(model, analysis.schedule, json);
  return { exitCode: errors > 0 ? 1 : 0, stdout, stderr };
}

function nameOf(model: ProgramModel, id: string): string {
  return model.byId.get(id)?.name ?? '';
}

function toCsv(model: ProgramModel, items: ScheduleRow[]): string {
  const header = ['id', 'kind', 'name', 'start', 'end', 'total_float', 'critical', 'target', 'slip', 'levelling_delay'];
  const rows = items.map((r) => [r.id, r.kind, nameOf(model, r.id), r.start, r.end, r.totalFloat, r.critical, r.target, r.slip, r.levellingDelay].map(csvCell).join(','));
  return `${[header.join(','), ...rows].join('\r\n')}\r\n`;
}

/** The load CSV's `state`: the Resources tab's four states (resource-load.ts loadState). */
const LOAD_STATE_WORDS: Record<LoadState, string> = { idle: 'idle', ok: 'within', day: 'clash', over: 'over' };

/**
 * Per person and pool and ISO week: demand against availability (the load
 * view as CSV). `over` and `state` read the week as the Resources tab and the
 * over-allocation warning do: a person on two tasks on one day of a week that
 * fits is a `clash` (not over-allocated); `clash_days` counts such days.
 */
export function loadCsv(model: ProgramModel, schedule: Schedule): string {
  const load = resourceLoad(model, schedule);
  const header = ['resource', 'kind', 'name', 'week', 'demand', 'available', 'peak_per_day', 'capacity_per_day', 'over', 'state', 'clash_days', 'tasks'];
  const rows: string[] = [];
  for (const r of load.rows) {
    for (const w of r.weeks) {
      const state = loadState(r, w);
      rows.push([r.id, r.kind, r.name ?? '', formatDate(w.week), w.demand, w.available, w.peak, r.capacity, state === 'over', LOAD_STATE_WORDS[state], w.clashDays, w.tasks.join(' ')].map(csvCell).join(','));
    }
  }
  return `${[header.join(','), ...rows].join('\r\n')}\r\n`;
}

function toTable(model: ProgramModel, schedule: Schedule, json: ReturnType<typeof scheduleJson>): string {
  const levelled = schedule.levelled;
  const head = ['', 'ID', 'NAME', 'START', 'END', 'FLOAT', 'STATE', ...(levelled ? ['DELAY'] : [])];
  const rows = json.items.map((r) => [
    r.critical ? '*' : '',
    visibleText(r.kind === 'milestone' ? `◆ ${r.id}` : r.id),
    truncate(visibleText(nameOf(model, r.id)), 36),
    r.start ?? '(cycle)',
    r.kind === 'milestone' ? (r.target ? `target ${r.target}` : '') : (r.end ?? ''),
    r.totalFloat === null ? '' : `${r.totalFloat}d`,
    r.kind === 'milestone' ? milestoneStateOf(schedule.items.get(r.id) ?? { end: null, target: null, slip: null }) : '',
    ...(levelled ? [r.levellingDelay ? `+${r.levellingDelay}d ${r.heldBy.slice(0, 2).map((h) => `${h.resource}:${h.task}`).join(' ')}`.trim() : ''] : []),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 3 || i === 5 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  const title = `${visibleText(model.program?.name ?? model.program?.id ?? 'Program')}: ${json.start ?? '?'} → ${json.finish ?? '?'}`;
  const critical = schedule.criticalPath.length > 0 ? `Critical path: ${schedule.criticalPath.map(visibleText).join(' → ')}` : 'No critical path (nothing is scheduled).';
  const slipping = json.items.filter((r) => (r.slip ?? 0) > 0).map((r) => `${visibleText(r.id)} (${r.slip} working day${r.slip === 1 ? '' : 's'})`);
  return [
    title, '',
    line(head), ...rows.map(line), '',
    `* critical (total float 0 or less); ◆ milestone, its START is the forecast date.${levelled ? ' DELAY: working days the leveller delayed the start, and resource:task that held it.' : ''}`,
    ...(schedule.progressDate !== null ? [`Remaining work forecast from the status date ${formatDate(schedule.progressDate)}.`] : []),
    critical,
    slipping.length > 0 ? `Slipping milestones: ${slipping.join(', ')}` : 'No milestone slips past its target.',
    '',
  ].join('\n');
}

function truncate(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}
