// The custom requests between our client (and the preview) and the language
// server, typed once. Method names are namespaced `programAsCode/...`; each
// JSDoc says which side sends it. Import this file by relative path from both
// sides; esbuild bundles it.
import { RequestType } from 'vscode-languageserver-protocol';
import type { Position } from 'vscode-languageserver-protocol';
import type { ViewModel } from './view/view-model.js';
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

/** Client → server: everything the preview draws for the document's program (null when the file is not a program file). */
export const ViewModelRequest = new RequestType<DocumentParams, ViewModelResult | null, void>('programAsCode/viewModel');

/** Client → server: the items that depend on the task/milestone/workstream at the position ("Go to Dependents"). */
export const DependentsRequest = new RequestType<DocumentPositionParams, DependencyItem[], void>('programAsCode/dependents');

/** Client → server: the items the task/milestone at the position depends on ("Go to Dependencies"). */
export const DependenciesRequest = new RequestType<DocumentPositionParams, DependencyItem[], void>('programAsCode/dependencies');

/** Client → server: the program's finish and slipping milestones, for the status bar. */
export const ProgramSummaryRequest = new RequestType<DocumentParams, ProgramSummary | null, void>('programAsCode/programSummary');

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

export type { StatusView } from './view/status-types.js';

/**
 * Client → server: the Status tab's report for the document's program (null when it is not a program file).
 * Waits for git when a baseline is set (the view model never does); `forecastRunning` says to ask again for P80.
 */
export const StatusViewRequest = new RequestType<DocumentParams, (StatusView & { readonly forecastRunning: boolean }) | null, void>('programAsCode/statusView');
