// The baseline diff for people: plain text for a terminal, Markdown for a pull
// request or a wiki. Pure renderers of a BaselineComparison.
import type { BaselineComparison, DiffItem } from './baseline-diff.js';
import type { Attribution } from './slip-attribution.js';

export function signed(n: number | null): string {
  return n === null ? '–' : n > 0 ? `+${n}` : String(n);
}

function days(n: number | null): string {
  return n === null ? 'n/a' : `${signed(n)} working day${Math.abs(n) === 1 ? '' : 's'}`;
}

export function attributionText(list: readonly Attribution[]): string {
  return list.map((a) => `${a.id} ${signed(a.days)}`).join(', ');
}

function moved(items: readonly DiffItem[]): DiffItem[] {
  return items.filter((i) => i.status !== 'unchanged' || (i.startVariance ?? 0) !== 0 || (i.endVariance ?? 0) !== 0);
}

export function diffText(c: BaselineComparison): string {
  const d = c.diff;
  const out: string[] = [];
  out.push(`Program ${d.program ?? '(no id)'} against ${d.baseline.revision} (${d.baseline.commit.slice(0, 12)})`);
  out.push(`Finish: ${d.finish.baseline ?? '–'} -> ${d.finish.current ?? '–'} (${days(d.finish.variance)})`);
  if (c.finishAttribution.length > 0) out.push(`  changed on its driving chain: ${attributionText(c.finishAttribution)}`);
  out.push('', 'Milestones:');
  if (d.milestones.length === 0) out.push('  (none)');
  const w = Math.max(4, ...d.milestones.map((m) => m.id.length));
  for (const m of d.milestones) {
    const why = m.attribution.length > 0 ? `  (${attributionText(m.attribution)})` : '';
    out.push(`  ${m.id.padEnd(w)}  ${(m.baseline ?? 'new').padEnd(10)} -> ${(m.current ?? '–').padEnd(10)}  ${days(m.variance)}${why}`);
  }
  const list = moved(d.items);
  out.push('', `Items added, removed, changed or moved (${list.length} of ${d.items.length}):`);
  if (list.length === 0) out.push('  (none)');
  const wi = Math.max(4, ...list.map((i) => i.id.length));
  for (const i of list) {
    const v = i.status === 'added' || i.status === 'removed' ? '' : `  start ${signed(i.startVariance)}, end ${signed(i.endVariance)}`;
    const f = i.changed.length > 0 ? `  [${i.changed.join(', ')}]` : '';
    out.push(`  ${i.id.padEnd(wi)}  ${i.kind.padEnd(9)} ${i.status.padEnd(9)}${v}${f}`.trimEnd());
  }
  out.push('', `Critical path then: ${d.criticalPath.baseline.join(' -> ') || '(none)'}`);
  out.push(`Critical path now:  ${d.criticalPath.current.join(' -> ') || '(none)'}`);
  return `${out.join('\n')}\n`;
}

/** Escapes text for a Markdown table cell or paragraph: no raw HTML, links or emphasis from user text. */
export function mdEscape(s: string): string {
  return s.replace(/[\r\n]+/g, ' ').replace(/[\\`*_[\]<>&|~!#{}]/g, (ch) => `\\${ch}`);
}

export function mdCode(s: string): string {
  // An id has no backtick (the id pattern forbids it); other text is escaped instead.
  return /^[A-Za-z][A-Za-z0-9_.-]*$/.test(s) ? `\`${s}\`` : mdEscape(s);
}

export function diffMarkdown(c: BaselineComparison): string {
  const d = c.diff;
  const out: string[] = [];
  out.push(`## ${mdEscape(d.program ?? 'Program')} against ${mdEscape(d.baseline.revision)}`, '');
  out.push(`Baseline commit \`${d.baseline.commit}\`. Finish ${d.finish.baseline ?? '–'} → ${d.finish.current ?? '–'} (${days(d.finish.variance)}).`);
  if (c.finishAttribution.length > 0) out.push('', `Changed on the finish's driving chain: ${c.finishAttribution.map((a) => `${mdCode(a.id)} ${signed(a.days)}`).join(', ')}.`);
  out.push('', '### Milestones', '', '| Milestone | Baseline | Now | Variance | Changed on its driving chain |', '| --- | --- | --- | ---: | --- |');
  for (const m of d.milestones) {
    out.push(`| ${mdCode(m.id)} | ${m.baseline ?? 'new'} | ${m.current ?? '–'} | ${signed(m.variance)} | ${m.attribution.map((a) => `${mdCode(a.id)} ${signed(a.days)}`).join(', ')} |`);
  }
  const list = moved(d.items);
  out.push('', '### Items', '');
  if (list.length === 0) out.push('Nothing was added, removed, changed or moved.');
  else {
    out.push('| Item | Kind | Status | Start | End | Changed |', '| --- | --- | --- | ---: | ---: | --- |');
    for (const i of list) out.push(`| ${mdCode(i.id)} | ${i.kind} | ${i.status} | ${signed(i.startVariance)} | ${signed(i.endVariance)} | ${i.changed.join(', ')} |`);
  }
  out.push('', '### Critical path', '', `- Then: ${d.criticalPath.baseline.map(mdCode).join(' → ') || '(none)'}`, `- Now: ${d.criticalPath.current.map(mdCode).join(' → ') || '(none)'}`);
  return `${out.join('\n')}\n`;
}
