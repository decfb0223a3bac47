// The webview's link to whoever hosts it. Inside VS Code that is
// acquireVsCodeApi(); in the standalone HTML export there is no host, so a shim
// keeps state in memory and turns "reveal" into a note of the file and line.
import type { UiState } from './state.js';
import type { WebviewMessage } from '../../server/src/view/webview-protocol.js';

export interface Host {
  /** True in the standalone HTML export (no editor behind the page). */
  readonly standalone: boolean;
  post(message: WebviewMessage): void;
  getState(): Partial<UiState> | undefined;
  setState(state: UiState): void;
}

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

export function connectHost(): Host {
  if (typeof acquireVsCodeApi === 'function') {
    const api = acquireVsCodeApi();
    return {
      standalone: false,
      post: (m) => api.postMessage(m),
      getState: () => (api.getState() ?? undefined) as Partial<UiState> | undefined,
      setState: (st) => api.setState(st),
    };
  }
  let saved: UiState | undefined;
  return {
    standalone: true,
    post: () => undefined,
    getState: () => saved,
    setState: (st) => { saved = st; },
  };
}
