// The start every single-file command shares (schedule, export, forecast):
// open the file's program, analyse it, and turn each way that can fail into
// the command's answer, so the messages and exit codes are the same everywhere.
import { analyzeProgram } from '../program/analyze.js';
import type { AnalyzeOptions, ProgramAnalysis } from '../program/analyze.js';
import type { ProgramModel } from '../program/model.js';
import { openPrograms } from './programs.js';
import { EXIT_INTERNAL_ERROR } from './validate.js';

export interface CommandResult { exitCode: number; stdout: string; stderr: string }

export type OneProgram =
  | { readonly ok: true; readonly model: ProgramModel; readonly analysis: ProgramAnalysis }
  | { readonly ok: false; readonly result: CommandResult };

/**
 * The analysed program of `file`, or the answer to give: exit 2 when the file
 * cannot be opened or is not a program file, 3 when checking it hit a bug.
 * `doing` names the command's work in the internal-error line ("exporting").
 */
export function analyzeOneProgram(file: string, cwd: string, options: AnalyzeOptions, doing: string): OneProgram {
  const fail = (exitCode: number, stderr: string): OneProgram => ({ ok: false, result: { exitCode, stdout: '', stderr } });
  const opened = openPrograms([file], cwd);
  if (!opened.ok) return fail(2, `program-as-code: ${opened.message}\n`);
  const model = opened.models[0];
  if (!model) return fail(2, `program-as-code: ${file} is not a program file\n`);
  const analysis = analyzeProgram(model, options);
  if (analysis.diagnostics.some((x) => x.code === 'internal-error')) {
    return fail(EXIT_INTERNAL_ERROR, `program-as-code: internal error while ${doing} ${file} (a bug in Program as Code; run 'program-as-code validate ${file}' for details).\n`);
  }
  return { ok: true, model, analysis };
}
