// The status bar item on program files: "$(calendar) finish 2026-08-25 · 1 slipping",
// from the server's programStatus (the words are the core's); a click opens the preview. It refreshes
// when the active editor changes and when the program's diagnostics change
// (the server republishes them after every re-analysis, so that is our
// "schedule changed" signal), debounced because a keystroke touches many files.
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Commands } from './ids';
import { activeProgramEditor } from './program-document';
import { requestBaselineSummary, requestProgramStatus } from './requests';
import type { BaselineSummary, ProgramStatus } from './requests';

const REFRESH_DELAY_MS = 250;

export function summaryText(summary: ProgramStatus): string {
  return `$(calendar) ${summary.text}`;
}

/** " · +3d vs v1" after the finish, when a baseline is set and loaded. */
export function baselineText(b: BaselineSummary | null): string {
  if (!b) return '';
  if (b.error || !b.finish || b.finish.variance === null) return ` · no baseline ${b.revision}`;
  const v = b.finish.variance;
  return ` · ${v > 0 ? `+${v}` : v === 0 ? '±0' : String(v)}d vs ${b.revision}`;
}

export class ProgramStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('programAsCode.summary', vscode.StatusBarAlignment.Left, 100);
  private readonly disposables: vscode.Disposable[] = [this.item];
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Drops answers that arrive after a newer refresh started. */
  private generation = 0;

  constructor(private readonly client: LanguageClient) {
    this.item.name = 'Program summary';
    this.item.command = Commands.openPreview;
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)),
      vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('programAsCode.baseline')) this.schedule(REFRESH_DELAY_MS); }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some((u) => u.path.endsWith('.program.yaml') || u.path.endsWith('.program.yml'))) this.schedule(REFRESH_DELAY_MS);
      }),
      // A restarted server (after a crash) may republish nothing new: ask it directly.
      client.onDidChangeState((e) => { if (e.newState === State.Running) this.schedule(0); }),
    );
    this.schedule(0);
  }

  /** The current text, for tests (the item itself is not readable through the API). */
  get text(): string | undefined {
    return activeProgramEditor() ? this.item.text : undefined;
  }

  private schedule(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  private async refresh(): Promise<void> {
    const editor = activeProgramEditor();
    const generation = ++this.generation;
    if (!editor) {
      this.item.hide();
      return;
    }
    let summary: ProgramStatus | null = null;
    let baseline: BaselineSummary | null = null;
    try {
      summary = this.client.isRunning() ? await requestProgramStatus(this.client, editor.document.uri) : null;
      // Git may take a moment; the summary above is shown meanwhile on the next refresh.
      baseline = summary && this.client.isRunning() ? await requestBaselineSummary(this.client, editor.document.uri) : null;
    } catch {
      summary = null; // the server restarting; the next diagnostics change refreshes us
    }
    if (generation !== this.generation) return;
    if (!summary) {
      this.item.hide();
      return;
    }
    this.item.text = summaryText(summary) + baselineText(baseline);
    this.item.tooltip = new vscode.MarkdownString(
      `**${summary.programId ?? 'Program'}**\n\n`
      + `Forecast finish: ${summary.finish ?? 'not scheduled'}\n\n`
      + `Milestones slipping (forecast after their target): ${summary.slippingMilestones}\n\n`
      + (baseline ? (baseline.error ? `No baseline ${baseline.revision}: ${baseline.error}\n\n` : `Against ${baseline.revision}: finish ${baseline.finish?.baseline ?? '–'} → ${baseline.finish?.current ?? '–'}, ${baseline.milestonesLater} milestone(s) later\n\n`) : '')
      + 'Click to open the preview.',
    );
    this.item.show();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
