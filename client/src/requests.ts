// Typed wrappers over the server's custom requests (server/src/protocol.ts).
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  BaselineRevisionsRequest, BaselineSummaryRequest, DependenciesRequest, DependentsRequest, ProgramSummaryRequest, ViewModelRequest,
} from '../../server/src/protocol';
import type { BaselineRevision, BaselineSummary, DependencyItem, ProgramSummary, ViewModelResult } from '../../server/src/protocol';

export type { BaselineRevision, BaselineSummary, DependencyItem, ProgramSummary, ViewModelResult };

export function requestBaselineSummary(client: LanguageClient, uri: vscode.Uri): Promise<BaselineSummary | null> {
  return client.sendRequest(BaselineSummaryRequest, { uri: uri.toString() });
}

export function requestBaselineRevisions(client: LanguageClient, uri: vscode.Uri): Promise<{ revisions: BaselineRevision[]; error: string | null }> {
  return client.sendRequest(BaselineRevisionsRequest, { uri: uri.toString() });
}

export function requestViewModel(client: LanguageClient, uri: vscode.Uri): Promise<ViewModelResult | null> {
  return client.sendRequest(ViewModelRequest, { uri: uri.toString() });
}

export function requestProgramSummary(client: LanguageClient, uri: vscode.Uri): Promise<ProgramSummary | null> {
  return client.sendRequest(ProgramSummaryRequest, { uri: uri.toString() });
}

export type DependencyDirection = 'dependents' | 'dependencies';

export function requestDependencyList(
  client: LanguageClient, direction: DependencyDirection, uri: vscode.Uri, position: vscode.Position,
): Promise<DependencyItem[]> {
  const type = direction === 'dependents' ? DependentsRequest : DependenciesRequest;
  return client.sendRequest(type, { uri: uri.toString(), position: { line: position.line, character: position.character } });
}
