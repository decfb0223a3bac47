// One preview panel showing one program document. The HTML is set once; the
// view model goes over postMessage whenever the document (or a file of its
// program) changes, debounced by `programAsCode.preview.updateDelay`. The
// server's answer is in the wire form (view/wire.ts) and is posted as is: the
// panel neither re-encodes it nor, except to find the item under the cursor,
// decodes it.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ViewModel } from '../../../server/src/view/view-model';
import type { ExportWhat, TabId, ToWebview, WebviewMessage, WireViewModel } from '../../../server/src/view/webview-protocol';
import { checkWebviewMessage, decodeViewModel, isRevealAllowed, revealRefusal } from '../../../server/src/view/webview-protocol';
import { requestBaselineSummary, requestStatusView, requestViewModel } from '../requests';
import { makeNonce, previewHtml, previewTitle } from './preview-html';
import { ForecastLink } from './forecast-link';

export interface RenderReport { uri: string; tab: TabId; tasks: number; at: number }

export interface PreviewHost {
  readonly client: LanguageClient;
  readonly extensionUri: vscode.Uri;
  readonly log: (message: string) => void;
  rendered(report: RenderReport): void;
  disposed(preview: ProgramPreview): void;
  focused(preview: ProgramPreview): void;
}

export function mediaRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'dist', 'media');
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return { enableScripts: true, localResourceRoots: [mediaRoot(extensionUri)] };
}

