// Answers `programAsCode/forecast` (protocol.ts): waits, without blocking the
// main loop, for the worker's forecast of exactly the program text the request
// was made for, forwarding the run's progress to the request's workDoneToken.
// An edit of the program cancels the run (forecastAfterEdit) and answers the
// waiting requests with ContentModified, so the client asks again for the new
// text. One run at a time (forecast-runner.ts): a request for another program
// waits until the runner is idle rather than cancelling it, so two previews
// never take turns killing each other's runs.
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver/node.js';
import type { CancellationToken, WorkDoneProgressReporter } from 'vscode-languageserver/node.js';
import type { ProgramAnalysis } from '../program/analyze.js';
import type { ForecastResult } from '../program/forecast/forecast.js';
import type { ForecastView } from '../view/forecast-types.js';
import { forecastErrorView, forecastView, noUncertaintyView } from '../view/forecast-view.js';
import { hasUncertainty } from '../program/forecast/job.js';
import type { ForecastRunner, ProgressSink } from './forecast-runner.js';

/**
 * Runs started for one request, with no edit in between, before it gives up: a run that ends without a
 * result and without an edit failed (or another program's run took the worker). Edits reset the count:
 * typing in another program cancels this one's run too, and it starts again.
 */
const MAX_STARTS = 3;

export interface ForecastRequestHooks {
  readonly runner: () => ForecastRunner;
  /** Whether the analysis no longer matches the open documents (an edit since). */
  readonly isStale: (analysis: ProgramAnalysis) => boolean;
}

interface Waiter {
  readonly analysis: ProgramAnalysis;
  readonly reporter: WorkDoneProgressReporter;
  readonly resolve: (view: ForecastView) => void;
  readonly reject: (error: ResponseError<void>) => void;
  starts: number;
  cancelListener?: { dispose(): void };
}

export class ForecastRequests {
  private readonly waiting = new Set<Waiter>();
  private checkQueued = false;
  /** Views already built (about 30 ms of CPU for 10,000 tasks), so asking again costs nothing. */
  private readonly views = new WeakMap<ForecastResult, ForecastView>();

  constructor(private readonly hooks: ForecastRequestHooks) {}

  /** The forecast view of this analysis' program, once the worker has it. */
  answer(analysis: ProgramAnalysis, token: CancellationToken, reporter: WorkDoneProgressReporter): Promise<ForecastView> {
    if (!hasUncertainty(analysis.model)) return Promise.resolve(noUncertaintyView());
    return new Promise<ForecastView>((resolve, reject) => {
      const w: Waiter = { analysis, reporter, resolve, reject, starts: 0 };
      this.waiting.add(w);
      reporter.begin('Forecast', 0, 'waiting for the worker', true);
      w.cancelListener = token.onCancellationRequested(() => {
        if (!this.settle(w)) return;
        reject(new ResponseError(LSPErrorCodes.RequestCancelled, 'The forecast request was cancelled.'));
      });
      this.check(w);
    });
  }

  /** Wraps a run's progress sink so the requests waiting for that program see its progress and its end. */
  observe(rootUri: string, sink: ProgressSink): ProgressSink {
    return {
      begin: (title) => sink.begin(title),
      report: (percentage, message) => {
        sink.report(percentage, message);
        for (const w of this.waiting) if (w.analysis.model.rootUri === rootUri) w.reporter.report(percentage, message);
      },
      done: () => {
        sink.done();
        // The runner finishes its bookkeeping (result stored, run cleared) after this call.
        this.recheck();
      },
    };
  }

  /** Looks at every waiting request again (a run ended, or a result arrived). */
  recheck(): void {
    if (this.checkQueued) return;
    this.checkQueued = true;
    setImmediate(() => {
      this.checkQueued = false;
      for (const w of [...this.waiting]) this.check(w);
    });
  }

  /** An edit (of any program): the runs it cancels are not failures. */
  edited(): void {
    for (const w of this.waiting) w.starts = 0;
  }

  dispose(): void {
    for (const w of [...this.waiting]) if (this.settle(w)) w.reject(new ResponseError(LSPErrorCodes.RequestCancelled, 'The server is shutting down.'));
  }

  private check(w: Waiter): void {
    const runner = this.hooks.runner();
    const state = runner.stateOf(w.analysis);
    if (state.state === 'done') {
      if (!this.settle(w)) return;
      let view = this.views.get(state.result);
      if (!view) { view = forecastView(state.result, w.analysis.model); this.views.set(state.result, view); }
      w.resolve(view);
      return;
    }
    if (this.hooks.isStale(w.analysis)) {
      if (this.settle(w)) w.reject(new ResponseError(LSPErrorCodes.ContentModified, 'The program changed while its forecast ran; ask again.'));
      return;
    }
    if (state.state === 'running' || runner.busy) return; // wait for this run, or for the runner to be free
    if (w.starts >= MAX_STARTS) {
      if (this.settle(w)) w.resolve(forecastErrorView('The forecast did not finish: see the Program as Code output for why.'));
      return;
    }
    w.starts++;
    runner.ensure(w.analysis);
  }

  /** Removes a waiter; false when it was answered already. */
  private settle(w: Waiter): boolean {
    if (!this.waiting.delete(w)) return false;
    w.cancelListener?.dispose();
    w.reporter.done();
    return true;
  }
}
