// Exports: the Gantt SVG, the risk CSV and the Mermaid text are drawn by the
// server (programAsCode/export) with the view writers, the same ones the
// preview's own buttons use; the dependency graph's SVG by the preview
// (mermaid runs there).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { saveExport } from '../export/save-export';
import type { PreviewApi } from '../preview-api';
import { targetProgramUri } from '../program-document';
import { requestExport } from '../requests';
import type { ExportFormat } from '../requests';

async function exportOf(client: LanguageClient, uri: vscode.Uri, format: ExportFormat): Promise<string | undefined> {
  const text = await requestExport(client, uri, format);
  if (text === null) void vscode.window.showWarningMessage('This file is not part of a program the server can read.');
  return text ?? undefined;
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
  const csv = await exportOf(client, uri, 'risks-csv');
  if (csv === undefined) return undefined;
  return saveExport(uri, '.risks.csv', { CSV: ['csv'] }, csv, target);
}

/** Puts Markdown with a Mermaid Gantt and flowchart on the clipboard; resolves to the text. */
export async function copyAsMermaid(client: LanguageClient, arg?: unknown): Promise<string | undefined> {
  const uri = targetProgramUri(arg);
  if (!uri) return undefined;
  const markdown = await exportOf(client, uri, 'mermaid-markdown');
  if (markdown === undefined) return undefined;
  await vscode.env.clipboard.writeText(markdown);
  void vscode.window.showInformationMessage('Copied the Gantt chart and dependency graph as Mermaid Markdown.');
  return markdown;
}
