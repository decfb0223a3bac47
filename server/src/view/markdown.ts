// The plan as Markdown for GitHub: a mermaid gantt and flowchart (from
// mermaid.ts), the risk register as a table, and people's and pools' load
// (view/resources-markdown.ts). Table cells escape what would
// end a cell or turn into markup: pipes, backslashes, emphasis and link
// characters, and HTML (GitHub renders inline HTML in tables).
import type { ViewModel } from './view-model.js';
import { programAsMermaidFlowchart, programAsMermaidGantt } from './mermaid.js';
import { markdownCell } from './markdown-text.js';
import { riskOrder } from './risks-csv.js';
import { resourcesMarkdown } from './resources-markdown.js';

export { markdownCell };

export function risksMarkdownTable(vm: ViewModel): string {
  if (vm.risks.length === 0) return '_No risks recorded._\n';
  const head = ['ID', 'Title', 'Score', 'Band', 'Status', 'Owner', 'Mitigation', 'Contingency', 'Affects'];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`];
  for (const r of [...vm.risks].sort(riskOrder)) {
    const cells = [r.id, r.title, r.score, r.band, r.status, r.ownerName ?? r.owner, r.mitigation, r.contingency, r.affects.join(', ')];
    lines.push(`| ${cells.map(markdownCell).join(' | ')} |`);
  }
  return `${lines.join('\n')}\n`;
}

export function programMarkdown(vm: ViewModel): string {
  const title = markdownCell(vm.program.name ?? vm.program.id ?? 'Program');
  const p = vm.program;
  const slipping = vm.milestones.filter((m) => m.status === 'slipping').length;
  return [
    `# ${title}`, '',
    `Status date ${p.statusDate} · start ${p.start ?? '—'} · forecast finish ${p.finish ?? '—'} · ${vm.tasks.length} tasks · ${vm.milestones.length} milestones (${slipping} slipping) · ${vm.risks.filter((r) => r.open).length} open risks`, '',
    '## Schedule', '', '```mermaid', programAsMermaidGantt(vm), '```', '',
    '## Dependencies', '', '```mermaid', programAsMermaidFlowchart(vm), '```', '',
    '## Risks', '', risksMarkdownTable(vm),
    ...(vm.resources?.rows.length ? [resourcesMarkdown(vm.resources)] : []),
  ].join('\n');
}
