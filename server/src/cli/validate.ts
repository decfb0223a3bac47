// `program-as-code validate [paths…]`: check programs and print diagnostics as
// text (file:line:col: severity: message [code]), JSON or SARIF 2.1.0.
import { relative } from 'node:path';
import { analyzeProgram, sortDiagnostics } from '../program/analyze.js';
import { codeInfo } from '../program/codes.js';
import type { ProgramModel } from '../program/model.js';
import type { Diagnostic } from '../program/types.js';
import { Locator } from './locate.js';
import type { Region } from './locate.js';
import { uriToPath } from '../node/node-host.js';
import { analyzeOptionsOf, openPrograms } from './programs.js';
import type { AnalysisFlags } from './programs.js';
import { toSarif } from './sarif.js';
import { visibleText } from '../program/visible-text.js';

/** Exit status when the tool itself failed (a bug), never 1 (which means "errors found"). */
export const EXIT_INTERNAL_ERROR = 3;

export interface ValidateOptions extends AnalysisFlags {
  readonly paths: readonly string[];
  readonly format: 'text' | 'json' | 'sarif';
  readonly maxWarnings?: number;
  readonly cwd: string;
  /** More diagnostics for a program (validate --baseline adds baseline-slip). */
  readonly extra?: (model: ProgramModel) => readonly Diagnostic[];
}

export interface ValidateResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface LocatedDiagnostic {
  readonly file: string;
  readonly region: Region;
  readonly diagnostic: Diagnostic;
}

export function runValidate(opts: ValidateOptions): ValidateResult {
  const opened = openPrograms(opts.paths, opts.cwd);
  if (!opened.ok) return { exitCode: 2, stdout: '', stderr: `program-as-code: ${opened.message}\n` };
  const models = opened.models;
  let stderr = opened.notes.map((n) => `program-as-code: ${visibleText(n)}\n`).join('');

  const locator = new Locator(models);
  const all: Diagnostic[] = [];
  for (const model of models) {
    all.push(...analyzeProgram(model, analyzeOptionsOf(opts)).diagnostics);
    if (opts.extra) all.push(...opts.extra(model));
  }
  const diagnostics = dedupeAcrossPrograms(sortDiagnostics(all));
  const located = diagnostics.map((d): LocatedDiagnostic => ({
    file: relative(opts.cwd, uriToPath(d.uri)) || uriToPath(d.uri),
    region: locator.region(d.uri, d.span),
    diagnostic: d,
  }));
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  const checkedFiles = new Set(models.flatMap((m) => m.files.map((f) => f.uri)));

  let stdout: string;
  if (opts.format === 'json') {
    stdout = `${JSON.stringify({
      files: [...checkedFiles].map((u) => relative(opts.cwd, uriToPath(u))),
      summary: { errors, warnings, files: checkedFiles.size, programs: models.length },
      diagnostics: located.map((l) => ({
        file: l.file, ...l.region, severity: l.diagnostic.severity, code: l.diagnostic.code, message: l.diagnostic.message,
        related: (l.diagnostic.related ?? []).map((r) => ({
          file: relative(opts.cwd, uriToPath(r.uri)), ...locator.region(r.uri, r.span), message: r.message,
        })),
      })),
    }, null, 2)}\n`;
  } else if (opts.format === 'sarif') {
    stdout = `${JSON.stringify(toSarif(located, locator, opts.cwd), null, 2)}\n`;
  } else {
    // Every line starts with our `file:line:col:`; nothing from a file can start one.
    stdout = located.map((l) => `${reportPath(l.file)}:${l.region.startLine}:${l.region.startColumn}: ${l.diagnostic.severity}: ${visibleText(l.diagnostic.message)} [${l.diagnostic.code}]\n`).join('');
    stderr += `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(checkedFiles.size, 'file')} (${plural(models.length, 'program')}).\n`;
  }
  // Nothing checked is a mistake in the command (a wrong folder), not a pass.
  if (models.length === 0) return { exitCode: 2, stdout, stderr: `${stderr}program-as-code: no program files (*.program.yaml, *.program.yml) found.\n` };
  const internal = diagnostics.filter((d) => d.code === 'internal-error').length;
  if (internal > 0) {
    stderr += `program-as-code: internal error while checking ${plural(internal, 'program')} (a bug in Program as Code; the other programs were checked).\n`;
    return { exitCode: EXIT_INTERNAL_ERROR, stdout, stderr };
  }
  const tooManyWarnings = opts.maxWarnings !== undefined && warnings > opts.maxWarnings;
  if (tooManyWarnings) stderr += `program-as-code: ${plural(warnings, 'warning')}, more than --max-warnings ${opts.maxWarnings}.\n`;
  return { exitCode: errors > 0 || tooManyWarnings ? 1 : 0, stdout, stderr };
}

/** A fragment shared by two roots would otherwise report its own problems twice. */
function dedupeAcrossPrograms(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.uri}|${d.span.start}|${d.span.end}|${d.code}|${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * A path as the first thing on a report line: control characters made
 * visible, and `./` before a name starting with `:` so that a file called
 * `::error::x.program.yaml` cannot pass for a GitHub Actions command.
 */
function reportPath(file: string): string {
  const shown = visibleText(file);
  return shown.startsWith(':') ? `./${shown}` : shown;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function ruleSummary(code: string): string {
  return codeInfo(code)?.summary ?? code;
}
