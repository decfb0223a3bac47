// The preview webview: renders the view model the host posts (or, in the
// standalone HTML export, the one embedded in the page), keeps the user's
// view in setState, and posts clicks back. It never parses program files.
import type { SourceLocation, ViewModel } from '../../server/src/view/view-model.js';
import { ganttSvg } from '../../server/src/view/gantt-svg.js';
import { risksCsv } from '../../server/src/view/risks-csv.js';
import { programMarkdown } from '../../server/src/view/markdown.js';
import { h } from './dom.js';
import { saveFile, svgToPng } from './download.js';
import { GanttView } from './gantt/gantt-view.js';
import { GraphView } from './graph/graph-view.js';
import { connectHost } from './host.js';
import type { HostMessage, TabId } from '../../server/src/view/webview-protocol.js';
import { isViewModel, parseHostMessage } from '../../server/src/view/webview-protocol.js';
import { MilestonesView } from './milestones/milestones-view.js';
import { RisksView } from './risks/risks-view.js';
import { ResourcesView } from './resources/resources-view.js';
import { StatusTab } from './status/status-view.js';
import { isStatusView } from '../../server/src/view/status-message.js';
import type { UiState } from './state.js';
import { restoreState } from './state.js';
import type { ExportKind } from './toolbar.js';
import { Toolbar } from './toolbar.js';
import { printZoom } from './gantt/print.js';
import { ForecastTab } from './forecast/forecast-view.js';
import { isForecastView } from '../../server/src/view/forecast-message.js';

// The nonce of this script, so the lazily loaded mermaid script passes the CSP.
const nonce = (document.currentScript as HTMLScriptElement | null)?.nonce || undefined;
const host = connectHost();
let state: UiState = restoreState(host.getState(), document.body.dataset.defaultZoom);
let vm: ViewModel | undefined;
/** Item id → source location, built on the first reveal (not on the way to the first paint). */
let locations: Map<string, SourceLocation> | undefined;
/** Tabs drawn for the current view model and state; others redraw when shown. */
const fresh = new Set<TabId>();

const toolbar = new Toolbar({ change, exportAs: (k) => void exportAs(k) });
const gantt = new GanttView({
  reveal,
  toggleGroup: (g) => change({ collapsed: state.collapsed.includes(g) ? state.collapsed.filter((c) => c !== g) : [...state.collapsed, g] }),
  scrolled: (top, left) => { state.scrollTop = top; state.scrollLeft = left; host.setState(state); },
});
const graph = new GraphView({ reveal: (id) => { reveal(id); if (state.graphMode === 'focus') change({ focusId: id }); }, change, rendered: () => rendered('graph') }, nonce);
const risks = new RisksView({ reveal, change });
const milestones = new MilestonesView(reveal);
const forecast = new ForecastTab({ reveal, change }, host.standalone);
const resources = new ResourcesView({ reveal, revealLocation, change });
const status = new StatusTab(reveal);
let statusTimer: ReturnType<typeof setTimeout> | undefined;
const panels: Record<TabId, HTMLElement> = {
  gantt: gantt.root, graph: graph.root, risks: risks.root, milestones: milestones.root, resources: resources.root, forecast: forecast.root, status: status.root,
};
const empty = h('div', { class: 'empty-note' }, 'Waiting for the program…');

document.body.append(toolbar.root, empty, ...Object.entries(panels).map(([tab, el]) => h('section', { class: `panel panel-${tab}`, 'data-panel': tab, hidden: true }, el)));
toolbar.sync(state);

function change(patch: Partial<UiState>): void {
  const affects = Object.keys(patch);
  state = { ...state, ...patch };
  host.setState(state);
  toolbar.sync(state);
  // Which tabs a change invalidates: view options belong to one tab each.
  if (affects.some((k) => k === 'zoom' || k === 'collapsed' || k === 'criticalOnly')) fresh.delete('gantt');
  if (affects.some((k) => k.startsWith('graph') || k === 'focusId')) fresh.delete('graph'); // graphZoom only rescales: update() sees the same text
  if (affects.some((k) => k.startsWith('risk'))) fresh.delete('risks');
  if (affects.includes('forecastMilestone')) fresh.delete('forecast');
  if (affects.includes('resourcesOverOnly')) fresh.delete('resources');
  show();
}

