// `program-as-code report FILE`: the status report a TPM sends on the status
// date, as Markdown (renders on GitHub as is), one printable HTML page, or JSON.
import { buildReport } from '../program/report/report-model.js';
import type { StatusReport } from '../program/report/report-model.js';
import { reportHtml } from '../view/report-html.js';
import { reportMarkdown } from '../view/report-markdown.js';
import { reportForecast } from '../program/report/report-forecast.js';
import type { Day } from '../program/types.js';
import { compareWithBaseline, openCurrent, startBaseline } from './baseline-load.js';

export type ReportFormat = 'markdown' | 'html' | 'json';

/**
 * The JSON face: exactly the keys program-format.md gives ("Status reports",
 * and "Earned value" for `evm`), in its order. The budget's, risks' and
 * schedule's own colours are in `overall.reasons` when they set the overall
 * colour; the Markdown and HTML faces show every part.
 */
export function reportJson(r: StatusReport): unknown {
  const { program, statusDate, baseline, milestones, workstreams, risks, kpis, changes, changedSinceBaseline, upcoming, overdue } = r;
  const { bac, pv, ev, ac, sv, cv, spi, cpi, eac, etc, vac, tcpi, es, at, spiT, pvFrom } = r.evm;
  return {
    program, statusDate, baseline, overall: { rag: r.overall.rag, reasons: r.overall.reasons },
    milestones, workstreams: workstreams.map(({ evm: e, ...w }) => ({ ...w, evm: evmKeys(e) })), risks,
    evm: { bac, pv, ev, ac, sv, cv, spi, cpi, eac, etc, vac, tcpi, es, at, spiT, pvFrom },
    kpis, changes, changedSinceBaseline, upcoming, overdue,
  };
}

function evmKeys(e: StatusReport['evm']): unknown {
  const { notes: _notes, ...rest } = e;
  return rest;
}

export async function runReport(opts: { file: string; format: ReportFormat; cwd: string; baseline?: string; statusDate?: Day; today?: Day }): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  const early = opts.baseline !== undefined ? startBaseline(opts.file, opts.cwd, opts.baseline) : undefined;
  const current = openCurrent(opts.file, opts.cwd, opts.statusDate, opts.today);
  if (!current.ok) return { exitCode: current.exitCode, stdout: '', stderr: `program-as-code: ${current.message}\n` };
  const c = current.value;
  let baseline;
  if (opts.baseline !== undefined) {
    const b = await compareWithBaseline(c, opts.baseline, early);
    if (!b.ok) return { exitCode: b.exitCode, stdout: '', stderr: `program-as-code: ${b.message}\n` };
    baseline = b.value;
  }
  const forecast = reportForecast(c.model, c.schedule, c.statusDate);
  const report = buildReport({ current: c, ...(baseline && { baseline }), ...(forecast && { forecast }), statusDate: c.statusDate, scheduleOf: c.scheduleOf });
  const stdout = opts.format === 'json' ? `${JSON.stringify(reportJson(report), null, 2)}\n` : opts.format === 'html' ? reportHtml(report) : reportMarkdown(report);
  const stderr = c.errors > 0 ? `program-as-code: the program has ${c.errors} error${c.errors === 1 ? '' : 's'}; the report may be incomplete (run 'program-as-code validate ${opts.file}').\n` : '';
  return { exitCode: 0, stdout, stderr };
}
