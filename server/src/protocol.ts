// The custom requests between our client (and the preview) and the language
// server, typed once. Method names are namespaced `programAsCode/...`; each
// JSDoc says which side sends it. Import this file by relative path from both
// sides; esbuild bundles it.
import { RequestType } from 'vscode-languageserver-protocol';
import type { Position, WorkDoneProgressParams } from 'vscode-languageserver-protocol';
import type { ExportFormat } from './view/export-text.js';
import type { ViewModel, Zoom } from './view/view-model.js';
import type { WireViewModel } from './view/wire.js';
import type { StatusView } from './view/status-types.js';

export interface DocumentParams {
  /** A program file (root or fragment); the answer is about its program. */
  readonly uri: string;
}

export interface DocumentPositionParams extends DocumentParams {
  readonly position: Position;
}

// The list items and the summary are built by a pure feature (which may not
// import this protocol package), so their types live there and are shared.
export type { DependencyItem, ProgramSummary } from './features/dependency-list.js';
import type { DependencyItem, ProgramSummary } from './features/dependency-list.js';

export type ViewModelResult = ViewModel;

/** Client → server: everything the preview draws for the document's program, as plain objects (null when the file is not a program file). */
export const ViewModelRequest = new RequestType<DocumentParams, ViewModelResult | null, void>('programAsCode/viewModel');

/**
 * Client → server: the same view model in its wire form (view/wire.ts), which
 * the preview panel forwards to the webview as is: encoded once, here.
 */
export const PreviewModelRequest = new RequestType<DocumentParams, WireViewModel | null, void>('programAsCode/previewModel');

export type { ExportFormat, Zoom };

export interface ExportParams extends DocumentParams {
  readonly format: ExportFormat;
  /** The Gantt's zoom (`gantt-svg`); a week when absent. */
  readonly zoom?: Zoom;
}

/** Client → server: an export of the document's program as text, drawn by the view writers (null when the file is not a program file). */
export const ExportRequest = new RequestType<ExportParams, { text: string } | null, void>('programAsCode/export');

/** Client → server: the items that depend on the task/milestone/workstream at the position ("Go to Dependents"). */
export const DependentsRequest = new RequestType<DocumentPositionParams, DependencyItem[], void>('programAsCode/dependents');

/** Client → server: the items the task/milestone at the position depends on ("Go to Dependencies"). */
export const DependenciesRequest = new RequestType<DocumentPositionParams, DependencyItem[], void>('programAsCode/dependencies');

/** Client → server: the program's finish and slipping milestones. */
export const ProgramSummaryRequest = new RequestType<DocumentParams, ProgramSummary | null, void>('programAsCode/programSummary');

/** The summary and the status bar's words for it (`finish 2026-08-25 · 1 slipping`), in the core's vocabulary. */
export interface ProgramStatus extends ProgramSummary {
  readonly text: string;
}

/** Client → server: the status bar's summary and text. */
export const ProgramStatusRequest = new RequestType<DocumentParams, ProgramStatus | null, void>('programAsCode/programStatus');

export interface BaselineSummary {
  /** The revision in `programAsCode.baseline` and the commit it names now. */
  readonly revision: string;
  readonly commit: string | null;
  /** The program finish then and now (YYYY-MM-DD) and its drift in working days (positive: later now). */
  readonly finish: { readonly baseline: string | null; readonly current: string | null; readonly variance: number | null } | null;
  /** Milestones forecast later than at the baseline. */
  readonly milestonesLater: number;
  /** Why there is no baseline (not a repository, unknown revision, …). */
  readonly error: string | null;
}

/** Client → server: the finish's drift from the baseline, for the status bar (null when no baseline is set). */
export const BaselineSummaryRequest = new RequestType<DocumentParams, BaselineSummary | null, void>('programAsCode/baselineSummary');

export interface BaselineRevision {
  readonly revision: string;
  readonly kind: 'tag' | 'commit';
  readonly date: string;
  readonly subject: string;
}

/** Client → server: tags (newest first) and recent commits of the repository holding the document, for "Pick Baseline". */
export const BaselineRevisionsRequest = new RequestType<DocumentParams, { revisions: BaselineRevision[]; error: string | null }, void>('programAsCode/baselineRevisions');

export type { ForecastView } from './view/forecast-types.js';
import type { ForecastView } from './view/forecast-types.js';

export interface ForecastParams extends DocumentParams, WorkDoneProgressParams {}

/**
 * Client → server: the Monte Carlo forecast of the document's program (the preview's Forecast tab), run in
 * the server's worker thread. Answers when the run for the current text is done; its progress goes to the
 * request's `workDoneToken` ($/progress). An edit of the program before then answers ContentModified
 * (-32801): ask again for the new text. Without estimates or schedule risks it answers at once with
 * `status: 'no-uncertainty'` and the sentence to show. null when the file is not a program file.
 */
export const ForecastRequest = new RequestType<ForecastParams, ForecastView | null, void>('programAsCode/forecast');

export type { StatusView } from './view/status-types.js';

/**
 * Client → server: the Status tab's report for the document's program (null when it is not a program file).
 * Waits for git when a baseline is set (the view model never does); `forecastRunning` says to ask again for P80.
 */
export const StatusViewRequest = new RequestType<DocumentParams, (StatusView & { readonly forecastRunning: boolean }) | null, void>('programAsCode/statusView');
