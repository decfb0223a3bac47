// `programAsCode/forecast` (the preview's Forecast tab) over stdio against the
// bundled server: the view of the worker's forecast (the same numbers as the
// in-process engine), progress on the request's own token, an edit answering
// the request in flight with ContentModified, the same answer for the same
// seed, and one sentence for a program with nothing to forecast.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CancellationTokenSource } from 'vscode-jsonrpc/node.js';
import { parseDate } from '../../server/src/program/dates.js';
import { runForecast } from '../../server/src/program/forecast/forecast.js';
import type { ForecastReady, ForecastView } from '../../server/src/view/forecast-types.js';
import { forecastView, NO_UNCERTAINTY } from '../../server/src/view/forecast-view.js';
import { programFromYaml } from '../helpers/program.js';
import { LspSession } from './harness.js';
import { positionOf } from '../helpers/caret.js';

const START = '2026-01-05';

/** `extra` more estimated tasks in a chain after `c`: enough work that a run is still going when the test edits. */
function plan(seed: number, iterations = 3000, extra = 0): string {
  const chain = Array.from({ length: extra }, (_, i) =>
    `      - { id: x${i}, name: X${i}, duration: 3d, depends_on: [${i === 0 ? 'c' : `x${i - 1}`}], estimate: { optimistic: 2d, likely: 3d, pessimistic: 9d } }`);
  return [
    'version: 1',
    `program: { id: fc, name: Forecast, start: ${START}, status_date: ${START} }`,
    `forecast: { iterations: ${iterations}, seed: ${seed} }`,
    'workstreams:',
    '  - id: w',
    '    name: W',
    '    tasks:',
    '      - { id: a, name: Design, duration: 5d, estimate: { optimistic: 3d, likely: 5d, pessimistic: 12d } }',
    '      - { id: b, name: Build, duration: 8d, depends_on: [a], estimate: { optimistic: 6d, likely: 8d, pessimistic: 20d } }',
    '      - { id: c, name: Docs, duration: 3d, depends_on: [a], estimate: { optimistic: 2d, likely: 3d, pessimistic: 5d } }',
    ...chain,
    'milestones:',
    '  - { id: beta, name: Beta, depends_on: [b, c], date: 2026-01-23 }',
    'risks:',
    '  - { id: R1, title: Vendor late, probability: 3, impact: 3, affects: [b], schedule_impact: { optimistic: 1d, likely: 3d, pessimistic: 8d } }',
    '',
  ].join('\n');
}

/** The view the server must give: the engine run in process on the same text, as the worker runs it. */
function expected(text: string): ForecastView {
  const model = programFromYaml(text);
  return forecastView(runForecast(model, { statusDate: parseDate(START)! }), model);
}

interface Progress { token: string; value: { kind: string; percentage?: number; message?: string } }

