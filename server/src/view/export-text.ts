// The text exports the editor asks the server for (programAsCode/export): the
// client never runs a writer itself (it asks the server; the core and the view
// writers are not in the extension bundle). The webview's own buttons run the
// same writers on the view model it holds.
import { ganttSvg } from './gantt-svg.js';
import { programAsMermaidMarkdown } from './mermaid.js';
import { risksCsv } from './risks-csv.js';
import type { ViewModel, Zoom } from './view-model.js';

export type ExportFormat = 'gantt-svg' | 'mermaid-markdown' | 'risks-csv';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['gantt-svg', 'mermaid-markdown', 'risks-csv'];
const ZOOMS: readonly Zoom[] = ['day', 'week', 'month', 'quarter'];

export function isExportFormat(v: unknown): v is ExportFormat {
  return typeof v === 'string' && (EXPORT_FORMATS as readonly string[]).includes(v);
}

/** The export in `format`; the Gantt at `zoom` (a week when it is not one). */
export function exportText(vm: ViewModel, format: ExportFormat, zoom?: unknown): string {
  switch (format) {
    case 'gantt-svg': return ganttSvg(vm, { zoom: ZOOMS.includes(zoom as Zoom) ? zoom as Zoom : 'week' });
    case 'mermaid-markdown': return programAsMermaidMarkdown(vm);
    case 'risks-csv': return risksCsv(vm);
  }
}
