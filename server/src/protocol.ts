// The custom requests between our client (and the preview) and the language
// server, typed once. Method names are namespaced `programAsCode/...`; each
// JSDoc says which side sends it. Import this file by relative path from both
// sides; esbuild bundles it.
import { RequestType } from 'vscode-languageserver-protocol';
import type { Position } from 'vscode-languageserver-protocol';
import type { ViewModel } from './program/view-model.js';

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