void describe('lsp: programAsCode/forecast', () => {
  let s: LspSession;
  before(async () => { s = await LspSession.start(); });
  after(async () => { await s.stop(); });

  const ask = (uri: string, token: string): Promise<ForecastView | null> =>
    s.request<ForecastView | null>('programAsCode/forecast', { uri, workDoneToken: token });
  const progressOf = (token: string): Progress[] => (s.progress as Progress[]).filter((p) => p.token === token);

  void it('answers with the forecast view (curve, percentiles, drivers), as computed in process, with progress on its token', async () => {
    const text = plan(4);
    const uri = await s.open('plan.program.yaml', text);
    const view = await ask(uri, 'fc-1');
    assert.ok(view && view.status === 'ready', JSON.stringify(view));
    assert.deepEqual(view, expected(text));
    const ready = view as ForecastReady;
    assert.equal(ready.iterations, 3000);
    assert.equal(ready.seed, 4);
    assert.deepEqual(ready.milestones.map((m) => [m.id, m.name, m.target]), [['beta', 'Beta', '2026-01-23']]);
    // The curve climbs to 1 and its P80 is the first date with at least 80% of the iterations.
    const curve = ready.finish.curve;
    assert.equal(curve.at(-1)?.share, 1);
    assert.equal(curve.find((p) => p.share >= 0.8)?.day, ready.finish.p80);
    assert.deepEqual(ready.tasks.map((t) => t.id).sort(), ['a', 'b', 'c']);
    assert.deepEqual(ready.risks.map((r) => [r.id, r.name, r.share]), [['R1', 'Vendor late', 0.5]]);
    const kinds = progressOf('fc-1').map((p) => p.value.kind);
    assert.equal(kinds[0], 'begin');
    assert.ok(kinds.includes('report'), JSON.stringify(kinds));
    assert.equal(kinds.at(-1), 'end');
    assert.ok(progressOf('fc-1').some((p) => /of 3,000 iterations/.test(p.value.message ?? '')), 'the progress says how far the iterations are');
  });

  void it('the same seed gives the same answer; another seed another curve', async () => {
    const first = await ask(s.uri('plan.program.yaml'), 'fc-2');
    await s.change('plan.program.yaml', plan(5));
    const other = await ask(s.uri('plan.program.yaml'), 'fc-3');
    await s.change('plan.program.yaml', plan(4));
    const again = await ask(s.uri('plan.program.yaml'), 'fc-4');
    assert.deepEqual(again, first);
    assert.notDeepEqual((other as ForecastReady).finish.curve, (first as ForecastReady).finish.curve);
  });

  void it('an edit answers the request in flight with ContentModified; asked again, it answers for the new text', async () => {
    // 100,000 iterations of 203 tasks: 20 million task-samples, seconds of work even at the engine's target speed.
    const slow = plan(6, 100_000, 200);
    await s.change('plan.program.yaml', slow);
    const inFlight = ask(s.uri('plan.program.yaml'), 'fc-5');
    await s.until(() => progressOf('fc-5').some((p) => p.value.kind === 'report'), 'the slow forecast to report progress', 60_000);
    // The main loop is free meanwhile: completion answers while the forecast is still running.
    const items = await s.request<{ items: { label: string }[] } | { label: string }[]>('textDocument/completion', {
      textDocument: { uri: s.uri('plan.program.yaml') }, position: positionOf(slow, 'depends_on: [a]', 0, 'depends_on: ['.length),
    });
    assert.ok((Array.isArray(items) ? items : items.items).some((i) => i.label === 'a'), 'completion offers the task ids');
    assert.notEqual(progressOf('fc-5').at(-1)?.value.kind, 'end', 'the forecast was still running when completion answered');
    const edited = plan(7);
    await s.change('plan.program.yaml', edited);
    await assert.rejects(inFlight, (e: { code?: number }) => e.code === -32801);
    assert.equal(progressOf('fc-5').at(-1)?.value.kind, 'end', 'the progress of the cancelled request ends');
    const view = await ask(s.uri('plan.program.yaml'), 'fc-6');
    assert.deepEqual(view, expected(edited));
  });

  void it('a request the client cancels answers RequestCancelled; the run goes on for the next request', async () => {
    const text = plan(8, 100_000, 200);
    await s.change('plan.program.yaml', text);
    const source = new CancellationTokenSource();
    const first = s.request<ForecastView | null>('programAsCode/forecast', { uri: s.uri('plan.program.yaml'), workDoneToken: 'fc-9' }, source.token);
    await s.until(() => progressOf('fc-9').some((p) => p.value.kind === 'report'), 'progress', 60_000);
    source.cancel();
    await assert.rejects(first, (e: { code?: number }) => e.code === -32800);
    const view = await ask(s.uri('plan.program.yaml'), 'fc-10');
    assert.equal(view?.status, 'ready');
    assert.equal((view as ForecastReady).iterations, 100_000);
  });

  void it('a program without estimates or schedule risks gets the sentence of what to add, at once', async () => {
    const uri = await s.open('plain.program.yaml', [
      'version: 1',
      'program: { id: plain, name: Plain, start: 2026-01-05 }',
      'workstreams:',
      '  - { id: w, name: W, tasks: [{ id: a, name: A, duration: 5d }] }',
      '',
    ].join('\n'));
    assert.deepEqual(await ask(uri, 'fc-7'), { status: 'no-uncertainty', message: NO_UNCERTAINTY });
    assert.equal(await ask(s.uri('not-a-program.txt'), 'fc-8'), null);
  });
});
