// What the preview remembers across updates and window reloads (setState):
// the user's view, never the data (that comes from the server again).
import type { TabId } from '../../server/src/view/webview-protocol.js';

import type { Zoom } from '../../server/src/view/gantt-layout.js';
export type { Zoom };
export const ZOOMS: readonly Zoom[] = ['day', 'week', 'month', 'quarter'];
export type GraphMode = 'full' | 'focus' | 'workstreams';
export type RiskSortKey = 'default' | 'id' | 'title' | 'score' | 'band' | 'status' | 'owner';

export interface UiState {
  /** The document the panel shows, so the serializer can reopen it after a reload. */
  documentUri: string | null;
  tab: TabId;
  zoom: Zoom;
  collapsed: string[];
  criticalOnly: boolean;
  scrollTop: number;
  scrollLeft: number;
  graphMode: GraphMode | 'auto';
  graphDepth: number;
  /** 'auto' (the largest readable scale that fits, see GraphView), 'fit' to the panel width, or a scale of the natural size. */
  graphZoom: 'auto' | 'fit' | '0.5' | '0.75' | '1' | '1.5';
  focusId: string | null;
  riskSort: RiskSortKey;
  riskSortDesc: boolean;
  riskFilter: string;
  riskCell: [number, number] | null;
  riskStatus: 'all' | 'open' | 'closed';
  /** The milestone whose S-curve the Forecast tab shows beside the finish's ('' : the first). */
  forecastMilestone: string;
  /** Resources tab: only the people and pools over-allocated in some week. */
  resourcesOverOnly: boolean;
}

export function defaultState(zoom: Zoom = 'week'): UiState {
  return {
    documentUri: null, tab: 'gantt', zoom, collapsed: [], criticalOnly: false, scrollTop: 0, scrollLeft: 0,
    graphMode: 'auto', graphDepth: 2, graphZoom: 'auto', focusId: null,
    riskSort: 'default', riskSortDesc: false, riskFilter: '', riskCell: null, riskStatus: 'all', forecastMilestone: '',
    resourcesOverOnly: false,
  };
}

/** Merges a restored state over the defaults, keeping only well-typed fields. */
export function restoreState(saved: Partial<UiState> | undefined, defaultZoom?: string): UiState {
  const st = defaultState((ZOOMS as readonly string[]).includes(defaultZoom ?? '') ? (defaultZoom as Zoom) : 'week');
  if (!saved || typeof saved !== 'object') return st;
  const d = st as unknown as Record<string, unknown>;
  for (const [k, v] of Object.entries(saved)) {
    if (k in d && typeof v === typeof d[k]) d[k] = v;
  }
  if (Array.isArray(saved.riskCell) && saved.riskCell.length === 2) st.riskCell = saved.riskCell;
  if (!Array.isArray(st.collapsed)) st.collapsed = [];
  if (!['auto', 'fit', '0.5', '0.75', '1', '1.5'].includes(st.graphZoom)) st.graphZoom = 'auto';
  if (typeof saved.documentUri === 'string') st.documentUri = saved.documentUri;
  if (saved.focusId !== undefined && (typeof saved.focusId === 'string' || saved.focusId === null)) st.focusId = saved.focusId;
  return st;
}
