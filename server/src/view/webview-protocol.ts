// The one protocol between the preview webview (media/) and its host (the VS
// Code panel in client/, or the standalone page's shim): the messages both
// ways, the tab list, and the validators. Both sides check what they receive
// before using it: the webview renders text from program files, so what it
// posts is untrusted, and the webview ignores (with a console warning)
// anything it does not recognise. Pure: no Node, no DOM, no vscode.
import type { SourceLocation, ViewModel } from './view-model.js';
import type { WireViewModel } from './wire.js';
import { decodeViewModel } from './wire.js';
import type { ForecastView } from './forecast-types.js';
import { isForecastProgress, isForecastView } from './forecast-message.js';
import type { StatusView } from './status-types.js';
import { isStatusView } from './status-message.js';

export type { WireViewModel };
export { decodeViewModel };

export type TabId = 'gantt' | 'graph' | 'risks' | 'milestones' | 'resources' | 'forecast' | 'status';
export const TABS: readonly TabId[] = ['gantt', 'graph', 'risks', 'milestones', 'resources', 'forecast', 'status'];

/** What the webview draws for the host to save (mermaid runs only there). */
export type ExportWhat = 'gantt-svg' | 'graph-svg';

/** Host → webview, as the host posts it: the view model in the wire form the server sent, untouched. */
export type ToWebview =
  | { type: 'update'; viewModel: WireViewModel; documentUri: string | null }
  | { type: 'highlight'; id: string | null }
  | { type: 'showTab'; tab: TabId }
  | { type: 'showCriticalPath' }
  | { type: 'exportRequest'; requestId: number; what: ExportWhat }
  | { type: 'forecast'; forecast: ForecastView }
  | { type: 'forecastProgress'; percentage: number; message: string }
  /** The Status tab's report (null: the server has none for this document); ask again while the forecast runs. */
  | { type: 'status'; status: StatusView | null; forecastRunning: boolean };

/** Host → webview, as the webview reads it: the view model decoded. */
export type HostMessage =
  | Exclude<ToWebview, { type: 'update' }>
  | { type: 'update'; viewModel: ViewModel; documentUri: string | null };

/** Webview → host. */
export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'forecastWanted' }
  | { type: 'statusRequest' }
  | { type: 'reveal'; location: SourceLocation }
  | { type: 'rendered'; tab: TabId; tasks: number }
  | { type: 'save'; fileName: string; content: string; encoding: 'utf8' | 'base64' }
  | { type: 'exportResult'; requestId: number; content?: string; error?: string };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An LSP uinteger: a line or character number VS Code can take. */
function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 0x7fffffff;
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

export function isSourceLocation(v: unknown): v is SourceLocation {
  return isObject(v) && typeof v.uri === 'string' && isCount(v.line) && isCount(v.character) && isCount(v.endLine) && isCount(v.endCharacter);
}

/** The webview's reading of a host message; undefined if it is not one we know, well formed. */
export function parseHostMessage(data: unknown): HostMessage | undefined {
  if (!isObject(data)) return undefined;
  switch (data.type) {
    case 'update': {
      const vm = decodeViewModel(data.viewModel);
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
    case 'forecast':
      return isForecastView(data.forecast) ? { type: 'forecast', forecast: data.forecast } : undefined;
    case 'forecastProgress':
      return isForecastProgress(data) ? { type: 'forecastProgress', percentage: data.percentage as number, message: data.message as string } : undefined;
    case 'status':
      return data.status === null || isStatusView(data.status)
        ? { type: 'status', status: data.status, forecastRunning: data.forecastRunning === true }
        : undefined;
    default:
      return undefined;
  }
}

/** The host's reading of a webview message: the message if it is one we know and well formed, only its known fields. */
export function parseWebviewMessage(data: unknown): WebviewMessage | undefined {
  if (!isObject(data)) return undefined;
  switch (data.type) {
    case 'ready': return { type: 'ready' };
    case 'forecastWanted': return { type: 'forecastWanted' };
    case 'statusRequest': return { type: 'statusRequest' };
    case 'reveal': return isSourceLocation(data.location) ? { type: 'reveal', location: data.location } : undefined;
    case 'rendered':
      return isTab(data.tab) && isCount(data.tasks) ? { type: 'rendered', tab: data.tab, tasks: data.tasks } : undefined;
    case 'save':
      // A bare file name only: the user picks the folder in the save dialog.
      return typeof data.fileName === 'string' && /^[\w.-]{1,100}$/.test(data.fileName) && typeof data.content === 'string'
        && (data.encoding === 'utf8' || data.encoding === 'base64')
        ? { type: 'save', fileName: data.fileName, content: data.content, encoding: data.encoding } : undefined;
    case 'exportResult':
      return typeof data.requestId === 'number' && (data.content === undefined || typeof data.content === 'string') && (data.error === undefined || typeof data.error === 'string')
        ? { type: 'exportResult', requestId: data.requestId, ...(typeof data.content === 'string' && { content: data.content }), ...(typeof data.error === 'string' && { error: data.error }) }
        : undefined;
    default: return undefined;
  }
}

/** Reveal only inside the program the view model came from: its files, nothing else. */
export function isRevealAllowed(location: SourceLocation, programFiles: readonly string[]): boolean {
  return programFiles.includes(location.uri);
}

/** At most `max` characters of untrusted text, for a log line. */
function clip(text: string, max = 120): string {
  return text.length > max ? `${text.slice(0, max)}… (${text.length} characters)` : text;
}

function describeMessage(raw: unknown): string {
  if (typeof raw === 'object' && raw !== null && 'type' in raw) return `type ${JSON.stringify(clip(String((raw as { type: unknown }).type), 60))}`;
  return raw === null ? 'null' : Array.isArray(raw) ? 'array' : typeof raw;
}

export function revealRefusal(uri: string): string {
  return `Preview: refused to reveal ${JSON.stringify(clip(uri))}, which is not a file of the previewed program`;
}

export type CheckedMessage = { readonly ok: true; readonly message: WebviewMessage } | { readonly ok: false; readonly warning: string };

/**
 * What the panel does with a message from the webview: act on it, or ignore it
 * and log the warning. Unknown or malformed messages are ignored, and so is a
 * reveal of a file that is not one of the previewed program's.
 */
export function checkWebviewMessage(raw: unknown, programFiles: readonly string[]): CheckedMessage {
  const message = parseWebviewMessage(raw);
  if (!message) return { ok: false, warning: `Preview: ignored an unknown or malformed message from the webview (${describeMessage(raw)})` };
  if (message.type === 'reveal' && !isRevealAllowed(message.location, programFiles)) return { ok: false, warning: revealRefusal(message.location.uri) };
  return { ok: true, message };
}
