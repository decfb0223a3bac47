// Builds the Status tab's report in a worker thread (view/status-job.ts), so
// the language server's main loop never spends the most of a second a large
// program's report takes. One report at a time: a request for other inputs
// (an edit, the baseline loaded, the forecast done) terminates the running
// one, whose answer would be stale, and the next starts a fresh worker. The
// last report is remembered per analysis while its inputs are the same: the
// tab asks again after every redraw and while the forecast runs.
import { Worker } from 'node:worker_threads';
import type { ProgramAnalysis } from '../program/analyze.js';
import type { ForecastResult } from '../program/forecast/forecast.js';
import { commonFolder, jobOf } from '../program/forecast/job.js';
import type { StatusJob, StatusWorkerMessage } from '../view/status-job.js';
import type { StatusViewOptions } from '../view/status-view.js';
import type { StatusView } from '../view/status-types.js';
import type { BaselineView } from '../features/baseline.js';

/** The job for this analysis, with its baseline (as the editor loaded it) and forecast when there are. */
export function statusJobOf(analysis: ProgramAnalysis, baseline: BaselineView | undefined, forecast: ForecastResult | undefined, notes: StatusViewOptions): StatusJob {
  const b = baseline?.model;
  const files: Record<string, string> = {};
  if (b) for (const f of b.files) files[f.uri] = f.text;
  return {
    current: jobOf(analysis),
    ...(b && baseline && { baseline: { revision: baseline.revision, commit: baseline.commit, rootUri: b.rootUri, workspaceRoot: commonFolder(Object.keys(files)), files } }),
    ...(forecast && { forecast }),
    notes,
  };
}

interface Running {
  readonly id: number;
  readonly analysis: ProgramAnalysis;
  readonly key: string;
  readonly answer: Promise<StatusView | null>;
  readonly settle: (view: StatusView | null) => void;
}

export class StatusRunner {
  private worker: Worker | undefined;
  private running: Running | undefined;
  private nextId = 1;
  private readonly done = new WeakMap<ProgramAnalysis, { key: string; view: StatusView }>();

  constructor(private readonly workerPath: string, private readonly log: (message: string) => void) {}

  /**
   * The report of `analysis` with the inputs `key` names (baseline commit,
   * forecast state, notes); `job` makes the job when it must be built. null
   * when it was superseded by a newer request or the worker failed (logged).
   */
  viewFor(analysis: ProgramAnalysis, key: string, job: () => StatusJob): Promise<StatusView | null> {
    const hit = this.done.get(analysis);
    if (hit && hit.key === key) return Promise.resolve(hit.view);
    const r = this.running;
    if (r && r.analysis === analysis && r.key === key) return r.answer;
    this.cancel();
    const id = this.nextId++;
    let settle: (view: StatusView | null) => void = () => undefined;
    const answer = new Promise<StatusView | null>((resolve) => { settle = resolve; });
    this.running = { id, analysis, key, answer, settle };
    this.workerThread().postMessage({ id, job: job() });
    return answer;
  }

  /** Stops the running report (its answer is null). */
  cancel(): void {
    const r = this.running;
    if (!r) return;
    this.running = undefined;
    const w = this.worker;
    this.worker = undefined;
    void w?.terminate();
    r.settle(null);
  }

  dispose(): void {
    this.cancel();
  }

  /** The idle worker, or a new one (after a cancel or a crash). */
  private workerThread(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerPath);
    this.worker = worker;
    worker.unref(); // never keeps the server alive on its own
    worker.on('message', (m: StatusWorkerMessage) => this.onMessage(m));
    worker.on('error', (e) => this.log(`status report worker failed: ${e.message}`));
    worker.on('exit', () => {
      if (this.worker !== worker) return; // terminated on purpose
      this.worker = undefined;
      const r = this.running;
      this.running = undefined;
      r?.settle(null);
    });
    return worker;
  }

  private onMessage(m: StatusWorkerMessage): void {
    const r = this.running;
    if (!r || m.id !== r.id) return; // from a cancelled run
    this.running = undefined;
    if (m.type === 'error') {
      this.log(`status report failed: ${m.message}`);
      r.settle(null);
      return;
    }
    this.done.set(r.analysis, { key: r.key, view: m.view });
    r.settle(m.view);
  }
}
