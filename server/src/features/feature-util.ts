// Small helpers shared by completion, hover, code lenses, inlay hints, call
// hierarchy, code actions and semantic tokens: the line index of the buffer
// asked about, date formatting of schedule items, markdown escaping.
import type { ProgramAnalysis } from '../program/analyze.js';
import { formatDate } from '../program/dates.js';
import { LineIndex } from '../program/line-index.js';
import { perObject } from '../program/memo.js';
import { KIND_LABEL } from '../program/resolve.js';
import type { ItemSchedule } from '../program/schedule.js';
import type { ProgramModel } from '../program/model.js';
import type { Team } from '../program/model.js';
import type { Day, Entity, Milestone, Person, Risk, Span, Task, Workstream } from '../program/types.js';
import type { Position, Range } from 'vscode-languageserver-types';
import { fileOf, lineIndexOf } from './context.js';
import type { FeatureContext } from './context.js';

let lastText: string | undefined;
let lastIndex: LineIndex | undefined;

/**
 * The line index of the context's buffer: the parsed file's when the analysis
 * is of this very text, else one built over the buffer (cached for the last text).
 */
export function bufferIndex(ctx: FeatureContext): LineIndex {
  const file = fileOf(ctx, ctx.uri);
  if (file && file.text === ctx.text) return lineIndexOf(file);
  if (lastText !== ctx.text || !lastIndex) {
    lastText = ctx.text;
    lastIndex = new LineIndex(ctx.text);
  }
  return lastIndex;
}

/**
 * The buffer offset of a position, without indexing the whole buffer when the
 * analysed text is the same up to the position's line (the usual case while
 * typing: the edit is on the cursor's line).
 */
export function bufferOffset(ctx: FeatureContext, position: Position): number {
  if (ctx.offsetAt) return ctx.offsetAt(position);
  const file = fileOf(ctx, ctx.uri);
  if (file) {
    const index = lineIndexOf(file);
    if (file.text === ctx.text) return index.offsetAt(position);
    if (position.line < index.lineCount) {
      const start = index.lineStart(position.line);
      if (ctx.text.length >= start && ctx.text.startsWith(file.text.slice(0, start))) {
        let end = start;
        while (end < ctx.text.length && ctx.text.charCodeAt(end) !== 10 && ctx.text.charCodeAt(end) !== 13) end++;
        return Math.min(start + Math.max(0, position.character), end);
      }
    }
  }
  return bufferIndex(ctx).offsetAt(position);
}

/** A span of the buffer as an LSP range. */
export function bufferRange(index: LineIndex, span: Span): Range {
  return { start: index.positionAt(span.start), end: index.positionAt(span.end) };
}

/** True when the analysis was made from the buffer's current text (its spans are valid in it). */
export function analysisMatchesBuffer(ctx: FeatureContext): boolean {
  const file = fileOf(ctx, ctx.uri);
  return !!file && file.text === ctx.text;
}

export function dateOrNull(day: Day | null | undefined): string | null {
  return day === null || day === undefined ? null : formatDate(day);
}

/** `2026-01-12 → 2026-01-30` for a task or workstream, the date for a milestone, '' when undated. */
export function itemDates(item: ItemSchedule | undefined): string {
  if (!item || item.start === null || item.end === null) return '';
  if (item.kind === 'milestone') return formatDate(item.end);
  return `${formatDate(item.start)} → ${formatDate(item.end)}`;
}

/** `Build the public API · task · 2026-01-12 → 2026-01-30`. */
export function entityDetail(analysis: ProgramAnalysis | undefined, e: Entity): string {
  const parts: string[] = [];
  if (e.name) parts.push(e.name);
  parts.push(KIND_LABEL[e.kind]);
  const dates = itemDates(analysis && scheduleOf(analysis, e));
  if (dates) parts.push(dates);
  return parts.join(' · ');
}

/** Escapes text for Markdown so user-written names cannot inject links, HTML or formatting. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`));
}

/** Inline code for an id (ids match `^[A-Za-z][A-Za-z0-9_.-]*$`, so no backtick can be inside; still guarded). */
export function code(text: string): string {
  return text.includes('`') ? escapeMarkdown(text) : `\`${text}\``;
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** The schedule of an entity (tasks, milestones, workstreams), only when the ids' kinds agree. */
export function scheduleOf(analysis: ProgramAnalysis, e: Entity): ItemSchedule | undefined {
  const item = analysis.schedule.items.get(e.id);
  return item && item.kind === e.kind ? item : undefined;
}

export interface Records {
  readonly tasks: ReadonlyMap<Entity, Task>;
  readonly milestones: ReadonlyMap<Entity, Milestone>;
  readonly workstreams: ReadonlyMap<Entity, Workstream>;
  readonly risks: ReadonlyMap<Entity, Risk>;
  readonly people: ReadonlyMap<Entity, Person>;
  readonly teams: ReadonlyMap<Entity, Team>;
}

/** The typed record of each entity, built once per model. */
export const recordsOf = perObject((model: ProgramModel): Records => ({
  tasks: new Map(model.tasks.map((x) => [x.entity, x])),
  milestones: new Map(model.milestones.map((x) => [x.entity, x])),
  workstreams: new Map(model.workstreams.map((x) => [x.entity, x])),
  risks: new Map(model.risks.map((x) => [x.entity, x])),
  people: new Map(model.people.map((x) => [x.entity, x])),
  teams: new Map(model.teams.map((x) => [x.entity, x])),
}));
