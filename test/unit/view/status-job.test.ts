// The Status tab's report is built in a worker thread from plain data (the
// files' texts, the baseline's texts, the forecast): it must be the very view
// the analysis in this thread gives, with a baseline and with P80.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeProgram } from '../../../server/src/program/analyze.js';
import { loadProgram } from '../../../server/src/program/load.js';
import { memoryHost } from '../../../server/src/program/host.js';
import { scheduleProgram } from '../../../server/src/program/schedule.js';
import { diffPrograms } from '../../../server/src/program/running/baseline-diff.js';
import { whatIfForecaster } from '../../../server/src/program/running/what-if-forecast.js';
import { runForecast } from '../../../server/src/program/forecast/forecast.js';
import { statusViewFor } from '../../../server/src/view/status-build.js';
import { runStatusJob } from '../../../server/src/view/status-job.js';
import { statusJobOf } from '../../../server/src/workspace/status-runner.js';

const URI = 'file:///repo/lumen.program.yaml';
const NOW = readFileSync(join(__dirname, '../../fixtures/status/lumen.program.yaml'), 'utf8');
const THEN = NOW.replace('{ id: build, name: Build, duration: 10d', '{ id: build, name: Build, duration: 7d');

test('the worker\'s job gives the same Status view as this thread: baseline drift, changes since, P80, notes', () => {
  const analysis = analyzeProgram(loadProgram(URI, memoryHost({ [URI]: NOW }), { workspaceRoot: 'file:///repo/' }));
  const bModel = loadProgram(URI, memoryHost({ [URI]: THEN }), { workspaceRoot: 'file:///repo/' });
  const bSchedule = scheduleProgram(bModel, { statusDate: bModel.program?.statusDate as number });
  const comparison = diffPrograms(analysis, { model: bModel, schedule: bSchedule }, { revision: 'v1', commit: 'c0ffee' }, whatIfForecaster(analysis.model, { statusDate: analysis.statusDate }), { attribute: false });
  const forecast = runForecast(analysis.model, { schedule: analysis.schedule, statusDate: analysis.statusDate, iterations: 500 });
  const notes = { forecastNote: 'unused: there is a forecast' };

  const here = statusViewFor(analysis, { baseline: { model: bModel, schedule: bSchedule, comparison, label: 'v1' }, forecast, ...notes });
  const job = statusJobOf(analysis, { revision: 'v1', commit: 'c0ffee', schedule: bSchedule, comparison, model: bModel }, forecast, notes);
  // The job crosses into the worker by structured clone.
  const there = runStatusJob(structuredClone(job));
  assert.deepEqual(there, here);
  // Not a vacuous equality: the baseline and the forecast are in it.
  assert.equal(there.baseline?.revision, 'v1');
  assert.ok((there.milestones.find((m) => m.id === 'beta')?.variance ?? 0) > 0, 'beta moved since v1');
  assert.ok(there.milestones.some((m) => m.p80 !== null), 'P80 dates');

  // Without a baseline: the note says why, as in this thread.
  const plain = { baselineNote: 'No baseline: set programAsCode.baseline.', forecastNote: 'No P80.' };
  assert.deepEqual(runStatusJob(structuredClone(statusJobOf(analysis, undefined, undefined, plain))), statusViewFor(analysis, plain));
});
