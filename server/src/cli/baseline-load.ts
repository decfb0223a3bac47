// What the baseline commands share: open the current program for a file (with
// an optional status date), load the same root as it was at a revision through
// git, schedule both and compare them.
import { isAbsolute, resolve } from 'node:path';
import { analyzeProgram, scheduleForAnalysis } from '../program/analyze.js';
import type { ProgramAnalysis } from '../program/analyze.js';
import type { ProgramModel } from '../program/model.js';
import { BaselineError, loadBaseline, scheduleBaseline } from '../program/running/baseline-source.js';
import type { Baseline } from '../program/running/baseline-source.js';
import { looksLikeRoot } from '../program/discover.js';
import { diffPrograms } from '../program/running/baseline-diff.js';
import type { BaselineComparison, ScheduledProgram } from '../program/running/baseline-diff.js';
import { whatIfForecaster } from '../program/running/what-if-forecast.js';
import type { Forecaster } from '../program/running/what-if-forecast.js';
import type { Day } from '../program/types.js';
import { gitSource } from '../node/git-source.js';
import { nodeHost, pathToUri, uriToPath } from '../node/node-host.js';
import { boundaryOf, openPrograms } from './programs.js';

export interface Current extends ScheduledProgram {
  readonly statusDate: Day;
  readonly workspaceRoot: string;
  readonly errors: number;
  readonly scheduleOf: Forecaster;
}

export type Opened<T> = { ok: true; value: T } | { ok: false; exitCode: number; message: string };

/** The model with `program.status_date` set, so every part of the scheduler sees the same "today". */
export function withStatusDate(model: ProgramModel, statusDate: Day | undefined): ProgramModel {
  if (statusDate === undefined || !model.program) return model;
  return { ...model, program: { ...model.program, statusDate } };
}

/**
 * The program `file` belongs to, scheduled. `check: false` (diff, changes)
 * skips the schema check, the warning rules and the sorting of diagnostics,
 * which only `errors` reads: it is then 0.
 */
export function openCurrent(
  file: string, cwd: string, statusDate?: Day, today?: Day, options: { check?: boolean } = {},
): Opened<Current> {
  // diff reports no diagnostics: its program is not checked against the schema either.
  // Only the model is read from here on: fragments' trees go as soon as they are collected.
  const opened = openPrograms([file], cwd, { fragmentTrees: false, ...(options.check === false && { schema: false }) });
  if (!opened.ok) return { ok: false, exitCode: 2, message: opened.message };
  const found = opened.models[0];
  if (!found) return { ok: false, exitCode: 2, message: `${file} is not a program file` };
  const model = withStatusDate(found, statusDate);
  const analyzeOptions = today !== undefined ? { today } : {};
  const analysis = options.check === false ? { model, ...scheduleForAnalysis(model, analyzeOptions, false), diagnostics: [] } : analyzeProgram(model, analyzeOptions);
  return { ok: true, value: currentOf(analysis, file, cwd) };
}

/** An analysed program as the baseline commands see it (its repository boundary found from `file`). */
export function currentOf(analysis: ProgramAnalysis, file: string, cwd: string): Current {
  const model = analysis.model;
  const abs = isAbsolute(file) ? file : resolve(cwd, file);
  return {
    model, schedule: analysis.schedule, statusDate: analysis.statusDate,
    workspaceRoot: pathToUri(boundaryOf(uriToPath(model.rootUri) === abs ? abs : uriToPath(model.rootUri), false, resolve(cwd))),
    errors: analysis.diagnostics.filter((d) => d.severity === 'error').length,
    scheduleOf: whatIfForecaster(model, { statusDate: analysis.statusDate }),
  };
}

export interface LoadedBaseline extends ScheduledProgram {
  readonly revision: string;
  readonly commit: string;
  readonly comparison: BaselineComparison;
  readonly label: string;
}

/** The baseline of `current` at `revision`, scheduled and compared; a clear message when git cannot give it. */
export async function compareWithBaseline(current: Current, revision: string, early?: EarlyBaseline): Promise<Opened<LoadedBaseline>> {
  try {
    const b = early && early.rootUri === current.model.rootUri && early.workspaceRoot === current.workspaceRoot
      ? await early.baseline
      : await loadBaseline(gitSource(), current.model.rootUri, revision, { workspaceRoot: current.workspaceRoot });
    const model = b.model;
    const schedule = scheduleBaseline(model, current.statusDate);
    const comparison = diffPrograms(current, { model, schedule }, { revision, commit: b.commit }, current.scheduleOf);
    return { ok: true, value: { model, schedule, revision, commit: b.commit, comparison, label: revision } };
  } catch (e) {
    if (e instanceof BaselineError) return { ok: false, exitCode: 2, message: e.message };
    throw e;
  }
}

/** A `--status-date` / `--today` value as a day. */
export { parseDate } from '../program/dates.js';

/** A baseline started before the program it belongs to was loaded. */
export interface EarlyBaseline {
  readonly rootUri: string;
  readonly workspaceRoot: string;
  readonly baseline: Promise<Baseline>;
}

/**
 * Starts loading the baseline of the root file `file` before the program
 * itself is loaded (diff, report --baseline): the git commands run while
 * this thread loads the program now. Used by
 * compareWithBaseline only when the program turns out to have this root and
 * boundary; undefined when `file` does not look like a root.
 */
export function startBaseline(file: string, cwd: string, revision: string): EarlyBaseline | undefined {
  const abs = resolve(cwd, file);
  const rootUri = pathToUri(abs);
  const text = nodeHost().readFile(rootUri);
  if (text === undefined || !looksLikeRoot(text)) return undefined;
  const workspaceRoot = pathToUri(boundaryOf(abs, false, resolve(cwd)));
  const baseline = loadBaseline(gitSource(), rootUri, revision, { workspaceRoot });
  baseline.catch(() => undefined); // its failure is reported where it is awaited
  return { rootUri, workspaceRoot, baseline };
}
