// Exports: the preview draws the SVGs (the same picture the user sees); the
// risk CSV and the Mermaid text come from the server's view model through
// the core's exporters, the same ones the preview's own buttons use.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { programAsMermaidMarkdown } from '../../../server/src/view/mermaid';
import { risksCsv } from '../../../server/src/view/risks-csv';
import { saveExport } from '../export/save-export';
import type { PreviewApi } from '../preview-api';
import { targetProgramUri } from '../program-document';
import { requestViewModel } from '../requests';
import type { ViewModelResult } from '../requests';

async function viewModelOf(client: LanguageClient, uri: vscode.Uri): Promise<ViewModelResult | undefined> {
  const vm = await requestViewModel(client, uri);
  if (!vm) void vscode.window.showWarningMessage('This file is not part of a program the server can read.');
  return vm ?? undefined;
}

export async function exportSvg(preview: PreviewApi, which: 'gantt' | 'graph', arg?: unknown, target?: unknown): Promise<vscode.Uri | undefined> {
  const uri = targetProgramUri(arg);
  if (!uri) return undefined;
  const svg = which === 'gantt' ? await preview.exportGanttSvg(uri) : await preview.exportGraphSvg(uri);
  return saveExport(uri, which === 'gantt' ? '.gantt.svg' : '.dependencies.svg', { SVG: ['svg'] }, svg, target);
}

export async function exportRiskCsv(client: LanguageClient, arg?: unknown, target?: unknown): Promise<vscode.Uri | undefined> {
  const uri = targetProgramUri(arg);
  if (!uri) return undefined;
  const vm = await viewModelOf(client, uri);
  if (!vm) return undefined;
  return saveExport(uri, '.risks.csv', { CSV: ['csv'] }, risksCsv(vm), target);
}

/** Puts Markdown with a Mermaid Gantt and flowchart on the clipboard; resolves to the text. */
export async function copyAsMermaid(client: LanguageClient, arg?: unknown): Promise<string | undefined> {
  const uri = targetProgramUri(arg);
  if (!uri) return undefined;
  const vm = await viewModelOf(client, uri);
  if (!vm) return undefined;
  const markdown = programAsMermaidMarkdown(vm);
  await vscode.env.clipboard.writeText(markdown);
  void vscode.window.showInformationMessage('Copied the Gantt chart and dependency graph as Mermaid Markdown.');
  return markdown;
}
