// The lists behind "Go to Dependents" / "Go to Dependencies" and the status
// bar's program summary (custom requests in protocol.ts).
import type { ProgramAnalysis } from '../program/analyze.js';
import { formatDate } from '../program/dates.js';
import { dependentsOf, resolveReference, symbolAt } from '../program/lookup.js';
import { slippingCount } from '../program/milestone-state.js';
import type { Entity } from '../program/types.js';
import type { Location, Position } from 'vscode-languageserver-types';
import { offsetIn, rangeIn } from './context.js';
import type { FeatureContext } from './context.js';

/** One item of a dependents/dependencies list (the answer of programAsCode/dependents and /dependencies). */
export interface DependencyItem {
  readonly id: string;
  readonly name?: string;
  readonly kind: string;
  /** Early start, YYYY-MM-DD, when scheduled. */
  readonly start?: string;
  /** Early end (a milestone's forecast), YYYY-MM-DD, when scheduled. */
  readonly end?: string;
  /** The item's id token. */
  readonly location: Location;
}

/** What the status bar shows (programAsCode/programSummary). */
export interface ProgramSummary {
  /** The program's id, or null for a fragment no root includes. */
  readonly programId: string | null;
  /** The program's finish, YYYY-MM-DD, or null when nothing is dated. */
  readonly finish: string | null;
  /** How many milestones are forecast after their target. */
  readonly slippingMilestones: number;
}

function item(ctx: FeatureContext, analysis: ProgramAnalysis, e: Entity): DependencyItem {
  const s = analysis.schedule.items.get(e.id);
  const dated = s && s.kind === e.kind;
  return {
    id: e.id, kind: e.kind,
    ...(e.name !== undefined && { name: e.name }),
    ...(dated && s.start !== null && { start: formatDate(s.start) }),
    ...(dated && s.end !== null && { end: formatDate(s.end) }),
    location: { uri: e.uri, range: rangeIn(ctx, e.uri, e.idSpan) },
  };
}

function entityAt(ctx: FeatureContext, position: Position): Entity | undefined {
  const model = ctx.analysis?.model;
  return model ? symbolAt(model, ctx.uri, offsetIn(ctx, position))?.entity : undefined;
}

/** What depends on the item under the cursor (its `depends_on` successors). */
export function listDependents(ctx: FeatureContext, position: Position): DependencyItem[] {
  const analysis = ctx.analysis;
  const entity = entityAt(ctx, position);
  if (!analysis || !entity) return [];
  const seen = new Set<Entity>();
  const out: DependencyItem[] = [];
  for (const { from } of dependentsOf(analysis.model, entity)) {
    if (seen.has(from)) continue;
    seen.add(from);
    out.push(item(ctx, analysis, from));
  }
  return out;
}

/** What the item under the cursor depends on (its `depends_on` list, resolved). */
export function listDependencies(ctx: FeatureContext, position: Position): DependencyItem[] {
  const analysis = ctx.analysis;
  const entity = entityAt(ctx, position);
  if (!analysis || !entity) return [];
  const out: DependencyItem[] = [];
  const seen = new Set<Entity>();
  // References are in file order and lie inside their entity's span, so this is one pass over the file's tokens.
  for (const r of analysis.model.references) {
    if (r.field !== 'depends_on' || r.from?.id !== entity.id || r.from.kind !== entity.kind || r.uri !== entity.uri) continue;
    if (r.span.start < entity.span.start || r.span.end > entity.span.end) continue;
    const target = resolveReference(analysis.model, r);
    if (!target || seen.has(target)) continue;
    seen.add(target);
    out.push(item(ctx, analysis, target));
  }
  return out;
}

/** The status bar's words for a summary: `finish 2026-08-25 · 1 slipping`, or `no dates yet · 0 slipping`. */
export function programStatusText(summary: ProgramSummary): string {
  return `${summary.finish ? `finish ${summary.finish}` : 'no dates yet'} · ${slippingCount(summary.slippingMilestones)}`;
}

export function programSummary(analysis: ProgramAnalysis | undefined): ProgramSummary {
  if (!analysis) return { programId: null, finish: null, slippingMilestones: 0 };
  let slipping = 0;
  for (const s of analysis.schedule.items.values()) if (s.kind === 'milestone' && (s.slip ?? 0) > 0) slipping++;
  return {
    programId: analysis.model.program?.id ?? null,
    finish: analysis.schedule.finish === null ? null : formatDate(analysis.schedule.finish),
    slippingMilestones: slipping,
  };
}
