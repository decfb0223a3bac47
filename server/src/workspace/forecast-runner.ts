// Runs forecasts for the editor in a worker thread, so the language server's
// main loop (keystrokes, completion, diagnostics) never waits for one. One job
// at a time: a new job, or any edit, terminates the running worker (the
// surest cancellation: no iteration runs on after it), and the next job starts
// a fresh one. Results are kept per program root with the file texts they were
// computed from, and answered only while those texts are current.
import { Worker } from 'node:worker_threads';
import type { ForecastResult, ForecastState } from '../program/forecast/forecast.js';
import type { ProgramAnalysis } from '../program/analyze.js';
import { hasUncertainty, jobOf } from '../program/forecast/job.js';
import type { ForecastJob, WorkerMessage } from '../program/forecast/job.js';

export interface ProgressSink {
  begin(title: string): void;
  report(percentage: number, message: string): void;
  done(): void;
}

export interface RunnerHooks {
  /** A progress reporter for one run of the program `rootUri` (the server's window/workDoneProgress). */
  readonly progress: (rootUri: string) => ProgressSink;
  /** Called when a result arrives (e.g. to refresh hovers or code lenses). */
  readonly onResult?: (rootUri: string) => void;
  readonly log?: (message: string) => void;
}

interface Done {
  readonly texts: ReadonlyMap<string, string>;
  readonly result: ForecastResult;
}

export class ForecastRunner {
  private worker: Worker | undefined;
  private running: { id: number; rootUri: string; texts: Map<string, string>; sink: ProgressSink } | undefined;
  private nextId = 1;
  private readonly results = new Map<string, Done>();

  constructor(private readonly workerPath: string, private readonly hooks: RunnerHooks) {}

  /** The forecast of this analysis' program: done (for exactly these texts), running, or none. */
  stateOf(analysis: ProgramAnalysis): ForecastState {
    const done = this.results.get(analysis.model.rootUri);
    if (done && sameTexts(done.texts, analysis)) return { state: 'done', result: done.result };
    if (this.running && this.running.rootUri === analysis.model.rootUri && sameTexts(this.running.texts, analysis)) return { state: 'running' };
    return { state: 'none' };
  }

  /** Starts a forecast for the analysis unless one is done or running for the same texts. No-op without estimates or impacts. */
  ensure(analysis: ProgramAnalysis): ForecastState {
    const state = this.stateOf(analysis);
    if (state.state !== 'none' || !hasUncertainty(analysis.model)) return state;
    this.start(jobOf(analysis));
    return { state: 'running' };
  }

  /** Whether a forecast is running (of any program). */
  get busy(): boolean {
    return this.running !== undefined;
  }

  /** Stops the running forecast (an edit made it stale). */
  cancel(): void {
    if (!this.running) return;
    this.running.sink.done();
    this.running = undefined;
    const w = this.worker;
    this.worker = undefined;
    void w?.terminate();
  }

  dispose(): void {
    this.cancel();
    this.results.clear();
  }

  private start(job: ForecastJob): void {
    this.cancel();
    const id = this.nextId++;
    const sink = this.hooks.progress(job.rootUri);
    sink.begin('Forecast');
    this.running = { id, rootUri: job.rootUri, texts: new Map(Object.entries(job.files)), sink };
    this.workerThread().postMessage({ id, job });
  }

  /** The idle worker, or a new one (after a cancel or a crash). */
  private workerThread(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerPath);
    this.worker = worker;
    worker.unref(); // never keeps the server alive on its own
    worker.on('message', (m: WorkerMessage) => this.onMessage(m));
    worker.on('error', (e) => this.hooks.log?.(`forecast worker failed: ${e.message}`));
    worker.on('exit', () => {
      if (this.worker !== worker) return; // terminated on purpose
      this.worker = undefined;
      if (this.running) { this.running.sink.done(); this.running = undefined; }
    });
    return worker;
  }

  private onMessage(m: WorkerMessage): void {
    const run = this.running;
    if (!run || m.id !== run.id) return; // from a cancelled run
    if (m.type === 'progress') {
      run.sink.report(Math.floor((100 * m.done) / m.total), `${m.done.toLocaleString('en-US')} of ${m.total.toLocaleString('en-US')} iterations`);
      return;
    }
    run.sink.done();
    this.running = undefined;
    if (m.type === 'error') {
      this.hooks.log?.(`forecast failed: ${m.message}`);
      return;
    }
    this.results.set(run.rootUri, { texts: run.texts, result: m.result });
    this.hooks.onResult?.(run.rootUri);
  }
}

function sameTexts(texts: ReadonlyMap<string, string>, analysis: ProgramAnalysis): boolean {
  const files = analysis.model.files;
  if (files.length !== texts.size) return false;
  for (const f of files) if (texts.get(f.uri) !== f.text) return false;
  return true;
}
