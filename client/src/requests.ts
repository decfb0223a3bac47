// Typed wrappers over the server's custom requests (server/src/protocol.ts):
// every request the extension makes goes through one of these.
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  BaselineRevisionsRequest, BaselineSummaryRequest, DependenciesRequest, DependentsRequest, ExportRequest, PreviewModelRequest, ProgramStatusRequest, StatusViewRequest,
} from '../../server/src/protocol';
import type {
  BaselineRevision, BaselineSummary, DependencyItem, ExportFormat, ProgramStatus, StatusView, Zoom,
} from '../../server/src/protocol';
import type { WireViewModel } from '../../server/src/view/webview-protocol';

export type { BaselineRevision, BaselineSummary, DependencyItem, ExportFormat, ProgramStatus, WireViewModel, Zoom };

export function requestBaselineSummary(client: LanguageClient, uri: vscode.Uri): Promise<BaselineSummary | null> {
  return client.sendRequest(BaselineSummaryRequest, { uri: uri.toString() });
}

export function requestBaselineRevisions(client: LanguageClient, uri: vscode.Uri): Promise<{ revisions: BaselineRevision[]; error: string | null }> {
  return client.sendRequest(BaselineRevisionsRequest, { uri: uri.toString() });
}

/** The view model of the document's program in its wire form, for the preview to forward as is (null: not a program file). */
export function requestViewModel(client: LanguageClient, uri: vscode.Uri): Promise<WireViewModel | null> {
  return client.sendRequest(PreviewModelRequest, { uri: uri.toString() });
}

/** The Status tab's report of the document's program (it may wait for git to read the baseline; null: not a program file). */
export function requestStatusView(client: LanguageClient, uri: vscode.Uri): Promise<(StatusView & { readonly forecastRunning: boolean }) | null> {
  return client.sendRequest(StatusViewRequest, { uri: uri.toString() });
}

/** An export of the document's program drawn by the server (null: not a program file). */
export async function requestExport(client: LanguageClient, uri: vscode.Uri, format: ExportFormat, zoom?: Zoom): Promise<string | null> {
  const answer = await client.sendRequest(ExportRequest, { uri: uri.toString(), format, ...(zoom && { zoom }) });
  return answer?.text ?? null;
}

export function requestProgramStatus(client: LanguageClient, uri: vscode.Uri): Promise<ProgramStatus | null> {
  return client.sendRequest(ProgramStatusRequest, { uri: uri.toString() });
}

export type DependencyDirection = 'dependents' | 'dependencies';

export function requestDependencyList(
  client: LanguageClient, direction: DependencyDirection, uri: vscode.Uri, position: vscode.Position,
): Promise<DependencyItem[]> {
  const type = direction === 'dependents' ? DependentsRequest : DependenciesRequest;
  return client.sendRequest(type, { uri: uri.toString(), position: { line: position.line, character: position.character } });
}
