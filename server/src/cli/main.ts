// The `program-as-code` command line: validate, schedule, export, forecast.
// Exit codes: 0 fine, 1 errors found (or too many warnings), 2 bad usage
// (or the output could not be written), 3 internal error (a bug).
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runValidateWithBaseline } from './baseline-validate.js';
import { runChanges } from './changes-command.js';
import { runDiff } from './diff-command.js';
import { BASELINE_EXPORT_FORMATS, isExportFormat, runExport } from './export-command.js';
import { ITERATIONS_RANGE, parseCount, runForecastCommand, SEED_RANGE, WORKERS_RANGE } from './forecast-command.js';
import { runReport } from './report-command.js';
import { parseDate } from '../program/dates.js';
import { runSchedule } from './schedule-command.js';
import { EXIT_INTERNAL_ERROR, runValidate } from './validate.js';
import { visibleText } from '../program/visible-text.js';
import { VERSION } from './version.js';

const HELP = `program-as-code ${VERSION}: technical programs as code.

Usage:
  program-as-code validate [paths…] [--format text|json|sarif] [--max-warnings N]
  program-as-code schedule FILE [--format table|json|csv|load-csv] [--level [--compare]]
  program-as-code export FILE --format html|svg|csv|markdown|mermaid [--baseline REV] [--out PATH] [--no-forecast]
  program-as-code forecast FILE [--iterations N] [--seed S] [--workers N] [--format table|json]
  program-as-code diff REV [FILE] [--format text|markdown|json]
  program-as-code changes FILE [--format text|json]
  program-as-code report FILE [--baseline REV] [--status-date D] [--format markdown|html|json] [--out PATH]
  program-as-code --help | --version

  validate, schedule and export also take:
  --status-date D  forecast the remaining work from D (YYYY-MM-DD), instead of
                   the file's program.status_date
  --level          level resources (people one task a day, pools by units),
                   as if the file set scheduling.levelling: true

validate
  Checks program files (*.program.yaml, *.program.yml). A path may be a file
  or a folder; a folder means every program found below it, each root with its
  fragments. A fragment named on its own is checked as part of the roots (found
  below the current folder) that include it. With no path, the current folder.
  --format text    file:line:col: severity: message [code]  (default; the shape
                   VS Code's and GitHub's problem matchers read)
  --format json    one JSON object: files, summary, diagnostics
  --format sarif   SARIF 2.1.0, for GitHub code scanning
  --max-warnings N exit 1 when there are more than N warnings
  --baseline REV --max-slip N
                   also an error (baseline-slip) on every milestone whose
                   forecast is more than N working days later than at the git
                   revision REV (a tag, branch, commit or main~3)

schedule
  Computes dates from durations, dependencies and the working calendar
  (critical path method) for the program FILE belongs to.
  --format table   for people: id, name, start, end, total float, critical
                   mark (*), milestone slip (default)
  --format json    {"program", "start", "finish", "items": [{"id", "kind",
                   "start", "end", "totalFloat", "critical", "target",
                   "slip"}]}; dates YYYY-MM-DD, items in file order, null
                   dates for items in a dependency cycle; each task also has
                   "levellingDelay" (working days, null without levelling)
                   and "heldBy" ([{"resource", "task"}])
  --format csv     the same columns plus the name, for spreadsheets
  --format load-csv  per person and pool and week: demand, available, peak
                   per day, over-allocated or not, the state as the Resources
                   tab shows it (idle, within, clash: two tasks on a day in a
                   week that fits, over), the clash days, and the tasks
  --compare        with --level: what levelling would change (the finish,
                   milestones, delayed tasks) instead of the schedule

export
  The preview's views of the program FILE belongs to, without an editor.
  Written to PATH with --out, else to standard output.
  --format html      one self-contained page (Gantt, dependency graph, risks,
                     milestones, resources, forecast, status) that works offline
                     in any browser
  --no-forecast      with html: skip the Monte Carlo forecast (the page's
                     Forecast tab then says it was skipped, and milestones
                     have no P80); quicker for big programs
  --format svg       the Gantt chart
  --format csv       the risk register
  --format markdown  a mermaid gantt and flowchart plus the risk table
  --format mermaid   the mermaid gantt and flowchart only
  --baseline REV     with html or svg: the Gantt's shadow bars where each
                     item was at git revision REV, and (html) the Status
                     tab compared with it

forecast
  Monte Carlo forecast of the program FILE belongs to: each iteration samples
  the tasks' three-point estimates and the risks' schedule impacts, then
  schedules the program by the same rules as schedule.
  --iterations N   1 to 100000 (default: forecast.iterations in the file, else
                   5000)
  --seed S         0 to 4294967295 (default: forecast.seed, else 1); the same
                   file and seed give the same forecast on every machine
  --workers N      0 to 16 worker threads beside the main one (default: one
                   fewer than the cores for a big forecast, else 0); the
                   result is the same whatever N
  --status-date D and --level as for schedule: each iteration forecasts the
                   remaining work from D, and levels resources
  --format table   for people: finish P10/P50/P80/P90, milestones with target
                   and on-time probability, the most critical and most
                   sensitive tasks, risks by mean delay (default)
  --format json    {"program", "iterations", "seed", "finish", "milestones",
                   "tasks", "risks"}, as docs and program-format.md specify

diff
  The program now against the same root file, with its fragments, as
  committed at the git revision REV (nothing in the repository is changed).
  Per item start/end variance in working days, added / removed / changed
  items and what changed, milestone drift with slip attribution (the changed
  items on the driving chain and the working days each contributed), the
  finish variance and the critical path then and now. Without FILE, the one
  root program below the current folder.
  --format text|markdown|json   (json: the shape in program-format.md)

changes
  Every change request; for each proposed or approved (not implemented) one
  with a schedule_impact, what it would move if applied (each milestone and
  the finish, in working days) and the budget at completion with its cost.

report
  The status report: overall colour and reasons (thresholds in
  reporting.rag), milestones, workstreams, top risks, budget and earned value,
  KPIs, pending changes, what changed since the baseline, the next ten
  working days and what is overdue.
  --baseline REV     compare with (and take planned value from) git revision REV
  --status-date D    report as of D (YYYY-MM-DD) instead of program.status_date
  --format markdown  GitHub-flavoured Markdown (default)
  --format html      one self-contained page that prints on A4 and Letter
  --format json      the same content as data

Exit status: 0 no errors, 1 errors (or too many warnings), 2 bad usage or
the output could not be written, 3 internal error (a bug in this tool).
Diagnostic codes are listed in docs/diagnostics.md.
`;

