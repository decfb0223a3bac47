// `program-as-code export FILE --format html|svg|csv|markdown|mermaid [--out PATH]`:
// the preview's pictures and tables without an editor. Everything but html is a
// pure function of the view model; html also inlines the built webview
// (dist/media), found next to this CLI bundle.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ganttSvg, svgScale } from '../view/gantt-svg.js';
import { standaloneHtml } from '../node/standalone-html.js';
import type { StandaloneAssets } from '../node/standalone-html.js';
import { programMarkdown } from '../view/markdown.js';
import { programAsMermaidMarkdown } from '../view/mermaid.js';
import { risksCsv } from '../view/risks-csv.js';
import { buildViewModel } from '../view/build-view-model.js';
import { NO_P80_NOTE, statusViewFor } from '../view/status-build.js';
import { analyzeOptionsOf } from './programs.js';
import { analyzeOneProgram } from './one-program.js';
import type { AnalysisFlags } from './programs.js';
import { exportedForecastRun } from './export-forecast.js';
import { compareWithBaseline, currentOf } from './baseline-load.js';
import type { LoadedBaseline } from './baseline-load.js';
import { viewBaseline } from '../view/baseline-bars.js';

export const EXPORT_FORMATS = ['html', 'svg', 'csv', 'markdown', 'mermaid'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(f: string): f is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(f);
}

/** dist/media beside the bundle (dist/cli.js), or the repo's dist/media when run from source. */
export function mediaDir(): string | undefined {
  for (const dir of [join(__dirname, 'media'), resolve(__dirname, '../../../dist/media')]) {
    if (existsSync(join(dir, 'preview.js'))) return dir;
  }
  return undefined;
}

function readAssets(): StandaloneAssets | string {
  const dir = mediaDir();
  if (!dir) return 'the built preview (dist/media/preview.js) is missing; run npm run build';
  const mermaid = join(dir, 'mermaid.js');
  return {
    previewJs: readFileSync(join(dir, 'preview.js'), 'utf8'),
    previewCss: readFileSync(join(dir, 'preview.css'), 'utf8'),
    ...(existsSync(mermaid) && { mermaidJs: readFileSync(mermaid, 'utf8') }),
  };
}

/** The Status tab's word for its P80s on a page exported with `--no-forecast`. */
const SKIPPED_P80_NOTE = 'No P80: the forecast was skipped (this page was exported with `--no-forecast`).';

/** The formats `--baseline` draws into: the Gantt's shadow bars, and the page's Status tab. */
export const BASELINE_EXPORT_FORMATS: readonly ExportFormat[] = ['html', 'svg'];

export async function runExport(
  opts: { file: string; format: ExportFormat; out?: string; cwd: string; baseline?: string; noForecast?: boolean } & AnalysisFlags,
): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  const one = analyzeOneProgram(opts.file, opts.cwd, analyzeOptionsOf(opts), 'exporting');
  if (!one.ok) return one.result;
  const { analysis } = one;
  let vm = buildViewModel(analysis);
  let baseline: LoadedBaseline | undefined;
  if (opts.baseline !== undefined) {
    const b = await compareWithBaseline(currentOf(analysis, opts.file, opts.cwd), opts.baseline);
    if (!b.ok) return { exitCode: b.exitCode, stdout: '', stderr: `program-as-code: ${b.message}\n` };
    baseline = b.value;
    vm = { ...vm, baseline: viewBaseline(vm, baseline.revision, baseline.commit, baseline.schedule) };
  }
  let text: string;
  switch (opts.format) {
    case 'svg': text = ganttSvg(vm); break;
    case 'csv': text = risksCsv(vm); break;
    case 'markdown': text = programMarkdown(vm); break;
    case 'mermaid': text = `${programAsMermaidMarkdown(vm)}\n`; break;
    case 'html': {
      const assets = readAssets();
      if (typeof assets === 'string') return { exitCode: 2, stdout: '', stderr: `program-as-code: ${assets}\n` };
      // The Status tab's report (budget, KPIs, RACI, changes…), as `report` would give it, with P80 when there are estimates.
      // One Monte Carlo run feeds both the Forecast tab and the Status tab's P80s.
      const forecast = exportedForecastRun(analysis, opts.noForecast);
      const status = statusViewFor(analysis, {
        ...(forecast.result && { forecast: forecast.result }),
        ...(baseline && { baseline }),
        baselineNote: 'No baseline: this page was exported without one (export it with `--baseline REV` to compare with a git revision).',
        forecastNote: opts.noForecast ? SKIPPED_P80_NOTE : NO_P80_NOTE,
      });
      text = standaloneHtml(vm, assets, { forecast: forecast.view, status });
      break;
    }
  }
  const errors = vm.diagnosticsSummary.errors;
  let stderr = errors > 0 ? `program-as-code: the program has ${errors} error${errors === 1 ? '' : 's'}; the export may be incomplete (run 'program-as-code validate ${opts.file}').\n` : '';
  const cut = opts.format === 'svg' ? svgScale(vm, 'week').note : undefined;
  if (cut) stderr += `program-as-code: ${cut}\n`;
  if (opts.out === undefined) return { exitCode: 0, stdout: text, stderr };
  try {
    writeFileSync(resolve(opts.cwd, opts.out), text, 'utf8');
  } catch (e) {
    return { exitCode: 2, stdout: '', stderr: `program-as-code: cannot write ${opts.out}: ${(e as Error).message}\n` };
  }
  return { exitCode: 0, stdout: '', stderr };
}