function update(next: ViewModel): void {
  const first = vm === undefined;
  vm = next;
  locations = undefined;
  fresh.clear();
  if (!host.standalone) forecast.programChanged(); // the exported page's forecast is of its own view model
  empty.hidden = true;
  show();
  // Setting the scroll forces a layout: only when there is a position to restore.
  if (first && (state.scrollTop || state.scrollLeft)) gantt.restoreScroll(state.scrollTop, state.scrollLeft);
}

/** Shows the selected tab, drawing it if its data or options changed. */
function show(): void {
  for (const [tab, el] of Object.entries(panels)) (el.parentElement as HTMLElement).hidden = tab !== state.tab || !vm;
  // The Forecast tab and the milestones' P80 need the server's forecast of this text: ask once per view model.
  if (vm && !host.standalone && (state.tab === 'forecast' || state.tab === 'milestones') && forecast.wants()) {
    forecast.asking();
    host.post({ type: 'forecastWanted' });
  }
  if (!vm || fresh.has(state.tab)) return;
  fresh.add(state.tab);
  switch (state.tab) {
    case 'gantt': gantt.update(vm, state); rendered('gantt'); break;
    case 'graph': void graph.update(vm, state); break;
    case 'risks': risks.update(vm, state); rendered('risks'); break;
    case 'milestones': milestones.update(vm, forecast.latest); rendered('milestones'); break;
    case 'resources': resources.update(vm, state.resourcesOverOnly); rendered('resources'); break;
    case 'forecast': forecast.update(state); rendered('forecast'); break;
    case 'status':
      // The report may wait for git (the baseline): asked for only while this tab is shown.
      if (host.standalone) { if (status.current) rendered('status'); else status.waiting('This page carries no status report.'); }
      else { status.waiting('Computing the status report…'); host.post({ type: 'statusRequest' }); }
      break;
  }
}

function rendered(tab: TabId): void {
  document.body.dataset.rendered = tab;
  host.post({ type: 'rendered', tab, tasks: vm?.tasks.length ?? 0 });
}

function reveal(id: string): void {
  if (!locations && vm) {
    locations = new Map();
    for (const list of [vm.workstreams, vm.tasks, vm.milestones, vm.risks]) for (const it of list) locations.set(it.id, it.location);
  }
  const loc = locations?.get(id) ?? (status.current && Object.hasOwn(status.current.locations, id) ? status.current.locations[id] : undefined);
  if (loc) revealLocation(loc, id);
}

function revealLocation(loc: SourceLocation, id?: string): void {
  if (host.standalone) {
    // No editor behind the page: say where the item is defined instead.
    toolbar.say(`${id ?? fileName(loc.uri)}: ${fileName(loc.uri)}:${loc.line + 1}`);
    return;
  }
  host.post({ type: 'reveal', location: loc });
}

function fileName(uri: string): string {
  const last = uri.split('/').pop() ?? uri;
  try { return decodeURIComponent(last); } catch { return last; }
}

function handle(msg: HostMessage): void {
  switch (msg.type) {
    case 'update':
      if (msg.documentUri !== state.documentUri) { state.documentUri = msg.documentUri; host.setState(state); }
      update(msg.viewModel);
      break;
    case 'highlight':
      if (msg.id !== null && state.graphMode === 'focus' && msg.id !== state.focusId) change({ focusId: msg.id });
      // In a side panel the automatic graph shows the neighbourhood of the item under the cursor.
      else if (graph.setCursor(msg.id) && vm && graph.followsCursor(vm, state)) { fresh.delete('graph'); if (state.tab === 'graph') show(); }
      gantt.highlight(msg.id);
      break;
    case 'showTab': change({ tab: msg.tab }); break;
    case 'showCriticalPath': change({ tab: 'gantt', criticalOnly: true }); break;
    case 'exportRequest': void answerExport(msg.requestId, msg.what); break;
    case 'forecast':
      forecast.setView(msg.forecast);
      fresh.delete('forecast');
      fresh.delete('milestones');
      show();
      break;
    case 'forecastProgress': forecast.showProgress(msg.percentage, msg.message); break;
    case 'status':
      if (msg.status) { status.update(msg.status); rendered('status'); } else status.waiting('No status report for this file.');
      // P80 comes when the Monte Carlo forecast (in the server's worker) is done: ask again.
      if (statusTimer) clearTimeout(statusTimer);
      statusTimer = msg.forecastRunning ? setTimeout(() => { if (state.tab === 'status') host.post({ type: 'statusRequest' }); }, 2000) : undefined;
      break;
  }
}

