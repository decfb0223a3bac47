// The program as Mermaid: a Gantt chart and a dependency flowchart, as
// Markdown code blocks ("Copy as Mermaid" in the editor; the CLI can reuse
// it). Pure: a view model in, text out.
//
// Escaping: user text goes through Mermaid's entity codes (`#58;` is `:`),
// which Mermaid decodes after parsing. In a Gantt line `:` ends the task
// name, `#`/`;` end the data and `%%` starts a comment; in a flowchart label
// `"` ends the string. Ids are never trusted as Mermaid ids: nodes get
// generated ids, so an entity called `end` or `a-->b` cannot change the graph.
import { formatDate, parseDate } from '../program/dates.js';
import type { ViewDependency, ViewModel } from './view-model.js';
import { markdownCell } from './markdown-text.js';

// Control characters (C0, DEL, C1) and line or paragraph separators are
// dropped to a space: they can only end a statement or garble the output.
// Mermaid finds `%%{init: …}%%` directives anywhere in the text before it
// parses, even inside a label: in a Gantt `%` is an entity; in a flowchart
// label (drawn as SVG text by the preview, where mermaid shows entity codes
// literally) two `%` and an entity-like `#x;` are kept apart by a zero-width
// space, so the label looks the same and can only ever be text.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const GANTT_SPECIALS = /[#:;%{}\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const LABEL_SPECIALS = /["<>`\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const ZWSP = '\u2060'; // WORD JOINER: invisible, and no line break opportunity
const NAMED: Readonly<Record<string, string>> = { '"': 'quot', '<': 'lt', '>': 'gt' };
/**
 * Words that start a statement in a Gantt chart (mermaid's lexer is case
 * insensitive and some rules need no space after the word): a task name
 * beginning with one would become that statement (`Click tracking`,
 * `Section 508 audit`), so its first letter is written as an entity.
 */
const GANTT_KEYWORDS = /^(?:click|call|href|section|title|includes|excludes|dateformat|axisformat|tickinterval|todaymarker|inclusiveenddates|topaxis|weekday|weekend|acctitle|accdescr|gantt|displaymode)/i;

function entity(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029) return ' ';
  return `#${NAMED[ch] ?? code};`;
}

/** Text safe inside a Gantt task name, section or title: it can only ever be text. */
export function escapeGanttText(text: string): string {
  const safe = text.replace(GANTT_SPECIALS, entity).replace(/\s+/g, ' ').trim() || '(unnamed)';
  return GANTT_KEYWORDS.test(safe) ? `#${safe.charCodeAt(0)};${safe.slice(1)}` : safe;
}

/** Text safe inside a double-quoted flowchart label. */
export function escapeFlowchartLabel(text: string): string {
  return text
    .replace(/%(?=%)/g, `%${ZWSP}`)
    .replace(/#(?=\w*;)/g, `#${ZWSP}`)
    .replace(LABEL_SPECIALS, entity)
    .replace(/\s+/g, ' ').trim() || '(unnamed)';
}

/** Mermaid's Gantt end date is exclusive; ours is the last working day. */
function dayAfter(date: string): string {
  const day = parseDate(date);
  return day === undefined ? date : formatDate(day + 1);
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
    `## ${markdownCell(title)}`, '',
    '### Schedule', '', '```mermaid', programAsMermaidGantt(vm), '```', '',
    '### Dependencies', '', '```mermaid', programAsMermaidFlowchart(vm), '```', '',
  ].join('\n');
}

