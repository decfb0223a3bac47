// The program as Mermaid: a Gantt chart and a dependency flowchart, as
// Markdown code blocks ("Copy as Mermaid" in the editor; the CLI can reuse
// it). Pure: a view model in, text out.
//
// Escaping: user text goes through Mermaid's entity codes (`#58;` is `:`),
// which Mermaid decodes after parsing. In a Gantt line `:` ends the task
// name, `#`/`;` end the data and `%%` starts a comment; in a flowchart label
// `"` ends the string. Ids are never trusted as Mermaid ids: nodes get
// generated ids, so an entity called `end` or `a-->b` cannot change the graph.
import type { ViewDependency, ViewModel } from '../view-model.js';

const GANTT_SPECIALS = /[#:;%\r\n]/g;
const LABEL_SPECIALS = /[#"<>`\r\n]/g;
const NAMED: Readonly<Record<string, string>> = { '"': 'quot', '<': 'lt', '>': 'gt' };

function entity(ch: string): string {
  if (ch === '\r' || ch === '\n') return ' ';
  return `#${NAMED[ch] ?? ch.charCodeAt(0)};`;
}

/** Text safe inside a Gantt task name, section or title. */
export function escapeGanttText(text: string): string {
  return text.replace(GANTT_SPECIALS, entity).replace(/\s+/g, ' ').trim() || '(unnamed)';
}

/** Text safe inside a double-quoted flowchart label. */
export function escapeFlowchartLabel(text: string): string {
  return text.replace(LABEL_SPECIALS, entity).replace(/\s+/g, ' ').trim() || '(unnamed)';
}

/** Mermaid's Gantt end date is exclusive; ours is the last working day. */
function dayAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export function programAsMermaidGantt(vm: ViewModel): string {
  const lines = ['gantt', `  title ${escapeGanttText(vm.program.name ?? vm.program.id ?? 'Program')}`, '  dateFormat YYYY-MM-DD'];
  const byWorkstream = new Map<string | null, typeof vm.tasks[number][]>();
  for (const t of vm.tasks) {
    if (t.start === null || t.end === null) continue; // undated (in a cycle): nothing to draw
    const list = byWorkstream.get(t.workstreamId) ?? [];
    list.push(t);
    byWorkstream.set(t.workstreamId, list);
  }
  const workstreamName = new Map(vm.workstreams.map((w) => [w.id, w.name ?? w.id]));
  for (const [wsId, tasks] of byWorkstream) {
    lines.push(`  section ${escapeGanttText(wsId === null ? 'Tasks' : (workstreamName.get(wsId) ?? wsId))}`);
    for (const t of tasks) {
      if (t.status === 'cancelled') {
        // Cancelled work takes no time (its end is the day before its start):
        // a zero-length `done` mark named as cancelled, never a negative bar.
        lines.push(`    ${escapeGanttText(`✕ ${t.name ?? t.id} (cancelled)`)} :done, ${t.start}, 0d`);
        continue;
      }
      const tags = [t.critical && 'crit', t.status === 'done' ? 'done' : t.status === 'in-progress' && 'active'].filter(Boolean);
      // A zero-length task (end = start - 1) still ends no earlier than it starts.
      const end = dayAfter(t.end as string);
      lines.push(`    ${escapeGanttText(t.name ?? t.id)} :${[...tags, t.start, end < (t.start as string) ? t.start : end].join(', ')}`);
    }
  }
  const dated = vm.milestones.filter((m) => m.date !== null);
  if (dated.length > 0) {
    lines.push('  section Milestones');
    for (const m of dated) {
      const tags = ['milestone', ...(m.critical ? ['crit'] : [])];
      lines.push(`    ${escapeGanttText(m.name ?? m.id)} :${[...tags, m.date, '0d'].join(', ')}`);
    }
  }
  return lines.join('\n');
}

function edgeLabel(d: ViewDependency): string {
  const parts = [d.type === 'FS' ? '' : d.type, d.lagDays ? `${d.lagDays > 0 ? '+' : ''}${d.lagDays}d` : ''].filter(Boolean);
  return parts.join(' ');
}

export function programAsMermaidFlowchart(vm: ViewModel): string {
  const nodeIds = new Map<string, string>();
  const nodeId = (id: string): string => {
    let n = nodeIds.get(id);
    if (n === undefined) {
      n = `n${nodeIds.size}`;
      nodeIds.set(id, n);
    }
    return n;
  };
  const lines = ['flowchart LR'];
  const critical: string[] = [];
  for (const w of vm.workstreams) {
    lines.push(`  subgraph ${nodeId(w.id)}["${escapeFlowchartLabel(w.name ?? w.id)}"]`);
    for (const t of vm.tasks.filter((task) => task.workstreamId === w.id)) {
      lines.push(`    ${nodeId(t.id)}["${escapeFlowchartLabel(t.name ?? t.id)}"]`);
      if (t.critical) critical.push(nodeId(t.id));
    }
    lines.push('  end');
  }
  for (const t of vm.tasks.filter((task) => task.workstreamId === null)) {
    lines.push(`  ${nodeId(t.id)}["${escapeFlowchartLabel(t.name ?? t.id)}"]`);
    if (t.critical) critical.push(nodeId(t.id));
  }
  for (const m of vm.milestones) {
    lines.push(`  ${nodeId(m.id)}{{"${escapeFlowchartLabel(m.name ?? m.id)}"}}`);
    if (m.critical) critical.push(nodeId(m.id));
  }
  for (const d of vm.dependencies) {
    const arrow = d.critical ? '==>' : '-->';
    const label = edgeLabel(d);
    lines.push(`  ${nodeId(d.from)} ${arrow}${label ? `|"${escapeFlowchartLabel(label)}"|` : ''} ${nodeId(d.to)}`);
  }
  lines.push('  classDef critical stroke:#d62728,stroke-width:3px');
  if (critical.length > 0) lines.push(`  class ${critical.join(',')} critical`);
  return lines.join('\n');
}

/** Markdown with both diagrams, ready to paste into a README or an issue. */
export function programAsMermaidMarkdown(vm: ViewModel): string {
  const title = vm.program.name ?? vm.program.id ?? 'Program';
  return [
    `## ${title.replace(/[\r\n]+/g, ' ')}`, '',
    '### Schedule', '', '```mermaid', programAsMermaidGantt(vm), '```', '',
    '### Dependencies', '', '```mermaid', programAsMermaidFlowchart(vm), '```', '',
  ].join('\n');
}
