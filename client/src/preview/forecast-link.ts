// The preview's link to the server's forecast (programAsCode/forecast): asked
// when the webview shows the Forecast or Milestones tab for a new view model,
// with the run's progress ($/progress on the request's own token) passed on as
// it comes. Only the latest request counts: a new one cancels the one before.
// An edit answers the request ContentModified; the view model that follows it
// makes the webview ask again, so nothing is shown for a text that is gone.
import { CancellationTokenSource, LSPErrorCodes, WorkDoneProgress } from 'vscode-languageclient/node';
import type { Disposable, LanguageClient } from 'vscode-languageclient/node';
import { ForecastRequest } from '../../../server/src/protocol';
import type { ToWebview } from '../../../server/src/view/webview-protocol';

export class ForecastLink {
  private current: { cts: CancellationTokenSource; progress: Disposable } | undefined;
  private seq = 0;

  constructor(
    private readonly client: LanguageClient,
    private readonly post: (message: ToWebview) => void,
    private readonly log: (message: string) => void,
  ) {}

  request(uri: string): void {
    this.cancel();
    const cts = new CancellationTokenSource();
    const token = `programAsCode.forecast.${Date.now()}.${++this.seq}`;
    const progress = this.client.onProgress(WorkDoneProgress.type, token, (v) => {
      if (this.current?.cts !== cts || v.kind === 'end') return;
      this.post({ type: 'forecastProgress', percentage: v.percentage ?? 0, message: v.message ?? '' });
    });
    const run = { cts, progress };
    this.current = run;
    this.client.sendRequest(ForecastRequest, { uri, workDoneToken: token }, cts.token).then((view) => {
      if (this.current !== run) return;
      this.finish();
      if (view) this.post({ type: 'forecast', forecast: view });
    }, (e: unknown) => {
      if (this.current !== run) return;
      this.finish();
      const code = (e as { code?: unknown }).code;
      if (code === LSPErrorCodes.ContentModified || code === LSPErrorCodes.RequestCancelled) return;
      const message = e instanceof Error ? e.message : String(e);
      this.log(`Preview: the forecast failed: ${message}`);
      this.post({ type: 'forecast', forecast: { status: 'error', message: `The forecast failed: ${message}` } });
    });
  }

  cancel(): void {
    const run = this.current;
    if (!run) return;
    this.current = undefined;
    run.cts.cancel();
    run.cts.dispose();
    run.progress.dispose();
  }

  dispose(): void {
    this.cancel();
  }

  private finish(): void {
    const run = this.current;
    this.current = undefined;
    run?.progress.dispose();
    run?.cts.dispose();
  }
}