async function answerExport(requestId: number, what: 'gantt-svg' | 'graph-svg'): Promise<void> {
  try {
    if (!vm) throw new Error('No program is shown.');
    const content = what === 'gantt-svg' ? ganttSvg(vm, { zoom: state.zoom }) : await graphSvg(vm);
    host.post({ type: 'exportResult', requestId, content });
  } catch (e) {
    host.post({ type: 'exportResult', requestId, error: e instanceof Error ? e.message : String(e) });
  }
}

async function graphSvg(model: ViewModel): Promise<string> {
  await graph.update(model, state);
  const svg = graph.svgMarkup();
  if (!svg) throw new Error('The dependency graph could not be drawn.');
  return svg;
}

async function exportAs(kind: ExportKind): Promise<void> {
  if (!vm) return;
  const base = vm.program.id ?? 'program';
  try {
    if (kind === 'csv') { saveFile(host, `${base}-risks.csv`, risksCsv(vm), 'utf8', 'text/csv'); return; }
    if (kind === 'markdown') { saveFile(host, `${base}.md`, programMarkdown(vm), 'utf8', 'text/markdown'); return; }
    const chart = state.tab === 'graph' ? 'graph' : 'gantt';
    const svg = chart === 'gantt' ? ganttSvg(vm, { zoom: state.zoom }) : await graphSvg(vm);
    if (kind === 'svg') { saveFile(host, `${base}-${chart}.svg`, svg, 'utf8', 'image/svg+xml'); return; }
    const bg = getComputedStyle(document.body).backgroundColor || '#ffffff';
    saveFile(host, `${base}-${chart}.png`, await svgToPng(svg, bg), 'base64', 'image/png');
  } catch (e) {
    toolbar.say(e instanceof Error ? e.message : String(e));
  }
}

window.addEventListener('message', (e: MessageEvent) => {
  const msg = parseHostMessage(e.data);
  if (!msg) { console.warn('Program as Code preview: ignored an unknown or malformed message'); return; }
  handle(msg);
});

// Mermaid's theme follows VS Code's: re-render the graph when the body classes change.
new MutationObserver(() => { fresh.delete('graph'); if (state.tab === 'graph') show(); })
  .observe(document.body, { attributes: true, attributeFilter: ['class'] });

// Printing (the exported page's File > Print, to paper or PDF): the whole Gantt, every
// row, at the finest zoom that fits a landscape page, or every Resources row; the CSS hides the controls.
let printing = false;
function beforePrint(): void {
  if (printing || !vm) return;
  printing = true;
  document.body.classList.add('printing');
  if (state.tab === 'gantt') {
    gantt.update(vm, { ...state, zoom: printZoom(vm, state.zoom) });
    gantt.setAllRows(true);
  }
  if (state.tab === 'resources') resources.setPrinting(true);
}
function afterPrint(): void {
  if (!printing) return;
  printing = false;
  document.body.classList.remove('printing');
  gantt.setAllRows(false);
  resources.setPrinting(false);
  fresh.delete('gantt');
  show();
}
window.addEventListener('beforeprint', beforePrint);
window.addEventListener('afterprint', afterPrint);
window.matchMedia?.('print').addEventListener?.('change', (e) => (e.matches ? beforePrint() : afterPrint()));

if (host.standalone) {
  document.body.classList.add('pac-standalone');
  if (window.matchMedia?.('(prefers-color-scheme: dark)').matches && !document.body.classList.contains('vscode-light')) document.body.classList.add('vscode-dark');
  const embeddedForecast = document.getElementById('forecast');
  if (embeddedForecast?.textContent) {
    try {
      const data: unknown = JSON.parse(embeddedForecast.textContent);
      if (isForecastView(data)) forecast.setView(data);
      else console.warn('Program as Code preview: the embedded forecast is malformed');
    } catch {
      console.warn('Program as Code preview: the embedded forecast is not JSON');
    }
  }
  const report = document.getElementById('status-view')?.textContent;
  if (report) {
    try {
      const data: unknown = JSON.parse(report);
      if (isStatusView(data)) status.update(data);
      else console.warn('Program as Code preview: the embedded status report is malformed');
    } catch {
      console.warn('Program as Code preview: the embedded status report is not JSON');
    }
  }
  const embedded = document.getElementById('view-model');
  if (embedded?.textContent) {
    try {
      const data: unknown = JSON.parse(embedded.textContent);
      if (isViewModel(data)) update(data);
      else console.warn('Program as Code preview: the embedded view model is malformed');
    } catch {
      console.warn('Program as Code preview: the embedded view model is not JSON');
    }
  }
}
host.post({ type: 'ready' });
