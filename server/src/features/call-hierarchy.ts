// Call hierarchy over dependencies, to jump between dependent items:
// incoming = what depends on an item, outgoing = what it depends on. Works
// for tasks, milestones and workstreams (a workstream's outgoing calls are
// the dependencies of its tasks that point outside it).
import { SymbolKind } from 'vscode-languageserver-types';
import type {
  CallHierarchyIncomingCall, CallHierarchyItem, CallHierarchyOutgoingCall, Position, Range,
} from 'vscode-languageserver-types';
import { FIELD_KINDS } from '../program/build.js';
import { dependentsOf, symbolAt } from '../program/lookup.js';
import { findDefinition } from '../program/resolve.js';
import type { Dependency, Entity } from '../program/types.js';
import { offsetIn, rangeIn } from './context.js';
import type { FeatureContext } from './context.js';
import { entityDetail, recordsOf } from './feature-util.js';

export interface CallHierarchyData {
  readonly uri: string;
  readonly id: string;
}

const KIND: Readonly<Record<string, SymbolKind>> = {
  task: SymbolKind.Function,
  milestone: SymbolKind.Event,
  workstream: SymbolKind.Module,
};

function isItem(e: Entity | undefined): e is Entity {
  return !!e && (e.kind === 'task' || e.kind === 'milestone' || e.kind === 'workstream');
}

function toItem(ctx: FeatureContext, e: Entity): CallHierarchyItem {
  const data: CallHierarchyData = { uri: e.uri, id: e.id };
  return {
    name: e.id,
    kind: KIND[e.kind] ?? SymbolKind.Object,
    detail: entityDetail(ctx.analysis, e),
    uri: e.uri,
    range: rangeIn(ctx, e.uri, e.span),
    selectionRange: rangeIn(ctx, e.uri, e.idSpan),
    data,
  };
}

function entityOf(ctx: FeatureContext, item: CallHierarchyItem): Entity | undefined {
  const model = ctx.analysis?.model;
  const data = item.data as Partial<CallHierarchyData> | undefined;
  const id = typeof data?.id === 'string' ? data.id : item.name;
  if (!model) return undefined;
  const e = findDefinition(model.definitions, id, FIELD_KINDS.depends_on);
  return isItem(e) ? e : undefined;
}

export function prepareCallHierarchy(ctx: FeatureContext, position: Position): CallHierarchyItem[] | null {
  const model = ctx.analysis?.model;
  if (!model) return null;
  try {
    const e = symbolAt(model, ctx.uri, offsetIn(ctx, position))?.entity;
    return isItem(e) ? [toItem(ctx, e)] : null;
  } catch {
    return null;
  }
}

export function incomingCalls(ctx: FeatureContext, item: CallHierarchyItem): CallHierarchyIncomingCall[] {
  const model = ctx.analysis?.model;
  const e = entityOf(ctx, item);
  if (!model || !e) return [];
  const byFrom = new Map<Entity, Range[]>();
  for (const d of dependentsOf(model, e)) {
    const list = byFrom.get(d.from) ?? [];
    list.push(rangeIn(ctx, d.reference.uri, d.reference.span));
    byFrom.set(d.from, list);
  }
  return [...byFrom].map(([from, fromRanges]) => ({ from: toItem(ctx, from), fromRanges }));
}

export function outgoingCalls(ctx: FeatureContext, item: CallHierarchyItem): CallHierarchyOutgoingCall[] {
  const model = ctx.analysis?.model;
  const e = entityOf(ctx, item);
  if (!model || !e) return [];
  const rec = recordsOf(model);
  let deps: Dependency[] = [];
  let inside = new Set<string>();
  if (e.kind === 'workstream') {
    const ws = rec.workstreams.get(e);
    inside = new Set([e.id, ...(ws?.taskIds ?? [])]);
    for (const t of model.tasks) if (t.workstreamId === e.id) deps.push(...t.dependsOn);
    deps = deps.filter((d) => !inside.has(d.targetId));
  } else {
    deps = [...(rec.tasks.get(e)?.dependsOn ?? rec.milestones.get(e)?.dependsOn ?? [])];
  }
  const byTarget = new Map<Entity, Range[]>();
  for (const d of deps) {
    const target = findDefinition(model.definitions, d.targetId, FIELD_KINDS.depends_on);
    if (!isItem(target)) continue;
    const list = byTarget.get(target) ?? [];
    list.push(rangeIn(ctx, d.uri, d.span));
    byTarget.set(target, list);
  }
  return [...byTarget].map(([to, fromRanges]) => ({ to: toItem(ctx, to), fromRanges }));
}
