// Messages from the webview, checked before the extension acts on them: the
// webview renders text from program files, so treat what it sends as untrusted.
import type { SourceLocation } from '../../../server/src/view/view-model';

export type FromWebview =
  | { type: 'ready' }
  | { type: 'reveal'; location: SourceLocation }
  | { type: 'rendered'; tab: string; tasks: number }
  | { type: 'save'; fileName: string; content: string; encoding: 'utf8' | 'base64' }
  | { type: 'exportResult'; requestId: number; content?: string; error?: string }
  | { type: 'statusRequest' };

const TABS = new Set(['gantt', 'graph', 'risks', 'milestones', 'status']);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** An LSP uinteger: a line or character number VS Code can take. */
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 0x7fffffff;

export function isLocation(v: unknown): v is SourceLocation {
  return isObject(v) && typeof v.uri === 'string' && isCount(v.line) && isCount(v.character) && isCount(v.endLine) && isCount(v.endCharacter);
}

/** The message if it is one we know and well formed; undefined otherwise. */
export function parseWebviewMessage(data: unknown): FromWebview | undefined {
  if (!isObject(data)) return undefined;
  switch (data.type) {
    case 'ready': return { type: 'ready' };
    case 'statusRequest': return { type: 'statusRequest' };
    case 'reveal': return isLocation(data.location) ? { type: 'reveal', location: data.location } : undefined;
    case 'rendered':
      return typeof data.tab === 'string' && TABS.has(data.tab) && isCount(data.tasks) ? { type: 'rendered', tab: data.tab, tasks: data.tasks } : undefined;
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

export type CheckedMessage = { readonly ok: true; readonly message: FromWebview } | { readonly ok: false; readonly warning: string };

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