export function main(argv: readonly string[], io: { out: (s: string) => void; err: (s: string) => void; cwd: string }): number | Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.out(HELP);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v') {
    io.out(`${VERSION}\n`);
    return 0;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: [...rest],
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f' },
        'max-warnings': { type: 'string' },
        today: { type: 'string' },
        'status-date': { type: 'string' },
        workers: { type: 'string' },
        level: { type: 'boolean' },
        compare: { type: 'boolean' },
        out: { type: 'string', short: 'o' },
        iterations: { type: 'string', short: 'n' },
        seed: { type: 'string' },
        baseline: { type: 'string' },
        'max-slip': { type: 'string' },
        'no-forecast': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    io.err(`program-as-code: ${(e as Error).message}\nRun 'program-as-code --help' for usage.\n`);
    return 2;
  }
  if (parsed.values.help) {
    io.out(HELP);
    return 0;
  }
  let statusDate: number | undefined;
  if (parsed.values['status-date'] !== undefined) {
    statusDate = parseDate(parsed.values['status-date']);
    if (statusDate === undefined) return usage(io, `--status-date takes a date written YYYY-MM-DD, not '${parsed.values['status-date']}'`);
  }
  const flags = { ...(statusDate !== undefined && { statusDate }), ...(parsed.values.level && { level: true }) };
  if (parsed.values.compare && (command !== 'schedule' || !parsed.values.level)) return usage(io, '--compare goes with schedule --level');
  if (parsed.values['no-forecast'] && command !== 'export') return usage(io, '--no-forecast goes with export --format html');
  switch (command) {
    case 'validate': {
      const format = parsed.values.format ?? 'text';
      if (format !== 'text' && format !== 'json' && format !== 'sarif') return usage(io, `unknown format '${format}' for validate (text, json or sarif)`);
      let maxWarnings: number | undefined;
      if (parsed.values['max-warnings'] !== undefined) {
        maxWarnings = Number(parsed.values['max-warnings']);
        if (!Number.isInteger(maxWarnings) || maxWarnings < 0) return usage(io, '--max-warnings takes a whole number (0 or more)');
      }
      const baseline = parsed.values.baseline;
      if (baseline !== undefined || parsed.values['max-slip'] !== undefined) {
        const maxSlip = Number(parsed.values['max-slip'] ?? '0');
        if (baseline === undefined) return usage(io, '--max-slip needs --baseline REV');
        if (!Number.isInteger(maxSlip) || maxSlip < 0) return usage(io, '--max-slip takes a whole number of working days (0 or more)');
        return finish(io, runValidateWithBaseline({ ...flags, paths: parsed.positionals, format, cwd: io.cwd, baseline, maxSlip, ...(maxWarnings !== undefined && { maxWarnings }) }));
      }
      const result = runValidate({ ...flags, paths: parsed.positionals, format, cwd: io.cwd, ...(maxWarnings !== undefined && { maxWarnings }) });
      io.out(result.stdout);
      if (result.stderr) io.err(result.stderr);
      return result.exitCode;
    }
    case 'schedule': {
      const format = parsed.values.format ?? 'table';
      if (format !== 'table' && format !== 'json' && format !== 'csv' && format !== 'load-csv') return usage(io, `unknown format '${format}' for schedule (table, json, csv or load-csv)`);
      const [file, ...extra] = parsed.positionals;
      if (file === undefined || extra.length > 0) return usage(io, 'schedule takes exactly one program file');
      const result = runSchedule({ ...flags, file, format, cwd: io.cwd, ...(parsed.values.compare && { compare: true }) });
      io.out(result.stdout);
      if (result.stderr) io.err(result.stderr);
      return result.exitCode;
    }
    case 'export': {
      const format = parsed.values.format;
      if (format === undefined || !isExportFormat(format)) return usage(io, 'export needs --format html, svg, csv, markdown or mermaid');
      const [file, ...extra] = parsed.positionals;
      if (file === undefined || extra.length > 0) return usage(io, 'export takes exactly one program file');
      const noForecast = parsed.values['no-forecast'] === true;
      if (noForecast && format !== 'html') return usage(io, '--no-forecast goes with export --format html (the only export with a forecast)');
      const baseline = parsed.values.baseline;
      if (baseline !== undefined && !BASELINE_EXPORT_FORMATS.includes(format)) return usage(io, '--baseline goes with export --format html or svg');
      // --out is written by runExport itself (an export with warnings is still written).
      return finish(io, runExport({ ...flags, file, format, cwd: io.cwd, noForecast, ...(parsed.values.out !== undefined && { out: parsed.values.out }), ...(baseline !== undefined && { baseline }) }));
    }
    case 'forecast': {
      const format = parsed.values.format ?? 'table';
      if (format !== 'table' && format !== 'json') return usage(io, `unknown format '${format}' for forecast (table or json)`);
      const [file, ...extra] = parsed.positionals;
      if (file === undefined || extra.length > 0) return usage(io, 'forecast takes exactly one program file');
      let iterations: number | undefined;
      let seed: number | undefined;
      if (parsed.values.iterations !== undefined) {
        const n = parseCount('--iterations', parsed.values.iterations, ...ITERATIONS_RANGE);
        if (typeof n === 'string') return usage(io, n);
        iterations = n;
      }
      if (parsed.values.seed !== undefined) {
        const n = parseCount('--seed', parsed.values.seed, ...SEED_RANGE);
        if (typeof n === 'string') return usage(io, n);
        seed = n;
      }
      let workers: number | undefined;
      if (parsed.values.workers !== undefined) {
        const n = parseCount('--workers', parsed.values.workers, ...WORKERS_RANGE);
        if (typeof n === 'string') return usage(io, n);
        workers = n;
      }
      return finish(io, runForecastCommand({
        ...flags, file, format, cwd: io.cwd, ...(iterations !== undefined && { iterations }), ...(seed !== undefined && { seed }), ...(workers !== undefined && { workers }),
      }));
    }
    case 'diff': {
      const format = parsed.values.format ?? 'text';
      if (format !== 'text' && format !== 'markdown' && format !== 'json') return usage(io, `unknown format '${format}' for diff (text, markdown or json)`);
      const [revision, file, ...extra] = parsed.positionals;
      if (revision === undefined || extra.length > 0) return usage(io, 'diff takes a revision and at most one program file');
      return finish(io, runDiff({ revision, format, cwd: io.cwd, ...(file !== undefined && { file }) }));
    }
    case 'changes': {
      const format = parsed.values.format ?? 'text';
      if (format !== 'text' && format !== 'json') return usage(io, `unknown format '${format}' for changes (text or json)`);
      const [file, ...extra] = parsed.positionals;
      if (file === undefined || extra.length > 0) return usage(io, 'changes takes exactly one program file');
      const result = runChanges({ file, format, cwd: io.cwd });
      io.out(result.stdout);
      if (result.stderr) io.err(result.stderr);
      return result.exitCode;
    }
    case 'report': {
      const format = parsed.values.format ?? 'markdown';
      if (format !== 'markdown' && format !== 'html' && format !== 'json') return usage(io, `unknown format '${format}' for report (markdown, html or json)`);
      const [file, ...extra] = parsed.positionals;
      if (file === undefined || extra.length > 0) return usage(io, 'report takes exactly one program file');
      // --status-date was checked above, for every command.
      const out = parsed.values.out;
      return finish(io, runReport({
        file, format, cwd: io.cwd, ...(parsed.values.baseline !== undefined && { baseline: parsed.values.baseline }), ...(statusDate !== undefined && { statusDate }),
      }), out);
    }
    default:
      return usage(io, `unknown command '${command}'`);
  }
}

