// The whole check of one program: what loading found, what the scheduler
// found and what the warning rules find, in one list, sorted by place.
import { today } from './dates.js';
import { failedProgram } from './load.js';
import type { ProgramModel } from './model.js';
import { rootCausesFirst } from './root-cause.js';
import { RULES } from './rules.js';
import { scheduleProgram } from './schedule.js';
import type { Schedule } from './schedule.js';
import type { Day, Diagnostic } from './types.js';

export interface AnalyzeOptions {
  /** "Today" when the program has no status_date (default: the current date). */
  readonly today?: Day;
  /** A status date from the command line or the editor's settings: it overrides `program.status_date`. */
  readonly statusDate?: Day;
  /** Level resources even when the program does not set `scheduling.levelling` (`schedule --level`). */
  readonly level?: boolean;
}

export interface ProgramAnalysis {
  readonly model: ProgramModel;
  readonly schedule: Schedule;
  readonly statusDate: Day;
  readonly diagnostics: readonly Diagnostic[];
}

/** Never throws: an unexpected failure is an `internal-error` on this program (see loadProgram). */
export function analyzeProgram(model: ProgramModel, options: AnalyzeOptions = {}): ProgramAnalysis {
  try {
    return analyzeUnguarded(model, options);
  } catch (e) {
    return analyzeUnguarded(failedProgram(model.rootUri, e), options);
  }
}

/** The schedule `analyzeProgram` checks, and its status date, without the checks (for commands that print no diagnostics). */
export function scheduleForAnalysis(
  model: ProgramModel, options: AnalyzeOptions = {}, diagnostics = true,
): { schedule: Schedule; statusDate: Day } {
  const given = options.statusDate ?? model.program?.statusDate;
  const statusDate = given ?? options.today ?? today();
  const schedule = scheduleProgram(model, { statusDate, progressDate: given ?? null, ...(options.level && { level: true }), ...(!diagnostics && { diagnostics: false }) });
  return { schedule, statusDate };
}

function analyzeUnguarded(model: ProgramModel, options: AnalyzeOptions): ProgramAnalysis {
  const { schedule, statusDate } = scheduleForAnalysis(model, options);
  const diagnostics: Diagnostic[] = [...model.diagnostics, ...schedule.diagnostics];
  for (const rule of RULES) diagnostics.push(...rule(model, statusDate));
  return { model, schedule, statusDate, diagnostics: sortDiagnostics(rootCausesFirst(model, dedupe(diagnostics))) };
}

function dedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.uri}\u0000${d.span.start}\u0000${d.span.end}\u0000${d.code}\u0000${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Root causes first (what to fix first), then by file and place. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return list.sort((a, b) => (a.rootCause ? 0 : 1) - (b.rootCause ? 0 : 1)
    || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.span.start - b.span.start || a.span.end - b.span.end));
}
