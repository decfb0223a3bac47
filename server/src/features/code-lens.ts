// Code lenses on each task and milestone of the document: its computed dates,
// float, criticality and how many items depend on it; a click lists the
// dependents (the client's `programAsCode.showDependents` command).
import type { CodeLens } from 'vscode-languageserver-types';
import { formatDate } from '../program/dates.js';
import { dependentsOf } from '../program/lookup.js';
import { milestoneState, milestoneStateWords } from '../program/milestone-state.js';
import type { Entity } from '../program/types.js';
import { rangeIn } from './context.js';
import type { FeatureContext } from './context.js';
import { plural, scheduleOf } from './feature-util.js';
import type { ProgramAnalysis } from '../program/analyze.js';

export const SHOW_DEPENDENTS_COMMAND = 'programAsCode.showDependents';

export function provideCodeLenses(ctx: FeatureContext): CodeLens[] {
  const analysis = ctx.analysis;
  if (!analysis) return [];
  try {
    const out: CodeLens[] = [];
    for (const e of analysis.model.entities) {
      if (e.uri !== ctx.uri || (e.kind !== 'task' && e.kind !== 'milestone')) continue;
      const range = rangeIn(ctx, e.uri, e.idSpan);
      const title = lensTitle(analysis, e);
      out.push({ range, command: { title, command: SHOW_DEPENDENTS_COMMAND, arguments: [ctx.uri, range.start, e.id] } });
    }
    return out;
  } catch {
    return [];
  }
}

/** `ends 2026-03-20 · float 0 · critical · 3 dependents`, or for a milestone `forecast … · target … · slipping 2 working days`. */
export function lensTitle(analysis: ProgramAnalysis, e: Entity): string {
  const item = scheduleOf(analysis, e);
  const ids = new Set(dependentsOf(analysis.model, e).map((d) => d.from.id));
  const dependents = plural(ids.size, 'dependent');
  if (!item || item.end === null) return `${e.kind === 'milestone' ? milestoneStateWords('no-forecast', null) : 'no dates'} (dependency cycle) · ${dependents}`;
  const parts: string[] = [];
  if (e.kind === 'milestone') {
    const state = milestoneState(item);
    if (state === 'fixed') parts.push(`fixed ${formatDate(item.end)}`);
    else parts.push(`forecast ${formatDate(item.end)}`);
    if (item.target !== null) parts.push(`target ${formatDate(item.target)}`);
    if (state !== 'fixed') parts.push(milestoneStateWords(state, item.slip));
  } else {
    parts.push(item.durationDays === 0 ? `cancelled · ${formatDate(item.end)}` : `ends ${formatDate(item.end)}`);
  }
  if (item.totalFloat !== null) parts.push(`float ${item.totalFloat}`);
  if (item.critical) parts.push('critical');
  parts.push(dependents);
  return parts.join(' · ');
}