/** Prints an asynchronous command's result (to --out PATH when given). */
async function finish(
  io: { out: (s: string) => void; err: (s: string) => void; cwd: string },
  pending: Promise<{ exitCode: number; stdout: string; stderr: string }>,
  out?: string,
): Promise<number> {
  const result = await pending;
  if (out !== undefined && result.exitCode === 0) {
    try {
      writeFileSync(resolve(io.cwd, out), result.stdout);
    } catch (e) {
      io.err(`program-as-code: cannot write ${out}: ${(e as Error).message}\n`);
      return 1;
    }
  } else io.out(result.stdout);
  if (result.stderr) io.err(result.stderr);
  return result.exitCode;
}

function usage(io: { err: (s: string) => void }, message: string): number {
  io.err(`program-as-code: ${message}\nRun 'program-as-code --help' for usage.\n`);
  return 2;
}

/**
 * Runs the CLI as a process. Output errors end it quietly: a closed pipe
 * (`validate | head`) exits with the status the run had, a full disk or any
 * other write failure says so in one line and exits 2. Anything thrown is an
 * internal error: one line (and the stack with PROGRAM_AS_CODE_DEBUG), exit 3.
 */
function runAsProcess(): void {
  let code = 0;
  const onWriteError = (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') {
      try {
        process.stderr.write(`program-as-code: cannot write the output: ${e.code === 'ENOSPC' ? 'no space left on the device' : (e.code ?? e.message)}\n`);
      } catch { /* stderr is gone too */ }
      code = code === 0 || code === 1 ? 2 : code;
    }
    process.exit(code);
  };
  process.stdout.on('error', onWriteError);
  process.stderr.on('error', () => process.exit(code));
  const write = (stream: NodeJS.WriteStream) => (s: string) => {
    try {
      stream.write(s);
    } catch (e) {
      onWriteError(e as NodeJS.ErrnoException);
    }
  };
  try {
    const result = main(process.argv.slice(2), { out: write(process.stdout), err: write(process.stderr), cwd: process.cwd() });
    if (typeof result !== 'number') {
      // diff, report and validate --baseline read git asynchronously.
      result.then((c) => { code = c; process.exitCode = c; }, (e: unknown) => internalError(e));
      return;
    }
    code = result;
  } catch (e) {
    internalError(e);
    return;
  }
  process.exitCode = code;
  function internalError(e: unknown): void {
    code = EXIT_INTERNAL_ERROR;
    const detail = process.env['PROGRAM_AS_CODE_DEBUG'] ? String((e as Error).stack ?? e) : String(e).split('\n')[0];
    write(process.stderr)(`program-as-code: internal error (a bug in Program as Code, please report it): ${visibleText(detail ?? '')}\n`);
    process.exitCode = code;
  }
}

if (require.main === module) runAsProcess();
