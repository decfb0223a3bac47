// `validate --baseline REV --max-slip N`: the usual check, plus `baseline-slip`
// on every milestone whose forecast is more than N working days later than at
// REV. Each program's baseline is loaded first (git is asynchronous), then the
// ordinary validate prints everything in the chosen format.
import { analyzeProgram } from '../program/analyze.js';
import { diagnostic } from '../program/diagnostic.js';
import { attributionText } from '../program/running/diff-format.js';
import { whatIfForecaster } from '../program/running/what-if-forecast.js';
import type { Diagnostic } from '../program/types.js';
import { pathToUri, uriToPath } from '../node/node-host.js';
import { compareWithBaseline } from './baseline-load.js';
import { analyzeOptionsOf, boundaryOf, openPrograms } from './programs.js';
import { runValidate } from './validate.js';
import type { ValidateOptions, ValidateResult } from './validate.js';

export async function runValidateWithBaseline(opts: ValidateOptions & { baseline: string; maxSlip: number }): Promise<ValidateResult> {
  const opened = openPrograms(opts.paths, opts.cwd);
  if (!opened.ok) return { exitCode: 2, stdout: '', stderr: `program-as-code: ${opened.message}\n` };
  const extra = new Map<string, Diagnostic[]>();
  for (const model of opened.models) {
    if (!model.program) continue; // a lone fragment has no milestones of its own to hold to a baseline
    const analysis = analyzeProgram(model, analyzeOptionsOf(opts));
    const current = {
      model, schedule: analysis.schedule, statusDate: analysis.statusDate, errors: 0,
      workspaceRoot: pathToUri(boundaryOf(uriToPath(model.rootUri), false, opts.cwd)),
      scheduleOf: whatIfForecaster(model, { statusDate: analysis.statusDate }),
    };
    const b = await compareWithBaseline(current, opts.baseline);
    if (!b.ok) return { exitCode: b.exitCode, stdout: '', stderr: `program-as-code: ${b.message}\n` };
    const list: Diagnostic[] = [];
    for (const m of b.value.comparison.diff.milestones) {
      if (m.variance === null || m.variance <= opts.maxSlip) continue;
      const def = model.milestones.find((x) => x.id === m.id);
      if (!def) continue;
      const why = m.attribution.length > 0 ? `; changed on its driving chain: ${attributionText(m.attribution)}` : '; no changed item on its driving chain explains it';
      list.push(diagnostic('baseline-slip', def.entity.uri, def.entity.idSpan,
        `Milestone \`${m.id}\` is ${m.variance} working day${m.variance === 1 ? '' : 's'} later than at ${opts.baseline} (${m.current}, was ${m.baseline}), more than --max-slip ${opts.maxSlip}${why}.`,
        { data: { id: m.id } }));
    }
    extra.set(model.rootUri, list);
  }
  return runValidate({ ...opts, extra: (model) => extra.get(model.rootUri) ?? [] });
}
