// The `program-as-code` command line: validate, schedule, export.
// Exit codes: 0 fine, 1 errors found (or too many warnings), 2 bad usage.
import { parseArgs } from 'node:util';
import { parseDate } from '../program/dates.js';
import { isExportFormat, runExport } from './export-command.js';
import { runSchedule } from './schedule-command.js';
import { runValidate } from './validate.js';
import { VERSION } from './version.js';

const HELP = `program-as-code ${VERSION}: technical programs as code.

Usage:
  program-as-code validate [paths…] [--format text|json|sarif] [--max-warnings N]
  program-as-code schedule FILE [--format table|json|csv|load-csv] [--level [--compare]]
  program-as-code export FILE --format html|svg|csv|markdown|mermaid [--out PATH]

  validate, schedule and export also take:
  --status-date D  forecast the remaining work from D (YYYY-MM-DD), instead of
                   the file's program.status_date
  --level          level resources (people one task a day, pools by units),
                   as if the file set scheduling.levelling: true
  program-as-code --help | --version

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
                   per day, over-allocated or not, and the tasks behind it
  --compare        with --level: what levelling would change (the finish,
                   milestones, delayed tasks) instead of the schedule

export
  The preview's views of the program FILE belongs to, without an editor.
  Written to PATH with --out, else to standard output.
  --format html      one self-contained page (Gantt, dependency graph, risks,
                     milestones) that works offline in any browser
  --format svg       the Gantt chart
  --format csv       the risk register
  --format markdown  a mermaid gantt and flowchart plus the risk table
  --format mermaid   the mermaid gantt and flowchart only

Exit status: 0 no errors, 1 errors (or too many warnings), 2 bad usage.
Diagnostic codes are listed in docs/diagnostics.md.
`;

export function main(argv: readonly string[], io: { out: (s: string) => void; err: (s: string) => void; cwd: string }): number {
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
        level: { type: 'boolean' },
        compare: { type: 'boolean' },
        out: { type: 'string', short: 'o' },
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
  switch (command) {
    case 'validate': {
      const format = parsed.values.format ?? 'text';
      if (format !== 'text' && format !== 'json' && format !== 'sarif') return usage(io, `unknown format '${format}' for validate (text, json or sarif)`);
      let maxWarnings: number | undefined;
      if (parsed.values['max-warnings'] !== undefined) {
        maxWarnings = Number(parsed.values['max-warnings']);
        if (!Number.isInteger(maxWarnings) || maxWarnings < 0) return usage(io, '--max-warnings takes a whole number (0 or more)');
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
      const result = runExport({ ...flags, file, format, cwd: io.cwd, ...(parsed.values.out !== undefined && { out: parsed.values.out }) });
      io.out(result.stdout);
      if (result.stderr) io.err(result.stderr);
      return result.exitCode;
    }
    default:
      return usage(io, `unknown command '${command}'`);
  }
}

function usage(io: { err: (s: string) => void }, message: string): number {
  io.err(`program-as-code: ${message}\nRun 'program-as-code --help' for usage.\n`);
  return 2;
}

if (require.main === module) {
  const code = main(process.argv.slice(2), {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
    cwd: process.cwd(),
  });
  process.exitCode = code;
}
