// `program-as-code report FILE`: the status report a TPM sends on the status
// date, as Markdown (renders on GitHub as is), one printable HTML page, or JSON.
import { buildReport } from '../program/report/report-model.js';
import type { StatusReport } from '../program/report/report-model.js';
import { reportHtml } from '../view/report-html.js';
import { reportMarkdown } from '../view/report-markdown.js';
import type { Day } from '../program/types.js';
import { compareWithBaseline, openCurrent } from './baseline-load.js';

export type ReportFormat = 'markdown' | 'html' | 'json';

/** The JSON face: the shape program-format.md gives, in its key order, then the extra parts. */
export function reportJson(r: StatusReport): unknown {
  const { program, statusDate, baseline, overall, milestones, workstreams, risks, evm, kpis, changes, changedSinceBaseline, upcoming, overdue, ...rest } = r;
  return { program, statusDate, baseline, overall, milestones, workstreams, risks, evm, kpis, changes, changedSinceBaseline, upcoming, overdue, ...rest };
}

export async function runReport(opts: { file: string; format: ReportFormat; cwd: string; baseline?: string; statusDate?: Day; today?: Day }): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  const current = openCurrent(opts.file, opts.cwd, opts.statusDate, opts.today);
  if (!current.ok) return { exitCode: current.exitCode, stdout: '', stderr: `program-as-code: ${current.message}\n` };
  const c = current.value;
  let baseline;
  if (opts.baseline !== undefined) {
    const b = await compareWithBaseline(c, opts.baseline);
    if (!b.ok) return { exitCode: b.exitCode, stdout: '', stderr: `program-as-code: ${b.message}\n` };
    baseline = b.value;
  }
  const report = buildReport({ current: c, ...(baseline && { baseline }), statusDate: c.statusDate, scheduleOf: c.scheduleOf });
  const stdout = opts.format === 'json' ? `${JSON.stringify(reportJson(report), null, 2)}\n` : opts.format === 'html' ? reportHtml(report) : reportMarkdown(report);
  const stderr = c.errors > 0 ? `program-as-code: the program has ${c.errors} error${c.errors === 1 ? '' : 's'}; the report may be incomplete (run 'program-as-code validate ${opts.file}').\n` : '';
  return { exitCode: 0, stdout, stderr };
}