export class ProgramPreview implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  /** The server's last answer, as it came. */
  private wire: WireViewModel | null = null;
  /** The same, decoded, on first need (the cursor's item). */
  private decoded: ViewModel | undefined;
  private ready = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private version = 0;
  private nextRequest = 1;
  private readonly pending = new Map<number, { resolve: (s: string) => void; reject: (e: Error) => void }>();
  private readyWaiters: (() => void)[] = [];
  private disposed = false;
  private baselineAwaited = '';
  private readonly forecast: ForecastLink;

  constructor(readonly panel: vscode.WebviewPanel, private uri: vscode.Uri, private readonly host: PreviewHost) {
    this.forecast = new ForecastLink(host.client, (m) => this.post(m), host.log);
    const webview = panel.webview;
    webview.options = webviewOptions(host.extensionUri);
    const media = mediaRoot(host.extensionUri);
    const zoom = vscode.workspace.getConfiguration('programAsCode.preview', uri).get<string>('ganttZoom', 'week');
    webview.html = previewHtml({
      cspSource: webview.cspSource, nonce: makeNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.css')).toString(),
      mermaidUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'mermaid.js')).toString(),
      defaultZoom: ['day', 'week', 'month', 'quarter'].includes(zoom) ? zoom : 'week',
    });
    this.setTitle();
    this.disposables.push(
      webview.onDidReceiveMessage((m: unknown) => this.onMessage(m)),
      panel.onDidDispose(() => this.dispose()),
      panel.onDidChangeViewState((e) => { if (e.webviewPanel.active) host.focused(this); }),
    );
    void this.refresh();
  }

  get documentUri(): vscode.Uri {
    return this.uri;
  }

  get programFiles(): readonly string[] {
    return this.wire?.rest.files ?? [this.uri.toString()];
  }

  /** Whether an edit to this document should redraw this preview. */
  shows(doc: vscode.Uri): boolean {
    const s = doc.toString();
    return s === this.uri.toString() || this.programFiles.includes(s);
  }

  /** Switches to another program document (the preview follows the active editor). */
  setDocument(uri: vscode.Uri): void {
    if (uri.toString() === this.uri.toString()) return;
    this.uri = uri;
    this.setTitle();
    void this.refresh();
  }

  scheduleRefresh(): void {
    const delay = vscode.workspace.getConfiguration('programAsCode.preview', this.uri).get<number>('updateDelay', 300);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => { this.timer = undefined; void this.refresh(); }, Math.max(0, Math.min(5000, delay)));
  }

  /** Asks the server for the view model and posts it; stale answers are dropped. */
  async refresh(): Promise<void> {
    const version = ++this.version;
    try {
      const wire = await requestViewModel(this.host.client, this.uri);
      if (version !== this.version || this.disposed) return;
      this.wire = wire;
      this.decoded = undefined;
      this.setTitle();
      this.postViewModel();
      if (wire && !wire.rest.baseline) void this.awaitBaseline(version);
    } catch (e) {
      this.host.log(`Preview: could not get the view model for ${this.uri.toString()}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /**
   * The view model never waits for git: when a baseline is set but not yet
   * read, wait for it here (once per revision and document) and draw again
   * with the Gantt's shadow bars.
   */
  private async awaitBaseline(version: number): Promise<void> {
    const revision = vscode.workspace.getConfiguration('programAsCode', this.uri).get<string>('baseline', '').trim();
    const key = `${revision}\u0000${this.uri.toString()}`;
    if (!revision || this.baselineAwaited === key) return;
    this.baselineAwaited = key;
    const summary = await requestBaselineSummary(this.host.client, this.uri).catch(() => null);
    if (summary?.commit && version === this.version && !this.disposed) void this.refresh();
  }


  /** The view model shown (decoded from the wire form once per answer). */
  async currentViewModel(): Promise<ViewModel | null> {
    if (!this.wire) await this.refresh();
    if (!this.wire) return null;
    this.decoded ??= decodeViewModel(this.wire);
    return this.decoded ?? null;
  }

  post(message: ToWebview): void {
    if (!this.disposed) void this.panel.webview.postMessage(message);
  }

  /** Resolves once the webview script runs and has the view model. */
  whenReady(): Promise<void> {
    if (this.ready && this.wire) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  /** Asks the webview to produce an export (the graph needs mermaid, which runs there). */
  async requestExport(what: ExportWhat, timeoutMs = 60_000): Promise<string> {
    await this.whenReady();
    const requestId = this.nextRequest++;
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => { this.pending.delete(requestId); reject(new Error('The preview did not answer in time.')); }, timeoutMs);
      this.pending.set(requestId, {
        resolve: (s) => { clearTimeout(timer); resolve(s); },
        reject: (e) => { clearTimeout(timer); reject(e); },
      });
      this.post({ type: 'exportRequest', requestId, what });
    });
  }

  private setTitle(): void {
    this.panel.title = previewTitle(this.wire?.rest, this.uri.path);
  }

  private postViewModel(): void {
    if (!this.ready || !this.wire) return;
    this.post({ type: 'update', viewModel: this.wire, documentUri: this.uri.toString() });
    const waiters = this.readyWaiters;
    this.readyWaiters = [];
    for (const w of waiters) w();
  }

  private onMessage(raw: unknown): void {
    const checked = checkWebviewMessage(raw, this.programFiles);
    if (!checked.ok) {
      this.host.log(checked.warning);
      return;
    }
    void this.handle(checked.message);
  }

  private async handle(msg: WebviewMessage): Promise<void> {
    switch (msg.type) {
      case 'ready':
        this.ready = true;
        this.postViewModel();
        return;
      case 'forecastWanted':
        this.forecast.request(this.uri.toString());
        return;
      case 'rendered':
        this.host.rendered({ uri: this.uri.toString(), tab: msg.tab, tasks: msg.tasks, at: Date.now() });
        return;
      case 'reveal':
        return this.reveal(msg.location);
      case 'save':
        return this.save(msg.fileName, msg.content, msg.encoding);
      case 'statusRequest':
        return this.postStatus();
      case 'exportResult': {
        const p = this.pending.get(msg.requestId);
        if (!p) return;
        this.pending.delete(msg.requestId);
        if (msg.content !== undefined) p.resolve(msg.content);
        else p.reject(new Error(msg.error ?? 'The export failed.'));
        return;
      }
    }
  }

  /** The Status tab's report (it may wait for git to read the baseline); stale answers are dropped. */
  private async postStatus(): Promise<void> {
    const version = this.version;
    try {
      const status = await requestStatusView(this.host.client, this.uri);
      if (version !== this.version || this.disposed) return;
      this.post({ type: 'status', status, forecastRunning: status?.forecastRunning ?? false });
    } catch (e) {
      this.host.log(`Preview: could not get the status report for ${this.uri.toString()}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private async reveal(loc: { uri: string; line: number; character: number; endLine: number; endCharacter: number }): Promise<void> {
    if (!isRevealAllowed(loc, this.programFiles)) {
      this.host.log(revealRefusal(loc.uri));
      return;
    }
    const uri = vscode.Uri.parse(loc.uri);
    const range = new vscode.Range(loc.line, loc.character, loc.endLine, loc.endCharacter);
    // Reuse the column where the file is already open, else the first one (the preview is usually beside).
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === loc.uri);
    const column = visible?.viewColumn ?? (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One);
    await vscode.window.showTextDocument(uri, { viewColumn: column, selection: range, preserveFocus: false });
  }

  private async save(fileName: string, content: string, encoding: 'utf8' | 'base64'): Promise<void> {
    const target = await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.joinPath(this.uri, '..', fileName) });
    if (!target) return;
    const bytes = encoding === 'base64' ? Buffer.from(content, 'base64') : new TextEncoder().encode(content);
    await vscode.workspace.fs.writeFile(target, bytes);
    void vscode.window.showInformationMessage(`Exported ${vscode.workspace.asRelativePath(target)}`);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.forecast.dispose();
    for (const p of this.pending.values()) p.reject(new Error('The preview was closed.'));
    this.pending.clear();
    this.panel.dispose();
    while (this.disposables.length) this.disposables.pop()?.dispose();
    this.host.disposed(this);
  }
}
