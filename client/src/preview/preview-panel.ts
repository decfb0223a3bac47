// The preview's panels: at most one per program document, following the
// active program editor, restored after a window reload by the serializer.
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import type { LanguageClient } from 'vscode-languageclient/node';
import { requestExport } from '../requests';
import type { Zoom } from '../requests';
import { itemAtLine } from './cursor-item';
import type { PreviewHost, RenderReport } from './program-preview';
import { ProgramPreview, webviewOptions } from './program-preview';

export const PREVIEW_VIEW_TYPE = 'programAsCode.preview';
const LANGUAGE_ID = 'program-yaml';

export class PreviewManager implements vscode.Disposable {
  private readonly previews = new Set<ProgramPreview>();
  /** The preview that follows the active editor: the one used or opened last. */
  private following: ProgramPreview | undefined;
  private last: RenderReport | undefined;
  private readonly lastHighlight = new WeakMap<ProgramPreview, string | null>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly host: PreviewHost;

  constructor(private readonly context: vscode.ExtensionContext, private readonly client: LanguageClient) {
    this.host = {
      client,
      extensionUri: context.extensionUri,
      log: (m) => { try { client.outputChannel.appendLine(m); } catch { console.warn(m); } },
      rendered: (r) => { this.last = r; },
      disposed: (p) => { this.previews.delete(p); if (this.following === p) this.following = undefined; },
      focused: (p) => { this.following = p; },
    };
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0) return;
        for (const p of this.previews) if (p.shows(e.document.uri)) p.scheduleRefresh();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => this.follow(editor)),
      // A new baseline: the Gantt's shadow bars and the Status tab change.
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('programAsCode.baseline')) for (const p of this.previews) p.scheduleRefresh();
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => this.highlightAt(e.textEditor)),
      // After the server (re)starts (a crash, the restart command, or previews
      // restored before the first start), ask again: earlier requests failed.
      client.onDidChangeState((e) => {
        if (e.newState === State.Running) for (const p of this.previews) p.scheduleRefresh();
      }),
    );
  }

  async openPreview(uri: vscode.Uri, toSide: boolean): Promise<void> {
    const existing = this.find(uri);
    if (existing) {
      existing.panel.reveal(existing.panel.viewColumn, toSide);
      this.following = existing;
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      PREVIEW_VIEW_TYPE, 'Program preview',
      { viewColumn: toSide ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active, preserveFocus: toSide },
      webviewOptions(this.context.extensionUri),
    );
    this.attach(panel, uri);
  }

  /** The Gantt as a standalone SVG document, drawn by the server with the view layer's writer. */
  async exportGanttSvg(uri: vscode.Uri): Promise<string> {
    const zoom = vscode.workspace.getConfiguration('programAsCode.preview', uri).get<Zoom>('ganttZoom', 'week');
    const svg = await requestExport(this.client, uri, 'gantt-svg', zoom);
    if (svg === null) throw new Error(`${uri.fsPath} is not part of a program.`);
    return svg;
  }

  /** The dependency graph as SVG: mermaid draws it in the preview, so the preview is opened if needed. */
  async exportGraphSvg(uri: vscode.Uri): Promise<string> {
    let preview = this.find(uri);
    if (!preview) {
      await this.openPreview(uri, true);
      preview = this.find(uri);
    }
    if (!preview) throw new Error('The preview could not be opened.');
    return preview.requestExport('graph-svg');
  }

  async showCriticalPath(uri: vscode.Uri): Promise<void> {
    await this.openPreview(uri, true);
    const preview = this.find(uri);
    if (!preview) return;
    await preview.whenReady();
    preview.post({ type: 'showCriticalPath' });
  }

  /** For tests: what the webview last reported rendering. */
  lastRender(): { uri: string; tab: string; tasks: number; at: number } | undefined {
    return this.last;
  }

  /** Adopts a panel (new, or restored by the serializer) for a document. */
  attach(panel: vscode.WebviewPanel, uri: vscode.Uri): ProgramPreview {
    const preview = new ProgramPreview(panel, uri, this.host);
    this.previews.add(preview);
    this.following = preview;
    return preview;
  }

  private find(uri: vscode.Uri): ProgramPreview | undefined {
    const key = uri.toString();
    for (const p of this.previews) if (p.documentUri.toString() === key) return p;
    return undefined;
  }

  private follow(editor: vscode.TextEditor | undefined): void {
    if (!editor || editor.document.languageId !== LANGUAGE_ID) return;
    const uri = editor.document.uri;
    if (this.find(uri)) return; // that document has its own preview already
    if (this.following) this.following.setDocument(uri);
  }

  private highlightAt(editor: vscode.TextEditor): void {
    if (editor.document.languageId !== LANGUAGE_ID) return;
    const uri = editor.document.uri.toString();
    for (const p of this.previews) {
      if (!p.shows(editor.document.uri)) continue;
      void p.currentViewModel().then((vm) => {
        if (!vm) return;
        const id = itemAtLine(vm, uri, editor.selection.active.line);
        if (this.lastHighlight.get(p) === id) return;
        this.lastHighlight.set(p, id);
        p.post({ type: 'highlight', id });
      });
    }
  }

  dispose(): void {
    for (const p of [...this.previews]) p.dispose();
    this.previews.clear();
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }
}

/** Brings previews back after a window reload: the webview's saved state names its document. */
export function registerPreviewSerializer(context: vscode.ExtensionContext, manager: PreviewManager): vscode.Disposable {
  return vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
    deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
      const uri = typeof state === 'object' && state !== null && typeof (state as { documentUri?: unknown }).documentUri === 'string'
        ? (state as { documentUri: string }).documentUri : undefined;
      if (!uri) {
        panel.dispose(); // nothing to show: better closed than blank
        return Promise.resolve();
      }
      panel.webview.options = webviewOptions(context.extensionUri);
      manager.attach(panel, vscode.Uri.parse(uri));
      return Promise.resolve();
    },
  });
}
