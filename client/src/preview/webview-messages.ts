// Messages from the webview, checked before the extension acts on them: the
// webview renders text from program files, so treat what it sends as untrusted.
import type { SourceLocation } from '../../../server/src/program/view-model';

export type FromWebview =
  | { type: 'ready' }
  | { type: 'reveal'; location: SourceLocation }
  | { type: 'rendered'; tab: string; tasks: number }
  | { type: 'save'; fileName: string; content: string; encoding: 'utf8' | 'base64' }
  | { type: 'exportResult'; requestId: number; content?: string; error?: string };

const TABS = new Set(['gantt', 'graph', 'risks', 'milestones']);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

export function isLocation(v: unknown): v is SourceLocation {
  return isObject(v) && typeof v.uri === 'string' && isCount(v.line) && isCount(v.character) && isCount(v.endLine) && isCount(v.endCharacter);
}

/** The message if it is one we know and well formed; undefined otherwise. */
export function parseWebviewMessage(data: unknown): FromWebview | undefined {
  if (!isObject(data)) return undefined;
  switch (data.type) {
    case 'ready': return { type: 'ready' };
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
