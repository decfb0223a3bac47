// The messages between the webview and its host (the VS Code panel, or the
// standalone page's shim). Incoming messages are checked before use: the
// webview ignores (with a console warning) anything it does not recognise.
import type { SourceLocation, ViewModel } from '../../server/src/view/view-model.js';
import { unpackViewModel } from '../../server/src/view/wire.js';
import type { StatusView } from '../../server/src/view/status-types.js';
import { isStatusView } from './status/status-view.js';

export type TabId = 'gantt' | 'graph' | 'risks' | 'milestones' | 'status';
export const TABS: readonly TabId[] = ['gantt', 'graph', 'risks', 'milestones', 'status'];

export type HostMessage =
  | { type: 'update'; viewModel: ViewModel; documentUri: string | null }
  | { type: 'highlight'; id: string | null }
  | { type: 'showTab'; tab: TabId }
  | { type: 'showCriticalPath' }
  | { type: 'exportRequest'; requestId: number; what: 'gantt-svg' | 'graph-svg' }
  /** The Status tab's report (null: the server has none for this document); ask again while the forecast runs. */
  | { type: 'status'; status: StatusView | null; forecastRunning: boolean };

export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'reveal'; location: SourceLocation }
  | { type: 'rendered'; tab: TabId; tasks: number }
  | { type: 'save'; fileName: string; content: string; encoding: 'utf8' | 'base64' }
  | { type: 'exportResult'; requestId: number; content?: string; error?: string }
  | { type: 'statusRequest' };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Enough of a view model to draw without throwing: the arrays the tabs iterate. */
export function isViewModel(v: unknown): v is ViewModel {
  if (!isObject(v) || typeof v.uri !== 'string' || !isObject(v.program)) return false;
  for (const k of ['workstreams', 'tasks', 'milestones', 'dependencies', 'risks', 'criticalPath']) {
    if (!Array.isArray(v[k])) return false;
  }
  return typeof (v.program as Record<string, unknown>).statusDate === 'string';
}

export function isTab(v: unknown): v is TabId {
  return typeof v === 'string' && (TABS as readonly string[]).includes(v);
}

export function parseHostMessage(data: unknown): HostMessage | undefined {
  if (!isObject(data)) return undefined;
  switch (data.type) {
    case 'update': {
      // The panel sends the packed string (see packViewModel); a plain object is accepted too.
      const vm = typeof data.packed === 'string' ? unpackViewModel(data.packed) : data.viewModel;
      return isViewModel(vm)
        ? { type: 'update', viewModel: vm, documentUri: typeof data.documentUri === 'string' ? data.documentUri : null }
        : undefined;
    }
    case 'highlight':
      return typeof data.id === 'string' || data.id === null ? { type: 'highlight', id: data.id } : undefined;
    case 'showTab':
      return isTab(data.tab) ? { type: 'showTab', tab: data.tab } : undefined;
    case 'showCriticalPath':
      return { type: 'showCriticalPath' };
    case 'exportRequest':
      return typeof data.requestId === 'number' && (data.what === 'gantt-svg' || data.what === 'graph-svg')
        ? { type: 'exportRequest', requestId: data.requestId, what: data.what }
        : undefined;
    case 'status':
      return data.status === null || isStatusView(data.status)
        ? { type: 'status', status: data.status, forecastRunning: data.forecastRunning === true }
        : undefined;
    default:
      return undefined;
  }
}

export function isSourceLocation(v: unknown): v is SourceLocation {
  return isObject(v) && typeof v.uri === 'string' && typeof v.line === 'number' && typeof v.character === 'number'
    && typeof v.endLine === 'number' && typeof v.endCharacter === 'number';
}
