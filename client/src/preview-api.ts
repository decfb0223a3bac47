// What the commands need from the preview (client/src/preview/, owned by the
// preview issue). Commands depend on this interface only, so they can be
// tested and written without the panel.
import type * as vscode from 'vscode';

export interface PreviewApi {
  openPreview(uri: vscode.Uri, toSide: boolean): Promise<void>;
  /** The Gantt chart as a standalone SVG document. */
  exportGanttSvg(uri: vscode.Uri): Promise<string>;
  /** The dependency graph as a standalone SVG document. */
  exportGraphSvg(uri: vscode.Uri): Promise<string>;
  showCriticalPath(uri: vscode.Uri): Promise<void>;
}
