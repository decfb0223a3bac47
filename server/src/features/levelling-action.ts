// "What levelling would do", as a code action on the program's id or on
// `scheduling:` while levelling is off: its title gives the finish and
// milestone changes (computed only when asked, since it levels the whole
// program), and applying it switches levelling on.
import { CodeActionKind } from 'vscode-languageserver-types';
import type { CodeAction, Range, TextEdit } from 'vscode-languageserver-types';
import { formatDate } from '../program/dates.js';
import { compareLevelling } from '../program/level-compare.js';
import { fileOf, lineIndexOf, toRange } from './context.js';
import type { FeatureContext } from './context.js';

export function levellingActions(ctx: FeatureContext, range: Range): CodeAction[] {
  const analysis = ctx.analysis;
  const program = analysis?.model.program;
  const file = fileOf(ctx, ctx.uri);
  if (!analysis || !program || !file || !file.isRoot || file.text !== ctx.text || program.entity.uri !== ctx.uri) return [];
  const scheduling = analysis.model.scheduling;
  if (analysis.schedule.levelled || scheduling?.levelling) return [];
  const index = lineIndexOf(file);
  const from = index.offsetAt(range.start);
  const to = index.offsetAt(range.end);
  const onId = from <= program.entity.idSpan.end && to >= program.entity.idSpan.start;
  const schedulingKey = /^scheduling[ \t]*:/m.exec(file.text);
  const onScheduling = schedulingKey !== null && range.start.line === index.positionAt(schedulingKey.index).line;
  if (!onId && !onScheduling) return [];

  const c = compareLevelling(analysis.model, { statusDate: analysis.statusDate, progressDate: analysis.schedule.progressDate });
  const moved = c.milestones.filter((m) => m.days !== 0).length;
  const finish = c.finish.days === null || c.finish.days === 0
    ? 'the finish does not move'
    : `finish ${formatDate(c.finish.before as number)} → ${formatDate(c.finish.after as number)} (${c.finish.days > 0 ? '+' : ''}${c.finish.days} working days)`;
  const title = `Turn on levelling: ${finish}; ${moved} of ${c.milestones.length} milestones move; ${c.delayed.length} task${c.delayed.length === 1 ? '' : 's'} delayed`;

  const nl = file.text.includes('\r\n') ? '\r\n' : '\n';
  let edit: TextEdit;
  if (scheduling?.levellingSpan) {
    edit = { range: toRange(file, scheduling.levellingSpan), newText: 'true' };
  } else if (!schedulingKey) {
    const end = index.positionAt(file.text.length);
    const lead = file.text.length > 0 && !file.text.endsWith('\n') ? nl : '';
    edit = { range: { start: end, end }, newText: `${lead}scheduling:${nl}  levelling: true${nl}` };
  } else {
    return []; // `scheduling:` written in a shape we would have to rewrite: leave it to the user
  }
  return [{ title, kind: CodeActionKind.QuickFix, edit: { changes: { [ctx.uri]: [edit] } } }];
}
