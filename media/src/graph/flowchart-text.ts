// Mermaid flowchart source for the Dependencies tab, in three views: the full
// graph (tasks and milestones in one subgraph per workstream), a focus view
// (one item and its predecessors and successors N levels deep) and a
// workstream view (one node per workstream) that keeps big programs readable.
// Node ids are generated (n0, n1, w0…), never user ids, so no user text can
// reach mermaid's syntax; labels are quoted and entity-escaped.
import { escapeFlowchartLabel } from '../../../server/src/view/mermaid.js';
import type { ViewModel } from '../../../server/src/view/view-model.js';

export type GraphView = 'full' | 'focus' | 'workstreams';

export interface FlowchartText {
  readonly text: string;
  /** Mermaid node id → item id (task, milestone or workstream). */
  readonly items: Map<string, string>;
  readonly nodeCount: number;
  readonly edgeCount: number;
}

/** A quoted mermaid label, escaped by the same rule as the Markdown export. */
export function mermaidLabel(text: string): string {
  return `"${escapeFlowchartLabel(text)}"`;
}

const MAX_LABEL = 48;
function short(text: string): string {
  return text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text;
}

export function flowchartText(vm: ViewModel, view: GraphView, focusId: string | null, depth: number): FlowchartText {
  return view === 'workstreams' ? workstreamText(vm) : itemText(vm, view === 'focus' ? focusSet(vm, focusId, depth) : null);
}

/** The item and everything within `depth` dependency steps before or after it. */
export function focusSet(vm: ViewModel, focusId: string | null, depth: number): Set<string> {
  const keep = new Set<string>();
  if (focusId === null) return keep;
  const preds = new Map<string, string[]>();
  const succs = new Map<string, string[]>();
  for (const d of vm.dependencies) {
    (preds.get(d.to) ?? preds.set(d.to, []).get(d.to)!).push(d.from);
    (succs.get(d.from) ?? succs.set(d.from, []).get(d.from)!).push(d.to);
  }
  keep.add(focusId);
  for (const edges of [preds, succs]) {
    let frontier = [focusId];
    for (let level = 0; level < depth && frontier.length > 0; level++) {
      const next: string[] = [];
      for (const id of frontier) for (const n of edges.get(id) ?? []) if (!keep.has(n)) { keep.add(n); next.push(n); }
      frontier = next;
    }
  }
  return keep;
}

function itemText(vm: ViewModel, only: Set<string> | null): FlowchartText {
  const lines = ['flowchart LR'];
  const items = new Map<string, string>();
  const nodeOf = new Map<string, string>();
  const critical: string[] = [];
  const include = (id: string): boolean => only === null || only.has(id);
  let n = 0;
  const taskById = new Map(vm.tasks.map((t) => [t.id, t]));
  const wsNode = new Map<string, string>();
  vm.workstreams.forEach((ws, i) => {
    const members = ws.taskIds.filter(include);
    const wholeWs = only?.has(ws.id) ?? false;
    if (members.length === 0 && !wholeWs) return;
    const wid = `w${i}`;
    wsNode.set(ws.id, wid);
    items.set(wid, ws.id);
    lines.push(`  subgraph ${wid}[${mermaidLabel(short(ws.name ?? ws.id))}]`);
    for (const tid of members) {
      if (nodeOf.has(tid)) continue;
      const task = taskById.get(tid);
      const nid = `n${n++}`;
      nodeOf.set(tid, nid);
      items.set(nid, tid);
      lines.push(`    ${nid}[${mermaidLabel(short(task?.name ?? tid))}]`);
      if (task?.critical) critical.push(nid);
    }
    lines.push('  end');
  });
  for (const t of vm.tasks) {
    if (nodeOf.has(t.id) || !include(t.id)) continue;
    const nid = `n${n++}`;
    nodeOf.set(t.id, nid);
    items.set(nid, t.id);
    lines.push(`  ${nid}[${mermaidLabel(short(t.name ?? t.id))}]`);
    if (t.critical) critical.push(nid);
  }
  for (const m of vm.milestones) {
    if (!include(m.id)) continue;
    const nid = `n${n++}`;
    nodeOf.set(m.id, nid);
    items.set(nid, m.id);
    lines.push(`  ${nid}{{${mermaidLabel(`◆ ${short(m.name ?? m.id)}`)}}}`);
    if (m.critical) critical.push(nid);
  }
  const critEdges: number[] = [];
  let edges = 0;
  for (const d of vm.dependencies) {
    const a = nodeOf.get(d.from) ?? wsNode.get(d.from);
    const b = nodeOf.get(d.to);
    if (!a || !b) continue;
    const tag = `${d.type === 'FS' ? '' : d.type}${d.lagDays ? `${d.lagDays > 0 ? '+' : ''}${d.lagDays}d` : ''}`;
    lines.push(tag ? `  ${a} -->|${mermaidLabel(tag)}| ${b}` : `  ${a} --> ${b}`);
    if (d.critical) critEdges.push(edges);
    edges++;
  }
  finish(lines, critical, critEdges);
  return { text: lines.join('\n'), items, nodeCount: nodeOf.size, edgeCount: edges };
}

function workstreamText(vm: ViewModel): FlowchartText {
  const lines = ['flowchart LR'];
  const items = new Map<string, string>();
  const nodeOf = new Map<string, string>();
  const critical: string[] = [];
  const wsOfTask = new Map<string, string>();
  vm.workstreams.forEach((ws, i) => {
    const nid = `w${i}`;
    nodeOf.set(ws.id, nid);
    items.set(nid, ws.id);
    for (const t of ws.taskIds) wsOfTask.set(t, ws.id);
    lines.push(`  ${nid}[${mermaidLabel(`${short(ws.name ?? ws.id)} (${ws.taskIds.length})`)}]`);
    if (ws.critical) critical.push(nid);
  });
  vm.milestones.forEach((m, i) => {
    const nid = `m${i}`;
    nodeOf.set(m.id, nid);
    items.set(nid, m.id);
    lines.push(`  ${nid}{{${mermaidLabel(`◆ ${short(m.name ?? m.id)}`)}}}`);
    if (m.critical) critical.push(nid);
  });
  // One edge per pair of groups, critical if any dependency between them is.
  const pairs = new Map<string, boolean>();
  const groupOf = (id: string): string | undefined => nodeOf.get(wsOfTask.get(id) ?? id);
  for (const d of vm.dependencies) {
    const a = groupOf(d.from);
    const b = groupOf(d.to);
    if (!a || !b || a === b) continue;
    const k = `${a} ${b}`;
    pairs.set(k, (pairs.get(k) ?? false) || d.critical);
  }
  const critEdges: number[] = [];
  let edges = 0;
  for (const [k, crit] of pairs) {
    const [a, b] = k.split(' ');
    lines.push(`  ${a} --> ${b}`);
    if (crit) critEdges.push(edges);
    edges++;
  }
  finish(lines, critical, critEdges);
  return { text: lines.join('\n'), items, nodeCount: nodeOf.size, edgeCount: edges };
}

function finish(lines: string[], critical: string[], critEdges: number[]): void {
  lines.push('  classDef crit stroke:#e51400,stroke-width:3px');
  if (critical.length) lines.push(`  class ${critical.join(',')} crit`);
  if (critEdges.length) lines.push(`  linkStyle ${critEdges.join(',')} stroke:#e51400,stroke-width:2.5px`);
}
