// The editor's forecast: run in a worker thread (dist/forecast-worker.js), with
// progress, cancelled by the next edit, and the same numbers as the in-process
// path (runForecast on the same text), both directly and through hover.
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, it } from 'node:test';
import type { Hover } from 'vscode-languageserver-protocol';
import { formatDate } from '../../server/src/program/dates.js';
import { runForecast } from '../../server/src/program/forecast/forecast.js';
import type { ForecastResult } from '../../server/src/program/forecast/forecast.js';
import { runForecastJob } from '../../server/src/program/forecast/job.js';
import type { ForecastJob, WorkerMessage } from '../../server/src/program/forecast/job.js';
import { programFromYaml, ROOT_URI, WORKSPACE } from '../helpers/program.js';
import { positionOf } from '../helpers/caret.js';
import { lspSession } from './fixture.js';

const WORKER = resolve('dist/forecast-worker.js');

function plan(seed: number): string {
  return [
    'version: 1',
    'program: { id: fc, name: Forecast, start: 2026-01-05 }',
    `forecast: { iterations: 4000, seed: ${seed} }`,
    'workstreams:',
    '  - id: w',
    '    name: W',
    '    tasks:',
    '      - { id: a, name: A, duration: 5d, estimate: { optimistic: 3d, likely: 5d, pessimistic: 12d } }',
    '      - { id: b, name: B, duration: 8d, depends_on: [a], estimate: { optimistic: 6d, likely: 8d, pessimistic: 20d } }',
    'milestones:',
    '  - { id: beta, name: Beta, depends_on: [b], date: 2026-01-23 }',
    'risks:',
    '  - { id: R1, title: Vendor late, probability: 3, impact: 3, affects: [b], schedule_impact: { optimistic: 1d, likely: 3d, pessimistic: 8d } }',
    '',
  ].join('\n');
}

function inWorker(job: ForecastJob, workers?: number): Promise<{ result: ForecastResult; progress: number }> {
  return new Promise((done, fail) => {
    const worker = new Worker(WORKER);
    let progress = 0;
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') { progress++; return; }
      void worker.terminate();
      if (m.type === 'result') done({ result: m.result, progress });
      else fail(new Error(m.message));
    });
    worker.on('error', fail);
    worker.postMessage({ id: 1, job, ...(workers !== undefined && { workers }) });
  });
}

void describe('forecast in a worker thread', () => {
  void it('gives exactly the in-process result, with progress on the way', async () => {
    const text = plan(5);
    const job: ForecastJob = { rootUri: ROOT_URI, workspaceRoot: WORKSPACE, files: { [ROOT_URI]: text }, statusDate: 20458 };
    const { result, progress } = await inWorker(job);
    assert.deepEqual(result, runForecastJob(job));
    assert.deepEqual(result, runForecast(programFromYaml(text), { statusDate: 20458 }));
    assert.equal(result.iterations, 4000);
    assert.ok(progress >= 10, `${progress} progress messages`);
  });

  void it('gives exactly the same result when it runs blocks on another worker thread too (status date, leave, levelling)', async () => {
    const text = plan(6).replace("start: 2026-01-05 }", "start: 2026-01-05, status_date: 2026-01-14 }\nscheduling: { levelling: true }\npeople:\n  - { id: ann, name: Ann, leave: [2026-01-20] }")
      .replace("pessimistic: 12d } }", "pessimistic: 12d }, assignees: [ann], actual_start: 2026-01-05, progress: 30 }")
      .replace("pessimistic: 20d } }", "pessimistic: 20d }, assignees: [ann] }");
    const job: ForecastJob = { rootUri: ROOT_URI, workspaceRoot: WORKSPACE, files: { [ROOT_URI]: text }, statusDate: 20458 };
    const [alone, helped] = [await inWorker(job, 0), await inWorker(job, 1)];
    assert.deepEqual(helped.result, alone.result);
    assert.deepEqual(alone.result, runForecastJob(job));
    assert.ok(helped.progress >= 10, `${helped.progress} progress messages`);
  });
});

void describe('lsp: forecast on hover', () => {
  const s = lspSession();

  /** Hovers on the milestone until the forecast line is there, and returns the hover text. */
  async function forecastHover(uri: string, text: string, expected: string): Promise<string> {
    const position = positionOf(text, 'id: beta', 0, 5);
    const deadline = Date.now() + 60_000;
    for (;;) {
      const hover = await s.request<Hover>('textDocument/hover', { textDocument: { uri }, position });
      const value = JSON.stringify(hover.contents);
      if (value.includes(expected) || Date.now() > deadline) return value;
      assert.match(value, /Forecast: running|Beta/);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  const expectedLine = (text: string): string => {
    const r = runForecast(programFromYaml(text), {});
    const m = r.milestones[0];
    assert.ok(m && m.p50 !== null && m.p80 !== null && m.onTimeProbability !== null);
    return `P50 ${formatDate(m.p50)} · P80 ${formatDate(m.p80)} · ${Math.round(m.onTimeProbability * 100)}% chance of meeting the target 2026-01-23`;
  };

  void it('hover on a milestone gives its P50, P80 and on-time probability, as computed in process; progress is reported', async () => {
    const text = plan(1);
    const uri = await s.open('plan.program.yaml', text);
    const value = await forecastHover(uri, text, expectedLine(text));
    assert.ok(value.includes(expectedLine(text)), value);
    assert.ok(value.includes('(4,000 iterations)'), value);
    const kinds = (s.progress as { value?: { kind?: string; title?: string } }[]).map((p) => p.value?.kind);
    assert.ok(kinds.includes('begin') && kinds.includes('report') && kinds.includes('end'), JSON.stringify(kinds));
  });

  void it('an edit cancels the running forecast; hover then answers for the new text only', async () => {
    const first = plan(2);
    const uri = s.uri('plan.program.yaml');
    await s.change('plan.program.yaml', first);
    // Start a forecast for seed 2 through hover, then edit at once: that run is stale.
    await s.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(first, 'id: beta', 0, 5) });
    const second = plan(3);
    await s.change('plan.program.yaml', second);
    const value = await forecastHover(uri, second, expectedLine(second));
    assert.ok(value.includes(expectedLine(second)), value);
  });
});
