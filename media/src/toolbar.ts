// The toolbar: tab switching, Gantt zoom and critical-path filter, exports.
import { h } from './dom.js';
import type { TabId } from '../../server/src/view/webview-protocol.js';
import { TABS } from '../../server/src/view/webview-protocol.js';
import type { UiState, Zoom } from './state.js';
import { ZOOMS } from './state.js';

export type ExportKind = 'svg' | 'png' | 'csv' | 'markdown';

export interface ToolbarCallbacks {
  change(patch: Partial<UiState>): void;
  exportAs(kind: ExportKind): void;
}

const TAB_LABELS: Record<TabId, string> = {
  gantt: 'Gantt', graph: 'Dependencies', risks: 'Risks', milestones: 'Milestones', resources: 'Resources', forecast: 'Forecast', status: 'Status',
};

export class Toolbar {
  readonly root = h('div', { class: 'toolbar', role: 'toolbar' });
  private readonly tabs = new Map<TabId, HTMLButtonElement>();
  private readonly zoom = h('select', { class: 'zoom', 'aria-label': 'Zoom' }, ...ZOOMS.map((z) => h('option', { value: z }, z[0]!.toUpperCase() + z.slice(1))));
  private readonly critical = h('input', { type: 'checkbox', class: 'critical-only' });
  private readonly ganttOnly = h('span', { class: 'gantt-tools' });
  private readonly chartOnly: HTMLButtonElement[] = [];
  readonly message = h('span', { class: 'toolbar-message', role: 'status' });

  constructor(cb: ToolbarCallbacks) {
    const tablist = h('div', { class: 'tabs', role: 'tablist' });
    for (const t of TABS) {
      const b = h('button', { class: 'tab', role: 'tab', 'data-tab': t }, TAB_LABELS[t]);
      b.addEventListener('click', () => cb.change({ tab: t }));
      this.tabs.set(t, b);
      tablist.append(b);
    }
    this.zoom.addEventListener('change', () => cb.change({ zoom: this.zoom.value as Zoom }));
    this.critical.addEventListener('change', () => cb.change({ criticalOnly: this.critical.checked }));
    this.ganttOnly.append(this.zoom, h('label', { class: 'check' }, this.critical, ' Critical path only'));
    const exports = h('span', { class: 'exports' });
    for (const [kind, label, title] of [
      ['svg', 'SVG', 'Export this chart as SVG'], ['png', 'PNG', 'Export this chart as PNG'],
      ['csv', 'CSV', 'Export the risk register as CSV'], ['markdown', 'Markdown', 'Export the plan as Markdown (mermaid diagrams and the risk table)'],
    ] as const) {
      const b = h('button', { class: `export export-${kind}`, title, 'data-export': kind }, label);
      b.addEventListener('click', () => cb.exportAs(kind));
      if (kind === 'svg' || kind === 'png') this.chartOnly.push(b);
      exports.append(b);
    }
    this.root.append(tablist, this.ganttOnly, h('span', { class: 'spacer' }), this.message, exports);
  }

  sync(st: UiState): void {
    for (const [t, b] of this.tabs) {
      b.setAttribute('aria-selected', String(t === st.tab));
      b.classList.toggle('active', t === st.tab);
    }
    this.zoom.value = st.zoom;
    this.critical.checked = st.criticalOnly;
    this.ganttOnly.hidden = st.tab !== 'gantt';
    for (const b of this.chartOnly) b.disabled = st.tab !== 'gantt' && st.tab !== 'graph';
  }

  say(text: string): void {
    this.message.textContent = text;
  }
}
